package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.sink.MySqlSinks;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.CollectingSink;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.InjectedFault;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.MessageTotals;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineTestRun;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.job.testsupport.TestTopics;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Event-time windows against real Kafka and MariaDB: per-partition watermarks with an idle partition, and the
 * determinism that event time promises — a second, new job replaying the topic from the earliest offset writes
 * exactly the rows of the first, also when the first crashed in the middle of the run.
 *
 * <p>Ticks are whole seconds apart, windows last {@value #WINDOW_SECONDS} s, the bound is 1 s and a partition is
 * idle after 2 s: the last ticks of a run, far ahead on every partition, close every earlier window.
 */
@ExtendWith(LocalStackExtension.class)
class EventTimeWindowsIT {
    private static final int PARTITIONS = 4;
    private static final int SECONDS = 10;
    private static final long WINDOW_SECONDS = 1;
    private static final List<String> EVENT_TIME = List.of("--window-time", "event", "--max-out-of-orderness", "1s",
            "--source-idle-timeout", "2s");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    @BeforeEach
    void resetFault() {
        InjectedFault.reset();
    }

    @Test
    @Timeout(120)
    void anIdlePartitionDoesNotHoldWindowsBack(LocalStack stack) throws Exception {
        TestTopics topics = TestTopics.create(stack, "idle", 2);
        JobConfig config = PipelineTestRun.config(stack, topics.topic(), topics.deadLetterTopic(), topics.runId(), 1,
                EVENT_TIME);
        CollectingSink<Tick> rawTicks = new CollectingSink<>();
        CollectingSink<SectorVolume> sectorVolumes = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        CollectingSink<MessageWindowStats> messageStats = new CollectingSink<>();
        CollectingSink<RejectionWindowStats> rejectionStats = new CollectingSink<>();
        JobSinks sinks = new JobSinks(rawTicks, sectorVolumes, new CollectingSink<TickerWindowStats>(), deadLetters,
                messageStats, rejectionStats);
        GeneratedTicks ticks = new GeneratedTicks(1);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers());
                PipelineTestRun job = PipelineTestRun.start(config, sinks)) {
            // Partition 1 has a watermark (one message at the start), then falls silent for longer than the timeout.
            kafka.sendAll(topics.topic(), 1, List.of(ticks.nextMessageAt(start)));
            Await.until("the message of partition 1 read", Duration.ofSeconds(60),
                    () -> rawTicks.values().size() == GeneratedTicks.TICKS_PER_MESSAGE);
            Thread.sleep(4_000);
            kafka.sendAll(topics.topic(), 0, List.of(ticks.nextMessageAt(start)));
            kafka.sendAll(topics.topic(), 0, List.of(ticks.nextMessageAt(start.plusSeconds(5))));

            Await.until("the first window firing while partition 1 is silent", Duration.ofSeconds(60),
                    () -> !sectorVolumes.values().isEmpty(), () -> "(rows " + sectorVolumes.values() + ")");
            assertThat(sectorVolumes.values()).allSatisfy(row -> {
                assertThat(row.windowStartMillis()).isEqualTo(start.toEpochMilli());
                assertThat(row.windowEndMillis()).isEqualTo(start.plusSeconds(WINDOW_SECONDS).toEpochMilli());
            });
            Await.until("every tick of the first window", Duration.ofSeconds(10),
                    () -> sectorVolumes.values().stream().mapToLong(SectorVolume::tickCount).sum()
                            == 2L * GeneratedTicks.TICKS_PER_MESSAGE);

            // The first window has fired: a tick of it now is late; data quality counts it in processing time.
            kafka.sendAll(topics.topic(), 0, List.of(ticks.nextLateMessageAt(start),
                    ticks.badMessage("{oops".getBytes(StandardCharsets.UTF_8), RejectionCategory.NOT_JSON)));
            Await.until("the data-quality rows of every message", Duration.ofSeconds(30),
                    () -> messageTotals(messageStats).equals(ticks.messageTotals())
                            && deadLettersByCategory(rejectionStats).equals(ticks.deadLettersByCategory()),
                    () -> "(message_window_stats " + messageTotals(messageStats) + " of " + ticks.messageTotals()
                            + ", rejection_window_stats " + deadLettersByCategory(rejectionStats) + " of "
                            + ticks.deadLettersByCategory() + ")");
            assertThat(deadLettersByCategory(rejectionStats)).containsEntry("late", 1L);
            assertThat(deadLetters.values()).filteredOn(DeadLetter::isLate).singleElement()
                    .satisfies(late -> assertThat(late.category()).isEqualTo(RejectionCategory.LATE));
            assertThat(rawTicks.values()).hasSize((int) ticks.tickCount());
            assertThat(sectorVolumes.values().stream().mapToLong(SectorVolume::tickCount).sum())
                    .isEqualTo(2L * GeneratedTicks.TICKS_PER_MESSAGE);
            assertThat(job.isRunning()).isTrue();
        }
    }

    @Test
    @Timeout(240)
    void aReplayByANewJobWritesTheSameRows(LocalStack stack) throws Exception {
        assertReplayWritesTheSameRows(stack, "replay", JobSinks::production, false);
    }

    @Test
    @Timeout(240)
    void aCheckpointThatNeverCompletesLeavesTheRowsOfARunWithoutIt(LocalStack stack) throws Exception {
        assertReplayWritesTheSameRows(stack, "replay-prepared", config -> JobSinks.production(config)
                .withSectorVolumes(InjectedFault.failingCheckpointAfterItsBatchWasPrepared(
                        JobSinks.production(config).sectorVolumes())), true);
    }

    @Test
    @Timeout(240)
    void aCrashWhileWindowsFireLeavesTheRowsOfARunWithoutIt(LocalStack stack) throws Exception {
        assertReplayWritesTheSameRows(stack, "replay-firing", config -> JobSinks.production(config).withSectorVolumes(
                InjectedFault.failingOnRow(JobSinks.production(config).sectorVolumes(), 2)), true);
    }

    @Test
    @Timeout(240)
    void aBatchCommittedJustBeforeACrashLeavesTheRowsOfARunWithoutIt(LocalStack stack) throws Exception {
        assertReplayWritesTheSameRows(stack, "replay-committed", config -> JobSinks.production(config)
                .withSectorVolumes(InjectedFault.crashingAfterCommit(MySqlSinks.aggregatedData(config))), true);
    }

    /**
     * A first job with {@code sinks} reads {@value #SECONDS} seconds of ticks, a fault armed halfway, if the sinks
     * inject one; then a new job (new consumer group, earliest offsets, no fault) reads the same topic.
     */
    private void assertReplayWritesTheSameRows(LocalStack stack, String name, Function<JobConfig, JobSinks> sinks,
            boolean faulty) throws Exception {
        TestTopics topics = TestTopics.create(stack, name, PARTITIONS);
        GeneratedTicks ticks = new GeneratedTicks(1_000_000);
        // Every tick but those of the last second, whose window no later tick closes.
        long windowedTicks = (SECONDS + 1L) * PARTITIONS * GeneratedTicks.TICKS_PER_MESSAGE;
        List<String> firstRun;
        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            JobConfig config = PipelineTestRun.config(stack, topics.topic(), topics.deadLetterTopic(),
                    topics.runId(), 2, EVENT_TIME);
            try (PipelineTestRun job = PipelineTestRun.start(config, sinks.apply(config))) {
                sendSeconds(kafka, topics.topic(), ticks, 0, SECONDS / 2);
                Await.until("the first windows committed to MySQL", Duration.ofSeconds(90),
                        () -> stores.aggregatedTickCount() > 0);
                InjectedFault.arm();
                sendSeconds(kafka, topics.topic(), ticks, SECONDS / 2, SECONDS);
                closeWindows(kafka, topics.topic(), ticks, SECONDS + 20);
                if (faulty) {
                    Await.until("the injected fault", Duration.ofSeconds(60), InjectedFault::fired);
                    Thread.sleep(2_000);
                    Await.until("the job running again", Duration.ofSeconds(60), job::isRunning);
                }
                // Watermarks are not in checkpoints: a restored job fires its restored windows on newer ticks.
                Thread.sleep(3_000);
                closeWindows(kafka, topics.topic(), ticks, SECONDS + 40);
                awaitWindowedTicks(stores, windowedTicks);
                awaitDataQuality(stores, ticks);
                assertThat(job.isRunning()).isTrue();
            }
            firstRun = stores.windowRows();

            stores.truncateAll();
            String replayId = topics.runId() + "-replay";
            JobConfig replay = PipelineTestRun.config(stack, topics.topic(), topics.deadLetterTopic(), replayId, 2,
                    EVENT_TIME);
            try (PipelineTestRun job = PipelineTestRun.start(replay, JobSinks.production(replay))) {
                awaitWindowedTicks(stores, windowedTicks);
                awaitDataQuality(stores, ticks);
            }
            List<String> replayed = stores.windowRows();

            assertThat(firstRun).as("rows of the first run").hasSizeGreaterThanOrEqualTo(2 * SECONDS);
            assertThat(replayed).as("rows of the replay").isEqualTo(firstRun);
        }
    }

    /** Seconds {@code from} to {@code to} (exclusive) after the start, one message per second and partition. */
    private void sendSeconds(KafkaTestClient kafka, String topic, GeneratedTicks ticks, int from, int to) {
        for (int second = from; second < to; second++) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                kafka.sendAll(topic, partition, List.of(ticks.nextMessageAt(start.plusSeconds(second))));
            }
        }
    }

    /**
     * Ticks far ahead on every partition: every earlier window closes, whichever partitions are idle (when all of a
     * reader's partitions go idle at once, its watermark stays where the least of them was).
     */
    private void closeWindows(KafkaTestClient kafka, String topic, GeneratedTicks ticks, int second) {
        sendSeconds(kafka, topic, ticks, second, second + 1);
    }

    /** The data-quality windows are processing-time ones, committed by the same exactly-once sink. */
    private static void awaitDataQuality(PipelineStores stores, GeneratedTicks ticks) throws InterruptedException {
        Await.until("every message in message_window_stats", Duration.ofSeconds(30),
                () -> stores.messageTotals().messagesRead() >= ticks.messageCount(),
                () -> "(" + stores.messageTotals() + " of " + ticks.messageTotals() + ")");
        StoreAssertions.assertDataQuality(stores, ticks);
    }

    private static MessageTotals messageTotals(CollectingSink<MessageWindowStats> rows) {
        List<MessageWindowStats> values = rows.values();
        return new MessageTotals(values.stream().mapToLong(MessageWindowStats::messagesRead).sum(),
                values.stream().mapToLong(MessageWindowStats::ticksParsed).sum(),
                values.stream().mapToLong(MessageWindowStats::messagesDeadLettered).sum(),
                values.stream().mapToLong(MessageWindowStats::ticksRejected).sum());
    }

    private static Map<String, Long> deadLettersByCategory(CollectingSink<RejectionWindowStats> rows) {
        return rows.values().stream().collect(Collectors.groupingBy(row -> row.category().label(),
                Collectors.summingLong(RejectionWindowStats::messages)));
    }

    private static void awaitWindowedTicks(PipelineStores stores, long expected) throws InterruptedException {
        Await.until("every tick before the last one in both window tables", Duration.ofSeconds(90),
                () -> stores.aggregatedTickCount() >= expected && stores.tickerStatsTickCount() >= expected,
                () -> "(aggregated_data " + stores.aggregatedTickCount() + ", ticker_window_stats "
                        + stores.tickerStatsTickCount() + " of " + expected + ")");
        // A few more checkpoints for anything counted twice to show.
        Thread.sleep(PipelineTestRun.CHECKPOINT_INTERVAL.multipliedBy(6).toMillis());
        assertThat(stores.aggregatedTickCount()).isEqualTo(expected);
        assertThat(stores.tickerStatsTickCount()).isEqualTo(expected);
    }
}
