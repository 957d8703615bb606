"""Hand-made tests for session 14's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import in_report, theme
from snippets import report_indicators as _indicators

from analysis.build import process_text


def _subjects(body: str) -> dict[str, str]:
    m = process_text("r", in_report(body))["metrics"]
    return dict(zip(m["raw"], m["subject"], strict=True))


# ------------------------------------------------------------------ indicators
@pytest.mark.parametrize("mark", ["🔹", "📌 ", "■", "✅ "])
def test_a_heading_an_editor_decorated_opens_its_own_paragraph(mark: str) -> None:
    # the heading line has no full stop; with an emoji before its marker it was read as a
    # wrapped line of the paragraph below, so the paragraph's opening (全年共…) was lost and a
    # field's fines in a later item were added to the year's 罚没款
    body = (
        f"{mark}（五）坚持严格规范公正文明执法，提高案件办理质量\n"
        "全年共办理行政处罚案件412件；收缴罚没款23.74万元，同比增长12.6%。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    got = _indicators(body)
    assert got["fines_yuan"] == 237400
    assert got["admin_penalty_cases"] == 412


def test_a_boards_total_restated_as_the_years_in_the_body_rules_a_fields_fines() -> None:
    # the board states the total first; the body's restatement is the one a paragraph opened
    # by 全年共… makes the year's: the field's 罚款 is inside it
    body = (
        "✅ 办理行政处罚案件412件\n\n✅ 收缴罚没款23.74万元\n\n"
        "一、主要工作\n"
        "全年共办理行政处罚案件412件。收缴罚没款23.74万元，同比增长12.6%。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 237400


def test_the_documents_in_force_taken_up_in_a_clean_up_are_reviewed() -> None:
    body = (
        "配合街道党政办清理行政规范性文件，就城市管理方面的现行有效文件4件逐件提出意见，"
        "建议保留3件、废止1件。"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 4


@pytest.mark.parametrize("adverb", ["逐件", "逐项", "逐条", "逐个"])
def test_one_by_one_after_a_figure_is_no_subject(adverb: str) -> None:
    # 逐件 (one by one) says how the things were handled; the thing counted is before it
    got = _subjects(f"对本局现行有效的规范性文件15件{adverb}进行评估。")
    assert got["15件"].endswith("规范性文件")


# ------------------------------------------------------------------ themes
def test_a_heading_on_decision_procedures_is_decision_making() -> None:
    assert theme("（四）规范决策程序，严格法制审核把关") == "decision_making"
    # review of enforcement decisions alone stays enforcement
    assert theme("（四）严格法制审核，规范执法决定") == "enforcement"
