package io.tradingpipeline.job.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.localstack.CassandraServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's ceiling: tick rows written by a bare asynchronous loader (prepared INSERT, a bounded number of
 * requests in flight) into a copy of {@code trading.real_time_data} in a keyspace of its own, so that the
 * pipeline's table is not touched. The copy is made from the table's own {@code DESCRIBE}, so it has the same
 * columns and options.
 */
final class CassandraLoader {
    private static final String KEYSPACE = "trading_loader";

    private CassandraLoader() {}

    /** Rows per second, and the cores each watched process used meanwhile. */
    record Result(double rowsPerSecond, Map<String, Double> cores) {}

    /**
     * A session with {@code connections} connections to the server, like the job's sink with one connection per
     * subtask: the server decodes and encodes each connection's requests on one event-loop thread.
     */
    static CqlSession session(CassandraServer cassandra, int connections) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, connections)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
    }

    /**
     * Writes {@code rows} tick rows (after a warm-up of a fifth as many) and measures them, with the CPU of the
     * processes in {@code pids}.
     */
    static Result run(CqlSession session, int rows, int inFlight, Map<String, Long> pids) throws InterruptedException {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        String table = session.execute("DESCRIBE TABLE trading.real_time_data").one().getString("create_statement");
        session.execute(table.replace("trading.real_time_data", KEYSPACE + ".real_time_data"));
        try {
            PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + ".real_time_data "
                    + "(id, created_at, ticker, sector, volume, market_cap, price) VALUES (?, ?, ?, ?, ?, ?, ?)");
            write(session, insert, ticks(1, rows / 5), inFlight);
            List<ExpectedTick> ticks = ticks(1_000_000_000L, rows);
            ProcessCpu.Snapshot before = ProcessCpu.Snapshot.of(pids);
            write(session, insert, ticks, inFlight);
            ProcessCpu.Snapshot after = ProcessCpu.Snapshot.of(pids);
            return new Result(ticks.size() / ((after.nanoTime() - before.nanoTime()) / 1e9), after.coresSince(before));
        } finally {
            session.execute("DROP KEYSPACE " + KEYSPACE);
        }
    }

    private static List<ExpectedTick> ticks(long firstId, int count) {
        GeneratedTicks generated = new GeneratedTicks(firstId);
        for (int i = 0; i < count; i += GeneratedTicks.TICKS_PER_MESSAGE) {
            generated.nextMessage();
        }
        return new ArrayList<>(generated.ticksById().values());
    }

    private static void write(CqlSession session, PreparedStatement insert, List<ExpectedTick> ticks, int inFlight)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong failed = new AtomicLong();
        for (ExpectedTick tick : ticks) {
            permits.acquire();
            session.executeAsync(insert.bind(tick.id(), tick.createdAt(), tick.ticker(), tick.sector(), tick.volume(),
                    tick.marketCap(), tick.price())).whenComplete((result, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                            failure.compareAndSet(null, error);
                        }
                        permits.release();
                    });
        }
        permits.acquire(inFlight);
        if (failure.get() != null) {
            throw new IllegalStateException(failed.get() + " loader writes failed", failure.get());
        }
    }
}
