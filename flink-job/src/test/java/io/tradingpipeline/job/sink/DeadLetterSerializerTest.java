package io.tradingpipeline.job.sink;

import static io.tradingpipeline.job.sink.DeadLetterSerializer.BROKER_DEFAULT_MAX_MESSAGE_BYTES;
import static io.tradingpipeline.job.sink.DeadLetterSerializer.MAX_RECORD_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterSerializerTest {
    private static final byte[] KEY = {0, 1, (byte) 0xff};
    private static final byte[] VALUE = utf8("[{\"id\": 1}, {\"id\": -1}]");
    private static final MessageHeader[] ORIGINAL_HEADERS = {new MessageHeader("origin", utf8("producer-1"))};
    private static final String MALFORMED = "malformed JSON: Unexpected character ('x' (code 120))";

    private final DeadLetterSerializer serializer = new DeadLetterSerializer("trading_data_dlq");

    @Test
    void forwardsThePartlyInvalidMessageUnchangedWithWhereItCameFromAndWhichTicksWereRejected() {
        RawMessage message = new RawMessage("trading_data", 3, 1234, 1_725_522_755_000L, KEY, VALUE,
                new MessageHeader[] {new MessageHeader("origin", utf8("producer-1")),
                        new MessageHeader("trace", new byte[] {7})});

        ProducerRecord<byte[], byte[]> record = serializer.serialize(
                new DeadLetter(message, RejectionCategory.INVALID_TICK,
                        "tick[0]: missing field ticker; tick[2]: price is null", new int[] {0, 2}),
                null, null);

        assertThat(record.topic()).isEqualTo("trading_data_dlq");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isEqualTo(1_725_522_755_000L);
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo(VALUE);
        assertThat(record.headers().toArray()).extracting(header -> header.key(), header -> header.value())
                .containsExactly(
                        tuple("origin", utf8("producer-1")),
                        tuple("trace", new byte[] {7}),
                        tuple(DeadLetterSerializer.REASON,
                                utf8("tick[0]: missing field ticker; tick[2]: price is null")),
                        tuple(DeadLetterSerializer.REASON_CATEGORY, utf8("invalid_tick")),
                        tuple(DeadLetterSerializer.SOURCE_TOPIC, utf8("trading_data")),
                        tuple(DeadLetterSerializer.SOURCE_PARTITION, utf8("3")),
                        tuple(DeadLetterSerializer.SOURCE_OFFSET, utf8("1234")),
                        tuple(DeadLetterSerializer.REJECTED_TICKS, utf8("0,2")));
    }

    @Test
    void anUnusableMessageHasNoRejectedTicksHeader() {
        RawMessage message = new RawMessage("trading_data", 0, 0, 5, null, utf8("oops"), new MessageHeader[0]);

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(new DeadLetter(message, RejectionCategory.NOT_JSON, "malformed JSON: Ünexpected",
                        new int[0]), null, null);

        assertThat(record.key()).isNull();
        assertThat(record.timestamp()).isEqualTo(5);
        assertThat(Arrays.stream(record.headers().toArray()).map(header -> header.key()))
                .containsExactly(DeadLetterSerializer.REASON, DeadLetterSerializer.REASON_CATEGORY,
                        DeadLetterSerializer.SOURCE_TOPIC,
                        DeadLetterSerializer.SOURCE_PARTITION, DeadLetterSerializer.SOURCE_OFFSET);
        assertThat(record.headers().lastHeader(DeadLetterSerializer.REASON).value())
                .isEqualTo(utf8("malformed JSON: Ünexpected"));
    }

    @Test
    void aMessageWithoutTimestampGetsTheTimeOfWriting() {
        RawMessage message = new RawMessage("trading_data", 0, 0, -1, null, new byte[0], new MessageHeader[0]);

        assertThat(serializer.serialize(new DeadLetter(message, RejectionCategory.EMPTY, "empty message", new int[0]),
                null, null).timestamp()).isNull();
    }

    @Test
    void keepsAHeaderWithoutValue() {
        RawMessage message = new RawMessage("trading_data", 0, 0, 5, null, VALUE,
                new MessageHeader[] {new MessageHeader("flag", null)});

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(new DeadLetter(message, RejectionCategory.NOT_A_TICK_ARRAY, "empty array",
                        new int[0]), null, null);

        assertThat(record.headers().lastHeader("flag")).isNotNull();
        assertThat(record.headers().lastHeader("flag").value()).isNull();
    }

    @ParameterizedTest(name = "{0} bytes under the limit")
    @ValueSource(ints = {1, 0})
    void keepsTheWholeMessageUpToTheLimit(int bytesUnderTheLimit) {
        byte[] value = valueForARecordOf(MAX_RECORD_BYTES - bytesUnderTheLimit);

        ProducerRecord<byte[], byte[]> record = serialize(message(KEY, value, ORIGINAL_HEADERS), MALFORMED);

        assertThat(record.value()).isEqualTo(value);
        assertThat(Arrays.stream(record.headers().toArray()).map(Header::key))
                .containsExactly("origin", DeadLetterSerializer.REASON, DeadLetterSerializer.REASON_CATEGORY,
                        DeadLetterSerializer.SOURCE_TOPIC, DeadLetterSerializer.SOURCE_PARTITION,
                        DeadLetterSerializer.SOURCE_OFFSET);
        assertThat(sizeOf(record)).isEqualTo(MAX_RECORD_BYTES - bytesUnderTheLimit);
        assertFitsProducerAndBroker(record);
    }

    @Test
    void cutsTheValueOfARecordJustAboveTheLimitToWhatFitsAndSaysSo() {
        byte[] value = valueForARecordOf(MAX_RECORD_BYTES + 1);

        ProducerRecord<byte[], byte[]> record = serialize(message(KEY, value, ORIGINAL_HEADERS), MALFORMED);

        assertThat(record.value()).hasSizeLessThan(value.length).isEqualTo(Arrays.copyOf(value, record.value().length));
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.headers().toArray()).extracting(header -> header.key(), header -> text(header.value()))
                .containsExactly(
                        tuple("origin", "producer-1"),
                        tuple(DeadLetterSerializer.REASON, MALFORMED),
                        tuple(DeadLetterSerializer.REASON_CATEGORY, "not_json"),
                        tuple(DeadLetterSerializer.SOURCE_TOPIC, "trading_data"),
                        tuple(DeadLetterSerializer.SOURCE_PARTITION, "3"),
                        tuple(DeadLetterSerializer.SOURCE_OFFSET, "1234"),
                        tuple(DeadLetterSerializer.VALUE_TRUNCATED, "true"),
                        tuple(DeadLetterSerializer.VALUE_ORIGINAL_BYTES, Integer.toString(value.length)));
        assertThat(sizeOf(record)).as("nothing cut that would have fitted").isEqualTo(MAX_RECORD_BYTES);
        assertFitsProducerAndBroker(record);
    }

    @Test
    void deadLettersTheLargestMessageTheBrokerAccepts() {
        int overhead = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE, null, new byte[0], new Header[0]);
        byte[] value = filled(BROKER_DEFAULT_MAX_MESSAGE_BYTES - overhead);

        ProducerRecord<byte[], byte[]> record = serialize(message(null, value, new MessageHeader[0]), MALFORMED);

        assertFitsProducerAndBroker(record);
        assertThat(header(record, DeadLetterSerializer.VALUE_TRUNCATED)).isEqualTo("true");
        assertThat(header(record, DeadLetterSerializer.VALUE_ORIGINAL_BYTES)).isEqualTo(Integer.toString(value.length));
    }

    @Test
    void manyOriginalHeadersAreKeptAndTakeTheirShareOfTheLimit() {
        MessageHeader[] headers = IntStream.range(0, 2_000)
                .mapToObj(i -> new MessageHeader("trace-" + i, filled(100)))
                .toArray(MessageHeader[]::new);
        byte[] value = filled(815_000);

        ProducerRecord<byte[], byte[]> record = serialize(message(KEY, value, headers), MALFORMED);

        assertThat(Arrays.copyOf(record.headers().toArray(), headers.length))
                .extracting(header -> header.key(), header -> header.value())
                .containsExactly(Arrays.stream(headers).map(header -> tuple(header.key(), header.value()))
                        .toArray(Tuple[]::new));
        assertThat(header(record, DeadLetterSerializer.HEADERS_TRUNCATED)).isNull();
        assertThat(record.value()).hasSizeLessThan(value.length);
        assertThat(header(record, DeadLetterSerializer.VALUE_ORIGINAL_BYTES)).isEqualTo("815000");
        assertThat(sizeOf(record)).isEqualTo(MAX_RECORD_BYTES);
        assertFitsProducerAndBroker(record);
    }

    @Test
    void aHugeOriginalHeaderIsDroppedWithTheHeadersAfterItOnceTheValueIsGone() {
        MessageHeader[] headers = {new MessageHeader("first", utf8("kept")),
                new MessageHeader("huge", filled(BROKER_DEFAULT_MAX_MESSAGE_BYTES - 200)),
                new MessageHeader("last", utf8("dropped"))};

        ProducerRecord<byte[], byte[]> record = serialize(message(null, utf8("oops"), headers), MALFORMED);

        assertThat(record.value()).isEmpty();
        assertThat(Arrays.stream(record.headers().toArray()).map(Header::key)).containsExactly("first",
                DeadLetterSerializer.REASON, DeadLetterSerializer.REASON_CATEGORY, DeadLetterSerializer.SOURCE_TOPIC,
                DeadLetterSerializer.SOURCE_PARTITION, DeadLetterSerializer.SOURCE_OFFSET,
                DeadLetterSerializer.VALUE_TRUNCATED,
                DeadLetterSerializer.VALUE_ORIGINAL_BYTES, DeadLetterSerializer.HEADERS_TRUNCATED,
                DeadLetterSerializer.HEADERS_ORIGINAL_BYTES);
        assertThat(header(record, DeadLetterSerializer.HEADERS_ORIGINAL_BYTES))
                .isEqualTo(Integer.toString(5 + 4 + 4 + (BROKER_DEFAULT_MAX_MESSAGE_BYTES - 200) + 4 + 7));
        assertFitsProducerAndBroker(record);
    }

    @Test
    void aHugeKeyIsCutOnceTheValueIsGone() {
        byte[] key = filled(BROKER_DEFAULT_MAX_MESSAGE_BYTES - 200);

        ProducerRecord<byte[], byte[]> record = serialize(message(key, utf8("oops"), new MessageHeader[0]), MALFORMED);

        assertThat(record.value()).isEmpty();
        assertThat(record.key()).hasSizeLessThan(key.length).isEqualTo(Arrays.copyOf(key, record.key().length));
        assertThat(header(record, DeadLetterSerializer.KEY_TRUNCATED)).isEqualTo("true");
        assertThat(header(record, DeadLetterSerializer.KEY_ORIGINAL_BYTES)).isEqualTo(Integer.toString(key.length));
        assertFitsProducerAndBroker(record);
    }

    @Test
    void aTooLongListOfRejectedTicksKeepsItsFirstWholePositions() {
        int[] rejected = IntStream.range(0, 200_000).toArray();
        RawMessage message = message(null, filled(300_000), new MessageHeader[0]);

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(new DeadLetter(message, RejectionCategory.INVALID_TICK,
                        "tick[0]: element is a number", rejected), null, null);

        String positions = header(record, DeadLetterSerializer.REJECTED_TICKS);
        int[] kept = Arrays.stream(positions.split(",")).mapToInt(Integer::parseInt).toArray();
        assertThat(kept).isEqualTo(IntStream.range(0, kept.length).toArray()).hasSizeLessThan(rejected.length);
        assertThat(record.value()).isEmpty();
        assertThat(header(record, DeadLetterSerializer.REJECTED_TICKS_TRUNCATED)).isEqualTo("true");
        assertThat(header(record, DeadLetterSerializer.REJECTED_TICKS_ORIGINAL_BYTES))
                .isEqualTo(Integer.toString(Arrays.stream(rejected).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")).length()));
        assertFitsProducerAndBroker(record);
    }

    @Test
    void capsALongReasonWithoutSplittingACharacter() {
        String reason = "a" + "é".repeat(DeadLetterRecord.MAX_REASON_BYTES);

        ProducerRecord<byte[], byte[]> record = serialize(message(null, VALUE, new MessageHeader[0]), reason);

        byte[] kept = record.headers().lastHeader(DeadLetterSerializer.REASON).value();
        assertThat(kept).hasSize(DeadLetterRecord.MAX_REASON_BYTES - 1);
        assertThat(reason).startsWith(text(kept));
        assertThat(header(record, DeadLetterSerializer.REASON_TRUNCATED)).isEqualTo("true");
        assertThat(header(record, DeadLetterSerializer.REASON_ORIGINAL_BYTES))
                .isEqualTo(Integer.toString(utf8(reason).length));
        assertThat(record.value()).isEqualTo(VALUE);
    }

    /** A value that makes the dead letter of {@link #message} take {@code recordBytes}, uncut. */
    private byte[] valueForARecordOf(int recordBytes) {
        int withoutValue = sizeOf(serialize(message(KEY, new byte[0], ORIGINAL_HEADERS), MALFORMED));
        return filled(recordBytes - withoutValue);
    }

    /** The dead letter of a message that the broker accepted. */
    private ProducerRecord<byte[], byte[]> serialize(RawMessage message, String reason) {
        Header[] headers = Arrays.stream(message.headers())
                .map(header -> new RecordHeader(header.key(), header.value()))
                .toArray(Header[]::new);
        assertThat(batchBytes(message.key(), message.value(), headers)).as("the message in Kafka")
                .isLessThanOrEqualTo(BROKER_DEFAULT_MAX_MESSAGE_BYTES);
        return serializer.serialize(new DeadLetter(message, RejectionCategory.NOT_JSON, reason, new int[0]), null,
                null);
    }

    private static RawMessage message(byte[] key, byte[] value, MessageHeader[] headers) {
        return new RawMessage("trading_data", 3, 1234, 1_725_522_755_000L, key, value, headers);
    }

    private static int sizeOf(ProducerRecord<byte[], byte[]> record) {
        return KafkaRecordSize.of(record.key(), record.value(), record.headers());
    }

    /**
     * The two checks that failed the job: the producer's (its estimate against {@code max.request.size}) and the
     * broker's (the real batch against {@code message.max.bytes}); and our size is an upper bound of both.
     */
    private static void assertFitsProducerAndBroker(ProducerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        int producerEstimate = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE, record.key(), record.value(), headers);
        assertThat(producerEstimate).as("the producer's estimate")
                .isLessThanOrEqualTo(Integer.parseInt(DeadLetterSinks.MAX_REQUEST_SIZE))
                .isLessThanOrEqualTo(sizeOf(record));
        assertThat(batchBytes(record.key(), record.value(), headers)).as("the record batch")
                .isLessThanOrEqualTo(BROKER_DEFAULT_MAX_MESSAGE_BYTES)
                .isLessThanOrEqualTo(sizeOf(record));
        assertThat(sizeOf(record)).isLessThanOrEqualTo(MAX_RECORD_BYTES);
    }

    private static int batchBytes(byte[] key, byte[] value, Header[] headers) {
        return MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(1_725_522_755_000L, key, value, headers))
                .sizeInBytes();
    }

    /** Bytes that differ from their neighbours, so that a prefix is recognisable. */
    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** The last value of the header {@code key} as text; null when absent. */
    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
