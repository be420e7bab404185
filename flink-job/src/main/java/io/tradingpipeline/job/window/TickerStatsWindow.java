package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a finished candle into a row: window bounds, key, OHLC, volume and VWAP. */
public class TickerStatsWindow extends
        ProcessWindowFunction<TickerCandle, TickerWindowStats, Tuple3<Integer, String, String>, TimeWindow> {
    /** Scale of the DECIMAL(18,4) price columns. */
    static final int PRICE_SCALE = 4;

    @Override
    public void process(Tuple3<Integer, String, String> key, Context context,
            Iterable<TickerCandle> candles, Collector<TickerWindowStats> out) {
        TickerCandle acc = candles.iterator().next();
        TimeWindow window = context.window();
        out.collect(new TickerWindowStats(window.getStart(), window.getEnd(), key.f0, key.f1, key.f2,
                acc.getOpenPrice(), acc.getHighPrice(), acc.getLowPrice(), acc.getClosePrice(), acc.getTotalVolume(),
                vwap(acc), acc.getTickCount()));
    }

    /** Volume-weighted average price; a window that traded no volume falls back to the mean price. */
    static BigDecimal vwap(TickerCandle acc) {
        if (acc.getTotalVolume() == 0) {
            return acc.getPriceSum().divide(BigDecimal.valueOf(acc.getTickCount()), PRICE_SCALE, RoundingMode.HALF_UP);
        }
        return acc.getTurnover().divide(BigDecimal.valueOf(acc.getTotalVolume()), PRICE_SCALE, RoundingMode.HALF_UP);
    }
}
