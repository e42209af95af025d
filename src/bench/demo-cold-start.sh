#!/usr/bin/env bash
# Benchmark (not a test): median cold wall time of `./tenken demo`, each run a fresh JVM.
# The first, unmeasured run builds the jar if needed and writes the class-data-sharing archive.
# Usage: src/bench/demo-cold-start.sh [RUNS]   (default 9)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/tenken" demo --out "$out/warm" >/dev/null
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "$root/tenken" demo --out "$out/run$i" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
echo "tenken demo, cold JVM, $runs runs on $(nproc) cores: median ${median} ms (min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms)"
echo "runs (ms): ${times[*]}"
