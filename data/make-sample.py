#!/usr/bin/python3
"""Regenerates data/ptb-xl-sample/: a small real PTB-XL sample shipped inside the repository.

Usage (from the repository root, standard library only):

    /usr/bin/python3 data/make-sample.py [--source ../shared/data/ptb-xl] [--out data/ptb-xl-sample]

What it selects, deterministically (seeded; the same source gives the same sample):
  * records100 only (100 Hz), PER_FOLD records from each of strat_folds 1-9, so that train
    (e.g. 1-7), validation (8) and test (9) folds all exist;
  * only records with at least one superdiagnostic class (NORM, MI, STTC, CD, HYP), so none is
    dropped at the superdiagnostic level;
  * in each fold first MIN_PER_CLASS records of each class (rarest class first), then a seeded
    random fill; records whose checksums were verified against the original PTB-XL list are
    preferred at every step.

What it copies, byte for byte: the records' .hea/.dat files (records100/ layout kept), their rows of
ptbxl_database.csv (the header line and each row's original text, in ecg_id order),
scp_statements.csv and LICENSE.txt. It writes NOTICE.md (CC BY 4.0 attribution and citation) and
SHA256SUMS.txt (the SHA-256 of every file of the sample, in the PTB-XL format), and checks that the
copied rows parse to the same fields as the source rows.
"""
import argparse
import ast
import csv
import hashlib
import io
import os
import random
import shutil
import sys

PER_FOLD = 42
MIN_PER_CLASS = 7
SEED = 20240501
CLASSES = ["NORM", "MI", "STTC", "CD", "HYP"]
FOLDS = range(1, 10)


def superclasses(statements_csv):
    """SCP code -> diagnostic class, for diagnostic statements (as the PTB-XL benchmark aggregates them)."""
    out = {}
    with open(statements_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["diagnostic"] == "1.0" and row["diagnostic_class"]:
                out[row[""]] = row["diagnostic_class"]
    return out


def raw_rows(database_csv):
    """(header line, [(ecg_id, raw text of the row incl. its line end)]) keeping each row's bytes."""
    with open(database_csv, newline="", encoding="utf-8") as f:
        text = f.read()
    lines = text.splitlines(keepends=True)
    header, rows, pending = lines[0], [], ""
    for line in lines[1:]:
        pending += line
        if pending.count('"') % 2 == 0:  # a quoted field may span lines
            rows.append((int(pending.split(",", 1)[0]), pending))
            pending = ""
    if pending:
        sys.exit("unterminated quoted field at the end of " + database_csv)
    return header, rows


def verified_records(source):
    path = os.path.join(source, "verified_against_original_SHA256SUMS.tsv")
    out = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")[-1]
                if p.startswith("records100/") and p.endswith(".dat"):
                    out.add(p[:-4])
    return out


def select(rows, classes_of, verified, rng):
    chosen = []
    for fold in FOLDS:
        pool = [r for r in rows if int(r["strat_fold"]) == fold and classes_of[r["ecg_id"]]]
        pool.sort(key=lambda r: int(r["ecg_id"]))
        rng.shuffle(pool)
        pool.sort(key=lambda r: r["filename_lr"] not in verified)  # stable: verified first, shuffled within
        picked, counts = [], {c: 0 for c in CLASSES}

        def take(r):
            picked.append(r)
            pool.remove(r)
            for c in classes_of[r["ecg_id"]]:
                counts[c] += 1

        rarity = sorted(CLASSES, key=lambda c: sum(c in classes_of[r["ecg_id"]] for r in pool))
        for c in rarity:
            for r in [r for r in pool if c in classes_of[r["ecg_id"]]]:
                if counts[c] >= MIN_PER_CLASS or len(picked) >= PER_FOLD:
                    break
                take(r)
        while len(picked) < PER_FOLD and pool:
            take(pool[0])
        missing = [c for c in CLASSES if counts[c] == 0]
        if missing:
            sys.exit("fold %d has no record of %s" % (fold, missing))
        chosen.extend(picked)
    return sorted(chosen, key=lambda r: int(r["ecg_id"]))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


NOTICE = """# PTB-XL sample (100 Hz) — notice

This folder holds {n} records of **PTB-XL** (version 1.0.3), copied byte for byte from the
original dataset, in its original folder layout (`records100/`), with their original rows of
`ptbxl_database.csv` (the header and each row's text unchanged; the other rows left out),
`scp_statements.csv` and the dataset's `LICENSE.txt`. `SHA256SUMS.txt` lists the SHA-256 of every
file here. `data/make-sample.py` made the selection and can make it again.

The records come from strat_folds 1–9 ({per_fold} per fold; fold 10, the benchmark's test fold,
is not included). Each has at least one superdiagnostic class; every fold holds records of all five
classes (NORM, MI, STTC, CD, HYP). This is a small demonstration sample, not a representative
subset: its class frequencies differ from PTB-XL's, and figures measured on it say nothing about
the full dataset.

Records per fold: {folds}.
Records per superdiagnostic class: {classes}.

## License

PTB-XL is published by PhysioNet under the Creative Commons Attribution 4.0 International license
(CC BY 4.0); the full text is `LICENSE.txt`. The files were not modified. The selection of records
and rows is ours.

## Citation

When you use these data, cite:

* Wagner, P., Strodthoff, N., Bousseljot, R.-D., Kreiseler, D., Lunze, F.I., Samek, W.,
  Schaeffter, T. (2020). PTB-XL, a large publicly available electrocardiography dataset.
  *Scientific Data* 7, 154. https://doi.org/10.1038/s41597-020-0495-6
* Wagner, P., Strodthoff, N., Bousseljot, R., Samek, W., Schaeffter, T. (2022). PTB-XL, a large
  publicly available electrocardiography dataset (version 1.0.3). PhysioNet.
  https://doi.org/10.13026/kfzx-aw45
* Goldberger, A. et al. (2000). PhysioBank, PhysioToolkit, and PhysioNet: components of a new
  research resource for complex physiologic signals. *Circulation* 101(23):e215–e220.

The whole dataset: https://physionet.org/content/ptb-xl/1.0.3/ (`ecg download ptb-xl --out DIR`
fetches it and checks every file against its SHA256SUMS.txt).
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=os.path.join(here, "..", "..", "shared", "data", "ptb-xl"))
    parser.add_argument("--out", default=os.path.join(here, "ptb-xl-sample"))
    args = parser.parse_args()
    src, out = os.path.normpath(args.source), os.path.normpath(args.out)
    if not os.path.isfile(os.path.join(src, "ptbxl_database.csv")):
        sys.exit("no ptbxl_database.csv under " + src + "; pass --source PATH")

    classes_by_code = superclasses(os.path.join(src, "scp_statements.csv"))
    with open(os.path.join(src, "ptbxl_database.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    classes_of = {r["ecg_id"]: {classes_by_code[c] for c in ast.literal_eval(r["scp_codes"]) if c in classes_by_code}
                  for r in rows}
    chosen = select(rows, classes_of, verified_records(src), random.Random(SEED))

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for name in ("LICENSE.txt", "scp_statements.csv"):
        shutil.copyfile(os.path.join(src, name), os.path.join(out, name))
    for r in chosen:
        for suffix in (".hea", ".dat"):
            rel = r["filename_lr"] + suffix
            os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
            shutil.copyfile(os.path.join(src, rel), os.path.join(out, rel))

    header, raw = raw_rows(os.path.join(src, "ptbxl_database.csv"))
    wanted = {int(r["ecg_id"]) for r in chosen}
    text = header + "".join(t for i, t in raw if i in wanted)
    with open(os.path.join(out, "ptbxl_database.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(text)
    copied = list(csv.DictReader(io.StringIO(text, newline="")))
    if copied != [r for r in rows if int(r["ecg_id"]) in wanted]:
        sys.exit("the copied rows do not parse to the source rows")

    folds = {f: sum(int(r["strat_fold"]) == f for r in chosen) for f in FOLDS}
    counts = {c: sum(c in classes_of[r["ecg_id"]] for r in chosen) for c in CLASSES}
    with open(os.path.join(out, "NOTICE.md"), "w", encoding="utf-8") as f:
        f.write(NOTICE.format(n=len(chosen), per_fold=PER_FOLD,
                              folds=", ".join("%d: %d" % kv for kv in folds.items()),
                              classes=", ".join("%s %d" % kv for kv in counts.items())))
    with open(os.path.join(out, ".gitattributes"), "w", encoding="utf-8") as f:
        f.write("# byte-for-byte copies (LICENSE.txt has CRLF line ends): no line-end conversion\n* -text\n")

    files = []
    for dirpath, _, names in os.walk(out):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), out).replace(os.sep, "/")
            if rel not in ("SHA256SUMS.txt", ".gitattributes"):
                files.append(rel)
    with open(os.path.join(out, "SHA256SUMS.txt"), "w", encoding="utf-8") as f:
        for rel in sorted(files):
            f.write("%s  %s\n" % (sha256(os.path.join(out, rel)), rel))
    size = sum(os.path.getsize(os.path.join(out, rel)) for rel in files)
    print("%d records, %d files, %.2f MB -> %s" % (len(chosen), len(files), size / 1e6, out))
    print("per fold:", folds)
    print("per class:", counts)


if __name__ == "__main__":
    main()
