"""Superset configuration of the trading dashboard, for the local run and docker compose alike.

Everything that differs between machines comes from the environment (development values in the
repository's .env): SUPERSET_SECRET_KEY and SUPERSET_HOME (the metadata database). The development key of .env
is public, so it is accepted only with SUPERSET_ENV=development.
"""
import hashlib
import os
import sqlite3
import sys

from sqlalchemy import event
from sqlalchemy.engine import Engine
from superset.utils.log import AbstractEventLogger


# SHA-256 of SUPERSET_SECRET_KEY in the repository's .env (a test keeps the two equal): the image carries no
# secret, not even the published one.
DEVELOPMENT_SECRET_KEY_SHA256 = "0c0d34109e61d63b63eb8caef81b4f222cbb78004b898ce691ca2553161969dd"


def _refuse_to_start(problem: str, remedy: str):
    # SystemExit, not an exception: Superset would print a stack trace for a config that raises.
    sys.exit(f"superset: {problem}; refusing to start. {remedy}.")


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        _refuse_to_start(f"{name} is not set",
                         "Set it in the environment (the repository's .env holds a development default)")
    return value


SECRET_KEY = _required("SUPERSET_SECRET_KEY")
if hashlib.sha256(SECRET_KEY.encode()).hexdigest() == DEVELOPMENT_SECRET_KEY_SHA256 and os.environ.get("SUPERSET_ENV") != "development":
    _refuse_to_start("SUPERSET_SECRET_KEY is the development key published in the repository's .env",
                     "Set a secret of your own (openssl rand -base64 42), or SUPERSET_ENV=development on a "
                     "development machine")

# Superset's MySQL support imports MySQLdb (mysqlclient, which needs a compiler) to name column types even
# when the connection uses PyMySQL; PyMySQL stands in for it.
try:
    import MySQLdb  # noqa: F401
except ImportError:
    import pymysql

    pymysql.install_as_MySQLdb()

# The metadata database (users, dashboards, charts) lives in SQLite under the run's data directory.
SUPERSET_HOME = _required("SUPERSET_HOME")
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(SUPERSET_HOME, "superset.db")


@event.listens_for(Engine, "connect")
def _sqlite_write_ahead_log(dbapi_connection, _connection_record):
    # In SQLite's default rollback journal every commit syncs the file twice and blocks the readers; with a
    # write-ahead log the dashboard's parallel chart requests read while another request writes.
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

# No data cache in front of MySQL: every refresh must show the windows written since the last one. The
# general cache, per process, holds what each page sends the browser about the user and the configuration
# (Superset keeps that a minute).
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DASHBOARD_AUTO_REFRESH_MODE = "force"


class _NoActionLog(AbstractEventLogger):
    """Superset's default action log commits rows to the metadata database for every request: a third of the
    server's time in a profile of a dashboard load, and about 1 s of it (median of 8) on two busy cores. Who
    opened what stays in gunicorn's access log."""

    def log(self, *args, **kwargs):
        pass

    def log_with_context(self, *args, **kwargs):
        pass


EVENT_LOGGER = _NoActionLog()

# Rate limits of the login endpoints are kept per process; no Redis is needed for one local server.
RATELIMIT_STORAGE_URI = "memory://"

SUPERSET_WEBSERVER_PORT = int(os.environ.get("SUPERSET_PORT", "8088"))
SUPERSET_LOAD_EXAMPLES = False
# CSRF tokens live an hour, Flask-WTF's default (Superset's own default is a week).
WTF_CSRF_TIME_LIMIT = 3600

# Superset 6.1.0 passes every query through sqlglot, and sqlglot 28.10 rewrites the MySQL engine's built-in
# second, minute and hour grains DATE_ADD(DATE(x), INTERVAL … MINUTE) into DATE_ADD(x, …), which shifts every
# bucket by the time of day (apache/superset#36798, tobymao/sqlglot#8392). The same buckets with the date cast
# to DATETIME survive the rewrite; these override the built-in grains of the "mysql" engine (MariaDB included).
_DAY_START = "CAST(DATE({col}) AS DATETIME)"
TIME_GRAIN_ADDON_EXPRESSIONS = {
    "mysql": {
        "PT1S": f"DATE_ADD({_DAY_START}, INTERVAL (HOUR({{col}})*3600 + MINUTE({{col}})*60 + SECOND({{col}})) SECOND)",
        "PT1M": f"DATE_ADD({_DAY_START}, INTERVAL (HOUR({{col}})*60 + MINUTE({{col}})) MINUTE)",
        "PT1H": f"DATE_ADD({_DAY_START}, INTERVAL HOUR({{col}}) HOUR)",
    },
}
