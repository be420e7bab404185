package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tradingpipeline.contract.DevelopmentDefaults;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.generator.GeneratorConfig;
import io.tradingpipeline.generator.StopSignal;
import io.tradingpipeline.generator.TickGeneratorCli;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.localstack.FlinkSessionCluster;
import io.tradingpipeline.localstack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No container runs here, so docker-compose.yml and the Dockerfiles are checked by every static means: the
 * compose CLI's own validation, references between services, pinned images, files that exist, variables that
 * .env defines, the job's arguments read by the job's real parser, listeners that match the clients, and the
 * hardening rules of README.md's "Security" section.
 */
class DockerComposeTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");
    private static final Pattern CREATED_TOPIC =
            Pattern.compile("kafka-topics\\.sh .*?--create .*?--topic (\\S+) --partitions (\\d+)");
    /** {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME:?message}}; group 2 is the default. */
    private static final Pattern VARIABLE_WITH_DEFAULT =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY_SOURCES = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)\\s+\\S+$");
    /** A port published on the one variable's address: {@code ${PUBLISH_ADDRESS:-127.0.0.1}:<host>:<container>}. */
    private static final Pattern ON_PUBLISH_ADDRESS =
            Pattern.compile("\\$\\{PUBLISH_ADDRESS:-127\\.0\\.0\\.1}:(\\d+):(\\d+)");
    private static final Pattern XA = Pattern.compile("(?i)\\bXA\\b|XA_RECOVER_ADMIN");
    /** Services that run to completion once; every other service is a server that runs until stopped. */
    private static final Set<String> ONE_SHOT_JOBS = Set.of("kafka-init", "cassandra-init", "job-submitter");

    private final JsonNode compose = readYaml(COMPOSE_FILE);

    @Test
    void theComposeCliAcceptsTheFile() {
        composeCli(Map.of(), "config", "-q");
    }

    @Test
    void everyDependencyIsAServiceAndWaitsForWhatItNeeds() {
        Set<String> services = serviceNames();
        compose.path("services").fields().forEachRemaining(service ->
                service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                    assertThat(services).as(service.getKey() + " depends on").contains(dependency.getKey());
                    assertThat(dependency.getValue().path("condition").asText()).as(service.getKey() + " -> "
                            + dependency.getKey()).isEqualTo(conditionToWaitFor(dependency.getKey()));
                }));
        for (String server : List.of("kafka", "cassandra", "mysql", "jobmanager", "superset")) {
            assertThat(compose.path("services").path(server).has("healthcheck")).as(server + " healthcheck").isTrue();
        }
    }

    /** A one-shot job has to have finished, a server with a health check has to be healthy, any other started. */
    private String conditionToWaitFor(String dependency) {
        if (ONE_SHOT_JOBS.contains(dependency)) {
            return "service_completed_successfully";
        }
        return compose.path("services").path(dependency).has("healthcheck") ? "service_healthy" : "service_started";
    }

    @Test
    void serversRestartUnlessStoppedAndOneShotJobsRunOnce() {
        assertThat(serviceNames()).containsAll(ONE_SHOT_JOBS);
        for (String service : serviceNames()) {
            String restart = compose.path("services").path(service).path("restart").asText("no");
            if (ONE_SHOT_JOBS.contains(service)) {
                // unless-stopped or always would start a job that completed again and again.
                assertThat(restart).as(service + " restart").matches("no|on-failure(:\\d+)?");
            } else {
                assertThat(restart).as(service + " restart").isEqualTo("unless-stopped");
            }
        }
    }

    @Test
    void everyPortIsPublishedOnThePublishAddressWhichIsLoopbackUnlessSet() {
        List<String> ports = new ArrayList<>();
        compose.path("services").forEach(service -> service.path("ports").forEach(port -> ports.add(port.asText())));
        assertThat(ports).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(port -> assertThat(port).as("published port").matches(ON_PUBLISH_ADDRESS));
        assertThat(dotEnv().get("PUBLISH_ADDRESS")).contains("127.0.0.1");

        assertThat(publishedAddresses(Map.of())).as("with .env").containsOnly("127.0.0.1");
        assertThat(publishedAddresses(Map.of("PUBLISH_ADDRESS", "0.0.0.0"))).as("opened").containsOnly("0.0.0.0");
    }

    /** The host address of every published port as the compose CLI resolves the file with .env and {@code environment}. */
    private static Set<String> publishedAddresses(Map<String, String> environment) {
        JsonNode resolved = readYaml(composeCli(environment, "config"));
        Set<String> addresses = new HashSet<>();
        resolved.path("services").forEach(service -> service.path("ports").forEach(port ->
                addresses.add(port.asText().split(":")[0])));
        return addresses;
    }

    @Test
    void flinksWebUiNeitherRunsUploadedJarsNorCancelsJobs() {
        assertThat(flinkProperties("jobmanager")).containsEntry("web.submit.enable", "false")
                .containsEntry("web.cancel.enable", "false");
    }

    @Test
    void theClusterSchedulesAndRecoversAsTheLocalRunsDoes() {
        Map<String, String> local = FlinkSessionCluster.recoverySettings(LocalStack.FLINK_TASK_SLOTS);

        assertThat(local).containsKeys("heartbeat.interval", "taskmanager.numberOfTaskSlots");
        for (String service : List.of("jobmanager", "taskmanager")) {
            assertThat(flinkProperties(service)).as(service).containsAllEntriesOf(local);
        }
    }

    @Test
    void kafkaInitCreatesTheTopicsOfTheLocalStack() {
        Matcher created = CREATED_TOPIC.matcher(compose.path("services").path("kafka-init").path("command").toString());
        Map<String, Integer> topics = new HashMap<>();
        while (created.find()) {
            topics.put(created.group(1), Integer.parseInt(created.group(2)));
        }

        assertThat(topics).isEqualTo(LocalStack.TOPIC_PARTITIONS);
    }

    /** {@code FLINK_PROPERTIES} of {@code service}, as the compose CLI resolves the shared anchor, read as YAML. */
    private static Map<String, String> flinkProperties(String service) {
        String properties = readYaml(composeCli(Map.of(), "config")).path("services").path(service)
                .path("environment").path("FLINK_PROPERTIES").asText();
        Map<String, String> flinkConfig = new HashMap<>();
        readYaml(properties).fields().forEachRemaining(entry -> flinkConfig.put(entry.getKey(), entry.getValue().asText()));
        return flinkConfig;
    }

    @Test
    void neitherComposeNorWhatItMountsIntoMySqlMentionsXa() throws IOException {
        List<Path> files = new ArrayList<>(List.of(COMPOSE_FILE));
        for (JsonNode volume : compose.path("services").path("mysql").path("volumes")) {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                try (Stream<Path> mounted = Files.walk(REPOSITORY.resolve(source).normalize())) {
                    mounted.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }

        assertThat(files).hasSizeGreaterThan(2).allSatisfy(file ->
                assertThat(XA.matcher(Files.readString(file)).find()).as(file + " mentions XA").isFalse());
    }

    @Test
    void supersetIsInDevelopmentOnlyThroughTheDevelopmentDefaultsOfDotEnv() {
        assertThat(compose.path("services").path("superset").path("environment").path("SUPERSET_ENV").asText())
                .isEqualTo("${SUPERSET_ENV:-production}");
        assertThat(dotEnv().get("SUPERSET_ENV")).contains("development");
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        compose.path("services").forEach(service -> {
            if (service.has("image")) {
                images.add(service.path("image").asText());
            }
        });
        for (Path dockerfile : List.of(REPOSITORY.resolve("Dockerfile"), REPOSITORY.resolve("superset/Dockerfile"))) {
            Matcher from = FROM.matcher(Files.readString(dockerfile));
            while (from.find()) {
                images.add(from.group(1));
            }
        }
        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image)
                .as("pinned image").matches("[^:]+:[0-9][^:]*").doesNotEndWith(":latest"));
    }

    @Test
    void everyMountedOrCopiedFileExists() throws IOException {
        compose.path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                assertThat(REPOSITORY.resolve(source).normalize()).as("mounted " + source).exists();
            }
        }));
        Map<Path, Path> contexts = Map.of(REPOSITORY.resolve("Dockerfile"), REPOSITORY,
                REPOSITORY.resolve("superset/Dockerfile"), REPOSITORY.resolve("superset"));
        for (Map.Entry<Path, Path> dockerfile : contexts.entrySet()) {
            Matcher copy = COPY_SOURCES.matcher(Files.readString(dockerfile.getKey()));
            while (copy.find()) {
                for (String source : copy.group(1).trim().split("\\s+")) {
                    assertThat(dockerfile.getValue().resolve(source)).as(dockerfile.getKey() + " copies").exists();
                }
            }
        }
    }

    @Test
    void everyVariableComesFromDotEnvOrHasTheDefaultOfItsSettingAndNoSecretHasADefault() throws IOException {
        Set<String> inDotEnv = dotEnv().asMap().keySet();
        Matcher used = VARIABLE_WITH_DEFAULT.matcher(Files.readString(COMPOSE_FILE));
        Map<String, String> defaults = new HashMap<>();
        Set<String> variables = new HashSet<>();
        while (used.find()) {
            variables.add(used.group(1));
            if (used.group(2) != null) {
                defaults.put(used.group(1), used.group(2));
            }
        }

        assertThat(variables).hasSizeGreaterThan(8).allSatisfy(name ->
                assertThat(inDotEnv.contains(name) || defaults.containsKey(name)).as(name + " is defined").isTrue());
        assertThat(defaults).containsKeys("MYSQL_WRITER_USER", "MYSQL_DASHBOARD_USER", "MYSQL_GENERATOR_USER")
                .allSatisfy((name, value) -> Setting.named(name).ifPresent(setting -> assertThat(value)
                        .as("compose's default of " + name).isEqualTo(setting.defaultValue().orElse(null))));
        assertThat(variables).filteredOn(name -> Setting.named(name).filter(Setting::isSecret).isPresent())
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(secret -> assertThat(inDotEnv).as("secret " + secret).contains(secret));
    }

    @Test
    void theSubmittedArgumentsAreOptionsOfTheJob() {
        List<String> arguments = new ArrayList<>();
        compose.path("services").path("job-submitter").path("command").forEach(arg -> arguments.add(arg.asText()));

        Map<String, String> environment = Map.of(Setting.MYSQL_WRITER_PASSWORD.name(), "from-dot-env");
        assertThatCode(() -> JobConfig.parse(environment, arguments.toArray(String[]::new))).doesNotThrowAnyException();
        JobConfig config = JobConfig.parse(environment, arguments.toArray(String[]::new));
        assertThat(config.kafkaBootstrapServers()).isEqualTo(internalKafkaListener());
        assertThat(environmentNames("job-submitter")).isSubsetOf(names(Setting.readBy(JobConfig.commandLine())));
    }

    @Test
    void theGeneratorReadsEveryVariableItIsGiven() {
        Set<String> read = names(Setting.readBy(TickGeneratorCli.commandLine(new GeneratorConfig(new StopSignal()))));

        assertThat(environmentNames("tick-generator")).isNotEmpty().isSubsetOf(read);
    }

    private List<String> environmentNames(String service) {
        List<String> names = new ArrayList<>();
        compose.path("services").path(service).path("environment").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(Set<Setting> settings) {
        return settings.stream().map(Setting::name).collect(Collectors.toSet());
    }

    @Test
    void containersUseTheInternalListenerAndTheHostThePublishedOne() {
        JsonNode kafka = compose.path("services").path("kafka");
        String advertised = kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        assertThat(advertised).contains("INTERNAL://kafka:29092", "HOST://localhost:9092");
        assertThat(kafka.path("environment").path("KAFKA_LISTENERS").asText()).contains("INTERNAL://:29092",
                "HOST://:9092");
        List<String> hostAndContainerPorts = new ArrayList<>();
        kafka.path("ports").forEach(port -> {
            Matcher published = ON_PUBLISH_ADDRESS.matcher(port.asText());
            if (published.matches()) {
                hostAndContainerPorts.add(published.group(1) + ":" + published.group(2));
            }
        });
        assertThat(hostAndContainerPorts).contains("9092:9092");
        assertThat(compose.path("services").path("tick-generator").path("environment")
                .path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(internalKafkaListener());
    }

    @Test
    void supersetRunsAsItsOwnUserWithTheProjectsStartScript() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("superset/Dockerfile"));
        List<String> users = new ArrayList<>();
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        while (user.find()) {
            users.add(user.group(1));
        }
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0");
        assertThat(dockerfile).contains("/app/trading/start.sh");
    }

    private String internalKafkaListener() {
        Matcher internal = Pattern.compile("INTERNAL://([^,]+)").matcher(
                compose.path("services").path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText());
        assertThat(internal.find()).isTrue();
        return internal.group(1);
    }

    private Set<String> serviceNames() {
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        return services;
    }

    private static DevelopmentDefaults dotEnv() {
        try {
            return DevelopmentDefaults.parse(Files.readString(REPOSITORY.resolve(".env")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read .env", e);
        }
    }

    /**
     * Runs the compose CLI on the file (it reads .env as {@code docker compose up} does) with {@code environment}
     * set and PUBLISH_ADDRESS only if given, so that the caller's shell changes nothing; returns its stdout.
     */
    private static String composeCli(Map<String, String> environment, String... command) {
        List<String> commandLine = new ArrayList<>(List.of("docker-compose", "-f", COMPOSE_FILE.toString()));
        commandLine.addAll(List.of(command));
        try {
            Path errors = Files.createTempFile("docker-compose", ".err");
            ProcessBuilder builder = new ProcessBuilder(commandLine).directory(REPOSITORY.toFile())
                    .redirectError(errors.toFile());
            builder.environment().remove("PUBLISH_ADDRESS");
            builder.environment().putAll(environment);
            Process cli = builder.start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", commandLine)).isTrue();
            assertThat(cli.exitValue()).as(String.join(" ", commandLine) + "\n" + Files.readString(errors)).isZero();
            Files.delete(errors);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + commandLine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return readYaml(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static JsonNode readYaml(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("not YAML: " + yaml, e);
        }
    }
}
