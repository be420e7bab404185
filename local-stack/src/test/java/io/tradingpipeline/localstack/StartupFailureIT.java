package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupFailureIT {

    @Test
    void aServerThatCannotStartIsNamedWithItsLog() throws Exception {
        LocalStackStartupException failure;
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            failure = catchThrowableOfType(LocalStackStartupException.class,
                    () -> LocalStack.builder().withKafka().kafkaPort(occupied.getLocalPort()).start());
        }

        assertThat(failure).isNotNull();
        Matcher log = Pattern.compile("Log: (\\S+kafka\\.log)").matcher(failure.getMessage());
        assertThat(failure.getMessage()).startsWith("Kafka did not start");
        assertThat(log.find()).as("log path in: %s", failure.getMessage()).isTrue();
        Path logFile = Path.of(log.group(1));
        assertThat(logFile).exists();
        assertThat(failure.getMessage()).contains("Address already in use");
        LocalFiles.deleteRecursively(logFile.getParent().getParent());
    }
}
