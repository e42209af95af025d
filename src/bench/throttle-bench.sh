#!/usr/bin/env bash
# Throttling benchmark against moto (not a test): the benchmark account scanned clean and with a
# share of requests refused with throttling errors (WireMock in front of moto), printing both wall
# times and their ratio, and whether both snapshots hold the same facts and errors.
# Options (defaults): --throttle 0.10 --latency-ms 20 --buckets 1000 --log-groups 1000 --roles 300
# --user-pools 20 --web-acls 10
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/setup-moto.sh
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx${BENCH_XMX:-1g} -Dtenken.basedir="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tenken.collect.ThrottleBenchmark "$@"
