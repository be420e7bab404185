package io.tradingpipeline.generator;

/**
 * Parameters of the simulated market.
 *
 * @param baseMinPrice  lowest starting price a ticker may get
 * @param baseMaxPrice  highest starting price a ticker may get
 * @param band          prices stay within {@code base × (1 ± band)}
 * @param volatility    standard deviation of the log price step per round
 * @param volumeMedian  median traded volume per tick, in shares
 * @param volumeSigma   standard deviation of the log volume
 */
public record MarketModel(long baseMinPrice, long baseMaxPrice, double band, double volatility,
                          long volumeMedian, double volumeSigma) {

    /** Lot size on IDX: volumes are whole lots. */
    public static final long LOT = 100;

    public MarketModel {
        if (baseMinPrice < 1 || baseMaxPrice < baseMinPrice) {
            throw new IllegalArgumentException(
                    "base prices need 1 <= min <= max, got " + baseMinPrice + ".." + baseMaxPrice);
        }
        if (!(band > 0 && band < 1)) {
            throw new IllegalArgumentException("band must be between 0 and 1 (exclusive), got " + band);
        }
        if (!(volatility >= 0 && volatility < 1)) {
            throw new IllegalArgumentException("volatility must be in [0, 1), got " + volatility);
        }
        if (volumeMedian < LOT) {
            throw new IllegalArgumentException("volume median must be at least one lot (" + LOT + "), got " + volumeMedian);
        }
        if (!(volumeSigma >= 0 && volumeSigma < 5)) {
            throw new IllegalArgumentException("volume sigma must be in [0, 5), got " + volumeSigma);
        }
    }
}
