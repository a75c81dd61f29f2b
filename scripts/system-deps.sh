#!/usr/bin/env bash
# Install the Debian packages named on the command line, only those missing.
# Used by the Makefile: python3-venv for the venv, LibreOffice/fonts/poppler for the
# tests that convert documents to PDF. Runs apt-get as root, or through sudo.
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Thiếu gói (missing packages): ${missing[*]} — hãy cài bằng trình quản lý gói của máy (install them)." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Cài gói hệ thống (installing system packages): ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
