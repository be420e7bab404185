package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorProgressTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBackAndReplacedWhole() throws Exception {
        Path file = dir.resolve("progress.json");
        assertThat(GeneratorProgress.readFrom(file)).isEmpty();

        new GeneratorProgress(3, 30, 20, 1, false).writeTo(file);
        new GeneratorProgress(12, 120, 120, 0, true).writeTo(file);

        assertThat(GeneratorProgress.readFrom(file)).contains(new GeneratorProgress(12, 120, 120, 0, true));
        assertThat(Files.readString(file)).isEqualTo("{\"sentRounds\":12,\"sentTicks\":120,"
                + "\"acknowledgedTicks\":120,\"failedRounds\":0,\"finished\":true}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFileThatIsNoProgressIsNamedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("progress.json"), "{\"sentRounds\":1}");

        assertThatThrownBy(() -> GeneratorProgress.readFrom(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString()).hasRootCauseMessage("no sentTicks");
    }
}
