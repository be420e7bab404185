package io.tradingpipeline.job.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the tick generator really sent: every message of a topic read back from Kafka and parsed with plain
 * Jackson (not with the job's parser, which is under test). The generator sends valid messages only.
 */
public final class ProducedTicks implements ExpectedTicks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<Long, ExpectedTick> ticksById;
    private final Map<Long, Long> sendTimesById;
    private final long messages;
    private final long duplicateIds;
    private final Map<Integer, Instant> newestCreatedAtByPartition;

    private ProducedTicks(Map<Long, ExpectedTick> ticksById, Map<Long, Long> sendTimesById, long messages,
                          long duplicateIds, Map<Integer, Instant> newestCreatedAtByPartition) {
        this.ticksById = ticksById;
        this.sendTimesById = sendTimesById;
        this.messages = messages;
        this.duplicateIds = duplicateIds;
        this.newestCreatedAtByPartition = newestCreatedAtByPartition;
    }

    /** Every message of {@code topic} up to its current end. */
    public static ProducedTicks readAll(String bootstrapServers, String topic) {
        return readFrom(bootstrapServers, topic, Map.of());
    }

    /** The current end offset of every partition of {@code topic}: where the next messages will go. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            return consumer.endOffsets(consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList());
        }
    }

    /**
     * The messages of {@code topic} from {@code startOffsets} (the beginning for a partition not in it) up to
     * its current end.
     */
    public static ProducedTicks readFrom(String bootstrapServers, String topic,
                                         Map<TopicPartition, Long> startOffsets) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            startOffsets.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Long, ExpectedTick> ticks = new HashMap<>();
            Map<Long, Long> sendTimes = new HashMap<>();
            Map<Integer, Instant> newest = new HashMap<>();
            long messages = 0;
            long duplicates = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    messages++;
                    for (ExpectedTick tick : parse(record.value())) {
                        if (ticks.put(tick.id(), tick) != null) {
                            duplicates++;
                        }
                        sendTimes.put(tick.id(), record.timestamp());
                        newest.merge(record.partition(), tick.createdAt(),
                                (one, other) -> one.isAfter(other) ? one : other);
                    }
                }
            }
            return new ProducedTicks(ticks, sendTimes, messages, duplicates, newest);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<ExpectedTick> parse(byte[] message) {
        try {
            JsonNode round = JSON.readTree(message);
            return java.util.stream.StreamSupport.stream(round.spliterator(), false)
                    .map(tick -> new ExpectedTick(tick.path("id").asLong(),
                            LocalDateTime.parse(tick.path("created_at").asText(), CREATED_AT).toInstant(ZoneOffset.UTC),
                            tick.path("ticker").asText(), tick.path("sector").asText(), tick.path("volume").asLong(),
                            tick.path("market_cap").asLong(), tick.path("price").decimalValue()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("the generator sent a message that is not JSON", e);
        }
    }

    /** The newest {@code created_at} of each partition that received ticks: where its event time stands. */
    public Map<Integer, Instant> newestCreatedAtByPartition() {
        return newestCreatedAtByPartition;
    }

    @Override
    public Map<Long, ExpectedTick> ticksById() {
        return ticksById;
    }

    /**
     * When each tick was sent, in epoch milliseconds: the Kafka record's timestamp, which the generator's
     * producer sets when the round is handed to it ({@code created_at} has whole seconds only).
     */
    public Map<Long, Long> sendTimesById() {
        return sendTimesById;
    }

    public long messages() {
        return messages;
    }

    @Override
    public long messageCount() {
        return messages;
    }

    @Override
    public long rejectedTickCount() {
        return 0;
    }

    @Override
    public Map<String, Long> deadLettersByCategory() {
        return Map.of();
    }

    /** Ids that appeared more than once: a generator that reused ids after a restart. */
    public long duplicateIds() {
        return duplicateIds;
    }
}
