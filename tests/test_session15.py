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
