-- Least-privilege accounts. ${...} placeholders are filled from the environment
-- (dev defaults in the repository's .env file); never commit real passwords.
CREATE USER IF NOT EXISTS 'trading_writer'@'%'    IDENTIFIED BY '${MYSQL_WRITER_PASSWORD}';
CREATE USER IF NOT EXISTS 'trading_dashboard'@'%' IDENTIFIED BY '${MYSQL_DASHBOARD_PASSWORD}';
CREATE USER IF NOT EXISTS 'trading_generator'@'%' IDENTIFIED BY '${MYSQL_GENERATOR_PASSWORD}';

-- The Flink job appends window rows together with the id of their batch (see committed_batches).
GRANT INSERT ON trading.aggregated_data        TO 'trading_writer'@'%';
GRANT INSERT ON trading.ticker_window_stats    TO 'trading_writer'@'%';
GRANT INSERT ON trading.message_window_stats   TO 'trading_writer'@'%';
GRANT INSERT ON trading.rejection_window_stats TO 'trading_writer'@'%';
GRANT INSERT ON trading.committed_batches      TO 'trading_writer'@'%';

-- Dashboards read everything in the schema, views included, and change nothing.
GRANT SELECT ON trading.* TO 'trading_dashboard'@'%';

-- The tick generator only needs the list of companies.
GRANT SELECT ON trading.profile TO 'trading_generator'@'%';
