package io.tradingpipeline.job.config;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations the way Flink's configuration does: {@code 500ms}, {@code 10s}, {@code 15min}, {@code 1h}. */
public class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 10s, 15min or 1h");
        }
    }
}
