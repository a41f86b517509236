#!/usr/bin/env python3
"""Recomputes a run folder's validation figures with scikit-learn, independently of the toolkit.

    /usr/bin/python3 bench/recompute.py runs/X [runs/Y ...]

For each run folder: the epoch kept (metrics.jsonl), macro-AUROC (mean of roc_auc_score over the
findings with both classes in the validation records), macro-F1 at p > 0.5 and at the run's tuned
thresholds (thresholds.json, p >= t as the toolkit applies them), and, for at most six findings, each
finding's AUROC. Reads only validation/scores.csv, validation/truth.csv, thresholds.json and
metrics.jsonl; records are matched by their id (the first column).
"""
import csv
import json
import os
import sys

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score


def table(path):
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def validation(run):
    """(findings, scores, truth) of a run's validation files, rows in truth.csv's order."""
    score_header, score_rows = table(os.path.join(run, 'validation', 'scores.csv'))
    truth_header, truth_rows = table(os.path.join(run, 'validation', 'truth.csv'))
    findings = truth_header[1:]
    missing = [c for c in findings if c not in score_header]
    if missing:
        raise SystemExit(f'{run}: validation/scores.csv has no column for {missing}')
    by_id = {row[0]: row for row in score_rows}
    scores = np.array([[float(by_id[row[0]][score_header.index(c)]) for c in findings] for row in truth_rows])
    truth = np.array([[int(float(v)) for v in row[1:]] for row in truth_rows])
    return findings, scores, truth, [row[0] for row in truth_rows]


def recompute(run):
    findings, scores, truth, _ = validation(run)
    thresholds_file = os.path.join(run, 'thresholds.json')
    tuned = json.load(open(thresholds_file))['thresholds'] if os.path.exists(thresholds_file) else {}
    auroc, f1_half, f1_tuned = {}, [], []
    for j, code in enumerate(findings):
        if 0 < truth[:, j].sum() < len(truth):
            auroc[code] = roc_auc_score(truth[:, j], scores[:, j])
        f1_half.append(f1_score(truth[:, j], scores[:, j] > 0.5, zero_division=0))
        f1_tuned.append(f1_score(truth[:, j], scores[:, j] >= tuned.get(code, 0.5), zero_division=0))
    kept = None
    with open(os.path.join(run, 'metrics.jsonl')) as f:
        for line in f:
            m = json.loads(line)
            if m.get('best'):
                kept = m['epoch']
    per = ' '.join(f'{c} {v:.3f}' for c, v in auroc.items()) if len(auroc) <= 6 else ''
    print(f'{run}: {len(truth)} records, {len(findings)} findings ({len(auroc)} with both classes), '
          f'epoch kept {kept}, macro-AUROC {np.mean(list(auroc.values())):.4f}, '
          f'macro-F1 at 0.5 {np.mean(f1_half):.4f}, at tuned thresholds {np.mean(f1_tuned):.4f}  {per}')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for run_dir in sys.argv[1:]:
        recompute(run_dir)
