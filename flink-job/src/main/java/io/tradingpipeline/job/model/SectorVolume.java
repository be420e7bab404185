package io.tradingpipeline.job.model;

/** Volume traded in one sector on one trade date during one processing-time window. */
public class SectorVolume {
    private long windowStartMillis;
    private long windowEndMillis;
    private int tradeEpochDay;
    private String sector;
    private long totalVolume;
    private long tickCount;

    public SectorVolume() {}

    public SectorVolume(long windowStartMillis, long windowEndMillis, int tradeEpochDay, String sector,
            long totalVolume, long tickCount) {
        this.windowStartMillis = windowStartMillis;
        this.windowEndMillis = windowEndMillis;
        this.tradeEpochDay = tradeEpochDay;
        this.sector = sector;
        this.totalVolume = totalVolume;
        this.tickCount = tickCount;
    }

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

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public long getTotalVolume() {
        return totalVolume;
    }

    public void setTotalVolume(long totalVolume) {
        this.totalVolume = totalVolume;
    }

    public long getTickCount() {
        return tickCount;
    }

    public void setTickCount(long tickCount) {
        this.tickCount = tickCount;
    }

    @Override
    public String toString() {
        return "SectorVolume{window=[" + windowStartMillis + ", " + windowEndMillis + "), day=" + tradeEpochDay
                + ", sector=" + sector + ", totalVolume=" + totalVolume + ", tickCount=" + tickCount + '}';
    }
}
