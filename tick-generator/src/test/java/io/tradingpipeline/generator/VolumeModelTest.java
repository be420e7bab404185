package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VolumeModelTest {

    @Test
    void volumesAreWholeLotsAndRightSkewedAroundTheMedian() {
        VolumeModel model = new VolumeModel(300_000, 0.8, new SplittableRandom(3));
        long[] volumes = new long[20_001];
        for (int i = 0; i < volumes.length; i++) {
            volumes[i] = model.next();
            assertThat(volumes[i]).isGreaterThanOrEqualTo(MarketModel.LOT);
            assertThat(volumes[i] % MarketModel.LOT).isZero();
        }
        Arrays.sort(volumes);
        double median = volumes[volumes.length / 2];
        double mean = Arrays.stream(volumes).average().orElseThrow();
        assertThat(median).isBetween(270_000.0, 330_000.0);
        assertThat(mean).as("log-normal: mean above median").isGreaterThan(median * 1.2);
    }
}
