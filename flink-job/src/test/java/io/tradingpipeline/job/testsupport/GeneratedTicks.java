package io.tradingpipeline.job.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tradingpipeline.contract.TickFormat;
import io.tradingpipeline.job.parse.RejectionCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Seed-format tick messages with unique ids, plus everything a test needs to check the stores against:
 * the valid ticks by id, total volume and per-ticker and per-sector sums, and the messages made, bad ones with
 * their dead-letter category.
 */
public final class GeneratedTicks implements ExpectedTicks {
    public static final int TICKS_PER_MESSAGE = 10;
    private static final String[][] COMPANIES = {
            {"ALTO.JK", "Beverages"}, {"BUDI.JK", "Processed Foods"}, {"DWGL.JK", "Coal"},
            {"TMAS.JK", "Logistics & Deliveries"}, {"AMIN.JK", "Machinery"}, {"KRAH.JK", "Machinery"},
            {"PRDA.JK", "Healthcare Providers"}, {"CAKK.JK", "Construction Materials"},
            {"SOSS.JK", "Commercial Services"}, {"BRPT.JK", "Chemicals"}};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<Long, ExpectedTick> ticksById = new HashMap<>();
    private final Map<String, Long> deadLettersByCategory = new HashMap<>();
    private long nextId;
    private long messages;
    private long rejectedTicks;

    public GeneratedTicks(long firstId) {
        this.nextId = firstId;
    }

    /** A row of {@code real_time_data} as the job must write it. */
    public record ExpectedTick(long id, Instant createdAt, String ticker, String sector, long volume, long marketCap,
            BigDecimal price) {}

    /** Per-ticker sums and price range over all windows. */
    public record TickerTotals(long volume, long ticks, BigDecimal low, BigDecimal high) {
        TickerTotals add(ExpectedTick tick) {
            return new TickerTotals(volume + tick.volume(), ticks + 1,
                    low == null ? tick.price() : low.min(tick.price()),
                    high == null ? tick.price() : high.max(tick.price()));
        }
    }

    /** The next message: {@value #TICKS_PER_MESSAGE} valid ticks. */
    public byte[] nextMessage() {
        return message(-1, createdAt);
    }

    /** The next message: {@value #TICKS_PER_MESSAGE} valid ticks created at {@code tickCreatedAt}. */
    public byte[] nextMessageAt(Instant tickCreatedAt) {
        return message(-1, tickCreatedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Like {@link #nextMessageAt}, for a message sent after the event-time window of {@code tickCreatedAt} closed:
     * its ticks still reach Cassandra and count as parsed, and the message is dead-lettered as late.
     */
    public byte[] nextLateMessageAt(Instant tickCreatedAt) {
        expectDeadLetter(RejectionCategory.LATE);
        return nextMessageAt(tickCreatedAt);
    }

    /** A message whose tick at {@code invalidIndex} has a negative volume; the others are valid. */
    public byte[] nextMessageWithInvalidTick(int invalidIndex) {
        rejectedTicks++;
        expectDeadLetter(RejectionCategory.INVALID_TICK);
        return message(invalidIndex, createdAt);
    }

    /** {@code value}, counted as a message the job must dead-letter whole with {@code category}. */
    public byte[] badMessage(byte[] value, RejectionCategory category) {
        messages++;
        expectDeadLetter(category);
        return value;
    }

    private void expectDeadLetter(RejectionCategory category) {
        deadLettersByCategory.merge(category.label(), 1L, Long::sum);
    }

    /** Decimal prices, unlike the generator's, so that the job's DECIMAL path is exercised too. */
    private byte[] message(int invalidIndex, Instant tickCreatedAt) {
        messages++;
        ArrayNode message = JSON.createArrayNode();
        String createdAtText = TickFormat.CREATED_AT_FORMAT.format(tickCreatedAt);
        for (int i = 0; i < TICKS_PER_MESSAGE; i++) {
            long id = nextId++;
            String[] company = COMPANIES[(int) (id % COMPANIES.length)];
            BigDecimal price = BigDecimal.valueOf(100 + id % 37).add(BigDecimal.valueOf(id % 4, 2));
            long volume = 1_000 + id % 997;
            long marketCap = 5_000_000 + id;
            message.addObject()
                    .put(TickFormat.ID, id)
                    .put(TickFormat.TICKER, company[0])
                    .put(TickFormat.CREATED_AT, createdAtText)
                    .put(TickFormat.PRICE, price)
                    .put(TickFormat.MARKET_CAP, marketCap)
                    .put(TickFormat.VOLUME, i == invalidIndex ? -volume : volume)
                    .put(TickFormat.SECTOR, company[1]);
            if (i != invalidIndex) {
                ticksById.put(id, new ExpectedTick(id, tickCreatedAt, company[0], company[1], volume, marketCap, price));
            }
        }
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<Long, ExpectedTick> ticksById() {
        return ticksById;
    }

    @Override
    public long messageCount() {
        return messages;
    }

    @Override
    public long rejectedTickCount() {
        return rejectedTicks;
    }

    @Override
    public Map<String, Long> deadLettersByCategory() {
        return deadLettersByCategory;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
