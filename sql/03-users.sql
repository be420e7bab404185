-- Least-privilege accounts. ${...} placeholders are filled from the environment
-- (dev defaults in the repository's .env file); never commit real passwords.
CREATE USER IF NOT EXISTS 'trading_writer'@'%'    IDENTIFIED BY '${MYSQL_WRITER_PASSWORD}';
CREATE USER IF NOT EXISTS 'trading_dashboard'@'%' IDENTIFIED BY '${MYSQL_DASHBOARD_PASSWORD}';
CREATE USER IF NOT EXISTS 'trading_generator'@'%' IDENTIFIED BY '${MYSQL_GENERATOR_PASSWORD}';

-- The Flink job appends window rows and reads them back (XA recovery, checks).
GRANT SELECT, INSERT ON trading.aggregated_data     TO 'trading_writer'@'%';
GRANT SELECT, INSERT ON trading.ticker_window_stats TO 'trading_writer'@'%';
-- MySQL 8 lets only XA_RECOVER_ADMIN holders list prepared XA transactions (needed to recover them
-- after a restore). MariaDB has no such privilege and lets every user run XA RECOVER.
SET @grant_xa_recover = IF(VERSION() LIKE '%MariaDB%', 'DO 0',
                           'GRANT XA_RECOVER_ADMIN ON *.* TO ''trading_writer''@''%''');
PREPARE grant_xa_recover FROM @grant_xa_recover;
EXECUTE grant_xa_recover;
DEALLOCATE PREPARE grant_xa_recover;

-- Dashboards read everything in the schema, views included, and change nothing.
GRANT SELECT ON trading.* TO 'trading_dashboard'@'%';

-- The tick generator only needs the list of companies.
GRANT SELECT ON trading.profile TO 'trading_generator'@'%';
