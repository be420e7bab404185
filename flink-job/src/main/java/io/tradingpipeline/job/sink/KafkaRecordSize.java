package io.tradingpipeline.job.sink;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * An upper bound of the bytes a record takes in a record batch of its own, as the broker's
 * {@code message.max.bytes} counts them (record format v2, uncompressed): the batch header, including its
 * offset and length fields, then every length, delta and count of the record at its longest varint.
 */
final class KafkaRecordSize {
    private static final int BATCH_HEADER = 61;
    private static final int MAX_VARINT = 5;
    private static final int MAX_VARLONG = 10;
    /** Length, attributes, timestamp delta, offset delta and header count. */
    private static final int RECORD_FIELDS = MAX_VARINT + 1 + MAX_VARLONG + MAX_VARINT + MAX_VARINT;

    private KafkaRecordSize() {}

    static int of(byte[] key, byte[] value, Iterable<Header> headers) {
        int size = BATCH_HEADER + RECORD_FIELDS + ofBytes(key) + ofBytes(value);
        for (Header header : headers) {
            size += ofHeader(header);
        }
        return size;
    }

    static int ofHeader(Header header) {
        return MAX_VARINT + header.key().getBytes(StandardCharsets.UTF_8).length + ofBytes(header.value());
    }

    /** A length-prefixed field; null takes the length only. */
    private static int ofBytes(byte[] bytes) {
        return MAX_VARINT + (bytes == null ? 0 : bytes.length);
    }
}
