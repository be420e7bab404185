package io.tradingpipeline.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server running in a process of its own: output into a log file, an {@link OwnerWatchdog} next to it,
 * readiness polling with a deadline, and a stop that escalates from SIGTERM to SIGKILL.
 */
final class ServerProcess {

    /** A readiness probe; an exception means "not ready yet". */
    @FunctionalInterface
    interface ReadinessCheck {
        boolean isReady() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final int LOG_LINES_IN_ERRORS = 20;
    private static final int LOG_ERRORS_IN_ERRORS = 5;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final Process watchdog;
    private final List<Path> logFiles;
    private final long startedAtNanos;
    private volatile Duration readyAfter;
    private volatile long peakRssBytes = -1;
    private boolean stopped;

    private ServerProcess(String name, ProcessBuilder builder, Process process, List<Path> logFiles,
                          long startedAtNanos) {
        this.name = name;
        this.builder = builder;
        this.process = process;
        this.logFiles = logFiles;
        this.startedAtNanos = startedAtNanos;
        this.watchdog = OwnerWatchdog.watch(process.pid());
    }

    /**
     * Starts {@code command}; its stdout and stderr go to {@code consoleLog}. {@code otherLogs} are files the
     * server writes itself; they are quoted, like the console log, when the server fails to start.
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                               Path consoleLog, Path... otherLogs) {
        ProcessBuilder builder = new ProcessBuilder(inSessionOfItsOwn(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        List<Path> logs = new ArrayList<>(List.of(otherLogs));
        logs.add(consoleLog);
        return launch(name, builder, List.copyOf(logs));
    }

    /**
     * {@code command} run by setsid, in a session of its own: Ctrl-C in a terminal then reaches only the JVM
     * that owns the servers (which stops the job with a savepoint before anything else), not every server at
     * once. setsid execs the command in the same process, so the pid stays the server's.
     */
    static List<String> inSessionOfItsOwn(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>(List.of(SETSID.toString()));
        detached.addAll(command);
        return detached;
    }

    private static ServerProcess launch(String name, ProcessBuilder builder, List<Path> logs) {
        long startedAt = System.nanoTime();
        try {
            Process process = builder.start();
            LOG.info("{} started (pid {}), log {}", name, process.pid(), logs.get(0));
            return new ServerProcess(name, builder, process, logs, startedAt);
        } catch (IOException e) {
            throw new LocalStackStartupException(name + " could not be launched: " + e.getMessage(), e);
        }
    }

    /** The same command again, for a server that was stopped (its logs are appended to). */
    ServerProcess startAgain() {
        return launch(name, builder, logFiles);
    }

    /** SIGKILL, as when the machine or the process dies: no shutdown of any kind. */
    synchronized void kill() {
        if (stopped) {
            return;
        }
        stopped = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.destroy();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code check} until it answers true; stops the server and throws when it dies or the time is up. */
    void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProblem = null;
        while (true) {
            if (!process.isAlive()) {
                throw stopBecause("exited with code " + process.exitValue() + " before it was ready", lastProblem);
            }
            try {
                if (check.isReady()) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - startedAtNanos);
                    LOG.info("{} ready in {}", name, seconds(readyAfter));
                    return;
                }
            } catch (Exception e) {
                lastProblem = e;
            }
            if (System.nanoTime() > deadline) {
                throw stopBecause("not ready after " + timeout.toSeconds() + " s", lastProblem);
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * Stops the server because of {@code reason}; returns the exception to throw, which names the server, its log
     * files and their last lines.
     */
    LocalStackStartupException stopBecause(String reason, Throwable cause) {
        stop();
        StringBuilder message = new StringBuilder(name).append(" did not start: ").append(reason);
        if (cause != null) {
            message.append(" (last probe error: ").append(cause).append(')');
        }
        message.append(". Log: ").append(logFiles.get(0));
        for (Path log : logFiles) {
            List<String> errors = LogTail.firstErrors(log, LOG_ERRORS_IN_ERRORS);
            if (!errors.isEmpty()) {
                message.append("\n--- first errors in ").append(log).append(" ---\n").append(String.join("\n", errors));
            }
            List<String> lines = LogTail.lastLines(log, LOG_LINES_IN_ERRORS);
            if (!lines.isEmpty()) {
                message.append("\n--- last lines of ").append(log).append(" ---\n").append(String.join("\n", lines));
            }
        }
        return new LocalStackStartupException(message.toString(), cause);
    }

    /** For short-lived tools: true when the process ended within {@code timeout}. */
    boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackStartupException("interrupted while waiting for " + name, e);
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    long watchdogPid() {
        return watchdog.pid();
    }

    Path logFile() {
        return logFiles.get(0);
    }

    /** SIGTERM, then SIGKILL after {@code grace}. Records the peak RSS first. Idempotent. */
    synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        peakRssBytes = readPeakRssBytes(process.pid());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s after SIGTERM; killing it", name, grace.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.destroy();
        }
    }

    void stop() {
        stop(Duration.ofSeconds(15));
    }

    /** For example "kafka ready in 3.1 s, peak RSS 410 MB". */
    String figures() {
        String ready = readyAfter == null ? "never ready" : "ready in " + seconds(readyAfter);
        String rss = peakRssBytes < 0 ? "peak RSS unknown" : "peak RSS " + peakRssBytes / (1024 * 1024) + " MB";
        return name + " " + ready + ", " + rss;
    }

    private static long readPeakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            LOG.debug("cannot read the peak RSS of pid {}", pid, e);
        }
        return -1;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackStartupException("interrupted while waiting for a server", e);
        }
    }
}
