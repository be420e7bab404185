#!/usr/bin/env bash
# Installs Superset from superset/requirements.txt into the git-ignored virtual environment superset/.venv
# re-created only when the pins change. With --browser it also makes sure the dashboard's
# browser check has what it needs: Debian's chromium and playwright-core from npm (superset/browser/).
# Prints the venv's bin directory on the last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
requirements="$here/requirements.txt"

usage() {
  echo "usage: superset/install.sh [--browser]" >&2
  exit 2
}

browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) browser=true ;;
    -h|--help) echo "usage: superset/install.sh [--browser]"; exit 0 ;;
    *) echo "superset/install.sh: unknown option $arg" >&2; usage ;;
  esac
done

debian_packages="$here/../local-stack/ensure-debian-packages.sh"

pick_python() {
  # The pins were resolved and tested on CPython 3.11; Superset 6.1 runs on 3.10 to 3.12.
  for candidate in python3.11 python3.12 python3.10 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 12)))'; then
      echo "$candidate"
      return
    fi
  done
  echo "superset/install.sh: Superset 6.1 needs Python 3.10, 3.11 or 3.12; none is on the PATH" >&2
  exit 1
}

wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/superset" || "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$wanted" ]]; then
  python="$(pick_python)"
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    bash "$debian_packages" python3-venv
  fi
  echo "superset/install.sh: installing Superset into $venv (about a minute)" >&2
  started=$SECONDS
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" >&2
  echo "$wanted" > "$venv/.requirements.sha256"
  echo "superset/install.sh: installed in $((SECONDS - started)) s" >&2
fi

if $browser; then
  bash "$debian_packages" chromium=chromium node=nodejs npm=npm
  if [[ ! -d "$here/browser/node_modules/playwright-core" ]]; then
    (cd "$here/browser" && npm ci --silent --no-audit --no-fund >&2)
  fi
fi

echo "$venv/bin"
