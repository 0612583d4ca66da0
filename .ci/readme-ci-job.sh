#!/usr/bin/env bash
# Runs the CI job the docs publish (docs/guides/ci.md: the GitHub Actions YAML and its plain shell
# steps, checked to be the same commands) as a user's pipeline would, in a stand-in app
# (.ci/ci-job-app): it must be green on the correct app and red on a broken one. The docs cannot drift.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npx tsx scripts/extract-ci-job.ts docs/guides/ci.md > "$work/job.sh"

free_port() { node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# One run of the job on a free port (the docs say 4010), as its own process group: the job leaves the
# mock server running in the background, as a CI step would, and the group is stopped afterwards.
run_job() {
  local port code=0
  port=$(free_port)
  sed "s/4010/$port/g" "$work/job.sh" > "$work/job-$port.sh"
  rm -rf .ci/ci-job-app/reports .ci/ci-job-app/mock.log
  output="$work/output-$port.txt"
  (cd .ci/ci-job-app && OMEDA_BASE_URL="http://127.0.0.1:$port" exec setsid bash "$work/job-$port.sh" > "$output" 2>&1) &
  local group=$!
  wait "$group" || code=$?
  kill -TERM -- "-$group" 2>/dev/null || true
  return "$code"
}

echo "documented CI job, correct app:"
if ! run_job; then cat "$output"; echo "FAIL: the documented CI job is red on a correct app"; exit 1; fi
grep -E 'checks \(|exchanges,|pass ' "$output" | sed 's/^/  /'

echo "documented CI job, broken app (must be red):"
if CI_JOB_APP_BROKEN=1 run_job; then cat "$output"; echo "FAIL: the documented CI job is green on a broken app"; exit 1; fi
grep -q 'must be string' "$output" || { cat "$output"; echo "FAIL: red, but not for the broken request"; exit 1; }
grep -E 'FAIL|must be string|exchanges,' "$output" | sed 's/^/  /'
echo "documented CI job: green on the correct app, red on the broken one"
