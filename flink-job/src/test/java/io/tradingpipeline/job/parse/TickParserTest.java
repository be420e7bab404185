package io.tradingpipeline.job.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.TickMessageSample;
import io.tradingpipeline.job.model.Tick;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TickParserTest {
    private static final int MAX_BYTES = 4096;
    private static final String SEED_SAMPLE = "[{\"id\": 521, \"ticker\": \"ALTO.JK\", \"created_at\": "
            + "\"2024-09-05 07:52:35\", \"price\": 538, \"market_cap\": 538000, \"volume\": 195668, "
            + "\"sector\": \"Beverages\"}]";
    private static final String VALID = "{\"id\": 1, \"ticker\": \"ALTO.JK\", \"sector\": \"Beverages\", "
            + "\"price\": 538, \"volume\": 10, \"market_cap\": 538000, \"created_at\": \"2024-09-05 07:52:35\"}";

    private final TickParser parser = new TickParser(MAX_BYTES);

    /** Messages that are unusable as a whole: no tick may come out of them. */
    static Stream<Arguments> malformedMessages() {
        return Stream.of(
                bad("not JSON", "hello world", "malformed JSON"),
                bad("truncated JSON", "[{\"id\": 1, \"ticker\": \"AL", "truncated JSON"),
                bad("truncated array", "[" + VALID, "truncated JSON"),
                bad("top-level string", "\"tick\"", "top-level JSON value is a string"),
                bad("top-level number", "42", "top-level JSON value is a number"),
                bad("top-level null", "null", "top-level JSON value is null"),
                bad("top-level boolean", "true", "top-level JSON value is a boolean"),
                bad("empty array", "[]", "empty array"),
                bad("whitespace only", "   \n ", "empty message"),
                bad("trailing garbage", "[" + VALID + "] xyz", "malformed JSON"),
                bad("second top-level value", "[" + VALID + "] [" + VALID + "]", "trailing content"),
                bad("extra closing bracket", "[" + VALID + "]]", "malformed JSON"),
                bad("single quotes", "[{'id': 1}]", "malformed JSON"),
                bad("NaN literal", VALID.replace("538,", "NaN,"), "malformed JSON"),
                bad("leading zero number", VALID.replace("\"volume\": 10", "\"volume\": 010"), "malformed JSON"));
    }

    /** Readable arrays whose single element is invalid: the message is dead-lettered with that reason. */
    static Stream<Arguments> invalidTicks() {
        return Stream.of(
                bad("array of numbers", "[1]", "element is a number, not an object"),
                bad("nested array", "[[" + VALID + "]]", "element is an array, not an object"),
                bad("null element", "[null]", "element is null, not an object"),
                bad("missing id", without("id"), "missing field id"),
                bad("missing ticker", without("ticker"), "missing field ticker"),
                bad("missing sector", without("sector"), "missing field sector"),
                bad("missing price", without("price"), "missing field price"),
                bad("missing volume", without("volume"), "missing field volume"),
                bad("missing market_cap", without("market_cap"), "missing field market_cap"),
                bad("missing created_at", without("created_at"), "missing field created_at"),
                bad("duplicate field", with("\"id\": 1", "\"id\": 1, \"id\": 2"), "duplicate field id"),
                bad("created_at hour 24", with("2024-09-05 07:52:35", "2024-09-05 24:00:00"),
                        "created_at '2024-09-05 24:00:00'"),
                bad("created_at Feb 29 of a non-leap year", with("2024-09-05 07:52:35", "2023-02-29 10:00:00"),
                        "created_at '2023-02-29 10:00:00'"),
                bad("id null", with("\"id\": 1", "\"id\": null"), "id is null"),
                bad("id not integer", with("\"id\": 1", "\"id\": 1.5"), "id must be an integer but is a number"),
                bad("id as string", with("\"id\": 1", "\"id\": \"1\""), "id must be an integer but is a string"),
                bad("id overflowing long", with("\"id\": 1", "\"id\": 99999999999999999999"),
                        "id is out of the 64-bit integer range"),
                bad("negative volume", with("\"volume\": 10", "\"volume\": -5"), "volume must be >= 0 but is -5"),
                bad("fractional volume", with("\"volume\": 10", "\"volume\": 10.5"), "volume must be an integer"),
                bad("huge volume", with("\"volume\": 10", "\"volume\": 1000000000001"), "volume exceeds"),
                bad("zero price", with("\"price\": 538", "\"price\": 0"), "price must be > 0 but is 0"),
                bad("negative price", with("\"price\": 538", "\"price\": -1.25"), "price must be > 0 but is -1.25"),
                bad("price as string", with("\"price\": 538", "\"price\": \"abc\""),
                        "price must be a number but is a string"),
                bad("price too large", with("\"price\": 538", "\"price\": 123456789012345"),
                        "price has more than 14 integer digits"),
                bad("negative market_cap", with("\"market_cap\": 538000", "\"market_cap\": -1"),
                        "market_cap must be >= 0"),
                bad("blank ticker", with("\"ALTO.JK\"", "\"  \""), "ticker is blank"),
                bad("ticker too long", with("\"ALTO.JK\"", "\"ABCDEFGHIJKLMNOPQ\""), "ticker is longer than 16"),
                bad("ticker as object", with("\"ALTO.JK\"", "{\"a\": [1]}"), "ticker must be a string but is an object"),
                bad("empty sector", with("\"Beverages\"", "\"\""), "sector is blank"),
                bad("created_at unparseable", with("2024-09-05 07:52:35", "yesterday"), "created_at 'yesterday'"),
                bad("created_at impossible date", with("2024-09-05 07:52:35", "2024-02-30 07:52:35"),
                        "created_at '2024-02-30 07:52:35'"),
                bad("created_at ISO without offset", with("2024-09-05 07:52:35", "2024-09-05T07:52:35"),
                        "created_at '2024-09-05T07:52:35'"),
                bad("created_at as number", with("\"2024-09-05 07:52:35\"", "1725522755"),
                        "created_at must be a string but is a number"));
    }

    static Stream<TickMessageSample> sharedSamples() {
        return TickMessageSample.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSamples")
    void keepsAndReportsWhatTheSharedSampleSays(TickMessageSample sample) {
        ParsedMessage parsed = new TickParser(MAX_BYTES).parse(sample.bytes());

        assertThat(parsed.ticks()).extracting(Tick::id).containsExactly(
                Arrays.stream(sample.acceptedIds()).boxed().toArray(Long[]::new));
        if (sample.problem() == null) {
            assertThat(parsed.hasProblems()).isFalse();
        } else {
            assertThat(parsed.problemDescription()).contains(sample.problem());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void rejectsMalformedMessageAsAWhole(String kind, byte[] message, String expectedReason) {
        ParsedMessage parsed = parser.parse(message);

        assertThat(parsed.ticks()).isEmpty();
        assertThat(parsed.hasProblems()).isTrue();
        assertThat(parsed.error()).contains(expectedReason);
        assertThat(parsed.rejectedIndexes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTicks")
    void rejectsInvalidTick(String kind, byte[] message, String expectedReason) {
        ParsedMessage parsed = parser.parse(message);

        assertThat(parsed.ticks()).isEmpty();
        assertThat(parsed.error()).isNull();
        assertThat(parsed.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.index()).isZero();
            assertThat(rejection.reason()).contains(expectedReason);
        });
        assertThat(parsed.problemDescription()).startsWith("tick[0]: ");
    }

    @Test
    void rejectsNullAndEmptyMessages() {
        assertThat(parser.parse(null).error()).isEqualTo("empty message");
        assertThat(parser.parse(new byte[0]).error()).isEqualTo("empty message");
    }

    @Test
    void rejectsOversizedMessageWithoutParsing() {
        byte[] message = new byte[MAX_BYTES + 1];
        Arrays.fill(message, (byte) ' ');

        assertThat(parser.parse(message).error())
                .isEqualTo("message of 4097 bytes exceeds the limit of 4096 bytes");
    }

    @Test
    void rejectsInvalidUtf8InAString() {
        byte[] message = ("[" + VALID.replace("Beverages", "Bev\u0001") + "]").getBytes(StandardCharsets.UTF_8);
        int marker = indexOf(message, (byte) 1);
        message[marker] = (byte) 0xC3; // a two-byte sequence start ...
        message[marker + 1] = (byte) 0x28; // ... followed by a non-continuation byte

        ParsedMessage parsed = parser.parse(message);

        assertThat(parsed.ticks()).isEmpty();
        assertThat(parsed.error()).startsWith("invalid UTF-8");
    }

    @Test
    void rejectsInvalidUtf8StartByte() {
        byte[] message = ("[" + VALID.replace("Beverages", "Bev\u0001") + "]").getBytes(StandardCharsets.UTF_8);
        message[indexOf(message, (byte) 1)] = (byte) 0xFF;

        assertThat(parser.parse(message).error()).startsWith("invalid UTF-8");
    }

    @Test
    void parsesTheSeedSample() {
        ParsedMessage parsed = parser.parse(utf8(SEED_SAMPLE));

        assertThat(parsed.hasProblems()).isFalse();
        assertThat(parsed.ticks()).containsExactly(new Tick(521, "ALTO.JK", "Beverages", new BigDecimal("538"),
                195668, 538000, Instant.parse("2024-09-05T07:52:35Z").toEpochMilli()));
    }

    @Test
    void parsesLeapDayAndFractionalSecondsInTheUtcFormat() {
        assertThat(parser.parse(utf8(VALID.replace("2024-09-05 07:52:35", "2024-02-29 23:59:59"))).ticks())
                .extracting(Tick::createdAtMillis)
                .containsExactly(Instant.parse("2024-02-29T23:59:59Z").toEpochMilli());
        assertThat(parser.parse(utf8(VALID.replace("2024-09-05 07:52:35", "2024-09-05 07:52:35.5"))).ticks())
                .extracting(Tick::createdAtMillis)
                .containsExactly(Instant.parse("2024-09-05T07:52:35.500Z").toEpochMilli());
    }

    @Test
    void parsesASingleObjectAsOneTick() {
        ParsedMessage parsed = parser.parse(utf8(VALID));

        assertThat(parsed.hasProblems()).isFalse();
        assertThat(parsed.ticks()).extracting(Tick::id).containsExactly(1L);
    }

    @Test
    void parsesIso8601WithOffsetAndDecimalPrice() {
        String message = VALID.replace("2024-09-05 07:52:35", "2024-09-05T09:52:35.250+02:00")
                .replace("538,", "538.125,");

        Tick tick = parser.parse(utf8(message)).ticks().get(0);

        assertThat(tick.createdAtMillis()).isEqualTo(Instant.parse("2024-09-05T07:52:35.250Z").toEpochMilli());
        assertThat(tick.price()).isEqualByComparingTo("538.125");
        assertThat(tick.tradeEpochDay()).isEqualTo(19971);
    }

    @Test
    void acceptsUtcZuluSuffixUnknownFieldsAndAByteOrderMark() {
        String message = "\uFEFF[" + VALID.replace("2024-09-05 07:52:35", "2024-09-05T07:52:35Z")
                .replace("{", "{\"exchange\": {\"name\": \"IDX\", \"codes\": [1, 2]}, ") + "]";

        ParsedMessage parsed = parser.parse(utf8(message));

        assertThat(parsed.hasProblems()).isFalse();
        assertThat(parsed.ticks()).singleElement().extracting(Tick::createdAtMillis)
                .isEqualTo(Instant.parse("2024-09-05T07:52:35Z").toEpochMilli());
    }

    @Test
    void keepsValidTicksOfAnArrayAndNamesTheRejectedOnes() {
        String message = "[" + VALID + ", " + VALID.replace("\"volume\": 10", "\"volume\": -1") + ", "
                + VALID.replace("\"id\": 1", "\"id\": 3") + ", \"junk\"]";

        ParsedMessage parsed = parser.parse(utf8(message));

        assertThat(parsed.ticks()).extracting(Tick::id).containsExactly(1L, 3L);
        assertThat(parsed.rejectedIndexes()).containsExactly(1, 3);
        assertThat(parsed.problemDescription())
                .isEqualTo("tick[1]: volume must be >= 0 but is -1; tick[3]: element is a string, not an object");
    }

    @Test
    void reportsTheFirstProblemOfATick() {
        String message = with("\"id\": 1", "\"id\": \"x\"").replace("\"price\": 538", "\"price\": -1");

        assertThat(parser.parse(utf8(message)).problemDescription())
                .isEqualTo("tick[0]: id must be an integer but is a string");
    }

    @Test
    void parserIsReusableAfterBadInput() {
        parser.parse(utf8("[{\"id\": "));

        assertThat(parser.parse(utf8(SEED_SAMPLE)).ticks()).hasSize(1);
    }

    private static Arguments bad(String kind, String message, String expectedReason) {
        return Arguments.of(kind, utf8(message), expectedReason);
    }

    private static String with(String original, String replacement) {
        if (!VALID.contains(original)) {
            throw new IllegalArgumentException(original);
        }
        return "[" + VALID.replace(original, replacement) + "]";
    }

    private static String without(String field) {
        String withoutField = VALID.replaceAll("\"" + field + "\": (\"[^\"]*\"|[^,}]*)(, )?", "")
                .replace(", }", "}");
        if (withoutField.contains("\"" + field + "\"")) {
            throw new IllegalArgumentException(field);
        }
        return "[" + withoutField + "]";
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
