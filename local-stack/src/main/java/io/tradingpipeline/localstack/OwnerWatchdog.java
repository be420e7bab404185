package io.tradingpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tiny bash process next to each server that kills the server when this JVM disappears, including
 * after {@code kill -9}, when no shutdown hook runs. (A parent-death signal is no alternative: on
 * Linux it fires when the forking thread ends, not the JVM.)
 */
final class OwnerWatchdog {

    private static final String SCRIPT = loadScript();

    private OwnerWatchdog() {
    }

    static Process watch(long serverPid) {
        // The script comes on stdin, so that ps shows a short, greppable command line.
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.inSessionOfItsOwn(List.of("bash", "-s",
                "local-stack-owner-watchdog", Long.toString(ProcessHandle.current().pid()), Long.toString(serverPid))));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process watchdog = builder.start();
            try (OutputStream script = watchdog.getOutputStream()) {
                script.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
            }
            return watchdog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the owner watchdog for pid " + serverPid, e);
        }
    }

    private static String loadScript() {
        try (InputStream in = OwnerWatchdog.class.getResourceAsStream("/localstack/owner-watchdog.sh")) {
            if (in == null) {
                throw new IllegalStateException("resource /localstack/owner-watchdog.sh is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
