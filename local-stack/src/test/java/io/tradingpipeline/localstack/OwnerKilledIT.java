package io.tradingpipeline.localstack;

import static io.tradingpipeline.localstack.ProcessAssertions.assertProcessesEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The servers die with their owner JVM even when it is killed with SIGKILL and runs no shutdown hook. */
class OwnerKilledIT {

    @Test
    void serversStopWhenTheOwnerJvmIsKilled() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnedStackMain.class.getName())
                .redirectErrorStream(true)
                .start();
        Map<String, String> printed;
        try {
            printed = readUntilReady(owner);
        } finally {
            owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(printed).containsKeys("kafka.pid", "mysql.pid", "kafka.watchdog.pid", "mysql.watchdog.pid", "data.dir");
        List<Long> pids = List.of(Long.parseLong(printed.get("kafka.pid")), Long.parseLong(printed.get("mysql.pid")));
        List<Long> watchdogPids = List.of(Long.parseLong(printed.get("kafka.watchdog.pid")),
                Long.parseLong(printed.get("mysql.watchdog.pid")));

        assertProcessesEnd(pids, Duration.ofSeconds(15));
        // Their work done, the watchdogs end too: nothing is left behind.
        assertProcessesEnd(watchdogPids, Duration.ofSeconds(5));
        // No shutdown hook ran, so the data directory is left behind.
        LocalFiles.deleteRecursively(Path.of(printed.get("data.dir")));
    }

    /** The child's key=value lines up to "ready"; its log lines in between are ignored. */
    private static Map<String, String> readUntilReady(Process owner) throws IOException {
        Map<String, String> printed = new HashMap<>();
        BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String line = output.readLine(); line != null && System.nanoTime() < deadline; line = output.readLine()) {
            if (line.equals("ready")) {
                return printed;
            }
            int equals = line.indexOf('=');
            if (equals > 0 && line.matches("^[a-z.]+=.*")) {
                printed.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        throw new AssertionError("the owner JVM ended or was not ready in time; it printed " + printed);
    }
}
