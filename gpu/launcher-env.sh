# Sourced by the `ecg` launcher for `./ecg --gpu-env FILE COMMAND ...` (docs/gpu.md): reads FILE, checks
# it, exports DJL's documented variables, and takes the pytorch-native jars off the class path so
# that DJL's PyTorch engine loads the libtorch FILE names instead of the CPU build from Maven Central.
#
# FILE holds KEY=VALUE lines (gpu/make-env.sh writes one); '#' starts a comment line; values are
# taken as written, with no quotes and no $-expansion. Keys:
#   PYTORCH_LIBRARY_PATH  (required) the folder with libtorch.so, libtorch_cpu.so, libc10.so, ...
#   PYTORCH_VERSION       (required) its version, X.Y.Z
#   PYTORCH_FLAVOR        (required) cpu, or cuNNN for a CUDA build (cu130: CUDA 13.0)
#   ENGINE_CACHE_DIR      where DJL looks for the JNI: pytorch/VERSION-FLAVOR-CLASSIFIER/0.36.0-libdjl_torch.so
#   JNA_LIBRARY_PATH      the folder with libcudart.so* (DJL counts GPUs through it); -Djna.library.path
#   LD_LIBRARY_PATH       put before the caller's LD_LIBRARY_PATH
#   PYTORCH_EXTRA_LIBRARY_PATH, PYTORCH_PRECXX11  passed on as they are
# On success sets ecg_gpu_java_opts (an array) and returns 0; otherwise prints why and returns 2.

ecg_gpu_fail() { echo "ecg: error: --gpu-env $*" >&2; return 2; }

ecg_gpu_env() {
  local file=$1 n=0 line key value lib jni_name=0.36.0-libdjl_torch.so classifier
  local -A seen=()
  ecg_gpu_java_opts=()
  [ -n "$file" ] || { ecg_gpu_fail "needs a FILE: ./ecg --gpu-env FILE COMMAND ... (gpu/make-env.sh writes one)"; return 2; }
  [ -f "$file" ] || { ecg_gpu_fail "'$file' does not exist; write it with gpu/make-env.sh (docs/gpu.md)"; return 2; }
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line=${line%$'\r'}
    case "$line" in ''|'#'*) continue ;; esac
    if ! [[ "$line" =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]]; then
      ecg_gpu_fail "$file line $n: '${line:0:80}' is not KEY=VALUE; write one KEY=VALUE per line"; return 2
    fi
    key=${BASH_REMATCH[1]}; value=${BASH_REMATCH[2]}
    case "$key" in
      PYTORCH_LIBRARY_PATH|PYTORCH_VERSION|PYTORCH_FLAVOR|ENGINE_CACHE_DIR|JNA_LIBRARY_PATH|LD_LIBRARY_PATH|PYTORCH_EXTRA_LIBRARY_PATH|PYTORCH_PRECXX11) ;;
      *) ecg_gpu_fail "$file line $n: unknown key $key; known keys: PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR, ENGINE_CACHE_DIR, JNA_LIBRARY_PATH, LD_LIBRARY_PATH, PYTORCH_EXTRA_LIBRARY_PATH, PYTORCH_PRECXX11"; return 2 ;;
    esac
    [ -z "${seen[$key]:-}" ] || { ecg_gpu_fail "$file line $n: $key is set twice (first on line ${seen[$key]}); keep one"; return 2; }
    seen[$key]=$n
    [ -n "$value" ] || { ecg_gpu_fail "$file line $n: $key is empty; give it a value or remove the line"; return 2; }
    printf -v "ecg_gpu_$key" '%s' "$value"
  done < "$file"
  for key in PYTORCH_LIBRARY_PATH PYTORCH_VERSION PYTORCH_FLAVOR; do
    [ -n "${seen[$key]:-}" ] || { ecg_gpu_fail "$file: $key is missing; add a $key=... line (gpu/make-env.sh writes all three)"; return 2; }
  done
  lib=$ecg_gpu_PYTORCH_LIBRARY_PATH
  [ -e "$lib/libtorch.so" ] || { ecg_gpu_fail "$file line ${seen[PYTORCH_LIBRARY_PATH]}: PYTORCH_LIBRARY_PATH '$lib' has no libtorch.so; point it at libtorch's lib folder"; return 2; }
  [[ "$ecg_gpu_PYTORCH_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { ecg_gpu_fail "$file line ${seen[PYTORCH_VERSION]}: PYTORCH_VERSION '${ecg_gpu_PYTORCH_VERSION:0:80}' is not X.Y.Z"; return 2; }
  [[ "$ecg_gpu_PYTORCH_FLAVOR" =~ ^(cpu|cu[0-9]{2,4})(-precxx11)?$ ]] || { ecg_gpu_fail "$file line ${seen[PYTORCH_FLAVOR]}: PYTORCH_FLAVOR '${ecg_gpu_PYTORCH_FLAVOR:0:80}' is not cpu or cuNNN"; return 2; }
  case "$(uname -m)" in aarch64) classifier=linux-aarch64 ;; *) classifier=linux-x86_64 ;; esac
  # the JNI, where DJL 0.36 looks for it: beside libtorch, or in the engine cache (LibUtils.findJniLibrary)
  if [ ! -f "$lib/$jni_name" ] && [ ! -f "$lib/libdjl_torch.so" ]; then
    local cache=${ecg_gpu_ENGINE_CACHE_DIR:-${ENGINE_CACHE_DIR:-${DJL_CACHE_DIR:-$HOME/.djl.ai}}}
    local jni="$cache/pytorch/$ecg_gpu_PYTORCH_VERSION-$ecg_gpu_PYTORCH_FLAVOR-$classifier/$jni_name"
    [ -f "$jni" ] || { ecg_gpu_fail "$file: no JNI library for libtorch $ecg_gpu_PYTORCH_VERSION ($ecg_gpu_PYTORCH_FLAVOR): neither $lib/$jni_name nor $jni exists; build it with gpu/build-jni.sh and place it with gpu/make-env.sh"; return 2; }
  fi
  if [ -n "${seen[JNA_LIBRARY_PATH]:-}" ] && [ ! -d "$ecg_gpu_JNA_LIBRARY_PATH" ]; then
    ecg_gpu_fail "$file line ${seen[JNA_LIBRARY_PATH]}: JNA_LIBRARY_PATH '$ecg_gpu_JNA_LIBRARY_PATH' is not a folder"; return 2
  fi
  export PYTORCH_LIBRARY_PATH="$lib" PYTORCH_VERSION="$ecg_gpu_PYTORCH_VERSION" PYTORCH_FLAVOR="$ecg_gpu_PYTORCH_FLAVOR"
  [ -z "${seen[ENGINE_CACHE_DIR]:-}" ] || export ENGINE_CACHE_DIR="$ecg_gpu_ENGINE_CACHE_DIR"
  [ -z "${seen[PYTORCH_EXTRA_LIBRARY_PATH]:-}" ] || export PYTORCH_EXTRA_LIBRARY_PATH="$ecg_gpu_PYTORCH_EXTRA_LIBRARY_PATH"
  [ -z "${seen[PYTORCH_PRECXX11]:-}" ] || export PYTORCH_PRECXX11="$ecg_gpu_PYTORCH_PRECXX11"
  [ -z "${seen[LD_LIBRARY_PATH]:-}" ] || export LD_LIBRARY_PATH="$ecg_gpu_LD_LIBRARY_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  [ -z "${seen[JNA_LIBRARY_PATH]:-}" ] || ecg_gpu_java_opts+=("-Djna.library.path=$ecg_gpu_JNA_LIBRARY_PATH")
  return 0
}

# The class path without pytorch-native-* jars; a DIR/* entry becomes DIR's other jars, one by one.
ecg_gpu_classpath() {
  local entry jar parts=() out=()
  IFS=: read -r -a parts <<<"$1"
  for entry in "${parts[@]}"; do
    if [[ "$entry" == */\* ]]; then
      for jar in "${entry%/\*}"/*.jar; do
        [ -e "$jar" ] || continue
        case "${jar##*/}" in pytorch-native-*) ;; *) out+=("$jar") ;; esac
      done
    else
      case "${entry##*/}" in pytorch-native-*) ;; *) out+=("$entry") ;; esac
    fi
  done
  local IFS=:
  echo "${out[*]}"
}
