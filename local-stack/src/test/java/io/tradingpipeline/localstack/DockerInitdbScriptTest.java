package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's {@code sql/docker-initdb.sh} fills the SQL scripts' placeholders by the rule of the local stack
 * ({@link RepositoryFiles#sqlScript}): the real script, with a stand-in {@code mysql} that records what it is given.
 */
class DockerInitdbScriptTest {

    private static final Map<String, String> ODD_VALUES = Map.of(
            "MYSQL_ROOT_PASSWORD", "root",
            "MYSQL_WRITER_USER", "job_writer",
            "MYSQL_WRITER_PASSWORD", "it's \\\\ & $HOME ${MYSQL_ROOT_PASSWORD}",
            "MYSQL_DASHBOARD_USER", "bi",
            "MYSQL_DASHBOARD_PASSWORD", "''\\\\' ${MYSQL_WRITER_USER}",
            "MYSQL_GENERATOR_USER", "gen",
            "MYSQL_GENERATOR_PASSWORD", "é&*");

    @TempDir
    Path dir;

    @Test
    void theShellFillsEveryScriptAsTheJavaResolverDoes() throws Exception {
        RepositoryFiles repository = new RepositoryFiles(RepositoryFiles.locate().root(), ODD_VALUES);
        String expected = repository.sqlScripts().stream()
                .map(script -> repository.sqlScript(script).stripTrailing() + "\n")
                .collect(Collectors.joining());

        Run run = runScript(repository.root(), ODD_VALUES);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.mysqlInput()).contains("'job_writer'").isEqualTo(expected);
    }

    @Test
    void aPlaceholderWhoseVariableIsUnsetOrEmptyStopsTheInitAndIsNamed() throws Exception {
        Map<String, String> values = new HashMap<>(ODD_VALUES);
        values.put("MYSQL_GENERATOR_PASSWORD", "");

        Run run = runScript(RepositoryFiles.locate().root(), values);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("docker-initdb: MYSQL_GENERATOR_PASSWORD is not set");
        assertThat(run.mysqlInput()).doesNotContain("CREATE USER");
    }

    private record Run(int exitCode, String stderr, String mysqlInput) {
    }

    private Run runScript(Path repository, Map<String, String> environment) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path input = dir.resolve("mysql-input.sql");
        Files.deleteIfExists(input);
        Files.writeString(input, "");
        Path mysql = Files.writeString(bin.resolve("mysql"), "#!/bin/sh\ncat >> \"$FAKE_MYSQL_INPUT\"\n");
        Files.setPosixFilePermissions(mysql, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("sql/docker-initdb.sh").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("TRADING_SQL_DIR", repository.resolve("sql").toString());
        builder.environment().put("FAKE_MYSQL_INPUT", input.toString());
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stderr, Files.readString(input));
    }
}
