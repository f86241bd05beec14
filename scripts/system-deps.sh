#!/usr/bin/env bash
# Debian packages the project needs: Pango and fonts for WeasyPrint (PDFs); chromium and nodejs for the tests.
# Usage: scripts/system-deps.sh site|test. Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core)
# Node runs the JavaScript's unit tests (make node-test): Debian's nodejs, unless a node is already there
[[ "${1:-site}" == test ]] && want+=(chromium) && { command -v node >/dev/null || want+=(nodejs); }
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
((${#missing[@]})) || exit 0
echo "Installing system packages: ${missing[*]}"
sudo_cmd=""
[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
