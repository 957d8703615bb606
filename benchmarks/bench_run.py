"""Time `analysis run` from a warm environment, each notebook's share, and the floor.

The floor is what papermill costs before any analysis: one notebook that only imports the
stack (pandas, matplotlib, seaborn, analysis), executed in a fresh kernel, times the number
of notebooks (divided by the workers, as `analysis run` executes two at a time). Runs and
floors are measured alternately, so that both see the same load on a shared machine, and
each run is also compared with the floor measured right after it.

Usage: .venv/bin/python benchmarks/bench_run.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
IMPORTS = (
    "import pandas, matplotlib, seaborn\n"
    "from analysis import build, labels, paths, plots, textstats\n"
    "plots.set_theme()"
)


def time_run(out: Path) -> tuple[float, dict]:
    """Run `analysis run --out out` once; return wall seconds and per-notebook seconds."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--no-progress", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    # `analysis run` prints "notebooks: 01_corpus_overview 10.7 s, ..." on stderr.
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("notebooks: "))
    per_nb = {m.group(1): float(m.group(2)) for m in re.finditer(r"(\S+) ([\d.]+) s", line[11:])}
    return seconds, per_nb


def time_floor(folder: Path) -> float:
    """Execute a notebook that only imports the stack; return wall seconds."""
    import papermill as pm

    nb = new_notebook(cells=[new_code_cell(IMPORTS)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    src = folder / "floor.ipynb"
    nbformat.write(nb, src)
    start = time.perf_counter()
    pm.execute_notebook(
        str(src),
        str(folder / "floor_out.ipynb"),
        kernel_name="python3",
        progress_bar=False,
        cwd=str(ROOT),
    )
    return time.perf_counter() - start


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="timed runs after one warm-up")
    args = parser.parse_args()
    load_before = _load()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        time_run(tmp / "warm")  # warm-up: build cache, font cache, .pyc files
        runs, floors = [], []
        for i in range(args.repeat):  # interleaved, so both see the same machine load
            runs.append(time_run(tmp / f"run{i}"))
            floors.append(time_floor(tmp))
    walls = [s for s, _ in runs]
    n = len(runs[-1][1])
    floor = statistics.median(floors)
    ratios = [w / (f * n) for w, f in zip(walls, floors, strict=True)]
    print(
        f"analysis run (warm), {args.repeat} runs: median {statistics.median(walls):.1f} s "
        f"(min {min(walls):.1f}, max {max(walls):.1f})"
    )
    names = sorted(runs[-1][1])
    per_nb = {name: statistics.median(r[name] for _, r in runs) for name in names}
    total_nb = sum(per_nb.values())
    print("notebook time (papermill, incl. waiting for its kernel), median of the runs:")
    for name, sec in per_nb.items():
        print(f"  {name:28s} {sec:6.1f} s  ({100 * sec / total_nb:4.1f}% of notebook time)")
    print(
        f"floor: import-only notebook {floor:.1f} s (min {min(floors):.1f}, max "
        f"{max(floors):.1f}) × {n} notebooks = {floor * n:.1f} s serial, "
        f"{floor * n / 2:.1f} s with 2 workers"
    )
    print(
        f"run / (floor × {n}), each run against the floor measured right after it: median "
        f"{statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}); "
        f"ratio of the medians {statistics.median(walls) / (floor * n):.2f}"
    )
    print(f"load average before {load_before}, after {_load()} (2 cores; others' work adds noise)")


if __name__ == "__main__":
    main()
