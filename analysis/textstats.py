"""Compare the reports' words: counts, TF-IDF, keyness, similarity, topics, formulaic index.

Every function takes tidy tables (the ``tokens`` table, or counts made from it) and returns
a tidy table, so they chain::

    tokens.pipe(count_terms).pipe(bind_tf_idf)

Conventions: a document is identified by the ``document`` column(s) (``report_id`` by
default), a term by ``token``, a count by ``n``. Sort orders are stable and ties broken by
name, and anything random takes ``random_state``, so the same input always gives the same
output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.lexicons import lexicon_cache

KEYNESS_CORRECTIONS = ("default", "yates", "williams", "none")


def _as_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def _is_number(tokens: pd.Series) -> pd.Series:
    """True for tokens made only of digits (``2024``, ``79``)."""
    return tokens.astype(str).str.fullmatch(r"\d+").fillna(False).astype(bool)


# a term the comparison counts holds a Chinese character, a Latin letter or a digit: the
# reports are compared as Chinese text, so a word of another script left in a report (a
# bilingual page's Uyghur or Tibetan, Mongolian split letter by letter) is no term
_COMPARED_TERM = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]")


def _filter_tokens(
    tokens: pd.DataFrame, drop_stopwords: bool, drop_formulaic: bool, drop_numbers: bool
) -> pd.DataFrame:
    """The tokens the comparison counts: terms of Chinese text (:data:`_COMPARED_TERM`),
    without stopwords, formulaic phrases' pieces or numbers as asked."""
    words = tokens["token"].astype(str)
    terms = {w for w in pd.unique(words) if _COMPARED_TERM.search(w)}  # once per distinct word
    keep = words.isin(terms)
    if drop_stopwords:
        keep &= ~tokens["stopword"].astype(bool)
    if drop_formulaic:
        keep &= ~tokens["formulaic"].astype(bool)
    if drop_numbers:
        keep &= ~_is_number(tokens["token"])
    return tokens[keep]


# ------------------------------------------------------------------ place names
_PLACE_SUFFIX = re.compile(
    r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|区|县|旗|盟)$"
)


@lexicon_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every division name of the gazetteer and its short form (济宁市 and 济宁)."""
    from analysis import gazetteer

    names = set(gazetteer.all_names())
    for n in list(names):
        short = _PLACE_SUFFIX.sub("", n)
        if len(short) >= 2:
            names.add(short)
    return frozenset(names)


def drop_place_names(tokens: pd.DataFrame) -> pd.DataFrame:
    """Leave out tokens that are place names (九龙坡区, 重庆市, 济宁).

    Each report names its own city and district far more than the others do, so place names
    top every list of distinctive terms without saying anything about the report's content.
    Chain it before counting: ``tokens.pipe(drop_place_names).pipe(count_terms)``.
    """
    names = place_names()
    return tokens[~tokens["token"].isin(names)]


# ------------------------------------------------------------------ counts and TF-IDF
def count_terms(
    tokens: pd.DataFrame,
    by: str | Sequence[str] = ("report_id",),
    drop_stopwords: bool = True,
    drop_formulaic: bool = False,
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """Count each token per group: one row per (``*by``, token).

    Args:
        tokens: the tokens table (``token``, ``stopword``, ``formulaic`` and the ``by``
            columns).
        by: grouping column(s), e.g. ``("report_id",)`` or ``("report_id", "section_id")``.
        drop_stopwords: leave out tokens flagged ``stopword``.
        drop_formulaic: leave out tokens flagged ``formulaic``.
        drop_numbers: leave out digit-only tokens (``2024``, ``79``).

    Returns:
        Columns ``*by``, ``token``, ``n`` (int64), sorted by ``by``, then ``n`` descending,
        then token.
    """
    by = _as_list(by)
    kept = _filter_tokens(tokens, drop_stopwords, drop_formulaic, drop_numbers)
    counts = kept.groupby([*by, "token"], sort=True, observed=True).size().rename("n")
    out = counts.reset_index()
    out["n"] = out["n"].astype("int64")
    out = out.sort_values(
        [*by, "n", "token"], ascending=[True] * len(by) + [False, True], kind="stable"
    )
    return out.reset_index(drop=True)[[*by, "token", "n"]]


def bind_tf_idf(
    counts: pd.DataFrame, term: str = "token", document: str = "report_id", n: str = "n"
) -> pd.DataFrame:
    """Add ``tf``, ``idf`` and ``tf_idf`` columns, as tidytext's ``bind_tf_idf``.

    Variant (tidytext's): ``tf = n / (total n of the document)``;
    ``idf = ln(number of documents / number of documents containing the term)``;
    ``tf_idf = tf * idf``. A term found in every document has ``idf = 0``. This ``idf`` is
    scikit-learn's ``TfidfVectorizer(smooth_idf=False)`` idf minus one.

    Args:
        counts: one row per (document, term) with a count column, e.g. from
            :func:`count_terms`.
        term: the term column.
        document: the document column.
        n: the count column.

    Returns:
        ``counts`` with ``tf``, ``idf``, ``tf_idf`` appended; rows and order unchanged.
    """
    out = counts.copy()
    doc_total = out.groupby(document, observed=True)[n].transform("sum")
    out["tf"] = out[n] / doc_total
    n_docs = out[document].nunique()
    docs_with_term = out[out[n] > 0].groupby(term, observed=True)[document].nunique()
    out["idf"] = np.log(n_docs / out[term].map(docs_with_term).astype(float))
    out["tf_idf"] = out["tf"] * out["idf"]
    return out


def _identity(doc):
    """Analyzer for pre-tokenized documents (module level so the vectorizer pickles)."""
    return doc


def _documents(tokens: pd.DataFrame, by: list[str]) -> tuple[pd.DataFrame, list[list[str]]]:
    """The token lists of each group, groups sorted by their keys."""
    ordered = tokens.sort_values([*by, "start"] if "start" in tokens else by, kind="stable")
    grouped = ordered.groupby(by, sort=True, observed=True)["token"].agg(list)
    keys = grouped.index.to_frame(index=False)
    return keys, [list(map(str, toks)) for toks in grouped]


def tfidf_sklearn(
    tokens: pd.DataFrame,
    document: str = "report_id",
    top_n: int | None = 20,
    drop_stopwords: bool = True,
    drop_formulaic: bool = False,
    drop_numbers: bool = True,
    smooth_idf: bool = True,
    sublinear_tf: bool = False,
    norm: str | None = "l2",
) -> pd.DataFrame:
    """TF-IDF with scikit-learn's ``TfidfVectorizer`` on the tokens, as a long table.

    The tokens are given to the vectorizer as they are (an identity analyzer: no
    lowercasing, no ``token_pattern``, whose default would drop one-character words such
    as 法 or 市). Variant, with the defaults: raw counts ``tf``; ``idf = ln((1 + N) /
    (1 + df)) + 1`` (``smooth_idf=True``); each document's vector scaled to unit length
    (``norm="l2"``). With ``smooth_idf=False`` the idf is ``ln(N / df) + 1``, i.e. tidytext's
    idf (:func:`bind_tf_idf`) plus one.

    Args:
        tokens: the tokens table.
        document: the column that identifies a document.
        top_n: keep the ``top_n`` highest-scoring terms per document (None: all non-zero).
        drop_stopwords: leave out stopword-flagged tokens.
        drop_formulaic: leave out formulaic-flagged tokens.
        drop_numbers: leave out digit-only tokens.
        smooth_idf: passed to ``TfidfVectorizer``.
        sublinear_tf: passed to ``TfidfVectorizer`` (``1 + ln(tf)``).
        norm: passed to ``TfidfVectorizer`` (``"l2"``, ``"l1"`` or None).

    Returns:
        Columns ``document``, ``token``, ``tf_idf``, ``rank`` (1 = highest in the document;
        ties ranked by token), sorted by document then rank.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    kept = _filter_tokens(tokens, drop_stopwords, drop_formulaic, drop_numbers)
    keys, docs = _documents(kept, [document])
    columns = [document, "token", "tf_idf", "rank"]
    if not docs:
        return pd.DataFrame(columns=columns)
    vectorizer = TfidfVectorizer(
        analyzer=_identity,
        lowercase=False,
        token_pattern=None,
        smooth_idf=smooth_idf,
        sublinear_tf=sublinear_tf,
        norm=norm,
    )
    matrix = vectorizer.fit_transform(docs).tocoo()
    vocab = vectorizer.get_feature_names_out()
    out = pd.DataFrame(
        {
            document: keys[document].to_numpy()[matrix.row],
            "token": vocab[matrix.col],
            "tf_idf": matrix.data,
        }
    )
    out = out.sort_values(
        [document, "tf_idf", "token"], ascending=[True, False, True], kind="stable"
    )
    out["rank"] = out.groupby(document, observed=True).cumcount().astype("int64") + 1
    if top_n is not None:
        out = out[out["rank"] <= top_n]
    return out.reset_index(drop=True)[columns]


# ------------------------------------------------------------------ keyness
def keyness(
    counts: pd.DataFrame,
    target: str,
    document: str = "report_id",
    term: str = "token",
    n: str = "n",
    correction: str = "default",
) -> pd.DataFrame:
    """Log-likelihood keyness of every term in one document against all the others.

    For each term, a 2x2 table: ``a`` = count in the target, ``b`` = count in the rest,
    ``c`` / ``d`` = all other tokens of the target / of the rest, ``N = a + b + c + d``.
    Expected counts ``E_ij = row_i * col_j / N``; ``G2 = 2 * sum O * ln(O / E)`` (a zero
    cell contributes 0), signed: positive when ``a > E_11`` (the term is over-used in the
    target), negative when under-used. ``p`` is the chi-squared (df = 1) upper tail of
    ``|G2|``. This is quanteda's ``textstat_keyness(measure = "lr")``, including its
    ``correction`` choices:

    * ``"default"`` / ``"yates"`` (quanteda's default for "lr"): Yates' continuity
      correction (move ``a``, ``d`` by 0.5 towards independence and ``b``, ``c`` the other
      way) applied only when some expected count is below 5 and ``|ad - bc| > N / 2``;
    * ``"williams"``: ``G2 / q`` with ``q = 1 + (N/(a+b) + N/(c+d) - 1) * (N/(a+c) +
      N/(b+d) - 1) / (6N)``, skipped when a cell is 0;
    * ``"none"``: plain G2 (Dunning; Rayson's log-likelihood calculator).

    Effect size: ``log_ratio = log2(((a + 0.5) / (a + c)) / ((b + 0.5) / (b + d)))``, the
    binary log of the ratio of relative frequencies, with 0.5 added to both counts (not to
    the totals) so a term absent from one side has a finite value (Hardie's Log Ratio, with
    the 0.5 added always rather than only to zeros).

    Args:
        counts: one row per (document, term) with a count, e.g. from :func:`count_terms`.
        target: the document (value of ``document``) to compare with the rest.
        document: the document column.
        term: the term column.
        n: the count column.
        correction: ``"default"``, ``"yates"``, ``"williams"`` or ``"none"``.

    Returns:
        One row per term: ``document`` (= target), ``term``, ``g2``, ``p``, ``log_ratio``,
        ``n_target``, ``n_reference``; sorted by ``g2`` descending, then term.

    Raises:
        ValueError: if ``target`` is not a document of ``counts`` or the correction is
            unknown.
    """
    from scipy.stats import chi2

    if correction not in KEYNESS_CORRECTIONS:
        raise ValueError(f"correction must be one of {KEYNESS_CORRECTIONS}, not {correction!r}")
    is_target = counts[document] == target
    if not is_target.any():
        raise ValueError(f"{target!r} is not a value of {document!r}")
    side = np.where(is_target, "n_target", "n_reference")
    wide = (
        counts.assign(_side=side)
        .pivot_table(index=term, columns="_side", values=n, aggfunc="sum", fill_value=0)
        .reindex(columns=["n_target", "n_reference"], fill_value=0)
        .sort_index()
    )
    a0 = wide["n_target"].to_numpy(dtype=float)
    b0 = wide["n_reference"].to_numpy(dtype=float)
    total_t, total_r = a0.sum(), b0.sum()
    a, b = a0.copy(), b0.copy()
    c, d = total_t - a, total_r - b
    big_n = a + b + c + d
    e11 = (a + b) * (a + c) / big_n

    if correction in ("default", "yates"):
        e12 = (a + b) * (b + d) / big_n
        e21 = (a + c) * (c + d) / big_n
        e22 = (c + d) * (b + d) / big_n
        apply = ((e11 < 5) | (e12 < 5) | (e21 < 5) | (e22 < 5)) & (
            np.abs(a * d - b * c) > big_n / 2
        )
        step = np.where(apply, np.where(a * d - b * c > 0, 0.5, -0.5), 0.0)
        a, d, b, c = a - step, d - step, b + step, c + step

    def part(obs, row, col):
        expected = row * col / big_n
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(obs > 0, obs * np.log(obs / expected), 0.0)

    g2 = 2 * (
        part(a, a + b, a + c)
        + part(b, a + b, b + d)
        + part(c, c + d, a + c)
        + part(d, c + d, b + d)
    )
    g2 = np.where(a > e11, 1.0, -1.0) * g2
    if correction == "williams":
        with np.errstate(divide="ignore", invalid="ignore"):
            q = 1 + (big_n / (a + b) + big_n / (c + d) - 1) * (
                big_n / (a + c) + big_n / (b + d) - 1
            ) / (6 * big_n)
        g2 = np.where(a * b * c * d == 0, g2, g2 / q)
    with np.errstate(divide="ignore"):
        log_ratio = np.log2(((a0 + 0.5) / total_t) / ((b0 + 0.5) / total_r))
    out = pd.DataFrame(
        {
            document: target,
            term: wide.index.to_numpy(),
            "g2": g2,
            "p": chi2.sf(np.abs(g2), df=1),
            "log_ratio": log_ratio,
            "n_target": a0.astype("int64"),
            "n_reference": b0.astype("int64"),
        }
    )
    out = out.sort_values(["g2", term], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def keyness_all(
    counts: pd.DataFrame,
    document: str = "report_id",
    term: str = "token",
    n: str = "n",
    correction: str = "default",
) -> pd.DataFrame:
    """:func:`keyness` of each document against all the others, stacked.

    Returns:
        One row per (document, term): the columns of :func:`keyness`, documents in sorted
        order, each sorted by ``g2`` descending.
    """
    targets = sorted(counts[document].unique())
    parts = [keyness(counts, t, document, term, n, correction) for t in targets]
    if not parts:
        return pd.DataFrame(
            columns=[document, term, "g2", "p", "log_ratio", "n_target", "n_reference"]
        )
    return pd.concat(parts, ignore_index=True)


# ------------------------------------------------------------------ similarity
def _value_column(table: pd.DataFrame, value: str | None) -> str:
    if value is not None:
        return value
    for candidate in ("tf_idf", "n"):
        if candidate in table.columns:
            return candidate
    raise KeyError("no value column: pass value= (the table has neither 'tf_idf' nor 'n')")


def _cosine_long(
    table: pd.DataFrame, documents: list[str], term: str, value: str, suffixes=("_a", "_b")
) -> pd.DataFrame:
    from sklearn.metrics.pairwise import cosine_similarity

    numeric = table.assign(**{value: table[value].astype(float)})
    wide = numeric.pivot_table(
        index=documents, columns=term, values=value, aggfunc="sum", fill_value=0.0
    ).sort_index()
    sim = cosine_similarity(wide.to_numpy(dtype=float))
    np.fill_diagonal(sim, 1.0)
    keys = wide.index.to_frame(index=False)
    k = len(keys)
    left = keys.loc[np.repeat(np.arange(k), k)].reset_index(drop=True)
    right = keys.loc[np.tile(np.arange(k), k)].reset_index(drop=True)
    left.columns = [f"{c}{suffixes[0]}" for c in keys.columns]
    right.columns = [f"{c}{suffixes[1]}" for c in keys.columns]
    out = pd.concat([left, right], axis=1)
    out["cosine"] = np.clip(sim.reshape(-1), -1.0, 1.0)
    return out


def similarity(
    counts_or_tfidf: pd.DataFrame,
    document: str = "report_id",
    term: str = "token",
    value: str | None = None,
) -> pd.DataFrame:
    """Cosine similarity between every pair of documents' term vectors.

    Args:
        counts_or_tfidf: one row per (document, term), e.g. from :func:`count_terms` or
            :func:`bind_tf_idf`.
        document: the document column.
        term: the term column.
        value: the weight column; default ``tf_idf`` if present, else ``n``.

    Returns:
        One row per ordered pair, self-pairs included: ``<document>_a``, ``<document>_b``
        (e.g. ``report_id_a``, ``report_id_b``), ``cosine``. Symmetric, with 1.0 on the
        diagonal (also for a document with an all-zero vector, whose other pairs are 0).
        Sorted by ``_a`` then ``_b``.
    """
    value = _value_column(counts_or_tfidf, value)
    return _cosine_long(counts_or_tfidf, [document], term, value)


def cluster_order(similarity_df: pd.DataFrame, document: str = "report_id") -> list[str]:
    """Order documents so that similar ones sit together (for heat maps).

    Average-linkage hierarchical clustering (scipy) on the distance ``1 - cosine``, with
    the leaves put in optimal order (``optimal_leaf_ordering``); documents are first sorted
    by name, so the result is deterministic.

    Args:
        similarity_df: output of :func:`similarity` (``<document>_a``, ``<document>_b``,
            ``cosine``).
        document: the document column name used there.

    Returns:
        The document ids in clustered order.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    col_a, col_b = f"{document}_a", f"{document}_b"
    wide = similarity_df.pivot_table(index=col_a, columns=col_b, values="cosine", aggfunc="mean")
    ids = sorted(set(wide.index) | set(wide.columns))
    if len(ids) <= 2:
        return [str(i) for i in ids]
    wide = wide.reindex(index=ids, columns=ids)
    sim = wide.to_numpy(dtype=float)
    sim = np.where(np.isnan(sim), sim.T, sim)  # one-sided tables
    sim = np.nan_to_num(sim, nan=0.0)
    dist = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    condensed = squareform(dist, checks=False)
    tree = linkage(condensed, method="average")
    tree = optimal_leaf_ordering(tree, condensed)
    return [str(ids[i]) for i in leaves_list(tree)]


def section_similarity(
    tokens: pd.DataFrame,
    sections: pd.DataFrame,
    drop_stopwords: bool = True,
    drop_formulaic: bool = True,
    skip_categories: Sequence[str] = ("", "other"),
) -> pd.DataFrame:
    """How alike two reports write about the same theme: TF-IDF cosine per category.

    The tokens of all sections of one category in one report are pooled into one document
    (report, category); TF-IDF (tidytext variant, :func:`bind_tf_idf`) is computed over all
    those documents, and the cosine between the two reports' documents of each category.

    Args:
        tokens: the tokens table.
        sections: the sections table (``report_id``, ``section_id``, ``category``).
        drop_stopwords: leave out stopword-flagged tokens.
        drop_formulaic: leave out formulaic-flagged tokens (they dominate every theme).
        skip_categories: categories not compared; by default ``""`` (none) and ``"other"``
            (the preamble and unclassified sections: not one theme).

    Returns:
        One row per (category, report pair) with ``report_id_a < report_id_b``:
        ``category``, ``report_id_a``, ``report_id_b``, ``cosine``, ``n_tokens_a``,
        ``n_tokens_b``; sorted by category, then the pair. Categories that only one report
        has give no rows.
    """
    columns = ["category", "report_id_a", "report_id_b", "cosine", "n_tokens_a", "n_tokens_b"]
    cats = sections[["report_id", "section_id", "category"]].dropna().astype(str)
    cats = cats[~cats["category"].isin(list(skip_categories))]
    joined = tokens.astype({"report_id": str, "section_id": str}).merge(
        cats, on=["report_id", "section_id"], how="inner"
    )
    joined = joined.assign(_doc=joined["report_id"] + "\x1f" + joined["category"])
    counts = count_terms(
        joined, by=("_doc",), drop_stopwords=drop_stopwords, drop_formulaic=drop_formulaic
    )
    if counts.empty:
        return pd.DataFrame(columns=columns)
    weighted = bind_tf_idf(counts, document="_doc")
    sizes = counts.groupby("_doc")["n"].sum()
    # the cosines of each category's documents among themselves (documents of two categories
    # are never compared: one matrix per category, not one of every document)
    category = weighted["_doc"].str.split("\x1f", n=1).str[1]
    parts = [
        _cosine_long(w, ["_doc"], "token", "tf_idf")
        for _, w in weighted.groupby(category, sort=True)
        if w["_doc"].nunique() > 1
    ]
    if not parts:
        return pd.DataFrame(columns=columns)
    sims = pd.concat(parts, ignore_index=True)
    split_a = sims["_doc_a"].str.split("\x1f", n=1, expand=True)
    split_b = sims["_doc_b"].str.split("\x1f", n=1, expand=True)
    out = pd.DataFrame(
        {
            "category": split_a[1],
            "report_id_a": split_a[0],
            "report_id_b": split_b[0],
            "cosine": sims["cosine"],
            "n_tokens_a": sims["_doc_a"].map(sizes).astype("int64"),
            "n_tokens_b": sims["_doc_b"].map(sizes).astype("int64"),
        }
    )
    out = out[(out["category"] == split_b[1]) & (out["report_id_a"] < out["report_id_b"])]
    out = out.sort_values(["category", "report_id_a", "report_id_b"], kind="stable")
    return out.reset_index(drop=True)[columns]


# ------------------------------------------------------------------ topics
@dataclass
class Topics:
    """A fitted topic model, as tidy tables.

    Attributes:
        method: ``"nmf"`` or ``"lda"``.
        topic_terms: one row per (topic, token) among each topic's top terms: ``topic``
            (1-based), ``token``, ``weight`` (share of the topic's total weight), ``rank``.
        topic_labels: one row per topic: ``topic``, ``label`` (its top 3 terms, "a / b / c").
        doc_topics: one row per (document, topic): the ``by`` columns, ``topic``, ``weight``
            (the document's topic mixture, summing to 1 per document).
        report_topic_shares: one row per (report, topic): ``report_id``, ``topic``,
            ``share`` (document weights averaged with the documents' token counts as
            weights; sums to 1 per report).
    """

    method: str
    topic_terms: pd.DataFrame
    topic_labels: pd.DataFrame
    doc_topics: pd.DataFrame
    report_topic_shares: pd.DataFrame


def fit_topics(
    tokens: pd.DataFrame,
    n_topics: int = 6,
    method: str = "nmf",
    random_state: int = 0,
    by: str | Sequence[str] = ("report_id", "section_id"),
    top_n: int = 10,
    drop_stopwords: bool = True,
    drop_formulaic: bool = True,
    drop_numbers: bool = True,
    min_df: int = 2,
) -> Topics:
    """Fit NMF (on TF-IDF) or LDA (on counts) topics over the documents given by ``by``.

    Documents are the groups of ``by`` (sections by default) after dropping flagged tokens;
    a document left with no token is left out. Terms in fewer than ``min_df`` documents are
    ignored (lowered to 1 when there are fewer documents than that). NMF uses
    ``init="nndsvda"`` (deterministic), falling back to ``"random"`` when ``n_topics``
    exceeds the matrix rank bound; LDA uses batch learning. Both take ``random_state``, so
    the same input and seed give the same tables.

    Args:
        tokens: the tokens table.
        n_topics: number of topics.
        method: ``"nmf"`` or ``"lda"``.
        random_state: seed.
        by: the columns that make a document; must include ``report_id``.
        top_n: terms kept per topic in ``topic_terms``.
        drop_stopwords: leave out stopword-flagged tokens.
        drop_formulaic: leave out formulaic-flagged tokens.
        drop_numbers: leave out digit-only tokens.
        min_df: ignore terms found in fewer documents.

    Returns:
        A :class:`Topics` with the four tables.

    Raises:
        ValueError: for an unknown method, ``by`` without ``report_id``, or no tokens.
    """
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    by = _as_list(by)
    if method not in ("nmf", "lda"):
        raise ValueError(f"method must be 'nmf' or 'lda', not {method!r}")
    if "report_id" not in by:
        raise ValueError("by must include 'report_id'")
    kept = _filter_tokens(tokens, drop_stopwords, drop_formulaic, drop_numbers)
    keys, docs = _documents(kept, by)
    if not docs:
        raise ValueError("no tokens left to model")
    min_df = min_df if len(docs) >= min_df else 1
    vector_args = {
        "analyzer": _identity,
        "lowercase": False,
        "token_pattern": None,
        "min_df": min_df,
    }
    if method == "nmf":
        vectorizer = TfidfVectorizer(**vector_args)
        matrix = vectorizer.fit_transform(docs)
        init = "nndsvda" if n_topics <= min(matrix.shape) else "random"
        model = NMF(n_components=n_topics, init=init, random_state=random_state, max_iter=1000)
    else:
        vectorizer = CountVectorizer(**vector_args)
        matrix = vectorizer.fit_transform(docs)
        model = LatentDirichletAllocation(
            n_components=n_topics, learning_method="batch", random_state=random_state
        )
    doc_weights = model.fit_transform(matrix)
    vocab = vectorizer.get_feature_names_out()
    topics = np.arange(1, n_topics + 1)

    components = model.components_
    totals = components.sum(axis=1, keepdims=True)
    term_weights = np.divide(components, totals, out=np.zeros_like(components), where=totals > 0)
    term_rows = []
    labels = []
    for k, row in zip(topics, term_weights, strict=True):
        order = sorted(range(len(vocab)), key=lambda j: (-row[j], vocab[j]))[:top_n]
        for rank, j in enumerate(order, start=1):
            term_rows.append((int(k), str(vocab[j]), float(row[j]), rank))
        labels.append((int(k), " / ".join(str(vocab[j]) for j in order[:3])))
    topic_terms = pd.DataFrame(term_rows, columns=["topic", "token", "weight", "rank"])
    topic_labels = pd.DataFrame(labels, columns=["topic", "label"])

    sums = doc_weights.sum(axis=1, keepdims=True)
    mixture = np.divide(doc_weights, sums, out=np.zeros_like(doc_weights), where=sums > 0)
    n_docs = len(keys)
    doc_topics = keys.loc[np.repeat(np.arange(n_docs), n_topics)].reset_index(drop=True)
    doc_topics["topic"] = np.tile(topics, n_docs).astype("int64")
    doc_topics["weight"] = mixture.reshape(-1)

    lengths = np.array([len(d) for d in docs], dtype=float)
    shares = doc_topics.assign(_w=doc_topics["weight"] * np.repeat(lengths, n_topics))
    shares = shares.assign(_len=np.repeat(lengths, n_topics))
    grouped = shares.groupby(["report_id", "topic"], sort=True)[["_w", "_len"]].sum()
    report_topic_shares = grouped.reset_index()
    report_topic_shares["share"] = report_topic_shares["_w"] / report_topic_shares["_len"]
    report_topic_shares = report_topic_shares[["report_id", "topic", "share"]]
    return Topics(
        method=method,
        topic_terms=topic_terms,
        topic_labels=topic_labels,
        doc_topics=doc_topics,
        report_topic_shares=report_topic_shares,
    )


# ------------------------------------------------------------------ formulaic index
def formulaic_index(
    tokens: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    reports: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How formulaic and how quantified each report is: one row per report.

    Args:
        tokens: the tokens table.
        metrics: the metrics table (one row per quantity); optional.
        reports: the reports table (``report_id``, ``n_chars``); optional. When given, its
            reports are the rows (a report without tokens gets zeros).

    Returns:
        ``report_id``; ``n_tokens`` (word tokens); ``n_formulaic`` (tokens flagged
        formulaic); ``formulaic_share`` = n_formulaic / n_tokens; ``n_quantities`` (rows of
        ``metrics``, NA without it); ``n_chars`` (characters of cleaned text, from
        ``reports``, NA without it); ``quantities_per_1000_chars`` = 1000 * n_quantities /
        n_chars (NA unless both are given). Sorted by report_id.
    """
    per = tokens.groupby("report_id", sort=True).agg(
        n_tokens=("token", "size"), n_formulaic=("formulaic", "sum")
    )
    if reports is not None:
        ids = pd.Index(sorted(reports["report_id"].astype(str).unique()), name="report_id")
        per = per.reindex(ids, fill_value=0)
    out = per.reset_index()
    out["report_id"] = out["report_id"].astype(str)
    out["n_tokens"] = out["n_tokens"].astype("int64")
    out["n_formulaic"] = out["n_formulaic"].astype("int64")
    out["formulaic_share"] = (
        out["n_formulaic"] / out["n_tokens"].where(out["n_tokens"] > 0)
    ).astype("Float64")
    if metrics is not None:
        quantities = metrics.groupby(metrics["report_id"].astype(str)).size()
        out["n_quantities"] = out["report_id"].map(quantities).fillna(0).astype("Int64")
    else:
        out["n_quantities"] = pd.array([pd.NA] * len(out), dtype="Int64")
    if reports is not None:
        chars = reports.assign(report_id=reports["report_id"].astype(str)).set_index("report_id")
        out["n_chars"] = out["report_id"].map(chars["n_chars"]).astype("Int64")
    else:
        out["n_chars"] = pd.array([pd.NA] * len(out), dtype="Int64")
    rate = 1000 * out["n_quantities"].astype("Float64") / out["n_chars"].astype("Float64")
    out["quantities_per_1000_chars"] = rate.where((out["n_chars"] > 0).fillna(False))
    return out[
        [
            "report_id",
            "n_tokens",
            "n_formulaic",
            "formulaic_share",
            "n_quantities",
            "n_chars",
            "quantities_per_1000_chars",
        ]
    ]
