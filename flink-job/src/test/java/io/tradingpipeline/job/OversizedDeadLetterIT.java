package io.tradingpipeline.job;

import static io.tradingpipeline.job.testsupport.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.parse.RejectionCategory;
import io.tradingpipeline.job.sink.DeadLetterSerializer;
import io.tradingpipeline.job.testsupport.FlinkJobs;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineTestRun;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.job.testsupport.TestClusters;
import io.tradingpipeline.job.testsupport.TestTopics;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.flink.test.junit5.InjectClusterRESTAddress;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A malformed message just under 1 MiB, which the broker accepts but whose dead letter, the message plus the
 * reason and source headers, is larger than a record may be: the dead letter arrives cut to fit and says so,
 * the ticks around it land, and the job runs on without a single task failure.
 */
@ExtendWith(LocalStackExtension.class)
class OversizedDeadLetterIT {
    /**
     * About as much as the test producer's {@code max.request.size} (1 MiB) lets through; whole, its dead letter
     * would take some 300 bytes more than that, which failed the job with a {@code RecordTooLargeException}.
     */
    private static final int OVERSIZED_BYTES = 1_048_400;
    private static final int MESSAGES_AROUND_IT = 5;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.twoSlots();

    @Test
    @Timeout(90)
    void deadLettersAMessageNearTheBrokersLimitCutToFitAndKeepsRunning(LocalStack stack,
            @InjectClusterRESTAddress URI flink) throws Exception {
        TestTopics topics = TestTopics.create(stack, "oversized", 2);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        JobConfig config = PipelineTestRun.config(stack, topic, deadLetterTopic, runId);
        GeneratedTicks ticks = new GeneratedTicks(3_000_000);
        byte[] oversized = ticks.badMessage(("[" + "x".repeat(OVERSIZED_BYTES - 1)).getBytes(StandardCharsets.UTF_8),
                RejectionCategory.NOT_JSON); // within --max-message-bytes: read, and found not to be JSON

        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            stores.truncateAll();
            kafka.sendAll(topic, messages(ticks));
            RecordMetadata sent = kafka.send(topic, oversized, "origin", "oversized-it");
            kafka.sendAll(topic, messages(ticks));

            List<ConsumerRecord<byte[], byte[]>> deadLetters;
            try (PipelineTestRun job = PipelineTestRun.start(config)) {
                deadLetters = kafka.readCommitted(deadLetterTopic, 1, Duration.ofSeconds(45));
                assertThat(taskFailures(flink)).as("task failures").isEmpty();
                StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(30));
                assertThat(taskFailures(flink)).as("task failures").isEmpty();
                assertThat(job.isRunning()).isTrue();
            }

            StoreAssertions.assertStoresHoldExactly(stores, ticks);
            assertThat(deadLetters).hasSize(1);
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
            assertThat(header(deadLetter, DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(topic);
            assertThat(header(deadLetter, DeadLetterSerializer.SOURCE_PARTITION))
                    .isEqualTo(Integer.toString(sent.partition()));
            assertThat(header(deadLetter, DeadLetterSerializer.SOURCE_OFFSET)).isEqualTo(Long.toString(sent.offset()));
            assertThat(header(deadLetter, DeadLetterSerializer.REASON)).startsWith("malformed JSON");
            assertThat(header(deadLetter, DeadLetterSerializer.REASON_CATEGORY)).isEqualTo("not_json");
            assertThat(header(deadLetter, "origin")).isEqualTo("oversized-it");
            assertThat(header(deadLetter, DeadLetterSerializer.VALUE_TRUNCATED)).isEqualTo("true");
            assertThat(header(deadLetter, DeadLetterSerializer.VALUE_ORIGINAL_BYTES))
                    .isEqualTo(Integer.toString(OVERSIZED_BYTES));
            assertThat(deadLetter.value()).hasSizeLessThan(OVERSIZED_BYTES)
                    .isEqualTo(Arrays.copyOf(oversized, deadLetter.value().length));
        }
    }

    private static List<byte[]> messages(GeneratedTicks ticks) {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES_AROUND_IT; i++) {
            messages.add(ticks.nextMessage());
        }
        return messages;
    }

    /** The root cause of every failure in the exception history of the cluster's only job. */
    private static List<String> taskFailures(URI flink) throws Exception {
        String jobId = get(flink, "/jobs").path("jobs").path(0).path("id").asText();
        JsonNode entries = get(flink, "/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> rootCause(entry.path("stacktrace").asText()))
                .toList();
    }

    private static String rootCause(String stackTrace) {
        List<String> lines = stackTrace.lines().toList();
        return lines.stream().filter(line -> line.startsWith("Caused by: ")).reduce((first, last) -> last)
                .orElse(lines.isEmpty() ? "" : lines.get(0));
    }

    private static JsonNode get(URI flink, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(flink.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return FlinkJobs.json(response.body());
    }
}
