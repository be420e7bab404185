package io.tradingpipeline.job.source;

/**
 * A Kafka record as read, before any parsing: the source never looks inside the value, so a
 * malformed message can never fail it.
 */
public class RawMessage {
    private String topic;
    private int partition;
    private long offset;
    private long timestamp;
    private byte[] key;
    private byte[] value;
    private MessageHeader[] headers;

    public RawMessage() {}

    public RawMessage(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
            MessageHeader[] headers) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = headers;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getPartition() {
        return partition;
    }

    public void setPartition(int partition) {
        this.partition = partition;
    }

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public byte[] getKey() {
        return key;
    }

    public void setKey(byte[] key) {
        this.key = key;
    }

    public byte[] getValue() {
        return value;
    }

    public void setValue(byte[] value) {
        this.value = value;
    }

    public MessageHeader[] getHeaders() {
        return headers;
    }

    public void setHeaders(MessageHeader[] headers) {
        this.headers = headers;
    }
}
