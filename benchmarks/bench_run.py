"""Time `analysis run` from a warm environment, each notebook's share, and the floor.

The floor is what papermill costs before any analysis: one notebook that only imports the
stack (pandas, matplotlib, seaborn, analysis), executed in a fresh kernel, times the number
of notebooks (divided by the workers, as `analysis run` executes two at a time).

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="timed runs after one warm-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        time_run(tmp / "warm")  # warm-up: build cache, font cache, .pyc files
        runs = [time_run(tmp / f"run{i}") for i in range(args.repeat)]
        floors = [time_floor(tmp) for _ in range(args.repeat)]
    walls = [s for s, _ in runs]
    per_nb = runs[-1][1]
    n = len(per_nb)
    floor = statistics.median(floors)
    print(
        f"analysis run (warm), {args.repeat} runs: median {statistics.median(walls):.1f} s "
        f"(min {min(walls):.1f}, max {max(walls):.1f})"
    )
    total_nb = sum(per_nb.values())
    print("notebook execution time (papermill, incl. kernel start), last run:")
    for name, sec in sorted(per_nb.items()):
        print(f"  {name:28s} {sec:6.1f} s  ({100 * sec / total_nb:4.1f}% of notebook time)")
    print(
        f"floor: import-only notebook {floor:.1f} s × {n} notebooks = {floor * n:.1f} s "
        f"serial, {floor * n / 2:.1f} s with 2 workers"
    )


if __name__ == "__main__":
    main()
