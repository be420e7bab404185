package io.tradingpipeline.generator;

/**
 * IDX price fractions: the price grid a share trades on depends on its price level.
 * <pre>
 *   price &lt; 200          → 1
 *   200  ≤ price &lt; 500  → 2
 *   500  ≤ price &lt; 2000 → 5
 *   2000 ≤ price &lt; 5000 → 10
 *   price ≥ 5000         → 25
 * </pre>
 * Every band's lower bound is a multiple of that band's fraction, so snapping to the fraction of the level
 * a price lands on always yields a valid price.
 */
public final class TickSize {

    private TickSize() {
    }

    public static long of(double price) {
        if (price < 200) {
            return 1;
        }
        if (price < 500) {
            return 2;
        }
        if (price < 2000) {
            return 5;
        }
        if (price < 5000) {
            return 10;
        }
        return 25;
    }

    public static boolean isOnGrid(long price) {
        return price > 0 && price % of(price) == 0;
    }

    /** Nearest valid price at or above {@code price} (at least 1). */
    public static long ceil(double price) {
        long size = of(price);
        return Math.max(1, (long) Math.ceil(price / size) * size);
    }

    /** Nearest valid price at or below {@code price} (at least 1). */
    public static long floor(double price) {
        long size = of(price);
        return Math.max(1, (long) Math.floor(price / size) * size);
    }

    /** Nearest valid price to {@code price} (at least 1). */
    public static long round(double price) {
        long size = of(price);
        return Math.max(1, Math.round(price / size) * size);
    }
}
