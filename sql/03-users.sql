-- Least-privilege accounts. The ${...} placeholders are values of settings inside SQL strings (README.md, "Settings"):
-- the users default to trading_writer, trading_dashboard and trading_generator; the passwords have no default.
CREATE USER IF NOT EXISTS '${MYSQL_WRITER_USER}'@'%'    IDENTIFIED BY '${MYSQL_WRITER_PASSWORD}';
CREATE USER IF NOT EXISTS '${MYSQL_DASHBOARD_USER}'@'%' IDENTIFIED BY '${MYSQL_DASHBOARD_PASSWORD}';
CREATE USER IF NOT EXISTS '${MYSQL_GENERATOR_USER}'@'%' IDENTIFIED BY '${MYSQL_GENERATOR_PASSWORD}';

-- The Flink job appends window rows together with the id of their batch (see committed_batches).
GRANT INSERT ON trading.aggregated_data        TO '${MYSQL_WRITER_USER}'@'%';
GRANT INSERT ON trading.ticker_window_stats    TO '${MYSQL_WRITER_USER}'@'%';
GRANT INSERT ON trading.message_window_stats   TO '${MYSQL_WRITER_USER}'@'%';
GRANT INSERT ON trading.rejection_window_stats TO '${MYSQL_WRITER_USER}'@'%';
GRANT INSERT ON trading.committed_batches      TO '${MYSQL_WRITER_USER}'@'%';

-- Dashboards read everything in the schema, views included, and change nothing.
GRANT SELECT ON trading.* TO '${MYSQL_DASHBOARD_USER}'@'%';

-- The tick generator only needs the list of companies.
GRANT SELECT ON trading.profile TO '${MYSQL_GENERATOR_USER}'@'%';
