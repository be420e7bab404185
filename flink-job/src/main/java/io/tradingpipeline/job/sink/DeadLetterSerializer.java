package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes the original key, value, timestamp and headers of a dead-lettered message, plus headers that
 * say why and where it came from.
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    public static final String REASON = "dlq.reason";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Comma-separated zero-based positions of rejected ticks; absent when the whole message was unusable. */
    public static final String REJECTED_TICKS = "dlq.rejected.ticks";

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
        RawMessage message = deadLetter.message();
        RecordHeaders headers = new RecordHeaders();
        for (MessageHeader header : message.headers()) {
            headers.add(header.key(), header.value());
        }
        headers.add(REASON, utf8(deadLetter.reason()));
        headers.add(SOURCE_TOPIC, utf8(message.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(message.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(message.offset())));
        if (deadLetter.rejectedIndexes().length > 0) {
            headers.add(REJECTED_TICKS, utf8(Arrays.stream(deadLetter.rejectedIndexes())
                    .mapToObj(Integer::toString)
                    .collect(Collectors.joining(","))));
        }
        Long originalTimestamp = message.timestamp() >= 0 ? message.timestamp() : null;
        return new ProducerRecord<>(topic, null, originalTimestamp, message.key(), message.value(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
