#!/usr/bin/env bash
# For the MySQL image's /docker-entrypoint-initdb.d: applies /trading-sql/*.sql (this directory) in name order,
# filling the ${MYSQL_*_PASSWORD} placeholders from the container's environment, as the local stack does.
set -euo pipefail
for script in /trading-sql/*.sql; do
  sql="$(cat "$script")"
  for name in MYSQL_WRITER_PASSWORD MYSQL_DASHBOARD_PASSWORD MYSQL_GENERATOR_PASSWORD; do
    value="${!name:?$name is not set}"
    value="${value//\\/\\\\}"
    value="${value//\'/\'\'}"
    sql="${sql//\$\{$name\}/$value}"
  done
  echo "docker-initdb: applying $script"
  mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<< "$sql"
done
