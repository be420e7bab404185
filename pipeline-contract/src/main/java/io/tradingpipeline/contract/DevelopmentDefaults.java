package io.tradingpipeline.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The development defaults of the {@link Setting settings}: the repository's {@code .env} (the file docker
 * compose reads), of which every program carries a copy made at build time.
 */
public final class DevelopmentDefaults {

    private static final String BUNDLED = ".env";

    private final Map<String, String> values;

    private DevelopmentDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The copy of {@code .env} inside this jar. */
    public static DevelopmentDefaults bundled() {
        try (InputStream in = DevelopmentDefaults.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its copy of the repository's .env");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development defaults", e);
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
