"""Small hand-written report texts run through the pipeline (used by the tests of each
session's rules): the indicators, the outline and the theme a snippet gives."""

from __future__ import annotations

import pandas as pd

from analysis.build import process_text
from analysis.metrics import derive_indicators

REPORT_HEAD = "某县城市管理局2023年法治政府建设年度报告\n一、主要举措\n"
# a paragraph of body text (long enough to be read as one, with figures of its own)
P = "全年共办理行政处罚案件120件,罚没款36.5万元,各项工作取得明显成效,群众满意度持续提升。"
REPORT_TAIL = "二、存在问题\n不足。\n"


def in_report(body: str) -> str:
    """``body`` as the first part of a short report (a title, 一、 above it, 二、 below)."""
    return REPORT_HEAD + body + REPORT_TAIL


def indicators(text: str) -> dict[str, float]:
    """indicator -> value derived from ``text`` as one report."""
    got = derive_indicators(process_text("r", text)["metrics"], {"r": text})
    return dict(zip(got["indicator"], got["value"], strict=True))


def report_indicators(body: str) -> dict[str, float]:
    """indicator -> value of ``body`` set as the first part of a short report."""
    return indicators(in_report(body))


def headings(text: str) -> pd.DataFrame:
    """The sections of ``text`` below the preamble (the sections must partition the text)."""
    s = process_text("r", text)["sections"]
    assert "".join(s["text"]) == text
    return s[s["level"] > 0]


def outline(text: str) -> list[tuple[int, str, str, bool]]:
    """(level, marker, heading, repaired) of each heading of ``text``."""
    top = headings(text)
    return list(zip(top["level"], top["marker"], top["heading"], top["repaired"], strict=True))


def theme(heading: str) -> str:
    """The category of a level-1 heading standing alone in a short text."""
    s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
    return s["category"].tolist()[-1]
