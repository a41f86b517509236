#!/usr/bin/env python3
"""Reads what gpu/run-on-device.sh left in OUT and writes OUT/summary.json and OUT/summary.md: the
JNI build and symbol check, the toolkit's GPU training run, samples/s of the toolkit and of the
PyTorch peer per batch (with the ratio, peak GPU memory and GPU busy share from nvidia-smi), the
full-PTB-XL-sized epoch's wall time, and the CPU-GPU parity of validation macro-AUROC.

    gpu/summarize.py OUT [--device gpu]

Standard library only. A missing piece is reported as missing, never filled in.
"""
import argparse
import datetime
import json
import os
import re
import sys
import time

PARITY_TOLERANCE = 0.005   # issue 10: validation macro-AUROC within 0.005
EPOCH_GOAL_S = 2.0         # issue 10: a full-PTB-XL-sized epoch, validation included
RATIO_GOAL, RATIO_FLOOR = 1.0, 0.9
DATA_WAIT_GOAL = 0.05


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def jsonl(path):
    text = read(path)
    return [json.loads(line) for line in text.splitlines() if line.strip()] if text else []


def smi_samples(path):
    """(epoch seconds, utilisation %, memory MiB) per nvidia-smi line."""
    out = []
    for line in (read(path) or "").splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 3:
            continue
        try:
            t = datetime.datetime.strptime(parts[0], "%Y/%m/%d %H:%M:%S.%f")
            out.append((time.mktime(t.timetuple()) + t.microsecond / 1e6, float(parts[1]), float(parts[2])))
        except ValueError:
            continue
    return out


def window(samples, t0, t1):
    """Peak memory and mean utilisation of the samples in [t0, t1] once memory rose above idle."""
    inside = [s for s in samples if t0 <= s[0] <= t1]
    if not inside:
        return None
    idle = min(s[2] for s in samples)
    busy = [s for s in inside if s[2] > idle + 256]
    return {"peak_memory_mib": max(s[2] for s in inside), "gpu_busy_percent_mean":
            round(sum(s[1] for s in busy) / len(busy), 1) if busy else None, "samples": len(inside)}


def results(text):
    """The RESULT lines of TrainThroughput and train_peer.py, as dicts, with the marks after them."""
    found = []
    for line in (text or "").splitlines():
        if line.startswith("RESULT "):
            found.append({k: v.strip('"') for k, v in re.findall(r'(\w+)=("[^"]*"|\S+)', line)})
        m = re.match(r"SMI-MARK (\w+) (\d+) ([0-9.]+)", line)
        if m:
            found.append({"mark": m.group(1), "batch": m.group(2), "time": float(m.group(3))})
    return found


def run_record(out, name):
    """The provenance and per-epoch metrics of a run copied to OUT/name."""
    prov_text = read(os.path.join(out, name, "provenance.json"))
    metrics = jsonl(os.path.join(out, name, "metrics.jsonl"))
    if not metrics:
        return None
    prov = json.loads(prov_text) if prov_text else {}
    best = max(metrics, key=lambda m: m.get("val_macro_auroc") or -1)
    later = metrics[1:] or metrics
    return {
        "device": prov.get("device"), "engine": prov.get("engine"), "gpus_visible": prov.get("gpus_visible"),
        "djl": prov.get("djl_version"), "train_records": prov.get("train_records"),
        "validation_records": prov.get("validation_records"), "epochs": len(metrics),
        "best_epoch": best["epoch"], "best_val_macro_auroc": best.get("val_macro_auroc"),
        "best_val_macro_f1": best.get("val_macro_f1"),
        "train_loss_per_epoch": [m.get("train_loss") for m in metrics],
        "val_macro_auroc_per_epoch": [m.get("val_macro_auroc") for m in metrics],
        "train_samples_per_s_after_epoch_1": round(sum(m["samples_per_s"] for m in later) / len(later), 1),
        "train_seconds_per_epoch": [round(m["seconds"], 3) for m in metrics],
        "data_wait_share_max_after_epoch_1": max(m.get("data_wait_share", 0) for m in later),
    }


def epoch_walls(log):
    """Wall seconds between consecutive 'epoch N/M: loss ...' lines of a time-stamped train log."""
    stamps = []
    for line in (log or "").splitlines():
        m = re.match(r"([0-9.]+) epoch (\d+)/(\d+): loss", line)
        if m:
            stamps.append((int(m.group(2)), float(m.group(1))))
    return {str(b[0]): round(b[1] - a[1], 3) for a, b in zip(stamps, stamps[1:])}


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--device", default="gpu")
    a = p.parse_args(argv)
    out, dev = a.out, a.device
    s = {"out": out, "device_asked": dev}

    steps = []
    for line in (read(os.path.join(out, "steps.tsv")) or "").splitlines()[1:]:
        f = line.split("\t")
        if len(f) >= 4:
            steps.append({"step": f[0], "rc": f[1], "seconds": f[2], "status": f[3]})
    s["steps"] = steps
    setup = read(os.path.join(out, "setup.log")) or ""
    s["machine"] = {"gpu": [l for l in setup.splitlines() if l.startswith("GPU ")],
                    "torch": next((l for l in setup.splitlines() if l.startswith("torch ")), None)}
    info = read(os.path.join(out, "jni", "build-info.txt"))
    s["jni_build"] = dict(l.split("=", 1) for l in info.splitlines() if "=" in l) if info else None
    check = read(os.path.join(out, "check.log")) or ""
    s["jni_check"] = next((l for l in check.splitlines() if l.startswith(("OK:", "FAIL:"))), None)

    train = run_record(out, "train-" + dev)
    if train:
        w = window(smi_samples(os.path.join(out, "train.smi.csv")), 0, float("inf"))
        train["nvidia_smi"] = w
    s["train"] = train

    bench_text = read(os.path.join(out, "bench.log"))
    rows, smi = {}, smi_samples(os.path.join(out, "bench.smi.csv"))
    last_mark = None
    for r in results(bench_text):
        if "mark" in r:
            if r["mark"] in ("djl", "pytorch") and last_mark is not None:
                rows.setdefault(r["batch"], {})[r["mark"] + "_nvidia_smi"] = window(smi, last_mark, r["time"])
            last_mark = r["time"]
        else:
            rows.setdefault(r.get("batch"), {})[r.get("impl")] = {
                "samples_per_s": float(r["samples_per_s"]), "ms_per_step": float(r["ms_per_step"]),
                "device": r.get("device"), "last_loss": r.get("last_loss")}
    bench = []
    for batch, r in sorted(rows.items(), key=lambda kv: int(kv[0] or 0)):
        entry = {"batch": int(batch)}
        entry.update(r)
        if "djl" in r and "pytorch" in r:
            entry["ratio_djl_over_pytorch"] = round(r["djl"]["samples_per_s"] / r["pytorch"]["samples_per_s"], 3)
        bench.append(entry)
    s["bench"] = bench

    epoch = run_record(out, "epoch-" + dev)
    if epoch:
        epoch["wall_seconds_per_epoch_validation_included"] = epoch_walls(read(os.path.join(out, "epoch.log")))
        epoch["nvidia_smi"] = window(smi_samples(os.path.join(out, "epoch.smi.csv")), 0, float("inf"))
    s["epoch"] = epoch

    cpu = run_record(out, "train-cpu-parity")
    if train and cpu:
        d = abs(train["best_val_macro_auroc"] - cpu["best_val_macro_auroc"])
        s["parity"] = {"device_best_val_macro_auroc": train["best_val_macro_auroc"],
                       "cpu_best_val_macro_auroc": cpu["best_val_macro_auroc"], "abs_difference": round(d, 6),
                       "within_tolerance": d <= PARITY_TOLERANCE, "tolerance": PARITY_TOLERANCE,
                       "epoch_1_train_loss": [train["train_loss_per_epoch"][0], cpu["train_loss_per_epoch"][0]]}
        again = run_record(out, "train-%s-repeat" % dev)
        if again:
            s["parity"]["device_repeat_best_val_macro_auroc"] = again["best_val_macro_auroc"]
            s["parity"]["device_repeat_abs_difference"] = round(abs(again["best_val_macro_auroc"] - train["best_val_macro_auroc"]), 6)
    else:
        s["parity"] = None

    goals = {}
    for r in bench:
        if "ratio_djl_over_pytorch" in r:
            q = r["ratio_djl_over_pytorch"]
            goals["ratio_batch_%d" % r["batch"]] = "met" if q >= RATIO_GOAL else ("above floor" if q >= RATIO_FLOOR else "below floor")
    if train:
        goals["data_wait_under_5_percent"] = train["data_wait_share_max_after_epoch_1"] < DATA_WAIT_GOAL
    if epoch and epoch["wall_seconds_per_epoch_validation_included"]:
        goals["epoch_under_2_s"] = min(epoch["wall_seconds_per_epoch_validation_included"].values()) <= EPOCH_GOAL_S
    if s["parity"]:
        goals["parity_within_0.005"] = s["parity"]["within_tolerance"]
    s["goals"] = goals

    tmp = os.path.join(out, ".summary.json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(s, f, indent=2)
    os.replace(tmp, os.path.join(out, "summary.json"))
    md = ["# GPU run summary (gpu/run-on-device.sh)", "",
          "| step | status | rc | seconds |", "|---|---|---|---|"]
    md += ["| %s | %s | %s | %s |" % (x["step"], x["status"], x["rc"], x["seconds"]) for x in steps]
    md += ["", "machine: %s; %s" % ("; ".join(s["machine"]["gpu"]) or "no GPU listed", s["machine"]["torch"] or "no torch line"),
           "JNI: %s; check: %s" % ((s["jni_build"] or {}).get("status", "not built"), s["jni_check"] or "not run")]
    if train:
        md.append("train (%s, %s, %s GPU(s) visible): best validation macro-AUROC %.4f at epoch %d, %.1f samples/s, "
                  "data wait at most %.1f %%" % (train["device"], train["engine"], train["gpus_visible"],
                                                 train["best_val_macro_auroc"], train["best_epoch"],
                                                 train["train_samples_per_s_after_epoch_1"],
                                                 100 * train["data_wait_share_max_after_epoch_1"]))
    if bench:
        md += ["", "| batch | toolkit samples/s | PyTorch samples/s | ratio | toolkit peak MiB | PyTorch peak MiB | toolkit GPU busy % |",
               "|---|---|---|---|---|---|---|"]
        for r in bench:
            dj, pt = r.get("djl") or {}, r.get("pytorch") or {}
            djs, pts = r.get("djl_nvidia_smi") or {}, r.get("pytorch_nvidia_smi") or {}
            md.append("| %d | %s | %s | %s | %s | %s | %s |" % (r["batch"], dj.get("samples_per_s", "-"), pt.get("samples_per_s", "-"),
                      r.get("ratio_djl_over_pytorch", "-"), djs.get("peak_memory_mib", "-"), pts.get("peak_memory_mib", "-"),
                      djs.get("gpu_busy_percent_mean", "-")))
    if epoch:
        md += ["", "epoch (%s training, %s validation records, batch 512): wall seconds per epoch, validation included: %s; "
               "training steps alone: %s s" % (epoch["train_records"], epoch["validation_records"],
                                               epoch["wall_seconds_per_epoch_validation_included"], epoch["train_seconds_per_epoch"])]
    if s["parity"]:
        md += ["", "parity: best validation macro-AUROC %s %.4f, cpu %.4f, difference %.4f (tolerance %.3f)" % (
            dev, s["parity"]["device_best_val_macro_auroc"], s["parity"]["cpu_best_val_macro_auroc"],
            s["parity"]["abs_difference"], PARITY_TOLERANCE)]
        if "device_repeat_abs_difference" in s["parity"]:
            md[-1] += "; %s again with the same seed: %.4f (difference %.4f)" % (
                dev, s["parity"]["device_repeat_best_val_macro_auroc"], s["parity"]["device_repeat_abs_difference"])
    md += ["", "goals: " + json.dumps(goals)]
    with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main(sys.argv[1:])
