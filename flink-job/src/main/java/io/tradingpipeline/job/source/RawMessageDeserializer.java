package io.tradingpipeline.job.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Copies a Kafka record into a {@link RawMessage} without interpreting its value. */
public class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {
    private static final MessageHeader[] NO_HEADERS = new MessageHeader[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        out.collect(new RawMessage(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), headersOf(record)));
    }

    private static MessageHeader[] headersOf(ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        if (headers.length == 0) {
            return NO_HEADERS;
        }
        MessageHeader[] copies = new MessageHeader[headers.length];
        for (int i = 0; i < headers.length; i++) {
            copies[i] = new MessageHeader(headers[i].key(), headers[i].value());
        }
        return copies;
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
