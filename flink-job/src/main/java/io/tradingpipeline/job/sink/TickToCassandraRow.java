package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.model.Tick;
import java.math.BigDecimal;
import java.util.Date;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple7;

/** Column values of {@link CassandraTickSink#INSERT}, in order; every column, every time. */
public class TickToCassandraRow
        implements MapFunction<Tick, Tuple7<Long, Date, String, String, Long, Long, BigDecimal>> {

    @Override
    public Tuple7<Long, Date, String, String, Long, Long, BigDecimal> map(Tick tick) {
        return Tuple7.of(tick.id(), new Date(tick.createdAtMillis()), tick.ticker(), tick.sector(), tick.volume(),
                tick.marketCap(), tick.price());
    }
}
