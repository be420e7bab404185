package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.DeadLetterSerializer;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.testsupport.CollectingSink;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.TestClusters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production topology on a MiniCluster, from a bounded source of known messages into collecting sinks:
 * every output, exactly. One processing-time window spans the whole run (it starts at the epoch and lasts
 * a century), so every result is known in advance.
 *
 * <p>The job runs in BATCH mode because only there does Flink 1.20 fire pending processing-time timers, and
 * so the windows, when the input ends; in STREAMING mode it drops them and no window would ever emit.
 */
class TradingJobTest {
    private static final String TOPIC = "trading_data";
    private static final String DEAD_LETTER_TOPIC = "trading_data_dlq";
    private static final int MAX_MESSAGE_BYTES = 4_096;
    private static final Duration WINDOW = Duration.ofDays(36_500);
    private static final long KAFKA_TIMESTAMP = 1_725_522_755_000L;
    private static final MessageHeader[] ORIGIN =
            {new MessageHeader("origin", "trading-job-test".getBytes(StandardCharsets.UTF_8))};
    private static final Tick SINGLE_OBJECT_TICK = new Tick(1, "SOLO.JK", "Beverages", new BigDecimal("538"),
            195_668, 538_000, Instant.parse("2024-09-05T07:52:35Z").toEpochMilli());
    private static final int SINGLE_OBJECT_DAY = 19971;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.twoSlots();

    private static final GeneratedTicks GENERATED = new GeneratedTicks(1_000);
    private static final CollectingSink<Tick> RAW_TICKS = new CollectingSink<>();
    private static final CollectingSink<SectorVolume> SECTOR_VOLUMES = new CollectingSink<>();
    private static final CollectingSink<TickerWindowStats> TICKER_STATS = new CollectingSink<>();
    private static final CollectingSink<DeadLetter> DEAD_LETTERS = new CollectingSink<>();
    private static final CollectingSink<MessageWindowStats> MESSAGE_STATS = new CollectingSink<>();
    private static final CollectingSink<RejectionWindowStats> REJECTION_STATS = new CollectingSink<>();
    private static RawMessage[] messages;
    private static StreamGraph graph;

    @BeforeAll
    static void runTopologyOverKnownMessages() throws Exception {
        messages = new RawMessage[] {
                message(0, 0, GENERATED.nextMessage()),
                message(1, 0, GENERATED.nextMessage()),
                new RawMessage(TOPIC, 1, 7, KAFKA_TIMESTAMP, utf8("ALTO"), GENERATED.nextMessageWithInvalidTick(3),
                        ORIGIN),
                message(1, 8, utf8("{\"id\": 1, \"ticker\": \"SOLO.JK\", \"created_at\": \"2024-09-05 07:52:35\", "
                        + "\"price\": 538, \"market_cap\": 538000, \"volume\": 195668, \"sector\": \"Beverages\"}")),
                new RawMessage(TOPIC, 0, 2, -1, null, utf8("not json at all"), new MessageHeader[0]),
                message(0, 3, oversized()),
                message(0, 4, utf8("[]")),
                message(1, 9, new byte[0]),
                message(1, 10, utf8("{\"id\": oops}")),
        };
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        JobExecutionSettings.enableObjectReuse(env);
        TypeInformation<RawMessage> type = TypeInformation.of(RawMessage.class);
        TradingJob.defineWorkflow(env,
                new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(type, messages), messages.length, type),
                new JobSinks(RAW_TICKS, SECTOR_VOLUMES, TICKER_STATS, DEAD_LETTERS, MESSAGE_STATS, REJECTION_STATS),
                new TopologySettings(TOPIC, DEAD_LETTER_TOPIC, MAX_MESSAGE_BYTES, WINDOW));
        graph = env.getStreamGraph(false);
        env.execute("trading-job-test");
    }

    @Test
    void everyOperatorKeepsItsNameAndTheUidThatSavepointsDependOn() {
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getTransformationUID, StreamNode::getOperatorName)
                .containsExactlyInAnyOrder(
                        tuple("tick-message-source", "Source: Tick messages (trading_data)"),
                        tuple("parse-ticks", "Parse and validate ticks"),
                        tuple("dead-letter-sink", "Dead letters to Kafka (trading_data_dlq): Writer"),
                        tuple("raw-tick-sink", "Raw ticks to Cassandra (real_time_data): Writer"),
                        tuple("tick-bundles", "Pre-aggregate ticks per ticker"),
                        tuple("sector-volume-window", "Volume per date and sector"),
                        tuple("sector-volume-mysql-sink", "Sector volumes to MySQL (aggregated_data): Writer"),
                        tuple("ticker-stats-window", "Candle per date and ticker"),
                        tuple("ticker-stats-mysql-sink", "Ticker candles to MySQL (ticker_window_stats): Writer"),
                        tuple("message-count-bundles", "Pre-aggregate message outcomes"),
                        tuple("message-stats-window", "Messages per window"),
                        tuple("message-stats-mysql-sink", "Message counts to MySQL (message_window_stats): Writer"),
                        tuple("rejection-stats-mysql-sink", "Rejections to MySQL (rejection_window_stats): Writer"));
    }

    @Test
    void writesEveryValidTickOnce() {
        List<Tick> expected = GENERATED.ticksById().values().stream().map(TradingJobTest::tick)
                .collect(Collectors.toList());
        expected.add(SINGLE_OBJECT_TICK);

        assertThat(GENERATED.tickCount()).isEqualTo(29);
        assertThat(RAW_TICKS.values()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void deadLettersUnusableMessagesWithTheirOriginReasonAndCategory() {
        Map<String, ProducerRecord<byte[], byte[]>> records = DEAD_LETTERS.values().stream()
                .map(deadLetter -> new DeadLetterSerializer(DEAD_LETTER_TOPIC).serialize(deadLetter, null, null))
                .collect(Collectors.toMap(record -> header(record, DeadLetterSerializer.SOURCE_PARTITION) + "-"
                        + header(record, DeadLetterSerializer.SOURCE_OFFSET), record -> record));

        assertThat(records.values()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(DEAD_LETTER_TOPIC);
            assertThat(record.partition()).isNull();
        });
        assertThat(records).hasSize(6);
        assertThat(records).extractingFromEntries(Map.Entry::getKey,
                        entry -> header(entry.getValue(), DeadLetterSerializer.REASON_CATEGORY))
                .containsExactlyInAnyOrder(tuple("0-2", "not_json"), tuple("0-3", "oversized"),
                        tuple("1-7", "invalid_tick"), tuple("0-4", "not_a_tick_array"), tuple("1-9", "empty"),
                        tuple("1-10", "not_json"));

        ProducerRecord<byte[], byte[]> malformed = records.get("0-2");
        assertThat(malformed.key()).isNull();
        assertThat(malformed.value()).isEqualTo(messages[4].value());
        assertThat(malformed.timestamp()).isNull();
        assertThat(headers(malformed)).containsExactly(
                tuple(DeadLetterSerializer.REASON, header(malformed, DeadLetterSerializer.REASON)),
                tuple(DeadLetterSerializer.REASON_CATEGORY, "not_json"),
                tuple(DeadLetterSerializer.SOURCE_TOPIC, TOPIC),
                tuple(DeadLetterSerializer.SOURCE_PARTITION, "0"),
                tuple(DeadLetterSerializer.SOURCE_OFFSET, "2"));
        assertThat(header(malformed, DeadLetterSerializer.REASON)).startsWith("malformed JSON: ");

        ProducerRecord<byte[], byte[]> oversized = records.get("0-3");
        assertThat(oversized.key()).isNull();
        assertThat(oversized.value()).isEqualTo(messages[5].value());
        assertThat(oversized.timestamp()).isEqualTo(KAFKA_TIMESTAMP);
        assertThat(headers(oversized)).containsExactly(
                tuple("origin", "trading-job-test"),
                tuple(DeadLetterSerializer.REASON, "message of 4097 bytes exceeds the limit of 4096 bytes"),
                tuple(DeadLetterSerializer.REASON_CATEGORY, "oversized"),
                tuple(DeadLetterSerializer.SOURCE_TOPIC, TOPIC),
                tuple(DeadLetterSerializer.SOURCE_PARTITION, "0"),
                tuple(DeadLetterSerializer.SOURCE_OFFSET, "3"));

        ProducerRecord<byte[], byte[]> partlyInvalid = records.get("1-7");
        assertThat(partlyInvalid.key()).isEqualTo(utf8("ALTO"));
        assertThat(partlyInvalid.value()).isEqualTo(messages[2].value());
        assertThat(partlyInvalid.timestamp()).isEqualTo(KAFKA_TIMESTAMP);
        assertThat(headers(partlyInvalid)).containsExactly(
                tuple("origin", "trading-job-test"),
                tuple(DeadLetterSerializer.REASON, header(partlyInvalid, DeadLetterSerializer.REASON)),
                tuple(DeadLetterSerializer.REASON_CATEGORY, "invalid_tick"),
                tuple(DeadLetterSerializer.SOURCE_TOPIC, TOPIC),
                tuple(DeadLetterSerializer.SOURCE_PARTITION, "1"),
                tuple(DeadLetterSerializer.SOURCE_OFFSET, "7"),
                tuple(DeadLetterSerializer.REJECTED_TICKS, "3"));
        assertThat(header(partlyInvalid, DeadLetterSerializer.REASON))
                .startsWith("tick[3]: volume must be >= 0 but is -");
        assertThat(header(records.get("0-4"), DeadLetterSerializer.REASON)).isEqualTo("empty array");
        assertThat(header(records.get("1-9"), DeadLetterSerializer.REASON)).isEqualTo("empty message");
    }

    /**
     * Each message is read once; the partly invalid array counts its valid ticks as parsed, its bad one as rejected,
     * and itself once as dead-lettered.
     */
    @Test
    void countsEveryMessageReadParsedAndDeadLetteredOncePerWindow() {
        long validTicks = GENERATED.tickCount() + 1;
        long cleanMessages = 3; // the two generated arrays and the single object
        long deadLettered = messages.length - cleanMessages;

        assertThat(MESSAGE_STATS.values()).containsExactly(
                new MessageWindowStats(0, WINDOW.toMillis(), 0, messages.length, validTicks, deadLettered, 1));
        assertThat(REJECTION_STATS.values()).containsExactlyInAnyOrder(
                rejections(RejectionCategory.NOT_JSON, 2),
                rejections(RejectionCategory.OVERSIZED, 1),
                rejections(RejectionCategory.NOT_A_TICK_ARRAY, 1),
                rejections(RejectionCategory.EMPTY, 1),
                rejections(RejectionCategory.INVALID_TICK, 1));
    }

    @Test
    void sumsVolumeAndCountsTicksPerTradeDateAndSector() {
        Map<String, List<ExpectedTick>> bySector = GENERATED.ticksById().values().stream()
                .collect(Collectors.groupingBy(ExpectedTick::sector));
        List<SectorVolume> expected = bySector.entrySet().stream()
                .map(sector -> new SectorVolume(0, WINDOW.toMillis(), generatedDay(), sector.getKey(),
                        sector.getValue().stream().mapToLong(ExpectedTick::volume).sum(), sector.getValue().size()))
                .collect(Collectors.toList());
        expected.add(new SectorVolume(0, WINDOW.toMillis(), SINGLE_OBJECT_DAY, "Beverages", 195_668, 1));

        assertThat(SECTOR_VOLUMES.values()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void buildsOneCandlePerTradeDateAndTicker() {
        Map<String, List<ExpectedTick>> byTicker = GENERATED.ticksById().values().stream()
                .collect(Collectors.groupingBy(ExpectedTick::ticker));
        // All generated ticks share one created_at, so open and close follow the ids.
        List<Tuple> expected = byTicker.values().stream().map(ticks -> {
            List<ExpectedTick> byId = ticks.stream().sorted(Comparator.comparingLong(ExpectedTick::id)).toList();
            return tuple(generatedDay(), byId.get(0).ticker(), byId.get(0).sector(), byId.get(0).price(),
                    ticks.stream().map(ExpectedTick::price).max(Comparator.naturalOrder()).orElseThrow(),
                    ticks.stream().map(ExpectedTick::price).min(Comparator.naturalOrder()).orElseThrow(),
                    byId.get(byId.size() - 1).price(), ticks.stream().mapToLong(ExpectedTick::volume).sum(),
                    (long) ticks.size());
        }).collect(Collectors.toList());
        BigDecimal price = SINGLE_OBJECT_TICK.price();
        expected.add(tuple(SINGLE_OBJECT_DAY, "SOLO.JK", "Beverages", price, price, price, price, 195_668L, 1L));

        assertThat(TICKER_STATS.values()).allSatisfy(stats -> {
            assertThat(stats.windowStartMillis()).isZero();
            assertThat(stats.windowEndMillis()).isEqualTo(WINDOW.toMillis());
        });
        assertThat(TICKER_STATS.values())
                .extracting(TickerWindowStats::tradeEpochDay, TickerWindowStats::ticker, TickerWindowStats::sector,
                        TickerWindowStats::openPrice, TickerWindowStats::highPrice, TickerWindowStats::lowPrice,
                        TickerWindowStats::closePrice, TickerWindowStats::totalVolume, TickerWindowStats::tickCount)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static RejectionWindowStats rejections(RejectionCategory category, long messages) {
        return new RejectionWindowStats(0, WINDOW.toMillis(), 0, category, messages);
    }

    private static int generatedDay() {
        return (int) GENERATED.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static RawMessage message(int partition, long offset, byte[] value) {
        return new RawMessage(TOPIC, partition, offset, KAFKA_TIMESTAMP, null, value, ORIGIN);
    }

    /** A valid array, one byte over the limit. */
    private static byte[] oversized() {
        byte[] value = new byte[MAX_MESSAGE_BYTES + 1];
        Arrays.fill(value, (byte) ' ');
        value[0] = '[';
        value[value.length - 1] = ']';
        return value;
    }

    private static Tick tick(ExpectedTick tick) {
        return new Tick(tick.id(), tick.ticker(), tick.sector(), tick.price(), tick.volume(), tick.marketCap(),
                tick.createdAt().toEpochMilli());
    }

    private static List<Tuple> headers(ProducerRecord<byte[], byte[]> record) {
        return Arrays.stream(record.headers().toArray())
                .map(header -> tuple(header.key(), new String(header.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        return KafkaTestClient.header(record.headers(), key);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
