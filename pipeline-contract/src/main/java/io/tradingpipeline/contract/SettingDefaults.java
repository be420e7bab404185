package io.tradingpipeline.contract;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli defaults of the options that are {@link Setting settings}: the environment variable when set and not
 * empty, else the development default of {@code .env}, else the option's own default. Options that are not
 * settings (e.g. the generator's {@code --rate}) never read the environment.
 */
public final class SettingDefaults implements IDefaultValueProvider {

    private final Function<String, String> environment;
    private final DevelopmentDefaults developmentDefaults;

    /** The process environment and the jar's copy of {@code .env}. */
    public SettingDefaults() {
        this(System::getenv, DevelopmentDefaults.bundled());
    }

    public SettingDefaults(Map<String, String> environment) {
        this(environment::get, DevelopmentDefaults.bundled());
    }

    private SettingDefaults(Function<String, String> environment, DevelopmentDefaults developmentDefaults) {
        this.environment = environment;
        this.developmentDefaults = developmentDefaults;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        return Setting.ofOption(option.longestName()).flatMap(this::value).orElse(null);
    }

    private Optional<String> value(Setting setting) {
        String fromEnvironment = environment.apply(setting.name());
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        return developmentDefaults.get(setting);
    }
}
