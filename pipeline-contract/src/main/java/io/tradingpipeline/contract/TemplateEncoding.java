package io.tradingpipeline.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * How a setting's value is written into a {@code ${NAME}} placeholder (see {@link SettingValues#fill}); the shell and
 * Python fillers of docker compose and Superset follow the same rules, which their tests hold against these.
 */
public final class TemplateEncoding {

    /** Inside an SQL string literal: backslashes doubled, single quotes doubled. */
    public static final UnaryOperator<String> SQL_STRING = value -> value.replace("\\", "\\\\").replace("'", "''");

    /** A URI component: every byte but unreserved characters percent-encoded (RFC 3986), spaces as {@code %20}. */
    public static final UnaryOperator<String> URI_COMPONENT = value ->
            URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");

    private TemplateEncoding() {
    }
}
