"""Benchmark the two segmentation backends on the seed reports.

Prints, for jieba (Python reference) and rjieba (Rust port), both with HMM off and the
project's dictionary: dictionary load time (jieba cold = building the prefix dictionary
from dict.txt, warm = from the cache in .cache/jieba/), segmentation speed in MB/s on the
seeds' folded text repeated to about ``--mb`` megabytes (UTF-8), and whether the two give
identical tokens.

Run: ``.venv/bin/python benchmarks/bench_segmentation.py [--mb 5] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis import paths, tokens
from analysis.normalize import fold


def seed_text() -> str:
    """The seeds' texts, folded, joined by newlines."""
    files = sorted(paths.RAW_DIR.glob("*.txt"))
    return "\n".join(fold(p.read_text(encoding="utf-8")) for p in files)


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    """Best wall time of ``repeat`` calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the test text in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best)")
    args = parser.parse_args(argv)

    base = seed_text()
    times = max(1, round(args.mb * 1e6 / len(base.encode("utf-8"))))
    big = "\n".join([base] * times)
    size_mb = len(big.encode("utf-8")) / 1e6
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"jieba {metadata.version('jieba')}, rjieba {metadata.version('rjieba')}, HMM off")
    print(
        f"user dictionary: {len(tokens.read_user_dictionary())} terms "
        f"(analysis/lexicons/{tokens.USERDICT})"
    )
    print(
        f"text: 5 seed reports ({len(base):,} chars) x {times} = {len(big):,} chars, "
        f"{size_mb:.2f} MB UTF-8"
    )
    print()

    # dictionary load
    with tempfile.TemporaryDirectory() as tmp:
        saved = paths.CACHE_DIR
        paths.CACHE_DIR = Path(tmp)  # no prefix-dict cache there: a cold build
        try:
            tokens.clear_caches()
            tokens._user_entries()  # reading the user dictionary is not the backend's cost
            cold, _ = timed(tokens._jieba_tokenizer)
        finally:
            paths.CACHE_DIR = saved
    tokens.clear_caches()
    tokens._user_entries()
    tokens._jieba_tokenizer()  # make sure the project cache exists
    tokens.clear_caches()
    tokens._user_entries()
    warm, _ = timed(tokens._jieba_tokenizer)
    rj_load, _ = timed(tokens._rjieba_tokenizer)
    pos_load, _ = timed(tokens._pos_table)
    print("dictionary load (general + user dictionary):")
    print(f"  jieba   cold {cold:6.3f} s   (prefix dict built from dict.txt, cache written)")
    print(f"  jieba   warm {warm:6.3f} s   (prefix dict from .cache/jieba/jieba.cache)")
    print(f"  rjieba       {rj_load:6.3f} s   (parses its embedded copy of dict.txt)")
    print(f"  pos tags     {pos_load:6.3f} s   (word -> tag table, read once for either backend)")
    print()

    # segmentation speed
    results, seconds_by = {}, {}
    print(f"segmentation of {size_mb:.2f} MB, best of {args.repeat}:")
    for backend in ("jieba", "rjieba"):
        seconds, pieces = timed(lambda b=backend: tokens.segment(big, b), args.repeat)
        results[backend] = pieces
        seconds_by[backend] = seconds
        print(
            f"  {backend:7s} {seconds:7.3f} s  {size_mb / seconds:7.2f} MB/s  "
            f"{len(pieces):,} pieces"
        )
    print(f"  rjieba / jieba speed: {seconds_by['jieba'] / seconds_by['rjieba']:.1f}x")
    identical = results["jieba"] == results["rjieba"]
    print(f"  identical pieces: {identical}")
    if not identical:
        for i, (a, b) in enumerate(zip(results["jieba"], results["rjieba"], strict=False)):
            if a != b:
                print(f"  first difference at piece {i}: jieba {a!r} vs rjieba {b!r}")
                break
    print()

    # the whole tokens table (segmentation + filtering + pos + flags) on the seeds
    sections = pd.DataFrame(
        {
            "report_id": [p.stem for p in sorted(paths.RAW_DIR.glob("*.txt"))],
            "section_id": "0",
            "start": 0,
            "text": [p.read_text(encoding="utf-8") for p in sorted(paths.RAW_DIR.glob("*.txt"))],
        }
    )
    tables = {}
    print("tokenize_sections on the 5 seeds (one section per report), best of 3:")
    for backend in ("jieba", "rjieba"):
        seconds, table = timed(lambda b=backend: tokens.tokenize_sections(sections, b), 3)
        tables[backend] = table
        print(f"  {backend:7s} {seconds:7.3f} s  {len(table):,} tokens")
    same = tables["jieba"].equals(tables["rjieba"])
    print(f"  identical tables: {same}")
    return 0 if identical and same else 1


if __name__ == "__main__":
    sys.exit(main())
