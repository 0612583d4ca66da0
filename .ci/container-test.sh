#!/usr/bin/env bash
# CI: build the container image from the Dockerfile and check it (podman; see docs/guides/container.md).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run test:container
