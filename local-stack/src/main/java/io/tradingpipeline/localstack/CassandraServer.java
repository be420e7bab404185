package io.tradingpipeline.localstack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.tradingpipeline.contract.StoreNames;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node Apache Cassandra in a JVM of its own, with the repository's {@code cql/} schema applied. */
public final class CassandraServer extends RestartableServer {

    static final String NAME = "Cassandra";
    private static final Logger LOG = LoggerFactory.getLogger(CassandraServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    private static final String LOCAL_DATACENTER = "datacenter1";

    /** The JPMS flags of Cassandra's own conf/jvm17-server.options (they are not in the jar). */
    private static final List<String> JAVA17_OPTIONS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    private CassandraServer(int port, ServerProcess process) {
        super(port, process, READY_TIMEOUT);
    }

    @Override
    boolean answersQueries() {
        return answersQueries(port());
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public String localDatacenter() {
        return LOCAL_DATACENTER;
    }

    /** The keyspace of the repository's schema. */
    public String keyspace() {
        return StoreNames.CASSANDRA_KEYSPACE;
    }

    /** A new driver session (close it) on this server, without a default keyspace. */
    public CqlSession newSession() {
        return openSession(port());
    }

    static CassandraServer start(Path dir, int requestedPort, RepositoryFiles repository) {
        int port = Ports.resolve(requestedPort);
        CassandraConfig config = CassandraConfig.write(dir, port, Ports.free());
        JavaCommand java = JavaCommand.ofRecordedClasspath("cassandra-server");
        List<String> options = new ArrayList<>(List.of(
                "-Xms512M", "-Xmx512M", "-Xss512k",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:+PerfDisableSharedMem", "-Djava.net.preferIPv4Stack=true",
                "-javaagent:" + java.jar("jamm-"),
                "-Dcassandra.config=" + config.yaml().toUri(),
                "-Dlogback.configurationFile=" + config.logback().toUri(),
                "-Dcassandra.logdir=" + dir,
                "-Dcassandra.storagedir=" + config.storageDir(),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=100"));
        options.addAll(JAVA17_OPTIONS);
        List<String> command = java.jvmOptions(options.toArray(String[]::new)).mainClass(MAIN_CLASS);
        ServerProcess process = ServerProcess.start(NAME, command, Map.of(), dir, dir.resolve("cassandra-console.log"),
                config.log());
        process.awaitReady(READY_TIMEOUT, () -> Ports.isListening(port) && answersQueries(port));
        try {
            applySchema(port, repository);
        } catch (RuntimeException e) {
            throw process.stopBecause("the schema in " + repository.root().resolve("cql") + " failed: " + e.getMessage(), e);
        }
        return new CassandraServer(port, process);
    }

    private static boolean answersQueries(int port) {
        try (CqlSession session = openSession(port)) {
            return session.execute("SELECT release_version FROM system.local").one() != null;
        }
    }

    private static void applySchema(int port, RepositoryFiles repository) {
        try (CqlSession session = openSession(port)) {
            for (Path script : repository.cqlScripts()) {
                for (String statement : CqlStatements.split(repository.read(script))) {
                    session.execute(statement);
                }
                LOG.info("applied {}", script);
            }
        }
    }

    private static CqlSession openSession(int port) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                // Back within 2 s of a restart, not after the driver's default backoff of up to a minute.
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(Ports.LOOPBACK, port))
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(config)
                .build();
    }
}
