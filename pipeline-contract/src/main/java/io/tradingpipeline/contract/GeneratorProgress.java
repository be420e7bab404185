package io.tradingpipeline.contract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the tick generator has sent so far, as it writes it to its {@code --progress-file} (a JSON object, replaced
 * atomically at every progress line and at the end) for programs to read; the stderr lines are for people. Written
 * and read with Jackson's streaming API, the only part of Jackson the generator ships.
 *
 * @param finished whether this is the final count of the run
 */
public record GeneratorProgress(long sentRounds, long sentTicks, long acknowledgedTicks, long failedRounds,
                                boolean finished) {

    private static final JsonFactory JSON = new JsonFactory();

    public void writeTo(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (JsonGenerator json = JSON.createGenerator(partial.toFile(), JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeNumberField("sentRounds", sentRounds);
                json.writeNumberField("sentTicks", sentTicks);
                json.writeNumberField("acknowledgedTicks", acknowledgedTicks);
                json.writeNumberField("failedRounds", failedRounds);
                json.writeBooleanField("finished", finished);
                json.writeEndObject();
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the progress to " + file, e);
        }
    }

    /** The progress in {@code file}; empty before the generator first wrote it. */
    public static Optional<GeneratorProgress> readFrom(Path file) {
        try (JsonParser json = JSON.createParser(Files.readAllBytes(file))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            Map<String, Long> counts = new HashMap<>();
            boolean finished = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("finished")) {
                    finished = value == JsonToken.VALUE_TRUE;
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    counts.put(name, json.getLongValue());
                } else {
                    json.skipChildren();
                }
            }
            return Optional.of(new GeneratorProgress(count(counts, "sentRounds"), count(counts, "sentTicks"),
                    count(counts, "acknowledgedTicks"), count(counts, "failedRounds"), finished));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's progress in " + file, e);
        }
    }

    private static long count(Map<String, Long> counts, String name) throws IOException {
        Long count = counts.get(name);
        if (count == null) {
            throw new IOException("no " + name);
        }
        return count;
    }
}
