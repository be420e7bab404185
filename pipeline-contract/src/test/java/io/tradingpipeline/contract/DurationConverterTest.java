package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "10s, PT10S", "15min, PT15M", "1h, PT1H", "' 2 S ', PT2S", "0s, PT0S"})
    void readsAWholeNumberAndAUnit(String text, Duration expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5S", "2m", "1.5s", "-1s", "10", "s", "", "1d"})
    void rejectsEverythingElseNamingTheSyntax(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("500ms, 10s, 15min, 1h");
    }

    @ParameterizedTest
    @CsvSource({"PT1H, 1h", "PT15M, 15min", "PT10S, 10s", "PT0.25S, 250ms", "PT90S, 90s"})
    void formatsInTheSameSyntax(Duration duration, String expected) {
        assertThat(DurationConverter.format(duration)).isEqualTo(expected);
        assertThat(converter.convert(expected)).isEqualTo(duration);
    }
}
