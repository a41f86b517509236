#!/usr/bin/env bash
# Tests of the GPU route's scripts that run without a GPU (docs/gpu.md §4): the arguments and typed
# errors of build-jni.sh, make-header.sh, make-env.sh, tile-ptbxl.py, pack.sh and run-on-device.sh;
# patches applied and refused; CMake's configure of DJL's JNI against Debian's CPU libtorch; the
# launcher's --gpu-env (a GPU asked for and not found still fails loudly; a broken JNI fails loudly;
# CPU training runs through it with no pytorch-native jar); summarize.py on hand-made logs; and a CPU
# rehearsal of run-on-device.sh.
#
#   gpu/test.sh          what CI runs (about 3 minutes on 2 cores)
#   gpu/test.sh --full   also builds the JNI against Debian's libtorch 1.13 (minutes), loads it, trains
#                        through it, and packs and checks the .gpu bundle, then trains from the bundle
#
# Needs: the toolkit built (./mvnw -B verify, or package), cmake and make, Debian's libtorch-dev and
# python3-torch (apt-get install libtorch-dev python3-torch), a JDK. Prints one line per test and
# closes with "N passed, N failed"; exits 1 when any failed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
full=0
case "${1:-}" in --full) full=1 ;; "") ;; *) echo "usage: gpu/test.sh [--full]" >&2; exit 2 ;; esac
export OMP_WAIT_POLICY=PASSIVE
djl_src=${DJL_SRC:-$repo/../shared/vendor/djl-0.36.0-pytorch-jni-src}
debian_torch=${DEBIAN_TORCH_CMAKE:-/usr/lib/x86_64-linux-gnu/cmake/Torch}
debian_python=${DEBIAN_PYTHON:-/usr/bin/python3}
t="$repo/target-gpu/test"; rm -rf "$t/tmp"; mkdir -p "$t/tmp"
tmp="$t/tmp"
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | tail -n 12 | sed 's/^/    | /'; }
# expect NAME CODE REGEX CMD...: CMD exits with CODE and its output (stdout and stderr) matches REGEX
expect() {
  local name=$1 code=$2 regex=$3; shift 3
  local output rc
  output=$("$@" 2>&1); rc=$?
  if [ "$rc" = "$code" ] && grep -Eq -- "$regex" <<<"$output"; then ok "$name"
  else bad "$name (exit $rc, wanted $code and /$regex/)" "$output"; fi
}
# check NAME CONDITION...: the condition (a command) holds
check() { local name=$1 output; shift; if output=$("$@" 2>&1); then ok "$name"; else bad "$name" "$output"; fi; }

# --- prerequisites: each missing one is a failure that names the fix, never a skip --------------------
prereq=1
need() { if ! "$@" >/dev/null 2>&1; then bad "prerequisite: $*"; prereq=0; fi; }
need test -f "$djl_src/engines/pytorch/pytorch-native/CMakeLists.txt"
need test -f "$debian_torch/TorchConfig.cmake"
need "$debian_python" -c 'import torch'
need command -v cmake
need command -v javac
if [ $prereq = 0 ]; then
  echo "missing prerequisites (above): DJL_SRC=$djl_src (../shared/vendor), Debian's libtorch-dev and python3-torch (apt-get install -y libtorch-dev python3-torch), cmake, a JDK"
fi
cli_jar=$(ls "$repo"/ecg-cli/target/ecg-cli-*.jar 2>/dev/null | grep -v -- -tests.jar | head -n 1)
bench_jar=$(ls "$repo"/ecg-bench/target/ecg-bench-*.jar 2>/dev/null | grep -v -- -tests.jar | head -n 1)
if [ -z "$cli_jar" ] || [ -z "$bench_jar" ] || [ ! -d "$repo/ecg-cli/target/lib" ]; then
  echo "# building the toolkit's jars (ecg-cli, ecg-bench) ..."
  (cd "$repo" && ./mvnw -q -B -ntp -o -DskipTests -pl ecg-cli,ecg-bench -am package) || bad "prerequisite: the toolkit's jars build"
fi

# The CPU libtorch and its JNI, from the Maven jars every build has (never from ~/.djl.ai)
m2=${M2_REPO:-$HOME/.m2/repository}
lt="$t/cpu-libtorch"
if [ ! -f "$lt/lib/libtorch.so" ] || [ ! -f "$lt/libdjl_torch.so" ]; then
  rm -rf "$lt"; mkdir -p "$lt/lib"
  "$debian_python" - "$m2" "$lt" <<'PY' || bad "prerequisite: the pytorch-native-cpu 2.7.1 and pytorch-jni jars in the Maven repository"
import os, sys, zipfile
m2, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(os.path.join(m2, "ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar")) as z:
    for n in z.namelist():
        if n.startswith("pytorch/cpu/linux-x86_64/") and not n.endswith("/"):
            with open(os.path.join(out, "lib", os.path.basename(n)), "wb") as f:
                f.write(z.read(n))
with zipfile.ZipFile(os.path.join(m2, "ai/djl/pytorch/pytorch-jni/2.7.1-0.36.0/pytorch-jni-2.7.1-0.36.0.jar")) as z:
    with open(os.path.join(out, "libdjl_torch.so"), "wb") as f:
        f.write(z.read("jnilib/linux-x86_64/cpu/libdjl_torch.so"))
PY
fi

# === build-jni.sh ==========================================================================================
b="$here/build-jni.sh"
expect "build-jni: no arguments" 2 'expected 3 arguments' "$b"
expect "build-jni: unknown option" 2 "unknown option '--frobnicate'" "$b" a b c --frobnicate
expect "build-jni: --cuda maybe" 2 "--cuda 'maybe' is not auto, on or off" "$b" "$djl_src" "$debian_torch" "$tmp/x" --cuda maybe
expect "build-jni: --jobs 0" 2 "--jobs '0' is not a positive whole number" "$b" "$djl_src" "$debian_torch" "$tmp/x" --jobs 0
expect "build-jni: --time-limit soon" 2 "--time-limit 'soon'" "$b" "$djl_src" "$debian_torch" "$tmp/x" --time-limit soon
expect "build-jni: option without its value" 2 'option --header needs a value' "$b" "$djl_src" "$debian_torch" "$tmp/x" --header
expect "build-jni: DJL_SRC missing" 3 "DJL_SRC '$tmp/nope' is not a folder" "$b" "$tmp/nope" "$debian_torch" "$tmp/x"
mkdir -p "$tmp/empty"
expect "build-jni: DJL_SRC not DJL" 3 "has no engines/pytorch/pytorch-native/CMakeLists.txt" "$b" "$tmp/empty" "$debian_torch" "$tmp/x"
expect "build-jni: LIBTORCH_DIR without CMake files" 3 "neither share/cmake/Torch/TorchConfig.cmake nor TorchConfig.cmake" "$b" "$djl_src" "$tmp/empty" "$tmp/x"
fake="$tmp/fake-torch"; mkdir -p "$fake/share/cmake/Torch" "$fake/lib"
echo 'set(PACKAGE_VERSION "2.11.0")' > "$fake/share/cmake/Torch/TorchConfigVersion.cmake"; touch "$fake/share/cmake/Torch/TorchConfig.cmake"
expect "build-jni: LIBTORCH_DIR without libtorch.so" 3 "no libtorch.so in '$fake/lib'" "$b" "$djl_src" "$fake" "$tmp/x"
touch "$fake/lib/libtorch.so"
expect "build-jni: --cuda on with a CPU-only libtorch" 3 "has no libtorch_cuda.so: LIBTORCH_DIR is a CPU-only libtorch" "$b" "$djl_src" "$fake" "$tmp/x" --cuda on
touch "$fake/lib/libtorch_cuda.so"
expect "build-jni: CUDA libtorch and no CUDA toolkit" 3 'no nvcc was found in \$CUDA_HOME/bin or on PATH' \
  env -u CUDA_HOME PATH=/usr/bin:/bin "$b" "$djl_src" "$fake" "$tmp/x"
echo 'set(PACKAGE_VERSION_EXACT TRUE)' > "$fake/share/cmake/Torch/TorchConfigVersion.cmake"
expect "build-jni: unreadable libtorch version" 3 'cannot read the libtorch version' "$b" "$djl_src" "$fake" "$tmp/x" --cuda off
mkdir -p "$tmp/inc-nolinux"; touch "$tmp/inc-nolinux/jni.h"
expect "build-jni: --jni-include without jni.h" 3 "--jni-include '$tmp/empty' has no jni.h" "$b" "$djl_src" "$debian_torch" "$tmp/x" --jni-include "$tmp/empty"
expect "build-jni: --jni-include without linux/jni_md.h" 3 "has no linux/jni_md.h" "$b" "$djl_src" "$debian_torch" "$tmp/x" --jni-include "$tmp/inc-nolinux"
expect "build-jni: --header missing" 3 "--header '$tmp/none.h' does not exist" "$b" "$djl_src" "$debian_torch" "$tmp/x" --header "$tmp/none.h"
echo '/* nothing */' > "$tmp/other.h"
expect "build-jni: --header not DJL's" 3 "declares no Java_ai_djl_pytorch_jni_PyTorchLibrary_ function" "$b" "$djl_src" "$debian_torch" "$tmp/x" --header "$tmp/other.h"
expect "build-jni: --patches without a series" 3 "has no series file" "$b" "$djl_src" "$debian_torch" "$tmp/x" --patches "$tmp/empty"

# === make-header.sh =========================================================================================
h="$here/make-header.sh"
expect "make-header: no arguments" 2 'expected 2 arguments' "$h"
expect "make-header: DJL_SRC without PyTorchLibrary.java" 3 "has no engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java" "$h" "$tmp/empty" "$tmp/h"
expect "make-header: missing jars" 3 "api-0.36.0.jar is missing" env M2_REPO="$tmp/empty" "$h" "$djl_src" "$tmp/h"
expect "make-header: the header" 0 'wrote .*ai_djl_pytorch_jni_PyTorchLibrary.h' "$h" "$djl_src" "$tmp/hdr"
check "make-header: declares torchSetGradMode and torchCudaEmptyCache" bash -c \
  "grep -q 'Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSetGradMode' '$tmp/hdr/ai_djl_pytorch_jni_PyTorchLibrary.h' && grep -q 'Java_ai_djl_pytorch_jni_PyTorchLibrary_torchCudaEmptyCache' '$tmp/hdr/ai_djl_pytorch_jni_PyTorchLibrary.h'"

# === patches and CMake's configure against Debian's CPU libtorch ============================================
hdr="$tmp/hdr/ai_djl_pytorch_jni_PyTorchLibrary.h"
mkdir -p "$tmp/p-good" "$tmp/p-later" "$tmp/p-bad" "$tmp/p-missing"
cat > "$tmp/p-good/comment.patch" <<'EOF'
--- a/engines/pytorch/pytorch-native/CMakeLists.txt
+++ b/engines/pytorch/pytorch-native/CMakeLists.txt
@@ -1,3 +1,4 @@
+# patched by the gpu/test.sh fixture
 cmake_minimum_required(VERSION 3.6 FATAL_ERROR)
 
 project(djl_torch)
EOF
cp "$tmp/p-good/comment.patch" "$tmp/p-later/"; sed 's/project(djl_torch)/project(not_djl)/' "$tmp/p-good/comment.patch" > "$tmp/p-bad/comment.patch"
echo "1.0.0 comment.patch   # a fixture" > "$tmp/p-good/series"; echo "99.0.0 comment.patch" > "$tmp/p-later/series"
echo "1.0.0 comment.patch" > "$tmp/p-bad/series"; echo "1.0.0 gone.patch" > "$tmp/p-missing/series"
expect "build-jni: configure against Debian's libtorch, a patch applied" 0 'configured in' \
  "$b" "$djl_src" "$debian_torch" "$tmp/cfg" --header "$hdr" --patches "$tmp/p-good" --configure-only
check "build-jni: the copy is patched and DJL_SRC is not" bash -c \
  "head -n 1 '$tmp/cfg/src/engines/pytorch/pytorch-native/CMakeLists.txt' | grep -q fixture && ! grep -q fixture '$djl_src/engines/pytorch/pytorch-native/CMakeLists.txt'"
check "build-jni: build-info names libtorch 1.13, CUDA off, the patch" bash -c \
  "grep -qx 'libtorch_version=1.13.0' '$tmp/cfg/build-info.txt' && grep -qx 'cuda=off' '$tmp/cfg/build-info.txt' && grep -qx 'patches=comment.patch' '$tmp/cfg/build-info.txt' && grep -qx 'status=configured' '$tmp/cfg/build-info.txt'"
check "build-jni: CMake was given Debian's Torch, the JDK's jni.h and PT_VERSION V1_13_X" bash -c \
  "grep -qx 'Torch_DIR:[A-Z]*=$debian_torch' '$tmp/cfg/build/CMakeCache.txt' && grep -q '^JAVA_INCLUDE_PATH:[A-Z]*=/.*/include$' '$tmp/cfg/build/CMakeCache.txt' && grep -qx 'PT_VERSION:[A-Z]*=V1_13_X' '$tmp/cfg/build/CMakeCache.txt'"
check "build-jni: the header sits where CMakeLists.txt includes it" test -f "$tmp/cfg/src/engines/pytorch/pytorch-native/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h"
jdk_inc="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")/include"
mkdir -p "$tmp/jdkinc/linux"; cp "$jdk_inc/jni.h" "$tmp/jdkinc/"; cp "$jdk_inc/linux/jni_md.h" "$tmp/jdkinc/linux/"
expect "build-jni: a patch for a later libtorch is not applied" 0 'patches: none' \
  env -u JAVA_HOME "$b" "$djl_src" "$debian_torch" "$tmp/cfg2" --header "$hdr" --patches "$tmp/p-later" --jni-include "$tmp/jdkinc" --configure-only
check "build-jni: CMake takes jni.h from --jni-include (as on the GPU machine, which has no JDK)" bash -c \
  "grep -qx 'JAVA_INCLUDE_PATH:[A-Z]*=$tmp/jdkinc' '$tmp/cfg2/build/CMakeCache.txt' && grep -qx 'JAVA_INCLUDE_PATH2:[A-Z]*=$tmp/jdkinc/linux' '$tmp/cfg2/build/CMakeCache.txt' && ! head -n 1 '$tmp/cfg2/src/engines/pytorch/pytorch-native/CMakeLists.txt' | grep -q fixture"
expect "build-jni: the project's series applies nothing for libtorch 1.13" 0 'patches: none' \
  "$b" "$djl_src" "$debian_torch" "$tmp/cfg7" --header "$hdr" --configure-only
f211="$tmp/fake-211"; mkdir -p "$f211/share/cmake/Torch" "$f211/lib"; touch "$f211/lib/libtorch.so" "$f211/share/cmake/Torch/TorchConfig.cmake"
echo 'set(PACKAGE_VERSION "2.11.0")' > "$f211/share/cmake/Torch/TorchConfigVersion.cmake"
check "build-jni: the project's std-optional.patch applies to DJL 0.36 for libtorch 2.11 and leaves no c10::/torch:: optional" bash -c \
  "'$b' '$djl_src' '$f211' '$tmp/cfg8' --header '$hdr' --configure-only > '$tmp/cfg8.out' 2>&1; grep -q 'patches: std-optional.patch' '$tmp/cfg8.out' \
   && n='$tmp/cfg8/src/engines/pytorch/pytorch-native/src/main/native' && ! grep -rqE 'c10::(optional|nullopt|make_optional)|torch::nullopt' \"\$n\" && [ \"\$(grep -rcE 'std::(optional|nullopt|make_optional)' \"\$n\" | awk -F: '{s+=\$2} END {print s}')\" -ge 9 ]"
expect "build-jni: a patch that does not apply" 6 'did not apply' "$b" "$djl_src" "$debian_torch" "$tmp/cfg3" --header "$hdr" --patches "$tmp/p-bad" --configure-only
expect "build-jni: a series naming a missing patch" 3 "names 'gone.patch', which is not in" "$b" "$djl_src" "$debian_torch" "$tmp/cfg4" --header "$hdr" --patches "$tmp/p-missing"
expect "build-jni: the time limit" 124 'time limit \(3 s\) was reached' "$b" "$djl_src" "$debian_torch" "$tmp/cfg5" --header "$hdr" --time-limit 3
mkdir -p "$tmp/p-break"; cat > "$tmp/p-break/break.patch" <<'EOF'
--- a/engines/pytorch/pytorch-native/CMakeLists.txt
+++ b/engines/pytorch/pytorch-native/CMakeLists.txt
@@ -1,3 +1,4 @@
+find_package(NoSuchPackageAnywhere REQUIRED)
 cmake_minimum_required(VERSION 3.6 FATAL_ERROR)
 
 project(djl_torch)
EOF
echo "1.0.0 break.patch" > "$tmp/p-break/series"
expect "build-jni: a failing configure says so, with its log" 4 "CMake's configure failed against libtorch 1.13.0 \(log: .*configure.log\)" \
  "$b" "$djl_src" "$debian_torch" "$tmp/cfg6" --header "$hdr" --patches "$tmp/p-break"

# === make-env.sh ============================================================================================
e="$here/make-env.sh"
jni="$lt/libdjl_torch.so"
expect "make-env: no arguments" 2 'expected 1 argument OUT_DIR' "$e"
expect "make-env: --jni missing" 2 '--jni FILE is required' "$e" "$tmp/env"
expect "make-env: --python with --torch-lib" 2 'do not also pass --torch-lib' "$e" "$tmp/env" --jni "$jni" --python "$debian_python" --torch-lib "$lt/lib"
expect "make-env: --torch-lib alone" 2 '--torch-lib, --version and --flavor go together' "$e" "$tmp/env" --jni "$jni" --torch-lib "$lt/lib"
expect "make-env: bad version" 2 "--version '2.7' is not X.Y.Z" "$e" "$tmp/env" --jni "$jni" --torch-lib "$lt/lib" --version 2.7 --flavor cpu
expect "make-env: bad flavor" 2 "--flavor 'cuda' is not cpu or cuNNN" "$e" "$tmp/env" --jni "$jni" --torch-lib "$lt/lib" --version 2.7.1 --flavor cuda
expect "make-env: no libtorch.so" 3 "has no libtorch.so" "$e" "$tmp/env" --jni "$jni" --torch-lib "$tmp/empty" --version 2.7.1 --flavor cpu
expect "make-env: CUDA flavor, CPU libtorch" 3 'no libtorch_cuda.so: it is a CPU-only libtorch' "$e" "$tmp/env" --jni "$jni" --torch-lib "$lt/lib" --version 2.7.1 --flavor cu130
expect "make-env: JNI missing" 3 "--jni '$tmp/none.so' does not exist" "$e" "$tmp/env" --jni "$tmp/none.so" --torch-lib "$lt/lib" --version 2.7.1 --flavor cpu
expect "make-env: JNI not ELF" 3 'is not an ELF shared library' "$e" "$tmp/env" --jni "$tmp/other.h" --torch-lib "$lt/lib" --version 2.7.1 --flavor cpu
printf '#!/bin/sh\necho "ModuleNotFoundError: No module named torch" >&2; exit 1\n' > "$tmp/python-without-torch"; chmod +x "$tmp/python-without-torch"
expect "make-env: a Python without torch" 3 "failed while asking torch|cannot import torch" "$e" "$tmp/env" --jni "$jni" --python "$tmp/python-without-torch"
expect "make-env: from a libtorch folder" 0 'wrote .*gpu.env \(libtorch 2.7.1 cpu' "$e" "$tmp/env" --jni "$jni" --torch-lib "$lt/lib" --version 2.7.1 --flavor cpu
check "make-env: the JNI where DJL looks, the file's keys" bash -c \
  "cmp -s '$jni' '$tmp/env/cache/pytorch/2.7.1-cpu-linux-x86_64/0.36.0-libdjl_torch.so' && grep -qx 'PYTORCH_LIBRARY_PATH=$lt/lib' '$tmp/env/gpu.env' && grep -qx 'PYTORCH_VERSION=2.7.1' '$tmp/env/gpu.env' && grep -qx 'PYTORCH_FLAVOR=cpu' '$tmp/env/gpu.env' && grep -qx 'ENGINE_CACHE_DIR=$tmp/env/cache' '$tmp/env/gpu.env'"
mkdir -p "$tmp/cudart"; touch "$tmp/cudart/libcudart.so.12" "$tmp/cudart/libcudart.so.13"
expect "make-env: --cudart without libcudart" 3 "--cudart '$tmp/empty' has no libcudart.so" "$e" "$tmp/env-c" --jni "$jni" --torch-lib "$lt/lib" --version 2.7.1 --flavor cpu --cudart "$tmp/empty"
expect "make-env: --cudart" 0 'wrote' "$e" "$tmp/env-c" --jni "$jni" --torch-lib "$lt/lib" --version 2.7.1 --flavor cpu --cudart "$tmp/cudart"
check "make-env: JNA finds the newest libcudart under its plain name; LD_LIBRARY_PATH has the folder" bash -c \
  "[ \"\$(readlink '$tmp/env-c/jna/libcudart.so')\" = '$tmp/cudart/libcudart.so.13' ] && grep -qx 'JNA_LIBRARY_PATH=$tmp/env-c/jna' '$tmp/env-c/gpu.env' && grep -qx 'LD_LIBRARY_PATH=$tmp/cudart' '$tmp/env-c/gpu.env'"
expect "make-env: asking Debian's torch" 0 'libtorch 1.13.0 cpu at .*torch/lib' "$e" "$tmp/env-debian" --jni "$jni" --python "$debian_python"

# === the launcher's --gpu-env ===================================================================================
genv() { printf '%s\n' "$@" > "$tmp/g.env"; }
ecg="$repo/ecg"
expect "launcher: --gpu-env without a file" 2 'ecg: error: --gpu-env needs a FILE' "$ecg" --gpu-env
expect "launcher: --gpu-env file missing" 2 "'$tmp/none.env' does not exist" "$ecg" --gpu-env "$tmp/none.env" train --help
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "this is not a setting"
expect "launcher: a line that is not KEY=VALUE" 2 "g.env line 2: 'this is not a setting' is not KEY=VALUE" "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "# a comment" "PYTORCH_VERSON=2.7.1"
expect "launcher: an unknown key" 2 'g.env line 3: unknown key PYTORCH_VERSON' "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_VERSION=2.7.1" "PYTORCH_VERSION=2.11.0"
expect "launcher: a key set twice" 2 'line 2: PYTORCH_VERSION is set twice \(first on line 1\)' "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1"
expect "launcher: a required key missing" 2 'PYTORCH_FLAVOR is missing' "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_LIBRARY_PATH=$tmp/empty" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=cpu"
expect "launcher: no libtorch.so" 2 "PYTORCH_LIBRARY_PATH '$tmp/empty' has no libtorch.so" "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=gpu"
expect "launcher: a bad flavor" 2 "PYTORCH_FLAVOR 'gpu' is not cpu or cuNNN" "$ecg" --gpu-env "$tmp/g.env" train --help
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=cpu" "ENGINE_CACHE_DIR=$tmp/empty"
expect "launcher: no JNI where DJL looks" 2 'no JNI library for libtorch 2.7.1 \(cpu\)' "$ecg" --gpu-env "$tmp/g.env" train --help
mkdir -p "$tmp/cp/lib"; touch "$tmp/cp/app.jar" "$tmp/cp/lib/api-0.36.0.jar" "$tmp/cp/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar" "$tmp/cp/lib/pytorch-engine-0.36.0.jar"
check "launcher: the class path loses pytorch-native-* and keeps the rest" bash -c \
  ". '$here/launcher-env.sh'; [ \"\$(ecg_gpu_classpath '$tmp/cp/app.jar:$tmp/cp/lib/*:/x/pytorch-native-cu128.jar')\" = '$tmp/cp/app.jar:$tmp/cp/lib/api-0.36.0.jar:$tmp/cp/lib/pytorch-engine-0.36.0.jar' ]"
check "launcher: the file's settings reach DJL's variables and jna.library.path" bash -c \
  ". '$here/launcher-env.sh'; printf 'PYTORCH_LIBRARY_PATH=$lt/lib\nPYTORCH_VERSION=2.7.1\nPYTORCH_FLAVOR=cpu\nENGINE_CACHE_DIR=$tmp/env/cache\nJNA_LIBRARY_PATH=$tmp/empty\nLD_LIBRARY_PATH=/a b\n' > '$tmp/g2.env';
   LD_LIBRARY_PATH=/old; ecg_gpu_env '$tmp/g2.env' && [ \"\$PYTORCH_LIBRARY_PATH\" = '$lt/lib' ] && [ \"\$PYTORCH_VERSION\" = 2.7.1 ] && [ \"\$PYTORCH_FLAVOR\" = cpu ] \
   && [ \"\$ENGINE_CACHE_DIR\" = '$tmp/env/cache' ] && [ \"\$LD_LIBRARY_PATH\" = '/a b:/old' ] && [ \"\${ecg_gpu_java_opts[0]}\" = '-Djna.library.path=$tmp/empty' ]"

# real records through the route: a small PTB-XL-shaped set made by tile-ptbxl.py from the sample
tile="$here/tile-ptbxl.py"
expect "tile: --train missing" 2 'the following arguments are required: --train' "$debian_python" "$tile" "$repo/data/ptb-xl-sample" "$tmp/tiled"
expect "tile: --train 0" 2 'argument --train: 0 is not positive' "$debian_python" "$tile" "$repo/data/ptb-xl-sample" "$tmp/tiled" --train 0 --validation 5
expect "tile: SRC not PTB-XL" 3 "has no ptbxl_database.csv" "$debian_python" "$tile" "$tmp/empty" "$tmp/tiled" --train 5 --validation 5
expect "tile: OUT exists" 2 "OUT '$tmp/empty' exists" "$debian_python" "$tile" "$repo/data/ptb-xl-sample" "$tmp/empty" --train 5 --validation 5
expect "tile: 400 + 50 records" 0 'wrote .*400 training records \(folds 1-8\), 50 validation records \(fold 9\), from 336 and 42' \
  "$debian_python" "$tile" "$repo/data/ptb-xl-sample" "$tmp/tiled" --train 400 --validation 50
check "tile: the table's folds and the rewritten headers" "$debian_python" - "$tmp/tiled" "$repo/data/ptb-xl-sample" <<'PY'
import csv, os, sys
out, src = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(out, "ptbxl_database.csv"))))
assert len(rows) == 450 and sum(r["strat_fold"] == "9" for r in rows) == 50
assert all(1 <= int(r["strat_fold"]) <= 8 for r in rows[:400])
assert len({r["patient_id"] for r in rows}) == 450
orig = list(csv.DictReader(open(os.path.join(src, "ptbxl_database.csv"))))
train = [r for r in orig if r["strat_fold"] != "9"]
r, o = rows[336], train[0]          # the second pass starts again at the first training record
assert r["scp_codes"] == o["scp_codes"] and r["filename_lr"] == "records100/00000/00337_lr"
hea = open(os.path.join(out, r["filename_lr"] + ".hea")).read().splitlines()
assert hea[0].startswith("00337_lr 12 100 1000") and all(l.startswith("00337_lr.dat ") for l in hea[1:13])
a = open(os.path.join(out, r["filename_lr"] + ".dat"), "rb").read()
assert a == open(os.path.join(src, o["filename_lr"] + ".dat"), "rb").read()
PY

genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=cpu" "ENGINE_CACHE_DIR=$tmp/env/cache"
expect "launcher: a GPU asked for and only the CPU found stops with an error" 1 \
  "error: --device gpu: no GPU is visible to DJL's PyTorch engine \(PyTorch 2.7.1, 0 GPU\(s\) visible\)" \
  "$ecg" --gpu-env "$tmp/g.env" train --ptbxl "$tmp/tiled" --epochs 1 --device gpu --cache-dir "$tmp/cache" --out "$tmp/run-gpu"
check "launcher: the refused GPU run wrote no metrics" test ! -e "$tmp/run-gpu/metrics.jsonl"
mkdir -p "$tmp/env-broken/cache/pytorch/2.7.1-cpu-linux-x86_64"; printf '\177ELF not a library' > "$tmp/env-broken/cache/pytorch/2.7.1-cpu-linux-x86_64/0.36.0-libdjl_torch.so"
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=cpu" "ENGINE_CACHE_DIR=$tmp/env-broken/cache"
expect "launcher: the file's JNI is the one loaded (a broken one fails loudly)" 1 'Failed to load PyTorch native library' \
  "$ecg" --gpu-env "$tmp/g.env" train --ptbxl "$tmp/tiled" --epochs 1 --device cpu --cache-dir "$tmp/cache" --out "$tmp/run-broken"
genv "PYTORCH_LIBRARY_PATH=$lt/lib" "PYTORCH_VERSION=2.7.1" "PYTORCH_FLAVOR=cpu" "ENGINE_CACHE_DIR=$tmp/env/cache"
expect "launcher: CPU training through --gpu-env on tiled PTB-XL records" 0 'best epoch 1: validation macro-F1' \
  "$ecg" --gpu-env "$tmp/g.env" train --ptbxl "$tmp/tiled" --epochs 1 --device cpu --cache-dir "$tmp/cache" --out "$tmp/run-cpu"
check "launcher: that run's provenance: cpu(), PyTorch 2.7.1, 400 + 50 records" bash -c \
  "grep -q '\"device\" : \"cpu()\"' '$tmp/run-cpu/provenance.json' && grep -q '\"engine\" : \"PyTorch 2.7.1\"' '$tmp/run-cpu/provenance.json' && grep -q '\"train_records\" : 400' '$tmp/run-cpu/provenance.json' && grep -q '\"validation_records\" : 50' '$tmp/run-cpu/provenance.json'"

# === summarize.py on hand-made logs (the numbers below are worked out by hand) =======================================
s="$tmp/summary"; mkdir -p "$s/train-gpu" "$s/train-cpu-parity" "$s/epoch-gpu"
printf 'step\trc\tseconds\tnote\nbuild\t0\t95\tok\n' > "$s/steps.tsv"
printf '{"device":"gpu(0)","engine":"PyTorch 2.11.0","gpus_visible":1,"train_records":336,"validation_records":42}\n' > "$s/train-gpu/provenance.json"
printf '%s\n' '{"epoch":1,"train_loss":2.0,"val_macro_auroc":0.70,"val_macro_f1":0.1,"seconds":9.0,"samples_per_s":100.0,"data_wait_share":0.20}' \
  '{"epoch":2,"train_loss":1.5,"val_macro_auroc":0.80,"val_macro_f1":0.2,"seconds":1.0,"samples_per_s":3000.0,"data_wait_share":0.03}' \
  '{"epoch":3,"train_loss":1.4,"val_macro_auroc":0.79,"val_macro_f1":0.2,"seconds":1.0,"samples_per_s":5000.0,"data_wait_share":0.04}' > "$s/train-gpu/metrics.jsonl"
printf '%s\n' '{"epoch":1,"train_loss":2.001,"val_macro_auroc":0.71,"seconds":3,"samples_per_s":900,"data_wait_share":0.01}' \
  '{"epoch":2,"train_loss":1.6,"val_macro_auroc":0.803,"seconds":3,"samples_per_s":900,"data_wait_share":0.01}' > "$s/train-cpu-parity/metrics.jsonl"
mkdir -p "$s/train-gpu-repeat"
printf '%s\n' '{"epoch":1,"train_loss":2.0,"val_macro_auroc":0.795,"seconds":1,"samples_per_s":5000,"data_wait_share":0.01}' > "$s/train-gpu-repeat/metrics.jsonl"
printf '%s\n' '{"epoch":1,"train_loss":2.0,"val_macro_auroc":0.6,"seconds":5,"samples_per_s":9000,"data_wait_share":0.01}' \
  '{"epoch":2,"train_loss":1.9,"val_macro_auroc":0.7,"seconds":1.2,"samples_per_s":14000,"data_wait_share":0.01}' \
  '{"epoch":3,"train_loss":1.8,"val_macro_auroc":0.7,"seconds":1.3,"samples_per_s":13000,"data_wait_share":0.01}' > "$s/epoch-gpu/metrics.jsonl"
printf '%s\n' '100.000 epoch 1/3: loss 2.0' '101.500 epoch 2/3: loss 1.9' '103.250 epoch 3/3: loss 1.8' > "$s/epoch.log"
printf '%s\n' 'SMI-MARK start 0 1000.0' 'RESULT impl=djl device=gpu(0) batch=128 samples_per_s=1000.0 ms_per_step=128.0 engine="PyTorch 2.11.0, 1 GPU(s) visible"' \
  'SMI-MARK djl 128 1010.0' 'RESULT impl=pytorch device=cuda batch=128 samples_per_s=1250.0 ms_per_step=102.4' 'SMI-MARK pytorch 128 1020.0' \
  'RESULT impl=djl device=gpu(0) batch=512 samples_per_s=60000.0 ms_per_step=8.5' 'SMI-MARK djl 512 1030.0' \
  'RESULT impl=pytorch device=cuda batch=512 samples_per_s=59000.0 ms_per_step=8.7' 'SMI-MARK pytorch 512 1040.0' > "$s/bench.log"
smi() { "$debian_python" -c 'import sys, time; print(time.strftime("%Y/%m/%d %H:%M:%S", time.localtime(float(sys.argv[1]))) + ".000, %s, %s" % (sys.argv[2], sys.argv[3]))' "$@"; }
{ smi 999 0 500; smi 1005 80 2500; smi 1008 60 3000; smi 1015 90 4000; smi 1035 50 9000; } > "$s/bench.smi.csv"
expect "summarize: runs on hand-made logs" 0 'goals:' "$debian_python" "$here/summarize.py" "$s"
check "summarize: ratios, peak memory, busy share, epoch walls, parity and goals as worked out by hand" "$debian_python" - "$s/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
b = {r["batch"]: r for r in s["bench"]}
assert b[128]["ratio_djl_over_pytorch"] == 0.8 and b[512]["ratio_djl_over_pytorch"] == round(60000 / 59000, 3)
assert b[128]["djl_nvidia_smi"]["peak_memory_mib"] == 3000.0          # samples at 1005 and 1008 s
assert b[128]["djl_nvidia_smi"]["gpu_busy_percent_mean"] == 70.0      # (80 + 60) / 2
assert b[128]["pytorch_nvidia_smi"]["peak_memory_mib"] == 4000.0 and b[512]["djl_nvidia_smi"] is None
t = s["train"]
assert t["best_epoch"] == 2 and t["best_val_macro_auroc"] == 0.80 and t["train_samples_per_s_after_epoch_1"] == 4000.0
assert t["data_wait_share_max_after_epoch_1"] == 0.04
assert s["epoch"]["wall_seconds_per_epoch_validation_included"] == {"2": 1.5, "3": 1.75}
p = s["parity"]
assert abs(p["abs_difference"] - 0.003) < 1e-12 and p["within_tolerance"] is True
assert p["device_repeat_best_val_macro_auroc"] == 0.795 and abs(p["device_repeat_abs_difference"] - 0.005) < 1e-12
g = s["goals"]
assert g == {"ratio_batch_128": "below floor", "ratio_batch_512": "met", "data_wait_under_5_percent": True,
             "epoch_under_2_s": True, "parity_within_0.005": True}, g
PY

# === run-on-device.sh: arguments, and a CPU rehearsal of the whole call ===============================================
r="$here/run-on-device.sh"
expect "run-on-device: OUT unset" 1 'set OUT to the folder' env -u OUT "$r"
expect "run-on-device: an unknown option" 2 "unknown option '--gpus'" env OUT="$tmp/o" "$r" --gpus 2
expect "run-on-device: an unknown step" 2 "unknown step 'benchmark'" env OUT="$tmp/o" "$r" --only train,benchmark
expect "run-on-device: a budget that is not a number" 2 "'ten' is not a whole number" env OUT="$tmp/o" "$r" --budget ten
expect "run-on-device: --prebuilt-jni alone" 2 'go together' env OUT="$tmp/o" "$r" --prebuilt-jni "$jni"
rm -rf "$repo/target-gpu/env" "$repo/target-gpu/runs" "$tmp/reh"
expect "run-on-device: CPU rehearsal (env, train, bench, epoch, parity) completes" 0 'done in' \
  env OUT="$tmp/reh" "$r" --java-home "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}" \
  --prebuilt-jni "$jni" --torch-lib "$lt/lib" --torch-version 2.7.1 --flavor cpu --device cpu --python "$debian_python" \
  --train-epochs 1 --bench-batches 16 --bench-steps 2 --bench-warmup 1 --epoch-train 200 --epoch-validation 30 --budget 400
check "run-on-device: every rehearsed step ok, and the summary has each part" "$debian_python" - "$tmp/reh" <<'PY'
import json, os, sys
out = sys.argv[1]
steps = [l.split("\t") for l in open(os.path.join(out, "steps.tsv")).read().splitlines()[1:]]
assert [x[0] for x in steps if x[3] == "ok"] == ["env", "train", "bench", "epoch", "parity"], steps
s = json.load(open(os.path.join(out, "summary.json")))
assert s["train"]["device"] == "cpu()" and s["train"]["engine"] == "PyTorch 2.7.1" and s["train"]["epochs"] == 1
assert s["bench"][0]["batch"] == 16 and "ratio_djl_over_pytorch" in s["bench"][0]
assert s["epoch"]["train_records"] == 200 and len(s["epoch"]["wall_seconds_per_epoch_validation_included"]) == 2
assert s["parity"]["abs_difference"] == 0.0       # the same seed on the same CPU twice
assert os.path.isfile(os.path.join(out, "gpu.env"))
PY

# === --full: the JNI built here against libtorch 1.13, used by the toolkit; the bundle ===============================
if [ $full = 1 ]; then
  jdir="$t/jni-debian"
  expect "full: build-jni.sh builds DJL's JNI against Debian's libtorch 1.13" 0 'built .*libdjl_torch.so against libtorch 1.13.0 \(CUDA off\)' \
    "$b" "$djl_src" "$debian_torch" "$jdir"
  expect "full: check_jni.py: every symbol resolves against Debian's torch" 0 '^OK: all symbols' "$debian_python" "$repo/../shared/tools/gpu/check_jni.py" "$jdir/libdjl_torch.so"
  expect "full: make-env.sh from Debian's torch" 0 'libtorch 1.13.0 cpu' "$e" "$tmp/env113" --jni "$jdir/libdjl_torch.so" --python "$debian_python"
  expect "full: the toolkit trains on libtorch 1.13 through --gpu-env" 0 'best epoch 2' \
    "$ecg" --gpu-env "$tmp/env113/gpu.env" train --ptbxl "$repo/data/ptb-xl-sample" --epochs 2 --device cpu --cache-dir "$tmp/cache-s" --out "$tmp/run-113"
  check "full: its provenance names PyTorch 1.13.0" grep -q '"engine" : "PyTorch 1.13.0"' "$tmp/run-113/provenance.json"
  expect "full: pack.sh makes and checks the bundle" 0 'check passed' "$here/pack.sh" --djl-src "$djl_src" --out "$t/bundle"
  expect "full: pack.sh --check" 0 'check passed' "$here/pack.sh" --check --out "$t/bundle"
  cp "$t/bundle/check_jni.py" "$tmp/check_jni.bak"; echo "# altered" >> "$t/bundle/check_jni.py"
  expect "full: pack.sh --check finds an altered part" 7 'check_jni.py changed since it was packed' "$here/pack.sh" --check --out "$t/bundle"
  cp "$tmp/check_jni.bak" "$t/bundle/check_jni.py"
  rm -rf "$tmp/unpacked"; mkdir -p "$tmp/unpacked"; tar -C "$tmp/unpacked" -xJf "$t/bundle/jre.tar.xz"; tar -C "$tmp/unpacked" -xJf "$t/bundle/app.tar.xz"
  expect "full: the bundle's Java and jars train (CPU env), as on the GPU machine" 0 'best epoch 1' bash -c \
    ". '$here/launcher-env.sh'; ecg_gpu_env '$tmp/g.env' && '$tmp/unpacked/jre/bin/java' -Dai.djl.offline=true -cp \"\$(ecg_gpu_classpath '$(ls "$tmp"/unpacked/app/ecg-cli-*.jar 2>/dev/null | head -n 1):$tmp/unpacked/app/lib/*')\" org.ecgsiglip.cli.EcgCommand train --ptbxl '$tmp/tiled' --epochs 1 --device cpu --cache-dir '$tmp/cache' --out '$tmp/run-bundle'"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
