package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundPacerTest {

    private static final long FAR = Long.MAX_VALUE / 2;

    @Test
    void spacesRoundsByTheInterval() {
        RoundPacer pacer = new RoundPacer(20_000_000);
        StopSignal stop = new StopSignal();
        long start = System.nanoTime();
        pacer.start();
        for (int round = 0; round < 6; round++) {
            assertThat(pacer.awaitRound(round, stop, System.nanoTime() + FAR)).isTrue();
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(5 * 20_000_000L);
    }

    @Test
    void stopOrDeadlineEndsTheWait() {
        RoundPacer pacer = new RoundPacer(60_000_000_000L);
        StopSignal stop = new StopSignal();
        pacer.start();
        assertThat(pacer.awaitRound(0, stop, System.nanoTime() + FAR)).isTrue();
        long before = System.nanoTime();
        assertThat(pacer.awaitRound(1, stop, System.nanoTime() + 10_000_000)).isFalse();
        stop.request();
        assertThat(pacer.awaitRound(1, stop, System.nanoTime() + FAR)).isFalse();
        assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
    }
}
