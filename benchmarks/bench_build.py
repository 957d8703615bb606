"""Benchmark the build on synthetic corpora made by resampling the seeds' sections.

For corpora of 5, 50, 500 and 3,600 reports (about 50 MB; sizes can be chosen with --sizes)
it prints: full build time, MB/s, reports/s, peak memory, no-op rebuild time, the time to
rebuild after adding one report, the size of the build cache, and, measured in the same run, plain jieba segmentation time
of the same text (jieba.lcut, its default dictionary and HMM, one process) for comparison.

The corpora are deterministic (random.Random(seed)): each synthetic report is one seed's
preamble followed by top-level sections (with their subsections) drawn from all seeds.

Usage: .venv/bin/python benchmarks/bench_build.py [--sizes 5 50 500 3600] [--jobs auto|1|2]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.manifest import MANIFEST_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from analysis.build import build
t1 = time.perf_counter()
jobs = None if sys.argv[4] == "auto" else int(sys.argv[4])
info = build(Path(sys.argv[1]), Path(sys.argv[2]), cache_dir=Path(sys.argv[3]),
             jobs=jobs, progress=False, log=lambda m: None)
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": dt, "import_s": t1 - t0, "peak_mb": max(peak, kids),
                  "skipped": info.get("skipped"), "pandas": "pandas" in sys.modules}))
"""

JIEBA = r"""
import sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(60)
t0 = time.perf_counter(); jieba.initialize(); load = time.perf_counter() - t0
files = sorted(Path(sys.argv[1]).glob("*.txt"))
t0 = time.perf_counter()
n = 0
for f in files:
    n += len(jieba.lcut(f.read_text(encoding="utf-8")))
print(time.perf_counter() - t0 + load)
"""


def seed_chunks() -> tuple[list[str], list[str]]:
    """(preambles, top-level chunks) of the seeds, from a build of data/raw/."""
    from analysis.build import build, read_tables

    out = Path(tempfile.mkdtemp(prefix="bench-seeds-"))
    build(ROOT / "data" / "raw", out, cache_dir=None, progress=False, log=lambda m: None)
    sections = read_tables(out)["sections"]
    shutil.rmtree(out)
    preambles, chunks = [], []
    for _, sec in sections.groupby("report_id", sort=True):
        sec = sec.sort_values("start")
        top = sec["section_id"].str.split(".").str[0]
        for sid, part in sec.groupby(top, sort=False):
            text = "".join(part["text"])
            (preambles if sid == "0" else chunks).append(text)
    return preambles, chunks


def make_corpus(folder: Path, n: int, preambles: list[str], chunks: list[str], seed: int = 0):
    """Write n synthetic reports and their manifest into folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    rows = []
    for i in range(n):
        body = [rng.choice(preambles).rstrip("\n")]
        body += [rng.choice(chunks).rstrip("\n") for _ in range(rng.randint(4, 8))]
        name = f"r{i:05d}.txt"
        (folder / name).write_text("\n".join(body) + "\n", encoding="utf-8")
        rows.append(
            [
                f"r{i:05d}",
                name,
                "济宁市",
                "济宁市",
                "山东省",
                "city",
                "济宁市城市管理局",
                str(2015 + i % 10),
                "",
                "",
            ]
        )
    with open(folder / "reports.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(MANIFEST_COLUMNS)
        w.writerows(rows)


def run_build(raw: Path, out: Path, cache: Path, jobs: str) -> dict:
    t0 = time.perf_counter()
    res = subprocess.run(
        [PY, "-c", MEASURE, str(raw), str(out), str(cache), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    out = json.loads(res.stdout.strip().splitlines()[-1])
    out["process_s"] = time.perf_counter() - t0  # interpreter start-up included
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500, 3600])
    ap.add_argument(
        "--jobs", default="auto", help="worker processes: a number, or 'auto' (the build's default)"
    )
    args = ap.parse_args()
    preambles, chunks = seed_chunks()
    print(f"seed material: {len(preambles)} preambles, {len(chunks)} top-level sections")
    header = (
        f"{'reports':>8} {'MB':>7} {'build s':>8} {'MB/s':>7} {'rep/s':>7} {'peak MB':>8} "
        f"{'no-op s':>8} {'+1 s':>7} {'+1 %':>6} {'jieba s':>8} {'speedup':>8} {'cache MB':>9}"
    )
    print(header)
    noops = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
        raw, out, cache = work / "raw", work / "out", work / "cache"
        make_corpus(raw, n, preambles, chunks)
        mb = sum(p.stat().st_size for p in raw.glob("*.txt")) / 1e6
        full = run_build(raw, out, cache, args.jobs)
        cache_mb = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 1e6
        noop = run_build(raw, out, cache, args.jobs)
        # add one report
        extra = Path(tempfile.mkdtemp(prefix="bench-extra-")) / "raw"
        make_corpus(extra, 1, preambles, chunks, seed=12345)
        shutil.copy(extra / "r00000.txt", raw / "added.txt")
        with open(raw / "reports.csv", "a", encoding="utf-8") as f:
            f.write("added,added.txt,济宁市,济宁市,山东省,city,济宁市城市管理局,2025,,\n")
        plus = run_build(raw, out, cache, args.jobs)
        jieba_s = float(
            subprocess.run(
                [PY, "-c", JIEBA, str(raw)], capture_output=True, text=True, check=True
            ).stdout.strip()
        )
        print(
            f"{n:>8} {mb:>7.1f} {full['seconds']:>8.2f} {mb / full['seconds']:>7.2f} "
            f"{n / full['seconds']:>7.1f} {full['peak_mb']:>8.0f} {noop['seconds']:>8.2f} "
            f"{plus['seconds']:>7.2f} {100 * plus['seconds'] / full['seconds']:>5.1f}% "
            f"{jieba_s:>8.2f} {jieba_s / full['seconds']:>7.2f}x {cache_mb:>9.0f}",
            flush=True,
        )
        noops.append((n, noop))
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(extra.parent, ignore_errors=True)
    print(
        "no-op: inputs unchanged, build skipped; +1: one report added to the corpus; "
        "speedup: plain jieba segmentation time / full build time; "
        "cache MB: .cache/build/ after the full build"
    )
    print("no-op breakdown (s): process wall = interpreter start + imports + work")
    for n, r in noops:
        print(
            f"  {n:>6} reports: process {r['process_s']:.2f} = start "
            f"{r['process_s'] - r['seconds']:.2f} + import analysis.build {r['import_s']:.2f} "
            f"+ work {r['seconds'] - r['import_s']:.2f} (pandas imported: {r['pandas']})"
        )


if __name__ == "__main__":
    main()
