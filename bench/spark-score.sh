#!/usr/bin/env bash
# Records/s of `ecg spark score` at 1 and 2 executor cores (local[1], local[2]) against `ecg predict`
# (Predictor.scoreRecords) on the same records, in one run, with each JVM's peak heap and RSS; then
# checks that Spark's scores, turned into CSV by `ecg spark to-csv`, are byte-identical to ecg predict's.
#
#   bench/spark-score.sh [--records 50000] [--source DIR] [--rate 100] [--work DIR] [--heap 2g] [--rounds 1]
#
# --source: a PTB-XL root whose records (records100, or records500 with --rate 500) are repeated
# (with distinct record ids) up to --records (default /work/data/ptbxl-full when it exists, else the
# bundled sample). The model is the default
# architecture (resnet1d, 12 x 1000 samples at 100 Hz) trained for one epoch on the bundled sample:
# its weights do not matter for speed. Every configuration runs in a fresh JVM with the same -Xmx and
# reads the records from the page cache (warmed first). records/s is end to end (JVM start to exit,
# what a user waits for); Spark's in-job rate (from _provenance.json) is shown beside it, and
# records per CPU-second (user + system), the cost figure that machine load distorts least. The
# "local[2] 1 thread" line runs each task's PyTorch ops on one thread (ai.djl.pytorch.num_threads=1),
# the setting for one executor core per task. Run it when `uptime` shows a low load.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records=50000; heap=2g; rounds=1; rate=100; work="${TMPDIR:-/tmp}/ecg-spark-bench"
source=/work/data/ptbxl-full; [ -f "$source/ptbxl_database.csv" ] || source="$here/data/ptb-xl-sample"
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export OMP_WAIT_POLICY=PASSIVE SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$work"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc --all) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"

(cd "$here" && ./mvnw -q -B -DskipTests -pl ecg-cli,ecg-spark -am package) >&2
spark_jar=$(ls "$here"/ecg-spark/target/ecg-spark-*.jar | grep -v -- '-tests.jar' | head -n 1)
spark_flags=$(cat "$here/ecg-spark/target/jvm-flags.txt")
model="$work/model"
if [ ! -f "$model/model.json" ]; then
  # whole records, one window each (the defaults when docs/scale.md's figures were measured)
  "$here/ecg" -q train --ptbxl "$here/data/ptb-xl-sample" --out "$model" --epochs 1 --train-folds 1,2 \
      --validation-folds 3 --test-folds 9 --input-length 1000 --eval-stride 0 >&2
fi
list="$work/records/list.txt"
if [ ! -f "$list" ] || [ "$(wc -l < "$list")" != "$records" ] || [ "$(cat "$work/records/source" 2>/dev/null)" != "$source $rate" ]; then
  rm -rf "$work/records"
  python3 "$here/bench/spark-manifest.py" "$source" "$records" "$work/records" "$rate" > /dev/null
  echo "$source $rate" > "$work/records/source"
fi
n=$(wc -l < "$list")
echo "records: $n at $rate Hz (from $source); model: $(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m.get('encoder', m))" "$model/model.json" 2>/dev/null | head -c 120)"
find -L "$work/records" -type f -exec cat {} + > /dev/null   # page cache

timed() { # the command; prints "wall_s cpu_s rss_kb" (cpu: user + system of the JVM and its children)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.txt"
}
predict() {
  ECG_JAVA_OPTS="-Xmx$heap" timed "$here/ecg" -q predict --model "$model" --records "$list" --out "$work/predict.csv"
}
spark() { # master, extra JVM flags
  timed java -Xmx"$heap" $spark_flags $2 -Dai.djl.offline=true -cp "$spark_jar:$here/ecg-spark/target/lib/*" \
      org.ecgsiglip.spark.SparkCli -q score --model "$model" --records "$list" --out "$work/spark.parquet" --master "$1"
}
inner() { python3 -c "import json,sys; p=json.load(open(sys.argv[1])); j=p['driver_jvm']; print('%.1f %.0f %.0f' % (p['records_per_second'], j['heap_peak_bytes']/2**20, j['rss_peak_bytes']/2**20))" "$work/spark.parquet/_provenance.json"; }
rate() { awk -v n="$n" -v s="$1" 'BEGIN { printf "%.1f", n / s }'; }

row() { printf '%-24s %8s %10s %8s %12s %12s %13s %12s\n' "$@"; }
row configuration wall_s records/s cpu_s rec/cpu_s in-job_rec/s heap_peak_MiB rss_peak_MiB
declare -A sum
for r in $(seq 1 "$rounds"); do
  read -r w c m <<<"$(predict)"
  row "ecg predict" "$w" "$(rate "$w")" "$c" "$(rate "$c")" "-" "-" "$((m / 1024))"
  sum[predict]="${sum[predict]:-} $(rate "$w")"
  for cfg in "local[1]|" "local[2]|" "local[2] 1 thread|-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"; do
    label=${cfg%%|*}; flags=${cfg#*|}; master=${label%% *}
    if [ -n "$flags" ]; then export OMP_NUM_THREADS=1; else unset OMP_NUM_THREADS; fi
    read -r w c m <<<"$(spark "$master" "$flags")"
    read -r ir hp rp <<<"$(inner)"
    row "spark $label" "$w" "$(rate "$w")" "$c" "$(rate "$c")" "$ir" "$hp" "$((m / 1024))"
    sum[$label]="${sum[$label]:-} $(rate "$w")"
  done
  unset OMP_NUM_THREADS
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

java -Xmx"$heap" $spark_flags -Dai.djl.offline=true -cp "$spark_jar:$here/ecg-spark/target/lib/*" \
    org.ecgsiglip.spark.SparkCli -q to-csv --scores "$work/spark.parquet" --out "$work/spark.csv" --master 'local[2]'
if cmp -s "$work/predict.csv" "$work/spark.csv"; then
  echo "CHECK spark to-csv == ecg predict CSV: identical ($n records)"
else
  echo "CHECK spark to-csv == ecg predict CSV: DIFFERENT" ; exit 1
fi
median() { printf '%s\n' $@ | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
p=$(median ${sum[predict]})
for label in "local[1]" "local[2]" "local[2] 1 thread"; do
  awk -v s="$(median ${sum[$label]})" -v p="$p" -v l="$label" \
      'BEGIN { printf "RATIO spark %s / ecg predict records_per_s (end to end) = %.2f\n", l, s / p }'
done
