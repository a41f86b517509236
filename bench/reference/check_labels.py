#!/usr/bin/env python3
"""Checks that the reference's PTB-XL label mapping (ptbxl.py) gives the toolkit's superdiagnostic
label sets: the counts of `ecg dataset summary --ptbxl ROOT --level superdiagnostic --json` (records,
rows dropped for having no class, records per fold, per finding, per finding and fold) must equal the
counts computed here, independently, from the same CSV files.

    /usr/bin/python3 bench/reference/check_labels.py                       # the bundled sample
    /usr/bin/python3 bench/reference/check_labels.py --ptbxl /work/data/ptbxl-full
    /usr/bin/python3 bench/reference/check_labels.py --toolkit-json summary.json   # no JVM run

Exits 0 and prints `LABELS MATCH ...` when every count agrees, else prints each difference, exits 1.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import ptbxl  # noqa: E402


def reference_counts(root):
    records, counts = ptbxl.read_database(root)
    per_fold = {}
    for r in records:
        per_fold.setdefault(str(r["fold"]), Counter()).update(r["labels"])
    return {
        "records": len(records),
        "dropped_no_finding": counts["dropped_empty"],
        "folds": dict(Counter(str(r["fold"]) for r in records)),
        "findings": dict(Counter(f for r in records for f in r["labels"])),
        "findings_per_fold": {k: dict(v) for k, v in per_fold.items()},
    }


def toolkit_counts(root, json_file):
    if json_file:
        with open(json_file) as f:
            return json.load(f)
    out = subprocess.run([os.path.join(REPO, "ecg"), "dataset", "summary", "--ptbxl", root,
                          "--level", "superdiagnostic", "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def differences(ours, theirs):
    diffs = []
    for key in ("records", "dropped_no_finding"):
        if ours[key] != theirs.get(key):
            diffs.append(f"{key}: reference {ours[key]}, toolkit {theirs.get(key)}")
    for key in ("folds", "findings"):
        a, b = ours[key], theirs.get(key, {})
        for k in sorted(set(a) | set(b)):
            if a.get(k, 0) != b.get(k, 0):
                diffs.append(f"{key}[{k}]: reference {a.get(k, 0)}, toolkit {b.get(k, 0)}")
    a, b = ours["findings_per_fold"], theirs.get("findings_per_fold", {})
    for fold in sorted(set(a) | set(b), key=int):
        fa, fb = a.get(fold, {}), b.get(fold, {})
        for k in sorted(set(fa) | set(fb)):
            if fa.get(k, 0) != fb.get(k, 0):
                diffs.append(f"fold {fold} {k}: reference {fa.get(k, 0)}, toolkit {fb.get(k, 0)}")
    return diffs


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ptbxl", default=os.path.join(REPO, "data", "ptb-xl-sample"))
    p.add_argument("--toolkit-json", help="a saved `ecg dataset summary ... --json` instead of running ./ecg")
    a = p.parse_args()
    ours = reference_counts(a.ptbxl)
    theirs = toolkit_counts(a.ptbxl, a.toolkit_json)
    diffs = differences(ours, theirs)
    for d in diffs:
        print("DIFF " + d)
    if diffs:
        sys.exit(1)
    findings = ",".join(f"{k}:{n}" for k, n in sorted(ours["findings"].items()))
    print(f"LABELS MATCH root={a.ptbxl} records={ours['records']} dropped_no_finding={ours['dropped_no_finding']} "
          f"findings={findings} "
          f"folds={len(ours['folds'])} (per finding and fold too)")


if __name__ == "__main__":
    main()
