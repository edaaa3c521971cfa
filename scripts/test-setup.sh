#!/usr/bin/env bash
# Prepares what the test suite needs beyond node_modules, from Debian packages: a headless Chromium for the report's
# browser test (driven by playwright-core, which downloads no browser of its own) and redis-server for the queue tests
# (each test starts its own server on a free loopback port).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-setup: installing Debian ${missing[*]} for the report browser test and the queue tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test-setup: ${missing[*]} missing and cannot be installed here (need root and apt-get); install the Debian package(s) ${missing[*]}" >&2
    exit 1
  fi
fi

# Scratch space for test artefacts (screenshots, generated corpora); git-ignored.
mkdir -p "$(dirname "$0")/../test/.tmp"
