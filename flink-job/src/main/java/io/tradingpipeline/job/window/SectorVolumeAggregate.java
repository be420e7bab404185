package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.TickerCandle;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums the volume and tick counts of the sector's pre-aggregated candles, incrementally. */
public class SectorVolumeAggregate
        implements AggregateFunction<TickerCandle, SectorVolumeAccumulator, SectorVolumeAccumulator> {

    @Override
    public SectorVolumeAccumulator createAccumulator() {
        return new SectorVolumeAccumulator();
    }

    @Override
    public SectorVolumeAccumulator add(TickerCandle candle, SectorVolumeAccumulator acc) {
        acc.setTotalVolume(acc.getTotalVolume() + candle.getTotalVolume());
        acc.setTickCount(acc.getTickCount() + candle.getTickCount());
        return acc;
    }

    @Override
    public SectorVolumeAccumulator getResult(SectorVolumeAccumulator acc) {
        return acc;
    }

    @Override
    public SectorVolumeAccumulator merge(SectorVolumeAccumulator a, SectorVolumeAccumulator b) {
        a.setTotalVolume(a.getTotalVolume() + b.getTotalVolume());
        a.setTickCount(a.getTickCount() + b.getTickCount());
        return a;
    }
}
