package io.tradingpipeline.job.model;

import java.math.BigDecimal;

/** Price candle and volume of one ticker on one trade date during one processing-time window. */
public record TickerWindowStats(long windowStartMillis, long windowEndMillis, int tradeEpochDay, String ticker,
        String sector, BigDecimal openPrice, BigDecimal highPrice, BigDecimal lowPrice, BigDecimal closePrice,
        long totalVolume, BigDecimal vwap, long tickCount) {}
