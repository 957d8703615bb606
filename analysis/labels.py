"""Display labels for charts and the briefing, in Chinese (``'zh'``, default) or English.

Report labels are built from the ``reports`` table (jurisdiction + year: ``九龙坡区 2023``,
``Jiulongpo District 2023``, ``Jining 2024``); the names of categories, indicators, unit
families, levels, metric kinds and indicator methods come from the editable lexicon
``analysis/lexicons/labels.tsv``. A key the lexicon does not know is shown as written.
Nothing is read at import time; the lexicon is read once on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.lexicons import lexicon_cache

LANGS = ("zh", "en")
LABELS_FILE = paths.LEXICON_DIR / "labels.tsv"


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``."""
    if lang not in LANGS:
        raise ValueError(f"unknown lang {lang!r}; valid: {', '.join(LANGS)}")
    return lang


def read_labels(path: Path | str = LABELS_FILE) -> pd.DataFrame:
    """Read the labels lexicon.

    Args:
        path: a tab-separated file with ``#`` comment lines and a ``kind key zh en`` header.

    Returns:
        One row per (kind, key) with columns ``kind, key, zh, en`` (strings, '' for empty).
    """
    return _read_labels_cached(str(path)).copy()


@lexicon_cache(maxsize=4)
def _read_labels_cached(path: str) -> pd.DataFrame:
    rows: list[list[str]] = []
    header: list[str] | None = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip() for f in fields]
            continue
        fields = (fields + [""] * 4)[:4]
        rows.append([f.strip() for f in fields])
    table = pd.DataFrame(rows, columns=header or ["kind", "key", "zh", "en"])
    dupes = table.duplicated(["kind", "key"], keep=False)
    if dupes.any():
        raise ValueError(f"{path}: duplicate (kind, key): {table[dupes].values.tolist()}")
    return table


@lexicon_cache(maxsize=64)
def _lookup(kind: str, lang: str) -> dict[str, str]:
    """key -> label of one kind in one language (read once until the lexicons change; a
    table of 250,000 rows is labelled in a blink, not a DataFrame filter per row)."""
    table = _read_labels_cached(str(LABELS_FILE))
    sub = table[table["kind"] == kind]
    return dict(zip(sub["key"], sub[check_lang(lang)], strict=True))


def label_key(kind: str, key: str, lang: str = "zh") -> str:
    """Return the display label of one key.

    Args:
        kind: ``category``, ``indicator``, ``unit_family``, ``level``, ``kind`` or ``method``.
        key: the value as it stands in the tables.
        lang: ``'zh'`` or ``'en'``.

    Returns:
        The lexicon's label, or ``key`` itself when the lexicon has no (non-empty) label.
    """
    key = "" if key is None or (isinstance(key, float) and pd.isna(key)) else str(key)
    label = _lookup(kind, lang).get(key, "")
    return label or key


def label_keys(kind: str, keys: Iterable[str], lang: str = "zh") -> list[str]:
    """Vectorized :func:`label_key` (same order as ``keys``)."""
    keys = list(keys)
    labels = {}
    for k in keys:
        h = k if isinstance(k, str) else repr(k)
        if h not in labels:
            labels[h] = label_key(kind, k, lang)
    return [labels[k if isinstance(k, str) else repr(k)] for k in keys]


def romanize(text: str) -> str:
    """Romanize a Chinese place name with pypinyin, one capitalized word (``济宁`` → ``Jining``)."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    word = "".join(s for s in syllables if s.strip())
    return word[:1].upper() + word[1:]


def romanize_jurisdiction(jurisdiction: str) -> str:
    """Romanize a jurisdiction: stem in pinyin plus the suffix word from labels.tsv.

    ``九龙坡区`` → ``Jiulongpo District``; ``济宁市`` → ``Jining``; ``息县`` → ``Xi County``.
    The longest suffix of kind ``suffix`` in the lexicon that leaves a non-empty stem is used.
    """
    name = (jurisdiction or "").strip()
    if not name:
        return ""
    suffixes = _lookup("suffix", "en")
    for suffix in sorted(suffixes, key=len, reverse=True):
        if suffix and name.endswith(suffix) and len(name) > len(suffix):
            stem = romanize(name[: -len(suffix)])
            word = suffixes[suffix]
            return f"{stem} {word}".strip()
    return romanize(name)


def label_report(row: pd.Series | dict, lang: str = "zh") -> str:
    """Label one report: jurisdiction and year (``九龙坡区 2023`` / ``Jiulongpo District 2023``).

    Falls back to the bureau name, then the report_id, when the jurisdiction is unknown.
    """
    check_lang(lang)
    get = row.get
    name = str(get("jurisdiction") or "").strip()
    if not name:
        name = str(get("bureau") or "").strip()
    year = get("year")
    year_text = "" if year is None or pd.isna(year) else str(int(year))
    if not name:
        return str(get("report_id"))
    if lang == "en":
        name = romanize_jurisdiction(name)
    return f"{name} {year_text}".strip()


def label_reports(reports: pd.DataFrame, lang: str = "zh") -> pd.Series:
    """Label every report; labels are unique (a duplicate gets its report_id appended).

    Args:
        reports: the reports table (needs ``report_id``; uses jurisdiction, bureau, year).
        lang: ``'zh'`` or ``'en'``.

    Returns:
        A Series of labels indexed by report_id, in the table's order.
    """
    labels = pd.Series(
        [label_report(row, lang) for _, row in reports.iterrows()],
        index=pd.Index(reports["report_id"], name="report_id"),
        dtype="object",
    )
    dup = labels.duplicated(keep=False)
    labels[dup] = [f"{lab} ({rid})" for rid, lab in labels[dup].items()]
    return labels


def pick(lang: str, zh: str, en: str) -> str:
    """Return ``zh`` or ``en`` for the language (captions and sentences written in both)."""
    return zh if check_lang(lang) == "zh" else en


def ui_text(key: str, lang: str = "zh") -> str:
    """Short fixed phrases used on charts (axis titles, legends), in the chosen language."""
    return _UI[key][0 if check_lang(lang) == "zh" else 1]


_UI: dict[str, tuple[str, str]] = {
    "report": ("报告", "Report"),
    "category": ("主题", "Theme"),
    "share": ("文本占比", "Share of text"),
    "chars": ("字数(千字)", "Characters (thousands)"),
    "sections": ("章节数", "Sections"),
    "level": ("层级", "Level"),
    "outline_level": ("提纲层级", "Outline level"),
    "year": ("年份", "Year"),
    "not_reported": ("未报告", "not reported"),
    "stated_zero": ("明确为零", "stated as zero"),
    "per_1000": ("每千字数量表述", "Quantity statements per 1,000 chars"),
    "unit_family": ("单位类别", "Unit family"),
    "count": ("数量", "Count"),
    "cosine": ("余弦相似度", "Cosine similarity"),
    "g2": ("对数似然 G²(正=偏多)", "Log-likelihood G² (positive = overused)"),
    "tfidf": ("TF-IDF", "TF-IDF"),
    "topic": ("主题模型话题", "Topic"),
    "topic_share": ("话题占比", "Topic share"),
    "formulaic": ("套话词占比(%)", "Formulaic tokens (% of tokens)"),
    "removed_lines": ("清理的行数", "Lines removed in cleaning"),
    "repaired": ("修复的标题", "Repaired headings"),
    "rule": ("清理规则", "Cleaning rule"),
    "value": ("数值", "Value"),
    "change": ("较上年变化", "Change from previous year"),
    "change_pct": ("较上一份报告变化(%)", "Change from the previous report (%)"),
    "change_pp": ("较上一份报告变化(百分点)", "Change from the previous report (points)"),
    "weight": ("权重", "Weight"),
    "section_similarity": ("同主题章节相似度", "Same-theme section similarity"),
    # templates (str.format): the note above a chart of many reports or bureaus
    "charted_reports": (
        "仅显示最近的 {shown} 份报告(共 {total} 份;完整数据见 HTML 与 JSON)",
        "Only the latest {shown} of {total} reports are shown (all are in the HTML and JSON data)",
    ),
    "charted_bureaus": (
        "仅显示最近 {latest} 份报告所属的 {shown} 个部门(共 {total} 个)",
        "Only the {shown} bureaus of the latest {latest} reports are shown (of {total})",
    ),
}
