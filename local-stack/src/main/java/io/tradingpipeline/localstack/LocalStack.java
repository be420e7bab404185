package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Kafka, Cassandra and MySQL-compatible servers (and, on request, a Flink session cluster) on free
 * loopback ports, each in a process of its own,
 * with the repository's schemas applied and the pipeline's topics created. Closing the stack (or the end of
 * this JVM, even by {@code kill -9}) stops every server.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start()) {
 *     String bootstrapServers = stack.kafka().bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    public static final String TRADING_DATA_TOPIC = Setting.KAFKA_TOPIC.defaultValue().orElseThrow();
    public static final String DEAD_LETTER_TOPIC = Setting.KAFKA_DLQ_TOPIC.defaultValue().orElseThrow();
    /** The topics and their partitions; docker compose's kafka-init creates the same (a test holds them equal). */
    public static final Map<String, Integer> TOPIC_PARTITIONS = Map.of(TRADING_DATA_TOPIC, 4, DEAD_LETTER_TOPIC, 1);
    /** Task slots of the TaskManager: the parallelism of a job submitted with the cluster default. */
    public static final int FLINK_TASK_SLOTS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final Path dataDir;
    private final boolean keepDataDir;
    private final KafkaServer kafka;
    private final CassandraServer cassandra;
    private final MySqlServer mysql;
    private final FlinkSessionCluster flink;
    private final SupersetServer superset;
    private final Thread shutdownHook;
    private final List<Runnable> beforeClose = new ArrayList<>();
    private final List<Runnable> afterClose = new ArrayList<>();
    private boolean closed;
    private List<String> figures = List.of();

    private LocalStack(Path dataDir, boolean keepDataDir, KafkaServer kafka, CassandraServer cassandra,
                       MySqlServer mysql, FlinkSessionCluster flink, SupersetServer superset) {
        this.dataDir = dataDir;
        this.keepDataDir = keepDataDir;
        this.kafka = kafka;
        this.cassandra = cassandra;
        this.mysql = mysql;
        this.flink = flink;
        this.superset = superset;
        this.shutdownHook = new Thread(this::close, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts all three servers. */
    public static LocalStack start() {
        return builder().withKafka().withCassandra().withMySql().start();
    }

    /** For a subset of the servers, fixed ports or a chosen data directory. */
    public static Builder builder() {
        return new Builder();
    }

    public KafkaServer kafka() {
        return require(kafka, "Kafka");
    }

    public CassandraServer cassandra() {
        return require(cassandra, "Cassandra");
    }

    public MySqlServer mysql() {
        return require(mysql, "MySQL");
    }

    public FlinkSessionCluster flink() {
        return require(flink, "Flink");
    }

    public SupersetServer superset() {
        return require(superset, "Superset");
    }

    java.util.Optional<SupersetServer> supersetIfStarted() {
        return java.util.Optional.ofNullable(superset);
    }

    /** Where the servers keep their data, configuration and logs. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Runs {@code task} when the stack closes, also at JVM exit (Ctrl-C, SIGTERM), before any server stops:
     * e.g. stopping a job with a savepoint while its cluster and stores are still up.
     */
    public synchronized void beforeClose(Runnable task) {
        beforeClose.add(task);
    }

    /** Runs {@code task} when the stack has closed, also at JVM exit. */
    public synchronized void afterClose(Runnable task) {
        afterClose.add(task);
    }

    /**
     * Runs the {@link #beforeClose} tasks, stops every server (in parallel), logs their start times and peak
     * memory, deletes the data directory unless it is kept, then runs the {@link #afterClose} tasks.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        beforeClose.forEach(LocalStack::runQuietly);
        List<Runnable> stops = new ArrayList<>();
        List<ServerProcess> processes = new ArrayList<>();
        if (flink != null) {
            stops.add(flink::close);
            processes.addAll(flink.processes());
        }
        if (superset != null) {
            stops.add(superset::stop);
            processes.add(superset.process());
        }
        if (kafka != null) {
            stops.add(kafka::shutDown);
            processes.add(kafka.process());
        }
        if (cassandra != null) {
            stops.add(cassandra::stop);
            processes.add(cassandra.process());
        }
        if (mysql != null) {
            stops.add(mysql::stop);
            processes.add(mysql.process());
        }
        inParallel(stops);
        figures = processes.stream().map(ServerProcess::figures).toList();
        figures.forEach(line -> LOG.info("{}", line));
        deleteDataDir(dataDir, keepDataDir);
        afterClose.forEach(LocalStack::runQuietly);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook is running or about to; close() is idempotent.
            }
        }
    }

    /** After {@link #close()}: per server its start-up time and peak RSS, e.g. "Kafka ready in 3.1 s, peak RSS 410 MB". */
    public synchronized List<String> figures() {
        return figures;
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a task around closing the stack failed", e);
        }
    }

    private static <T> T require(T server, String name) {
        if (server == null) {
            throw new IllegalStateException(name + " is not part of this stack; add it with LocalStack.builder()");
        }
        return server;
    }

    private static void inParallel(List<Runnable> tasks) {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, tasks.size()));
        try {
            CompletableFuture.allOf(tasks.stream().map(task -> CompletableFuture.runAsync(task, executor)
                            .exceptionally(failure -> {
                                LOG.warn("a server did not stop cleanly", failure);
                                return null;
                            }))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            executor.shutdown();
        }
    }

    private static void deleteDataDir(Path dataDir, boolean keep) {
        if (keep) {
            LOG.info("kept the data directory {}", dataDir);
            return;
        }
        try {
            LocalFiles.deleteRecursively(dataDir);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete {}", dataDir, e);
        }
    }

    /** Chooses the servers (at least one) and their settings, then {@link #start()}s them concurrently. */
    public static final class Builder {

        /** Marks a data directory as made by a local stack, so that a later run may wipe it. */
        static final String MARKER = ".trading-local-stack";

        private boolean withKafka;
        private boolean withCassandra;
        private boolean withMySql;
        private boolean withFlink;
        private boolean withSuperset;
        private int supersetPort;
        private int flinkRestPort;
        private int kafkaPort;
        private int cassandraPort;
        private int mySqlPort;
        private Path dataDir;
        private boolean freshData;

        private Builder() {
        }

        public Builder withKafka() {
            withKafka = true;
            return this;
        }

        public Builder withCassandra() {
            withCassandra = true;
            return this;
        }

        public Builder withMySql() {
            withMySql = true;
            return this;
        }

        /** A Flink session cluster (JobManager with web UI + one TaskManager) to submit jobs to with {@code flink run}. */
        public Builder withFlink() {
            withFlink = true;
            return this;
        }

        /** Superset with the trading dashboard, reading the stack's MySQL (which this adds). */
        public Builder withSuperset() {
            withSuperset = true;
            withMySql = true;
            return this;
        }

        /** The Superset web port; 0 (the default) picks a free one. */
        public Builder supersetPort(int port) {
            supersetPort = checkPort(port);
            return this;
        }

        /** The Flink web UI / REST port; 0 (the default) picks a free one. */
        public Builder flinkRestPort(int port) {
            flinkRestPort = checkPort(port);
            return this;
        }

        /** The Kafka broker port; 0 (the default) picks a free one. */
        public Builder kafkaPort(int port) {
            kafkaPort = checkPort(port);
            return this;
        }

        /** The CQL port; 0 (the default) picks a free one. */
        public Builder cassandraPort(int port) {
            cassandraPort = checkPort(port);
            return this;
        }

        /** The MySQL protocol port; 0 (the default) picks a free one. */
        public Builder mySqlPort(int port) {
            mySqlPort = checkPort(port);
            return this;
        }

        /**
         * A data directory of your own instead of a fresh temporary one. It must be empty, missing, or left
         * by an earlier local stack, whose data the servers then carry on with (unless {@link #freshData()});
         * it is kept after close unless told otherwise.
         */
        public Builder dataDir(Path dir) {
            dataDir = dir.toAbsolutePath();
            return this;
        }

        /** Wipe what an earlier local stack left in {@link #dataDir(Path)} instead of carrying on with it. */
        public Builder freshData() {
            freshData = true;
            return this;
        }

        public LocalStack start() {
            if (!withKafka && !withCassandra && !withMySql && !withFlink) {
                throw new IllegalStateException("choose at least one server: withKafka(), withCassandra(), withMySql(), "
                        + "withFlink(), withSuperset()");
            }
            RepositoryFiles repository = withCassandra || withMySql ? RepositoryFiles.locate() : null;
            Path dir = prepareDataDir();
            boolean keep = dataDir != null || Boolean.getBoolean("localstack.keep");
            LOG.info("starting local stack in {}", dir);
            long startedAt = System.nanoTime();

            ExecutorService executor = Executors.newFixedThreadPool(4);
            try {
                CompletableFuture<KafkaServer> kafka = startIf(withKafka, executor, () -> {
                    KafkaServer server = KafkaServer.start(LocalFiles.createDirectories(dir.resolve("kafka")), kafkaPort);
                    TOPIC_PARTITIONS.forEach(server::createTopic);
                    return server;
                });
                CompletableFuture<CassandraServer> cassandra = startIf(withCassandra, executor, () ->
                        CassandraServer.start(LocalFiles.createDirectories(dir.resolve("cassandra")), cassandraPort,
                                repository));
                CompletableFuture<MySqlServer> mysql = startIf(withMySql, executor, () ->
                        MySqlServer.start(LocalFiles.createDirectories(dir.resolve("mariadb")), mySqlPort, repository));
                CompletableFuture<FlinkSessionCluster> flink = startIf(withFlink, executor, () ->
                        FlinkSessionCluster.start(LocalFiles.createDirectories(dir.resolve("flink")), flinkRestPort,
                                FLINK_TASK_SLOTS));
                CompletableFuture<SupersetServer> superset = withSuperset
                        ? mysql.thenApplyAsync(server -> SupersetServer.start(
                                LocalFiles.createDirectories(dir.resolve("superset")), supersetPort, server, repository),
                                executor)
                        : CompletableFuture.completedFuture(null);
                return assemble(dir, keep, startedAt, kafka, cassandra, mysql, flink, superset);
            } finally {
                executor.shutdown();
            }
        }

        private LocalStack assemble(Path dir, boolean keep, long startedAt, CompletableFuture<KafkaServer> kafka,
                                    CompletableFuture<CassandraServer> cassandra, CompletableFuture<MySqlServer> mysql,
                                    CompletableFuture<FlinkSessionCluster> flink,
                                    CompletableFuture<SupersetServer> superset) {
            RuntimeException failure = null;
            for (CompletableFuture<?> server : List.of(kafka, cassandra, mysql, flink, superset)) {
                try {
                    server.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime : new LocalStackStartupException(e.getCause().toString(), e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                // Stop whatever did start, so a failed start leaves no process behind.
                stopStarted(kafka, KafkaServer::shutDown);
                stopStarted(cassandra, CassandraServer::stop);
                stopStarted(mysql, MySqlServer::stop);
                stopStarted(flink, FlinkSessionCluster::close);
                stopStarted(superset, SupersetServer::stop);
                LOG.warn("the local stack did not start; its logs stay in {}", dir);
                throw failure;
            }
            LocalStack stack = new LocalStack(dir, keep, kafka.join(), cassandra.join(), mysql.join(),
                    flink.join(), superset.join());
            LOG.info("local stack started in {} ms (schemas and topics included)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return stack;
        }

        private static <T> CompletableFuture<T> startIf(boolean wanted, ExecutorService executor, Supplier<T> start) {
            return wanted ? CompletableFuture.supplyAsync(start, executor) : CompletableFuture.completedFuture(null);
        }

        private static <T> void stopStarted(CompletableFuture<T> server, Consumer<T> stop) {
            if (server.isDone() && !server.isCompletedExceptionally() && server.join() != null) {
                stop.accept(server.join());
            }
        }

        private Path prepareDataDir() {
            try {
                if (dataDir == null) {
                    Path dir = Files.createTempDirectory("trading-local-stack");
                    Files.createFile(dir.resolve(MARKER));
                    return dir;
                }
                if (Files.isDirectory(dataDir) && !isEmpty(dataDir)) {
                    if (!Files.exists(dataDir.resolve(MARKER))) {
                        throw new IllegalArgumentException("data directory " + dataDir
                                + " is not empty and was not made by a local stack; choose another one");
                    }
                    if (!freshData) {
                        LOG.info("carrying on with the data in {}", dataDir);
                        return dataDir;
                    }
                    LocalFiles.deleteRecursively(dataDir);
                }
                LocalFiles.createDirectories(dataDir);
                Files.createFile(dataDir.resolve(MARKER));
                return dataDir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the data directory", e);
            }
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (var entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            return port;
        }
    }
}
