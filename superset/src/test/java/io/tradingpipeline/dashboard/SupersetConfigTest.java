package io.tradingpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingpipeline.contract.DevelopmentDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code superset_config.py} as Superset loads it, with the system's python3 and nothing of Superset installed:
 * stub modules stand in for what it imports of MySQLdb, SQLAlchemy and Superset.
 */
class SupersetConfigTest {
    private static final String DEVELOPMENT_KEY = DevelopmentDefaults.read(Path.of("..", ".env"))
            .get("SUPERSET_SECRET_KEY").orElseThrow();
    private static final String LOAD_CONFIG = """
            import json, runpy, sys
            config = runpy.run_path(sys.argv[1])
            print(json.dumps({name: config[name] for name in ("DEVELOPMENT_SECRET_KEY_SHA256", "WTF_CSRF_TIME_LIMIT")}))
            """;

    @TempDir
    Path dir;

    @Test
    void theCommittedDevelopmentKeyIsRefusedUnlessSupersetEnvIsDevelopment() throws Exception {
        for (String environment : new String[] {null, "production", "Development"}) {
            SupersetProcesses.Result load = loadConfig(DEVELOPMENT_KEY, environment);

            assertThat(load.exitCode()).as("SUPERSET_ENV=" + environment + "\n" + load.output()).isEqualTo(1);
            assertThat(load.output()).contains("SUPERSET_SECRET_KEY is the development key published in the "
                    + "repository's .env; refusing to start").doesNotContain("Traceback");
        }
    }

    @Test
    void theCommittedDevelopmentKeyIsAcceptedInDevelopment() throws Exception {
        SupersetProcesses.Result load = loadConfig(DEVELOPMENT_KEY, "development");

        assertThat(load.exitCode()).as(load.output()).isZero();
        assertThat(config(load).path("DEVELOPMENT_SECRET_KEY_SHA256").asText()).as("the key of .env, hashed")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anyOtherKeyIsAcceptedAnywhereAndCsrfTokensExpire() throws Exception {
        SupersetProcesses.Result load = loadConfig("a-secret-of-the-deployer", null);

        assertThat(load.exitCode()).as(load.output()).isZero();
        assertThat(config(load).path("WTF_CSRF_TIME_LIMIT").isInt()).as("a time limit in seconds").isTrue();
        assertThat(config(load).path("WTF_CSRF_TIME_LIMIT").asInt()).isBetween(1, 3600);
    }

    private SupersetProcesses.Result loadConfig(String secretKey, String supersetEnv) throws Exception {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Files.writeString(modules.resolve("MySQLdb.py"), "");
        Files.createDirectories(modules.resolve("sqlalchemy"));
        Files.writeString(modules.resolve("sqlalchemy/__init__.py"),
                "class event:\n    listens_for = staticmethod(lambda *target: lambda function: function)\n");
        Files.writeString(modules.resolve("sqlalchemy/engine.py"), "class Engine: pass\n");
        Files.createDirectories(modules.resolve("superset/utils"));
        Files.writeString(modules.resolve("superset/__init__.py"), "");
        Files.writeString(modules.resolve("superset/utils/__init__.py"), "");
        Files.writeString(modules.resolve("superset/utils/log.py"), "class AbstractEventLogger: pass\n");
        Map<String, String> environment = new HashMap<>();
        environment.put("PYTHONPATH", modules.toString());
        environment.put("SUPERSET_HOME", dir.toString());
        environment.put("SUPERSET_SECRET_KEY", secretKey);
        environment.put("SUPERSET_ENV", supersetEnv);
        return SupersetProcesses.run(dir, environment, "python3", "-c", LOAD_CONFIG,
                SupersetProcesses.script("superset_config.py"));
    }

    private static JsonNode config(SupersetProcesses.Result load) throws Exception {
        return new ObjectMapper().readTree(load.output().lines().reduce((first, last) -> last).orElseThrow());
    }
}
