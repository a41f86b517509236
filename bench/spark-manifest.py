#!/usr/bin/env python3
"""Writes a benchmark manifest of N distinct records for bench/spark-score.sh.

The records of a PTB-XL root (ptbxl_database.csv: filename_lr, or filename_hr with RATE 500) are
repeated until there are N (the last repetition cut short):
repetition r of record NAME is OUT/rR/NAME-DIR/rR_NAME.hea, a copy of the header whose record name
is rR_NAME (so every record id is distinct, as `ecg predict` requires), next to a symbolic link
NAME.dat to the original signal file (the header still names NAME.dat). Prints the list's path.

    spark-manifest.py PTBXL_ROOT N OUT_DIR [RATE]
"""
import csv
import os
import sys


def main():
    root, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    column = "filename_hr" if len(sys.argv) > 4 and sys.argv[4] == "500" else "filename_lr"
    with open(os.path.join(root, "ptbxl_database.csv"), newline="") as f:
        # a subset may hold only some of the table's files (the shared subset has 88 at 500 Hz)
        names = [row[column] for row in csv.DictReader(f) if os.path.isfile(os.path.join(root, row[column] + ".hea"))]
    reps = -(-n // len(names))
    lines = []
    for r in range(reps):
        for rel in names[:n - r * len(names)]:
            src = os.path.join(root, rel)
            folder = os.path.join(out, "r%d" % r, os.path.dirname(rel))
            os.makedirs(folder, exist_ok=True)
            base = os.path.basename(rel)
            with open(src + ".hea") as f:
                header = f.read().split("\n")
            first = header[0].split(" ")
            first[0] = "r%d_%s" % (r, base)
            header[0] = " ".join(first)
            dst = os.path.join(folder, first[0])
            with open(dst + ".hea", "w") as f:
                f.write("\n".join(header))
            link = os.path.join(folder, base + ".dat")
            if not os.path.lexists(link):
                os.symlink(os.path.abspath(src + ".dat"), link)
            lines.append(dst)
    listing = os.path.join(out, "list.txt")
    with open(listing, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(listing)


if __name__ == "__main__":
    main()
