package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stack traces as Flink's exception history renders them ({@link Throwable#printStackTrace()}). */
class FailureCauseTest {

    @Test
    void withoutACauseItIsTheExceptionItself() {
        FailureCause cause = FailureCause.of("java.lang.IllegalStateException", """
                java.lang.IllegalStateException: no MySQL at jdbc:mysql://127.0.0.1:3306/trading
                second line of the message
                \tat io.tradingpipeline.job.sink.MySqlSinks.open(MySqlSinks.java:42)
                """);

        assertThat(cause).isEqualTo(new FailureCause("IllegalStateException",
                "no MySQL at jdbc:mysql://127.0.0.1:3306/trading"));
    }

    @Test
    void theInnermostCauseWins() {
        // The job's first failure while Cassandra was stopped, from the local stack's taskmanager.log.
        FailureCause cause = FailureCause.of("java.io.IOException", """
                java.io.IOException: Failed to deserialize consumer record due to
                \tat org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord(KafkaRecordEmitter.java:56)
                Caused by: org.apache.flink.streaming.runtime.tasks.ExceptionInChainedOperatorException: Could not forward element to next operator
                \tat org.apache.flink.streaming.runtime.tasks.ChainingOutput.pushToOperator(ChainingOutput.java:111)
                \t... 14 more
                Caused by: java.io.IOException: Error while sending value.
                \tat org.apache.flink.streaming.connectors.cassandra.NoOpCassandraFailureHandler.onFailure(NoOpCassandraFailureHandler.java:33)
                \t... 14 more
                Caused by: com.datastax.driver.core.exceptions.NoHostAvailableException: All host(s) tried for query failed (no host was tried)
                \tat com.datastax.driver.core.RequestHandler.reportNoMoreHosts(RequestHandler.java:283)
                \t... 14 more
                """);

        assertThat(cause).isEqualTo(new FailureCause("NoHostAvailableException",
                "All host(s) tried for query failed (no host was tried)"));
    }

    @Test
    void theCausesOfSuppressedExceptionsDoNotCount() {
        FailureCause cause = FailureCause.of("java.io.IOException", """
                java.io.IOException: write failed
                \tat Sink.write(Sink.java:1)
                \tSuppressed: java.io.IOException: close failed
                \t\tat Sink.close(Sink.java:2)
                \tCaused by: java.net.SocketException: Broken pipe
                \t\t... 3 more
                """);

        assertThat(cause).isEqualTo(new FailureCause("IOException", "write failed"));
    }

    @Test
    void anExceptionWithoutAMessageOrStackTraceHasAnEmptyMessage() {
        assertThat(FailureCause.of("java.lang.NullPointerException", """
                java.lang.NullPointerException
                \tat A.b(A.java:1)
                """)).isEqualTo(new FailureCause("NullPointerException", ""));
        assertThat(FailureCause.of("java.lang.RuntimeException", """
                java.lang.RuntimeException: wrapped
                Caused by: com.example.Outer$InnerException
                """)).isEqualTo(new FailureCause("InnerException", ""));
        assertThat(FailureCause.of("org.apache.flink.util.SerializedThrowable", ""))
                .isEqualTo(new FailureCause("SerializedThrowable", ""));
    }

    @Test
    void describesItselfWithinTheGivenLength() {
        FailureCause cause = new FailureCause("ConnectException", "Connection refused");

        assertThat(cause.describe(100)).isEqualTo("ConnectException: Connection refused");
        assertThat(cause.describe(25)).isEqualTo("ConnectException: Connec…").hasSize(25);
        assertThat(cause.describe(19)).isEqualTo("ConnectException");
        assertThat(new FailureCause("NullPointerException", "").describe(5)).isEqualTo("NullPointerException");
    }
}
