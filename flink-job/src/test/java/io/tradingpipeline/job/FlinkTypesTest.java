package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.parse.MessageOutcome;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.window.MessageCounts;
import io.tradingpipeline.job.window.SectorVolumeAccumulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record type crossing an operator boundary or kept in state is serialized by Flink, never Kryo. */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {Tick.class, RawMessage.class, MessageHeader.class, DeadLetter.class, SectorVolume.class,
            TickerWindowStats.class, SectorVolumeAccumulator.class, TickerCandle.class, MessageOutcome.class,
            MessageCounts.class, MessageWindowStats.class, RejectionWindowStats.class})
    void isAFlinkPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertNoKryo(info);
    }

    static Stream<Object> records() {
        RawMessage message = new RawMessage("trading_data", 3, 42L, 1_725_522_755_000L, null,
                "[{\"id\": 1}]".getBytes(StandardCharsets.UTF_8),
                new MessageHeader[] {new MessageHeader("origin", new byte[] {1, 2}), new MessageHeader("empty", null)});
        return Stream.of(
                new Tick(521, "ALTO.JK", "Beverages", new BigDecimal("538.125"), 195_668, 538_000,
                        1_725_522_755_000L),
                new SectorVolume(0, 60_000, 19971, "Beverages", 350, 2),
                new TickerWindowStats(0, 60_000, 19971, "ALTO.JK", "Beverages", new BigDecimal("525"),
                        new BigDecimal("530.5"), new BigDecimal("510"), new BigDecimal("515"), 1000,
                        new BigDecimal("520.1500"), 5),
                new MessageHeader("origin", new byte[] {1, 2}),
                message,
                new DeadLetter(message, RejectionCategory.INVALID_TICK, "tick[0]: missing field id", new int[] {0}),
                new MessageOutcome(9, 1, RejectionCategory.INVALID_TICK),
                new MessageOutcome(10, 0, null),
                new DeadLetter(message, RejectionCategory.LATE, "late: tick[0] created at …", new int[] {0}, 44_999),
                new MessageOutcome(3, 1, RejectionCategory.INVALID_TICK, true),
                messageCounts(),
                new MessageWindowStats(0, 60_000, 0, 12, 100, 2, 1),
                new RejectionWindowStats(0, 60_000, 0, RejectionCategory.NOT_JSON, 2));
    }

    private static MessageCounts messageCounts() {
        MessageCounts counts = new MessageCounts();
        counts.add(new MessageOutcome(0, 0, RejectionCategory.NOT_JSON));
        counts.add(new MessageOutcome(10, 0, null));
        counts.add(new MessageOutcome(2, 0, null, true));
        return counts;
    }

    @ParameterizedTest
    @MethodSource("records")
    void recordSurvivesASerializerRoundTrip(Object value) throws IOException {
        @SuppressWarnings("unchecked")
        TypeInformation<Object> info = (TypeInformation<Object>) TypeInformation.of(value.getClass());
        TypeSerializer<Object> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);

        serializer.serialize(value, out);
        Object copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(copy).isNotSameAs(value).usingRecursiveComparison().isEqualTo(value);
    }

    private static void assertNoKryo(TypeInformation<?> info) {
        assertThat(info).as(info.toString()).isNotInstanceOf(GenericTypeInfo.class);
        if (info instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                assertNoKryo(composite.getTypeAt(i));
            }
        } else if (info instanceof ObjectArrayTypeInfo<?, ?> array) {
            assertNoKryo(array.getComponentInfo());
        }
    }
}
