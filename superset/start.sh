#!/usr/bin/env bash
# Prepares Superset (bootstrap.sh) and serves it in the foreground with gunicorn. Used by the local run and by
# docker compose alike; the environment is bootstrap.sh's plus SUPERSET_BIND_ADDRESS and SUPERSET_PORT
# (default 127.0.0.1 and 8088).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/bootstrap.sh"
export SUPERSET_CONFIG_PATH="$here/superset_config.py"
exec gunicorn --bind "${SUPERSET_BIND_ADDRESS:-127.0.0.1}:${SUPERSET_PORT:-8088}" \
  --workers 1 --worker-class gthread --threads 16 --timeout 120 \
  --limit-request-line 0 --limit-request-field_size 0 \
  --access-logfile - --error-logfile - \
  "superset.app:create_app()"
