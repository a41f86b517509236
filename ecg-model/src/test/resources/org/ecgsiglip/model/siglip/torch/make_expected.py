#!/usr/bin/python3
"""Writes the PyTorch reference values that ecg-model's sigmoid-loss tests compare against.

Run with Debian's interpreter (python3-torch 1.13, numpy 1.24):
    /usr/bin/python3 make_expected.py
It (re)creates expected.json beside this script. The Java tests (SigmoidLossTest,
TorchReferenceTest) only read that file. Everything is computed in float64 from inputs that are
exactly representable in float32, so the Java side (float32) is compared with a relative tolerance.

The loss, as SigmoidLoss's Javadoc defines it: for logits l [n, m] and targets y in [0, 1],
    L = (1/n) * sum_ij [ -y_ij log sigmoid(l_ij) - (1 - y_ij) log sigmoid(-l_ij) ]
computed here with torch's binary_cross_entropy_with_logits (reduction 'sum') divided by n.
For the embedding cases, l_ij = exp(t') <x_i, y_j> + b and the targets come from the finding sets by
the definitions in LabelMatrix's Javadoc, written again here with Python sets:
    paired texts and i == j                 -> 1
    DIAGONAL                                -> 0 off the diagonal
    A = F_i - excluded, B = T_j - excluded
    SHARED_FINDING: 1 if A & B else 0
    EXACT_SET:      1 if A == B and A else 0
    JACCARD:        |A & B| / |A | B|, 0 when the union is empty
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def f32(a):
    """Rounds to float32 and back, so that Java reads exactly the values used here."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def loss_and_grad(logits, targets):
    l = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(targets, dtype=torch.float64)
    loss = F.binary_cross_entropy_with_logits(l, y, reduction="sum") / l.shape[0]
    loss.backward()
    return float(loss), l.grad.numpy().tolist()


def evaluate_cases(rng):
    cases = []
    logits = f32(rng.uniform(-6, 6, size=(3, 4)))
    logits[0, 0], logits[1, 1], logits[2, 3] = 25.0, -30.0, 19.5  # past softplus's linear threshold of 20
    hard = (rng.uniform(size=(3, 4)) < 0.4).astype(np.float64)
    soft = f32(rng.uniform(size=(3, 4)))
    for name, targets in (("hard", hard), ("soft", soft)):
        loss, grad = loss_and_grad(logits, targets)
        cases.append({"name": name, "logits": logits.tolist(), "targets": targets.tolist(),
                      "loss": loss, "grad": grad})
    return cases


def target(matrix, paired, i, j, a_set, b_set, excluded):
    if paired and i == j:
        return 1.0
    if matrix == "DIAGONAL":
        return 0.0
    a = set(a_set) - excluded
    b = set(b_set) - excluded
    if matrix == "SHARED_FINDING":
        return 1.0 if a & b else 0.0
    if matrix == "EXACT_SET":
        return 1.0 if (a == b and a) else 0.0
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def unit_rows(rng, rows, d):
    v = rng.normal(size=(rows, d))
    return f32(v / np.linalg.norm(v, axis=1, keepdims=True))


def embedding_cases(rng):
    n, k, d = 10, 5, 4
    excluded = {0}
    row_sets = []
    for _ in range(n):
        s = [f for f in range(k) if rng.uniform() < (0.75 if f == 0 else 0.3)]
        row_sets.append(s or [int(rng.integers(1, k))])
    x = unit_rows(rng, n, d)
    t_prime = float(f32(np.log(10.0)))
    bias = -1.5
    cases = []
    for strategy in ("REPORT", "SINGLE_FINDING", "ALL_FINDINGS"):
        paired = strategy != "ALL_FINDINGS"
        if strategy == "REPORT":
            col_sets = row_sets
        elif strategy == "SINGLE_FINDING":
            col_sets = [[s[int(rng.integers(len(s)))]] for s in row_sets]
        else:
            col_sets = [[f] for f in range(k)]
        y = unit_rows(rng, len(col_sets), d)
        for matrix in ("DIAGONAL", "SHARED_FINDING", "EXACT_SET", "JACCARD"):
            if matrix == "DIAGONAL" and not paired:
                continue
            tg = np.array([[target(matrix, paired, i, j, row_sets[i], col_sets[j], excluded)
                            for j in range(len(col_sets))] for i in range(n)])
            xt = torch.tensor(x, requires_grad=True)
            yt = torch.tensor(y, requires_grad=True)
            tt = torch.tensor([t_prime], dtype=torch.float64, requires_grad=True)
            bt = torch.tensor([bias], dtype=torch.float64, requires_grad=True)
            logits = torch.exp(tt) * (xt @ yt.T) + bt
            loss = F.binary_cross_entropy_with_logits(logits, torch.tensor(tg), reduction="sum") / n
            loss.backward()
            cases.append({"matrix": matrix, "strategy": strategy, "colSets": col_sets, "y": y.tolist(),
                          "loss": float(loss), "positiveRate": float(tg.mean()),
                          "gx": xt.grad.numpy().tolist(), "gy": yt.grad.numpy().tolist(),
                          "gScale": float(tt.grad[0]), "gBias": float(bt.grad[0])})
    return {"n": n, "k": k, "d": d, "excluded": sorted(excluded), "rowSets": row_sets, "x": x.tolist(),
            "logitScale": t_prime, "logitBias": bias, "cases": cases}


def main():
    rng = np.random.default_rng(20240613)
    out = {"generator": "make_expected.py", "torch": torch.__version__, "numpy": np.__version__,
           "evaluate": evaluate_cases(rng), "embeddings": embedding_cases(rng)}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
