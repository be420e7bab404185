package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
    void withoutTheEnvironmentTheSettingsDefaultsApplyAndSecretsHaveNone() {
        Program program = parse(Map.of("MYSQL_WRITER_PASSWORD", ""));

        assertThat(program.kafka.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(program.kafka.kafkaTopic()).isEqualTo("trading_data");
        assertThat(program.password).as("an empty variable is unset").isNull();
        assertThat(program.windowSize).as("no setting default: the option's own").isEqualTo("60s");
    }

    @Test
    void aRequiredSecretThatIsNotSetIsNamedWithItsFlag() {
        Program program = new Program();
        CommandLine commandLine = new CommandLine(program).setDefaultValueProvider(new SettingDefaults(Map.of()));
        commandLine.parseArgs();

        assertThatThrownBy(() -> SettingDefaults.require(commandLine, Setting.MYSQL_WRITER_PASSWORD))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("MYSQL_WRITER_PASSWORD is not set: export MYSQL_WRITER_PASSWORD or pass "
                        + "--mysql-writer-password");
        commandLine.parseArgs("--mysql-writer-password", "x");
        SettingDefaults.require(commandLine, Setting.MYSQL_WRITER_PASSWORD);
        assertThat(program.password).isEqualTo("x");
    }

    @Test
    void secretsHaveNoDefaultAndEveryOtherSettingOfDotEnvIsASecret() {
        DevelopmentDefaults dotEnv = DevelopmentDefaults.read(Path.of("..", ".env"));
        Set<String> notSettings = Set.of("SUPERSET_ENV", "PUBLISH_ADDRESS");

        assertThat(Setting.values()).filteredOn(Setting::isSecret).hasSizeGreaterThan(5)
                .allSatisfy(secret -> assertThat(secret.defaultValue()).as(secret.name()).isEmpty());
        assertThat(dotEnv.asMap().keySet()).isNotEmpty().allSatisfy(name -> assertThat(
                notSettings.contains(name) || Setting.named(name).filter(Setting::isSecret).isPresent())
                .as(name + " in .env is a secret setting or one of " + notSettings).isTrue());
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
