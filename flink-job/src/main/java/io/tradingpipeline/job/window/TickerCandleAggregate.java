package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Merges the pre-aggregated candles of one (date, ticker) into the window's candle, incrementally. */
public class TickerCandleAggregate implements AggregateFunction<TickerCandle, TickerCandle, TickerCandle> {

    @Override
    public TickerCandle createAccumulator() {
        return new TickerCandle();
    }

    @Override
    public TickerCandle add(TickerCandle candle, TickerCandle acc) {
        acc.merge(candle);
        return acc;
    }

    @Override
    public TickerCandle getResult(TickerCandle acc) {
        return acc;
    }

    @Override
    public TickerCandle merge(TickerCandle a, TickerCandle b) {
        a.merge(b);
        return a;
    }
}
