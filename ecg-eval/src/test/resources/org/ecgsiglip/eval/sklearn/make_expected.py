#!/usr/bin/python3
"""Writes the scikit-learn reference values that ecg-eval's tests compare against.

Run with Debian's interpreter (python3-sklearn 1.2.1, numpy 1.24):
    /usr/bin/python3 make_expected.py
It (re)creates, beside this script, one folder per fixture holding scores.csv, truth.csv and one
expected-<variant>.json per evaluation variant. The Java tests only read these files.

Conventions that are ecg-eval's own (scikit-learn has no answer) and are computed here by hand:
  * predicted positive  <=>  score >= threshold;
  * AUROC of a finding with one class only: scikit-learn raises; ecg-eval reports NaN (null here)
    and macro AUROC is the mean over the findings where AUROC is defined;
  * specificity = TN / (TN + FP), computed with sklearn as the recall of the negative class;
  * F1-maximising thresholds: the candidate thresholds are the distinct validation scores,
    F1 = 2TP / (2TP + FP + FN), the highest F1 wins, ties go to the higher threshold, and a
    finding without validation positives keeps the fallback 0.5;
  * "at least one finding per record": a record with no score at or above its threshold gets its
    top-scoring finding (the first in column order among equal scores).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (average_precision_score, multilabel_confusion_matrix,
                             precision_recall_fscore_support, recall_score, roc_auc_score)

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))


def write_csv(path, ids, codes, matrix, fmt):
    with open(path, "w") as f:
        f.write("record_id," + ",".join(codes) + "\n")
        for rid, row in zip(ids, matrix):
            f.write(rid + "," + ",".join(fmt(v) for v in row) + "\n")


def num(x):
    x = float(x)
    return None if np.isnan(x) else x


def metrics(Y, S, thresholds, zd, at_least_one=False):
    P = (S >= np.asarray(thresholds)[None, :]).astype(int)
    if at_least_one:
        for r in range(P.shape[0]):
            if P[r].sum() == 0:
                P[r, int(np.argmax(S[r]))] = 1
    mcm = multilabel_confusion_matrix(Y, P)
    prec, rec, f1, sup = precision_recall_fscore_support(Y, P, average=None, zero_division=zd)
    rows = []
    aurocs, aps = [], []
    for k in range(Y.shape[1]):
        tn, fp, fn, tp = (int(v) for v in mcm[k].ravel())
        spec = recall_score(1 - Y[:, k], 1 - P[:, k], zero_division=zd)
        try:
            auroc = roc_auc_score(Y[:, k], S[:, k])
        except ValueError:
            auroc = float("nan")
        ap = average_precision_score(Y[:, k], S[:, k])
        aurocs.append(auroc)
        aps.append(ap)
        rows.append(dict(support=int(sup[k]), tp=tp, fp=fp, fn=fn, tn=tn, precision=num(prec[k]),
                         recall=num(rec[k]), f1=num(f1[k]), specificity=num(spec),
                         auroc=num(auroc), auprc=num(ap), threshold=float(thresholds[k])))
    avg = {}
    for a in ("micro", "macro", "weighted", "samples"):
        p, r, f, _ = precision_recall_fscore_support(Y, P, average=a, zero_division=zd)
        avg[a + "_precision"], avg[a + "_recall"], avg[a + "_f1"] = num(p), num(r), num(f)
    defined = [v for v in aurocs if not np.isnan(v)]
    avg["macro_auroc"] = num(np.mean(defined)) if defined else None
    if len(defined) == Y.shape[1]:  # where sklearn answers, it must agree with the nan-mean
        assert abs(roc_auc_score(Y, S, average="macro") - avg["macro_auroc"]) < 1e-14
    avg["macro_auprc"] = num(average_precision_score(Y, S, average="macro"))
    return dict(findings=rows, averages=avg, predicted=P.tolist())


def tune(Y, S, fallback=0.5):
    out = []
    for k in range(Y.shape[1]):
        y, s = Y[:, k], S[:, k]
        if y.sum() == 0:
            out.append(fallback)
            continue
        best_t, best_f = None, -1.0
        for t in sorted(set(s.tolist()), reverse=True):
            p = s >= t
            tp = int((p & (y == 1)).sum())
            fp = int((p & (y == 0)).sum())
            fn = int((~p & (y == 1)).sum())
            f = 2.0 * tp / (2.0 * tp + fp + fn)
            if f > best_f:  # strict: among equal F1 the higher threshold, seen first, stays
                best_t, best_f = t, f
        out.append(best_t)
    return out


def fixture(name, codes, Y, S, variants):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    ids = ["r%03d" % i for i in range(Y.shape[0])]
    write_csv(os.path.join(d, "scores.csv"), ids, codes, S, repr)
    write_csv(os.path.join(d, "truth.csv"), ids, codes, Y, lambda v: str(int(v)))
    for vname, (thr, zd, alo) in variants.items():
        m = metrics(Y, S, thr, zd, alo)
        m.update(codes=codes, zero_division=zd, at_least_one=alo,
                 sklearn=sklearn.__version__, numpy=np.__version__)
        with open(os.path.join(d, "expected-%s.json" % vname), "w") as f:
            json.dump(m, f, indent=1)


def correlated(rng, n, k, prevalence, decimals):
    Y = (rng.random((n, k)) < prevalence).astype(int)
    S = np.clip(0.35 * Y + rng.random((n, k)) * 0.65, 0, 1)
    return Y, np.round(S, decimals)


def standard(k):
    return {"zd0": ([0.5] * k, 0, False), "zd1": ([0.5] * k, 1, False)}


def main():
    rng = np.random.default_rng(20240601)

    # basic: small, continuous-ish scores (3 decimals, a few ties).
    Y, S = correlated(rng, 30, 4, np.array([0.3, 0.5, 0.2, 0.6]), 3)
    fixture("basic", ["NORM", "MI", "STTC", "CD"], Y, S, standard(4))

    # edge: no positives; no predicted positives; all-equal scores; heavy ties; neither positives
    # nor predictions; records without any finding or prediction (samples zero division).
    n = 24
    codes = ["NOPOS", "NOPRED", "FLAT", "TIES", "EMPTY", "NORMAL"]
    Y = np.zeros((n, 6), dtype=int)
    S = np.zeros((n, 6))
    S[:, 0] = np.round(rng.random(n), 2)
    Y[:, 1] = rng.random(n) < 0.4
    S[:, 1] = np.round(rng.random(n) * 0.49, 2)
    Y[:, 2] = rng.random(n) < 0.5
    S[:, 2] = 0.3
    Y[:, 3] = rng.random(n) < 0.5
    S[:, 3] = rng.choice([0.2, 0.5, 0.8], size=n)
    S[:, 4] = np.round(rng.random(n) * 0.4, 1)
    Y[:, 5] = rng.random(n) < 0.4
    S[:, 5] = np.round(np.clip(0.4 * Y[:, 5] + rng.random(n) * 0.6, 0, 1), 2)
    quiet = [0, 7, 15]  # no truth and no score at or above 0.5 anywhere in these records
    Y[quiet, :] = 0
    S[quiet, :] = np.minimum(S[quiet, :], 0.25)
    variants = standard(6)
    variants["atleastone"] = ([0.5] * 6, 0, True)
    fixture("edge", codes, Y, S, variants)

    # flat-high: every score exactly 0.5 (all predicted: the threshold is inclusive), a finding
    # present in every record, and an ordinary one.
    n = 16
    Y = np.zeros((n, 3), dtype=int)
    S = np.zeros((n, 3))
    Y[:, 0] = rng.random(n) < 0.5
    S[:, 0] = 0.5
    Y[:, 1] = 1
    S[:, 1] = np.round(rng.random(n), 1)
    Y[:, 2] = rng.random(n) < 0.3
    S[:, 2] = np.round(rng.random(n), 1)
    fixture("flat-high", ["HALF", "ALLPOS", "SOME"], Y, S, standard(3))

    # no positives anywhere: scikit-learn's special case of the weighted average.
    n = 10
    Y = np.zeros((n, 3), dtype=int)
    S = np.round(rng.random((n, 3)), 2)
    fixture("all-negative", ["A", "B", "C"], Y, S, standard(3))
    S = np.round(rng.random((n, 3)) * 0.4, 2)
    fixture("all-negative-quiet", ["A", "B", "C"], Y, S, standard(3))

    # random: larger, 2-decimal scores (many ties); thresholds tuned on a validation twin.
    k = 10
    prev = np.linspace(0.02, 0.6, k)
    codes = ["F%02d" % i for i in range(k)]
    Yv, Sv = correlated(rng, 200, k, prev, 2)
    Y, S = correlated(rng, 200, k, prev, 2)
    tuned = tune(Yv, Sv)
    vd = os.path.join(HERE, "validation")
    os.makedirs(vd, exist_ok=True)
    ids = ["v%03d" % i for i in range(200)]
    write_csv(os.path.join(vd, "scores.csv"), ids, codes, Sv, repr)
    write_csv(os.path.join(vd, "truth.csv"), ids, codes, Yv, lambda v: str(int(v)))
    with open(os.path.join(vd, "expected-thresholds.json"), "w") as f:
        json.dump(dict(codes=codes, thresholds=tuned), f, indent=1)
    variants = standard(k)
    variants["tuned"] = (tuned, 0, False)
    variants["atleastone"] = ([0.5] * k, 0, True)
    fixture("random", codes, Y, S, variants)


if __name__ == "__main__":
    main()
