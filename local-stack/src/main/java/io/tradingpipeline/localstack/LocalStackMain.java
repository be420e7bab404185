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

/**
 * Runs the local stack for humans and scripts until Ctrl-C / SIGTERM. Prints the connection details as
 * {@code KEY=value} lines and writes them to {@code <data-dir>/stack.env} for {@code source}.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (LocalStackOptions.UsageException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.println(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalStackOptions.USAGE);
            return;
        }
        String busy = busyPorts(options);
        if (!busy.isEmpty()) {
            exit(busy + "choose other ports (0 = any free port)");
        }

        System.err.println("local-stack: starting Kafka, Cassandra, MariaDB, Flink and Superset...");
        LocalStack stack = start(options);
        StackEnvironment environment = StackEnvironment.of(stack);
        Path envFile = environment.writeTo(stack.dataDir());
        AtomicReference<ServerProcess> generator = new AtomicReference<>();
        // LocalStack's own shutdown hook also stops the servers; this one stops the generator first (it flushes
        // and prints its totals), reports on stderr, as logging may be shut down already by then, and removes
        // the connection details that are no longer valid.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (generator.get() != null) {
                generator.get().stop();
            }
            stack.close();
            stack.figures().forEach(line -> System.err.println("local-stack: " + line));
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                System.err.println("local-stack: cannot delete " + envFile + ": " + e.getMessage());
            }
        }, "local-stack-report"));
        System.out.print(environment.text());
        System.out.println("# written to " + envFile + "; Flink web UI: " + stack.flink().webUiUrl());
        System.out.println("# Superset: " + stack.superset().dashboardUrl() + " (login " + stack.superset().admin().user()
                + " / " + stack.superset().admin().password() + ", SUPERSET_ADMIN_PASSWORD)");
        Map<String, String> applicationEnvironment = environment.withPasswords(stack.mysql());
        if (options.jobJar() != null) {
            try {
                String jobId = stack.flink().run(options.jobJar(), List.of(), applicationEnvironment);
                System.out.println("# submitted " + options.jobJar() + " as job " + jobId + ": "
                        + stack.flink().webUiUrl() + "/#/job/running/" + jobId + "/overview");
            } catch (RuntimeException e) {
                exit("the job was not submitted: " + e.getMessage());
            }
        }
        if (options.generatorJar() != null) {
            generator.set(startGenerator(options.generatorJar(), applicationEnvironment, stack.dataDir()));
            System.out.println("# tick generator running (pid " + generator.get().pid() + "), log "
                    + generator.get().logFile());
        }
        System.out.println("# Ctrl-C stops everything");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static ServerProcess startGenerator(Path jar, Map<String, String> environment, Path dataDir) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString());
        return ServerProcess.start("tick generator", command, environment, dataDir,
                dataDir.resolve("tick-generator.log"));
    }

    private static LocalStack start(LocalStackOptions options) {
        LocalStack.Builder builder = LocalStack.builder().withKafka().withCassandra().withMySql().withFlink()
                .withSuperset()
                .kafkaPort(options.kafkaPort())
                .cassandraPort(options.cassandraPort())
                .mySqlPort(options.mySqlPort())
                .flinkRestPort(options.flinkPort())
                .supersetPort(options.supersetPort());
        if (options.dataDir() != null) {
            builder.dataDir(options.dataDir());
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
        ports.put("--kafka-port", options.kafkaPort());
        ports.put("--cassandra-port", options.cassandraPort());
        ports.put("--mysql-port", options.mySqlPort());
        ports.put("--flink-port", options.flinkPort());
        ports.put("--superset-port", options.supersetPort());
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
