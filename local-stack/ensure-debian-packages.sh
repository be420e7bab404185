#!/usr/bin/env bash
# Installs the Debian packages that are missing: ensure-debian-packages.sh COMMAND=PACKAGE ... | PACKAGE ...
# COMMAND=PACKAGE installs PACKAGE when COMMAND is not on the PATH, a bare PACKAGE when dpkg does not list it,
# e.g. ensure-debian-packages.sh chromium=chromium docker-compose=docker-compose python3-venv. Needs root or sudo.
set -euo pipefail
missing=()
for wanted in "$@"; do
  if [[ "$wanted" == *=* ]]; then
    command -v "${wanted%%=*}" > /dev/null || missing+=("${wanted#*=}")
  else
    dpkg-query -W -f='${Status}' "$wanted" 2>/dev/null | grep -q "install ok installed" || missing+=("$wanted")
  fi
done
(( ${#missing[@]} )) || exit 0
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo > /dev/null; then
  as_root=(sudo)
else
  echo "ensure-debian-packages: ${missing[*]} must be installed, which needs root; run as root or install them" >&2
  exit 1
fi
echo "ensure-debian-packages: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
