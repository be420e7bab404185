package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.parse.DeadLetter;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The sink of the dead-letter topic.
 *
 * <p>Exactly-once, like the other outputs: a message is dead-lettered once even when the job restores
 * from a checkpoint, so the dead-letter topic is an exact audit of what was rejected (read it with
 * {@code isolation.level=read_committed}). The cost is visibility only at checkpoint completion, which
 * is irrelevant for a dead-letter queue.
 */
public final class DeadLetterSinks {
    /**
     * Must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default) and must outlast
     * a restart of the job, or a pre-committed transaction is aborted before it can be committed.
     */
    static final String TRANSACTION_TIMEOUT_MS = Long.toString(15 * 60 * 1000);
    /**
     * What the broker accepts by default, more than any dead letter takes
     * ({@link DeadLetterSerializer#MAX_RECORD_BYTES}). The producer's own default, 1 MiB, is less than a message
     * near that limit plus the dead-letter headers, and a record it refuses fails the job on every restart.
     */
    static final String MAX_REQUEST_SIZE = Integer.toString(DeadLetterSerializer.BROKER_DEFAULT_MAX_MESSAGE_BYTES);

    private DeadLetterSinks() {}

    public static KafkaSink<DeadLetter> kafka(JobConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setRecordSerializer(new DeadLetterSerializer(config.deadLetterTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.deadLetterTransactionalIdPrefix())
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setProperty("max.request.size", MAX_REQUEST_SIZE)
                .build();
    }
}
