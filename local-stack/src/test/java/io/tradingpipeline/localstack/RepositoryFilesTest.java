package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                # development defaults
                WRITER_PASSWORD=from-dotenv
                QUOTED="quoted value"
                EMPTY=
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
    void environmentWinsOverDotEnv() {
        RepositoryFiles files = new RepositoryFiles(repo, Map.of("WRITER_PASSWORD", "from-environment"));

        assertThat(files.setting("WRITER_PASSWORD")).isEqualTo("from-environment");
        assertThat(files.setting("QUOTED")).isEqualTo("quoted value");
        assertThat(files.setting("EMPTY")).isEmpty();
    }

    @Test
    void fillsPlaceholdersAndNamesAMissingOne() {
        RepositoryFiles files = new RepositoryFiles(repo, Map.of());

        assertThat(files.fillPlaceholders("IDENTIFIED BY '${WRITER_PASSWORD}' -- ${...} stays"))
                .isEqualTo("IDENTIFIED BY 'from-dotenv' -- ${...} stays");
        assertThatThrownBy(() -> files.fillPlaceholders("'${NOT_SET_ANYWHERE}'"))
                .hasMessageContaining("NOT_SET_ANYWHERE").hasMessageContaining(".env");
    }

    @Test
    void findsTheRepositoryAboveTheWorkingDirectory() {
        // Maven runs this module's tests in local-stack/, below the repository root.
        RepositoryFiles files = RepositoryFiles.locate();

        assertThat(files.root().resolve("sql/01-schema.sql")).exists();
        assertThat(files.root().resolve("cql/01-schema.cql")).exists();
    }
}
