"""Extract every quantity a report states into the tidy ``metrics`` table; derive ``indicators``.

Grain: ``metrics`` has one row per quantity mentioned in a report (schema.METRICS);
``indicators`` one row per (report, canonical indicator) the report states
(schema.INDICATORS). The labelling conventions are those of
``tests/fixtures/METRICS_LABELLING.md``.

How a quantity is found (all word lists are editable data files in ``analysis/lexicons/``):

1. Numbers are found on ``fold(text)`` (Arabic, Chinese numerals, ``百分之N``/``万分之N``,
   ratios ``1: 1.2``) with the patterns of :mod:`analysis.numbers`.
2. A number is a quantity only when a unit from ``units.tsv`` follows it (after ``余``/``多``
   and a multiplier ``万``/``亿``/``千``), or it is a percent or a ratio. So years
   (``2023年``), dates (``3月26日``), document numbers (``〔2023〕83号``), hotlines
   (``12345``) and outline markers (``一、``, ``1.``) never become rows.
3. General rules then drop names and idioms: anything inside a title ``《…》`` or a document
   number ``〔…〕``; numerals inside a short quotation ``“…”`` (a slogan: ``“八五”``,
   ``“721”``); matches of the ``name`` patterns in ``metric_patterns.tsv`` (三项制度,
   十八号线, 5G, 党的二十大, …); ordinals (``第一``) and ranks (``前10名``); the Chinese
   numeral 一 with a measure word (``一项``: idiomatic; Arabic ``1项`` is kept); vague
   ``数十``/``几十``; discourse counts (``以下两个方面``); congress names (``二十次全国代表大会``);
   a ratio that is really a time of day (``10:39``).
4. Each row gets its qualifier (``近``/``约``/``超`` before, ``余``/``多`` between, ``以上``/
   ``左右`` after: ``approx``), its kind (``target`` > ``change`` > ``rate`` > ``level``),
   its subject (noun phrase after the last verb before the number, or after the unit), its
   sentence and its indicator (``indicators.tsv``).

Kind ``change`` is given only to a number directly after a change verb (``压缩50%以上``,
``同比增长8%``) or in 百分点/倍. ``从20%提升至70%`` gives two rows, 20% and 70%, both of kind
``rate`` (levels before and after); no derived change row is added because it would have no
span of its own in the text.

Sentences end at 。!?; and at line breaks, except a line break that only wraps running text
(a PDF hard wrap that cleaning left: the line before is paragraph text without final
punctuation and the next line is no heading); such a break is also no paragraph end.

``derive_indicators`` turns the assigned metrics into one figure per (report, indicator):
``stated`` (one mention, or the first for rates), ``sum`` (distinct parts added: 简易程序 +
一般程序 cases, two fines) or ``stated_zero`` (an explicit none such as 未发生行政诉讼案件,
or every mention being 0: evidence '' and the sentence that says so in ``sentence``,
``start``, ``end``). No row when the report does not state it. A stated total wins over its
parts: subsets (其中/包括), special campaigns (专项整治), outcome counts (结案) beside intake
counts (立案), restated figures, figures of a less preferred unit (人次 beside 批次), typed
parts after a larger figure, parts equal in sum to a total, and smaller figures after a
total cue (共/合计/全年) in the same paragraph are never added; ``target`` and ``change``
rows are never used (a plan is not an achievement). The steps are listed in
:func:`derive_indicators`.

Reviewed corrections (``data/corrections.csv``) are applied with :func:`apply_corrections`.
Nothing is read at import time; lexicons are read once on first use.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from analysis import gazetteer, paths, schema
from analysis.lexicons import guarded_pattern, lexicon_cache
from analysis.normalize import BULLET, OTHER_SCRIPT, translation_line
from analysis.normalize import fold as _fold_forms
from analysis.numbers import (
    ARABIC_RE,
    CN_NUMERAL_CHARS,
    CN_RE,
    FRACTION_RE,
    MIXED_RE,
    MULTIPLIER_RE,
    MULTIPLIERS,
    STACKED_HINT,
    board_label_start,
    board_pairs,
    cn_about,
    parse_number,
    stacked_figures,
)

if TYPE_CHECKING:  # pandas loads on first use: extracting metrics needs none
    import pandas as pd

UNITS_FILE = paths.LEXICON_DIR / "units.tsv"
PATTERNS_FILE = paths.LEXICON_DIR / "metric_patterns.tsv"
INDICATORS_FILE = paths.LEXICON_DIR / "indicators.tsv"
SLIPS_FILE = paths.LEXICON_DIR / "input_slips.tsv"


@lexicon_cache(maxsize=2)
def _slips(path: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """The input-method slips of ``input_slips.tsv``: a pattern of the slips (each with what
    may not follow it) and slip -> word."""
    words: dict[str, str] = {}
    alts: list[tuple[str, str]] = []
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")][1:]  # after the header
    for n, row in enumerate(rows, start=2):
        slip, word, _note, not_before = (row + ["", "", "", ""])[:4]
        if not slip or len(slip) != len(word):
            raise ValueError(
                f"{path}: row {n} ({slip!r} -> {word!r}): a slip and the word meant must be "
                "two words of the same length; correct the row"
            )
        slip = _fold_forms(slip)
        words[slip] = _fold_forms(word)
        guard = f"(?!{not_before.strip()})" if not_before.strip() else ""
        alts.append((slip, re.escape(slip) + guard))
    if not words:
        return None, words
    alts.sort(key=lambda a: len(a[0]), reverse=True)
    return re.compile("|".join(a for _, a in alts)), words


def fold(text: str) -> str:
    """:func:`analysis.normalize.fold`, with the slips of ``input_slips.tsv`` read as the
    words meant (行政复义 -> 行政复议): the same length, so offsets hold."""
    out = _fold_forms(text)
    pattern, words = _slips(str(SLIPS_FILE))
    if pattern is not None and pattern.search(out):
        out = pattern.sub(lambda m: words[m.group(0)], out)
    return out


METRIC_COLUMNS = list(schema.METRICS.columns)
INDICATOR_COLUMNS = list(schema.INDICATORS.columns)
CORRECTION_COLUMNS = [
    "report_id",
    "raw",
    "occurrence",
    "start",
    "action",
    "value",
    "unit",
    "indicator",
    "note",
]
CORRECTION_ACTIONS = ("set", "not_a_quantity")
# Kinds that do not state what was done: plans and goals, and changes (a % drop is not a level).
NOT_STATED_KINDS = ("target", "change")

_SENTENCE_END = re.compile(r"[。!?;\n]")
# a heading run into its paragraph after an indent on the same line (一、加强组织领导　　2020年,…):
# the gap ends the heading's sentence
_HEADING_GAP = re.compile(
    r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d)"
    r"|第[一二三四五六七八九十]{1,3}部分)(?:[^。!?;\d\n]|\d{4}年){1,40}?(?<=[\u4e00-\u9fff”\"])"
    r"(?P<gap> {2,})"
    # what follows is a paragraph, not the figure of a table row (1. 行政处罚案件    326件)
    r"(?=\S)(?!\d[\d,.]*\s*(?:万|亿)?\s*(?!年)[\u4e00-\u9fff%])"
)
_NEWLINE = re.compile("\n")
# Clause delimiters: commas, and colons not inside a ratio such as 1: 1.2.
# a comma that is not a thousands separator (2,148件)
_TEXT_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")
# a period opened by a year (2024年以来, 2021年至今)
_YEAR_SINCE = re.compile(r"\s*(?:19|20)\d\d年")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d年度?(?:为|的)?")
# a share's word (合同协议类占比45.7%), and the count in brackets right after the share ((共21件))
_SHARE_WORD = re.compile(r"(?:占比|所占比例|占比重|比例|比重)$")
_COUNT_OF_SHARE = re.compile(r"\s*\(\s*(?:共计?|合计|总计|计|达到|达|为)?\s*")
# a clause ends at such a comma, or a colon unless in a time
# (and a table's cell border: │行政处罚案件│1,268件│)
_CLAUSE_END = re.compile(rf"{_TEXT_COMMA.pattern}|(?<![\d])\:|\:(?![\s\d])|[│┃]")
# a sentence on what was received, opened by it (受理案件中,信息采集员巡查上报71,264件、…)
_RECEIVED = r"(?:受理|办理|立案|查处|收到|接收|上报)的?[^,;。，；\d]{0,6}中\s*[,，]"
_RECEIVED_OPENER = re.compile(rf"\s*{_RECEIVED}")
_SUBSET_OPENER = re.compile(
    r"^\s*(?:\[\d{1,2}\]\s*)?(?:其中|包括|含|内含|具体(?:为|是|包括|有)\s*[:：]?|(?:在|于)?上述[^,;。，；]{0,10}中\s*[,，]"
    r"|[\u4e00-\u9fff]{1,6}中(?:安排|包括|包含)"
    rf"|{_RECEIVED})"
)
_OUTLINE_AFTER = re.compile(r"^\s*(?:[、.)]|\))(?!\d)")
_TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|、)")
_ANY_HEADING = re.compile(
    # after spaces and the emoji or shapes an editor sets before a heading (🔹(五)…, ■一、…)
    r"^[\s\u25a0-\u25ff\u2600-\u2775\u2794-\u27bf\U0001f300-\U0001f51e\U0001f520-\U0001faff\ufe0f\u200d]*(?:[一二三四五六七八九十]+\s*[、.]|[\u2460-\u249b\u3220-\u3229]|、|\(?[一二三四五六七八九十]+\)|\(\)|\)|\d+\s*[、.](?!\d)|\(\d+\))"
)
_TIME_LIKE = re.compile(r"^\d{1,2}:\d{2}$")
# Excluded spans (names, not quantities) and subject clean-up, compiled once.
_TITLE_SPAN = re.compile(r"《[^《》\n]{0,100}》")
_DOCNO_SPAN = re.compile(r"〔[^〔〕\n]{0,20}〕|〔\d{3,}[^\s,。;]{0,6}")
_QUOTE_SPAN = re.compile(r"“[^“”\n]{1,10}”|\"[^\"\n]{1,10}\"")
# dates (2023-3-26) and times (10:39:05), and record numbers (ICP备12345678): each written to
# start with a character class, which the engine scans for fast
# a statute's penalty range or a standard's threshold, no figure of the year's work
# (处5000元以上3万元以下罚款; 对个人处200元以上、单位处2000元以上罚款; 处建设工程造价5%以上10%以下的
# 罚款; 较大数额罚款标准(对个人1万元以上、对单位10万元以上))
_AMOUNT = r"(?:\d[\d.,]*\s*[万千]?|[一二三四五六七八九十百千万两零〇]+)(?:元|%)"
_PENALTY_RANGE_SPAN = re.compile(
    rf"处(?![罚理置室长分所级])(?:以)?[^,;。、()\d率比占]{{0,8}}?{_AMOUNT}以上"
    rf"(?:[^,;。\d]{{0,2}}?{_AMOUNT}以下)?"
    r"|标准\s*\((?:对)?(?:个人|公民|单位|法人)[^()]{0,40}\)"
)
_DATE_SPAN = re.compile(r"\d(?:\d{3}-\d{1,2}-\d{1,2}|\d?:\d{2}:\d{2})")
_RECORD_SPAN = re.compile(r"[A-Za-z][A-Za-z]+\s?[备号]?[\d-]{5,}")
_SUBJ_TITLE = re.compile(r"《[^《》]*》")
_SUBJ_PAREN = re.compile(r"\([^()]*\)|\([^()]*$")
_SUBJ_QUOTES = re.compile(r"[“”\"'‘’\s]")
_RIGHT_PAREN = re.compile(r"^\([^()]{0,4}\)")
_RIGHT_START = re.compile(r"[\u4e00-\u9fff ]")
_CONNECTORS = re.compile(r"[至到和及与、,;\s]|(?:分别|再|又|了|为|达|减少|增加)")


# ----------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Unit:
    """One row of ``units.tsv``."""

    unit: str
    canonical: str
    family: str
    multiplier: float
    arabic_only: bool
    not_before: str = ""  # a regex of what may not follow the unit (个次 not before 生)


def _read_tsv_frame(path: Path | str) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(
        path,
        sep="\t",
        comment="#",
        dtype=str,
        keep_default_na=False,
        quoting=3,
        encoding="utf-8",
    )


def _read_tsv(path: Path | str) -> tuple[list[str], list[SimpleNamespace]]:
    """(columns, rows with one attribute per column) of a lexicon table, as read by
    :func:`_read_tsv_frame`. A plainly shaped file (UTF-8 without BOM or carriage returns,
    no blank-looking lines, distinct non-empty column names, every row as many cells as the
    header) is split here without loading pandas: ``#`` starts a comment, empty lines are
    skipped, cells are kept as written. Any other file is read by pandas."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    plain = bool(text) and not text.startswith("\ufeff") and not ("\r" in text or "\0" in text)
    if plain:
        lines = [line for line in (ln.split("#", 1)[0] for ln in text.split("\n")) if line]
        header = lines[0].split("\t") if lines else []
        cells = [line.split("\t") for line in lines[1:]]
        plain = (
            bool(header)
            and all(line.strip() for line in lines)
            and all(header)
            and len(set(header)) == len(header)
            and all(len(c) == len(header) for c in cells)
        )
    if plain:
        columns = header
        values = cells
    else:
        df = _read_tsv_frame(path)
        columns = [str(c) for c in df.columns]
        values = [list(v) for v in df.itertuples(index=False, name=None)]
    return columns, [SimpleNamespace(**dict(zip(columns, v, strict=True))) for v in values]


@lexicon_cache(maxsize=8)
def _load_units(path: str) -> tuple[Unit, ...]:
    columns, table = _read_tsv(path)
    missing = {"unit", "canonical", "family", "multiplier", "numerals"} - set(columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    units = [
        Unit(
            unit=r.unit.strip(),
            canonical=(r.canonical.strip() or r.unit.strip()),
            family=r.family.strip(),
            multiplier=float(r.multiplier or 1),
            arabic_only=r.numerals.strip() == "arabic",
            not_before=(getattr(r, "not_before", "") or "").strip(),
        )
        for r in table
        if r.unit.strip()
    ]
    units.sort(key=lambda u: -len(u.unit))  # longest first: 人次 before 人
    return tuple(units)


def read_units(path: Path | str = UNITS_FILE) -> pd.DataFrame:
    """Read the units lexicon as a table.

    Args:
        path: ``units.tsv`` (columns unit, canonical, family, multiplier, numerals, note).

    Returns:
        One row per unit with columns ``unit, canonical, family, multiplier, arabic_only,
        not_before``, longest units first.
    """
    import pandas as pd

    return pd.DataFrame([u.__dict__ for u in _load_units(str(path))])


@lexicon_cache(maxsize=8)
def _load_patterns(path: str) -> dict[str, tuple[str, ...]]:
    columns, table = _read_tsv(path)
    if not {"type", "pattern"} <= set(columns):
        raise ValueError(f"{path}: needs columns type and pattern")
    out: dict[str, list[str]] = {}
    for r in table:
        if r.type.strip() and r.pattern.strip():
            out.setdefault(r.type.strip(), []).append(r.pattern.strip())
    return {k: tuple(v) for k, v in out.items()}


def _alt(patterns: tuple[str, ...] | list[str]) -> str:
    """One alternation of patterns; words split on '|' are ordered longest first."""
    parts: list[str] = []
    for p in patterns:
        parts.extend(p.split("|") if re.fullmatch(r"[^\\()\[\]{}?*+.^$]+", p) else [p])
    parts.sort(key=lambda s: -len(s))
    return "|".join(f"(?:{p})" for p in parts) if parts else r"(?!x)x"


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, Unit]
    unit_re: re.Pattern
    tail_re: re.Pattern
    range_re: re.Pattern
    master_re: re.Pattern
    name_re: re.Pattern
    approx_before_re: re.Pattern
    bound_before_re: re.Pattern
    approx_after_re: re.Pattern
    vague_before: tuple[str, ...]
    discourse_after_re: re.Pattern
    discourse_before_re: re.Pattern
    total_after_re: re.Pattern
    rank_before_re: re.Pattern
    congress_after_re: re.Pattern
    hotline_after_re: re.Pattern
    change_re: re.Pattern
    change_word_re: re.Pattern
    target_re: re.Pattern
    plan_heading_re: re.Pattern
    verb_re: re.Pattern
    prefix_re: re.Pattern
    suffix_re: re.Pattern
    stop_re: re.Pattern
    bare_step_re: re.Pattern  # a subject that is only a funnel step (受理, 审结)
    body_step_re: re.Pattern  # a body's share with no noun (其中我局本级办理)


@lexicon_cache(maxsize=8)
def _lexicon(units_path: str, patterns_path: str) -> _Lexicon:
    units = _load_units(units_path)
    pats = _load_patterns(patterns_path)

    def get(t: str) -> tuple[str, ...]:
        return pats.get(t, ())

    unit_alt = "|".join(
        re.escape(u.unit) + (f"(?!{u.not_before})" if u.not_before else "") for u in units
    )
    between = _alt(get("approx_between"))
    tail = (
        # a space may stand between a number and what follows it, as a Latin font's digits are
        # spaced in Word (3.26 万件, 20 余部, 126 件): one before the multiplier, one before the unit
        rf"(?:[ ](?=[^ ]))?(?P<b1>{between})?(?P<mult>{MULTIPLIER_RE})?(?P<b2>{between})?"
        rf"[ ]?(?P<unit>%|{unit_alt})"
    )
    number = rf"(?:{ARABIC_RE})|(?:{CN_RE})"
    master = (
        rf"(?P<frac>{FRACTION_RE})"
        rf"|(?P<ratio>(?<![\d.:])(?P<r1>\d+(?:\.\d+)?)[ ]?:[ ]?(?P<r2>\d+(?:\.\d+)?)(?![\d:]))"
        rf"|(?P<ar>{MIXED_RE}|{ARABIC_RE})"
        rf"|(?P<cn>{CN_RE})"
    )
    return _Lexicon(
        units={u.unit: u for u in units},
        unit_re=re.compile(rf"%|{unit_alt}"),
        tail_re=re.compile(tail),
        range_re=re.compile(rf"[ ]?(?:至|到|-|~)[ ]?(?P<n2>{number})"),
        master_re=guarded_pattern(master),
        name_re=guarded_pattern(_alt(get("name") + _numeral_place_names())),
        approx_before_re=re.compile(rf"(?:{_alt(get('approx_before'))})$"),
        bound_before_re=re.compile(rf"(?:{_alt(get('bound_before'))})$"),
        approx_after_re=re.compile(_alt(get("approx_after"))),
        vague_before=tuple(w for p in get("vague_before") for w in p.split("|")),
        discourse_after_re=re.compile(_alt(get("discourse_after"))),
        discourse_before_re=re.compile(rf"(?:{_alt(get('discourse_before'))})$"),
        total_after_re=re.compile(_alt(get("total_after"))),
        rank_before_re=re.compile(rf"(?:{_alt(get('rank_before'))})$"),
        congress_after_re=re.compile(_alt(get("congress_after"))),
        hotline_after_re=re.compile(_alt(get("hotline_after"))),
        change_re=re.compile(rf"(?:{_alt(get('change_cue'))})(?:了)?[ ]?$"),
        change_word_re=re.compile(_alt(get("change_cue"))),
        target_re=re.compile(_alt(get("target_cue"))),
        plan_heading_re=re.compile(_alt(get("plan_heading"))),
        verb_re=re.compile(rf"(?:{_alt(get('verb'))})(?!{_alt(get('verb_blocker'))})"),
        prefix_re=re.compile(rf"^(?:{_alt(get('subject_prefix'))})"),
        suffix_re=re.compile(rf"(?:{_alt(get('subject_suffix'))})$"),
        stop_re=re.compile(_alt(get("subject_stop"))),
        bare_step_re=re.compile(rf"(?:{_alt(get('bare_step'))})$"),
        body_step_re=re.compile(rf"(?:{_alt(get('body_step'))})$"),
    )


def _numeral_place_names() -> tuple[str, ...]:
    """Place names with a numeral in them (七台河市, 伍家岗区, 五家渠), as name patterns: a
    number inside a place's name is not a quantity. Full names, and their stems of three or
    more characters (三台县's stem 三台 could be a count: 三台执法车)."""
    from analysis import gazetteer

    numeral = re.compile(f"[{CN_NUMERAL_CHARS}]")
    out = set()
    for name in gazetteer.all_names():
        if len(name) >= 2 and numeral.search(name):
            out.add(name)
            stem = name[:-1] if name[-1] in "市区县旗" else ""
            if len(stem) >= 3:
                out.add(stem)
    return tuple(re.escape(n) for n in sorted(out, key=lambda n: (-len(n), n)))


@dataclass(frozen=True)
class IndicatorRule:
    """One row of ``indicators.tsv``."""

    indicator: str
    # unit families in order of preference, each a group: "cases+items" counts both as one
    groups: tuple[frozenset[str], ...]
    subject: re.Pattern | None
    clause: re.Pattern | None
    sentence: re.Pattern | None
    exclude: re.Pattern | None
    zero: re.Pattern | None
    aggregate: str
    unit: str
    fallback: bool = False  # counts only when no mention matched the indicator's other rows
    last: bool = False  # a last resort: counts only when no mention matched any other row
    # the sentence pattern (written with a leading <) must match the sentence without a 其中
    # clause after the figure: its cue (…共办理行政处罚案件8,946件,其中通过非现场执法…) names
    # the subset
    sentence_before: bool = False


@lexicon_cache(maxsize=8)
def _load_indicator_rules(path: str) -> tuple[IndicatorRule, ...]:
    columns, table = _read_tsv(path)
    need = {
        "indicator",
        "families",
        "subject",
        "clause",
        "sentence",
        "exclude",
        "zero",
        "aggregate",
        "unit",
    }
    missing = need - set(columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")

    def rx(s: str) -> re.Pattern | None:
        return re.compile(s) if s.strip() else None

    return tuple(
        IndicatorRule(
            indicator=r.indicator.strip(),
            groups=tuple(
                frozenset(x.strip() for x in f.split("+") if x.strip())
                for f in r.families.split(",")
                if f.strip()
            ),
            subject=rx(r.subject),
            clause=rx(r.clause),
            sentence=rx(r.sentence.lstrip("<")),
            exclude=rx(r.exclude),
            zero=rx(r.zero),
            aggregate=(r.aggregate.strip() or "sum"),
            unit=r.unit.strip(),
            fallback=getattr(r, "fallback", "").strip().lower() in ("yes", "true", "1", "last"),
            last=getattr(r, "fallback", "").strip().lower() == "last",
            sentence_before=r.sentence.startswith("<"),
        )
        for r in table
        if r.indicator.strip()
    )


def read_indicator_rules(path: Path | str = INDICATORS_FILE) -> pd.DataFrame:
    """Read the indicator lexicon as a table (patterns as strings).

    Args:
        path: ``indicators.tsv``.

    Returns:
        One row per indicator, in file (priority) order.
    """
    return _read_tsv_frame(path)


# ----------------------------------------------------------------------------- extraction


@dataclass
class _Hit:
    start: int  # raw start (qualifier included)
    end: int  # raw end
    num_start: int
    value: float
    unit: str
    family: str
    qualifier: str
    approx: bool
    qual_start: int = -1  # where the qualifier before the number starts (bounds: not in raw)
    label: tuple[int, int] | None = None  # a board's label below the number (its subject)

    def __post_init__(self) -> None:
        if self.qual_start < 0:
            self.qual_start = self.start


def _spans(regex: re.Pattern, f: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(f) if m.end() > m.start()]


def _excluded_spans(f: str, lex: _Lexicon) -> list[tuple[int, int]]:
    # a fixed pattern is only scanned when the text holds a character each of its matches holds
    spans: list[tuple[int, int]] = []
    if "《" in f:
        spans += _spans(_TITLE_SPAN, f)  # titles
    if "〔" in f:
        spans += _spans(_DOCNO_SPAN, f)  # document numbers
    if "“" in f or '"' in f:
        spans += _spans(_QUOTE_SPAN, f)  # short quotations: slogans
    spans += _spans(lex.name_re, f)
    if "-" in f or ":" in f:
        spans += _spans(_DATE_SPAN, f)  # dates, times of day
    spans += _spans(_RECORD_SPAN, f)  # ICP/record numbers
    if "以上" in f:
        spans += _spans(_PENALTY_RANGE_SPAN, f)  # a statute's penalty range
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


def _label_unit(unit_text: str, lex: _Lexicon) -> tuple[str, str, float] | None:
    """(unit, family, multiplier) of the unit a label names in brackets (件, 万元, %, and a
    unit after 万 or 亿: 万件, 万平方米), else None."""
    if unit_text == "%" or unit_text in lex.units:
        return _unit_of(unit_text, lex)
    power = {"万": 1e4, "亿": 1e8}.get(unit_text[:1])
    if power is not None and unit_text[1:] in lex.units:
        unit, family, mult = _unit_of(unit_text[1:], lex)
        return unit, family, mult * power
    return None


def _unit_of(unit_text: str, lex: _Lexicon) -> tuple[str, str, float]:
    if unit_text == "%":
        return "%", "percent", 1.0
    u = lex.units[unit_text]
    return u.canonical, u.family, u.multiplier


def _qualifier_before(f: str, pos: int, lex: _Lexicon) -> tuple[str, int, bool]:
    """Return (qualifier, raw start, in_raw) for the text just before a number at pos (one
    space may stand between them: 超过 5 万次)."""
    end = pos - 1 if pos > 0 and f[pos - 1] == " " else pos
    window = f[max(0, end - 4) : end]
    m = lex.bound_before_re.search(window)
    if m:
        return m.group(0), pos, False
    m = lex.approx_before_re.search(window)
    if m:
        return m.group(0), end - len(m.group(0)), True
    return "", pos, False


# a Chinese numeral of a hundred or more (一百二十): a count, whatever its unit
_CN_HUNDREDS = re.compile(r".[百千万]|[百千万].")
# a run of English words: a section that may hold a translation's lines
_LATIN_RUN = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z]{2,}){3}")


def _in_translation_line(f: str, pos: int) -> bool:
    """Whether the figure at ``pos`` is a translation's, English or Uyghur (its figures
    restate the Chinese): its line is one (:func:`analysis.normalize.translation_line`) and so
    is its sentence, between stops (a Chinese sentence on the same line keeps its figures:
    …案件812件。연간 … 812건; a Chinese gloss in a translation's sentence does not: …2946 gienh
    (其中适用简易程序1,873件…), …collected (486.72万元))."""
    lo = f.rfind("\n", 0, pos) + 1
    hi = f.find("\n", pos)
    hi = hi if hi >= 0 else len(f)
    if not translation_line(f[lo:hi]):
        return False
    a = max(f.rfind(ch, lo, pos) for ch in "。!?") + 1
    b = min((k for k in (f.find(ch, pos, hi) for ch in "。!?") if k >= 0), default=hi)
    a = max(a, lo)
    sentence = f[a:b]
    han = sum(1 for ch in sentence if "\u4e00" <= ch <= "\u9fff")
    return han < sum(1 for ch in sentence if ch.isalpha()) - han


_BARE_POWERS = {"百": 100.0, "千": 1000.0, "万": 10000.0, "百万": 1e6, "千万": 1e7}


def _find_hits(f: str, lex: _Lexicon, text: str | None = None) -> list[_Hit]:
    """All quantities in one folded section text, in text order (``text``: the section as
    written, whose tabs tell a table's cells apart; default ``f``)."""
    hits: list[_Hit] = []
    excluded: list[tuple[int, int]] | None = None  # found on first need
    # (a section that may hold a translation's lines: English words, or another script)
    translations = _LATIN_RUN.search(f) is not None or OTHER_SCRIPT.search(f) is not None
    tail_match, range_match = lex.tail_re.match, lex.range_re.match
    for m in lex.master_re.finditer(f):
        t = None
        ocr_tail = ""
        about = False
        if m.lastgroup in ("ar", "cn"):  # not a fraction or a ratio (groups closed last)
            # first the cheap test: with neither a unit nor a range after it, no quantity
            e = m.end()
            t = tail_match(f, e)
            if t is None and m.lastgroup == "ar" and f[e : e + 1] in ("O", "o"):
                # OCR's O for a last 0 (评查案卷32O卷): the digits run on to the unit
                run = _OCR_TAIL.match(f, e)
                t = tail_match(f, run.end())
                if t is not None:
                    ocr_tail = run.group(0)
            if t is None and range_match(f, e) is None:
                continue
        s0 = m.start()
        if excluded is None:
            excluded = _excluded_spans(f, lex)
        if excluded and _inside(s0, excluded):
            continue
        before = f[max(0, s0 - 6) : s0]
        if before.endswith("第") or before.rstrip().endswith("第"):
            continue  # ordinal: 第一, 第三届
        if m.group("frac"):
            value = parse_number(m.group("frac"))
            if value is None:
                continue
            end = m.end()
            unit, family, mult = "%", "percent", 1.0
            num_text = m.group("frac")
            is_cn = True
        elif m.group("ratio"):
            r1, r2 = m.group("r1"), m.group("r2")
            clause_before = f[max(0, s0 - 12) : s0]
            time_like = _TIME_LIKE.match(m.group("ratio")) is not None
            if time_like and "比" not in clause_before and int(r1) <= 24 and int(r2) < 60:
                continue  # a time of day, not a ratio
            if translations and _in_translation_line(f, s0):
                continue  # (a translation's ratio restates the Chinese one)
            hits.append(_Hit(s0, m.end(), s0, float(r2), "ratio", "other", "", False))
            continue
        else:
            num_text = (m.group("ar") or m.group("cn")) + ocr_tail.translate(_OCR_DIGITS)
            is_cn = m.group("cn") is not None
            if not is_cn and s0 > 0 and f[s0 - 1].isascii() and f[s0 - 1].isalpha():
                k = s0 - 1
                while k > 0 and f[k - 1].isascii() and f[k - 1].isalpha():
                    k -= 1
                letters = f[k:s0]
                ocr = _ocr_digits_start(f, s0)
                if ocr is not None:  # OCR's letters for digits: 1O8件 is 108 cases, l2次 12
                    num_text = f[ocr:s0].translate(_OCR_DIGITS) + num_text
                    s0 = ocr
                    before = f[max(0, s0 - 6) : s0]
                    if before.rstrip().endswith("第") or (excluded and _inside(s0, excluded)):
                        continue
                elif len(letters) == 1 or all(ch in "lIOoSBZz" for ch in letters):
                    continue  # a code (A4, G20), or letters for digits not certainly so (S2)
            split = not is_cn and _ocr_split_start(f, s0, num_text, text)
            if split:  # OCR's space inside a number: 立案1 26件 is 126 cases, not 26
                num_text = f[split : s0 - 1] + num_text
                s0 = split
                before = f[max(0, s0 - 6) : s0]
                if before.endswith("第") or (excluded and _inside(s0, excluded)):
                    continue
            if (
                is_cn
                and num_text.startswith(("十", "百", "千", "万"))
                and any(before.endswith(w) for w in lex.vague_before)
            ):
                continue  # 数十, 几十
            unit_text = t.group("unit") if t else None
            if (
                unit_text
                and unit_text != "%"
                and lex.units[unit_text].arabic_only
                and is_cn
                and not _CN_HUNDREDS.search(num_text)
            ):
                unit_text = None  # 五大… is a name; only 3大 counts (and 一百二十路)
            if not unit_text:
                _range_hit(f, m, lex, hits, excluded)
                continue
            if lex.hotline_after_re.match(f, m.end()):
                continue
            base = parse_number(num_text)
            about = base is None and is_cn and cn_about(num_text) is not None
            if about:
                base = cn_about(num_text)  # 二三十次: about 20 (approximate, below)
            if base is None:
                # 近千人次, 逾万份, 百余人: a bare 百/千/万 is a number with a qualifier of
                # size before it or 余/多 after it (上千人, 数千人 are vague: no number)
                if num_text not in _BARE_POWERS or before.rstrip(" ")[-1:].isdecimal():
                    continue  # 1.6万余份: the 万 of a number already read
                if not (lex.approx_before_re.search(before) or t.group("b1")):
                    continue
                word_shang = len(before) >= 2 and before[-2] in "线网会以台面路楼晚早"
                if before.endswith(("数", "几")) or (before.endswith("上") and not word_shang):
                    continue  # 上千余人, 数千余人: vague however qualified (not 线上千余人次)
                base = _BARE_POWERS[num_text]
            if t.group("mult"):
                base *= MULTIPLIERS[t.group("mult")]
            unit, family, mult = _unit_of(unit_text, lex)
            value = round(base * mult, 6)  # 186.42万元: 1864200, not 1864199.9999999998
            end = t.end()
            if is_cn and value == 1 and num_text in ("一", "壹"):
                continue  # 一项, 一次: idiomatic
            if is_cn and len(num_text) == 1 and num_text in "贰叁肆伍陆柒捌玖":
                continue  # a capital numeral alone is a name's character: 陆家嘴, 伍家岗
            if is_cn and unit in ("次",) and lex.congress_after_re.match(f, end):
                continue  # 二十次全国代表大会
            if unit in ("名", "位") and lex.rank_before_re.search(before):
                continue  # 前10名
            if (
                lex.discourse_after_re.match(f, end)
                or (is_cn and lex.discourse_before_re.search(before))
                or (unit in _KIND_UNITS and lex.total_after_re.match(f, end))
            ):
                continue  # 以下两个方面; 两项合计153件
            line_start = f.rfind("\n", 0, s0) + 1
            if (
                not is_cn
                and f[line_start:s0].strip() in ("", "(")
                and (
                    _OUTLINE_AFTER.match(f, m.end())
                    # a decimal outline's marker: 3.3 部分企业… (a quantity has no space)
                    or ("." in num_text and _DECIMAL_MARKER_AFTER.match(f, m.end()))
                )
            ):
                continue  # outline marker 1、 / (1) / 3.3
            between = (t.group("b1") or "") + (t.group("b2") or "")
        if m.group("frac"):
            between = ""
        qual, raw_start, in_raw = _qualifier_before(f, s0, lex)
        qual_start = raw_start if in_raw or not qual else s0 - len(qual)
        approx = bool(qual) or bool(between) or (not m.group("frac") and about)
        qualifier = qual or between
        a = lex.approx_after_re.match(f, end)
        if a:
            end = a.end()
            approx = True
            qualifier = qualifier or a.group(0)
        if translations and _in_translation_line(f, s0):
            continue  # a bilingual page's translation restates the Chinese
        hits.append(
            _Hit(raw_start, end, s0, float(value), unit, family, qualifier, approx, qual_start)
        )
    if "(" in f or "\t" in (text or f) or "│" in f or "  " in f or _FIGURES_APART.search(f):
        board = _board_hits(f, lex) + _table_cell_hits(f, text or f, lex)
        if board:
            hits = sorted(hits + board, key=lambda h: h.start)
    if STACKED_HINT.search(f):
        stacked = _stacked_hits(f, lex)
        if stacked:
            hits = sorted(hits + stacked, key=lambda h: h.start)
    return hits


def _stacked_hits(f: str, lex: _Lexicon) -> list[_Hit]:
    """The figures of an infographic copied line by line (:func:`analysis.numbers.
    stacked_figures`): the figure's line is its raw, the next line's unit its unit (万元: a
    multiplier too), the line above its subject."""
    lines = f.split("\n")
    starts = list(itertools.accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
    out = []
    for i, v, u, (at, lab) in stacked_figures(lines, lambda w: _label_unit(w, lex) is not None):
        unit, family, mult = _label_unit(u["u"], lex)
        if unit in ("名", "位") and lex.rank_before_re.search(lab["l"]):
            continue  # a rank (考核排名 / 3 / 名), no count
        base = parse_number(v["n"])
        if base is None:
            continue
        if v["m"]:
            base *= MULTIPLIERS[v["m"]]
        lo = starts[i]
        end = v.end("a") if v["a"] else v.end("m") if v["m"] else v.end("n")
        out.append(
            _Hit(
                lo + v.start("q" if v["q"] else "n"),
                lo + end,
                lo + v.start("n"),
                round(base * mult, 6),
                unit,
                family,
                v["q"] or v["a"] or "",
                bool(v["q"] or v["a"]),
                label=(starts[at] + lab.start("l"), starts[at] + lab.end("l")),
            )
        )
    return out


# ------------------------------------------------------------------ tables laid out in text
# Tables come drawn with box characters (│行政处罚案件│1,268件│) or as Markdown's pipe tables
# (| 行政处罚案件（件） | 1,268 |), or lined up by tabs (a table pasted from Excel) or runs of
# spaces (pdftotext -layout). Their cells are read apart,
# take their row's label (and the unit it names), and count for the year their column's
# header names; they restate the body (_without_restatements).

# a table's row whose cells are lined up by runs of spaces or by tabs (pdftotext -layout,
# a Word table pasted as text): 行政处罚案件        2317件            1986件
_SPACED_ROW = re.compile(
    r"[ \t\u3000]*\S+(?: \S+)*(?:(?:\t|[ \u3000]{2,})[ \t\u3000]*\S+(?: \S+)*)+\s*"
)


# punctuation of prose, which a table's cells do not hold (a comma between digits is a
# thousands separator); in a row lined up by spaces alone ；and ：too (a tab's row may hold
# them in a remark: 含简易程序；一般程序)
_PROSE_PUNCT = re.compile(r"[，。！？!?]|,(?!\d)")
# (a colon after 其中 or 包括 opens a part's label in a table: 其中：适用一般程序    件    1,935)
_PROSE_PUNCT_SPACED = re.compile(r"[，。！？!?；;]|,(?!\d)|(?<!其中)(?<!包括)(?:：|:(?!\d))")


# a Markdown table's row (| 罚没款（万元） | 236.40 | 281.75 |): its borders are drawn
_PIPE_ROW = re.compile(
    r"[ \t]*\|(?:[^|\n]*\|){2,}[ \t]*"
    # ... or cells apart by pipes without the outer ones (城中区｜1212｜198.52｜97.4; a full-width
    # pipe as written), no prose
    r"|[ \t]*[^|｜\n。，,;；:：]{1,24}(?:[|｜][^|｜\n。，,;；:：]{1,24}){2,}[ \t]*"
)


def _pipe_row(line: str) -> bool:
    """Whether a line (or a sentence's line) is a Markdown table's row."""
    return ("|" in line or "｜" in line) and any(_PIPE_ROW.fullmatch(x) for x in line.split("\n"))


def _drawn_row(line: str) -> bool:
    """Whether a line (or a sentence) is a drawn table's row: box borders or Markdown pipes."""
    return "│" in line or "┃" in line or _pipe_row(line)


# a table's row whose cells stand one space apart, as a PDF's table comes out copied without
# its layout: a label holding a Chinese character (after a serial number or not), perhaps its
# unit, then two or more figures (监督检查 户次 6,842 6,215 10.1%, 县市场监管局 312 86.4 1520)
_FIGURE_CELL = r"(?:[+\-−]?\d[\d,]*(?:\.\d+)?(?:%|个百分点)?|—|/|持平)"
_SINGLE_SPACED_ROW = re.compile(
    r"[ \u3000]*(?:\d{1,2} )?(?=[^ ]*[\u4e00-\u9fff])[^\s][^ ]{0,24}(?: [^\s\d][^ ]{0,5})?"
    rf"(?: {_FIGURE_CELL}){{2,}}[ \u3000]*"
)
# ... and its header: three or more words one space apart, none a figure but a year
# (项目 单位 2024年 2023年 同比, 单位 行政处罚案件（件） 罚没款（万元）)
_SINGLE_SPACED_HEADER = re.compile(
    r"[ \u3000]*(?:[^\s\d][^ ]{0,14}|(?:19|20)\d\d年度?)(?: (?:[^\s\d][^ ]{0,14}|(?:19|20)\d\d年度?)){2,}"
    r"[ \u3000]*"
)


# two figures one space apart: where a table whose cells stand one space apart may be
_FIGURES_APART = re.compile(r"\d%? [+\-−]?\d")


def _single_spaced(line: str) -> bool:
    """Whether a line is a table's row or header whose cells stand one space apart (and no
    tab or run of spaces parts them), with no punctuation of prose."""
    return (
        (_SINGLE_SPACED_ROW.fullmatch(line) is not None or _SINGLE_SPACED_HEADER.fullmatch(line))
        and _CELL_SEP.search(line.strip()) is None
        and _PROSE_PUNCT_SPACED.search(line) is None
    )


def _table_row(sentence: str) -> bool:
    """Whether a figure's sentence is a table's row: drawn (│…│, | … |) or lined up by
    spaces or tabs, with no punctuation of prose (not a Word line whose digits stand apart
    from their words: 立案查处违法案件  326件,罚款  158.6万元。), or a row whose cells stand one
    space apart (:data:`_SINGLE_SPACED_ROW`)."""
    return _drawn_row(sentence) or (
        "\n" not in sentence.strip()
        and (
            (
                _SPACED_ROW.fullmatch(sentence) is not None
                and (_PROSE_PUNCT if "\t" in sentence else _PROSE_PUNCT_SPACED).search(sentence)
                is None
            )
            or (_SINGLE_SPACED_ROW.fullmatch(sentence) is not None and _single_spaced(sentence))
        )
    )


# a table's cell separators: a drawn border, a tab, or a run of spaces
_CELL_SEP = re.compile(r"[│┃|｜]|\t|[ \u3000]{2,}")
_HEADER_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年?度?\s*$")
_BORDER_LINE = re.compile(r"[\s┌┐└┘├┤┬┴┼─━┏┓┗┛┣┫┳┻╋│┃|:\-+=]*")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of a table's line (a row or header whose cells
    stand one space apart: each word)."""
    out, k = [], 0
    sep = re.compile(" ") if _single_spaced(line) else _CELL_SEP
    for m in sep.finditer(line):
        if line[k : m.start()].strip():
            out.append((k, m.start()))
        k = m.end()
    if line[k:].strip():
        out.append((k, len(line)))
    # a cell of figures one space apart is as many cells: a figure that fills its column
    # leaves one space before the next (pandoc's 罚没款（万元）       1,035.72 985.43)
    split = []
    for a, b in out:
        if " " in line[a:b].strip() and _FIGURES_ONLY.fullmatch(line, a, b):
            split += [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", line[a:b])]
        else:
            split.append((a, b))
    return split


_FIGURES_ONLY = re.compile(rf"\s*{_FIGURE_CELL}(?: {_FIGURE_CELL})+\s*")


# a table row whose label names the unit and whose cells are bare numbers (行政处罚案件(件)
# \t1,326\t1,187, │罚没款(万元)│326.5│301.2│), folded
_UNIT_IN_BRACKETS = r"\((?:单位:)?(?P<unit>[^()]{1,4})\)"  # (件), (单位:万元), folded
_UNIT_LABEL = re.compile(rf"\s*(?P<label>[^\s(│┃][^(│┃]{{0,29}}?)\s*{_UNIT_IN_BRACKETS}\s*")
# a key–value line whose label names its unit in brackets: 易地建设费征收(万元):1286.4 (folded)
_KEY_VALUE = re.compile(
    rf"\s*(?P<label>[^\s(:│┃|][^(:│┃|]{{0,29}}?)\s*{_UNIT_IN_BRACKETS}\s*:\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
)
# (a change's sign: -12.3; a target's bound: ≥95)
_BARE_CELL = re.compile(r"\s*(?:[+\-−]|[≥≤⩾⩽])?\d[\d,]*(?:\.\d+)?\s*")
_SERIAL = re.compile(r"\s*\d{1,2}\s*")  # a serial number's cell


_SIGNED_OR_NUMBER = re.compile(r"\s*[+\-−±]?\d")
# a header's cell naming a column (城区中队), not an empty value (—, /, 无)
_NAME_CELL = re.compile(r"^(?![^\n]*\d)(?!\s*(?:无|暂无)\s*$)[^\n]*[\u4e00-\u9fffA-Za-z]")


def _mark_cells(f: str, text: str, lex: _Lexicon) -> str:
    """``f`` with the cell separators of a table's rows lined up by tabs or spaces (in
    ``text``, as written) and a Markdown row's pipes made borders (│), as in a drawn table: a
    cell's figure is read apart from its neighbours' (1,187\t+11.7% is no range) and takes
    its row's label."""
    out = None
    k = 0
    for written in text.split("\n"):
        lo, k = k, k + len(written) + 1
        if _pipe_row(written):
            if out is None:
                out = list(f)
            for b, ch in enumerate(written):
                if ch == "|":
                    out[lo + b] = "│"
            continue
        if "│" in written or "┃" in written or not _table_row(written):
            continue
        cells = _cells(written)
        at = [k for k, (a, _) in enumerate(cells) if k and _SIGNED_OR_NUMBER.match(written, a)]
        with_unit = -1  # the separator a figure keeps with its unit's cell (386.5⇥万元)
        if len(at) < 2:
            # a table's row has two or more figures (a line of prose may look alike), or one
            # among tab-parted cells with a cell after it (行政裁决⇥件⇥0⇥本年度未发生); when that
            # cell is its unit, the figure keeps it and a remark after is parted
            # (行政处罚案件⇥1,126⇥件⇥较上年增加; 罚没款⇥386.5⇥万元 alone is read as 386.5万元)
            if len(at) != 1 or "\t" not in written or at[0] + 1 >= len(cells):
                continue
            if _label_unit(written[slice(*cells[at[0] + 1])].strip(), lex) is not None:
                if at[0] + 2 >= len(cells):
                    continue
                with_unit = at[0]
        if out is None:
            out = list(f)
        for j, (_, b) in enumerate(cells[:-1]):
            if j != with_unit:
                out[lo + b] = "│"  # the separator's first character
    return "".join(out) if out is not None else f


_UNIT_ONLY = re.compile(rf"\s*{_UNIT_IN_BRACKETS}\s*")


def _wrapped_unit(written: str, folded: str) -> str | None:
    """The unit of a drawn table's row continued on this line: its only non-empty cell is the
    unit in brackets, (件) or (平方米), under the row's label; None otherwise."""
    if not _drawn_row(written):
        return None
    cells = _cells(written)
    if len(cells) != 1:
        return None
    m = _UNIT_ONLY.fullmatch(folded, *cells[0])
    return m.group("unit") if m is not None else None


# a table's caption naming the unit of all its cells (表1 …案件统计(单位:件), 单位:万元 alone on
# its line above the header), folded; one unit only (单位:件、万元 names none for a cell)
_CAPTION_UNIT = re.compile(r"(?:^|.*[\s(])单位\s*:\s*(?P<unit>[^\s()、,;:]{1,4})\s*\)?\s*")


_SERIAL_HEAD = re.compile(r"\s*(?:序号|编号|序)\s*")
_REMARK_HEAD = re.compile(r"\s*(?:备注|说明|注)\s*")


def _table_header(
    line: str, cells: list[tuple[int, int]], lex: _Lexicon
) -> tuple[list, bool, bool] | None:
    """A table's header row: the units its columns name (:func:`_header_units`, ``[]`` when
    none names one), whether its first column is a serial number's (序号) and whether its last
    is a remark's (备注); None when the row is no header (a cell holds a figure)."""
    units = _header_units(line, cells, lex)
    if units is None:
        return None
    return (
        units if any(units) else [],
        _SERIAL_HEAD.fullmatch(line, *cells[0]) is not None,
        _REMARK_HEAD.fullmatch(line, *cells[-1]) is not None,
    )


def _group_row(line: str) -> bool:
    """Whether a line inside a table is a group's row with no figures (一、行政处罚 between
    the rows of a statistics table): short, no digit, and no row of cells itself, or a row of
    one or two cells opening with an outline number (一、⇥行政执法, 三、⇥普法宣传⇥⇥⇥)."""
    if len(line.strip()) > 20 or any(ch.isdigit() for ch in line):
        return False
    if not (_drawn_row(line) or _SPACED_ROW.fullmatch(line) or _single_spaced(line)):
        return True
    cells = [c for c in re.split(r"\t|│|┃", line) if c.strip()]
    return 1 <= len(cells) <= 2 and _TOP_HEADING.match(cells[0]) is not None


# the whole a total is of (全年合计, 全区总计)
_TOTAL_OF = r"(?:全年|全区|全县|全市|年度)?"
# a table's row of totals (合计, 总计, 小计): its cells' subjects are their columns'
_TOTAL_ROW = re.compile(rf"\s*{_TOTAL_OF}(?:合计|总计|小计)\s*")
# an empty cell after a tab (a row whose cells no longer line up with its header's)
_EMPTY_CELL = re.compile(r"\t[ \u3000]*(?:\t|$)")
# a label's bare word for a total, which says nothing of what is counted
_GENERIC_TOTAL = re.compile(r"总数|总量|总计|合计|小计|数量|件数|总件数")
_CELL_GAPS = re.compile(r"[\s│┃|]+")


def _percent_columns(header: list, n_cells: int, of_label: tuple) -> list | None:
    """Each cell's unit in a row whose label names one (罚没款(万元)⇥1,086.35⇥1,152.70⇥-5.8) when
    a column's header names a percent (同比增减(%)): that column's cells are percents, the
    others take the label's; None when no column does. The header is lined up with the row
    from the right (a merged header cell, 办理数量 over 2023年⇥2022年, stands once)."""
    units = [None] * n_cells
    for j in range(1, n_cells):
        k = len(header) - (n_cells - j)
        if k >= 0 and header[k] is not None and header[k][1] == "percent":
            units[j] = header[k]
    if not any(units):
        return None
    return [None] + [u or of_label for u in units[1:]]


def _slot_heads(
    written: str, cells: list[tuple[int, int]], header: list, serial: bool, remark: bool
) -> list | None:
    """The header's column over each cell of a row whose cells are parted by tabs, an empty
    cell kept as two tabs (a CSV's ``,其中：非现场执法,638,627,,46.3``: 其中…⇥638⇥627⇥⇥46.3): the
    row's slots counted by its tabs. A row one slot short of the header lacks its 序号 when
    it starts with no serial number (合计⇥3,190), else its last cell (6⇥燃气安全⇥92⇥90⇥27.65,
    its 同比 empty). None when a gap holds no tab or the slots do not fit the header."""
    slots = [0]
    for k, ((_, b0), (a1, _)) in enumerate(itertools.pairwise(cells)):
        tabs = written.count("\t", b0, a1)
        if tabs == 0:
            return None
        # (tabs after the row's first cell line its label up: 行政处罚⇥⇥426⇥168.35)
        slots.append(slots[-1] + (1 if k == 0 else tabs))
    n = slots[-1] + 1
    if n == len(header):
        shift = 0
    elif n + 1 == len(header) and (serial or remark):
        shift = 1 if serial and _SERIAL.fullmatch(written, *cells[0]) is None else 0
    else:
        return None
    return [header[s + shift] for s in slots]


def _merged_group(line: str, cells: list[tuple[int, int]], lex: _Lexicon) -> bool:
    """Whether a row's first cell is a group's name merged down the rows below it (a web
    table's rowspan copied as text: 行政处罚⇥立案总数(件)⇥3,205⇥2,946, then 简易程序(件)⇥1,873⇥…;
    行政许可⇥受理申请⇥件⇥1,486, then 办结⇥件⇥1,486): no digit and no unit in it, and after it a
    label naming a unit, or a label and a column of units, before the figures."""
    if len(cells) < 3 or any(ch.isdigit() for ch in line[slice(*cells[0])]):
        return False
    if _UNIT_LABEL.fullmatch(line, *cells[0]) or _BARE_CELL.fullmatch(line, *cells[1]):
        return False
    if _UNIT_LABEL.fullmatch(line, *cells[1]):
        return _BARE_CELL.fullmatch(line, *cells[2]) is not None
    return (
        len(cells) >= 4
        and _label_unit(line[slice(*cells[1])].strip(), lex) is None
        and _label_unit(line[slice(*cells[2])].strip(), lex) is not None
        and _BARE_CELL.fullmatch(line, *cells[3]) is not None
    )


def _header_units(line: str, cells: list[tuple[int, int]], lex: _Lexicon) -> list | None:
    """The unit each column of a table's header names (:func:`_header_cell_unit`: in brackets,
    执法检查(次)⇥立案(件)⇥罚没款(万元), or by counting, 件数), None for a column that names none;
    None when the row is no header (a cell holds a figure)."""
    if any(_BARE_CELL.fullmatch(line, a, b) for a, b in cells):
        return None
    return [_header_cell_unit(line[a:b], lex) for a, b in cells]


# a header cell that counts what its column holds (件数 → 件, 人数 → 人)
_COUNT_HEADER = re.compile(r"\s*(?:案件|处罚|立案)?(?P<unit>件|人|次|户|宗|起|场)(?:数|次数)\s*")


def _header_cell_unit(cell: str, lex: _Lexicon) -> tuple[str, str, float] | None:
    """The unit a header's cell names: in brackets (金额(万元), 同比增减(%)) or by counting
    (件数 → 件), else None."""
    cell = fold(cell)
    m = _UNIT_LABEL.fullmatch(cell) or _COUNT_HEADER.fullmatch(cell)
    return _label_unit(m.group("unit"), lex) if m is not None else None


# a header's cell that is only a unit in brackets ((家), (万元))
_BARE_UNIT_CELL = re.compile(r"\(([^()]{1,4})\)")


def _stacked_header_units(
    rows: list[str], n_row: int, cells: list[tuple[int, int]], lex: _Lexicon
) -> list | None:
    """Each cell's unit, by a header of two or more lines over a table's rows (a PDF's table
    whose header has merged cells: 2023年 and 2022年 over 件数⇥金额(万元) each, 项目 and
    同比增减(%) merged down). The lowest header line names the columns under the merged ones,
    in order; the columns it leaves over, at the end, are named by the cells above it that
    name a unit (同比增减(%)). None unless every cell's column is named so."""
    k = n_row - 1
    while (
        k >= 0
        and _table_row(rows[k])
        and any(_BARE_CELL.fullmatch(rows[k], a, b) for a, b in _cells(rows[k]))
    ):
        k -= 1  # the table's rows above this one
    heads: list[list[str]] = []
    while k >= 0 and len(heads) < 3 and rows[k].strip() and "。" not in rows[k]:
        hc = _cells(rows[k])
        if not hc or any(_BARE_CELL.fullmatch(rows[k], a, b) for a, b in hc):
            break
        heads.append([rows[k][a:b] for a, b in hc])
        k -= 1
    if len(heads) < 2:
        return None
    n = len(cells) - 1  # the row's figures, after its label
    # a line of units alone under the columns' names (检查企业  发现问题… / 检查方式  (家)  (个)…),
    # the label column's name on it or not: each column's unit, in order
    units_line = heads[0][1:] if len(heads[0]) == n + 1 else heads[0]
    if len(units_line) == n and all(_BARE_UNIT_CELL.fullmatch(fold(c).strip()) for c in units_line):
        only = [
            _label_unit(_BARE_UNIT_CELL.fullmatch(fold(c).strip()).group(1), lex)
            for c in units_line
        ]
        if all(u is not None for u in only):
            return [None, *only]
    low = [_header_cell_unit(c, lex) for c in heads[0]]
    if not 2 <= len(low) <= n or any(u is None for u in low):
        return None
    merged = [u for line in reversed(heads[1:]) for c in line if (u := _header_cell_unit(c, lex))]
    if len(low) + len(merged) != n:
        return None
    return [None, *low, *merged]


def _table_cell_hits(f: str, text: str, lex: _Lexicon) -> list[_Hit]:
    """The bare numbers of a table's rows whose unit is named: each takes the unit, and the
    row's label is its subject (as a board's figure). The unit is the row label's (行政处罚案件
    (件)), else its column of units' (件), else its column header's (立案(件)), else the
    caption's (…统计(单位:件)). ``f`` is ``text`` folded: the cells are told apart in
    ``text`` (fold makes a tab a space)."""
    out = []
    k = 0
    rows = text.split("\n")
    caption = None  # the unit the table's caption names
    header: list | None = None  # the units its header's columns name
    header_spans: list[tuple[int, int]] = []  # its cells, in the folded text
    serial = False  # whether the header's first column is a serial number's (序号)
    remark = False  # whether its last column is a remark's (备注)
    for n_row, written in enumerate(rows):
        lo, k = k, k + len(written) + 1
        line = f[lo : lo + len(written)]
        kv = _KEY_VALUE.fullmatch(line) if ":" in line else None
        if kv is not None and (of_unit := _label_unit(kv.group("unit"), lex)) is not None:
            # a key–value line whose label names the unit (易地建设费征收（万元）：1286.4)
            base = parse_number(kv.group("num"))
            if base is not None:
                unit, family, mult = of_unit
                a, b = kv.span("num")
                span = (lo + kv.start("label"), lo + kv.end("label"))
                out.append(
                    _Hit(
                        lo + a,
                        lo + b,
                        lo + a,
                        round(base * mult, 6),
                        unit,
                        family,
                        "",
                        False,
                        label=span,
                    )
                )
            continue
        caption_unit = _CAPTION_UNIT.fullmatch(line)
        if caption_unit is not None or not _table_row(written):
            if line.strip() and _BORDER_LINE.fullmatch(line):
                continue  # a grid table's border (+----+----+) goes on with its table
            if (
                header
                and caption_unit is None
                and _group_row(line)
                and n_row + 1 < len(rows)
                and _table_row(rows[n_row + 1])
            ):
                continue  # a group's row with no figures inside the table (一、行政处罚)
            if caption_unit is None and _single_spaced(written):
                # a header whose cells stand one space apart (项目 单位 2024年 2023年)
                read = _table_header(line, _cells(written), lex)
                if read is not None:
                    header, serial, remark = read
                    header_spans = [(lo + a, lo + b) for a, b in _cells(written)]
                    continue
            # a line of prose or a caption ends the table above; a caption names its unit
            caption = _label_unit(caption_unit.group("unit"), lex) if caption_unit else None
            header = None
            continue
        cells = _cells(written)
        if cells and not header:
            # the table's header: its first row without a figure (a caption set apart by
            # spaces, 表1  2024年…情况, stands above it), whose columns may name units
            read = _table_header(line, cells, lex)
            if read is not None:
                if header is None or read[0]:
                    header, serial, remark = read
                    header_spans = [(lo + a, lo + b) for a, b in cells]
                continue
        row_cells = cells
        group = None
        if _merged_group(line, cells, lex):
            # a merged group cell's first row (行政处罚⇥立案总数(件)⇥3,205): the group's name
            # is read with the label
            group, cells = cells[0], cells[1:]
        label = _UNIT_LABEL.match(line, *cells[0]) if cells else None
        wrapped = None
        if label is None and cells and n_row + 1 < len(rows):
            wrapped = _wrapped_unit(rows[n_row + 1], f[k : k + len(rows[n_row + 1])])
        columns: list | None = None  # each cell's unit, when the row's label names none
        if wrapped is not None:
            # a drawn row whose label cell wraps its unit onto the next line (│行政处罚案件│2,315│
            # over │(件)│ │): the row's label and the unit below
            span = cells[0]
            of_label = _label_unit(wrapped, lex)
        elif label is not None and _label_unit(label.group("unit"), lex) is not None:
            # (a label's brackets that name no unit, 非法占用林地(毁林), are its words: the
            # row is read by its header's units below)
            span = label.span("label")
            if label.end() < cells[0][1]:  # one space between the label and the first figure
                if _BARE_CELL.fullmatch(line, label.end(), cells[0][1]) is None:
                    continue
                cells[:1] = [(cells[0][0], label.end()), (label.end(), cells[0][1])]
            of_label = _label_unit(label.group("unit"), lex)
            row = written.strip(" \u3000")
            if row.endswith("\t") and not row.endswith("\t\t"):
                row = row[:-1]  # one tab after the last cell parts no empty cell
            if header and of_label is not None and not _EMPTY_CELL.search(row):
                # (a row with an empty cell cannot be lined up with its header from the right;
                # a tab after its last cell is none, and a row one cell short of a header
                # ending in 备注 leaves that remark empty)
                heads = header[:-1] if remark and len(header) == len(cells) + 1 else header
                columns = _percent_columns(heads, len(cells), of_label)
        else:
            # a column of units (行政处罚案件⇥件⇥3,286⇥2,947, after a serial number's column
            # or not): the row's unit is the cell after its label
            first = 1 if len(cells) >= 4 and _SERIAL.fullmatch(line, *cells[0]) else 0
            if len(cells) < first + 2 or _BARE_CELL.fullmatch(line, *cells[first]):
                continue
            of_label = None
            if len(cells) >= first + 3:
                of_label = _label_unit(line[cells[first + 1][0] : cells[first + 1][1]].strip(), lex)
            if (
                of_label is None
                and len(cells) >= first + 4
                and not _BARE_CELL.fullmatch(line, *cells[first + 1])
            ):
                # ... or after a column of groups repeated on each row (python-docx's merged
                # cell: 1⇥执法办案⇥行政处罚案件⇥宗⇥4,862⇥4,315): the group read with the label
                of_label = _label_unit(line[cells[first + 2][0] : cells[first + 2][1]].strip(), lex)
                if of_label is not None:
                    group = cells[first]
                    first += 1
            span = cells[first]
            # the header's cells over this row's: a row one cell short leaves the 序号 column
            # empty (合计 3561 4402, 其中：…), else its 备注
            heads = _slot_heads(written, cells, header, serial, remark) if header else None
            if heads is None and header and len(header) == len(cells):
                heads = header
            elif heads is None and header and len(header) == len(cells) + 1 and (serial or remark):
                heads = header[1:] if serial and first == 0 else header[:-1]
            if of_label is not None:
                if heads is not None and any(heads[first + 2 :]):
                    # a column whose header names its own unit (增减(%)) keeps it
                    columns = [None] + [u or of_label for u in heads[first + 2 :]]
                    of_label = None
                cells = [span] + cells[first + 2 :]
            elif heads is not None:
                # the header's columns name the units (执法领域⇥执法检查(次)⇥立案(件))
                columns = [None] + [u or caption for u in heads[first + 1 :]]
                cells = [span] + cells[first + 1 :]
            elif caption is not None:
                columns = [None] + [caption] * (len(cells) - first - 1)
                cells = [span] + cells[first + 1 :]
            elif (stacked := _stacked_header_units(rows, n_row, cells, lex)) is not None:
                # a header of two or more lines over the columns (2023年 / 件数, 金额(万元))
                columns = [None] + stacked[first + 1 :]
                cells = [span] + cells[first + 1 :]
        if of_label is None and columns is None:
            continue
        if group is not None:
            span = (group[0], span[1])
        for j, (a, b) in enumerate(cells[1:], start=1):
            unit_of = of_label if columns is None else columns[j]
            if unit_of is None or _BARE_CELL.fullmatch(line, a, b) is None:
                continue
            unit, family, mult = unit_of
            cell = line[a:b]
            a2 = a + len(cell) - len(cell.lstrip())
            bound = ""
            if line[a2 : a2 + 1] in ("+", "-", "−"):
                if family != "percent":
                    continue  # a signed count is the change of the row's figure, not read
                a2 += 1  # a signed percent, without its sign: a change's size (-12.3: 12.3)
            elif line[a2 : a2 + 1] in ("≥", "≤", "⩾", "⩽"):
                bound = line[a2]  # a bound (≥95: at least 95), as 不低于 before a figure
                a2 += 1
            b2 = b - (len(cell) - len(cell.rstrip()))
            base = parse_number(line[a2:b2])
            if base is None:
                continue
            label = (lo + span[0], lo + span[1])
            if (
                _TOTAL_ROW.fullmatch(line, *span)
                and len(header_spans) == len(row_cells)
                and (a, b) in row_cells
            ):
                # a total row of a table of bodies (部门⇥行政处罚案件(件)⇥罚没款(万元), then 合计⇥
                # 4318⇥2186.37): each cell is what its column's header names
                label = header_spans[row_cells.index((a, b))]
            out.append(
                _Hit(
                    lo + a2,
                    lo + b2,
                    lo + a2,
                    round(base * mult, 6),
                    unit,
                    family,
                    bound,
                    bool(bound),
                    qual_start=lo + a2 - 1 if bound else -1,
                    label=label,
                )
            )
    return out


# a count per period (每月开展普法2至3次, 每季度至少1次, 每个月…): a frequency, not the year's
# count; not a name (“每月一法”, 每周一学), a date (每月15日) or a day (每月主题党日)
_PER_PERIOD = re.compile(
    r"(?<![“\"])每(?:[两二三四五六\d]|个)?(?:日|天|周|旬|月|季度?|半年)(?![一\d]|主题|[^,;]{0,6}”)"
)


def _per_period(clause: str, lex) -> bool:
    """Whether a figure's clause counts per period (每月开展普法2至3次), with no cue that sums
    (全年每月开展…共计48场次 is the year's)."""
    return _PER_PERIOD.search(clause) is not None and lex.sums.search(clause) is None


# an approximate figure as written (386万余元, 约1.2万件, 近300人次), and one that sets a floor
_APPROX_RAW = re.compile(r"[余多约近逾超]|左右|以上")
_FLOOR_RAW = re.compile(r"[余多逾超]|以上")


# the sentence of a board's figure: its number's line and its label's (or an infographic's:
# its label's line and its number's, the unit on the next line)
_BOARD_SENTENCE = re.compile(
    r"\s*(?:[\d.,]+\s*\n[^\n]+\([^()\n]{1,3}\)|[^\n]+\([^()\n]{1,3}\)\s*\n\s*[\d.,]+"
    r"|[^\n\d]{2,24}\n\s*(?:超过|超|约|近|逾)?[\d.,]+[万亿]?[余多]?)\s*"
)


_BARE_NUMBER_LINE = re.compile(r"(?m)^[ \t]*[\d.,]+(?:[万亿][余多]?)?[ \t]*$")


def _board_hits(f: str, lex: _Lexicon) -> list[_Hit]:
    """The figures of a key-figure board (:func:`analysis.numbers.board_pairs`): a bare number
    whose unit, subject and indicator are its label's."""
    if _BARE_NUMBER_LINE.search(f) is None:
        return []  # no line that is only a number: no board (most sections)
    lines = f.split("\n")
    starts = list(itertools.accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
    out = []
    for v, lab, unit_text in board_pairs(lines, lambda w: _label_unit(w, lex) is not None):
        of_label = _label_unit(unit_text, lex)
        if of_label is None:
            continue
        line = lines[v]
        a = starts[v] + len(line) - len(line.lstrip())
        b = starts[v] + len(line.rstrip())
        written = f[a:b]
        approx = written[-1:] in ("余", "多")  # (2.1万余 over 份 宣传资料)
        base = parse_number(written[:-1] if approx else written)
        if base is None:
            continue
        unit, family, mult = of_label
        label = lines[lab]
        words_at = board_label_start(label) if label.rfind("(") < 0 else None
        if words_at is not None:  # the unit first: 名 持证执法人员
            la, lb = starts[lab] + words_at, starts[lab] + len(label.rstrip())
        else:
            la = starts[lab] + len(label) - len(label.lstrip())
            lb = starts[lab] + label.rfind("(")
        value = round(base * mult, 6)
        out.append(_Hit(a, b, a, value, unit, family, "", approx, label=(la, lb)))
    return out


# OCR reads 0 as O or o and 1 as l or I: only these, in a run of digits and such letters
# that begins with a digit, l or I and stands after a Chinese character or a mark (1O8件,
# lO8件, l2次). S, B and Z are left: S2, B1 and Z3 are codes as often as they are misreads.
_OCR_DIGITS = str.maketrans("lIOo", "1100")
_OCR_RUN = re.compile(r"[\dlIOo]+$")
_OCR_TAIL = re.compile(r"[Oo]+")


# a figure whose digits OCR read as letters anywhere in it, also beside its thousands
# separators (2,7O3件, 3,36l件, 9l件, 4S8件, 2S6.82万元): a digit or l/I first, letters O, o, l,
# I and (inside) S among digits, a Chinese character or % after it; not a word's letters
_OCR_SUSPECT = re.compile(r"\d[lIOoS]|[lIOoS]\d")
_OCR_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?=[\dlIOoS,.]*\d)[\dlI](?:[\dlIOo]|S(?=\d)|[,.](?=[\dlIOo]))*"
    r"(?=[\u4e00-\u9fff%])"
)
_OCR_REPAIR = str.maketrans("lIOoS", "11005")
# a figure OCR read with no digit left (lO件, IOO%, lOO人次): l or I first, an O among the
# letters, between a Chinese character or mark and a Chinese character or %; not II, IV or IO
# in a Latin word (IO口 stays only where no Chinese stands before it)
_OCR_LETTERS_ONLY = re.compile(
    r"(?:(?<=[\u4e00-\u9fff\u3000-\u303f,:;()\[\]\"'“”‘’\t\n])|^)"
    r"[lI][lIOo]*[Oo][lIOo]*(?:[.,][lIOo\d]+)?(?=\s?[\u4e00-\u9fff%])",
    re.M,
)  # (folded text: full-width marks are ASCII; lO.5万元, lO 人次)


def _repair_ocr_digits(f: str) -> str:
    """``f`` with OCR's letters for digits inside figures read as the digits (same length, so
    offsets and the raw as written stay)."""
    f = _OCR_NUMBER.sub(lambda m: m.group(0).translate(_OCR_REPAIR), f)
    return _OCR_LETTERS_ONLY.sub(lambda m: m.group(0).translate(_OCR_REPAIR), f)


def _ocr_digits_start(f: str, s0: int) -> int | None:
    """Where a number whose digits OCR read as letters begins (``1O8件``), else None."""
    m = _OCR_RUN.search(f, max(0, s0 - 8), s0)
    if m is None:
        return None
    k = m.start()
    if f[k] in "Oo":
        return None  # a run opening with O (O2, O2O) is no number
    if k > 0 and (f[k - 1].isascii() and f[k - 1].isalnum() or f[k - 1] in ".,-_/"):
        return None  # part of a longer code or name (iOS12, A1O8, v1.lO)
    return k


_SPLIT_BEFORE = re.compile(r"(?<![\d.,])\d $")
_SPLIT_AFTER_SEPARATOR = re.compile(r"(?<![\d.,])\d{1,3}, $")
_LISTED_FIGURES = re.compile(r"分别|依次|各为|各有")  # figures in a list, one each
_SPLIT_NOT_AFTER = "第表图附号"  # 表1 26件 would be a table's number and a count


def _ocr_split_start(f: str, s0: int, num_text: str, text: str | None = None) -> int | None:
    """Where a number split by one stray space begins (OCR: ``立案1 26件``), else None.

    Only one digit, written straight after a Chinese character
    (not 第, 表, 图, 附, 号), then a single space, then digits with a unit: a run after a
    space, a punctuation mark or another number is a separate figure (a table's columns).
    """
    if s0 < 3 or f[s0 - 1] != " " or not num_text.isdigit() or len(num_text) > 3:
        return None
    if f[s0 - 2] == "," and len(num_text) == 3:
        # ... or after a thousands separator written as such (1, 863件 is 1,863), not after a
        # full-width comma nor in a list of figures (分别为876, 963件) nor before a percent
        if (
            (text is not None and text[s0 - 2] != ",")
            or _LISTED_FIGURES.search(f, max(0, s0 - 30), s0)
            or f[s0 + 3 : s0 + 4] == "%"
        ):
            return None
        m = _SPLIT_AFTER_SEPARATOR.search(f, max(0, s0 - 7), s0)
    else:
        m = _SPLIT_BEFORE.search(f, max(0, s0 - 5), s0)
    if m is None or m.start() == 0:
        return None
    prev = f[m.start() - 1]
    if not "\u4e00" <= prev <= "\u9fff" or prev in _SPLIT_NOT_AFTER:
        return None
    return m.start()


def _range_hit(
    f: str, m: re.Match, lex: _Lexicon, hits: list[_Hit], excluded: list[tuple[int, int]]
) -> None:
    """A number with no unit followed by 至/-/~ and a number with a unit (3至5次)."""
    r = lex.range_re.match(f, m.end())
    if not r:
        return
    t = lex.tail_re.match(f, r.end())
    if not t or _inside(m.start(), excluded):
        return
    unit_text = t.group("unit")
    if unit_text != "%" and lex.units[unit_text].arabic_only and m.group("cn"):
        return
    base = parse_number(m.group(0))
    if base is None:
        return
    if t.group("mult") and parse_number(r.group("n2")) is not None:
        base *= MULTIPLIERS[t.group("mult")]
    unit, family, mult = _unit_of(unit_text, lex)
    value = round(base * mult, 6)
    hits.append(_Hit(m.start(), m.end(), m.start(), value, unit, family, "", False))


def _segments(f: str, lo: int, hi: int, regex: re.Pattern) -> list[tuple[int, int]]:
    out, a = [], lo
    for m in regex.finditer(f, lo, hi):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, hi))
    return out


def _paragraph_line(line: str) -> bool:
    """True when a (folded, stripped) line is running text, not a heading or a title: it holds
    a full stop, or it has no outline marker, holds a comma and is at least 20 characters."""
    if "。" in line:
        return True
    return (
        len(line) >= 20
        and _TEXT_COMMA.search(line) is not None  # not a thousands separator (3,268件)
        and _ANY_HEADING.match(line) is None
    )


# a line of a block of key figures: a short label, then : or a dash, then the figure
# (不予处罚(首违不罚)案件:157件; 发放普法宣传资料——3.6万余份); such a line starts its own
# sentence, never a wrapped paragraph's continuation
_DATA_LINE = re.compile(r"[^,。;:!?\d][^,。;:!?]{1,23}?(?::|——|—|--)\s*(?:约|近|超|共)?\d")


def _soft_breaks(f: str) -> set[int]:
    """Offsets of the line breaks of folded text that only wrap a paragraph (a PDF copy's hard
    wraps left by cleaning): the paragraph so far (its lines joined across earlier soft
    breaks) is running text (:func:`_paragraph_line`) and does not end in sentence
    punctuation, and the next line is not empty and does not start with an outline marker
    or a label and its figure (a block of key figures: 信访件:215件).
    Such a break ends neither a sentence nor a paragraph."""
    soft: set[int] = set()
    para = 0  # where the current paragraph starts
    for m in _NEWLINE.finditer(f):
        i = m.start()
        prev = f[para:i].strip()
        j = f.find("\n", i + 1)
        nxt = f[i + 1 : len(f) if j < 0 else j].strip()
        if (
            prev
            and nxt
            and prev[-1] not in "。!?;:"
            and _ANY_HEADING.match(nxt) is None
            and _DATA_LINE.match(nxt) is None
            and _BULLET_LINE.match(nxt) is None  # a list's item: a sentence of its own
            and _paragraph_line(prev)
        ):
            soft.add(i)
        else:
            para = i + 1
    return soft


def _sentence_spans(
    f: str, lo: int = 0, hi: int | None = None, soft: set[int] | None = None
) -> list[tuple[int, int]]:
    """Sentences of folded text: cut at 。!?; and at line breaks that are not soft wraps
    (``soft``: :func:`_soft_breaks` of ``f`` when the caller has it already)."""
    hi = len(f) if hi is None else hi
    if soft is None:
        soft = _soft_breaks(f) if "\n" in f else set()
    out, a = [], lo
    ends = [
        (m.start(), m.end()) for m in _SENTENCE_END.finditer(f, lo, hi) if m.start() not in soft
    ]
    if "  " in f:
        gaps = [g.span("gap") for g in _HEADING_GAP.finditer(f, lo, hi)]
        if gaps:
            ends = sorted(ends + gaps)
    for start, end in ends:
        out.append((a, start))
        a = end
    out.append((a, hi))
    return out


def _paragraph_starts(f: str, soft: set[int] | None = None) -> list[int]:
    """Start offsets of the paragraphs of folded text (lines joined across soft wraps)."""
    soft = _soft_breaks(f) if soft is None else soft
    return [0] + [m.end() for m in _NEWLINE.finditer(f) if m.start() not in soft]


def _locate(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1] if spans else (0, 0)


def _clean_subject(s: str, lex: _Lexicon) -> str:
    s = _SUBJ_TITLE.sub("", s)
    s = _SUBJ_PAREN.sub("", s)
    s = _SUBJ_QUOTES.sub("", s)
    for _ in range(6):
        new = lex.prefix_re.sub("", s)
        new = lex.suffix_re.sub("", new)
        new = new.strip("、,:;").lstrip(")）")  # an aside closed before it: (含…1件)、局其他文件
        new = new.lstrip("-*+•▪■● ")  # a list's bullet (- 收缴罚没款:386.52万元)
        if new == s:
            break
        s = new
    if len(s) > 12:
        cut = max(s.rfind("、"), s.rfind("及"), s.rfind("和"))
        if 0 <= cut < len(s) - 1 and len(s) - cut - 1 >= 2:
            s = s[cut + 1 :]
    if len(s) > 12:
        s = _last_words(s, 12)
    return s


def _last_words(s: str, limit: int) -> str:
    """The longest run of whole words (rjieba) at the end of ``s`` within ``limit`` chars."""
    try:
        import rjieba  # lazy: nothing loads at import time

        words = rjieba.cut(s)
    except Exception:  # no segmenter: cut by characters
        return s[-limit:]
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or s[-limit:]


# a figure with its unit, a space, then a label (4件 行政诉讼): the pair before a key–value pair
_PAIR_BEFORE = re.compile(r".*\d[^\s\d,;。]{0,3}\s+(?P<label>[^\s\d,;。:]{2,16})\s*:?")
# the label of the next key–value pair on a line, after a space (… 行政诉讼:3件)
_NEXT_PAIR = re.compile(r"\s+[^\s,;。:\d]{2,16}\s*:\s*\d")


def _subject(
    f: str,
    left_lo: int,
    raw_start: int,
    raw_end: int,
    clause_end: int,
    family: str,
    lex: _Lexicon,
    text: str,
) -> str:
    """Short phrase saying what is counted (see module docstring)."""
    left = text[left_lo:raw_start]
    fl = f[left_lo:raw_start]
    if left_lo >= raw_start:
        left = fl = ""
    k = len(fl) - len(fl.rstrip("—-~ \u3000"))
    if k:  # a data line's dash: 非现场执法案件——486件
        left, fl = left[:-k], fl[:-k]
    pair = _PAIR_BEFORE.fullmatch(fl)
    if pair is not None:
        # a key–value pair after another on its line (行政复议:4件 行政诉讼:3件): its own label
        left, fl = left[pair.start("label") :], fl[pair.start("label") :]
    cut = fl.rfind("(")
    if cut >= 0 and ")" not in fl[cut:]:  # inside an open parenthesis: (违法户外广告拆除1起
        left, fl = left[cut + 1 :], fl[cut + 1 :]
    if _TO_VALUE_LEFT.fullmatch(fl):
        # the later figure of 由A增至B: its left context is the earlier figure's (增至2024年的)
        # (from the clause's start: a thousands comma, 由2022年的1,047件, is no clause's end)
        w0 = max(0, left_lo - 200)
        cuts = [m.end() for m in _LEFT_CLAUSE_CUT.finditer(f, w0, left_lo)]
        lo = cuts[-1] if cuts else (0 if w0 == 0 else w0)
        if lo == left_lo and len(cuts) > 1 and f[lo - 1] == ",":
            # …工单较上年减少1,136件,降至7,958件: the change's clause before names the thing
            back = _CHANGE_THEN_TO.fullmatch(f, cuts[-2], raw_start)
            if back is not None:
                lo = cuts[-2]
                raw_start_subject = back.end("subject")
                left, fl = text[lo:raw_start_subject], f[lo:raw_start_subject]
            else:
                left, fl = text[lo:raw_start], f[lo:raw_start]
        else:
            left, fl = text[lo:raw_start], f[lo:raw_start]
    m = _FROM_TO_LEFT.fullmatch(fl)
    if m is not None and m.group("subject").strip():
        # both figures of 行政处罚案件由(2023年的)86件增至(2024年的)112件 count 行政处罚案件
        left, fl = left[: m.end("subject")], fl[: m.end("subject")]
    verbs = list(lex.verb_re.finditer(fl))
    if verbs:
        last = verbs[-1]
        after = _clean_subject(left[last.end() :], lex)
        prev_end = verbs[-2].end() if len(verbs) > 1 else 0
        if len(after) == 1 and last.start() > prev_end:
            # a verb inside the noun (县长热线交办件): the noun from the verb before it
            left_subject = _clean_subject(left[prev_end:], lex) or after
        elif after:
            left_subject = after
        else:
            left_subject = _clean_subject(left[prev_end : last.end()], lex)
    else:
        left_subject = _clean_subject(left, lex)
    right_subject = ""
    if family not in ("percent", "money", "other"):
        right = f[raw_end:clause_end]
        right = _RIGHT_PAREN.sub(lambda m: " " * len(m.group(0)), right)  # 宗(次)
        if (
            right.strip()  # not only an aside: 行政诉讼案件2件(均为被告)
            and _RIGHT_START.match(right)
            # (the next pair's label: 行政复议:4件 行政诉讼:3件)
            and not _NEXT_PAIR.match(f, raw_end, min(len(f), clause_end + 8))
            and not lex.stop_re.match(right)
            and not _FROM_VALUE_AFTER.match(right)  # 2,908件增加到3,268件: no noun follows
        ):
            stop = lex.stop_re.search(right, 2)
            verb = lex.verb_re.search(right, 2)
            cut = min(
                [len(right)]
                + [x.start() for x in (stop, verb) if x is not None]
                + [
                    i
                    for i, ch in enumerate(right)
                    if ch in "、,。;:()" or ch.isascii() and ch.isdigit()
                ]
            )
            right_subject = _clean_subject(text[raw_end : raw_end + min(cut, 10)], lex)
    if right_subject:
        return right_subject
    return left_subject


_APPENDIX = re.compile(
    r"(?:附件|附表)\s*\d{0,2}\s*[:.、]?|[^,。]{0,30}(?:统计表|数据表|一览表|汇总表|数据统计)$"
    r"|附\s*:(?![^,。]*(?:计划|打算|要点|安排|思路|目标|预期|任务))"
)  # (or a statistics table's caption, where cleaning removed the 附件 label above it; or 附:
# 2024年主要指标完成情况, a list of the year's figures, not a plan's)


# a platform that receives cases (数字化城市管理平台, 数字城管)
_PLATFORM = re.compile(r"平台|数字城管|数字化城(?:市)?管(?:理)?|智慧城管|数管")
# a review count that names nothing reviewed (审核19件)
_BARE_REVIEW = re.compile(r"(?:合法性|法制)?(?:审查|审核)")
# 其中 opening a clause (not 对其中存在问题的2件)
_LIST_OPENER = re.compile(r"[,，;；]\s*(其中)")
# indicators that count what was reviewed: the parts a 其中 lists after their total are kinds
# of things reviewed (合法性审查34件,其中合同协议18件、…审计处理处罚决定书7件), not cases of their own
_REVIEW_TOTALS = ("legal_reviews", "normative_documents_reviewed")


def _rows_by_sentence(cols: dict[str, list], holds: str = "") -> list[tuple[str, list[int], int]]:
    """(sentence, its rows in order of offset, the sentence's offset) for every sentence of the
    metrics columns ``cols`` (those holding ``holds``), one per report."""
    by_sentence: dict[tuple[str, str], list[int]] = {}
    for k, sent in enumerate(cols["sentence"]):
        if holds in sent:
            by_sentence.setdefault((cols["report_id"][k], sent), []).append(k)
    out = []
    for (_, sent), ks in by_sentence.items():
        ks.sort(key=lambda k: cols["start"][k])
        out.append((sent, ks, cols["start"][ks[0]] - sent.find(cols["raw"][ks[0]])))
    return out


def _parts_of_reviews(cols: dict[str, list]) -> None:
    """Give, in place, a count listed after 其中 in a sentence whose total before the 其中
    counts reviews (:data:`_REVIEW_TOTALS`) the total's indicator: a part of it (so that a
    part restated elsewhere, 对13件重大行政执法决定…法制审核, is known as inside the total)."""
    for sent, ks, base in _rows_by_sentence(cols, "其中"):
        opener = _LIST_OPENER.search(sent)  # 其中 opening a clause (not 对其中存在问题的2件)
        if opener is None:
            continue
        cut = base + opener.start(1)
        # (the last figure that counts something: not last year's or a change between them,
        # 合法性审查46件(2021年为38件),同比增长21.1%,其中…)
        before = [k for k in ks if cols["end"][k] <= cut and cols["indicator"][k]]
        if not before or cols["indicator"][before[-1]] not in _REVIEW_TOTALS:
            continue
        total = cols["indicator"][before[-1]]
        # the list 其中 opens: up to the next comma or semicolon (its items joined by 、), or,
        # a list of shares with their counts (其中合同协议类占比45.7%(共21件),重大…占比39.1%
        # (共18件),其余7件…), up to the next semicolon
        rest = sent[opener.start(1) :]
        first_comma = min((rest.find(c) for c in ",，" if c in rest), default=len(rest))
        shares = "占比" in rest[:first_comma]
        stops = ";；" if shares else ",，;；"
        end = cut + min((rest.find(c) for c in stops if c in rest), default=len(rest))
        for k in ks:
            if (
                cut < cols["start"][k] < end
                and cols["unit_family"][k] in ("cases", "items")
                # (a list of shares read on past its first comma: not another matter's figure
                # after it, 同时办理行政复议案件3件)
                and (not shares or not cols["indicator"][k] or cols["indicator"][k] == total)
            ):
                cols["indicator"][k] = total


# a clause that is only a total's cue before its figure (…6期、执法业务轮训8期,共计14期)
_BARE_TOTAL_CLAUSE = re.compile(r"\s*(?:共计|合计|总计|累计|共)\s*")


def _total_after_parts(cols: dict[str, list]) -> None:
    """Give, in place, a figure whose clause is only a total's cue (共计14期) the indicator of
    the figures its sentence lists before it, when two or more of them, in its unit, all have
    that one indicator (全年举办法治专题培训班6期、执法业务轮训8期,共计14期): their total."""
    for sent, ks, base in _rows_by_sentence(cols):
        if len(ks) < 3 or not any(not cols["indicator"][k] for k in ks):
            continue
        if sent.find(cols["raw"][ks[0]]) < 0:
            continue
        folded = fold(sent)
        for n, k in enumerate(ks):
            if cols["indicator"][k]:
                continue
            pos = cols["start"][k] - base
            cut = max(folded.rfind(c, 0, pos) for c in ",;:")
            if cut < 0 or not _BARE_TOTAL_CLAUSE.fullmatch(folded, cut + 1, pos):
                continue
            parts = [j for j in ks[:n] if cols["unit"][j] == cols["unit"][k]]
            named = {cols["indicator"][j] for j in parts}
            if len(parts) >= 2 and len(named) == 1 and "" not in named:
                cols["indicator"][k] = named.pop()


def _plan_flags(
    text: str, start_flag: bool, lex: _Lexicon, report_year: int | None = None
) -> list[tuple[int, bool]]:
    """(line start, plan flag) for every line: True under a plan heading (下一步工作计划), and
    for a paragraph that says what the author will do next (:func:`_plans_ahead`)."""
    flags, flag, pos = [], start_flag, 0
    appendix = False  # an appendix seen: its rows' groups (一、行政处罚) are no new parts
    for line in text.split("\n"):
        s = line.strip()
        heading_like = (
            len(s) <= 40
            and "。" not in s[:-1]
            and (_ANY_HEADING.match(s) is not None or len(s) <= 25)
        )
        if heading_like and s:
            fs = fold(s)
            if _APPENDIX.match(fs):
                flag = False  # an appendix after the report (附件:…数据统计表) is no plan
                appendix = True
            elif lex.plan_heading_re.search(fs):
                flag = True
            elif _TOP_HEADING.match(fs) and not appendix:  # (一、行政处罚: an appendix's group)
                # a new 一、 ends the plans, unless the plans are its parent's (a part
                # 第二部分 2024年工作计划 above its 一、 headings)
                flag = start_flag
        # a paragraph that opens with what the author will do (2022年,我馆将继续…) is a plan
        # with no heading of its own: its figures are targets (the next paragraph is not)
        flags.append(
            (pos, flag or (_ANY_HEADING.match(s) is None and _plans_ahead(s, report_year)))
        )
        pos += len(line) + 1
    return flags


def _main_year(texts) -> int | None:
    """The year a report writes most (20XX年): the year it is about."""
    counts: Counter = Counter()
    for t in texts:
        counts.update(_year_counts(str(t or "")))
    return counts.most_common(1)[0][0] if counts else None


_YEAR_OPENING = re.compile(
    r"\s*((?:19|20)\d\d)年度?\s*(?:[,，]|(?=全年|全局|局本级|本局|我局|共计|累计))"
)  # (2022年,全局立案查处…; 2023年局本级办理案件3,126件)


def _year_counts(text: str) -> Counter:
    """How often the text writes each year (20XX年)."""
    return Counter(int(y) for y in _YEAR.findall(text) if 1990 <= int(y) <= 2100)


# a paragraph or sentence opening with the time since a year (2024年以来, 2024年至今)
_SINCE_YEAR = re.compile(r"\s*((?:19|20)\d\d)年(?:以来|至今)")


def _since_own_year(m: _Mention, report_year: int) -> bool:
    """Whether a mention's period (:data:`_SINCE_YEAR`) starts in the report's own year or
    later: the year itself, no period of years."""
    since = _SINCE_YEAR.match(m.prefix) or _SINCE_YEAR.match(m.para_opening)
    return since is not None and int(since.group(1)) >= report_year


# a clause opening with a year and what was done in it (2022年举办培训班5期,2023年举办…8期)
_CLAUSE_YEAR_OPENING = re.compile(
    r"\s*((?:19|20)\d\d)年度?\s*(?:全年|全局|我局|本局|局本级)?(?:共计?|累计)?"
    r"(?:举办|开展|组织|办理|查处|查办|立案|受理|收到|接[到收]|处理|审查|审核|出台|制定|发布|培训"
    r"|完成|发生|办结|作出|实施|罚没|收缴|检查|调处|化解)"
)


def _earlier_year(
    sentence: str,
    years: Counter,
    title_year: int | None = None,
    opening: re.Pattern = _YEAR_OPENING,
) -> bool:
    """Whether a sentence (or, with ``opening`` :data:`_CLAUSE_YEAR_OPENING`, a clause) opens
    with a year before the report's (2022年, in a report on 2023): the report's year is the one
    its title names, else the one it writes most (``years``), at least three times, more than
    twice as often as the year the sentence opens with, which it writes at most twice."""
    m = opening.match(sentence)
    if m is None:
        return False
    year = int(m.group(1))
    if title_year is not None:
        return year < title_year
    if not years:
        return False
    main, n = years.most_common(1)[0]
    return year < main and n >= 3 and n > 2 * years[year] and years[year] <= 2


# a sentence opening with a part of a year (2024年上半年, 2024年1-6月; 2024年以来: _SINCE_YEAR)
_PERIOD_OPENING = re.compile(
    r"\s*((?:19|20)\d\d)年(?:度)?\s*(?:上半年|下半年|前三季度|第?[一二三四1-4]季度"
    r"|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)"
)


# an article's announcement of the full text below it
_FULL_TEXT_FOLLOWS = re.compile(
    r"(?:以下|下面)(?:为|是)[^。\n]{0,12}全文\s*[:：]?\s*$|全文如下|附\s*[:：]\s*[^。\n]{0,12}全文\s*$",
    re.M,
)
# a journalist speaking in a news article (记者注意到, 记者从…获悉, 据记者了解)
_JOURNALIST = re.compile(
    r"记者(?:注意到|了解到|获悉|看到|发现|从[^,，。]{1,20}获悉|在[^,，。]{1,20}(?:看到|了解))|据记者"
)


def _journalists(text: str, start: int) -> bool:
    """Whether the paragraph holding ``start`` is in a journalist's words."""
    lo = text.rfind("\n", 0, max(0, start)) + 1
    hi = text.find("\n", max(0, start))
    return _JOURNALIST.search(text[lo : hi if hi >= 0 else len(text)]) is not None


def _later_period(sentence: str, report_year: int) -> bool:
    """Whether a sentence opens with a part of a year after the report's (2024年上半年, or
    the time since 2024: 2024年以来, in a report on 2023)."""
    m = _PERIOD_OPENING.match(sentence) or _SINCE_YEAR.match(sentence)
    return m is not None and int(m.group(1)) > report_year


def _cell_year(text: str, start: int) -> int | None:
    """The year of the column of a table's cell at ``start``: the year its header line (the
    nearest line above in the same table naming two or more years, one per cell) gives the
    cell's column; None when the cell is in no table or its column has no year."""
    m = _cell_header(text, start, _HEADER_YEAR, 2)
    return int(m.group(1)) if m is not None else None


# a table's column of totals (第一季度⇥…⇥第四季度⇥合计, 城区⇥开发区⇥全区合计)
_HEADER_TOTAL = re.compile(rf"^\s*{_TOTAL_OF}(?:合计|总计|总数)\s*$")  # (not a 小计 column)


def _in_total_column(text: str, start: int) -> bool:
    """Whether a table's cell at ``start`` stands in its column of totals: under a header
    cell 合计 (总计, 全年合计) beside two or more columns of parts that are no years (not a
    cumulative column, 累计, nor the sum of years, 2021年⇥2022年⇥2023年⇥合计)."""
    return _cell_header(text, start, _HEADER_TOTAL, 1) is not None


def _cell_header(text: str, start: int, header: re.Pattern[str], least: int) -> re.Match | None:
    """The match of ``header`` on the header cell over the column of a table's cell at
    ``start``: the nearest line above in the same table with ``least`` or more cells that
    match ``header``; None when the cell is in no table or its column's header does not match."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    row = text[ls : le if le >= 0 else len(text)]
    if not _table_row(row):
        return None
    cells = _cells(row)
    at = next((k for k, (a, b) in enumerate(cells) if a <= start - ls < b), None)
    if at is None:
        return None
    end = ls - 1
    for _ in range(40):  # the lines above, within the table (borders and all)
        if end <= 0:
            return None
        top = text.rfind("\n", 0, end) + 1
        line = text[top:end]
        end = top - 1
        if _BORDER_LINE.fullmatch(line):
            continue
        if _group_row(line):
            continue  # a group's row with no figures (一、行政处罚) is still the table's
        if not (_drawn_row(line) or _SPACED_ROW.fullmatch(line) or _single_spaced(line)):
            return None  # (a row with a remark or 其中: is still the table's)
        head_cells = _cells(line)
        head = [header.match(line[a:b]) for a, b in head_cells]
        found = [m for m in head if m is not None]
        if found and least == 1 and any(_HEADER_YEAR.match(line[a:b]) for a, b in head_cells):
            return None  # a total of years (2021年⇥2022年⇥2023年⇥合计): no year's figure
        if len(found) < least or (least == 1 and len(head_cells) < 4):
            if len(head_cells) > 1 and all(_NAME_CELL.search(line[a:b]) for a, b in head_cells[1:]):
                return None  # another table's header (单位 城区中队 开发区中队): not a year's
            continue
        if len(head) == len(cells):
            return head[at]
        # a header without the label column's cell: the years stand over the last cells
        numeric = [
            k for k, (a, b) in enumerate(cells) if k and any(ch.isdigit() for ch in row[a:b])
        ]  # (not the label's: 12345城管类工单(件))
        if least > 1 and len(found) <= len(numeric) <= len(found) + 2 and at in numeric:
            # ... and a change or two after them (2023年⇥2022年 under 办理数量, then 同比增减(%))
            k = numeric.index(at)
            return found[k] if k < len(found) else None
        return None
    return None


def _most_named_year(years: Counter, text: str = "") -> int | None:
    """The year a text names most often; of a tie, the latest that no plan is named for
    (2024年工作打算 names the next year's plans); None without any."""
    if not years:
        return None
    top = max(years.values())
    tied = [y for y, n in years.items() if n == top]
    plans = {int(y) for y in _PLAN_YEAR.findall(text)}
    return max([y for y in tied if y not in plans] or tied)


_PLAN_YEAR = re.compile(r"((?:19|20)\d\d)年度?(?:工作)?(?:打算|计划|思路|安排|重点|要点|目标)")


def _without_other_years_cells(
    mentions: list[_Mention], text: str, report_year: int | None
) -> list[_Mention]:
    """The mentions without a table's cells in another year's column (│罚没款│386.52万元│
    341.07万元│ under │项目│2023年│2022年│: in a report on 2023, 341.07万元 is last year's)."""
    years = {id(m): _cell_year(text, m.start) if _table_row(m.sentence) else None for m in mentions}
    if report_year is None:
        # a report that names no year of its own: its tables' latest year is the year's
        known = [y for y in years.values() if y is not None]
        if not known:
            return mentions
        report_year = max(known)
    return [m for m in mentions if years[id(m)] is None or years[id(m)] == report_year]


# a table's column of last year's figures (指标⇥单位⇥数值⇥上年)
_HEADER_LAST_YEAR = re.compile(
    r"^\s*(?:上年|去年|上一?年度|上年同期|同期)(?:数|数据|数值|情况)?\s*$"
)


def _without_last_years_cells(mentions: list[_Mention], text: str) -> list[_Mention]:
    """The mentions without a table's cells in a column headed 上年 (去年, 上年同期)."""
    return [
        m
        for m in mentions
        if not (_table_row(m.sentence) and _cell_header(text, m.start, _HEADER_LAST_YEAR, 1))
    ]


# a run of years (2022年至2024年, 2023年、2024年) and the figures given for them in order
# after 分别 (…分别办理行政处罚案件856件、932件、1,047件)
_YEAR_RUN = re.compile(
    r"((?:19|20)\d\d)年?度?\s*(?:至|到|—|－|-|~|～)\s*((?:19|20)\d\d)年度?"
    r"|(?:(?:19|20)\d\d)年度?(?:\s*[、和与及]\s*(?:19|20)\d\d年度?)+"
)
_OPENERS = {"》": "《", "）": "（", ")": "(", "」": "「", "”": "“"}


def _enclosed(s: str, run: re.Match) -> bool:
    """Whether a run of years stands inside a title or a name of ``s`` (《…》, “…”, or
    brackets holding more than the run: （2022—2023年行动方案）, not 近两年（2022年、2023年））."""
    pos = run.start()
    for c, o in _OPENERS.items():
        at = s.rfind(o, 0, pos)
        if at > s.rfind(c, 0, pos):
            close = s.find(c, run.end())
            if o in "（(" and close >= 0 and not (s[at + 1 : pos] + s[run.end() : close]).strip():
                continue  # the brackets hold the run alone
            return True
    return False


_RUN_GAP = re.compile(r"\s*[、,，和及与]\s*")
# the years of a run named in brackets after its figures: (2024年、2023年)
_YEARS_AFTER = re.compile(
    r"\s*[（(]\s*((?:19|20)\d\d年?度?(?:\s*[、,，和及与]\s*(?:19|20)\d\d年?度?)+)\s*[)）]"
)


def _this_years_of_runs(mentions: list[_Mention], report_year: int | None) -> list[_Mention]:
    """The mentions without the figures of other years in a run: where a sentence gives one
    indicator's figure for each year of a run (2022年至2024年,分别…856件、932件、1,047件),
    only the report's year's figure states the indicator."""
    if report_year is None:
        return mentions
    groups: dict[tuple[str, str], list[_Mention]] = {}
    for m in mentions:
        if "分别" in m.sentence:
            groups.setdefault((m.sentence, m.indicator), []).append(m)
    drop: set[str] = set()
    for (sentence, _), ms in groups.items():
        if len(ms) < 2:
            continue
        first = sentence.find(ms[0].raw)
        # the last run before the first figure, not inside a title or brackets (《2022年至
        # 2023年法治宣传教育工作要点》 names a document)
        runs = [
            r for r in _YEAR_RUN.finditer(sentence, 0, max(first, 0)) if not _enclosed(sentence, r)
        ]
        run = max(runs, key=lambda r: r.start(), default=None)
        # the figures listed one after another (856件、932件、1,047件), one per year
        chain, end = [ms[0]], first + len(ms[0].raw)
        for m in ms[1:]:
            at = sentence.find(m.raw, end)
            if at < 0 or not _RUN_GAP.fullmatch(sentence, end, at):
                break
            chain.append(m)
            end = at + len(m.raw)
        after = _YEARS_AFTER.match(sentence, end)
        if run is not None and "分别" in sentence[run.end() : first]:
            if run.group(1):
                a, b = int(run.group(1)), int(run.group(2))
                years = list(range(a, b + 1)) if a < b else []
            else:
                years = [int(y) for y in re.findall(r"(?:19|20)\d\d", run.group(0))]
        elif after is not None and "分别" in sentence[:first]:
            # the years named in brackets after the run (分别为326.5万元和298.2万元(2024年、2023年))
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", after.group(1))]
        else:
            continue
        if len(years) != len(chain):
            continue
        drop.update(m.metric_id for y, m in zip(years, chain, strict=True) if y != report_year)
    return [m for m in mentions if m.metric_id not in drop] if drop else mentions


def _plans_ahead(line: str, report_year: int | None) -> bool:
    """A paragraph that opens with what the author will do next: 下一步,我局将继续…, or a
    year after the one the report is about (2022年,我馆将继续… in a report on 2021)."""
    m = _PLAN_OPENING.match(line)
    if m is None:
        return False
    if m.group("year") is None:
        return True  # 下一步,我局将…: whatever follows 将
    year = parse_number(m.group("year"))  # 2024, 二〇二四
    # a later year than the report's: its plans (the report's own year with 将 is the
    # 把-construction of what was done: 2023年,我局将法治政府建设纳入…)
    return report_year is not None and year is not None and year > report_year


# the opening of a paragraph of plans: 2022年,我馆将…; 下一步,我局将…; 新的一年,将…
_PLAN_OPENING = re.compile(
    r"\s*(?:(?P<year>\d{4}|[〇零一二三四五六七八九]{4})年(?:度)?|(?P<next>下一步|下步|今后|新的一年|明年))"
    r"\s*[,，]?\s*(?:[我本全][\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff]{2,10}局)?(?:还|也)?将"
)
_YEAR = re.compile(r"(\d{4})年")
# a year of a title that is no year of the report's: in a document's name (《…纲要(2021-2025年)》;
# not the report's own, 关于《某县2024年法治政府建设年度报告》的公示) or ending a range of years
_NAMED_OR_RANGE = re.compile(r"《(?![^》]*(?:报告|总结))[^》]*》|\d{4}\s*[-—–~至到]\s*\d{4}年")


def _title_year(title: str) -> int | None:
    """The year a report's title names, outside a document's name and a range of years."""
    hit = _YEAR.search(_NAMED_OR_RANGE.sub(lambda m: "_" * len(m.group(0)), title))
    return int(hit.group(1)) if hit is not None else None


def _flag_at(flags: list[tuple[int, bool]], pos: int) -> bool:
    flag = False
    for a, fl in flags:
        if a > pos:
            break
        flag = fl
    return flag


_DECIMAL_MARKER_AFTER = re.compile(r"(?:\.\d{1,2})?[ ]+[\u4e00-\u9fff“\"《]")
_CHANGE_TO = (
    r"(?:增加|增长|提高|提升|上升|下降|减少|降低|压缩|缩短|缩减|扩大|增|降|减)了?(?:到|至|为)"
)
# 由上年的2,908件增加到3,268件: the figure after 增加到 is the year's level, the one after
# 由/从 (before 增加到) the earlier one
_FROM_VALUE_BEFORE = re.compile(r"(?:由|从)[^,;。]{0,8}$")
_FROM_VALUE_AFTER = re.compile(rf"\s*{_CHANGE_TO}")
# the text before either figure of 由A增至B, years named or not: what is counted stands before
# 由 (行政处罚案件由2023年的 | 行政处罚案件由2023年的86件增至2024年的)
_YEAR_OF = r"(?:(?:(?:19|20)\d\d年度?|上年度?|去年|上一年度?|前一年)(?:同期)?(?:的|为)?)?"
# a change, then the level it came to, in the next clause (工单较上年减少1,136件,降至7,958件)
_CHANGE_THEN_TO = re.compile(
    r"(?P<subject>[^,;。]*?)(?:较|比)(?:上年|去年)(?:同期)?[^,;。\d]{0,4}?"
    r"(?:减少|增加|下降|上升|增长)了?[\d.,]+万?[^,;。\d]{0,3},(?:降至|增至|增加到|下降到|减少到|降到|升至|达到)"
)
_LEFT_CLAUSE_CUT = re.compile(rf"[;。:(\n]|{_TEXT_COMMA.pattern}")
_TO_VALUE_LEFT = re.compile(rf"[^\d,;。由从]{{0,4}}?{_CHANGE_TO}{_YEAR_OF}")
_FROM_TO_LEFT = re.compile(
    rf"(?P<subject>[^由从]*?)(?:由|从){_YEAR_OF}"
    rf"(?:[\d.,]+(?:万|亿)?[^\d,;。由从]{{0,4}}?{_CHANGE_TO}{_YEAR_OF})?"
)


# a review right before 拟 (审查拟签订合同45件, 审核县政府拟出台…): what is to be issued is
# what was reviewed, no plan (审查发现的问题拟开展培训, 审核后拟出台 are plans)
_REVIEWED = re.compile(r"(?:审查|审核|审定)[^,;。后]{0,4}$")


def _row_label(f: str, c_lo: int) -> tuple[int, int] | None:
    """Span of the label of the table row holding the cell that starts at ``c_lo``: its first
    cell that is no number (a serial number's column is skipped), up to 30 characters."""
    row = f.rfind("\n", 0, c_lo) + 1
    k = row
    # a row without a left border (cells lined up by tabs or spaces): its first cell opens it
    open_left = f[row:c_lo].lstrip()[:1] not in ("│", "┃")
    while True:
        if open_left:
            a, open_left = row - 1, False
        else:
            a = min((x for x in (f.find("│", k, c_lo), f.find("┃", k, c_lo)) if x >= 0), default=-1)
        if a < 0:
            return None
        b = min(
            (x for x in (f.find("│", a + 1, c_lo), f.find("┃", a + 1, c_lo)) if x >= 0), default=-1
        )
        if b < 0 or b >= c_lo:
            return None
        cell = f[a + 1 : b].strip()
        if cell and not cell.replace(".", "").replace(",", "").isdecimal():
            if b - a > 31:
                return None
            # 行政处罚案件(件): the label without its unit
            unit = _UNIT_LABEL.fullmatch(f, a + 1, b)
            return unit.span("label") if unit is not None else (a + 1, b)
        k = b


# a run of changes after 分别 up to a later figure of it (…同比分别增长8.1%和 / 11.6%)
_CHANGES_RUN = re.compile(
    r"分别(?:同比)?(?:增长|下降|增加|减少|提高|降低|上升|提升|压缩|缩短)了?(?![到至为达])[^,;。]{0,30}?"
    r"[\d.]+\s*(?:%|个百分点)?"
    r"(?:\s*[和、及与]\s*[\d.]+\s*(?:%|个百分点)?)*\s*[和、及与]\s*$"
)


def _kind(f: str, clause_lo: int, left_lo: int, hit: _Hit, plan: bool, lex: _Lexicon) -> str:
    cue = None if plan else lex.target_re.search(f, clause_lo, hit.start)
    if cue is not None and cue.group(0) == "拟" and _REVIEWED.search(f[clause_lo : cue.start()]):
        cue = None
    if plan or cue is not None:
        return "target"
    if _FROM_VALUE_BEFORE.search(f, clause_lo, hit.start) and _FROM_VALUE_AFTER.match(f, hit.end):
        return "change"  # the earlier figure of 由A增加到B: part of the change, not the level
    if lex.change_re.search(f[left_lo : hit.start]) or hit.unit in ("百分点", "倍"):
        return "change"
    if _CHANGES_RUN.search(f, clause_lo, hit.start):
        return "change"  # the later figures of a run of changes (同比分别增长8.1%和11.6%)
    if hit.start > 0 and (
        f[hit.start - 1] in "+±"
        and not f[hit.start - 2 : hit.start - 1].isdigit()
        or f[hit.start - 1] in "-−"
        and f[hit.start - 2 : hit.start - 1] in ("", "│", "┃", " ", "\t", "(")
    ):
        return "change"  # a signed figure (a table's 增减 column: +11.7%, -8.2%)
    if hit.family == "percent" or hit.unit == "ratio":
        return "rate"
    return "level"


def _only_connectors(s: str, lex: _Lexicon) -> bool:
    """True when s holds no noun: only verbs, connectors (至/到/和) and punctuation."""
    rest = lex.change_word_re.sub("", lex.verb_re.sub("", s))
    rest = _CONNECTORS.sub("", rest)
    return rest == ""


def assign_indicator(
    subject: str,
    clause: str,
    sentence: str,
    unit_family: str,
    rules: tuple[IndicatorRule, ...] | None = None,
    *,
    local_clause: str | None = None,
) -> str:
    """Return the canonical indicator for one quantity, or ''.

    Args:
        subject: the metric's subject (e.g. ``简易程序案件``).
        clause: the clause (between commas) holding the number.
        sentence: the sentence holding the number.
        unit_family: the unit's family; an indicator whose families exclude it is skipped.
        rules: indicator rules (default: ``analysis/lexicons/indicators.tsv``).
        local_clause: the clause from its start to the end of the number (what the
            ``exclude`` pattern is tried on, with the subject); default: ``clause``.

    Returns:
        The first indicator (file order) whose conditions all hold, else ''.
    """
    rules = rules if rules is not None else _load_indicator_rules(str(INDICATORS_FILE))
    subject, clause, sentence = fold(subject), fold(clause), fold(sentence)
    local = fold(local_clause) if local_clause is not None else clause
    return _assign_folded(subject, clause, sentence, local, unit_family, rules)


# a sentence that opens with its topic (行政复议方面,…) and a subject that names no kind of
# case (案件, 涉及我局的案件; not 行政诉讼案件, 调解案件): the topic says which cases are counted
_TOPIC = re.compile(r"\s*([\u4e00-\u9fff]{2,8}?)(?:方面|工作中)[,:]")
_GENERIC_CASES = re.compile(
    r"(?:[^,;]{0,10}?(?:的|新收|新增|新发|新发生|涉诉|收到|受理|共))?(?:案件|案子)"
)  # 案件, 涉及我局的案件, 新收案件, 作为被告新收案件


# a decision not to punish opening the clause after a noun (…的132件案件,依法作出不予行政处罚决定)
_NEXT_DECISION = re.compile(
    r"[,]\s*(?:均|依法|并|已)*(?:作出|给予|予以)?(?:不予|免予|免于)[^,。;]{0,8}"
)
# what a noun after its number underwent (the clause after it says what was counted)
# the figure as the object of 对…的 (对案情复杂的42件案件组织集体讨论): the clause's verb says
# what was done to it
_OBJECT_OF = re.compile(r"对[^,;。对]{0,12}的$")
_OBJECT_VERB = re.compile(
    r"[^,;。]{0,6}?(?:组织|进行|开展)?(?:集体讨论|案卷评查|评查|听证|法制审核|合法性审查|审核|审查)"
)
_UNDERWENT = ("被", "作出", "依法作出", "予以", "给予", "不予")
# a clause opening with what the clause before involved (…不予处罚,涉及罚款约28.4万元)
_INVOLVING = ("涉及", "涉案")
# a clause that is only the count of those trained (…举办业务骨干培训班1期,培训130人): whom
# the course was for is in the clause before, and the exclude patterns see that clause too
_PEOPLE_COUNT = re.compile(r"\d\s*(?:余|多)?\s*(?:人|名)")
_TRAINED_ONLY = re.compile(r"\s*(?:共|累计)?(?:培训|参训|受训)(?:人员|学员)?(?:共|达)?\s*")
# a clause remarking on the figure before it (较2024年增长31.9%, 同比下降5个百分点)
_CHANGE_REMARK = re.compile(
    r"\s*(?:较|比|同比|环比)[^,;。]{0,12}?(?:增加|增长|提高|提升|上升|下降|减少|降低)[^,;。]{0,16}"
)


def _assign_folded(
    subject: str,
    clause: str,
    sentence: str,
    local: str,
    unit_family: str,
    rules: tuple[IndicatorRule, ...],
    before: str | None = None,
) -> str:
    """:func:`assign_indicator` on folded strings (``before``: the sentence without a 其中 clause
    after the figure, for rows whose sentence cue must be the figure's; default the sentence)."""
    return _first_rule(_of_family(rules, unit_family), subject, clause, sentence, local, before)


def _of_family(rules: tuple[IndicatorRule, ...], unit_family: str) -> tuple[IndicatorRule, ...]:
    """The rules whose unit families include ``unit_family``, in file order."""
    return tuple(r for r in rules if any(unit_family in g for g in r.groups))


def _first_rule(
    rules: tuple[IndicatorRule, ...],
    subject: str,
    clause: str,
    sentence: str,
    local: str,
    before: str | None = None,
    chained: str | None = None,
) -> str:
    """The indicator of the first of ``rules`` (already of the figure's unit family) whose
    patterns all match, else ''. ``chained``: ``before`` with the sentences that semicolons
    chain up to it, which a fallback row's sentence cue may match (a platform named once
    before its figures: …指挥中心全年受理…问题48,615件,其中…;立案46,932件,结案…)."""
    for r in rules:
        if r.subject is not None and not r.subject.search(subject):
            continue
        if r.clause is not None and not r.clause.search(clause):
            continue
        if r.sentence is not None and not r.sentence.search(
            (chained if r.fallback and chained is not None else before)
            if r.sentence_before and before is not None
            else sentence
        ):
            continue
        if r.exclude is not None and r.exclude.search(subject + " " + local):
            continue
        return r.indicator
    return ""


def _heading_flags(
    report_ids: list, section_ids: list, headings: list, lex: _Lexicon
) -> Callable[[str, str], bool]:
    """Plan flag inherited by a section (report id, section id) from its own and its
    ancestors' headings; headings are looked at on first need (False for an unknown section).
    """
    heads = {
        (str(rid), str(sid)): h
        for rid, sid, h in zip(report_ids, section_ids, headings, strict=True)
    }
    plan: dict[tuple[str, str], bool] = {}  # section -> does its heading name a plan

    def names_plan(key: tuple[str, str]) -> bool:
        if key not in plan:
            h = fold(str(heads[key] or "")) if key in heads else ""
            plan[key] = lex.plan_heading_re.search(h) is not None
        return plan[key]

    def flag(rid: str, sid: str) -> bool:
        if (rid, sid) not in heads:
            return False
        parts = sid.split(".")
        return any(names_plan((rid, ".".join(parts[: i + 1]))) for i in range(len(parts)))

    return flag


_METRIC_DTYPES = {
    "report_id": str,
    "section_id": str,
    "metric_id": str,
    "start": "int64",
    "end": "int64",
    "raw": str,
    "value": "float64",
    "unit": str,
    "unit_family": str,
    "approx": bool,
    "qualifier": str,
    "kind": str,
    "subject": str,
    "indicator": str,
    "sentence": str,
    "corrected": bool,
}


def metrics_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Build the ``metrics`` table from the column lists of :func:`metric_columns`, once.

    Args:
        columns: ``{column: list}`` for every column of ``schema.METRICS``.

    Returns:
        The table with ``schema.METRICS`` columns in order and their dtypes.
    """
    import pandas as pd

    return pd.DataFrame({c: pd.Series(columns[c], dtype=_METRIC_DTYPES[c]) for c in METRIC_COLUMNS})


def metric_columns(
    report_ids: list,
    section_ids: list,
    starts: list,
    texts: list,
    headings: list | None = None,
    *,
    folded: list[str] | None = None,
    units_path: Path | str = UNITS_FILE,
    patterns_path: Path | str = PATTERNS_FILE,
    indicators_path: Path | str = INDICATORS_FILE,
) -> dict[str, list]:
    """The ``metrics`` table as plain column lists (what :func:`extract_metrics` returns).

    The fast path of the build: no pandas inside.

    Args:
        report_ids, section_ids, starts, texts: one item per section.
        headings: the sections' headings (quantities under a plan heading are ``target``),
            or None.
        folded: ``fold(text)`` of every section when the caller has it already.
        units_path, patterns_path, indicators_path: the lexicons.

    Returns:
        ``{column: list}`` for every column of ``schema.METRICS``, rows sorted by report
        and offset, ``metric_id`` numbered per report.
    """
    lex = _lexicon(str(units_path), str(patterns_path))
    rules = _load_indicator_rules(str(indicators_path))
    family_rules: dict[str, tuple[IndicatorRule, ...]] = {}  # _of_family, once per family
    starts = [int(s) for s in starts]
    n = len(starts)
    order = sorted(range(n), key=lambda i: (report_ids[i], starts[i]))
    inherited = (
        _heading_flags(report_ids, section_ids, headings, lex) if headings is not None else None
    )
    cols: dict[str, list] = {c: [] for c in METRIC_COLUMNS if c != "metric_id"}
    report_year: dict[str, int | None] = {}  # the year each report is about, on first need
    report_sections: dict[str, list[int]] = {}
    for i in order:
        text = str(texts[i] or "")
        if not text:
            continue
        rid, sid, base = str(report_ids[i]), str(section_ids[i]), starts[i]
        f = folded[i] if folded is not None else fold(text)
        if (
            "\t" in text
            or "  " in text
            or "\u3000\u3000" in text
            or "|" in text
            or _FIGURES_APART.search(text)
        ):
            f = _mark_cells(f, text, lex)
        if _OCR_SUSPECT.search(f) or _OCR_LETTERS_ONLY.search(f):
            f = _repair_ocr_digits(f)
        hits = _find_hits(f, lex, text)
        if not hits:
            continue
        if rid not in report_year:
            if not report_sections:
                for k in range(n):
                    report_sections.setdefault(str(report_ids[k]), []).append(k)
            report_year[rid] = _main_year(texts[k] for k in report_sections[rid])
        flags = _plan_flags(
            text, inherited is not None and inherited(rid, sid), lex, report_year[rid]
        )
        sentences = _sentence_spans(f)
        prev_in_clause: dict[tuple[int, int], tuple[int, str]] = {}
        share: tuple[int, str] | None = None  # the last figure, when a share: its end, subject
        # the last subject of each unit family in each paragraph, and where it ended (for
        # 收到申请87件,受理79件: a bare step inherits it within one sentence ending in 。)
        last_subject: dict[tuple[int, str], tuple[str, int]] = {}
        # ... and of each figure that is no part opened by 其中 (what a body's share counts)
        total_subject: dict[tuple[int, str], tuple[str, int]] = {}
        folded_sentence: dict[tuple[int, int], str] = {}
        clauses_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for hit in hits:
            s_lo, s_hi = _locate(sentences, hit.num_start)
            clauses = clauses_of.get((s_lo, s_hi))
            if clauses is None:
                clauses = clauses_of[(s_lo, s_hi)] = _segments(f, s_lo, s_hi, _CLAUSE_END)
            c_lo, c_hi = _locate(clauses, hit.num_start)
            prev_end, prev_subject = prev_in_clause.get((c_lo, c_hi), (c_lo, ""))
            left_lo = max(c_lo, prev_end)
            subject = _subject(f, left_lo, hit.qual_start, hit.end, c_hi, hit.family, lex, text)
            if hit.label is not None:  # a board's figure: its label says what it counts
                a, b = hit.label
                subject = _subject(f, a, b, b, b, hit.family, lex, text)
                if _GENERIC_TOTAL.fullmatch(subject):
                    # a total's bare word (立案总数 -> 总数): the whole label says what it counts
                    # (行政处罚⇥立案总数: 行政处罚立案总数)
                    subject = _CELL_GAPS.sub("", text[a:b])
            elif not subject and c_lo > 0 and f[c_lo - 1] in "│┃":
                # a table's cell (│行政处罚案件│1,268件│…): the row's label is its subject
                cell = _row_label(f, c_lo)
                if cell is not None:
                    subject = _subject(f, cell[0], cell[1], cell[1], cell[1], hit.family, lex, text)
                    hit.label = cell
            if (
                not subject
                and c_lo > s_lo
                and f[c_lo - 1] == ":"
                and not f[c_lo : hit.qual_start].strip()
            ):
                # a data line, label then value (行政处罚案件:3,268件): the label is the subject
                label_lo = max(s_lo, f.rfind("\n", 0, c_lo - 1) + 1, _clause_cut(f, c_lo - 1) + 1)
                if 0 < c_lo - 1 - label_lo <= 20:
                    subject = _subject(
                        f, label_lo, c_lo - 1, c_lo - 1, c_lo - 1, hit.family, lex, text
                    )
            if prev_subject and _only_connectors(f[left_lo : hit.qual_start], lex):
                subject = prev_subject  # 从20%提升至70%: the 70% counts the same thing
            elif (
                not subject
                and share is not None
                and _COUNT_OF_SHARE.fullmatch(f, share[0], hit.qual_start) is not None
            ):
                # the count in brackets after a share (合同协议类占比45.7%(共21件)): what the
                # share's subject names, without 占比
                subject = _SHARE_WORD.sub("", share[1])
            share = (hit.end, subject) if hit.unit == "%" and _SHARE_WORD.search(subject) else None
            para = (f.rfind("\n", 0, hit.num_start) + 1, hit.family)
            if lex.bare_step_re.fullmatch(subject_f := fold(subject)):
                prev = last_subject.get(para)
                if prev is not None and "。" not in f[prev[1] : hit.start]:
                    subject = subject + prev[0]  # 受理79件 after 收到行政复议申请87件
            elif lex.body_step_re.fullmatch(subject_f):
                # a body's share in a breakdown (…共办理行政处罚案件3155件,…;其中我局本级办理
                # 1346件): it counts what the total before it counts, in its sentence (up to a 。,
                # past a ; only when 其中 opens what follows it), or in the sentence before one
                # that 其中 opens (…立案查处…案件326件…。其中,市…支队本级查处61件), not a part's noun
                prev = total_subject.get(para)
                between = f[prev[1] : hit.start] if prev is not None else "。。"
                cut = max(between.rfind(";"), between.rfind("。"))
                stop = between.find("。")
                if (cut < 0 or between[cut + 1 :].lstrip().startswith("其中")) and (
                    stop < 0
                    or (
                        stop == between.rfind("。")
                        and between[stop + 1 :].lstrip().startswith("其中")
                    )
                ):
                    subject = subject + prev[0]
            elif subject and not _BARE_YEAR.fullmatch(subject_f):
                # (not a year's bare figure: (2023年为186件) names no thing a step could count)
                last_subject[para] = (subject, hit.end)
                if not f[c_lo : hit.start].lstrip().startswith("其中"):
                    total_subject[para] = (subject, hit.end)
            prev_in_clause[(c_lo, c_hi)] = (hit.end, subject)
            sentence = text[s_lo:s_hi].strip()
            if hit.label is not None:
                lo, hi = min(hit.start, hit.label[0]), max(hit.end, f.find(")", hit.label[1]) + 1)
                if "\n" not in f[lo:hi]:  # a table's cell: its row
                    hi = f.find("\n", hit.end)
                    sentence = text[f.rfind("\n", 0, hit.start) + 1 : hi if hi >= 0 else len(f)]
                elif "│" not in f[lo:hi] and "┃" not in f[lo:hi]:
                    sentence = text[lo:hi]  # a board's figure: the value and its label's lines
            if (s_lo, s_hi) not in folded_sentence:
                # a soft wrap may cut a word (合法性\n审查): patterns see the words joined
                folded_sentence[(s_lo, s_hi)] = fold(sentence).replace("\n", "")
            kind = _kind(f, c_lo, left_lo, hit, _flag_at(flags, hit.start), lex)
            cols["report_id"].append(rid)
            cols["section_id"].append(sid)
            cols["start"].append(base + hit.start)
            cols["end"].append(base + hit.end)
            cols["raw"].append(text[hit.start : hit.end])
            cols["value"].append(hit.value)
            cols["unit"].append(hit.unit)
            cols["unit_family"].append(hit.family)
            cols["approx"].append(hit.approx)
            cols["qualifier"].append(hit.qualifier)
            cols["kind"].append(kind)
            cols["subject"].append(subject)
            # what the exclude patterns see: the clause up to the number, or the whole clause
            # when the number stands between 对/将 and its noun (对68件重大行政处罚决定开展法制审核)
            # or before a noun that then undergoes something (1件处罚决定被复议机关撤销)
            folded_subject = fold(subject)
            after = f[hit.end : c_hi]
            local_end = hit.end
            if folded_subject and after.startswith(folded_subject):
                if f[max(c_lo, hit.start - 1) : hit.start] in ("对", "将") or (
                    _OBJECT_OF.search(f, c_lo, hit.start)
                    and _OBJECT_VERB.match(f, hit.end + len(folded_subject), c_hi)
                ):
                    local_end = c_hi  # also 对案情复杂的42件案件组织集体讨论
                elif after[len(folded_subject) :].lstrip().startswith(_UNDERWENT):
                    # what the noun underwent (1件处罚决定被复议机关撤销) or what was decided
                    # about it (2,164件案件作出不予行政处罚决定): up to that decision
                    tail = hit.end + len(folded_subject)
                    decided = f.find("决定", tail, min(c_hi, tail + 16))
                    local_end = decided + 2 if decided >= 0 else min(c_hi, tail + 8)
                elif hit.end + len(folded_subject) == c_hi:
                    # the decision in the next clause: 对…的132件案件,依法作出不予行政处罚决定
                    nxt = _NEXT_DECISION.match(f, c_hi)
                    if nxt is not None:
                        local_end = nxt.end()
            local_lo = c_lo
            if f[c_lo : hit.start].lstrip(" ").startswith(_INVOLVING):
                # 对96件…作出不予处罚决定,涉及罚款约28.4万元: the amount is what the clause
                # before counted, and the exclude patterns see that clause too
                k = clauses.index((c_lo, c_hi))
                while k > 1 and _CHANGE_REMARK.fullmatch(f, *clauses[k - 1]):
                    k -= 1  # (首违不罚案件682件,较上年增长31.9%,涉及罚款约96万元)
                local_lo = clauses[k - 1][0] if k > 0 else c_lo
            elif c_lo > s_lo and _TRAINED_ONLY.fullmatch(f, c_lo, hit.start):
                k = clauses.index((c_lo, c_hi))
                # (not a clause that counts people of its own: 每期参训70至80人,累计参训650人次)
                if k > 0 and _PEOPLE_COUNT.search(f, *clauses[k - 1]) is None:
                    local_lo = clauses[k - 1][0]
            topic = _TOPIC.match(folded_sentence[(s_lo, s_hi)])
            if (
                topic is not None
                and _GENERIC_CASES.fullmatch(folded_subject)
                and ";" not in f[s_lo + topic.end() : hit.start]
            ):
                # 行政复议方面,全年涉及我局的案件27件: the topic names the cases
                folded_subject = topic.group(1) + folded_subject
            clause = f[c_lo:c_hi].replace("\n", "")
            if hit.label is None and c_lo > s_lo and f[c_lo - 1] == ":":
                # a list after the verb that governs it and a colon (全年共审查:行政规范性文件4件、
                # 局其他文件31件、合同协议118份): the verb is each item's
                g_lo = clauses[clauses.index((c_lo, c_hi)) - 1][0]
                verb = lex.verb_re.search(f, max(g_lo, c_lo - 4), c_lo - 1)
                if c_lo - 1 - g_lo <= 16 and verb is not None and verb.end() == c_lo - 1:
                    clause = f[g_lo:c_hi].replace("\n", "")
            local = f[local_lo:local_end].replace("\n", "")
            sentence_f = folded_sentence[(s_lo, s_hi)]
            if hit.label is not None:  # a board's figure: its clause is its label
                clause = local = sentence_f = f[hit.label[0] : hit.label[1]]
            of_family = family_rules.get(hit.family)
            if of_family is None:
                of_family = family_rules[hit.family] = _of_family(rules, hit.family)
            cols["indicator"].append(
                _first_rule(
                    of_family,
                    folded_subject,
                    clause,
                    sentence_f,
                    local,
                    sentence_f
                    if hit.label is not None
                    else _before_subset(f, s_lo, s_hi, max(hit.end, local_end)),
                    None
                    if hit.label is not None
                    or (k0 := _context_start(f, s_lo, folded_subject)) >= s_lo
                    else _before_subset(f, k0, s_hi, max(hit.end, local_end)),
                )
            )
            cols["sentence"].append(sentence)
            cols["corrected"].append(False)
    _parts_of_reviews(cols)
    _total_after_parts(cols)
    # rows by report and offset (stable), then numbered within each report
    rows = sorted(range(len(cols["start"])), key=lambda k: (cols["report_id"][k], cols["start"][k]))
    if rows != list(range(len(rows))):
        cols = {c: [v[k] for k in rows] for c, v in cols.items()}
    ids, prev, k = [], None, 0
    for rid in cols["report_id"]:
        k = k + 1 if rid == prev else 1
        prev = rid
        ids.append(f"m{k:04d}")
    cols["metric_id"] = ids
    return {c: cols[c] for c in METRIC_COLUMNS}


def extract_metrics(
    sections: pd.DataFrame,
    *,
    units_path: Path | str = UNITS_FILE,
    patterns_path: Path | str = PATTERNS_FILE,
    indicators_path: Path | str = INDICATORS_FILE,
) -> pd.DataFrame:
    """Extract every quantity stated in the sections' text.

    Args:
        sections: one row per section with at least ``report_id, section_id, start, text``
            (``start`` is the section's offset in the report's cleaned text; a section's text
            is a slice of it). Optional ``heading`` columns let quantities under a plan
            heading (下一步工作计划) be marked ``target``.
        units_path: units lexicon (``analysis/lexicons/units.tsv``).
        patterns_path: extractor word lists (``analysis/lexicons/metric_patterns.tsv``).
        indicators_path: indicator rules (``analysis/lexicons/indicators.tsv``).

    Returns:
        The ``metrics`` table: exactly the columns of ``schema.METRICS`` in order, one row per
        quantity, sorted by report and offset; ``metric_id`` is ``m0001``, ``m0002``, ... per
        report in text order; ``raw`` is ``cleaned_text[start:end]``; ``corrected`` is False.
    """
    missing = {"report_id", "section_id", "start", "text"} - set(sections.columns)
    if missing:
        raise ValueError(f"extract_metrics: sections lacks columns {sorted(missing)}")
    return metrics_frame(
        metric_columns(
            sections["report_id"].tolist(),
            sections["section_id"].tolist(),
            sections["start"].tolist(),
            sections["text"].tolist(),
            sections["heading"].tolist() if "heading" in sections.columns else None,
            units_path=units_path,
            patterns_path=patterns_path,
            indicators_path=indicators_path,
        )
    )


def sections_from_texts(texts: dict[str, str]) -> pd.DataFrame:
    """One section per report (``section_id`` '0', ``start`` 0): for quick use without sections.

    Args:
        texts: report_id -> cleaned text.

    Returns:
        A frame with columns ``report_id, section_id, start, end, text``.
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {"report_id": rid, "section_id": "0", "start": 0, "end": len(t), "text": t}
            for rid, t in sorted(texts.items())
        ],
        columns=["report_id", "section_id", "start", "end", "text"],
    )


# ----------------------------------------------------------------------------- indicators


def _sentences_of(
    text: str, f: str | None = None, soft: set[int] | None = None, spans: bool = False
) -> list[tuple]:
    """The report's sentences (stripped, non-empty) as the extractor cuts them, each with its
    folded form (a slice of the folded text: ``fold`` maps character by character) with the
    line breaks of soft wraps taken out, for pattern search; with ``spans``, also the
    sentence's offset in ``text``. ``f`` and ``soft``: the folded text and its
    :func:`_soft_breaks`, when the caller has them already."""
    f = fold(text) if f is None else f
    out = []
    for a, b in _sentence_spans(f, soft=soft):
        raw = text[a:b]
        sentence = raw.strip()
        if sentence:
            lo = a + len(raw) - len(raw.lstrip())
            folded = f[lo : lo + len(sentence)].replace("\n", "")
            out.append((sentence, folded, lo) if spans else (sentence, folded))
    return out


def _texts_from(sections_or_text: pd.DataFrame | dict[str, str] | None) -> dict[str, str]:
    if sections_or_text is None:
        return {}
    if isinstance(sections_or_text, dict):
        return dict(sections_or_text)
    import pandas as pd

    df = sections_or_text
    if "text" not in df.columns or "report_id" not in df.columns:
        raise ValueError("derive_indicators: sections need columns report_id and text")
    order = ["report_id", "start"] if "start" in df.columns else ["report_id"]
    df = df.sort_values(order, kind="stable")
    parts: dict[str, list[str]] = {}
    for rid, text in zip(df["report_id"].tolist(), df["text"].astype(str).tolist(), strict=True):
        if not pd.isna(rid):  # groupby leaves out missing keys
            parts.setdefault(str(rid), []).append(text)
    return {rid: "".join(p) for rid, p in sorted(parts.items())}


def _fmt_unit(units: list[str], fallback: str) -> str:
    return units[0] if len(set(units)) == 1 else fallback


@dataclass(frozen=True)
class _DeriveLexicon:
    """The word lists of ``metric_patterns.tsv`` that decide how mentions combine."""

    total: re.Pattern  # total_cue + sum_cue: 共, 合计, 全年 ... before a figure: a stated total
    sums: re.Pattern  # sum_cue: 共, 合计, 累计: a total that adds things up (not 全年 alone)
    campaign: re.Pattern  # subset_cue: 专项, 涉及…的: a special campaign, part of the whole
    outcome: re.Pattern  # outcome_cue: 结案, 办结: an outcome, not an intake count
    intake: re.Pattern  # intake_cue: 立案, 受理: an intake count
    accepted: re.Pattern  # accepted_cue: 受理: the cases accepted
    application: re.Pattern  # application_cue: 收到, 申请: applications received
    complements: tuple[re.Pattern, ...]  # complement: types that partition one total
    broad: re.Pattern  # broad_total: all enforcement acts, wider than any one indicator
    found: re.Pattern  # funnel_found: problems found or received on a platform
    opened: re.Pattern  # funnel_opened: the cases opened from them (立案)
    named: re.Pattern  # named_part: a part of a broad total named for the indicator
    period: re.Pattern  # period_opening: a paragraph about a period of years (五年来,…)
    period_end: re.Pattern  # period_clause_end: a first clause ending in a count of years
    source: re.Pattern  # source_after: where the figures came from, said after them


@lexicon_cache(maxsize=8)
def _derive_lexicon(patterns_path: str) -> _DeriveLexicon:
    pats = _load_patterns(patterns_path)

    def get(t: str) -> tuple[str, ...]:
        return pats.get(t, ())

    return _DeriveLexicon(
        total=re.compile(_alt(get("total_cue") + get("sum_cue"))),
        sums=re.compile(_alt(get("sum_cue"))),
        campaign=re.compile(_alt(get("subset_cue"))),
        outcome=re.compile(_alt(get("outcome_cue"))),
        intake=re.compile(_alt(get("intake_cue"))),
        accepted=re.compile(_alt(get("accepted_cue"))),
        application=re.compile(_alt(get("application_cue"))),
        complements=tuple(re.compile(_alt((p,))) for p in get("complement")),
        broad=re.compile(_alt(get("broad_total"))),
        found=re.compile(_alt(get("funnel_found"))),
        opened=re.compile(_alt(get("funnel_opened"))),
        named=re.compile(_alt(get("named_part"))),
        period=re.compile(rf"\s*(?:{_alt(get('period_opening'))})"),
        period_end=re.compile(rf"(?:{_alt(get('period_clause_end'))})$"),
        source=re.compile(_alt(get("source_after"))),
    )


@dataclass(frozen=True)
class _Mention:
    """The metric fields derive_indicators uses, one per metrics row, and where it stands."""

    metric_id: str
    start: int
    value: float
    unit: str
    raw: str
    sentence: str
    indicator: str
    kind: str
    family: str = ""
    subject: str = ""
    # filled in by _place_mentions
    para: object = None  # paragraph key (the sentence when the report's text is not given)
    sent: object = None  # sentence key
    pos: int = 0  # offset of raw in its sentence
    clause: str = ""  # folded clause before the number (from the last , ; : or ( )
    prefix: str = ""  # folded sentence before the number
    opener: int = -1  # offset in the sentence of the last clause opened by 其中/包括 before it
    part: tuple[int, str] | None = None  # (complement group, type) of the subject, if any
    period: bool = False  # in a paragraph or sentence opened by a period of years (五年来)
    para_opening: str = ""  # the folded first words of its paragraph (全年共办理…)
    source: str = ""  # folded clause after the figure naming its source (,均通过12345热线转办)
    # folded sentences that semicolons chain up to this one, through the figure, when there are
    # some (…指挥中心全年受理…问题48,615件,其中…;立案46,932件: a platform named once before)
    chained: str = ""
    intro: bool = False  # above the report's first outline heading (its opening paragraph)
    # the folded text after the figure in its paragraph, up to 240 characters (what a breakdown
    # after a semicolon says of it: …3155件,…;其中我局本级办理1346件…)
    follows: str = ""
    # the folded sentence before the figure up to the full stop, past semicolons (从违法类型看,…;
    # 查处渣土车辆…,罚款)
    opening: str = ""
    in_para: str = ""  # the folded paragraph before the figure


def _clause_cut(f: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after , ; : or an open parenthesis); a
    parenthesis closed before ``pos`` is an aside inside the clause (热线(含原12320热线)工单)."""
    end = pos
    while True:
        cut = max(
            f.rfind(",", 0, end), f.rfind(";", 0, end), f.rfind(":", 0, end), f.rfind("(", 0, end)
        )
        if cut < 0 or f[cut] != "(" or ")" not in f[cut:pos]:
            return cut
        end = cut


def _opener_len(prefix: str, opener: int) -> int:
    """The length of the words that open a subset's clause at ``opener`` (其中, 上述…中,)."""
    m = _SUBSET_OPENER.match(prefix[opener:])
    return m.end() if m is not None else 0


def _last_opener(f: str, pos: int) -> int:
    """Offset of the last clause before ``pos`` that is opened by 其中/包括 (-1 if none)."""
    for m in reversed(list(re.finditer(r"[,;:(]", f[:pos]))):
        if m.group(0) == "(" and ")" in f[m.end() : pos]:
            continue  # an aside closed before the number: (含原12320卫生热线)
        if _SUBSET_OPENER.match(f[m.end() : m.end() + 8].replace("\n", "")):
            return m.end()
    return 0 if _SUBSET_OPENER.match(f[:8].replace("\n", "")) else -1


# a line opened by a bullet (normalize.BULLET, or -, *, · and a space), as a list's item
_BULLET_LINE = re.compile(rf"(?m)^[ \t\u3000]*(?:{BULLET}|[·\-*+][ \t\u3000])")


def _tables_as_paragraphs(text: str, starts: list[int]) -> list[int]:
    """Paragraph starts with a table's rows after its first as one paragraph: a total's row
    (行政处罚案件总数(件)⇥3,205) holds the parts in the rows below it (简易程序(件)⇥1,873), as a
    total sentence holds the smaller figures after it in its paragraph."""
    out = []
    prev_row = False
    for k, lo in enumerate(starts):
        hi = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        line = text[lo:hi].split("\n", 1)[0]
        row = bool(line.strip()) and _table_row(line)
        if not (row and prev_row):
            out.append(lo)
        prev_row = row
    return out


def _place_mentions(
    mentions: list[_Mention],
    text: str | None,
    lex: _DeriveLexicon,
    f: str | None = None,
    soft: set[int] | None = None,
) -> list[_Mention]:
    """Locate each mention in its sentence and paragraph (one pass; text searched locally).
    ``f`` and ``soft``: the folded text and its :func:`_soft_breaks`, if known already."""
    if text and f is None:
        f = fold(text)
    para_starts = _paragraph_starts(f, soft) if text else []
    if text and ("\t" in text or "│" in text or "|" in text or "  " in text):
        para_starts = _tables_as_paragraphs(text, para_starts)
    if text and _BULLET_LINE.search(text):
        # a bulleted list under a paragraph (● “法律进商圈”…36场次; ● …): the paragraph's items
        para_starts = [
            lo for k, lo in enumerate(para_starts) if k == 0 or not _BULLET_LINE.match(text, lo)
        ]
    folded: dict[str, str] = {}
    seen_raw: dict[tuple[str, str], int] = {}
    out = []
    # where the report's outline begins (its first level-1 heading: 一、…); -1 without a text
    first_heading = -1
    if f:
        h1 = re.search(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]\s*[、.]", f)
        first_heading = h1.start() if h1 is not None else -1
    for m in mentions:
        sent_f = folded.get(m.sentence)
        if sent_f is None:
            sent_f = folded[m.sentence] = fold(m.sentence)
        lo = -1
        if text:
            n = len(m.sentence)
            lo = text.find(m.sentence, max(0, m.start - n), m.start + n)
            if lo > m.start or lo + n < m.start + len(m.raw):
                lo = -1
        period = False
        para_opening = follows = ""
        if lo >= 0:
            pos = m.start - lo
            para: object = bisect.bisect_right(para_starts, m.start)
            sent: object = lo
            # a paragraph, or the figure's own sentence, opened by a period of years, or a clause
            # of the sentence before the figure (…,“七五”普法实施以来,我局累计开展…103场次)
            period = (
                lex.period.match(f, para_starts[para - 1]) is not None
                or lex.period.match(sent_f) is not None
                # (not a year's: 2024年以来 in a report on 2024 is the year itself)
                or any(
                    (
                        hit := lex.period.match(
                            sent_f, k.end() + (sent_f[k.end() : k.end() + 1] == "自")
                        )
                    )
                    is not None
                    and not _YEAR_SINCE.match(hit.group(0))
                    for k in _TEXT_COMMA.finditer(sent_f, 0, pos)
                )
                # ... or whose first clause, the paragraph's or the sentence's, ends in a count of
                # years (综合行政执法改革落地两年来,全局共办理…1,886件;…)
                or any(
                    (cut := _TEXT_COMMA.search(t, lo, hi)) is not None
                    and lex.period_end.search(t, lo, cut.start()) is not None
                    for t, lo, hi in (
                        (sent_f, 0, pos),
                        (f, para_starts[para - 1], min(para_starts[para - 1] + 40, m.start)),
                    )
                )
            )
            p0 = para_starts[para - 1]
            # after a run-in heading (2.执法办案质效稳步提升。全年全市…): its first sentence's
            # (a heading's words: no figure, no cue of the year's total, closed by 。 or :)
            marker = _ANY_HEADING.match(f[p0 : p0 + 12])
            head = _PARA_RUN_IN.match(f, p0 + marker.end(), p0 + 40) if marker else None
            if head is not None and lex.total.search(head.group(0)) is None:
                p0 = head.end()
            para_opening = f[p0 : p0 + 8]
            a = m.start + len(m.raw)
            p1 = para_starts[para] if para < len(para_starts) else len(f)
            follows = f[a : min(a + 240, p1)].replace("\n", "")
        else:  # no text: the k-th standalone occurrence of raw in the sentence
            k = seen_raw.get((m.sentence, m.raw), 0)
            seen_raw[(m.sentence, m.raw)] = k + 1
            hits = [
                x.start()
                for x in re.finditer(re.escape(fold(m.raw)), sent_f)
                if x.start() == 0
                or not (sent_f[x.start() - 1].isdigit() or sent_f[x.start() - 1] == ".")
            ]
            pos = hits[min(k, len(hits) - 1)] if hits else 0
            para = sent = ("s", m.sentence)
        subject = fold(m.subject)
        clause = sent_f[_clause_cut(sent_f, pos) + 1 : pos].replace("\n", "")
        prefix = sent_f[:pos].replace("\n", "")
        chained = ""
        if lo > 0 and f is not None and (k0 := _context_start(f, lo, subject)) < lo:
            chained = f[k0:lo].replace("\n", "") + prefix
        # the full stop's sentence before the figure, past the semicolons that split it, and
        # its paragraph before it
        opening = in_para = prefix
        if lo > 0 and f is not None:
            k1 = max(f.rfind("。", 0, lo), f.rfind("\n", 0, lo)) + 1
            opening = f[k1:lo] + prefix
            in_para = f[f.rfind("\n", 0, lo) + 1 : lo] + prefix
        source = lex.source.match(sent_f, pos + len(m.raw))
        part = None
        for g, rx in enumerate(lex.complements):
            hit = rx.search(subject)
            if hit:
                part = (g, hit.lastgroup or hit.group(0))  # a named group names the type
                break
        if part is None and _BARE_REVIEWED.fullmatch(subject):
            # a bare subject (案件, 审核, 报审) takes the type its sentence names last before it
            # (全年法制审核案件64件; …均提交法制审核,报审277件: the enforcement decisions' review)
            named = [
                (h.start(), g, h.lastgroup)
                for g, rx in enumerate(lex.complements)
                for h in rx.finditer(prefix)
                if h.lastgroup
            ]
            if named:
                _, g, kind = max(named)
                part = (g, kind)
        out.append(
            _Mention(
                m.metric_id,
                m.start,
                m.value,
                m.unit,
                m.raw,
                m.sentence,
                m.indicator,
                m.kind,
                m.family,
                m.subject,
                para,
                sent,
                pos,
                clause,
                prefix,
                _last_opener(sent_f, pos),
                part,
                period,
                para_opening,
                source.group(0) if source else "",
                chained,
                m.start < first_heading,
                follows,
                opening,
                in_para,
            )
        )
    return out


# last year's figure written beside this year's: in brackets (1,380人次(上年1,125人次),
# 386.5万元(2022年为341.1万元)) or as what this year's is compared with (较上年的317件增加…)
_LAST_YEARS_FIGURE = re.compile(
    r"(?:\(\s*|较)(?:上年|去年|上一年度?|上年度|前一年|(?:19|20)\d\d年度?)(?:同期)?"
    r"(?:为|是|的)?\s*(?:[\d.,]+\s*[\u4e00-\u9fff%]{1,3}\s*[、,和及]\s*){0,3}$"
    # ... or a key–value line's label for last year (上年罚款金额：2.8万元)
    r"|^\s*(?:上年|去年|上一年度?|上年度|前一年)(?:同期)?[^,，;；。:：]{0,12}[:：]\s*$"
)


# a subject that names no kind of thing reviewed: its clause says which review it was
_BARE_REVIEWED = re.compile(r"(?:案件|审查|审核|审定|[报送]审)")


# a sentence about one year inside it (今年共受理…, 2023年…; not 2019年以来)
_YEAR_ANCHOR = re.compile(r"\s*(?:全年|今年|本年度?|当年|(?:19|20)\d\d年度?)(?!以来|至|底|-)")


def derive_indicators(
    metrics: pd.DataFrame,
    sections_or_text: pd.DataFrame | dict[str, str] | None = None,
    *,
    indicators_path: Path | str = INDICATORS_FILE,
    patterns_path: Path | str = PATTERNS_FILE,
) -> pd.DataFrame:
    """One figure per (report, indicator) the report states.

    How the mentions assigned to one indicator combine (``aggregate`` = ``sum`` in
    ``indicators.tsv``; the word lists are ``total_cue``, ``sum_cue``, ``subset_cue``, ``outcome_cue``,
    ``intake_cue`` and ``complement`` in ``metric_patterns.tsv``); ``target`` and ``change``
    rows never count (a plan is not an achievement):

    A count per period (每月开展普法2至3次) is a frequency and counts toward no indicator.
    0. A key-figure board's figures (a bare number over its label) and a drawn table's cells
       (│罚没款│386.52万元│341.07万元│) restate the body's: they count only when the body
       states nothing for the indicator (and a table's row with two figures of it, two years,
       gives none, but for the cell in its column of totals: the 合计 of four quarters). The
       body's figure that rounds a table's (126.6万元, the cell 126.61) gives way to it.
    1. Unit family: only mentions of the first family in the rule's ``families`` list that
       the report uses are kept (来信来访45批次97人次: 批次 before 人次; different units are
       different measures and are never added), unless the list joins families with ``+``
       (``cases+items``: 合同96份 and 文件58件 are both documents reviewed).
       Then a total wider than any indicator (``broad_total``: 共办理行政执法案件X宗, all
       enforcement acts) gives way to a part of it opened by 其中 later in its paragraph whose
       subject is named for the indicator (``named_part``: 其中,行政处罚Y宗 -> Y).
    1e/1f. The author's own level (支队本级) beside the bodies it guides (上述大队): theirs are
       not its figures; a figure the report says it does not count (未纳入上表统计) and a share
       of a whole area's total (占全区总数的80.6%) are dropped.
    2. Subsets: a mention in a clause opened by 其中/包括, in a later clause of a sentence
       whose 其中 follows a mention of the same indicator, or in a sentence opened by 其中 after
       a mention of the same paragraph, is a part of a stated total; and so
       is a typed part elsewhere (一般程序案件112件) not larger than the same type's part of
       that total (其中一般程序案件612件), and a part restated elsewhere with the same value
       and unit; so is a figure listed with its subject after a larger one of the indicator in
       another sentence (审查涉法事项147件,涵盖…重大执法决定58件; then 对58件重大执法决定…), and one
       in the 其中 list of another indicator's figure (问题48,615件,其中…12319热线转入5,214件)
       when the indicator is stated elsewhere.
    3. Special campaigns: a mention whose sentence names a campaign (专项, 涉及…的) before it
       is dropped when a mention outside any campaign remains.
    4. Outcomes: a case count stated as an outcome (结案, 办结) and not as an intake (立案,
       受理) is dropped when an intake count remains (立案39.6万件, 结案38.9万件 -> 39.6万).
    5. A figure restated with the same value and unit counts once, as does one restated with
       another precision or approximately (1400余件 in the opening, 1,426件 in the text): the
       most precise statement is kept.
    6. Typed parts: a mention whose subject is one type of a ``complement`` group (废止,
       修改, 继续有效 ...) is dropped when a larger figure of another kind stands before it
       in its sentence (文件22件进行清理, 继续保留17件 -> 22), also when that figure restates
       one counted already, but not when the two are items of one 、 list (合同协议18件、重大
       行政执法决定3件) of a group whose types are named kinds, or of another group when the
       larger has no cue that sums (共, 合计: 共立案1,426件、简易程序926件 holds the 926).
    7. Sums: a figure equal to the sum of two or more smaller mentions of its sentence, its
       paragraph or the report is their total: the parts are dropped.
    8. Stated totals: a figure with a total cue (共, 合计, 累计, 全年 ...) before it in its
       sentence is the total of its paragraph: a smaller mention in a later sentence of the
       same paragraph is dropped unless it has its own total cue or is the complementary
       type of the total (简易程序 vs 一般程序).
    9. Whole areas: a report speaks of its own area with one 全X (全区 in a district's
       report: the one it writes most, at least 3 times and twice as often as any other); a
       figure said of another whole area (全市… in that district's report) is a superior's
       and is dropped when the author's own figures remain. A total of the author's whole
       area (全市… in a city's report) holds the author's own share: a smaller figure said of
       the author (我局, 本局 …) is not added to it.
    10. A grand total: when the largest sum has a total cue in its own clause (共计罚款…;
        for a count, one that adds up: 共, 合计, 累计, 总计), a sum in another paragraph
        without one in its clause is a part and is dropped (a count with 全年 alone may be one
        kind among others, such as decisions beside contracts reviewed: they add up).

    What remains is added up: ``stated`` for one mention, ``sum`` for several (complementary
    types such as 简易程序 + 一般程序, 罚款 + 没收违法所得, 废止 + 修改 + 继续有效, or
    parts that nothing above marks as overlapping). Paragraphs are lines of the report's text
    (PDF hard wraps joined); without the text each sentence is its own paragraph.

    Args:
        metrics: the ``metrics`` table (with ``indicator`` assigned).
        sections_or_text: the sections table (``report_id, start, text``) or a dict
            report_id -> cleaned text, searched for explicit nones (未发生行政诉讼案件) and
            used to find paragraphs. When None, only the sentences of the metrics are searched.
        indicators_path: indicator rules (``analysis/lexicons/indicators.tsv``).
        patterns_path: word lists (``analysis/lexicons/metric_patterns.tsv``).

    Returns:
        The ``indicators`` table (columns of ``schema.INDICATORS``), sorted by report and
        by the lexicon's indicator order. ``method`` is ``stated``, ``sum`` or
        ``stated_zero``; ``evidence`` joins the metric_ids used with ';'.
    """
    import pandas as pd

    _load_indicator_rules(str(indicators_path))
    _derive_lexicon(str(patterns_path))
    texts = _texts_from(sections_or_text)
    n = len(metrics)

    def col(name: str) -> list:
        return metrics[name].tolist() if name in metrics.columns else [""] * n

    out = _indicator_rows(
        [
            metrics["report_id"].astype(str).tolist(),
            *(metrics[c].tolist() for c in _MENTION_COLUMNS[1:-2]),
            col("unit_family"),
            col("subject"),
        ],
        texts,
        indicators_path,
        patterns_path,
    )
    frame = pd.DataFrame(out, columns=INDICATOR_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame[["start", "end"]] = frame[["start", "end"]].astype("int64")
    return frame.reset_index(drop=True)


# the metrics columns a _Mention is made of, in its order (after the report id)
_MENTION_COLUMNS = (
    "report_id",
    "metric_id",
    "start",
    "value",
    "unit",
    "raw",
    "sentence",
    "indicator",
    "kind",
    "unit_family",
    "subject",
)


def indicator_columns(
    metrics: dict[str, list],
    texts: dict[str, str] | None = None,
    *,
    indicators_path: Path | str = INDICATORS_FILE,
    patterns_path: Path | str = PATTERNS_FILE,
) -> dict[str, list]:
    """The ``indicators`` table as plain column lists: :func:`derive_indicators` without
    pandas (the fast path of a build, report by report).

    Args:
        metrics: ``{column: list}`` of the ``metrics`` table, as :func:`metric_columns`
            returns it (``unit_family`` and ``subject`` may be left out).
        texts: report_id -> cleaned text (see :func:`derive_indicators`), or None.
        indicators_path, patterns_path: the lexicons.

    Returns:
        ``{column: list}`` for every column of ``schema.INDICATORS``: the lists of
        ``derive_indicators(metrics_frame(metrics), texts)`` (values as floats).
    """
    n = len(metrics["report_id"])

    def col(name: str) -> list:
        return list(metrics[name]) if name in metrics else [""] * n

    out = _indicator_rows(
        [[str(r) for r in metrics["report_id"]], *(col(c) for c in _MENTION_COLUMNS[1:])],
        dict(texts) if texts else {},
        indicators_path,
        patterns_path,
    )
    out["value"] = [float(v) for v in out["value"]]
    return out


def _indicator_rows(
    columns: list[list],
    texts: dict[str, str],
    indicators_path: Path | str,
    patterns_path: Path | str,
) -> dict[str, list]:
    """The rows of the ``indicators`` table, by column (steps: :func:`derive_indicators`).
    ``columns``: the metrics columns of ``_MENTION_COLUMNS``, in that order."""
    rules = _load_indicator_rules(str(indicators_path))
    lex = _derive_lexicon(str(patterns_path))
    # one group per indicator, in lexicon order: the first row decides how mentions combine
    groups: dict[str, list[IndicatorRule]] = {}
    for rule in rules:
        groups.setdefault(rule.indicator, []).append(rule)
    # with each indicator, the patterns of its rows that state an explicit none
    groups_zeros = [
        (indicator, rows, [r.zero for r in rows if r.zero is not None])
        for indicator, rows in groups.items()
    ]
    # one pass over the metrics: each report's rows, in table order, as tuples of the fields
    # of a _Mention (made only for the mentions that can count)
    by_report: dict[str, list[tuple]] = {}
    for m in zip(*columns, strict=True):
        by_report.setdefault(m[0], []).append(m[1:])
    out: dict[str, list] = {c: [] for c in INDICATOR_COLUMNS}

    def add(rid: str, indicator: str, row: dict) -> None:
        out["report_id"].append(rid)
        out["indicator"].append(indicator)
        for c in ("value", "unit", "method", "evidence"):
            out[c].append(row[c])
        out["sentence"].append(row.get("sentence", ""))
        out["start"].append(row.get("start", -1))
        out["end"].append(row.get("end", -1))

    for rid in sorted(set(by_report) | set(texts)):
        table_order = by_report.get(rid, [])
        sub = sorted(table_order, key=lambda r: r[1])  # by start
        # with an indicator, and of a kind that states what was done
        assigned = [_Mention(*r) for r in sub if r[6] and r[7] not in NOT_STATED_KINDS]
        text = texts.get(rid)
        report_year = None
        clause_years = False  # whether a clause's earlier year may be told (see below)
        if text and assigned:
            # a sentence opened by an earlier year (2022年,全局立案查处…) states that year's
            # figures, not those of the year the report is about
            years = _year_counts(text)
            title_year = _title_year(text[: text.find("\n") if "\n" in text[:200] else 200])
            assigned = [m for m in assigned if not _earlier_year(m.sentence, years, title_year)]
            # (the title's year, else the year named most often, the latest of a tie: a
            # table's header 2022年 2023年 names both once)
            report_year = title_year or _most_named_year(years, text)
            # (of the years up to the title's: the next year's plans are no report's year)
            clause_years = title_year is not None and title_year == _most_named_year(
                Counter({y: n for y, n in years.items() if y <= title_year}), text
            )
            if report_year is not None:
                # ... and one opened by a part of a later year (2024年上半年, in a report on
                # 2023 published in mid-2024) states that part's figures
                assigned = [m for m in assigned if not _later_period(m.sentence, report_year)]
            full_text = _FULL_TEXT_FOLLOWS.search(text) if "记者" in text else None
            if full_text is not None:
                # a news article's lead in the journalist's words (记者注意到,…) above the
                # report's full text (以下为报告全文:) restates it, rounded: the figures of
                # the report below are the bureau's statement (an article that gives no full
                # text is the only statement there is)
                assigned = [
                    m
                    for m in assigned
                    if not (m.start < full_text.start() and _journalists(text, m.start))
                ]
            assigned = _this_years_of_runs(assigned, report_year)
            assigned = _without_other_years_cells(assigned, text, report_year)
            assigned = _without_last_years_cells(assigned, text)
        f = soft = None  # the folded text and its soft wraps, found once for both uses
        if text:
            f = fold(text)
            soft = _soft_breaks(f)
        own = _own_area(f) if f else ""
        stated: dict[str, list[_Mention]] = {}
        for r in _place_mentions(assigned, text, lex, f, soft):
            if r.family != "percent" and _per_period(r.clause, lex):
                continue  # a frequency (每月开展普法2至3次), no count of the year
            if _LAST_YEARS_FIGURE.search(r.prefix):
                continue  # last year's, beside this year's: (上年1,125人次), 较上年的317件
            if (
                clause_years
                and _earlier_year(r.clause, years, title_year, _CLAUSE_YEAR_OPENING)
                and f"{report_year}年" not in r.clause
            ):
                # a clause of an earlier year's work (2022年举办培训班5期,2023年…8期), where the
                # title's year is the year the text names most (not 2022年受理、2023年审结…)
                continue
            if r.period and report_year is not None and _since_own_year(r, report_year):
                r = replace(r, period=False)  # 2024年以来 in a report on 2024: the year itself
            stated.setdefault(r.indicator, []).append(r)
        sentences: list[tuple[str, str]] | None = None  # (sentence, folded), on first need
        for indicator, rows, zeros in groups_zeros:
            rule = rows[0]
            cands = stated.get(indicator)
            if cands and len(cands) > 1 and rule.aggregate != "first":
                cands = _without_restatements(cands, rows, text)
            if cands and any(r.fallback for r in rows):
                # within the preferred unit family (step 1), fallback rows count only alone
                present = {c.family for c in cands}
                group = next((g for g in rule.groups if g & present), None)
                if group is not None:
                    cands = [c for c in cands if c.family in group]
                primary = [c for c in cands if _matches_primary(c, rows)]
                # a fallback figure stays when a primary one is a part of it, in a 其中 clause
                # after it in its sentence (全年立案查处…违法案件186件,其中作出行政处罚决定41件),
                # or when the primary ones after it add up to it (…违法案件共计1,573件,按简易程序
                # 办结1,128件、按一般程序办理445件; not 共查处违法行为2,186起,立案…1,500件)
                parts: list[_Mention] = []
                for c in cands:
                    if c in primary:
                        continue
                    after = [p for p in primary if p.sent == c.sent and p.pos > c.pos]
                    if any(p.opener > c.pos for p in after):
                        primary.append(c)
                    elif (
                        (same := [p for p in primary if p.para == c.para])
                        and all(p.start > c.start for p in same)
                        and lex.intake.search(c.clause) is not None
                        and all(
                            lex.outcome.search(p.clause) is not None
                            and (
                                c.value / 2 <= p.value <= c.value
                                # (cases filed, then the few that ended in a penalty decision:
                                # 立案查处劳动保障违法案件168件…作出行政处罚决定23件)
                                or ("立案" in c.clause and _DECIDED.search(p.clause) is not None)
                            )
                            for p in same
                        )
                    ):
                        # ... or when it is the intake whose outcome the primary ones after it
                        # in its paragraph count, as many or a little fewer (立案查处安全生产违法
                        # 行为12,846件…;办结行政处罚案件12,305件; not a platform's 立案14.2万件
                        # before the 538 cases closed off-site)
                        primary.append(c)
                    elif (
                        after
                        and lex.sums.search(c.clause) is not None
                        and _close(sum(p.value for p in after), c.value)
                    ):
                        primary.append(c)
                        parts += after  # inside the total: not added to it
                    elif (
                        n := _first_adding_up(
                            [p for p in primary if p.para == c.para and p.start > c.start], c.value
                        )
                    ) >= 2:
                        # ... or two or more in the sentences after it in its paragraph, the first
                        # of them (立案查处…违法案件3,218件。从程序看,按简易程序办结2,003件,按普通程序
                        # 查办1,215件; and not a later kind of act after them: …申请强制执行4件)
                        primary.append(c)
                        parts += sorted(
                            (p for p in primary if p.para == c.para and p.start > c.start),
                            key=lambda p: p.start,
                        )[:n]
                primary = [c for c in primary if c not in parts]
                primary.sort(key=lambda c: c.start)
                # no primary figure: the fallback rows', and only then the last resort's
                cands = primary or [c for c in cands if _matches_primary(c, rows, tier=1)] or cands
            if cands:
                row = _aggregate(cands, rule, lex, own)
                if row:
                    add(rid, indicator, row)
                    continue
            if not zeros:
                continue
            if sentences is None:
                if rid in texts:
                    sentences = _sentences_of(texts[rid], f, soft, spans=True)
                else:
                    sents = dict.fromkeys(r[5] for r in table_order)  # sentences
                    sentences = [(s, fold(s), -1) for s in sents]
            # the sentence stating the none: the first, or the first that says it of the
            # bureau's own work rather than of a related matter's (…政府信息公开申请10件,未发生
            # 相关行政复议或诉讼案件 before 全年未发生行政诉讼案件)
            found = []
            for sent, folded_sent, lo in sentences:
                for z in zeros:
                    if (m := z.search(folded_sent)) is not None and _none_of_the_year(
                        m.group(0), text, report_year
                    ):
                        found.append((sent, lo, m))
                        break
            if found:
                sent, lo, _ = next((x for x in found if not _related_none(x[2].group(0))), found[0])
                add(
                    rid,
                    indicator,
                    {
                        "value": 0.0,
                        "unit": rule.unit,
                        "method": "stated_zero",
                        "evidence": "",  # no quantity: the sentence is the citation
                        "sentence": sent,
                        "start": lo,
                        "end": lo + len(sent) if lo >= 0 else -1,
                    },
                )
    return out


def _none_of_the_year(match: str, text: str | None, report_year: int | None) -> bool:
    """Whether an explicit none naming a year (2024年未作出行政处罚…) is said of the report's
    year (the title's, else the one its text names most): not an earlier year's none."""
    named = _YEAR.search(match)
    if named is None:
        return True
    if report_year is None and text:
        report_year = _title_year(text[:200].split("\n", 1)[0]) or _most_named_year(
            _year_counts(text), text
        )
    return report_year is None or int(named.group(1)) == report_year


def _related_none(match: str) -> bool:
    """Whether an explicit none is said of a related matter (未发生相关行政复议或诉讼案件),
    judged on the none itself: from its last 未/没有/无 on, not the words before it."""
    at = max(match.rfind("未"), match.rfind("没有"), match.rfind("无"))
    return "相关" in match[max(at, 0) :]


# two kinds joined in one clause: 合法性审查和法制审核, 各类文件和合同协议
_KINDS_JOINED = re.compile(r"[\u4e00-\u9fff]{2}(?:和|及|与|、)[\u4e00-\u9fff]{2}")
_WHOLE = r"全(?:市|区|县|省|州|旗|盟)"
_WHOLE_AREA = re.compile(_WHOLE)
# a sentence about the whole area: 全市…, 全年全市…, 2023年,全市…
_WHOLE_AREA_OPENING = re.compile(rf"\s*(?:(?:全年|今年以来|\d{{4}}年(?:度)?)[,]?)?{_WHOLE}")
_AUTHOR_SELF = re.compile(r"[我本](?:局|委|厅|办|院|馆)")


_TOGETHER_WITH = re.compile(r"连同|加上|包括上年|含上年")
# every body of a government's (全县各级行政执法机关…, 各部门…)
_ALL_ORGANS = re.compile(r"各(?:级|类)?[^,;。]{0,8}(?:机关|部门|单位)")
# all the bodies a total is of: 各…机关/部门/单位, or a whole area's system adding up
# (全市城管系统共办理…: the bureau, its detachment and the districts' bureaus)
_ALL_BODIES = re.compile(
    rf"{_ALL_ORGANS.pattern}|全[省市县区州盟旗][^,;。]{{0,6}}系统(?:共|累计|合计)"
)


# a sentence about the author's own level, not its whole system (本厅本级直接组织…, 局本级…)
_OWN_LEVEL = re.compile(r"\s*(?:其中,?\s*)?(?:本厅|本局|本委|本部门|厅|局|委|机关|[省市县区])?本级")


# a sentence opening with another body that held an event (市司法局全年举办…, 区综合行政执法局…)
_OTHER_ORGANISER = re.compile(
    r"\s*(?:此外,?|另外,?)?[\u4e00-\u9fff]{1,12}?(?:局|委|办|厅|院|党校|中心)(?:全年|今年)?"
    r"(?:举办|组织|开展)"
)
# ... to which the author sent people, after the figure (,我局按要求分批选派执法骨干参训)
_SENT_TO = re.compile(
    r"(?:我局|本局|我队|执法队|我委|我中心|我办)[^,;。]{0,12}(?:选派|派员|组织)[^,;。]{0,12}(?:参训|参加)"
)


# ... or, before the figure, people sent to another body's course (选派班子成员…参加区委组织部、
# 区司法局举办的领导干部法治专题培训班,参训11人次)
_SENT_TO_OTHERS = re.compile(
    r"(?:选派|派员|推荐|组织)[^,;。]{0,16}参加(?!我局|本局|局|[^,;。]{0,6}(?:科|股|室|处)(?:举办|主办|组织))"
    r"[^,;。]{1,30}?(?:举办|主办|组织)的"
    # ... with no course of the author's own after it (…的考试,全年举办执法业务培训班8期)
    r"(?![^。;]*(?:举办|主办|开展|组织)[^。;]*$)"
)


# after a figure: the report does not count it (,未纳入上表统计; ,不计入总数)
_NOT_COUNTED = re.compile(
    # (also after the cases' fines and an aside: …172件、罚没款26.4万元(数据由…提供,未纳入…),
    # …4385件、收缴罚没款712.6万元,由各县(市、区)分别统计,未计入上述全局数据)
    r"(?:、[^,;。()\d]{0,6}?(?:罚没款|罚款)[^,;。()\d]{0,3}?[\d.]+万?元)?\s*[,;(]?\s*"
    r"(?:(?:数据)?由(?:[^,;。()]|\([^()]{0,8}\)){0,16}?(?:提供|(?:分别|单独|自行)?统计),?)?"
    r"(?:均|但|且|该数据)?(?:未|不)(?:纳入|计入|列入|含在|包含在)[^,;。]{0,10}"
    r"(?:统计|上表|本表|总数|以上数据|上述数据|全局数据|本局数据)"
)
# an aside at its sentence's end that the figures before it are not counted (…2356件,罚没款
# 176.83万元,开展普法宣传活动68场次(以上数据由各旗县单独统计,未计入全局数据))
_NONE_COUNTED_AFTER = re.compile(
    r"\((?:以上|上述)(?:数据|数字|案件|情况)[^()]{0,30}?(?:未|不)(?:纳入|计入|列入|含在|包含在)[^()]{0,12}\)"
)
# ... or it is a share of a total (,占全区总数的80.6%)
# (not a share of another kind's total: 非现场执法案件438件,占行政处罚案件总数的18.9%, 占案件总数)
_SHARE_AFTER = re.compile(
    r"\s*,\s*占(?:全[区县市省州旗]|全局|全系统)(?:的)?[^,;。]{0,6}?(?:总数|总量|总额)"
)


# the author's own level named in a clause (支队本级, 局本级, 厅机关本级)
# a body's own level (区局本级, 支队本级), not a government's (县本级)
_BODY_OWN_LEVEL = re.compile(r"(?:支队|总队|大队|局|厅|委|中心|机关)本级")
_OWN_LEVEL_NAMED = re.compile(rf"{_BODY_OWN_LEVEL.pattern}|[市县区]本级")
# bodies the author guides or oversees, named as the subject of their figures (上述大队…,
# 各区县大队…, 下辖各…)
_GUIDED_BODIES = re.compile(
    r"上述(?:各)?(?:大队|中队|单位|部门|区县|县区|机构)|下辖(?:各)?|(?:各|\d+个)区县(?:\(市\))?[^,;。]{0,12}(?:大队|中队)"
)
# a sentence opening with the counties' own departments (各县(市、区)城市管理部门全年共立案查处…,
# in a city bureau's report beside its own level's 全年市本级立案查处…): theirs
_COUNTIES_OWN = re.compile(
    r"(?:^|(?<=[,:]))\s*(?:其中|全年|年内|今年)?,?\s*各(?:县|区|县区|区县)(?:\([市区县、]+\))?[^,;。]{0,12}"
    r"(?:部门|城管局|城市管理局|执法局)"
)


_BODY_NAMED = re.compile(r"本级|[我本市县区]局|局机关|支队|总队|大队|中队|中心|[我本](?:委|厅|办)")


def _counties_own(prefix: str) -> bool:
    """Whether a figure's sentence before it names the counties' own departments as its
    subject, opening the sentence or a clause of it (加强对县(区)执法工作的指导,全年各县(区)…部门共
    查处…26件,罚款14.6万元), with no semicolon or the author's own level after them."""
    last = max(_COUNTIES_OWN.finditer(prefix), key=lambda m: m.start(), default=None)
    if last is None:
        return False
    rest = prefix[last.end() :]
    # (not when a body is named after them: 各县(区)…积极配合,市城管执法支队共立案查处…)
    return ";" not in rest and _BODY_NAMED.search(rest) is None


# a whole system's figure (全市城管系统…, 全县综合行政执法系统…)
_WHOLE_SYSTEM = re.compile(r"全[市省州盟县区][^,;。]{0,10}系统")
# the author's figures said to leave the counties' bodies out (不含各县(市)、区城市管理部门…)
_COUNTIES_LEFT_OUT = re.compile(
    r"(?:不含|不包括|未含|未包括)[^。]{0,6}(?:各)?(?:县|区|县区|区县|旗县)(?:\([^()]{0,6}\))?[^。]{0,16}"
    r"(?:部门|城管局|执法局|大队|单位)"
    # ... or that the table's figures are the own level's, the others' left out of it (表中数据为
    # 市局本级…数据。…区城市管理局…均未计入上表)
    r"|(?:表中|上表|本表)数据(?:为|系|均为)[^。]{0,16}本级[^。]{0,24}。[^。]{0,80}未(?:计入|纳入|列入)"
)
# a system or an area's figure that names, in brackets, the other bodies it takes in
# (全市城管执法系统(含凌海市、北镇市、黑山县、义县城市管理部门)…): not only the author's
_SYSTEM_WITH_OTHERS = re.compile(
    r"(?:系统|全[市县区省])[^,;。()]{0,12}\(含(?:[^()]|\([^()]{0,10}\)){0,60}?(?:[县区市镇乡]|街道)"
    r"(?:[^()]|\([^()]{0,10}\)){0,20}(?:部门|单位|机构|大队|中队|执法局|城管局)\)"
    # ... or all of them (全市城管系统(含各区市)…)
    r"|系统\(含各(?:区市|县区|区县|县市区|县\(市、?区\)|区|县)\)"
)


# a sentence about the author's branches (各区分局…, 各乡镇(街道)…): parts beside its own level
_BRANCHES = re.compile(
    r"\s*(?:其中,?\s*)?各(?:区|县|市|乡|镇|街道|分局|大队|中队|所|站|部门|单位|区县|县区|乡镇|执法)"
)


def _whole_of(c: _Mention) -> str:
    """The whole area a figure is said of (全市… -> '市'), or ''."""
    m = _WHOLE_AREA.search(c.clause) or _WHOLE_AREA_OPENING.match(c.prefix)
    return m.group(0)[-1] if m else ""


def _own_area(f: str) -> str:
    """The whole area a report speaks of as its own: the 全X it writes most (at least 3
    times and twice as often as any other), or ''; a town's or a street's report has none
    of them (its 全区 is its district's), '镇'."""
    title = next((line for line in f.split("\n", 8)[:8] if line.strip()), "")
    if gazetteer.TOWN_BODY.search(title):  # (a town's or a street's body's title)
        return "镇"
    counts = Counter(m[-1] for m in _WHOLE_AREA.findall(f))
    if not counts:
        return ""
    (top, n), *rest = counts.most_common()
    return top if n >= 3 and all(n >= 2 * k for _, k in rest) else ""


def _same_subject(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions count the same thing: one subject holds the other's last four
    characters (重大行政执法决定法制审核 and 重大行政执法决定)."""
    x, y = fold(a.subject), fold(b.subject)
    if not x or not y:
        return False
    return x[-4:] in y or y[-4:] in x


def _last_digit_unit(c: _Mention) -> float | None:
    """What one unit of the last written digit is worth: 1,842.6万元 -> 1000, 3,268件 -> 1."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", c.raw)
    if m is None:
        return None
    written = m.group(0).replace(",", "")
    number = float(written)
    if number == 0:
        return None
    decimals = len(written.split(".")[1]) if "." in written else 0
    return c.value / number * 10.0**-decimals


def _restated(a: _Mention, b: _Mention) -> bool:
    """The same figure stated twice: equal, or written with less precision and equal to the
    other once rounded (1,842.6万元 and 1,842.57万元; not 1,000件 and 1,001件)."""
    if a.unit != b.unit:
        return False
    if abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value)):
        return True
    if a.sent == b.sent or (a.part is not None and b.part is not None and a.part != b.part):
        return False  # two figures of one sentence, or of two types, are two figures
    da, db = _digits(a.raw), _digits(b.raw)
    if da == db:
        return False
    unit = _last_digit_unit(a if da < db else b)
    return unit is not None and unit > 1 and abs(a.value - b.value) <= unit / 2 + 1e-9


# a clause that names a campaign only as the occasion of the work after it (结合…专项行动,
# 围绕…专项整治,): not the campaign's figure
_OCCASION = re.compile(r"\s*(?:结合|围绕|按照|对照|根据|依托|借助|借势|以)")
# the field a campaign's name names before 专项 (城镇燃气安全专项整治 -> 燃气)
_CAMPAIGN_FIELD = re.compile(r"([\u4e00-\u9fff]{2})(?:安全|领域|违法|问题)?$")


def _in_campaign(prefix: str, lex: _DeriveLexicon) -> bool:
    """Whether a figure's sentence before it names a special campaign it belongs to (subset
    cues): in the sentence's first clause or in the figure's own, and not as the occasion of
    the year's work (结合…“强基础、转作风、树形象”专项行动,…全年举办…培训班八期)."""
    for m in lex.campaign.finditer(prefix):
        cut = max(prefix.rfind(ch, 0, m.start()) for ch in ",;。") + 1
        if _OCCASION.match(prefix, cut):
            # (the occasion's field named again by the figure's words: 按照…城镇燃气安全专项整治
            # 的统一部署,…立案查处燃气违法案件302件,罚没款73.96万元 are the campaign's)
            field = _CAMPAIGN_FIELD.search(prefix, cut, m.start())
            if field is None or field.group(1) not in prefix[m.end() :]:
                continue
        if (
            cut > 0
            and re.search(r"[,;]", prefix[m.end() :])
            and re.search(r"全年|累计|共(?:开展|组织|办理|发放)", prefix[:cut])
        ):
            continue  # a campaign of a middle clause after the year's total (全年累计开展…47场次,
            # 宪法宣传周期间集中开展8场次,…,发放宣传资料1.2万余份): that clause's, not the
            # figure's in a later one
        return True
    return False


def _lists(t: _Mention, c: _Mention) -> bool:
    """Whether ``t``'s sentence lists ``c`` after ``t``: the same figure with its subject
    (…147件,涵盖行政规范性文件2件、重大执法决定58件… lists 对58件重大执法决定)."""
    after = fold(t.sentence)[t.pos + len(t.raw) :]
    raw, subject = fold(c.raw), fold(c.subject)
    # a bare review count (全年法制审核27件) names its kind in its sentence (重大执法决定一律经法制审核)
    bare = _BARE_REVIEW.fullmatch(subject) is not None
    k = after.find(raw)
    while k >= 0:
        window = after[max(0, k - 12) : k + len(raw) + 12]
        if (k == 0 or not (after[k - 1].isdigit() or after[k - 1] == ".")) and (
            subject in window
            or (bare and any(w in window and w in fold(c.sentence) for w in _REVIEWED_KINDS))
        ):
            return True
        k = after.find(raw, k + 1)
    return False


# kinds of things a legal review counts, named beside a listed figure and in a bare count's sentence
_REVIEWED_KINDS = ("执法决定", "合同", "协议", "规范性文件", "决策")


def _approx_restated(a: _Mention, b: _Mention) -> bool:
    """Whether ``a``, an approximate figure of the report's opening (1400余件, 约1400件,
    近1400件, above its first heading), restates ``b``, an exact one of the same indicator in
    the report's body (1,426件): ``b`` lies in the range ``a`` names, to the precision it is
    written with (1400余: 1400 up to 1500)."""
    if (
        a.unit != b.unit
        or not a.intro  # (the opening's summary of what the report states below)
        or b.intro
        or not _APPROX_RAW.search(a.raw)
        or _APPROX_RAW.search(b.raw)
    ):
        return False
    m = re.search(r"\d[\d,]*(?:\.\d+)?", a.raw)
    if m is not None:
        unit = _last_digit_unit(a)
        if unit is None:
            return False
        written = m.group(0).replace(",", "")
        if "." not in written:
            unit *= 10 ** (len(written) - len(written.rstrip("0")))  # 1400余: to the hundred
    elif a.value > 0 and float(a.value).is_integer():
        # in Chinese numerals (一千一百余件, 七十余万元): to its last named place
        written = str(int(a.value))
        unit = 10.0 ** (len(written) - len(written.rstrip("0")))
    else:
        return False
    if _FLOOR_RAW.search(a.raw):
        return a.value <= b.value < a.value + unit
    if "近" in a.raw:
        return a.value - unit < b.value <= a.value
    return abs(b.value - a.value) <= unit / 2


def _digits(raw: str) -> int:
    """How many digits a figure is written with (its precision): 1,842.57万元 -> 6."""
    return sum(ch.isdigit() for ch in raw)


def _close(a: float, b: float) -> bool:
    """Equal up to the rounding of a figure written in 万 (0.1 %)."""
    return abs(a - b) <= max(1e-6, 1e-3 * abs(a))


# a count of penalty decisions made: an outcome of the cases filed
_DECIDED = re.compile(r"作出[^,;。、]{0,6}(?:行政)?处罚决定")


# a page's summary field above the report (内容摘要:, 摘要:, 内容提要:)
_SUMMARY_BOX = re.compile(r"\s*(?:内容)?(?:摘要|提要)\s*:")
# a sentence whose subject is the report's author in person (本人带头…, 我本人…)
_BY_THE_HEAD = re.compile(r"\s*(?:我)?本人")
# ... unless it speaks of the whole bureau's work (本人带领全局执法人员…全年全局共立案查处…)
_FOR_THE_BUREAU = re.compile(r"带领|全局|我局|本局|全系统|全体")
# a count of off-site (非现场) enforcement's cases before a figure in its sentence (…非现场执法
# 系统采集违法线索1506条,经人工审核转立案查处392件,罚款12.64万元): the figure is those cases'
# bodies that act in their own name (乡镇(街道)以自身名义办理…): their figures are theirs
_OWN_NAME = re.compile(r"以(?:其|各自|自身|自己|本级)?的?名义")
# ... handling cases in that name (以自身名义办理…, 以自身名义作出行政处罚决定…)
_OWN_NAME_HANDLED = re.compile(r"(?:依法)?(?:共|全年)?(?:办理|查处|立案|作出|受理)")
_AUTHOR_NAMED = re.compile(
    r"我局|本局|我委|本委|我厅|本厅|我队|本队|(?<![\u4e00-\u9fff])[市县区]局|局本级|局机关"
)


def _others_own_name(prefix: str) -> bool:
    """Whether a figure's sentence before it says, with no ; between, that others act in their
    own name (乡镇(街道)以自身名义办理…1,809件,罚没款…), not the author (我局以自身名义…)."""
    last = None
    for hit in _OWN_NAME.finditer(prefix):
        last = hit
    if last is None or ";" in prefix[last.end() :]:
        return False
    if _OWN_NAME_HANDLED.match(prefix, last.end()) is None:
        return False  # (全区各行政执法单位均以自身名义依法实施行政执法,…: no one's figures)
    clause = prefix[prefix.rfind(";", 0, last.start()) + 1 : last.start()]
    return _AUTHOR_NAMED.search(clause) is None


# a breakdown after a figure naming the part the hotline sent on (,其中来源于12345热线转派的248件)
_FROM_HOTLINE_PART = re.compile(
    r"\s*[,;(]?\s*其中[^,;。()]{0,12}?(?:来源于|来自|源自|由|经|系)[^,;。()]{0,8}?(?:123\d\d|热线)"
    r"[^,;。()]{0,12}?(?:转派|转办|转交|转来|派发|交办|派单)"
)
# a subject that names the hotline (12345热线工单, 市民服务热线工单)
_HOTLINE_NAMED = re.compile(r"123\d\d|热线|工单")
# the counties' own bodies named in a breakdown (东至县、石台县、青阳县、贵池区农业综合行政执法大队…,
# 各县(市、区)城管执法部门…): not the author's branches
_COUNTY_BODIES = re.compile(
    r"(?:[\u4e00-\u9fff]{1,4}[县区市旗](?:、|和|及)){1,}[\u4e00-\u9fff]{1,4}[县区市旗][^,;。]{0,16}"
    r"(?:大队|支队|中队|局|部门|所)"
    r"|(?:各|\d+个)(?:县|区县|县区|旗县)(?:\(市、?区\))?[^,;。]{0,16}(?:大队|支队|中队|局|部门|所)"
)
# a whole area's or a system's figure (全市…, …系统…)
_WHOLE_OR_SYSTEM = re.compile(rf"{_WHOLE}|系统")


def _with_counties_part(t: _Mention) -> bool:
    """Whether a whole area's figure is broken down, in its sentence or in a next one opening
    with 其中, into the author's own level and the counties' own bodies (全市…立案查处…326件,罚没款
    合计186.47万元。其中,市…支队本级查处61件,…;东至县、石台县…大队共立案查处265件…)."""
    if _WHOLE_OR_SYSTEM.search(t.prefix) is None:
        return False
    first, _, rest = t.follows.partition("。")
    breakdown = first
    if _SUBSET_OPENER.match(rest):
        breakdown += "。" + rest.split("。")[0]
    k = breakdown.find("本级")
    return k >= 0 and _COUNTY_BODIES.search(breakdown, k) is not None


# other bodies named between the own level and a figure (…本级办理…,乡镇(街道)…罚没款)
_OTHER_BODIES = re.compile(r"乡镇|街道|镇街|街镇|分局|支队|大队|中队|[县区市]|部门|单位")
# the author's branches named in a breakdown (两个分局办理…, 各执法大队办理…)
_BRANCH_ITEM = re.compile(r"分局|支队|大队|中队")
_OFF_SITE_COUNT = re.compile(r"[^,;。(]*非现场[^。;]*?\d[\d,.]*万?(?:件|起|宗)[^。;]*$")


def _combine_mentions(
    cands: list[_Mention], groups: tuple[frozenset[str], ...], lex: _DeriveLexicon, own: str = ""
) -> list[_Mention]:
    """The mentions whose values add up to the indicator (steps 1-8 of derive_indicators)."""
    # 1. unit family: the first family (or group of families joined by +) of the rule's
    # list that the report uses
    present = {c.family for c in cands}
    for group in groups:
        if group & present:
            cands = [c for c in cands if c.family in group]
            break
    # 1b. a total of all enforcement acts (共办理行政执法案件1616.85万宗) is wider than the
    # indicator when a part of it, opened by 其中 after it in its paragraph, is named for the
    # indicator (其中,行政处罚137.07万宗): the part is the figure
    broad = [
        t
        for t in cands
        if lex.broad.search(fold(t.subject))
        and any(
            c.para == t.para
            and c.start > t.start
            and lex.named.search(fold(c.subject))
            and not lex.broad.search(fold(c.subject))
            and (
                (c.sent == t.sent and c.opener > t.pos)
                or (c.sent != t.sent and _SUBSET_OPENER.match(c.sentence) is not None)
            )
            for c in cands
        )
    ]
    if broad:
        cands = [c for c in cands if c not in broad]
    # 1c. a whole area that is not the author's (全市… in a district's report that speaks of
    # 全区) is a superior's: its figures give way to the author's own (see step 9)
    if own:
        cands = [c for c in cands if _whole_of(c) in ("", own)] or cands
    # 1d. the author's own level (本厅本级…) beside the figures of its whole system: a part;
    # beside its branches' (局本级…;各区分局…) it is the other part, added. A whole is larger
    # than its part: with no larger figure beside it (the system's figures set aside, only the
    # cases closed left: 局本级…办理…3,401件…;已结案3,328件) the own level's stands
    if not any(_BRANCHES.match(c.prefix) for c in cands):
        levels = [_OWN_LEVEL.match(c.prefix) is not None for c in cands]
        top = max((c.value for c, lv in zip(cands, levels, strict=True) if not lv), default=None)
        cands = [
            c
            for c, lv in zip(cands, levels, strict=True)
            if not lv or (top is not None and top <= c.value)
        ] or cands
    # 1e. the author's own level named in its figure's clause (全年支队本级共立案查处…2,718件)
    # beside the bodies it guides (对…4个区县执法大队加强业务指导,上述大队全年共查处案件1,042件):
    # theirs are not the author's
    if any(_OWN_LEVEL_NAMED.search(c.clause) for c in cands):
        cands = [c for c in cands if not _GUIDED_BODIES.search(c.clause)] or cands
    # ... and a sentence opening with the counties' own departments: never the author's own
    cands = [c for c in cands if not _counties_own(c.prefix)] or cands
    keep = list(cands)

    def drop_if_rest(flag: list[bool]) -> None:
        nonlocal keep
        rest = [c for c, f in zip(keep, flag, strict=True) if not f]
        if rest:
            keep = rest

    # 1f. a figure the report says it does not count (区公安分局…治安管理处罚案件1.27万件,未纳入上表
    # 统计), and a share of a total of the indicator's (…办理案件3482件,占全区总数的80.6%, beside
    # a larger figure; not 以非现场执法方式办理案件684件,占全局立案总数的21.9%, the only count)
    top_value = max((c.value for c in keep), default=0.0)
    drop_if_rest(
        [
            _NOT_COUNTED.match(f_after := fold(c.sentence)[c.pos + len(c.raw) :]) is not None
            or _NONE_COUNTED_AFTER.search(f_after) is not None
            or (_SHARE_AFTER.match(f_after) is not None and c.value < top_value)
            for c in keep
        ]
    )
    # 1g. another body's event that the author sent people to (市司法局全年举办全市行政执法人员
    # 轮训3期、2,400余人次,我局按要求分批选派执法骨干参训; 选派…参加区司法局举办的…培训班,参训11人次):
    # not the author's
    drop_if_rest(
        [
            (
                _OTHER_ORGANISER.match(fold(c.sentence)) is not None
                and _SENT_TO.search(fold(c.sentence), c.pos + len(c.raw)) is not None
            )
            or _SENT_TO_OTHERS.search(c.prefix) is not None
            for c in keep
        ]
    )
    # 1h. the head's own act in a report of the head's duties (本人带头…开展“法律进商户”宣讲1次)
    # beside the bureau's figures: the head acts as the bureau, so it is among them
    drop_if_rest(
        [
            _BY_THE_HEAD.match(sent := fold(c.sentence)) is not None
            and _FOR_THE_BUREAU.search(sent) is None
            for c in keep
        ]
    )
    # 1i. a portal's summary of the report above its text (内容摘要:…罚没款52万余元) restates it
    drop_if_rest([_SUMMARY_BOX.match(c.para_opening) is not None for c in keep])
    # 1j. the fines of the off-site cases, after their count (…转立案查处392件,罚款12.64万元),
    # beside a larger fine: a part of the year's
    drop_if_rest(
        [
            c.family == "money"
            # (off-site work is what the sentence opens with: not 全年…1426件,其中非现场…392件,罚没款…)
            and _OFF_SITE_COUNT.match(c.prefix) is not None
            and any(o.value > c.value and not o.period and o.sent != c.sent for o in keep)
            for c in keep
        ]
    )
    # 1k. a whole system's figure broken down into the author's own level and bodies that act in
    # their own name (…共办理行政处罚案件3155件,罚没款1046.37万元;其中我局本级办理1346件、罚没款
    # 612.85万元,乡镇(街道)以自身名义办理1809件…): the others' figures are not the author's, so
    # its own level's is the figure; the system's total, its restatements and the others' go
    # (the own level's item: 本级 before the figure with no comma between, 、 joining its figures;
    # the system: its clause names a 系统, not all bodies of an area, which a government's are)
    own_level = [
        c
        for c in keep
        if (k := c.prefix.rfind("本级")) >= 0
        and not _OWN_NAME.search(c.prefix, k)
        and not re.search(r";|其中", seg := re.sub(r"\([^()]*\)", "", c.prefix[k:]))
        # (its clause, or for its fines the clauses after its cases: …本级办理行政处罚案件1184件,
        # 同比增长8.3%,罚没款523.68万元, with no other body between)
        and (
            not _TEXT_COMMA.search(seg)
            or (c.family == "money" and _OTHER_BODIES.search(seg) is None)
        )
        # (the first of its kind after 本级: not its own 其中 part, 1346件(其中…860件))
        and not any(o.sent == c.sent and k < o.pos < c.pos for o in keep)
    ]
    whole = [
        t
        for t in keep
        if t not in own_level
        and (
            (
                _WHOLE_OR_SYSTEM.search(t.prefix) is not None
                # (not a government's total of all its bodies: 全县各级行政执法机关共办理…)
                and _ALL_ORGANS.search(t.prefix) is None
                and "本级" in (follows := t.follows.split("。")[0])
                and _OWN_NAME.search(follows) is not None
                # (a system's, or an area's broken into a body's own level, 区局本级: not a
                # government's county level, 县本级, beside its towns)
                and ("系统" in t.prefix or _BODY_OWN_LEVEL.search(follows) is not None)
            )
            or _with_counties_part(t)
        )
        and any(c.value < t.value for c in own_level)
    ]
    # ... and a whole area's figure broken down into the own level and the counties' own bodies
    # (全市…罚没款合计186.47万元。其中,市…支队本级…罚没款42.38万元…;东至县…大队共…罚没款144.09万元):
    # the whole and the counties' parts are not the author's; the own level's figures stand
    if any(_with_counties_part(t) for t in keep):
        drop_if_rest(
            [
                _with_counties_part(c)
                or _COUNTY_BODIES.match(c.prefix[c.prefix.rfind(";") + 1 :]) is not None
                for c in keep
            ]
        )
    if whole and own_level:
        # the own level's figure, with its branches' in the breakdown (…市局本级办理2013件,两个分局
        # 办理3120件,乡镇(街道)以自身名义办理…), is the author's total: it rules the rest as the
        # system's did (a field's fine elsewhere is inside it)
        sents = {t.sent for t in whole}
        own_level += [
            c
            for c in keep
            if c.sent in sents
            and c not in own_level
            and c not in whole
            and _BRANCH_ITEM.search(c.prefix[c.prefix.rfind(",") + 1 :]) is not None
            and not _OWN_NAME.search(c.prefix[c.prefix.rfind(",") + 1 :])
            and not _COUNTY_BODIES.search(c.prefix[c.prefix.rfind(";") + 1 :])
        ]
        out: list[_Mention] = []
        for c in own_level:  # each stated once (the opening's figure restated in the text)
            if not any(_restated(o, c) or o.value == c.value for o in out):
                out.append(c)
        return out
    # 1l. a system's figure that names, in brackets, the other bodies it takes in (全市城管执法系统
    # (含凌海市、北镇市…城市管理部门)共立案查处4,067起,罚没款486.15万元), after the author's own
    # smaller figure of the indicator: the others' share is not the author's
    drop_if_rest(
        [
            (
                _SYSTEM_WITH_OTHERS.search(c.prefix) is not None
                # ... or a system's figure after the paragraph said the author's figures leave
                # the counties' out (注:表中数据为局本级…,不含各县(市)、区城市管理部门办理的案件。
                # 经汇总,…全市城管系统…罚没款合计1,268.4万元)
                or (
                    _WHOLE_SYSTEM.search(c.prefix) is not None
                    and _COUNTIES_LEFT_OUT.search(c.in_para) is not None
                )
            )
            and any(o.start < c.start and o.value < c.value for o in keep)
            for c in keep
        ]
    )
    # 1m. a figure in a clause chain about bodies that act in their own name (乡镇(街道)以自身名义
    # 办理行政处罚案件1,809件,罚没款98.2万元): theirs, not the author's (我局以自身名义…: its own)
    drop_if_rest([_others_own_name(c.prefix) for c in keep])
    # 1n. the complaints another channel received, some of them sent on by the hotline
    # (卫生监督所受理投诉举报356件,其中来源于12345热线转派的248件), beside the hotline's work orders
    # stated in another sentence: the two overlap, and the hotline's orders are the figure
    drop_if_rest(
        [
            _FROM_HOTLINE_PART.match(c.follows) is not None
            and _HOTLINE_NAMED.search(fold(c.subject)) is None
            and any(
                o.sent != c.sent and _HOTLINE_NAMED.search(fold(o.subject)) is not None
                for o in keep
            )
            for c in keep
        ]
    )
    # 2. subsets: 其中/包括 opens the clause, or opens an earlier clause after a mention of
    # the same indicator in the same sentence (其中继续有效1件,失效8件,废止6件)
    first_pos: dict[object, int] = {}
    for c in cands:
        first_pos.setdefault(c.sent, c.pos)
    subset = [
        _SUBSET_OPENER.match(c.clause) is not None
        or (c.opener >= 0 and first_pos[c.sent] < c.opener)
        # a figure said to be counted in the year's total (…罚款1,038,700元,已全部计入全年罚没款),
        # the last of the indicator's figures before the remark (…13期,…另行安排岗前培训2期、
        # 96人次(已计入上述总数): the 2期, not the 13期)
        or _counted_in(c, cands)
        # ... or, in its own clause, to be included (…岗前集中培训2期、146人次也包含在内)
        or _INCLUDED_AFTER.match(fold(c.sentence), c.pos + len(c.raw)) is not None
        # a figure in brackets right after another of the indicator: its breakdown
        # (受理投诉举报8,372件(投诉6,915件、举报1,457件))
        or _in_brackets_after(c, cands)
        # the share of an earlier figure of its sentence that some kinds take (承办…工单3.27万件,
        # 噪音扰民、占道经营两类诉求占1.41万件)
        or (_SHARE_OF.search(c.prefix) is not None and first_pos[c.sent] < c.pos)
        # a sentence opened by 其中 breaks down the total of the sentence before it, also a
        # larger one a line or two before (a page that sets each sentence on its own line)
        or (
            _SUBSET_OPENER.match(c.sentence) is not None
            and any(
                (
                    d.para == c.para
                    or (_paras_before(d.para, c.para) and d.value > c.value and not d.period)
                )
                and d.start < c.start
                and d.sent != c.sent
                for d in cands
            )
        )
        for c in keep
    ]
    # ... but the cases opened of the problems a platform received (…共采集上报各类城市管理问题
    # 9368件。其中经核实后立案8214件): the funnel's next stage, which step 4c weighs
    subset = [
        f
        and not (
            lex.opened.search(c.clause) is not None
            and lex.found.search(c.clause) is None
            and any(
                o.para == c.para
                and o.start < c.start
                and o.value >= c.value
                and lex.found.search(o.clause) is not None
                and lex.opened.search(o.clause) is None
                for o in keep
            )
        )
        for c, f in zip(keep, subset, strict=True)
    ]
    if any(subset):
        rest = [c for c, f in zip(keep, subset, strict=True) if not f]
        if rest:
            # a typed part elsewhere that is not larger than the same type's part of the
            # stated total is inside that part (其中一般程序612件; 三个中队共办理一般程序案件112件)
            parts = [c for c, f in zip(keep, subset, strict=True) if f and c.part is not None]
            rest = [
                c
                for c in rest
                if c.part is None or not any(p.part == c.part and c.value <= p.value for p in parts)
            ] or rest
            # a part of the stated total restated elsewhere (重大行政执法决定法制审核58件 under
            # its 其中, then 58件 again under 三项制度) is inside the total as well
            subsets = [c for c, f in zip(keep, subset, strict=True) if f]
            rest = [
                c
                for c in rest
                if not any(
                    p.value == c.value
                    and p.unit == c.unit
                    # the same thing, or a bare review count (审核19件) naming none
                    and (_same_subject(p, c) or _BARE_REVIEW.fullmatch(fold(c.subject)))
                    for p in subsets
                )
            ] or rest
        keep = rest or keep  # only parts stated: they are what the report gives
    # ... and a figure that restates one listed, with its subject, after a larger figure of
    # the indicator in that one's sentence (全年审查各类涉法事项147件,涵盖…重大执法决定58件…;
    # then 对58件重大执法决定全部经法制审核): a part of that total
    listed = [
        c
        for c in keep
        if c.subject
        and any(
            t.sent != c.sent and t.value > c.value and t.unit == c.unit and _lists(t, c)
            for t in keep
        )
    ]
    if listed and len(listed) < len(keep):
        keep = [c for c in keep if c not in listed]
    # ... and a part in the breakdown (其中…) of another indicator's figure (数字城管…受理问题
    # 48,615件,其中…12319热线转入5,214件): a share of that figure, not this indicator's count,
    # when the report states this one elsewhere
    elsewhere = [
        c
        for c in keep
        if c.opener >= 0
        # (or a sentence opened by it: 受理案件中,…12345热线转入6,035件, the figure before)
        and (
            re.search(r"\d", c.prefix[: c.opener]) is not None
            or (c.opener == 0 and _RECEIVED_OPENER.match(c.prefix) is not None)
        )
        # in the list (…39,870件、…), not after it (…件,罚没款…)
        and not re.search(
            r"[;:]|,(?!\d{3})", c.prefix[c.opener + _opener_len(c.prefix, c.opener) :]
        )
        and not any(d.sent == c.sent and d.pos < c.opener for d in cands)
    ]
    if elsewhere and len(elsewhere) < len(keep):
        keep = [c for c in keep if c not in elsewhere]
    # 3. special campaigns; a figure outside any campaign that a campaign's restates with more
    # precision (3.82万件 in a box of key figures, 涉及城管执法的派单38,215件 in the text) is that
    # figure, written more precisely
    campaign = [_in_campaign(c.prefix, lex) for c in keep]
    if any(campaign) and not all(campaign):
        for k, c in enumerate(keep):
            if not campaign[k]:
                continue
            for j, o in enumerate(keep):
                if not campaign[j] and _restated(o, c) and _digits(c.raw) > _digits(o.raw):
                    keep[j], campaign[j] = c, False
                    break
    drop_if_rest(campaign)
    # 3. a field's fines, in a sentence or a clause after ; opened by its field (国土资源领域,查处
    # 违法占地案件58件,…罚没款118.2万元) or in a sentence breaking the work down by kind (从违法
    # 类型看,…罚款48.2万元), beside fines not so opened: a kind of the year's
    field_opened = [
        c.family == "money"
        and (
            _FIELD_OPENING.match(c.prefix[c.prefix.rfind(";") + 1 :]) is not None
            or _BY_KIND_OPENING.match(c.opening) is not None
        )
        for c in keep
    ]
    if (
        any(field_opened)
        and not all(field_opened)
        # (beside a larger figure of the year's: not the fields' fines beside a small other one)
        and max(c.value for c, f in zip(keep, field_opened, strict=True) if not f)
        > max(c.value for c, f in zip(keep, field_opened, strict=True) if f)
    ):
        drop_if_rest(field_opened)
    # 3. a shortfall (专题普法仅4场次, in a problems section) is no figure of the year's work
    drop_if_rest(
        [
            c.prefix.endswith(("仅", "仅有", "只有")) and any(t.value > c.value for t in keep)
            for c in keep
        ]
    )
    # 3a. a total that adds the figures before it in its sentence to others (受理224件,连同上年
    # 结转案件,共办理236件): they are inside it
    drop_if_rest(
        [
            any(
                t.sent == c.sent
                and t.pos > c.pos
                and lex.sums.search(t.clause) is not None
                and _TOGETHER_WITH.search(t.prefix, c.pos) is not None
                for t in keep
            )
            for c in keep
        ]
    )
    # 3b. a total in a paragraph about a period of years (五年来,… 累计清理文件3,860余件)
    drop_if_rest(
        [
            c.period
            and lex.sums.search(c.prefix) is not None
            and not (_YEAR_ANCHOR.match(c.prefix) or _YEAR_ANCHOR.match(c.clause))
            for c in keep
        ]
    )
    # 3a'. a figure of a part of the year (四季度…收缴罚没款524.41万元; 上半年…; 1-6月…) beside
    # a larger one of the whole year (not a total over years): a part of it (a half-year's report
    # keeps its own figures)
    drop_if_rest(
        [
            _PART_OF_YEAR.match(c.prefix) is not None
            and any(
                o.value >= c.value and not o.period and _PART_OF_YEAR.match(o.prefix) is None
                for o in keep
            )
            for c in keep
        ]
    )
    # 4. outcomes (结案) are not intakes (立案), also listed after them (立案…38.7万件、结案…)
    drop_if_rest(
        [
            c.family == "cases"
            and lex.outcome.search(_own_item(c.clause)) is not None
            and lex.intake.search(_own_item(c.clause)) is None
            for c in keep
        ]
    )
    # 4b. applications received give way to the cases accepted from them, stated after them
    # in the same paragraph (收到行政复议申请87件,受理79件)
    accepted = [c for c in keep if lex.accepted.search(c.clause)]
    drop_if_rest(
        [
            lex.application.search(c.clause) is not None
            and lex.accepted.search(c.clause) is None
            and any(a.para == c.para and a.start > c.start and a.value <= c.value for a in accepted)
            for c in keep
        ]
    )

    # 4c. problems found or received (受理各类城市管理问题3.46万件) give way to the cases
    # opened from them later in the sentence (立案3.21万件), and a platform's intake of cases
    # to cases opened anywhere else in the report (…平台受理各类城市管理案件46,315件 beside
    # 通过非现场执法方式立案查处…265件): what was received is not what was opened
    def gives_way(c: _Mention) -> bool:
        if lex.found.search(c.clause) is None or lex.opened.search(c.clause) is not None:
            return False
        platform = c.family == "cases" and _PLATFORM.search(c.prefix) is not None
        return any(
            o.value <= c.value
            and lex.opened.search(o.clause) is not None
            and ((o.sent == c.sent and o.pos > c.pos) or (platform and o.sent != c.sent))
            for o in keep
        )

    drop_if_rest([gives_way(c) for c in keep])
    # 5. the same figure restated counts once, also when restated with another precision
    # (罚没款1,842.6万元 in a list of key figures, 1,842.57万元 in the text) or approximately
    # (1400余件 in the opening, 1,426件 in the text): the most precise statement is kept
    stated = list(keep)  # before restatements count once: a restated total still rules step 6
    once: list[_Mention] = []
    for c in keep:
        k = next(
            (
                k
                for k, o in enumerate(once)
                if _restated(o, c) or _approx_restated(o, c) or _approx_restated(c, o)
            ),
            None,
        )
        if k is None:
            once.append(c)
        elif _digits(c.raw) > _digits(once[k].raw) or (
            # (1400余件 in the opening, 1,426件 in the text: the exact one)
            _APPROX_RAW.search(once[k].raw) and not _APPROX_RAW.search(c.raw)
        ):
            once[k] = c
    keep = once
    # 6. typed parts after a larger figure of another kind in the same sentence
    drop = set()
    for c in keep:
        if c.part is None:
            continue
        for t in stated:
            if t.sent == c.sent and t.pos < c.pos and t.value > c.value and t.part is None:
                between = c.prefix[t.pos + len(t.raw) :]
                if (
                    "、" in between
                    and not any(p in between for p in ",;:()")
                    # a kind of thing (a named group's type: 合同协议18件、重大行政执法决定3件)
                    # beside another, or a part beside a figure that does not sum (共…1,426件、
                    # 简易程序926件 holds the 926)
                    and (c.part[1].isascii() or lex.sums.search(t.clause) is None)
                ):
                    continue  # items of one list: parallel
                drop.add(c.metric_id)
                break
    keep = [c for c in keep if c.metric_id not in drop]
    # 7. a figure equal to the sum of smaller mentions is their total (also of a second
    # breakdown: 罚没款46.83万元,其中罚款41.2万元、没收违法所得5.63万元, and the fields' fines
    # further on, 13.5 + 18.9 + 8.2 + 2.1 + 4.13)
    drop = set()
    for t in sorted(keep, key=lambda c: -c.value):
        if t.metric_id in drop:
            continue
        found = True
        while found:
            found = False
            live = [c for c in keep if c is not t and c.metric_id not in drop and c.value < t.value]
            for scope in (
                [c for c in live if c.sent == t.sent and c.pos > t.pos],
                [c for c in live if c.para == t.para],
                live,
            ):
                if len(scope) >= 2 and _close(t.value, sum(c.value for c in scope)):
                    drop.update(c.metric_id for c in scope)
                    found = True
                    break
        # ... also when steps above set some of the parts aside (a campaign's, a subset's):
        # the figures of other sentences that, all counted, add up to it are its parts
        parts = [
            c
            for c in cands
            if c is not t and c.value < t.value and c.sent != t.sent and c.opener < 0
        ]  # (not a 其中 part of another figure: that one's breakdown, counted in it)
        if len(parts) >= 2 and _close(t.value, sum(c.value for c in parts)):
            drop.update(c.metric_id for c in parts)
    keep = [c for c in keep if c.metric_id not in drop]
    # 8. a stated total rules the later sentences of its paragraph
    drop = set()
    total: dict[object, _Mention] = {}  # paragraph -> largest cued total so far
    for c in keep:  # text order
        t = total.get(c.para)
        # (not an item of a list after its colon: 全年共审查:行政规范性文件4件、…合同协议118份)
        own_cue = lex.total.search(c.prefix) is not None and not _colon_list_item(c)
        if (
            t is not None
            and t.sent != c.sent
            and c.value < t.value
            and not own_cue
            # the complementary type of the total is not inside it (一般程序 after 简易程序),
            # the same type is (罚款 of one field after the year's 共计罚款)
            and not (
                c.part is not None
                and t.part is not None
                and c.part[0] == t.part[0]
                and c.part[1] != t.part[1]
            )
        ):
            drop.add(c.metric_id)
            continue
        if own_cue and (t is None or c.value > t.value):
            total[c.para] = c
    keep = [c for c in keep if c.metric_id not in drop]
    # 9. a whole jurisdiction's total (全市…共办理行政处罚案件6.87万件) holds the author's own
    # share (我局…作出行政处罚4件): the author's smaller figure is not added
    if len(keep) > 1:
        top = max(keep, key=lambda c: c.value)
        if _whole_of(top) and (not own or _whole_of(top) == own):
            # a total of all its bodies (全区各行政执法机关共办理…8,946件) holds every smaller
            # figure, the author's own named or not (对违法违规的律师事务所…作出行政处罚3件)
            every = _ALL_BODIES.search(top.prefix) is not None and lex.sums.search(top.prefix)
            keep = [
                c
                for c in keep
                if c is top
                or not ((every or _AUTHOR_SELF.search(c.prefix)) and c.value < top.value)
            ]
    # 10. a grand total, with a total cue in its own clause (共计罚款186.42万元), rules the sums
    # of other paragraphs that have none in theirs (a field's 罚款18.6万元); a count needs a
    # cue that adds up (共, 合计 …: 全年开展合法性审查和法制审核共131件), as 全年 alone may
    # state one kind among others (全年法制审核重大执法决定156件, then 合同协议38份)
    if len(keep) > 1:
        top = max(keep, key=lambda c: c.value)

        def grand_money(t: _Mention) -> bool:
            return (
                lex.total.search(t.clause) is not None
                # the year's figures listed after the sentence's opening cue
                # (全年全区…共办理行政处罚案件38,652件,罚没款6843.27万元)
                or lex.total.search(_opening(t.prefix)) is not None
                # ... or its paragraph's, when it adds up (全年共办理行政处罚案件1162件。收缴罚没款
                # 186.42万元; not 全年开展市容整治56次。…罚款45.6万元, a field's)
                or lex.sums.search(t.para_opening) is not None
                or (lex.total.search(t.para_opening) is not None and "罚没" in t.clause)
                # ... or it is the year's 罚没款 (fines and confiscations) beside the fines of
                # joint actions and campaigns only (会同公安交警开展联合执法…罚款41.3万元)
                or (
                    "罚没" in t.clause
                    and all(
                        "罚没" not in c.clause and _JOINT_ACTION.search(c.sentence) is not None
                        for c in keep
                        if c is not top
                    )
                )
            )

        # the total is one statement of the figure; a restatement of it may be the one that says
        # it is the year's (a board's 收缴罚没款23.74万元, and the body's paragraph opened by
        # 全年共办理行政处罚案件412件 that restates it)
        grand = top.family == "money" and any(
            grand_money(t) for t in stated if t is top or _restated(t, top)
        )
        # a count that adds up kinds it names (合法性审查和法制审核共131件; 文件和合同协议;
        # 住建、城管领域全年合计办理…2,186件)
        kinds_total = (
            lex.sums.search(top.clause) is not None and _KINDS_JOINED.search(top.clause) is not None
        )
        grand = grand or kinds_total
        # the year's count of all kinds of a thing (全年共…发放各类宣传资料1.6万余份) holds a
        # kind of that thing elsewhere (森林防火宣传资料8000份), not another thing (各类合同协议
        # beside 重大执法决定; 各类合同开展合法性审查, where 各类 is one kind's)
        all_kinds = (
            not grand
            and bool(top.subject)
            and f"各类{top.subject}" in top.clause
            and (
                lex.total.search(top.clause) is not None
                or lex.total.search(_opening(top.prefix)) is not None
            )
        )
        # the year's count after the sentence's opening cue (全年全市…办理行政处罚案件326件)
        # holds a field's bare 查处案件39件 elsewhere: a count naming no kind of its own
        year_count = (
            not grand
            and top.family == "cases"
            and lex.total.search(_opening(top.prefix)) is not None
        )
        # ... and when it says it counts every kind (全年立案处罚各类违法行为1436起), also a field's
        # count naming its kind elsewhere (立案处罚垃圾分类违法行为412起)
        every_kind = year_count and _EVERY_KIND_OF_CASE.search(top.clause) is not None
        # ... and the year's count of every kind of legal affair (全年审核各类法律事务164件, 各类
        # 涉法事项) holds every other kind its indicator counts elsewhere (重大执法决定法制审核100件)
        # (not the last item of a list: …合同协议18件、各类涉法事项41件)
        umbrella = (
            all_kinds
            and _UMBRELLA_AFFAIRS.fullmatch(top.subject) is not None
            and re.search(r"\d", top.clause) is None
        )
        if grand or year_count or all_kinds:
            # another total is no part, but one kind's figure of the year (城市管理领域全年办理
            # 行政处罚案件1,972件) is a part of a total adding kinds up, when it is of a kind the
            # total names (城管 of 住建、城管领域; not 执法决定 beside 决策、文件和合同协议)
            other_total = lex.sums if kinds_total else lex.total
            kinds = _kinds_named(top.clause) if kinds_total else ()

            def held(c: _Mention) -> bool:  # inside the total: not added to it
                if c is top or c.para == top.para:
                    return False
                if umbrella:
                    return _UMBRELLA_AFFAIRS.fullmatch(c.subject) is None
                if other_total.search(c.clause) is not None and not (
                    # (a field's year, 全年燃气领域立案查处…163件, is a kind of every kind's)
                    every_kind and _FIELD_OF.search(c.clause)
                ):
                    return False
                if kinds_total and lex.total.search(c.clause) is not None:
                    return any(_names_kind(k, c.clause) for k in kinds)
                return (
                    grand
                    or (year_count and (every_kind or _names_no_kind(fold(c.subject))))
                    # a kind of the thing: its name ends as the total's does (民法典进工地宣传活动,
                    # 法律进客运站活动 in 各类普法宣传活动)
                    or (all_kinds and c.subject.endswith(top.subject[-2:]))
                )

            keep = [c for c in keep if not held(c)]
    return keep


# measure words of kinds of things: N项合计 adds up the items named before it
_KIND_UNITS = ("项", "类", "种")
# the rest of a figure's clause saying it is included in a figure stated before
_INCLUDED_AFTER = re.compile(
    r"[^。;,]{0,20}?(?<![不未没非包统有])(?:(?:也|均|亦|已|都)(?![不未没非]))?(?:包含|包括|含|计|统计)在内"
)
# a run-in heading at a paragraph's start: words without a figure or a line break, to 。 or :
_PARA_RUN_IN = re.compile(r"[^\d\n。:]{2,38}[。:]")
# legal affairs of every kind, which a legal review's indicator counts all of
_UMBRELLA_AFFAIRS = re.compile(r"(?:法律|涉法)(?:事务|事项)")
# a sentence or clause opened by the field it is about (国土资源领域,…; 生活垃圾分类方面,…)
_FIELD_OPENING = re.compile(r"\s*(?:在)?[\u4e00-\u9fff、]{2,12}(?:领域|方面)\s*[,:]")
# ... or a sentence that breaks the year's work down by kind (从违法类型看,…; 分领域看,…)
_BY_KIND_OPENING = re.compile(r"\s*(?:从|按|分)[\u4e00-\u9fff]{1,8}(?:看|来看|分)\s*[,:]")
# a field named as the figure's scope (燃气领域, 市容环境卫生领域)
_FIELD_OF = re.compile(r"[\u4e00-\u9fff]{2,8}领域")
# a count of cases of every kind (全年立案处罚各类违法行为1436起, 各类案件), not of kinds of documents
_EVERY_KIND_OF_CASE = re.compile(r"各类(?:[^,;。]{0,4})?(?:违法|违规|案件)")
# a sentence about a part of the year: a quarter, a half, some months (not 1-12月, the year)
_PART_OF_YEAR = re.compile(
    r"\s*(?:(?:19|20)\d\d年度?)?\s*(?:第?[一二三四1-4]季度|前三季度|[上下]半年"
    r"|(?!1\s*[-—~至]\s*12月)\d{1,2}\s*(?:[-—~至]\s*\d{1,2})?月份?(?![\d日])"
    r"|[一二三四五六七八九十]{1,2}月份?(?!日))"
)
# 占 right before a figure: the share of a figure before it that some kinds take
_SHARE_OF = re.compile(r"(?<![独])占(?:了|到)?\s*$")
# what a figure's sentence says after it when the figure is inside a total stated elsewhere
_COUNTED_IN = re.compile(
    r"(?:计入|纳入|包含在|包括在|含在|统计在)了?[^。;,]{0,8}?"
    r"(?:总数|总额|总量|合计|罚没款|统计数据?|(?:上述|以上)[^。;,]{0,4}(?:数|中|内)|本报告[^。;,]{0,4}数据?)"
    r"(?:之?[中内])?\)?\s*(?:[,。;]|$)"  # (also in brackets: …96人次(已计入上述总数);)
)


_ALL_OF_THEM = re.compile(r"均|都|全部|一并")
_TOTAL_OPENING = re.compile(r"全年|共|累计|合计|总计")


def _counted_in(c: _Mention, cands: list[_Mention]) -> bool:
    """Whether the sentence says after ``c`` that it is counted in a total stated elsewhere,
    with no other figure of the indicator between ``c`` and that remark."""
    sentence = fold(c.sentence)
    m = _COUNTED_IN.search(sentence, c.pos + len(c.raw))
    if m is None:
        return False
    same = [d for d in cands if d is not c and d.sent == c.sent]
    if _ALL_OF_THEM.search(sentence, max(0, m.start() - 4), m.start()):
        # 均已计入: every figure of the indicator before the remark (另举办岗前培训2期、专题培训3期,
        # 均已计入上述总数), but a total that opens the sentence (全年举办培训班13期,…,另…2期、…3期,
        # 均已计入…)
        first = not any(d.pos < c.pos for d in same)
        return not (first and same and _TOTAL_OPENING.search(sentence, 0, c.pos))
    return not any(c.pos < d.pos < m.start() for d in same)


def _kinds_named(clause: str) -> tuple[str, ...]:
    """The two-character cores of the kinds a clause joins (住建、城管 -> 住建, 城管;
    决策、规范性文件和合同协议 -> 决策, 规范, 文件, 合同)."""
    out: list[str] = []
    for m in _KINDS_JOINED.finditer(clause):
        out += [m.group(0)[:2], m.group(0)[-2:]]
    return tuple(dict.fromkeys(out))


def _names_kind(core: str, clause: str) -> bool:
    """Whether a clause names a kind by its two-character core, written out or shortened
    (城管 in 城市管理领域: its second character within three after the first)."""
    for i, ch in enumerate(clause):
        if ch == core[0] and core[1] in clause[i + 1 : i + 4]:
            return True
    return False


def _paras_before(a: object, b: object) -> bool:
    """Whether paragraph ``a`` comes one or two before paragraph ``b`` (indices from the text)."""
    return type(a) is int and type(b) is int and b - 2 <= a < b


_NO_KIND_VIOLATIONS = re.compile(r"违[法规](?:违规)?(?:案件|行为)")


def _names_no_kind(subject: str) -> bool:
    """A count of cases that names no kind of its own (案件, 涉及我局的案件, 违法违规案件)."""
    return bool(_GENERIC_CASES.fullmatch(subject) or _NO_KIND_VIOLATIONS.fullmatch(subject))


def _own_item(clause: str) -> str:
    """The clause's own item when 、 lists figures (立案…38.7万件、结案 -> 结案); the whole
    clause when 、 lists words (受理、办结; 办结行政处罚、行政强制案件)."""
    head, sep, item = clause.rpartition("、")
    return item if sep and _COUNTED.search(head.rsplit("、", 1)[-1]) else clause


_COUNTED = re.compile(r"[\d零〇一二两三四五六七八九十百千万]\s*[余多]?\s*[件起宗个项次人户家条份]")


def _colon_list_item(c: _Mention) -> bool:
    """Whether a figure is an item of a 、 list after a colon (全年共审查:行政规范性文件4件、局其他
    文件31件、合同协议118份): the cue before the colon is the list's, not the item's."""
    k = c.prefix.rfind(":")
    if k < 0:
        return False
    before = c.prefix[k + 1 :]
    if "," in before or ";" in before or _TOTAL_OPENING.search(before):
        return False  # (a cue of its own after the colon: 成效明显:共开展…86场次、发放…)
    after = fold(c.sentence)[c.pos + len(c.raw) :]
    return "、" in before or re.match(r"(?:\([^()]*\))?、", after) is not None


def _before_subset(f: str, s_lo: int, s_hi: int, end: int) -> str:
    """The sentence without a 其中 clause after the figure (…共办理行政处罚案件8,946件,
    其中通过非现场执法方式办理2,315件: the cue of the subset is not the total's)."""
    k = f.find("其中", end, s_hi)
    return f[s_lo : k if k >= 0 else s_hi].replace("\n", "")


# a figure's subject that names no thing, only a step of handling (立案46,932件, 结案45,107件):
# what it counts is named before, in a sentence that semicolons chain to it
_BARE_PROCESS = re.compile(r"(?:共|全年|累计)?(?:立案|结案|办结|处置|派遣|受理|核查|结案立案)")


# a platform's own things counted (采集上报各类城市管理问题, 经核实后立案, 部件): what counted them
# is named earlier in the paragraph (建设数字化城市管理监督指挥中心…;平台运行以来…) — not cases, nor
# complaints, which other bodies count too
_PLATFORM_THING = re.compile(
    r"^(?![^\n]*(?:案件|投诉|举报|诉求|信访|热线|工单))[^\n]*(?:立案|结案|事件|问题|部件)$"
)


def _context_start(f: str, s_lo: int, subject: str) -> int:
    """Where a fallback row's sentence cue may be looked for, for the figure of the sentence
    at ``s_lo`` with ``subject`` (folded): a platform's thing, from its paragraph's start; a bare
    step of handling (立案, 结案), from the sentences semicolons chain to it; else ``s_lo``."""
    if _PLATFORM_THING.match(subject):
        return f.rfind("\n", 0, s_lo) + 1
    if _BARE_PROCESS.fullmatch(subject):
        return _chain_start(f, s_lo)
    return s_lo


def _chain_start(f: str, s_lo: int) -> int:
    """Where the sentences that semicolons chain up to the one at ``s_lo`` begin (…指挥中心全年
    受理各类城市管理问题48,615件,其中…;立案46,932件: the cue of the platform reaches 立案):
    ``s_lo`` when the sentence before ends otherwise."""
    k = s_lo
    while k > 0 and f[k - 1] in " \t":
        k -= 1
    if k == 0 or f[k - 1] != ";":
        return s_lo
    stop = max(f.rfind(ch, 0, k - 1) for ch in "。!?\n")
    return stop + 1


_RUN_IN_HEAD = re.compile(r"[^,;。:]{1,20}:")


# the time a sentence opens with: 2024年1-6月, / 上半年, / 2023年度, (its words come after it)
_TIME_OPENING = re.compile(
    r"\s*(?:(?:19|20)\d\d年度?)?\s*(?:\d{1,2}\s*[-—~至]\s*\d{1,2}月(?:份)?|[上下]半年|前三季度)?\s*,"
)


def _opening(prefix: str) -> str:
    """The first words of a sentence, and after a run-in heading closed by a colon its first
    words too ((二)普法宣传:全年共开展… opens with 全年共开展; 全年共计罚没:罚没款… with 全年),
    and after the time it opens with (2024年1-6月,全局共办理… opens with 全局共办理)."""
    m = _RUN_IN_HEAD.match(prefix)
    out = prefix[:8] + "\n" + prefix[m.end() : m.end() + 8] if m else prefix[:8]
    t = _TIME_OPENING.match(prefix)
    if t is not None and t.end() > 1:
        out += "\n" + prefix[t.end() : t.end() + 8]
    return out


def _in_brackets_after(c: _Mention, cands: list[_Mention]) -> bool:
    """Whether a mention stands in brackets that open right after another mention of the same
    indicator in its sentence (8,372件(投诉6,915件、举报1,457件)): a part of that figure, when
    smaller and not said to be more (另…) or to be the whole (占…总数)."""
    head = c.sentence[: c.pos]
    at = max(head.rfind("("), head.rfind("（"))
    if at < 0 or max(head.rfind(")"), head.rfind("）")) > at:
        return False
    if _NOT_A_BREAKDOWN.match(head, at + 1):
        return False
    before = head[:at].rstrip()
    return any(
        d is not c
        and d.sent == c.sent
        and d.pos < at
        and before.endswith(d.raw)
        and c.value < d.value
        for d in cands
    )


# what a bracket after a figure opens with when it holds no part of it: another amount (另没收
# 违法所得5万元), a share of a whole (占全年…总数的), a comparison (较上年, 同比)
_NOT_A_BREAKDOWN = re.compile(r"\s*(?:另|外加|加上|占|较|比|同比|环比|上年|去年)")
# a joint action or a campaign, whose fines the year's 罚没款 holds
_JOINT_ACTION = re.compile(r"联合|会同|整治|专项|行动|攻坚")


def _in_prose_cell(row: str, raw: str) -> bool:
    """Whether a drawn table's figure stands in a cell of prose (│执法办案│全年办理…120件,其中
    简易程序45件│): read as the body's text, not as a table's cell."""
    return any(
        raw in cell and _PROSE_PUNCT.search(fold(cell)) is not None
        for cell in re.split(r"[│┃|]", row)
    )


# a photo's caption (▲执法队员开展燃气安全检查, 图为…) or an image's text left in a copy ([图片:
# 2024年城管执法数据一览 …]): what it shows restates the body
_PHOTO_CAPTION = re.compile(r"\s*(?:[▲△]|图为|(?:上|下|左|右)图\s*:|\[(?:图片|图像|图)\s*:)")


def _without_restatements(
    cands: list[_Mention], rows: list[IndicatorRule], text: str = ""
) -> list[_Mention]:
    """The mentions of one indicator without the figures that restate the body's: a
    key-figure board's, a photo caption's (▲…) and a table's count only where the body states the indicator by
    none of its main rows (not by a fallback alone); a table's row that gives two figures of
    the indicator (this year's and last year's) gives none, but for the cell in its column of
    totals (the 合计 of four quarters); and the body's approximate figure gives way to the
    table's exact one."""
    body = [
        c
        for c in cands
        if (not _table_row(c.sentence) or _in_prose_cell(c.sentence, c.raw))
        and not _BOARD_SENTENCE.fullmatch(fold(c.sentence))
        and not _PHOTO_CAPTION.match(fold(c.sentence))
    ]
    # a figure with its unit in a row whose other figures are bare cells stands in the row's
    # remark (…⇥4⇥6⇥3件已审结; …⇥12⇥/⇥保留9件、废止3件): a part, not the row's figure
    bare_rows = {
        c.sentence for c in cands if _table_row(c.sentence) and _BARE_CELL.fullmatch(c.raw)
    }
    remarks = [c for c in cands if c.sentence in bare_rows and not _BARE_CELL.fullmatch(c.raw)]
    per_row = Counter(
        c.sentence for c in cands if c not in body and c not in remarks and _table_row(c.sentence)
    )
    # the board's figures, and the table's cells of rows that give one figure of
    # the indicator (a row with two, this year's and last year's, gives none)
    usable = [
        c
        for c in cands
        if c not in body
        and c not in remarks
        and (per_row.get(c.sentence, 0) < 2 or (text and _in_total_column(text, c.start)))
    ]
    if body and usable and not any(_matches_primary(c, rows) for c in body):
        body = []  # only fallbacks in the body: the board's or table's figures win
    if not body:
        body = usable
    else:
        # the exact figure of an approximate one the body gives (386万余元 and the
        # table's 386.52万元): the exact one, not below a floor the body sets (余)
        exact = [c for c in cands if c not in body and not _APPROX_RAW.search(c.raw)]
        body = [
            min(
                (
                    t
                    for t in exact
                    if _APPROX_RAW.search(b.raw)
                    and t.unit == b.unit
                    and abs(t.value - b.value) <= 0.1 * b.value
                    and (t.value >= b.value or not _FLOOR_RAW.search(b.raw))
                ),
                key=lambda t, b=b: (abs(t.value - b.value), t.start),
                default=b,
            )
            for b in body
        ]
        # a figure the body rounds (罚没款936.5万元) gives way to the table's that it rounds
        # (936.52万元), of the same subject in a row of one figure: the same, more precisely;
        # it keeps the body's place (a 其中 part after it is still its part)
        body = [
            next(
                (
                    replace(b, value=t.value, raw=t.raw, metric_id=t.metric_id)
                    for t in usable
                    if t.value != b.value
                    and _same_subject(t, b)
                    and _digits(t.raw) > _digits(b.raw)
                    and _restated(t, b)
                ),
                b,
            )
            for b in body
        ]
    return body


def _matches_primary(c: _Mention, rows: list[IndicatorRule], tier: int = 0) -> bool:
    """Whether a mention's subject fits one of the indicator's rows that are not fallbacks
    (``tier`` 1: that are not last resorts, their sentence cue included; at tier 0 a cue on
    the sentence before the figure, ``<…``, is looked at too, and in the clause after it that
    names the figure's source: 受理投诉举报1,038件,均通过12345热线转办)."""
    subject = fold(c.subject)
    sentence = fold(c.sentence) if tier else ""
    return any(
        (not r.fallback if tier == 0 else not r.last)
        and (r.subject is None or r.subject.search(subject) is not None)
        and (r.clause is None or r.clause.search(c.clause) is not None)
        # (a row's exclusion holds here too: 道路运输领域全年立案查处违法案件238件 is no bare year's count)
        and (r.exclude is None or r.exclude.search(subject + " " + c.clause + fold(c.raw)) is None)
        and (
            r.sentence is None
            or (tier == 0 and not r.sentence_before)
            or r.sentence.search(c.prefix if tier == 0 else sentence) is not None
            # a fallback's cue on the sentences chained to the figure's by semicolons
            or (
                tier == 1
                and r.fallback
                and r.sentence_before
                and c.chained
                and r.sentence.search(c.chained) is not None
            )
            # the source named after the figure, for a cue that names something (not one that
            # only rules things out, ^(?!…), which any text passes)
            or (
                tier == 0
                and c.source
                and r.sentence.search("") is None
                and r.sentence.search(c.source) is not None
            )
        )
        for r in rows
    )


# a target's bound at a clause's end, before its figure (结案率≥95%, 不低于95%)
_TARGET_BOUND = re.compile(r"(?:[≥≤⩾⩽]|不(?:得)?(?:低于|少于|高于|超过|多于)|低于|小于|至少)\s*$")


def _first_adding_up(later: list[_Mention], total: float) -> int:
    """How many of ``later`` (in text order), two or more from the first, add up to
    ``total``; 0 when no run does."""
    later = sorted(later, key=lambda p: p.start)
    acc = 0.0
    for n, p in enumerate(later, start=1):
        acc += p.value
        if n >= 2 and _close(acc, total):
            return n
    return 0


def _aggregate(
    cands: list[_Mention], rule: IndicatorRule, lex: _DeriveLexicon, own: str = ""
) -> dict | None:
    if rule.aggregate == "first":
        # a target's bound (案件结案率≥95%, 不低于95%: a standard or goal) gives way to a figure
        # stated as such (低于90%的单位: a threshold; not 高于98%, an achievement)
        first = next((c for c in cands if not _TARGET_BOUND.search(c.clause)), cands[0])
        method = "stated_zero" if first.value == 0 else "stated"
        return {
            "value": float(first.value),
            "unit": first.unit,
            "method": method,
            "evidence": first.metric_id,
        }
    kept = _combine_mentions(cands, rule.groups, lex, own)
    if not kept:
        return None
    value = float(sum(r.value for r in kept))
    unit = _fmt_unit([r.unit for r in kept], rule.unit)
    if value == 0:
        method = "stated_zero"
    else:
        method = "stated" if len(kept) == 1 else "sum"
    return {
        "value": value,
        "unit": unit,
        "method": method,
        "evidence": ";".join(r.metric_id for r in kept),
    }


# ----------------------------------------------------------------------------- corrections


def read_corrections(path: Path | str = paths.CORRECTIONS_FILE) -> pd.DataFrame:
    """Read reviewed corrections of extracted quantities.

    Args:
        path: a CSV with ``#`` comment lines and columns ``report_id, raw, occurrence or
            start, action, value, unit, indicator, note``. ``action`` is ``set`` (change
            value/unit/indicator where given) or ``not_a_quantity`` (drop the row).

    Returns:
        The corrections with all columns of ``CORRECTION_COLUMNS`` (strings; '' if absent).
        A missing file gives an empty table.

    Raises:
        ValueError: naming the file, when required columns are missing or an action is
            unknown.
    """
    import pandas as pd

    path = Path(path)
    if not path.exists():
        return pd.DataFrame(columns=CORRECTION_COLUMNS)
    df = pd.read_csv(
        path,
        comment="#",
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
        skip_blank_lines=True,
    )
    df.columns = [c.strip() for c in df.columns]
    missing = {"report_id", "raw", "action"} - set(df.columns)
    if missing or not ({"occurrence", "start"} & set(df.columns)):
        need = sorted(
            missing
            | (
                {"occurrence or start"}
                if not ({"occurrence", "start"} & set(df.columns))
                else set()
            )
        )
        raise ValueError(
            f"{path}: corrections file lacks columns {need}; expected "
            f"{', '.join(CORRECTION_COLUMNS)}"
        )
    for c in CORRECTION_COLUMNS:
        if c not in df.columns:
            df[c] = ""
    df = df[CORRECTION_COLUMNS].apply(lambda s: s.str.strip())
    bad = sorted(set(df["action"]) - set(CORRECTION_ACTIONS))
    if bad:
        raise ValueError(f"{path}: unknown action(s) {bad}; use one of {CORRECTION_ACTIONS}")
    return df.reset_index(drop=True)


def apply_corrections(
    metrics: pd.DataFrame,
    corrections: pd.DataFrame,
    *,
    units_path: Path | str = UNITS_FILE,
) -> tuple[pd.DataFrame, list[str]]:
    """Apply reviewed corrections to the metrics table.

    A correction matches the row of its report whose ``raw`` equals the correction's ``raw``
    and whose ``start`` equals ``start`` (when given), else the ``occurrence``-th such row in
    text order (1-based; default 1). ``set`` changes value / unit (and unit_family) /
    indicator where the correction gives them; ``not_a_quantity`` drops the row. Changed
    rows get ``corrected`` = True; metric_ids are kept.

    Args:
        metrics: the ``metrics`` table.
        corrections: from :func:`read_corrections`.
        units_path: units lexicon, to find the family of a corrected unit.

    Returns:
        (corrected metrics, warnings): one warning per correction that matched nothing.
    """
    out = metrics.copy()
    warnings: list[str] = []
    families = {u.canonical: u.family for u in _load_units(str(units_path))}
    families.update({"%": "percent", "ratio": "other"})
    drop: list[int] = []
    for i, c in corrections.reset_index(drop=True).iterrows():
        label = (
            f"correction #{i + 1} ({c.get('report_id', '')}, raw={c.get('raw', '')!r}, "
            f"occurrence={c.get('occurrence', '')!r}, start={c.get('start', '')!r})"
        )
        same = out[
            (out["report_id"].astype(str) == str(c["report_id"])) & (out["raw"] == c["raw"])
        ].sort_values("start")
        start = str(c.get("start", "") or "").strip()
        if start:
            target = same[same["start"] == int(float(start))]
        else:
            occ = int(float(str(c.get("occurrence", "") or "1")))
            target = same.iloc[occ - 1 : occ] if 1 <= occ <= len(same) else same.iloc[0:0]
        if target.empty:
            warnings.append(f"{label}: matches no metric; not applied")
            continue
        idx = target.index[0]
        if c["action"] == "not_a_quantity":
            drop.append(idx)
            continue
        if c["action"] != "set":
            warnings.append(f"{label}: unknown action {c['action']!r}; not applied")
            continue
        if str(c.get("value", "")).strip():
            out.at[idx, "value"] = float(c["value"])
        if str(c.get("unit", "")).strip():
            out.at[idx, "unit"] = c["unit"].strip()
            out.at[idx, "unit_family"] = families.get(c["unit"].strip(), "other")
        if str(c.get("indicator", "")).strip():
            ind = c["indicator"].strip()
            out.at[idx, "indicator"] = "" if ind in ("-", "none") else ind
        out.at[idx, "corrected"] = True
    out = out.drop(index=drop)
    return out.reset_index(drop=True), warnings
