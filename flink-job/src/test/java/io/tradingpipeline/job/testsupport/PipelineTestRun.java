package io.tradingpipeline.job.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.JobExecutionSettings;
import io.tradingpipeline.job.TradingJob;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.KafkaMessageSource;
import io.tradingpipeline.localstack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the production topology with the production sources and sinks against the local stack. */
public final class PipelineTestRun implements AutoCloseable {
    public static final Duration WINDOW = Duration.ofSeconds(1);
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

    private final JobClient client;

    private PipelineTestRun(JobClient client) {
        this.client = client;
    }

    public static JobConfig config(LocalStack stack, String topic, String deadLetterTopic, String runId) {
        return config(stack, topic, deadLetterTopic, runId, 2);
    }

    public static JobConfig config(LocalStack stack, String topic, String deadLetterTopic, String runId,
            int parallelism) {
        return config(stack, topic, deadLetterTopic, runId, parallelism, List.of());
    }

    /** With {@code more} arguments after those of {@link #config(LocalStack, String, String, String, int)}. */
    public static JobConfig config(LocalStack stack, String topic, String deadLetterTopic, String runId,
            int parallelism, List<String> more) {
        List<String> arguments = new ArrayList<>(arguments(stack, topic, deadLetterTopic, runId, parallelism));
        arguments.addAll(more);
        arguments.addAll(List.of("--mysql-writer-password", stack.mysql().writer().password()));
        return JobConfig.parse(arguments.toArray(String[]::new));
    }

    /**
     * Command-line arguments pointing the job at the stack's servers, with short windows and checkpoints;
     * without the MySQL password, which users pass in the environment.
     */
    public static List<String> arguments(LocalStack stack, String topic, String deadLetterTopic, String runId) {
        return arguments(stack, topic, deadLetterTopic, runId, 2);
    }

    private static List<String> arguments(LocalStack stack, String topic, String deadLetterTopic, String runId,
            int parallelism) {
        return List.of(
                "--kafka-bootstrap-servers", stack.kafka().bootstrapServers(),
                "--kafka-topic", topic,
                "--kafka-dlq-topic", deadLetterTopic,
                "--max-message-bytes", "1048576",
                "--kafka-group-id", "it-" + runId,
                "--kafka-dlq-transactional-id-prefix", "it-dlq-" + runId,
                "--kafka-starting-offsets", "earliest",
                "--cassandra-contact-points", stack.cassandra().host(),
                "--cassandra-port", Integer.toString(stack.cassandra().port()),
                "--cassandra-local-dc", stack.cassandra().localDatacenter(),
                "--mysql-url", stack.mysql().jdbcUrl(),
                "--mysql-writer-user", stack.mysql().writer().user(),
                "--window-size", WINDOW.toMillis() + "ms",
                "--checkpoint-interval", CHECKPOINT_INTERVAL.toMillis() + "ms",
                "--checkpoint-min-pause", "100ms",
                "--checkpoint-timeout", "30s",
                // Bounded: Flink's default retries forever and would hide a failing job.
                "--restart-attempts", "2",
                "--restart-initial-delay", "500ms",
                "--parallelism", Integer.toString(parallelism));
    }

    public static PipelineTestRun start(JobConfig config) throws Exception {
        return start(config, JobSinks.production(config));
    }

    /** With the production source and the given sinks, e.g. production sinks with a failure in front of one. */
    public static PipelineTestRun start(JobConfig config, JobSinks sinks) throws Exception {
        return start(config, sinks, null);
    }

    /** As {@link #start(JobConfig, JobSinks)}, restored from {@code savepoint} unless it is null. */
    public static PipelineTestRun start(JobConfig config, JobSinks sinks, String savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (savepoint != null) {
            Configuration restore = new Configuration();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            env.configure(restore);
        }
        JobExecutionSettings.apply(env, config);
        TradingJob.defineWorkflow(env, KafkaMessageSource.create(config), sinks, config.topologySettings());
        return new PipelineTestRun(env.executeAsync("trading-analytics-it"));
    }

    public boolean isRunning() {
        return status() == JobStatus.RUNNING;
    }

    public JobStatus status() {
        return await(client.getJobStatus(), Duration.ofSeconds(10));
    }

    /** Stops with a savepoint: the final checkpoint commits every pending batch. Returns the savepoint's path. */
    public String stopWithSavepoint(Path savepointDir) {
        String savepoint = await(client.stopWithSavepoint(false, savepointDir.toUri().toString(),
                SavepointFormatType.CANONICAL), Duration.ofSeconds(60));
        await(client.getJobExecutionResult(), Duration.ofSeconds(60));
        assertThat(status()).isEqualTo(JobStatus.FINISHED);
        return savepoint;
    }

    /** Cancels the job if a test left it running. */
    @Override
    public void close() {
        if (!status().isGloballyTerminalState()) {
            await(client.cancel(), Duration.ofSeconds(30));
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
