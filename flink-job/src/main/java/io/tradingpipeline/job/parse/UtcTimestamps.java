package io.tradingpipeline.job.parse;

import java.time.LocalDate;
import java.time.Year;

/**
 * Allocation-free parser for the producers' usual {@code yyyy-MM-dd HH:mm:ss} UTC timestamps;
 * {@code DateTimeFormatter} costs more than the whole JSON parse of a tick. Anything else is left to
 * the general (and slower) formatter path.
 */
final class UtcTimestamps {
    /** Returned when the text is not exactly {@code yyyy-MM-dd HH:mm:ss} with valid fields. */
    static final long NOT_PARSED = Long.MIN_VALUE;

    private UtcTimestamps() {}

    static long parseSecondsPrecision(String text) {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return NOT_PARSED;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > daysInMonth(year, month)) {
            return NOT_PARSED;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1_000L;
    }

    /** The non-negative number in {@code text[start, start + length)}, or -1 if it is not all digits. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
