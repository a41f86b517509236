#!/usr/bin/env bash
# Prepares .gpu/, the git-ignored bundle that travels with the working tree to the GPU machine (no
# Java, no Maven, no internet there) for gpu/run-on-device.sh (docs/gpu.md):
#
#   jre.tar.xz        a jlink'd Java runtime (Temurin 25; java.desktop for the curve plots)
#   app.tar.xz        app/ecg-cli-*.jar, app/ecg-bench-*.jar, app/lib/*.jar: the toolkit and its runtime
#                     jars, stored uncompressed so that xz packs them well; without pytorch-native-*
#                     and pytorch-jni (the machine brings its own libtorch; the JNI is rebuilt there)
#                     and without Tablesaw's fastutil and icu4j (37 MB that training never loads)
#   djl-src/          DJL 0.36.0's JNI source (from DJL_SRC: the build input, not project code)
#   jni-header/       ai_djl_pytorch_jni_PyTorchLibrary.h, made here with javac -h
#   jdk-include/      jni.h and linux/jni_md.h from the JDK
#   check_jni.py      the symbol check (../shared/tools/gpu/check_jni.py, or --tools DIR)
#   MANIFEST.txt      size and SHA-256 of each part, and the digest of the sources the jars came from
#
#   gpu/pack.sh [--djl-src DIR] [--tools DIR] [--out DIR]   build (the jars too, when stale) and pack
#   gpu/pack.sh --check [--out DIR]                          verify an existing bundle, change nothing
#
# --check fails when a part is missing or altered, when the jars are older than the sources, when
# the bundle is 60 MiB or more, or when it and the working tree that travels with it reach 64 MiB.
# JDK_FOR_JLINK (default /usr/lib/jvm/temurin-25-jdk-amd64) is the JDK whose jlink, javac and
# include/ are used. Exit codes: 0 done; 2 bad arguments; 3 an input missing; 7 the check failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
me="pack.sh"
usage="usage: gpu/pack.sh [--check] [--djl-src DIR] [--tools DIR] [--out DIR]"
die() { local code=$1; shift; echo "$me: error: $*" >&2; exit "$code"; }
check=0; djl_src="$repo/../shared/vendor/djl-0.36.0-pytorch-jni-src"; tools="$repo/../shared/tools/gpu"; out="$repo/.gpu"
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1; shift ;;
    --djl-src|--tools|--out)
      [ $# -ge 2 ] || die 2 "option $1 needs a value; $usage"
      case "$1" in --djl-src) djl_src=$2 ;; --tools) tools=$2 ;; --out) out=$2 ;; esac
      shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) die 2 "unknown argument '${1:0:80}'; $usage" ;;
  esac
done
bundle_limit=$((60 * 1024 * 1024)); carry_limit=$((64 * 1024 * 1024))
excluded_jars='pytorch-native-*|pytorch-jni-*|fastutil-*|icu4j-*'
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.crypto.ec

sources_digest() {  # what the jars are built from: every main source and pom of the packed modules
  (cd "$repo" && find pom.xml ecg-io ecg-eval ecg-model ecg-cli ecg-bench \( -path '*/target' -prune \) -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-64)
}
tree_bytes() {  # what travels without being named: tracked files and untracked files git does not ignore
  (cd "$repo" && git ls-files -co --exclude-standard -z | xargs -0 -r stat -c %s -- 2>/dev/null | awk '{s+=$1} END {print s+0}')
}
parts=(jre.tar.xz app.tar.xz djl-src/engines/pytorch/pytorch-native/CMakeLists.txt djl-src/api/src/main/native/djl/utils.h
  jni-header/ai_djl_pytorch_jni_PyTorchLibrary.h jdk-include/jni.h jdk-include/linux/jni_md.h check_jni.py)

do_check() {
  local bad=0 f size bytes tree want got
  [ -d "$out" ] || die 7 "no bundle at $out; make it with gpu/pack.sh"
  [ -f "$out/MANIFEST.txt" ] || die 7 "$out has no MANIFEST.txt; remake the bundle with gpu/pack.sh"
  for f in "${parts[@]}"; do
    [ -f "$out/$f" ] || { echo "$me: missing $out/$f" >&2; bad=1; }
  done
  while read -r want size f; do
    case "$want" in ''|'#'*|sources) continue ;; esac
    if [ ! -f "$out/$f" ]; then echo "$me: $f is in MANIFEST.txt but not in $out" >&2; bad=1; continue; fi
    got=$(sha256sum "$out/$f" | cut -c1-64)
    [ "$got" = "$want" ] || { echo "$me: $out/$f changed since it was packed (SHA-256 differs from MANIFEST.txt)" >&2; bad=1; }
  done < "$out/MANIFEST.txt"
  grep -q 'Java_ai_djl_pytorch_jni_PyTorchLibrary_' "$out/jni-header/ai_djl_pytorch_jni_PyTorchLibrary.h" 2>/dev/null \
    || { echo "$me: the JNI header declares no PyTorchLibrary function" >&2; bad=1; }
  if tar -tJf "$out/app.tar.xz" > "$out/.app.list" 2>/dev/null; then
    grep -Eq '^app/ecg-cli-[^/]*\.jar$' "$out/.app.list" || { echo "$me: app.tar.xz has no app/ecg-cli-*.jar" >&2; bad=1; }
    grep -Eq '^app/ecg-bench-[^/]*\.jar$' "$out/.app.list" || { echo "$me: app.tar.xz has no app/ecg-bench-*.jar" >&2; bad=1; }
    grep -Eq '^app/lib/pytorch-engine-0\.36\.0\.jar$' "$out/.app.list" || { echo "$me: app.tar.xz has no app/lib/pytorch-engine-0.36.0.jar" >&2; bad=1; }
    if grep -Eq '^app/lib/pytorch-native-' "$out/.app.list"; then echo "$me: app.tar.xz holds a pytorch-native jar; DJL would load its CPU libtorch" >&2; bad=1; fi
  else
    echo "$me: $out/app.tar.xz is not a readable .tar.xz" >&2; bad=1
  fi
  rm -f "$out/.app.list"
  want=$(sed -n 's/^sources \([0-9a-f]*\).*/\1/p' "$out/MANIFEST.txt")
  got=$(sources_digest)
  [ "$want" = "$got" ] || { echo "$me: the sources changed since the jars were packed; rerun gpu/pack.sh" >&2; bad=1; }
  bytes=$(du -sb "$out" | cut -f1); tree=$(tree_bytes)
  echo "$me: bundle $out: $((bytes / 1024)) KiB; working tree that travels with it: $((tree / 1024)) KiB; together $(((bytes + tree) / 1024)) KiB"
  [ "$bytes" -lt "$bundle_limit" ] || { echo "$me: the bundle is $bytes bytes, not under 60 MiB" >&2; bad=1; }
  [ $((bytes + tree)) -lt "$carry_limit" ] || { echo "$me: bundle and working tree are $((bytes + tree)) bytes, not under the 64 MiB a device call takes" >&2; bad=1; }
  [ $bad = 0 ] || die 7 "the bundle at $out is not ready (above)"
  echo "$me: check passed"
}
if [ $check = 1 ]; then do_check; exit 0; fi

# --- inputs ----------------------------------------------------------------------------------------
jdk=${JDK_FOR_JLINK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/jlink" ] || die 3 "no jlink in JDK_FOR_JLINK '$jdk'; set JDK_FOR_JLINK to a JDK 17+ (Temurin 25 is under /usr/lib/jvm on this project's machines)"
[ -f "$jdk/include/jni.h" ] || die 3 "'$jdk' has no include/jni.h; set JDK_FOR_JLINK to a full JDK"
[ -f "$djl_src/engines/pytorch/pytorch-native/CMakeLists.txt" ] || die 3 "--djl-src '$djl_src' has no engines/pytorch/pytorch-native/CMakeLists.txt; pass DJL's v0.36.0 source"
[ -f "$tools/check_jni.py" ] || die 3 "--tools '$tools' has no check_jni.py; pass the folder that has it (../shared/tools/gpu)"
command -v xz >/dev/null 2>&1 || die 3 "xz is not on PATH; install xz-utils"

# --- the jars: rebuilt when older than the sources --------------------------------------------------
cli_jar=$(ls "$repo"/ecg-cli/target/ecg-cli-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
bench_jar=$(ls "$repo"/ecg-bench/target/ecg-bench-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
stale=0
for j in "$cli_jar" "$bench_jar"; do
  if [ -z "$j" ] || [ -n "$(cd "$repo" && find pom.xml ecg-io ecg-eval ecg-model ecg-cli ecg-bench \( -path '*/target' -prune \) -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$j" -print -quit)" ]; then stale=1; fi
done
[ -d "$repo/ecg-cli/target/lib" ] || stale=1
if [ $stale = 1 ]; then
  echo "$me: building the toolkit's jars ..."
  (cd "$repo" && ./mvnw -q -B -ntp -DskipTests -pl ecg-cli,ecg-bench -am package) || die 3 "the Maven build failed (above)"
  cli_jar=$(ls "$repo"/ecg-cli/target/ecg-cli-*.jar | grep -v -- '-tests.jar' | head -n 1)
  bench_jar=$(ls "$repo"/ecg-bench/target/ecg-bench-*.jar | grep -v -- '-tests.jar' | head -n 1)
fi
digest=$(sources_digest)

mkdir -p "$out"; out="$(cd "$out" && pwd)"
work="$out/.work"; rm -rf "$work"; mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# --- the Java runtime: jlink'd uncompressed, then xz (22 MB, against 39 MB for zip-9 + gzip) ----------
jre_stamp="$($jdk/bin/java -version 2>&1 | head -n 1) $modules"
if [ -f "$out/jre.tar.xz" ] && [ "$(cat "$out/.jre.stamp" 2>/dev/null)" = "$jre_stamp" ]; then
  echo "$me: jre.tar.xz is up to date ($jre_stamp)"
else
  echo "$me: jlink $modules (a few minutes with xz) ..."
  "$jdk/bin/jlink" --add-modules "$modules" --compress=zip-0 --strip-debug --no-header-files --no-man-pages --output "$work/jre"
  tar -C "$work" -cf - jre | xz -6 -T0 > "$work/jre.tar.xz"
  mv -f "$work/jre.tar.xz" "$out/jre.tar.xz"; echo "$jre_stamp" > "$out/.jre.stamp"
  rm -rf "$work/jre"
fi

# --- the toolkit's jars, stored -----------------------------------------------------------------------
mkdir -p "$work/app/lib"
restore() {  # SRC.jar DST.jar: the same entries, uncompressed
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as dst:
    for info in src.infolist():
        dst.writestr(info, src.read(info.filename), compress_type=zipfile.ZIP_STORED)
PY
}
restore "$cli_jar" "$work/app/$(basename "$cli_jar")"
restore "$bench_jar" "$work/app/$(basename "$bench_jar")"
n=0
for j in "$repo"/ecg-cli/target/lib/*.jar; do
  name=$(basename "$j")
  if [[ "$name" =~ ^($(echo "$excluded_jars" | sed 's/\./\\./g; s/\*/.*/g'))$ ]]; then continue; fi
  restore "$j" "$work/app/lib/$name"; n=$((n + 1))
done
echo "$me: packing $n runtime jars ..."
tar -C "$work" -cf - app | xz -6 -T0 > "$work/app.tar.xz"
mv -f "$work/app.tar.xz" "$out/app.tar.xz"

# --- the JNI build inputs -------------------------------------------------------------------------------
rm -rf "$out/djl-src" "$out/jni-header" "$out/jdk-include"
mkdir -p "$out/djl-src/engines/pytorch" "$out/djl-src/api/src/main" "$out/jdk-include/linux"
cp -R "$djl_src/engines/pytorch/pytorch-native" "$out/djl-src/engines/pytorch/"
cp -R "$djl_src/api/src/main/native" "$out/djl-src/api/src/main/"
for f in LICENSE NOTICE README.md; do [ -f "$djl_src/$f" ] && cp "$djl_src/$f" "$out/djl-src/"; done
chmod -R u+w "$out/djl-src"
JAVA_HOME="$jdk" "$here/make-header.sh" "$djl_src" "$out/jni-header" >/dev/null
cp "$jdk/include/jni.h" "$out/jdk-include/"; cp "$jdk/include/linux/jni_md.h" "$out/jdk-include/linux/"
cp "$tools/check_jni.py" "$out/check_jni.py"; chmod u+w "$out/check_jni.py"

# --- the manifest ---------------------------------------------------------------------------------------
rm -rf "$work"; trap - EXIT
{
  echo "# .gpu bundle for gpu/run-on-device.sh, packed $(date -u +%Y-%m-%dT%H:%M:%SZ) from $(cd "$repo" && git rev-parse --short HEAD)$(cd "$repo" && [ -n "$(git status --porcelain -- ecg-io ecg-eval ecg-model ecg-cli ecg-bench pom.xml)" ] && echo ' (with uncommitted changes)')"
  echo "# sha256 bytes path"
  echo "sources $digest"
  (cd "$out" && find . -path './.*' -prune -o -type f ! -name MANIFEST.txt -print | sed 's#^\./##' | LC_ALL=C sort | while read -r f; do
    echo "$(sha256sum "$f" | cut -c1-64) $(stat -c %s "$f") $f"; done)
} > "$out/.MANIFEST.tmp"
mv -f "$out/.MANIFEST.tmp" "$out/MANIFEST.txt"
grep -qx '/.gpu/' "$repo/.gitignore" 2>/dev/null || grep -qx '.gpu/' "$repo/.gitignore" 2>/dev/null \
  || echo "$me: warning: .gpu/ is not in .gitignore; add it, or the bundle would be committed" >&2
do_check
