package io.tradingpipeline.localstack;

import static io.tradingpipeline.localstack.ProcessAssertions.assertProcessesEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stack of its own (not the shared one), with every server including Flink, so that it can be stopped here. */
class LocalStackShutdownIT {

    @Test
    void closeLeavesNoProcessPortOrDirectoryBehind() throws Exception {
        LocalStack stack = LocalStack.builder().withKafka().withCassandra().withMySql().withFlink().start();
        List<Long> pids = new ArrayList<>(List.of(
                stack.kafka().pid(), stack.cassandra().pid(), stack.mysql().pid(),
                stack.kafka().process().watchdogPid(), stack.cassandra().process().watchdogPid(),
                stack.mysql().process().watchdogPid()));
        for (ServerProcess flinkProcess : stack.flink().processes()) {
            pids.add(flinkProcess.pid());
            pids.add(flinkProcess.watchdogPid());
        }
        List<Integer> ports = List.of(stack.kafka().port(), stack.cassandra().port(), stack.mysql().port(),
                stack.flink().restPort());
        Path dataDir = stack.dataDir();
        assertThat(pids).allMatch(ProcessAssertions::isAlive);
        assertThat(ports).allMatch(Ports::isListening);
        assertThat(stack.flink().rest("/overview"))
                .contains("\"taskmanagers\":1", "\"slots-total\":2", "\"flink-version\":\"1.20.5\"");

        stack.close();

        assertProcessesEnd(pids, Duration.ofSeconds(2));
        ports.forEach(ProcessAssertions::assertPortFree);
        assertThat(dataDir).doesNotExist();
        assertThat(stack.figures()).hasSize(5)
                .allSatisfy(line -> assertThat(line).containsPattern("ready in \\d+\\.\\d s, peak RSS \\d+ MB"));
    }
}
