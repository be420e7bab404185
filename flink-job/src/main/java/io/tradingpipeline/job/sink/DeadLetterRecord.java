package io.tradingpipeline.job.sink;

import static io.tradingpipeline.job.sink.DeadLetterSerializer.HEADERS_ORIGINAL_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.HEADERS_TRUNCATED;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.KEY_ORIGINAL_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.KEY_TRUNCATED;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.LATENESS_MS;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REASON;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REASON_CATEGORY;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REASON_ORIGINAL_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REASON_TRUNCATED;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REJECTED_TICKS;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REJECTED_TICKS_ORIGINAL_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.REJECTED_TICKS_TRUNCATED;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.SOURCE_OFFSET;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.SOURCE_PARTITION;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.SOURCE_TOPIC;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.VALUE_ORIGINAL_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.VALUE_TRUNCATED;

import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The key, value and headers of one dead-letter record, cut to a size limit when they exceed it.
 *
 * <p>The reason is capped at {@value #MAX_REASON_BYTES} bytes: a message with thousands of bad ticks has a
 * reason of megabytes, and its start tells the story. A record that is still too large is cut, in this order,
 * until it fits: the value (the source topic still holds it at {@code dlq.source.offset}), the rejected-tick
 * positions (whole positions only), the original headers (the last first), the key. Each cut part is named by
 * a {@code dlq.<part>.truncated=true} header and its length before the cut by {@code dlq.<part>.original.bytes}.
 * What is never cut, the source headers and the capped reason with its category, takes a few kilobytes, far below
 * any limit the dead-letter sink uses.
 */
final class DeadLetterRecord {
    static final int MAX_REASON_BYTES = 8 * 1024;

    private static final Truncation REASON_CUT = new Truncation(REASON_TRUNCATED, REASON_ORIGINAL_BYTES);
    private static final Truncation VALUE_CUT = new Truncation(VALUE_TRUNCATED, VALUE_ORIGINAL_BYTES);
    private static final Truncation REJECTED_TICKS_CUT =
            new Truncation(REJECTED_TICKS_TRUNCATED, REJECTED_TICKS_ORIGINAL_BYTES);
    private static final Truncation HEADERS_CUT = new Truncation(HEADERS_TRUNCATED, HEADERS_ORIGINAL_BYTES);
    private static final Truncation KEY_CUT = new Truncation(KEY_TRUNCATED, KEY_ORIGINAL_BYTES);

    private byte[] key;
    private byte[] value;
    private final List<Header> originalHeaders;
    private byte[] reason;
    private final Header category;
    private final List<Header> source;
    /** Null when the whole message was unusable. */
    private byte[] rejectedTicks;
    private final List<Header> truncations = new ArrayList<>();

    private DeadLetterRecord(byte[] key, byte[] value, List<Header> originalHeaders, byte[] reason, Header category,
            List<Header> source, byte[] rejectedTicks) {
        this.key = key;
        this.value = value;
        this.originalHeaders = originalHeaders;
        this.reason = reason;
        this.category = category;
        this.source = source;
        this.rejectedTicks = rejectedTicks;
    }

    static DeadLetterRecord of(DeadLetter deadLetter) {
        RawMessage message = deadLetter.message();
        List<Header> originalHeaders = new ArrayList<>(message.headers().length);
        for (MessageHeader header : message.headers()) {
            originalHeaders.add(new RecordHeader(header.key(), header.value()));
        }
        List<Header> source = new ArrayList<>(List.of(
                header(SOURCE_TOPIC, message.topic()),
                header(SOURCE_PARTITION, Integer.toString(message.partition())),
                header(SOURCE_OFFSET, Long.toString(message.offset()))));
        if (deadLetter.isLate()) {
            source.add(header(LATENESS_MS, Long.toString(deadLetter.latenessMillis())));
        }
        byte[] rejectedTicks = deadLetter.rejectedIndexes().length == 0 ? null
                : utf8(Arrays.stream(deadLetter.rejectedIndexes())
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")));
        return new DeadLetterRecord(message.key(), message.value(), originalHeaders, utf8(deadLetter.reason()),
                header(REASON_CATEGORY, deadLetter.category().label()), source, rejectedTicks);
    }

    /** Caps the reason and cuts what else is needed so that the record takes at most {@code maxBytes}. */
    DeadLetterRecord fitInto(int maxBytes) {
        reason = shortened(reason, MAX_REASON_BYTES, REASON_CUT, Prefixes::utf8);
        value = fitted(value, maxBytes, VALUE_CUT, Prefixes::bytes);
        rejectedTicks = fitted(rejectedTicks, maxBytes, REJECTED_TICKS_CUT, Prefixes::wholeItems);
        dropOriginalHeadersToFit(maxBytes);
        key = fitted(key, maxBytes, KEY_CUT, Prefixes::bytes);
        return this;
    }

    byte[] key() {
        return key;
    }

    byte[] value() {
        return value;
    }

    /**
     * The original headers, the reason, its category, the source, the rejected ticks and what was cut, in this
     * order.
     */
    List<Header> headers() {
        List<Header> headers = new ArrayList<>(originalHeaders.size() + source.size() + truncations.size() + 3);
        headers.addAll(originalHeaders);
        headers.add(new RecordHeader(REASON, reason));
        headers.add(category);
        headers.addAll(source);
        if (rejectedTicks != null) {
            headers.add(new RecordHeader(REJECTED_TICKS, rejectedTicks));
        }
        headers.addAll(truncations);
        return headers;
    }

    private int size() {
        return KafkaRecordSize.of(key, value, headers());
    }

    /** {@code part}, shortened by what the record exceeds {@code maxBytes} once the cut is marked. */
    private byte[] fitted(byte[] part, int maxBytes, Truncation truncation, Prefix prefix) {
        if (part == null || size() <= maxBytes) {
            return part;
        }
        int excess = size() + truncation.headerBytes(part.length) - maxBytes;
        return shortened(part, part.length - excess, truncation, prefix);
    }

    private byte[] shortened(byte[] part, int maxLength, Truncation truncation, Prefix prefix) {
        if (part.length <= maxLength) {
            return part;
        }
        truncations.addAll(truncation.headers(part.length));
        return prefix.of(part, maxLength);
    }

    private void dropOriginalHeadersToFit(int maxBytes) {
        if (originalHeaders.isEmpty() || size() <= maxBytes) {
            return;
        }
        truncations.addAll(HEADERS_CUT.headers(originalHeaders.stream().mapToInt(DeadLetterRecord::bytesOf).sum()));
        int excess = size() - maxBytes;
        while (excess > 0 && !originalHeaders.isEmpty()) {
            excess -= KafkaRecordSize.ofHeader(originalHeaders.remove(originalHeaders.size() - 1));
        }
    }

    /** The bytes of a header's key and value. */
    private static int bytesOf(Header header) {
        return utf8(header.key()).length + (header.value() == null ? 0 : header.value().length);
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, utf8(value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The longest well-formed prefix of at most {@code maxLength} bytes. */
    @FunctionalInterface
    private interface Prefix {
        byte[] of(byte[] bytes, int maxLength);
    }

    /** The headers that say a part was cut and how long it was before. */
    private record Truncation(String truncatedHeader, String originalBytesHeader) {
        List<Header> headers(int originalBytes) {
            return List.of(header(truncatedHeader, "true"),
                    header(originalBytesHeader, Integer.toString(originalBytes)));
        }

        int headerBytes(int originalBytes) {
            return headers(originalBytes).stream().mapToInt(KafkaRecordSize::ofHeader).sum();
        }
    }
}
