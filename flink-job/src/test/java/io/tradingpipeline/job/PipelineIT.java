package io.tradingpipeline.job;

import static io.tradingpipeline.job.testsupport.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.DeadLetterSerializer;
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
import java.util.Comparator;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole job against real Kafka, Cassandra and MariaDB: every good tick lands once, bad ones on the DLQ. */
@ExtendWith(LocalStackExtension.class)
class PipelineIT {
    private static final int MESSAGES = 200;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.twoSlots();

    private record BadMessage(byte[] value, RecordMetadata sent, String expectedReason, String category,
            String rejectedTicks) {}

    @Test
    @Timeout(240)
    void writesEveryTickOnceAndDeadLettersBadMessages(LocalStack stack, @TempDir Path savepoints) throws Exception {
        TestTopics topics = TestTopics.create(stack, "pipeline", 4);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId);
        GeneratedTicks ticks = new GeneratedTicks(1_000_000);

        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            List<BadMessage> bad = new ArrayList<>();
            List<byte[]> good = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                good.add(ticks.nextMessage());
            }
            kafka.sendAll(topic, good.subList(0, MESSAGES / 2));
            bad.add(sendBad(kafka, topic, ticks.badMessage("not json at all".getBytes(StandardCharsets.UTF_8),
                    RejectionCategory.NOT_JSON), "malformed JSON", "not_json", null));
            bad.add(sendBad(kafka, topic, ticks.badMessage("[]".getBytes(StandardCharsets.UTF_8),
                    RejectionCategory.NOT_A_TICK_ARRAY), "empty array", "not_a_tick_array", null));
            bad.add(sendBad(kafka, topic, ticks.nextMessageWithInvalidTick(3),
                    "tick[3]: volume must be >= 0", "invalid_tick", "3"));
            kafka.sendAll(topic, good.subList(MESSAGES / 2, MESSAGES));

            try (PipelineTestRun job = PipelineTestRun.start(config)) {
                StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(120));
                job.stopWithSavepoint(savepoints);
            }

            assertThat(ticks.tickCount()).isEqualTo(MESSAGES * 10L + 9);
            StoreAssertions.assertStoresHoldExactly(stores, ticks);
            assertThat(stores.preparedXaTransactions()).isEmpty();
            assertDeadLetters(kafka.readCommitted(deadLetterTopic, bad.size(), Duration.ofSeconds(30)), bad, topic);
        }
    }

    private static BadMessage sendBad(KafkaTestClient kafka, String topic, byte[] value, String expectedReason,
            String category, String rejectedTicks) {
        return new BadMessage(value, kafka.send(topic, value, "origin", "pipeline-it"), expectedReason, category,
                rejectedTicks);
    }

    private static void assertDeadLetters(List<ConsumerRecord<byte[], byte[]>> records, List<BadMessage> bad,
            String topic) {
        assertThat(records).hasSize(bad.size());
        records.sort(Comparator.comparing(r -> header(r, DeadLetterSerializer.SOURCE_PARTITION)
                + "/" + header(r, DeadLetterSerializer.SOURCE_OFFSET)));
        for (BadMessage message : bad) {
            ConsumerRecord<byte[], byte[]> record = records.stream()
                    .filter(r -> Integer.toString(message.sent().partition())
                            .equals(header(r, DeadLetterSerializer.SOURCE_PARTITION))
                            && Long.toString(message.sent().offset())
                            .equals(header(r, DeadLetterSerializer.SOURCE_OFFSET)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter for " + message.sent()));
            assertThat(record.value()).isEqualTo(message.value());
            assertThat(header(record, DeadLetterSerializer.REASON)).contains(message.expectedReason());
            assertThat(header(record, DeadLetterSerializer.REASON_CATEGORY)).isEqualTo(message.category());
            assertThat(header(record, DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(topic);
            assertThat(header(record, DeadLetterSerializer.REJECTED_TICKS)).isEqualTo(message.rejectedTicks());
            assertThat(header(record, "origin")).isEqualTo("pipeline-it");
        }
    }
}
