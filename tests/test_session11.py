"""Hand-made tests for session 11's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import outline

CAPITAL = (
    "某市城市管理局2023年法治政府建设年度报告\n"
    "2023年,我局坚持依法行政。\n"
    "{1}主要工作成效\n"
    "(一)加强组织领导\n"
    "局党组召开专题会议3次。\n"
    "(二)严格规范执法\n"
    "办理案件120件,收缴罚款壹万元。\n"
    "{2}存在的问题\n"
    "执法力量不足。\n"
    "{3}2024年工作打算\n"
    "继续推进法治建设。\n"
)


# ------------------------------------------------------------------ outline markers
@pytest.mark.parametrize(
    "markers",
    [
        ("壹、", "贰、", "叁、"),  # the numerals of amounts
        ("Ⅰ、", "Ⅱ、", "Ⅲ、"),  # Roman numerals, one character each
        ("Ⅰ.", "Ⅱ.", "Ⅲ."),
        ("壹 、", "贰 、", "叁 、"),
    ],
)
def test_capital_and_roman_numerals_mark_the_top_rank(markers: tuple[str, str, str]) -> None:
    text = CAPITAL.format("", *markers)
    assert outline(text) == [
        (1, "一、", "主要工作成效", False),
        (2, "(一)", "加强组织领导", False),
        (2, "(二)", "严格规范执法", False),
        (1, "二、", "存在的问题", False),
        (1, "三、", "2024年工作打算", False),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "壹万元罚款已全部上缴国库。",
        "Ⅰ类问题整改完成12项。",
        "Ⅱ.5级预警已解除。",
        "拾元以下不予处罚。",
    ],
)
def test_a_capital_or_roman_numeral_without_its_mark_starts_no_heading(line: str) -> None:
    text = "某市城市管理局2023年工作报告\n一、主要工作\n" + line + "\n二、存在问题\n不足。\n"
    assert [h[1] for h in outline(text)] == ["一、", "二、"]
