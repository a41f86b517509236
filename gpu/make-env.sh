#!/usr/bin/env bash
# Writes a GPU environment file for `./ecg --gpu-env FILE`: DJL's PyTorch engine then loads the given
# libtorch (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR) and the JNI library rebuilt for it
# by gpu/build-jni.sh, with no pytorch-native jar and no download (docs/gpu.md).
#
#   gpu/make-env.sh OUT_DIR --jni FILE [--python PY]
#   gpu/make-env.sh OUT_DIR --jni FILE --torch-lib DIR --version X.Y.Z --flavor cpu|cuNNN [--cudart DIR]
#
# The first form asks PY's torch (default python3) for its lib folder, version and CUDA version, and
# finds the CUDA runtime that pip installed beside it (--cudart: its folder; jna/ then links it as
# libcudart.so for DJL's GPU count). OUT_DIR gets gpu.env and cache/, where the JNI
# is copied to the place DJL looks for it (ENGINE_CACHE_DIR/pytorch/VERSION-FLAVOR-CLASSIFIER/
# 0.36.0-libdjl_torch.so); the libtorch folder itself is not touched.
# Exit codes: 0 written; 2 bad arguments; 3 an input missing or unusable.
set -euo pipefail
me="make-env.sh"
usage="usage: gpu/make-env.sh OUT_DIR --jni FILE [--python PY | --torch-lib DIR --version X.Y.Z --flavor cpu|cuNNN [--cudart DIR]]"
die() { local code=$1; shift; echo "$me: error: $*" >&2; exit "$code"; }
djl_api=0.36.0
positional=(); jni=""; python=""; torch_lib=""; version=""; flavor=""; cudart=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jni|--python|--torch-lib|--version|--flavor|--cudart)
      [ $# -ge 2 ] || die 2 "option $1 needs a value; $usage"
      case "$1" in
        --jni) jni=$2 ;; --python) python=$2 ;; --torch-lib) torch_lib=$2 ;;
        --version) version=$2 ;; --flavor) flavor=$2 ;; --cudart) cudart=$2 ;;
      esac
      shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    -*) die 2 "unknown option '${1:0:80}'; $usage" ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -eq 1 ] || die 2 "expected 1 argument OUT_DIR, got ${#positional[@]}; $usage"
out=${positional[0]}
[ -n "$jni" ] || die 2 "--jni FILE is required (the libdjl_torch.so that gpu/build-jni.sh built); $usage"
if [ -n "$torch_lib$version$flavor$cudart" ] && [ -n "$python" ]; then
  die 2 "--python asks torch for the library folder, version and flavor; do not also pass --torch-lib, --version, --flavor or --cudart"
fi
if [ -n "$torch_lib$version$flavor" ]; then
  [ -n "$torch_lib" ] && [ -n "$version" ] && [ -n "$flavor" ] || die 2 "--torch-lib, --version and --flavor go together; $usage"
else
  python=${python:-python3}
  command -v "$python" >/dev/null 2>&1 || die 3 "'$python' is not on PATH; pass --python PY (a Python with torch) or --torch-lib DIR --version X.Y.Z --flavor F"
  info=$("$python" - <<'PY' 2>&1
import glob, os, site, sys
try:
    import torch
except Exception as e:  # report, do not trace back
    print("ERROR", type(e).__name__, e); sys.exit(0)
lib = os.path.join(os.path.dirname(torch.__file__), "lib")
cuda = torch.version.cuda or ""
dirs = []
for d in site.getsitepackages() + [site.getusersitepackages()]:
    dirs += glob.glob(os.path.join(d, "nvidia", "**", "libcudart.so*"), recursive=True)
dirs += glob.glob(os.path.join(lib, "libcudart*.so*"))
import re
version = re.match(r"\d+\.\d+\.\d+", torch.__version__)
print(lib); print(version.group(0) if version else torch.__version__); print("cu" + cuda.replace(".", "") if cuda else "cpu")
print(os.path.dirname(sorted(dirs)[-1]) if dirs else "")
PY
) || die 3 "'$python' failed while asking torch for its libraries: ${info:0:200}"
  case "$info" in ERROR*) die 3 "'$python' cannot import torch (${info:6:160}); pass --python PY for a Python that has torch";; esac
  { read -r torch_lib; read -r version; read -r flavor; read -r cudart || true; } <<<"$info"
  if [ "$flavor" != cpu ] && [ -z "$cudart" ]; then
    die 3 "torch $version is a CUDA build ($flavor), but no libcudart.so* was found beside it (site-packages/nvidia/ or $torch_lib); pass --torch-lib, --version, --flavor and --cudart DIR"
  fi
fi
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die 2 "--version '${version:0:80}' is not X.Y.Z (the libtorch version, without a +cuNNN suffix)"
[[ "$flavor" =~ ^(cpu|cu[0-9]{2,4})(-precxx11)?$ ]] || die 2 "--flavor '${flavor:0:80}' is not cpu or cuNNN (for example cu130 for CUDA 13.0)"
[ -d "$torch_lib" ] || die 3 "libtorch folder '$torch_lib' does not exist"
[ -e "$torch_lib/libtorch.so" ] || die 3 "'$torch_lib' has no libtorch.so; pass libtorch's lib folder"
if [[ "$flavor" == cu* ]] && [ ! -e "$torch_lib/libtorch_cuda.so" ]; then
  die 3 "flavor $flavor, but '$torch_lib' has no libtorch_cuda.so: it is a CPU-only libtorch; pass --flavor cpu or a CUDA build"
fi
[ -f "$jni" ] || die 3 "--jni '$jni' does not exist; build it with gpu/build-jni.sh"
[ "$(head -c 4 "$jni" | od -An -c | tr -d ' \n')" = '177ELF' ] || die 3 "--jni '$jni' is not an ELF shared library"
if [ -n "$cudart" ] && [ ! -d "$cudart" ]; then die 3 "--cudart '$cudart' is not a folder"; fi

case "$(uname -m)" in x86_64) classifier=linux-x86_64 ;; aarch64) classifier=linux-aarch64 ;;
  *) die 3 "unsupported machine $(uname -m); DJL's PyTorch engine knows linux-x86_64 and linux-aarch64" ;; esac
mkdir -p "$out"; out="$(cd "$out" && pwd)"; torch_lib="$(cd "$torch_lib" && pwd)"
jni_dir="$out/cache/pytorch/$version-$flavor-$classifier"
mkdir -p "$jni_dir"
cp "$jni" "$jni_dir/.$djl_api-libdjl_torch.so.tmp" && mv -f "$jni_dir/.$djl_api-libdjl_torch.so.tmp" "$jni_dir/$djl_api-libdjl_torch.so"
if [ -n "$cudart" ]; then
  # DJL counts GPUs through JNA's "cudart"; pip installs only libcudart.so.NN, so give it the plain name too
  cudart="$(cd "$cudart" && pwd)"
  rt=$(ls "$cudart"/libcudart.so* 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$rt" ] || die 3 "--cudart '$cudart' has no libcudart.so*"
  rm -rf "$out/jna"; mkdir -p "$out/jna"; ln -s "$rt" "$out/jna/libcudart.so"
fi
tmp="$out/.gpu.env.tmp"
{
  echo "# ./ecg --gpu-env $out/gpu.env COMMAND ...  (written by gpu/make-env.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ))"
  echo "# JNI: $jni_dir/$djl_api-libdjl_torch.so (from $(cd "$(dirname "$jni")" && pwd)/$(basename "$jni"))"
  echo "PYTORCH_LIBRARY_PATH=$torch_lib"
  echo "PYTORCH_VERSION=$version"
  echo "PYTORCH_FLAVOR=$flavor"
  echo "ENGINE_CACHE_DIR=$out/cache"
  if [ -n "$cudart" ]; then
    echo "JNA_LIBRARY_PATH=$out/jna"
    echo "LD_LIBRARY_PATH=$cudart"
  fi
} > "$tmp"
mv -f "$tmp" "$out/gpu.env"
echo "$me: wrote $out/gpu.env (libtorch $version $flavor at $torch_lib)"
