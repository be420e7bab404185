package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.source.RawMessage;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes the original key, value, timestamp and headers of a dead-lettered message, plus headers that
 * say why and where it came from; a record that would exceed {@link #MAX_RECORD_BYTES} is cut to fit, and
 * headers say what was cut (see {@link DeadLetterRecord} for the order).
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    public static final String REASON = "dlq.reason";
    /** The reason's {@link io.tradingpipeline.job.parse.RejectionCategory#label() category}, e.g. {@code not_json}. */
    public static final String REASON_CATEGORY = "dlq.reason.category";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Comma-separated zero-based positions of rejected ticks; absent when the whole message was unusable. */
    public static final String REJECTED_TICKS = "dlq.rejected.ticks";
    /** Event time, ticks that came after their window closed: milliseconds the most late one was behind the watermark. */
    public static final String LATENESS_MS = "dlq.lateness.ms";

    /** {@code true} when the value is only the first bytes of the original one. */
    public static final String VALUE_TRUNCATED = "dlq.value.truncated";
    /** The length of the original value, when {@link #VALUE_TRUNCATED}. */
    public static final String VALUE_ORIGINAL_BYTES = "dlq.value.original.bytes";
    /** {@code true} when {@link #REJECTED_TICKS} lists only the first positions. */
    public static final String REJECTED_TICKS_TRUNCATED = "dlq.rejected.ticks.truncated";
    public static final String REJECTED_TICKS_ORIGINAL_BYTES = "dlq.rejected.ticks.original.bytes";
    /** {@code true} when only the first original headers are kept. */
    public static final String HEADERS_TRUNCATED = "dlq.headers.truncated";
    /** The bytes of all original header keys and values, when {@link #HEADERS_TRUNCATED}. */
    public static final String HEADERS_ORIGINAL_BYTES = "dlq.headers.original.bytes";
    public static final String KEY_TRUNCATED = "dlq.key.truncated";
    public static final String KEY_ORIGINAL_BYTES = "dlq.key.original.bytes";
    public static final String REASON_TRUNCATED = "dlq.reason.truncated";
    public static final String REASON_ORIGINAL_BYTES = "dlq.reason.original.bytes";

    /**
     * The broker's default {@code message.max.bytes}, which is also every topic's default {@code max.message.bytes}:
     * the largest record batch it takes, 1 MiB plus the 12 bytes of the batch's offset and length fields.
     * Rule: the dead-letter topic must accept at least this, so keep its default and never lower it.
     */
    public static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
    /**
     * The most a dead-letter record may take, counted by {@link KafkaRecordSize} (an upper bound of Kafka's own
     * encoding, and of the producer's estimate that {@code max.request.size} limits): the broker's default less a
     * margin for what that count might miss.
     */
    public static final int MAX_RECORD_BYTES = BROKER_DEFAULT_MAX_MESSAGE_BYTES - 1024;

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
        DeadLetterRecord record = DeadLetterRecord.of(deadLetter).fitInto(MAX_RECORD_BYTES);
        RawMessage message = deadLetter.message();
        Long originalTimestamp = message.timestamp() >= 0 ? message.timestamp() : null;
        return new ProducerRecord<>(topic, null, originalTimestamp, record.key(), record.value(),
                new RecordHeaders(record.headers()));
    }
}
