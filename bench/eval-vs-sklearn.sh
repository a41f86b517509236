#!/usr/bin/env bash
# Evaluation (ecg-eval, JMH EvalBenchmark) against scikit-learn on data of the same sizes and kind, in
# one run: 100,000 x 100 metrics, and 1,000 bootstrap resamples of 2,000 x 71. Prints both, and last
# the time ratios ecg-eval / scikit-learn (below 1: ecg-eval is faster).
#
#   bench/eval-vs-sklearn.sh [--resamples 100]     (resamples the scikit-learn side times; scaled to 1,000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
resamples=100
if [ "${1:-}" = "--resamples" ]; then resamples="$2"; fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
jmh=$("$here/bench/run.sh" org.openjdk.jmh.Main EvalBenchmark 2>/dev/null | grep -E '^EvalBenchmark\.')
echo "$jmh"
peer=$(/usr/bin/python3 "$here/bench/eval_peer.py" --resamples "$resamples" | grep '^RESULT')
echo "$peer"
ev=$(awk '/evaluate100kx100/ {print $4}' <<<"$jmh"); bs=$(awk '/bootstrap1000x2000x71/ {print $4}' <<<"$jmh")
pev=$(sed -E 's/.*evaluate100kx100_ms=([0-9.]+).*/\1/' <<<"$peer"); pbs=$(sed -E 's/.*bootstrap1000x2000x71_ms=([0-9.]+).*/\1/' <<<"$peer")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$ev" -v b="$pev" -v c="$bs" -v d="$pbs" 'BEGIN { printf "RATIO ecg-eval/scikit-learn time: evaluate 100k x 100 = %.3f, bootstrap 1000 x 2000 x 71 = %.3f\n", a / b, c / d }'
