"""Hand-made tests for session 11's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import in_report, outline, theme
from snippets import report_indicators as _indicators

from analysis.build import process_text

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


# ------------------------------------------------------------------ Markdown tables
@pytest.mark.parametrize(
    "table",
    [
        # pandoc's pipe table, with its alignment line
        "| 指标 | 2023年 | 2022年 | 增减 |\n|---|---:|---:|---|\n"
        "| 行政处罚案件（件） | 1,326 | 1,187 | +11.7% |\n| 罚没款（万元） | 326.5 | 301.2 | +8.4% |\n",
        # its grid table, cells padded
        "+----------------+--------+--------+\n| 项目           | 2023年 | 2022年 |\n"
        "+================+========+========+\n| 行政处罚案件（件） | 1326   | 1187   |\n"
        "+----------------+--------+--------+\n| 罚没款（万元）     | 326.5  | 301.2  |\n"
        "+----------------+--------+--------+\n",
        # a column of units
        "| 指标 | 单位 | 2023年 | 2022年 |\n|---|---|---|---|\n| 行政处罚案件 | 件 | 1326 | 1187 |\n"
        "| 罚没款 | 万元 | 326.5 | 301.2 |\n",
    ],
)
def test_a_markdown_tables_cells_are_read_as_a_drawn_tables(table: str) -> None:
    m = process_text("r", in_report(table))["metrics"]
    cells = m[m["unit"].isin(["件", "元"])]
    assert list(zip(cells["value"], cells["unit"], cells["subject"], strict=True))[-4:] == [
        (1326, "件", "行政处罚案件"),
        (1187, "件", "行政处罚案件"),
        (3265000, "元", "罚没款"),
        (3012000, "元", "罚没款"),
    ]
    # the report is on 2023: last year's column states nothing
    assert _indicators(table) == {"admin_penalty_cases": 1326, "fines_yuan": 3265000}


# ------------------------------------------------------------------ waived fines
@pytest.mark.parametrize(
    "body",
    [
        "全年办理首违不罚案件682件,较上年增长31.9%,涉及罚款约96万元。",
        "全年办理首违不罚案件682件,同比增长31.9个百分点,涉及罚款约96万元。",
        "对682件轻微违法行为依法不予处罚,比上年增加120件,涉及罚款约96万元。",
    ],
)
def test_the_fines_a_waiver_involves_are_no_fines_after_a_remark_on_the_change(
    body: str,
) -> None:
    assert _indicators("全年收缴罚没款1,268.45万元。" + body)["fines_yuan"] == 12684500


# ------------------------------------------------------------------ themes
@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("深化“综合查一件事”改革", "enforcement"),
        ("推进综合查一次改革", "enforcement"),
        ("推行涉企“综合查一次”", "business_environment"),  # about the firms first
    ],
)
def test_one_joint_inspection_reforms_are_enforcement(heading: str, category: str) -> None:
    assert theme(heading) == category
