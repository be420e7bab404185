package io.tradingpipeline.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Which clock puts a tick into its window. */
public enum WindowTime {
    /** The window in which the job reads the tick; results depend on when the job runs. */
    PROCESSING,
    /** The window of the tick's {@code created_at}; a replay of the topic gives the same windows. */
    EVENT;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return cliName();
    }

    /** Accepts {@code processing} and {@code event}. */
    public static class Converter implements ITypeConverter<WindowTime> {
        @Override
        public WindowTime convert(String value) {
            return Arrays.stream(values())
                    .filter(mode -> mode.cliName().equalsIgnoreCase(value.trim()))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of "
                            + Arrays.stream(values()).map(WindowTime::cliName).collect(Collectors.joining(" | "))));
        }
    }
}
