package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.window.SectorVolumeAccumulator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record type crossing an operator boundary or kept in state is serialized by Flink, never Kryo. */
class FlinkTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {Tick.class, RawMessage.class, DeadLetter.class, SectorVolume.class,
            TickerWindowStats.class, SectorVolumeAccumulator.class, TickerCandle.class})
    void isAFlinkPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertNoKryo(info);
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
