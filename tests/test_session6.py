"""Hand-made tests for session 6's rules: each input is written here, with the value a reader
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
        # OCR put a space inside the number: one figure, as written
        ("全年立案查处安全生产违法案件1 26件,其中一般程序97件。", [("1 26件", 126), ("97件", 97)]),
        ("组织执法培训1 86人次。", [("1 86人次", 186)]),
        # a space after a table's or an ordinal's number, or between columns, splits figures
        ("见表1 26件。", [("26件", 26)]),
        ("第1 26件。", [("26件", 26)]),
        ("共计 1 26件。", [("26件", 26)]),
        ("2023 26件。", [("26件", 26)]),
        ("共3.5 26件。", [("26件", 26)]),
    ],
)
def test_a_number_split_by_one_stray_space_is_one_number(text, want) -> None:
    assert _quantities(text) == want
