package io.tradingpipeline.job.sink;

import com.mysql.cj.jdbc.MysqlXADataSource;
import javax.sql.XADataSource;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Creates the XA data source of one exactly-once JDBC sink on the task managers. Every sink of the job
 * needs its own {@code sinkScope} (see {@link ScopedXaDataSource}).
 */
public class MySqlXaDataSource implements SerializableSupplier<XADataSource> {
    private final String url;
    private final String user;
    private final String password;
    private final int sinkScope;

    public MySqlXaDataSource(String url, String user, String password, int sinkScope) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.sinkScope = sinkScope;
    }

    @Override
    public XADataSource get() {
        MysqlXADataSource dataSource = new MysqlXADataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return new ScopedXaDataSource(dataSource, sinkScope);
    }
}
