#!/usr/bin/env bash
# Organisation scan benchmark against moto_server (not a test): creates an organisation of --accounts
# accounts in moto (Organizations), seeds each through a role assumed into it, runs
# `tenken scan --org` and prints the wall time and the API calls per account.
# Options (defaults): --accounts 20 --account-concurrency 4 --latency-ms 0
#   --buckets 12 --log-groups 40 --roles 25 --user-pools 1 --web-acls 2   (per account, GenU-sized)
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/setup-moto.sh
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx${BENCH_XMX:-2g} -Dtenken.basedir="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tenken.collect.OrgBenchmark "$@"
