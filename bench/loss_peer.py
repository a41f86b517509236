#!/usr/bin/env python3
"""PyTorch peer of org.ecgsiglip.bench.LossBench: forward + backward of the pairwise sigmoid loss
(softplus(l) - y * l, summed, divided by n) for logits [n, n], and the shared-finding target matrix
from multi-hot [n, K] rows, at the same sizes. Synthetic finding sets with PTB-XL-like rates (K = 71).

    OMP_NUM_THREADS=2 /usr/bin/python3 bench/loss_peer.py [--sizes 256,1024,4096] [--reps 7]
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="256,1024,4096")
    p.add_argument("--reps", type=int, default=7)
    a = p.parse_args()
    torch.manual_seed(1)
    k = 71
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
