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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard as users get it: Superset installed from the pinned requirements, started by the local stack's
 * start script against MariaDB with {@code sql/} applied, the bundle imported by the start script. Every chart's
 * data, as Superset serves it, equals the same question asked of MariaDB in SQL.
 */
class DashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHART_NAMES = List.of("Ticks today", "Volume today", "Dead letters today",
            "Newest window age", "Change since today's open (%)", "Close and VWAP — biggest mover or the filtered ticker",
            "Volume by sector today", "Volume per sector over time", "Rejection rate over time",
            "Dead letters by reason today", "OHLC per ticker today", "Latest windows");
    /** The defaults of flink-job's JobConfig (--window-size, --checkpoint-interval). */
    private static final int JOB_DEFAULT_WINDOW_SECONDS = 60;
    private static final int JOB_DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 10;
    /** A window's minute, as Superset's minute grain buckets it, in epoch milliseconds. */
    private static final String MINUTE_OF_START =
            "UNIX_TIMESTAMP(DATE_FORMAT(window_start, '%Y-%m-%d %H:%i:00')) * 1000 AS window_start";
    /** Each window of today with its ticker's change since the open of the ticker's first window today, in %. */
    private static final String CHANGE_SINCE_OPEN = """
            (SELECT w.window_start, w.ticker, w.close_price, w.vwap,
                    ROUND(100 * (w.close_price - o.open_price) / o.open_price, 4) AS change_pct
             FROM ticker_window_stats w
             JOIN ticker_window_stats o ON o.date = w.date AND o.ticker = w.ticker
               AND o.window_start = (SELECT MIN(f.window_start) FROM ticker_window_stats f
                                     WHERE f.date = w.date AND f.ticker = w.ticker)
             WHERE w.date = UTC_DATE()) moves""";

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
                Arguments.of("Dead letters today", "SELECT SUM(messages_dead_lettered) AS dead_letters"
                        + " FROM message_window_stats" + today, true),
                Arguments.of("Volume by sector today", "SELECT sector, SUM(total_volume) AS total_volume"
                        + " FROM aggregated_data" + today + " GROUP BY sector ORDER BY total_volume DESC", true),
                Arguments.of("Volume per sector over time", "SELECT " + MINUTE_OF_START + ", sector,"
                        + " SUM(total_volume) AS total_volume FROM aggregated_data" + today
                        + " GROUP BY 1, sector", false),
                Arguments.of("Change since today's open (%)", "SELECT " + MINUTE_OF_START + ", ticker,"
                        + " AVG(change_pct) AS change_pct FROM " + CHANGE_SINCE_OPEN + " GROUP BY 1, ticker", false),
                Arguments.of("Close and VWAP — biggest mover or the filtered ticker", "SELECT " + MINUTE_OF_START
                        + ", ticker, AVG(close_price) AS Close, AVG(vwap) AS VWAP FROM " + CHANGE_SINCE_OPEN
                        + " WHERE ticker = (SELECT ticker FROM " + CHANGE_SINCE_OPEN
                        + " GROUP BY ticker ORDER BY MAX(ABS(change_pct)) DESC LIMIT 1) GROUP BY 1, ticker", false),
                Arguments.of("Rejection rate over time", "SELECT " + MINUTE_OF_START + ","
                        + " SUM(messages_dead_lettered) / SUM(messages_read) AS rejection_rate"
                        + " FROM message_window_stats" + today + " GROUP BY 1", false),
                Arguments.of("Dead letters by reason today", "SELECT reason, SUM(messages) AS messages"
                        + " FROM rejection_window_stats" + today + " GROUP BY reason ORDER BY messages DESC", true),
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
                        + " low_price, close_price, vwap, total_volume, tick_count FROM ticker_window_stats w" + today
                        + " AND (SELECT COUNT(*) FROM ticker_window_stats n WHERE n.date = w.date"
                        + " AND n.ticker = w.ticker AND n.window_end > w.window_end) < 5"
                        + " ORDER BY window_end DESC, ticker", true));
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
    void minuteBucketsAcrossAnHourBoundaryEqualTheSameGroupByInSql() throws Exception {
        List<Map<String, Object>> expected = normalize(KnownWindows.query(stack.mysql(), "SELECT "
                + MINUTE_OF_START + ", sector, SUM(total_volume) AS total_volume FROM aggregated_data"
                + " WHERE date = UTC_DATE() GROUP BY 1, sector"));
        List<Map<String, Object>> actual = normalize(chartData("Volume per sector over time"));
        long windows = KnownWindows.query(stack.mysql(), "SELECT DISTINCT window_start FROM aggregated_data"
                + " WHERE date = UTC_DATE()").size();
        List<Long> minutes = expected.stream().map(row -> ((BigDecimal) row.get("window_start")).longValue())
                .distinct().sorted().toList();

        assertThat(minutes).as("minute buckets").hasSize((int) (windows * KnownWindows.WINDOW_SECONDS / 60));
        assertThat(minutes.stream().map(millis -> millis / 3_600_000).distinct()).as("hours of the buckets")
                .hasSize(2);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noChartOfTheDefaultViewReachesItsRowLimit() throws Exception {
        for (String chartName : CHART_NAMES) {
            int id = chartId(chartName);
            int rowLimit = JSON.readTree(superset.getOk("/api/v1/chart/" + id).path("result").path("query_context")
                    .asText()).path("queries").get(0).path("row_limit").asInt();
            JsonNode result = superset.getOk("/api/v1/chart/" + id + "/data/?format=json").path("result").get(0);

            assertThat(result.path("rowcount").asInt()).as(chartName + " rows of its limit " + rowLimit)
                    .isPositive().isLessThan(rowLimit);
        }
    }

    @Test
    void theNewestWindowAgeTurnsRedPastTwoWindowsPlusACheckpoint() throws Exception {
        JsonNode params = JSON.readTree(superset.getOk("/api/v1/chart/" + chartId("Newest window age"))
                .path("result").path("params").asText());
        JsonNode red = params.path("conditional_formatting").get(0);

        assertThat(red.path("column").asText()).isEqualTo("newest_window_age_s");
        assertThat(red.path("operator").asText()).isEqualTo(">");
        assertThat(red.path("targetValue").asInt()).as("2 × the job's default window + its checkpoint interval")
                .isEqualTo(2 * JOB_DEFAULT_WINDOW_SECONDS + JOB_DEFAULT_CHECKPOINT_INTERVAL_SECONDS);
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

    /**
     * The start script of a copy of superset/ whose bundle has a chart renamed and a dataset column relabelled: a
     * restart shows both edits, duplicates nothing and keeps the admin's password; the real bundle brings them back.
     */
    @Test
    void aBootstrapOfAnEditedBundleShowsTheEditsDuplicatesNothingAndKeepsTheAdminsPassword(@TempDir Path dir)
            throws Exception {
        Map<String, Integer> before = objectCounts();
        Path copy = copyOfTheSupersetFiles(dir);
        replace(copy.resolve("dashboard/charts/ticks_today.yaml"), "slice_name: Ticks today",
                "slice_name: Ticks so far today");
        replace(copy.resolve("dashboard/datasets/trading/sector_windows_today.yaml"),
                "{column_name: tick_count, verbose_name: Ticks,", "{column_name: tick_count, verbose_name: Ticks counted,");
        SupersetProcesses.Result edited;
        try {
            edited = SupersetProcesses.run(stack.superset(), Map.of("SUPERSET_ADMIN_PASSWORD", "a-new-password"),
                    "bash", copy.resolve("bootstrap.sh").toString());

            assertThat(edited.exitCode()).as(edited.output()).isZero();
            assertThat(chartNames()).contains("Ticks so far today").doesNotContain("Ticks today");
            assertThat(columnLabel("sector_windows_today", "tick_count")).isEqualTo("Ticks counted");
            assertThat(objectCounts()).isEqualTo(before);
        } finally {
            SupersetProcesses.Result restored = SupersetProcesses.run(stack.superset(), Map.of(), "bash",
                    SupersetProcesses.script("bootstrap.sh"));
            assertThat(restored.exitCode()).as(restored.output()).isZero();
        }

        assertThat(chartNames()).contains("Ticks today").doesNotContain("Ticks so far today");
        assertThat(columnLabel("sector_windows_today", "tick_count")).isEqualTo("Ticks");
        assertThat(objectCounts()).isEqualTo(before);
        assertThat(before).containsEntry("dashboard", 1).containsEntry("chart", CHART_NAMES.size())
                .containsEntry("dataset", 9).containsEntry("database", 1);
        assertThat(edited.output()).contains("keeping the password of " + stack.superset().admin().user());
        SupersetClient.login(stack.superset().url(), stack.superset().admin().user(),
                stack.superset().admin().password());
    }

    /** The start scripts, the config and the bundle of superset/, copied into {@code dir}. */
    private static Path copyOfTheSupersetFiles(Path dir) throws Exception {
        for (String file : List.of("bootstrap.sh", "bundle.py", "superset_config.py")) {
            Files.copy(Path.of(SupersetProcesses.script(file)), dir.resolve(file));
        }
        Path bundle = Path.of(SupersetProcesses.script("dashboard"));
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve("dashboard").resolve(bundle.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    private static void replace(Path file, String text, String replacement) throws Exception {
        String content = Files.readString(file);
        assertThat(content).as(file.toString()).contains(text);
        Files.writeString(file, content.replace(text, replacement));
    }

    private static List<String> chartNames() throws Exception {
        List<String> names = new ArrayList<>();
        superset.getOk("/api/v1/chart/?q=" + SupersetClient.rison("(columns:!(slice_name),page_size:100)"))
                .path("result").forEach(chart -> names.add(chart.path("slice_name").asText()));
        return names;
    }

    /** The verbose name of the dataset's column, as Superset has it. */
    private static String columnLabel(String table, String column) throws Exception {
        JsonNode datasets = superset.getOk("/api/v1/dataset/?q=" + SupersetClient.rison(
                "(filters:!((col:table_name,opr:eq,value:" + table + ")))")).path("result");
        assertThat(datasets.size()).as("datasets named " + table).isEqualTo(1);
        for (JsonNode candidate : superset.getOk("/api/v1/dataset/" + datasets.get(0).path("id").asInt())
                .path("result").path("columns")) {
            if (candidate.path("column_name").asText().equals(column)) {
                return candidate.path("verbose_name").asText();
            }
        }
        throw new AssertionError(table + " has no column " + column);
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
                "--dashboard", SupersetServer.DASHBOARD_SLUG, "--charts", Integer.toString(CHART_NAMES.size()),
                "--screenshot", screenshot.toString());

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
        System.out.println("dashboard in the browser: login form after " + report.path("loginPageMs").asLong()
                + " ms, every chart drawn " + report.path("signInToDrawnMs").asLong() + " ms after signing in ("
                + report.path("loginToDrawnMs").asLong() + " ms from opening the login page); screenshot " + screenshot);
    }

    @Test
    void theMetadataDatabaseRunsWithAWriteAheadLogAndKeepsNoActionLog() throws Exception {
        String chartId = superset.getOk("/api/v1/dashboard/" + SupersetServer.DASHBOARD_SLUG + "/charts")
                .path("result").path(0).path("id").asText();
        superset.getOk("/api/v1/chart/" + chartId + "/data/");
        superset.getOk("/api/v1/dashboard/" + SupersetServer.DASHBOARD_SLUG);

        SupersetProcesses.Result metadata = SupersetProcesses.run(stack.superset(), Map.of(), "python3", "-c", """
                import json, sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                print(json.dumps({"journal_mode": db.execute("PRAGMA journal_mode").fetchone()[0],
                                  "logs": db.execute("SELECT COUNT(*) FROM logs").fetchone()[0]}))
                """, stack.superset().home().resolve("superset.db").toString());

        assertThat(metadata.exitCode()).as(metadata.output()).isZero();
        JsonNode found = JSON.readTree(metadata.output().lines().reduce((first, last) -> last).orElseThrow());
        assertThat(found.path("journal_mode").asText()).isEqualTo("wal");
        assertThat(found.path("logs").asInt()).as("rows in Superset's action log").isZero();
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
