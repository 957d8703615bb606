"""Small hand-written report texts run through the pipeline (used by the tests of each
session's rules): the indicators, the outline and the theme a snippet gives."""

from __future__ import annotations

import pandas as pd

from analysis.build import process_text
from analysis.metrics import derive_indicators

REPORT_HEAD = "某县城市管理局2023年法治政府建设年度报告\n一、主要举措\n"
REPORT_TAIL = "二、存在问题\n不足。\n"


def in_report(body: str) -> str:
    """``body`` as the first part of a short report (a title, 一、 above it, 二、 below)."""
    return REPORT_HEAD + body + REPORT_TAIL


def indicators(text: str) -> dict[str, float]:
    """indicator -> value derived from ``text`` as one report."""
    got = derive_indicators(process_text("r", text)["metrics"], {"r": text})
    return dict(zip(got["indicator"], got["value"], strict=True))


def headings(text: str) -> pd.DataFrame:
    """The sections of ``text`` below the preamble (the sections must partition the text)."""
    s = process_text("r", text)["sections"]
    assert "".join(s["text"]) == text
    return s[s["level"] > 0]


def theme(heading: str) -> str:
    """The category of a level-1 heading standing alone in a short text."""
    s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
    return s["category"].tolist()[-1]
