package io.tradingpipeline.job.window;

/** Running totals of one (date, sector) window. */
public class SectorVolumeAccumulator {
    private long totalVolume;
    private long tickCount;

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
}
