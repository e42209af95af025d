#!/usr/bin/env bash
# Scan benchmark against moto_server (not a test). Seeds resources, scans, prints wall time,
# API calls per service and operation and peak heap. Options (defaults): --buckets 1000 --log-groups 1000
# --roles 300 --user-pools 20 --web-acls 10 --concurrency 16 (or a list: 8,16 scans once per value)
# --latency-ms 0 (50: every answer delayed as AWS's) --list-buckets aws (or moto: moto omits BucketRegion)
# --bucket-tags no (yes: as with a policy that has sensitiveBucketTags)
# --object-ownership none (enforced: buckets made with ACLs disabled, S3's default since April 2023)
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/setup-moto.sh
mvn -B -q test-compile -DskipTests=false
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx${BENCH_XMX:-1g} -Dtenken.basedir="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tenken.collect.ScanBenchmark "$@"
