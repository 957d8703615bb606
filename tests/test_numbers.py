"""Tests for analysis.numbers: every expected value below is written by hand."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.numbers import is_chinese_numeral, parse_arabic, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic, with separators, decimals, full-width digits and percent signs
        ("8879", 8879),
        ("1,262", 1262),
        ("12,345.6", 12345.6),
        ("720183.79", 720183.79),
        ("１２", 12),  # full-width digits are folded
        ("１，２６２", 1262),  # full-width comma as a thousands separator
        ("92.16%", 92.16),
        ("100％", 100),
        ("0", 0),
        (" 38 ", 38),
        # multipliers
        ("1.9万", 19000),
        ("1262万", 12620000),
        ("3.2亿", 320000000),
        ("1.5千", 1500),
        ("2千万", 20000000),
        ("1.5万亿", 1.5e12),
        # Chinese numerals
        ("两", 2),
        ("十", 10),
        ("十八", 18),
        ("一百二十三", 123),
        ("三千五百", 3500),
        ("两万", 20000),
        ("一万零五", 10005),
        ("二〇二三", 2023),  # digit-by-digit
        ("七十五点五", 75.5),
        ("〇", 0),
        # mixed
        ("1.5万", 15000),
        # fractions in words, as a percent
        ("百分之四十", 40),
        ("百分之七十五点五", 75.5),
        ("百分之百", 100),
        ("万分之五", 0.05),
        ("千分之三", 0.3),
        ("百分之5", 5),
    ],
)
def test_parse_number_values(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "万",  # a multiplier alone is not a number
        "百",
        "亿",
        "十几",  # vague
        "三四",  # 'three or four': ambiguous digit pair
        "1,2345",  # a separator in the wrong place
        "1.2.3",
        "第一",
        "百分之",
        "%",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_non_string_gives_none() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(12) is None  # type: ignore[arg-type]


def test_helpers() -> None:
    assert parse_arabic("1,234.5") == 1234.5
    assert parse_arabic("1.9万") is None
    assert parse_chinese("十八") == 18
    assert parse_chinese("几") is None
    assert is_chinese_numeral("两")
    assert is_chinese_numeral("一百二十三")
    assert not is_chinese_numeral("12")
    assert not is_chinese_numeral("")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_arbitrary_text_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="零〇一二三四五六七八九十百千万亿两点分之1234567890.,%万余多", max_size=12))
def test_numeral_soup_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n  # with thousands separators


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_round_trip(whole: int, cents: int) -> None:
    text = f"{whole}.{cents:02d}"
    assert parse_number(text) == pytest.approx(float(text))
    assert parse_number(f"{whole:,}.{cents:02d}") == pytest.approx(float(text))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_round_trip(n: int) -> None:
    written = cn2an.an2cn(n)
    assert parse_number(written) == n, written


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿"]))
def test_multiplier_round_trip(n: int, mult: str) -> None:
    factor = {"万": 10_000, "亿": 100_000_000}[mult]
    assert parse_number(f"{n}{mult}") == n * factor
