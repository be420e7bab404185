package io.tradingpipeline.job.sink;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** The longest prefix of at most {@code maxLength} bytes (none when it is negative) that is still well formed. */
final class Prefixes {
    private Prefixes() {}

    static byte[] bytes(byte[] bytes, int maxLength) {
        return prefix(bytes, maxLength, end -> true);
    }

    /** Never splits a UTF-8 encoded character. */
    static byte[] utf8(byte[] text, int maxLength) {
        return prefix(text, maxLength, end -> (text[end] & 0xC0) != 0x80);
    }

    /** Whole items of a comma-separated list only. */
    static byte[] wholeItems(byte[] list, int maxLength) {
        return prefix(list, maxLength, end -> list[end] == ',');
    }

    /** {@code mayEndBefore} tells whether a prefix may end just before the given index. */
    private static byte[] prefix(byte[] bytes, int maxLength, IntPredicate mayEndBefore) {
        if (maxLength >= bytes.length) {
            return bytes;
        }
        int end = Math.max(0, maxLength);
        while (end > 0 && !mayEndBefore.test(end)) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
