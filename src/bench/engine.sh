#!/usr/bin/env bash
# Benchmark (not a test): the offline pipeline at a million facts in a 2 GB heap. Writes a
# synthetic snapshot, reads it back as a stream, evaluates it and streams every report format,
# printing each stage's wall time and peak heap.
# Usage: src/bench/engine.sh [LOG_GROUPS] [BUCKETS]   (default 750000 250000; HEAP=2g)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -B -o test-compile
cp="target/classes:target/test-classes:$(mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
java -Xmx"${HEAP:-2g}" -cp "$cp" io.tenken.bench.EngineBenchmark "$@"
