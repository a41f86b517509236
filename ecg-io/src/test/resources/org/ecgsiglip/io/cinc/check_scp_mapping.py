#!/usr/bin/python3
"""Checks the PTB-XL SCP -> CinC 2021 mapping table against the Challenge's own PTB-XL labels.

    /usr/bin/python3 check_scp_mapping.py PTBXL_DIR DX_MAPPING_SCORED_CSV [CINC_DIR] > check_scp_mapping.txt

PTBXL_DIR holds ptbxl_database.csv (all of PTB-XL, or some folds of it: counts are scaled by
21,799 / records read). For every scored class the table feeds, it prints the number of PTB-XL
records carrying any of the class's statements (any likelihood), scaled, beside the Challenge's
PTB_XL count of that class in dx_mapping_scored.csv. With CINC_DIR, every HR<ecg_id>.hea there whose
ecg_id is in PTBXL_DIR is compared: the scored classes of its #Dx line against the classes its
statements map to. Standard library only; written for this check, independent of the Java code.
"""
import ast
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "..", "..", "..", "..", "..", "main", "resources", "org", "ecgsiglip", "io",
                     "cinc", "ptbxl-scp-to-cinc2021.csv")
EQUIVALENT = [{"733534002", "164909002"}, {"713427006", "59118001"}, {"284470004", "63593006"},
              {"427172004", "17338001"}]
PTBXL_RECORDS = 21799


def canonical(code):
    for group in EQUIVALENT:
        if code in group:
            return min(group)
    return code


def main(ptbxl_dir, dx_scored, cinc_dir=None):
    with open(TABLE) as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    classes = {}
    for r in rows:
        classes.setdefault(canonical(r["snomed_code"]), set()).add(r["scp_code"])
    with open(dx_scored) as f:
        challenge = {}
        names = {}
        for r in csv.DictReader(f):
            c = canonical(r["SNOMEDCTCode"])
            challenge[c] = challenge.get(c, 0) + int(r["PTB_XL"])
            names.setdefault(c, r["Abbreviation"])
    with open(os.path.join(ptbxl_dir, "ptbxl_database.csv")) as f:
        db = {int(float(r["ecg_id"])): set(ast.literal_eval(r["scp_codes"])) for r in csv.DictReader(f)}
    scale = PTBXL_RECORDS / len(db)
    print(f"{len(db)} PTB-XL records read, counts scaled by {scale:.4f}")
    print(f"{'class':8s} {'statements':18s} {'scaled':>8s} {'challenge':>9s} {'ratio':>6s}")
    for c, statements in classes.items():
        n = sum(1 for s in db.values() if s & statements) * scale
        ch = challenge.get(c, 0)
        ratio = f"{n / ch:6.3f}" if ch else "   n/a"
        print(f"{names.get(c, c):8s} {'|'.join(sorted(statements)):18s} {n:8.0f} {ch:9d} {ratio}")
    if cinc_dir:
        scored = set(challenge)
        for name in sorted(os.listdir(cinc_dir)):
            if not (name.startswith("HR") and name.endswith(".hea")):
                continue
            ecg_id = int(name[2:-4])
            if ecg_id not in db:
                continue
            with open(os.path.join(cinc_dir, name)) as f:
                dx = next(l for l in f if l.startswith("#Dx")).split(":", 1)[1]
            truth = {canonical(x.strip()) for x in dx.split(",") if x.strip()} & scored
            mapped = {c for c, st in classes.items() if db[ecg_id] & st}
            verdict = "agrees" if truth == mapped else "DIFFERS"
            print(f"{name[:-4]}: statements {sorted(db[ecg_id])} -> {sorted(mapped)}; #Dx scored {sorted(truth)}: {verdict}")


if __name__ == "__main__":
    main(*sys.argv[1:])
