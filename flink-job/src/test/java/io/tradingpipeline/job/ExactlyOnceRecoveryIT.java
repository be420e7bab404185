package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.DeadLetterSerializer;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.FailOnceAfterCheckpoint;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineTestRun;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.job.testsupport.TestClusters;
import io.tradingpipeline.job.testsupport.TestTopics;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails mid-stream after a completed checkpoint; the job restores and must neither lose nor
 * duplicate anything in Cassandra, MySQL or the dead-letter topic, and leave no prepared XA transaction.
 */
@ExtendWith(LocalStackExtension.class)
class ExactlyOnceRecoveryIT {
    private static final int MESSAGES_PER_BATCH = 150;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.twoSlots();

    @Test
    @Timeout(240)
    void recoversFromATaskFailureWithoutLossOrDuplicates(LocalStack stack, @TempDir Path savepoints)
            throws Exception {
        FailOnceAfterCheckpoint.reset();
        TestTopics topics = TestTopics.create(stack, "recovery", 4);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId);
        GeneratedTicks ticks = new GeneratedTicks(2_000_000);

        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            kafka.sendAll(topic, batch(ticks));

            // Armed once the first batch is committed, it fails after a quarter of the second batch went
            // through: part of it is in Cassandra, in window state, in open XA transactions and in the open
            // dead-letter transaction.
            JobSinks production = JobSinks.production(config);
            JobSinks failingOnce = new JobSinks(
                    FailOnceAfterCheckpoint.before(production.rawTicks(), MESSAGES_PER_BATCH * 10L / 4),
                    production.sectorVolumes(), production.tickerStats(), production.deadLetters(),
                    production.messageStats(), production.rejectionStats());
            try (PipelineTestRun job = PipelineTestRun.start(config, failingOnce)) {
                Await.until("the first batch committed to MySQL", Duration.ofSeconds(90),
                        () -> FailOnceAfterCheckpoint.checkpointCompleted()
                                && stores.aggregatedTickCount() == ticks.tickCount());
                FailOnceAfterCheckpoint.arm();

                // One bad message is likely dead-lettered before the failure (and replayed after it), one after.
                List<byte[]> second = new ArrayList<>(batch(ticks));
                byte[] malformed = "{\"id\": oops}".getBytes(StandardCharsets.UTF_8);
                second.add(MESSAGES_PER_BATCH / 20, ticks.badMessage(malformed, RejectionCategory.NOT_JSON));
                second.add(ticks.nextMessageWithInvalidTick(0));
                kafka.sendAll(topic, second);

                Await.until("the injected failure", Duration.ofSeconds(60), FailOnceAfterCheckpoint::failed);
                StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(120));
                assertThat(job.isRunning()).as("restarted after the failure").isTrue();
                job.stopWithSavepoint(savepoints);
            }

            assertThat(ticks.tickCount()).isEqualTo(2 * MESSAGES_PER_BATCH * 10L + 9);
            StoreAssertions.assertStoresHoldExactly(stores, ticks);
            assertThat(stores.preparedXaTransactions()).isEmpty();
            List<ConsumerRecord<byte[], byte[]>> deadLetters =
                    kafka.readCommitted(deadLetterTopic, 2, Duration.ofSeconds(30));
            assertThat(deadLetters).extracting(r -> KafkaTestClient.header(r, DeadLetterSerializer.REASON))
                    .hasSize(2)
                    .anySatisfy(reason -> assertThat(reason).startsWith("malformed JSON"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("tick[0]: volume must be >= 0"));
        }
    }

    private static List<byte[]> batch(GeneratedTicks ticks) {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_BATCH; i++) {
            messages.add(ticks.nextMessage());
        }
        return messages;
    }
}
