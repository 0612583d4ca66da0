#!/usr/bin/env bash
# Consumer test of sessions: `npm pack` this repository, install the tarball into a fresh project in a
# temporary folder, and there run four vitest files in parallel against ONE server (started by
# esp-cancel-mock/vitest's globalSetup), each in a session of its own, each cancelling the same
# documented deployment. Without sessions they would fail (the journal assertions see only their own
# exchanges, and the second cancel of a shared record would be the first's 400).
#
# Written to join .ci/consumer-test.sh: `check_sessions` below is that script's check shape (files in
# a folder of their own, run from the consumer project's folder); once it is there, add `sessions` to
# its CHECKS_ONCE and drop this file and its line in .ci/run.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
VITEST=$(node -p "require('$repo/package.json').devDependencies.vitest")

work=$(mktemp -d "${TMPDIR:-/tmp}/esp-cancel-mock-consumer-sessions.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '\n== consumer: %s\n' "$*"; }

step "npm pack"
tarball="$work/$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
app="$work/app"
mkdir -p "$app"
cat > "$app/package.json" <<'JSON'
{ "name": "consumer-app", "private": true, "type": "module" }
JSON
cd "$app"

# Four files, four workers, one server, four sessions: all green.
check_sessions() {
  rm -rf sessions
  cp -R "$repo/test/consumer-sessions" sessions
  npx vitest run --root sessions --maxWorkers 4 --fileParallelism
}

step "npm install the tarball"
npm install --no-audit --no-fund --save-dev "$tarball" "vitest@$VITEST"
step "sessions"
check_sessions
step "passed"
