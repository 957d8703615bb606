"""Hand-made tests for session 7's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest

from analysis.build import process_text


def _quantities(text: str) -> list[tuple[str, float]]:
    m = process_text("r", text)["metrics"]
    return list(zip(m["raw"], m["value"], strict=True))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # OCR read 0 as O/o and 1 as l/I inside a number that stands after Chinese text
        ("办理行政处罚案件1O8件。", [("1O8件", 108)]),
        ("镇政府常务会议会前学法l2次。", [("l2次", 12)]),
        ("罚没款lO5万元。", [("lO5万元", 1_050_000)]),
        ("罚没款1O8.5万元。", [("1O8.5万元", 1_085_000)]),
        ("共办结2o3件。", [("2o3件", 203)]),
        # codes and names stay what they are: a run opening with O, S/B/Z, a longer code
        ("推广O2O模式3个。", [("3个", 3)]),
        ("培训S2场次,建成B1层2个。", [("2个", 2)]),
        ("升级iOS12系统2台。", [("2台", 2)]),
        ("第l2次会议。", []),
    ],
)
def test_ocr_letters_for_digits_are_read_as_the_digits(text, want) -> None:
    assert _quantities(text) == want
