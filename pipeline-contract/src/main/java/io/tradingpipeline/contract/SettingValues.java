package io.tradingpipeline.contract;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one resolver of {@link Setting settings}: the environment variable when set and not empty, else a development
 * value that the caller supplies explicitly (the local stack and the tests pass the repository's {@code .env}), else
 * the setting's own default. Also fills the {@code ${NAME}} placeholders of the repository's SQL scripts and of the
 * dashboard's database URI, where every NAME is a setting and a missing value is an error.
 */
public final class SettingValues {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;
    private final Map<String, String> developmentValues;

    private SettingValues(Function<String, String> environment, Map<String, String> developmentValues) {
        this.environment = environment;
        this.developmentValues = Map.copyOf(developmentValues);
    }

    /** The process environment and the settings' defaults; no development values. */
    public static SettingValues ofProcess() {
        return new SettingValues(System::getenv, Map.of());
    }

    public static SettingValues of(Map<String, String> environment) {
        return new SettingValues(environment::get, Map.of());
    }

    /** These values, with {@code values} (e.g. a {@code .env} file's) below the environment. */
    public SettingValues withDevelopmentValues(Map<String, String> values) {
        return new SettingValues(environment, values);
    }

    public Optional<String> find(Setting setting) {
        return nonEmpty(environment.apply(setting.name()))
                .or(() -> nonEmpty(developmentValues.get(setting.name())))
                .or(setting::defaultValue);
    }

    public String require(Setting setting) {
        return find(setting).orElseThrow(() -> new MissingSettingException(setting));
    }

    /** {@code template} with every {@code ${NAME}} replaced by {@code encode} of the value of setting NAME. */
    public String fill(String template, Function<String, String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Setting setting = Setting.named(name)
                    .orElseThrow(() -> new IllegalArgumentException("${" + name + "} names no setting"));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(encode.apply(require(setting))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
