#!/usr/bin/env bash
# Benchmark (not a test): cold wall time of `tenken template` on the real GenU default cloud
# assembly (src/test/resources/template/genu/default: 2 stacks, 411 resources) side by side with
# `tenken demo`, each run a fresh JVM, runs interleaved so both see the same machine load.
# Usage: src/bench/template-vs-demo.sh [RUNS]   (default 9)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
assembly="$root/src/test/resources/template/genu/default"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/tenken" demo --out "$out/warm" >/dev/null   # builds the jar and the CDS archive if needed
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
demo=(); tpl=()
for ((i = 0; i < runs; i++)); do
  demo+=($(ms "$root/tenken" demo --out "$out/demo$i"))
  # Exit 3 is expected: account-level checks are ERROR without --account-snapshot.
  tpl+=($(ms "$root/tenken" template "$assembly" --out "$out/template$i"))
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
d=$(median "${demo[@]}"); t=$(median "${tpl[@]}")
echo "cold wall time, $runs runs each on $(nproc) cores (median):"
echo "  tenken demo                              ${d} ms   runs: ${demo[*]}"
echo "  tenken template genu/default (cdk.out)   ${t} ms   runs: ${tpl[*]}"
echo "  difference template - demo               $(( t - d )) ms"
