package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.SectorVolume;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Attaches the key and the window bounds to the pre-aggregated totals. */
public class SectorVolumeWindow
        extends ProcessWindowFunction<SectorVolumeAccumulator, SectorVolume, Tuple2<Integer, String>, TimeWindow> {

    @Override
    public void process(Tuple2<Integer, String> key, Context context, Iterable<SectorVolumeAccumulator> totals,
            Collector<SectorVolume> out) {
        SectorVolumeAccumulator acc = totals.iterator().next();
        TimeWindow window = context.window();
        out.collect(new SectorVolume(window.getStart(), window.getEnd(), key.f0, key.f1, acc.getTotalVolume(),
                acc.getTickCount()));
    }
}
