"""Matching extracted quantities against hand-labelled gold fixtures (shared by the tests).

A gold row names its quantity by its exact text and occurrence (``raw``, ``occurrence``);
a prediction matches a gold quantity when their spans overlap and value and unit agree.
"""

from __future__ import annotations

import pandas as pd


def gold_spans(text: str, gold: pd.DataFrame) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each gold row, found as the nth occurrence of ``raw``."""
    spans = []
    for g in gold.itertuples():
        pos = -1
        for _ in range(int(g.occurrence)):
            pos = text.find(g.raw, pos + 1)
        assert pos >= 0, f"gold raw {g.raw!r} #{g.occurrence} not in the cleaned text"
        spans.append((pos, pos + len(g.raw), float(g.value), str(g.unit)))
    return spans


def match_quantities(
    text: str, metrics: pd.DataFrame, spans: list[tuple[int, int, float, str]]
) -> tuple[int, list[str]]:
    """True positives, and the misses as 'FP raw' / 'FN raw' strings."""
    used: set[int] = set()
    tp = 0
    misses = []
    for s, e, v, u, raw in zip(
        metrics["start"],
        metrics["end"],
        metrics["value"],
        metrics["unit"],
        metrics["raw"],
        strict=True,
    ):
        for i, (a, b, gv, gu) in enumerate(spans):
            if i in used or not (s < b and a < e):
                continue
            if abs(v - gv) <= 1e-6 * max(1.0, abs(gv)) and u == gu:
                used.add(i)
                tp += 1
                break
        else:
            misses.append(f"FP {raw!r}")
    misses += [f"FN {text[a:b]!r}" for i, (a, b, _, _) in enumerate(spans) if i not in used]
    return tp, misses
