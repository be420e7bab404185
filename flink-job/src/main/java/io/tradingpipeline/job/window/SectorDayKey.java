package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;

/** (trade date as UTC epoch day, sector). */
public class SectorDayKey implements KeySelector<TickerCandle, Tuple2<Integer, String>> {
    @Override
    public Tuple2<Integer, String> getKey(TickerCandle candle) {
        return Tuple2.of(candle.getTradeEpochDay(), candle.getSector());
    }
}
