#!/usr/bin/env bash
# Debian packages the project needs: Pango and fonts for WeasyPrint (PDFs); chromium for the browser tests;
# nodejs (when no node is on the PATH) for the JavaScript logic tests.
# Usage: scripts/system-deps.sh site|test. Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core)
[[ "${1:-site}" == test ]] && want+=(chromium)
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node runs the pages' JavaScript logic tests (tests/js/, node --test): any node on the PATH will do.
[[ "${1:-site}" == test ]] && ! command -v node >/dev/null && missing+=(nodejs)
((${#missing[@]})) || exit 0
echo "Installing system packages: ${missing[*]}"
sudo_cmd=""
[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
