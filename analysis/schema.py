"""The tidy tables the build writes: their grain and their columns, in one place.

Every table is written to ``data/processed/<name>.parquet`` and ``<name>.csv`` (UTF-8
with BOM). The same thing has the same column name everywhere, so tables join without
renaming: ``report_id`` and ``section_id`` are the keys. Offsets (``start``, ``end``) are
character offsets into the report's cleaned text (Python string indices, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """A table's name, grain, key and ordered columns (name -> meaning)."""

    name: str
    grain: str
    key: tuple[str, ...]
    columns: dict[str, str]


SOURCE_NOTE = "where the value came from: 'manifest', 'text' (inferred) or '' (unknown)"

REPORTS = Table(
    name="reports",
    grain="one row per report",
    key=("report_id",),
    columns={
        "report_id": "readable unique id (manifest, or slug of jurisdiction and year)",
        "file": "file name inside data/raw/",
        "jurisdiction": "the government the bureau serves, e.g. 济宁市, 九龙坡区",
        "city": "prefecture-level city or municipality it belongs to, e.g. 重庆市",
        "province": "province-level division, e.g. 山东省, 重庆市",
        "level": "province (a province's own department), city, district, county or town (乡, 镇, 街道)",
        "bureau": "the bureau's full name",
        "year": "the year the report covers (integer)",
        "published": "publication date YYYY-MM-DD, or blank",
        "n_chars": "characters in the cleaned text",
        "n_sections": "rows in the sections table for this report",
        "title": "the report's title as written (first title line(s) of the text)",
        "jurisdiction_source": SOURCE_NOTE,
        "city_source": SOURCE_NOTE,
        "province_source": SOURCE_NOTE,
        "level_source": SOURCE_NOTE,
        "bureau_source": SOURCE_NOTE,
        "year_source": SOURCE_NOTE,
        "published_source": SOURCE_NOTE,
        "encoding": "the encoding the raw file was decoded from (docx: a Word document)",
        "sha256": "content hash of the raw file's bytes",
        "source_url": "where the report was collected (the manifest's source_url; blank if none)",
    },
)

CLEANING = Table(
    name="cleaning",
    grain="one row per raw line that cleaning removed, read as metadata, joined, converted to "
    "simplified characters or stripped of HTML markup, a watermark, pinyin glosses or a page chunk's number",
    key=("report_id", "line_no"),
    columns={
        "report_id": "report",
        "line_no": "1-based line number in the decoded raw text",
        "text": "the line as it was (trailing whitespace stripped)",
        "rule": "the rule that matched (see analysis/lexicons/chrome_patterns.tsv)",
    },
)

SECTIONS = Table(
    name="sections",
    grain="one row per heading-delimited chunk, in document order",
    key=("report_id", "section_id"),
    columns={
        "report_id": "report",
        "section_id": "dotted path of ordinal positions ('0' is the preamble, '2.3')",
        "parent_id": "section_id of the parent ('' for top level and preamble)",
        "level": "outline depth: 0 preamble, 1 一、, 2 (一), 3 1. / 1、, 4 (1) in the usual "
        "outline; a heading is one deeper than its parent (1. directly under 一、 is 2; "
        "under 第一部分-style parts, the parts are 1 and the rest one deeper); a heading at "
        "the top keeps its marker's rank",
        "marker": "the outline marker, folded to half-width ('(二)'); rebuilt if repaired",
        "heading": "the heading text without its marker",
        "text": "the chunk's cleaned text, heading line included",
        "start": "offset of the chunk in the cleaned text",
        "end": "end offset (exclusive)",
        "category": "theme from analysis/lexicons/section_themes.tsv",
        "repaired": "True when the marker was damaged and rebuilt from the sequence",
    },
)

METRICS = Table(
    name="metrics",
    grain="one row per quantity mentioned in a report",
    key=("report_id", "metric_id"),
    columns={
        "report_id": "report",
        "section_id": "section the quantity stands in",
        "metric_id": "stable id within the report, in text order (m0001, m0002, ...)",
        "start": "offset of raw in the cleaned text",
        "end": "end offset (exclusive)",
        "raw": "exact substring of the cleaned text, qualifier and unit included",
        "value": "the number, multipliers applied (1.9万 -> 19000)",
        "unit": "canonical unit (元, 件, 人, %, 百分点, ...)",
        "unit_family": "cases, money, people, times, items, area, length, weight, percent, other",
        "approx": "True when 余/多/近/约/超/以上/左右 qualifies the number",
        "qualifier": "the qualifying word, or ''",
        "kind": "level, rate, change or target",
        "subject": "short phrase saying what is counted",
        "indicator": "canonical indicator assigned, or ''",
        "sentence": "the sentence the quantity stands in",
        "corrected": "True when a reviewed correction (data/corrections.csv) was applied",
    },
)

INDICATORS = Table(
    name="indicators",
    grain="one row per (report, canonical indicator) the report states",
    key=("report_id", "indicator"),
    columns={
        "report_id": "report",
        "indicator": "canonical indicator (analysis/lexicons/indicators.tsv)",
        "value": "the figure",
        "unit": "its unit",
        "method": "stated, sum or stated_zero",
        "evidence": "metric_ids used, separated by ';' (none for a stated_zero)",
        "sentence": "a stated_zero's sentence stating the none ('' otherwise: the evidence's"
        " metrics carry their sentences)",
        "start": "offset of that sentence in the cleaned text (-1 when there is none)",
        "end": "offset just past that sentence (-1 when there is none)",
    },
)

TOKENS = Table(
    name="tokens",
    grain="one row per word token, in document order",
    key=("report_id", "section_id", "position"),
    columns={
        "report_id": "report",
        "section_id": "section",
        "position": "0-based index of the token within its section",
        "start": "offset of the token in the cleaned text",
        "token": "the word",
        "pos": "part of speech from jieba.posseg ('' when the backend gives none)",
        "stopword": "True for general Chinese function words",
        "formulaic": "True for formulaic official phrasing",
    },
)

TABLES: dict[str, Table] = {
    t.name: t for t in (REPORTS, CLEANING, SECTIONS, METRICS, INDICATORS, TOKENS)
}
