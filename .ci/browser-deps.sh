#!/usr/bin/env bash
# CI: the browser tests (test/*.browser.test.ts) drive the system Chromium, Debian's `chromium` package;
# nothing downloads a browser build. Installed only when it is missing. In CI the tests fail without it.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "browser tests: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo chromium)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "browser tests: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
