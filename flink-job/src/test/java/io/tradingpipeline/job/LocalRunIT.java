package io.tradingpipeline.job;

import static io.tradingpipeline.job.testsupport.FlinkJobs.allTasksRunning;
import static io.tradingpipeline.job.testsupport.FlinkJobs.awaitRunningWithACheckpoint;
import static io.tradingpipeline.job.testsupport.FlinkJobs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.generator.GeneratorConfig;
import io.tradingpipeline.generator.StopSignal;
import io.tradingpipeline.generator.TickGeneratorCli;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.ProducedTicks;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.localstack.FlinkSessionCluster;
import io.tradingpipeline.localstack.LocalRun;
import io.tradingpipeline.localstack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run end to end, as users run it: the shaded job jar submitted with the real {@code flink run} to a
 * session cluster, the real tick generator jar feeding Kafka, and failures on the way: a TaskManager killed, the
 * whole run stopped and started again, MariaDB, Cassandra, the Kafka broker and the JobManager killed (SIGKILL)
 * and started again mid-stream. Each time the stores must hold exactly what the generator sent, read back from
 * Kafka.
 */
class LocalRunIT {
    private static final Path JOB_JAR = Path.of("target", "flink-job.jar");
    private static final Path GENERATOR_JAR = Path.of("..", "tick-generator", "target", "tick-generator.jar");
    private static final Duration LANDING_TIMEOUT = Duration.ofMinutes(4);

    /**
     * Recovery time is measured by the fault campaign, not asserted here (a busy machine doubles it); this test
     * prints where the time between the kill and every task running again goes: the JobManager noticing the lost
     * TaskManager (heartbeat RPCs), the replacement TaskManager's JVM starting and registering, the restart delay
     * and the redeployment with its connections to Kafka, Cassandra and MySQL.
     */
    @Test
    @Timeout(600)
    void aKilledTaskManagerIsReplacedAndTheJobRecoversExactly(@TempDir Path dir) throws Exception {
        try (LocalStack stack = stack(dir); PipelineStores stores = new PipelineStores(stack)) {
            assertTheStackExportsEveryServerSettingTheProgramsRead(stack);
            FlinkSessionCluster flink = stack.flink();
            LocalRun run = LocalRun.start(stack, JOB_JAR, GENERATOR_JAR, generator(250, 1_000), environment(stack));
            awaitRunningWithACheckpoint(flink, run.jobId());
            Await.until("ticks in Cassandra", Duration.ofSeconds(60), () -> stores.cassandraRowCount() > 1_000);
            assertThat(flink.jobState(run.jobId())).isEqualTo("RUNNING");

            long killedAt = System.currentTimeMillis();
            flink.killTaskManagers();
            flink.startTaskManager();
            long registeredAt = System.currentTimeMillis();
            Await.until("the job running again on the new TaskManager", Duration.ofSeconds(120),
                    () -> failedAfter(flink, run.jobId(), killedAt) > 0 && allTasksRunning(flink, run.jobId()));
            long runningAt = System.currentTimeMillis();
            double recoverySeconds = (runningAt - killedAt) / 1000.0;
            System.out.printf(Locale.ROOT, "TaskManager killed -> job RUNNING with every task running: %.1f s "
                            + "(failure noticed after %.1f s, new TaskManager registered after %.1f s)%n",
                    recoverySeconds, (failedAfter(flink, run.jobId(), killedAt) - killedAt) / 1000.0,
                    (registeredAt - killedAt) / 1000.0);

            assertThat(run.awaitGeneratorExit(Duration.ofMinutes(2))).as("generator exit code").isZero();
            assertExactlyWhatWasProduced(stack, stores, 10_000L);
            assertThat(flink.jobState(run.jobId())).isEqualTo("RUNNING");
            run.stop();
        }
    }

    @Test
    @Timeout(600)
    void aStoppedRunStartsAgainFromItsSavepointWithItsDataAndNewIds(@TempDir Path dir) throws Exception {
        Path savepoint;
        try (LocalStack stack = stack(dir); PipelineStores stores = new PipelineStores(stack)) {
            // As Ctrl-C does: the job stops with a savepoint while the generator is still sending.
            LocalRun run = LocalRun.start(stack, JOB_JAR, GENERATOR_JAR, generator(100, 100_000), environment(stack));
            assertThat(run.restoredFrom()).isEmpty();
            awaitRunningWithACheckpoint(stack.flink(), run.jobId());
            Await.until("ticks in MySQL", Duration.ofSeconds(60), () -> stores.aggregatedTickCount() > 1_000);
            long stopStarted = System.nanoTime();
            savepoint = run.stop().orElseThrow();
            stack.close();
            System.out.printf(Locale.ROOT, "stop (savepoint, generator, servers): %.1f s%n",
                    (System.nanoTime() - stopStarted) / 1e9);
        }

        long startStarted = System.nanoTime();
        try (LocalStack stack = stack(dir); PipelineStores stores = new PipelineStores(stack)) {
            LocalRun run = LocalRun.start(stack, JOB_JAR, GENERATOR_JAR, generator(250, 300), environment(stack));
            awaitRunningWithACheckpoint(stack.flink(), run.jobId());
            System.out.printf(Locale.ROOT, "start again (servers on kept data, job from savepoint): %.1f s%n",
                    (System.nanoTime() - startStarted) / 1e9);
            assertThat(run.restoredFrom()).contains(savepoint);
            JsonNode restored = json(stack.flink().rest("/jobs/" + run.jobId() + "/checkpoints"))
                    .path("latest").path("restored");
            assertThat(restored.path("is_savepoint").asBoolean()).as(restored.toString()).isTrue();
            assertThat(restored.path("external_path").asText()).contains(savepoint.getFileName().toString());

            assertThat(run.awaitGeneratorExit(Duration.ofMinutes(2))).isZero();
            ProducedTicks produced = assertExactlyWhatWasProduced(stack, stores, null);
            assertThat(produced.duplicateIds()).as("ids reused by the second generator").isZero();
            run.stop();
        }
    }

    @Test
    @Timeout(600)
    void theJobComesBackByItselfWhenMariaDbAndCassandraWereKilled(@TempDir Path dir) throws Exception {
        try (LocalStack stack = stack(dir); PipelineStores stores = new PipelineStores(stack)) {
            LocalRun run = LocalRun.start(stack, JOB_JAR, GENERATOR_JAR, generator(200, 1_400), environment(stack));
            awaitRunningWithACheckpoint(stack.flink(), run.jobId());
            Await.until("ticks in Cassandra", Duration.ofSeconds(60), () -> stores.cassandraRowCount() > 1_000);

            stack.mysql().kill();
            Thread.sleep(10_000);
            stack.mysql().startAgain();
            Thread.sleep(5_000);
            stack.cassandra().kill();
            Thread.sleep(10_000);
            stack.cassandra().startAgain();

            assertThat(run.awaitGeneratorExit(Duration.ofMinutes(3))).isZero();
            assertExactlyWhatWasProduced(stack, stores, 14_000L);
            Await.until("the job running", Duration.ofSeconds(60),
                    () -> allTasksRunning(stack.flink(), run.jobId()));
            run.stop();
        }
    }

    /**
     * The broker and then the JobManager killed mid-stream: the job recovers from the broker's restart, and after the
     * JobManager's restart (no high availability, so it forgot the job) the local run resumes the job from its
     * newest retained checkpoint.
     */
    @Test
    @Timeout(600)
    void theJobResumesExactlyAfterKafkaAndTheJobManagerWereKilled(@TempDir Path dir) throws Exception {
        try (LocalStack stack = stack(dir); PipelineStores stores = new PipelineStores(stack)) {
            FlinkSessionCluster flink = stack.flink();
            LocalRun run = LocalRun.start(stack, JOB_JAR, GENERATOR_JAR, generator(500, 1_000), environment(stack));
            awaitRunningWithACheckpoint(flink, run.jobId());
            Await.until("ticks in Cassandra", Duration.ofSeconds(60), () -> stores.cassandraRowCount() > 1_000);

            stack.kafka().kill();
            Thread.sleep(5_000);
            stack.kafka().startAgain();
            Await.until("the job running again after the broker's restart", Duration.ofSeconds(120),
                    () -> allTasksRunning(flink, run.jobId()));
            String firstJob = run.jobId();
            Await.until("a checkpoint after the broker's restart", Duration.ofSeconds(60),
                    () -> stores.cassandraRowCount() > 2_500);

            flink.killJobManager();
            flink.startJobManagerAgain();
            String resumedJob = run.resumeJob();
            awaitRunningWithACheckpoint(flink, resumedJob);
            assertThat(resumedJob).isNotEqualTo(firstJob);
            assertThat(run.restoredFrom()).as("resumed from a retained checkpoint").isPresent();

            assertThat(run.awaitGeneratorExit(Duration.ofMinutes(3))).as("generator exit code").isZero();
            assertExactlyWhatWasProduced(stack, stores, 10_000L);
            assertThat(flink.jobState(resumedJob)).isEqualTo("RUNNING");
            run.stop();
        }
    }

    private static LocalStack stack(Path dir) {
        return LocalStack.builder().withKafka().withCassandra().withMySql().withFlink().dataDir(dir).start();
    }

    /** The stack's connection details, with windows and checkpoints short enough for a test. */
    private static Map<String, String> environment(LocalStack stack) {
        Map<String, String> environment = new HashMap<>(LocalRun.applicationEnvironment(stack));
        environment.put(Setting.WINDOW_SIZE.name(), "2s");
        environment.put(Setting.CHECKPOINT_INTERVAL.name(), "1s");
        environment.put(Setting.CHECKPOINT_MIN_PAUSE.name(), "200ms");
        return environment;
    }

    /**
     * A setting with a default that the stack does not export would point the job or the generator at localhost's
     * usual ports instead of the stack's; a secret it does not pass would stop them.
     */
    private static void assertTheStackExportsEveryServerSettingTheProgramsRead(LocalStack stack) {
        Set<Setting> read = EnumSet.copyOf(Setting.readBy(JobConfig.commandLine()));
        read.addAll(Setting.readBy(TickGeneratorCli.commandLine(new GeneratorConfig(new StopSignal()))));
        List<String> withDefaults = read.stream()
                .filter(setting -> setting.defaultValue().isPresent())
                .map(Setting::name)
                .toList();

        assertThat(withDefaults).hasSizeGreaterThan(8);
        assertThat(LocalRun.applicationEnvironment(stack)).containsKeys(withDefaults.toArray(String[]::new))
                .containsKeys(Setting.MYSQL_WRITER_PASSWORD.name(), Setting.MYSQL_GENERATOR_PASSWORD.name());
    }

    private static List<String> generator(int ticksPerSecond, int rounds) {
        return List.of("--rate", Integer.toString(ticksPerSecond), "--count", Integer.toString(rounds),
                "--progress-interval", "1s");
    }

    /** Everything the generator sent, read back from Kafka, lands exactly once in Cassandra and MySQL. */
    private static ProducedTicks assertExactlyWhatWasProduced(LocalStack stack, PipelineStores stores,
                                                              Long expectedTicks) throws InterruptedException {
        ProducedTicks produced = ProducedTicks.readAll(stack.kafka().bootstrapServers(), LocalStack.TRADING_DATA_TOPIC);
        if (expectedTicks != null) {
            assertThat(produced.tickCount()).as("ticks the generator sent").isEqualTo(expectedTicks);
        }
        StoreAssertions.awaitAllTicks(stores, produced, LANDING_TIMEOUT);
        StoreAssertions.assertStoresHoldExactly(stores, produced);
        assertThat(stores.preparedXaTransactions()).as("prepared XA transactions left").isEmpty();
        System.out.printf(Locale.ROOT, "exact: %,d ticks in %,d messages; Cassandra %,d rows; MySQL SUM(tick_count) "
                        + "%,d, SUM(total_volume) %,d%n", produced.tickCount(), produced.messages(),
                stores.cassandraRowCount(), stores.aggregatedTickCount(), stores.aggregatedVolume());
        return produced;
    }

    /**
     * When the job noticed its first failure after {@code millis}, or 0 (a region restart leaves the job itself
     * RUNNING, so the exception history tells).
     */
    private static long failedAfter(FlinkSessionCluster flink, String jobId, long millis) {
        long first = 0;
        for (JsonNode failure : json(flink.rest("/jobs/" + jobId + "/exceptions")).path("exceptionHistory")
                .path("entries")) {
            long timestamp = failure.path("timestamp").asLong();
            if (timestamp > millis && (first == 0 || timestamp < first)) {
                first = timestamp;
            }
        }
        return first;
    }
}
