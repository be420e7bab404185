package io.tradingpipeline.job.model;

import java.math.BigDecimal;

/**
 * Price candle (open, high, low, close), volume and turnover of one ticker on one trade date over some
 * ticks. Candles merge, so the same type serves as pre-aggregated bundle and as window accumulator.
 * Open and close are ordered by (createdAt, id).
 *
 * <p>A mutable class rather than a record: bundles and windows add every tick or candle to one instance in
 * place, where a record would allocate a new candle per tick.
 */
public class TickerCandle {
    private int tradeEpochDay;
    private String ticker;
    private String sector;
    private long tickCount;
    private long openAtMillis;
    private long openId;
    private BigDecimal openPrice;
    private long closeAtMillis;
    private long closeId;
    private BigDecimal closePrice;
    private BigDecimal highPrice;
    private BigDecimal lowPrice;
    private long totalVolume;
    /** Sum of price × volume, for the VWAP. */
    private BigDecimal turnover = BigDecimal.ZERO;
    /** Sum of prices, for the mean price of a window without volume. */
    private BigDecimal priceSum = BigDecimal.ZERO;

    public void add(Tick tick) {
        BigDecimal price = tick.price();
        long at = tick.createdAtMillis();
        long id = tick.id();
        if (tickCount == 0) {
            tradeEpochDay = tick.tradeEpochDay();
            ticker = tick.ticker();
            sector = tick.sector();
        }
        if (tickCount == 0 || isBefore(at, id, openAtMillis, openId)) {
            openAtMillis = at;
            openId = id;
            openPrice = price;
        }
        if (tickCount == 0 || isBefore(closeAtMillis, closeId, at, id)) {
            closeAtMillis = at;
            closeId = id;
            closePrice = price;
        }
        highPrice = highPrice == null ? price : highPrice.max(price);
        lowPrice = lowPrice == null ? price : lowPrice.min(price);
        totalVolume += tick.volume();
        turnover = turnover.add(price.multiply(BigDecimal.valueOf(tick.volume())));
        priceSum = priceSum.add(price);
        tickCount++;
    }

    /** Adds the ticks of {@code other} (same date and ticker) to this candle. */
    public void merge(TickerCandle other) {
        if (other.tickCount == 0) {
            return;
        }
        if (tickCount == 0) {
            tradeEpochDay = other.tradeEpochDay;
            ticker = other.ticker;
            sector = other.sector;
        }
        if (tickCount == 0 || isBefore(other.openAtMillis, other.openId, openAtMillis, openId)) {
            openAtMillis = other.openAtMillis;
            openId = other.openId;
            openPrice = other.openPrice;
        }
        if (tickCount == 0 || isBefore(closeAtMillis, closeId, other.closeAtMillis, other.closeId)) {
            closeAtMillis = other.closeAtMillis;
            closeId = other.closeId;
            closePrice = other.closePrice;
        }
        highPrice = highPrice == null ? other.highPrice : highPrice.max(other.highPrice);
        lowPrice = lowPrice == null ? other.lowPrice : lowPrice.min(other.lowPrice);
        totalVolume += other.totalVolume;
        turnover = turnover.add(other.turnover);
        priceSum = priceSum.add(other.priceSum);
        tickCount += other.tickCount;
    }

    private static boolean isBefore(long atMillis, long id, long otherAtMillis, long otherId) {
        return atMillis < otherAtMillis || (atMillis == otherAtMillis && id < otherId);
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

    public long getTickCount() {
        return tickCount;
    }

    public void setTickCount(long tickCount) {
        this.tickCount = tickCount;
    }

    public long getOpenAtMillis() {
        return openAtMillis;
    }

    public void setOpenAtMillis(long openAtMillis) {
        this.openAtMillis = openAtMillis;
    }

    public long getOpenId() {
        return openId;
    }

    public void setOpenId(long openId) {
        this.openId = openId;
    }

    public BigDecimal getOpenPrice() {
        return openPrice;
    }

    public void setOpenPrice(BigDecimal openPrice) {
        this.openPrice = openPrice;
    }

    public long getCloseAtMillis() {
        return closeAtMillis;
    }

    public void setCloseAtMillis(long closeAtMillis) {
        this.closeAtMillis = closeAtMillis;
    }

    public long getCloseId() {
        return closeId;
    }

    public void setCloseId(long closeId) {
        this.closeId = closeId;
    }

    public BigDecimal getClosePrice() {
        return closePrice;
    }

    public void setClosePrice(BigDecimal closePrice) {
        this.closePrice = closePrice;
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

    public long getTotalVolume() {
        return totalVolume;
    }

    public void setTotalVolume(long totalVolume) {
        this.totalVolume = totalVolume;
    }

    public BigDecimal getTurnover() {
        return turnover;
    }

    public void setTurnover(BigDecimal turnover) {
        this.turnover = turnover;
    }

    public BigDecimal getPriceSum() {
        return priceSum;
    }

    public void setPriceSum(BigDecimal priceSum) {
        this.priceSum = priceSum;
    }
}
