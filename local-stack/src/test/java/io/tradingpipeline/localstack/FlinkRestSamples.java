package io.tradingpipeline.localstack;

/**
 * Bodies of Flink 1.20's REST API as the local stack's session cluster serves them. The captured ones come from
 * runs of the pipeline's job on that cluster: with MySQL unreachable, and with Cassandra stopped for a while.
 */
final class FlinkRestSamples {

    /** {@code GET /jobs/<id>/metrics?get=numRestarts} as captured, e.g. {@code [{"id":"numRestarts","value":"6"}]}. */
    static String numRestarts(long restarts) {
        return "[{\"id\":\"numRestarts\",\"value\":\"" + restarts + "\"}]";
    }

    /** A metric the JobManager does not know (yet), as for {@code ?get=noSuchMetric} (captured). */
    static final String METRIC_NOT_REPORTED = "[]";

    // GET /jobs/<id>/exceptions

    /** A running job that has not failed since it was submitted (captured). */
    static final String NO_FAILURE = """
            {
              "root-exception": null,
              "timestamp": null,
              "all-exceptions": [],
              "truncated": false,
              "exceptionHistory": {
                "entries": [],
                "truncated": false
              }
            }
            """;

    /**
     * {@code ?maxExceptions=1} of a job restarting because MySQL refuses connections (captured; stack frames cut to
     * two per exception).
     */
    static final String MYSQL_REFUSED = """
            {
              "root-exception": "java.lang.RuntimeException: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat org.apache.flink.util.ExceptionUtils.rethrow(ExceptionUtils.java:321)\\n\\tat org.apache.flink.connector.jdbc.datasource.connections.xa.PoolingXaConnectionProvider.peekPooled(PoolingXaConnectionProvider.java:202)\\nCaused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:165)\\n\\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:55)\\n\\t... 21 more\\nCaused by: com.mysql.cj.exceptions.CJCommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat jdk.internal.reflect.GeneratedConstructorAccessor32.newInstance(Unknown Source)\\n\\tat java.base/jdk.internal.reflect.DelegatingConstructorAccessorImpl.newInstance(DelegatingConstructorAccessorImpl.java:45)\\n\\t... 31 more\\nCaused by: java.net.ConnectException: Connection refused\\n\\tat java.base/sun.nio.ch.Net.connect0(Native Method)\\n\\tat java.base/sun.nio.ch.Net.connect(Net.java:579)\\n\\t... 34 more\\n",
              "timestamp": 1796165663244,
              "all-exceptions": [
                {
                  "exception": "java.lang.RuntimeException: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat org.apache.flink.util.ExceptionUtils.rethrow(ExceptionUtils.java:321)\\n\\tat org.apache.flink.connector.jdbc.datasource.connections.xa.PoolingXaConnectionProvider.peekPooled(PoolingXaConnectionProvider.java:202)\\nCaused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:165)\\n\\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:55)\\n\\t... 21 more\\nCaused by: com.mysql.cj.exceptions.CJCommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat jdk.internal.reflect.GeneratedConstructorAccessor32.newInstance(Unknown Source)\\n\\tat java.base/jdk.internal.reflect.DelegatingConstructorAccessorImpl.newInstance(DelegatingConstructorAccessorImpl.java:45)\\n\\t... 31 more\\nCaused by: java.net.ConnectException: Connection refused\\n\\tat java.base/sun.nio.ch.Net.connect0(Native Method)\\n\\tat java.base/sun.nio.ch.Net.connect(Net.java:579)\\n\\t... 34 more\\n",
                  "task": "Volume per date and sector -> Sector volumes to MySQL (aggregated_data): Writer -> Sector volumes to MySQL (aggregated_data): Committer (2/2)",
                  "location": "localhost:42389",
                  "endpoint": "localhost:42389",
                  "timestamp": 1796165663241,
                  "taskManagerId": "127.0.0.1:33569-dcc926"
                }
              ],
              "truncated": false,
              "exceptionHistory": {
                "entries": [
                  {
                    "exceptionName": "java.lang.RuntimeException",
                    "stacktrace": "java.lang.RuntimeException: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat org.apache.flink.util.ExceptionUtils.rethrow(ExceptionUtils.java:321)\\n\\tat org.apache.flink.connector.jdbc.datasource.connections.xa.PoolingXaConnectionProvider.peekPooled(PoolingXaConnectionProvider.java:202)\\nCaused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:165)\\n\\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:55)\\n\\t... 21 more\\nCaused by: com.mysql.cj.exceptions.CJCommunicationsException: Communications link failure\\n\\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.\\n\\tat jdk.internal.reflect.GeneratedConstructorAccessor32.newInstance(Unknown Source)\\n\\tat java.base/jdk.internal.reflect.DelegatingConstructorAccessorImpl.newInstance(DelegatingConstructorAccessorImpl.java:45)\\n\\t... 31 more\\nCaused by: java.net.ConnectException: Connection refused\\n\\tat java.base/sun.nio.ch.Net.connect0(Native Method)\\n\\tat java.base/sun.nio.ch.Net.connect(Net.java:579)\\n\\t... 34 more\\n",
                    "timestamp": 1796165663244,
                    "failureLabels": {},
                    "taskName": "Volume per date and sector -> Sector volumes to MySQL (aggregated_data): Writer -> Sector volumes to MySQL (aggregated_data): Committer (2/2) - execution #6",
                    "location": "localhost:42389",
                    "endpoint": "localhost:42389",
                    "taskManagerId": "127.0.0.1:33569-dcc926",
                    "concurrentExceptions": []
                  }
                ],
                "truncated": true
              }
            }
            """;

    /**
     * {@code ?maxExceptions=2} of the pipeline's job restarting while Cassandra is stopped (captured; stack frames
     * cut to two per exception). The connector's {@code close()} adds a suppressed NullPointerException.
     */
    static final String CASSANDRA_DOWN = """
            {
              "root-exception": "com.datastax.driver.core.exceptions.NoHostAvailableException: All host(s) tried for query failed (tried: /127.0.0.1:42663 (com.datastax.driver.core.exceptions.TransportException: [/127.0.0.1:42663] Cannot connect))\\n\\tat com.datastax.driver.core.ControlConnection.reconnectInternal(ControlConnection.java:270)\\n\\tat com.datastax.driver.core.ControlConnection.connect(ControlConnection.java:109)\\n\\tSuppressed: java.lang.NullPointerException: Cannot invoke \\"java.util.concurrent.atomic.AtomicReference.getAndSet(Object)\\" because \\"this.throwable\\" is null\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.checkAsyncErrors(CassandraSinkBase.java:174)\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.close(CassandraSinkBase.java:114)\\n\\t\\t... 3 more\\n",
              "timestamp": 1796166172349,
              "all-exceptions": [],
              "truncated": false,
              "exceptionHistory": {
                "entries": [
                  {
                    "exceptionName": "com.datastax.driver.core.exceptions.NoHostAvailableException",
                    "stacktrace": "com.datastax.driver.core.exceptions.NoHostAvailableException: All host(s) tried for query failed (tried: /127.0.0.1:42663 (com.datastax.driver.core.exceptions.TransportException: [/127.0.0.1:42663] Cannot connect))\\n\\tat com.datastax.driver.core.ControlConnection.reconnectInternal(ControlConnection.java:270)\\n\\tat com.datastax.driver.core.ControlConnection.connect(ControlConnection.java:109)\\n\\tSuppressed: java.lang.NullPointerException: Cannot invoke \\"java.util.concurrent.atomic.AtomicReference.getAndSet(Object)\\" because \\"this.throwable\\" is null\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.checkAsyncErrors(CassandraSinkBase.java:174)\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.close(CassandraSinkBase.java:114)\\n\\t\\t... 3 more\\n",
                    "timestamp": 1796166172349,
                    "failureLabels": {},
                    "taskName": "Source: Tick messages (trading_data) -> Parse and validate ticks -> (Dead letters to Kafka (trading_data_dlq): Writer -> Dead letters to Kafka (trading_data_dlq): Committer, Sink: Raw ticks to Cassandra (real_time_data), Pre-aggregate ticks per ticker) (1/2) - execution #6",
                    "location": "localhost:45087",
                    "endpoint": "localhost:45087",
                    "taskManagerId": "127.0.0.1:43421-b327da",
                    "concurrentExceptions": []
                  },
                  {
                    "exceptionName": "com.datastax.driver.core.exceptions.NoHostAvailableException",
                    "stacktrace": "com.datastax.driver.core.exceptions.NoHostAvailableException: All host(s) tried for query failed (tried: /127.0.0.1:42663 (com.datastax.driver.core.exceptions.TransportException: [/127.0.0.1:42663] Cannot connect))\\n\\tat com.datastax.driver.core.ControlConnection.reconnectInternal(ControlConnection.java:270)\\n\\tat com.datastax.driver.core.ControlConnection.connect(ControlConnection.java:109)\\n\\tSuppressed: java.lang.NullPointerException: Cannot invoke \\"java.util.concurrent.atomic.AtomicReference.getAndSet(Object)\\" because \\"this.throwable\\" is null\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.checkAsyncErrors(CassandraSinkBase.java:174)\\n\\t\\tat org.apache.flink.streaming.connectors.cassandra.CassandraSinkBase.close(CassandraSinkBase.java:114)\\n\\t\\t... 3 more\\n",
                    "timestamp": 1796166139752,
                    "failureLabels": {},
                    "taskName": "Source: Tick messages (trading_data) -> Parse and validate ticks -> (Dead letters to Kafka (trading_data_dlq): Writer -> Dead letters to Kafka (trading_data_dlq): Committer, Sink: Raw ticks to Cassandra (real_time_data), Pre-aggregate ticks per ticker) (1/2) - execution #5",
                    "location": "localhost:45087",
                    "endpoint": "localhost:45087",
                    "taskManagerId": "127.0.0.1:43421-b327da",
                    "concurrentExceptions": []
                  }
                ],
                "truncated": true
              }
            }
            """;

    /**
     * A job failing on a dead letter larger than the producer's {@code max.request.size}, newest first: Flink 1.20's
     * schema with the messages of the Kafka connector 3.4 and the Kafka client 3.9.
     */
    static final String DEAD_LETTER_TOO_LARGE = """
            {
              "root-exception": "org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka trading_data_dlq-0@-1 with FlinkKafkaInternalProducer{transactionalId='trading-dlq-0-12', inTransaction=true, closed=false} \\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.decorateException(KafkaWriter.java:453)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.onCompletion(KafkaWriter.java:430)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1106)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter.write(KafkaWriter.java:210)\\n\\tat org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement(SinkWriterOperator.java:182)\\n\\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:575)\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)\\nCaused by: org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048664 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.\\n",
              "timestamp": 1796165700412,
              "all-exceptions": [
                {
                  "exception": "org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka trading_data_dlq-0@-1 with FlinkKafkaInternalProducer{transactionalId='trading-dlq-0-12', inTransaction=true, closed=false} \\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.decorateException(KafkaWriter.java:453)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.onCompletion(KafkaWriter.java:430)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1106)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter.write(KafkaWriter.java:210)\\n\\tat org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement(SinkWriterOperator.java:182)\\n\\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:575)\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)\\nCaused by: org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048664 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.\\n",
                  "task": "Source: Tick messages (trading_data) -> Parse and validate ticks -> (Dead letters to Kafka (trading_data_dlq): Writer -> Dead letters to Kafka (trading_data_dlq): Committer, Raw ticks to Cassandra (real_time_data): Writer, Pre-aggregate ticks per ticker) (1/2)",
                  "location": "localhost:42389",
                  "endpoint": "localhost:42389",
                  "timestamp": 1796165700410,
                  "taskManagerId": "127.0.0.1:33569-dcc926"
                }
              ],
              "truncated": false,
              "exceptionHistory": {
                "entries": [
                  {
                    "exceptionName": "org.apache.flink.util.FlinkRuntimeException",
                    "stacktrace": "org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka trading_data_dlq-0@-1 with FlinkKafkaInternalProducer{transactionalId='trading-dlq-0-12', inTransaction=true, closed=false} \\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.decorateException(KafkaWriter.java:453)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.onCompletion(KafkaWriter.java:430)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1106)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter.write(KafkaWriter.java:210)\\n\\tat org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement(SinkWriterOperator.java:182)\\n\\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:575)\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)\\nCaused by: org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048664 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.\\n",
                    "timestamp": 1796165700412,
                    "failureLabels": {},
                    "taskName": "Source: Tick messages (trading_data) -> Parse and validate ticks -> (Dead letters to Kafka (trading_data_dlq): Writer -> Dead letters to Kafka (trading_data_dlq): Committer, Raw ticks to Cassandra (real_time_data): Writer, Pre-aggregate ticks per ticker) (1/2) - execution #7",
                    "location": "localhost:42389",
                    "endpoint": "localhost:42389",
                    "taskManagerId": "127.0.0.1:33569-dcc926",
                    "concurrentExceptions": []
                  },
                  {
                    "exceptionName": "org.apache.flink.util.FlinkRuntimeException",
                    "stacktrace": "org.apache.flink.util.FlinkRuntimeException: Failed to send data to Kafka trading_data_dlq-0@-1 with FlinkKafkaInternalProducer{transactionalId='trading-dlq-0-12', inTransaction=true, closed=false} \\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.decorateException(KafkaWriter.java:453)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter$WriterCallback.onCompletion(KafkaWriter.java:430)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1106)\\n\\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:962)\\n\\tat org.apache.flink.connector.kafka.sink.KafkaWriter.write(KafkaWriter.java:210)\\n\\tat org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperator.processElement(SinkWriterOperator.java:182)\\n\\tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:575)\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)\\nCaused by: org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048664 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.\\n",
                    "timestamp": 1796165670102,
                    "failureLabels": {},
                    "taskName": "Source: Tick messages (trading_data) -> Parse and validate ticks -> (Dead letters to Kafka (trading_data_dlq): Writer -> Dead letters to Kafka (trading_data_dlq): Committer, Raw ticks to Cassandra (real_time_data): Writer, Pre-aggregate ticks per ticker) (1/2) - execution #6",
                    "location": "localhost:42389",
                    "endpoint": "localhost:42389",
                    "taskManagerId": "127.0.0.1:33569-dcc926",
                    "concurrentExceptions": []
                  }
                ],
                "truncated": false
              }
            }
            """;

    private FlinkRestSamples() {
    }
}
