#!/usr/bin/env bash
# Runs one of the ecg-bench main classes with the module's classpath, e.g.
#
#   bench/run.sh ReadThroughput --rounds 9
#   bench/run.sh LossBench --sizes 256,1024,4096
#   JAVA_OPTS=-Xmx256m bench/run.sh MemoryBench --gigabytes 3
#   bench/run.sh ReadBenchmark          (JMH)   bench/run.sh EvalBenchmark   (JMH)
#
# Needs the toolkit installed in the local Maven repository (mvn -o install). THREADS (default 2)
# sets the PyTorch engine's intra-op threads and OMP_NUM_THREADS for the benches that train.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: bench/run.sh MainClass [args...]" >&2
  exit 2
fi
main="$1"; shift
cp_file="$here/ecg-bench/target/bench.classpath"
if [ ! -d "$here/ecg-bench/target/classes" ]; then
  (cd "$here" && mvn -o -q -B install -pl ecg-bench >&2)
fi
if [ ! -s "$cp_file" ] || [ "$here/ecg-bench/pom.xml" -nt "$cp_file" ]; then
  (cd "$here/ecg-bench" && mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2)
fi
threads="${THREADS:-2}"
export OMP_NUM_THREADS="$threads"
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
  -Dai.djl.pytorch.num_interop_threads=1 -Decg.data.root="${ECG_DATA_ROOT:-$here/../shared/data}" \
  -cp "$here/ecg-bench/target/classes:$(cat "$cp_file")" "$([[ $main == *.* ]] && echo "$main" || echo "org.ecgsiglip.bench.$main")" "$@"
