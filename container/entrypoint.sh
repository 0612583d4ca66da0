#!/bin/sh
# The image's entry point. `serve` (the default command) listens on every interface of the container,
# which a port mapping needs, so the admin API is always behind a token: $ADMIN_TOKEN, or a random one
# generated here and printed once. The vendor paths and GET /__admin/health need no token.
# $SERVE_FLAGS adds serve's flags where a command line cannot be given (GitHub Actions' `services:`).
# `verify`, `validate`, `--help` and `--version` run as given. `exec` keeps node as PID 1, so the
# server's own SIGTERM handling (finish in-flight requests, then exit 0) is what `docker stop` reaches.
set -euf
cli=/app/dist/esp-cancel-mock.mjs
# V8 heap sizing for a long-running server (docs/reference/cli.md#memory): young generation capped at
# 8 MiB per semi-space, old generation grown by 50 % instead of up to 4x: peak RSS at 50 connections
# ~160 -> ~100 MiB for ~1 % more CPU per request. $NODE_HEAP_FLAGS replaces them ('' for V8's defaults).
heap=${NODE_HEAP_FLAGS---max-semi-space-size=8 --heap-growing-percent=50}
case "${1-serve}" in
  serve) [ "$#" -eq 0 ] || shift ;;
  -h | --help | -v | --version) exec node "$cli" "$@" ;;
  -*) ;; # serve's flags alone: `docker run esp-cancel-mock --strict`
  *) exec node "$cli" "$@" ;;
esac
token=${ADMIN_TOKEN-}
if [ -z "$token" ]; then
  token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  echo "ADMIN_TOKEN is not set: the admin API needs 'Authorization: Bearer $token' (generated for this run)"
fi
# Flags given after these win (the last value of a flag counts), so --host and --admin-token can be overridden.
# SERVE_FLAGS is split on spaces on purpose (set -f: no filename expansion).
# shellcheck disable=SC2086
exec node $heap "$cli" serve --host 0.0.0.0 --admin-token "$token" ${SERVE_FLAGS-} "$@"
