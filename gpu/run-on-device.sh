#!/usr/bin/env bash
# The one script a GPU-machine call runs (docs/gpu.md): from the .gpu/ bundle (gpu/pack.sh) and the
# working tree, it builds DJL's JNI against the machine's PyTorch, checks that it loads, and runs the
# checks of issue 10, each step under its own time limit and logging to $OUT, so that a failure in
# one step still leaves the others' logs. Last it writes $OUT/summary.json and $OUT/summary.md.
#
#   OUT=DIR gpu/run-on-device.sh [options]
#
# Steps, in order (--only picks some; a step whose input failed is skipped and says why):
#   setup   unpack the Java runtime and the jars; record the machine (nvidia-smi, torch, nvcc, cmake)
#   build   gpu/build-jni.sh against the machine's torch, CUDA on             -> $OUT/jni/
#   check   check_jni.py: every symbol of the JNI resolves against that torch
#   env     gpu/make-env.sh: the --gpu-env file
#   train   ./ecg --gpu-env ... train on data/ptb-xl-sample (real PTB-XL records), --device gpu
#   bench   samples/s of the toolkit (TrainThroughput) and of bench/train_peer.py, side by side, per batch
#   epoch   a full-PTB-XL-sized epoch (gpu/tile-ptbxl.py: 17,084 + 2,183 records), timed, validation included
#   parity  the train step's run again on the CPU, same seed, and once more on the GPU: validation
#           macro-AUROC side by side (CPU against GPU, and the GPU's own run-to-run difference)
#
# Options:
#   --only STEP,...       run only these steps (default: all)
#   --budget S            total seconds for all steps (default 540); each step also has its own cap
#   --device D            the toolkit's device for train, bench and epoch (default gpu)
#   --python PY           the Python with torch: build target and peer (default python3)
#   --prebuilt-jni FILE --torch-lib DIR --torch-version X.Y.Z --flavor F
#                         skip build and check and use this JNI and libtorch (a CPU rehearsal here)
#   --java-home DIR       use this Java and the tree's own build (ecg-cli/target, ecg-bench/target)
#                         instead of the bundle's; no setup step (a rehearsal here)
#   --bench-batches "B ..."  (default "128 512 2048"); --bench-steps N (50); --bench-warmup N (20)
#   --epoch-train N --epoch-validation M  (default 17084 and 2183); --train-epochs N (10)
set -uo pipefail
orig_args=("$@")
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
me="run-on-device.sh"
die() { echo "$me: error: $*" >&2; exit 2; }
only="setup,build,check,env,train,bench,epoch,parity"; budget=540; device=gpu; python=python3
prebuilt=""; torch_lib=""; torch_version=""; flavor=""; java_home=""
batches="128 512 2048"; bench_steps=50; bench_warmup=20; epoch_train=17084; epoch_val=2183; train_epochs=10
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "option $1 needs a value"
  case "$1" in
    --java-home) java_home=$2 ;;
    --only) only=$2 ;; --budget) budget=$2 ;; --device) device=$2 ;; --python) python=$2 ;;
    --prebuilt-jni) prebuilt=$2 ;; --torch-lib) torch_lib=$2 ;; --torch-version) torch_version=$2 ;; --flavor) flavor=$2 ;;
    --bench-batches) batches=$2 ;; --bench-steps) bench_steps=$2 ;; --bench-warmup) bench_warmup=$2 ;;
    --epoch-train) epoch_train=$2 ;; --epoch-validation) epoch_val=$2 ;; --train-epochs) train_epochs=$2 ;;
    *) die "unknown option '${1:0:80}' (see the head of gpu/run-on-device.sh)" ;;
  esac
  shift 2
done
: "${OUT:?set OUT to the folder that receives the logs (the device call sets it)}"
for n in "$budget" "$bench_steps" "$bench_warmup" "$epoch_train" "$epoch_val" "$train_epochs"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "'${n:0:80}' is not a whole number"
done
for s in ${only//,/ }; do
  case "$s" in setup|build|check|env|train|bench|epoch|parity) ;; *) die "unknown step '$s' in --only" ;; esac
done
if [ -n "$prebuilt$torch_lib$torch_version$flavor" ]; then
  [ -n "$prebuilt" ] && [ -n "$torch_lib" ] && [ -n "$torch_version" ] && [ -n "$flavor" ] \
    || die "--prebuilt-jni, --torch-lib, --torch-version and --flavor go together"
fi
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"; export OUT
bundle="$repo/.gpu"; work="$repo/target-gpu"; mkdir -p "$work"
start=$(date +%s); deadline=$((start + budget))
declare -A status=()
wanted() { [[ ",$only," == *",$1,"* ]]; }
# step NAME CAP FUNCTION: runs this script again for FUNCTION alone (so that timeout can end it and
# everything it started), within the smaller of CAP and the time left; output to $OUT/NAME.log
step() {
  local name=$1 cap=$2; shift 2
  local left=$((deadline - $(date +%s)))
  [ "$left" -lt "$cap" ] && cap=$left
  if [ "$cap" -le 5 ]; then status[$name]=skipped; echo -e "$name\t-\t0\tno time left" >> "$OUT/steps.tsv"; echo "== $name: no time left"; return; fi
  echo "== $name (at most $cap s, $(( $(date +%s) - start )) s in)"
  local t0=$(date +%s) rc
  timeout -k 5 "$cap" env GPU_STEP="$1" STEP_CAP="$cap" bash "$here/$me" ${orig_args[@]+"${orig_args[@]}"} > "$OUT/$name.log" 2>&1; rc=$?
  local took=$(( $(date +%s) - t0 ))
  if [ $rc = 0 ]; then status[$name]=ok; elif [ $rc = 124 ] || [ $rc = 137 ]; then status[$name]=timeout; else status[$name]=failed; fi
  echo -e "$name\t$rc\t$took\t${status[$name]}" >> "$OUT/steps.tsv"
  echo "   $name: ${status[$name]} (rc $rc, $took s); last lines of $OUT/$name.log:"
  tail -n 6 "$OUT/$name.log" | sed 's/^/   | /'
}
skip() { status[$1]=skipped; echo -e "$1\t-\t0\t$2" >> "$OUT/steps.tsv"; echo "== $1: skipped ($2)"; }
# GPU memory and utilisation, sampled while a step runs
sampler_start() { command -v nvidia-smi >/dev/null 2>&1 || return 0
  nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,noheader,nounits -lms 100 > "$OUT/$1.smi.csv" 2>/dev/null &
  sampler=$!; }
sampler_stop() { [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null; wait "${sampler:-}" 2>/dev/null; sampler=""; }

jre="$work/jre"; app="$work/app"; envfile="$work/env/gpu.env"
bench_jars() { echo "$(ls "$app"/ecg-bench-*.jar | grep -v -- -tests.jar | head -n 1):$app/lib/*"; }
if [ -n "$java_home" ]; then
  [ -x "$java_home/bin/java" ] || die "--java-home '$java_home' has no bin/java"
  jre="$java_home"
  bench_jars() { echo "$(ls "$repo"/ecg-bench/target/ecg-bench-*.jar | grep -v -- -tests.jar | head -n 1):$repo/ecg-cli/target/lib/*"; }
  only=${only//setup/}
fi
java="$jre/bin/java"
run_setup() {
  # what the machine has (informative: none of it stops the step)
  echo "machine: $(uname -a)"; echo "cores: $(nproc)"; free -g 2>/dev/null | head -n 2
  nvidia-smi -L 2>&1 || echo "no nvidia-smi"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1 || true
  "$python" -c 'import torch, os; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version(), "available", torch.cuda.is_available(), "dir", os.path.dirname(torch.__file__), "cmake", torch.utils.cmake_prefix_path)' 2>&1
  { command -v nvcc && nvcc --version | tail -n 2; } 2>&1 || echo "no nvcc on PATH; /usr/local/cuda/bin/nvcc: $(ls /usr/local/cuda/bin/nvcc 2>&1)"
  { cmake --version | head -n 1; c++ --version | head -n 1; } 2>&1 || true
  for tool in make patch xz git fc-list; do echo "$tool: $(command -v $tool || echo missing)"; done
  fc-list 2>/dev/null | head -n 2
  set -e
  rm -rf "$jre" "$app"
  untar() { if command -v xz >/dev/null 2>&1; then tar -C "$work" -xJf "$1"; else "$python" -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$1" "$work"; fi; }
  [ -f "$bundle/jre.tar.xz" ] && [ -f "$bundle/app.tar.xz" ] || { echo "no .gpu bundle at $bundle: make it with gpu/pack.sh and carry .gpu"; return 3; }
  untar "$bundle/jre.tar.xz"; untar "$bundle/app.tar.xz"
  "$java" -version
  # the launcher's layout, when the tree has no build of its own (the GPU machine)
  if ! ls "$repo"/ecg-cli/target/ecg-cli-*.jar >/dev/null 2>&1; then
    mkdir -p "$repo/ecg-cli/target"
    cp "$app"/ecg-cli-*.jar "$repo/ecg-cli/target/"
    ln -sfn "$app/lib" "$repo/ecg-cli/target/lib"
  fi
  touch "$repo"/ecg-cli/target/ecg-cli-*.jar   # newer than the sources: the launcher must not rebuild here
}
run_build() {
  local tdir
  if ! command -v nvcc >/dev/null 2>&1 && [ -z "${CUDA_HOME:-}" ] && [ -x /usr/local/cuda/bin/nvcc ]; then export CUDA_HOME=/usr/local/cuda; fi
  tdir=$("$python" -c 'import torch, os; print(os.path.dirname(torch.__file__))') || return 3
  "$here/build-jni.sh" "$bundle/djl-src" "$tdir" "$work/jni" --header "$bundle/jni-header/ai_djl_pytorch_jni_PyTorchLibrary.h" \
    --jni-include "$bundle/jdk-include" --cuda on --jobs "$(nproc)" --time-limit $(( ${STEP_CAP:-240} > 30 ? ${STEP_CAP:-240} - 15 : 15 ))
  local rc=$?
  mkdir -p "$OUT/jni"; cp "$work/jni/"*.log "$work/jni/build-info.txt" "$OUT/jni/" 2>/dev/null
  [ -f "$work/jni/libdjl_torch.so" ] && cp "$work/jni/libdjl_torch.so" "$OUT/jni/"
  return $rc
}
run_env() {
  if [ -n "$prebuilt" ]; then
    "$here/make-env.sh" "$work/env" --jni "$prebuilt" --torch-lib "$torch_lib" --version "$torch_version" --flavor "$flavor"
  else
    "$here/make-env.sh" "$work/env" --jni "$work/jni/libdjl_torch.so" --python "$python"
  fi && cp "$envfile" "$OUT/gpu.env"
}
# the launcher, its lines time-stamped (epoch wall times, validation included, come from them)
ecg() {
  JAVA_HOME="$jre" "$repo/ecg" --gpu-env "$envfile" "$@" 2>&1 | "$python" -u -c '
import sys, time
for line in sys.stdin:
    sys.stdout.write("%.3f %s" % (time.time(), line))'
}
train_flags=(--ptbxl "$repo/data/ptb-xl-sample" --epochs "$train_epochs" --batch-size 128 --seed 42)
copy_run() {  # RUN NAME: the run's record, without checkpoints
  mkdir -p "$OUT/$2"
  for f in provenance.json metrics.jsonl config.json thresholds.json; do [ -f "$1/$f" ] && cp "$1/$f" "$OUT/$2/"; done
  [ -d "$1/validation" ] && cp -R "$1/validation" "$OUT/$2/"
  return 0
}
run_train() {
  rm -rf "$work/runs/train-$device"
  ecg train "${train_flags[@]}" --device "$device" --cache-dir "$work/cache-sample" --out "$work/runs/train-$device"
  local rc=$?; copy_run "$work/runs/train-$device" "train-$device"; return $rc
}
run_bench() {
  local cp b rc=0
  . "$here/launcher-env.sh"; ecg_gpu_env "$envfile" || return 2
  cp=$(ecg_gpu_classpath "$(bench_jars)")
  local peer_device=cuda; [ "$device" = cpu ] && peer_device=cpu
  echo "SMI-MARK start 0 $(date +%s.%N)"
  for b in $batches; do
    echo "-- batch $b"
    "$java" "${ecg_gpu_java_opts[@]}" -Dai.djl.offline=true -cp "$cp" org.ecgsiglip.bench.TrainThroughput \
      --device "$device" --batch "$b" --steps "$bench_steps" --warmup "$bench_warmup" 2>&1 | grep -E '^RESULT|rror|Exception' || rc=1
    echo "SMI-MARK djl $b $(date +%s.%N)"
    "$python" "$repo/bench/train_peer.py" --device "$peer_device" --batch "$b" --steps "$bench_steps" --warmup "$bench_warmup" 2>&1 | grep -E '^RESULT|rror' || rc=1
    echo "SMI-MARK pytorch $b $(date +%s.%N)"
  done
  return $rc
}
run_epoch() {
  local data="$work/data/ptbxl-tiled-$epoch_train-$epoch_val"
  [ -d "$data" ] || "$python" "$here/tile-ptbxl.py" "$repo/data/ptb-xl-sample" "$data" --train "$epoch_train" --validation "$epoch_val" || return 3
  rm -rf "$work/runs/epoch-$device"
  ecg train --ptbxl "$data" --epochs 3 --batch-size 512 --seed 42 --device "$device" --cache-dir "$work/cache-tiled-$epoch_train-$epoch_val" \
    --out "$work/runs/epoch-$device"
  local rc=$?; copy_run "$work/runs/epoch-$device" "epoch-$device"; return $rc
}
run_peer_only() {  # the peer alone still gives the figures the toolkit is measured against
  local b rc=0
  echo "SMI-MARK start 0 $(date +%s.%N)"
  for b in $batches; do
    "$python" "$repo/bench/train_peer.py" --device cuda --batch "$b" --steps "$bench_steps" --warmup "$bench_warmup" 2>&1 | grep -E '^RESULT|rror' || rc=1
    echo "SMI-MARK pytorch $b $(date +%s.%N)"
  done
  return $rc
}
run_check() { "$python" "$bundle/check_jni.py" "$work/jni/libdjl_torch.so"; }
run_parity() {  # the train step's run on the CPU, then once more on the device (its own run-to-run spread)
  rm -rf "$work/runs/train-cpu-parity" "$work/runs/train-$device-repeat"
  ecg train "${train_flags[@]}" --device cpu --cache-dir "$work/cache-sample" --out "$work/runs/train-cpu-parity"
  local rc=$?; copy_run "$work/runs/train-cpu-parity" "train-cpu-parity"
  [ "$device" = cpu ] && return $rc
  ecg train "${train_flags[@]}" --device "$device" --cache-dir "$work/cache-sample" --out "$work/runs/train-$device-repeat"
  local again=$?; copy_run "$work/runs/train-$device-repeat" "train-$device-repeat"
  [ $rc = 0 ] && return $again; return $rc
}

# --- one step alone (step() runs this script again with GPU_STEP set) --------------------------------
if [ -n "${GPU_STEP:-}" ]; then "run_$GPU_STEP"; exit $?; fi

# --- the steps --------------------------------------------------------------------------------------
echo -e "step\trc\tseconds\tnote" > "$OUT/steps.tsv"
wanted setup && step setup 60 setup
if [ -n "$prebuilt" ]; then
  status[build]=ok; status[check]=ok
  echo -e "build\t-\t0\tprebuilt $prebuilt\ncheck\t-\t0\tprebuilt" >> "$OUT/steps.tsv"
else
  wanted build && step build 240 build
  if wanted check; then
    if [ -f "$work/jni/libdjl_torch.so" ]; then step check 60 check; else skip check "no JNI library was built"; fi
  fi
fi
if wanted env; then
  if [ -n "$prebuilt" ] || [ -f "$work/jni/libdjl_torch.so" ]; then step env 30 env; else skip env "no JNI library"; fi
fi
ready() { [ -x "$java" ] && [ -f "$envfile" ] && [ "${status[check]:-ok}" = ok ]; }
if wanted train; then
  if ready; then sampler_start train; step train 90 train; sampler_stop; else skip train "no Java runtime, --gpu-env file or loadable JNI"; fi
fi
if wanted bench; then
  if ready; then sampler_start bench; step bench 150 bench; sampler_stop
  elif [ "$device" = gpu ]; then sampler_start bench; step bench 90 peer_only; sampler_stop
  else skip bench "no Java runtime or --gpu-env file"; fi
fi
if wanted epoch; then
  if ready; then sampler_start epoch; step epoch 150 epoch; sampler_stop; else skip epoch "no Java runtime, --gpu-env file or loadable JNI"; fi
fi
if wanted parity; then
  if ready && [ -f "$OUT/train-$device/metrics.jsonl" ]; then step parity 120 parity; else skip parity "the train step left no metrics to compare"; fi
fi
"$python" "$here/summarize.py" "$OUT" --device "$device" > "$OUT/summarize.log" 2>&1 || echo "$me: summarize.py failed: $(tail -n 3 "$OUT/summarize.log")"
echo "== done in $(( $(date +%s) - start )) s; $OUT/summary.md:"
cat "$OUT/summary.md" 2>/dev/null
