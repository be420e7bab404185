package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.DevelopmentDefaults;
import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Neither a built jar nor what {@code docker build} sends as context holds a secret of the repository's
 * {@code .env}. An integration test, so that it runs once every module's jars are packaged (this module is built
 * after the generator and the local stack).
 */
class NoSecretInAnyArtifactIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Map<Path, Path> IMAGE_CONTEXTS = Map.of(
            REPOSITORY, REPOSITORY.resolve(".dockerignore"),
            REPOSITORY.resolve("superset"), REPOSITORY.resolve("superset/.dockerignore"));

    private static Map<String, byte[]> secrets;

    @BeforeAll
    static void readTheDevelopmentSecrets() {
        Map<String, byte[]> found = new LinkedHashMap<>();
        DevelopmentDefaults.read(REPOSITORY.resolve(".env")).asMap().forEach((name, value) -> {
            if (!value.isEmpty() && Setting.named(name).filter(Setting::isSecret).isPresent()) {
                found.put(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        assertThat(found).as("secrets in .env").hasSizeGreaterThanOrEqualTo(6);
        secrets = found;
    }

    @Test
    void noShippedJarHoldsASecret() throws IOException {
        List<Path> jars = shippedJars();
        assertThat(jars).extracting(jar -> jar.getFileName().toString())
                .contains("flink-job.jar", "tick-generator.jar", "pipeline-contract-1.0.0-SNAPSHOT.jar");

        List<String> leaks = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    leaks.addAll(secretsIn(jar.getFileName() + "!/" + entry.getName(), entries.readAllBytes()));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noImageContextHoldsASecret() throws IOException {
        List<String> leaks = new ArrayList<>();
        int files = 0;
        for (Map.Entry<Path, Path> context : IMAGE_CONTEXTS.entrySet()) {
            for (Path file : contextFiles(context.getKey(), context.getValue())) {
                files++;
                leaks.addAll(secretsIn(REPOSITORY.relativize(file).toString(), Files.readAllBytes(file)));
            }
        }
        assertThat(files).as("files sent as context").isGreaterThan(100);
        assertThat(leaks).isEmpty();
    }

    /** Every jar that a module's build leaves in its target directory, but test jars and the shade plugin's inputs. */
    private static List<Path> shippedJars() throws IOException {
        try (Stream<Path> poms = Files.walk(REPOSITORY, 3)) {
            List<Path> targets = poms.filter(path -> path.getFileName().toString().equals("pom.xml"))
                    .map(pom -> pom.resolveSibling("target"))
                    .filter(Files::isDirectory)
                    .toList();
            List<Path> jars = new ArrayList<>();
            for (Path target : targets) {
                try (Stream<Path> files = Files.list(target)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                            .filter(file -> !file.getFileName().toString().endsWith("-tests.jar"))
                            .filter(file -> !file.getFileName().toString().startsWith("original-"))
                            .forEach(jars::add);
                }
            }
            return jars;
        }
    }

    /** The files that {@code docker build} sends from {@code context}, as its {@code .dockerignore} leaves them. */
    private static List<Path> contextFiles(Path context, Path dockerignore) throws IOException {
        List<PathMatcher> ignored = new ArrayList<>();
        for (String line : Files.readAllLines(dockerignore)) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            assertThat(pattern).as("exceptions (!) are not read here").doesNotStartWith("!");
            pattern = pattern.replaceAll("^/|/$", "");
            ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        // Docker leaves out a path that a pattern matches, and so everything below a directory that one matches.
        List<Path> sent = new ArrayList<>();
        Files.walkFileTree(context, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(context) && isIgnored(context.relativize(dir), ignored)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !isIgnored(context.relativize(file), ignored)) {
                    sent.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sent;
    }

    private static boolean isIgnored(Path relative, List<PathMatcher> ignored) {
        return ignored.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    private static List<String> secretsIn(String where, byte[] content) {
        List<String> leaks = new ArrayList<>();
        secrets.forEach((name, value) -> {
            if (indexOf(content, value) >= 0) {
                leaks.add(where + " holds the value of " + name);
            }
        });
        return leaks;
    }

    private static int indexOf(byte[] content, byte[] value) {
        outer:
        for (int i = 0; i <= content.length - value.length; i++) {
            for (int j = 0; j < value.length; j++) {
                if (content[i + j] != value[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
