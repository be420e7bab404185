#!/usr/bin/env bash
# Runs the whole pipeline on this machine without Docker: Kafka, Cassandra, MariaDB, a Flink session cluster
# (web UI on http://localhost:8081), the Flink job submitted with `flink run`, the tick generator and Superset
# with the dashboard (http://localhost:8088). Data stays in .local-stack/ between runs: Ctrl-C stops the job with
# a savepoint and the next start resumes from it (--fresh starts from nothing). Extra arguments go to
# local-stack (see --help), e.g. --flink-port 0. Settings of the job and the generator come from the
# environment, e.g. WINDOW_SIZE=10s.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

./mvnw -B -q -ntp install -DskipTests
./mvnw -B -q -ntp -pl local-stack dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime.classpath

exec java -cp "local-stack/target/classes:$(cat local-stack/target/runtime.classpath)" \
  io.tradingpipeline.localstack.LocalStackMain \
  --data-dir "$repo/.local-stack" \
  --job flink-job/target/flink-job.jar \
  --generator tick-generator/target/tick-generator.jar \
  "$@"
