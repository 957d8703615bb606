"""Tests for analysis.sections: outline parsing, damaged markers, categories."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.cleaning import clean_text
from analysis.normalize import fold
from analysis.reading import read_report
from analysis.schema import SECTIONS
from analysis.sections import (
    CATEGORIES,
    assign_categories,
    cn_numeral_value,
    load_section_themes,
    split_sections,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
EXPECTED_HEADINGS = ROOT / "tests" / "fixtures" / "expected_headings.csv"


def outline(text: str) -> list[tuple[str, str, int, str, str, bool]]:
    """(section_id, parent_id, level, marker, heading, repaired) of every row."""
    s = split_sections(text)
    return list(
        zip(s.section_id, s.parent_id, s.level, s.marker, s.heading, s.repaired, strict=True)
    )


def check_lossless(text: str, s: pd.DataFrame) -> None:
    assert "".join(s.text) == text
    for row in s.itertuples():
        assert text[row.start : row.end] == row.text
    assert list(s.columns) == list(SECTIONS.columns)
    assert s.section_id.is_unique


# --------------------------------------------------------------------------------------
# Hand-made inputs with hand-written expectations


def test_basic_outline_with_all_four_levels() -> None:
    text = (
        "前言段落。\n"
        "一、总体情况\n"
        "（一）加强领导。全年开会3次。\n"
        "１．学习培训。内容。\n"
        "\u3000（２）小项标题。内容。\n"
        "2、第二项\n"
        "(二)第二小节\n"
        "二、存在问题\n"
        "问题较多。\n"
    )
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "总体情况", False),
        ("1.1", "1", 2, "(一)", "加强领导", False),
        ("1.1.1", "1.1", 3, "1.", "学习培训", False),
        ("1.1.1.1", "1.1.1", 4, "(2)", "小项标题", False),
        ("1.1.2", "1.1", 3, "2、", "第二项", False),
        ("1.2", "1", 2, "(二)", "第二小节", False),
        ("2", "", 1, "二、", "存在问题", False),
    ]
    s = split_sections(text)
    check_lossless(text, s)
    assert s.text.iloc[0] == "前言段落。\n"
    assert s.text.iloc[-1] == "二、存在问题\n问题较多。\n"
    # Offsets are in the original (unfolded) text.
    row = s[s.section_id == "1.1.1"].iloc[0]
    assert text[row.start : row.start + 2] == "１．"
    assert row.heading == "学习培训"


def test_full_width_digits_and_ideographic_space_in_heading() -> None:
    # The first line is a heading (indentation belongs to its line): no preamble.
    text = "\u3000\u3000一、\u3000工作成效\n（十一）第十一项。内容\n１２、第十二项\n"
    assert outline(text) == [
        ("1", "", 1, "一、", "工作成效", False),
        ("1.1", "1", 2, "(十一)", "第十一项", False),
        ("1.1.1", "1.1", 3, "12、", "第十二项", False),
    ]


def test_heading_leading_a_paragraph_is_its_first_sentence() -> None:
    text = "一、成效\n(一)强化组织领导,筑牢根基。一是成立小组。二是制定方案。\n"
    rows = outline(text)
    assert rows[1] == ("1.1", "1", 2, "(一)", "强化组织领导,筑牢根基", False)


def test_quantities_and_inline_enumerations_are_not_headings() -> None:
    text = (
        "前言。\n"
        "一、成效\n"
        "1.9万余处违法建设被拆除。\n"
        "一是加强学习。二是强化培训。三是完善制度。\n"
        "全年办理1、2月份案件,其中(1)类案件3件。\n"
        "2023年,共办理案件8879件。\n"
        "3.19宣传周开展活动。\n"
    )
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "成效", False),
    ]


def test_level3_directly_under_level1_is_its_child_one_level_deeper() -> None:
    text = "前言。\n一、相关建议\n1、强化保障。内容。\n2、改善环境。内容。\n二、下一步\n"
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "相关建议", False),
        ("1.1", "1", 2, "1、", "强化保障", False),
        ("1.2", "1", 2, "2、", "改善环境", False),
        ("2", "", 1, "二、", "下一步", False),
    ]


def test_ids_come_from_position_not_from_the_written_number() -> None:
    text = "前言。\n一、甲\n(一)子一\n(三)子二\n三、乙\n"
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "甲", False),
        ("1.1", "1", 2, "(一)", "子一", False),
        ("1.2", "1", 2, "(三)", "子二", False),
        ("2", "", 1, "三、", "乙", False),
    ]


def test_chapter_style_level1_headings() -> None:
    text = "前言。\n第一部分 工作情况\n(一)学习\n第二部分 存在问题\n"
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "第一部分", "工作情况", False),
        ("1.1", "1", 2, "(一)", "学习", False),
        ("2", "", 1, "第二部分", "存在问题", False),
    ]


def test_text_starting_with_a_heading_has_no_preamble() -> None:
    assert outline("一、甲\n内容。") == [("1", "", 1, "一、", "甲", False)]


def test_text_without_outline_is_one_preamble_section() -> None:
    text = "这是一段没有标题的文字。\n第二段。"
    s = split_sections(text, "r1")
    assert list(s.section_id) == ["0"]
    assert s.text.iloc[0] == text
    assert s.report_id.iloc[0] == "r1"
    assert s.category.iloc[0] == "other"


def test_empty_text_gives_one_empty_preamble() -> None:
    s = split_sections("")
    assert list(s.section_id) == ["0"]
    assert s.text.iloc[0] == ""
    assert (s.start.iloc[0], s.end.iloc[0]) == (0, 0)


def test_damaged_markers_are_repaired_from_sequence_and_shape() -> None:
    text = (
        "概述段落。\n"
        "一、工作情况\n"
        "(一)学习。内容。\n"
        ")培训教育。内容。\n"  # lost '(二'
        "()制度建设。内容。\n"  # lost 三
        "、存在问题\n"  # lost 二
        "(一)问题一。内容。\n"
        "(二问题二。内容。\n"  # lost ')'
        "三)问题三。内容。\n"  # lost '('
        "下一步打算\n"  # lost 三、 entirely; first child follows
        "(一)计划一\n"
        "1、细项。内容。\n"
        "2细项二。内容。\n"  # lost 、
        "四机构保障\n"  # lost 、 after the expected numeral
        "内容。\n"
    )
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "工作情况", False),
        ("1.1", "1", 2, "(一)", "学习", False),
        ("1.2", "1", 2, "(二)", "培训教育", True),
        ("1.3", "1", 2, "(三)", "制度建设", True),
        ("2", "", 1, "二、", "存在问题", True),
        ("2.1", "2", 2, "(一)", "问题一", False),
        ("2.2", "2", 2, "(二)", "问题二", True),
        ("2.3", "2", 2, "(三)", "问题三", True),
        ("3", "", 1, "三、", "下一步打算", True),
        ("3.1", "3", 2, "(一)", "计划一", False),
        ("3.1.1", "3.1", 3, "1、", "细项", False),
        ("3.1.2", "3.1", 3, "2、", "细项二", True),
        ("4", "", 1, "四、", "机构保障", True),
    ]
    check_lossless(text, split_sections(text))


def test_comma_fragment_inside_a_level3_run_is_level3() -> None:
    text = "前言。\n一、成效\n1.学习。内容。\n、培训。内容。\n3.制度。内容。\n"
    assert outline(text) == [
        ("0", "", 0, "", "", False),
        ("1", "", 1, "一、", "成效", False),
        ("1.1", "1", 2, "1.", "学习", False),
        ("1.2", "1", 2, "2.", "培训", True),
        ("1.3", "1", 2, "3.", "制度", False),
    ]


def test_things_that_look_damaged_but_are_not() -> None:
    text = (
        "报告正文第一段。\n"
        "一、成效\n"
        "2项制度已出台。\n"  # quantity: 2 is not the expected level-3 number here
        "三个方面取得成效。\n"  # 三 is not the expected level-1 number (二)
        "二是加强学习。\n"
        "法治政府建设年度报告\n"  # a title-like standalone line before a first child
        "(一)学习\n"
    )
    assert [r[0] for r in outline(text)] == ["0", "1", "1.1"]


def test_a_sibling_that_lost_its_whole_marker_fills_the_gap() -> None:
    text = (
        "一、工作情况\n"
        "(一)加强学习\n"
        "内容。\n"
        "(二)完善制度\n"
        "内容。\n"
        "强化执法监督,规范执法行为\n"  # (三) lost entirely: (二) ... (四)
        "内容。\n"
        "(四)深化普法\n"
        "内容。\n"
    )
    assert [r[2:] for r in outline(text)[3:]] == [
        (2, "(三)", "强化执法监督,规范执法行为", True),
        (2, "(四)", "深化普法", False),
    ]


def test_a_short_line_is_not_a_lost_sibling_without_a_gap_or_own_line_siblings() -> None:
    no_gap = "一、工作情况\n(一)加强学习\n内容。\n(二)完善制度\n内容。\n小结与体会\n内容。\n(三)深化普法\n"
    assert [r[3] for r in outline(no_gap)] == ["一、", "(一)", "(二)", "(三)"]
    run_in = "一、工作情况\n(一)加强学习。内容。\n(二)完善制度。内容。\n小结与体会\n内容。\n(四)深化普法。内容。\n"
    assert [r[3] for r in outline(run_in)] == ["一、", "(一)", "(二)", "(四)"]
    two_lost = "一、工作情况\n(一)加强学习\n内容。\n(二)完善制度\n内容。\n小结与体会\n内容。\n(五)深化普法\n"
    assert [r[3] for r in outline(two_lost)] == ["一、", "(一)", "(二)", "(五)"]


def test_parts_above_level1_headings_take_level_1_and_push_the_rest_down() -> None:
    text = (
        "第一部分 主要工作\n"
        "一、加强领导\n"
        "(一)健全机制。内容。\n"
        "1.细项。内容。\n"
        "二、规范执法\n"
        "内容。\n"
        "第二部分 存在问题\n"
        "内容。\n"
        "第三部分 工作打算\n"
        "一、加强学习\n"  # numbering starts again under a new part
        "内容。\n"
    )
    assert [r[:4] for r in outline(text)] == [
        ("1", "", 1, "第一部分"),
        ("1.1", "1", 2, "一、"),
        ("1.1.1", "1.1", 3, "(一)"),
        ("1.1.1.1", "1.1.1", 4, "1."),
        ("1.2", "1", 2, "二、"),
        ("2", "", 1, "第二部分"),
        ("3", "", 1, "第三部分"),
        ("3.1", "3", 2, "一、"),
    ]
    # parts alone (no 一、 after them) keep the usual levels
    alone = "第一部分 主要工作\n(一)健全机制。内容。\n第二部分 存在问题\n内容。\n"
    assert [r[2:4] for r in outline(alone)] == [(1, "第一部分"), (2, "(一)"), (1, "第二部分")]


def test_level1_marker_with_a_full_stop_is_written_canonically() -> None:
    text = "一.工作成效\n内容。\n二.存在的不足\n内容。\n三.2025年工作思路\n内容一.5。\n"
    assert [r[2:5] for r in outline(text)] == [
        (1, "一、", "工作成效"),
        (1, "二、", "存在的不足"),
        (1, "三、", "2025年工作思路"),  # a year may follow the full stop
    ]
    assert outline("四.5亿元投入\n") == [("0", "", 0, "", "", False)]  # not a marker


def test_markdown_decorations_around_headings_are_read_like_spaces() -> None:
    text = (
        "# 某局2022年法治政府建设情况报告\n"
        "## 一、主要做法\n"
        "**(一)强化依法决策。**局党组研究法治工作。\n"
        "**(二)严格规范执法**\n"
        "内容。\n"
    )
    assert [r[2:5] for r in outline(text)[1:]] == [
        (1, "一、", "主要做法"),
        (2, "(一)", "强化依法决策"),
        (2, "(二)", "严格规范执法"),
    ]


def test_html_left_around_headings_is_read_like_spaces() -> None:
    text = (
        "<p><strong>一、主要工作</strong></p>\n"
        '<p style="text-indent:2em;">(一)强化依法决策。局党组研究法治工作。</p>\n'
        "&nbsp;&nbsp;(二)严格规范执法。内容。\n"
        "<p>正文<br/>继续。</p>\n"
    )
    assert [r[2:5] for r in outline(text)] == [
        (1, "一、", "主要工作"),
        (2, "(一)", "强化依法决策"),
        (2, "(二)", "严格规范执法"),
    ]


def test_a_level1_marker_with_a_comma_for_its_stop_is_repaired() -> None:
    text = "一、主要工作\n内容。\n二 ,党政主要负责人履职情况\n内容。\n"
    assert [r[2:6] for r in outline(text)] == [
        (1, "一、", "主要工作", False),
        (1, "二、", "党政主要负责人履职情况", True),
    ]
    # not the expected number, or a sentence: not a heading
    assert len(outline("一、主要工作\n内容。\n三,是加强学习,二是规范执法。\n")) == 1


def test_review_regressions_of_the_new_outline_rules() -> None:
    # a caption between (二) and (四) is not the lost (三)
    text = "一、工作情况\n(一)加强学习\n内容。\n(二)完善制度\n内容。\n图为县司法局开展法治宣传进社区活动\n(四)深化普法\n内容。\n"
    assert [r[3] for r in outline(text)] == ["一、", "(一)", "(二)", "(四)"]
    # parts in an appendix after the main 一、 outline do not push it down
    text = "一、主要工作\n内容。\n二、存在问题\n内容。\n附件\n第一部分 情况说明\n一、背景\n内容。\n"
    assert [r[2] for r in outline(text)] == [1, 1, 1, 1]


def test_cn_numeral_value() -> None:
    assert cn_numeral_value("一") == 1
    assert cn_numeral_value("十") == 10
    assert cn_numeral_value("十二") == 12
    assert cn_numeral_value("二十") == 20
    assert cn_numeral_value("九十九") == 99
    assert cn_numeral_value("十十") is None
    assert cn_numeral_value("") is None
    assert cn_numeral_value("一二") is None


# --------------------------------------------------------------------------------------
# Categories


def test_categories_from_default_lexicon_with_inheritance() -> None:
    text = (
        "前言。\n"
        "一、存在的主要问题\n"
        "(一)某某方面\n"  # matches nothing: inherits problems
        "二、下一步工作打算\n"
        "(一)深入推进普法依法治理\n"  # own match: publicity
        "三、行政复议诉讼情况\n"
        "四、主要负责人履行推进法治建设第一责任人职责情况\n"
        "五、智慧赋能,提升效能\n"
        "六、某某某\n"  # top level, no match
    )
    s = split_sections(text)
    assert list(s.category) == [
        "other",
        "problems",
        "problems",
        "plans",
        "publicity",
        "supervision_disputes",
        "leadership",
        "digital",
        "other",
    ]


def test_assign_categories_with_custom_themes_priority_and_order() -> None:
    themes = pd.DataFrame(
        {
            "category": ["enforcement", "problems", "publicity"],
            "pattern": ["执法", "不足", "普法"],
            "priority": [10, 90, 10],
        }
    )
    sections = pd.DataFrame(
        {
            "report_id": ["r"] * 5,
            "section_id": ["0", "1", "1.1", "2", "2.1"],
            "parent_id": ["", "", "1", "", "2"],
            "level": [0, 1, 2, 1, 2],
            "heading": ["", "执法中的不足", "其他", "普法与执法", "无关"],
        }
    )
    out = assign_categories(sections, themes)
    # priority beats position; equal priority -> earliest match; no match -> parent.
    assert list(out.category) == ["other", "problems", "problems", "publicity", "publicity"]
    assert "category" not in sections.columns  # input not modified


def test_theme_lexicon_uses_only_known_categories() -> None:
    themes = load_section_themes()
    assert set(themes.category) <= set(CATEGORIES)
    assert {"problems", "plans", "leadership", "publicity"} <= set(themes.category)


# --------------------------------------------------------------------------------------
# Seeds


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {p.name: clean_text(read_report(p)[0], p.name[:3]).text for p in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_sections_are_lossless(seed: Path, cleaned: dict[str, str]) -> None:
    text = cleaned[seed.name]
    s = split_sections(text, seed.name[:3])
    check_lossless(text, s)
    assert (s.level >= 1).sum() >= 5
    assert set(s.category) <= set(CATEGORIES)
    ids = set(s.section_id)
    assert all(p == "" or p in ids for p in s.parent_id)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_raw_text_is_lossless_too(seed: Path) -> None:
    text = read_report(seed)[0]
    check_lossless(text, split_sections(text))


def _expected_headings() -> dict[str, list[tuple[int, str, str, bool]]]:
    out: dict[str, list[tuple[int, str, str, bool]]] = {}
    with EXPECTED_HEADINGS.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["file"], []).append(
                (
                    int(row["level"]),
                    fold(row["marker"]).strip(),
                    fold(row["heading"]).strip(),
                    row["repaired"].strip().lower() in ("true", "1", "yes"),
                )
            )
    return out


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_level1_and_level2_headings_match_the_hand_labelled_file(
    seed: Path, cleaned: dict[str, str]
) -> None:
    expected = _expected_headings()[seed.name]
    s = split_sections(cleaned[seed.name])
    s = s[s.level.isin([1, 2])]
    found = [
        (int(r.level), fold(r.marker), fold(r.heading).strip(), bool(r.repaired))
        for r in s.itertuples()
    ]
    assert found == expected


# --------------------------------------------------------------------------------------
# Properties

_PIECES = [
    "一、", "二、", "十一、", "(一)", "（二）", "()", ")", "、", "1.", "2、", "１．", "(1)",
    "（２）", "第一部分", "1.9万", "一是", "二是", "。", ",", "\n", "\n", "\n", " ", "\u3000",
    "\u00a0", "法治", "建设", "报告", "情况", "2023年", "局", "\r", "\t", "：", "“七五”",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_PIECES)).map("".join)))
def test_split_sections_never_raises_and_is_lossless(text: str) -> None:
    s = split_sections(text)
    check_lossless(text, s)
    assert len(s) >= 1
    ids = set(s.section_id)
    assert all(p == "" or p in ids for p in s.parent_id)
    assert (s.start.diff().dropna() > 0).all()
    for row in s.itertuples():
        assert row.level == 0 or row.heading == row.heading.strip()


_TITLES = st.text(alphabet="法治政府建设执法监督普法宣传工作情况成效问题", min_size=2, max_size=12)


def _cn(n: int) -> str:
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    return (
        ("" if n // 10 == 1 else digits[n // 10 - 1])
        + "十"
        + ("" if n % 10 == 0 else digits[n % 10 - 1])
    )


@st.composite
def outlines(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, str, str]]]:
    """A random well-formed outline and the rows a parser must find (written by the
    generator from the structure it built, not by the parser)."""
    lines = ["前言：本报告总结全年工作。"]
    expected: list[tuple[str, int, str, str]] = [("0", 0, "", "")]
    n1 = draw(st.integers(1, 4))
    for i in range(1, n1 + 1):
        title = draw(_TITLES)
        lines.append(f"{_cn(i)}、{title}")
        expected.append((str(i), 1, f"{_cn(i)}、", title))
        for j in range(1, draw(st.integers(0, 3)) + 1):
            sub = draw(_TITLES)
            lead = draw(st.booleans())
            lines.append(f"（{_cn(j)}）{sub}" + ("。具体内容,数量3件。" if lead else ""))
            expected.append((f"{i}.{j}", 2, f"({_cn(j)})", sub))
            for k in range(1, draw(st.integers(0, 2)) + 1):
                item = draw(_TITLES)
                sep = draw(st.sampled_from(["、", ".", "．"]))
                lines.append(f"{k}{sep}{item}。内容一是甲,二是乙。")
                expected.append((f"{i}.{j}.{k}", 3, f"{k}{fold(sep)}", item))
            if draw(st.booleans()):
                lines.append("正文段落,2023年办理1.9万件。")
    return "\n".join(lines) + "\n", expected


def _heading_lines(lines: list[str]) -> list[int]:
    """Indices of the heading lines of a generated outline, in order (headings may repeat)."""
    return [i for i, line in enumerate(lines) if i > 0 and line and not line.startswith("正文")]


@settings(max_examples=150, deadline=None)
@given(case=outlines())
def test_generated_outlines_are_parsed_exactly(case) -> None:
    text, expected = case
    s = split_sections(text)
    check_lossless(text, s)
    found = list(zip(s.section_id, s.level, s.marker, s.heading, strict=True))
    assert found == expected
    assert not s.repaired.any()


@settings(max_examples=100, deadline=None)
@given(case=outlines(), data=st.data())
def test_generated_outlines_with_a_damaged_level2_marker(case, data) -> None:
    text, expected = case
    level2 = [k for k, row in enumerate(expected) if row[1] == 2 and row[0].endswith(".2")]
    if not level2:
        return
    k = data.draw(st.sampled_from(level2))
    sid, _, marker, heading = expected[k]
    damage = data.draw(st.sampled_from([")", "()", "（）"]))
    full = "（" + marker[1:-1] + "）"
    lines = text.split("\n")
    idx = _heading_lines(lines)[k - 1]
    assert lines[idx].startswith(full + heading)
    lines[idx] = damage + lines[idx][len(full) :]
    s = split_sections("\n".join(lines))
    found = list(zip(s.section_id, s.level, s.marker, s.heading, strict=True))
    assert found == expected
    assert list(s.section_id[s.repaired]) == [sid]


def test_marker_folding_in_heading_text_is_not_applied() -> None:
    """The heading keeps the report's own characters (full-width comma here)."""
    s = split_sections("一、加强领导，压实责任\n")
    assert s.heading.iloc[0] == "加强领导，压实责任"
    assert re.fullmatch(r"一、", s.marker.iloc[0])


@settings(max_examples=100, deadline=None)
@given(case=outlines(), data=st.data())
def test_generated_outlines_with_a_damaged_level1_marker(case, data) -> None:
    text, expected = case
    later = [k for k, row in enumerate(expected) if row[1] == 1 and row[0] != "1"]
    if not later:
        return
    k = data.draw(st.sampled_from(later))
    sid, _, marker, heading = expected[k]
    has_child = k + 1 < len(expected) and expected[k + 1][0] == f"{sid}.1"
    # Lose the numeral (、 stays), or - when a first child (一) follows - the whole marker.
    damage = data.draw(st.sampled_from(["、", ""] if has_child else ["、"]))
    lines = text.split("\n")
    idx = _heading_lines(lines)[k - 1]
    assert lines[idx] == marker + heading
    lines[idx] = damage + heading
    s = split_sections("\n".join(lines))
    found = list(zip(s.section_id, s.level, s.marker, s.heading, strict=True))
    assert found == expected
    assert list(s.section_id[s.repaired]) == [sid]


# ------------------------------------------------------------------ column-wise (perf)
def test_section_columns_are_split_sections_as_lists() -> None:
    from analysis.sections import section_columns, sections_frame

    text = "序言。\n一、加强学习\n(一)学法。内容。\n二、严格执法\n"
    cols = section_columns(text, "r1")
    assert list(cols) == list(SECTIONS.columns)
    assert cols["section_id"] == ["0", "1", "1.1", "2"]
    assert cols["parent_id"] == ["", "", "1", ""]
    assert cols["level"] == [0, 1, 2, 1]
    assert cols["heading"] == ["", "加强学习", "学法", "严格执法"]
    assert cols["start"] == [0, 4, 11, 21]
    assert cols["report_id"] == ["r1"] * 4
    frame = sections_frame(cols)
    pd.testing.assert_frame_equal(frame, split_sections(text, "r1"))
    assert str(frame["level"].dtype) == "int64" and str(frame["repaired"].dtype) == "bool"


def test_assign_categories_leaves_its_input_unchanged() -> None:
    table = split_sections("一、加强学习\n(一)学法。\n", "r1").drop(columns="category")
    before = table.copy()
    out = assign_categories(table)
    pd.testing.assert_frame_equal(table, before)
    assert "category" in out.columns and "category" not in table.columns


def test_a_run_on_line_is_read_as_its_paragraphs() -> None:
    # a scrape that lost the paragraph breaks: one long line, paragraphs separated by an
    # indent (　　), by nothing after a sentence end, or a first child right after its parent
    filler = "全年组织执法人员开展业务学习,规范执法程序,提升执法质效,群众满意度持续提高。" * 4
    text = (
        f"2022年,我局坚持依法行政。{filler}"
        f"　　一、主要举措和成效(一)坚持党的领导。{filler}"
        f"(二)严格规范执法。{filler}"
        f"　　二、存在的问题{filler}"
    )
    assert len(text) > 500 and "\n" not in text
    s = split_sections(text)
    check_lossless(text, s)
    top = [(lv, mk, h[:7]) for lv, mk, h in zip(s.level, s.marker, s.heading, strict=True)]
    assert top == [
        (0, "", ""),
        (1, "一、", "主要举措和成效"),
        (2, "(一)", "坚持党的领导"),
        (2, "(二)", "严格规范执法"),
        (1, "二、", "存在的问题全年"),  # the heading runs into its paragraph: nothing ends it
    ]


def test_a_short_paragraph_keeps_an_inline_marker() -> None:
    text = "一、成效\n全年办理案件120件。(二)项所列情形均已整改,详见附表。\n"
    assert [r[0] for r in outline(text)] == ["1"]


def test_a_space_typed_for_the_level_1_comma_is_repaired() -> None:
    s = split_sections(
        "一、总体情况\n全年办理案件。\n二　深化行政审批制度改革，提升政务服务效能\n正文内容。\n三、问题\n正文。\n"
    )
    top = s[s["level"] == 1]
    assert list(top["marker"]) == ["一、", "二、", "三、"]
    assert list(top["heading"])[1] == "深化行政审批制度改革，提升政务服务效能"
    assert list(top["repaired"]) == [False, True, False]


def test_a_decimal_outline_is_read_by_depth() -> None:
    # a Word multilevel list: 1 / 1.1 / 1.1.1, with a quantity at a line start (2.5万人次)
    text = (
        "遵义市应急管理局2023年法治政府建设情况报告\n"
        "1 主要工作举措和成效\n"
        "　　1.1 压实法治建设责任\n　　局党组全年专题研究法治建设4次。\n"
        "　　1.2 抓实学法用法\n"
        "　　1.2.1 领导干部带头学法。全年集中学法12次。\n"
        "2.5万人次参加网上学法考试。\n"
        "2 存在的问题\n"
        "　　2.1 基层执法力量难以适应监管任务需要。部分区县执法人员不足。\n"
        "3 2024年工作打算\n　　3.1 持续压实法治建设责任\n　　3.2 推进执法数字化转型\n"
    )
    s = split_sections(text)
    got = [
        (lv, mk, h) for lv, mk, h in zip(s["level"], s["marker"], s["heading"], strict=True) if lv
    ]
    assert got == [
        (1, "1.", "主要工作举措和成效"),
        (2, "1.1", "压实法治建设责任"),
        (2, "1.2", "抓实学法用法"),
        (3, "1.2.1", "领导干部带头学法"),
        (1, "2.", "存在的问题"),
        (2, "2.1", "基层执法力量难以适应监管任务需要"),
        (1, "3.", "2024年工作打算"),
        (2, "3.1", "持续压实法治建设责任"),
        (2, "3.2", "推进执法数字化转型"),
    ]
    assert "".join(s["text"]) == text


def test_decimal_numbers_inside_a_chinese_outline_stay_items() -> None:
    # 一、 outline: 1.1 is no heading of its own kind (and nothing breaks)
    text = "一、主要工作\n1.1 万人次参加培训,参训率100%。\n(一)加强领导\n正文。\n"
    s = split_sections(text)
    assert list(s["marker"]) == ["一、", "(一)"]
