package io.tradingpipeline.job.sink.mysql;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where and as whom the sinks connect; opened on the task managers. */
public record MySqlConnector(String url, String user, String password) implements Serializable {

    /** A connection with auto-commit off; the error names the server and the user. */
    public Connection open() throws SQLException {
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to MySQL at " + url + " as " + user + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    @Override
    public String toString() {
        return "MySqlConnector[" + url + ", user " + user + "]";
    }
}
