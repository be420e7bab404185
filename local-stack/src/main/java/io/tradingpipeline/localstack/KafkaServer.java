package io.tradingpipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller) in a JVM of its own; it can be
 * stopped or killed and started again on its port and data ({@link RestartableServer}).
 */
public final class KafkaServer extends RestartableServer {

    static final String NAME = "Kafka";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final Admin admin;

    private KafkaServer(int port, ServerProcess process, Admin admin) {
        super(port, process, READY_TIMEOUT);
        this.admin = admin;
    }

    @Override
    boolean answersQueries() throws Exception {
        return hasBroker(admin);
    }

    /** Host and port for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port();
    }

    /** Creates a topic with replication factor 1; does nothing if it exists already. */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** Stops the broker for good, when its stack closes (unlike {@link #stop()}, an outage). */
    void shutDown() {
        admin.close(Duration.ofSeconds(5));
        stop();
    }

    static KafkaServer start(Path dir, int requestedPort) {
        int port = Ports.resolve(requestedPort);
        int controllerPort = Ports.free();
        Path config = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j.properties");
        Path log = dir.resolve("kafka.log");
        LocalFiles.write(config, serverProperties(dir.resolve("data"), port, controllerPort));
        LocalFiles.write(log4j, """
                log4j.rootLogger=INFO, stdout
                log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                log4j.logger.kafka.request.logger=WARN
                log4j.logger.state.change.logger=WARN
                """);
        JavaCommand java = JavaCommand.ofRecordedClasspath("kafka-server").jvmOptions(
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j.configuration=" + log4j.toUri(), "-Dkafka.logs.dir=" + dir);

        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            formatStorage(java, config, dir.resolve("kafka-format.log"));
        }
        ServerProcess process = ServerProcess.start(NAME, java.mainClass(MAIN_CLASS, config.toString()), Map.of(),
                dir, log);
        // The admin client only once the port is open: it logs every refused connection.
        AtomicReference<Admin> admin = new AtomicReference<>();
        try {
            process.awaitReady(READY_TIMEOUT, () -> {
                if (!Ports.isListening(port)) {
                    return false;
                }
                if (admin.get() == null) {
                    admin.set(newAdmin(port));
                }
                return hasBroker(admin.get());
            });
        } catch (RuntimeException e) {
            if (admin.get() != null) {
                admin.get().close(Duration.ZERO);
            }
            throw e;
        }
        return new KafkaServer(port, process, admin.get());
    }

    private static boolean hasBroker(Admin admin) throws Exception {
        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
    }

    private static Admin newAdmin(int port) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ports.LOOPBACK + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }

    private static String serverProperties(Path dataDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port
                + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dataDir.toString());
        properties.put("num.partitions", "1");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "4");
        // Flink's exactly-once Kafka sink opens transactions that live for up to a checkpoint interval or more.
        properties.put("transaction.max.timeout.ms", Long.toString(Duration.ofHours(1).toMillis()));
        properties.put("group.initial.rebalance.delay.ms", "0");
        StringBuilder text = new StringBuilder();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> text.append(key).append('=').append(properties.getProperty(key)).append('\n'));
        return text.toString();
    }

    /** KRaft storage must be formatted with a cluster id before the first start (and only then: the id is kept). */
    private static void formatStorage(JavaCommand java, Path config, Path log) {
        List<String> command = java.mainClass(STORAGE_TOOL, "format", "--ignore-formatted",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        ServerProcess format = ServerProcess.start(NAME + " storage format", command, Map.of(),
                config.getParent(), log);
        if (!format.waitForExit(READY_TIMEOUT)) {
            throw format.stopBecause("storage format did not finish within " + READY_TIMEOUT.toSeconds() + " s", null);
        }
        if (format.exitCode() != 0) {
            throw format.stopBecause("storage format exited with code " + format.exitCode(), null);
        }
    }
}
