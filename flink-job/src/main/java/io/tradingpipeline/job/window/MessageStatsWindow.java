package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.parse.RejectionCategory;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a window's message counts into its {@code message_window_stats} row and, in the {@link #REJECTIONS} side
 * output, one {@code rejection_window_stats} row per category that dead-lettered any message.
 */
public class MessageStatsWindow extends ProcessWindowFunction<MessageCounts, MessageWindowStats, Byte, TimeWindow> {
    public static final OutputTag<RejectionWindowStats> REJECTIONS =
            new OutputTag<>("rejections", TypeInformation.of(RejectionWindowStats.class));
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    @Override
    public void process(Byte key, Context context, Iterable<MessageCounts> totals, Collector<MessageWindowStats> out) {
        MessageCounts counts = totals.iterator().next();
        TimeWindow window = context.window();
        int epochDay = Math.toIntExact(Math.floorDiv(window.getStart(), DAY_MILLIS));
        out.collect(new MessageWindowStats(window.getStart(), window.getEnd(), epochDay, counts.getMessagesRead(),
                counts.getTicksParsed(), counts.getMessagesDeadLettered(), counts.getTicksRejected()));
        for (RejectionCategory category : RejectionCategory.values()) {
            long messages = counts.deadLettered(category);
            if (messages > 0) {
                context.output(REJECTIONS, new RejectionWindowStats(window.getStart(), window.getEnd(), epochDay,
                        category, messages));
            }
        }
    }
}
