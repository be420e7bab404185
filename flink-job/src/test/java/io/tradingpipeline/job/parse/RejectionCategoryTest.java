package io.tradingpipeline.job.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way TickParser rejects a message maps to one category; the labels are what dashboards group by. */
class RejectionCategoryTest {
    private static final int MAX_BYTES = 1024;
    private static final String VALID = "{\"id\": 1, \"ticker\": \"ALTO.JK\", \"sector\": \"Beverages\", "
            + "\"price\": 538, \"volume\": 10, \"market_cap\": 538000, \"created_at\": \"2024-09-05 07:52:35\"}";

    private final TickParser parser = new TickParser(MAX_BYTES);

    static Stream<Arguments> rejectedMessages() {
        return Stream.of(
                Arguments.of("no bytes", new byte[0], "empty"),
                Arguments.of("whitespace only", utf8(" \n\t "), "empty"),
                Arguments.of("over the limit", utf8("[" + " ".repeat(MAX_BYTES) + "]"), "oversized"),
                Arguments.of("not JSON", utf8("not json at all"), "not_json"),
                Arguments.of("truncated", utf8("[" + VALID), "not_json"),
                Arguments.of("invalid UTF-8", new byte[] {'[', '"', (byte) 0xFF, '"', ']'}, "not_json"),
                Arguments.of("second top-level value", utf8("[" + VALID + "] [" + VALID + "]"), "not_json"),
                Arguments.of("top-level string", utf8("\"tick\""), "not_a_tick_array"),
                Arguments.of("top-level number", utf8("42"), "not_a_tick_array"),
                Arguments.of("top-level null", utf8("null"), "not_a_tick_array"),
                Arguments.of("empty array", utf8("[]"), "not_a_tick_array"),
                Arguments.of("element not an object", utf8("[1]"), "invalid_tick"),
                Arguments.of("invalid single object", utf8(VALID.replace("\"volume\": 10", "\"volume\": -1")),
                        "invalid_tick"),
                Arguments.of("partly invalid array",
                        utf8("[" + VALID + ", " + VALID.replace("\"id\": 1", "\"id\": null") + "]"), "invalid_tick"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedMessages")
    void aRejectedMessageHasTheCategoryOfItsProblem(String kind, byte[] message, String category) {
        ParsedMessage parsed = parser.parse(message);

        assertThat(parsed.hasProblems()).isTrue();
        assertThat(parsed.category()).extracting(RejectionCategory::label).isEqualTo(category);
    }

    @Test
    void aNullValueIsEmpty() {
        assertThat(parser.parse(null).category()).isEqualTo(RejectionCategory.EMPTY);
    }

    @Test
    void aValidMessageHasNoCategory() {
        assertThat(parser.parse(utf8("[" + VALID + "]")).category()).isNull();
        assertThat(parser.parse(utf8(VALID)).category()).isNull();
    }

    @Test
    void labelsAreStableDistinctAndFitTheReasonColumn() {
        assertThat(Arrays.stream(RejectionCategory.values()).map(RejectionCategory::label))
                .containsExactly("empty", "oversized", "not_json", "not_a_tick_array", "invalid_tick", "late")
                .doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).matches("[a-z_]{1,64}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
