package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void defaultsToTheUsualPorts() throws Exception {
        assertThat(LocalStackOptions.parse()).isEqualTo(new LocalStackOptions(null, false, 9092, 9042, 3306, 8081, 8088, null, null, false));
    }

    @Test
    void readsEveryOption() throws Exception {
        LocalStackOptions options = LocalStackOptions.parse("--data-dir", ".local-stack", "--fresh", "--kafka-port", "0",
                "--cassandra-port", "19042", "--mysql-port", "13306", "--flink-port", "18081", "--superset-port", "18088",
                "--job", "flink-job/target/flink-job.jar", "--generator", "tick-generator/target/tick-generator.jar");

        assertThat(options).isEqualTo(new LocalStackOptions(Path.of(".local-stack"), true, 0, 19042, 13306, 18081, 18088,
                Path.of("flink-job/target/flink-job.jar"), Path.of("tick-generator/target/tick-generator.jar"), false));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadPorts() {
        assertThatThrownBy(() -> LocalStackOptions.parse("--kafka", "1")).hasMessage("unknown option: --kafka");
        assertThatThrownBy(() -> LocalStackOptions.parse("--mysql-port")).hasMessage("--mysql-port needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse("--job")).hasMessage("--job needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse("--generator", "g.jar")).hasMessage("--generator needs --job");
        assertThatThrownBy(() -> LocalStackOptions.parse("--kafka-port", "70000"))
                .hasMessageContaining("--kafka-port must be a port number");
        assertThatThrownBy(() -> LocalStackOptions.parse("--kafka-port", "abc"))
                .hasMessageContaining("--kafka-port must be a port number");
    }
}
