package io.tradingpipeline.dashboard;

import io.tradingpipeline.localstack.SupersetServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the module's scripts and Superset's command line, against a running {@link SupersetServer} or on their own. */
final class SupersetProcesses {

    /** Exit code and the merged stdout and stderr. */
    record Result(int exitCode, String output) {
    }

    private SupersetProcesses() {
    }

    /** A file of this module (superset/), which is the tests' working directory. */
    static String script(String relativePath) {
        return Path.of(relativePath).toAbsolutePath().toString();
    }

    /**
     * Runs {@code command} in the server's home with the server's environment changed by {@code overrides}; a
     * value of null removes the variable.
     */
    static Result run(SupersetServer server, Map<String, String> overrides, String... command)
            throws IOException, InterruptedException {
        Map<String, String> changes = new HashMap<>(server.environment());
        changes.putAll(overrides);
        // Outside the repository, so that nothing reads its .env behind the test's back.
        return run(server.home(), changes, command);
    }

    /**
     * Runs {@code command} in {@code dir} with this JVM's environment changed by {@code changes}; a value of null
     * removes the variable. The program is looked up on the changed PATH.
     */
    static Result run(Path dir, Map<String, String> changes, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        changes.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        builder.command().set(0, onPath(command[0], environment.getOrDefault("PATH", "")));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", List.of(command)) + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static String onPath(String program, String path) {
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }
}
