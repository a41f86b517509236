#!/usr/bin/env bash
# Notebooks are committed without outputs.
#
#   notebooks/strip-outputs.sh [NOTEBOOK.ipynb ...]          strips outputs and execution counts in place
#   notebooks/strip-outputs.sh --check [NOTEBOOK.ipynb ...]  fails when a notebook still has any
#
# Default: every notebooks/[0-9]*.ipynb. Uses only Python's standard library.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode=strip
if [ "${1:-}" = --check ]; then mode=check; shift; fi
if [ $# -eq 0 ]; then set -- "$here"/[0-9]*.ipynb; fi

python3 - "$mode" "$@" <<'EOF'
import json, sys

mode, paths = sys.argv[1], sys.argv[2:]
dirty = []
for path in paths:
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    changed = False
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            changed = True
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in ("execution", "collapsed", "scrolled"):
            if key in cell.get("metadata", {}):
                changed = True
                del cell["metadata"][key]
    if not changed:
        continue
    dirty.append(path)
    if mode == "strip":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nb, f, indent=1, ensure_ascii=False)
            f.write("\n")
if mode == "check" and dirty:
    sys.exit("notebooks with outputs (run notebooks/strip-outputs.sh before committing): " + ", ".join(dirty))
for path in dirty:
    print("stripped " + path)
EOF
