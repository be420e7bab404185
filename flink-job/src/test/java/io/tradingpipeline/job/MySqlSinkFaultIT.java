package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.sink.MySqlSinks;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.InjectedFault;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineTestRun;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.job.testsupport.TestTopics;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault is injected at one exact point of the MySQL sinks' commit protocol, so each test fails on a sink that
 * commits what no completed checkpoint covers, or that commits a batch twice, every time; and each run must leave
 * Cassandra and MySQL holding exactly the ticks sent, and the data-quality tables counting exactly the messages sent,
 * good and bad.
 */
@ExtendWith(LocalStackExtension.class)
class MySqlSinkFaultIT {
    private static final int MESSAGES_PER_BATCH = 100;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private final GeneratedTicks ticks = new GeneratedTicks(3_000_000);

    @BeforeEach
    void resetFault() {
        InjectedFault.reset();
    }

    @Test
    @Timeout(180)
    void aBatchWhoseCheckpointNeverCompletesIsNeverCommitted(LocalStack stack) throws Exception {
        runWithFault(stack, "prepared", config -> JobSinks.production(config).withSectorVolumes(
                InjectedFault.failingCheckpointAfterItsBatchWasPrepared(JobSinks.production(config).sectorVolumes())));
    }

    @Test
    @Timeout(180)
    void aBatchCommittedJustBeforeACrashIsNotCommittedAgain(LocalStack stack) throws Exception {
        runWithFault(stack, "committed", config -> JobSinks.production(config).withSectorVolumes(
                InjectedFault.crashingAfterCommit(MySqlSinks.aggregatedData(config))));
    }

    @Test
    @Timeout(180)
    void aCrashWhileWindowsFireLosesAndDuplicatesNothing(LocalStack stack) throws Exception {
        runWithFault(stack, "firing", config -> JobSinks.production(config).withSectorVolumes(
                InjectedFault.failingOnRow(JobSinks.production(config).sectorVolumes(), 2)));
    }

    /** Stopped with a savepoint at 2, restored at 1, stopped, restored at 4, stopped, restored at 2. */
    @Test
    @Timeout(300)
    void aSavepointRestoresAtLowerAndHigherParallelism(LocalStack stack, @TempDir Path savepoints) throws Exception {
        TestTopics topics = TestTopics.create(stack, "rescale", 4);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            String savepoint = null;
            for (int parallelism : new int[] {2, 1, 4}) {
                JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId, parallelism);
                try (PipelineTestRun job = PipelineTestRun.start(config, JobSinks.production(config), savepoint)) {
                    StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(90));
                    assertThat(job.isRunning()).as("running at parallelism %d", parallelism).isTrue();
                    long before = stores.cassandraRowCount();
                    kafka.sendAll(topic, batch());
                    // Stopped mid-stream: ticks still in window state come back with the savepoint.
                    Await.until("the new batch reaching Cassandra", Duration.ofSeconds(60),
                            () -> stores.cassandraRowCount() > before);
                    savepoint = job.stopWithSavepoint(savepoints);
                }
            }
            JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId, 2);
            try (PipelineTestRun job = PipelineTestRun.start(config, JobSinks.production(config), savepoint)) {
                StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(90));
                job.stopWithSavepoint(savepoints);
            }
            StoreAssertions.assertStoresHoldExactly(stores, ticks);
        }
    }

    private void runWithFault(LocalStack stack, String fault, Function<JobConfig, JobSinks> sinksWithFault)
            throws Exception {
        TestTopics topics = TestTopics.create(stack, fault, 4);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId);

        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            try (PipelineTestRun job = PipelineTestRun.start(config, sinksWithFault.apply(config))) {
                kafka.sendAll(topic, batch());
                Await.until("the first batch committed to MySQL", Duration.ofSeconds(90),
                        () -> stores.aggregatedTickCount() == ticks.tickCount());
                InjectedFault.arm();
                kafka.sendAll(topic, batch());
                Await.until("the injected fault", Duration.ofSeconds(60), InjectedFault::fired);

                StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(120));
                assertThat(job.isRunning()).as("running again after the fault").isTrue();
            }
            StoreAssertions.assertStoresHoldExactly(stores, ticks);
            assertThat(stores.preparedXaTransactions()).isEmpty();
        }
    }

    /** {@value #MESSAGES_PER_BATCH} valid messages with five bad ones of four categories among them. */
    private List<byte[]> batch() {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_BATCH; i++) {
            messages.add(ticks.nextMessage());
        }
        messages.add(10, ticks.badMessage(utf8("{\"id\": oops}"), RejectionCategory.NOT_JSON));
        messages.add(30, ticks.nextMessageWithInvalidTick(4));
        messages.add(50, ticks.badMessage(utf8("[]"), RejectionCategory.NOT_A_TICK_ARRAY));
        messages.add(70, ticks.badMessage(new byte[0], RejectionCategory.EMPTY));
        messages.add(90, ticks.badMessage(utf8("[{\"id\": 1,"), RejectionCategory.NOT_JSON));
        return messages;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
