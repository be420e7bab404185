package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.DeadLetter;

/** The outputs of the topology. */
public record JobSinks(
        StreamSink<Tick> rawTicks,
        StreamSink<SectorVolume> sectorVolumes,
        StreamSink<TickerWindowStats> tickerStats,
        StreamSink<DeadLetter> deadLetters,
        StreamSink<MessageWindowStats> messageStats,
        StreamSink<RejectionWindowStats> rejectionStats) {

    /** Cassandra, MySQL and Kafka, as configured. */
    public static JobSinks production(JobConfig config) {
        return new JobSinks(
                CassandraTickSink.from(config),
                StreamSink.of(MySqlSinks.aggregatedData(config)),
                StreamSink.of(MySqlSinks.tickerWindowStats(config)),
                StreamSink.of(DeadLetterSinks.kafka(config)),
                StreamSink.of(MySqlSinks.messageWindowStats(config)),
                StreamSink.of(MySqlSinks.rejectionWindowStats(config)));
    }

    /** The same outputs, with the window rows of {@code aggregated_data} going to {@code sectorVolumes}. */
    public JobSinks withSectorVolumes(StreamSink<SectorVolume> sectorVolumes) {
        return new JobSinks(rawTicks, sectorVolumes, tickerStats, deadLetters, messageStats, rejectionStats);
    }
}
