#!/usr/bin/env python3
"""PyTorch peer of org.ecgsiglip.bench.LossBench: forward + backward of the pairwise sigmoid loss
(softplus(l) - y * l, summed, divided by n) for logits [n, n], and the shared-finding target matrix
from multi-hot [n, K] rows, at the same sizes. Synthetic finding sets with PTB-XL-like rates (K = 71).

    OMP_NUM_THREADS=2 /usr/bin/python3 bench/loss_peer.py [--sizes 256,1024,4096] [--reps 7]

With --embed-sizes 1024,...: the peer of LossBench --embed-sizes, the unchunked loss from unit-norm
embeddings x, y [n, d] (logits exp(t') x y^T + b, shared-finding targets with the diagonal, backward to
x, y, t', b), its median time and the rise of the peak resident set (VmHWM, reset through
/proc/self/clear_refs) over the resident set before the warm-up, as LossBench measures it. PyTorch
frees each intermediate as soon as nothing refers to it, so this is what the computation itself needs.
"""
import argparse
import resource
import time

import torch
import torch.nn.functional as F


def median_ms(fn, reps):
    fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2]


def status_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    return -1


def embed_sizes(sizes, reps, dim, k):
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; d = {dim}")
    for n in sizes:
        hot = (torch.rand(n, k) < 0.035).float()
        hot[:, 0] = (torch.rand(n) < 0.75).float()
        hot[hot.sum(1) == 0, 1] = 1
        x0 = F.normalize(torch.randn(n, dim), dim=1)
        y0 = F.normalize(torch.randn(n, dim), dim=1)

        def step():
            x = x0.clone().requires_grad_()
            y = y0.clone().requires_grad_()
            t = torch.tensor([2.302585], requires_grad=True)
            b = torch.tensor([-2.0], requires_grad=True)
            logits = torch.exp(t) * (x @ y.T) + b
            targets = torch.logical_or(hot @ hot.T > 0.5, torch.eye(n, dtype=torch.bool)).float()
            loss = (F.softplus(logits) - targets * logits).sum() / n
            loss.backward()
            return loss.item() + float(x.grad[0, 0])

        base = status_kb("VmRSS:")
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        ms = median_ms(step, reps)  # its warm-up run counts in the peak too
        rise = (status_kb("VmHWM:") - base) / 1024
        print(f"RESULT impl=pytorch-unchunked n={n} ms={ms:.1f} peak_rss_rise_mb={rise:.1f}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="256,1024,4096")
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--embed-sizes", default="")
    p.add_argument("--dim", type=int, default=128)
    a = p.parse_args()
    torch.manual_seed(1)
    k = 71
    if a.embed_sizes:
        embed_sizes([int(s) for s in a.embed_sizes.split(",")], a.reps, a.dim, k)
        return
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for n in [int(s) for s in a.sizes.split(",")]:
        hot = (torch.rand(n, k) < 0.035).float()
        hot[:, 0] = (torch.rand(n) < 0.75).float()  # one finding most records share, as sinus rhythm
        hot[hot.sum(1) == 0, 1] = 1
        logits = (torch.randn(n, n) * 3 - 2).requires_grad_()

        def targets():
            return torch.maximum((hot @ hot.T > 0.5).float(), torch.eye(n))

        y = targets()

        def loss_step():
            loss = (F.softplus(logits) - y * logits).sum() / n
            loss.backward()
            logits.grad = None
            return loss.item()

        ms_loss = median_ms(loss_step, a.reps)
        ms_targets = median_ms(lambda: targets().mean().item(), a.reps)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"RESULT impl=pytorch n={n} loss_ms={ms_loss:.2f} targets_ms={ms_targets:.2f} peak_rss_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
