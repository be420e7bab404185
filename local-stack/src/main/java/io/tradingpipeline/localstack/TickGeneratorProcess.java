package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.GeneratorProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tick generator's jar running against a local stack, in a process of its own with an {@link OwnerWatchdog}:
 * it ends with its owner even when that is killed.
 */
public final class TickGeneratorProcess implements AutoCloseable {

    private final ServerProcess process;
    private final Path progressFile;

    private TickGeneratorProcess(ServerProcess process, Path progressFile) {
        this.process = process;
        this.progressFile = progressFile;
    }

    /**
     * {@code java -jar <jar> --progress-file <file> <arguments>} with {@code environment} (the stack's connection
     * details, see {@link LocalRun#applicationEnvironment}); its output goes to {@code log}, its progress to a file
     * beside it.
     */
    public static TickGeneratorProcess start(Path jar, List<String> arguments, Map<String, String> environment,
                                             Path workDir, Path log) {
        Path progressFile = log.resolveSibling(log.getFileName().toString().replaceAll("\\.log$", "")
                + ".progress.json");
        LocalFiles.delete(progressFile);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--progress-file", progressFile.toString()));
        command.addAll(arguments);
        return new TickGeneratorProcess(ServerProcess.start("tick generator", command, environment, workDir, log),
                progressFile);
    }

    /** What the generator reported last; empty before its first progress line. */
    public Optional<GeneratorProgress> progress() {
        return GeneratorProgress.readFrom(progressFile);
    }

    /** Waits for a generator started with {@code --count} or {@code --duration} to finish; its exit code. */
    public int awaitExit(Duration timeout) {
        if (!process.waitForExit(timeout)) {
            throw new IllegalStateException("the tick generator did not finish within " + timeout);
        }
        return process.exitCode();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** SIGTERM: the generator flushes what it sent and prints its totals. Idempotent. */
    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
