package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingValuesTest {

    @Test
    void theEnvironmentWinsOverDevelopmentValuesWhichWinOverTheDefault() {
        SettingValues values = SettingValues.of(Map.of("MYSQL_WRITER_USER", "env-user", "KAFKA_TOPIC", ""))
                .withDevelopmentValues(Map.of("MYSQL_WRITER_USER", "dev-user", "MYSQL_WRITER_PASSWORD", "dev-pass",
                        "KAFKA_TOPIC", "dev-topic"));

        assertThat(values.find(Setting.MYSQL_WRITER_USER)).contains("env-user");
        assertThat(values.find(Setting.MYSQL_WRITER_PASSWORD)).contains("dev-pass");
        assertThat(values.find(Setting.KAFKA_TOPIC)).as("empty is unset").contains("dev-topic");
        assertThat(values.find(Setting.KAFKA_BOOTSTRAP_SERVERS)).contains("localhost:9092");
        assertThat(values.find(Setting.MYSQL_ROOT_PASSWORD)).isEmpty();
        assertThatThrownBy(() -> values.require(Setting.MYSQL_ROOT_PASSWORD))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("MYSQL_ROOT_PASSWORD");
    }

    @Test
    void fillsEveryPlaceholderWithTheEncodedValueAndRefusesOneThatNamesNoSetting() {
        SettingValues values = SettingValues.of(Map.of("MYSQL_DASHBOARD_PASSWORD", "p@ss:w/rd 100%&'\\"));

        assertThat(values.fill("'${MYSQL_DASHBOARD_USER}' '${MYSQL_DASHBOARD_PASSWORD}' ${...}",
                TemplateEncoding.SQL_STRING))
                .isEqualTo("'trading_dashboard' 'p@ss:w/rd 100%&''\\\\' ${...}");
        assertThat(values.fill("mysql://${MYSQL_DASHBOARD_USER}:${MYSQL_DASHBOARD_PASSWORD}@h",
                TemplateEncoding.URI_COMPONENT))
                .isEqualTo("mysql://trading_dashboard:p%40ss%3Aw%2Frd%20100%25%26%27%5C@h");
        assertThatThrownBy(() -> values.fill("${NOT_A_SETTING}", TemplateEncoding.SQL_STRING))
                .hasMessage("${NOT_A_SETTING} names no setting");
        assertThatThrownBy(() -> values.fill("${MYSQL_ROOT_PASSWORD}", TemplateEncoding.SQL_STRING))
                .isInstanceOf(MissingSettingException.class);
    }

    @Test
    void theStoreNamesAreTheOnesTheSchemaScriptsCreate() throws Exception {
        String cql = Files.readString(Path.of("..", "cql", "01-schema.cql"));
        String sql = Files.readString(Path.of("..", "sql", "01-schema.sql"));

        assertThat(cql).containsPattern("CREATE KEYSPACE IF NOT EXISTS " + Pattern.quote(StoreNames.CASSANDRA_KEYSPACE)
                + "\\s").contains(" " + StoreNames.CASSANDRA_KEYSPACE + ".real_time_data");
        assertThat(sql).contains("CREATE DATABASE IF NOT EXISTS " + StoreNames.MYSQL_DATABASE + " ",
                "USE " + StoreNames.MYSQL_DATABASE + ";");
    }
}
