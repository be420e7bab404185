package io.tradingpipeline.job.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingpipeline.localstack.FlinkSessionCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** The state of a job on a local session cluster, read from its REST API. */
public final class FlinkJobs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlinkJobs() {}

    public static void awaitRunningWithACheckpoint(FlinkSessionCluster flink, String jobId) {
        Await.until("the job running with a completed checkpoint", Duration.ofSeconds(120),
                () -> allTasksRunning(flink, jobId) && json(flink.rest("/jobs/" + jobId + "/checkpoints"))
                        .path("counts").path("completed").asInt() > 0);
    }

    public static boolean allTasksRunning(FlinkSessionCluster flink, String jobId) {
        JsonNode job = json(flink.rest("/jobs/" + jobId));
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
