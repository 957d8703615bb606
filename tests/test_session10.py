"""Hand-made tests for session 10's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import report_indicators as _indicators

PLATFORM = "数字城管平台全年受理各类城市管理问题18.6万件,结案率98.7%。\n"
PETITIONS = "全年受理群众来信来访126件,按期办结率100%。\n"
PERMITS = "全年办理行政许可8,316件,按时办结率100%。\n"
HOTLINE = "全年承办12345热线转办工单2.47万件,按期办结率99.6%。\n"
CASES = "全年立案查处违法案件1,347件,办结1,299件,结案率96.4%。\n"


# ------------------------------------------------------------------ completion rate
@pytest.mark.parametrize(
    ("body", "rate"),
    [
        # the enforcement cases' own 结案率 first, wherever it stands
        (PLATFORM + HOTLINE + CASES, 96.4),
        (PETITIONS + CASES, 96.4),
        # else a hotline's rate, before a platform's, the petitions' or the permits'
        (PLATFORM + PETITIONS + HOTLINE, 99.6),
        (PERMITS + HOTLINE, 99.6),
        # else the first rate stated
        (PLATFORM + PETITIONS, 98.7),
        (PERMITS + PLATFORM, 100.0),
    ],
)
def test_the_completion_rate_is_the_cases_then_the_hotlines_then_the_first(
    body: str, rate: float
) -> None:
    assert _indicators(body)["completion_rate"] == rate


def test_a_platforms_cases_are_no_enforcement_cases_for_the_completion_rate() -> None:
    body = "数字城管系统全年立案各类城市管理问题案件43.8万件,结案率98.4%。\n" + HOTLINE
    assert _indicators(body)["completion_rate"] == 99.6
