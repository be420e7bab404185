package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad configuration against real servers: a clear message and exit code 1, in bounded time. */
@ExtendWith(LocalStackExtension.class)
class TickGeneratorFailureIT {

    private static final String EMPTY_DATABASE = "trading_empty";

    private final LocalStack stack;

    TickGeneratorFailureIT(LocalStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    static void createEmptyProfileTable(LocalStack stack) throws SQLException {
        String generator = stack.mysql().generator().user();
        asRoot(stack, "CREATE DATABASE IF NOT EXISTS " + EMPTY_DATABASE,
                "CREATE TABLE IF NOT EXISTS " + EMPTY_DATABASE + ".profile LIKE trading.profile",
                "GRANT SELECT ON " + EMPTY_DATABASE + ".profile TO '" + generator + "'@'%'");
    }

    @AfterAll
    static void dropEmptyProfileTable(LocalStack stack) throws SQLException {
        asRoot(stack, "DROP DATABASE IF EXISTS " + EMPTY_DATABASE);
    }

    @Test
    void emptyProfileTableFailsWithExitOne() {
        String url = stack.mysql().jdbcUrl().replaceFirst("/trading$", "/" + EMPTY_DATABASE);
        List<String> args = GeneratorRun.args(stack, "trading_data", "--count=1", "--mysql-url=" + url);

        GeneratorRun run = GeneratorRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no companies", "is empty");
    }

    @Test
    void unreachableDatabaseFailsAfterTheConfiguredAttempts() throws IOException {
        List<String> args = GeneratorRun.args(stack, "trading_data", "--count=1",
                "--mysql-url=jdbc:mysql://127.0.0.1:" + closedPort() + "/trading",
                "--db-attempts=3", "--db-retry-backoff=100ms");

        long start = System.nanoTime();
        GeneratorRun run = GeneratorRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot read companies", "after 3 attempt(s)");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L).isLessThan(30_000_000_000L);
    }

    @Test
    void stopWhileWaitingForTheDatabaseEndsTheRetries() throws Exception {
        List<String> args = GeneratorRun.args(stack, "trading_data", "--count=1",
                "--mysql-url=jdbc:mysql://127.0.0.1:" + closedPort() + "/trading",
                "--db-attempts=50", "--db-retry-backoff=10s");
        StopSignal stop = new StopSignal();

        long start = System.nanoTime();
        CompletableFuture<GeneratorRun> running = CompletableFuture.supplyAsync(() -> GeneratorRun.of(args, stop));
        Thread.sleep(1_000);
        stop.request();
        GeneratorRun run = running.get(10, TimeUnit.SECONDS);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("stopped while waiting for the database");
        assertThat(System.nanoTime() - start).isLessThan(9_000_000_000L);
    }

    @Test
    void wrongPasswordFailsAtOnce() {
        List<String> args = GeneratorRun.args(stack, "trading_data", "--count=1", "--mysql-generator-password=wrong");

        GeneratorRun run = GeneratorRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot read companies", "after 1 attempt(s)", "Access denied");
    }

    @Test
    void unreachableBrokerFailsWithinTheBlockTimeout() throws IOException {
        List<String> args = GeneratorRun.args(stack, "trading_data", "--count=1",
                "--kafka-bootstrap-servers=127.0.0.1:" + closedPort(), "--max-block=2s", "--delivery-timeout=3s");

        long start = System.nanoTime();
        GeneratorRun run = GeneratorRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot read the last tick id", "within 2 s");
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    }

    @Test
    void unknownFlagIsAUsageError() {
        GeneratorRun run = GeneratorRun.of(GeneratorRun.args(stack, "trading_data", "--frobnicate"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Unknown option: '--frobnicate'", "Usage: tick-generator");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void asRoot(LocalStack stack, String... statements) throws SQLException {
        var root = stack.mysql().root();
        try (Connection connection = DriverManager.getConnection(stack.mysql().jdbcUrl(), root.user(), root.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
