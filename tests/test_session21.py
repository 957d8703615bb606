"""Session 21: rules from held-out round 109 and later, each with a hand-made input."""

from __future__ import annotations

from analysis.build import process_text
from analysis.metrics import read_units


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ units
def test_a_unit_is_not_read_into_the_word_it_opens() -> None:
    got = _raws("全年排查风险隐患，处置3个次生灾害隐患点，复查在建项目41个次。\n")
    assert got["3个"] == (3, "个")
    assert got["41个次"] == (41, "个次")
    assert "3个次" not in got


def test_the_units_table_names_what_may_not_follow_a_unit() -> None:
    units = read_units().set_index("unit")
    assert units.loc["个次", "not_before"] == "生"
    assert units.loc["件", "not_before"] == ""
