#!/usr/bin/env bash
# npm run test:container: builds the image from the Dockerfile and checks it (test/container/check-image.ts).
#
# No container registry is reachable where this runs, so the base images are made here from Debian's
# packages: `debootstrap --variant=minbase trixie` with nodejs (trixie's is Node.js 20) is the runtime
# base; the same plus npm is the build base. Everything podman stores lives in a scratch folder removed
# on exit, so nothing is cached between runs. Needs root (apt-get, debootstrap, rootful podman).
# Podman runs with runc and cgroupfs, and without default ulimits: crun and the default ulimits fail in
# this sandbox.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
phase() { echo "[container] $1 ($((SECONDS - started)) s)"; }

if [ "$(id -u)" != 0 ]; then
  echo "[container] needs root: apt-get, debootstrap and rootful podman" >&2
  exit 1
fi
missing=()
for tool in podman runc debootstrap; do command -v "$tool" > /dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  phase "installing ${missing[*]}"
  # Another apt-get may hold the lock: wait for it instead of failing.
  apt=(apt-get -o DPkg::Lock::Timeout=600 -q)
  "${apt[@]}" update > /dev/null
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends podman runc debootstrap > /dev/null
fi

scratch=$(mktemp -d /var/tmp/esp-cancel-mock-container.XXXXXX)
cat > "$scratch/containers.conf" << END
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
END
cat > "$scratch/storage.conf" << END
[storage]
driver = "overlay"
graphroot = "$scratch/storage"
runroot = "$scratch/run"
END
export CONTAINERS_CONF="$scratch/containers.conf" CONTAINERS_STORAGE_CONF="$scratch/storage.conf"
cleanup() {
  podman rm --all --force --time 0 > /dev/null 2>&1 || true
  podman rmi --all --force > /dev/null 2>&1 || true
  # containers/storage may leave its overlay folder mounted: unmount whatever lies under the scratch folder.
  awk -v dir="$scratch/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l || true
  rm -rf "$scratch"
}
trap cleanup EXIT

phase "debootstrap trixie (minbase + nodejs)"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
debootstrap --variant=minbase --include=nodejs trixie "$scratch/rootfs" "$mirror" > "$scratch/debootstrap.log" 2>&1 || {
  tail -20 "$scratch/debootstrap.log"
  exit 1
}
# apt's downloads and lists are of no use in an image.
rm -rf "$scratch"/rootfs/var/cache/apt/archives/*.deb "$scratch"/rootfs/var/lib/apt/lists/*
tar -C "$scratch/rootfs" -c . | podman import --quiet - localhost/esp-cancel-mock-base:runtime > /dev/null
rm -rf "$scratch/rootfs"

# The build base adds npm where the official Node.js image has it (/usr/local/lib/node_modules/npm).
# npm is plain JavaScript, so this machine's own copy serves; Debian's npm package would add some 300
# packages and minutes of downloads to every run. It also trusts what this machine trusts (a TLS proxy's
# CA, if any), so that `npm ci` in the build stage reaches the registry as the machine's npm does.
phase "build base (+ npm)"
mkdir "$scratch/build-base"
cp -r "$(npm root --global)/npm" "$scratch/build-base/npm"
cat /etc/ssl/certs/ca-certificates.crt ${NODE_EXTRA_CA_CERTS:+"$NODE_EXTRA_CA_CERTS"} > "$scratch/build-base/host-ca.crt"
cat > "$scratch/build-base/Containerfile" << 'END'
FROM localhost/esp-cancel-mock-base:runtime
COPY npm /usr/local/lib/node_modules/npm
COPY host-ca.crt /etc/ssl/certs/host-ca.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca.crt npm_config_update_notifier=false
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && npm --version
END
podman build --quiet --tag localhost/esp-cancel-mock-base:build "$scratch/build-base" > /dev/null

# --format docker keeps the HEALTHCHECK (the OCI image format has no field for it); --network host
# lets `npm ci` reach the registry without a container network.
phase "podman build"
podman build --quiet --format docker --network host \
  --build-arg NODE_IMAGE=localhost/esp-cancel-mock-base:build \
  --build-arg RUNTIME_IMAGE=localhost/esp-cancel-mock-base:runtime \
  --tag localhost/esp-cancel-mock:test . > /dev/null

phase "checks"
status=0
node_modules/.bin/tsx test/container/check-image.ts localhost/esp-cancel-mock:test localhost/esp-cancel-mock-base:runtime || status=$?
phase "done"
exit "$status"
