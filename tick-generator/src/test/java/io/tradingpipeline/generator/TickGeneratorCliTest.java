package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickGeneratorCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsEveryOptionWithDefaultsAndExitsZero() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("--bootstrap-servers", "--topic", "--mysql-url", "--mysql-user", "--mysql-password",
                        "--rate", "--count", "--duration", "--interval", "--seed", "--compression",
                        "--linger-ms", "--batch-size", "--max-block", "--delivery-timeout", "Exit codes:")
                .contains("Default: trading_data", "Default: lz4", "Default: 5")
                .doesNotContain("generator-dev");
    }

    @Test
    void unknownFlagPrintsReasonAndUsageAndExitsTwo() {
        int exit = run("--bogus");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'", "Usage: tick-generator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--rate=abc", "--rate=-5", "--count=0", "--duration=soon", "--interval=0s",
            "--compression=brotli", "--band=1.5", "--base-price-min=0", "--db-attempts=0", "--linger-ms=-1"})
    void badValueIsAUsageError(String argument) {
        int exit = run(argument);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: tick-generator");
    }

    @Test
    void rateAndIntervalExcludeEachOther() {
        assertThat(run("--rate=100", "--interval=1s")).isEqualTo(2);
        assertThat(err.toString()).contains("use either --rate or --interval");
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("250ms").toMillis()).isEqualTo(250);
        assertThat(converter.convert("5s").toSeconds()).isEqualTo(5);
        assertThat(converter.convert("2m").toSeconds()).isEqualTo(120);
        assertThat(converter.convert("1h").toMinutes()).isEqualTo(60);
        assertThat(converter.convert("PT1.5S").toMillis()).isEqualTo(1500);
    }

    private int run(String... args) {
        return TickGeneratorCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), new StopSignal());
    }
}
