package io.tradingpipeline.generator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the highest tick id already in the topic, so that a restarted generator continues above it.
 *
 * <p>Rule: for every partition, read the last {@value #TAIL_WINDOW} records (offsets {@code end − N} up to the
 * end offset) and take the highest {@code id} of the ticks in them; the result is the maximum over all
 * partitions, or 0 for an empty topic. Records that are not tick arrays are skipped; when the tail of a
 * partition holds no id at all (foreign messages, transaction markers, offsets removed by compaction), the
 * window grows (×4) further back until an id is found or the partition's start is reached.
 *
 * <p>Why the tails are enough: ids strictly increase within a run and every run starts above the previous
 * maximum, and the idempotent producer keeps the send order within a partition, so in every partition the
 * ids grow with the offset. Reading the topic — not the Cassandra table — also covers ticks that wait in
 * Kafka while the Flink job is down. Only one generator may write to the topic at a time.
 */
public final class LastTickIdFinder implements AutoCloseable {

    static final int TAIL_WINDOW = 16;
    private static final Logger LOG = LoggerFactory.getLogger(LastTickIdFinder.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    public LastTickIdFinder(Properties consumerProperties, Duration timeout) {
        this.consumer = new KafkaConsumer<>(consumerProperties);
        this.timeout = timeout;
    }

    /** The highest id in the topic, 0 when it holds none (or does not exist yet). */
    public long lastId(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            LOG.warn("Topic {} does not exist (yet): ids start at 1, the broker must create the topic", topic);
            return 0;
        }
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(topicPartitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(topicPartitions, timeout);
        long max = 0;
        for (TopicPartition partition : topicPartitions) {
            OptionalLong id = lastIdIn(partition, begin.get(partition), end.get(partition));
            LOG.debug("Partition {}: offsets {}..{}, last id {}", partition, begin.get(partition), end.get(partition), id);
            if (id.isPresent()) {
                max = Math.max(max, id.getAsLong());
            }
        }
        return max;
    }

    private OptionalLong lastIdIn(TopicPartition partition, long begin, long end) {
        long upper = end;
        long window = TAIL_WINDOW;
        while (upper > begin) {
            long from = Math.max(begin, upper - window);
            OptionalLong id = maxIdBetween(partition, from, upper);
            if (id.isPresent()) {
                return id;
            }
            upper = from;
            window *= 4;
        }
        return OptionalLong.empty();
    }

    private OptionalLong maxIdBetween(TopicPartition partition, long from, long upper) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + timeout.toNanos();
        long max = Long.MIN_VALUE;
        while (consumer.position(partition, timeout) < upper) {
            if (System.nanoTime() > deadline) {
                throw new GeneratorException("timed out after " + timeout.toSeconds() + " s reading offsets " + from
                        + ".." + upper + " of " + partition + " to find the last tick id");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < upper) {
                    OptionalLong id = TickJson.maxId(record.value());
                    if (id.isPresent()) {
                        max = Math.max(max, id.getAsLong());
                    }
                }
            }
        }
        return max == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(max);
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (KafkaException e) {
            LOG.debug("Closing the consumer failed", e);
        }
    }
}
