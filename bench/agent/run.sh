#!/usr/bin/env bash
# Runs the agent module's JMH benchmarks (embedding and retrieval cost). From the repository root:
#   bench/agent/run.sh                      # all of them (about 6 minutes)
#   bench/agent/run.sh RetrievalBenchmark   # a subset: any JMH include regex
# Extra JMH options after the regex, e.g. bench/agent/run.sh Retrieval -p passages=50000
set -euo pipefail
cd "$(dirname "$0")/../.."
# the other modules come from the local repository: `mvn -o install -DskipTests` once if it has none
mvn -B -q -o test-compile -pl agent
mvn -B -q -o dependency:build-classpath -pl agent -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/agent/target/bench.classpath" >/dev/null
CP="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
include="${1:-dev.switchboard.agent.knowledge.*Benchmark}"
shift || true
exec java -cp "$CP" org.openjdk.jmh.Main "$include" -rf json -rff agent/target/jmh-result.json "$@"
