package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.SettingValues;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
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
                .contains("--kafka-bootstrap-servers", "--kafka-topic", "--mysql-url", "--mysql-generator-user",
                        "--mysql-generator-password", "MYSQL_GENERATOR_PASSWORD",
                        "--rate", "--count", "--duration", "--interval", "--seed", "--compression",
                        "--linger-ms", "--batch-size", "--max-block", "--delivery-timeout", "Exit codes:")
                .contains("Default: trading_data", "Default: lz4", "Default: 5")
                .doesNotContain("Default: test-password");
    }

    @Test
    void withoutTheDatabasePasswordItNamesTheVariableAndTheFlagOnOneLineAndExitsTwo() {
        int exit = TickGeneratorCli.execute(new String[] {"--count=1"}, new PrintWriter(out, true),
                new PrintWriter(err, true), new StopSignal(), SettingValues.of(Map.of()));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tick-generator: MYSQL_GENERATOR_PASSWORD is not set: export "
                + "MYSQL_GENERATOR_PASSWORD or pass --mysql-generator-password" + System.lineSeparator());
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

    @ParameterizedTest
    @ValueSource(strings = {"--duration=PT5S", "--interval=2m", "--max-block=1.5s"})
    void durationsOfAnotherSyntaxAreUsageErrorsNamingTheSyntax(String argument) {
        assertThat(run(argument)).isEqualTo(2);
        assertThat(err.toString()).contains("is not a duration", "500ms, 10s, 15min, 1h");
    }

    @Test
    void helpNamesTheDurationSyntaxAndTheEnvironmentFallback() {
        run("--help");

        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Durations: a whole number and ms, s, min or h",
                "fall back to it, then to the default shown; --mysql-generator-password has none.");
    }

    private int run(String... args) {
        return TickGeneratorCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), new StopSignal(),
                SettingValues.of(Map.of("MYSQL_GENERATOR_PASSWORD", "test-password")));
    }
}
