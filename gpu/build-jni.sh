#!/usr/bin/env bash
# Builds DJL 0.36.0's PyTorch JNI library, libdjl_torch.so, from DJL's own source against a given
# libtorch, so that DJL's PyTorch engine can drive a libtorch other than the 2.7.1 it ships for
# (the route and what was verified: docs/gpu.md).
#
#   gpu/build-jni.sh DJL_SRC LIBTORCH_DIR OUT_DIR [options]
#
#   DJL_SRC       DJL's source at tag v0.36.0 (a clone, or ../shared/vendor/djl-0.36.0-pytorch-jni-src):
#                 engines/pytorch/pytorch-native/CMakeLists.txt and src/main/native/, and
#                 api/src/main/native/djl/utils.h. It is only read: the build works on a copy.
#   LIBTORCH_DIR  the libtorch to build against: pip's torch/ folder or an unpacked libtorch zip
#                 (share/cmake/Torch, include, lib), or a folder that holds TorchConfig.cmake itself
#                 (Debian's /usr/lib/x86_64-linux-gnu/cmake/Torch).
#   OUT_DIR       gets src/ (the copy, patched), build/, configure.log, build.log, build-info.txt and,
#                 when the build succeeds, libdjl_torch.so.
#
# Options:
#   --header FILE       the JNI header ai_djl_pytorch_jni_PyTorchLibrary.h (gpu/make-header.sh makes
#                       it with javac -h). Default: made now by gpu/make-header.sh (needs a JDK).
#   --jni-include DIR   a folder with jni.h and linux/jni_md.h. Default: $JAVA_HOME/include, or the
#                       include/ of the JDK that holds javac.
#   --cuda auto|on|off  build DJL's CUDA parts (default auto: on when LIBTORCH_DIR's lib/ has
#                       libtorch_cuda.so). On needs a CUDA toolkit: $CUDA_HOME/bin/nvcc, or nvcc on PATH.
#   --jobs N            parallel compile jobs (default: all cores).
#   --time-limit S      give up after S seconds of configure and build (exit 124).
#   --patches DIR       the patch series to apply to the copy (default: patches/ beside this
#                       script; DIR/series lists "MIN_TORCH_VERSION FILE" lines).
#   --configure-only    stop after CMake's configure step.
#
# Exit codes: 0 done; 2 bad arguments; 3 an input missing or unusable; 4 CMake's configure failed;
# 5 compiling or linking failed; 6 a patch did not apply; 124 the time limit was reached.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
me="build-jni.sh"
usage="usage: gpu/build-jni.sh DJL_SRC LIBTORCH_DIR OUT_DIR [--header FILE] [--jni-include DIR] [--cuda auto|on|off] [--jobs N] [--time-limit S] [--patches DIR] [--configure-only]"
die() { local code=$1; shift; echo "$me: error: $*" >&2; exit "$code"; }

positional=(); header=""; jni_include=""; cuda=auto; jobs=""; limit=""; patches="$here/patches"
configure_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --header|--jni-include|--cuda|--jobs|--time-limit|--patches)
      [ $# -ge 2 ] || die 2 "option $1 needs a value; $usage"
      case "$1" in
        --header) header=$2 ;; --jni-include) jni_include=$2 ;; --cuda) cuda=$2 ;;
        --jobs) jobs=$2 ;; --time-limit) limit=$2 ;; --patches) patches=$2 ;;
      esac
      shift 2 ;;
    --configure-only) configure_only=1; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    -*) die 2 "unknown option '${1:0:80}'; $usage" ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -eq 3 ] || die 2 "expected 3 arguments DJL_SRC LIBTORCH_DIR OUT_DIR, got ${#positional[@]}; $usage"
djl_src=${positional[0]}; torch_dir=${positional[1]}; out=${positional[2]}
case "$cuda" in auto|on|off) ;; *) die 2 "--cuda '${cuda:0:80}' is not auto, on or off" ;; esac
if [ -n "$jobs" ] && ! [[ "$jobs" =~ ^[1-9][0-9]*$ ]]; then die 2 "--jobs '${jobs:0:80}' is not a positive whole number"; fi
if [ -n "$limit" ] && ! [[ "$limit" =~ ^[1-9][0-9]*$ ]]; then die 2 "--time-limit '${limit:0:80}' is not a positive number of seconds"; fi
jobs=${jobs:-$(nproc 2>/dev/null || echo 2)}

# --- the inputs -------------------------------------------------------------------------------
native="$djl_src/engines/pytorch/pytorch-native"
[ -d "$djl_src" ] || die 3 "DJL_SRC '$djl_src' is not a folder; pass DJL's source at tag v0.36.0 (git clone --branch v0.36.0 of deepjavalibrary/djl, or ../shared/vendor/djl-0.36.0-pytorch-jni-src)"
for f in "$native/CMakeLists.txt" "$native/src/main/native/ai_djl_pytorch_jni_PyTorchLibrary_system.cc" "$djl_src/api/src/main/native/djl/utils.h"; do
  [ -f "$f" ] || die 3 "DJL_SRC '$djl_src' has no ${f#"$djl_src"/}; pass the root of DJL's v0.36.0 source (the folder that holds api/ and engines/)"
done
if [ -f "$torch_dir/share/cmake/Torch/TorchConfig.cmake" ]; then
  torch_cmake="$torch_dir/share/cmake/Torch"; torch_lib="$torch_dir/lib"
elif [ -f "$torch_dir/TorchConfig.cmake" ]; then
  torch_cmake="$torch_dir"; torch_lib="$(cd "$torch_dir/../.." && pwd)"
else
  die 3 "LIBTORCH_DIR '$torch_dir' has neither share/cmake/Torch/TorchConfig.cmake nor TorchConfig.cmake; pass pip's torch folder (python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))'), an unpacked libtorch, or a folder holding TorchConfig.cmake"
fi
torch_cmake="$(cd "$torch_cmake" && pwd)"
[ -e "$torch_lib/libtorch.so" ] || die 3 "no libtorch.so in '$torch_lib' (the lib folder of LIBTORCH_DIR '$torch_dir'); the folder is not a complete libtorch"
torch_version=$(sed -n 's/^ *set(PACKAGE_VERSION "\([^"]*\)").*/\1/p' "$torch_cmake/TorchConfigVersion.cmake" 2>/dev/null | head -n 1)
[ -n "$torch_version" ] || die 3 "cannot read the libtorch version from '$torch_cmake/TorchConfigVersion.cmake' (no set(PACKAGE_VERSION ...) line); LIBTORCH_DIR is not a CMake-installed libtorch"
if [ "$cuda" = auto ]; then
  if [ -e "$torch_lib/libtorch_cuda.so" ]; then cuda=on; else cuda=off; fi
fi
if [ "$cuda" = on ] && [ ! -e "$torch_lib/libtorch_cuda.so" ]; then
  die 3 "--cuda on, but '$torch_lib' has no libtorch_cuda.so: LIBTORCH_DIR is a CPU-only libtorch; pass a CUDA build or --cuda off"
fi
nvcc=""
if [ "$cuda" = on ]; then
  if [ -n "${CUDA_HOME:-}" ] && [ -x "$CUDA_HOME/bin/nvcc" ]; then nvcc="$CUDA_HOME/bin/nvcc";
  elif command -v nvcc >/dev/null 2>&1; then nvcc=$(command -v nvcc); fi
  [ -n "$nvcc" ] || die 3 "--cuda $cuda needs a CUDA toolkit (libtorch's CMake files look for it), and no nvcc was found in \$CUDA_HOME/bin or on PATH; set CUDA_HOME to the toolkit (e.g. /usr/local/cuda) or put its bin/ on PATH"
fi

if [ -z "$jni_include" ]; then
  if [ -n "${JAVA_HOME:-}" ] && [ -f "$JAVA_HOME/include/jni.h" ]; then jni_include="$JAVA_HOME/include";
  elif command -v javac >/dev/null 2>&1; then
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    [ -f "$jdk/include/jni.h" ] && jni_include="$jdk/include"
  fi
  [ -n "$jni_include" ] || die 3 "no jni.h found (no \$JAVA_HOME/include, no javac); pass --jni-include DIR with jni.h and linux/jni_md.h copied from a JDK's include/"
fi
[ -f "$jni_include/jni.h" ] || die 3 "--jni-include '$jni_include' has no jni.h; copy a JDK's include/ folder (jni.h and linux/jni_md.h)"
[ -f "$jni_include/linux/jni_md.h" ] || die 3 "--jni-include '$jni_include' has no linux/jni_md.h; copy a JDK's include/linux/ folder beside jni.h"
if [ -n "$header" ] && [ ! -f "$header" ]; then
  die 3 "--header '$header' does not exist; make it with gpu/make-header.sh DJL_SRC DIR on a machine with a JDK"
fi
if [ -n "$header" ] && ! grep -q 'Java_ai_djl_pytorch_jni_PyTorchLibrary_' "$header"; then
  die 3 "--header '$header' declares no Java_ai_djl_pytorch_jni_PyTorchLibrary_ function; it is not the header javac -h makes from PyTorchLibrary.java"
fi
if [ ! -f "$patches/series" ]; then
  die 3 "patch folder '$patches' has no series file; pass --patches DIR with a series file (it may list nothing)"
fi
command -v cmake >/dev/null 2>&1 || die 3 "cmake is not on PATH; install CMake 3.18 or newer"
command -v make >/dev/null 2>&1 || die 3 "make is not on PATH; install GNU make"

# --- the time limit ---------------------------------------------------------------------------
deadline=""
[ -n "$limit" ] && deadline=$(( $(date +%s) + limit ))
bounded() {  # runs "$@" within what is left of the time limit
  if [ -z "$deadline" ]; then "$@"; return; fi
  local left=$(( deadline - $(date +%s) ))
  if [ "$left" -le 0 ]; then return 124; fi
  timeout "$left" "$@"
}

# --- the copy, the header, the patches ---------------------------------------------------------
mkdir -p "$out"; out="$(cd "$out" && pwd)"
rm -rf "$out/src" "$out/build" "$out/libdjl_torch.so"
mkdir -p "$out/src/engines/pytorch" "$out/src/api/src/main"
cp -R "$native" "$out/src/engines/pytorch/"
cp -R "$djl_src/api/src/main/native" "$out/src/api/src/main/"
chmod -R u+w "$out/src"
inc="$out/src/engines/pytorch/pytorch-native/build/include"   # CMakeLists.txt includes build/include
mkdir -p "$inc"
if [ -n "$header" ]; then
  cp "$header" "$inc/ai_djl_pytorch_jni_PyTorchLibrary.h"
else
  "$here/make-header.sh" "$djl_src" "$inc" || die 3 "could not make the JNI header (above); pass --header FILE made on a machine with a JDK"
fi
applied=()
while read -r min file _; do
  case "$min" in ''|'#'*) continue ;; esac
  [ -n "${file:-}" ] || die 3 "$patches/series: the line '$min' has no patch file; write 'MIN_TORCH_VERSION FILE'"
  [ -f "$patches/$file" ] || die 3 "$patches/series names '$file', which is not in $patches"
  if [ "$(printf '%s\n%s\n' "$min" "$torch_version" | sort -V | head -n 1)" != "$min" ]; then continue; fi
  command -v patch >/dev/null 2>&1 || die 3 "patch is not on PATH, and $patches/$file must be applied for libtorch $torch_version; install patch"
  if ! (cd "$out/src" && patch -p1 --forward --batch --silent --fuzz=0 < "$patches/$file") > "$out/patch.log" 2>&1; then
    cat "$out/patch.log" >&2
    die 6 "patch $patches/$file (for libtorch >= $min) did not apply to DJL_SRC '$djl_src' (log: $out/patch.log); is DJL_SRC DJL's v0.36.0?"
  fi
  applied+=("$file")
done < "$patches/series"

# --- configure ---------------------------------------------------------------------------------
pt_macro=""
case "$torch_version" in 1.13.*|2.0.1|2.1.*) pt_macro=V1_13_X ;; esac   # as DJL's build.sh
cmake_args=(-S "$out/src/engines/pytorch/pytorch-native" -B "$out/build" -G "Unix Makefiles"
  -DCMAKE_BUILD_TYPE=Release -DTorch_DIR="$torch_cmake" -DCMAKE_POLICY_VERSION_MINIMUM=3.5
  -DJAVA_INCLUDE_PATH="$jni_include" -DJAVA_INCLUDE_PATH2="$jni_include/linux"
  -DJAVA_AWT_INCLUDE_PATH=NotNeeded -DJAVA_JVM_LIBRARY=NotNeeded -DPT_VERSION="$pt_macro")
if [ "$cuda" = on ]; then
  cmake_args+=(-DUSE_CUDA=1 -DCMAKE_CUDA_COMPILER="$nvcc" -DCMAKE_CUDA_ARCHITECTURES="${CUDA_ARCHITECTURES:-90}")
  [ -n "${CUDA_HOME:-}" ] && cmake_args+=(-DCUDAToolkit_ROOT="$CUDA_HOME")
  export TORCH_CUDA_ARCH_LIST="${TORCH_CUDA_ARCH_LIST:-9.0}"   # no kernels in the JNI; skips GPU detection
fi
echo "$me: libtorch $torch_version at $torch_cmake, CUDA $cuda, patches: ${applied[*]:-none}, $jobs jobs"
set +e
bounded cmake "${cmake_args[@]}" > "$out/configure.log" 2>&1; rc=$?
set -e
if [ $rc -eq 124 ]; then die 124 "the time limit (${limit} s) was reached during CMake's configure (log: $out/configure.log)"; fi
if [ $rc -ne 0 ]; then
  tail -n 30 "$out/configure.log" >&2
  die 4 "CMake's configure failed against libtorch $torch_version (log: $out/configure.log); the lines above say what it could not find"
fi
if [ "$cuda" = on ]; then
  # as DJL's build.sh: link no CUDA runtime of the toolkit's own; libtorch_cuda brings the one it was built with
  link="$out/build/CMakeFiles/djl_torch.dir/link.txt"
  [ -f "$link" ] && sed -i -E 's#[^ ]*/lib(cudart|nvrtc)\.so(\.[0-9.]+)?( |$)#\3#g' "$link"
fi
write_info() {
  {
    echo "libtorch_version=$torch_version"; echo "torch_cmake=$torch_cmake"; echo "cuda=$cuda"
    echo "patches=${applied[*]:-}"; echo "compiler=$(c++ --version 2>/dev/null | head -n 1)"
    echo "cmake=$(cmake --version | head -n 1)"; [ -n "$nvcc" ] && echo "nvcc=$("$nvcc" --version 2>/dev/null | tail -n 1)"
    echo "status=$1"; echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } > "$out/build-info.txt"
}
if [ $configure_only = 1 ]; then write_info configured; echo "$me: configured in $out/build"; exit 0; fi

# --- build ---------------------------------------------------------------------------------------
set +e
bounded make -C "$out/build" -k -j "$jobs" > "$out/build.log" 2>&1; rc=$?
set -e
if [ $rc -eq 124 ]; then write_info timed-out; die 124 "the time limit (${limit} s) was reached while compiling (log: $out/build.log)"; fi
if [ $rc -ne 0 ] || [ ! -f "$out/build/libdjl_torch.so" ]; then
  write_info failed
  grep -E -m 40 'error|Error' "$out/build.log" >&2 || tail -n 30 "$out/build.log" >&2
  die 5 "compiling or linking the JNI against libtorch $torch_version failed (log: $out/build.log); the first errors are above"
fi
cp "$out/build/libdjl_torch.so" "$out/libdjl_torch.so"
write_info built
echo "$me: built $out/libdjl_torch.so against libtorch $torch_version (CUDA $cuda)"
