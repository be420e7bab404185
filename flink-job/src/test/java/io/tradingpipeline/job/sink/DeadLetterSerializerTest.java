package io.tradingpipeline.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {
    private static final byte[] KEY = {0, 1, (byte) 0xff};
    private static final byte[] VALUE = utf8("[{\"id\": 1}, {\"id\": -1}]");

    private final DeadLetterSerializer serializer = new DeadLetterSerializer("trading_data_dlq");

    @Test
    void forwardsThePartlyInvalidMessageUnchangedWithWhereItCameFromAndWhichTicksWereRejected() {
        RawMessage message = new RawMessage("trading_data", 3, 1234, 1_725_522_755_000L, KEY, VALUE,
                new MessageHeader[] {new MessageHeader("origin", utf8("producer-1")),
                        new MessageHeader("trace", new byte[] {7})});

        ProducerRecord<byte[], byte[]> record = serializer.serialize(
                new DeadLetter(message, "tick[0]: missing field ticker; tick[2]: price is null", new int[] {0, 2}),
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
                        tuple(DeadLetterSerializer.SOURCE_TOPIC, utf8("trading_data")),
                        tuple(DeadLetterSerializer.SOURCE_PARTITION, utf8("3")),
                        tuple(DeadLetterSerializer.SOURCE_OFFSET, utf8("1234")),
                        tuple(DeadLetterSerializer.REJECTED_TICKS, utf8("0,2")));
    }

    @Test
    void anUnusableMessageHasNoRejectedTicksHeader() {
        RawMessage message = new RawMessage("trading_data", 0, 0, 5, null, utf8("oops"), new MessageHeader[0]);

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(new DeadLetter(message, "malformed JSON: Ünexpected", new int[0]), null, null);

        assertThat(record.key()).isNull();
        assertThat(record.timestamp()).isEqualTo(5);
        assertThat(Arrays.stream(record.headers().toArray()).map(header -> header.key()))
                .containsExactly(DeadLetterSerializer.REASON, DeadLetterSerializer.SOURCE_TOPIC,
                        DeadLetterSerializer.SOURCE_PARTITION, DeadLetterSerializer.SOURCE_OFFSET);
        assertThat(record.headers().lastHeader(DeadLetterSerializer.REASON).value())
                .isEqualTo(utf8("malformed JSON: Ünexpected"));
    }

    @Test
    void aMessageWithoutTimestampGetsTheTimeOfWriting() {
        RawMessage message = new RawMessage("trading_data", 0, 0, -1, null, new byte[0], new MessageHeader[0]);

        assertThat(serializer.serialize(new DeadLetter(message, "empty message", new int[0]), null, null).timestamp())
                .isNull();
    }

    @Test
    void keepsAHeaderWithoutValue() {
        RawMessage message = new RawMessage("trading_data", 0, 0, 5, null, VALUE,
                new MessageHeader[] {new MessageHeader("flag", null)});

        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(new DeadLetter(message, "empty array", new int[0]), null, null);

        assertThat(record.headers().lastHeader("flag")).isNotNull();
        assertThat(record.headers().lastHeader("flag").value()).isNull();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
