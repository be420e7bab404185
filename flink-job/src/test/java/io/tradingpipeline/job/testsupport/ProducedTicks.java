package io.tradingpipeline.job.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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
 * Jackson (not with the job's parser, which is under test).
 */
public final class ProducedTicks implements ExpectedTicks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<Long, ExpectedTick> ticksById;
    private final long messages;
    private final long duplicateIds;

    private ProducedTicks(Map<Long, ExpectedTick> ticksById, long messages, long duplicateIds) {
        this.ticksById = ticksById;
        this.messages = messages;
        this.duplicateIds = duplicateIds;
    }

    /** Every message of {@code topic} up to its current end. */
    public static ProducedTicks readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Long, ExpectedTick> ticks = new HashMap<>();
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
                    }
                }
            }
            return new ProducedTicks(ticks, messages, duplicates);
        }
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

    @Override
    public Map<Long, ExpectedTick> ticksById() {
        return ticksById;
    }

    public long messages() {
        return messages;
    }

    /** Ids that appeared more than once: a generator that reused ids after a restart. */
    public long duplicateIds() {
        return duplicateIds;
    }
}
