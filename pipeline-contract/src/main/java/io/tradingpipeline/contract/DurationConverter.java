package io.tradingpipeline.contract;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one duration syntax of every program: a whole number and a unit, {@code ms}, {@code s}, {@code min} or
 * {@code h}, e.g. {@code 500ms}, {@code 10s}, {@code 15min}, {@code 1h} (Flink's own spelling of durations).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    public static final String SYNTAX = "a whole number and ms, s, min or h, e.g. 500ms, 10s, 15min, 1h";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|h)");

    @Override
    public Duration convert(String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: " + SYNTAX);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** {@code duration} in this syntax, in the largest unit that keeps it whole. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "min";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
