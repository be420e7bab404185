package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.GeneratorProgress;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.LocalStackExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as users run it: SIGTERM flushes, prints the totals, writes the final progress and exits 0. */
@ExtendWith(LocalStackExtension.class)
class TickGeneratorJarIT {

    private final LocalStack stack;

    TickGeneratorJarIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void sigtermFlushesWritesTheFinalProgressForProgramsAndExitsZero(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("tickGenerator.jar", "target/tick-generator.jar"));
        assertThat(jar).exists();
        String topic = GeneratorRun.freshTopic(stack);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        Path progressFile = dir.resolve("progress.json");
        command.addAll(GeneratorRun.args(stack, topic, "--interval=100ms", "--progress-interval=1s",
                "--progress-file=" + progressFile));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();

        StringBuilder output = new StringBuilder();
        AtomicBoolean progressSeen = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("progress:")) {
                        progressSeen.set(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!progressSeen.get() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(progressSeen).as("progress line in\n%s", output).isTrue();
            // SIGTERM; Process.destroy() would also close our end of the output pipe.
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);

            GeneratorRun run;
            synchronized (output) {
                run = new GeneratorRun(process.exitValue(), output.toString());
            }
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.sentRounds()).isPositive();
            assertThat(TopicContents.read(stack.kafka().bootstrapServers(), topic)).hasSize((int) run.sentRounds());
            assertThat(GeneratorProgress.readFrom(progressFile)).hasValueSatisfying(progress -> {
                assertThat(progress.sentRounds()).isEqualTo(run.sentRounds());
                assertThat(progress.finished()).isTrue();
            });
        } finally {
            process.destroyForcibly();
        }
    }
}
