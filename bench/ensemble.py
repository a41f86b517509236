#!/usr/bin/env python3
"""Scores the mean-probability ensemble of several run folders on their common validation records.

    /usr/bin/python3 bench/ensemble.py runs/A runs/B [runs/C ...]

Each run's validation/scores.csv is read (bench/recompute.py's reader), the runs must have the same
findings and validation records with the same truth; the ensemble's probability of a finding is the
mean of the runs' probabilities. Prints each run's and the ensemble's macro-AUROC (findings with both
classes) and macro-F1 at p > 0.5, with scikit-learn. A measurement, not a toolkit feature: the toolkit
predicts with one model folder.
"""
import os
import sys

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recompute import validation  # noqa: E402


def figures(scores, truth):
    both = [j for j in range(truth.shape[1]) if 0 < truth[:, j].sum() < len(truth)]
    auroc = np.mean([roc_auc_score(truth[:, j], scores[:, j]) for j in both])
    f1 = np.mean([f1_score(truth[:, j], scores[:, j] > 0.5, zero_division=0) for j in range(truth.shape[1])])
    return auroc, f1


def main(runs):
    first_findings, _, first_truth, first_ids = validation(runs[0])
    members = []
    for run in runs:
        findings, scores, truth, ids = validation(run)
        if findings != first_findings or ids != first_ids or not np.array_equal(truth, first_truth):
            raise SystemExit(f'{run}: findings, validation records or truth differ from {runs[0]}')
        members.append(scores)
        print('%s: macro-AUROC %.4f, macro-F1 at 0.5 %.4f' % ((run,) + figures(scores, truth)))
    print('mean of %d: macro-AUROC %.4f, macro-F1 at 0.5 %.4f'
          % ((len(runs),) + figures(np.mean(members, axis=0), first_truth)))


if __name__ == '__main__':
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
