#!/usr/bin/env bash
# Prints the retrieval ablation on the labelled set (vector / lexical / hybrid, with and without
# centering) with the real embedding model. From the repository root: bench/agent/evaluate.sh [faq threshold]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile -pl agent
mvn -B -q -o dependency:build-classpath -pl agent -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/agent/target/bench.classpath" >/dev/null
CP="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
exec java -cp "$CP" dev.switchboard.agent.knowledge.RetrievalEvaluation "$@" 2>&1 | grep -v -E " (INFO|DEBUG) "
