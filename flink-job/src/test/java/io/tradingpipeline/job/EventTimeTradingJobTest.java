package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.sink.DeadLetterSerializer;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.testsupport.CollectingSink;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.TestClusters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production topology with event-time windows on a MiniCluster in STREAMING mode, from a bounded source of
 * known messages: the source's final watermark fires the last windows. Minute windows, 5 s of out-of-orderness.
 * The source sends {@value #MESSAGES_PER_SECOND} messages a second and watermarks are emitted every
 * {@value #WATERMARK_INTERVAL_MS} ms, so each message's watermark has reached the next one's parse step.
 */
class EventTimeTradingJobTest {
    private static final String TOPIC = "trading_data";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final int MESSAGES_PER_SECOND = 4;
    private static final long WATERMARK_INTERVAL_MS = 20;
    private static final Instant MINUTE_31 = Instant.parse("2024-09-05T10:31:00Z");
    private static final Instant MINUTE_32 = Instant.parse("2024-09-05T10:32:00Z");

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.twoSlots();

    private static final CollectingSink<Tick> RAW_TICKS = new CollectingSink<>();
    private static final CollectingSink<SectorVolume> SECTOR_VOLUMES = new CollectingSink<>();
    private static final CollectingSink<TickerWindowStats> TICKER_STATS = new CollectingSink<>();
    private static final CollectingSink<DeadLetter> DEAD_LETTERS = new CollectingSink<>();
    // Processing-time windows: a bounded input ends before they fire (EventTimeWindowsIT checks their rows).
    private static final CollectingSink<MessageWindowStats> MESSAGE_STATS = new CollectingSink<>();
    private static final CollectingSink<RejectionWindowStats> REJECTION_STATS = new CollectingSink<>();
    private static RawMessage lateMessage;
    private static StreamGraph graph;

    @BeforeAll
    static void runTopologyInEventTime() throws Exception {
        List<RawMessage> messages = new ArrayList<>();
        messages.add(message(0, ticks(tick(1, "10:31:10", "100.5", 100), tick(2, "10:31:20", "101", 200))));
        messages.add(message(1, ticks(tick(3, "10:31:58", "103", 300))));
        // 3 s behind the newest tick: out of order, within the bound.
        messages.add(message(2, ticks(tick(4, "10:31:55", "99", 400))));
        // The watermark reaches 10:31:58.999: the 10:31 window is still open.
        messages.add(message(3, ticks(tick(5, "10:32:04", "104", 500))));
        // Exactly the bound behind the newest tick, the last second of its window.
        messages.add(message(4, ticks(tick(6, "10:31:59", "102", 600))));
        // The watermark passes 10:32:24.999 and closes the 10:31 window.
        messages.add(message(5, ticks(tick(7, "10:32:30", "105", 700))));
        lateMessage = message(6, ticks(tick(8, "10:31:40", "98", 800), tick(9, "10:32:31", "106", 900),
                tick(10, "10:32:32", "107", -1)));
        messages.add(lateMessage);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL_MS);
        JobExecutionSettings.enableObjectReuse(env);
        TypeInformation<RawMessage> type = TypeInformation.of(RawMessage.class);
        RawMessage[] elements = messages.toArray(RawMessage[]::new);
        TradingJob.defineWorkflow(env,
                new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(type, elements), elements.length,
                        RateLimiterStrategy.perSecond(MESSAGES_PER_SECOND), type),
                new JobSinks(RAW_TICKS, SECTOR_VOLUMES, TICKER_STATS, DEAD_LETTERS, MESSAGE_STATS, REJECTION_STATS),
                new TopologySettings(TOPIC, "trading_data_dlq", 4_096, WINDOW)
                        .inEventTime(OUT_OF_ORDERNESS, Duration.ofSeconds(30)));
        graph = env.getStreamGraph(false);
        env.execute("event-time-trading-job-test");
    }

    @Test
    void eventTimeWindowsHaveTheirOwnUids() {
        assertThat(graph.getStreamNodes()).extracting(StreamNode::getTransformationUID)
                .contains("tick-message-source", "parse-ticks", "tick-bundles", "sector-volume-event-window",
                        "ticker-stats-event-window")
                .doesNotContain("sector-volume-window", "ticker-stats-window");
    }

    @Test
    void outOfOrderTicksWithinTheBoundCountInTheWindowOfTheirCreatedAt() {
        long start31 = MINUTE_31.toEpochMilli();
        long start32 = MINUTE_32.toEpochMilli();
        long minute = WINDOW.toMillis();
        int day = (int) (start31 / 86_400_000L);

        assertThat(SECTOR_VOLUMES.values()).containsExactlyInAnyOrder(
                new SectorVolume(start31, start31 + minute, day, "Beverages", 100 + 200 + 300 + 400 + 600, 5),
                new SectorVolume(start32, start32 + minute, day, "Beverages", 500 + 700 + 900, 3));
    }

    @Test
    void openAndCloseFollowCreatedAtNotArrival() {
        assertThat(TICKER_STATS.values().stream().sorted(Comparator.comparingLong(TickerWindowStats::windowStartMillis)))
                .extracting(TickerWindowStats::windowStartMillis, TickerWindowStats::openPrice,
                        TickerWindowStats::highPrice, TickerWindowStats::lowPrice, TickerWindowStats::closePrice,
                        TickerWindowStats::tickCount)
                .containsExactly(
                        tuple(MINUTE_31.toEpochMilli(), new BigDecimal("100.5"), new BigDecimal("103"),
                                new BigDecimal("99"), new BigDecimal("102"), 5L),
                        tuple(MINUTE_32.toEpochMilli(), new BigDecimal("104"), new BigDecimal("106"),
                                new BigDecimal("104"), new BigDecimal("106"), 3L));
    }

    @Test
    void aTickAfterItsWindowClosedIsDeadLetteredAsLateWithItsLateness() {
        List<ProducerRecord<byte[], byte[]>> records = DEAD_LETTERS.values().stream()
                .map(deadLetter -> new DeadLetterSerializer("dlq").serialize(deadLetter, null, null))
                .toList();
        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo(lateMessage.value());
            assertThat(header(record, DeadLetterSerializer.SOURCE_OFFSET)).isEqualTo("6");
        });
        ProducerRecord<byte[], byte[]> late = records.stream()
                .filter(record -> record.headers().lastHeader(DeadLetterSerializer.LATENESS_MS) != null)
                .findFirst().orElseThrow();
        // The watermark trails 10:32:30 by the bound and a millisecond: 10:32:24.999, 44,999 ms after 10:31:40.
        assertThat(header(late, DeadLetterSerializer.LATENESS_MS)).isEqualTo("44999");
        assertThat(header(late, DeadLetterSerializer.REJECTED_TICKS)).isEqualTo("0");
        assertThat(header(late, DeadLetterSerializer.REASON_CATEGORY)).isEqualTo("late");
        assertThat(header(late, DeadLetterSerializer.REASON)).startsWith("late: tick[0] created at "
                + "2024-09-05T10:31:40Z is 44999 ms behind the watermark 2024-09-05T10:32:24.999Z");

        ProducerRecord<byte[], byte[]> invalid = records.stream().filter(record -> record != late)
                .findFirst().orElseThrow();
        assertThat(header(invalid, DeadLetterSerializer.REJECTED_TICKS)).isEqualTo("2");
        assertThat(header(invalid, DeadLetterSerializer.REASON_CATEGORY))
                .isEqualTo("invalid_tick");
        assertThat(header(invalid, DeadLetterSerializer.REASON)).startsWith("tick[2]: volume must be >= 0");
    }

    @Test
    void everyValidTickReachesTheRawTickStoreLateOrNot() {
        assertThat(RAW_TICKS.values()).extracting(Tick::id).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L, 9L);
    }

    private static String ticks(String... ticks) {
        return "[" + String.join(",", ticks) + "]";
    }

    private static String tick(long id, String time, String price, long volume) {
        return "{\"id\": " + id + ", \"ticker\": \"ALTO.JK\", \"created_at\": \"2024-09-05 " + time + "\", "
                + "\"price\": " + price + ", \"market_cap\": 538000, \"volume\": " + volume
                + ", \"sector\": \"Beverages\"}";
    }

    private static RawMessage message(long offset, String value) {
        return new RawMessage(TOPIC, 0, offset, 1_725_522_755_000L, null, value.getBytes(StandardCharsets.UTF_8),
                new MessageHeader[0]);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        return KafkaTestClient.header(record.headers(), key);
    }
}
