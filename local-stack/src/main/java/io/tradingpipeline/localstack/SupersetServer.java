package io.tradingpipeline.localstack;

import io.tradingpipeline.contract.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache Superset with the repository's "Trading — today" dashboard, reading MySQL as the read-only dashboard
 * user. Installed into {@code superset/.venv} by {@code superset/install.sh} and started by
 * {@code superset/start.sh} (metadata database, admin, dashboard import, then gunicorn), as in docker compose.
 */
public final class SupersetServer {

    static final String NAME = "Superset";
    /** The dashboard's slug in {@code superset/dashboard/dashboards/}. */
    public static final String DASHBOARD_SLUG = "trading-today";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final int port;
    private final Path home;
    private final ServerProcess process;
    private final MySqlServer.Credentials admin;
    private final Map<String, String> environment;

    private SupersetServer(int port, Path home, ServerProcess process, MySqlServer.Credentials admin,
                           Map<String, String> environment) {
        this.port = port;
        this.home = home;
        this.process = process;
        this.admin = admin;
        this.environment = environment;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public String dashboardUrl() {
        return url() + "/superset/dashboard/" + DASHBOARD_SLUG + "/";
    }

    public int port() {
        return port;
    }

    /** The admin account created from SUPERSET_ADMIN_USER and SUPERSET_ADMIN_PASSWORD. */
    public MySqlServer.Credentials admin() {
        return admin;
    }

    /** SUPERSET_HOME: the metadata database. */
    public Path home() {
        return home;
    }

    /**
     * The environment Superset runs with (secrets included): with {@code superset} on the PATH, for running its
     * command line against this server's metadata database.
     */
    public Map<String, String> environment() {
        return environment;
    }

    public long pid() {
        return process.pid();
    }

    ServerProcess process() {
        return process;
    }

    void stop() {
        process.stop();
    }

    static SupersetServer start(Path dir, int requestedPort, MySqlServer mysql, RepositoryFiles repository) {
        int port = Ports.resolve(requestedPort);
        if (Ports.isListening(port)) {
            throw new LocalStackStartupException(NAME + " cannot listen on port " + port + ": it is in use");
        }
        Path supersetDir = repository.root().resolve("superset");
        Path venvBin = install(dir, supersetDir);
        Path home = LocalFiles.createDirectories(dir.resolve("home"));
        MySqlServer.Credentials admin = new MySqlServer.Credentials(repository.setting(Setting.SUPERSET_ADMIN_USER),
                repository.setting(Setting.SUPERSET_ADMIN_PASSWORD));

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", venvBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("SUPERSET_CONFIG_PATH", supersetDir.resolve("superset_config.py").toString());
        environment.put("SUPERSET_HOME", home.toString());
        environment.put(Setting.SUPERSET_SECRET_KEY.name(), repository.setting(Setting.SUPERSET_SECRET_KEY));
        // A development stack: superset_config.py accepts .env's published key only then.
        environment.put("SUPERSET_ENV", "development");
        environment.put(Setting.SUPERSET_ADMIN_USER.name(), admin.user());
        environment.put(Setting.SUPERSET_ADMIN_PASSWORD.name(), admin.password());
        environment.put("SUPERSET_BIND_ADDRESS", Ports.LOOPBACK);
        environment.put("SUPERSET_PORT", Integer.toString(port));
        environment.put(Setting.MYSQL_HOST.name(), mysql.host());
        environment.put(Setting.MYSQL_PORT.name(), Integer.toString(mysql.port()));
        environment.put(Setting.MYSQL_DASHBOARD_USER.name(), mysql.dashboard().user());
        environment.put(Setting.MYSQL_DASHBOARD_PASSWORD.name(), mysql.dashboard().password());

        ServerProcess process = ServerProcess.start(NAME, List.of("bash", supersetDir.resolve("start.sh").toString()),
                environment, dir, dir.resolve("superset.log"));
        process.awaitReady(READY_TIMEOUT, () -> isHealthy(port));
        return new SupersetServer(port, home, process, admin, Map.copyOf(environment));
    }

    /** Runs {@code superset/install.sh}, which re-creates the venv only when the pins changed; returns its bin. */
    private static Path install(Path dir, Path supersetDir) {
        ServerProcess installer = ServerProcess.start(NAME + " installer",
                List.of("bash", supersetDir.resolve("install.sh").toString()), Map.of(), dir,
                dir.resolve("install.log"));
        if (!installer.waitForExit(INSTALL_TIMEOUT)) {
            throw installer.stopBecause("superset/install.sh did not finish within " + INSTALL_TIMEOUT.toMinutes()
                    + " min", null);
        }
        if (installer.exitCode() != 0) {
            throw installer.stopBecause("superset/install.sh exited with code " + installer.exitCode(), null);
        }
        return supersetDir.resolve(".venv").resolve("bin");
    }

    private static boolean isHealthy(int port) throws IOException, InterruptedException {
        return LoopbackHttp.get(port, "/health").strip().equals("OK");
    }
}
