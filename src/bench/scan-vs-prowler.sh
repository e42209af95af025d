#!/usr/bin/env bash
# Tenken vs Prowler against moto behind a 50 ms-per-call latency front (not a test). Prowler must be
# installed outside the repository:  python3 -m venv /work/prowler-venv && /work/prowler-venv/bin/pip install prowler
# (or set PROWLER=/path/to/prowler). Runs each tool alternately --runs times (default 3) and prints
# wall time, API calls, peak memory and the ratios.
# Options (defaults): --latency-ms 50 --runs 3 --buckets 1000 --log-groups 1000 --roles 300 --user-pools 20 --web-acls 10
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/setup-moto.sh
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx${BENCH_XMX:-1g} -Dtenken.basedir="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tenken.collect.ScanVsProwler "$@"
