#!/usr/bin/env bash
# Installs the Java kernel for the notebooks and puts the toolkit's jars where the notebooks load them.
#
#   notebooks/setup-kernel.sh [--user | --prefix DIR] [--java PATH] [--classpath-only]
#
# 1. Fetches io.github.padreati:rapaio-jupyter-kernel:3.0.1 from Maven Central with the Maven wrapper
#    (dependency:copy; nothing else is downloaded).
# 2. Compiles notebooks/kernel/.../LoopThread.java, a fix for a start-up race of that kernel version
#    (see the class's comment), and installs a kernel spec named "ecg-java" whose kernel.json runs
#    the kernel jar with that class ahead of it, on the Java given by --java (default: $JAVA_HOME/bin/java,
#    else the java on PATH; 17 or newer). --user (default) installs into ~/.local/share/jupyter,
#    --prefix DIR into DIR/share/jupyter (then set JUPYTER_PATH=DIR/share/jupyter).
# 3. Copies the toolkit's jars into notebooks/target/classpath/, which each notebook's first cell adds with
#    `%jars target/classpath`: the same jars the `ecg` command runs on (ecg-cli/target/ecg-cli-*.jar and
#    ecg-cli/target/lib/: ecg-io, ecg-eval, ecg-model and their dependencies, DJL's PyTorch CPU natives
#    included). ./ecg builds them with the Maven wrapper first when they are missing or older than the
#    sources; after that nothing needs the network. --classpath-only does just this step (run it again
#    after changing the toolkit's sources; run-all.sh does).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
kernel_version=3.0.1
kernel_jar="rapaio-jupyter-kernel-$kernel_version.jar"
kernel_name=ecg-java
target=user
prefix=""
java_bin=""
classpath_only=0

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --user) target=user ;;
    --prefix) [ $# -ge 2 ] || { echo "setup-kernel: --prefix needs a folder" >&2; exit 2; }
              target=prefix; prefix="$2"; shift ;;
    --java) [ $# -ge 2 ] || { echo "setup-kernel: --java needs the path of a java executable" >&2; exit 2; }
            java_bin="$2"; shift ;;
    --classpath-only) classpath_only=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "setup-kernel: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

mvnw() { (cd "$root" && ./mvnw -q -B "$@"); }

copy_classpath() {
  local cp="$here/target/classpath" jar
  "$root/ecg" --version >/dev/null   # builds ecg-cli/target when missing or stale
  jar="$(ls "$root"/ecg-cli/target/ecg-cli-*.jar | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1)"
  rm -rf "$cp"
  mkdir -p "$cp"
  cp "$jar" "$root"/ecg-cli/target/lib/*.jar "$cp"/
  echo "toolkit classpath: $(ls "$cp" | wc -l) jars in $cp"
}

if [ "$classpath_only" = 1 ]; then
  mkdir -p "$here/target"
  copy_classpath
  exit 0
fi

command -v jupyter >/dev/null || {
  echo "setup-kernel: 'jupyter' is not on PATH; install it first:" >&2
  echo "  apt-get install -y jupyter-nbconvert python3-nbconvert python3-ipykernel jupyter-client" >&2
  exit 1
}

if [ -z "$java_bin" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; else java_bin="$(command -v java || true)"; fi
fi
[ -n "$java_bin" ] && [ -x "$java_bin" ] || { echo "setup-kernel: no java found; pass --java PATH or set JAVA_HOME" >&2; exit 1; }
java_bin="$(readlink -f "$java_bin")"
javac_bin="$(dirname "$java_bin")/javac"
[ -x "$javac_bin" ] || { echo "setup-kernel: $java_bin has no javac beside it; the kernel needs a JDK (17 or newer), not a JRE" >&2; exit 1; }
feature="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$feature" ] || [ "${feature%%.*}" -lt 17 ]; then
  echo "setup-kernel: $java_bin is Java '$feature'; the kernel and the toolkit need 17 or newer" >&2
  exit 1
fi

spec="$here/target/kernel/$kernel_name"
rm -rf "$spec"
mkdir -p "$spec/patch"

echo "fetching $kernel_jar from Maven Central (Maven wrapper, dependency:copy)"
mvnw -N dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$kernel_version" -DoutputDirectory="$spec"
[ -f "$spec/$kernel_jar" ] || { echo "setup-kernel: $kernel_jar was not fetched" >&2; exit 1; }

"$javac_bin" --release 17 -nowarn -cp "$spec/$kernel_jar" -d "$spec/patch" \
  "$here/kernel/org/rapaio/jupyter/kernel/channels/LoopThread.java"

cat >"$spec/kernel.json" <<EOF
{
  "argv": [
    "$java_bin",
    "-Djava.awt.headless=true",
    "-cp", "{resource_dir}/patch:{resource_dir}/$kernel_jar",
    "org.rapaio.jupyter.kernel.MainApp",
    "{connection_file}"
  ],
  "display_name": "Java $feature (ECG-SigLIP)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_TIMEOUT_MILLIS": "-1"
  }
}
EOF

if [ "$target" = prefix ]; then
  mkdir -p "$prefix"
  jupyter kernelspec install "$spec" --name "$kernel_name" --prefix "$prefix" >/dev/null
  echo "kernel '$kernel_name' installed under $prefix/share/jupyter/kernels (export JUPYTER_PATH=$prefix/share/jupyter)"
else
  jupyter kernelspec install "$spec" --name "$kernel_name" --user >/dev/null
  echo "kernel '$kernel_name' installed for this user (Java $feature: $java_bin)"
fi

copy_classpath
