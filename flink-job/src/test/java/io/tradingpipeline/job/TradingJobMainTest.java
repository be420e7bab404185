package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as users meet it: a JVM of its own, exit codes and output streams. */
class TradingJobMainTest {

    private record Result(int exitCode, String stdout, String stderr) {}

    @Test
    void unknownOptionPrintsTheProblemAndUsageAndExits2() throws Exception {
        Result result = run("--windw-size", "10s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option").contains("'--windw-size'").contains("Usage:");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void malformedValueNamesTheOptionAndExits2() throws Exception {
        Result result = run("--checkpoint-interval", "often");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--checkpoint-interval").contains("often").contains("Usage:");
    }

    @Test
    void helpListsTheOptionsAndExits0() throws Exception {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--kafka-bootstrap-servers", "--mysql-writer-password", "MYSQL_WRITER_PASSWORD");
    }

    @Test
    void withoutTheMySqlPasswordItNamesTheVariableAndTheFlagOnOneLineAndExits2() throws Exception {
        Result result = run("--window-size", "10s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("flink-job: MYSQL_WRITER_PASSWORD is not set: export "
                + "MYSQL_WRITER_PASSWORD or pass --mysql-writer-password" + System.lineSeparator());
        assertThat(result.stdout()).isEmpty();
    }

    /** Runs the main class with the process environment minus the secrets, as on a cluster that sets none. */
    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TradingJobMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> Setting.named(name).filter(Setting::isSecret).isPresent());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not exit");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
