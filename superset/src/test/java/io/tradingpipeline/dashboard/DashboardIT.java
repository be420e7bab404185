package io.tradingpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.MySqlServer;
import io.tradingpipeline.localstack.SupersetServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard as users get it: Superset installed from the pinned requirements, started by the local stack's
 * start script against MariaDB with {@code sql/} applied, the bundle imported with the real CLI. Every chart's
 * data, as Superset serves it, equals the same question asked of MariaDB in SQL.
 */
class DashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHART_NAMES = List.of("Ticks today", "Volume today", "Newest window age",
            "Volume by sector today", "Volume per sector over time", "Price per ticker (close and VWAP)",
            "OHLC per ticker today", "Latest windows");

    private static LocalStack stack;
    private static SupersetClient superset;

    @BeforeAll
    static void startSupersetWithKnownWindows() throws Exception {
        stack = LocalStack.builder().withSuperset().start();
        KnownWindows.insert(stack.mysql());
        superset = SupersetClient.login(stack.superset().url(), stack.superset().admin().user(),
                stack.superset().admin().password());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDashboardHasEveryChartRefreshesEvery10SecondsAndFiltersBySectorAndTicker() throws Exception {
        JsonNode dashboard = superset.getOk("/api/v1/dashboard/" + SupersetServer.DASHBOARD_SLUG).path("result");
        JsonNode metadata = JSON.readTree(dashboard.path("json_metadata").asText());
        List<String> filters = new ArrayList<>();
        metadata.path("native_filter_configuration").forEach(filter -> filters.add(filter.path("name").asText()));
        List<String> charts = new ArrayList<>();
        superset.getOk("/api/v1/dashboard/" + SupersetServer.DASHBOARD_SLUG + "/charts").path("result")
                .forEach(chart -> charts.add(chart.path("slice_name").asText()));

        assertThat(dashboard.path("dashboard_title").asText()).isEqualTo("Trading — today");
        assertThat(metadata.path("refresh_frequency").asInt()).isEqualTo(10);
        assertThat(filters).containsExactly("Sector", "Ticker");
        assertThat(charts).containsExactlyInAnyOrderElementsOf(CHART_NAMES);
    }

    /** The chart, the SQL asked of MariaDB directly (not through the dashboard's views), and whether order counts. */
    static Stream<Arguments> charts() {
        String today = " WHERE date = UTC_DATE()";
        String windowEnd = "UNIX_TIMESTAMP(window_end) * 1000 AS window_end";
        return Stream.of(
                Arguments.of("Ticks today", "SELECT SUM(tick_count) AS ticks FROM aggregated_data" + today, true),
                Arguments.of("Volume today", "SELECT SUM(total_volume) AS total_volume FROM aggregated_data" + today,
                        true),
                Arguments.of("Volume by sector today", "SELECT sector, SUM(total_volume) AS total_volume"
                        + " FROM aggregated_data" + today + " GROUP BY sector ORDER BY total_volume DESC", true),
                Arguments.of("Volume per sector over time", "SELECT " + windowEnd + ", sector,"
                        + " SUM(total_volume) AS total_volume FROM aggregated_data" + today
                        + " GROUP BY window_end, sector", false),
                Arguments.of("Price per ticker (close and VWAP)", "SELECT " + windowEnd + ", ticker,"
                        + " MAX(close_price) AS close_price, MAX(vwap) AS vwap FROM ticker_window_stats" + today
                        + " GROUP BY window_end, ticker", false),
                Arguments.of("OHLC per ticker today", """
                        SELECT ticker, sector,
                               MAX(CASE WHEN first_window = 1 THEN open_price END) AS open_price,
                               MAX(high_price) AS high_price, MIN(low_price) AS low_price,
                               MAX(CASE WHEN last_window = 1 THEN close_price END) AS close_price,
                               ROUND(SUM(vwap * total_volume) / SUM(total_volume), 4) AS vwap,
                               SUM(total_volume) AS total_volume, SUM(tick_count) AS tick_count
                        FROM (SELECT *,
                                     ROW_NUMBER() OVER (PARTITION BY ticker ORDER BY window_start) AS first_window,
                                     ROW_NUMBER() OVER (PARTITION BY ticker ORDER BY window_end DESC) AS last_window
                              FROM ticker_window_stats WHERE date = UTC_DATE()) windows
                        GROUP BY ticker, sector ORDER BY ticker""", true),
                Arguments.of("Latest windows", "SELECT " + windowEnd + ", ticker, open_price, high_price,"
                        + " low_price, close_price, vwap, total_volume, tick_count FROM ticker_window_stats" + today
                        + " ORDER BY window_end DESC, ticker LIMIT 50", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void chartDataEqualsTheSameQuestionAskedInSql(String chartName, String sql, boolean ordered) throws Exception {
        List<Map<String, Object>> expected = normalize(KnownWindows.query(stack.mysql(), sql));
        List<Map<String, Object>> actual = normalize(chartData(chartName));

        assertThat(expected).as("the known rows answer " + chartName).isNotEmpty();
        if (ordered) {
            assertThat(actual).as(chartName).containsExactlyElementsOf(expected);
        } else {
            assertThat(actual).as(chartName).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theNewestWindowAgeIsTheSecondsSinceTheNewestWindowEnded() throws Exception {
        BigDecimal expected = (BigDecimal) normalize(KnownWindows.query(stack.mysql(),
                "SELECT TIMESTAMPDIFF(SECOND, MAX(window_end), UTC_TIMESTAMP(3)) AS age FROM aggregated_data"))
                .get(0).get("age");
        BigDecimal actual = (BigDecimal) normalize(chartData("Newest window age")).get(0).get("newest_window_age_s");

        // Both were asked within a few seconds.
        assertThat(actual.subtract(expected).abs()).isLessThanOrEqualTo(BigDecimal.valueOf(5));
        assertThat(actual.longValue()).as("the newest known window ended a minute before the rows were written")
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void yesterdaysWindowsDoNotCountAsToday() throws Exception {
        BigDecimal allDays = (BigDecimal) normalize(KnownWindows.query(stack.mysql(),
                "SELECT SUM(total_volume) AS v FROM aggregated_data")).get(0).get("v");
        BigDecimal today = (BigDecimal) normalize(chartData("Volume today")).get(0).get("total_volume");
        long latestWindowsBeforeToday = chartData("Latest windows").stream()
                .filter(row -> ((Number) row.get("total_volume")).longValue() >= 100_000)
                .count();

        assertThat(today).isPositive().isLessThan(allDays);
        assertThat(latestWindowsBeforeToday).as("yesterday's rows (1000× the volume) in today's table").isZero();
    }

    @Test
    void aSecondBootstrapDuplicatesNothingAndKeepsTheAdminsPassword() throws Exception {
        Map<String, Integer> before = objectCounts();

        SupersetProcesses.Result bootstrap = SupersetProcesses.run(stack.superset(),
                Map.of("SUPERSET_ADMIN_PASSWORD", "a-new-password"), "bash", SupersetProcesses.script("bootstrap.sh"));

        assertThat(bootstrap.exitCode()).as(bootstrap.output()).isZero();
        assertThat(objectCounts()).isEqualTo(before);
        assertThat(before).containsEntry("dashboard", 1).containsEntry("chart", 8).containsEntry("dataset", 5)
                .containsEntry("database", 1);
        assertThat(bootstrap.output()).contains("keeping the password of " + stack.superset().admin().user());
        SupersetClient.login(stack.superset().url(), stack.superset().admin().user(),
                stack.superset().admin().password());
    }

    @Test
    void aBootstrapSetsTheAdminsPasswordAgainWhenAsked() throws Exception {
        MySqlServer.Credentials admin = stack.superset().admin();
        try {
            SupersetProcesses.Result bootstrap = SupersetProcesses.run(stack.superset(), Map.of(
                    "SUPERSET_ADMIN_PASSWORD", "a-new-password", "SUPERSET_ADMIN_PASSWORD_RESET", "true"), "bash",
                    SupersetProcesses.script("bootstrap.sh"));

            assertThat(bootstrap.exitCode()).as(bootstrap.output()).isZero();
            SupersetClient.login(stack.superset().url(), admin.user(), "a-new-password");
        } finally {
            SupersetProcesses.Result reset = SupersetProcesses.run(stack.superset(),
                    Map.of("FLASK_FAB_RESET_PASSWORD_PASSWORD", admin.password()), "superset", "fab",
                    "reset-password", "--username", admin.user());
            assertThat(reset.exitCode()).as(reset.output()).isZero();
        }
    }

    @Test
    void aRealBrowserShowsEveryChartWithData() throws Exception {
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        SupersetProcesses.Result check = SupersetProcesses.run(stack.superset(), Map.of(), "node",
                SupersetProcesses.script("browser/check-dashboard.mjs"), "--url", stack.superset().url(),
                "--dashboard", SupersetServer.DASHBOARD_SLUG, "--charts", "8", "--screenshot", screenshot.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        JsonNode report = JSON.readTree(check.output().lines().filter(line -> line.startsWith("{")).findFirst()
                .orElseThrow());
        List<String> shown = new ArrayList<>();
        report.path("charts").forEach(chart -> {
            assertThat(chart.path("problem").isNull()).as(chart.toString()).isTrue();
            shown.add(chart.path("title").asText());
        });
        assertThat(shown).containsExactlyInAnyOrderElementsOf(CHART_NAMES);
        assertThat(Files.size(screenshot)).as("screenshot size").isGreaterThan(50_000);
        System.out.println("dashboard loaded in the browser in " + report.path("loadMs").asLong() + " ms; screenshot "
                + screenshot);
    }

    @Test
    void withoutASecretKeySupersetRefusesToStartAndSaysWhy() throws Exception {
        Map<String, String> noKey = new java.util.HashMap<>();
        noKey.put("SUPERSET_SECRET_KEY", null);

        SupersetProcesses.Result command = SupersetProcesses.run(stack.superset(), noKey, "superset", "db", "upgrade");
        SupersetProcesses.Result start = SupersetProcesses.run(stack.superset(), noKey, "bash",
                SupersetProcesses.script("start.sh"));

        assertThat(command.exitCode()).as(command.output()).isEqualTo(1);
        assertThat(command.output()).contains("SUPERSET_SECRET_KEY is not set; refusing to start")
                .doesNotContain("Traceback");
        assertThat(start.exitCode()).as(start.output()).isEqualTo(1);
        assertThat(start.output()).contains("SUPERSET_SECRET_KEY not set; refusing to start")
                .doesNotContain("Traceback");
    }

    @Test
    void theDevelopmentKeyOfDotEnvIsRefusedOutsideDevelopment() throws Exception {
        Map<String, String> notDevelopment = new java.util.HashMap<>();
        notDevelopment.put("SUPERSET_ENV", null);

        SupersetProcesses.Result command = SupersetProcesses.run(stack.superset(), notDevelopment, "superset", "db",
                "upgrade");

        assertThat(stack.superset().environment()).containsEntry("SUPERSET_ENV", "development");
        assertThat(command.exitCode()).as(command.output()).isEqualTo(1);
        assertThat(command.output()).contains("SUPERSET_SECRET_KEY is the development key published in the "
                + "repository's .env; refusing to start").doesNotContain("Traceback");
    }

    @Test
    void aWrongMySqlPasswordNamesTheDatabaseAndFailsTheChartsWithoutAStackTrace() throws Exception {
        MySqlServer mysql = stack.mysql();
        Map<String, String> wrongPassword = Map.of("MYSQL_DASHBOARD_PASSWORD", "not-the-password");

        SupersetProcesses.Result check = SupersetProcesses.run(stack.superset(), wrongPassword, "python",
                SupersetProcesses.script("bundle.py"), "check-database");
        SupersetClient.Response chart;
        try {
            pointTheDatabaseAt(wrongPassword);
            chart = superset.get("/api/v1/chart/" + chartId("Volume today") + "/data/?format=json");
        } finally {
            pointTheDatabaseAt(Map.of());
        }

        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("database 'Trading'")
                .contains("trading_dashboard:***@" + mysql.host() + ":" + mysql.port() + "/trading")
                .contains("Access denied").doesNotContain("not-the-password").doesNotContain("Traceback");
        assertThat(chart.status()).isEqualTo(400);
        assertThat(chart.body().path("message").asText()).contains("Access denied for user 'trading_dashboard'")
                .doesNotContain("Traceback");
        assertThat(chartData("Volume today")).as("the right password again").isNotEmpty();
    }

    /** Sets the dashboard database's URI as the bootstrap does, from the server's environment and {@code overrides}. */
    private static void pointTheDatabaseAt(Map<String, String> overrides) throws Exception {
        SupersetProcesses.Result uri = SupersetProcesses.run(stack.superset(), overrides, "python",
                SupersetProcesses.script("bundle.py"), "database-uri");
        assertThat(uri.exitCode()).as(uri.output()).isZero();
        Map<String, String> environment = new LinkedHashMap<>(overrides);
        environment.put("FLASK_SET_DATABASE_URI_URI", uri.output().strip());
        SupersetProcesses.Result set = SupersetProcesses.run(stack.superset(), environment, "superset",
                "set-database-uri", "--database_name", "Trading");
        assertThat(set.exitCode()).as(set.output()).isZero();
    }

    private static Map<String, Integer> objectCounts() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String type : List.of("dashboard", "chart", "dataset", "database")) {
            counts.put(type, superset.getOk("/api/v1/" + type + "/").path("count").asInt());
        }
        return counts;
    }

    /** The data of the chart's saved query context, as {@code /api/v1/chart/{id}/data/} returns it. */
    static List<Map<String, Object>> chartData(String chartName) throws Exception {
        JsonNode data = superset.getOk("/api/v1/chart/" + chartId(chartName) + "/data/?format=json")
                .path("result").get(0).path("data");
        List<Map<String, Object>> rows = new ArrayList<>();
        data.forEach(row -> rows.add(JSON.convertValue(row, LinkedHashMap.class)));
        return rows;
    }

    static int chartId(String chartName) throws Exception {
        JsonNode charts = superset.getOk("/api/v1/chart/?q=" + SupersetClient.rison(
                "(filters:!((col:slice_name,opr:eq,value:'" + chartName.replace("'", "!'") + "')))")).path("result");
        assertThat(charts.size()).as("charts named " + chartName).isEqualTo(1);
        return charts.get(0).path("id").asInt();
    }

    /** Numbers as BigDecimal without trailing zeros, so that 108.15, 108.1500 and 108.15d compare equal. */
    static List<Map<String, Object>> normalize(List<Map<String, Object>> rows) {
        List<Map<String, Object>> normalized = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column, value instanceof Number number
                    ? new BigDecimal(number.toString()).stripTrailingZeros() : value));
            normalized.add(copy);
        }
        return normalized;
    }
}
