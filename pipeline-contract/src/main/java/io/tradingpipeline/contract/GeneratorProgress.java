package io.tradingpipeline.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What the tick generator has sent so far, as it writes it to its {@code --progress-file} (JSON, replaced
 * atomically at every progress line and at the end) for programs to read; the stderr lines are for people.
 *
 * @param finished whether this is the final count of the run
 */
public record GeneratorProgress(long sentRounds, long sentTicks, long acknowledgedTicks, long failedRounds,
                                boolean finished) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public void writeTo(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            JSON.writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the progress to " + file, e);
        }
    }

    /** The progress in {@code file}; empty before the generator first wrote it. */
    public static Optional<GeneratorProgress> readFrom(Path file) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), GeneratorProgress.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's progress in " + file, e);
        }
    }
}
