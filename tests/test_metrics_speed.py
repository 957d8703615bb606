"""The shortcuts that make metric extraction fast change no result: guarded patterns find the
same matches as the patterns they guard, and lexicon tables read without pandas are read as
pandas reads them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import metrics, paths
from analysis.lexicons import guarded_pattern
from analysis.numbers import CN_NUMERAL_CHARS

LEX = metrics._lexicon(str(metrics.UNITS_FILE), str(metrics.PATTERNS_FILE))
# characters that make the patterns match (and some that do not)
ALPHABET = (
    CN_NUMERAL_CHARS
    + "0123456789.:·-号线工作法党的大届中全会G级政府进统一早规划纲要第分之点万余多件人%热线 ,\n“”《》abcZ"
)


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _unguarded(rx: re.Pattern) -> re.Pattern:
    p = rx.pattern
    if p.startswith("(?=["):
        p = p[p.index("])(?:") + 5 : -1]
    return re.compile(p)


def test_long_alternations_are_guarded() -> None:
    assert LEX.name_re.pattern.startswith("(?=[")
    assert LEX.master_re.pattern.startswith("(?=[")
    assert _unguarded(LEX.name_re).pattern == metrics._alt(
        metrics._load_patterns(str(metrics.PATTERNS_FILE))["name"] + metrics._numeral_place_names()
    )


@pytest.mark.parametrize(
    ("pattern", "guarded"),
    [
        (r"ab|cd", True),
        (r"(?<![\d.])\d+|[一二]+", True),  # a look-behind is skipped
        (r"(?:x?y)+z", True),  # optional first item: both x and y start a match
        (r"\s?[”\"]?热线", True),
        (r"x?", False),  # can match empty
        (r"[^a]b", False),  # a negated class
        (r".b", False),  # any character
        (r"(?i)ab", False),  # case-insensitive
        (r"(?i:a)b", False),
        (r"(a)\1", True),
    ],
)
def test_guard_only_when_the_first_characters_are_known(pattern: str, guarded: bool) -> None:
    rx = guarded_pattern(pattern)
    assert rx.pattern.startswith("(?=[") is guarded
    for text in ("abcd xyz yyz 热线 ”热线 a1 一二 .5 3b Ab aa", "xxyyz", ""):
        assert _spans(rx, text) == _spans(re.compile(pattern), text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_guarded_patterns_find_the_same_matches(text: str) -> None:
    for rx in (LEX.name_re, LEX.master_re):
        plain = _unguarded(rx)
        assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ]
    for m in LEX.master_re.finditer(text):  # _find_hits tells the kind of number this way
        assert (m.lastgroup in ("ar", "cn")) is (not m.group("frac") and not m.group("ratio"))


def _pandas_rows(path) -> tuple[list[str], list]:
    df = metrics._read_tsv_frame(path)
    return [str(c) for c in df.columns], [list(v) for v in df.itertuples(index=False, name=None)]


def _own_rows(path) -> tuple[list[str], list]:
    columns, rows = metrics._read_tsv(path)
    return columns, [[getattr(r, c) for c in columns] for r in rows]


@pytest.mark.parametrize("name", sorted(p.name for p in paths.LEXICON_DIR.glob("*.tsv")))
def test_lexicon_tables_are_read_as_pandas_reads_them(name: str, monkeypatch) -> None:
    path = paths.LEXICON_DIR / name
    expected = _pandas_rows(path)

    def no_pandas(path):
        raise AssertionError("read with pandas")

    monkeypatch.setattr(metrics, "_read_tsv_frame", no_pandas)  # the shipped files are plain
    assert repr(_own_rows(path)) == repr(expected)


@pytest.mark.parametrize(
    "content",
    [
        "a\tb\tc\n1\t2\t3\n",
        "# comment\n\na\tb\n# more\nx # inline\ty\n\nz\t\n",  # inline comment, empty cell
        'a\tb\n"q"\tNA\n\t\n',  # quotes are text, NA is text, a row of empty cells
        "a\tb\nonly one\n",  # a short row: pandas decides
        "a\tb\n1\t2\t3\n",  # a long row
        "a\ta\n1\t2\n",  # duplicate column names
        "\ufeffa\tb\n1\t2\n",  # a BOM
        "a\tb\r\n1\t2\r\n",  # Windows line ends
        "a\tb\n   \n1\t2\n",  # a line of spaces
        "a\t\n1\t2\n",  # an unnamed column
        "a\tb\n1#\t2\n",
        "a\tb\nx\t y # note\n",  # spaces kept, comment cut
        "a\tb\tc\n1\t\t3\n# end\n",  # an empty cell inside
    ],
)
def test_odd_tables_are_read_as_pandas_reads_them(content: str, tmp_path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(content, encoding="utf-8")
    try:
        expected = _pandas_rows(path)
    except Exception as e:  # pandas refuses the file: so does the reader
        with pytest.raises(type(e)):
            _own_rows(path)
        return
    assert repr(_own_rows(path)) == repr(expected)
