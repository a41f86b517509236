"""Compares what a notebook wrote with what the CLI wrote for the same work, number by number.

    python3 compare_outputs.py run NOTEBOOK_RUN CLI_RUN
        two run folders of `ecg train`: config.json, metrics.jsonl (every field but the timing ones:
        seconds, samples_per_s, data_wait_share), steps.jsonl, thresholds.json, validation/scores.csv
        and validation/truth.csv (byte for byte), validation/metrics.json (all but the provenance)
    python3 compare_outputs.py comparison NOTEBOOK_DIR CLI_DIR
        two comparison.json files of `ecg compare`: both sides' metrics, every difference, the
        bootstrap; not the sides' names nor the provenance (they name the inputs differently)

Exits 1 and lists the first differences when any number differs.
"""
import json
import sys
from pathlib import Path

TIMING = {"seconds", "samples_per_s", "data_wait_share"}


def json_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def without(record, keys):
    return {k: v for k, v in record.items() if k not in keys}


def differences(a, b, where, out):
    """Appends to out a line for each place where the JSON values a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                out.append(f"{where}.{key}: present on one side only")
            else:
                differences(a[key], b[key], f"{where}.{key}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            differences(x, y, f"{where}[{i}]", out)
    elif a != b:
        out.append(f"{where}: notebook {a!r}, CLI {b!r}")


def without_keys(value, keys):
    """The JSON value with every object member named in keys removed, at any depth."""
    if isinstance(value, dict):
        return {k: without_keys(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without_keys(v, keys) for v in value]
    return value


def report(out, what, nb, cli, checked):
    if out:
        print(f"{what}: notebook {nb} and CLI {cli} differ:", file=sys.stderr)
        for line in out[:20]:
            print("  " + line, file=sys.stderr)
        if len(out) > 20:
            print(f"  ... and {len(out) - 20} more", file=sys.stderr)
        return 1
    print(f"{what}: notebook and CLI agree on " + ", ".join(checked))
    return 0


def compare_comparisons(notebook_dir, cli_dir):
    a = json.loads((Path(notebook_dir) / "comparison.json").read_text(encoding="utf-8"))
    b = json.loads((Path(cli_dir) / "comparison.json").read_text(encoding="utf-8"))
    ignored = {"name", "provenance"}
    out = []
    differences(without_keys(a, ignored), without_keys(b, ignored), "comparison.json", out)
    findings = len(a.get("differences", {}).get("findings", []))
    return report(out, "ecg compare", notebook_dir, cli_dir,
                  [f"comparison.json (both sides' metrics, {findings} findings' and every average's differences, "
                   f"bootstrap {a.get('bootstrap')})"])


def compare_runs(notebook_run, cli_run):
    nb, cli = Path(notebook_run), Path(cli_run)
    out = []
    checked = []

    differences(json.loads((nb / "config.json").read_text()), json.loads((cli / "config.json").read_text()),
                "config.json", out)
    checked.append("config.json")

    nb_epochs, cli_epochs = json_lines(nb / "metrics.jsonl"), json_lines(cli / "metrics.jsonl")
    differences([without(e, TIMING) for e in nb_epochs], [without(e, TIMING) for e in cli_epochs],
                "metrics.jsonl", out)
    if len(nb_epochs) != len(cli_epochs):
        out.append(f"metrics.jsonl: {len(nb_epochs)} epochs in the notebook's run, {len(cli_epochs)} in the CLI's")
    fields = len(without(nb_epochs[0], TIMING)) if nb_epochs else 0
    checked.append(f"metrics.jsonl ({len(nb_epochs)} epochs x {fields} fields)")

    nb_steps, cli_steps = json_lines(nb / "steps.jsonl"), json_lines(cli / "steps.jsonl")
    if len(nb_steps) != len(cli_steps):
        out.append(f"steps.jsonl: {len(nb_steps)} steps in the notebook's run, {len(cli_steps)} in the CLI's")
    else:
        differences(nb_steps, cli_steps, "steps.jsonl", out)
    checked.append(f"steps.jsonl ({len(nb_steps)} steps)")

    differences(json.loads((nb / "thresholds.json").read_text()), json.loads((cli / "thresholds.json").read_text()),
                "thresholds.json", out)
    checked.append("thresholds.json")

    for name in ("validation/scores.csv", "validation/truth.csv"):
        if (nb / name).read_bytes() != (cli / name).read_bytes():
            out.append(f"{name}: the files differ")
    rows = len((nb / "validation/scores.csv").read_text().splitlines()) - 1
    checked.append(f"validation/scores.csv and truth.csv ({rows} records)")

    a = json.loads((nb / "validation/metrics.json").read_text())
    b = json.loads((cli / "validation/metrics.json").read_text())
    differences(without(a, {"provenance"}), without(b, {"provenance"}), "validation/metrics.json", out)
    checked.append("validation/metrics.json")

    status = report(out, "ecg train", nb, cli, checked)
    if status == 0 and nb_epochs:
        last = nb_epochs[-1]
        print(f"  last epoch: val_macro_f1 {last.get('val_macro_f1')}, val_macro_auroc {last.get('val_macro_auroc')}")
    return status


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("run", "comparison"):
        sys.exit(__doc__)
    compare = compare_runs if sys.argv[1] == "run" else compare_comparisons
    sys.exit(compare(sys.argv[2], sys.argv[3]))
