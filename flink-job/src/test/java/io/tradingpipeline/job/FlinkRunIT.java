package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.KafkaTestClient;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineTestRun;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.job.testsupport.TestTopics;
import io.tradingpipeline.localstack.FlinkSessionCluster;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code target/flink-job.jar}, submitted with the real {@code flink run -d} to a standalone
 * session cluster, as users run it; the MySQL password comes from the environment.
 */
@ExtendWith(LocalStackExtension.class)
class FlinkRunIT {
    private static final Path JOB_JAR = Path.of("target", "flink-job.jar");
    private static final int MESSAGES = 100;

    @Test
    @Timeout(300)
    void shadedJarRunsOnASessionCluster(LocalStack stack, @TempDir Path clusterDir, @TempDir Path savepoints)
            throws Exception {
        assertThat(JOB_JAR).as("built by the package phase").exists();
        TestTopics topics = TestTopics.create(stack, "flink-run", 4);
        String runId = topics.runId();
        String topic = topics.topic();
        String deadLetterTopic = topics.deadLetterTopic();
        GeneratedTicks ticks = new GeneratedTicks(3_000_000);

        try (PipelineStores stores = new PipelineStores(stack);
                KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers());
                FlinkSessionCluster flink = FlinkSessionCluster.start(clusterDir, 0, 2)) {
            stores.truncateAll();
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                messages.add(ticks.nextMessage());
            }
            kafka.sendAll(topic, messages);

            String jobId = flink.run(JOB_JAR, PipelineTestRun.arguments(stack, topic, deadLetterTopic, runId),
                    Map.of(Setting.MYSQL_WRITER_PASSWORD.name(), stack.mysql().writer().password()));
            Await.until("the job running", Duration.ofSeconds(60), () -> "RUNNING".equals(flink.jobState(jobId)));
            assertThat(flink.rest("/jobs/" + jobId)).contains("Parse and validate ticks",
                    "Raw ticks to Cassandra (real_time_data)", "Volume per date and sector",
                    "Candle per date and ticker", "Dead letters to Kafka", "Messages per window");

            StoreAssertions.awaitAllTicks(stores, ticks, Duration.ofSeconds(120));
            stopWithSavepoint(flink, jobId, savepoints);
            assertThat(flink.jobState(jobId)).isEqualTo("FINISHED");
            assertThat(flink.rest("/jobs/" + jobId + "/checkpoints")).contains("\"completed\":");

            StoreAssertions.assertStoresHoldExactly(stores, ticks);
            assertThat(stores.preparedXaTransactions()).isEmpty();
        }
    }

    private static void stopWithSavepoint(FlinkSessionCluster flink, String jobId, Path savepoints)
            throws Exception {
        Configuration client = new Configuration();
        client.set(RestOptions.ADDRESS, "127.0.0.1");
        client.set(RestOptions.PORT, flink.restPort());
        try (RestClusterClient<StandaloneClusterId> rest =
                new RestClusterClient<>(client, StandaloneClusterId.getInstance())) {
            rest.stopWithSavepoint(JobID.fromHexString(jobId), false, savepoints.toUri().toString(),
                    SavepointFormatType.CANONICAL).get(60, TimeUnit.SECONDS);
        }
        Await.until("the job finished", Duration.ofSeconds(60), () -> "FINISHED".equals(flink.jobState(jobId)));
    }
}
