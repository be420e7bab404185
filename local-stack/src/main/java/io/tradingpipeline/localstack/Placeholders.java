package io.tradingpipeline.localstack;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${NAME}} placeholders, as used in the repository's SQL scripts. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Placeholders() {
    }

    static String fill(String text, Function<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.apply(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
