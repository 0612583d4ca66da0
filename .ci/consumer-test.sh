#!/usr/bin/env bash
# The package as a user meets it: `npm pack` this repository, install the tarball into a fresh project
# in a temporary folder outside the repository (public registry packages only, nothing cached), and
# there run each check below with msw at the lowest and at the newest version of the peer range.
#
# To add a check: put its files in test/consumer/ (they are copied into the project), write a
# `check_<name>` function below and add its name to CHECKS (or to CHECKS_ONCE when msw's version does
# not matter to it). Each check runs from the consumer project's folder.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# The peer range's ends: the lowest version it admits and the newest msw 2.x published.
MSW_VERSIONS=(2.10.0 2.15.0)
CHECKS=(readme_msw_example parallel_isolation typescript)
CHECKS_ONCE=(serve_over_http commonjs)

# The consumer's test tools, at the versions this repository tests with.
dev_version() { node -p "require('$repo/package.json').devDependencies['$1']"; }
VITEST=$(dev_version vitest)
TYPESCRIPT=$(dev_version typescript)
TYPES_NODE=$(dev_version @types/node)

work=$(mktemp -d "${TMPDIR:-/tmp}/esp-cancel-mock-consumer.XXXXXX")
server_pid=
cleanup() {
  [ -z "$server_pid" ] || kill -- "-$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== consumer: %s\n' "$*"; }

# `npm pack` from the repository, as a publish would: `prepare` builds dist/ first.
step "npm pack"
tarball="$work/$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
ls -l "$tarball"

app="$work/app"
mkdir -p "$app"
cp -R "$repo/test/consumer/." "$app/"
cat > "$app/package.json" <<'JSON'
{ "name": "consumer-app", "private": true, "type": "module" }
JSON
cat > "$app/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noUncheckedIndexedAccess": true, "module": "nodenext", "moduleResolution": "nodenext",
    "target": "es2022", "lib": ["es2023", "dom"], "types": ["node"], "noEmit": true,
    "allowImportingTsExtensions": true, "skipLibCheck": false
  },
  "include": ["*.ts"]
}
JSON
cat > "$app/tsconfig.bundler.json" <<'JSON'
{ "extends": "./tsconfig.json", "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "skipLibCheck": true } }
JSON
cat > "$app/tsconfig.default-types.json" <<'JSON'
{ "extends": "./tsconfig.json", "compilerOptions": { "types": [] }, "include": ["types-check.ts"] }
JSON
cd "$app"

# The README's MSW example, taken from the README itself (the block after its consumer-test marker).
check_readme_msw_example() {
  node -e "
    const text = require('node:fs').readFileSync('$repo/README.md', 'utf8');
    const match = /<!-- consumer-test: msw-example -->\s*\`\`\`ts\n([\s\S]*?)\n\`\`\`/.exec(text);
    if (!match) { console.error('README.md has no ts block after <!-- consumer-test: msw-example -->'); process.exit(1); }
    require('node:fs').writeFileSync('readme-example.test.ts', match[1] + '\n');
  "
  npx vitest run readme-example.test.ts
}

# Several test files in parallel, each with its own createMock(): their states never meet.
check_parallel_isolation() {
  npx vitest run isolation- --maxWorkers 4 --fileParallelism
  # The same files sharing one worker's module graph: isolation comes from createMock(), not from vitest.
  npx vitest run isolation- --pool threads --no-isolate --maxWorkers 1
}

# A strict TypeScript consumer compiles under nodenext and bundler resolution, and the
# @ts-expect-error lines (a misspelt config key, an unknown operationId…) are errors. The nodenext run
# also checks the package's own declarations (skipLibCheck off): an import they make that the package
# does not install fails here.
# The third run names no `types`, as TypeScript 6 and later default to: the package's declarations must
# then load @types/node themselves where they import a node: module.
check_typescript() {
  npx tsc -p tsconfig.json
  npx tsc -p tsconfig.bundler.json
  npx tsc -p tsconfig.default-types.json
}

# `npx esp-cancel-mock serve` from the app's folder, then an Omeda cancel over HTTP, with a YAML
# --config whose allow-list is in force; a misspelt key is refused with exit code 2.
check_serve_over_http() {
  local status=0
  npx esp-cancel-mock serve --port 0 --config config-typo.json > serve-typo.log 2>&1 || status=$?
  cat serve-typo.log
  [ "$status" = 2 ] || { echo "expected exit code 2 for a misspelt config key, got $status"; return 1; }
  grep -q 'config.omeda.appId: unknown key; did you mean appIds?' serve-typo.log

  # Its own process group (setsid), so stopping it stops the node server under npx, not npx alone.
  setsid npx esp-cancel-mock serve --port 0 --quiet --config config.yaml > serve.log 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    grep -q 'listening on' serve.log && break
    kill -0 "$server_pid" 2>/dev/null || { cat serve.log; return 1; }
    sleep 0.1
  done
  local base
  base=$(grep -o 'http://[0-9.:]*' serve.log | head -n 1)
  [ -n "$base" ] || { cat serve.log; return 1; }
  node omeda-cancel-over-http.mjs "$base" other-app 403
  node omeda-cancel-over-http.mjs "$base" my-app 200
  node omeda-cancel-over-http.mjs "$base" my-app 400
  kill -- "-$server_pid"
  wait "$server_pid" || true
  server_pid=
}

# CommonJS: require() of every entry point.
check_commonjs() {
  node require-entries.cjs
}

run_checks() {
  for check in "$@"; do
    step "$check (msw $(node -p "require('msw/package.json').version"))"
    "check_$check"
  done
}

first=1
for msw in "${MSW_VERSIONS[@]}"; do
  step "npm install the tarball with msw@$msw"
  npm install --no-audit --no-fund --save-dev "$tarball" "msw@$msw" "vitest@$VITEST" "typescript@$TYPESCRIPT" "@types/node@$TYPES_NODE"
  run_checks "${CHECKS[@]}"
  if [ "$first" = 1 ]; then
    run_checks "${CHECKS_ONCE[@]}"
    first=0
  fi
done
step "passed with msw ${MSW_VERSIONS[*]}"
