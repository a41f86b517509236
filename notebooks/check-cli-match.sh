#!/usr/bin/env bash
# Checks that the numbers the notebooks print are the numbers the CLI prints for the same work.
#
#   notebooks/check-cli-match.sh [RUNS_FOLDER]     (default: notebooks/executed/runs)
#
# 03-train (notebook 3): trains the run folder's own config.json again with `ecg train` into a
#   temporary folder and compares the two run folders: configuration, every epoch's metrics (timing
#   aside), every step's loss, the validation scores, metrics and tuned thresholds.
# 04-compare (notebook 4): runs `ecg compare` on the test scores, truth and tuned thresholds the notebook
#   wrote, with its bootstrap size and seed, and compares comparison.json with the notebook's.
# Either folder may be missing (its notebook did not run); both missing is an error.
# The CLI runs on the jars the notebooks ran on (notebooks/target/classpath, copied from the ones ./ecg
# uses) with the JVM options ./ecg passes, so that a rebuild in between cannot make them differ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-$here/executed/runs}"
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

ecg() {
  "$java_bin" ${ECG_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$here/target/classpath/*" org.ecgsiglip.cli.EcgCommand "$@" \
    >"$tmp/ecg.log" 2>&1 || { cat "$tmp/ecg.log" >&2; echo "check-cli-match: ecg $1 failed" >&2; exit 1; }
}

checked=0
train="$runs/03-train"
if [ -f "$train/metrics.jsonl" ]; then
  t0=$SECONDS
  ecg --quiet train --config "$train/config.json" --out "$tmp/train"
  echo "ecg train --config $train/config.json: $((SECONDS - t0)) s"
  python3 "$here/support/compare_outputs.py" run "$train" "$tmp/train"
  checked=$((checked + 1))
fi

cmp="$runs/04-compare"
if [ -f "$cmp/comparison/comparison.json" ]; then
  read -r replicates seed < <(python3 -c 'import json, sys; b = json.load(open(sys.argv[1]))["bootstrap"]; print(b["replicates"], b["seed"])' \
    "$cmp/comparison/comparison.json")
  ecg compare --a "$cmp/diagonal-test-scores.csv" --b "$cmp/shared-finding-test-scores.csv" --truth "$cmp/test-truth.csv" \
    --thresholds-file "$cmp/runs/diagonal/thresholds.json" --b-thresholds-file "$cmp/runs/shared-finding/thresholds.json" \
    --bootstrap "$replicates" --seed "$seed" --out "$tmp/compare"
  python3 "$here/support/compare_outputs.py" comparison "$cmp/comparison" "$tmp/compare"
  checked=$((checked + 1))
fi

[ "$checked" -gt 0 ] || {
  echo "check-cli-match: nothing to check under $runs; execute notebooks 3 and 4 first (notebooks/run-all.sh)" >&2
  exit 1
}
