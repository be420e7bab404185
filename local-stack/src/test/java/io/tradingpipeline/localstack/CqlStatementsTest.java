package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CqlStatementsTest {

    @Test
    void splitsAtSemicolonsAndDropsComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy'};
                // another; comment
                /* block; comment */ CREATE TABLE k.t (id int PRIMARY KEY);
                """;

        assertThat(CqlStatements.split(script)).containsExactly(
                "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy'}",
                "CREATE TABLE k.t (id int PRIMARY KEY)");
    }

    @Test
    void keepsSemicolonsAndCommentMarkersInsideLiterals() {
        String script = "INSERT INTO t (a, b) VALUES ('x;--y', 'it''s; fine');"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE java AS $$ return 1; $$;"
                + "SELECT \"odd;name\" FROM t";

        assertThat(CqlStatements.split(script)).containsExactly(
                "INSERT INTO t (a, b) VALUES ('x;--y', 'it''s; fine')",
                "CREATE FUNCTION f() RETURNS int LANGUAGE java AS $$ return 1; $$",
                "SELECT \"odd;name\" FROM t");
    }

    @Test
    void ignoresEmptyStatements() {
        assertThat(CqlStatements.split(" ;\n;-- only a comment\n")).isEmpty();
    }

    @Test
    void rejectsAnUnterminatedLiteral() {
        assertThatThrownBy(() -> CqlStatements.split("SELECT 'open FROM t;"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }
}
