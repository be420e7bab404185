package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple3;

/** (trade date as UTC epoch day, ticker, sector). */
public class TickerDayKey implements KeySelector<TickerCandle, Tuple3<Integer, String, String>> {
    @Override
    public Tuple3<Integer, String, String> getKey(TickerCandle candle) {
        return Tuple3.of(candle.getTradeEpochDay(), candle.getTicker(), candle.getSector());
    }
}
