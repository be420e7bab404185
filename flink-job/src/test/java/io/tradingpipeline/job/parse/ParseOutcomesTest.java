package io.tradingpipeline.job.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseOutcomesTest {

    @Test
    void aShortReasonIsLoggedWhole() {
        String reason = "tick[3]: volume must be >= 0 but is -5";
        assertThat(ParseOutcomes.forTheLog(reason)).isEqualTo(reason);
    }

    @Test
    void aReasonOfMegabytesIsLoggedShortWithItsLength() {
        String reason = "tick[0]: missing field id; ".repeat(40_000);
        String logged = ParseOutcomes.forTheLog(reason);
        assertThat(logged).startsWith("tick[0]: missing field id; ")
                .endsWith("… (" + reason.length() + " characters)")
                .hasSizeLessThan(ParseOutcomes.MAX_LOGGED_REASON_CHARS + 30);
    }
}
