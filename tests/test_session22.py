"""Session 22: rules from review rv38's leftovers and held-out rounds 115 and later, each with
a hand-made input."""

from __future__ import annotations

from snippets import report_indicators


# ------------------------------------------------------------------ whose year, which rate
def test_a_clause_of_an_earlier_years_work_is_not_the_years() -> None:
    got = report_indicators(
        "2022年举办行政执法人员培训班5期，2023年举办行政执法人员培训班8期，两年共计13期。\n"
    )
    assert got["training_sessions"] == 8


def test_a_clause_of_the_reports_own_year_counts() -> None:
    # the guard: the report's year (2023) opening a clause is the year's work
    got = report_indicators("2023年举办行政执法人员培训班8期，培训执法人员420人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (8, 420)


def test_an_earlier_year_as_a_point_in_time_is_no_earlier_years_work() -> None:
    # 2022年12月至2023年11月 spans the report's year: its figures are the year's
    got = report_indicators("2022年12月至2023年11月，共举办行政执法人员培训班6期。\n")
    assert got["training_sessions"] == 6


def test_a_bound_gives_way_to_the_rate_stated() -> None:
    got = report_indicators("案件结案率≥95%，群众满意率≥90%，全年案件结案率96.8%。\n")
    assert got["completion_rate"] == 96.8
    got = report_indicators("要求案件结案率不低于95%，全年案件结案率达到97.2%。\n")
    assert got["completion_rate"] == 97.2


def test_a_bound_alone_is_still_the_rate_stated() -> None:
    got = report_indicators("全年办结案件312件，案件结案率≥95%。\n")
    assert got["completion_rate"] == 95
