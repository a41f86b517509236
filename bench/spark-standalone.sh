#!/usr/bin/env bash
# A real (loopback) Spark standalone cluster: one master and one worker on 127.0.0.1, whose executors
# are separate JVMs of 1 core each that see ONLY Spark's own jars (a stand-in Spark installation:
# the spark-sql 3.5.9 dependency set, plus slf4j-simple standing in for the distribution's log4j
# binding); the toolkit reaches them as spark-submit would ship it, through spark.jars =
# ecg-spark/target/app-lib/*.jar. `ecg spark score --master spark://...` runs the driver; then checks
#   - the CSV of the scores is byte-identical to `ecg predict` on the same records,
#   - each executor JVM loaded the model exactly once (its log line "loaded the model").
#
#   bench/spark-standalone.sh [--records 2000] [--executors 2] [--work DIR]
#
# Needs the bench model and records of bench/spark-score.sh (it makes them if missing). Only
# loopback addresses are used; master and worker are stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records=2000; executors=2; work="${TMPDIR:-/tmp}/ecg-spark-standalone"
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --executors) executors="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export OMP_WAIT_POLICY=PASSIVE SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.12
rm -rf "$work"; mkdir -p "$work"
(cd "$here" && ./mvnw -q -B -DskipTests -pl ecg-cli,ecg-spark -am package) >&2
lib="$here/ecg-spark/target/lib"
spark_jar=$(ls "$here"/ecg-spark/target/ecg-spark-*.jar | grep -v -- '-tests.jar' | head -n 1)
flags=$(cat "$here/ecg-spark/target/jvm-flags.txt")

# the stand-in Spark installation: the jars of spark-sql_2.12's dependency subtree, as resolved for ecg-spark
(cd "$here" && ./mvnw -q -B -o -pl ecg-spark dependency:tree -Dverbose -DoutputFile="$work/tree.txt") >&2
mkdir -p "$work/spark-home/jars"
python3 - "$work/tree.txt" "$lib" "$work/spark-home/jars" <<'PY'
import os, re, sys
tree, lib, out = sys.argv[1:]
on = False
for line in open(tree):
    top = re.match(r"^[+\\]- ", line)
    if top:
        on = "org.apache.spark:spark-sql_2.12" in line
    if not on:
        continue
    m = re.search(r"([\w.-]+):([\w.-]+):jar:(?:([\w-]+):)?([\w.-]+):(compile|runtime)", line)
    if not m:
        continue
    g, a, c, v = m.group(1), m.group(2), m.group(3), m.group(4)
    w = re.search(r"omitted for conflict with ([\w.-]+)", line)
    if w:
        v = w.group(1)
    f = os.path.join(lib, "%s-%s%s.jar" % (a, v, "-" + c if c else ""))
    if os.path.isfile(f) and not os.path.lexists(os.path.join(out, os.path.basename(f))):
        os.symlink(f, os.path.join(out, os.path.basename(f)))
PY
ln -sf "$lib"/slf4j-simple-*.jar "$work/spark-home/jars/"
echo "stand-in Spark installation: $(ls "$work/spark-home/jars" | wc -l) jars; app jars shipped: $(ls "$here/ecg-spark/target/app-lib" | wc -l)"
app_jars=$(ls "$spark_jar" "$here"/ecg-spark/target/app-lib/*.jar | grep -v '/ecg-spark-.*\.jar$' | paste -sd, -)
app_jars="$spark_jar,$app_jars"

model="${MODEL:-${TMPDIR:-/tmp}/ecg-spark-bench/model}"
if [ ! -f "$model/model.json" ]; then
  "$here/ecg" -q train --ptbxl "$here/data/ptb-xl-sample" --out "$model" --epochs 1 --train-folds 1,2 \
      --validation-folds 3 --test-folds 9 >&2
fi
src=/work/data/ptbxl-full; [ -f "$src/ptbxl_database.csv" ] || src="$here/data/ptb-xl-sample"
list=$(python3 "$here/bench/spark-manifest.py" "$src" "$records" "$work/records")
head -n "$records" "$list" > "$work/list.txt"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp_spark="$work/spark-home/jars/*"
export SPARK_HOME="$work/spark-home"
java $flags -cp "$cp_spark" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    > "$work/master.log" 2>&1 & master=$!
java $flags -cp "$cp_spark" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$executors" --memory 6g \
    --webui-port 0 --work-dir "$work/worker" "spark://127.0.0.1:$port" > "$work/worker.log" 2>&1 & worker=$!
trap 'kill $worker $master 2>/dev/null || true' EXIT
sleep 8

java $flags -Dai.djl.offline=true -cp "$spark_jar:$lib/*" org.ecgsiglip.spark.SparkCli score --model "$model" \
    --records "$work/list.txt" --out "$work/scores.parquet" --csv "$work/spark.csv" --records-per-partition 256 \
    --master "spark://127.0.0.1:$port" --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.executor.cores=1 --conf spark.executor.memory=1500m --conf spark.cores.max="$executors" \
    --conf spark.jars="$app_jars" --conf "spark.executorEnv.OMP_WAIT_POLICY=PASSIVE" \
    --conf "spark.executor.extraJavaOptions=-Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.ecgsiglip=info -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error"
"$here/ecg" -q predict --model "$model" --records "$work/list.txt" --out "$work/predict.csv"
loads=$(cat "$work"/worker/*/*/stderr | grep -c 'INFO org.ecgsiglip.spark.LoadedModels - loaded the model' || true)
jvms=$(ls -d "$work"/worker/*/*/ | wc -l)
echo "executor JVMs: $jvms; model loads in them: $loads"
grep -h 'INFO org.ecgsiglip.spark.LoadedModels - loaded the model' "$work"/worker/*/*/stderr | sed 's/^.*INFO/  /'
cmp -s "$work/predict.csv" "$work/spark.csv" && echo "CHECK standalone spark CSV == ecg predict CSV: identical ($records records)" \
  || { echo "CHECK standalone spark CSV == ecg predict CSV: DIFFERENT"; exit 1; }
[ "$loads" = "$jvms" ] && echo "CHECK one model load per executor JVM: yes" || { echo "CHECK one load per executor JVM: NO"; exit 1; }
