#!/usr/bin/env bash
# Install the Debian packages the tests drive (named as arguments) when they are missing.
# As root with apt-get: installs them. Otherwise: one line saying what to install, exit 1.
set -euo pipefail
missing=()
for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
fi
echo "make needs these Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
