-- Analytical store of the pipeline. Valid on MySQL 8.4 and MariaDB 11.
-- All timestamps are UTC; `date` is the trade date of the ticks (UTC) that a row aggregates.
CREATE DATABASE IF NOT EXISTS trading CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE trading;

-- Listed companies: the tick generator reads them, dashboards join on them.
CREATE TABLE IF NOT EXISTS profile (
  ticker       VARCHAR(16)  NOT NULL,
  company_name VARCHAR(255) NOT NULL,
  sector       VARCHAR(64)  NOT NULL,
  shares       BIGINT       NOT NULL,
  PRIMARY KEY (ticker)
);

-- One row per (trade date, sector) and processing-time window, written exactly once by the Flink job.
CREATE TABLE IF NOT EXISTS aggregated_data (
  processing_id BIGINT      NOT NULL AUTO_INCREMENT,
  processed_at  DATETIME(3) NOT NULL COMMENT 'end of the processing-time window (UTC)',
  date          DATE        NOT NULL,
  sector        VARCHAR(64) NOT NULL,
  total_volume  BIGINT      NOT NULL,
  tick_count    BIGINT      NOT NULL,
  window_start  DATETIME(3) NOT NULL,
  window_end    DATETIME(3) NOT NULL,
  PRIMARY KEY (processing_id),
  KEY idx_aggregated_data_date_sector (date, sector)
);

-- One row per (trade date, ticker) and processing-time window: price candles for charts.
CREATE TABLE IF NOT EXISTS ticker_window_stats (
  stats_id     BIGINT        NOT NULL AUTO_INCREMENT,
  window_start DATETIME(3)   NOT NULL,
  window_end   DATETIME(3)   NOT NULL,
  date         DATE          NOT NULL,
  ticker       VARCHAR(16)   NOT NULL,
  sector       VARCHAR(64)   NOT NULL,
  open_price   DECIMAL(18,4) NOT NULL,
  high_price   DECIMAL(18,4) NOT NULL,
  low_price    DECIMAL(18,4) NOT NULL,
  close_price  DECIMAL(18,4) NOT NULL,
  total_volume BIGINT        NOT NULL,
  vwap         DECIMAL(18,4) NOT NULL,
  tick_count   BIGINT        NOT NULL,
  PRIMARY KEY (stats_id),
  KEY idx_ticker_window_stats_ticker_date (ticker, date),
  KEY idx_ticker_window_stats_window_end (window_end)
);

-- Data quality, one row per processing-time window: what the job read from Kafka, what it parsed and what it
-- dead-lettered. Written exactly once like the other window rows.
CREATE TABLE IF NOT EXISTS message_window_stats (
  stats_id               BIGINT      NOT NULL AUTO_INCREMENT,
  window_start           DATETIME(3) NOT NULL,
  window_end             DATETIME(3) NOT NULL,
  date                   DATE        NOT NULL COMMENT 'UTC date of window_start',
  messages_read          BIGINT      NOT NULL,
  ticks_parsed           BIGINT      NOT NULL,
  messages_dead_lettered BIGINT      NOT NULL,
  ticks_rejected         BIGINT      NOT NULL,
  PRIMARY KEY (stats_id),
  KEY idx_message_window_stats_date_window_end (date, window_end)
);

-- Dead-lettered messages per processing-time window and reason category (the dlq.reason.category header).
CREATE TABLE IF NOT EXISTS rejection_window_stats (
  stats_id     BIGINT      NOT NULL AUTO_INCREMENT,
  window_start DATETIME(3) NOT NULL,
  window_end   DATETIME(3) NOT NULL,
  date         DATE        NOT NULL COMMENT 'UTC date of window_start',
  reason       VARCHAR(64) NOT NULL,
  messages     BIGINT      NOT NULL,
  PRIMARY KEY (stats_id),
  KEY idx_rejection_window_stats_date_reason (date, reason)
);

-- The row batches the Flink job has committed, one per sink subtask and checkpoint with rows. A batch and its rows
-- are inserted in one transaction; a batch committed again after a restore finds its id here and is skipped.
CREATE TABLE IF NOT EXISTS committed_batches (
  batch_id     BINARY(16)  NOT NULL,
  target_table VARCHAR(64) NOT NULL,
  row_count    INT         NOT NULL,
  committed_at DATETIME(3) NOT NULL COMMENT 'UTC',
  PRIMARY KEY (batch_id),
  KEY idx_committed_batches_committed_at (committed_at)
);

-- Today's traded volume per sector (dashboard).
CREATE OR REPLACE VIEW volume_today AS
  SELECT ad.sector AS sector,
         SUM(ad.total_volume) AS total_volume
  FROM aggregated_data ad
  WHERE ad.date = CURDATE()
  GROUP BY ad.sector;

-- The dashboard's views. "Today" is the UTC trade date, like volume_today (the servers run in UTC).
CREATE OR REPLACE VIEW sector_windows_today AS
  SELECT window_start, window_end, sector, total_volume, tick_count
  FROM aggregated_data
  WHERE date = CURDATE();

CREATE OR REPLACE VIEW ticker_windows_today AS
  SELECT window_start, window_end, ticker, sector, open_price, high_price, low_price, close_price, vwap,
         total_volume, tick_count
  FROM ticker_window_stats
  WHERE date = CURDATE();

-- Today's candle per ticker: the open of its first window, the close of its last.
CREATE OR REPLACE VIEW ticker_ohlc_today AS
  SELECT s.ticker AS ticker,
         s.sector AS sector,
         (SELECT o.open_price FROM ticker_window_stats o
          WHERE o.date = s.date AND o.ticker = s.ticker
          ORDER BY o.window_start, o.stats_id LIMIT 1) AS open_price,
         MAX(s.high_price) AS high_price,
         MIN(s.low_price) AS low_price,
         (SELECT c.close_price FROM ticker_window_stats c
          WHERE c.date = s.date AND c.ticker = s.ticker
          ORDER BY c.window_end DESC, c.stats_id DESC LIMIT 1) AS close_price,
         CAST(SUM(s.vwap * s.total_volume) / SUM(s.total_volume) AS DECIMAL(18,4)) AS vwap,
         SUM(s.total_volume) AS total_volume,
         SUM(s.tick_count) AS tick_count,
         MAX(s.window_end) AS last_window_end
  FROM ticker_window_stats s
  WHERE s.date = CURDATE()
  GROUP BY s.date, s.ticker, s.sector;

-- The end and age of the newest window: an age far above the window size means a stalled pipeline.
CREATE OR REPLACE VIEW pipeline_freshness AS
  SELECT MAX(window_end) AS newest_window_end,
         TIMESTAMPDIFF(SECOND, MAX(window_end), UTC_TIMESTAMP(3)) AS newest_window_age_s
  FROM aggregated_data;

-- Data quality of today's windows: messages read and dead-lettered, and the share rejected.
CREATE OR REPLACE VIEW message_windows_today AS
  SELECT window_start, window_end, messages_read, ticks_parsed, messages_dead_lettered, ticks_rejected,
         CASE WHEN messages_read = 0 THEN 0 ELSE messages_dead_lettered / messages_read END AS rejection_rate
  FROM message_window_stats
  WHERE date = CURDATE();

-- Today's dead-lettered messages per reason category.
CREATE OR REPLACE VIEW rejection_reasons_today AS
  SELECT reason, SUM(messages) AS messages
  FROM rejection_window_stats
  WHERE date = CURDATE()
  GROUP BY reason;

-- Indexes of the dashboard's questions, added to existing databases too (portable: MySQL 8.4 has no
-- CREATE INDEX IF NOT EXISTS). Today's rows per ticker in window order: the views below and ticker_ohlc_today.
SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE ticker_window_stats ADD INDEX idx_ticker_window_stats_date_ticker_start (date, ticker, window_start)',
    'DO 0') FROM information_schema.statistics
  WHERE table_schema = 'trading' AND table_name = 'ticker_window_stats'
    AND index_name = 'idx_ticker_window_stats_date_ticker_start');
PREPARE add_index FROM @ddl;
EXECUTE add_index;
DEALLOCATE PREPARE add_index;
-- The newest window of pipeline_freshness without reading every day's rows.
SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE aggregated_data ADD INDEX idx_aggregated_data_window_end (window_end)',
    'DO 0') FROM information_schema.statistics
  WHERE table_schema = 'trading' AND table_name = 'aggregated_data' AND index_name = 'idx_aggregated_data_window_end');
PREPARE add_index FROM @ddl;
EXECUTE add_index;
DEALLOCATE PREPARE add_index;

-- Each ticker's windows today with the change of its close since the day's open (the open of its first window,
-- as in ticker_ohlc_today), in percent: tickers of any price level on one axis.
CREATE OR REPLACE VIEW ticker_moves_today AS
  SELECT window_start, window_end, ticker, sector, close_price, vwap, day_open,
         CAST(100 * (close_price - day_open) / day_open AS DECIMAL(12,4)) AS change_pct
  FROM (SELECT window_start, window_end, ticker, sector, close_price, vwap,
               FIRST_VALUE(open_price) OVER (PARTITION BY ticker ORDER BY window_start, stats_id) AS day_open
        FROM ticker_window_stats
        WHERE date = CURDATE()) windows;

-- The newest 5 windows of each ticker today.
CREATE OR REPLACE VIEW ticker_latest_windows AS
  SELECT window_start, window_end, ticker, sector, open_price, high_price, low_price, close_price, vwap,
         total_volume, tick_count
  FROM (SELECT window_start, window_end, ticker, sector, open_price, high_price, low_price, close_price, vwap,
               total_volume, tick_count,
               ROW_NUMBER() OVER (PARTITION BY ticker ORDER BY window_end DESC, stats_id DESC) AS newest
        FROM ticker_window_stats
        WHERE date = CURDATE()) windows
  WHERE newest <= 5;
