package io.tradingpipeline.generator;

import java.util.random.RandomGenerator;

/**
 * Bounded random walk of one ticker's price: log-normal steps, snapped to the IDX price grid and kept inside
 * {@code [base × (1 − band), base × (1 + band)]} by reflecting steps that leave the band (in log space, so
 * prices do not pile up at the edges). Prices are never ≤ 0.
 */
public final class PriceWalk {

    private final long low;
    private final long high;
    private final double volatility;
    private final RandomGenerator random;
    private long price;

    public PriceWalk(long base, double band, double volatility, RandomGenerator random) {
        if (base < 1) {
            throw new IllegalArgumentException("base price must be positive, got " + base);
        }
        long start = TickSize.round(base);
        this.low = Math.min(start, TickSize.ceil(start * (1 - band)));
        this.high = Math.max(start, TickSize.floor(start * (1 + band)));
        this.volatility = volatility;
        this.random = random;
        this.price = start;
    }

    public long price() {
        return price;
    }

    public long low() {
        return low;
    }

    public long high() {
        return high;
    }

    /** Moves the price one step and returns it. */
    public long next() {
        double candidate = price * Math.exp(volatility * random.nextGaussian());
        if (candidate > high) {
            candidate = (double) high * high / candidate;
        } else if (candidate < low) {
            candidate = (double) low * low / candidate;
        }
        price = Math.max(low, Math.min(high, TickSize.round(candidate)));
        return price;
    }
}
