"""Session 18: rules from held-out round 93 and the leftovers of session 17, each with a hand-made input."""

from __future__ import annotations

from analysis.build import process_text
from analysis.cleaning import clean_text

_CSV_TABLE = (
    "某市综合行政执法局2022年法治政府建设年度报告\n一、主要工作\n全年共立案查处各类违法案件2,204件。\n"
    "附表：2022年度行政执法情况统计表,,,,,\n"
    "序号,执法领域,立案数（件）,结案数（件）,罚没款（万元）,同比增减（%）\n"
    '1,市容环境,"1,236","1,219",86.52,12.6\n'
    "2,燃气安全,92,90,27.65,\n"
    "3,环境卫生,876,857,41.37,-4.2\n"
    ',合计,"2,204","2,166",155.54,8.4\n'
    ",其中：非现场执法,638,627,,46.3\n"
)


def _cells_read(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", clean_text(text).text)["metrics"]
    rows = m[m["sentence"].str.contains("\t")]
    return {
        raw: (value, unit)
        for raw, value, unit in zip(rows["raw"], rows["value"], rows["unit"], strict=True)
    }


def test_a_csv_row_with_an_empty_last_cell_is_lined_up_from_its_serial_number() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["90"] == (90.0, "件")  # 结案数, not 罚没款
    assert got["27.65"] == (276500.0, "元")  # 罚没款 in 万元, not a percent


def test_a_csv_row_with_an_empty_middle_cell_keeps_its_columns() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["638"] == (638.0, "件")
    assert got["627"] == (627.0, "件")
    assert got["46.3"] == (46.3, "%")


def test_a_total_row_without_a_serial_number_is_still_lined_up_from_the_right() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["2,166"] == (2166.0, "件")
    assert got["155.54"] == (1555400.0, "元")
    assert got["8.4"] == (8.4, "%")


def test_legal_affairs_of_every_kind_hold_a_kind_stated_in_another_paragraph() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "充分发挥法制科和法律顾问作用，全年审核各类法律事务164件，提出法律意见建议52条。\n"
        "严格落实重大执法决定法制审核制度，全年对重大执法决定开展法制审核100件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 164


def test_one_kind_of_review_with_no_umbrella_is_still_added_to_another() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "严格落实合同审查制度，全年审查合同协议64份，提出修改意见31条。\n"
        "严格落实重大执法决定法制审核制度，全年对重大执法决定开展法制审核100件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 164
