package io.tradingpipeline.generator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the listed companies from the {@code profile} table of the database in the JDBC URL. Connection
 * failures are retried with backoff; wrong credentials, a missing table or an empty table fail at once.
 */
public final class ProfileRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileRepository.class);
    private static final String QUERY = "SELECT ticker, sector, shares FROM profile ORDER BY ticker";
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final String url;
    private final String user;
    private final String password;
    private final RetryPolicy retry;
    private final StopSignal stop;

    public ProfileRepository(String url, String user, String password, RetryPolicy retry, StopSignal stop) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.retry = retry;
        this.stop = stop;
    }

    /** The companies ordered by ticker; never empty. */
    public List<Company> loadCompanies() {
        for (int attempt = 1; ; attempt++) {
            try {
                List<Company> companies = query();
                if (companies.isEmpty()) {
                    throw new GeneratorException("no companies: table 'profile' at " + url
                            + " is empty; load the seed (sql/02-seed.sql) first");
                }
                return companies;
            } catch (SQLException e) {
                if (!isConnectionProblem(e) || attempt >= retry.attempts()) {
                    throw new GeneratorException("cannot read companies from " + url + " as '" + user + "' after "
                            + attempt + " attempt(s): " + firstLine(e.getMessage()), e);
                }
                long waitMs = retry.backoffAfter(attempt).toMillis();
                LOG.warn("Database not reachable (attempt {}/{}): {}; retrying in {} ms",
                        attempt, retry.attempts(), firstLine(e.getMessage()), waitMs);
                if (stop.awaitNanos(TimeUnit.MILLISECONDS.toNanos(waitMs))) {
                    throw new GeneratorException("stopped while waiting for the database at " + url);
                }
            }
        }
    }

    private List<Company> query() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_MS));
        List<Company> companies = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, properties);
             PreparedStatement statement = connection.prepareStatement(QUERY);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                try {
                    companies.add(new Company(rows.getString("ticker"), rows.getString("sector"), rows.getLong("shares")));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new GeneratorException("invalid row in table 'profile' at " + url + ": " + e.getMessage(), e);
                }
            }
        }
        return companies;
    }

    /** SQL state class 08 is "connection exception"; the driver also reports lost connections as transient. */
    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("08"))
                || e instanceof SQLTransientException
                || e instanceof SQLRecoverableException;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
