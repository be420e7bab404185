package io.tradingpipeline.job;

import io.tradingpipeline.contract.MissingSettingException;
import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.KafkaMessageSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.ParameterException;

/** Entry point for {@code flink run flink-job.jar [options]}; {@code --help} lists the options. */
public final class TradingJobMain {
    private TradingJobMain() {}

    public static void main(String[] args) throws Exception {
        JobConfig config;
        try {
            config = JobConfig.parse(args);
        } catch (MissingSettingException e) {
            System.err.println("flink-job: " + e.getMessage());
            System.exit(2);
            return;
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.print(JobConfig.usage());
            System.exit(2);
            return;
        }
        if (config.helpRequested()) {
            System.out.print(JobConfig.usage());
            return;
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobExecutionSettings.apply(env, config);
        TradingJob.defineWorkflow(env, KafkaMessageSource.create(config), JobSinks.production(config),
                config.topologySettings());
        env.execute("Trading analytics");
    }
}
