#!/usr/bin/env bash
# Benchmark (not a test): cold wall time of `demo` from the release archive (bundled runtime and
# ahead-of-time cache) beside `./tenken demo` (the clone launcher: system JDK 17, CDS archive),
# measured alternately in one run so both see the same machine load. Also prints the sizes.
# Usage: src/bench/dist-cold-start.sh [RUNS]   (default 9; needs `mvn package` first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
archive="$(ls "$root"/target/tenken-*-linux-x64.tar.gz | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
dist="$(ls -d "$work"/tenken-*/)"
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# Warm-up (unmeasured): the launcher builds its CDS archive on first use.
"$root/tenken" demo --out "$work/w1" >/dev/null
"$dist/bin/tenken" demo --out "$work/w2" >/dev/null
a=(); b=()
for ((i = 0; i < runs; i++)); do
  a+=("$(ms "$dist/bin/tenken" demo --out "$work/a$i")")
  b+=("$(ms "$root/tenken" demo --out "$work/b$i")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "distribution: $(du -h "$archive" | cut -f1) archive, $(du -sh "$dist" | cut -f1) unpacked ($(du -sh "$dist/runtime" | cut -f1) runtime, $(du -sh "$dist/app/lib" | cut -f1) in $(ls "$dist/app/lib" | wc -l) jars, $(du -h "$dist"/app/tenken.aot "$dist"/app/tenken.jsa 2>/dev/null | cut -f1 | head -n 1) start-up cache)"
echo "demo, cold, $runs runs each, alternating, $(nproc) cores: release bin/tenken median $(median "${a[@]}") ms; ./tenken median $(median "${b[@]}") ms"
echo "release (ms): ${a[*]}"
echo "./tenken (ms): ${b[*]}"
