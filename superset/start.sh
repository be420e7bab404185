#!/usr/bin/env bash
# Prepares Superset and serves it in the foreground: upgrades the metadata database, creates (or updates) the
# admin, imports the dashboard from superset/dashboard/, then runs gunicorn. Safe to run on every start:
# a second run duplicates nothing. Used by the local run and by docker compose alike; `superset` must be on the
# PATH (superset/install.sh prints the venv's bin directory).
#
# Environment (development defaults in the repository's .env):
#   SUPERSET_SECRET_KEY, SUPERSET_ADMIN_PASSWORD   required
#   SUPERSET_HOME                                  metadata database and state (required)
#   SUPERSET_ADMIN_USER                            default admin
#   SUPERSET_BIND_ADDRESS, SUPERSET_PORT           default 127.0.0.1 and 8088
#   MYSQL_HOST, MYSQL_PORT, MYSQL_DASHBOARD_USER, MYSQL_DASHBOARD_PASSWORD   the read-only dashboard account
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SUPERSET_CONFIG_PATH="$here/superset_config.py"

missing=()
for name in SUPERSET_SECRET_KEY SUPERSET_ADMIN_PASSWORD SUPERSET_HOME MYSQL_HOST MYSQL_PORT MYSQL_DASHBOARD_USER \
            MYSQL_DASHBOARD_PASSWORD; do
  [[ -n "${!name:-}" ]] || missing+=("$name")
done
if (( ${#missing[@]} )); then
  echo "superset: ${missing[*]} not set; refusing to start (development defaults are in the repository's .env)" >&2
  exit 1
fi
admin="${SUPERSET_ADMIN_USER:-admin}"
mkdir -p "$SUPERSET_HOME"
step() { echo "superset: $*" >&2; }

started=$SECONDS
step "upgrading the metadata database in $SUPERSET_HOME"
superset db upgrade >&2

# Click reads the password options from these variables, so no password shows in a process list.
if superset fab list-users 2>/dev/null | grep -q "username:$admin |"; then
  step "updating the password of $admin"
  FLASK_FAB_RESET_PASSWORD_PASSWORD="$SUPERSET_ADMIN_PASSWORD" superset fab reset-password --username "$admin" >&2
else
  step "creating the admin $admin"
  FLASK_FAB_CREATE_ADMIN_PASSWORD="$SUPERSET_ADMIN_PASSWORD" superset fab create-admin --username "$admin" \
    --firstname Trading --lastname Admin --email "$admin@localhost" >&2
fi
superset init >&2

bundle="$(mktemp --suffix=.zip)"
trap 'rm -f "$bundle"' EXIT
python "$here/bundle.py" zip "$bundle"
step "importing the dashboard"
superset import-dashboards --path "$bundle" --username "$admin" >&2
# The import keeps an existing database connection as it was; point it at this run's server and password.
FLASK_SET_DATABASE_URI_URI="$(python "$here/bundle.py" database-uri)" superset set-database-uri --database_name Trading >&2
rm -f "$bundle"
python "$here/bundle.py" check-database || true
step "ready to serve after $((SECONDS - started)) s of preparation"

exec gunicorn --bind "${SUPERSET_BIND_ADDRESS:-127.0.0.1}:${SUPERSET_PORT:-8088}" \
  --workers 1 --worker-class gthread --threads 16 --timeout 120 \
  --limit-request-line 0 --limit-request-field_size 0 \
  --access-logfile - --error-logfile - \
  "superset.app:create_app()"
