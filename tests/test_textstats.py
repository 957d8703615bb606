"""Tests for analysis/textstats.py on small hand-made tables with hand-computed answers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.textstats import (
    Topics,
    bind_tf_idf,
    cluster_order,
    count_terms,
    fit_topics,
    formulaic_index,
    keyness,
    keyness_all,
    section_similarity,
    similarity,
    tfidf_sklearn,
)


def make_tokens(rows):
    """A tokens table from (report_id, section_id, token, stopword, formulaic) rows."""
    frame = pd.DataFrame(
        rows, columns=["report_id", "section_id", "token", "stopword", "formulaic"]
    )
    frame["position"] = frame.groupby(["report_id", "section_id"]).cumcount()
    frame["start"] = range(len(frame))
    frame["pos"] = ""
    return frame[
        ["report_id", "section_id", "position", "start", "token", "pos", "stopword", "formulaic"]
    ]


def counts_table(rows, document="report_id"):
    return pd.DataFrame(rows, columns=[document, "token", "n"])


# ------------------------------------------------------------------ count_terms
TOKENS = make_tokens(
    [
        ("r1", "0", "执法", False, False),
        ("r1", "0", "的", True, False),  # stopword
        ("r1", "1", "执法", False, False),
        ("r1", "1", "加强", False, True),  # formulaic
        ("r1", "1", "2024", False, False),  # digits only
        ("r2", "0", "普法", False, False),
        ("r2", "0", "执法", False, False),
    ]
)


def test_count_terms_defaults():
    out = count_terms(TOKENS)
    # within a report: n descending, then token (执 U+6267 sorts before 普 U+666E, 加 U+52A0)
    expected = counts_table(
        [("r1", "执法", 2), ("r1", "加强", 1), ("r2", "执法", 1), ("r2", "普法", 1)]
    )
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)
    assert out["n"].dtype == "int64"


def test_count_terms_options():
    out = count_terms(
        TOKENS,
        by=("report_id", "section_id"),
        drop_stopwords=False,
        drop_formulaic=True,
        drop_numbers=False,
    )
    expected = pd.DataFrame(
        [
            ("r1", "0", "执法", 1),
            ("r1", "0", "的", 1),
            ("r1", "1", "2024", 1),
            ("r1", "1", "执法", 1),
            ("r2", "0", "执法", 1),
            ("r2", "0", "普法", 1),
        ],
        columns=["report_id", "section_id", "token", "n"],
    )
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)


# ------------------------------------------------------------------ tf-idf
def test_bind_tf_idf_by_hand():
    counts = counts_table([("A", "x", 3), ("A", "y", 1), ("B", "x", 2), ("B", "z", 2)])
    out = bind_tf_idf(counts)
    ln2 = math.log(2)
    # tf: A has 4 tokens, B has 4. idf: x in both docs -> ln(2/2) = 0; y, z in one -> ln 2.
    assert out["tf"].tolist() == pytest.approx([3 / 4, 1 / 4, 2 / 4, 2 / 4])
    assert out["idf"].tolist() == pytest.approx([0.0, ln2, 0.0, ln2])
    assert out["tf_idf"].tolist() == pytest.approx([0.0, ln2 / 4, 0.0, ln2 / 2])
    assert list(out.columns) == ["report_id", "token", "n", "tf", "idf", "tf_idf"]


def test_tidytext_idf_is_sklearn_unsmoothed_idf_minus_one():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [["x", "x", "x", "y"], ["x", "x", "z", "z"]]
    vec = TfidfVectorizer(analyzer=lambda d: d, smooth_idf=False).fit(docs)
    sk_idf = dict(zip(vec.get_feature_names_out(), vec.idf_, strict=True))
    counts = counts_table([("A", "x", 3), ("A", "y", 1), ("B", "x", 2), ("B", "z", 2)])
    ours = bind_tf_idf(counts).drop_duplicates("token").set_index("token")["idf"]
    for token, value in ours.items():
        assert value == pytest.approx(sk_idf[token] - 1)


def test_tfidf_sklearn_by_hand_keeps_one_character_words():
    tokens = make_tokens(
        [("A", "0", t, False, False) for t in ["x", "x", "x", "法"]]
        + [("B", "0", t, False, False) for t in ["x", "x", "z", "z"]]
    )
    out = tfidf_sklearn(tokens, top_n=None)
    # smooth idf = ln((1 + 2) / (1 + df)) + 1: x (df 2) -> 1; 法, z (df 1) -> ln(3/2) + 1
    idf1 = math.log(3 / 2) + 1
    a_norm = math.sqrt(3**2 + idf1**2)  # A: x 3 * 1, 法 1 * idf1
    b_norm = math.sqrt(2**2 + (2 * idf1) ** 2)  # B: x 2 * 1, z 2 * idf1
    expected = pd.DataFrame(
        {
            "report_id": ["A", "A", "B", "B"],
            "token": ["x", "法", "z", "x"],
            "tf_idf": [3 / a_norm, idf1 / a_norm, 2 * idf1 / b_norm, 2 / b_norm],
            "rank": [1, 2, 1, 2],
        }
    )
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)
    top1 = tfidf_sklearn(tokens, top_n=1)
    assert top1["token"].tolist() == ["x", "z"]


# ------------------------------------------------------------------ keyness
# Target A: 法 10 of 100 tokens; reference B: 法 20 of 400 tokens.
#   a = 10, b = 20, c = 90, d = 380, N = 500
#   E11 = 30 * 100 / 500 = 6      E12 = 30 * 400 / 500 = 24
#   E21 = 470 * 100 / 500 = 94    E22 = 470 * 400 / 500 = 376
#   G2 = 2 * (10 ln(10/6) + 20 ln(20/24) + 90 ln(90/94) + 380 ln(380/376)) = 3.1387...
#   a > E11 -> positive. The smallest expected count is 6 >= 5: no Yates correction.
# 市 is the complement (A: 90 of 100, B: 380 of 400): the same table transposed, so the same
# |G2|, negative (a = 90 < E11 = 94).
KEY_COUNTS = counts_table([("A", "法", 10), ("A", "市", 90), ("B", "法", 20), ("B", "市", 380)])
G2_FA = 2 * (
    10 * math.log(10 / 6)
    + 20 * math.log(20 / 24)
    + 90 * math.log(90 / 94)
    + 380 * math.log(380 / 376)
)


def chi2_sf_df1(x):
    """Upper tail of chi-squared with 1 df: erfc(sqrt(x / 2))."""
    return math.erfc(math.sqrt(x / 2))


def test_keyness_by_hand():
    assert G2_FA == pytest.approx(3.1387, abs=1e-3)
    out = keyness(KEY_COUNTS, target="A", correction="none")
    fa = out.set_index("token").loc["法"]
    shi = out.set_index("token").loc["市"]
    assert fa["g2"] == pytest.approx(G2_FA)
    assert shi["g2"] == pytest.approx(-G2_FA)
    assert fa["p"] == pytest.approx(chi2_sf_df1(G2_FA))
    assert shi["p"] == pytest.approx(chi2_sf_df1(G2_FA))
    # log ratio: log2(((10 + .5) / 100) / ((20 + .5) / 400)) = log2(0.105 / 0.05125)
    assert fa["log_ratio"] == pytest.approx(math.log2(0.105 / 0.05125))
    assert shi["log_ratio"] == pytest.approx(math.log2((90.5 / 100) / (380.5 / 400)))
    assert (fa["n_target"], fa["n_reference"]) == (10, 20)
    assert out["token"].tolist() == ["法", "市"]  # sorted by g2, descending
    assert list(out.columns) == [
        "report_id",
        "token",
        "g2",
        "p",
        "log_ratio",
        "n_target",
        "n_reference",
    ]
    assert (out["report_id"] == "A").all()
    # quanteda's default correction changes nothing here (every expected count >= 5)
    default = keyness(KEY_COUNTS, target="A")
    pd.testing.assert_frame_equal(default, out)


def test_keyness_williams_by_hand():
    # q = 1 + (N/(a+b) + N/(c+d) - 1) * (N/(a+c) + N/(b+d) - 1) / (6N)
    q = 1 + (500 / 30 + 500 / 470 - 1) * (500 / 100 + 500 / 400 - 1) / (6 * 500)
    out = keyness(KEY_COUNTS, target="A", correction="williams").set_index("token")
    assert out.loc["法", "g2"] == pytest.approx(G2_FA / q)


def test_keyness_yates_by_hand():
    # Target A: 法 3 of 10; reference B: 法 0 of 10 (B's other 10 tokens are 市).
    #   a = 3, b = 0, c = 7, d = 10, N = 20; E11 = 3 * 10 / 20 = 1.5 < 5 and
    #   |ad - bc| = 30 > N / 2 = 10 -> Yates: ad - bc > 0, so a, d -= .5 and b, c += .5:
    #   a = 2.5, b = 0.5, c = 7.5, d = 9.5 (margins unchanged: E = 1.5, 1.5, 8.5, 8.5)
    counts = counts_table([("A", "法", 3), ("A", "市", 7), ("B", "市", 10)])
    g2 = 2 * (
        2.5 * math.log(2.5 / 1.5)
        + 0.5 * math.log(0.5 / 1.5)
        + 7.5 * math.log(7.5 / 8.5)
        + 9.5 * math.log(9.5 / 8.5)
    )
    out = keyness(counts, target="A", correction="yates").set_index("token")
    assert out.loc["法", "g2"] == pytest.approx(g2)
    assert out.loc["法", "n_reference"] == 0
    # uncorrected, a zero cell contributes nothing: 2 * (3 ln 2 + 7 ln(7/8.5) + 10 ln(10/8.5))
    plain = keyness(counts, target="A", correction="none").set_index("token")
    g2_plain = 2 * (3 * math.log(3 / 1.5) + 7 * math.log(7 / 8.5) + 10 * math.log(10 / 8.5))
    assert plain.loc["法", "g2"] == pytest.approx(g2_plain)
    # a term absent from the reference still has a finite log ratio: log2((3.5/10)/(0.5/10))
    assert plain.loc["法", "log_ratio"] == pytest.approx(math.log2(7))


def test_keyness_errors():
    with pytest.raises(ValueError, match="not a value"):
        keyness(KEY_COUNTS, target="Z")
    with pytest.raises(ValueError, match="correction"):
        keyness(KEY_COUNTS, target="A", correction="bonferroni")


def test_keyness_all_stacks_each_report_against_the_rest():
    out = keyness_all(KEY_COUNTS, correction="none")
    assert out["report_id"].tolist() == ["A", "A", "B", "B"]
    b = out[out["report_id"] == "B"].set_index("token")
    # B against A: B uses 法 20 / 400 < 30 / 500 expected -> negative, same |G2|
    assert b.loc["法", "g2"] == pytest.approx(-G2_FA)
    assert b.loc["市", "g2"] == pytest.approx(G2_FA)
    assert (b.loc["法", "n_target"], b.loc["法", "n_reference"]) == (20, 10)


# ------------------------------------------------------------------ similarity
def test_similarity_by_hand():
    counts = counts_table([("A", "x", 1), ("B", "x", 1), ("B", "y", 1), ("C", "y", 2)])
    out = similarity(counts)
    assert list(out.columns) == ["report_id_a", "report_id_b", "cosine"]
    wide = out.pivot(index="report_id_a", columns="report_id_b", values="cosine")
    r = 1 / math.sqrt(2)  # A=(1,0), B=(1,1), C=(0,2)
    expected = np.array([[1, r, 0], [r, 1, r], [0, r, 1]])
    np.testing.assert_allclose(wide.to_numpy(), expected, atol=1e-12)
    assert len(out) == 9


def test_similarity_uses_tf_idf_when_present():
    counts = counts_table([("A", "x", 1), ("A", "y", 1), ("B", "x", 1), ("B", "z", 1)])
    weighted = bind_tf_idf(counts)  # x is in both: tf_idf 0 -> A and B share nothing
    out = similarity(weighted)
    assert out.set_index(["report_id_a", "report_id_b"]).loc[("A", "B"), "cosine"] == 0
    raw = similarity(counts, value="n")  # on counts: (1,1,0).(1,0,1) / 2 = 0.5
    assert raw.set_index(["report_id_a", "report_id_b"]).loc[("A", "B"), "cosine"] == (
        pytest.approx(0.5)
    )


def test_cluster_order_puts_similar_documents_together():
    counts = counts_table(
        [
            ("P1", "x", 5),
            ("P1", "y", 1),
            ("Q1", "z", 5),
            ("Q1", "w", 1),
            ("P2", "x", 4),
            ("P2", "y", 1),
            ("Q2", "z", 5),
            ("Q2", "w", 2),
        ]
    )
    sim = similarity(counts)
    order = cluster_order(sim)
    assert sorted(order) == ["P1", "P2", "Q1", "Q2"]
    assert {frozenset(order[:2]), frozenset(order[2:])} == {
        frozenset({"P1", "P2"}),
        frozenset({"Q1", "Q2"}),
    }
    shuffled = sim.sample(frac=1, random_state=3)
    assert cluster_order(shuffled) == order  # deterministic, whatever the row order


def test_section_similarity_by_hand():
    tokens = make_tokens(
        [
            ("r1", "1", "执法", False, False),
            ("r1", "1", "处罚", False, False),
            ("r1", "2", "普法", False, False),
            ("r1", "2", "宣传", False, False),
            ("r2", "1", "执法", False, False),
            ("r2", "1", "处罚", False, False),
            ("r2", "2", "普法", False, False),
            ("r2", "2", "活动", False, False),
            ("r2", "0", "报告", False, False),  # category 'other': skipped
        ]
    )
    sections = pd.DataFrame(
        {
            "report_id": ["r1", "r1", "r2", "r2", "r2"],
            "section_id": ["1", "2", "0", "1", "2"],
            "category": ["enforcement", "publicity", "other", "enforcement", "publicity"],
        }
    )
    out = section_similarity(tokens, sections)
    # Four documents (report, category). idf: 执法, 处罚, 普法 in 2 of 4 -> ln 2;
    # 宣传, 活动 in 1 of 4 -> ln 4 = 2 ln 2. tf = 1/2 each.
    # enforcement: identical vectors -> 1.
    # publicity: r1 = (普法 ln2/2, 宣传 ln2, 活动 0), r2 = (ln2/2, 0, ln2)
    #   cos = (ln2/2)^2 / ((ln2/2)^2 + ln2^2) = 0.25 / 1.25 = 0.2
    expected = pd.DataFrame(
        {
            "category": ["enforcement", "publicity"],
            "report_id_a": ["r1", "r1"],
            "report_id_b": ["r2", "r2"],
            "cosine": [1.0, 0.2],
            "n_tokens_a": [2, 2],
            "n_tokens_b": [2, 2],
        }
    )
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)


# ------------------------------------------------------------------ topics
def topic_corpus():
    waste = ["垃圾", "分类", "环卫", "垃圾", "分类", "清运"]
    law = ["复议", "诉讼", "应诉", "复议", "诉讼", "败诉"]
    rows = []
    for report in ("r1", "r2", "r3"):
        for i in range(3):
            words = waste if i % 2 == 0 else law
            words = words[: 4 + (i + len(report)) % 3]
            rows += [(report, str(i), w, False, False) for w in words]
    rows.append(("r1", "9", "的", True, False))  # dropped stopword
    return make_tokens(rows)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_fit_topics_is_deterministic_and_tidy(method):
    tokens = topic_corpus()
    first = fit_topics(tokens, n_topics=2, method=method, random_state=0, top_n=3, min_df=1)
    second = fit_topics(tokens, n_topics=2, method=method, random_state=0, top_n=3, min_df=1)
    assert isinstance(first, Topics)
    for name in ("topic_terms", "topic_labels", "doc_topics", "report_topic_shares"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))

    terms = first.topic_terms
    assert list(terms.columns) == ["topic", "token", "weight", "rank"]
    assert terms.groupby("topic")["rank"].apply(list).tolist() == [[1, 2, 3], [1, 2, 3]]
    labels = first.topic_labels.set_index("topic")["label"]
    for topic, group in terms.groupby("topic"):
        assert labels[topic] == " / ".join(group.sort_values("rank")["token"])

    docs = first.doc_topics
    assert list(docs.columns) == ["report_id", "section_id", "topic", "weight"]
    assert len(docs) == 9 * 2  # 9 sections with tokens (the stopword-only one is out)
    np.testing.assert_allclose(docs.groupby(["report_id", "section_id"])["weight"].sum(), 1)

    shares = first.report_topic_shares
    assert list(shares.columns) == ["report_id", "topic", "share"]
    np.testing.assert_allclose(shares.groupby("report_id")["share"].sum(), 1)
    # share = section weights averaged with the sections' token counts as weights
    lengths = tokens[~tokens["stopword"]].groupby(["report_id", "section_id"]).size()
    r1 = docs[(docs["report_id"] == "r1") & (docs["topic"] == 1)].set_index("section_id")
    lens = lengths.loc["r1"].reindex(r1.index)
    expected_share = (r1["weight"] * lens).sum() / lens.sum()
    got = shares[(shares["report_id"] == "r1") & (shares["topic"] == 1)]["share"].item()
    assert got == pytest.approx(expected_share)


def test_fit_topics_separates_two_clear_themes():
    result = fit_topics(topic_corpus(), n_topics=2, method="nmf", min_df=1)
    docs = result.doc_topics
    best = docs.loc[docs.groupby(["report_id", "section_id"])["weight"].idxmax()]
    theme = best.set_index(["report_id", "section_id"])["topic"]
    waste_topics = {theme[(r, s)] for r in ("r1", "r2", "r3") for s in ("0", "2")}
    law_topics = {theme[(r, "1")] for r in ("r1", "r2", "r3")}
    assert len(waste_topics) == 1 and len(law_topics) == 1 and waste_topics != law_topics


def test_fit_topics_errors():
    with pytest.raises(ValueError, match="method"):
        fit_topics(topic_corpus(), method="lsa")
    with pytest.raises(ValueError, match="report_id"):
        fit_topics(topic_corpus(), by=("section_id",))


# ------------------------------------------------------------------ formulaic index
def test_formulaic_index_by_hand():
    tokens = make_tokens(
        [
            ("r1", "0", "切实", False, True),
            ("r1", "0", "加强", False, True),
            ("r1", "0", "执法", False, False),
            ("r1", "0", "的", True, False),
            ("r1", "0", "队伍", False, False),
            ("r2", "0", "推进", False, True),
            ("r2", "0", "普法", False, False),
            ("r2", "0", "宣传", False, False),
            ("r2", "0", "活动", False, False),
        ]
    )
    metrics = pd.DataFrame({"report_id": ["r1", "r1", "r1"], "metric_id": ["m1", "m2", "m3"]})
    reports = pd.DataFrame({"report_id": ["r1", "r2", "r3"], "n_chars": [1500, 800, 100]})
    out = formulaic_index(tokens, metrics=metrics, reports=reports)
    expected = pd.DataFrame(
        {
            "report_id": ["r1", "r2", "r3"],
            "n_tokens": [5, 4, 0],
            "n_formulaic": [2, 1, 0],
            "formulaic_share": [0.4, 0.25, None],  # r3 has no tokens: undefined
            "n_quantities": [3, 0, 0],
            "n_chars": [1500, 800, 100],
            "quantities_per_1000_chars": [2.0, 0.0, 0.0],  # 1000 * 3 / 1500 = 2
        }
    )
    pd.testing.assert_frame_equal(
        out.astype({"formulaic_share": float, "quantities_per_1000_chars": float}),
        expected.astype({"formulaic_share": float}),
        check_dtype=False,
    )


def test_formulaic_index_without_metrics_or_reports():
    tokens = make_tokens([("r1", "0", "切实", False, True), ("r1", "0", "执法", False, False)])
    out = formulaic_index(tokens)
    assert out["report_id"].tolist() == ["r1"]
    assert out["formulaic_share"].tolist() == [0.5]
    assert out["n_quantities"].isna().all()
    assert out["n_chars"].isna().all()
    assert out["quantities_per_1000_chars"].isna().all()


def test_drop_place_names_removes_full_and_short_place_names_only():
    tokens = pd.DataFrame(
        {
            "report_id": ["a"] * 6,
            "token": ["重庆市", "九龙坡区", "济宁", "行政处罚", "城市管理", "信访"],
            "stopword": [False] * 6,
            "formulaic": [False] * 6,
        }
    )
    from analysis.textstats import drop_place_names

    kept = drop_place_names(tokens)
    assert kept["token"].tolist() == ["行政处罚", "城市管理", "信访"]
