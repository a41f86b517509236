"""Reading PTB-XL for the PyTorch reference (bench/reference/train_reference.py) with the standard
library and numpy only: no wfdb, no pandas.

- Labels at the benchmark's superdiagnostic level: every key of a record's scp_codes counts, whatever
  its likelihood (0.0 included); a key whose scp_statements.csv row has diagnostic == 1 gives that
  row's diagnostic_class; duplicates collapse; a record with an empty set is dropped. This is the
  rule of the toolkit's LabelLevel.SUPERDIAGNOSTIC (and of the benchmark's
  compute_label_aggregations / select_data); bench/reference/check_labels.py compares the counts.
- Signals: records100/.../NNNNN_lr.hea + .dat, WFDB format 16 (int16 little-endian, samples of the
  leads interleaved), physical = (digital - baseline) / gain in mV, read with numpy.fromfile.
"""
import ast
import csv
import os
import re

import numpy as np

SUPERDIAGNOSTIC = ("CD", "HYP", "MI", "NORM", "STTC")  # sorted, as the toolkit's frozen vocabulary


class PtbXlError(Exception):
    """A PTB-XL file that cannot be read: the message names the file, the field and the fix."""


def _csv_rows(path):
    if not os.path.isfile(path):
        raise PtbXlError(f"{path}: not found; pass --ptbxl the PTB-XL root that holds ptbxl_database.csv, "
                         "scp_statements.csv and records100/")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_statements(root):
    """scp_statements.csv: code -> diagnostic_class for the rows with diagnostic == 1 (and a class)."""
    path = os.path.join(root, "scp_statements.csv")
    out = {}
    known = set()
    for line, row in enumerate(_csv_rows(path), start=2):
        code = (row.get("") or row.get("Unnamed: 0") or "").strip()
        if not code:
            raise PtbXlError(f"{path} line {line}: the first (unnamed) column, the SCP code, is empty; "
                             "restore the original scp_statements.csv")
        known.add(code)
        diag = (row.get("diagnostic") or "").strip()
        if diag and float(diag) == 1.0:
            cls = (row.get("diagnostic_class") or "").strip()
            if cls:
                out[code] = cls
    return out, known


def superdiagnostic_labels(scp_codes, diagnostic_class, known, where):
    """The superdiagnostic set of one record's scp_codes dict (keys only; likelihoods ignored)."""
    labels = set()
    for code in scp_codes:
        if code not in known:
            raise PtbXlError(f"{where}: unknown SCP code '{code}'; known codes are listed in scp_statements.csv")
        if code in diagnostic_class:
            labels.add(diagnostic_class[code])
    return labels


def read_database(root, folds=None):
    """The records of ptbxl_database.csv with a non-empty superdiagnostic set, in ecg_id order.

    Returns a list of dicts: ecg_id, fold, labels (sorted tuple), filename (filename_lr), and a dict
    of counts: rows, dropped_empty. `folds` (a set of ints) keeps only those strat_fold values.
    """
    diagnostic_class, known = read_statements(root)
    path = os.path.join(root, "ptbxl_database.csv")
    records = []
    rows = _csv_rows(path)
    dropped = 0
    for line, row in enumerate(rows, start=2):
        where = f"{path} line {line} (ecg_id {row.get('ecg_id')})"
        try:
            codes = ast.literal_eval(row["scp_codes"])
            fold = int(row["strat_fold"])
            ecg_id = int(float(row["ecg_id"]))
        except (KeyError, ValueError, SyntaxError) as e:
            raise PtbXlError(f"{where}: scp_codes, strat_fold or ecg_id unreadable ({e}); "
                             "restore the original ptbxl_database.csv") from e
        if not isinstance(codes, dict):
            raise PtbXlError(f"{where}: scp_codes is not a dict literal")
        labels = superdiagnostic_labels(codes, diagnostic_class, known, where)
        if not labels:
            dropped += 1
            continue
        if folds is not None and fold not in folds:
            continue
        records.append({"ecg_id": ecg_id, "fold": fold, "labels": tuple(sorted(labels)),
                        "filename": row["filename_lr"]})
    records.sort(key=lambda r: r["ecg_id"])
    return records, {"rows": len(rows), "dropped_empty": dropped}


_GAIN = re.compile(r"^([-+0-9.eE]+)(?:\(([-+0-9]+)\))?(?:/.*)?$")


def read_header(hea_path):
    """(dat file name, leads, samples, gains, baselines) of a WFDB header in format 16."""
    try:
        with open(hea_path, encoding="ascii") as f:
            lines = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    except FileNotFoundError as e:
        raise PtbXlError(f"{hea_path}: not found; the record's filename_lr must point into records100/") from e
    head = lines[0].split()
    leads, samples = int(head[1]), int(head[3])
    dat, gains, baselines = None, [], []
    for k, ln in enumerate(lines[1:1 + leads]):
        f = ln.split()
        if f[1] != "16":
            raise PtbXlError(f"{hea_path} signal {k}: format {f[1]}, only WFDB format 16 is read here")
        dat = f[0]
        m = _GAIN.match(f[2])
        if not m:
            raise PtbXlError(f"{hea_path} signal {k}: gain field '{f[2]}' unreadable")
        gain = float(m.group(1)) or 200.0  # WFDB: a gain of 0 means the default 200
        adc_zero = int(f[4]) if len(f) > 4 else 0
        baseline = int(m.group(2)) if m.group(2) is not None else adc_zero  # WFDB: baseline defaults to adc zero
        gains.append(gain)
        baselines.append(baseline)
    if len(gains) != leads:
        raise PtbXlError(f"{hea_path}: {leads} signals announced, {len(gains)} signal lines")
    return dat, leads, samples, np.array(gains), np.array(baselines)


def read_signal(root, filename):
    """One record as float32 [leads, samples] in physical units (mV)."""
    hea = os.path.join(root, filename + ".hea")
    dat, leads, samples, gains, baselines = read_header(hea)
    dat_path = os.path.join(os.path.dirname(hea), dat)
    raw = np.fromfile(dat_path, dtype="<i2")
    if raw.size != leads * samples:
        raise PtbXlError(f"{dat_path}: {raw.size} int16 values, the header announces {leads} x {samples}; "
                         "the file is truncated or not format 16")
    x = (raw.reshape(samples, leads).astype(np.float64) - baselines) / gains
    return np.ascontiguousarray(x.T, dtype=np.float32)


def check_record(root, filename):
    """The header's per-signal initial value and 16-bit checksum against the .dat as read here: a check
    of the byte order, the interleaving and the sample count independent of the gain. Returns the
    number of signals checked; raises PtbXlError on a mismatch."""
    hea = os.path.join(root, filename + ".hea")
    with open(hea, encoding="ascii") as f:
        lines = [ln.split() for ln in f if ln.strip() and not ln.startswith("#")]
    leads, samples = int(lines[0][1]), int(lines[0][3])
    raw = np.fromfile(os.path.join(os.path.dirname(hea), lines[1][0]), dtype="<i2").reshape(samples, leads)
    for k, f in enumerate(lines[1:1 + leads]):
        initial, checksum = int(f[5]), int(f[6])
        got = int(raw[:, k].astype(np.int64).sum()) % 65536
        if raw[0, k] != initial or got != checksum % 65536:
            raise PtbXlError(f"{hea} signal {k}: first sample {raw[0, k]} / checksum {got}, the header says "
                             f"{initial} / {checksum}")
    return leads


def load_signals(root, records, leads=12, samples=1000):
    """Every record's signal stacked into float32 [n, leads, samples]."""
    out = np.empty((len(records), leads, samples), dtype=np.float32)
    for i, r in enumerate(records):
        x = read_signal(root, r["filename"])
        if x.shape != (leads, samples):
            raise PtbXlError(f"{root}/{r['filename']}: shape {x.shape}, expected ({leads}, {samples}); "
                             "use the 100 Hz records100 tree")
        out[i] = x
    return out


def multi_hot(records, vocabulary=SUPERDIAGNOSTIC):
    index = {f: k for k, f in enumerate(vocabulary)}
    y = np.zeros((len(records), len(vocabulary)), dtype=np.float32)
    for i, r in enumerate(records):
        for f in r["labels"]:
            y[i, index[f]] = 1.0
    return y
