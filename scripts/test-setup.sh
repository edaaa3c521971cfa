#!/usr/bin/env bash
# Prepares what the test suite needs beyond node_modules: a headless Chromium for the report's browser test
# (Debian package, driven by playwright-core, which downloads no browser of its own).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-setup: installing Debian chromium for the report browser test" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test-setup: /usr/bin/chromium is missing and cannot be installed here (need root and apt-get); install the 'chromium' package" >&2
    exit 1
  fi
fi

# Scratch space for test artefacts (screenshots, generated corpora); git-ignored.
mkdir -p "$(dirname "$0")/../test/.tmp"
