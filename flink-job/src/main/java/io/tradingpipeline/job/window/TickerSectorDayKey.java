package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple3;

/**
 * (trade date as UTC epoch day, ticker, sector). A ticker has one sector, so the sector splits no window;
 * it is in the key because the rows carry it.
 */
public class TickerSectorDayKey implements KeySelector<TickerCandle, Tuple3<Integer, String, String>> {
    @Override
    public Tuple3<Integer, String, String> getKey(TickerCandle candle) {
        return Tuple3.of(candle.getTradeEpochDay(), candle.getTicker(), candle.getSector());
    }
}
