#!/usr/bin/env python3
"""PyTorch peer of org.ecgsiglip.bench.TrainThroughput: the same model, loss, optimiser and batch
shapes, so that samples/s can be compared in one run.

    OMP_NUM_THREADS=2 /usr/bin/python3 bench/train_peer.py --device cpu --batch 128 --steps 20

Prints one line: RESULT impl=pytorch device=... samples_per_s=...

Its ResNet1d and TextEncoder are also the model of the PTB-XL training reference,
bench/reference/train_reference.py (docs/reference-peer.md), which imports them from here.
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn(cin, cout, k, stride, relu):
    layers = [nn.Conv1d(cin, cout, k, stride=stride, padding=(k - 1) // 2, bias=False), nn.BatchNorm1d(cout)]
    if relu:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class BasicBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.main = nn.Sequential(conv_bn(c, c, 5, 1, True), conv_bn(c, c, 3, 1, False))

    def forward(self, x):
        return F.relu(self.main(x) + x)


class ResNet1d(nn.Module):
    """Stem conv k7/2 + BN + ReLU + max-pool 3/2, `blocks` basic blocks, concat pooling, linear to d."""

    def __init__(self, leads=12, width=64, blocks=3, d=128):
        super().__init__()
        self.stem = nn.Sequential(conv_bn(leads, width, 7, 2, True), nn.MaxPool1d(3, 2, 1))
        self.blocks = nn.Sequential(*[BasicBlock(width) for _ in range(blocks)])
        self.proj = nn.Linear(2 * width, d)

    def forward(self, x):
        h = self.blocks(self.stem(x))
        return self.proj(torch.cat([h.mean(dim=2), h.amax(dim=2)], dim=1))


class TextEncoder(nn.Module):
    def __init__(self, dim, hidden=256, d=128):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden, bias=False), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, d))

    def forward(self, t):
        return self.net(t)


class Siglip(nn.Module):
    def __init__(self, text_dim):
        super().__init__()
        self.signal = ResNet1d()
        self.text = TextEncoder(text_dim)
        self.t = nn.Parameter(torch.tensor([math.log(10.0)]))
        self.b = nn.Parameter(torch.tensor([-10.0]))

    def forward(self, x, texts):
        xs = F.normalize(self.signal(x), dim=1)
        ys = F.normalize(self.text(texts), dim=1)
        return xs @ ys.T * self.t.exp() + self.b


def synthetic(n, length, findings, text_dim, seed, device):
    g = torch.Generator().manual_seed(seed)
    signals = torch.randn(n, 12, length, generator=g)
    rates = torch.tensor([0.44, 0.25, 0.24, 0.22, 0.12])[:findings]
    hot = (torch.rand(n, findings, generator=g) < rates).float()
    hot[hot.sum(1) == 0, 0] = 1
    texts = torch.zeros(n, text_dim)
    idx = torch.randint(0, text_dim, (n, 12), generator=g)
    texts.scatter_add_(1, idx, torch.full((n, 12), 1 / 12))
    return signals.to(device), hot.to(device), texts.to(device)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--device", default="cpu")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--length", type=int, default=1000)
    p.add_argument("--profile", action="store_true", help="print the operators that take the step's time")
    a = p.parse_args()
    device = torch.device("cuda" if a.device.startswith("gpu") else a.device)
    torch.manual_seed(42)
    text_dim = 1024 + 40
    model = Siglip(text_dim).to(device)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=1e-3)
    batches = [synthetic(a.batch, a.length, 5, text_dim, s, device) for s in (1, 2)]

    def step(i):
        x, hot, texts = batches[i % 2]
        logits = model(x, texts)
        target = torch.maximum((hot @ hot.T > 0.5).float(), torch.eye(a.batch, device=device))
        loss = (F.softplus(logits) - target * logits).sum() / a.batch
        opt.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return torch.stack([loss.detach(), target.mean()]).tolist()

    for i in range(a.warmup):
        step(i)
    if a.profile:
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
            for i in range(3):
                step(i)
        print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=15))
    if device.type == "cuda":
        torch.cuda.synchronize()
    t0 = time.perf_counter()
    for i in range(a.steps):
        loss, _ = step(i)
    if device.type == "cuda":
        torch.cuda.synchronize()
    sec = time.perf_counter() - t0
    print(f"RESULT impl=pytorch device={device} encoder=resnet1d objective=siglip batch={a.batch} length={a.length} "
          f"steps={a.steps} samples_per_s={a.steps * a.batch / sec:.1f} ms_per_step={sec * 1000 / a.steps:.2f} "
          f"last_loss={loss:.4f} torch={torch.__version__} threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()
