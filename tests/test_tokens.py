"""Tests for analysis/tokens.py: segmentation backends, the tokens table and the audit."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import warnings
from importlib import metadata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import paths, schema
from analysis.normalize import fold
from analysis.tokens import (
    audit_segmentation,
    backend_info,
    read_user_dictionary,
    resolve_backend,
    segment,
    segment_spans,
    tokenize_sections,
)

BOTH = ("jieba", "rjieba")


# ------------------------------------------------------------------ seeds
def _seed_sections() -> pd.DataFrame:
    """The seed reports as sections: split_sections when it exists, else one per file."""
    files = sorted(paths.RAW_DIR.glob("*.txt"))
    assert len(files) == 5
    try:
        from analysis.sections import split_sections
    except ImportError:  # sections.py not there yet: one section per report
        split_sections = None
    frames = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if split_sections is not None:
            frames.append(split_sections(text, report_id=path.stem))
        else:
            frames.append(
                pd.DataFrame(
                    {"report_id": [path.stem], "section_id": ["0"], "start": [0], "text": [text]}
                )
            )
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="module")
def seed_sections() -> pd.DataFrame:
    return _seed_sections()


# ------------------------------------------------------------------ segment
@pytest.mark.parametrize("backend", BOTH)
@pytest.mark.parametrize(
    "text, expected",
    [
        # user-dictionary terms come out whole; HMM off
        ("坚持以习近平法治思想为指导", ["坚持", "以", "习近平法治思想", "为", "指导"]),
        ("落实行政执法三项制度", ["落实", "行政执法三项制度"]),
        # digits + Chinese in one dictionary term
        ("拨打12345热线", ["拨打", "12345热线"]),
        # punctuation is a piece of its own
        ("坚持首违不罚、轻微免罚", ["坚持", "首违不罚", "、", "轻微免罚"]),
        ("推行城管进社区和非现场执法", ["推行", "城管进社区", "和", "非现场执法"]),
        # Latin letters stay together
        ("LED显示屏", ["LED", "显示屏"]),
        ("", []),
    ],
)
def test_segment_by_hand(backend, text, expected):
    assert segment(text, backend) == expected


def test_resolve_backend():
    assert resolve_backend("jieba") == "jieba"
    assert resolve_backend("rjieba") == "rjieba"
    assert resolve_backend("auto") == "rjieba"  # rjieba is installed in this project
    with pytest.raises(ValueError, match="unknown segmentation backend"):
        resolve_backend("pkuseg")


def test_backend_info():
    info = backend_info("auto")
    assert info["name"] == "rjieba"
    assert info["version"] == metadata.version("rjieba")
    assert info["hmm"] is False
    assert backend_info("jieba")["version"] == metadata.version("jieba")
    json.dumps(info)  # goes into build_info.json


@pytest.mark.parametrize("backend", BOTH)
def test_segment_spans(backend):
    text = "一、加强领导\n(一)做好年度述法工作。"
    spans = segment_spans(text, backend)
    for piece, start in spans:
        assert text[start : start + len(piece)] == piece
    assert "".join(p for p, _ in spans) == text


# Characters reports are made of, plus some awkward ones (full-width forms, odd spaces,
# ideographic punctuation, digits of other scripts, an emoji, combining marks).
ALPHABET = (
    "法治政府建设行政执法城市管理普法责任制习近平思想三项制度综合的了和在对是为一二三十"
    "0123456789abcXYZ.%+-#&_ ,;:()!?\n\t\r"
    "，。、；：（）《》“”【】〔〕——…·"
    "\u3000\u00a0\u200b０１２ＡＢ％＋"
    "①Ⅷ٣😀é\u0301"
)


# On made-up strings the backends may break an exact tie differently: in 想想想市 the cuts
# 想/想想 and 想想/想 score the same and floating-point rounding decides (jieba and rjieba add
# the same logarithms in another order). Real text has not shown one such tie (the seeds and
# the held-out reports, below), so agreement is required there, and here only that nothing
# is lost and that the cuts differ at most by how a run of one repeated character is split.
def _repeated_runs_only(a: list[str], b: list[str]) -> bool:
    """The two cuts agree outside runs of a repeated character (想想想)."""
    cuts_a = set(itertools.accumulate(len(p) for p in a))
    cuts_b = set(itertools.accumulate(len(p) for p in b))
    text = "".join(a)
    return all(0 < i < len(text) and text[i - 1] == text[i] for i in cuts_a ^ cuts_b)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_segment_never_loses_text_and_backends_agree(text):
    jieba_pieces = segment(text, "jieba")
    rjieba_pieces = segment(text, "rjieba")
    assert "".join(jieba_pieces) == text == "".join(rjieba_pieces)
    assert _repeated_runs_only(jieba_pieces, rjieba_pieces)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_segment_any_text_backends_agree(text):
    assert "".join(segment(text, "rjieba")) == text
    assert _repeated_runs_only(segment(text, "jieba"), segment(text, "rjieba"))


def test_an_exact_tie_is_the_only_known_difference():
    # documented above: the two cuts of 想想想 score the same
    assert "".join(segment("想想想市", "rjieba")) == "想想想市"
    assert _repeated_runs_only(segment("想想想市", "jieba"), segment("想想想市", "rjieba"))
    assert not _repeated_runs_only(["城市", "管理"], ["城", "市管理"])


def test_heldout_backends_give_identical_tokens():
    from analysis.build import read_corpus
    from analysis.manifest import validate_raw

    heldout = Path(__file__).parent / "fixtures" / "heldout"
    corpus = read_corpus(validate_raw(heldout))
    for text in corpus.texts.values():
        for line in text.split("\n"):
            folded = fold(line)
            assert segment(folded, "rjieba") == segment(folded, "jieba")


# ------------------------------------------------------------------ isolation
ISOLATION_SCRIPT = r"""
import json, jieba, rjieba
sample = "坚持以习近平法治思想为指导,落实行政执法三项制度"
out = {}
out["global_before"] = jieba.lcut(sample, HMM=False)
import analysis.tokens as T
out["loaded_at_import"] = [
    T._jieba_tokenizer.cache_info().currsize, T._rjieba_tokenizer.cache_info().currsize
]
out["ours"] = {b: T.segment(sample, b) for b in ("jieba", "rjieba")}
out["global_after"] = jieba.lcut(sample, HMM=False)
out["global_freq"] = jieba.dt.FREQ.get("习近平法治思想")
# somebody else adds a word to jieba's and rjieba's global dictionaries
jieba.add_word("以习近", 10**9)
rjieba.add_word("以习近", 10**9, None)
out["global_changed"] = jieba.lcut(sample, HMM=False)
out["rjieba_global_changed"] = rjieba.cut(sample, False)
out["ours_after"] = {b: T.segment(sample, b) for b in ("jieba", "rjieba")}
print(json.dumps(out, ensure_ascii=False))
"""


def test_private_tokenizers_do_not_touch_global_jieba():
    result = subprocess.run(
        [sys.executable, "-c", ISOLATION_SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.PROJECT_ROOT,
    )
    out = json.loads(result.stdout.strip().splitlines()[-1])
    # nothing loaded by importing the module
    assert out["loaded_at_import"] == [0, 0]
    # using our segmenter leaves the global jieba as it was; it never learns our terms
    assert out["global_after"] == out["global_before"]
    assert "习近平法治思想" not in out["global_after"]
    assert out["global_freq"] is None
    ours = ["坚持", "以", "习近平法治思想", "为", "指导", ",", "落实", "行政执法三项制度"]
    assert out["ours"] == {"jieba": ours, "rjieba": ours}
    # others' add_word changes their segmentation, never ours
    assert "以习近" in out["global_changed"]
    assert "以习近" in out["rjieba_global_changed"]
    assert out["ours_after"] == {"jieba": ours, "rjieba": ours}


def test_jieba_cache_lives_in_the_project():
    from analysis.tokens import _jieba_tokenizer

    tokenizer = _jieba_tokenizer()
    assert _jieba_tokenizer() is tokenizer  # built once per process
    cache = paths.CACHE_DIR / "jieba" / "jieba.cache"
    assert tokenizer.tmp_dir == str(cache.parent)
    assert cache.is_file()


# ------------------------------------------------------------------ user dictionary
def test_read_user_dictionary(tmp_path):
    (tmp_path / "ud.txt").write_text(
        "# test dictionary\n"
        "法治城管 5000 nz\n"
        "１２３４５热线 4000 nz\n"  # full-width digits are folded, as the text is
        "城管驿站\n"  # freq and pos omitted -> 3000, nz
        "述法 v\n"  # pos without freq
        "双随机、一公开 3000 nz\n"  # '、' can never be inside one token: skipped
        "法治城管 6000 l\n",  # listed twice: the last line wins
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="双随机、一公开"):
        table = read_user_dictionary("ud.txt", lexicon_dir=tmp_path)
    expected = pd.DataFrame(
        {
            "word": ["12345热线", "城管驿站", "述法", "法治城管"],
            "freq": [4000, 3000, 3000, 6000],
            "pos": ["nz", "nz", "v", "l"],
        }
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_shipped_user_dictionary_loads_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = read_user_dictionary()
    assert len(table) >= 300


# ------------------------------------------------------------------ tokens table
HAND_SECTIONS = pd.DataFrame(
    {
        "report_id": ["r1", "r1", "r1"],
        "section_id": ["0", "1", "2"],
        "start": [0, 30, 60],
        "text": [
            "坚持以习近平法治思想为指导,进一步落实普法责任制。",
            "办理案件１２件，罚款3.5万元",  # full-width digits and comma
            "。、\u3000 ",  # punctuation and spaces only: no token
        ],
    }
)

# token, position, start, pos, stopword, formulaic - written by hand
HAND_TOKENS = [
    ("0", "坚持", 0, 0, "v", False, True),
    ("0", "以", 1, 2, "p", True, False),
    ("0", "习近平法治思想", 2, 3, "nz", False, False),
    ("0", "为", 3, 10, "p", True, False),
    ("0", "指导", 4, 11, "n", False, False),
    # ',' at 13 is left out
    ("0", "进一步", 5, 14, "d", False, True),
    ("0", "落实", 6, 17, "a", False, True),
    ("0", "普法责任制", 7, 19, "nz", False, False),
    # '。' at 24 is left out
    ("1", "办理", 0, 30, "n", False, False),
    ("1", "案件", 1, 32, "n", False, False),
    ("1", "12", 2, 34, "m", False, False),  # folded from １２; a number: kept, tag m
    ("1", "件", 3, 36, "zg", True, False),
    # '，' at 37 is left out
    ("1", "罚款", 4, 38, "n", False, False),
    ("1", "3", 5, 40, "m", False, False),  # HMM off: 3.5 -> 3 . 5, the point dropped
    ("1", "5", 6, 42, "m", False, False),
    ("1", "万元", 7, 43, "m", False, False),
]


@pytest.mark.parametrize("backend", BOTH)
def test_tokenize_sections_by_hand(backend):
    tokens = tokenize_sections(HAND_SECTIONS, backend=backend)
    assert list(tokens.columns) == list(schema.TOKENS.columns)
    expected = pd.DataFrame(
        HAND_TOKENS,
        columns=["section_id", "token", "position", "start", "pos", "stopword", "formulaic"],
    )
    expected.insert(0, "report_id", "r1")
    expected = expected[list(schema.TOKENS.columns)]
    pd.testing.assert_frame_equal(tokens, expected, check_dtype=False)
    assert tokens["position"].dtype == "int64"
    assert tokens["start"].dtype == "int64"
    assert tokens["stopword"].dtype == bool


def test_token_offsets_point_into_the_original_text():
    tokens = tokenize_sections(HAND_SECTIONS)
    full = {0: HAND_SECTIONS["text"][0], 30: HAND_SECTIONS["text"][1]}
    for row in tokens.itertuples():
        base = 0 if row.section_id == "0" else 30
        raw = full[base][row.start - base : row.start - base + len(row.token)]
        assert fold(raw) == row.token


def test_tokenize_sections_empty_input():
    empty = HAND_SECTIONS.iloc[0:0]
    out = tokenize_sections(empty)
    assert list(out.columns) == list(schema.TOKENS.columns)
    assert out.empty
    only_punct = HAND_SECTIONS.iloc[2:3]
    assert tokenize_sections(only_punct).empty


def test_tokenize_sections_needs_columns():
    with pytest.raises(KeyError, match="text"):
        tokenize_sections(HAND_SECTIONS.drop(columns="text"))


# ------------------------------------------------------------------ seeds
def test_seed_backends_give_identical_tokens(seed_sections):
    for text in seed_sections["text"]:
        folded = fold(text)
        assert segment(folded, "rjieba") == segment(folded, "jieba")
    pd.testing.assert_frame_equal(
        tokenize_sections(seed_sections, backend="rjieba"),
        tokenize_sections(seed_sections, backend="jieba"),
    )


def test_seed_tokens_table(seed_sections):
    tokens = tokenize_sections(seed_sections)
    assert list(tokens.columns) == list(schema.TOKENS.columns)
    assert not tokens.duplicated(["report_id", "section_id", "position"]).any()
    assert tokens["token"].map(lambda t: any(c.isalnum() for c in t)).all()
    assert not tokens["token"].str.contains(r"\s").any()
    texts = {(r.report_id, r.section_id): (r.start, r.text) for r in seed_sections.itertuples()}
    for row in tokens.sample(500, random_state=0).itertuples():
        start, text = texts[(row.report_id, row.section_id)]
        local = row.start - start
        assert fold(text[local : local + len(row.token)]) == row.token
    # positions are 0..n-1 in every section
    for _, group in tokens.groupby(["report_id", "section_id"]):
        assert group["position"].tolist() == list(range(len(group)))
        assert group["start"].is_monotonic_increasing


def test_seed_dictionary_terms_are_single_tokens(seed_sections):
    """Every occurrence of a user term in the seeds is one token, or inside one token.

    Inside one longer token is accepted: the general dictionary's longer word wins, as it
    should (市容 in 市容管理, 信访 in 信访件). Excluded from the check: occurrences that
    overlap another user term's occurrence (inside a longer term such as 普法 in
    普法责任制, or sharing characters with a neighbouring term such as 综合行政执法 /
    行政执法公示制度 in 综合行政执法公示制度): of two overlapping terms only one can be a
    token. A term cannot straddle a line or sentence break (the loader rejects terms with
    spaces or punctuation, and jieba cuts only inside runs of CJK / ASCII characters), but
    it can straddle a word boundary: a short term matched by accident across two words
    (管执 in 监管执法) must lose, so such abbreviations are kept out of the dictionary
    (管执联动 is in it, 管执 is not) and this test would flag one.
    """
    terms = read_user_dictionary()["word"].tolist()
    checked, failures = 0, []
    for text in seed_sections["text"]:
        folded = fold(text)
        spans = [(s, s + len(p), p) for p, s in segment_spans(folded, "rjieba")]
        occurrences = []
        for term in terms:
            i = folded.find(term)
            while i >= 0:
                occurrences.append((i, i + len(term), term))
                i = folded.find(term, i + 1)
        for s, e, term in occurrences:
            if any((s2, e2) != (s, e) and s2 < e and s < e2 for s2, e2, _ in occurrences):
                continue  # overlaps another user term
            checked += 1
            covering = [span for span in spans if span[0] < e and span[1] > s]
            if len(covering) != 1:  # split into pieces
                failures.append((term, [span[2] for span in covering]))
    assert checked > 500  # the test looks at many occurrences
    assert failures == []


# ------------------------------------------------------------------ audit
def _hand_tokens(report_id, section_id, pieces, stop=(), form=()):
    """A tokens table for (piece, start) pairs written by hand."""
    return pd.DataFrame(
        {
            "report_id": report_id,
            "section_id": section_id,
            "position": range(len(pieces)),
            "start": [s for _, s in pieces],
            "token": [p for p, _ in pieces],
            "pos": "",
            "stopword": [p in stop for p, _ in pieces],
            "formulaic": [p in form for p, _ in pieces],
        }
    )


def test_audit_by_hand():
    text = "甲乙丙丁。甲乙丙丁。甲乙丙丁。戊己庚辛。的城市的城市的城市"
    #       0123 4 5678 9 ...
    sections = pd.DataFrame(
        {"report_id": ["r"], "section_id": ["0"], "start": [100], "text": [text]}
    )
    pieces = [
        ("甲乙", 100),
        ("丙丁", 102),
        ("甲乙", 105),
        ("丙丁", 107),
        ("甲乙", 110),
        ("丙丁", 112),
        ("戊己", 115),
        ("庚辛", 117),
        ("的", 120),
        ("城市", 121),
        ("的", 123),
        ("城市", 124),
        ("的", 126),
        ("城市", 127),
    ]
    tokens = _hand_tokens("r", "0", pieces, stop={"的"})
    audit = audit_segmentation(sections, tokens, terms=["戊己庚", "甲乙", "城市"])
    expected = pd.DataFrame(
        [
            # 戊己庚 occurs once, split across 戊己 / 庚辛
            ("r", "dictionary_term_split", "戊己庚", 1, 1, "戊己 / 庚辛"),
            # 甲乙丙丁: 3 times, always 甲乙 / 丙丁. 的城市 has a stopword piece: not listed.
            # 城市的城 etc. straddle token edges; 甲乙 and 城市 are single tokens.
            ("r", "frequent_phrase_split", "甲乙丙丁", 3, 3, "甲乙 / 丙丁"),
        ],
        columns=["report_id", "kind", "phrase", "n", "n_total", "pieces"],
    )
    pd.testing.assert_frame_equal(audit, expected, check_dtype=False)


def test_audit_keeps_only_phrases_always_split_and_maximal():
    text = "甲乙丙丁,甲乙丙丁,甲乙丙丁,甲乙丙丁"
    sections = pd.DataFrame({"report_id": ["r"], "section_id": ["0"], "start": [0], "text": [text]})
    # three times 甲乙 / 丙 / 丁, the fourth time one token 甲乙丙丁
    pieces = [
        ("甲乙", 0),
        ("丙", 2),
        ("丁", 3),
        ("甲乙", 5),
        ("丙", 7),
        ("丁", 8),
        ("甲乙", 10),
        ("丙", 12),
        ("丁", 13),
        ("甲乙丙丁", 15),
    ]
    tokens = _hand_tokens("r", "0", pieces)
    audit = audit_segmentation(sections, tokens, terms=[])
    # 甲乙丙丁 is once a token -> not "always split"; 甲乙丙 is split all 3 times it
    # occurs outside that token, but it also occurs inside it (4 occurrences > 3) -> out.
    assert audit.empty
    assert list(audit.columns) == ["report_id", "kind", "phrase", "n", "n_total", "pieces"]

    tokens = _hand_tokens("r", "0", pieces[:9] + [("甲乙", 15), ("丙", 17), ("丁", 18)])
    audit = audit_segmentation(sections, tokens, terms=[])
    # now 甲乙丙 (4) and 甲乙丙丁 (4): only the longer one is listed
    assert audit["phrase"].tolist() == ["甲乙丙丁"]
    assert audit["pieces"].tolist() == ["甲乙 / 丙 / 丁"]
    assert audit["n"].tolist() == [4]


def test_audit_on_the_seeds(seed_sections):
    tokens = tokenize_sections(seed_sections)
    audit = audit_segmentation(seed_sections, tokens)
    assert list(audit.columns) == ["report_id", "kind", "phrase", "n", "n_total", "pieces"]
    assert set(audit["kind"]) <= {"dictionary_term_split", "frequent_phrase_split"}
    assert (audit["n"] >= 1).all() and (audit["n"] <= audit["n_total"]).all()
    frequent = audit[audit["kind"] == "frequent_phrase_split"]
    assert (frequent["n"] >= 3).all()
    assert frequent["phrase"].str.len().between(3, 6).all()
    assert (frequent["pieces"].str.replace(" / ", "") == frequent["phrase"]).all()


# ------------------------------------------------------------------ fast path
@pytest.mark.parametrize("backend", BOTH)
def test_token_columns_by_hand(backend):
    from analysis.tokens import token_columns

    cols = token_columns(
        ["r1"] * 3,
        HAND_SECTIONS["section_id"].tolist(),
        HAND_SECTIONS["start"].tolist(),
        HAND_SECTIONS["text"].tolist(),
        backend,
    )
    assert list(cols) == list(schema.TOKENS.columns)
    assert cols["token"] == [t[1] for t in HAND_TOKENS]
    assert cols["position"] == [t[2] for t in HAND_TOKENS]
    assert cols["start"] == [t[3] for t in HAND_TOKENS]
    assert cols["pos"] == [t[4] for t in HAND_TOKENS]
    assert cols["stopword"] == [t[5] for t in HAND_TOKENS]
    assert cols["section_id"] == [t[0] for t in HAND_TOKENS]
    # the same with the folded texts given, and again once every piece is classified
    folded = [fold(t) for t in HAND_SECTIONS["text"]]
    again = token_columns(
        ["r1"] * 3,
        HAND_SECTIONS["section_id"].tolist(),
        HAND_SECTIONS["start"].tolist(),
        HAND_SECTIONS["text"].tolist(),
        backend,
        folded=folded,
    )
    assert again == cols


def test_clear_caches_forgets_classified_pieces():
    from analysis import tokens as tokens_mod

    tokenize_sections(HAND_SECTIONS)
    assert "普法责任制" in tokens_mod._piece_classes()
    tokens_mod.clear_caches()
    assert "普法责任制" not in tokens_mod._piece_classes()


def _batch_equals_columns(rids, sids, starts, texts):
    import pyarrow as pa

    from analysis.build import _arrow_schema
    from analysis.tokens import token_batch, token_columns

    arrow_schema = _arrow_schema("tokens")
    batch = token_batch(rids, sids, starts, texts, arrow_schema=arrow_schema)
    expected = pa.RecordBatch.from_pydict(
        token_columns(rids, sids, starts, texts), schema=arrow_schema
    )
    assert batch.schema.equals(arrow_schema)
    assert batch.equals(expected)
    return batch


def test_token_batch_equals_token_columns_on_the_seeds(seed_sections):
    sec = seed_sections
    batch = _batch_equals_columns(
        sec["report_id"].tolist(),
        sec["section_id"].tolist(),
        sec["start"].tolist(),
        sec["text"].tolist(),
    )
    assert batch.num_rows > 5_000


def test_token_batch_by_hand():
    batch = _batch_equals_columns(
        ["r", "r", "r", "s"],
        ["0", "1", "2", "1.1"],
        [0, 5, 9, 100],
        ["城市管理局", "", "，2024年 LED", "共计罚款"],
    )
    rows = batch.to_pydict()
    assert rows["token"] == ["城市管理局", "2024", "年", "LED", "共计", "罚款"]
    assert rows["start"] == [0, 10, 14, 16, 100, 102]
    assert rows["position"] == [0, 0, 1, 2, 0, 1]
    assert rows["section_id"] == ["0", "2", "2", "2", "1.1", "1.1"]
    assert rows["report_id"] == ["r"] * 4 + ["s"] * 2


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("城市管理执法罚款万元12 ,。\nAB")), max_size=30),
        max_size=6,
    )
)
def test_token_batch_equals_token_columns_on_any_sections(texts):
    n = len(texts)
    starts = [sum(len(t) for t in texts[:k]) for k in range(n)]
    _batch_equals_columns(["r"] * n, [str(k) for k in range(n)], starts, texts)
