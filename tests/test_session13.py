"""Hand-made tests for session 13's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import in_report, outline
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.reading import decode_report_bytes


# ------------------------------------------------------------------ indicators
@pytest.mark.parametrize(
    "source",
    ["，均通过12345热线转办", "，全部来自12345政务服务便民热线", "，主要经12319热线交办"],
)
def test_complaints_whose_hotline_is_named_after_them_are_the_hotlines(source: str) -> None:
    # the hotline named after the figure, in the clause saying where the complaints came from:
    # they are hotline work, and a smaller hotline's figure later in the paragraph is a part
    body = f"全年受理投诉举报1,038件{source}，办结率98.5%。12319热线受理群众诉求356件。"
    assert _indicators(body)["hotline_cases"] == 1038


def test_a_hotline_named_after_complaints_in_another_clause_is_not_their_source() -> None:
    # the next clause counts the hotline's own orders: the complaints are not its
    body = "全年受理投诉举报1,038件，办理12345热线工单9,476件。"
    assert _indicators(body)["hotline_cases"] == 9476


# ------------------------------------------------------------------ quantities
def _quantities(body: str) -> list[tuple[str, float, str]]:
    m = process_text("r", in_report(body))["metrics"]
    return list(zip(m["raw"], m["value"], m["unit"], strict=True))


@pytest.mark.parametrize("total", ["合计", "共计", "总计", "相加"])
def test_the_items_named_before_added_up_are_no_count(total: str) -> None:
    body = f"全年合法性审查64件、法制审核89件，两项{total}153件。"
    got = _quantities(body)
    assert ("两项", 2.0, "项") not in got
    assert ("153件", 153.0, "件") in got
    # a count of items that are not added up stays a count
    assert ("两项", 2.0, "项") in _quantities("制定两项制度，全年合法性审查64件。")


# ------------------------------------------------------------------ reading
def test_manual_line_breaks_of_word_and_wps_are_line_breaks() -> None:
    # Shift+Enter saved as a vertical tab or as U+2028, and U+2029 between paragraphs
    raw = (
        "某区综合行政执法局2023年法治政府建设工作报告\r\n"
        "一、主要工作\u2028（一）压实责任\x0b全年召开专题会议5次。\r\n"
        "（二）规范执法\u2028全年办理行政处罚案件1,126件。\u2029二、存在问题\x0b执法力量不足。\r\n"
    )
    text, _ = decode_report_bytes(("\ufeff" + raw).encode("utf-8"), "r.txt")
    assert "\x0b" not in text and "\u2028" not in text and "\u2029" not in text
    assert outline(text) == [
        (1, "一、", "主要工作", False),
        (2, "(一)", "压实责任", False),
        (2, "(二)", "规范执法", False),
        (1, "二、", "存在问题", False),
    ]


def test_invisible_characters_an_editor_left_are_removed_and_recorded() -> None:
    raw = (
        "某区城市管理局2024年法治政府建设工作报告\n"
        "一、\u200b主要工作\n"
        "（一）抓实学法用法\u200b和队伍培训\n"
        "全年收缴罚没款2463\u00ad815.50元，办理行政处罚案件1\u200b263件，举办培训9\u2060期。\n"
        "二、存在问题\ufeff\n"
        "执法力量不足。\n"
    )
    result = clean_text(raw)
    assert not any(c in result.text for c in "\u200b\u00ad\u2060\ufeff")
    rows = result.removed
    assert set(rows.loc[rows["rule"] == "invisible_characters", "line_no"]) == {2, 3, 4, 5}
    assert outline(result.text) == [
        (1, "一、", "主要工作", False),
        (2, "(一)", "抓实学法用法和队伍培训", False),
        (1, "二、", "存在问题", False),
    ]
    m = process_text("r", result.text)["metrics"]
    got = set(zip(m["raw"], m["value"], strict=True))
    assert {("2463815.50元", 2463815.5), ("1263件", 1263.0), ("9期", 9.0)} <= got


def test_a_figure_said_to_be_included_in_the_one_before_is_not_added() -> None:
    body = (
        "年内举办执法人员法治能力专题培训班9期，累计参训1263人次，"
        "新招录协管队员的岗前集中培训2期、146人次也包含在内。"
    )
    got = _indicators(body)
    assert got["training_sessions"] == 9
    assert got["training_participants"] == 1263
