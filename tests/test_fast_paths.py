"""The fast paths of cleaning, metadata and sections give what the plain versions give.

Each test states the plain computation (the one the fast path replaced) and checks that
the fast path agrees with it, on random text drawn from the characters that matter.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import cleaning, metadata, reading, sections
from analysis.normalize import fold


# ------------------------------------------------------------------ cleaning
def _plain_pdf_shape(raws: list[str]) -> tuple[bool, str, int]:
    best = (False, "chars", 0, 0.0)
    lines = [r.rstrip() for r in raws if cleaning._strip(r)]
    n = len(lines)
    if n < 6:
        return False, "chars", 0
    for measure, fn, tol in (("chars", len, 1), ("display", cleaning._display_width, 3)):
        counts = Counter(fn(r) for r in lines)
        top_w, top_c = 0, 0
        for w in counts:
            if w < 20:
                continue
            c = sum(v for u, v in counts.items() if w - tol <= u <= w)
            if c > top_c or (c == top_c and w > top_w):
                top_w, top_c = w, c
        frac = top_c / n
        margin = 0.1 if best[0] else 0.0
        if top_c >= 5 and frac >= 0.3 and top_w <= 200 and frac > best[3] + margin:
            best = (True, measure, top_w, frac)
    return best[0], best[1], best[2]


_LINE_CHARS = list("法治政府建设报告ab1 ,。\u3000（）ｱ") + ["\u200b"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.text(alphabet=st.sampled_from(_LINE_CHARS), max_size=4)),
        max_size=30,
    )
)
def test_pdf_shape_equals_the_plain_count(spec) -> None:
    # lines of chosen lengths, so that widths cluster as in text copied from a PDF
    raws = [(tail * 60)[:n] if tail else "法" * n for n, tail in spec]
    assert cleaning._pdf_shape(raws) == _plain_pdf_shape(raws)


def test_pdf_shape_of_the_seeds_in_every_shape() -> None:
    from shapes import to_mixed, to_pdf_shape

    from analysis import paths

    seen = set()
    for path in sorted(paths.RAW_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for shaped in (text, to_pdf_shape(text), to_pdf_shape(to_mixed(text), width=28)):
            raws = shaped.replace("\r\n", "\n").split("\n")
            got = cleaning._pdf_shape(raws)
            assert got == _plain_pdf_shape(raws)
            seen.add(got[:2])
    assert {(True, "chars"), (False, "chars")} <= seen


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_LINE_CHARS + ["é", "Ａ", "\U00020000"]))))
def test_display_widths_equal_display_width_line_by_line(lines: list[str]) -> None:
    assert cleaning._display_widths(lines) == [cleaning._display_width(s) for s in lines]


def test_display_widths_with_a_lone_surrogate() -> None:
    assert cleaning._display_widths(["a\ud800", "法"]) == [2, 2]


# ------------------------------------------------------------------ metadata
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("《》〔〕\na2"))))
def test_quoted_spans_equal_the_alternation(text: str) -> None:
    want = [m.span() for m in re.finditer(r"《[^《》\n]*》|〔[^〔〕\n]*〕", text)]
    assert metadata._quoted_spans(text) == want


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("《》〔〕\na"))), st.integers(-2, 40))
def test_inside_equals_any_span(text: str, pos: int) -> None:
    spans = metadata._quoted_spans(text)
    assert metadata._inside(pos, spans) == any(a <= pos < b for a, b in spans)


def _plain_place_before(text: str, pos: int) -> tuple[str, list[str]]:
    window = text[max(0, pos - 16) : pos]
    for k in range(len(window), 1, -1):
        parts = metadata._segment_places(window[-k:])
        if parts:
            return window[-k:], parts
    return "", []


_PLACE_PARTS = ["重庆市", "九龙坡区", "上海市", "嘉定区", "嘉定", "鼓楼区", "济宁市", "市", "区"]
_PLACE_PARTS += ["我", "城市管理局", ",", "山东省", "任城区", "重庆", "南岸区", "南"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PARTS), max_size=10), st.integers(0, 40))
def test_place_before_equals_the_longest_segmentable_suffix(parts, pos) -> None:
    text = "".join(parts)
    pos = min(pos, len(text))
    assert metadata._place_before(text, pos) == _plain_place_before(text, pos)


@functools.lru_cache(maxsize=1)
def place_alternation() -> re.Pattern[str]:
    """The plain reference for the place scans: one alternation of every gazetteer name of two
    characters or more, longest first (what metadata compiled before session 17)."""
    names, _ = metadata._place_names()
    alternatives = sorted((n for n in names if len(n) >= 2), key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, alternatives)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PARTS + ["\ud800", "a"]), max_size=12))
def test_find_places_equals_the_alternation(parts) -> None:
    text = "".join(parts)
    want = [m.group(0) for m in place_alternation().finditer(text)]
    assert metadata._find_places(text) == want


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PARTS + ["\ud800", "a"]), max_size=12), st.integers(0, 40))
def test_place_at_equals_the_alternation_matched_there(parts, pos) -> None:
    text = "".join(parts)
    pos = min(pos, len(text))
    m = place_alternation().match(text, pos)
    assert metadata._place_at(text, pos) == (m.group(0) if m else None)


def test_place_at_by_hand() -> None:
    assert metadata._place_at("重庆市九龙坡区城市管理局", 3) == "九龙坡区"
    assert metadata._place_at("重庆市九龙坡区城市管理局", 0) == "重庆市"
    assert metadata._place_at("重庆市九龙坡区城市管理局", 7) is None
    assert metadata._place_at("重庆", 2) is None


def test_year_and_title_from_the_folded_text_equal_the_public_functions() -> None:
    text = "重庆市九龙坡区城市管理局\n２０２３年法治政府建设年度报告\n2023年,我局……。"
    title = metadata.find_title(text)
    assert title == "重庆市九龙坡区城市管理局２０２３年法治政府建设年度报告"
    assert metadata._find_title(text, fold(text)) == title
    assert metadata.infer_year(text, "") == metadata._infer_year(fold(text), "") == "2023"


# ------------------------------------------------------------------ sections
def _plain_match_strong(s: str):
    for rx, level in (
        (sections._L2, 2),
        (sections._L4, 4),
        (sections._L1, 1),
        (sections._L1_CHAPTER, 1),
        (sections._L3, 3),
    ):
        m = rx.match(s)
        if m is None:
            continue
        if level in (1, 2) and sections.cn_numeral_value(m["num"]) is None:
            continue
        return level, m.end()
    return None


_MARKER_CHARS = list("()一二十第三部分章、.1２٣ 0a。")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MARKER_CHARS), max_size=8))
def test_marker_dispatch_on_the_first_character_equals_trying_every_pattern(s: str) -> None:
    got = sections._match_strong(s)
    assert (None if got is None else (got.level, got.end)) == _plain_match_strong(s)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("存在的问题不足下一步计划领导学习执法营商普法2023年建议")),
        max_size=12,
    )
)
def test_themes_by_priority_equal_the_best_key_over_all_patterns(heading: str) -> None:
    compiled = sections._default_themes()
    assert sections._theme_by_priority(
        heading, sections._by_priority(compiled)
    ) == sections._theme_of(heading, compiled)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一、(二)\n 。\u3000abc")), max_size=40))
def test_split_lines_offsets_and_bodies(text: str) -> None:
    folded = fold(text)
    lines = sections._split_lines(text, folded)
    # the pieces cover the text in order; a line is cut only where a 一、/(一) paragraph starts
    joined = "".join(
        text[ln.start : ln.end] + ("\n" if text[ln.end : ln.end + 1] == "\n" else "")
        for ln in lines
    )
    assert joined == text
    for prev, ln in zip(lines, lines[1:], strict=False):
        if prev.end == ln.start:  # a cut inside a line
            marker = sections.match_outline_marker(ln.folded)
            assert marker is not None and marker[0] <= 2
    for ln in lines:
        assert ln.folded == folded[ln.start : ln.end]
        assert ln.body == ln.folded[ln.lead :].rstrip(sections._STRIP)


_CUSTOM = [
    r"^(来源|出处)\s*:",
    r"^a|b$",
    r"(?i)^copyright",
    r"^(\d)\1$",
    r"^(?P<x>分享)",
    r"^(?P<x>打印)",
    r"公网安备",
    r"^.{0,3}版权所有$",
]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("来源出处: ab1122分享打印版权所有公网安备Copyright")),
        max_size=12,
    )
)
def test_anchored_union_matches_exactly_when_a_member_does(s: str) -> None:
    regexes = tuple(re.compile(p) for p in _CUSTOM)
    union, members = cleaning._anchored_union(regexes)
    assert union is None  # the group name x is used twice: no union
    regexes = tuple(re.compile(p) for p in _CUSTOM if "?P<x>打印" not in p)
    union, members = cleaning._anchored_union(regexes)
    assert union is not None
    assert {regexes[k].pattern for k in members} == {
        r"^(来源|出处)\s*:",
        r"^a|b$",
        r"^(?P<x>分享)",
        r"^.{0,3}版权所有$",
    }
    assert (union.search(s) is not None) == any(regexes[k].search(s) for k in members)


def test_cleaning_with_the_union_equals_cleaning_without_it(monkeypatch) -> None:
    import pandas as pd
    from shapes import to_mixed, to_pdf_shape

    from analysis import paths

    custom = [("custom", p, "anywhere") for p in _CUSTOM if "?P<x>打印" not in p]
    custom.insert(1, ("tail_only", r"^xb$", "tail"))
    custom_table = pd.DataFrame(custom, columns=["rule", "pattern", "scope"])
    lines = [
        "来源:某局",
        "xb",
        "COPYRIGHT 2024",
        "11",
        "12",
        "分享到",
        "豫公网安备1号",
        "某局版权所有",
    ]
    texts = []
    for path in sorted(paths.RAW_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text, to_pdf_shape(to_mixed(text)), "\n".join(lines) + "\n" + text]
        texts.append(text + "\n" + "\n".join(lines))
    tables = [None, custom_table, pd.concat([cleaning.load_chrome_patterns(), custom_table])]
    fast = [cleaning._clean(t, _compiled(table)) for t in texts for table in tables]
    monkeypatch.setattr(cleaning, "_anchored_union", lambda regexes: (None, frozenset()))
    plain = [cleaning._clean(t, _compiled(table)) for t in texts for table in tables]
    assert fast == plain
    assert any(rule == "custom" for _, removed, _ in fast for _, _, rule in removed)


def _compiled(table):
    return cleaning._default_compiled() if table is None else cleaning._compile_patterns(table)


def test_paths_under_equal_sorted_rglob(tmp_path) -> None:
    from analysis.manifest import _paths_under

    for rel in ["a/x.txt", "a-b/x.txt", "a.txt", "b/c/d.html", "B.txt", "a b/y.txt", ".hidden.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    want = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*"))]
    assert _paths_under(tmp_path) == want


# ------------------------------------------------------------------ reading and bureau names
_BUREAU_ALPHABET = "城市管理局综合行政执法和与及人民政府镇街道办事处公安分司法厅海关军大委员会热线中心12345九龙坡区 ,。\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_BUREAU_ALPHABET, max_size=60))
def test_bureau_names_guarded_equal_the_plain_alternation(text: str) -> None:
    guarded = metadata._bureau_re()
    assert guarded.pattern.startswith("(?=[")  # the look-ahead is there to be tested
    plain = re.compile(guarded.pattern[guarded.pattern.index("])(?:") + 5 : -1])
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


_SCRIPT_ALPHABET = (
    "法治政府的是在了一 \t\n\u3000\xa0ａ,。、\uac00\ue000\u0378ÃæÃ©a1\u2028\u3400\uf900"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SCRIPT_ALPHABET, max_size=300))
def test_script_counts_equal_counting_character_by_character(text: str) -> None:
    assert reading._cjk_count(text) == len(reading._CJK.findall(text))
    assert len(reading._COMMON_RE.findall(text)) == sum(c in reading._COMMON_CJK for c in text)
    assert sum(map(len, text.split())) == sum(not c.isspace() for c in text)
    outside = [c for c in text if ord(c) > 0x7F and not reading._CJK.match(c)]
    outside = [c for c in outside if not "\u3000" <= c <= "\u303f"]
    assert reading._OUTSIDE_CJK.findall(text) == outside
