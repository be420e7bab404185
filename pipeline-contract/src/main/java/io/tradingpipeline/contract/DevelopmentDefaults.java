package io.tradingpipeline.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Development values as the repository's {@code .env} holds them (the file docker compose reads): the secrets that
 * the local stack, compose and the tests pass to the programs explicitly. No program carries a copy.
 */
public final class DevelopmentDefaults {

    private final Map<String, String> values;

    private DevelopmentDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The file {@code dotEnv}. */
    public static DevelopmentDefaults read(Path dotEnv) {
        try {
            return parse(Files.readString(dotEnv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development values in " + dotEnv, e);
        }
    }

    /** {@code KEY=value} lines as docker compose reads them: {@code #} comments, optional quotes. */
    public static DevelopmentDefaults parse(String dotEnv) {
        Map<String, String> values = new HashMap<>();
        for (String line : dotEnv.split("\\R")) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                continue;
            }
            values.put(trimmed.substring(0, equals).strip(), unquote(trimmed.substring(equals + 1).strip()));
        }
        return new DevelopmentDefaults(values);
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> get(Setting setting) {
        return get(setting.name());
    }

    public Map<String, String> asMap() {
        return values;
    }
}
