package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFirstErrorsAndTheLastLines() throws Exception {
        Path log = Files.writeString(dir.resolve("server.log"), """
                INFO starting
                ERROR [KafkaRaftServer nodeId=1] Fatal error during broker startup
                org.apache.kafka.common.KafkaException: Socket server failed to bind: Address already in use
                INFO shutting down
                INFO stopped
                """);

        assertThat(LogTail.firstErrors(log, 5)).containsExactly(
                "ERROR [KafkaRaftServer nodeId=1] Fatal error during broker startup",
                "org.apache.kafka.common.KafkaException: Socket server failed to bind: Address already in use");
        assertThat(LogTail.lastLines(log, 2)).containsExactly("INFO shutting down", "INFO stopped");
    }

    @Test
    void aMissingLogHasNoLines() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).isEmpty();
        assertThat(LogTail.firstErrors(dir.resolve("missing.log"), 5)).isEmpty();
    }
}
