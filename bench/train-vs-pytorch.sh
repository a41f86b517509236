#!/usr/bin/env bash
# Training-step throughput of the toolkit (DJL, PyTorch engine) against PyTorch-Python on the same
# CPU, in one run: the same model, batch, input and optimiser step, alternated ROUNDS times so that
# a change in machine load hits both sides alike. Prints each measurement, the medians, and last the
# median over rounds of each round's ratio DJL / PyTorch samples/s (goal: >= 0.9).
#
#   bench/train-vs-pytorch.sh [--batch 128] [--steps 30] [--warmup 20] [--rounds 5] [--threads 2]
#
# Both sides take the same untimed warm-up steps first; the JVM needs about 20 before its JIT
# compilations stop competing with the step for the cores (measured: 5 warm-up steps cost DJL
# 10-15 % at 2 threads on 2 cores).
# Needs the toolkit installed (mvn -o install) and Debian's python3-torch. Both sides get the same
# intra-op thread count (OMP_NUM_THREADS, and DJL's ai.djl.pytorch.num_threads).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
batch=128; steps=30; warmup=20; rounds=5; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --batch) batch="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cp_file="$here/ecg-bench/target/bench.classpath"
if [ ! -s "$cp_file" ] || [ "$here/ecg-bench/pom.xml" -nt "$cp_file" ]; then
  (cd "$here/ecg-bench" && mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2)
fi
cp="$here/ecg-bench/target/classes:$(cat "$cp_file")"
cores=$(nproc --all)
export OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $cores cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); python: $(/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)')"
djl=(); pt=()
for r in $(seq 1 "$rounds"); do
  line=$(java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
      -cp "$cp" org.ecgsiglip.bench.TrainThroughput --device cpu --batch "$batch" --steps "$steps" --warmup "$warmup" 2>/dev/null | grep '^RESULT')
  echo "round $r $line"
  djl+=("$(sed -E 's/.*samples_per_s=([0-9.]+).*/\1/' <<<"$line")")
  line=$(/usr/bin/python3 "$here/bench/train_peer.py" --device cpu --batch "$batch" --steps "$steps" --warmup "$warmup" | grep '^RESULT')
  echo "round $r $line"
  pt+=("$(sed -E 's/.*samples_per_s=([0-9.]+).*/\1/' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
d=$(median "${djl[@]}"); p=$(median "${pt[@]}")
ratios=()
for i in "${!djl[@]}"; do
  ratios+=("$(awk -v d="${djl[$i]}" -v p="${pt[$i]}" 'BEGIN { printf "%.4f", d / p }')")
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median samples/s: djl=$d pytorch=$p (batch $batch, $warmup + $steps steps, $rounds rounds, $threads threads)"
echo "per-round ratios djl/pytorch: ${ratios[*]}"
awk -v r="$(median "${ratios[@]}")" 'BEGIN { printf "RATIO djl/pytorch samples_per_s (median of the rounds) = %.2f\n", r }'
