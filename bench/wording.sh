#!/usr/bin/env bash
# Robustness to wording: a trained SigLIP model scores its validation records with its findings' texts
# replaced (ecg predict --findings FILE, no retraining), and per finding the AUROC is set against the
# AUROC with the model's own texts. Prints one row per finding and text set.
#
#   bench/wording.sh MODEL_DIR PTBXL_ROOT [WORDING_FILE.json ...]     (default: examples/wording/*.json)
#
# The records are those of MODEL_DIR/validation/scores.csv, the truth MODEL_DIR/validation/truth.csv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="$1"; root="$2"; shift 2
files=("$@"); [ ${#files[@]} -gt 0 ] || files=("$here"/examples/wording/*.json)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# record id 00008_lr lives in records100/00000/00008_lr
tail -n +2 "$model/validation/scores.csv" | cut -d, -f1 | \
  awk -v r="$root" '{ printf "%s/records100/%s000/%s\n", r, substr($1, 1, 2), $1 }' > "$out/records.txt"
for f in "${files[@]}"; do
  name=$(basename "$f" .json)
  "$here/ecg" predict -q --model "$model" --records "$out/records.txt" --findings "$f" --out "$out/$name.csv"
  "$here/ecg" evaluate -q --scores "$out/$name.csv" --truth "$model/validation/truth.csv" --out "$out/$name" > /dev/null
done
/usr/bin/python3 - "$out" "$model" "${files[@]}" <<'PY'
import json, os, sys
out, model, files = sys.argv[1], sys.argv[2], sys.argv[3:]
names = [os.path.basename(f)[:-5] for f in files]
own = {f["code"]: f["auroc"] for f in json.load(open(os.path.join(model, "validation/metrics.json")))["findings"]}
texts = {n: json.load(open(f)) for n, f in zip(names, files)}
res = {n: {f["code"]: f["auroc"] for f in json.load(open(os.path.join(out, n, "metrics.json")))["findings"]} for n in names}
print("finding  own-texts AUROC  " + "  ".join(f"{n} (AUROC, change)" for n in names))
for c in own:
    print(f"{c:6s}   {own[c]:.4f}           " + "  ".join(f"{res[n][c]:.4f} {res[n][c] - own[c]:+.4f} '{texts[n][c]}'" for n in names))
m = lambda d: sum(d.values()) / len(d)
print(f"macro    {m(own):.4f}           " + "  ".join(f"{m(res[n]):.4f} {m(res[n]) - m(own):+.4f}" for n in names))
PY
