package io.tradingpipeline.job.sink.mysql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Checkpoint format of a {@link RowBatch}. It holds column values, not the job's records, so a savepoint stays
 * readable when a record class changes. Each value is a type tag and its value; a {@code null} is a tag alone.
 */
public final class RowBatchSerializer implements SimpleVersionedSerializer<RowBatch> {
    private static final int VERSION = 1;
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte INTEGER = 2;
    private static final byte STRING = 3;
    private static final byte DECIMAL = 4;
    private static final byte DATE = 5;
    private static final byte DATE_TIME = 6;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(RowBatch batch) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(batch.id().getMostSignificantBits());
        out.writeLong(batch.id().getLeastSignificantBits());
        out.writeInt(batch.rows().size());
        for (List<Object> row : batch.rows()) {
            out.writeInt(row.size());
            for (Object value : row) {
                writeValue(out, value);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public RowBatch deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of a MySQL row batch (this job reads " + VERSION
                    + "); was the savepoint taken by a newer job?");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
        UUID id = new UUID(in.readLong(), in.readLong());
        int rowCount = in.readInt();
        List<List<Object>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            int columns = in.readInt();
            List<Object> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(readValue(in));
            }
            rows.add(row);
        }
        return new RowBatch(id, rows);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(INTEGER);
            out.writeInt(number);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            out.writeUTF(text);
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            out.writeInt(decimal.scale());
            byte[] unscaled = decimal.unscaledValue().toByteArray();
            out.writeInt(unscaled.length);
            out.write(unscaled);
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof LocalDateTime dateTime) {
            out.writeByte(DATE_TIME);
            out.writeLong(dateTime.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(dateTime.getNano());
        } else {
            throw new IOException("A MySQL row batch cannot hold a " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case INTEGER -> in.readInt();
            case STRING -> in.readUTF();
            case DECIMAL -> {
                int scale = in.readInt();
                byte[] unscaled = new byte[in.readInt()];
                in.readFully(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case DATE_TIME -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            default -> throw new IOException("Unknown value tag " + tag + " in a MySQL row batch");
        };
    }
}
