package io.tradingpipeline.contract;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli defaults of the options that are {@link Setting settings}, as {@link SettingValues} resolves them; else
 * the option's own default. Options that are not settings (e.g. the generator's {@code --rate}) never read the
 * environment.
 */
public final class SettingDefaults implements IDefaultValueProvider {

    private final SettingValues values;

    /** The process environment. */
    public SettingDefaults() {
        this(SettingValues.ofProcess());
    }

    public SettingDefaults(Map<String, String> environment) {
        this(SettingValues.of(environment));
    }

    public SettingDefaults(SettingValues values) {
        this.values = values;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        return Setting.ofOption(option.longestName()).flatMap(values::find).orElse(null);
    }

    /**
     * Fails with {@link MissingSettingException} when an option of {@code commandLine} that reads one of
     * {@code required} has no value after parsing.
     */
    public static void require(CommandLine commandLine, Setting... required) {
        for (Setting setting : required) {
            OptionSpec option = commandLine.getCommandSpec().findOption(setting.option());
            if (option == null) {
                throw new IllegalArgumentException(commandLine.getCommandName() + " has no option " + setting.option());
            }
            Object value = option.getValue();
            if (value == null || value.toString().isEmpty()) {
                throw new MissingSettingException(setting);
            }
        }
    }
}
