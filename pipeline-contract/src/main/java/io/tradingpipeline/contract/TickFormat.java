package io.tradingpipeline.contract;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The message format of the topic {@code trading_data}: a JSON array of tick objects (the job also takes a single
 * object) with these keys; {@code created_at} is written in UTC as {@code yyyy-MM-dd HH:mm:ss}. The job also
 * reads fractional seconds and ISO-8601 with an offset. {@link TickMessageSample} holds examples of both sides.
 */
public final class TickFormat {
    public static final String ID = "id";
    public static final String TICKER = "ticker";
    public static final String SECTOR = "sector";
    public static final String PRICE = "price";
    public static final String VOLUME = "volume";
    public static final String MARKET_CAP = "market_cap";
    public static final String CREATED_AT = "created_at";

    public static final DateTimeFormatter CREATED_AT_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TickFormat() {}
}
