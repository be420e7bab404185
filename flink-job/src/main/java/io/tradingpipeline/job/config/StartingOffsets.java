package io.tradingpipeline.job.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Where the source starts when the job starts without a checkpoint or savepoint. */
public enum StartingOffsets {
    /** The consumer group's committed offsets; partitions without one start at the beginning. */
    COMMITTED_OR_EARLIEST("committed-or-earliest"),
    EARLIEST("earliest"),
    LATEST("latest");

    private final String cliName;

    StartingOffsets(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public OffsetsInitializer initializer() {
        return switch (this) {
            case COMMITTED_OR_EARLIEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }

    @Override
    public String toString() {
        return cliName;
    }

    static String allNames() {
        return Arrays.stream(values()).map(StartingOffsets::cliName).collect(Collectors.joining(" | "));
    }

    /** Accepts the hyphenated names shown in the usage text. */
    public static class Converter implements ITypeConverter<StartingOffsets> {
        @Override
        public StartingOffsets convert(String value) {
            return Arrays.stream(values())
                    .filter(v -> v.cliName.equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not one of " + allNames()));
        }
    }
}
