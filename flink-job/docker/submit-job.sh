#!/usr/bin/env bash
# Submits the trading job to the compose cluster with the real `flink run`, once: a job that already runs is
# left alone. It resumes from the newest savepoint or retained checkpoint under /flink-data, as the local run
# does. Arguments are passed to the job (see `flink run /opt/flink/usrlib/flink-job.jar --help`).
set -euo pipefail
jobmanager="${FLINK_JOBMANAGER:-jobmanager:8081}"
jar=/opt/flink/usrlib/flink-job.jar

if /opt/flink/bin/flink list -r -m "$jobmanager" 2>/dev/null | grep -q "Trading analytics (RUNNING)"; then
  echo "submit-job: the trading job already runs on $jobmanager; not submitting another copy"
  exit 0
fi

restore=()
newest="$(find /flink-data/savepoints /flink-data/checkpoints -name _metadata -printf '%T@ %h\n' 2>/dev/null \
  | sort -n | tail -n 1 | cut -d' ' -f2-)"
if [[ -n "$newest" ]]; then
  echo "submit-job: resuming from $newest"
  restore=(-s "file://$newest")
fi
exec /opt/flink/bin/flink run -d -m "$jobmanager" "${restore[@]}" "$jar" "$@"
