package io.tradingpipeline.job;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.TickExplodeFunction;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.window.AllMessagesKey;
import io.tradingpipeline.job.window.MessageCountAggregate;
import io.tradingpipeline.job.window.MessageCountBundleOperator;
import io.tradingpipeline.job.window.MessageCounts;
import io.tradingpipeline.job.window.MessageStatsWindow;
import io.tradingpipeline.job.window.SectorDayKey;
import io.tradingpipeline.job.window.SectorVolumeAggregate;
import io.tradingpipeline.job.window.SectorVolumeWindow;
import io.tradingpipeline.job.window.TickBundleOperator;
import io.tradingpipeline.job.window.TickerCandleAggregate;
import io.tradingpipeline.job.window.TickerSectorDayKey;
import io.tradingpipeline.job.window.TickerStatsWindow;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;

/** The topology, independent of where messages come from and where results go. */
public final class TradingJob {
    /** Bounds of a pre-aggregation bundle; small against any sensible window. */
    static final Duration MAX_BUNDLE_DELAY = Duration.ofMillis(100);
    static final int MAX_TICKS_PER_BUNDLE = 5_000;

    private TradingJob() {}

    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawMessage, ?, ?> source,
            JobSinks sinks, TopologySettings settings) {
        DataStream<RawMessage> messages = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "Tick messages (" + settings.topic() + ")")
                .uid("tick-message-source");

        SingleOutputStreamOperator<Tick> ticks = messages
                .process(new TickExplodeFunction(settings.maxMessageBytes()))
                .name("Parse and validate ticks")
                .uid("parse-ticks");
        sinks.deadLetters().attach(ticks.getSideOutput(TickExplodeFunction.DEAD_LETTERS),
                "Dead letters to Kafka (" + settings.deadLetterTopic() + ")", "dead-letter-sink");
        sinks.rawTicks().attach(ticks, "Raw ticks to Cassandra (real_time_data)", "raw-tick-sink");

        DataStream<TickerCandle> candles = ticks
                .transform("Pre-aggregate ticks per ticker", TypeInformation.of(TickerCandle.class),
                        new TickBundleOperator(bundleDelay(settings.windowSize()), MAX_TICKS_PER_BUNDLE))
                .uid("tick-bundles");

        TumblingProcessingTimeWindows windows = TumblingProcessingTimeWindows.of(settings.windowSize());
        DataStream<SectorVolume> sectorVolumes = candles
                .keyBy(new SectorDayKey())
                .window(windows)
                .aggregate(new SectorVolumeAggregate(), new SectorVolumeWindow())
                .name("Volume per date and sector")
                .uid("sector-volume-window");
        sinks.sectorVolumes().attach(sectorVolumes, "Sector volumes to MySQL (aggregated_data)",
                "sector-volume-mysql-sink");

        DataStream<TickerWindowStats> tickerStats = candles
                .keyBy(new TickerSectorDayKey())
                .window(windows)
                .aggregate(new TickerCandleAggregate(), new TickerStatsWindow())
                .name("Candle per date and ticker")
                .uid("ticker-stats-window");
        sinks.tickerStats().attach(tickerStats, "Ticker candles to MySQL (ticker_window_stats)",
                "ticker-stats-mysql-sink");

        countMessages(ticks, sinks, settings);
    }

    /** Data quality per processing-time window: messages read, ticks parsed, messages dead-lettered and why. */
    private static void countMessages(SingleOutputStreamOperator<Tick> parsed, JobSinks sinks,
            TopologySettings settings) {
        SingleOutputStreamOperator<MessageWindowStats> messageStats = parsed
                .getSideOutput(TickExplodeFunction.MESSAGE_OUTCOMES)
                .transform("Pre-aggregate message outcomes", TypeInformation.of(MessageCounts.class),
                        new MessageCountBundleOperator(bundleDelay(settings.windowSize())))
                .uid("message-count-bundles")
                .keyBy(new AllMessagesKey())
                .window(TumblingProcessingTimeWindows.of(settings.windowSize()))
                .aggregate(new MessageCountAggregate(), new MessageStatsWindow())
                .name("Messages per window")
                .uid("message-stats-window");
        sinks.messageStats().attach(messageStats, "Message counts to MySQL (message_window_stats)",
                "message-stats-mysql-sink");
        sinks.rejectionStats().attach(messageStats.getSideOutput(MessageStatsWindow.REJECTIONS),
                "Rejections to MySQL (rejection_window_stats)", "rejection-stats-mysql-sink");
    }

    /** At most a tenth of the window, so bundling shifts few ticks into the next window. */
    private static Duration bundleDelay(Duration windowSize) {
        Duration tenth = windowSize.dividedBy(10);
        return tenth.compareTo(MAX_BUNDLE_DELAY) < 0 ? tenth : MAX_BUNDLE_DELAY;
    }
}
