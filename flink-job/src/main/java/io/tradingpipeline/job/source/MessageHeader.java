package io.tradingpipeline.job.source;

/** One Kafka record header, kept as raw bytes so a dead-lettered message is forwarded unchanged. */
public class MessageHeader {
    private String key;
    private byte[] value;

    public MessageHeader() {}

    public MessageHeader(String key, byte[] value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public byte[] getValue() {
        return value;
    }

    public void setValue(byte[] value) {
        this.value = value;
    }
}
