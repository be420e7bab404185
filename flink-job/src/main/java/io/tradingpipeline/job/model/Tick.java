package io.tradingpipeline.job.model;

import java.math.BigDecimal;

/**
 * One validated trade tick.
 *
 * @param createdAtMillis UTC epoch milliseconds; a long serializes in 8 bytes where an Instant would need Kryo
 */
public record Tick(long id, String ticker, String sector, BigDecimal price, long volume, long marketCap,
        long createdAtMillis) {

    /** Days since 1970-01-01 of {@link #createdAtMillis()} in UTC: the trade date. */
    public int tradeEpochDay() {
        return (int) Math.floorDiv(createdAtMillis, 86_400_000L);
    }
}
