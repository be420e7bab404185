package io.tradingpipeline.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs the local stack for humans and scripts until Ctrl-C / SIGTERM. Prints the connection details as
 * {@code KEY=value} lines and writes them to {@code <data-dir>/stack.env} for {@code source}; with a job (and a
 * generator) it runs the pipeline as a {@link LocalRun} and prints a status line every few seconds.
 */
public final class LocalStackMain {

    private static final java.time.Duration STATUS_INTERVAL = java.time.Duration.ofSeconds(5);
    /** About what a terminal shows on one line: a longer status line wraps, and {@code \r} rewrites only its end. */
    private static final int STATUS_WIDTH = 160;
    /**
     * What the restarts and the last failure get however long the rest of the line is: the rest takes about 150
     * characters, and a cause cut to its exception's name would not say much.
     */
    private static final int MIN_RESTARTS_WIDTH = 80;
    private static final String SEPARATOR = " | ";
    private static volatile boolean stopping;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine commandLine;
        try {
            commandLine = LocalStackOptions.parse(args);
        } catch (ParameterException e) {
            System.err.println("local-stack: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, System.err);
            e.getCommandLine().usage(System.err);
            System.exit(2);
            return;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(System.out);
            return;
        }
        LocalStackOptions options = commandLine.getCommand();
        String busy = busyPorts(options);
        if (!busy.isEmpty()) {
            exit(busy + "choose other ports (0 = any free port)");
        }

        System.err.println("local-stack: starting Kafka, Cassandra, MariaDB, Flink and Superset...");
        LocalStack stack = start(options);
        StackEnvironment environment = StackEnvironment.of(stack);
        Path envFile = environment.writeTo(stack.dataDir());
        AtomicReference<LocalRun> run = new AtomicReference<>();
        // On Ctrl-C and SIGTERM the stack closes: the job stops with a savepoint first (the next start resumes
        // from it), then the generator (it flushes and prints its totals), then the servers. Reports go to
        // stderr, as logging may be shut down already by then.
        stack.beforeClose(() -> {
            stopping = true;
            if (run.get() != null) {
                System.out.println();
                System.err.println("local-stack: stopping the job with a savepoint...");
                run.get().stop().ifPresentOrElse(
                        savepoint -> System.err.println("local-stack: savepoint " + savepoint
                                + "; the next start resumes from it"),
                        () -> System.err.println("local-stack: no savepoint; the next start resumes from the "
                                + "job's last retained checkpoint"));
            }
        });
        stack.afterClose(() -> {
            stack.figures().forEach(line -> System.err.println("local-stack: " + line));
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                System.err.println("local-stack: cannot delete " + envFile + ": " + e.getMessage());
            }
        });
        System.out.print(environment.text());
        System.out.println("# written to " + envFile);
        System.out.println("# Flink web UI:  " + stack.flink().webUiUrl()
                + "   (flink command: local-stack/flink list | savepoint | stop | cancel | run)");
        System.out.println("# Superset:      " + stack.superset().dashboardUrl() + "   (login "
                + stack.superset().admin().user() + " / " + stack.superset().admin().password() + ")");
        Map<String, String> applicationEnvironment = LocalRun.applicationEnvironment(stack);
        if (options.jobJar != null) {
            try {
                run.set(LocalRun.start(stack, options.jobJar, options.generatorJar, List.of(),
                        applicationEnvironment));
            } catch (RuntimeException e) {
                exit("the job was not submitted: " + e.getMessage());
            }
            System.out.println("# job " + run.get().jobId() + run.get().restoredFrom()
                    .map(path -> " resumed from " + path).orElse(" started afresh") + ": "
                    + stack.flink().webUiUrl() + "/#/job/running/" + run.get().jobId() + "/overview");
            if (options.generatorJar != null) {
                System.out.println("# tick generator running, log " + stack.dataDir().resolve("tick-generator.log"));
            }
        }
        System.out.println(options.dataDir != null
                ? "# data kept in " + stack.dataDir() + " for the next start (--fresh wipes it); Ctrl-C stops everything"
                : "# data in the temporary " + stack.dataDir() + ", deleted on stop; Ctrl-C stops everything");
        System.out.flush();
        if (run.get() == null) {
            new CountDownLatch(1).await();
        }
        printStatus(run.get(), stack.flink());
    }

    /** A status line every few seconds, until the JVM stops: rewritten in place on a terminal. */
    private static void printStatus(LocalRun run, FlinkSessionCluster flink) throws InterruptedException {
        boolean terminal = System.console() != null;
        while (!stopping) {
            String status = statusLine(run, flink);
            if (terminal) {
                System.out.print("\r\033[K" + status);
            } else {
                System.out.println(status);
            }
            System.out.flush();
            Thread.sleep(STATUS_INTERVAL.toMillis());
        }
        new CountDownLatch(1).await();
    }

    /** The run's status and, at its end, the job's restarts and the cause of its last failure. */
    static String statusLine(LocalRun run, FlinkSessionCluster flink) {
        String status = run.status();
        int room = Math.max(MIN_RESTARTS_WIDTH, STATUS_WIDTH - status.length() - SEPARATOR.length());
        return JobRestarts.read(flink, run.jobId())
                .map(restarts -> restarts.describe(room))
                .filter(restarts -> !restarts.isEmpty())
                .map(restarts -> status + SEPARATOR + restarts)
                .orElse(status);
    }

    private static LocalStack start(LocalStackOptions options) {
        LocalStack.Builder builder = LocalStack.builder().withKafka().withCassandra().withMySql().withFlink()
                .withSuperset()
                .kafkaPort(options.kafkaPort)
                .cassandraPort(options.cassandraPort)
                .mySqlPort(options.mySqlPort)
                .flinkRestPort(options.flinkPort)
                .supersetPort(options.supersetPort);
        if (options.dataDir != null) {
            builder.dataDir(options.dataDir);
        }
        if (options.fresh) {
            builder.freshData();
        }
        try {
            return builder.start();
        } catch (RuntimeException e) {
            return exit(e.getMessage());
        }
    }

    private static <T> T exit(String message) {
        System.err.println("local-stack: " + message);
        System.exit(1);
        throw new IllegalStateException("unreachable");
    }

    private static String busyPorts(LocalStackOptions options) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", options.kafkaPort);
        ports.put("--cassandra-port", options.cassandraPort);
        ports.put("--mysql-port", options.mySqlPort);
        ports.put("--flink-port", options.flinkPort);
        ports.put("--superset-port", options.supersetPort);
        StringBuilder busy = new StringBuilder();
        ports.forEach((option, port) -> {
            if (port != 0 && !canBind(port)) {
                busy.append("port ").append(port).append(" (").append(option).append(") is in use; ");
            }
        });
        return busy.toString();
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
