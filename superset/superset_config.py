"""Superset configuration of the trading dashboard, for the local run and docker compose alike.

Everything that differs between machines comes from the environment (development defaults in the
repository's .env): SUPERSET_SECRET_KEY and SUPERSET_HOME (the metadata database).
"""
import os
import sys


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        # SystemExit, not an exception: Superset would print a stack trace for a config that raises.
        sys.exit(
            f"superset: {name} is not set; refusing to start. Set it in the environment "
            f"(the repository's .env holds a development default)."
        )
    return value


SECRET_KEY = _required("SUPERSET_SECRET_KEY")

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

# No data cache in front of MySQL: every refresh must show the windows written since the last one.
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DASHBOARD_AUTO_REFRESH_MODE = "force"

# Rate limits of the login endpoints are kept per process; no Redis is needed for one local server.
RATELIMIT_STORAGE_URI = "memory://"

SUPERSET_WEBSERVER_PORT = int(os.environ.get("SUPERSET_PORT", "8088"))
SUPERSET_LOAD_EXAMPLES = False
WTF_CSRF_TIME_LIMIT = None
