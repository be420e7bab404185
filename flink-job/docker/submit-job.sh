#!/usr/bin/env bash
# Submits the trading job to the compose cluster with the real `flink run`, once: while a job of the same name is
# in any state but FINISHED, CANCELED or FAILED (running, restarting, failing, cancelling, suspended, …) no second
# copy is started. It resumes from the newest savepoint or retained checkpoint under /flink-data, as the local run
# does. Arguments are passed to the job (see `flink run /opt/flink/usrlib/flink-job.jar --help`).
#
# Environment: FLINK_JOBMANAGER (jobmanager:8081), FLINK_DATA_DIR (/flink-data); `flink` from the PATH.
set -euo pipefail
jobmanager="${FLINK_JOBMANAGER:-jobmanager:8081}"
data="${FLINK_DATA_DIR:-/flink-data}"
jar=/opt/flink/usrlib/flink-job.jar
job_name="Trading analytics" # TradingJobMain's env.execute

# The Flink image has neither jq nor python: `flink list -a` reads the REST API's /jobs/overview with Flink's own
# JSON parser and prints every job, whatever its state, as "<start time> : <job id> : <name> (<state>)".
if ! jobs="$(flink list -a -m "$jobmanager")"; then
  echo "submit-job: cannot list the jobs on $jobmanager; not submitting" >&2
  exit 1
fi
job_line='^.+ : [0-9a-f]{32} : (.+) \(([A-Z_]+)\)$'
while IFS= read -r line; do
  if [[ "$line" =~ $job_line && "${BASH_REMATCH[1]}" == "$job_name" ]]; then
    case "${BASH_REMATCH[2]}" in
      FINISHED | CANCELED | FAILED) ;;
      *)
        echo "submit-job: '$job_name' is ${BASH_REMATCH[2]} on $jobmanager; not submitting another copy"
        exit 0
        ;;
    esac
  fi
done <<< "$jobs"

restore=()
# Neither directory exists before the first checkpoint; find's complaint must not end the script (pipefail).
# The same lookup as the local run's (LocalRun.newestRestorePoint): the newest _metadata at most 3 levels down.
newest="$({ find "$data/savepoints" "$data/checkpoints" -maxdepth 3 -type f -name _metadata -printf '%T@ %h\n' \
  2>/dev/null || true; } \
  | sort -n | tail -n 1 | cut -d' ' -f2-)"
if [[ -n "$newest" ]]; then
  echo "submit-job: resuming from $newest"
  restore=(-s "file://$newest")
fi
# `flink run` submits through the REST API's POST /jobs, which compose's web.submit.enable: false leaves open (it
# only disables the web UI's /jars upload and run).
exec flink run -d -m "$jobmanager" "${restore[@]}" "$jar" "$@"
