package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.DevelopmentDefaults;
import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's schema scripts ({@code sql/}, {@code cql/}) and its {@code .env} development defaults.
 * Found by walking up from the working directory, or at {@value #OVERRIDE} (system property or environment).
 */
final class RepositoryFiles {

    static final String OVERRIDE = "TRADING_REPO_DIR";

    private final Path root;
    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;

    RepositoryFiles(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
        this.dotEnv = readDotEnv(root.resolve(".env"));
    }

    static RepositoryFiles locate() {
        String override = Optional.ofNullable(System.getProperty(OVERRIDE)).orElse(System.getenv(OVERRIDE));
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override).toAbsolutePath();
            if (!isRepositoryRoot(root)) {
                throw new IllegalStateException(OVERRIDE + "=" + override + " has no sql/, cql/ and pom.xml");
            }
            return new RepositoryFiles(root, System.getenv());
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                return new RepositoryFiles(dir, System.getenv());
            }
        }
        throw new IllegalStateException("no directory with sql/, cql/ and pom.xml at or above " + start
                + "; run from inside the repository or set " + OVERRIDE);
    }

    private static boolean isRepositoryRoot(Path dir) {
        return Files.isDirectory(dir.resolve("sql")) && Files.isDirectory(dir.resolve("cql"))
                && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    Path root() {
        return root;
    }

    List<Path> sqlScripts() {
        return scripts("sql", ".sql");
    }

    List<Path> cqlScripts() {
        return scripts("cql", ".cql");
    }

    String setting(Setting setting) {
        return setting(setting.name());
    }

    /** The environment variable {@code name}, else its development default from {@code .env}. */
    String setting(String name) {
        String value = environment.get(name);
        if (value == null) {
            value = dotEnv.get(name);
        }
        if (value == null) {
            throw new IllegalStateException(name + " is set neither in the environment nor in " + root.resolve(".env"));
        }
        return value;
    }

    /** {@code text} with every {@code ${NAME}} replaced by {@link #setting(String) setting(NAME)}. */
    String fillPlaceholders(String text) {
        return Placeholders.fill(text, this::setting);
    }

    static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    private List<Path> scripts(String directory, String suffix) {
        try (Stream<Path> files = Files.list(root.resolve(directory))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve(directory), e);
        }
    }

    static Map<String, String> readDotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return DevelopmentDefaults.parse(read(file)).asMap();
    }
}
