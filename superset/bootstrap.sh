#!/usr/bin/env bash
# Prepares Superset: upgrades the metadata database, creates the admin, imports the dashboard from
# superset/dashboard/ (replacing what an earlier start imported) pointing at this run's MySQL. Safe to run on
# every start: a second run duplicates nothing. start.sh runs it before serving; `superset` must be on the PATH
# (superset/install.sh prints the venv's bin directory).
#
# Environment (development defaults in the repository's .env):
#   SUPERSET_SECRET_KEY, SUPERSET_ADMIN_PASSWORD   required; .env's key only with SUPERSET_ENV=development
#   SUPERSET_HOME                                  metadata database and state (required)
#   SUPERSET_ADMIN_USER                            default admin
#   SUPERSET_ADMIN_PASSWORD_RESET                  true: set the password of an existing admin again (else kept)
#   MYSQL_HOST, MYSQL_PORT, MYSQL_DASHBOARD_USER, MYSQL_DASHBOARD_PASSWORD   the read-only dashboard account
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SUPERSET_CONFIG_PATH="$here/superset_config.py"
# Settings come from the environment only, never from a .env file that Flask's CLI would find on its own.
export FLASK_SKIP_DOTENV=1

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
users="$(superset fab list-users 2>/dev/null)"
if ! grep -q "username:$admin |" <<< "$users"; then
  step "creating the admin $admin"
  FLASK_FAB_CREATE_ADMIN_PASSWORD="$SUPERSET_ADMIN_PASSWORD" superset fab create-admin --username "$admin" \
    --firstname Trading --lastname Admin --email "$admin@localhost" >&2
elif [[ "${SUPERSET_ADMIN_PASSWORD_RESET:-false}" == true ]]; then
  step "setting the password of $admin again (SUPERSET_ADMIN_PASSWORD_RESET=true)"
  FLASK_FAB_RESET_PASSWORD_PASSWORD="$SUPERSET_ADMIN_PASSWORD" superset fab reset-password --username "$admin" >&2
else
  # A password changed in Superset outlives a restart; SUPERSET_ADMIN_PASSWORD only sets the first one.
  step "keeping the password of $admin (SUPERSET_ADMIN_PASSWORD_RESET=true sets it again)"
fi
superset init >&2

# Overwrites the database, datasets, charts and dashboard Superset has of the bundle (by uuid), so an edit of
# superset/dashboard/ shows after a restart; the database's URI and password come from this run's environment.
step "importing the dashboard"
python "$here/bundle.py" import --username "$admin" >&2
python "$here/bundle.py" check-database || true
step "prepared in $((SECONDS - started)) s"

