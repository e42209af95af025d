#!/usr/bin/env bash
# Benchmark (not a test): cold wall time of `tenken template` on the real GenU default cloud
# assembly (src/test/resources/template/genu/default: 2 stacks, 411 resources) side by side with
# `tenken demo`, each run a fresh JVM, runs interleaved so both see the same machine load.
# The start-up cache of both launchers is trained on a demo and a template run
# (io.tenken.cli.StartupTraining), so both start from it.
# Usage: src/bench/template-vs-demo.sh [RUNS] [LAUNCHER]   (default 9 runs of ./tenken; LAUNCHER
# may be a release's bin/tenken, e.g. after `mvn package`: unpack target/tenken-*-linux-x64.tar.gz)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
tenken="${2:-$root/tenken}"
assembly="$root/src/test/resources/template/genu/default"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$tenken" demo --out "$out/warm" >/dev/null   # ./tenken builds the jar and the CDS archive if needed
# Wall time, and CPU time (user + sys of the waited-for children, /proc/PID/stat), which a loaded
# machine disturbs far less than wall time.
run() {
  local s e c0 c1 me=$BASHPID
  c0=$(awk '{print $16 + $17}' "/proc/$me/stat")
  s=$(date +%s%N); "$@" >/dev/null || true; e=$(date +%s%N)
  c1=$(awk '{print $16 + $17}' "/proc/$me/stat")
  echo "$(( (e - s) / 1000000 )) $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))"
}
demo=(); tpl=(); demo_cpu=(); tpl_cpu=()
for ((i = 0; i < runs; i++)); do
  read -r w c < <(run "$tenken" demo --out "$out/demo$i"); demo+=("$w"); demo_cpu+=("$c")
  # Exit 3 is expected: account-level checks are ERROR without --account-snapshot.
  read -r w c < <(run "$tenken" template "$assembly" --out "$out/template$i"); tpl+=("$w"); tpl_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
d=$(median "${demo[@]}"); t=$(median "${tpl[@]}"); dc=$(median "${demo_cpu[@]}"); tc=$(median "${tpl_cpu[@]}")
echo "cold start of $tenken, $runs runs each on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) (medians):"
echo "  tenken demo                              wall ${d} ms, cpu ${dc} ms   wall runs: ${demo[*]}"
echo "  tenken template genu/default (cdk.out)   wall ${t} ms, cpu ${tc} ms   wall runs: ${tpl[*]}"
echo "  difference template - demo               wall $(( t - d )) ms, cpu $(( tc - dc )) ms"
