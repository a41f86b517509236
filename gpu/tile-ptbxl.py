#!/usr/bin/env python3
"""Makes a PTB-XL-shaped dataset of any size from a small one by repeating its records: the GPU
epoch timing of docs/gpu.md needs full PTB-XL's 17,084 training records, and only the 378-record
sample (data/ptb-xl-sample) fits in what travels to the GPU machine.

    gpu/tile-ptbxl.py SRC OUT --train 17084 --validation 2183

Record k of OUT is a copy of a record of SRC's training folds (1-8; validation: fold 9), taken in
turn, under a new ecg_id and a new patient; it keeps its fold, findings and signal. Signal files
are hard links where the file system allows (copies otherwise); headers are rewritten for the new
record name. OUT must not exist. Standard library only (the GPU machine has no numpy guarantee).
Exit codes: 0 written; 2 bad arguments; 3 SRC unusable.
"""
import argparse
import csv
import os
import shutil
import sys


def fail(code, message):
    print("tile-ptbxl.py: error: " + message, file=sys.stderr)
    sys.exit(code)


def count(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("'%s' is not a whole number" % text[:80])
    if value < 1:
        raise argparse.ArgumentTypeError("%d is not positive" % value)
    return value


def link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def main(argv):
    p = argparse.ArgumentParser(prog="gpu/tile-ptbxl.py", description=__doc__.split("\n\n")[0])
    p.add_argument("src")
    p.add_argument("out")
    p.add_argument("--train", type=count, required=True, help="records in folds 1-8")
    p.add_argument("--validation", type=count, required=True, help="records in fold 9")
    a = p.parse_args(argv)
    table = os.path.join(a.src, "ptbxl_database.csv")
    if not os.path.isfile(table):
        fail(3, "SRC '%s' has no ptbxl_database.csv; pass a PTB-XL folder (e.g. data/ptb-xl-sample)" % a.src)
    if not os.path.isfile(os.path.join(a.src, "scp_statements.csv")):
        fail(3, "SRC '%s' has no scp_statements.csv; pass a PTB-XL folder" % a.src)
    if os.path.exists(a.out):
        fail(2, "OUT '%s' exists; pass a new folder" % a.out)
    with open(table, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        for needed in ("ecg_id", "patient_id", "strat_fold", "filename_lr", "filename_hr"):
            if needed not in columns:
                fail(3, "%s has no column %s; it is not PTB-XL's table" % (table, needed))
        rows = list(reader)
    train = [r for r in rows if r["strat_fold"].strip() in {str(k) for k in range(1, 9)}]
    validation = [r for r in rows if r["strat_fold"].strip() == "9"]
    if not train or not validation:
        fail(3, "%s needs rows in folds 1-8 and in fold 9 (it has %d and %d)" % (table, len(train), len(validation)))

    tmp = a.out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    shutil.copyfile(os.path.join(a.src, "scp_statements.csv"), os.path.join(tmp, "scp_statements.csv"))
    out_rows = []
    plan = [(train[k % len(train)]) for k in range(a.train)] + [validation[k % len(validation)] for k in range(a.validation)]
    for k, row in enumerate(plan):
        ecg_id = k + 1
        old = row["filename_lr"].strip()
        name = "%05d_lr" % ecg_id
        rel = "records100/%05d/%s" % (ecg_id // 1000 * 1000, name)
        os.makedirs(os.path.join(tmp, os.path.dirname(rel)), exist_ok=True)
        old_name = os.path.basename(old)
        with open(os.path.join(a.src, old + ".hea"), encoding="ascii") as f:
            header = f.read()
        dat = None
        lines = []
        for line in header.splitlines():
            fields = line.split(" ")
            if fields and fields[0] == old_name:
                fields[0] = name
            elif fields and fields[0].startswith(old_name + "."):
                dat = fields[0]
                fields[0] = name + fields[0][len(old_name):]
            lines.append(" ".join(fields))
        if dat is None:
            fail(3, "%s.hea names no signal file %s.*" % (os.path.join(a.src, old), old_name))
        with open(os.path.join(tmp, rel + ".hea"), "w", encoding="ascii") as f:
            f.write("\n".join(lines) + "\n")
        link_or_copy(os.path.join(a.src, os.path.dirname(old), dat),
                     os.path.join(tmp, os.path.dirname(rel), name + dat[len(old_name):]))
        new = dict(row)
        new["ecg_id"] = str(ecg_id)
        new["patient_id"] = "%d.0" % (900000 + ecg_id)
        new["filename_lr"] = rel
        new["filename_hr"] = "records500/%05d/%05d_hr" % (ecg_id // 1000 * 1000, ecg_id)
        out_rows.append(new)
    with open(os.path.join(tmp, "ptbxl_database.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(out_rows)
    os.rename(tmp, a.out)
    print("tile-ptbxl.py: wrote %s: %d training records (folds 1-8), %d validation records (fold 9), from %d and %d of %s"
          % (a.out, a.train, a.validation, len(train), len(validation), a.src))


if __name__ == "__main__":
    main(sys.argv[1:])
