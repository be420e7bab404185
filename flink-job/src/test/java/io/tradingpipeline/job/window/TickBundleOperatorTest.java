package io.tradingpipeline.job.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the harness's close() declares Exception
class TickBundleOperatorTest {
    private static final long DAY_1 = Instant.parse("2024-09-05T07:52:35Z").toEpochMilli();
    private static final long DAY_2 = Instant.parse("2024-09-06T07:52:35Z").toEpochMilli();

    @Test
    void emitsOneCandlePerDateTickerAndSectorAfterTheDelay() throws Exception {
        try (var harness = harness(100)) {
            harness.setProcessingTime(1_000);
            harness.processElement(tick(1, "ALTO.JK", "538", 10, DAY_1));
            harness.processElement(tick(2, "BUDI.JK", "100", 20, DAY_1));
            harness.processElement(tick(3, "ALTO.JK", "540", 30, DAY_1));
            harness.processElement(tick(4, "ALTO.JK", "541", 40, DAY_2));
            harness.setProcessingTime(1_099);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(1_100);

            assertThat(harness.extractOutputValues())
                    .extracting(TickerCandle::getTicker, TickerCandle::getTradeEpochDay, TickerCandle::getTickCount,
                            TickerCandle::getTotalVolume, TickerCandle::getClosePrice)
                    .containsExactlyInAnyOrder(
                            tuple("ALTO.JK", 19971, 2L, 40L, new BigDecimal("540")),
                            tuple("BUDI.JK", 19971, 1L, 20L, new BigDecimal("100")),
                            tuple("ALTO.JK", 19972, 1L, 40L, new BigDecimal("541")));
        }
    }

    @Test
    void emitsAFullBundleAtOnce() throws Exception {
        try (var harness = harness(3)) {
            harness.setProcessingTime(0);
            harness.processElement(tick(1, "ALTO.JK", "538", 10, DAY_1));
            harness.processElement(tick(2, "ALTO.JK", "538", 10, DAY_1));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement(tick(3, "ALTO.JK", "538", 10, DAY_1));

            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(TickerCandle::getTickCount).isEqualTo(3L);
        }
    }

    @Test
    void emitsTheBundleBeforeACheckpointBarrier() throws Exception {
        try (var harness = harness(100)) {
            harness.setProcessingTime(0);
            harness.processElement(tick(1, "ALTO.JK", "538", 10, DAY_1));

            harness.prepareSnapshotPreBarrier(1);

            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(TickerCandle::getTickCount).isEqualTo(1L);
            assertThat(harness.snapshot(1, 1).getManagedOperatorState()).isEmpty();
        }
    }

    @Test
    void emitsTheBundleAtTheEndOfInput() throws Exception {
        try (var harness = harness(100)) {
            harness.setProcessingTime(0);
            harness.processElement(tick(1, "ALTO.JK", "538", 10, DAY_1));

            harness.getOperator().finish(); // what the task does at the end of input

            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void inEventTimeACandleHoldsOneWindowAndPrecedesTheWatermarkThatClosesIt() throws Exception {
        long minute = 60_000;
        long start = DAY_1 - DAY_1 % minute;
        try (var harness = new OneInputStreamOperatorTestHarness<>(
                new TickBundleOperator(Duration.ofMillis(100), 100, Duration.ofMinutes(1)))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(tick(1, "ALTO.JK", "538", 10, start + 10));
            harness.processElement(tick(2, "ALTO.JK", "539", 20, start + minute + 10));
            harness.processElement(tick(3, "ALTO.JK", "540", 30, start + minute - 1));

            harness.processWatermark(start + minute - 2);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processWatermark(start + minute - 1);

            // The closed window's candle, stamped with its window's start, then the watermark; the next one waits.
            assertThat(harness.getOutput()).hasSize(3);
            Object[] output = harness.getOutput().toArray();
            assertThat(output[0]).isInstanceOf(org.apache.flink.streaming.api.watermark.Watermark.class);
            @SuppressWarnings("unchecked")
            StreamRecord<TickerCandle> candle = (StreamRecord<TickerCandle>) output[1];
            assertThat(candle.getTimestamp()).isEqualTo(start);
            assertThat(candle.getValue().getTickCount()).isEqualTo(2L);
            assertThat(candle.getValue().getTotalVolume()).isEqualTo(40L);
            assertThat(output[2]).isEqualTo(new org.apache.flink.streaming.api.watermark.Watermark(start + minute - 1));

            harness.setProcessingTime(100);
            assertThat(harness.extractOutputValues()).hasSize(2).last()
                    .extracting(TickerCandle::getTotalVolume).isEqualTo(20L);
        }
    }

    private static OneInputStreamOperatorTestHarness<Tick, TickerCandle> harness(int maxTicks) throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(
                new TickBundleOperator(Duration.ofMillis(100), maxTicks));
        harness.open();
        return harness;
    }

    private static StreamRecord<Tick> tick(long id, String ticker, String price, long volume, long createdAt) {
        return new StreamRecord<>(new Tick(id, ticker, "Sector", new BigDecimal(price), volume, 0, createdAt));
    }
}
