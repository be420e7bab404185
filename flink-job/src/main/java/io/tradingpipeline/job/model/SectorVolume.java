package io.tradingpipeline.job.model;

/** Volume traded in one sector on one trade date during one processing-time window. */
public record SectorVolume(long windowStartMillis, long windowEndMillis, int tradeEpochDay, String sector,
        long totalVolume, long tickCount) {}
