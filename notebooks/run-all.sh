#!/usr/bin/env bash
# Executes the notebooks headless, as CI does, and checks that notebook 3 matches the CLI.
#
#   notebooks/run-all.sh [NOTEBOOK.ipynb ...]     (default: every notebooks/[0-9]*.ipynb, in order)
#
# 1. Checks that the committed notebooks carry no outputs (strip them with notebooks/strip-outputs.sh).
# 2. Builds the toolkit if its sources changed (through ./ecg, which runs the Maven wrapper then) and
#    refreshes notebooks/target/classpath/ from the local Maven repository (setup-kernel.sh --classpath-only).
# 3. Runs `jupyter nbconvert --to notebook --execute` on each notebook with the "ecg-java" kernel (install
#    it first with notebooks/setup-kernel.sh), writing the executed copy to notebooks/executed/NAME.ipynb.
#    A cell that fails fails the script. Each notebook has NOTEBOOK_TIMEOUT seconds (default 600).
# 4. Checks that notebooks 3 and 4 print what the CLI prints for the same work (check-cli-match.sh:
#    `ecg train` on notebook 3's configuration, `ecg compare` on notebook 4's test scores); a difference
#    fails the script.
# Environment: ECG_NOTEBOOK_PTBXL (a PTB-XL folder; default data/ptb-xl-sample, else ../shared/data/ptb-xl),
# NOTEBOOK_TIMEOUT, JUPYTER_PATH (when the kernel was installed with --prefix).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
timeout_s="${NOTEBOOK_TIMEOUT:-600}"
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets a debugger warning of ipykernel's Python on every start

if [ $# -gt 0 ]; then
  notebooks=()
  for nb in "$@"; do notebooks+=("$(cd "$(dirname "$nb")" && pwd)/$(basename "$nb")"); done
else
  notebooks=("$here"/[0-9]*.ipynb)
fi

kernels="$(jupyter kernelspec list 2>/dev/null || true)"
grep -q '^ *ecg-java ' <<<"$kernels" || {
  echo "run-all: the ecg-java kernel is not installed; run notebooks/setup-kernel.sh first" >&2
  exit 1
}

"$here/strip-outputs.sh" --check "${notebooks[@]}"

start=$SECONDS
"$here/setup-kernel.sh" --classpath-only
echo "toolkit ready in $((SECONDS - start)) s"

mkdir -p "$here/executed"
failed=0
checked_runs=0
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  t0=$SECONDS
  log="$here/executed/${name%.ipynb}.log"
  if (cd "$here" && timeout "$timeout_s" jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=ecg-java \
        --ExecutePreprocessor.timeout="$timeout_s" \
        --ExecutePreprocessor.startup_timeout=120 \
        --output-dir "$here/executed" --output "$name" "$nb") >"$log" 2>&1; then
    echo "ok     $name ($((SECONDS - t0)) s)"
    case "$name" in 03-*|04-*) checked_runs=1 ;; esac
  else
    rc=$?
    echo "FAILED $name ($((SECONDS - t0)) s, exit $rc$([ $rc = 124 ] && echo ": over ${timeout_s} s")); log: $log" >&2
    grep -v -e '^\[20[0-9-]* [0-9:]*\] \[INFO' -e 'Debugger warning' -e 'frozen modules' "$log" | tail -n 40 >&2
    failed=1
  fi
done
[ "$failed" = 0 ] || exit 1

if [ "$checked_runs" = 1 ]; then
  "$here/check-cli-match.sh" "$here/executed/runs"
fi
echo "notebooks: all passed in $((SECONDS - start)) s; executed copies in $here/executed/"
