package io.tradingpipeline.job.sink;

import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.TypeCodec;
import io.tradingpipeline.job.model.Tick;
import java.util.Date;
import org.apache.flink.cassandra.shaded.com.google.common.util.concurrent.ListenableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.connectors.cassandra.AbstractCassandraTupleSink;
import org.apache.flink.streaming.connectors.cassandra.CassandraSinkBaseConfig;
import org.apache.flink.streaming.connectors.cassandra.ClusterBuilder;
import org.apache.flink.streaming.connectors.cassandra.NoOpCassandraFailureHandler;

/**
 * Binds each tick to {@link CassandraTickSink#INSERT} with the column's codec named, and sends it through the
 * connector's sink base (bounded in-flight requests, flush on checkpoint, failure on an async error). The
 * connector's tuple sink binds {@code Object...}, which makes the driver look up a codec for every value by its
 * class; that lookup was the largest single cost of the job's CPU under load.
 */
class TickUpsertFunction extends AbstractCassandraTupleSink<Tick> {

    private final String insert;
    private transient PreparedStatement upsert;

    TickUpsertFunction(String insert, ClusterBuilder cluster, int maxConcurrentRequests) {
        super(insert, cluster, CassandraSinkBaseConfig.newBuilder().setMaxConcurrentRequests(maxConcurrentRequests)
                .build(), new NoOpCassandraFailureHandler());
        this.insert = insert;
    }

    @Override
    public void open(Configuration configuration) {
        super.open(configuration);
        upsert = session.prepare(insert);
    }

    @Override
    public ListenableFuture<ResultSet> send(Tick tick) {
        return session.executeAsync(upsert.bind()
                .set(0, tick.id(), TypeCodec.bigint())
                .set(1, new Date(tick.createdAtMillis()), TypeCodec.timestamp())
                .set(2, tick.ticker(), TypeCodec.varchar())
                .set(3, tick.sector(), TypeCodec.varchar())
                .set(4, tick.volume(), TypeCodec.bigint())
                .set(5, tick.marketCap(), TypeCodec.bigint())
                .set(6, tick.price(), TypeCodec.decimal()));
    }

    /** Not called: {@link #send(Tick)} binds the values itself. */
    @Override
    protected Object[] extract(Tick tick) {
        throw new UnsupportedOperationException("ticks are bound by send(Tick)");
    }
}
