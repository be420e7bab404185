package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingpipeline.contract.GeneratorProgress;
import io.tradingpipeline.contract.TickFormat;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generator against a real Kafka broker and the real {@code trading.profile} table (MariaDB). */
@ExtendWith(LocalStackExtension.class)
class TickGeneratorIT {

    private static final List<String> KEYS =
            List.of("id", "ticker", "created_at", "price", "market_cap", "volume", "sector");

    private static Map<String, Company> profile;

    private final LocalStack stack;

    TickGeneratorIT(LocalStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    static void readProfile(LocalStack stack) throws SQLException {
        var root = stack.mysql().root();
        profile = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.mysql().jdbcUrl(), root.user(), root.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ticker, sector, shares FROM profile")) {
            while (rows.next()) {
                profile.put(rows.getString(1), new Company(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
        }
        assertThat(profile).hasSize(10);
    }

    @Test
    void messagesAreRoundsInTheSeedFormatWithIncreasingUniqueIds() {
        String topic = GeneratorRun.freshTopic(stack);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=30", "--rate=0"));

        Instant end = Instant.now();
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("summary: 30 rounds sent (300 ticks, ids 1..300), 300 ticks acknowledged");
        List<TopicContents.Message> messages = TopicContents.read(stack.kafka().bootstrapServers(), topic);
        assertThat(messages).hasSize(30);
        List<Long> ids = new ArrayList<>();
        for (TopicContents.Message message : messages) {
            JsonNode round = message.json();
            assertThat(round.isArray()).isTrue();
            assertThat(round).hasSize(profile.size());
            List<String> tickers = new ArrayList<>();
            for (JsonNode tick : round) {
                assertSeedFormat(tick, start, end);
                tickers.add(tick.get("ticker").asText());
                ids.add(tick.get("id").asLong());
            }
            assertThat(tickers).containsExactlyInAnyOrderElementsOf(profile.keySet());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().sorted().toList()).isEqualTo(rangeClosed(1, 300));
        assertIdsIncreaseWithinEachPartition(messages);
    }

    @Test
    void roundsGoToEveryPartitionInTurn() {
        String topic = GeneratorRun.freshTopic(stack);

        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=40", "--rate=0"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Map<Integer, Long> perPartition = TopicContents.read(stack.kafka().bootstrapServers(), topic).stream()
                .collect(Collectors.groupingBy(TopicContents.Message::partition, Collectors.counting()));
        assertThat(perPartition).containsOnlyKeys(0, 1, 2, 3).allSatisfy((partition, messages) ->
                assertThat(messages).as("rounds in partition %d", partition).isEqualTo(10L));
    }

    @Test
    void theProgressFileHoldsWhatTheSummarySaysForPrograms(@TempDir Path dir) {
        Path progressFile = dir.resolve("progress.json");

        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, GeneratorRun.freshTopic(stack), "--count=12",
                "--rate=0", "--progress-file=" + progressFile));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("summary: 12 rounds sent (120 ticks, ids 1..120), 120 ticks acknowledged");
        assertThat(GeneratorProgress.readFrom(progressFile))
                .contains(new GeneratorProgress(12, 120, 120, 0, true));
        assertThat(GeneratorProgress.readFrom(dir.resolve("absent.json"))).isEmpty();
    }

    @Test
    void restartContinuesAboveEveryIdInTheTopic() {
        String topic = GeneratorRun.freshTopic(stack);

        GeneratorRun first = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=13", "--rate=0"));
        // Foreign messages at the partitions' tails must not hide the ids below them.
        writeForeignMessages(topic, LastTickIdFinder.TAIL_WINDOW + 4);
        GeneratorRun second = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=9", "--rate=0"));

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(first.firstId()).isEqualTo(1);
        assertThat(second.firstId()).isEqualTo(131);
        List<TopicContents.Message> messages = TopicContents.read(stack.kafka().bootstrapServers(), topic);
        List<Long> ids = messages.stream()
                .filter(message -> TickJson.maxId(message.value()).isPresent())
                .flatMap(message -> ids(message.json()).stream())
                .toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().sorted().toList()).isEqualTo(rangeClosed(1, 220));
        assertIdsIncreaseWithinEachPartition(messages);
    }

    @Test
    void sameSeedGivesSamePayloadsApartFromIdAndCreatedAt() {
        List<String> first = payloads(GeneratorRun.freshTopic(stack), "--seed=20241105");
        List<String> again = payloads(GeneratorRun.freshTopic(stack), "--seed=20241105");
        List<String> other = payloads(GeneratorRun.freshTopic(stack), "--seed=7");

        assertThat(first).hasSize(120).isEqualTo(again);
        assertThat(other).hasSize(120).isNotEqualTo(first);
    }

    @Test
    void loadModeKeepsToTheRate() {
        String topic = GeneratorRun.freshTopic(stack);

        // 2,000 ticks/s with 10 companies = one round every 5 ms: at most 401 rounds in 2 s.
        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, topic, "--rate=2000", "--duration=2s"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.sentRounds()).isBetween(200L, 401L);
        assertThat(TopicContents.read(stack.kafka().bootstrapServers(), topic)).hasSize((int) run.sentRounds());
    }

    @Test
    void stopRequestFlushesReportsTotalsAndExitsZero() throws Exception {
        String topic = GeneratorRun.freshTopic(stack);
        StopSignal stop = new StopSignal();
        CompletableFuture<GeneratorRun> running = CompletableFuture.supplyAsync(
                () -> GeneratorRun.of(GeneratorRun.args(stack, topic, "--interval=50ms"), stop));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (TopicContents.read(stack.kafka().bootstrapServers(), topic).size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        stop.request();
        GeneratorRun run = running.get(60, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.sentRounds()).isGreaterThanOrEqualTo(5);
        assertThat(TopicContents.read(stack.kafka().bootstrapServers(), topic)).hasSize((int) run.sentRounds());
    }

    @Test
    void aRejectedSendIsReportedAndExitsOne() {
        String topic = GeneratorRun.freshTopic(stack);

        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=3", "--rate=0",
                "--producer-property=max.request.size=200"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("round(s) were not delivered", "RecordTooLargeException");
        assertThat(TopicContents.read(stack.kafka().bootstrapServers(), topic)).isEmpty();
    }

    /** The ticks of a run without id and created_at, in id order. */
    private List<String> payloads(String topic, String seed) {
        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, topic, "--count=12", "--rate=0", seed));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> ticks = new ArrayList<>();
        TopicContents.read(stack.kafka().bootstrapServers(), topic).forEach(message -> message.json().forEach(ticks::add));
        return ticks.stream()
                .sorted(Comparator.comparingLong(tick -> tick.get("id").asLong()))
                .map(tick -> tick.get("ticker").asText() + " " + tick.get("price").asLong() + " "
                        + tick.get("market_cap").asLong() + " " + tick.get("volume").asLong() + " "
                        + tick.get("sector").asText())
                .toList();
    }

    private static void assertSeedFormat(JsonNode tick, Instant start, Instant end) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = tick.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        assertThat(keys).isEqualTo(KEYS);
        assertThat(tick.get("id").isIntegralNumber()).isTrue();
        assertThat(tick.get("price").isIntegralNumber()).isTrue();
        assertThat(tick.get("market_cap").isIntegralNumber()).isTrue();
        assertThat(tick.get("volume").isIntegralNumber()).isTrue();

        Company company = profile.get(tick.get("ticker").asText());
        assertThat(company).as("ticker %s in profile", tick.get("ticker")).isNotNull();
        assertThat(tick.get("sector").asText()).isEqualTo(company.sector());
        long price = tick.get("price").asLong();
        assertThat(price).isPositive();
        assertThat(TickSize.isOnGrid(price)).isTrue();
        assertThat(tick.get("market_cap").asLong()).isEqualTo(price * company.shares());
        assertThat(tick.get("volume").asLong()).isPositive().matches(volume -> volume % 100 == 0);
        Instant createdAt = LocalDateTime.parse(tick.get(TickFormat.CREATED_AT).asText(), TickFormat.CREATED_AT_FORMAT)
                .toInstant(ZoneOffset.UTC);
        assertThat(tick.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(createdAt).isBetween(start, end);
    }

    private static void assertIdsIncreaseWithinEachPartition(List<TopicContents.Message> messages) {
        Map<Integer, Long> lastIdPerPartition = new HashMap<>();
        for (TopicContents.Message message : messages) {
            if (TickJson.maxId(message.value()).isEmpty()) {
                continue;
            }
            for (long id : ids(message.json())) {
                Long previous = lastIdPerPartition.put(message.partition(), id);
                assertThat(previous == null || id > previous)
                        .as("id %d after %d in partition %d", id, previous, message.partition()).isTrue();
            }
        }
    }

    private static List<Long> ids(JsonNode round) {
        List<Long> ids = new ArrayList<>();
        round.forEach(tick -> ids.add(tick.get("id").asLong()));
        return ids;
    }

    private static List<Long> rangeClosed(long from, long to) {
        List<Long> range = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            range.add(id);
        }
        return range;
    }

    private void writeForeignMessages(String topic, int perPartition) {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            for (int partition = 0; partition < 4; partition++) {
                for (int i = 0; i < perPartition; i++) {
                    byte[] value = ("not a tick " + i).getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, partition, null, value));
                }
            }
            producer.flush();
        }
    }
}
