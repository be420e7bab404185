package io.tradingpipeline.job.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Runs the real window operators (assigner, aggregate, window function, state) under a controlled clock,
 * fed with pre-aggregated candles as the job feeds them: single ticks and bundles of several ticks.
 */
@SuppressWarnings("try") // the harness's close() declares Exception
class WindowAggregatesTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final long DAY_1 = Instant.parse("2024-09-05T07:52:35Z").toEpochMilli();
    private static final long DAY_2 = Instant.parse("2024-09-06T00:00:01Z").toEpochMilli();

    @Test
    void sumsVolumeAndCountsTicksPerTradeDateAndSector() throws Exception {
        try (var harness = harness(sectorWindowOperator(), new SectorDayKey(), Types.TUPLE(Types.INT, Types.STRING))) {
            harness.open();
            harness.setProcessingTime(1_000);
            harness.processElement(record(candle(tick(1, "ALTO.JK", "Beverages", "538", 100, DAY_1),
                    tick(2, "ALTO.JK", "Beverages", "540", 250, DAY_1))));
            harness.processElement(record(candle(tick(3, "DWGL.JK", "Coal", "200", 7, DAY_1))));
            harness.processElement(record(candle(tick(4, "ALTO.JK", "Beverages", "541", 1000, DAY_2))));
            harness.setProcessingTime(59_998); // a window fires at its last millisecond, 59_999
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(60_000);
            harness.processElement(record(candle(tick(5, "ALTO.JK", "Beverages", "542", 5, DAY_1))));
            harness.setProcessingTime(120_000);

            List<SectorVolume> rows = harness.extractOutputValues();
            assertThat(rows).extracting(SectorVolume::windowStartMillis, SectorVolume::windowEndMillis,
                            SectorVolume::tradeEpochDay, SectorVolume::sector, SectorVolume::totalVolume,
                            SectorVolume::tickCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(0L, 60_000L, 19971, "Beverages", 350L, 2L),
                            org.assertj.core.groups.Tuple.tuple(0L, 60_000L, 19971, "Coal", 7L, 1L),
                            org.assertj.core.groups.Tuple.tuple(0L, 60_000L, 19972, "Beverages", 1000L, 1L),
                            org.assertj.core.groups.Tuple.tuple(60_000L, 120_000L, 19971, "Beverages", 5L, 1L));
        }
    }

    @Test
    void buildsCandleOrderedByCreationTimeThenIdAndVolumeWeightedPrice() throws Exception {
        long t0 = DAY_1;
        try (var harness = harness(tickerWindowOperator(), new TickerSectorDayKey(),
                Types.TUPLE(Types.INT, Types.STRING, Types.STRING))) {
            harness.open();
            harness.setProcessingTime(0);
            // Arrival order differs from creation order: open/close must follow (created_at, id), within a
            // bundle and across bundles.
            harness.processElement(record(candle(tick(12, "ALTO.JK", "Beverages", "530.5", 300, t0 + 2_000),
                    tick(11, "ALTO.JK", "Beverages", "520", 100, t0))));
            harness.processElement(record(candle(tick(10, "ALTO.JK", "Beverages", "525", 200, t0))));
            harness.processElement(record(candle(tick(14, "ALTO.JK", "Beverages", "515", 0, t0 + 2_000),
                    tick(13, "ALTO.JK", "Beverages", "510", 400, t0 + 1_000))));
            harness.setProcessingTime(60_000);

            TickerWindowStats stats = harness.extractOutputValues().get(0);
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(stats.ticker()).isEqualTo("ALTO.JK");
            assertThat(stats.sector()).isEqualTo("Beverages");
            assertThat(stats.tradeEpochDay()).isEqualTo(19971);
            assertThat(stats.openPrice()).isEqualByComparingTo("525"); // id 10 at t0 precedes id 11 at t0
            assertThat(stats.closePrice()).isEqualByComparingTo("515"); // id 14 at t0+2s follows id 12
            assertThat(stats.highPrice()).isEqualByComparingTo("530.5");
            assertThat(stats.lowPrice()).isEqualByComparingTo("510");
            assertThat(stats.totalVolume()).isEqualTo(1000);
            assertThat(stats.tickCount()).isEqualTo(5);
            // (530.5*300 + 520*100 + 525*200 + 510*400 + 515*0) / 1000 = 520.15
            assertThat(stats.vwap()).isEqualTo(new BigDecimal("520.1500"));
            assertThat(stats.windowStartMillis()).isZero();
            assertThat(stats.windowEndMillis()).isEqualTo(60_000);
        }
    }

    @Test
    void vwapOfAWindowWithoutVolumeIsTheMeanPriceRoundedToFourDecimals() throws Exception {
        try (var harness = harness(tickerWindowOperator(), new TickerSectorDayKey(),
                Types.TUPLE(Types.INT, Types.STRING, Types.STRING))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(record(candle(tick(1, "BUDI.JK", "Processed Foods", "1", 0, DAY_1))));
            harness.processElement(record(candle(tick(2, "BUDI.JK", "Processed Foods", "2", 0, DAY_1))));
            harness.processElement(record(candle(tick(3, "BUDI.JK", "Processed Foods", "2", 0, DAY_1))));
            harness.setProcessingTime(60_000);

            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(TickerWindowStats::vwap).isEqualTo(new BigDecimal("1.6667"));
        }
    }

    @Test
    void candleSurvivesASnapshotAndRestoreMidWindow() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(tickerWindowOperator(), new TickerSectorDayKey(),
                Types.TUPLE(Types.INT, Types.STRING, Types.STRING))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(record(candle(tick(1, "TMAS.JK", "Logistics", "100", 10, DAY_1))));
            snapshot = harness.snapshot(1, 10);
        }
        try (var restored = harness(tickerWindowOperator(), new TickerSectorDayKey(),
                Types.TUPLE(Types.INT, Types.STRING, Types.STRING))) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(record(candle(tick(2, "TMAS.JK", "Logistics", "110", 30, DAY_1 + 1))));
            restored.setProcessingTime(60_000);

            TickerWindowStats stats = restored.extractOutputValues().get(0);
            assertThat(stats.tickCount()).isEqualTo(2);
            assertThat(stats.openPrice()).isEqualByComparingTo("100");
            assertThat(stats.closePrice()).isEqualByComparingTo("110");
            assertThat(stats.vwap()).isEqualTo(new BigDecimal("107.5000"));
        }
    }

    private static OneInputStreamOperator<TickerCandle, SectorVolume> sectorWindowOperator() {
        return operatorOf(source().keyBy(new SectorDayKey())
                .window(TumblingProcessingTimeWindows.of(WINDOW))
                .aggregate(new SectorVolumeAggregate(), new SectorVolumeWindow()));
    }

    private static OneInputStreamOperator<TickerCandle, TickerWindowStats> tickerWindowOperator() {
        return operatorOf(source().keyBy(new TickerSectorDayKey())
                .window(TumblingProcessingTimeWindows.of(WINDOW))
                .aggregate(new TickerCandleAggregate(), new TickerStatsWindow()));
    }

    private static DataStream<TickerCandle> source() {
        return StreamExecutionEnvironment.getExecutionEnvironment()
                .fromData(candle(tick(0, "X", "Y", "1", 1, DAY_1)));
    }

    @SuppressWarnings("unchecked")
    private static <O> OneInputStreamOperator<TickerCandle, O> operatorOf(DataStream<O> windowed) {
        return ((OneInputTransformation<TickerCandle, O>) windowed.getTransformation()).getOperator();
    }

    private static <K, O> KeyedOneInputStreamOperatorTestHarness<K, TickerCandle, O> harness(
            OneInputStreamOperator<TickerCandle, O> operator, KeySelector<TickerCandle, K> key,
            TypeInformation<K> keyType)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, key, keyType);
    }

    private static StreamRecord<TickerCandle> record(TickerCandle candle) {
        return new StreamRecord<>(candle);
    }

    private static TickerCandle candle(Tick... ticks) {
        TickerCandle candle = new TickerCandle();
        for (Tick tick : ticks) {
            candle.add(tick);
        }
        return candle;
    }

    private static Tick tick(long id, String ticker, String sector, String price, long volume, long createdAt) {
        return new Tick(id, ticker, sector, new BigDecimal(price), volume, volume * 10, createdAt);
    }
}
