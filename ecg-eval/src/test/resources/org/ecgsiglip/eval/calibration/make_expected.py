#!/usr/bin/python3
"""Writes the reference values that ecg-eval's calibration tests compare against.

Run with Debian's interpreter (python3-sklearn 1.2.1, numpy 1.24, scipy 1.10):
    /usr/bin/python3 make_expected.py
It (re)creates, beside this script, one folder per fixture holding scores.csv, truth.csv and
expected.json. The Java tests only read these files.

reliability/ and small/: per finding and pooled over every (record, finding) pair,
  * brier      = sklearn.metrics.brier_score_loss(y, p);
  * prob_true, prob_pred = sklearn.calibration.calibration_curve(y, p, n_bins, strategy) for
    strategy 'uniform' and 'quantile', 10 and 15 bins (empty bins are dropped, as sklearn does);
  * edges      = the bin edges sklearn uses: np.linspace(0, 1, n + 1), or
                 np.percentile(p, np.linspace(0, 1, n + 1) * 100);
  * counts, bins, ece, mce: an independent computation with explicit masks, bin i holding
    e_i < p <= e_(i+1) (the first bin also everything below, the last everything above), which
    must reproduce sklearn's prob_true/prob_pred (asserted here). ECE = sum_b n_b/N |obs_b - mean_b|,
    MCE = max_b |obs_b - mean_b|, over the non-empty bins.
  * macro values are plain means over the findings, findings without positives included.
  The 'small' fixture has 31 records, so that (n - 1) * q is an integer at every quantile edge
  and edges fall on data values.

platt/: logits l = log(p) - log1p(-p) of the written probabilities; per finding the maximum
  likelihood fit of y ~ Bernoulli(sigmoid(a l + b)) by scipy.optimize (trust-exact, then root on
  the score equations, exact gradient and Hessian), checked against sklearn LogisticRegression(penalty=None) to 1e-6.
  A separable finding is fitted to Platt's smoothed targets (N+ + 1)/(N+ + 2) and 1/(N- + 2)
  instead; a finding without positives keeps the identity; a constant score keeps a = 1 and
  takes b = logit(rate) - l. 'shared' is the same fit pooled over every (record, finding) pair.
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize, root
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
BINNINGS = [("uniform", 10), ("uniform", 15), ("quantile", 10), ("quantile", 15)]


def write_csv(path, ids, codes, matrix, fmt):
    with open(path, "w") as f:
        f.write("record_id," + ",".join(codes) + "\n")
        for rid, row in zip(ids, matrix):
            f.write(rid + "," + ",".join(fmt(v) for v in row) + "\n")


def write_fixture(name, codes, Y, S):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    ids = ["r%03d" % i for i in range(Y.shape[0])]
    write_csv(os.path.join(d, "scores.csv"), ids, codes, S, lambda v: repr(float(v)))
    write_csv(os.path.join(d, "truth.csv"), ids, codes, Y, lambda v: str(int(v)))
    # read back exactly what Java reads
    return d, np.array([[float(v) for v in line.split(",")[1:]]
                        for line in open(os.path.join(d, "scores.csv")).read().splitlines()[1:]])


def edges(p, strategy, n):
    if strategy == "uniform":
        return np.linspace(0.0, 1.0, n + 1)
    return np.percentile(p, np.linspace(0, 1, n + 1) * 100)


def curve(y, p, strategy, n):
    e = edges(p, strategy, n)
    counts, sums, trues, ids = [], [], [], []
    for i in range(n):
        mask = np.ones(len(p), dtype=bool)
        if i > 0:
            mask &= p > e[i]
        if i < n - 1:
            mask &= p <= e[i + 1]
        if mask.sum() > 0:
            ids.append(i)
            counts.append(int(mask.sum()))
            sums.append(float(p[mask].mean()))
            trues.append(float(y[mask].mean()))
    assert sum(counts) == len(p)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n, strategy=strategy)
    assert len(prob_true) == len(ids), (strategy, n, len(prob_true), len(ids))
    assert np.allclose(prob_true, trues, rtol=0, atol=1e-12) and np.allclose(prob_pred, sums, rtol=0, atol=1e-12)
    gaps = np.abs(np.array(trues) - np.array(sums))
    return dict(edges=e.tolist(), bins=ids, counts=counts, prob_true=prob_true.tolist(),
                prob_pred=prob_pred.tolist(), ece=float(np.sum(np.array(counts) / len(p) * gaps)),
                mce=float(gaps.max()))


def calibration_fixture(name, codes, Y, S):
    d, S = write_fixture(name, codes, Y, S)
    out = dict(codes=codes, sklearn=sklearn.__version__, numpy=np.__version__)
    out["brier"] = [float(brier_score_loss(Y[:, k], S[:, k])) for k in range(len(codes))]
    out["mean_predicted"] = [float(S[:, k].mean()) for k in range(len(codes))]
    out["pooled_brier"] = float(brier_score_loss(Y.ravel(), S.ravel()))
    out["macro_brier"] = float(np.mean(out["brier"]))
    out["binnings"] = {}
    for strategy, n in BINNINGS:
        per = [curve(Y[:, k], S[:, k], strategy, n) for k in range(len(codes))]
        out["binnings"]["%s_%d" % (strategy, n)] = dict(
            findings=per, pooled=curve(Y.ravel(), S.ravel(), strategy, n),
            macro_ece=float(np.mean([c["ece"] for c in per])))
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(out, f, indent=1)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def nll(theta, x, t):
    z = theta[0] * x + theta[1]
    return float(np.sum(np.logaddexp(0, z) - t * z))


def grad(theta, x, t):
    r = sigmoid(theta[0] * x + theta[1]) - t
    return np.array([np.sum(r * x), np.sum(r)])


def hess(theta, x, t):
    p = sigmoid(theta[0] * x + theta[1])
    w = p * (1 - p)
    return np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]])


def mle(x, t):
    """Minimises the log loss by scipy (trust-exact), then solves the score equations from there."""
    start = minimize(nll, np.array([1.0, 0.0]), args=(x, t), jac=grad, hess=hess, method="trust-exact",
                     options=dict(gtol=1e-8, maxiter=1000)).x
    r = root(grad, start, args=(x, t), jac=hess, method="hybr", tol=1e-14)
    assert np.abs(grad(r.x, x, t)).max() < 1e-8 * len(x), grad(r.x, x, t)
    return r.x


def fit(x, y):
    """The rule the Java code states, returning (a, b, status)."""
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if pos == 0:
        return 1.0, 0.0, "NO_POSITIVES"
    if neg == 0:
        return 1.0, 0.0, "NO_NEGATIVES"
    if x.min() == x.max():
        rate = pos / len(y)
        return 1.0, float(np.log(rate / (1 - rate)) - x[0]), "CONSTANT_SCORES"
    if x[y == 1].min() >= x[y == 0].max() or x[y == 1].max() <= x[y == 0].min():
        t = np.where(y == 1, (pos + 1.0) / (pos + 2.0), 1.0 / (neg + 2.0))
        a, b = mle(x, t)
        return float(a), float(b), "SEPARABLE_SMOOTHED"
    a, b = mle(x, y.astype(float))
    lr = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-12, max_iter=10000).fit(x[:, None], y)
    assert abs(lr.coef_[0, 0] - a) < 1e-6 and abs(lr.intercept_[0] - b) < 1e-6, (a, b, lr.coef_, lr.intercept_)
    return float(a), float(b), "FITTED"


def platt_fixture():
    rng = np.random.default_rng(20240611)
    n = 500
    codes = ["OVER", "UNDER", "CALIB", "RARE", "SEP", "NOPOS", "CONST"]
    truth_ab = {"OVER": (0.5, -1.0), "UNDER": (2.0, 0.5), "CALIB": (1.0, 0.0), "RARE": (1.2, -3.0)}
    L = rng.normal(0.0, 2.5, size=(n, len(codes)))
    Y = np.zeros((n, len(codes)), dtype=int)
    for k, c in enumerate(codes):
        if c in truth_ab:
            a, b = truth_ab[c]
            Y[:, k] = rng.random(n) < sigmoid(a * L[:, k] + b)
    Y[:, 4] = L[:, 4] > 0.3
    L[:, 6] = np.log(0.2 / 0.8)
    Y[:, 6] = rng.random(n) < 0.3
    d, S = write_fixture("platt", codes, Y, sigmoid(L))
    X = np.log(S) - np.log1p(-S)
    fits = [fit(X[:, k], Y[:, k]) for k in range(len(codes))]
    a, b, status = fit(X.ravel(), Y.ravel())
    out = dict(codes=codes, sklearn=sklearn.__version__, scipy=scipy.__version__,
               generating=dict((c, dict(a=v[0], b=v[1])) for c, v in truth_ab.items()),
               platt=[dict(code=c, a=f[0], b=f[1], status=f[2]) for c, f in zip(codes, fits)],
               shared=dict(a=a, b=b, status=status))
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(out, f, indent=1)


def main():
    rng = np.random.default_rng(20240610)
    n = 300
    codes = ["OVER", "UNDER", "TIES2", "RARE", "NOPOS", "ALLPOS", "CONST", "EDGES"]
    Y = np.zeros((n, len(codes)), dtype=int)
    S = np.zeros((n, len(codes)))
    lat = rng.normal(0, 1.5, size=(n, 4))
    Y[:, 0] = rng.random(n) < sigmoid(lat[:, 0])
    S[:, 0] = sigmoid(2.5 * lat[:, 0])                        # over-confident, continuous
    Y[:, 1] = rng.random(n) < sigmoid(lat[:, 1])
    S[:, 1] = sigmoid(0.4 * lat[:, 1] + 0.3)                  # under-confident, shifted
    Y[:, 2] = rng.random(n) < sigmoid(lat[:, 2])
    S[:, 2] = np.round(sigmoid(1.3 * lat[:, 2]), 2)           # 2 decimals: ties, 0.0, 0.5, 1.0
    Y[:, 3] = rng.random(n) < 0.03
    S[:, 3] = np.round(rng.beta(0.5, 8, size=n), 3)           # rare finding, small scores
    S[:, 4] = rng.random(n) * 0.3                             # no positives
    Y[:, 5] = 1
    S[:, 5] = np.clip(rng.normal(0.8, 0.15, size=n), 0, 1)    # only positives, some exactly 1.0
    Y[:, 6] = rng.random(n) < 0.4
    S[:, 6] = 0.5                                             # one value: every quantile edge equal
    grid = np.concatenate([np.linspace(0, 1, 11), np.linspace(0, 1, 16), np.round(np.arange(11) / 10, 1)])
    S[:, 7] = rng.choice(grid, size=n)                        # exactly on (or next to) the edges
    Y[:, 7] = rng.random(n) < S[:, 7]
    S[0, 2], S[1, 2], S[2, 2] = 0.0, 1.0, 0.5
    calibration_fixture("reliability", codes, Y, S)

    n = 31
    codes = ["A", "B", "C"]
    S = np.round(rng.random((n, 3)), 1)
    Y = (rng.random((n, 3)) < S).astype(int)
    calibration_fixture("small", codes, Y, S)

    platt_fixture()


if __name__ == "__main__":
    main()
