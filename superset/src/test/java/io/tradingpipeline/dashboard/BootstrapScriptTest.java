package io.tradingpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code bootstrap.sh} treats the admin, with stubs of {@code superset} and {@code python} that record what they
 * are asked (DashboardIT runs the script against the real Superset).
 */
class BootstrapScriptTest {
    private static final String SUPERSET_STUB = """
            #!/usr/bin/env bash
            echo "superset $*" >> "$CALLS"
            case "$*" in
              "fab list-users") cat "$EXISTING_USERS" ;;
              "fab create-admin"*) echo "password $FLASK_FAB_CREATE_ADMIN_PASSWORD" >> "$CALLS" ;;
              "fab reset-password"*) echo "password $FLASK_FAB_RESET_PASSWORD_PASSWORD" >> "$CALLS" ;;
            esac
            """;
    private static final String PYTHON_STUB = """
            #!/usr/bin/env bash
            echo "python $*" >> "$CALLS"
            """;

    private static final Map<String, String> SETTINGS = Map.of("SUPERSET_SECRET_KEY", "a-secret-of-the-deployer",
            "SUPERSET_ADMIN_USER", "admin", "SUPERSET_ADMIN_PASSWORD", "admin-secret", "MYSQL_HOST", "127.0.0.1",
            "MYSQL_PORT", "3306", "MYSQL_DASHBOARD_USER", "trading_dashboard", "MYSQL_DASHBOARD_PASSWORD",
            "dashboard-secret");

    @TempDir
    Path dir;

    @Test
    void aMissingAdminIsCreatedWithThePassword() throws Exception {
        List<String> calls = bootstrap("", Map.of());

        assertThat(calls).anyMatch(call -> call.startsWith("superset fab create-admin --username admin "))
                .contains("password admin-secret")
                .noneMatch(call -> call.startsWith("superset fab reset-password"));
    }

    @Test
    void anExistingAdminKeepsItsPassword() throws Exception {
        List<String> calls = bootstrap("username:admin | email:admin@localhost | role:[Admin]\n", Map.of());

        assertThat(calls).contains("superset db upgrade", "superset init")
                .anyMatch(call -> call.matches("python \\S+/bundle\\.py import --username admin"))
                .noneMatch(call -> call.startsWith("superset import-dashboards"))
                .noneMatch(call -> call.startsWith("superset fab create-admin"))
                .noneMatch(call -> call.startsWith("superset fab reset-password"))
                .noneMatch(call -> call.contains("admin-secret"));
    }

    @Test
    void anExistingAdminsPasswordIsSetAgainOnlyWhenAsked() throws Exception {
        List<String> calls = bootstrap("username:admin | email:admin@localhost | role:[Admin]\n",
                Map.of("SUPERSET_ADMIN_PASSWORD_RESET", "true"));

        assertThat(calls).contains("superset fab reset-password --username admin", "password admin-secret")
                .noneMatch(call -> call.startsWith("superset fab create-admin"));
    }

    /** Runs bootstrap.sh with the stubs first on the PATH; returns what the stubs were asked, one line each. */
    private List<String> bootstrap(String existingUsers, Map<String, String> extra) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (Map.Entry<String, String> stub : Map.of("superset", SUPERSET_STUB, "python", PYTHON_STUB).entrySet()) {
            Path program = Files.writeString(bin.resolve(stub.getKey()), stub.getValue());
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path calls = dir.resolve("calls");
        Map<String, String> environment = new HashMap<>(SETTINGS);
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("CALLS", calls.toString());
        environment.put("EXISTING_USERS", Files.writeString(dir.resolve("users"), existingUsers).toString());
        environment.put("SUPERSET_HOME", dir.resolve("home").toString());
        environment.put("SUPERSET_ADMIN_PASSWORD_RESET", null);
        environment.putAll(extra);

        SupersetProcesses.Result result = SupersetProcesses.run(dir, environment, "bash",
                SupersetProcesses.script("bootstrap.sh"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        return Files.readAllLines(calls);
    }
}
