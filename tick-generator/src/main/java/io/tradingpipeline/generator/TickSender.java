package io.tradingpipeline.generator;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rounds to the topic with an idempotent producer, to its partitions in turn. Every tick carries its own id
 * and time, so messages need no key; but a job with event-time windows keeps a watermark per partition and waits
 * for the one that heard from the generator longest ago. Kafka's default sticky partitioner fills one partition
 * with {@code batch.size} bytes before it moves on, which left a partition silent for up to half a minute at
 * 2,000 ticks/s in load mode; in turn, every partition's newest round is at most as old as {@code partitions}
 * rounds. Every outcome is counted in {@link SendStats}; failures are logged.
 */
public final class TickSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickSender.class);
    private static final int LOGGED_FAILURES = 10;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final SendStats stats;
    /** The topic's partition count, read before the first round. */
    private int partitions;
    private long rounds;

    public TickSender(Properties producerProperties, String topic, SendStats stats) {
        this.producer = new KafkaProducer<>(producerProperties);
        this.topic = topic;
        this.stats = stats;
    }

    public void send(byte[] round) {
        stats.sent(round.length);
        try {
            if (partitions == 0) {
                partitions = producer.partitionsFor(topic).size();
            }
            int partition = (int) (rounds++ % partitions);
            producer.send(new ProducerRecord<>(topic, partition, null, round), (metadata, error) -> {
                if (error == null) {
                    stats.acked();
                } else {
                    recordFailure(error);
                }
            });
        } catch (KafkaException e) {
            recordFailure(e);
        }
    }

    /** Blocks until every sent round is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    private void recordFailure(Exception error) {
        stats.failed(error);
        if (stats.failedRounds() <= LOGGED_FAILURES) {
            LOG.error("Sending a round to {} failed: {}", topic, error.toString());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
