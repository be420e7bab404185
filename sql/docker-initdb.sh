#!/usr/bin/env bash
# For the MySQL image's /docker-entrypoint-initdb.d: applies the scripts of /trading-sql (this directory) in name
# order. Each ${NAME} in them becomes the environment variable NAME written inside an SQL string (backslashes and
# single quotes doubled), in one pass: the rule by which the local stack fills them too (SettingValues with
# SQL_STRING). A variable that is unset or empty stops the initialisation and is named.
set -euo pipefail
sql_dir="${TRADING_SQL_DIR:-/trading-sql}"

fill_placeholders() {
  local rest="$1" script="$2" filled="" placeholder name value
  while [[ "$rest" =~ \$\{([A-Za-z_][A-Za-z0-9_]*)\} ]]; do
    placeholder="${BASH_REMATCH[0]}"
    name="${BASH_REMATCH[1]}"
    value="${!name:-}"
    if [[ -z "$value" ]]; then
      echo "docker-initdb: $name is not set; $script needs it" >&2
      return 1
    fi
    # Quoted patterns and replacements: bash 5.2 would otherwise unescape backslashes and expand &.
    value="${value//"\\"/"\\\\"}"
    value="${value//"'"/"''"}"
    filled+="${rest%%"$placeholder"*}$value"
    rest="${rest#*"$placeholder"}"
  done
  printf '%s' "$filled$rest"
}

for script in "$sql_dir"/*.sql; do
  sql="$(fill_placeholders "$(cat "$script")" "$script")"
  echo "docker-initdb: applying $script"
  mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<< "$sql"
done
