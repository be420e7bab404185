package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/** Assertions that servers are really gone: no process, no listening port. */
final class ProcessAssertions {

    private ProcessAssertions() {
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits up to {@code timeout} for all {@code pids} to end, then asserts that they did. */
    static void assertProcessesEnd(List<Long> pids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pids.stream().anyMatch(ProcessAssertions::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pids).as("pids still alive after %s", timeout).noneMatch(ProcessAssertions::isAlive);
    }

    static void assertPortFree(int port) {
        assertThat(Ports.isListening(port)).as("something still listens on port %d", port).isFalse();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        } catch (IOException e) {
            throw new AssertionError("port " + port + " cannot be bound: " + e, e);
        }
    }
}
