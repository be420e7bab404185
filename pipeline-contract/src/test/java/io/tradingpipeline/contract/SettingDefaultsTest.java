package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class SettingDefaultsTest {

    @Command
    static class Program {
        @Mixin
        ConnectionOptions kafka;

        @Option(names = "--mysql-writer-password")
        String password;

        @Option(names = "--window-size", defaultValue = "60s")
        String windowSize;

        @Option(names = "--rate", defaultValue = "1")
        String rate;
    }

    private static Program parse(Map<String, String> environment, String... args) {
        Program program = new Program();
        new CommandLine(program).setDefaultValueProvider(new SettingDefaults(environment)).parseArgs(args);
        return program;
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Program program = parse(Map.of("KAFKA_TOPIC", "from-env"), "--kafka-topic", "from-flag");

        assertThat(program.kafka.kafkaTopic()).isEqualTo("from-flag");
    }

    @Test
    void theEnvironmentWinsOverTheDevelopmentDefaultAndTheOptionsOwnDefault() {
        Program program = parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092", "WINDOW_SIZE", "10s"));

        assertThat(program.kafka.kafkaBootstrapServers()).isEqualTo("broker:29092");
        assertThat(program.windowSize).isEqualTo("10s");
    }

    @Test
    void withoutTheEnvironmentTheDevelopmentDefaultsOfDotEnvApply() {
        DevelopmentDefaults dotEnv = DevelopmentDefaults.bundled();

        Program program = parse(Map.of("MYSQL_WRITER_PASSWORD", ""));

        assertThat(program.kafka.kafkaBootstrapServers()).isEqualTo(dotEnv.get(Setting.KAFKA_BOOTSTRAP_SERVERS).orElseThrow());
        assertThat(program.kafka.kafkaTopic()).isEqualTo("trading_data");
        assertThat(program.password).isEqualTo(dotEnv.get(Setting.MYSQL_WRITER_PASSWORD).orElseThrow()).isNotEmpty();
        assertThat(program.windowSize).as("not in .env: the option's own default").isEqualTo("60s");
    }

    @Test
    void optionsThatAreNotSettingsNeverReadTheEnvironment() {
        assertThat(parse(Map.of("RATE", "999")).rate).isEqualTo("1");
    }

    @Test
    void settingsAndOptionsAreNamedAlike() {
        assertThat(Setting.KAFKA_DLQ_TRANSACTIONAL_ID_PREFIX.option()).isEqualTo("--kafka-dlq-transactional-id-prefix");
        assertThat(Setting.ofOption("--cassandra-local-dc")).contains(Setting.CASSANDRA_LOCAL_DC);
        assertThat(Setting.ofOption("--rate")).isEmpty();
    }

    @Test
    void dotEnvIsReadAsDockerComposeReadsIt() {
        DevelopmentDefaults parsed = DevelopmentDefaults.parse("""
                # comment
                A=1
                 B = "two words"
                C='x=y'
                EMPTY=
                not a line
                """);

        assertThat(parsed.asMap()).containsExactlyInAnyOrderEntriesOf(
                Map.of("A", "1", "B", "two words", "C", "x=y", "EMPTY", ""));
    }
}
