package io.tradingpipeline.generator;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rounds to the topic with an idempotent producer. Messages have no key: every tick carries its own id
 * and time, nothing downstream depends on which partition a round lands in, and the sticky partitioner
 * fills bigger batches in load mode. Every outcome is counted in {@link SendStats}; failures are logged.
 */
public final class TickSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickSender.class);
    private static final int LOGGED_FAILURES = 10;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final SendStats stats;

    public TickSender(Properties producerProperties, String topic, SendStats stats) {
        this.producer = new KafkaProducer<>(producerProperties);
        this.topic = topic;
        this.stats = stats;
    }

    public void send(byte[] round) {
        stats.sent(round.length);
        try {
            producer.send(new ProducerRecord<>(topic, round), (metadata, error) -> {
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
