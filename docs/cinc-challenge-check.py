"""A second computation of the PhysioNet/CinC Challenge score of an `ecg test` folder, from the metric's
definition with numpy (nothing of the toolkit): python3 docs/cinc-challenge-check.py weights.csv
scores.csv truth.csv. Outputs are the scores at or above 0.5; each record adds
sum(W[labels, outputs]) / max(1, |labels | outputs|); the inactive classifier outputs sinus rhythm only."""
import csv, sys
import numpy as np

def table(path):
    rows = list(csv.reader(open(path)))
    return rows[0][1:], [r[0] for r in rows[1:]], np.array([[float(x) for x in r[1:]] for r in rows[1:]])

w_rows = list(csv.reader(open(sys.argv[1])))
classes = [c.split('|') for c in w_rows[0][1:]]
W = np.array([[float(x) for x in r[1:]] for r in w_rows[1:]])
codes, ids, s = table(sys.argv[2])
tcodes, tids, t = table(sys.argv[3])
assert codes == tcodes and ids == tids
col = {c: next((j for j, cl in enumerate(classes) if c in cl), None) for c in codes}
L = np.zeros((len(ids), len(classes)), bool)
O = np.zeros_like(L)
for k, c in enumerate(codes):
    if col[c] is not None:
        L[:, col[c]] |= t[:, k] == 1
        O[:, col[c]] |= s[:, k] >= 0.5
sr = np.zeros_like(L); sr[:, [j for j, cl in enumerate(classes) if '426783006' in cl][0]] = True
def total(l, o):
    n = np.maximum(1, (l | o).sum(1))
    return sum(W[np.ix_(l[i], o[i])].sum() / n[i] for i in range(len(l)))
obs, cor, ina = total(L, O), total(L, L), total(L, sr)
print(f"observed {obs:.4f}, correct {cor:.4f}, inactive {ina:.4f}, normalised {(obs - ina) / (cor - ina):.10f}")
