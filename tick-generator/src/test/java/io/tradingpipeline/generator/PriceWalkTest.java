package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceWalkTest {

    @ParameterizedTest
    @CsvSource({"550,0.2,0.005", "150,0.9,0.2", "2,0.5,0.3", "480,0.1,0.05", "4900,0.3,0.05", "60000,0.2,0.02"})
    void staysPositiveOnTheGridAndInsideTheBand(long base, double band, double volatility) {
        PriceWalk walk = new PriceWalk(base, band, volatility, new SplittableRandom(7));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int step = 0; step < 50_000; step++) {
            long price = walk.next();
            assertThat(price).isPositive();
            assertThat(TickSize.isOnGrid(price)).as("price %d on grid", price).isTrue();
            assertThat((double) price).isBetween(base * (1 - band), base * (1 + band));
            assertThat(price).isBetween(walk.low(), walk.high());
            min = Math.min(min, price);
            max = Math.max(max, price);
        }
        assertThat(max).as("the walk moves").isGreaterThan(min);
    }

    @Test
    void sameSeedGivesSamePath() {
        assertThat(path(42)).containsExactly(path(42));
        assertThat(path(42)).isNotEqualTo(path(43));
    }

    @Test
    void zeroVolatilityKeepsTheStartPrice() {
        PriceWalk walk = new PriceWalk(553, 0.2, 0, new SplittableRandom(1));
        assertThat(LongStream.range(0, 100).map(i -> walk.next()).distinct().toArray()).containsExactly(555);
    }

    private static long[] path(long seed) {
        PriceWalk walk = new PriceWalk(550, 0.2, 0.01, new SplittableRandom(seed));
        return LongStream.range(0, 1_000).map(i -> walk.next()).toArray();
    }
}
