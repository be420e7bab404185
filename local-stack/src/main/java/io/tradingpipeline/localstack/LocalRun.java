package io.tradingpipeline.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline on a local stack that carries on across restarts: the Flink job is submitted from the newest
 * savepoint or retained checkpoint of the stack's cluster, the tick generator continues its ids, and
 * {@link #stop()} takes a savepoint before anything else stops.
 */
public final class LocalRun {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL_STATES = Set.of("FAILED", "CANCELED", "FINISHED");
    private static final Duration STOP_WITH_SAVEPOINT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_WITH_SAVEPOINT_RETRY_DELAY = Duration.ofSeconds(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final LocalStack stack;
    private final Path jobJar;
    /** The job's window operator of aggregated_data; with {@link #EVENT_TIME_SUFFIX} in event time. */
    static final String SECTOR_WINDOW_OPERATOR = "Volume per date and sector";
    static final String EVENT_TIME_SUFFIX = "(event time)";
    private final Map<String, String> environment;
    private final TickGeneratorProcess generator;
    private volatile Submission submission;
    private Path savepoint;

    /** One {@code flink run} of the job: its id and the savepoint or checkpoint it resumed from (or null). */
    private record Submission(String jobId, Path restoredFrom) {
    }

    private LocalRun(LocalStack stack, Path jobJar, Map<String, String> environment, Submission submission,
                     TickGeneratorProcess generator) {
        this.stack = stack;
        this.jobJar = jobJar;
        this.environment = Map.copyOf(environment);
        this.submission = submission;
        this.generator = generator;
    }

    /**
     * Submits {@code jobJar} with {@code flink run} (from the newest savepoint or retained checkpoint, if any)
     * and, when {@code generatorJar} is given, starts the generator with {@code generatorArguments}. Both get
     * {@code environment}: the stack's connection details and passwords.
     */
    public static LocalRun start(LocalStack stack, Path jobJar, Path generatorJar, List<String> generatorArguments,
                                 Map<String, String> environment) {
        Submission submission = submit(stack.flink(), jobJar, environment);
        TickGeneratorProcess generator = generatorJar == null ? null : TickGeneratorProcess.start(generatorJar,
                generatorArguments, environment, stack.dataDir(), stack.dataDir().resolve("tick-generator.log"));
        return new LocalRun(stack, jobJar, environment, submission, generator);
    }

    private static Submission submit(FlinkSessionCluster flink, Path jobJar, Map<String, String> environment) {
        Path restoreFrom = newestRestorePoint(flink).orElse(null);
        if (restoreFrom != null) {
            LOG.info("resuming the job from {}", restoreFrom);
        }
        try {
            return new Submission(flink.run(jobJar, restoreFrom, List.of(), environment), restoreFrom);
        } catch (RuntimeException e) {
            if (restoreFrom == null) {
                throw e;
            }
            throw new IllegalStateException("the job could not resume from " + restoreFrom + ", the state the last "
                    + "run left. A job with other operators, such as one with another WINDOW_TIME, cannot take it "
                    + "over: start with the settings of the last run, or with --fresh to start over without its "
                    + "data. " + e.getMessage(), e);
        }
    }

    /**
     * Submits the job again, from the newest savepoint or retained checkpoint, after its cluster lost it: a
     * session cluster without high availability forgets its jobs when its JobManager dies
     * ({@link FlinkSessionCluster#killJobManager()}, {@link FlinkSessionCluster#startJobManagerAgain()}).
     * Refuses while the cluster still runs the job (or restarts it), so that no second copy of it runs.
     *
     * @return the id of the new submission, from now on {@link #jobId()}
     */
    public synchronized String resumeJob() {
        String state = stack.flink().jobState(jobId());
        if (isLive(state)) {
            throw new IllegalStateException("the cluster still knows job " + jobId() + " (" + state + ")");
        }
        submission = submit(stack.flink(), jobJar, environment);
        return submission.jobId();
    }

    /**
     * What the job and the generator need to reach the stack: its connection details and passwords, under the
     * environment variable names they read.
     */
    public static Map<String, String> applicationEnvironment(LocalStack stack) {
        return StackEnvironment.of(stack).withPasswords(stack.mysql());
    }

    /**
     * The newest savepoint or retained checkpoint under the cluster's directories: after a clean stop the
     * savepoint it took, after a crash the last checkpoint that completed.
     */
    public static Optional<Path> newestRestorePoint(FlinkSessionCluster flink) {
        return newestRestorePoint(flink.savepointsDir(), flink.checkpointsDir());
    }

    /**
     * The directory of the newest {@code _metadata} file at most 3 levels below either directory
     * ({@code <savepoints>/savepoint-…/_metadata}, {@code <checkpoints>/<job id>/chk-N/_metadata}). Compose's
     * {@code flink-job/docker/submit-job.sh} looks the same way; a test holds the two equal.
     */
    public static Optional<Path> newestRestorePoint(Path savepointsDir, Path checkpointsDir) {
        List<Path> metadata = new ArrayList<>();
        for (Path root : List.of(savepointsDir, checkpointsDir)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.find(root, 3, (path, attributes) ->
                    path.getFileName().toString().equals("_metadata") && attributes.isRegularFile())) {
                files.forEach(metadata::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look for checkpoints in " + root, e);
            }
        }
        return metadata.stream()
                .max(Comparator.comparing(LocalRun::modified))
                .map(Path::getParent);
    }

    /** The id of the job's latest submission. */
    public String jobId() {
        return submission.jobId();
    }

    /** The savepoint or checkpoint the job's latest submission resumed from, if any. */
    public Optional<Path> restoredFrom() {
        return Optional.ofNullable(submission.restoredFrom());
    }

    /** Waits for a generator started with {@code --count} or {@code --duration} to finish; its exit code. */
    public int awaitGeneratorExit(Duration timeout) {
        if (generator == null) {
            throw new IllegalStateException("this run has no generator");
        }
        return generator.awaitExit(timeout);
    }

    /** Stops the generator (it flushes what it sent and prints its totals) and nothing else. */
    public void stopGenerator() {
        if (generator != null) {
            generator.stop();
        }
    }

    /**
     * Stops the job with a savepoint (the next run resumes from it), then the generator. The stack keeps
     * running. A job that is not running any more (failed, or its cluster is gone) is left as it is: the next
     * run resumes from its last retained checkpoint.
     *
     * @return the savepoint, if one was taken
     */
    public synchronized Optional<Path> stop() {
        if (savepoint == null) {
            String jobId = jobId();
            // A job that is restarting (a store was briefly away) cannot take a savepoint until its tasks run again.
            long deadline = System.nanoTime() + STOP_WITH_SAVEPOINT_TIMEOUT.toNanos();
            for (int attempt = 1; savepoint == null; attempt++) {
                try {
                    savepoint = stack.flink().stopWithSavepoint(jobId);
                    LOG.info("job {} stopped with savepoint {}", jobId, savepoint);
                } catch (RuntimeException e) {
                    if (System.nanoTime() > deadline || !isLive(stack.flink().jobState(jobId))) {
                        LOG.warn("job {} not stopped with a savepoint; the next run resumes from its last "
                                + "checkpoint: {}", jobId, e.getMessage());
                        break;
                    }
                    LOG.info("job {} not stopped with a savepoint yet (attempt {}), trying again", jobId, attempt);
                    sleepQuietly(STOP_WITH_SAVEPOINT_RETRY_DELAY);
                }
            }
        }
        stopGenerator();
        return Optional.ofNullable(savepoint);
    }

    /**
     * One line on how the pipeline is doing, e.g. {@code 12:01:05 | generator 1,230 ticks sent | job RUNNING,
     * 1,220 ticks parsed, 0 dead-lettered | checkpoint 42, 3 s ago | newest window 12:01:00, 5 s ago}.
     */
    public String status() {
        Instant now = Instant.now();
        List<String> parts = new ArrayList<>();
        parts.add(CLOCK.format(LocalTime.ofInstant(now, ZoneOffset.UTC)) + " UTC");
        if (generator != null) {
            parts.add("generator " + generatorTicks().map(ticks -> ticks + " ticks sent").orElse("starting")
                    + (generator.isAlive() ? "" : " (stopped)"));
        }
        parts.addAll(jobStatus(now));
        parts.add(windowTime(now));
        parts.add(newestWindow(now));
        return String.join(" | ", parts);
    }

    private Optional<String> generatorTicks() {
        return generator.progress().map(progress -> String.format(Locale.ROOT, "%,d", progress.acknowledgedTicks()));
    }

    private List<String> jobStatus(Instant now) {
        try {
            FlinkSessionCluster flink = stack.flink();
            String jobId = jobId();
            JsonNode job = JSON.readTree(flink.rest("/jobs/" + jobId));
            StringBuilder state = new StringBuilder("job ").append(job.path("state").asText("UNKNOWN"));
            metricSums(flink, job).forEach((name, value) -> state.append(", ")
                    .append(String.format(Locale.ROOT, "%,d", value)).append(' ').append(name));
            JsonNode completed = JSON.readTree(flink.rest("/jobs/" + jobId + "/checkpoints"))
                    .path("latest").path("completed");
            String checkpoint = completed.isMissingNode() || completed.isNull() ? "no checkpoint yet"
                    : "checkpoint " + completed.path("id").asLong() + ", "
                    + age(Instant.ofEpochMilli(completed.path("latest_ack_timestamp").asLong()), now) + " ago";
            return List.of(state.toString(), checkpoint);
        } catch (IOException | RuntimeException e) {
            return List.of("job unreachable (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** The parse operator's counters, summed over its subtasks, since the job last (re)started. */
    private static Map<String, Long> metricSums(FlinkSessionCluster flink, JsonNode job) throws IOException {
        Map<String, String> shown = Map.of("ticksParsed", "ticks parsed", "messagesDeadLettered", "dead-lettered");
        Map<String, Long> sums = new java.util.LinkedHashMap<>();
        for (JsonNode vertex : job.path("vertices")) {
            String base = "/jobs/" + job.path("jid").asText() + "/vertices/" + vertex.path("id").asText()
                    + "/subtasks/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode metric : JSON.readTree(flink.rest(base))) {
                String id = metric.path("id").asText();
                if (shown.keySet().stream().anyMatch(name -> id.endsWith("." + name))) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            for (JsonNode metric : JSON.readTree(flink.rest(base + "?agg=sum&get=" + String.join(",", ids)))) {
                String id = metric.path("id").asText();
                String name = id.substring(id.lastIndexOf('.') + 1);
                sums.merge(shown.get(name), metric.path("sum").asLong(), Long::sum);
            }
        }
        return sums;
    }

    /**
     * The job's window time, read from its window operator's name; in event time also how far the operator's
     * watermark (the least of its subtasks') trails the wall clock.
     */
    private String windowTime(Instant now) {
        try {
            FlinkSessionCluster flink = stack.flink();
            String jobId = jobId();
            for (JsonNode vertex : JSON.readTree(flink.rest("/jobs/" + jobId)).path("vertices")) {
                String name = vertex.path("name").asText();
                if (!name.contains(SECTOR_WINDOW_OPERATOR)) {
                    continue;
                }
                JsonNode watermarks = name.contains(EVENT_TIME_SUFFIX) ? JSON.readTree(flink.rest("/jobs/" + jobId
                        + "/vertices/" + vertex.path("id").asText() + "/watermarks")) : null;
                return windowTime(name, watermarks, now);
            }
            return "window time unknown";
        } catch (IOException | RuntimeException e) {
            return "window time unknown (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    /**
     * "processing time", or "event time" and the lag of the least of the subtask watermarks of the window operator
     * {@code vertexName}, from Flink's {@code /jobs/<id>/vertices/<id>/watermarks} (an array of id and value).
     */
    static String windowTime(String vertexName, JsonNode watermarks, Instant now) {
        if (!vertexName.contains(EVENT_TIME_SUFFIX)) {
            return "processing time";
        }
        long watermark = Long.MAX_VALUE;
        for (JsonNode subtask : watermarks) {
            watermark = Math.min(watermark, subtask.path("value").asLong(Long.MIN_VALUE));
        }
        return watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE ? "event time, no watermark yet"
                : "event time, watermark " + age(Instant.ofEpochMilli(watermark), now) + " behind";
    }

    private String newestWindow(Instant now) {
        MySqlServer mysql = stack.mysql();
        try (Connection connection = mysql.connect(mysql.dashboard());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(window_end) FROM aggregated_data")) {
            row.next();
            // The columns hold UTC; read them as UTC whatever this JVM's zone.
            String text = row.getString(1);
            if (text == null) {
                return "no window in MySQL yet";
            }
            Instant end = Timestamp.valueOf(text).toLocalDateTime().toInstant(ZoneOffset.UTC);
            return "newest window " + CLOCK.format(LocalTime.ofInstant(end, ZoneOffset.UTC)) + ", "
                    + age(end, now) + " ago";
        } catch (SQLException | RuntimeException e) {
            return "MySQL unreachable (" + e.getMessage() + ")";
        }
    }

    private static String age(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isLive(String jobState) {
        return !jobState.isEmpty() && !TERMINAL_STATES.contains(jobState);
    }

    private static void sleepQuietly(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
