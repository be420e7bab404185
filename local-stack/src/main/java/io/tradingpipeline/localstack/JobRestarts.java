package io.tradingpipeline.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

/**
 * How often the job restarted since it was submitted and the cause of its newest failure, as Flink's REST API
 * reports them, for the local run's status line: {@code 7 restarts, last: RecordTooLargeException: The message is
 * 1048664 bytes when…}.
 *
 * @param restarts    the job metric {@code numRestarts}; empty until the JobManager has reported it
 * @param lastFailure the innermost cause of the newest entry of the job's exception history, if it failed since it
 *                    was submitted
 */
record JobRestarts(OptionalLong restarts, Optional<FailureCause> lastFailure) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Asks the cluster; empty when it does not answer (the status line says so already where it shows the job's
     * state).
     */
    static Optional<JobRestarts> read(FlinkSessionCluster flink, String jobId) {
        try {
            return Optional.of(parse(flink.rest("/jobs/" + jobId + "/metrics?get=numRestarts"),
                    flink.rest("/jobs/" + jobId + "/exceptions?maxExceptions=1")));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * From the bodies of {@code GET /jobs/<id>/metrics?get=numRestarts} ({@code [{"id":"numRestarts","value":"7"}]},
     * {@code []} while unknown) and {@code GET /jobs/<id>/exceptions} (the {@code exceptionHistory}).
     */
    static JobRestarts parse(String numRestartsMetric, String exceptions) throws JsonProcessingException {
        OptionalLong restarts = StreamSupport.stream(JSON.readTree(numRestartsMetric).spliterator(), false)
                .filter(metric -> metric.path("id").asText().equals("numRestarts"))
                .mapToLong(metric -> Long.parseLong(metric.path("value").asText()))
                .findFirst();
        Optional<FailureCause> lastFailure = StreamSupport.stream(
                        JSON.readTree(exceptions).path("exceptionHistory").path("entries").spliterator(), false)
                .max(Comparator.comparingLong(entry -> entry.path("timestamp").asLong()))
                .map(entry -> FailureCause.of(entry.path("exceptionName").asText(),
                        entry.path("stacktrace").asText()));
        return new JobRestarts(restarts, lastFailure);
    }

    /**
     * {@code 0 restarts}, or {@code 7 restarts, last: <cause>} with the cause's message shortened to keep the
     * whole within {@code maxLength}; the counts and the exception's name are never cut.
     */
    String describe(int maxLength) {
        String count = restarts.isPresent()
                ? restarts.getAsLong() + (restarts.getAsLong() == 1 ? " restart" : " restarts") : "";
        if (lastFailure.isEmpty()) {
            return count;
        }
        String prefix = count.isEmpty() ? "last: " : count + ", last: ";
        return prefix + lastFailure.get().describe(maxLength - prefix.length());
    }
}
