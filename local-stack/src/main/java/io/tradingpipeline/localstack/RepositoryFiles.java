package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.DevelopmentDefaults;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.contract.SettingValues;
import io.tradingpipeline.contract.TemplateEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's schema scripts ({@code sql/}, {@code cql/}) and the settings of the stack: the environment,
 * else the development values of the repository's {@code .env}, else the settings' defaults.
 * Found by walking up from the working directory, or at {@value #OVERRIDE} (system property or environment).
 */
final class RepositoryFiles {

    static final String OVERRIDE = "TRADING_REPO_DIR";

    private final Path root;
    private final SettingValues settings;

    RepositoryFiles(Path root, Map<String, String> environment) {
        this.root = root;
        this.settings = SettingValues.of(environment).withDevelopmentValues(readDotEnv(root.resolve(".env")));
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
        return settings.require(setting);
    }

    /** An SQL script with its {@code ${NAME}} placeholders filled as string-literal contents. */
    String sqlScript(Path script) {
        return settings.fill(read(script), TemplateEncoding.SQL_STRING);
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
