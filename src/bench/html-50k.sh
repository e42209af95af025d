#!/usr/bin/env bash
# Benchmark (not a test): size and render time of the HTML report at 50,000 findings.
# Runs BigReportTest, which renders synthetic findings in memory and writes target/big-report.html
# (open it in a browser to try the filters).
# Usage: src/bench/html-50k.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q test -Dtest=BigReportTest -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep 'BigReportTest:' || {
  echo "BigReportTest did not run" >&2; exit 1; }
echo "file: $root/target/big-report.html"
