package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradingpipeline.localstack.LocalRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker compose's job submitter, {@code flink-job/docker/submit-job.sh}, run by bash against a fake JobManager: a
 * local HTTP server answers the REST API's {@code /jobs/overview} with canned JSON, {@code flink list} is Flink's
 * real command line (the CliFrontend of the test classpath, the version the image ships) and {@code flink run} a
 * stub that only records its arguments.
 */
class SubmitJobScriptTest {
    private static final Path SCRIPT = Path.of("docker", "submit-job.sh").toAbsolutePath();
    private static final String JOB_NAME = "Trading analytics";
    private static final String JAR = "/opt/flink/usrlib/flink-job.jar";
    private static final List<String> JOB_ARGUMENTS = List.of("--kafka-bootstrap-servers", "kafka:29092");
    private static final String FLINK_STUB = """
            #!/usr/bin/env bash
            if [[ "$1" == list ]]; then
              exec "$TEST_JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$TEST_CLASSPATH" \\
                org.apache.flink.client.cli.CliFrontend "$@"
            fi
            printf '%s\\n' "$@" > "$SUBMITTED"
            """;

    @TempDir
    Path dir;
    private HttpServer jobManager;
    private volatile String jobsOverview = "{\"jobs\":[]}";

    @BeforeEach
    void startTheFakeJobManager() throws IOException {
        jobManager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The client asks for /v1/jobs/overview; anything else is answered as Flink answers an unknown path.
        jobManager.createContext("/", exchange -> {
            boolean overview = exchange.getRequestURI().getPath().matches("(/v1)?/jobs/overview");
            respond(exchange, overview ? 200 : 404, overview ? jobsOverview : "{\"errors\":[\"Not found.\"]}");
        });
        jobManager.start();
    }

    @AfterEach
    void stopTheFakeJobManager() {
        jobManager.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATED", "INITIALIZING", "RUNNING", "RESTARTING", "FAILING", "CANCELLING", "SUSPENDED",
            "RECONCILING"})
    void aJobOfTheSameNameThatIsNotOverIsLeftAloneAndNoSecondCopyIsSubmitted(String state) throws Exception {
        jobsOverview = jobs(job(1, JOB_NAME, "FAILED"), job(2, JOB_NAME, state));

        Submission submission = submit(jobManagerAddress());

        assertThat(submission.exitCode()).as(submission.output()).isZero();
        assertThat(submission.output()).contains("'" + JOB_NAME + "' is " + state);
        assertThat(submission.flinkRunArguments()).as("flink run").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FINISHED", "CANCELED", "FAILED"})
    void aJobOfTheSameNameThatIsOverIsSubmittedAgainFromTheNewestCheckpoint(String state) throws Exception {
        jobsOverview = jobs(job(1, "Another job", "RUNNING"), job(2, JOB_NAME, state));
        checkpoint("savepoints/savepoint-1", Instant.parse("2025-01-01T00:00:00Z"));
        Path newest = checkpoint("checkpoints/0f8b/chk-7", Instant.parse("2025-01-02T00:00:00Z"));

        Submission submission = submit(jobManagerAddress());

        assertThat(submission.exitCode()).as(submission.output()).isZero();
        assertThat(submission.flinkRunArguments()).as("flink run").containsExactlyElementsOf(flinkRun(
                List.of("-s", "file://" + newest)));
    }

    /** The layouts of savepoints and checkpoints, newest last, with one too deep to be a checkpoint. */
    @ParameterizedTest
    @ValueSource(strings = {
        "savepoints/savepoint-1 checkpoints/0f8b/chk-7",
        "checkpoints/0f8b/chk-7 savepoints/savepoint-1",
        "checkpoints/0f8b/chk-7 checkpoints/0f8b/chk-8 checkpoints/0f8b/chk-9/nested/deeper",
        "checkpoints/aaaa/chk-3 savepoints/savepoint-2/nested/deeper/still"})
    void theSubmitterResumesFromTheCheckpointTheLocalRunWouldChoose(String layout) throws Exception {
        Instant written = Instant.parse("2025-01-01T00:00:00Z");
        for (String checkpoint : layout.split(" ")) {
            checkpoint(checkpoint, written);
            written = written.plusSeconds(60);
        }
        Path data = dir.resolve("flink-data");
        Path expected = LocalRun.newestRestorePoint(data.resolve("savepoints"), data.resolve("checkpoints"))
                .orElseThrow();

        Submission submission = submit(jobManagerAddress());

        assertThat(submission.exitCode()).as(submission.output()).isZero();
        assertThat(expected.toString()).doesNotContain("nested");
        assertThat(submission.flinkRunArguments()).as("flink run")
                .containsExactlyElementsOf(flinkRun(List.of("-s", "file://" + expected)));
    }

    @Test
    void withoutJobsOrCheckpointsTheJobIsSubmittedFresh() throws Exception {
        Submission submission = submit(jobManagerAddress());

        assertThat(submission.exitCode()).as(submission.output()).isZero();
        assertThat(submission.flinkRunArguments()).as("flink run").containsExactlyElementsOf(flinkRun(List.of()));
    }

    @Test
    void whenTheJobsCannotBeListedNothingIsSubmittedAndTheSubmitterFails() throws Exception {
        int closedPort = jobManager.getAddress().getPort();
        jobManager.stop(0);

        Submission submission = submit("127.0.0.1:" + closedPort);

        assertThat(submission.exitCode()).as(submission.output()).isNotZero();
        assertThat(submission.output()).contains("cannot list the jobs");
        assertThat(submission.flinkRunArguments()).as("flink run").isEmpty();
    }

    private record Submission(int exitCode, String output, List<String> flinkRunArguments) {
    }

    private Submission submit(String jobManagerAddress) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path flink = Files.writeString(bin.resolve("flink"), FLINK_STUB);
        Files.setPosixFilePermissions(flink, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        // Flink retries an unreachable REST endpoint for a minute by default.
        Files.writeString(conf.resolve("config.yaml"), "rest.retry.max-attempts: 0\n");
        Path submitted = dir.resolve("submitted");

        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(JOB_ARGUMENTS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("FLINK_JOBMANAGER", jobManagerAddress);
        builder.environment().put("FLINK_DATA_DIR", dir.resolve("flink-data").toString());
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        builder.environment().put("TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("TEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("SUBMITTED", submitted.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        List<String> flinkRun = Files.exists(submitted) ? Files.readAllLines(submitted) : List.of();
        return new Submission(process.exitValue(), output, flinkRun);
    }

    private String jobManagerAddress() {
        return "127.0.0.1:" + jobManager.getAddress().getPort();
    }

    private List<String> flinkRun(List<String> restore) {
        List<String> arguments = new ArrayList<>(List.of("run", "-d", "-m", jobManagerAddress()));
        arguments.addAll(restore);
        arguments.add(JAR);
        arguments.addAll(JOB_ARGUMENTS);
        return arguments;
    }

    /** A directory with a {@code _metadata} file, as Flink writes a completed checkpoint or savepoint. */
    private Path checkpoint(String relativePath, Instant written) throws IOException {
        Path checkpoint = Files.createDirectories(dir.resolve("flink-data").resolve(relativePath));
        Files.setLastModifiedTime(Files.writeString(checkpoint.resolve("_metadata"), "state"), FileTime.from(written));
        return checkpoint;
    }

    private static String jobs(String... jobs) {
        return "{\"jobs\":[" + String.join(",", jobs) + "]}";
    }

    /** One entry of {@code GET /jobs/overview} as Flink 1.20 answers it. */
    private static String job(int number, String name, String state) {
        long started = 1_760_000_000_000L + number * 60_000L;
        return """
                {"jid":"%032x","name":"%s","start-time":%d,"end-time":-1,"duration":60000,"state":"%s",\
                "last-modification":%d,"tasks":{"running":9,"canceling":0,"canceled":0,"total":9,"created":0,\
                "scheduled":0,"deploying":0,"reconciling":0,"finished":0,"initializing":0,"failed":0}}"""
                .formatted(number, name, started, state, started + 60_000L);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
