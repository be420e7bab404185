package io.tradingpipeline.job.model;

import java.math.BigDecimal;

/** Price candle and volume of one ticker on one trade date during one processing-time window. */
public class TickerWindowStats {
    private long windowStartMillis;
    private long windowEndMillis;
    private int tradeEpochDay;
    private String ticker;
    private String sector;
    private BigDecimal openPrice;
    private BigDecimal highPrice;
    private BigDecimal lowPrice;
    private BigDecimal closePrice;
    private long totalVolume;
    private BigDecimal vwap;
    private long tickCount;

    public TickerWindowStats() {}

    public long getWindowStartMillis() {
        return windowStartMillis;
    }

    public void setWindowStartMillis(long windowStartMillis) {
        this.windowStartMillis = windowStartMillis;
    }

    public long getWindowEndMillis() {
        return windowEndMillis;
    }

    public void setWindowEndMillis(long windowEndMillis) {
        this.windowEndMillis = windowEndMillis;
    }

    public int getTradeEpochDay() {
        return tradeEpochDay;
    }

    public void setTradeEpochDay(int tradeEpochDay) {
        this.tradeEpochDay = tradeEpochDay;
    }

    public String getTicker() {
        return ticker;
    }

    public void setTicker(String ticker) {
        this.ticker = ticker;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public BigDecimal getOpenPrice() {
        return openPrice;
    }

    public void setOpenPrice(BigDecimal openPrice) {
        this.openPrice = openPrice;
    }

    public BigDecimal getHighPrice() {
        return highPrice;
    }

    public void setHighPrice(BigDecimal highPrice) {
        this.highPrice = highPrice;
    }

    public BigDecimal getLowPrice() {
        return lowPrice;
    }

    public void setLowPrice(BigDecimal lowPrice) {
        this.lowPrice = lowPrice;
    }

    public BigDecimal getClosePrice() {
        return closePrice;
    }

    public void setClosePrice(BigDecimal closePrice) {
        this.closePrice = closePrice;
    }

    public long getTotalVolume() {
        return totalVolume;
    }

    public void setTotalVolume(long totalVolume) {
        this.totalVolume = totalVolume;
    }

    public BigDecimal getVwap() {
        return vwap;
    }

    public void setVwap(BigDecimal vwap) {
        this.vwap = vwap;
    }

    public long getTickCount() {
        return tickCount;
    }

    public void setTickCount(long tickCount) {
        this.tickCount = tickCount;
    }

    @Override
    public String toString() {
        return "TickerWindowStats{window=[" + windowStartMillis + ", " + windowEndMillis + "), day=" + tradeEpochDay
                + ", ticker=" + ticker + ", sector=" + sector + ", open=" + openPrice + ", high=" + highPrice
                + ", low=" + lowPrice + ", close=" + closePrice + ", totalVolume=" + totalVolume + ", vwap=" + vwap
                + ", tickCount=" + tickCount + '}';
    }
}
