package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user sees it: a real JVM, exit codes and stderr. */
class LocalStackMainTest {

    @Test
    void aWrongFlagPrintsUsageAndExitsWith2() throws Exception {
        Result result = run("--kafka", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option").contains("Usage: local-stack");
    }

    @Test
    void aPortInUseFailsBeforeStartingAnything() throws Exception {
        Result result;
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            result = run("--kafka-port", "0", "--cassandra-port", "0", "--flink-port", "0", "--superset-port", "0", "--mysql-port",
                    Integer.toString(occupied.getLocalPort()));
        }

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("(--mysql-port) is in use");
    }

    @Test
    void refusesADataDirectoryThatIsNotItsOwn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");

        Result result = run("--data-dir", dir.toString(), "--kafka-port", "0", "--cassandra-port", "0",
                "--mysql-port", "0", "--flink-port", "0", "--superset-port", "0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("not made by a local stack");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }

    private record Result(int exitCode, String stderr) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalStackMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited in time").isTrue();
        return new Result(process.exitValue(), stderr);
    }
}
