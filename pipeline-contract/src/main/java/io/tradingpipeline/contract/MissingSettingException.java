package io.tradingpipeline.contract;

/** A setting that a program needs is set neither by its flag nor by its environment variable. */
public final class MissingSettingException extends RuntimeException {

    private final transient Setting setting;

    public MissingSettingException(Setting setting) {
        super(setting.name() + " is not set: export " + setting.name() + " or pass " + setting.option());
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
