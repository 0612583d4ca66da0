#!/usr/bin/env bash
# Growth check: each decoder, the store's bulk operations and the journal timed at n and 4n; fails when
# one grows clearly faster than linearly (ratios, fastest of several runs, re-measured before failing).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run growth --silent
