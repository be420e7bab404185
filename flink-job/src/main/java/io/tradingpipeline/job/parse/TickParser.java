package io.tradingpipeline.job.parse;

import static io.tradingpipeline.job.parse.RejectionCategory.EMPTY;
import static io.tradingpipeline.job.parse.RejectionCategory.NOT_A_TICK_ARRAY;
import static io.tradingpipeline.job.parse.RejectionCategory.NOT_JSON;
import static io.tradingpipeline.job.parse.RejectionCategory.OVERSIZED;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.tradingpipeline.job.model.Tick;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one Kafka message (a JSON array of ticks, or a single tick object) with Jackson's streaming
 * parser and validates every tick. Not thread-safe: create one per operator instance and reuse it.
 *
 * <p>Types are strict: numbers must be JSON numbers (integers for id, volume and market_cap), text
 * must be JSON strings. Unknown fields are ignored so producers can add fields.
 */
public final class TickParser {
    /** Column widths of the MySQL schema; longer values would fail the exactly-once sink forever. */
    static final int MAX_TICKER_LENGTH = 16;
    static final int MAX_SECTOR_LENGTH = 64;
    /** DECIMAL(18,4) keeps 14 integer digits. */
    static final int MAX_PRICE_INTEGER_DIGITS = 14;
    /** Keeps window sums far from long overflow. */
    static final long MAX_VOLUME = 1_000_000_000_000L;

    private static final DateTimeFormatter UTC_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_DETAIL_LENGTH = 160;

    /** Bits of the known fields, in the order of {@link #FIELD_NAMES}. */
    private static final int ID = 1;
    private static final int TICKER = 1 << 1;
    private static final int SECTOR = 1 << 2;
    private static final int PRICE = 1 << 3;
    private static final int VOLUME = 1 << 4;
    private static final int MARKET_CAP = 1 << 5;
    private static final int CREATED_AT = 1 << 6;
    private static final String[] FIELD_NAMES =
            {"id", "ticker", "sector", "price", "volume", "market_cap", "created_at"};

    /** Duplicates of known fields are detected per tick, far cheaper than Jackson's detection. */
    private final JsonFactory jsonFactory = new JsonFactory();
    private final int maxMessageBytes;

    /** The first problem of the tick being read; set by the field readers. */
    private String tickProblem;

    public TickParser(int maxMessageBytes) {
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public ParsedMessage parse(byte[] message) {
        if (message == null || message.length == 0) {
            return ParsedMessage.failed(EMPTY, "empty message");
        }
        if (message.length > maxMessageBytes) {
            return ParsedMessage.failed(OVERSIZED, "message of " + message.length
                    + " bytes exceeds the limit of " + maxMessageBytes + " bytes");
        }
        try (JsonParser parser = jsonFactory.createParser(message)) {
            return parseDocument(parser);
        } catch (JsonEOFException e) {
            return ParsedMessage.failed(NOT_JSON, "truncated JSON: " + describe(e));
        } catch (JsonProcessingException e) {
            String detail = describe(e);
            return ParsedMessage.failed(NOT_JSON,
                    (detail.contains("UTF-8") ? "invalid UTF-8: " : "malformed JSON: ") + detail);
        } catch (IOException e) {
            return ParsedMessage.failed(NOT_JSON, "unreadable message: " + e.getMessage());
        }
    }

    private ParsedMessage parseDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return ParsedMessage.failed(EMPTY, "empty message");
        }
        List<Tick> ticks = new ArrayList<>();
        List<TickRejection> rejections = new ArrayList<>(0);
        if (first == JsonToken.START_OBJECT) {
            readElement(parser, 0, ticks, rejections);
        } else if (first == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                readElement(parser, index++, ticks, rejections);
            }
            if (index == 0) {
                return ParsedMessage.failed(NOT_A_TICK_ARRAY, "empty array");
            }
        } else {
            return ParsedMessage.failed(NOT_A_TICK_ARRAY,
                    "top-level JSON value is " + describe(first) + ", not an array or object");
        }
        if (parser.nextToken() != null) {
            return ParsedMessage.failed(NOT_JSON, "trailing content after the JSON value");
        }
        return new ParsedMessage(ticks, null, null, rejections);
    }

    /** Reads the element the parser is positioned on and leaves the parser on its last token. */
    private void readElement(JsonParser parser, int index, List<Tick> ticks, List<TickRejection> rejections)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            rejections.add(new TickRejection(index, "element is " + describe(token) + ", not an object"));
            return;
        }
        Tick tick = readTick(parser);
        if (tick == null) {
            rejections.add(new TickRejection(index, tickProblem));
        } else {
            ticks.add(tick);
        }
    }

    /** Reads a tick object to its END_OBJECT; returns null and sets {@link #tickProblem} if invalid. */
    private Tick readTick(JsonParser parser) throws IOException {
        tickProblem = null;
        long id = 0;
        long volume = 0;
        long marketCap = 0;
        long createdAt = 0;
        String ticker = null;
        String sector = null;
        BigDecimal price = null;
        int seen = 0;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            int bit = switch (field) {
                case "id" -> {
                    id = readLong(parser, value, "id");
                    yield ID;
                }
                case "ticker" -> {
                    ticker = readText(parser, value, "ticker", MAX_TICKER_LENGTH);
                    yield TICKER;
                }
                case "sector" -> {
                    sector = readText(parser, value, "sector", MAX_SECTOR_LENGTH);
                    yield SECTOR;
                }
                case "price" -> {
                    price = readPrice(parser, value);
                    yield PRICE;
                }
                case "volume" -> {
                    volume = readLong(parser, value, "volume");
                    yield VOLUME;
                }
                case "market_cap" -> {
                    marketCap = readLong(parser, value, "market_cap");
                    yield MARKET_CAP;
                }
                case "created_at" -> {
                    createdAt = readCreatedAt(parser, value);
                    yield CREATED_AT;
                }
                default -> {
                    parser.skipChildren();
                    yield 0;
                }
            };
            if ((seen & bit) != 0) {
                problem("duplicate field " + field);
            }
            seen |= bit;
        }
        if (tickProblem == null) {
            tickProblem = missingField(seen);
        }
        if (tickProblem == null) {
            tickProblem = rangeProblem(price, volume, marketCap);
        }
        if (tickProblem != null) {
            return null;
        }
        return new Tick(id, ticker, sector, price, volume, marketCap, createdAt);
    }

    /** The value, or 0 with the problem recorded. */
    private long readLong(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                problem(field + " is out of the 64-bit integer range");
                return 0;
            }
            return parser.getLongValue();
        }
        wrongType(parser, value, field, "an integer");
        return 0;
    }

    private String readText(JsonParser parser, JsonToken value, String field, int maxLength) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            return wrongType(parser, value, field, "a string");
        }
        String text = parser.getText();
        if (text.isBlank()) {
            return problem(field + " is blank");
        }
        if (text.length() > maxLength) {
            return problem(field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    private BigDecimal readPrice(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        return wrongType(parser, value, "price", "a number");
    }

    /** Epoch milliseconds, or 0 with the problem recorded. */
    private long readCreatedAt(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            wrongType(parser, value, "created_at", "a string");
            return 0;
        }
        String text = parser.getText();
        long fastPath = UtcTimestamps.parseSecondsPrecision(text);
        if (fastPath != UtcTimestamps.NOT_PARSED) {
            return fastPath;
        }
        try {
            if (text.length() > 10 && text.charAt(10) == 'T') {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(text, UTC_LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            problem("created_at '" + abbreviate(text)
                    + "' is neither 'yyyy-MM-dd HH:mm:ss' (UTC) nor ISO-8601 with an offset");
            return 0;
        }
    }

    private <T> T wrongType(JsonParser parser, JsonToken value, String field, String expected) throws IOException {
        parser.skipChildren();
        return problem(value == JsonToken.VALUE_NULL
                ? field + " is null"
                : field + " must be " + expected + " but is " + describe(value));
    }

    /** Records the first problem of the current tick; later fields are still read to stay in sync. */
    private <T> T problem(String description) {
        if (tickProblem == null) {
            tickProblem = description;
        }
        return null;
    }

    private static String missingField(int seen) {
        for (int i = 0; i < FIELD_NAMES.length; i++) {
            if ((seen & (1 << i)) == 0) {
                return "missing field " + FIELD_NAMES[i];
            }
        }
        return null;
    }

    private static String rangeProblem(BigDecimal price, long volume, long marketCap) {
        if (price.signum() <= 0) {
            return "price must be > 0 but is " + price.toPlainString();
        }
        if (price.precision() - price.scale() > MAX_PRICE_INTEGER_DIGITS) {
            return "price has more than " + MAX_PRICE_INTEGER_DIGITS + " integer digits";
        }
        if (volume < 0) {
            return "volume must be >= 0 but is " + volume;
        }
        if (volume > MAX_VOLUME) {
            return "volume exceeds " + MAX_VOLUME;
        }
        if (marketCap < 0) {
            return "market_cap must be >= 0 but is " + marketCap;
        }
        return null;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** Jackson's message without the source excerpt, plus the byte position. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = abbreviate(message);
        return e.getLocation() == null ? message : message + " at byte " + e.getLocation().getByteOffset();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
