#!/usr/bin/env python3
"""scikit-learn peer of org.ecgsiglip.bench.EvalBenchmark: the same sizes and the same kind of data
(prevalence 1%..40% over findings, scores leaning towards the truth, float32 ties).

    /usr/bin/python3 bench/eval_peer.py [--resamples 100]

evaluate: per-finding confusion counts, precision, recall, F1 at 0.5, AUROC and AUPRC, and micro,
macro, weighted and sample F1 of 100,000 x 100. bootstrap: the per-finding F1, AUROC, AUPRC and the
averages of --resamples resamples of 2,000 x 71 records (by record), timed and scaled to 1,000.
"""
import argparse
import time

import numpy as np
from sklearn.metrics import (average_precision_score, f1_score, multilabel_confusion_matrix,
                             precision_recall_fscore_support, roc_auc_score)


def data(n, k, seed):
    rng = np.random.default_rng(seed)
    truth_rng = np.random.default_rng(12345)
    prevalence = 0.01 + 0.39 * np.arange(k) / max(1, k - 1)
    t = truth_rng.random((n, k)) < prevalence
    s = np.minimum(1.0, 0.3 * t + 0.7 * rng.random((n, k))).astype(np.float32).astype(np.float64)
    return s, t


def evaluate(s, t):
    pred = s >= 0.5
    multilabel_confusion_matrix(t, pred)
    precision_recall_fscore_support(t, pred, average=None, zero_division=0)
    for avg in ("micro", "macro", "weighted", "samples"):
        f1_score(t, pred, average=avg, zero_division=0)
    roc_auc_score(t, s, average=None)
    average_precision_score(t, s, average=None)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--resamples", type=int, default=100)
    a = p.parse_args()
    s, t = data(100_000, 100, 1)
    evaluate(s[:1000], t[:1000])
    t0 = time.perf_counter()
    evaluate(s, t)
    ms_eval = (time.perf_counter() - t0) * 1000
    s2, t2 = data(2_000, 71, 2)
    rng = np.random.default_rng(42)
    t0 = time.perf_counter()
    evaluate(s2, t2)
    for _ in range(a.resamples):
        idx = rng.integers(0, 2000, 2000)
        evaluate(s2[idx], t2[idx])
    ms_boot = (time.perf_counter() - t0) * 1000 * 1000 / a.resamples
    print(f"RESULT impl=sklearn evaluate100kx100_ms={ms_eval:.0f} bootstrap1000x2000x71_ms={ms_boot:.0f}"
          f" (bootstrap timed on {a.resamples} resamples, scaled to 1000)")


if __name__ == "__main__":
    main()
