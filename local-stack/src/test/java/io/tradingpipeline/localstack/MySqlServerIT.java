package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingpipeline.localstack.MySqlServer.Credentials;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
class MySqlServerIT {

    /** Sectors of this test only, so that other tests' rows in the shared stack do not matter. */
    private final String sectorA = "it-a-" + UUID.randomUUID();
    private final String sectorB = "it-b-" + UUID.randomUUID();
    private final MySqlServer mysql;

    MySqlServerIT(LocalStack stack) {
        this.mysql = stack.mysql();
    }

    @AfterEach
    void deleteRowsOfThisTest() throws SQLException {
        try (Connection root = connect(mysql.root());
             PreparedStatement delete = root.prepareStatement("DELETE FROM aggregated_data WHERE sector IN (?, ?)")) {
            delete.setString(1, sectorA);
            delete.setString(2, sectorB);
            delete.executeUpdate();
        }
    }

    @Test
    void generatorReadsTheTenSeededProfiles() throws SQLException {
        try (Connection generator = connect(mysql.generator());
             Statement statement = generator.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ticker, sector, shares FROM profile ORDER BY ticker")) {
            Map<String, Long> sharesByTicker = new HashMap<>();
            while (rows.next()) {
                sharesByTicker.put(rows.getString("ticker"), rows.getLong("shares"));
            }
            assertThat(sharesByTicker).hasSize(10).containsEntry("BRPT.JK", 93_750L).containsEntry("ALTO.JK", 1_000L);
        }
    }

    @Test
    void volumeTodaySumsTodaysRowsOnly() throws SQLException {
        LocalDate today;
        try (Connection dashboard = connect(mysql.dashboard());
             Statement statement = dashboard.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURDATE()")) {
            rows.next();
            today = rows.getObject(1, LocalDate.class);
        }
        try (Connection writer = connect(mysql.writer())) {
            insertAggregate(writer, today, sectorA, 100);
            insertAggregate(writer, today, sectorA, 250);
            insertAggregate(writer, today, sectorB, 7);
            insertAggregate(writer, today.minusDays(1), sectorA, 10_000);
            insertAggregate(writer, today.minusDays(1), sectorB, 10_000);
        }

        Map<String, Long> volumes = new HashMap<>();
        try (Connection dashboard = connect(mysql.dashboard());
             PreparedStatement query = dashboard.prepareStatement(
                     "SELECT sector, total_volume FROM volume_today WHERE sector IN (?, ?)")) {
            query.setString(1, sectorA);
            query.setString(2, sectorB);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    volumes.put(rows.getString("sector"), rows.getLong("total_volume"));
                }
            }
        }

        assertThat(volumes).containsOnly(Map.entry(sectorA, 350L), Map.entry(sectorB, 7L));
    }

    @Test
    void writerCommitsRowsTogetherWithTheirBatchId() throws SQLException {
        try (Connection writer = connect(mysql.writer()); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO committed_batches (batch_id, target_table, row_count, committed_at) "
                    + "VALUES (UNHEX(REPLACE(UUID(), '-', '')), 'aggregated_data', 1, UTC_TIMESTAMP(3))");
            insertAggregate(writer, LocalDate.of(2026, 1, 2), sectorA, 42);
            writer.commit();
        }

        try (Connection dashboard = connect(mysql.dashboard());
             PreparedStatement query = dashboard.prepareStatement(
                     "SELECT SUM(total_volume) FROM aggregated_data WHERE sector = ?")) {
            query.setString(1, sectorA);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(42L);
            }
        }
    }

    @Test
    void dashboardCannotWrite() throws SQLException {
        try (Connection dashboard = connect(mysql.dashboard())) {
            assertThatThrownBy(() -> insertAggregate(dashboard, LocalDate.now(), sectorA, 1))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    @Test
    void generatorCannotReadAggregates() throws SQLException {
        try (Connection generator = connect(mysql.generator()); Statement statement = generator.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM aggregated_data"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    @Test
    void writerCannotChangeProfiles() throws SQLException {
        try (Connection writer = connect(mysql.writer()); Statement statement = writer.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM profile"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE profile SET shares = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE profile"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
        try (Connection generator = connect(mysql.generator());
             Statement statement = generator.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM profile WHERE shares > 0")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(10);
        }
    }

    /** The user settings change the accounts that sql/03-users.sql creates; odd passwords survive the quoting. */
    @Test
    void usersAndPasswordsAreTheSettingsOnesWhateverTheyHold(@TempDir Path dir) throws SQLException {
        Map<String, String> environment = Map.of(
                "MYSQL_ROOT_PASSWORD", "root's\\pw",
                "MYSQL_WRITER_USER", "job_writer", "MYSQL_WRITER_PASSWORD", "w'&\\1",
                "MYSQL_DASHBOARD_USER", "bi_reader", "MYSQL_DASHBOARD_PASSWORD", "d%s$2",
                "MYSQL_GENERATOR_USER", "sim_reader", "MYSQL_GENERATOR_PASSWORD", "g\"3");
        MySqlServer custom = MySqlServer.start(dir, 0,
                new RepositoryFiles(RepositoryFiles.locate().root(), environment));
        try {
            assertThat(custom.writer()).isEqualTo(new Credentials("job_writer", "w'&\\1"));
            try (Connection writer = custom.connect(custom.writer());
                 Statement statement = writer.createStatement()) {
                statement.executeUpdate("INSERT INTO aggregated_data (processed_at, date, sector, total_volume, "
                        + "tick_count, window_start, window_end) VALUES (NOW(3), CURDATE(), 'custom', 5, 1, NOW(3), "
                        + "NOW(3))");
            }
            try (Connection dashboard = custom.connect(custom.dashboard());
                 Statement statement = dashboard.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT total_volume FROM volume_today")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(5);
            }
            try (Connection generator = custom.connect(custom.generator());
                 Statement statement = generator.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM profile")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(10);
            }
            try (Connection root = custom.connect(custom.root());
                 Statement statement = root.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT user FROM mysql.user WHERE user LIKE 'trading%'")) {
                assertThat(rows.next()).as("an account of the default names").isFalse();
            }
        } finally {
            custom.stop();
        }
    }

    private Connection connect(Credentials account) throws SQLException {
        return DriverManager.getConnection(mysql.jdbcUrl(), account.user(), account.password());
    }

    private static void insertAggregate(Connection connection, LocalDate date, String sector, long volume)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO aggregated_data "
                + "(processed_at, date, sector, total_volume, tick_count, window_start, window_end) "
                + "VALUES (NOW(3), ?, ?, ?, 1, NOW(3), NOW(3))")) {
            insert.setObject(1, date);
            insert.setString(2, sector);
            insert.setLong(3, volume);
            insert.executeUpdate();
        }
    }
}
