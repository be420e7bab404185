package io.tradingpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tradingpipeline.contract.SettingValues;
import io.tradingpipeline.contract.TemplateEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bundle.py} fills the database URI's placeholders by the rule of the settings' one resolver
 * ({@link SettingValues} with {@link TemplateEncoding#URI_COMPONENT}), odd characters included. An integration
 * test: it runs the script with the venv's Python, which has PyYAML.
 */
class PlaceholderRuleIT {

    private static final Path VENV_PYTHON = Path.of(".venv", "bin", "python").toAbsolutePath();

    @Test
    void bundlePyFillsTheDatabaseUriAsTheJavaResolverDoes(@TempDir Path dir) throws Exception {
        Map<String, String> environment = Map.of(
                "MYSQL_HOST", "db.example",
                "MYSQL_PORT", "3307",
                "MYSQL_DASHBOARD_USER", "bi reader",
                "MYSQL_DASHBOARD_PASSWORD", "p@ss:w/rd 100%&'\\~*+é");
        String template = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("dashboard", "databases", "trading.yaml")))
                .path("sqlalchemy_uri").asText();

        SupersetProcesses.Result python = SupersetProcesses.run(dir, new HashMap<>(environment),
                VENV_PYTHON.toString(), SupersetProcesses.script("bundle.py"), "database-uri");

        assertThat(python.exitCode()).as(python.output()).isZero();
        assertThat(template).contains("${MYSQL_DASHBOARD_PASSWORD}");
        assertThat(python.output().strip())
                .isEqualTo(SettingValues.of(environment).fill(template, TemplateEncoding.URI_COMPONENT))
                .contains("p%40ss%3Aw%2Frd%20100%25%26%27%5C~%2A%2B%C3%A9");
    }

    @Test
    void bundlePyNamesAPlaceholderThatIsNotSet(@TempDir Path dir) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("MYSQL_HOST", "db", "MYSQL_PORT", "3306",
                "MYSQL_DASHBOARD_USER", "reader"));
        environment.put("MYSQL_DASHBOARD_PASSWORD", "");

        SupersetProcesses.Result python = SupersetProcesses.run(dir, environment,
                VENV_PYTHON.toString(), SupersetProcesses.script("bundle.py"), "database-uri");

        assertThat(python.exitCode()).isNotZero();
        assertThat(python.output()).contains("MYSQL_DASHBOARD_PASSWORD is not set").doesNotContain("Traceback");
    }
}
