#!/usr/bin/env python3
"""PyTorch reference of the toolkit's SigLIP training on PTB-XL (superdiagnostic), the peer of
`ecg train` for the parity measurement of issue 11.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/reference/train_reference.py \
        --ptbxl /work/data/ptbxl-full --train-folds 1-8 --val-fold 9 --text report \
        --threads 2 --seed 42 --out runs/reference-report.json

Design (docs/reference-peer.md):
- Data: ptbxl.py in this folder; every scp_codes key counts (likelihood ignored), superdiagnostic
  classes of the diagnostic statements, records with no class dropped; findings CD HYP MI NORM STTC.
- Preprocessing: each lead standardised with the mean and population sd of that lead over every
  sample of the training folds (--standardize dataset, the default), or each lead of each record on
  its own (--standardize record). No filter, no augmentation.
- Model: the signal encoder of bench/train_peer.py (ResNet1d, width 64, 3 blocks, concat pooling)
  with the head BN-dropout(0.25)-linear(128->128)-ReLU-BN-dropout(0.5)-linear(128->128)
  (--head mlp) or train_peer.py's single linear (--head linear); train_peer.py's TextEncoder
  (hidden 256 -> 128) on the text input.
- Text input. The toolkit encodes finding TEXTS (a report: the sample's findings' texts joined)
  with word and hashed character n-gram features. At a fixed vocabulary a report text is a function
  of the sample's finding set, so the multi-hot vector of that set over the vocabulary carries the
  same information and is the text input here: --text report gives each sample its finding set;
  --text all-findings makes every vocabulary finding a column (its one-hot), with the sample's
  multi-hot as the target of its n x K logits. What differs is only the text encoder's first layer
  (features of n-grams against one weight per finding), not what it can distinguish.
- Loss: SigLIP pairwise sigmoid, logits = exp(t') <x, y> + b with t' = log 10 and b = -10 at the
  start (--bias-init), loss = sum(softplus(logits) - target * logits) / n. Report texts: target[i][j]
  = 1 where samples i and j share a finding (the diagonal 1): the collision-aware label matrix;
  --label-matrix diagonal uses the identity.
- Training: AdamW lr 1e-3, weight decay 0.01 on the parameters of dim >= 2 only (none on biases,
  batch norm, t, b), constant schedule, no gradient clipping, batch 128, 30 epochs, the training
  indices shuffled every epoch by a torch.Generator seeded with --seed; torch.manual_seed(--seed)
  for the initialisation and dropout. The last partial batch of an epoch is DROPPED (drop_last=True),
  as the toolkit's EpochPlan drops it; --keep-last-batch keeps it.
- Validation after every epoch on --val-fold, model in eval mode: the probability of finding k is
  sigmoid(exp(t') <x, y_k> + b) with y_k the text embedding of the single-finding text of k (its
  one-hot), as the toolkit scores a finding, for both text modes. Macro-AUROC = mean over findings of
  sklearn's roc_auc_score (over the findings that have both classes in the fold; the count is
  printed); macro-F1 at 0.5 = mean of sklearn's f1_score (zero_division=0). The epoch of best
  validation macro-AUROC is kept (its weights and batch-norm statistics; the first epoch wins a tie,
  an undefined AUROC ranks below every defined one) and reported.
- Threads: torch.set_num_threads(--threads, default 2). Set OMP_WAIT_POLICY=PASSIVE in the
  environment (OpenMP threads then sleep instead of spinning between operators, which on a shared
  2-core machine otherwise steals the cores of the other process).

Prints one line per epoch and at the end
    RESULT best_epoch=.. val_macro_auroc=.. val_macro_f1=.. per_finding_auroc=CD:..,HYP:..,...
and writes --out FILE (JSON: config, per-epoch history, torch version, seed, the best epoch's
per-finding AUROC and F1).

Self-check on the bundled sample (< 1 minute):
    OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/reference/train_reference.py \
        --self-check
"""
import argparse
import copy
import json
import math
import os
import platform
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import f1_score, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))  # bench/, for train_peer.py's model classes

import ptbxl  # noqa: E402
from train_peer import ResNet1d, TextEncoder  # noqa: E402

SAMPLE_ROOT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "data", "ptb-xl-sample")


def folds_arg(text):
    """'1-8' or '1,2,3' or '1-3,5' -> sorted list of ints."""
    out = set()
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(range(int(lo), int(hi) + 1))
        elif part:
            out.add(int(part))
    if not out:
        raise argparse.ArgumentTypeError(f"no fold in '{text}'; write e.g. 1-8")
    return sorted(out)


class SignalEncoder(ResNet1d):
    """train_peer.py's ResNet1d with its final linear replaced by the reference head when head=mlp."""

    def __init__(self, head="mlp", width=64, blocks=3, d=128, hidden=128, dropout=0.5):
        super().__init__(leads=12, width=width, blocks=blocks, d=d)
        if head == "mlp":
            self.proj = nn.Sequential(
                nn.BatchNorm1d(2 * width), nn.Dropout(dropout / 2), nn.Linear(2 * width, hidden), nn.ReLU(),
                nn.BatchNorm1d(hidden), nn.Dropout(dropout), nn.Linear(hidden, d))
        elif head != "linear":
            raise ValueError(f"--head {head}: use mlp or linear")


class Reference(nn.Module):
    def __init__(self, findings, head, bias_init):
        super().__init__()
        self.signal = SignalEncoder(head)
        self.text = TextEncoder(findings)
        self.t = nn.Parameter(torch.tensor([math.log(10.0)]))
        self.b = nn.Parameter(torch.tensor([float(bias_init)]))

    def logits(self, x, texts):
        xs = F.normalize(self.signal(x), dim=1)
        ys = F.normalize(self.text(texts), dim=1)
        return xs @ ys.T * self.t.exp() + self.b


def standardize(train, others, mode):
    """In place. dataset: per-lead mean / population sd over every training sample; record: each
    lead of each record on its own. A sd below 1e-12 only centres (as the toolkit)."""
    if mode == "record":
        for a in [train] + others:
            for i in range(a.shape[0]):
                m = a[i].mean(axis=1, dtype=np.float64, keepdims=True)
                s = a[i].std(axis=1, dtype=np.float64, keepdims=True)
                a[i] = ((a[i] - m) / np.where(s > 1e-12, s, 1.0)).astype(np.float32)
        return None
    mean = np.array([train[:, k, :].mean(dtype=np.float64) for k in range(train.shape[1])])
    sd = np.array([train[:, k, :].std(dtype=np.float64) for k in range(train.shape[1])])
    scale = np.where(sd > 1e-12, 1.0 / np.where(sd > 1e-12, sd, 1.0), 1.0)
    for a in [train] + others:
        for k in range(a.shape[1]):
            a[:, k, :] = ((a[:, k, :] - mean[k]) * scale[k]).astype(np.float32)
    return {"mean": mean.tolist(), "sd": sd.tolist()}


def evaluate(model, x, y, batch):
    """Per-finding AUROC (None where the fold has one class only) and F1 at 0.5 on the validation set."""
    model.eval()
    k = y.shape[1]
    eye = torch.eye(k)
    probs = []
    with torch.no_grad():
        for s in range(0, x.shape[0], batch):
            probs.append(torch.sigmoid(model.logits(x[s:s + batch], eye)))
    p = torch.cat(probs).numpy().astype(np.float64)
    yt = y.numpy()
    auroc, f1 = [], []
    for j in range(k):
        both = 0 < yt[:, j].sum() < yt.shape[0]
        auroc.append(float(roc_auc_score(yt[:, j], p[:, j])) if both else None)
        f1.append(float(f1_score(yt[:, j], p[:, j] > 0.5, zero_division=0)))
    defined = [a for a in auroc if a is not None]
    macro_auroc = float(np.mean(defined)) if defined else float("nan")
    return macro_auroc, float(np.mean(f1)), auroc, f1, len(defined)


def train(a):
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    vocab = ptbxl.SUPERDIAGNOSTIC
    if a.val_fold in a.train_folds:
        raise SystemExit(f"--val-fold {a.val_fold} is also a training fold; choose disjoint folds")
    if 10 in a.train_folds or a.val_fold == 10:
        raise SystemExit("fold 10 is the benchmark's held-out test fold: never train or select on it")
    t0 = time.time()
    records, counts = ptbxl.read_database(a.ptbxl, set(a.train_folds) | {a.val_fold})
    if a.limit:
        records = records[:a.limit]
    tr = [r for r in records if r["fold"] in a.train_folds]
    va = [r for r in records if r["fold"] == a.val_fold]
    if not tr or not va:
        raise SystemExit(f"{a.ptbxl}: {len(tr)} training and {len(va)} validation records; check the folds")
    xtr, xva = ptbxl.load_signals(a.ptbxl, tr), ptbxl.load_signals(a.ptbxl, va)
    stats = standardize(xtr, [xva], a.standardize)
    ytr, yva = ptbxl.multi_hot(tr, vocab), ptbxl.multi_hot(va, vocab)
    print(f"data: {len(tr)} training records (folds {a.train_folds}), {len(va)} validation (fold {a.val_fold}), "
          f"{counts['dropped_empty']} rows without a superdiagnostic class dropped; read in {time.time() - t0:.1f} s",
          flush=True)
    xtr, xva = torch.from_numpy(xtr), torch.from_numpy(xva)
    ytr, yva = torch.from_numpy(ytr), torch.from_numpy(yva)

    model = Reference(len(vocab), a.head, a.bias_init)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": a.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=a.lr)
    shuffle = torch.Generator().manual_seed(a.seed)
    n = xtr.shape[0]
    size = min(a.batch, n)
    eye_k = torch.eye(len(vocab))
    history, best, best_state = [], None, None
    for epoch in range(1, a.epochs + 1):
        model.train()
        e0 = time.time()
        order = torch.randperm(n, generator=shuffle)
        starts = range(0, n, size) if a.keep_last_batch else range(0, n - size + 1, size)
        total, steps = 0.0, 0
        for s in starts:
            idx = order[s:s + size]
            if idx.numel() < 2:
                continue  # batch norm cannot train on one sample
            x, hot = xtr[idx], ytr[idx]
            if a.text == "all-findings":
                logits = model.logits(x, eye_k)
                target = hot
            else:
                logits = model.logits(x, hot)
                if a.label_matrix == "shared-finding":
                    target = torch.maximum((hot @ hot.T > 0.5).float(), torch.eye(idx.numel()))
                else:
                    target = torch.eye(idx.numel())
            loss = (F.softplus(logits) - target * logits).sum() / idx.numel()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.item()
            steps += 1
        auroc, f1, per_auroc, per_f1, defined = evaluate(model, xva, yva, a.eval_batch)
        row = {"epoch": epoch, "train_loss": total / max(steps, 1), "steps": steps, "val_macro_auroc": auroc,
               "val_macro_f1": f1, "val_auroc": per_auroc, "val_f1": per_f1, "findings_with_auroc": defined,
               "t": float(model.t.exp()), "b": float(model.b), "seconds": time.time() - e0}
        history.append(row)
        print(f"epoch {epoch:3d} loss {row['train_loss']:.4f} val_macro_auroc {auroc:.4f} "
              f"({defined}/{len(vocab)} findings) val_macro_f1 {f1:.4f} t {row['t']:.2f} b {row['b']:.2f} "
              f"{row['seconds']:.1f} s", flush=True)
        if best is None or (not math.isnan(auroc) and (math.isnan(best["val_macro_auroc"])
                                                       or auroc > best["val_macro_auroc"])):
            best = row
            best_state = copy.deepcopy(model.state_dict())
    per = ",".join(f"{f}:{'nan' if v is None else f'{v:.4f}'}" for f, v in zip(vocab, best["val_auroc"]))
    print(f"RESULT best_epoch={best['epoch']} val_macro_auroc={best['val_macro_auroc']:.4f} "
          f"val_macro_f1={best['val_macro_f1']:.4f} per_finding_auroc={per}", flush=True)
    result = {
        "config": {k: v for k, v in vars(a).items() if k not in ("self_check",)},
        "findings": list(vocab),
        "records": {"train": len(tr), "val": len(va), "dropped_empty": counts["dropped_empty"]},
        "lead_statistics": stats,
        "torch": torch.__version__, "python": platform.python_version(), "threads": torch.get_num_threads(),
        "seed": a.seed,
        "best": {"epoch": best["epoch"], "val_macro_auroc": best["val_macro_auroc"],
                 "val_macro_f1": best["val_macro_f1"],
                 "val_auroc": dict(zip(vocab, best["val_auroc"])), "val_f1": dict(zip(vocab, best["val_f1"]))},
        "history": history,
        "seconds": time.time() - t0,
    }
    if a.out:
        write_json(a.out, result)
    if a.save_model:
        torch.save(best_state, a.save_model)
    return result, best_state


def write_json(path, obj):
    """Atomic: a temporary file in the same folder, renamed over the target."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(obj, f, indent=1, allow_nan=True)
    os.replace(tmp, path)


def parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ptbxl", help="PTB-XL root (ptbxl_database.csv, scp_statements.csv, records100/)")
    p.add_argument("--train-folds", type=folds_arg, default=folds_arg("1-8"))
    p.add_argument("--val-fold", type=int, default=9)
    p.add_argument("--text", choices=["report", "all-findings"], default="report")
    p.add_argument("--label-matrix", choices=["shared-finding", "diagonal"], default="shared-finding",
                   help="targets of --text report: shared finding (collision-aware) or the identity")
    p.add_argument("--standardize", choices=["dataset", "record"], default="dataset")
    p.add_argument("--head", choices=["mlp", "linear"], default="mlp")
    p.add_argument("--bias-init", type=float, default=-10.0)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--keep-last-batch", action="store_true", help="train on the last partial batch too")
    p.add_argument("--eval-batch", type=int, default=512)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seed", type=int, default=42, help="the toolkit's default seed")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=0, help="only the first N labelled records (ecg_id order)")
    p.add_argument("--out", help="JSON result file")
    p.add_argument("--save-model", help="state_dict of the best epoch (torch.save)")
    p.add_argument("--self-check", action="store_true",
                   help="1 epoch on the bundled sample (folds 1-7 train, 8 validation) and sanity assertions")
    return p


def self_check(a):
    """A short run on data/ptb-xl-sample that asserts what must hold whatever the weights."""
    a.ptbxl = a.ptbxl or SAMPLE_ROOT
    a.train_folds, a.val_fold, a.epochs = folds_arg("1-7"), 8, 1
    recs, _ = ptbxl.read_database(a.ptbxl)
    checked = sum(ptbxl.check_record(a.ptbxl, r["filename"]) for r in recs)
    print(f"self-check WFDB: first sample and checksum of {checked} signals of {len(recs)} records as in their headers")
    for text in ("report", "all-findings"):
        a.text = text
        result, state = train(a)
        best = result["best"]
        assert result["records"]["train"] > 0 and result["records"]["val"] > 0
        assert 0.0 <= best["val_macro_f1"] <= 1.0
        assert math.isnan(best["val_macro_auroc"]) or 0.0 <= best["val_macro_auroc"] <= 1.0
        assert all(torch.isfinite(v).all() for v in state.values() if v.is_floating_point())
        if a.standardize == "dataset":
            # the standardisation is fitted on the training folds: their leads now have mean 0, sd 1
            recs, _ = ptbxl.read_database(a.ptbxl, set(a.train_folds) | {a.val_fold})
            recs = [r for r in (recs[:a.limit] if a.limit else recs) if r["fold"] in a.train_folds]
            x = ptbxl.load_signals(a.ptbxl, recs)
            st = result["lead_statistics"]
            z = (x - np.array(st["mean"])[None, :, None]) / np.array(st["sd"])[None, :, None]
            assert np.allclose(z.mean(axis=(0, 2)), 0, atol=1e-6) and np.allclose(z.std(axis=(0, 2)), 1, atol=1e-6)
        print(f"self-check {text}: ok")


def main():
    a = parser().parse_args()
    if a.self_check:
        self_check(a)
        return
    if not a.ptbxl:
        raise SystemExit("--ptbxl ROOT is required (or --self-check for the bundled sample)")
    train(a)


if __name__ == "__main__":
    main()
