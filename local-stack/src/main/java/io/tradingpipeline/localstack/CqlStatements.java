package io.tradingpipeline.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script into statements at the semicolons that are outside comments ({@code --}, {@code //},
 * {@code /* *}{@code /}) and string literals ({@code '...'}, {@code "..."}, {@code $$...$$}). Comments are dropped.
 */
final class CqlStatements {

    private CqlStatements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (script.startsWith("--", i) || script.startsWith("//", i)) {
                i = indexAfter(script, "\n", i);
                current.append('\n');
            } else if (script.startsWith("/*", i)) {
                i = indexAfter(script, "*/", i + 2);
                current.append(' ');
            } else if (script.startsWith("$$", i)) {
                int end = indexAfter(script, "$$", i + 2);
                current.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                int end = endOfQuoted(script, i);
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** The index just after the closing quote; a doubled quote is an escaped one. */
    private static int endOfQuoted(String script, int start) {
        char quote = script.charAt(start);
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated " + quote + " literal starting at offset " + start);
    }

    private static int indexAfter(String script, String token, int from) {
        int index = script.indexOf(token, from);
        return index < 0 ? script.length() : index + token.length();
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String trimmed = statement.toString().strip();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }
}
