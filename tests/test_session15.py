"""Session 15: rules from held-out rounds 78 on, each with a hand-made input."""

from __future__ import annotations

import pytest
from snippets import in_report

from analysis.build import process_text


def _raw_values(body: str) -> set[tuple[str, float]]:
    m = process_text("r", in_report(body))["metrics"]
    return set(zip(m["raw"], m["value"], strict=True))


@pytest.mark.parametrize(
    ("written", "value"), [("lO件", 10), ("IOO%", 100), ("lOO人次", 100), ("IOO％", 100)]
)
def test_a_figure_ocr_read_with_no_digit_left_is_still_a_figure(written: str, value: float) -> None:
    assert (written, value) in _raw_values(f"全年共办理行政复议案件3件、诉讼案件{written}。")


def test_latin_letters_that_are_no_misread_figure_stay_letters() -> None:
    got = _raw_values("建成IoT平台1个，II类区域3个，IOS设备4台，PLO系统。")
    assert {r for r, _ in got} == {"1个", "3个", "4台"}


def _docx2txt(lines: list[str]) -> str:
    """Lines as docx2txt writes a document's paragraphs and cells: a blank line between each."""
    return "\n\n".join(lines)


_TABLE = [
    "全年办理行政处罚案件1,286件，罚没款186.54万元。主要数据见下表。",
    "2023年主要执法数据统计表",
    *("序号", "项目", "单位", "2022年", "2023年", "同比增减"),
    *("1", "行政处罚案件", "件", "1,173", "1,286", "+9.6%"),
    *("2", "罚没款", "万元", "172.25", "186.54", "+8.3%"),
    *("3", "非现场执法案件", "件", "—", "203", "—"),
    *("4", "来信来访", "件", "96", "83", "-13.5%"),
    "坚持处罚与教育相结合，全年依法对148件首次轻微违法行为作出不予处罚决定。",
]


def test_a_table_written_one_cell_per_line_is_read_as_its_rows() -> None:
    from analysis.cleaning import clean_text

    r = clean_text(in_report(_docx2txt(_TABLE)))
    rows = [line for line in r.text.split("\n") if "\t" in line]
    assert rows == [
        "序号\t项目\t单位\t2022年\t2023年\t同比增减",
        "1\t行政处罚案件\t件\t1,173\t1,286\t+9.6%",
        "2\t罚没款\t万元\t172.25\t186.54\t+8.3%",
        "3\t非现场执法案件\t件\t—\t203\t—",
        "4\t来信来访\t件\t96\t83\t-13.5%",
    ]
    # each cell joined to its row is recorded (the serial numbers and 件 are no page numbers
    # or running headers); nothing else is removed
    assert set(r.removed["rule"]) == {"table_cells"}
    assert len(r.removed) == 5 * 5
    m = process_text("r", r.text)["metrics"]
    got = set(zip(m["raw"], m["value"], strict=True))
    assert {("1,173", 1173), ("186.54", 1865400), ("203", 203), ("83", 83)} <= got


@pytest.mark.parametrize(
    "lines",
    [
        # a key-figure board: label over value
        [
            "数据看板",
            "办理行政处罚案件",
            "1,286件",
            "收缴罚没款",
            "186.5万元",
            "办理非现场执法案件",
            "203件",
            "工单按时办结率",
            "99.2%",
            "开展普法宣传活动",
            "58场次",
        ],
        # a site's menu and a list of short headings: no figures
        [
            "首页",
            "机构概况",
            "政务公开",
            "政策文件",
            "办事服务",
            "互动交流",
            "专题专栏",
            "数据发布",
            "法治建设",
            "联系我们",
        ],
        # a table whose empty cell docx2txt dropped: its rows no longer line up
        [
            "项目",
            "2022年",
            "2023年",
            "行政处罚案件（件）",
            "1,173",
            "1,286",
            "非现场执法案件（件）",
            "203",
            "来信来访（件）",
            "96",
            "83",
        ],
    ],
)
def test_short_lines_that_are_no_table_stay_lines(lines: list[str]) -> None:
    from analysis.cleaning import clean_text

    r = clean_text(in_report(_docx2txt(lines)))
    assert "\t" not in r.text
    assert "table_cells" not in set(r.removed["rule"])
