package io.tradingpipeline.job.sink;

import io.tradingpipeline.contract.StoreNames;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.model.Tick;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Upserts raw ticks into {@code real_time_data} by id.
 *
 * <p>No write-ahead log: the sink is at-least-once (it flushes pending writes on every checkpoint and a
 * restore replays from the last checkpoint), and an upsert of every column by primary key is idempotent,
 * so a replayed tick rewrites the identical row — effectively exactly-once without the WAL's cost.
 */
public class CassandraTickSink implements StreamSink<Tick> {
    static final String INSERT = "INSERT INTO %s.real_time_data "
            + "(id, created_at, ticker, sector, volume, market_cap, price) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final CassandraConnection connection;
    private final String keyspace;
    private final int maxConcurrentRequests;

    public CassandraTickSink(CassandraConnection connection, String keyspace, int maxConcurrentRequests) {
        this.connection = connection;
        this.keyspace = keyspace;
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public static CassandraTickSink from(JobConfig config) {
        return new CassandraTickSink(
                new CassandraConnection(config.cassandraContactPoints(), config.cassandraPort(),
                        config.cassandraLocalDatacenter(), config.cassandraUsername(), config.cassandraPassword()),
                StoreNames.CASSANDRA_KEYSPACE, config.cassandraMaxConcurrentRequests());
    }

    @Override
    public void attach(DataStream<Tick> ticks, String name, String uid) {
        ticks.addSink(new TickUpsertFunction(String.format(INSERT, keyspace), connection, maxConcurrentRequests))
                .name(name)
                .uid(uid);
    }
}
