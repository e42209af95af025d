#!/usr/bin/env bash
# Builds the container image from target/ (after `mvn package`) with Debian's podman and runs the
# demo in it as the image's non-root user on its read-only root file system.
# No registry is reachable from CI, so the slim base is made locally: a Debian bookworm minbase
# root file system (mmdebstrap, from Debian's own mirror), imported as localhost/tenken-base.
# Where the OCI runtime cannot start containers (seen here: crun and runc may not set rlimits
# inside this virtual machine), the image's own read-only root file system is run with chroot as
# UID 65532, with /proc and a tmpfs /tmp mounted as a container runtime would.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
image="localhost/tenken:$version"
test -d "target/dist/tenken-$version" || { echo "no target/dist/tenken-$version: run mvn package first" >&2; exit 1; }

if ! command -v podman >/dev/null || ! command -v mmdebstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman mmdebstrap >/dev/null
fi
if ! podman image exists localhost/tenken-base:bookworm; then
  base="$(mktemp -d)"
  mmdebstrap --quiet --variant=minbase --include=ca-certificates \
    --dpkgopt='path-exclude=/usr/share/{doc,man,locale,info}/*' bookworm "$base/rootfs.tar" http://deb.debian.org/debian
  podman import "$base/rootfs.tar" localhost/tenken-base:bookworm >/dev/null
  rm -rf "$base"
fi
podman build --quiet -f src/container/Dockerfile --build-arg BASE=localhost/tenken-base:bookworm \
  --build-arg "VERSION=$version" -t "$image" target/ >/dev/null

user="$(podman image inspect --format '{{.Config.User}}' "$image")"
[[ "$user" == "65532:65532" ]] || { echo "image user is '$user', expected the non-root 65532:65532" >&2; exit 1; }

out="$(mktemp -d)"
chmod 1777 "$out"
if podman run --rm --read-only -v "$out:/work" "$image" demo --format html,json >"$out/run.log" 2>&1; then
  echo "container: podman run --read-only as $user"
  test -s "$out/demo-report/genu-default/report.html"
else
  echo "container: podman run cannot start containers here ($(tail -n 1 "$out/run.log")); running the image's root file system with chroot"
  root="$(podman image mount "$image")"
  cleanup() { umount "$root/tmp" 2>/dev/null || true; umount "$root/proc" 2>/dev/null || true; podman image unmount "$image" >/dev/null || true; }
  trap cleanup EXIT
  if touch "$root/written" 2>/dev/null; then echo "image root file system is writable" >&2; exit 1; fi
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o size=256m,mode=1777 tmpfs "$root/tmp"
  env -i PATH=/usr/bin:/bin HOME=/home/tenken LANG=C.UTF-8 "$(command -v chroot)" --userspec=65532:65532 "$root" \
    /bin/sh -c 'cd /tmp && /opt/tenken/bin/tenken demo --format html,json && test -s demo-report/genu-default/report.html \
      && test "$(id -u)" = 65532 && ! touch /opt/tenken/written 2>/dev/null'
fi
echo "container: demo ran in $image"
