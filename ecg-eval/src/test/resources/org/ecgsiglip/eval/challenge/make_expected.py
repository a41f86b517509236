#!/usr/bin/python3
"""Writes expected.json: PhysioNet/CinC Challenge 2020/2021 scores that ChallengeMetricTest compares to.

Run with Debian's interpreter (numpy 1.24):
    /usr/bin/python3 make_expected.py
A second implementation, written from the metric's definition with numpy only:
  * a class is a set of equivalent SNOMED-CT codes; a record has class j when one of its codes is in
    it (label or output alike); codes of no class are ignored;
  * a record's multi-label confusion matrix adds 1 / max(1, |labels u outputs|) to A[j, k] for
    every labelled class j and every output class k; a classifier scores nansum(W * A) summed over
    records (the repeats of a weighted case repeat the record);
  * correct = the score of outputs equal to the labels, inactive = the score of outputs that are
    sinus rhythm (426783006) alone; normalized = (observed - inactive) / (correct - inactive),
    and 0 when correct == inactive.
Cases: seeded random tables and records (equivalent codes, NaN weights, codes of no class, records
with no scored label, empty outputs), a degenerate case, and outputs over the 2021 weights.csv for
the seven bundled CinC records.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, *[".."] * 8))
FIXTURES = os.path.join(REPO, "data", "fixtures", "cinc2021")
SINUS = "426783006"


def encode(code_sets, classes):
    m = np.zeros((len(code_sets), len(classes)), dtype=bool)
    for i, codes in enumerate(code_sets):
        for j, cls in enumerate(classes):
            m[i, j] = bool(set(codes) & set(cls))
    return m


def raw_score(W, L, O, repeats):
    A = np.zeros(W.shape)
    for i in range(L.shape[0]):
        union = np.sum(L[i] | O[i])
        A += repeats[i] * np.outer(L[i], O[i]).astype(float) / max(1, union)
    return float(np.nansum(W * A))


def challenge(classes, W, labels, outputs, repeats=None):
    L = encode(labels, classes)
    O = encode(outputs, classes)
    repeats = np.ones(len(labels)) if repeats is None else np.asarray(repeats, dtype=float)
    sinus = next(j for j, c in enumerate(classes) if SINUS in c)
    inactive_outputs = np.zeros_like(L)
    inactive_outputs[:, sinus] = True
    observed = raw_score(W, L, O, repeats)
    correct = raw_score(W, L, L, repeats)
    inactive = raw_score(W, L, inactive_outputs, repeats)
    normalized = (observed - inactive) / (correct - inactive) if correct != inactive else 0.0
    return dict(observed=observed, correct=correct, inactive=inactive, normalized=normalized,
                without_label=int(np.sum(~L.any(axis=1))))


def read_weights(path):
    with open(path) as f:
        rows = [[c.strip() for c in line.split(",")] for line in f if line.strip()]
    classes = [c.split("|") for c in rows[0][1:]]
    W = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
    return classes, W


def random_case(rng, name):
    k = int(rng.integers(3, 9))
    classes = []
    used = {SINUS}
    for j in range(k):
        size = int(rng.choice([1, 1, 1, 2, 3]))
        cls = []
        while len(cls) < size:
            c = str(int(rng.integers(10_000, 99_999_999)))
            if c not in used:
                used.add(c)
                cls.append(c)
        classes.append(cls)
    sinus = int(rng.integers(0, k))
    classes[sinus][min(len(classes[sinus]) - 1, int(rng.integers(0, 2)))] = SINUS
    W = rng.uniform(0, 1, (k, k)).round(4)
    np.fill_diagonal(W, 1.0)
    W[rng.uniform(size=(k, k)) < 0.1] = np.nan
    codes = [c for cls in classes for c in cls]
    unscored = [str(int(rng.integers(100, 9_999))) for _ in range(3)]
    n = int(rng.integers(2, 60))

    def draw(p_none):
        if rng.uniform() < p_none:
            return list(rng.choice(unscored, size=int(rng.integers(0, 3)), replace=False))
        m = int(rng.integers(1, 4))
        picked = list(rng.choice(codes, size=min(m, len(codes)), replace=False))
        if rng.uniform() < 0.3:
            picked.append(str(rng.choice(unscored)))
        return picked

    labels = [draw(0.1) for _ in range(n)]
    outputs = [draw(0.15) for _ in range(n)]
    repeats = [int(x) for x in rng.integers(0, 4, size=n)]
    return dict(name=name, classes=classes, weights=W, labels=labels, outputs=outputs, repeats=repeats)


def fixture_case(rng):
    classes, W = read_weights(os.path.join(FIXTURES, "weights.csv"))
    ids, labels = [], []
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith(".hea"):
            with open(os.path.join(FIXTURES, name)) as f:
                dx = next(l for l in f if l.startswith("#Dx")).split(":", 1)[1]
            ids.append(name[:-4])
            labels.append([x.strip() for x in dx.split(",") if x.strip()])
    codes = [c for cls in classes for c in cls] + ["55930002", "164873001", "251238007"]
    outputs = [list(rng.choice(codes, size=int(rng.integers(0, 5)), replace=False)) for _ in ids]
    return dict(name="cinc2021-fixtures", ids=ids, classes=classes, weights=W, labels=labels, outputs=outputs,
                repeats=[int(x) for x in rng.integers(0, 4, size=len(ids))])


def main():
    rng = np.random.default_rng(20210)
    cases = [random_case(rng, f"random-{i}") for i in range(30)]
    cases.append(dict(name="only-sinus-rhythm", classes=[["1"], [SINUS], ["3", "33"]],
                      weights=np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.25], [0.0, 0.25, 1.0]]),
                      labels=[[SINUS], [SINUS, "999"]], outputs=[["1"], []], repeats=[2, 1]))
    cases.append(fixture_case(rng))
    out = []
    for c in cases:
        ids = c.get("ids") or [f"r{i}" for i in range(len(c["labels"]))]
        labels = [[str(x) for x in l] for l in c["labels"]]
        outputs = [[str(x) for x in o] for o in c["outputs"]]
        W = np.asarray(c["weights"], dtype=float)
        out.append(dict(
            name=c["name"], classes=c["classes"],
            weights=[[None if np.isnan(x) else float(x) for x in row] for row in W],
            ids=ids, labels=labels, outputs=outputs, repeats=c["repeats"],
            expected=challenge(c["classes"], W, labels, outputs),
            expected_repeated=challenge(c["classes"], W, labels, outputs, c["repeats"])))
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(dict(generator="make_expected.py", numpy=np.__version__, cases=out), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
