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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No container runs here, so docker-compose.yml and the Dockerfiles are checked by every static means: the
 * compose CLI's own validation, references between services, pinned images, files that exist, variables that
 * .env defines, the job's arguments read by the job's real parser, and listeners that match the clients.
 */
class DockerComposeTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY_SOURCES = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)\\s+\\S+$");

    private final JsonNode compose = readYaml(COMPOSE_FILE);

    @Test
    void theComposeCliAcceptsTheFile() throws Exception {
        Process config = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
                .directory(REPOSITORY.toFile()).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(output).isZero();
    }

    @Test
    void everyDependencyIsAServiceAndWaitsForHealthOrCompletion() {
        Set<String> services = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        compose.path("services").fields().forEachRemaining(service ->
                service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                    assertThat(services).as(service.getKey() + " depends on").contains(dependency.getKey());
                    assertThat(dependency.getValue().path("condition").asText()).as(service.getKey() + " -> "
                            + dependency.getKey()).isIn("service_healthy", "service_completed_successfully",
                            "service_started");
                }));
        for (String server : List.of("kafka", "cassandra", "mysql", "jobmanager", "superset")) {
            assertThat(compose.path("services").path(server).has("healthcheck")).as(server + " healthcheck").isTrue();
        }
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
    void everyVariableIsDefinedInDotEnv() throws IOException {
        Set<String> defined = DevelopmentDefaults.parse(Files.readString(REPOSITORY.resolve(".env"))).asMap().keySet();
        Matcher used = VARIABLE.matcher(Files.readString(COMPOSE_FILE));
        Set<String> variables = new HashSet<>();
        while (used.find()) {
            variables.add(used.group(1));
        }
        assertThat(variables).isNotEmpty();
        assertThat(defined).containsAll(variables);
    }

    @Test
    void theSubmittedArgumentsAreOptionsOfTheJob() {
        List<String> arguments = new ArrayList<>();
        compose.path("services").path("job-submitter").path("command").forEach(arg -> arguments.add(arg.asText()));

        assertThatCode(() -> JobConfig.parse(arguments.toArray(String[]::new))).doesNotThrowAnyException();
        JobConfig config = JobConfig.parse(arguments.toArray(String[]::new));
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
        List<String> ports = new ArrayList<>();
        kafka.path("ports").forEach(port -> ports.add(port.asText()));
        assertThat(ports).contains("9092:9092");
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

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
