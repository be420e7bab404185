package io.tradingpipeline.generator;

import java.time.Instant;

/** One simulated trade tick of one company; {@code marketCap} is {@code price × shares}. */
public record Tick(long id, String ticker, Instant createdAt, long price, long marketCap, long volume, String sector) {
}
