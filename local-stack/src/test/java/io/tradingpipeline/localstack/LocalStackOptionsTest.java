package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class LocalStackOptionsTest {

    private static LocalStackOptions parse(String... args) {
        return LocalStackOptions.parse(args).getCommand();
    }

    @Test
    void defaultsAreTheServersUsualPorts() {
        LocalStackOptions options = parse();

        assertThat(options.dataDir).isNull();
        assertThat(options.fresh).isFalse();
        assertThat(new int[] {options.kafkaPort, options.cassandraPort, options.mySqlPort, options.flinkPort,
                options.supersetPort}).containsExactly(9092, 9042, 3306, 8081, 8088);
        assertThat(options.jobJar).isNull();
    }

    @Test
    void readsEveryOption() {
        LocalStackOptions options = parse("--data-dir", ".local-stack", "--fresh", "--kafka-port", "0",
                "--cassandra-port=19042", "--mysql-port", "13306", "--flink-port", "18081", "--superset-port", "18088",
                "--job", "job.jar", "--generator", "gen.jar");

        assertThat(options.dataDir).isEqualTo(Path.of(".local-stack"));
        assertThat(options.fresh).isTrue();
        assertThat(new int[] {options.kafkaPort, options.cassandraPort, options.mySqlPort, options.flinkPort,
                options.supersetPort}).containsExactly(0, 19042, 13306, 18081, 18088);
        assertThat(options.jobJar).isEqualTo(Path.of("job.jar"));
        assertThat(options.generatorJar).isEqualTo(Path.of("gen.jar"));
    }

    @Test
    void badCommandLinesAreNamed() {
        assertThatThrownBy(() -> parse("--kafka", "1")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown options: '--kafka', '1'");
        assertThatThrownBy(() -> parse("--mysql-port")).hasMessageContaining("Missing required parameter for option '--mysql-port'");
        assertThatThrownBy(() -> parse("--generator", "g.jar")).hasMessage("--generator needs --job");
        assertThatThrownBy(() -> parse("--kafka-port", "70000")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> parse("--kafka-port", "abc")).hasMessageContaining("'abc' is not an int");
    }

    @Test
    void helpIsNoError() {
        assertThat(LocalStackOptions.parse("--help").isUsageHelpRequested()).isTrue();
    }
}
