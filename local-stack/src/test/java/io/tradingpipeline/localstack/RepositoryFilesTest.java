package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingpipeline.contract.MissingSettingException;
import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryFilesTest {

    @TempDir
    Path repo;

    @BeforeEach
    void createRepository() throws IOException {
        Files.createDirectories(repo.resolve("sql"));
        Files.createDirectories(repo.resolve("cql"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("sql/02-b.sql"), "b");
        Files.writeString(repo.resolve("sql/01-a.sql"), "a");
        Files.writeString(repo.resolve("sql/notes.txt"), "not a script");
        Files.writeString(repo.resolve(".env"), """
                # development values
                MYSQL_WRITER_PASSWORD=from-dotenv
                MYSQL_DASHBOARD_PASSWORD="quoted value"
                MYSQL_GENERATOR_PASSWORD=
                """);
    }

    @Test
    void listsScriptsInNameOrder() {
        RepositoryFiles files = new RepositoryFiles(repo, Map.of());

        assertThat(files.sqlScripts()).extracting(path -> path.getFileName().toString())
                .containsExactly("01-a.sql", "02-b.sql");
        assertThat(files.cqlScripts()).isEmpty();
    }

    @Test
    void theEnvironmentWinsOverDotEnvWhichWinsOverTheDefaultsAndEmptyMeansUnset() {
        RepositoryFiles files = new RepositoryFiles(repo, Map.of("MYSQL_WRITER_PASSWORD", "from-environment",
                "MYSQL_ROOT_PASSWORD", "", "MYSQL_WRITER_USER", ""));

        assertThat(files.setting(Setting.MYSQL_WRITER_PASSWORD)).isEqualTo("from-environment");
        assertThat(files.setting(Setting.MYSQL_DASHBOARD_PASSWORD)).isEqualTo("quoted value");
        assertThat(files.setting(Setting.MYSQL_WRITER_USER)).isEqualTo("trading_writer");
        assertThatThrownBy(() -> files.setting(Setting.MYSQL_GENERATOR_PASSWORD))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("MYSQL_GENERATOR_PASSWORD");
        assertThatThrownBy(() -> files.setting(Setting.MYSQL_ROOT_PASSWORD))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("MYSQL_ROOT_PASSWORD");
    }

    @Test
    void fillsTheSqlScriptsPlaceholdersAsSqlStringsAndNamesAMissingOne() throws IOException {
        Files.writeString(repo.resolve("sql/03-users.sql"),
                "CREATE USER '${MYSQL_WRITER_USER}' IDENTIFIED BY '${MYSQL_WRITER_PASSWORD}'; -- ${...} stays");
        Files.writeString(repo.resolve("sql/04-broken.sql"), "'${MYSQL_GENERATOR_PASSWORD}'");
        RepositoryFiles files = new RepositoryFiles(repo, Map.of("MYSQL_WRITER_PASSWORD", "it's\\here"));

        assertThat(files.sqlScript(repo.resolve("sql/03-users.sql")))
                .isEqualTo("CREATE USER 'trading_writer' IDENTIFIED BY 'it''s\\\\here'; -- ${...} stays");
        assertThatThrownBy(() -> files.sqlScript(repo.resolve("sql/04-broken.sql")))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("MYSQL_GENERATOR_PASSWORD");
    }

    @Test
    void findsTheRepositoryAboveTheWorkingDirectory() {
        // Maven runs this module's tests in local-stack/, below the repository root.
        RepositoryFiles files = RepositoryFiles.locate();

        assertThat(files.root().resolve("sql/01-schema.sql")).exists();
        assertThat(files.root().resolve("cql/01-schema.cql")).exists();
    }
}
