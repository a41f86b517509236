#!/usr/bin/env bash
# Makes the JNI header ai_djl_pytorch_jni_PyTorchLibrary.h from DJL 0.36.0's PyTorchLibrary.java with
# javac -h, on a machine with a JDK (the GPU machine has none: gpu/pack.sh makes it here).
#
#   gpu/make-header.sh DJL_SRC OUT_DIR [--classpath CP]
#
#   DJL_SRC  DJL's source at tag v0.36.0 (engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/)
#   OUT_DIR  gets ai_djl_pytorch_jni_PyTorchLibrary.h
#   --classpath CP  the ai.djl:api and ai.djl.pytorch:pytorch-engine 0.36.0 jars PyTorchLibrary.java
#            compiles against. Default: both from the local Maven repository (~/.m2, or $M2_REPO),
#            where any build of this project puts them.
# Exit codes: 0 made; 2 bad arguments; 3 an input missing; 5 javac failed.
set -euo pipefail
me="make-header.sh"
usage="usage: gpu/make-header.sh DJL_SRC OUT_DIR [--classpath CP]"
die() { local code=$1; shift; echo "$me: error: $*" >&2; exit "$code"; }
positional=(); cp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --classpath) [ $# -ge 2 ] || die 2 "option --classpath needs a value; $usage"; cp=$2; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    -*) die 2 "unknown option '${1:0:80}'; $usage" ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -eq 2 ] || die 2 "expected 2 arguments DJL_SRC OUT_DIR, got ${#positional[@]}; $usage"
src=${positional[0]}; out=${positional[1]}
java_dir="$src/engines/pytorch/pytorch-engine/src/main/java"
lib="$java_dir/ai/djl/pytorch/jni/PyTorchLibrary.java"
[ -f "$lib" ] || die 3 "DJL_SRC '$src' has no ${lib#"$src"/}; pass the root of DJL's v0.36.0 source"
javac_bin=javac
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then javac_bin="$JAVA_HOME/bin/javac"; fi
command -v "$javac_bin" >/dev/null 2>&1 || die 3 "javac not found (no \$JAVA_HOME/bin/javac, none on PATH); run this on a machine with a JDK 11+"
if [ -z "$cp" ]; then
  repo=${M2_REPO:-$HOME/.m2/repository}
  api="$repo/ai/djl/api/0.36.0/api-0.36.0.jar"
  engine="$repo/ai/djl/pytorch/pytorch-engine/0.36.0/pytorch-engine-0.36.0.jar"
  for j in "$api" "$engine"; do
    [ -f "$j" ] || die 3 "$j is missing; fetch it with ./mvnw -B -ntp dependency:copy -Dartifact=ai.djl:api:0.36.0 (or ai.djl.pytorch:pytorch-engine:0.36.0), or build the toolkit once, or pass --classpath"
  done
  cp="$api:$engine"
fi
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
mkdir -p "$out"
if ! "$javac_bin" -nowarn -h "$out" -d "$classes" -cp "$cp" -sourcepath "$java_dir" "$lib" > "$classes/javac.log" 2>&1; then
  cat "$classes/javac.log" >&2
  die 5 "javac -h failed on $lib (above); check that --classpath holds DJL 0.36.0's api and pytorch-engine jars"
fi
[ -f "$out/ai_djl_pytorch_jni_PyTorchLibrary.h" ] || die 5 "javac ran but wrote no ai_djl_pytorch_jni_PyTorchLibrary.h into $out"
echo "$me: wrote $out/ai_djl_pytorch_jni_PyTorchLibrary.h"
