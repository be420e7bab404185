package io.tradingpipeline.generator;

import java.util.random.RandomGenerator;

/** Right-skewed (log-normal) traded volume per tick, in whole lots of {@link MarketModel#LOT} shares. */
public final class VolumeModel {

    private final double medianLots;
    private final double sigma;
    private final RandomGenerator random;

    public VolumeModel(long medianShares, double sigma, RandomGenerator random) {
        this.medianLots = (double) medianShares / MarketModel.LOT;
        this.sigma = sigma;
        this.random = random;
    }

    public long next() {
        long lots = Math.max(1, Math.round(medianLots * Math.exp(sigma * random.nextGaussian())));
        return lots * MarketModel.LOT;
    }
}
