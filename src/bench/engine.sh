#!/usr/bin/env bash
# Benchmark (not a test): evaluate a synthetic snapshot of many facts and print stage timings.
# Usage: src/bench/engine.sh [LOG_GROUPS] [BUCKETS]   (default 150000 50000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B test-compile
cp="target/classes:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
java -Xmx4g -cp "$cp" io.tenken.bench.EngineBenchmark "$@"
