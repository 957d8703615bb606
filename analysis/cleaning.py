"""Clean a report's text: remove web-page and PDF chrome, read metadata, undo hard wraps.

:func:`clean_text` works line by line on the decoded text of one report and returns a
:class:`CleanResult`: the cleaned text, a ``removed`` table (``schema.CLEANING``: one row
per raw line removed, read as metadata or joined, with the rule) and a ``metadata`` dict.

What is removed, and under which rule:

* lines matching a pattern in ``analysis/lexicons/chrome_patterns.tsv`` (breadcrumbs,
  share prompts, print/close buttons, copyright, ICP/公网安备 lines, 技术支持, 主办单位,
  counters, 来源 lines, page numbers, ...), the rule named in the file;
* ``metadata_date``: a header line 发布日期/发布时间/日期/时间 … in the title area; its date
  becomes ``metadata['published']``;
* ``running_header``: a short line (at most 40 characters, no outline marker, no
  sentence punctuation, not a label ending in a colon such as 主要做法：) repeated 3 or
  more times, as PDF
  page headers and footers are (its first occurrence is kept when it stands in the title
  area: it is then the title);
* ``site_menu``: short unpunctuated lines (at most 20 characters) above the breadcrumb in
  the head (a site menu) or above a WeChat follow prompt (the account's name), or, after
  the first footer chrome line of the tail, short lines (at most 50 characters) without a
  sentence end (link lists below 扫一扫在手机打开当前页 or 往期推荐);
* ``signature``: the closing organisation name and/or date after the last paragraph (and
  before any footer chrome); they become ``metadata['signature_name']`` and
  ``metadata['signature_date']``;
* ``joined_line_break``: in text copied from a PDF (many lines of the same display width),
  a line that continues its predecessor is joined to it without separator (with one space
  between a figure and a word in a text that spaces its figures from its words: 培训 9 期,
  as a Word file so typed and wrapped by pandoc); the row's
  ``text`` is the continuation line. A line is never joined onto a line starting with an
  outline marker, an indented line, or after a line ending in sentence punctuation; text
  that is not PDF-shaped (a short heading alone on its line before its paragraph) is never
  joined.
* ``table_cells``: a table written one cell per line (docx2txt's text of a Word table) is
  one line per row, its cells joined by tabs (:func:`_one_cell_per_line_tables`); the row's
  ``text`` is the cell joined.

* ``watermark``: a kept line that lost a copy site's watermark at its end
  (``一、主要举措 公文汇 www.gongwenhui.com``; the site's name alone once it was seen with its
  address), or inside it where a PDF's page header fell into the text (``…第一秘书之家—全网资源
  每日更新www.mishuzj.com责任人…``: the words and address of an occurrence that opens a line or
  a sentence, removed wherever those words stand before the address, twice or more); the row
  keeps the line as it was; a line that was only a watermark is removed.
* ``line_number``: a kept line of a draft that lost the line number printed in its margin
  (``50    （三）严把法制审核关口…`` -> ``（三）严把法制审核关口…``, every fifth line numbered); the row
  keeps the line as it was.
* ``sheet_column``: a kept line of a report pasted into a spreadsheet one paragraph a row and
  exported as text: its text cell alone (``3⇥一、主要工作⇥备注`` -> ``一、主要工作``), the header's
  line emptied; the row keeps the line as it was.
* ``quote_mark``: a kept line of a forwarded or replied e-mail that lost the quote marks
  (``> ``) its mail client set before every line of the quoted message.
* ``csv_table``: a kept line of a table pasted from Excel's CSV (``1,市容环境,"1,236",86.52``),
  its cells parted by tabs as a page's table is (``1⇥市容环境⇥1,236⇥86.52``); the row keeps the
  line as it was.
* ``pinyin_gloss``: a kept line that lost the pinyin a mirror site put after characters
  (``龙湖区(qū)教育局`` -> ``龙湖区教育局``); the row keeps the line as it was.
* ``traditional_script``: a kept line converted from traditional characters (a page saved
  from a portal's 繁體 version: 行政處罰案件 -> 行政处罚案件, OpenCC t2s); the row keeps the line
  as it was. A report is converted only when it is written in traditional script.
* ``page_chunk``: a line of a document-sharing site's copy cut into numbered page chunks
  (``1、…依`` / ``2、法有效化解…``): its number is dropped and, when the cut fell inside a
  sentence, its text is joined to the chunk before (the emptied line is recorded); the row
  keeps the line as it was.
* ``letter_spacing``: a kept line set with a space between every character, as a PDF's
  letter-spaced title or heading comes out (``一、加 强 组 织 领 导`` -> ``一、加强组织领导``); the
  row keeps the line as it was.
* ``doubled_characters``: a kept line whose characters a PDF's text layer gives twice, as a
  heading made bold by printing it twice comes out (``一一、、加加强强组组织织领领导导`` ->
  ``一、加强组织领导``; a run-in heading's doubled lead before its paragraph's plain text); the
  row keeps the line as it was.
* ``doc_site``: a document-sharing site's blurb above the report (``《…》由会员分享,可在线阅读,
  …请在…上搜索。``), before its first outline heading.
* ``editor_note``: an editor's note above the report (``编者按：…``, ``【编者按】…``), before
  its first outline heading: the publisher's words, not the report's.
* ``other_script``: above the report's first line of text or below its last, a line
  written mostly in another script than Chinese (a bilingual portal's site name, menu,
  breadcrumb and footer in Uyghur, Mongolian or Tibetan).
* ``html_markup``: a kept line that lost the HTML a careless conversion left in it (tags and
  entities, :func:`strip_markup`); the row keeps the line as it was. A line removed under
  another rule is recorded under that rule, as it was, markup included.

Blank lines are dropped silently; kept lines are stripped of surrounding whitespace
(including U+00A0 and U+3000) and joined with ``'\\n'``. Patterns are matched against
``fold(line).strip()``; a line longer than 80 characters containing ``。`` is never chrome.
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.lexicons import lexicon_cache, read_lexicon_table
from analysis.normalize import BULLET, HEADING_END_WORD, fold, latin_line, other_script_line
from analysis.numbers import STACKED_HINT, board_pairs, stacked_figures
from analysis.paths import LEXICON_DIR
from analysis.reading import HTML_PAGE, MANUAL_BREAK, normalize_newlines
from analysis.schema import CLEANING
from analysis.sections import match_outline_marker

__all__ = ["CleanResult", "clean_text", "load_chrome_patterns", "parse_date", "strip_markup"]

PATTERNS_FILE = LEXICON_DIR / "chrome_patterns.tsv"
SCOPES = ("anywhere", "head", "tail")

# Rules that do not mark the start of the page's footer / end of its header.
_WEAK_RULES = {
    "metadata_date",
    "upload_date",
    "page_number",
    "running_header",
    "info_table",
    "divider",
    "attachment",
    "phone_screen",
    "screenshot_overlap",
    "front_matter",
    "sender_contact",  # (an e-mail's sender's phones under the signature, or above it)
}
# Rules that are transparent when joining PDF hard wraps (they sit between two halves).
_TRANSPARENT_RULES = {
    "page_number",
    "running_header",
    "editor_note",
    "doc_site",
    "phone_screen",
    "screenshot_overlap",
    "front_matter",
}
_DOC_SITE_BLURB = re.compile(r"由会员分享|\d+页珍藏版|》请在[^,。]{1,10}上搜索")
_EDITOR_NOTE = re.compile(r"[\[【]?\s*(?:编者按|编者的话|编辑按|编者注)\s*[\]】]?\s*[:]?")

_DIGIT = re.compile(r"\d")
_MID_NUMBER = re.compile(r"\d[.,]?\s*$")  # a line cut inside a number
# ... after its point or a thousands separator, in a sentence (not a marker alone, 5.; nor an
# ordinal, 第3.)
_CUT_NUMBER = re.compile(
    r"[\u4e00-\u9fff][^\u4e00-\u9fff]{0,12}?(?<!第)(?<![\d.,])\d+(?:,\d{3})*([.,])$"
)


# ... or between two digits, in a sentence's line (…干部职工48 / 0人次；), the line below going
# on with digits and then its unit
_CUT_DIGITS = re.compile(r"[\u4e00-\u9fff,，、](?<!第)\d{1,6}$")
# a sentence's last word before a figure: a clause's own 共, 累计, 达, 约 … (…,共 / 95件), or 近, 约,
# 逾 after a noun (…走访沿街商户近 / 1,200户; not 附近, 节约)
_BEFORE_FIGURE = re.compile(
    r"(?:[,，、;；][^,，。;；\d]{0,4}(?:共计?|合计|累计|总计|达到?)|[,，、;；](?:约|近|超过?|逾)"
    r"|[\u4e00-\u9fff](?<![附就将接临逼])近|[\u4e00-\u9fff](?<![节制预大简契相隐公])约|逾)$"
)
_YEAR_AHEAD = re.compile(r"(?:19|20)\d\d\s*年")
_DIGITS_GO_ON = re.compile(r"\d{1,6}(?:[.,]\d+)*(?:[\u4e00-\u9fff%％])")


def _cut_number(line: str, below: str) -> bool:
    """Whether ``line`` ends inside a number that ``below`` goes on with: after a point,
    digits that are no year (418. / 65万元); after a separator, three digits (52, / 368户次);
    between two digits, in a line of a sentence (…职工48 / 0人次); or just before it, after
    a clause's 共 or 达 (…57件,共 / 95件)."""
    line = line.rstrip()
    if len(line) >= 12 and _CUT_DIGITS.search(line) and _DIGITS_GO_ON.match(below.lstrip()):
        return True
    if (
        len(line) >= 12
        and _BEFORE_FIGURE.search(line)
        and _CLAUSE_PUNCT.search(line)
        and match_outline_marker(line) is None
        and not _YEAR_AHEAD.match(below.lstrip())
        and _DIGITS_GO_ON.match(below.lstrip())
    ):
        return True  # a sentence's line cut before its figure (…合同和行政协议57件,共 / 95件)
    m = _CUT_NUMBER.search(line)
    if m is None:
        return False
    below = below.lstrip()
    if m.group(1) == ",":
        return re.match(r"\d{3}(?!\d)", below) is not None
    return re.match(r"\d+(?![\d.])(?!年)", below) is not None


_SPACE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_SENTENCE_PUNCT = set("。,;:!?、")
_TERMINAL = set("。!?;:…")
_CLOSERS = set("”’\"')]】》」』")
_HEADER_PUNCT = re.compile("[。,;!?]")  # sentence punctuation: not a running header
# a web page's widget's label, repeated on every page of a print (字号:, 分享到:, 打印:)
_WIDGET_LABEL = re.compile(
    r"\s*(?:字号|字体|字体大小|分享(?:到)?|打印|关闭|来源|作者|编辑|责任编辑|浏览|访问|点击|扫一扫|"
    r"发布|发布时间|发布日期|链接|网址|视力保护色|背景色)\s*:\s*"
)
# a printed page's address and the date and time it was printed (2025/3/18 10:42), folded
_URL_LINE = re.compile(r"(?:https?|file)://\S+")
_PRINTED_AT = re.compile(
    r"(?:19|20)\d\d[/-]\d{1,2}[/-]\d{1,2}\s*(?:上午|下午)?\s*\d{1,2}:\d\d(?::\d\d)?"
)

_CN_DATE_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DATE_DIGITS.update({"○": "0", "零": "0", "O": "0", "Ｏ": "0"})
_DATE_ARABIC = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[ ]*(?:[-/.]|年)[ ]*(?P<m>\d{1,2})[ ]*(?:[-/.]|月)[ ]*"
    r"(?P<d>\d{1,2})(?!\d)[ ]*[日曰]?"
)  # (曰: OCR's misreading of 日)
_DATE_CHINESE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九O]{4})[ ]*年[ ]*(?P<m>[一二三四五六七八九十]{1,3})[ ]*月[ ]*"
    r"(?P<d>[一二三四五六七八九十]{1,3})[ ]*[日曰]"
)
_DATE_ONLY = re.compile(
    rf"^(?:{_DATE_ARABIC.pattern}|{_DATE_CHINESE.pattern.replace('?P<', '?P<c')})$"
)
_ORG = (
    r"[\u4e00-\u9fffA-Za-z0-9()·]{2,40}?(?:局|委员会|委|政府|办公室|办公厅|厅|中心|院|所|部|处|科|队|"
    r"站|办|公司|集团|小组|领导小组)"
)
_ORG_LINE = re.compile(rf"^(?P<org>{_ORG})$")
_ORG_DATE_LINE = re.compile(rf"^(?P<org>{_ORG})[ ]+(?P<date>.+)$")
# a form's sign-off line (folded): who filled it in or checked it (a name), or when
# (label and value after a colon, or in a table's two cells: 填报日期⇥2024年1月18日)
_SIGN_OFF_LINE = re.compile(
    r"^(?:填报|填表|制表|审核|审签|签发)(?:人(?:\s*:\s*|\s+)(?P<name>[\u4e00-\u9fff·]{2,8})"
    r"|(?P<date>日期|时间)(?:\s*:\s*(?P<value>\S.{4,20})|\s+(?P<cell>(?:19|20)\d\d\D.{3,16})))$"
)


@dataclass
class CleanResult:
    """The result of :func:`clean_text`.

    Attributes:
        text: the cleaned text (kept lines, stripped, joined with ``'\\n'``).
        removed: one row per raw line removed, read as metadata or joined; columns
            ``report_id, line_no, text, rule`` (``schema.CLEANING``), by ``line_no``.
        metadata: ``published`` (YYYY-MM-DD or ''), ``published_line`` (1-based or
            None), ``signature_name``, ``signature_date`` (YYYY-MM-DD or ''),
            ``signature_lines`` (1-based line numbers), ``title_lines`` (kept lines of the
            title area, before the first paragraph), ``cover_date`` (YYYY-MM-DD or '': a
            cover's date alone under the title, :func:`_cover_date`), ``pdf_shape`` (bool).
    """

    text: str
    removed: pd.DataFrame
    metadata: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Dates


def _cn_small(s: str) -> int | None:
    """Chinese numeral 1..39 as used in months and days (十, 十二, 二十六, 三十一)."""
    digits = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
    if s == "十":
        return 10
    if "十" not in s:
        return digits.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    t = 1 if tens == "" else digits.get(tens)
    o = 0 if ones == "" else digits.get(ones)
    if t is None or o is None:
        return None
    return t * 10 + o


def _valid(y: int, m: int, d: int) -> str:
    import datetime as _dt

    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """Find the first date in ``text`` and return it as ``YYYY-MM-DD``, or ''.

    Args:
        text: e.g. ``'日期:2024-03-06'``, ``'2024年3月26日'``, ``'2024/3/6'``,
            ``'2024.3.6'``, ``'二〇二四年三月二十六日'`` (full-width digits allowed).

    Returns:
        The ISO date, or '' when there is no valid date.
    """
    f = fold(text)
    best: tuple[int, str] | None = None
    for m in _DATE_ARABIC.finditer(f):
        iso = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso:
            best = (m.start(), iso)
            break
    for m in _DATE_CHINESE.finditer(f):
        year = "".join(_CN_DATE_DIGITS.get(c, "") for c in m["y"])
        month, day = _cn_small(m["m"]), _cn_small(m["d"])
        if len(year) == 4 and month and day:
            iso = _valid(int(year), month, day)
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            if iso:
                break
    if best is None and (m := _SHORT_YEAR_POST.match(f)) is not None:
        iso = _valid(2000 + int(m["y"]), int(m["m"]), int(m["d"]))
        if iso:
            best = (0, iso)
    return best[1] if best else ""


# a post line's date with a two-digit year and a time (Weibo: 25-1-22 10:31 来自 微博网页版)
_SHORT_YEAR_POST = re.compile(
    r"\s*(?P<y>\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s+\d{1,2}:\d{2}(?!\d)"
)


# ---------------------------------------------------------------------------------------
# Patterns


@lru_cache(maxsize=8)
def _load_patterns_cached(path: str, mtime: float) -> pd.DataFrame:
    header: list[str] | None = None
    records: list[dict[str, str]] = []
    for k, raw in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = {"rule", "pattern", "scope"} - set(header)
            if missing:
                raise ValueError(f"{path}: header lacks columns {sorted(missing)}")
            continue
        rec = dict(zip(header, cells, strict=False))
        rec = {key: (val or "").strip() for key, val in rec.items()}
        if rec.get("scope", "") not in SCOPES:
            raise ValueError(f"{path}:{k}: scope must be one of {SCOPES}, not {rec.get('scope')!r}")
        try:
            re.compile(rec["pattern"])
        except re.error as err:
            raise ValueError(f"{path}:{k}: bad pattern {rec['pattern']!r}: {err}") from None
        records.append(
            {
                "rule": rec["rule"],
                "pattern": rec["pattern"],
                "scope": rec["scope"],
                "description": rec.get("description", ""),
            }
        )
    return pd.DataFrame(records, columns=["rule", "pattern", "scope", "description"])


def load_chrome_patterns(path: Path | None = None) -> pd.DataFrame:
    """Load the chrome patterns (``analysis/lexicons/chrome_patterns.tsv`` by default).

    Args:
        path: another file in the same format.

    Returns:
        One row per pattern, in file order: ``rule, pattern, scope, description``.

    Raises:
        ValueError: a missing column, an unknown scope or an invalid regex (the message
            names the file and line).
    """
    path = Path(path) if path is not None else PATTERNS_FILE
    return _load_patterns_cached(str(path), path.stat().st_mtime).copy()


def _compile_patterns(patterns: pd.DataFrame) -> list[tuple[str, re.Pattern[str], str]]:
    return [
        (str(r.rule), re.compile(str(r.pattern)), str(r.scope))
        for r in patterns.itertuples(index=False)
    ]


@lru_cache(maxsize=8)
def _compiled_default_cached(path: str, mtime: float) -> list[tuple[str, re.Pattern[str], str]]:
    return _compile_patterns(_load_patterns_cached(path, mtime))


def _default_compiled() -> list[tuple[str, re.Pattern[str], str]]:
    """The default chrome patterns, compiled once per process (reloaded when the file changes)."""
    return _compiled_default_cached(str(PATTERNS_FILE), PATTERNS_FILE.stat().st_mtime)


# A line is first searched with one alternation of the patterns written with a leading ^
# (anchored at the line's start, so searching them together costs about what searching
# one does). An alternation matches exactly when one of its members does: when it finds
# nothing, only the other patterns are tried, in file order. Patterns with global inline
# flags or numbered back-references (which change meaning inside it) stay out of it.
_NUMBERED_REF = re.compile(r"\\[1-9]|\(\?\(")


def _in_anchored_union(rx: re.Pattern[str]) -> bool:
    return (
        rx.pattern.startswith("^")
        and rx.flags == re.UNICODE
        and _NUMBERED_REF.search(rx.pattern) is None
    )


@lru_cache(maxsize=8)
def _anchored_union(
    regexes: tuple[re.Pattern[str], ...],
) -> tuple[re.Pattern[str] | None, frozenset[int]]:
    """``(?:p1)|(?:p2)|…`` of the anchored ``regexes`` (it matches a string exactly when
    one of them does) and their positions in ``regexes``; (None, {}) when there is none."""
    members = [k for k, rx in enumerate(regexes) if _in_anchored_union(rx)]
    if not members:
        return None, frozenset()
    try:
        union = re.compile("|".join(f"(?:{regexes[k].pattern})" for k in members))
    except re.error:  # e.g. a group name used twice: no shortcut
        return None, frozenset()
    return union, frozenset(members)


# ---------------------------------------------------------------------------------------
# Helpers


# a figure beside a Chinese word (9期, 期9), with or without a space between them
_FIGURE_WORD_SPACED = re.compile(r"[\d%] [\u4e00-\u9fff]|[\u4e00-\u9fff] \d")
# (also what two characters a wrap parts may be: a figure's end and a word, or a word and a figure)
_FIGURE_WORD = re.compile(r"[\d%][\u4e00-\u9fff]|[\u4e00-\u9fff]\d")


def _spaces_its_figures(raws: list[str]) -> bool:
    """Whether a text's lines mostly space their figures from their words (培训 9 期): twenty
    such places or more, and at least twice as many as figures written against their words."""
    spaced = sum(len(_FIGURE_WORD_SPACED.findall(r)) for r in raws)
    if spaced < 20:
        return False
    return spaced >= 2 * sum(len(_FIGURE_WORD.findall(r)) for r in raws)


def _strip(s: str) -> str:
    """``s`` without leading and trailing whitespace and zero-width characters."""
    t = s.strip()
    while t and (t[0] in _SPACE_CHARS or t[-1] in _SPACE_CHARS):
        t = t.strip(_SPACE_CHARS).strip()
    return t


# character -> display width (2 for East Asian wide and full-width), filled on use
_WIDTHS: dict[str, int] = {}
# the same by code point for whole texts (numpy), 0 where not yet known; filled on use
_WIDTH_LUT = None


def _display_width(s: str) -> int:
    try:
        return sum(map(_WIDTHS.__getitem__, s))
    except KeyError:
        for c in set(s).difference(_WIDTHS):
            _WIDTHS[c] = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        return sum(map(_WIDTHS.__getitem__, s))


def _display_widths(lines: list[str]) -> list[int]:
    """``[_display_width(s) for s in lines]``, computed at once on all the lines."""
    global _WIDTH_LUT
    import numpy as np

    try:
        codes = np.frombuffer("".join(lines).encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: one line at a time
        return [_display_width(s) for s in lines]
    if _WIDTH_LUT is None:
        _WIDTH_LUT = np.zeros(0x110000, dtype=np.uint8)
    lut = _WIDTH_LUT
    widths = lut[codes]
    unknown = widths == 0
    if unknown.any():
        for cp in np.unique(codes[unknown]).tolist():
            lut[cp] = 2 if unicodedata.east_asian_width(chr(cp)) in "WF" else 1
        widths = lut[codes]
    total = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(widths, out=total[1:])
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    ends = np.cumsum(lengths)
    return (total[ends] - total[ends - lengths]).tolist()


def _is_terminal(s: str) -> bool:
    s = s.rstrip()
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _TERMINAL


_BARE_DATE = re.compile(r"(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_PUBLISHED_LABEL = re.compile(r"发布|更新|公布|发表|时间")
_PUBLISHED_DATE_LABEL = re.compile(r"(?:发布|更新|公布|发表)(?:日期|时间)")
# ... and its date in an information table's line (…发布日期:2024年02月29日)
_INFO_PUBLISHED = re.compile(r"(?:发布|公布)(?:日期|时间)\s*:\s*(\S{6,24})")


def _is_indented(raw: str, margin: int = 0) -> bool:
    """Whether a line starts a paragraph by its indent: a tab, or two spaces more than its
    page's margin (``margin``: the ASCII spaces most lines of the page start with, as
    ``pdftotext -layout`` keeps a page's left margin)."""
    lead = len(raw) - len(raw.lstrip(" \t\u00a0\u3000\u2002\u2003" + _SPACE_CHARS))
    if margin and raw.startswith(" "):
        return len(raw) - len(raw.lstrip(" ")) - margin >= 2
    return raw.startswith("\t") or lead >= 2


# cells of a table's row lined up by runs of spaces or tabs (罚没款    万元    936.52    +3.2%)
_CELL_GAP = re.compile(r"\S(?:[ \u3000]{2,}|\t)(?=\S)")


def _spaced_row(raw: str) -> bool:
    """Whether a line is a table's row lined up by spaces or tabs: three or more cells, one
    of them a figure, and no sentence's end (a PDF's full line of prose is no row)."""
    core = raw.strip()
    return (
        len(_CELL_GAP.findall(core)) >= 2
        and _DIGIT.search(core) is not None
        and _ROW_PROSE.search(core) is None
    )


# punctuation a table's row does not hold (a colon after 其中 or 包括 opens a part's label)
_ROW_PROSE = re.compile(r"[，。！？；]|,(?!\d)|(?<!其中)(?<!包括)：")


# a list item's first line as a converter writes it (pandoc's `1.  `, `-   `, `(1) `): the
# marker and the spaces after it, whose width the item's wrapped lines are indented by
_LIST_ITEM = re.compile(r"(?P<lead> *)(?:\d{1,2}[.)]|\(\d{1,2}\)|[-*•])(?P<gap> {1,4})(?=\S)")


def _hanging(first: str, raw: str) -> bool:
    """Whether ``raw`` is a wrapped line of the list item ``first`` opens: indented by the
    width of the item's marker and the spaces after it (a hanging indent), not a paragraph's
    indent (pandoc's `1.  严厉查处…约18.4万` / `    平方米，其中…`)."""
    m = _LIST_ITEM.match(first)
    return (
        m is not None
        and len(raw) - len(raw.lstrip(" ")) == m.end()
        and _LIST_ITEM.match(raw.lstrip(" ")) is None  # a nested item (`    -   …`) is its own
    )


def _page_margins(raws: list[str], candidates: list[int]) -> dict[int, int]:
    """For each candidate line, the left margin of its page (pages end at a form feed): the
    number of leading ASCII spaces most of the page's lines have."""
    out: dict[int, int] = {}
    page: list[int] = []

    def close() -> None:
        leads = Counter(len(raws[i]) - len(raws[i].lstrip(" ")) for i in page)
        m = leads.most_common(1)[0][0] if leads else 0
        out.update(dict.fromkeys(page, m))
        page.clear()

    wanted = set(candidates)
    for i, raw in enumerate(raws):
        if "\f" in raw and page:
            close()
        if i in wanted:
            page.append(i)
    close()
    return out


def _is_menu_like(f: str) -> bool:
    return 0 < len(f) <= 20 and not any(c in _SENTENCE_PUNCT for c in f)


def _is_link_like(f: str) -> bool:
    """A title in a link list below the footer chrome (其他文章 …): no sentence end, short; a
    colon only after a title's first words (…“清源”行动:查扣…), not after a label (地址:)."""
    if not 0 < len(f) <= 50 or any(c in "。;?" for c in f):  # titles may exclaim (!)
        return False
    return ":" not in f or f.index(":") > 6


_NOTES_START = re.compile(r"注\s*[:：]?\s*[①(（\[]|注\s*[:：]")
# (also a reviewer's comment an export writes below them: [a]表中数据已核对…)
_NOTE_LINE = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]|\[\d{1,2}\]|\[[a-z]{1,2}\]|\(\d{1,2}\)|\d{1,2}[.、]")
_FIRST_NOTE = re.compile(r"\[1\]|①")


def _notes_block(lf: list[str], logical: list, m: int) -> int:
    """Where a closing block of notes begins (注:①… / ②… to the end, chrome aside), else m;
    also a run of footnotes from ``[1]`` (or ①) below a divider or a dated signature, as
    Word exports them (… / 2024年1月26日 / ____ / [1] 含简易程序案件1,342件。 / [2] …)."""
    first = None  # the [1] line of a run of footnotes
    for k in range(m - 1, -1, -1):
        if logical[k].rule == "divider" and first is not None:
            return first
        if logical[k].rule or not lf[k]:
            continue
        if _NOTES_START.match(lf[k]):
            return k if k > 0 else m
        if not _NOTE_LINE.match(lf[k]):
            return first if first is not None and _date_only(lf[k]) else m
        if _FIRST_NOTE.match(lf[k]):
            first = k
    return m


_HAN = re.compile(r"[\u4e00-\u9fff]")


# another document after the report's signature (a gazette's next article, a portal page's
# second notice): its title, then its number (鄂州住建〔2025〕6号) or its addressee (…:)
_DOC_TITLE = re.compile(
    r"^[^。;:,]{6,80}(?:的通知|的决定|的意见|的批复|的通报|的函|的公告|的报告|实施方案|管理办法|实施细则)$"
)
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}〔(?:19|20)\d\d〕\d{1,5}号$")
# ... or the next year's plan, published on the same page (…2025年法治政府建设工作要点): its
# title alone tells it apart
_PLAN_DOC_TITLE = re.compile(
    r"^[^。;:,]{4,60}(?:19|20)\d\d年度?[^。;:,]{0,30}(?:工作要点|工作计划|工作安排|实施方案|行动方案)$"
)


# ... or another kind of report for a year (…2023年政府信息公开工作年度报告), one that is not
# about the rule of law (_REPORT_TITLE_WHAT)
# ... or an interpretation of the report, published after it by its interpreter ([政策解读]一图读懂…;
# not the report's own picture, [图解]一图读懂…, whose figures are the report's)
_READING_TITLE = re.compile(r"^[\[【]\s*(?:政策)?解读\s*[\]】]|^政策解读\s*[:|丨]")
_OTHER_REPORT_TITLE = re.compile(r"^[^。;:,]{4,60}(?:19|20)\d\d年度?[^。;:,]{0,30}(?:报告|总结)$")


def _next_document(lf: list[str], m: int) -> int:
    """Where another document begins after the report's signature, else m: a document's
    title right after a dated signature (a date among the three lines above it), followed by
    its number or its addressee, or a plan's for a year (…2025年…工作要点), with the report's
    body above."""
    for k in range(1, m - 1):
        # (a title's short last line, its first line above: …依法披露 / 工作的通知; or an
        # interpretation of the report, 【政策解读】一图读懂…)
        if _READING_TITLE.match(lf[k]) is None and not any(
            rx.match(t)
            for rx in (_DOC_TITLE, _PLAN_DOC_TITLE, _OTHER_REPORT_TITLE)
            for t in (lf[k], lf[k - 1] + lf[k])
            # (another kind of report: not one on the rule of law, the report itself under a
            # covering letter, …法治政府建设工作报告 / 市委全面依法治市委员会办公室:)
            if rx is not _OTHER_REPORT_TITLE or _REPORT_TITLE_WHAT.search(t) is None
        ):
            continue
        prev = next((j for j in range(k - 1, -1, -1) if lf[j]), None)
        if prev is not None and _APPENDIX_LABEL.fullmatch(lf[prev]):
            continue  # the report's appendix (附件 / …行政执法统计年度报告)
        # a signature just above: the organisation's line, then the date
        above = [j for j in range(k - 1, -1, -1) if lf[j]][:3]
        dated = [j for j in above if _date_only(lf[j])]
        if not dated or not any(
            _ORG_LINE.match(lf[j]) for j in range(dated[0] - 1, max(-1, dated[0] - 3), -1)
        ):
            continue
        if _READING_TITLE.match(lf[k]) is not None:
            return k  # an interpretation of the report published with it (一图读懂…)
        below = next((j for j in range(k + 1, m) if lf[j]), None)
        if below is None:
            continue
        # (各县(市、区)人民政府,市政府各部门: — not a paragraph ending …现将有关情况报告如下:)
        addressee = (
            lf[below].endswith(":")
            and len(lf[below]) <= 60
            and not re.search(r"。|如下:$", lf[below])
        )
        if not (_DOC_NUMBER.match(lf[below]) or addressee):
            # ... or the title alone of a plan for a year (…2025年…工作要点), when it is no
            # report's title (…工作总结暨2024年工作计划), or of another kind of report for a
            # year (…政府信息公开工作年度报告), and the report above is the larger
            alone = (_PLAN_DOC_TITLE, _OTHER_REPORT_TITLE)
            title = lf[k] if any(rx.match(lf[k]) for rx in alone) else lf[k - 1] + lf[k]
            plan = _PLAN_DOC_TITLE.match(title) and not _REPORT_TITLE_WORD.search(title)
            other = _OTHER_REPORT_TITLE.match(title) and not _REPORT_TITLE_WHAT.search(title)
            if not (plan or other) or sum(len(x) for x in lf[:k] if _is_body(x)) <= sum(
                len(x) for x in lf[k + 1 : m] if _is_body(x)
            ):
                continue
        # ... closing a report: a body of some length above it
        if sum(len(x) for x in lf[:k] if _is_body(x)) >= _NEXT_DOC_BODY:
            # a title wrapped over two lines (…关于开展2024年度重点排污单位 / …工作的通知)
            first = above[0]
            if first > dated[0] and "。" not in lf[first] and not _ORG_LINE.match(lf[first]):
                return first
            return k
    return m


_NEXT_DOC_BODY = 100  # characters of body a report has above its signature

# a field of a JSON response as reading writes it out ("data.summary": …): chrome however long
# rules whose lines may be long and hold 。: a JSON field as reading writes it out ("data.summary":
# …) and a cache's banner (这是 … 的快照，是网页在…的存档。); no other rule is tried on such a line
_LONG_LINE_RULES = frozenset({"json_field", "web_cache"})
# a line under a signature that belongs to it: a note in brackets (（此件公开发布）)
_SIGNATURE_NOTE = re.compile(r"^\([^()]{2,20}\)$")
# a report's title (…2023年度法治政府建设工作报告, …工作总结, …情况（2023年度）): what it is about
# and what it is, no outline marker before it
_REPORT_TITLE_WHAT = re.compile(r"法治|依法行政")
_REPORT_TITLE_WORD = re.compile(r"报告|总结|情况")


# a table of contents' entry as a converter writes it from Word: the heading, a tab, its page
# (一、2024年度…主要成效⇥2), the first one after Word's field code (TOC \o "1-3" \h \z \u …)
_TAB_TOC_ENTRY = re.compile(r"[^\t]{2,80}\t\s*\d{1,3}\s*")


# a serial article's marks: an instalment's end (未完待续), the next one's start (【接上期】)
_TO_BE_CONTINUED = re.compile(r"\s*[【\[(]?\s*(?:未完待续|待续)\s*[】\])]?\s*")
_CONTINUED = re.compile(r"\s*[【\[(]?\s*(?:接上期|接上文|上接|续上期)\s*[】\])]?\s*")


def _between_instalments(folded: list[str], any_rule: list[str]) -> set[int]:
    """The lines between the instalments of a report published in parts and copied one after
    the other (a WeChat serial: …(未完待续), the part's tail and the next part's head, 【接上期】):
    from the end mark to the next start mark, or to the next outline heading, within 60 lines;
    marked ``wechat`` in ``any_rule`` too (edited in place)."""
    out: set[int] = set()
    for i, f in enumerate(folded):
        if not _TO_BE_CONTINUED.fullmatch(f):
            continue
        for j in range(i + 1, min(len(folded), i + 61)):
            if _CONTINUED.fullmatch(folded[j]):
                stop = j + 1
                break
            if match_outline_marker(folded[j]) is not None:
                stop = j
                break
        else:
            continue
        for k in range(i, stop):
            if folded[k]:
                out.add(k)
                any_rule[k] = "wechat"
    return out


def _tab_toc_entries(raws: list[str], any_rule: list[str]) -> set[int]:
    """The entries below a table of contents' heading (目录) written with a tab before their
    page numbers: the run of such lines right below it, blank lines between them allowed;
    marked ``toc`` in ``any_rule`` too (edited in place)."""
    out: set[int] = set()
    for i, rule in enumerate(any_rule):
        if rule != "toc" or i in out or _TAB_TOC_ENTRY.fullmatch(raws[i]):
            continue
        j = i + 1
        while j < len(raws) and (not raws[j].strip() or _TAB_TOC_ENTRY.fullmatch(raws[j])):
            if raws[j].strip():
                any_rule[j] = "toc"
                out.add(j)
            j += 1
    return out


def _typed_toc_entries(folded: list[str], any_rule: list[str]) -> set[int]:
    """The entries below a table of contents' heading (目录) typed as a list of the outline's
    headings, with no page numbers or leaders: the run of heading lines right below it (blank
    lines between them allowed), when four in five of them stand again further down, as the
    body's headings (an entry may be shorter than its heading); marked ``toc`` in ``any_rule``
    too (edited in place)."""
    out: set[int] = set()
    for i, rule in enumerate(any_rule):
        if rule != "toc" or i in out or match_outline_marker(folded[i].strip()) is not None:
            continue
        run, j = [], i + 1
        while j < len(folded):
            f = folded[j].strip()
            if f:
                marker = match_outline_marker(f)
                if marker is None or "。" in f or len(f) > 60:
                    break
                if run and match_outline_marker(folded[run[0][0]].strip())[2] == marker[2]:
                    break  # the outline starting over: the body's first heading
                run.append((j, f[marker[3] :].strip()))
            j += 1
        rest = "\n".join(folded[j:])
        # (the body's first headings, right below the entries, stand nowhere further down:
        # they end the run)
        while run and not (run[-1][1] and run[-1][1] in rest):
            run.pop()
        if len(run) >= 3 and sum(1 for _, t in run if t and t in rest) >= 0.8 * len(run):
            for k, _ in run:
                any_rule[k] = "toc"
                out.add(k)
    return out


def _chat_messages(folded: list[str], any_rule: list[str]) -> set[int]:
    """The short messages of a saved chat around the report (陈老师好，我局的报告…贴在下面。 /
    以上是我局…报告，请审阅。): the lines below a message's header (``chat``) up to a blank line
    or the next header, when they are few and short and another header (or the end) follows
    them (the report pasted as one message is long); marked ``chat`` in ``any_rule`` too
    (edited in place)."""
    out: set[int] = set()
    for i, rule in enumerate(any_rule):
        if rule != "chat" or not re.search(r"\d:\d\d", folded[i]):
            continue
        j, lines = i + 1, []
        while j < len(folded) and folded[j].strip() and any_rule[j] != "chat":
            lines.append(j)
            j += 1
        while j < len(folded) and not folded[j].strip():
            j += 1
        # (a message the next header follows, or the chat's end: not the report's first lines)
        ends = j == len(folded) or any_rule[j] == "chat"
        if ends and lines and sum(len(folded[k].strip()) for k in lines) <= 120 and len(lines) <= 3:
            for k in lines:
                any_rule[k] = "chat"
                out.add(k)
    return out


def _doc_site_title(folded: list[str], any_rule: list[str]) -> None:
    """Mark a document-sharing site's listing title ``doc_site`` (``any_rule`` edited in
    place): the title line right above the site's uploader line (上传者:…, 浏览次数:…), when
    the document's own title follows below it, before the first outline heading (the site
    lists 衡水市城管执法局2016年…报告, the document is titled 衡水市城市管理行政执法局…)."""
    for i, f in enumerate(folded):
        if match_outline_marker(f) is not None:
            return
        if any_rule[i] or not _report_title_line(f):
            continue
        below = next((j for j in range(i + 1, len(folded)) if folded[j]), None)
        if below is None or any_rule[below] not in ("upload_date", "doc_site_info"):
            continue
        for j in range(below + 1, min(len(folded), below + 30)):
            if match_outline_marker(folded[j]) is not None:
                return
            if (
                not any_rule[j]
                and _report_title_line(folded[j])
                and not re.search(r"[,:]", folded[j])  # a title, not a sentence (现将…报告如下:)
            ):
                any_rule[i] = "doc_site"
                return


def _report_title_line(f: str) -> bool:
    return (
        _REPORT_TITLE_WORD.search(f) is not None
        and _REPORT_TITLE_WHAT.search(f) is not None
        and "。" not in f
        and len(f) <= 60
        and match_outline_marker(f) is None
    )


def _previous_document(lf: list[str], logical: list, m: int) -> int:
    """Where the report begins after another document's end, else 0: a gazette's or a
    portal's previous article above the report's title (its last paragraphs, its signature
    and date, 此件公开发布), with the report's title right below (chrome aside), more of the
    report's body below than of the other document's above, and the text's top not a report's
    title itself (a report with an appendix after its signature keeps both)."""
    lines = [j for j in range(m) if lf[j] and not logical[j].rule]
    if not lines or any(_report_title_line(lf[j]) for j in lines[:3]):
        return 0  # the text opens with a report's title: nothing above it is another's

    def body(lo: int, hi: int) -> list[int]:
        return [j for j in range(lo, hi) if not logical[j].rule and _is_body(lf[j])]

    for d in range(2, m):
        if not _date_only(lf[d]) or not any(_ORG_LINE.match(lf[j]) for j in (d - 1, d - 2)):
            continue
        above = body(0, d - 1)
        # a page's head (发布单位, 日期) above the title is no document's end: the other
        # document has paragraphs of its own
        if len(above) < 2 or sum(len(lf[j]) for j in above) < _NEXT_DOC_BODY:
            continue
        start = next(
            (
                j
                for j in range(d + 1, m)
                if lf[j] and not logical[j].rule and not _SIGNATURE_NOTE.match(lf[j])
            ),
            m,
        )
        title = [j for j in range(start, m) if lf[j] and not logical[j].rule][:4]
        if not any(_report_title_line(lf[j]) for j in title):
            continue
        below = sum(len(lf[j]) for j in body(start, m))
        if below > sum(len(lf[j]) for j in above):
            return start
    return 0


# a list of the attachments (附件:1. …统计年报 2. …): no body of the report, wherever it stands
# (the chrome row ``attachment`` removes it below the signature)
_ATTACHMENT_LIST = re.compile(r"附件\s*\d{0,2}\s*:\s*\S[^。]{0,200}$")


# the header of a list of other posts in a page's head, above the report (热点推荐)
_HEAD_LIST_HEADER = re.compile(
    r"(?:热点推荐|热门推荐|相关推荐|推荐阅读|精彩推荐|为你推荐|猜你喜欢|热点新闻|热门文章|最新发布|最新文章"
    r"|相关文章|相关阅读|相关新闻|热点关注)\s*:?"
)


# the head of a news app's or a WeChat article's tail of other people's text: recommended
# articles (相关推荐) and readers' comments (评论 23, 精选留言): what follows is not the report
_FEED_HEADER = re.compile(
    r"(?:相关推荐|推荐阅读|热门推荐|猜你喜欢|为你推荐|精彩推荐|往期推荐|延伸阅读|(?:更多)?相关文档|相似文档"
    r"|相关新闻|相关阅读|(?:全部|热门|精彩|最新|网友|读者)?评论|精选留言)\s*[:(（]?\s*\d*\s*[)）]?$"
    # a post's counters, readers' comments below (转发 12  评论 8  赞 96)
    r"|(?:转发|分享)\s*\d*\s+评论\s*\d*(?:\s+(?:赞|点赞)\s*\d*)?$"
    # a forum post's footer, its replies below (IP属地:河南  来自Android客户端  1楼  2024-02-04 21:37)
    r"|(?:IP属地\s*:\s*\S{1,8}\s+)?(?:来自\S{1,16}\s+)?\d{1,4}楼\s+(?:19|20)\d\d-\d{1,2}-\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _is_body(f: str) -> bool:
    """A line of the report's own text: a heading, a sentence, or a long punctuated line;
    not a line written mostly in another script (a bilingual portal's Uyghur, Mongolian or
    Tibetan menu and breadcrumb: the report is in Chinese)."""
    if other_script_line(f):
        return False
    if len(f) >= 8 and f.endswith("。"):
        return True
    if match_outline_marker(f) is not None:
        return True
    if _report_title_line(f) and not re.search(r"[,:;]", f):
        return False  # a long title with a 、 (…党组书记、局长2024年度履行…职责情况报告)
    return len(f) >= 30 and any(c in _SENTENCE_PUNCT for c in f)


# the label of an appendix the report carries below its signature (附件, 附件1, 附件：…统计表),
# not a link to a file (附件：…统计表.xls, the attachment rule's)
_APPENDIX_LABEL = re.compile(r"附件\s*\d{0,2}\s*(?::\s*(?:\d{1,2}\s*[.、]\s*)?[^。.]{0,40})?")


# a table's row with two figures or more at its end, its cells apart by spaces or tabs
_FIGURE_ROW = re.compile(r"^\S.*?(?:[ \t]+[\d.,]+%?){2,}\s*$")


def _appendix_at(lf: list[str], logical: list, body: list[int]) -> int | None:
    """Where an appendix below the report's signature begins: a 附件 label, or a table's first
    row, right after a signature's date (chrome such as a page number may stand between) with a
    line of the body after it (its table's rows); None when there is none."""
    for k in range(1, len(lf)):
        # (or a table's first row: a Word file's tables written after all its paragraphs, as
        # python-docx gives them)
        table = logical[k].text.count("\t") >= 2
        if not (_APPENDIX_LABEL.fullmatch(lf[k]) or table):
            continue
        # (its table's rows as a PDF gives them, cells one space apart: 1 行政检查 次 2146 1875)
        rows = sum(1 for x in lf[k + 1 : k + 8] if _FIGURE_ROW.match(x))
        if not any(b > k for b in body) and rows < 3:
            continue
        j = k - 1
        while j >= 0 and (
            (logical[j].rule and logical[j].rule in _WEAK_RULES)
            or _SIGNATURE_NOTE.fullmatch(lf[j])
            or logical[j].rule == "sender_contact"
        ):
            j -= 1  # a page number, a note (（此件主动公开）) or the contact line (（联系人：…）)
            # between the signature and the label
        parts = _signature_parts(lf[j]) if j >= 0 else None
        if parts is not None and parts[1]:
            return k
    return None


def _dated_below(lf: list[str], logical: list, k: int) -> bool:
    """Whether a signature's date stands within four lines below logical line ``k``."""
    for j in range(k + 1, min(len(lf), k + 5)):
        parts = _signature_parts(lf[j])
        if parts is not None and parts[1]:
            return True
    return False


def _date_only(f: str) -> str:
    if _DATE_ONLY.match(f.replace(" ", "")):
        return parse_date(f)
    return ""


# a title's line (报告, 汇报, 总结): a cover's date below it is the report's date
_COVER_TITLE = re.compile(r"报告|汇报|总结|述法|情况")


def _cover_date(title_lines: list[str]) -> str:
    """The date a cover sets alone on its line under the report's title (a slide deck's or a
    printed report's first page: title, 汇报单位：…, 2024年1月19日): the title block's first date,
    not under a label (统计截止日期：) nor one end of a period (2023年1月1日 / 至 / …), else ''."""
    folded = [fold(t).strip() for t in title_lines]
    for k in range(1, len(folded)):
        date = _date_only(folded[k])
        if not date:
            continue
        after = folded[k + 1] if k + 1 < len(folded) else ""
        if (
            # not a labelled date (统计截止日期: / 2023年12月31日), unless the label is the
            # report's own date's (汇报时间:, 报送日期:)
            (
                not folded[k - 1].endswith(":")
                or _OWN_DATE_LABEL.fullmatch(folded[k - 1]) is not None
            )
            and _PERIOD_JOIN.fullmatch(folded[k - 1]) is None  # nor a period's end (… / 至 / …)
            and not (_PERIOD_JOIN.fullmatch(after) or _PERIOD_START.match(after))  # nor its start
            and any(_COVER_TITLE.search(t) for t in folded[:k])
        ):
            return date
        return ""  # (only the first date of the title block can be the cover's)
    return ""


# what joins the two dates of a period
_PERIOD_JOIN = re.compile(r"(?:至|到|-|~|—)\s*")
_PERIOD_START = re.compile(r"(?:至|到|-|~)\s*(?:19|20)\d\d")


def _signature_parts(f: str) -> tuple[tuple[int, int] | None, str] | None:
    """((start, end) of the organisation or None, date) for a signature line, else None.

    ``f`` is a folded, stripped line; offsets index it (and the unfolded line).
    """
    date = _date_only(f)
    if date:
        return None, date
    m = _SIGN_OFF_LINE.match(f)
    if m:
        # a form's sign-off (a ledger's 填报人：… / 填报日期：…): the date it names is signed
        return None, _date_only(m["value"] or m["cell"]) if m["date"] else ""
    m = _ORG_LINE.match(f)
    if m:
        return m.span("org"), ""
    m = _ORG_DATE_LINE.match(f)
    if m:
        date = _date_only(m["date"].strip())
        if date:
            return m.span("org"), date
    return None


# A table written one cell per line (docx2txt's text of a Word table, a page's cells copied
# one below the other): a header of words, then rows as wide, each with a figure, whose
# columns hold figures (or an empty cell's dash) or words throughout. Folded lines.
_CELL_FIGURE = re.compile(r"[+\-±]?\d[\d,]*(?:\.\d+)?(?:%|个?百分点)?|-+|/|无|持平")
_CELL_PROSE = re.compile(r"[。;!?]|(?<!其中):|,(?!\d)")  # (a row's label 其中:简易程序)


# a total row's label (合计, 总 计, 小计)
_TOTAL_ROW_LABEL = re.compile(r"(?:合|总|小)\s*计")


def _cell_kind(f: str) -> str:
    """``"n"`` for a figure's cell (or an empty cell's dash), ``"w"`` for a word's."""
    return "n" if _CELL_FIGURE.fullmatch(f) else "w"


def _one_cell_per_line_tables(folded: list[str], any_rule: list[str]) -> list[list[list[int]]]:
    """The rows (lists of line indices, in order) of the tables written one cell per line:
    runs of short lines without prose punctuation or an outline marker (blank lines between
    them, up to two), read as a header of ``N`` words (three to ten; a year's column, 2023
    or 2023年, is a word) and two or more rows of ``N`` cells, each row with a figure, each
    column figures throughout or words throughout, with a column of figures and one of
    words. Of the ways to read a run, the one covering most cells (up to three lines above
    the header are its caption); a table is read only whole, and what follows stays."""
    runs: list[list[int]] = []
    run: list[int] = []
    gap = 0
    for i, f in enumerate(folded):
        if not f:
            gap += 1
            continue
        cell = (
            any_rule[i] in ("", "page_number")
            and len(f) <= 20  # (12345、12319热线工单(件): a label of 18)
            and not _CELL_PROSE.search(f)
            and (f.isdigit() or match_outline_marker(f) is None)
        )
        if cell and run and gap <= 2:
            run.append(i)
        else:
            if len(run) >= 9:
                runs.append(run)
            run = [i] if cell else []
        gap = 0
    if len(run) >= 9:
        runs.append(run)
    out: list[list[list[int]]] = []
    for run in runs:
        kinds = [_cell_kind(folded[i]) for i in run]
        while len(run) >= 9:
            best = _best_table(folded, run, kinds)
            if best is None:
                break
            # a total's row after the last, its label spanning two columns (合计 / 2947 / 386.25
            # under 序号 / 乡镇(街道) / 立案数 / 罚没款): one cell short, read with the table
            # (a full row, its merged cell written as / or -, is one: 合计 / / / 2947 / 386.25)
            last = run.index(max(i for row in best for i in row))
            width = len(best[-1])
            for size in (width, width - 1):
                rest = run[last + 1 : last + 1 + size]
                after = run[last + 1 + size] if last + 1 + size < len(run) else None
                if (
                    width >= 3
                    and len(rest) == size
                    and _TOTAL_ROW_LABEL.fullmatch(folded[rest[0]].strip()) is not None
                    and all(kinds[run.index(i)] == "n" for i in rest[1:])
                    and (after is None or kinds[run.index(after)] != "n")
                ):
                    best.append(rest)
                    last += size
                    break
            out.append(best)
            # a second table may follow in the same run of short lines
            run, kinds = run[last + 1 :], kinds[last + 1 :]
    return out


def _best_table(folded: list[str], run: list[int], kinds: list[str]) -> list[list[int]] | None:
    """The rows of the table that covers most cells of ``run`` (its caption, up to three
    lines, above it; short lines after it left out); a tie goes to rows."""
    best: tuple[int, list[list[int]]] | None = None
    for start in range(min(4, len(run))):
        for width in range(3, 11):
            for n_rows in range((len(run) - start) // width, 2, -1):
                covered = width * n_rows
                if best is not None and covered <= best[0]:
                    break
                # row after row (a Word table's cells) and column after column (a PDF's table
                # drawn cell by cell, as PyMuPDF gives it: each column's header, then its cells)
                found = None
                for by_column in (False, True):
                    if by_column:
                        index = [
                            [start + j * n_rows + r for j in range(width)] for r in range(n_rows)
                        ]
                    else:
                        index = [
                            [start + r * width + j for j in range(width)] for r in range(n_rows)
                        ]
                    if _reads_as_table(folded, run, kinds, index, by_column):
                        found = [[run[k] for k in row] for row in index]
                        break
                if found is not None:
                    best = (covered, found)
                    break
    return best[1] if best is not None else None


# a header's year (2023, 2023年, 2023年度, 2023年1-6月)
_HEADER_YEAR = re.compile(r"(?:19|20)\d\d(?:年度?)?(?:\d{1,2}[-—至~]\d{1,2}月)?")
# the words a table's header holds, never its body's cells
_HEADER_WORD = re.compile(
    r"(?:项目|单位|计量单位|指标|类别|类型|序号|名称|数量|占比|同比|同比增减|增减|增幅|备注|内容|年度)"
)


_NOT_A_CELL_REST = re.compile(r"续表|表\s*\d|单位|注|[(（]?[一二三四五六七八九十\d]{1,2}[、.．)）]")


def _cell_continuations(raws: list[str]) -> set[int]:
    """The lines that go on a tab-separated table's row broken inside a cell: a line after a
    row with fewer tabs than the table's rows, whose own tabs make up the difference, the
    next row having the full count (序号⇥类别⇥…⇥同比 / 增减 / 1⇥执法办案⇥…)."""
    tabs = [r.count("\t") for r in raws]
    full = [i for i, r in enumerate(raws) if r.strip()]
    out: set[int] = set()
    for a, b, c in zip(full, full[1:], full[2:], strict=False):
        if tabs[a] >= 1 and tabs[c] >= 2 and tabs[b] < tabs[c] and tabs[a] + tabs[b] == tabs[c]:
            rest = [cell.strip() for cell in raws[b].split("\t")]
            end, start = raws[a].rstrip()[-1:], rest[0][:1]
            if (
                b - a == 1
                and len(rest[0]) <= (12 if tabs[b] == 0 else 20)
                and not any(_HEADER_YEAR.fullmatch(cell) for cell in rest)
                # not a caption, a unit's line, a note or a numbered line between two tables
                and not _NOT_A_CELL_REST.match(rest[0])
                and not (end.isdigit() and start.isdigit())
            ):
                out.add(b)  # (not a header's second row of years: 办理数量 over 2023年⇥2022年)
    return out


def _reads_as_table(
    folded: list[str], run: list[int], kinds: list[str], index: list[list[int]], by_column: bool
) -> bool:
    """Whether the cells of ``run`` at ``index`` (rows of positions, the header first) read as
    a table: a header of short words, one of them (two, read column by column) a header's word
    or a year, each row below with a figure and no header's word, each column figures or words
    throughout, a column of each, and the first column of words naming each row once, not a
    column of units (a table read a cell off)."""
    head, body = index[0], index[1:]
    if any(kinds[k] == "n" and not _HEADER_YEAR.fullmatch(folded[run[k]]) for k in head):
        return False
    if any(len(folded[run[k]]) > 10 for k in head):
        return False  # (a header's cells are short: 项目, 单位, 2023年, 同比增减)
    said = sum(
        1
        for k in head
        if _HEADER_WORD.fullmatch(folded[run[k]]) or _HEADER_YEAR.fullmatch(folded[run[k]])
    )
    if said < (2 if by_column else 1):
        return False
    if not all(any(kinds[k] == "n" for k in row) for row in body):
        return False
    if any(_HEADER_WORD.fullmatch(folded[run[k]]) for row in body for k in row):
        return False
    cols = [{kinds[row[j]] for row in body} for j in range(len(head))]
    if not (all(len(c) == 1 for c in cols) and {"n"} in cols and {"w"} in cols):
        return False
    label = cols.index({"w"})
    names = [folded[run[row[label]]] for row in body]
    if len(set(names)) != len(names) or all(_is_unit(name) for name in names):
        return False  # (a column of units first: the labels' column lost a cell)
    return True


def _join_across_pages(logical: list) -> None:
    """Join a sentence an article's pagination cut (…全年共收缴罚没款186. / the page's foot and
    the next page's head, three removed lines or more / 42万元，同比下降…): the kept line before
    the page's furniture, 15 characters or more, no heading alone and ending inside its sentence,
    takes the kept line after it, which opens with no indent and no outline marker (edited in
    place)."""
    k = 0
    while k < len(logical):
        lg = logical[k]
        j = k + 1
        while j < len(logical) and logical[j].rule:
            j += 1
        if (
            not lg.rule
            and j < len(logical)
            and j - k - 1 >= 3
            and len(lg.text) >= 15
            # (a figure the break cut: …罚没款186. / 42万元，…, …活动63 / 场次，…)
            and _CUT_FIGURE_END.search(lg.text) is not None
            and _CUT_FIGURE_START.match(logical[j].text) is not None
            # (not a heading alone on its line; a run-in heading's paragraph is no heading)
            and (match_outline_marker(fold(lg.text)) is None or "。" in lg.text)
            and match_outline_marker(fold(logical[j].text)) is None
            and logical[j].raws[0][:1] not in (" ", "\u3000", "\t")
        ):
            nxt = logical.pop(j)
            lg.idxs += nxt.idxs
            lg.raws += nxt.raws
            lg.text += nxt.text
            lg.folded = fold(lg.text)
            continue
        k += 1


_CUT_FIGURE_END = re.compile(r"[\u4e00-\u9fff]\d[\d,]*\.?\d*$")
_CUT_FIGURE_START = re.compile(r"\d|[万亿]?[\u4e00-\u9fff]{1,2}[，,。；;、]")


@dataclass(slots=True)
class _Logical:
    """A logical line: one raw line, or several raw lines joined (PDF hard wraps)."""

    idxs: list[int]
    raws: list[str]
    text: str  # stripped, joined
    rule: str = ""
    folded: str = ""  # fold(text), kept alongside (fold and strip commute)
    cells: bool = False  # a table's row whose cells stood one per line, joined by tabs


# A line at least this wide (display width: 20 Chinese characters) counts in _ragged_shape.
_RAGGED_MIN = 40
_NARROW_MIN = 28  # ... and no line narrower than this (14 Chinese characters) is full


def _pdf_shape(raws: list[str]) -> tuple[bool, str, int]:
    """Whether lines look hard-wrapped: (is_pdf, measure, full width)."""
    # (a table drawn with box characters is as wide on every line: no measure of wraps)
    lines = [r.rstrip() for r in raws if _strip(r) and not _BOX_DRAWING.search(r)]
    return _pdf_shape_of([len(r) for r in lines], _display_widths(lines))


_BOX_DRAWING = re.compile(r"[│┃┌┐└┘├┤┬┴┼─━┏┓┗┛┣┫┳┻╋]")


def _pdf_shape_of(chars: list[int], display: list[int]) -> tuple[bool, str, int]:
    """:func:`_pdf_shape` from the widths of the non-blank lines (rstripped): in
    characters and in display width."""
    best = (False, "chars", 0, 0.0)
    n = len(chars)
    if n < 6:
        return False, "chars", 0
    for measure, widths, tol in (("chars", chars, 1), ("display", display, 3)):
        counts = Counter(widths)
        top_w, top_c = 0, 0
        for w in counts:
            if w < 20:
                continue
            c = sum(map(counts.get, range(w - tol, w + 1), repeat(0)))
            if c > top_c or (c == top_c and w > top_w):
                top_w, top_c = w, c
        frac = top_c / n
        # Display width only when it clusters clearly better than plain characters.
        margin = 0.1 if best[0] else 0.0
        if top_c >= 5 and frac >= 0.3 and top_w <= 200 and frac > best[3] + margin:
            best = (True, measure, top_w, frac)
    return best[0], best[1], best[2]


# punctuation inside a sentence: a wrapped line of prose has some, a title or heading none
_CLAUSE_PUNCT = re.compile(r"[,;。、]")


def _wraps_below(widths: list[int], lines: list[str], full: int, measure: str) -> bool:
    """Whether lines shorter than the measure ``full`` end inside a sentence as often as the
    full ones do: the measure is only the longest of ragged wraps."""
    tol = 1 if measure == "chars" else 3
    low = full // 2
    short = [line for w, line in zip(widths, lines, strict=True) if low <= w < full - tol]
    if len(short) < 10:
        return False
    return sum(not _is_terminal(line) for line in short) >= 0.6 * len(short)


def _ragged_shape(lines: list[str], display: list[int]) -> tuple[bool, int]:
    """Hard wraps at varying widths (a converter's ragged lines): (is_pdf, full width).

    ``lines`` are folded (so that ；and ： end sentences as ; and : do), ``display`` the
    display widths of the raw lines.

    Text whose long lines mostly end inside a sentence was wrapped, whatever their widths;
    in text saved from a web page or a word processor a paragraph is one line ending in
    sentence punctuation. Any long line (``_RAGGED_MIN``) then counts as full: a wrapped line
    joins the next one when it ends inside a sentence.
    """
    long = [(w, line) for line, w in zip(lines, display, strict=True) if w >= _RAGGED_MIN]
    if len(long) < 10:
        return False, 0
    open_ends = sum(not _is_terminal(line) for _, line in long)
    if open_ends < 0.6 * len(long):
        return False, 0
    # a narrow column (wraps at 18-24 characters): a line three quarters as wide as its
    # wrapped lines' median is full too
    wrapped = sorted(
        w
        for line, w in zip(lines, display, strict=True)
        if w >= _NARROW_MIN and not _is_terminal(line)
    )
    median = wrapped[len(wrapped) // 2] if wrapped else _RAGGED_MIN
    return True, max(_NARROW_MIN, min(_RAGGED_MIN, median * 3 // 4))


# ---------------------------------------------------------------------------------------
# Cleaning


# HTML left in the text by a careless conversion: tags that end a block become an indent
# (two ideographic spaces: the sections parser reads a paragraph start there), other tags and
# comments go, entities are decoded (a no-break space is a space)
_HTML_TAG_NAMES = (
    "a|abbr|b|big|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|div|dl|dt|em|"
    "figcaption|figure|font|h[1-6]|head|hr|html|i|img|ins|label|li|mark|meta|o:p|ol|p|pre|q|s|"
    "section|article|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul|wbr|"
    # a page's frame: navigation, forms, media (a whole page saved: MHTML, a browser's copy)
    "nav|header|footer|main|aside|address|form|input|button|select|option|textarea|fieldset|"
    "legend|iframe|link|noscript|time|picture|source|video|audio|map|area|base|details|summary|"
    "dialog|menu|tt|nobr|object|embed|param"
)
_HTML_TAG = re.compile(
    rf"<!--.*?-->|<!\[(?:if\b[^\]<>]*|endif)\]>|</?(?P<name>{_HTML_TAG_NAMES})(?:\s[^<>]*)?/?>",
    re.IGNORECASE | re.DOTALL,
)  # (also Word's conditions around what it shows: <![if !supportLists]>（一）<![endif]>)
_HTML_BLOCK = frozenset(
    "article blockquote br div h1 h2 h3 h4 h5 h6 hr li ol p pre section ul nav header footer "
    "main aside address form fieldset details summary dialog menu".split()
)
# a table row of one cell: a page laid out with a table, each row a paragraph
_ONE_CELL_ROW = re.compile(
    r"<tr(?:\s[^<>]*)?>\s*<t[dh](?:\s[^<>]*)?>(?P<cell>(?:(?!</?t[dhr][\s>]).)*)</t[dh]>\s*</tr>",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def _tag_replacement(m: re.Match[str]) -> str:
    name = (m.group("name") or "").lower()
    if name in _HTML_BLOCK:
        return "\u3000\u3000"
    # a table's rows and cells are not paragraphs: a cell's (一)行政许可 is no heading; a cell
    # starts with one space (never a run of them, which would read as an indent)
    if name in ("td", "th") and not m.group(0).startswith("</"):
        return " "
    return ""


# a site's watermark at the end of a line, after a space: its name and address
# (公文汇 www.gongwenhui.com); government sites (.gov.cn) are never watermarks
_WATERMARK_URL = re.compile(
    r"(?:^|(?<=\S)[ \t\u3000\u00a0]+)(?P<names>(?:[\u4e00-\u9fff]{2,6}[ \t\u3000]+)?)"
    r"(?P<url>(?:https?://)?(?:www\.)?(?![a-z0-9.-]*gov\.cn)[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|cn|net|org|cc|top)(?:/\S*)?)[ \t\u3000\u00a0]*$",
    re.IGNORECASE,
)
# what introduces an address that is content (平台网址 www.xx.com, 登录 www.xx.com)
_ADDRESS_CUE = re.compile(
    r"(?:网址|网站|网页|地址|登录|登陆|访问|关注|平台|查询)[:：]?[ \t\u3000]*$"
)


# a draft's line number in its left margin (5, 10, 15 …) and the spaces after it
_LINE_NUMBER = re.compile(r"([ \t]*)(\d{1,4})(?: {2,}|\t+|\u3000+)(?=\S)")


# a spreadsheet's header over a text pasted one paragraph a row: its number, its text, notes
_SHEET_HEADER = re.compile(
    r"\s*(?:段落|行)?(?:序号|编号|行号)\t(?:段落)?(?:内容|正文|文本|原文)(?:\t[^\t]{0,10})*\s*"
)
_SHEET_ROW = re.compile(r"\s*\d{1,4}\t")


def _sheet_rows(raws: list[str]) -> dict[int, str]:
    """A report pasted into a spreadsheet one paragraph a row and exported as text (段落序号⇥内容⇥备注,
    then 1⇥…标题⇥, 2⇥“　　2023年，…”⇥数据待核实): each row's text cell alone, its quotes as
    Excel wrote them undone (a cell in quotes, its quotes doubled; a cell over two lines), the
    header's line and the row numbers and notes gone: ``{index: line}``. Five rows or more under
    the header."""
    head = next((i for i, r in enumerate(raws[:5]) if _SHEET_HEADER.fullmatch(r)), None)
    if head is None:
        return {}
    col = 1
    out: dict[int, str] = {head: ""}
    i, rows = head + 1, 0
    while i < len(raws):
        raw = raws[i]
        if not _SHEET_ROW.match(raw):
            i += 1
            continue
        cells = raw.split("\t")
        cell = cells[col] if len(cells) > col else ""
        if cell.startswith('"') and not (len(cell) > 1 and cell.endswith('"')):
            # a cell over lines (a line break inside it): up to the line its closing quote ends
            lines = [cell]
            j = i + 1
            while j < len(raws) and '"\t' not in raws[j] and not raws[j].endswith('"'):
                lines.append(raws[j])
                j += 1
            if j < len(raws):
                lines.append(raws[j].split('"\t')[0] + '"' if '"\t' in raws[j] else raws[j])
            for k, text in enumerate(lines):
                text = text[1:] if k == 0 else text
                text = text[:-1] if k == len(lines) - 1 and text.endswith('"') else text
                out[i + k] = text.replace('""', '"')
            i = j + 1
        else:
            if len(cell) > 1 and cell.startswith('"') and cell.endswith('"'):
                cell = cell[1:-1].replace('""', '"')
            out[i] = cell
            i += 1
        rows += 1
    return out if rows >= 5 else {}


_QUOTE_MARK = re.compile(r"(?:[ \t]*>)+ ?")


def _strip_quote_marks(raws: list[str]) -> dict[int, str]:
    """Lines of an e-mail's quoted message without the marks its mail client set before
    every line (``> 　　一、…``, ``>`` alone on a blank line, ``> > `` for a quote in a quote):
    ``{index: line}``. Only when the quoted lines are the text's most: twenty or more, holding
    more of its Chinese characters than the rest (a Markdown page's few quoted callouts, or a
    reply above a quoted request, keep theirs)."""
    found = {i: m.end() for i, r in enumerate(raws) if (m := _QUOTE_MARK.match(r))}
    if len(found) < 20:
        return {}
    # (the quote holds most of the text's words: not a reply above a quoted request)
    quoted = sum(len(_HAN.findall(raws[i])) for i in found)
    if quoted <= sum(len(_HAN.findall(r)) for i, r in enumerate(raws) if i not in found):
        return {}
    return {i: raws[i][end:] for i, end in found.items()}


def _strip_line_numbers(raws: list[str]) -> dict[int, str]:
    """Lines of a draft printed with line numbers in its margin (a 征求意见稿's ``50    （三）…``,
    every fifth line numbered), without them: ``{index: line}``. The numbers are told by their
    rhythm: five or more lines open with a number and spaces, most of them multiples of five,
    and from one to the next the number grows as much as the lines between them (within a
    page; the count may restart on a new page), in three pairs or more out of five. A table's
    rows (序号 1, 2, 3 …) or a list's figures have no such rhythm."""
    found = [(i, int(m.group(2)), m) for i, r in enumerate(raws) if (m := _LINE_NUMBER.match(r))]
    if len(found) < 5:
        return {}
    if sum(1 for _, n, _ in found if n % 5 == 0) < 0.8 * len(found):
        return {}
    pairs = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(found, found[1:], strict=False)]
    rhythm = sum(1 for gap, step in pairs if step > 0 and gap == step)
    if rhythm < 3 or rhythm < 0.6 * len(pairs):
        return {}
    return {i: m.group(1) + raws[i][m.end() :] for i, n, m in found if n % 5 == 0}


def _csv_rows(raws: list[str]) -> dict[int, str]:
    """A table pasted from Excel's CSV (序号,执法领域,立案数（件）,… then 1,市容环境,"1,236",86.52):
    its lines with their cells parted by tabs, as a table copied from a page is, empty cells
    kept (but at the end of a caption's or a note's line): ``{index: line}``. A run of three or more lines
    that parse as four or more fields each, two of them or more with two figures or more."""
    import csv

    def fields(line: str) -> list[str] | None:
        if line.count(",") < 3 or "\t" in line:
            return None
        try:
            row = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            return None
        return row if len(row) >= 4 else None

    out: dict[int, str] = {}
    i, n = 0, len(raws)
    while i < n:
        run: list[tuple[int, list[str]]] = []
        j = i
        while j < n and (row := fields(raws[j])) is not None:
            run.append((j, row))
            j += 1
        numeric = sum(1 for _, row in run if sum(_cell_kind(c.strip()) == "n" for c in row) >= 2)
        if len(run) >= 3 and numeric >= 2:
            for k, row in run:
                if sum(1 for c in row if c.strip()) < 2:
                    while row and not row[-1].strip():
                        row = row[:-1]  # a caption's or a note's line: its empty cells go
                out[k] = "\t".join(c.strip() for c in row)
        i = max(j, i + 1)
    return out


def _strip_watermarks(raws: list[str]) -> dict[int, str]:
    """Lines that end with a copy site's watermark, without it: ``{index: line}``.

    A watermark is the site's address at the end of a line, after the line's text and a
    space, with the site's name before it (``公文汇 www.gongwenhui.com``), or, once a name was
    seen with an address, that name ending a line after its text (``公文汇,办公文档之家``). A
    line that is nothing but a watermark becomes blank. Watermarks repeat: a text with one
    address ending one line has none, and an address introduced as content (网址, 登录 …) is
    never one.
    """
    out: dict[int, str] = {}
    names: set[str] = set()
    for i, raw in enumerate(raws):
        if "." not in raw:
            continue
        m = _WATERMARK_URL.search(raw)
        if m is None or _ADDRESS_CUE.search(raw, 0, m.start("url")):
            continue
        out[i] = raw[: m.start()]
        names.update(re.findall(r"[\u4e00-\u9fff]{2,6}", m.group("names")))
    if len(out) < 2:
        out = {}  # a watermark repeats: one address ending one line is content
    _strip_inline_watermarks(raws, out)
    if not out:
        return {}
    if names:
        # the site's name alone ending a line after its text (公文汇,办公文档之家)
        tail = re.compile(
            r"(?<=\S)[ \t\u3000\u00a0]+(?:"
            + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
            + r")(?:[,，、 ][^。!?！？]{0,12})?$"
        )
        for i, raw in enumerate(raws):
            if i not in out:
                m = tail.search(raw)
                if m is not None:
                    out[i] = raw[: m.start()]
    return out


# a copy site's address inside a line (not a government site's)
_INLINE_URL = re.compile(
    r"(?:https?://)?www\.(?![a-z0-9.-]*gov\.cn)[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|cn|net|org|cc|top)(?![a-z0-9.-])",
    re.IGNORECASE,
)
_INLINE_MARK_MAX = 24  # the longest name and slogan before the address (秘书之家—全网资源每日更新)


def _strip_inline_watermarks(raws: list[str], out: dict[int, str]) -> None:
    """Remove, in place in ``out``, a copy site's name and address set inside lines, where a
    PDF's page header fell into the text (``…第一秘书之家—全网资源每日更新www.mishuzj.com责任人…``).

    The mark is the words and address of one occurrence that opens a line or a sentence
    (``秘书之家—全网资源每日更新www.mishuzj.com``, a page header); it is removed wherever those
    words stand right before the address, when they do twice or more. An address introduced
    as content (网址, 登录 …, also in brackets or quotes) or standing alone is never one.
    """
    lines = {i: out.get(i, raw) for i, raw in enumerate(raws) if "www" in raw.lower()}
    hits: dict[str, list[tuple[int, int, int]]] = {}
    for i, line in lines.items():
        for m in _INLINE_URL.finditer(line):
            if not _ADDRESS_CUE.search(line[: m.start()].rstrip('(（“"[【 ')):
                hits.setdefault(m.group(0).lower(), []).append((i, m.start(), m.end()))
    for spots in hits.values():
        if len(spots) < 2:
            continue
        # the words of an occurrence that opens a line or a sentence (the page header's): the
        # shortest such, so that text before a mark on its line is not taken for its words
        opening = []
        for i, a, _ in spots:
            head = lines[i][max(0, a - _INLINE_MARK_MAX) : a]
            cut = max(head.rfind(c) for c in "。!?;！？；")
            own = head[cut + 1 :] if cut >= 0 else head
            if (
                (cut >= 0 or a <= _INLINE_MARK_MAX)
                and len(own) >= 2
                and not re.search(r"[\s(（“\"]", own)
            ):
                opening.append(own)
        words = min(opening, key=len) if opening else ""
        if not words or sum(lines[i][:a].endswith(words) for i, a, _ in spots) < 2:
            continue  # the same words before the address twice or more: a repeated mark
        for i, a, b in sorted(spots, reverse=True):  # from the line's end: offsets stay valid
            line = lines[i]
            if line[:a].endswith(words):
                lines[i] = out[i] = line[: a - len(words)] + line[b:]


# a mirror site's pinyin gloss after a character: 区(qū), 设(shè), 习(xí) (a word in brackets
# after a character, with a tone mark, never a report's own text)
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


# characters common in report text that only traditional script writes (们这个国 … in
# simplified): a text with a few of them is converted, one without is left alone (no
# conversion is tried)
_TRADITIONAL_ONLY = re.compile(
    "[們這個國來時說為會對發與區縣處罰書實現開應當關辦業報統總體務經執規範審複訟訴訓據學設黨習"
    "貫徹傳達組織題議幹職責權項條級門問間萬億員記計認論講營環衛術進運選優勢兩產廣單場層屬機構"
    "樣決況準則劃動勞協參質資購費護證義聽聯網線練績續邊過還連適鄉鎮鐵陽隊際難電響順預領頭顧養"
    "驗點齊監違]"
)


def _is_traditional(text: str, min_chars: int = 10) -> bool:
    """Whether a report is written in traditional characters (a portal's 繁體 version):
    at least ``min_chars`` characters that only traditional script writes, and as many as
    2 % of its Chinese characters."""
    hits = len(_TRADITIONAL_ONLY.findall(text))
    if hits < min_chars:
        return False
    return hits >= 0.02 * sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # lazy: only a text in traditional characters needs it

    return opencc.OpenCC("t2s.json")


def _to_simplified(lines: list[str]) -> list[str]:
    """The lines in simplified characters (OpenCC t2s, phrase by phrase), one for one."""
    out = _converter().convert("\n".join(lines)).split("\n")
    if len(out) != len(lines):  # the converter never adds or removes a line; if it did,
        out = [_converter().convert(line) for line in lines]  # convert line by line
    # a mirror's traditional 覆議 / 覆核 / 覆查 (复 converted mechanically) stays 覆 in t2s:
    # the simplified words are 复议, 复核, 复查
    return [_MIRROR_FU.sub(r"复\1", line) for line in out]


_MIRROR_FU = re.compile(r"覆(议|核|查)")


@lexicon_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """The units of ``units.tsv`` (an infographic's unit line is one of them)."""
    return frozenset(read_lexicon_table("units.tsv")["unit"].str.strip())


def _is_unit(word: str) -> bool:
    """Whether a line's words are a unit: 件, 批次, %, or one after 万/亿 (万元, 万件)."""
    units = _unit_words()
    return word == "%" or word in units or (word[:1] in "万亿" and word[1:] in units)


# the widest measure (display columns, or characters) of a narrow column: 20 characters
_NARROW_FULL = {3: 40, 1: 20}
# a bulleted list's item (▪ 局党组书记…, • 检查旅行社…, - 立案…): a line of its own
_BULLET_START = re.compile(rf"\s*(?:{BULLET}|[-*+](?=\s))")
# a two-cell row: a label, a tab, a figure (a chart's data copied as text: 网吧⇥34)
_LABEL_TAB_FIGURE = re.compile(r"[^\t]{1,24}\t[ \t]*[\d.,]+%?")
# a form's or a cover's field: who reports, sends or fills it in, and when (汇报单位:, 报送日期:)
_FORM_FIELD = r"(?:汇报|报告|报送|呈报|填报|填表|编制|制表|审核|签发|主办|承办|发布|印发|成文)"
_FIELD_LINE = re.compile(
    rf"\s*(?:{_FORM_FIELD}(?:单位|人|日期|时间)"
    # ... and a task's fields in a plan or a ledger (责任单位:, 牵头部门:, 完成时限:)
    r"|(?:牵头|责任|配合|协办|主责)(?:单位|部门|领导|科室|人)|完成时限|时间节点)\s*:"
)
# ... the one that labels the report's own date (汇报时间:, 报送日期:)
_OWN_DATE_LABEL = re.compile(rf"{_FORM_FIELD}(?:时间|日期)\s*:")
# the label of notes on a line of its own (a slide's speaker notes: 备注:)
_NOTES_LABEL = re.compile(r"\s*(?:备注|附注|注|说明|演讲者备注|讲稿|Notes?)\s*:\s*")
# a heading's line that stops a few characters into a list's item (…专常兼备、反应)
_OPEN_LIST_END = re.compile(r"[、,][^、,。]{1,4}$")
# a heading's last characters ending its sentence at the start of the next line (…职 / 责。…)
_HEADING_TAIL = re.compile(r"\s*[^\s,;:。]{1,4}[。,;:]")
# a level-1 heading (一、) without punctuation whose last word closes the name of a report's
# part: the year's work, the problems, the plans, the leaders' duty (…职责情况)
_COMPLETE_PART = re.compile(
    r"^\s*[一二三四五六七八九十]{1,3}、[^,;:。]{2,40}(?:情况|问题|不足|不足之处|打算|计划|思路|安排|成效)$"
)
# a heading's last word that leaves it unfinished (…执法质效和 / 群众满意度)
_OPEN_END = "和及与的、,在对等并以为把将从向与或其"


# the words a paragraph opens with, never a heading's rest (我局…, 全年…, 2023年,…)
_PARAGRAPH_OPENER = re.compile(
    r"\s*(?:我[局委厅办队]|本[局委厅办队]|全年|今年|年内|(?:19|20)\d\d年[,度])"
)


def _balanced_heading(folded_line: str) -> bool:
    """Whether a heading's line is two clauses of about the same length (抓实学法培训,锤炼执法
    队伍): a finished heading, however full its line."""
    m = match_outline_marker(folded_line)
    if m is None:
        return False
    body = folded_line[m[3] :].strip()
    parts = body.split(",")
    return (
        "。" not in body
        and len(parts) == 2
        and all(3 <= len(p) <= 14 for p in parts)
        and abs(len(parts[0]) - len(parts[1])) <= 2
        and body[-1] not in _OPEN_END
    )


def _same_ocr_line(a: str, b: str) -> bool:
    """Whether two OCR lines are one line read twice: equal, or, when long enough, apart by a
    character or two (a comma read as ',', one look-alike)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 8 or abs(len(a) - len(b)) > 2:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def _screenshot_overlaps(folded: list[str], any_rule: list[str]) -> list[int]:
    """The lines a screenshot repeats from the one before (OCR of a phone's screenshots taken
    one after another: the last line or lines of one stand again at the top of the next, below
    its status bar): up to three lines after a run of ``phone_screen`` lines equal, folded, to
    the lines before it."""
    out: list[int] = []
    n = len(folded)
    i = 0
    while i < n:
        if any_rule[i] != "phone_screen":
            i += 1
            continue
        j = i
        while j < n and (any_rule[j] == "phone_screen" or not folded[j]):
            j += 1
        before = [k for k in range(i - 1, max(-1, i - 24), -1) if folded[k] and not any_rule[k]]
        before = before[:8][::-1]
        after = [k for k in range(j, min(n, j + 24)) if folded[k] and not any_rule[k]][:8]
        for size in range(min(len(before), len(after)), 0, -1):
            if all(
                _same_ocr_line(folded[a], folded[b])
                for a, b in zip(before[-size:], after[:size], strict=True)
            ):
                out += after[:size]
                break
        i = j
    return out


_FRONT_KEY = re.compile(r"[A-Za-z_][\w-]{0,30}\s*:|-\s|$")


def _front_matter(folded: list[str]) -> list[int]:
    """The lines of a Markdown file's YAML front matter: from a first line ``---`` to the next
    ``---``, every line in between a ``key:`` or a list item (a web clipper's title, source,
    author, dates and tags), 40 lines at most; [] when the file opens otherwise."""
    if not folded or folded[0] != "---":
        return []
    for j in range(1, min(len(folded), 41)):
        if folded[j] == "---":
            inner = range(1, j)
            if all(_FRONT_KEY.match(folded[k]) for k in inner):
                return list(range(j + 1))
            return []
    return []


# an English gloss after a Chinese label or item (发布日期 Release Date:, 首页 Home |): a bilingual
# page's chrome reads as the Chinese alone
_EN_GLOSS = re.compile(r"([\u4e00-\u9fff])\s+[A-Za-z][A-Za-z'&.\- ]{1,40}?(?=\s*(?:[:|>】\]]|$))")
_BOLD = re.compile(r"\*\*|__")
_STRUCK = re.compile(r"~~[^~\n]{1,80}?~~")
_MD_ESCAPE = re.compile(r"\\([~*_\[\]()#>+\-.!|`{}])")
# an italic run on one line (*2023-02-09 17:32*), not a lone * (a footnote's, a list's)
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,80}?)(?<=\S)\*(?![*\w])")


def _strip_emphasis(line: str) -> str:
    """A Markdown line without its bold marks and italic pairs (a list's leading * kept),
    its struck-out words (~~98.6%~~: a draft's figure crossed out) and its escapes (18\\~24次)."""
    out = _STRUCK.sub("", line) if "~~" in line else line
    out = _BOLD.sub("", out)
    out = _ITALIC.sub(r"\1", out)
    return _MD_ESCAPE.sub(r"\1", out) if "\\" in out else out


# the rules of a kept line changed in place, the one its row is recorded under first
_INLINE_RULES = (
    "sheet_column",
    "quote_mark",
    "line_number",
    "csv_table",
    "watermark",
    "pinyin_gloss",
    "html_markup",
    "traditional_script",
    "page_chunk",
    "letter_spacing",
    "doubled_characters",
    "invisible_characters",
    "manual_line_break",
    "markdown_emphasis",
    "latex_math",
    "search_highlight",
)
# a figure a PDF-to-Markdown converter wrote as LaTeX math ($2,147$ 件, $\mathrm{286.45}$ 万元,
# $1{,}064$ 人次, $97.9\%$): its figure as written in text
_LATEX_INLINE = re.compile(r"\$([^$\n]{1,40}?)\$")
_LATEX_WRAP = re.compile(r"\\(?:mathrm|text|textrm|mathbf|mathit|rm|bf)\s*\{([^{}]*)\}")
_LATEX_FIGURE = re.compile(
    r"[+\-−]?\d(?:[\d,.]*\d)?(?:\s*%)?|\d(?:[\d,.]*\d)?\s*[-~至]\s*\d(?:[\d,.]*\d)?(?:\s*%)?"
)  # (a figure ends in a digit or %: not the $1.5, of prices $1.5, $2.0)


def _plain_math(line: str) -> str:
    """A line with its inline LaTeX figures written as text (only figures: other math stays)."""

    def plain(m: re.Match[str]) -> str:
        inner = _LATEX_WRAP.sub(r"\1", m.group(1))
        inner = inner.replace("{,}", ",").replace("{.}", ".").replace("\\%", "%")
        inner = re.sub(r"\\[,;!: ]", "", inner).replace("\\sim", "~").strip()
        if re.fullmatch(r"\d(?: \d)+", inner):
            inner = inner.replace(" ", "")  # (a converter's spaced digits: $2 1 4 7$)
        return inner if _LATEX_FIGURE.fullmatch(inner) else m.group(0)

    return _LATEX_INLINE.sub(plain, line)


# characters an editor leaves in a page that no reader sees: zero-width spaces and joiners,
# word joiners, byte-order marks inside the text, soft hyphens (inside a number they would
# cut it: 2463<SHY>815.50元)
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069]+")
# ... but a soft hyphen between two years stood for a printed hyphen (2021<SHY>2025年)
_YEARS_HYPHEN = re.compile("(?<!\\d)((?:19|20)\\d\\d)\u00ad((?:19|20)\\d\\d)(?!\\d)")
# a line set with a space between every character, after an optional outline marker (a PDF's
# letter-spaced title or heading: 一、加 强 组 织 领 导, 关 于 2 0 1 9 年 度 …)
_LETTER_SPACED = re.compile(
    r"^(?P<lead>[ \t\u3000]*(?:(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|\d{1,2}[.、．]|第[一二三四五六七八九十]{1,3}部分)[ \t\u3000]?)?)"
    r"(?P<body>(?:\S[ \u3000]){3,}\S)[ \t\u3000]*$"
)


# A run of this many lines (of this many characters) found again, line for line, is a copy
_REPEAT_LINES = 5
_REPEAT_CHARS = 300


# a running head naming a publication and its year (…年鉴·2024, …公报(2023年第5期))
_PUBLICATION_HEAD = re.compile(
    r"年鉴|年报|公报|期刊|学报|[·•]\s*(?:19|20)\d\d|(?:19|20)\d\d\s*年?\s*第\s*\d+\s*期"
)


def _mark_repeated_body(logical: list) -> None:
    """Mark as ``duplicate`` the kept lines that repeat, line for line, a run of kept lines
    before them (five or more lines, 300 or more characters): a scraped page's print view
    or a second copy of the report. Lines with a rule are passed over when comparing; inside
    the copy they are marked too (the copy's 发布时间 line)."""
    kept = [k for k, lg in enumerate(logical) if not lg.rule]
    texts = [logical[k].text.strip() for k in kept]
    first: dict[str, int] = {}
    p = 0
    while p < len(kept):
        q = first.get(texts[p])
        if q is not None and len(texts[p]) >= 10:
            n = 0
            while p + n < len(kept) and q + n < p and texts[q + n] == texts[p + n]:
                n += 1
            if n >= _REPEAT_LINES and sum(len(t) for t in texts[p : p + n]) >= _REPEAT_CHARS:
                for k in range(kept[p], kept[p + n - 1] + 1):  # the copy's chrome lines too
                    logical[k].rule = "duplicate"
                p += n
                continue
        first.setdefault(texts[p], p)
        p += 1
    # a paragraph written twice in a row (a scraper that took a page's <p> and the <span> inside
    # it): the second copy, perhaps without its indent or its closing 。
    # (three such paragraphs or more; a title or a name written twice, a page's title over the
    # article's, is no scraper's copy)
    prev, twice = "", []
    for k in kept:
        if logical[k].rule:
            continue
        text = logical[k].text.strip(" \u3000\t").removesuffix("。")
        if (
            text == prev
            and len(_HAN.findall(text)) >= 4
            and _is_body(fold(logical[k].text.strip()))
        ):
            twice.append(k)
            continue
        prev = text
    if len(twice) >= 3:
        for k in twice:
            logical[k].rule = "duplicate"


def _doubled_run(body: str) -> tuple[int, str]:
    """How many characters at the start of ``body`` come in pairs of one character twice,
    and those characters once (``一一、、加加强强`` -> 8, ``一、加强``); a single space between two
    pairs is kept once (``四四、、 存存在在`` -> ``四、 存在``)."""
    k, once = 0, []
    while k + 1 < len(body):
        if body[k] == body[k + 1] and not body[k].isspace():
            once.append(body[k])
            k += 2
        elif (
            once
            and body[k] in " \u3000"
            and k + 2 < len(body)
            and body[k + 1] == body[k + 2]
            and not body[k + 1].isspace()
        ):
            once.append(body[k])
            k += 1
        else:
            break
    return k, "".join(once)


def _undouble(raws: list[str]) -> dict[int, str]:
    """Lines (or a line's lead) whose characters come twice, as a PDF's text layer gives a
    heading made bold by printing it twice, with each character once: ``{index: line}``. The
    lead must be four pairs or more, three of them Chinese (a report's plain text never doubles
    four characters running); a line right after one, all of it pairs (one or more), is a
    wrapped rest."""
    out: dict[int, str] = {}
    for i, raw in enumerate(raws):
        body = raw.lstrip(" \t\u3000\f")
        lead = raw[: len(raw) - len(body)]
        end = body.rstrip()
        k, pairs = _doubled_run(end)
        # (a wrapped rest: the whole line in pairs, one or more, below a doubled line)
        wrapped = k == len(end) and k >= 2 and (i - 1) in out and _HAN.search(pairs) is not None
        if (k >= 8 and len(_HAN.findall(pairs)) >= 3) or wrapped:
            out[i] = lead + pairs + body[k:]
    return out


def _join_letter_spacing(raws: list[str]) -> dict[int, str]:
    """Lines set with a space between every character, without the spaces: ``{index: line}``
    (two or more Chinese characters among them)."""
    out: dict[int, str] = {}
    for i, raw in enumerate(raws):
        if " " not in raw and "\u3000" not in raw:
            continue
        m = _LETTER_SPACED.match(raw)
        if m is not None and len(_HAN.findall(m["body"])) >= 2:
            out[i] = m["lead"] + re.sub(r"[ \u3000]", "", m["body"])
        elif (loose := _justified(raw)) is not None:
            out[i] = loose
    return out


# a line of a justified PDF as pdftotext -layout spaces it: single spaces between its
# characters, figures and their units kept whole (中 进 社 区 “ 三 进 ” 活 动 26场次 , 发 放 …)
_SPACED_TOKENS = re.compile(r"^(?P<lead>[ \t\u3000]*)(?P<body>\S+(?: \S+){5,})[ \t\u3000]*$")


def _justified(raw: str) -> str | None:
    """A line spaced out by justification, without those spaces (a space between two Latin
    letters or digits stays); None for any other line: most of its space-separated pieces
    must be single characters, four or more of them Chinese (OCR's spaced lines, a pair of
    characters left together here and there, figures whole: seven in ten of the pieces that
    are no figures)."""
    m = _SPACED_TOKENS.match(raw)
    if m is None:
        return None
    tokens = m["body"].split(" ")
    singles = [t for t in tokens if len(t) == 1]
    words = [t for t in tokens if not _FIGURE_TOKEN.fullmatch(t)]
    if sum(1 for t in singles if _HAN.match(t)) < 4:
        return None
    if len(singles) * 10 < len(tokens) * 8:
        # (OCR's line: not a table's row, whose figures stand side by side: 其中 简易程序 800 62%)
        if len(singles) * 10 < len(words) * 7 or any(
            _FIGURE_TOKEN.fullmatch(a) and _FIGURE_TOKEN.fullmatch(b) and a[-1] not in ",，"
            for a, b in itertools.pairwise(tokens)  # (3, 860: OCR's split figure)
        ):
            return None
    out = tokens[0]
    for a, b in itertools.pairwise(tokens):
        latin = a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()
        out += (" " if latin else "") + b
    return m["lead"] + out


_FIGURE_TOKEN = re.compile(r"[\d,.%，．％]+")  # a figure (or its part: 3, / 860) among the pieces
_CHUNK_NUMBER = re.compile(r"[ \t\u3000]*(\d{1,3})[、.．]")
_CHUNK_END = set("。！？；：!?;:…”’\"')）》")  # a sentence's end, as written (not folded)


def _join_page_chunks(raws: list[str]) -> dict[int, str]:
    """A document-sharing site's copy cut into numbered page chunks (``1、…依`` /
    ``2、法有效化解…``): each chunk's number stripped, and a chunk cut inside a sentence
    joined to the one before (the emptied line is recorded, as written, with the rule).

    Only a text that is such chunks (at most three other lines above or below them, a
    page's title or chrome): three or more non-blank lines in a row open with the next
    number (1、 2、 3、 …), the chunks are long (a median of 150 characters or more), and
    most of the cuts between them fall inside a sentence, as a fixed-length cut does; an
    outline's ``1、`` items end their sentences.
    """
    nonblank = [i for i, r in enumerate(raws) if r.strip()]
    first = next(
        (
            k
            for k, i in enumerate(nonblank[:4])
            if (m := _CHUNK_NUMBER.match(raws[i])) is not None and m.group(1) == "1"
        ),
        None,
    )
    if first is None:
        return {}
    rest: dict[int, str] = {}
    lines: list[int] = []
    for i in nonblank[first:]:
        m = _CHUNK_NUMBER.match(raws[i])
        if m is None or int(m.group(1)) != len(lines) + 1:
            break
        rest[i] = raws[i][m.end() :]
        lines.append(i)
    if len(lines) < 3 or len(nonblank) - first - len(lines) > 3:
        return {}
    sizes = sorted(len(r) for r in rest.values())
    if sizes[len(sizes) // 2] < 150:
        return {}
    cuts = [rest[i].rstrip()[-1:] not in _CHUNK_END for i in lines[:-1]]
    if sum(cuts) * 3 < len(cuts) * 2:
        return {}
    out: dict[int, str] = {lines[0]: rest[lines[0]]}
    target = lines[0]
    for i, cut in zip(lines[1:], cuts, strict=True):
        if cut:  # the sentence runs on: the chunk continues the line before
            out[target] = out[target].rstrip() + rest[i].lstrip()
            out[i] = ""
        else:
            out[i] = rest[i]
            target = i
    return out


# a saved page's code: its head (meta, title, CSS, scripts), scripts, styles and the doctype
_CODE_BLOCK = re.compile(
    r"<(head|script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!DOCTYPE[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def _without_code_blocks(text: str, raws: list[str]) -> dict[int, str]:
    """The lines of a saved HTML page without its code (``<head>…</head>``, ``<script>``,
    ``<style>``, the doctype): ``{index: line}`` of the lines that change (a line wholly inside
    a block becomes empty). ``raws``: ``text`` split at its newlines."""
    if HTML_PAGE.search(text) is None or _CODE_BLOCK.search(text) is None:
        return {}
    kept = _CODE_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text).split("\n")
    return {i: line for i, line in enumerate(kept) if line != raws[i]}


_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _cell_break(m: re.Match[str]) -> str:
    """A line break inside a table's cell: nothing between words (其中：<br>一般程序), a space
    between figures or letters (12<br>3 stays two)."""
    s, k = m.string, m.start()
    a, b = s[k - 1 : k], s[m.end() : m.end() + 1]
    return " " if (a.isascii() and a.isalnum()) or (b.isascii() and b.isalnum()) else ""


def strip_markup(line: str) -> str:
    """A line without the HTML a careless conversion left in it.

    ``<p style="…">一、总体情况</p>`` -> ``\u3000\u3000一、总体情况\u3000\u3000``: tags that end a
    block (p, div, br, li, h1-h6 …) become two ideographic spaces (an indent: a paragraph
    starts there), a table's tags a space, other tags (span, strong, font …) and comments
    nothing; entities are decoded (``&ldquo;`` -> ``“``, ``&nbsp;`` -> a space). Only known
    HTML element names are tags: ``<5人`` or ``<某某>`` stay as written.
    """
    if "<" in line and "<t" in line.lower():
        line = _ONE_CELL_ROW.sub("\u3000\u3000\\g<cell>\u3000\u3000", line)
    if "<" in line and line.lstrip().startswith("|"):
        # a line break inside a Markdown table's cell (| 2 | 其中：<br>一般程序 | 件 |): the cell
        # goes on, its row is one line
        line = _BREAK_TAG.sub(_cell_break, line)
    out = _HTML_TAG.sub(_tag_replacement, line) if "<" in line else line
    if "&" in out:
        out = _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), out)
        out = out.replace("\u00a0", " ")
    return out


# the words a cached copy's banner says were searched for (您查询的关键词：法治政府建设)
_SEARCHED = re.compile(
    r"^\s*(?:您查询的关键词|查询关键词|搜索关键词)\s*[:：]\s*(?P<terms>[^\n。]{2,40}?)\s*(?:[。.].*)?$",
    re.M,
)
_MARKED = re.compile(r"【([^【】\n]{2,30})】")


def _unmark_search_terms(raws: list[str]) -> dict[int, str]:
    """The lines of a search engine's cached copy without the brackets it set around the words
    searched for, which its banner names (您查询的关键词：法治政府建设); a report's own 【…】 stay."""
    text = "\n".join(raws)
    named = {t for m in _SEARCHED.finditer(text) for t in re.split(r"[\s,，;；]+", m["terms"]) if t}
    terms = named & {m.group(1) for m in _MARKED.finditer(text)}
    if not terms:
        return {}
    rx = re.compile(
        "【(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + ")】"
    )
    return {i: rx.sub(r"\1", r) for i, r in enumerate(raws) if "【" in r and rx.search(r)}


def clean_text(text: str, report_id: str = "", patterns: pd.DataFrame | None = None) -> CleanResult:
    """Remove chrome from a report's text, read its metadata and undo PDF hard wraps.

    Args:
        text: the decoded text of one report (``read_report``); ``\\r\\n`` and ``\\r``
            are treated as ``\\n``.
        report_id: written into the ``removed`` table.
        patterns: chrome patterns (columns ``rule, pattern, scope``); default
            :func:`load_chrome_patterns`.

    Returns:
        A :class:`CleanResult`. Every non-blank raw line either survives in ``text`` or
        is listed in ``removed`` with its rule (``line_no`` 1-based in ``text``).
    """
    compiled = _default_compiled() if patterns is None else _compile_patterns(patterns)
    cleaned, removed, metadata = _clean(text, compiled)
    columns = {
        "report_id": pd.Series([report_id] * len(removed), dtype=object),
        "line_no": pd.Series([r[0] for r in removed], dtype="int64"),
        "text": pd.Series([r[1] for r in removed], dtype=object),
        "rule": pd.Series([r[2] for r in removed], dtype=object),
    }
    table = pd.DataFrame({c: columns[c] for c in CLEANING.columns})
    return CleanResult(text=cleaned, removed=table, metadata=metadata)


def _clean(
    text: str, compiled: list[tuple[str, re.Pattern[str], str]] | None = None
) -> tuple[str, list[tuple[int, str, str]], dict[str, Any]]:
    """The work of :func:`clean_text` on plain lists (what the build caches).

    Returns:
        ``(cleaned text, removed rows (line_no, text, rule) by line_no, metadata)``.
    """
    if compiled is None:
        compiled = _default_compiled()
    text = normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    raws = text.split("\n")
    # kept lines changed in place, by line index: the line as written (``markup``) and the
    # rule its row is recorded under (``inline``; the first of _INLINE_RULES that applied)
    markup: dict[int, str] = {}
    inline: dict[int, str] = {}

    def rewrite(changed: dict[int, str], rule: str) -> None:
        for i, line in changed.items():
            if line == raws[i]:
                continue
            markup.setdefault(i, raws[i])
            raws[i] = line
            if i not in inline or _INLINE_RULES.index(rule) < _INLINE_RULES.index(inline[i]):
                inline[i] = rule

    if "<" in text or "&" in text:
        if "<" in text:
            # a whole saved page: its head, scripts and styles are no text at all
            rewrite(_without_code_blocks(text, raws), "html_markup")
        rewrite(
            {i: strip_markup(r) for i, r in enumerate(raws) if "<" in r or "&" in r}, "html_markup"
        )
    if "\x0b" in text or "\u2028" in text:
        # a manual line break inside a sentence (…行政处罚案件<VT>1,126件): the parts joined
        rewrite(
            {i: MANUAL_BREAK.sub("", r) for i, r in enumerate(raws) if MANUAL_BREAK.search(r)},
            "manual_line_break",
        )
    if _INVISIBLE.search(text) or ("&" in text and _INVISIBLE.search("\n".join(raws))):
        # (also those an HTML entity wrote: &#8203;, &shy;)
        rewrite(
            {
                i: _INVISIBLE.sub("", _YEARS_HYPHEN.sub(r"\1-\2", r))
                for i, r in enumerate(raws)
                if _INVISIBLE.search(r)
            },
            "invisible_characters",
        )
    if "." in text:
        rewrite(_strip_watermarks(raws), "watermark")
    if "(" in text and _PINYIN_GLOSS.search(text):
        rewrite(
            {i: _PINYIN_GLOSS.sub("", r) for i, r in enumerate(raws) if "(" in r}, "pinyin_gloss"
        )
    if _is_traditional(text):
        rewrite(dict(enumerate(_to_simplified(raws))), "traditional_script")
    if "1" in text:
        rewrite(_join_page_chunks(raws), "page_chunk")
    quoted: dict[int, str] = {}  # an e-mail's quoted message, when it is the text's most
    if ">" in text:
        quoted = _strip_quote_marks(raws)
        rewrite(quoted, "quote_mark")
    if "\t" in text and ("内容" in text or "正文" in text):
        rewrite(_sheet_rows(raws), "sheet_column")
    if "5" in text:
        rewrite(_strip_line_numbers(raws), "line_number")
    if ",," in text or '","' in text or text.count(",") > 20:
        rewrite(_csv_rows(raws), "csv_table")
    rewrite(_join_letter_spacing(raws), "letter_spacing")
    rewrite(_undouble(raws), "doubled_characters")
    if "*" in text or "__" in text or "~~" in text or "\\" in text:
        # Markdown's bold and italic marks (办理行政处罚案件**412**件, *2023-02-09 17:32*), its
        # struck-out words and its escapes (18\\~24次)
        rewrite(
            {
                i: _strip_emphasis(r)
                for i, r in enumerate(raws)
                if "**" in r
                or "__" in r
                or ("*" in r and _ITALIC.search(r))
                or ("~~" in r and _STRUCK.search(r))
                or ("\\" in r and _MD_ESCAPE.search(r))
            },
            "markdown_emphasis",
        )
    if "$" in text:
        # a PDF-to-Markdown converter's LaTeX figures ($2,147$ 件)
        rewrite({i: _plain_math(r) for i, r in enumerate(raws) if "$" in r}, "latex_math")
    if "【" in text and ("快照" in text or "缓存" in text):
        # a search engine's cached copy marks the words searched for (【法治政府建设】)
        rewrite(_unmark_search_terms(raws), "search_highlight")
    if inline:
        text = "\n".join(raws)
    # fold is per character and maps no character to or from '\n', whitespace or a
    # zero-width character to anything else: folding the whole text once gives each
    # line's fold, and stripping commutes with folding.
    folded_text = fold(text)
    if any(c in folded_text for c in _SPACE_CHARS):
        folded = [_strip(f) for f in folded_text.split("\n")]
    else:  # no zero-width character: _strip is str.strip
        folded = [f.strip() for f in folded_text.split("\n")]
    n = len(raws)
    union, in_union = _anchored_union(tuple(rx for _, rx, _ in compiled))
    # scopes -> (rule, search) of every pattern in scope, and of those outside the union
    by_scopes: dict[tuple[str, ...], tuple[list[tuple[str, Any]], list[tuple[str, Any]]]] = {}

    long_rules: dict[
        tuple[str, ...], list[tuple[str, Any]]
    ] = {}  # scopes -> _LONG_LINE_RULES' rows

    def first_match(f: str, scopes: tuple[str, ...]) -> str:
        if not f:
            return ""
        if len(f) > 80 and "。" in f:  # a line of prose: only the rules meant for such lines
            rows = long_rules.get(scopes)
            if rows is None:
                rows = long_rules[scopes] = [
                    (rule, rx.search)
                    for rule, rx, scope in compiled
                    if scope in scopes and rule in _LONG_LINE_RULES
                ]
            return next((rule for rule, search in rows if search(f)), "")
        if _EN_GLOSS.search(f):
            f = _EN_GLOSS.sub(r"\1", f)  # a bilingual page's labels: 发布日期 Release Date:
        lists = by_scopes.get(scopes)
        if lists is None:
            in_scope = [
                (k, rule, rx) for k, (rule, rx, scope) in enumerate(compiled) if scope in scopes
            ]
            lists = (
                [(rule, rx.search) for _, rule, rx in in_scope],
                [(rule, rx.search) for k, rule, rx in in_scope if k not in in_union],
            )
            by_scopes[scopes] = lists
        searches = lists[0] if union is None or union.search(f) else lists[1]
        for rule, search in searches:
            if search(f):
                return rule
        return ""

    any_rule = [first_match(f, SCOPES) for f in folded]
    # a Markdown file's front matter (--- / title: … / created: … / ---): a clipper's record
    for i in _front_matter(folded):
        any_rule[i] = "front_matter"
    # a key-figure board's bare numbers and labels (2146 / 立案查处案件(件)): figures, no page
    # numbers
    board_lines: set[int] = set()  # (each stands on its own line: no wrap joins them)
    for v, lab, _ in board_pairs(folded, _is_unit):
        board_lines.update((v, lab))
        if any_rule[v] == "page_number":
            any_rule[v] = ""
    # an infographic's figures and units line by line (3,126 / 件): figures and units, no page
    # numbers or running headers
    units_under: set[int] = set()
    if STACKED_HINT.search(folded_text):
        for v, *_ in stacked_figures(folded, _is_unit):
            if any_rule[v] == "page_number":
                any_rule[v] = ""
            units_under.add(v + 1)
    # a table written one cell per line: its cells (1, 件, 203) are no page numbers or
    # running headers, and each row becomes one line, its cells parted by tabs
    table_rows: dict[int, list[list[int]]] = {}  # a table's first line -> its rows' lines
    table_cells: set[int] = set()
    for rows in _one_cell_per_line_tables(folded, any_rule):
        table_rows[min(min(r) for r in rows)] = rows
        table_cells.update(i for r in rows for i in r)
    for i in table_cells:
        any_rule[i] = ""
    # a table's cell of two paragraphs, which a Word file's dump breaks its row at (序号⇥…⇥同比 /
    # 增减): the rest of the row goes on its row's line, with as many cells as the rows around
    cell_rest = _cell_continuations(raws) if "\t" in text else set()
    if "编" in text or "分享" in text or "搜索" in text or "在线阅读" in text:
        # an editor's note above the report (编者按: …) and a document-sharing site's
        # blurb (…由会员分享,可在线阅读…): the publisher's words, not the report's; before
        # the first outline heading only, and whatever their length
        label_only = False  # 编者按: alone on its line: the note is the next line
        for i, f in enumerate(folded):
            if match_outline_marker(f) is not None:
                break
            if any_rule[i] or not f:
                continue
            if _DOC_SITE_BLURB.search(f):
                any_rule[i] = "doc_site"
                continue
            m = _EDITOR_NOTE.match(f)
            if m is not None or label_only:
                if m is None and len(f) < 30 and "。" not in f:
                    break  # a title straight after 编者按: the note was the label alone
                any_rule[i] = "editor_note"
                label_only = m is not None and len(f) - m.end() < 2

    if "上传" in text:
        _doc_site_title(folded, any_rule)
    # lines whose rule is found here, kept past the scopes' check below (no chrome pattern
    # matches their words): a table of contents' entries with a tab before their pages, and
    # what stands between the instalments of a report published in parts
    forced: dict[int, str] = {}
    if "\t" in text and "toc" in any_rule:
        forced.update(dict.fromkeys(_tab_toc_entries(raws, any_rule), "toc"))
    if "toc" in any_rule:
        forced.update(dict.fromkeys(_typed_toc_entries(folded, any_rule), "toc"))
    if "chat" in any_rule:
        forced.update(dict.fromkeys(_chat_messages(folded, any_rule), "chat"))
    if "待续" in text:
        forced.update(dict.fromkeys(_between_instalments(folded, any_rule), "wechat"))
    outside = [
        i for i, f in enumerate(folded) if f and quoted and not min(quoted) <= i <= max(quoted)
    ]
    if quoted and any(any_rule[i] == "email" for i in outside):
        # a message forwarded with the report quoted in it: the forwarder's own lines around
        # the quote (the forward's header, a covering note, a signature) are the e-mail's (not
        # a Markdown page's title and date line around a quoted report)
        lo, hi = min(quoted), max(quoted)
        # ... and the quoted sender's signature, below the mail's signature mark (-- )
        dashes = [i for i in range(lo, hi + 1) if folded[i] in ("--", "-- ")]
        if dashes and dashes[-1] > hi - 12:
            hi = dashes[-1] - 1
        for i, f in enumerate(folded):
            if f and not lo <= i <= hi:
                any_rule[i] = forced[i] = "email"

    # Running headers: short lines without outline marker repeated 3+ times; also a page's
    # address and the time it was printed, as a browser prints them on every page
    counts = Counter(
        f
        for i, (f, r) in enumerate(zip(folded, any_rule, strict=True))
        if f
        and not r
        and i not in units_under
        and i not in table_cells
        and (len(f) <= 40 or _URL_LINE.fullmatch(f))
        and not _HEADER_PUNCT.search(f)
        and not _NOTES_LABEL.fullmatch(f)  # a notes label (备注:) heads what follows it
        # a label (主要做法:) heads what follows it under each heading; a page's widget's
        # label (字号:, 分享到:) is chrome
        and not (f.endswith(":") and not _WIDGET_LABEL.fullmatch(f))
        and match_outline_marker(f) is None
        and not _BOX_DRAWING.search(f)  # a drawn table's rows repeat (│(件)│ │ │)
    )
    repeated = {
        f
        for f, c in counts.items()
        if c >= 3 and (re.search(r"[^\d\W]", f) or _PRINTED_AT.fullmatch(f))
    }
    # a page's running head below its number where a sentence runs on across the page break
    # (…违法案件2,147 / ·213· / 皇姑区年鉴·2024 / 起，其中…: a yearbook's head, verso and recto
    # alternating, each printed once)
    page_heads: set[int] = set()
    if "page_number" in any_rule:
        for i in range(n):
            if any_rule[i] != "page_number":
                continue
            p, j = i - 1, i + 1
            while p >= 0 and not folded[p]:
                p -= 1
            while j < n and not folded[j]:
                j += 1
            if (
                p >= 0
                and j + 1 < n
                and not any_rule[j]
                and len(folded[j]) <= 20
                and not _HEADER_PUNCT.search(folded[j])
                and match_outline_marker(folded[j]) is None
                and re.search(r"[^\d\W]", folded[j])
                and folded[p][-1:] not in '。!?;:"”)'
                and not any_rule[p]
                and len(folded[p]) > 2 * len(folded[j])
                # a publication's name and year (皇姑区年鉴·2024), or the text's title or chapter
                # repeated; not the rest of a heading a page cut (…营造交通运输法 / — 8 — / 治氛围)
                and (_PUBLICATION_HEAD.search(folded[j]) or folded[j] in folded[:3])
            ):
                page_heads.add(j)
    raw_first_body = next(
        (i for i in range(n) if folded[i] and not any_rule[i] and _is_body(folded[i])), n
    )
    # a paginated article copied page after page: its page's head (the site's name, the
    # title) printed again below the pager, between chrome lines, is the page's, not the text's
    head_lines = {f for f in folded[:raw_first_body] if f}
    changed = bool(head_lines) and "pager" in any_rule
    while changed:
        changed = False
        for i in range(raw_first_body + 1, n):
            if i in page_heads or any_rule[i] or folded[i] not in head_lines:
                continue
            p, j = i - 1, i + 1
            while p > raw_first_body and not folded[p]:
                p -= 1
            while j < n - 1 and not folded[j]:
                j += 1
            if (p > raw_first_body and (any_rule[p] or p in page_heads)) or (
                j < n and folded[j] and (any_rule[j] or j in page_heads)
            ):
                page_heads.add(i)
                changed = True
    # ... and the whole break between two pages (the pager, the footer, the next page's head)
    # where the text goes on below it: it stands inside a paragraph as a page number does
    page_break: set[int] = set()
    for i in range(raw_first_body + 1, n):
        if any_rule[i] != "pager" or i in page_break:
            continue
        lo, hi = i, i
        while lo - 1 > raw_first_body and (
            not folded[lo - 1] or any_rule[lo - 1] or lo - 1 in page_heads
        ):
            lo -= 1
        while hi + 1 < n and (not folded[hi + 1] or any_rule[hi + 1] or hi + 1 in page_heads):
            hi += 1
        if hi + 1 < n and _is_body(folded[hi + 1]):
            page_break.update(j for j in range(lo, hi + 1) if folded[j])
    seen: set[str] = set()
    line_rule: list[str] = [""] * n
    for i, f in enumerate(folded):
        if i in page_heads:
            line_rule[i] = "running_header"
        elif f in repeated and i not in table_cells:
            if (
                f not in seen
                and i < raw_first_body
                and not _URL_LINE.fullmatch(f)
                and not _PRINTED_AT.fullmatch(f)
            ):
                seen.add(f)  # the title, repeated as page header: keep the first one
                continue
            seen.add(f)
            line_rule[i] = "running_header"
        elif any_rule[i] in _TRANSPARENT_RULES or i in page_break:
            line_rule[i] = any_rule[i] or "running_header"
    if "phone_screen" in any_rule:
        for i in _screenshot_overlaps(folded, any_rule):
            any_rule[i] = line_rule[i] = "screenshot_overlap"

    # Join PDF hard wraps into logical lines.
    # (a raw line is blank, _strip(raw) == '', exactly when its fold is: fold maps a
    # character to a space or zero-width character exactly when it is one)
    candidates = [i for i in range(n) if folded[i] and not line_rule[i]]
    # widths of the lines as written, entities and all, but without tags (a PDF's wraps
    # counted what it printed)
    rstripped = [
        _HTML_TAG.sub("", markup[i]).rstrip()
        if inline.get(i) == "html_markup"
        else raws[i].rstrip()
        for i in candidates
    ]
    chars = [len(r) for r in rstripped]
    display = _display_widths(rstripped)
    # (a table drawn with box characters is as wide on every line: no measure of wraps)
    drawn = [bool(_BOX_DRAWING.search(r)) for r in rstripped]
    is_pdf, measure, full = _pdf_shape_of(
        [c for c, d in zip(chars, drawn, strict=True) if not d],
        [w for w, d in zip(display, drawn, strict=True) if not d],
    )
    # a narrow column's fixed measure (a phone's screen: 20 characters or fewer)
    narrow = is_pdf and full <= _NARROW_FULL[1 if measure == "chars" else 3]
    # a fixed measure (a heading line shorter than it stands alone), kept when the wraps
    # turn out ragged
    fixed: tuple[dict[int, int], int, int] | None = None
    ragged, ragged_full = _ragged_shape([folded[i] for i in candidates], display)
    if ragged and is_pdf:
        widths = chars if measure == "chars" else display
        if _wraps_below(widths, [folded[i] for i in candidates], full, measure):
            # the measure is only the longest of ragged wraps (30 to 38 characters): shorter
            # lines end inside a sentence as often
            fixed = (
                dict(zip(candidates, widths, strict=True)),
                full,
                1 if measure == "chars" else 3,
            )
            # a line at least three quarters of the measure is full; a shorter one ends its
            # paragraph (…督促企业完善安全操作规程.) as in any PDF
            full = full * 3 // 4
    elif ragged:
        is_pdf, full, measure = True, ragged_full, "display"
    tol = 1 if measure == "chars" else 3
    width = dict(zip(candidates, chars if measure == "chars" else display, strict=True))
    margin = _page_margins(raws, candidates) if is_pdf else dict.fromkeys(candidates, 0)
    # a text whose wrapped lines mostly follow each other (an e-mail's paragraphs, a Word
    # copy's) has its blank lines between paragraphs: no wrap is joined across one, unless
    # a page's chrome stands there too (a page break inside a sentence)
    adjacent = sum(1 for a, b in itertools.pairwise(candidates) if b == a + 1)
    blank_breaks = adjacent * 2 >= len(candidates) - 1
    # a text that spaces its figures from its words (培训 9 期, 1,284 人次: a Word file so typed,
    # wrapped by pandoc at those spaces) had a space where a wrap stands between the two
    spaced_figures = is_pdf and _spaces_its_figures(raws)
    logical: list[_Logical] = []
    for i in candidates:
        raw = raws[i]
        if i in table_cells:  # a table written one cell per line: a line for each row
            for row in table_rows.get(i, ()):
                logical.append(
                    _Logical(
                        list(row),
                        [raws[j] for j in row],
                        "\t".join(_strip(raws[j]) for j in row),
                        folded=" ".join(folded[j] for j in row),
                        cells=True,
                    )
                )
            continue
        if i in cell_rest and logical:
            prev = logical[-1]
            prev.idxs.append(i)
            prev.raws.append(raw)
            prev.text += _strip(raw)
            prev.folded += folded[i]
            prev.cells = True
            continue
        if is_pdf and logical and not logical[-1].cells:
            prev = logical[-1]
            # a heading's first line may be short by the indent a converter dropped (two
            # ideographic spaces: 4 columns, 2 characters): (五)…质量和效能持 / 续提升
            heading = len(prev.idxs) == 1 and match_outline_marker(prev.folded) is not None
            w_of, w_full, w_tol = width, full, tol
            if (
                fixed is not None
                and len(prev.idxs) == 1
                and (
                    (heading and "。" not in prev.folded)  # not a run-in heading's paragraph
                    or not _CLAUSE_PUNCT.search(prev.folded)  # a title
                )
            ):
                # a heading of ragged wraps: by the fixed measure, as in any PDF (its own
                # line unless it is full)
                w_of, w_full, w_tol = fixed
            lost_indent = 0
            if (
                heading
                and (
                    "。" in prev.folded  # a run-in heading: its paragraph goes on
                    or (len(folded[i]) * 2 <= w_full and "。" not in folded[i])  # 效能持 / 续提升
                    # a run-in heading whose sentence ends early on the next line, cut in a list
                    # (…专常兼备、反应 / 灵敏、上下联动的应急指挥机制。围绕…)
                    or (0 <= folded[i].find("。") <= 24 and _OPEN_LIST_END.search(prev.folded))
                    # a run-in heading cut a word before its end (…群众满意度持续 / 提升。严格…): a
                    # word of two or three characters, not a short sentence (我局高度重视。)
                    or (
                        0 < folded[i].find("。") <= 3 and not _CLAUSE_PUNCT.search(prev.folded[-1:])
                    )
                )
            ):
                lost_indent = 2 if w_tol == 1 else 4
            wide = (
                w_of[prev.idxs[-1]] >= w_full - w_tol - lost_indent
                # a number cut after its point or separator (罚没款418. / 65万元, 52, / 368户次),
                # on a line a converter measured short for its half-width digits
                or _cut_number(folded[prev.idxs[-1]], folded[i])
                # a line over the measure, a run with no space that a wrapper breaking only at
                # spaces (pandoc's) could not cut: the short line before it went on
                or (spaced_figures and w_of.get(i, 0) * 2 >= w_full * 3)
                # a heading broken after its comma (a slide's title: (六)深化“放管服”改革, /
                # 优化文旅营商环境): its short rest, no sentence, goes on
                or (
                    heading
                    and prev.folded.rstrip()[-1:] in (",", "、")
                    and len(folded[i].strip()) <= 20
                    and not _is_terminal(folded[i])
                    and "。" not in folded[i]
                )
            )
            gap = range(prev.idxs[-1] + 1, i)
            if (
                wide
                and not (
                    blank_breaks
                    and any(not folded[j] for j in gap)
                    and not any(line_rule[j] for j in gap)
                    and not _MID_NUMBER.search(folded[prev.idxs[-1]])  # 罚没款合计86. / 75万元
                )
                and not _is_terminal(folded[prev.idxs[-1]])  # folded: ；and ： end too
                and (not _is_indented(raw, margin[i]) or _hanging(prev.raws[0], raw))
                and not _spaced_row(raw)  # a table's rows lined up by spaces are no wraps
                and not _spaced_row(prev.raws[-1])
                and match_outline_marker(folded[i]) is None
                and not _BULLET_START.match(folded[i])  # a list's item starts its own line
                and not folded[i].startswith("> ")  # ... and a Markdown quote (> 💡 callouts)
                and not _NOTES_LABEL.fullmatch(folded[i])  # 备注: (a slide's speaker notes)
                # a chart's row (网吧⇥34) stands on its own
                and not _LABEL_TAB_FIGURE.fullmatch(raw.strip())
                and not _LABEL_TAB_FIGURE.fullmatch(prev.raws[-1].strip())
                # a cover's field (汇报单位:…), a task's (责任单位:…) and a date alone
                # start their own line
                and not _FIELD_LINE.match(folded[i])
                and not _date_only(folded[i].strip())
                # after a line that is no full one, or a list's item, a bracketed label
                # (【图表】…) starts its own line (after a full line of text it goes on it:
                # …开展 / 【法治护企】专项行动)
                and not (
                    folded[i].lstrip().startswith("【")
                    and (
                        w_of[prev.idxs[-1]] < w_full - w_tol
                        or _BULLET_START.match(folded[prev.idxs[0]]) is not None
                    )
                )
                and i not in board_lines
                and prev.idxs[-1] not in board_lines
                and any_rule[prev.idxs[-1]] != "json_field"  # (a record of a file's fields)
                # a level-1 heading that names its whole part (…第一责任人职责情况, 存在的问题)
                # fills its line by chance: the next line, a full one, is its part's first
                # sentence (not the heading's rest: …存在的问题 / 及整改落实情况)
                and not (
                    heading
                    and _COMPLETE_PART.search(prev.folded)
                    and len(folded[i]) >= 20
                    and folded[i][:1] not in "及和与并暨等"
                )
                and not any_rule[i]
                and any_rule[prev.idxs[-1]] != "toc"  # nothing continues 目录's …15
                # a line in another language (a bilingual page's translation) goes on no line
                and latin_line(folded[i]) == latin_line(folded[prev.idxs[-1]])
                # a heading that fills its line (a narrow column, a phone's screen, or a long
                # heading in a PDF): two balanced halves (抓实学法培训,锤炼执法队伍) stand alone
                # before a line of text, not 严格规范公正文明执法,提升办 (nor …严把合法性审查
                # before its last word 关 alone)
                and not (
                    heading
                    and _balanced_heading(prev.folded)
                    # in a wide column, only when its last word ends a heading (…优化营商环境,
                    # not …健全城市管理综合 / 执法体制)
                    and (narrow or HEADING_END_WORD.search(prev.folded) is not None)
                    # a line of text, not the heading's rest (…综合执法规 / 范化水平和群众满意度)
                    and len(folded[i].strip()) >= (10 if narrow else 20)
                    and not _HEADING_TAIL.match(folded[i])  # 压实第一责任人职 / 责。局党组…
                )
                # ... and two clauses ending in a heading's last word (深化“放管服”改革,持续优化城市
                # 管理领域营商环境) before a line that opens a paragraph (我局负责的9项…)
                and not (
                    heading
                    and "," in prev.folded
                    and "。" not in prev.folded
                    and HEADING_END_WORD.search(prev.folded.rstrip()) is not None
                    and _PARAGRAPH_OPENER.match(folded[i]) is not None
                )
            ):
                prev.idxs.append(i)
                prev.raws.append(raw)
                rest = _strip(raw)
                if spaced_figures and (_FIGURE_WORD.match(prev.text[-1:] + rest[:1]) is not None):
                    rest = " " + rest  # (a wrap where the text spaced a figure from its word)
                prev.text += rest
                prev.folded += folded[i]
                continue
        if (
            not is_pdf
            and logical
            and not logical[-1].cells
            and "pager" in line_rule[logical[-1].idxs[-1] + 1 : i]
            # a paginated article's page cut inside a sentence (…收缴罚没款 / 第1页 第2页
            # 下一页 / the page's head again / 182.47万元,…): the next page's first line goes
            # on, unindented where the paragraphs are indented
            and not _is_terminal(logical[-1].folded)
            and _is_indented(logical[-1].raws[0], 0)
            and not _is_indented(raw, 0)
            and match_outline_marker(folded[i]) is None
            and not any_rule[i]
        ):
            prev = logical[-1]
            prev.idxs.append(i)
            prev.raws.append(raw)
            prev.text += _strip(raw)
            prev.folded += folded[i]
            continue
        logical.append(_Logical([i], [raw], _strip(raw), folded=folded[i]))

    lf = [lg.folded for lg in logical]
    m = len(logical)
    for k, lg in enumerate(logical):
        if lg.cells:
            continue  # a table's row: its cells were no chrome
        lg.rule = first_match(lf[k], SCOPES) if len(lg.idxs) > 1 else any_rule[lg.idxs[0]]
    _mark_repeated_body(logical)  # a page's print view repeating the whole report
    notes = _notes_block(lf, logical, m)  # a notes block after the signature is no body
    # a news app's feed (相关推荐, 评论 23) after the report: its comments are no body either
    # (with more of the body above it than below: a sidebar's 相关文档 above the report is none)
    body_len = [len(lf[k]) if not logical[k].rule and _is_body(lf[k]) else 0 for k in range(m)]
    total_body = sum(body_len)
    # (nor one with the report's outline going on below it: a list of a site's columns)
    last_heading = max(
        (k for k in range(m) if body_len[k] and match_outline_marker(lf[k])), default=-1
    )
    feed_at, seen = m, 0
    for k in range(m):
        if (
            _FEED_HEADER.match(lf[k])
            and seen
            and seen > total_body - seen - body_len[k]
            and k > last_heading
        ):
            feed_at = k
            break
        seen += body_len[k]
    # another document after the signature (a gazette's next article): no body either
    next_doc = _next_document(lf, m)
    # ... and another document's end above the report's title (a gazette's previous article)
    prev_doc = _previous_document(lf, logical, m)
    body = [
        k
        for k in range(prev_doc, min(notes, feed_at, next_doc))
        if not logical[k].rule and _is_body(lf[k]) and not _ATTACHMENT_LIST.match(lf[k])
    ]
    first_body = body[0] if body else m
    last_body = body[-1] if body else m - 1
    # a reposter's note above the report's title (县城管局挂在县政府网站上的年度报告，我原文搬过来了。
    # / 转自县政府网站 / 发布时间：… / the title), the page's title above naming it too (…工作报告
    # （转）_某县吧): the page's head reaches down to the title
    preface = [k for k in body[:3] if k < first_body + 8]
    title_at = next(
        (
            k
            for k in range(first_body + 1, min(m, first_body + 8))
            if not logical[k].rule
            and _report_title_line(lf[k])
            and not re.search(r"[,:;]", lf[k])
            and any(lf[k] in lf[j] for j in range(first_body))
        ),
        None,
    )
    if title_at is not None:
        above = [k for k in preface if k < title_at]
        if len(above) <= 2 and all(
            len(lf[k]) <= 120 and match_outline_marker(lf[k]) is None for k in above
        ):
            first_body = next((k for k in body if k > title_at), m)

    # Scope: head / tail rules only count in their region.
    candidate = [lg.rule for lg in logical]
    for k, lg in enumerate(logical):
        if lg.rule and lg.rule != "duplicate":
            scopes = (
                ("anywhere",)
                + (("head",) if k < first_body else ())
                + (("tail",) if k > last_body else ())
            )
            lg.rule = first_match(lf[k], scopes)
        if forced and len(lg.idxs) == 1 and lg.idxs[0] in forced:
            lg.rule = forced[lg.idxs[0]]
    # ... but a page's head and foot repeated on every page of an article the site paginated
    # (地址：… 联系电话：… / 首页 | 走进寿光 | … between page 1's text and page 2's): a line the head's
    # or the tail's chrome removed is chrome wherever else it stands
    # (or, beside such a line, a line of the same rule: the page's date line with its view count)
    edge = {
        lf[k]: lg.rule
        for k, lg in enumerate(logical)
        if lg.rule
        and (lg.rule not in _WEAK_RULES or lg.rule == "metadata_date")
        and (k < first_body or k > last_body)
    }
    if edge:
        edge_rules = set(edge.values())
        mid = range(max(first_body, 0), min(last_body + 1, len(logical)))
        for k in mid:
            if not logical[k].rule and candidate[k] and lf[k] in edge:
                logical[k].rule = first_match(lf[k], ("anywhere", "head", "tail"))
        for k in mid:
            if (
                not logical[k].rule
                and candidate[k] in edge_rules
                and any(
                    0 <= j < len(logical) and logical[j].rule and lf[j] in edge
                    for j in (k - 1, k + 1)
                )
            ):
                logical[k].rule = first_match(lf[k], ("anywhere", "head", "tail"))

    metadata: dict[str, Any] = {
        "published": "",
        "published_line": None,
        "uploaded": "",
        "signature_name": "",
        "signature_date": "",
        "signature_lines": [],
        "title_lines": [],
        "cover_date": "",
        "pdf_shape": bool(is_pdf),
    }

    # Head: a site menu above the breadcrumb (the title stands below it); and a WeChat
    # account's name, a line the byline (原创 作者 公众号 日期) names, above its follow prompt.
    head_anchor = max((k for k in range(first_body) if logical[k].rule == "breadcrumb"), default=-1)
    for k in range(min(head_anchor, first_body)):
        if not logical[k].rule and _is_menu_like(lf[k]):
            logical[k].rule = "site_menu"
    # ... and a list of other posts above the report (热点推荐 / their titles over their dates
    # / 更多>>): their titles and dates are not the report's
    for k in range(first_body):
        if logical[k].rule or not _HEAD_LIST_HEADER.fullmatch(lf[k].strip()):
            continue
        run, j = [], k + 1
        while (
            j < first_body
            and lf[j].strip()
            and (
                logical[j].rule in ("", "metadata_date")
                and (_is_link_like(lf[j].strip()) or _date_only(lf[j]))
            )
        ):
            run.append(j)
            j += 1
        titles = [i for i in run if not _date_only(lf[i])]
        if titles and not any(_report_title_line(lf[i].strip()) for i in range(j, first_body)):
            # no report's title below the list: its last title (and date) is the report's own
            # (热点推荐 / … / 某局2024年法治政府建设年度报告 / 2025-01-22, with no line between)
            if _report_title_line(lf[titles[-1]].strip()):
                run = run[: run.index(titles[-1])]
                titles = titles[:-1]
        if len(titles) >= 2 and any(_date_only(lf[i]) for i in run):
            logical[k].rule = "nav"
            for i in run:
                logical[i].rule = "site_menu"
    bylines = [lf[k] for k in range(first_body) if logical[k].rule == "metadata_date"]
    prompt = max((k for k in range(first_body) if logical[k].rule == "wechat"), default=-1)
    for k in range(min(prompt, first_body)):
        if not logical[k].rule and _is_menu_like(lf[k]) and any(lf[k] in b for b in bylines):
            logical[k].rule = "site_menu"

    # Tail: signature before the footer chrome, link lists after it. An appendix after the
    # signature (附件, its table's title and rows) is the report's: the signature stands above
    # its label, and the footer below its end.
    appendix = _appendix_at(lf, logical, body)
    if appendix is None:
        tail = list(range(last_body + 1, m))
    else:
        above = max((k for k in body if k < appendix), default=-1)
        # (its end: its last line of body, or its table's last row as a PDF gives it)
        rows = [k for k in range(appendix, m) if _FIGURE_ROW.match(lf[k])]
        end = max(appendix, last_body, rows[-1] if rows else -1)
        tail = [*range(above + 1, appendix), *range(end + 1, m)]
    tail_anchor = min(
        (
            k
            for k in tail
            if logical[k].rule
            and logical[k].rule not in _WEAK_RULES
            # a photo between the last paragraph and the signature (the date within a few
            # lines below it) is no footer; a logo in the footer is
            and not (logical[k].rule == "image" and _dated_below(lf, logical, k))
        ),
        default=m,
    )
    dated = False  # a signature's date seen
    closed = False  # ... and a divider after it: what looks like a signature is a link list
    # where a news app's recommendations or its readers' comments begin (found above)
    feed = feed_at if feed_at < m else None
    for k in tail:
        lg = logical[k]
        if k == feed:
            lg.rule = lg.rule or "feed"
            continue
        if feed is not None and k > feed and not lg.rule:
            if _is_menu_like(lf[k]) or _is_link_like(lf[k]):
                lg.rule = "site_menu"
            continue  # (the rest is the feed's, below: no signature after it)
        if lg.rule:
            closed = closed or (lg.rule == "divider" and dated) or lg.rule == "attachment"
            continue
        if k < tail_anchor:
            parts = _signature_parts(lf[k])
            if closed:
                # after the signature and a divider or attachment links: names and link
                # titles are a link list; a line with figures (an attached table) stays
                shaped = parts is not None or _is_menu_like(lf[k]) or _is_link_like(lf[k])
                if shaped and not _DIGIT.search(lf[k]):
                    lg.rule = "site_menu"
            elif parts is not None:
                org, date = parts
                dated = dated or bool(date)
                lg.rule = "signature"
                if org is not None and not metadata["signature_name"]:
                    metadata["signature_name"] = lg.text[org[0] : org[1]]
                if date and not metadata["signature_date"]:
                    metadata["signature_date"] = date
                metadata["signature_lines"].extend(i + 1 for i in lg.idxs)
        elif _is_menu_like(lf[k]) or _is_link_like(lf[k]):
            lg.rule = "site_menu"

    # a bilingual portal's lines in its other script above or below the report (its site
    # name, menu, breadcrumb and footer in Uyghur, Mongolian or Tibetan): the report is in
    # Chinese, and these lines are the page's, not the report's
    for k in (*range(first_body), *range(last_body + 1, m)):
        if not logical[k].rule and other_script_line(lf[k]):
            logical[k].rule = "other_script"

    # the previous document's lines that no chrome rule claimed (its paragraphs, signature)
    for k in range(prev_doc):
        if not logical[k].rule or logical[k].rule in ("site_menu", "signature", "metadata_date"):
            logical[k].rule = "previous_document"
    # the next document's lines that no chrome rule claimed (its title, number, paragraphs)
    for k in range(next_doc, m):
        if not logical[k].rule or logical[k].rule in ("site_menu", "signature"):
            logical[k].rule = "next_document"
    # everything after a feed's heading that nothing else claimed: titles, names, comments
    if feed is not None:
        for k in range(feed + 1, m):
            if not logical[k].rule:
                logical[k].rule = "feed"

    # Metadata date lines. A date alone on its line under a label cell (an information
    # table copied one cell per line: 成文日期： / 2024-01-20 / 发布日期： / 2024-02-05) is
    # the date that label names: only a publication label's counts.
    # (a document's date, 成文日期, gives way to the page's publication date below it)
    written_only = False
    # (below the report, after a link to another article, 上一篇：…, a date line is that
    # article's)
    other_links = min((k for k in range(last_body + 1, m) if logical[k].rule == "nav"), default=m)
    for k, lg in enumerate(logical):
        if lg.rule == "metadata_date" and (not metadata["published"] or written_only):
            if k > other_links:
                continue
            if _BARE_DATE.match(lf[k]) and k > 0 and lf[k - 1].endswith(":"):
                if not _PUBLISHED_LABEL.search(lf[k - 1]):
                    continue
            if written_only and not _PUBLISHED_DATE_LABEL.search(lf[k]):
                continue
            date = parse_date(lg.text)
            if date:
                metadata["published"] = date
                metadata["published_line"] = lg.idxs[0] + 1
                written_only = "成文日期" in lf[k] and not _PUBLISHED_DATE_LABEL.search(lf[k])
        if lg.rule == "info_table" and (not metadata["published"] or written_only):
            # an information table's line holding the publication date beside another field
            # (文　　号：樊政文〔2024〕9号　　　发布日期：2024年02月29日)
            label = _INFO_PUBLISHED.search(lf[k])
            date = parse_date(label.group(1)) if label else None
            if date:
                metadata["published"] = date
                metadata["published_line"] = lg.idxs[0] + 1
                written_only = False
        if lg.rule == "upload_date" and not metadata["uploaded"]:
            # a sharing site's upload date: the page's date only where the report gives no
            # date of its own (metadata.infer_metadata: after the signature's)
            metadata["uploaded"] = parse_date(lg.text)

    metadata["title_lines"] = [logical[k].text for k in range(first_body) if not logical[k].rule]
    metadata["cover_date"] = _cover_date(metadata["title_lines"])

    _join_across_pages(logical)

    removed: list[tuple[int, str, str]] = []
    for i in range(n):
        if line_rule[i]:
            removed.append((i + 1, markup.get(i, raws[i]).rstrip(), line_rule[i]))
    kept: list[str] = []
    for lg in logical:
        if lg.rule:
            removed.extend((i + 1, markup.get(i, raws[i]).rstrip(), lg.rule) for i in lg.idxs)
        else:
            kept.append(lg.text)
            if len(lg.idxs) > 1:
                joined = "table_cells" if lg.cells else "joined_line_break"
                removed.extend(
                    (i + 1, markup.get(i, raws[i]).rstrip(), joined) for i in lg.idxs[1:]
                )
    # a kept line that lost only its markup (or a line that was nothing but markup)
    recorded = {r[0] for r in removed}
    removed.extend(
        (i + 1, raw.rstrip(), inline[i]) for i, raw in markup.items() if i + 1 not in recorded
    )
    removed.sort(key=lambda r: r[0])
    return "\n".join(kept), removed, metadata
