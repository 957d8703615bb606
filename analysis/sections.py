"""Split a cleaned report into its outline of sections, and give each section a theme.

Chinese government reports number their outline in a fixed hierarchy::

    level 1  一、          (also 一. and 第一部分 / 第一章 / 第一篇)
    level 2  （一） / (一)    (also 第一节, a section under 第一章)
    level 3  1.  1、  1．
    level 4  （1） / (1)

A heading's level is its depth in the outline: one more than its parent's. A report that
skips a rank (``1.`` directly under ``一、``, no ``(一)``) has its ``1.`` items at level 2;
a heading at the top keeps its marker's rank (``(一)`` before any ``一、`` is level 2), but a
report whose top-level headings are all of one rank below 1 has that rank as level 1 (``1.``
headings with ``(1)`` under them: levels 1 and 2). When a
report sets parts (第一部分 …) above its 一、 headings, the parts are level 1 and every other
level is one deeper (一、 2, (一) 3, 1. 4, (1) 5).
A numeral in lenticular brackets (``【一】``, as WeChat editors set 一、) is a level-1 marker,
written ``一、``.
Word's list numbers left as enclosed characters are markers too: ``㈠``…``㈩`` (level 2,
written ``(一)``), ``⒈``…``⒛`` (level 3, ``1.``), ``⑴``…``⒇`` (level 4, ``(1)``). In a text with
two or more lines that are a bracketed heading alone (``【强化组织领导】``, as WeChat articles set
their sub-headings), those lines are headings ranked between 一、 and (一), marker ``【】``.
A text with no 一、 outline whose headings are numbered 1.1, 1.2 … (a Word multilevel list)
is read as a decimal outline: ``1``/``1.`` level 1, ``1.1`` level 2, ``1.1.1`` level 3, each
number continuing its parent's (markers written ``1.``, ``1.1``, ``1.1.1``).
A text with no marker of level 1 or 2 at all (a Word list's numbers not copied, a newspaper's
bold sub-headings) that has three or more short lines standing alone after its first
paragraph, each followed by a paragraph or another such line (none with a figure or a space,
nor a photo caption's 执法人员…), has those lines as headings with an empty marker (nothing was
written to repair). They are level 1; where one is followed at once by another (two levels
shown), the lines followed by another heading and the parts the genre names
(``analysis/lexicons/report_parts.tsv``: 主要工作成效, 存在的问题, 2024年工作打算 …, unless right
under such a parent) are level 1 and the others level 2 (level 1 before the first parent).

:func:`split_sections` parses ``fold(text)`` (same length as ``text``) line by line. A
heading starts a line (after optional spaces) and either stands alone on its line or
leads a paragraph; in the second case the heading is the paragraph's first sentence, up
to ``。`` (excluded), or up to a colon within its first 30 characters (``(一)健全领导机构:年初…``). Inline enumerations (一是…二是…), numbers inside sentences and
quantities at a line start (``1.9万``) are not headings.

Damaged markers are recovered from the sequence (which number is expected next at which
level) and the shape of the line, and rebuilt canonically with ``repaired=True``:

* ``—、`` / ``(—)`` - OCR's dash for the numeral 一 of a level's first marker;
* ``、行政执法…`` - a line starting with ``、``: a level-1 marker that lost its numeral
  (level 3 instead when it continues a run of level-3 items of the same shape);
* ``)执法队伍…`` / ``()法规体系…`` / ``二)…`` / ``(二…`` - a level-2 marker missing
  characters (level 4 when a level-4 run is open);
* ``2落实日常普法…`` - the expected next level-3 number directly followed by a word;
* ``三严格执法…`` - the expected next level-1 numeral (from 二 on) directly followed by
  a word, on a short standalone line;
* ``二 ,党政主要负责人…`` - the expected next level-1 numeral with a comma for 、, on a line
  of its own; and ``四'、…``, a stray mark between the numeral and its 、;
* a short standalone line without a marker directly followed by a first child
  (``(一)``, ``1、``, ``(1)``): the parent heading whose marker was lost entirely;
* a short standalone line without a marker between two siblings whose numbers skip one
  (``(二)`` … line … ``(四)``), when the siblings stand on their own lines: the missing
  sibling;
* where two level-1 markers were lost already (a Word list's numbers not copied), a part
  the genre names (``存在的问题``, ``analysis/lexicons/report_parts.tsv``) standing alone
  before a paragraph: the next level-1 heading.

A line of 500 characters or more that holds several paragraphs (a scrape that lost the
paragraph breaks) is read as several lines, cut where a ``一、`` or ``(一)`` marker starts a
paragraph: after a sentence end, after an indent (two or more spaces), or, for a first child
``(一)``, right after its parent's heading. A heading that ran into its paragraph without a
sentence end keeps the paragraph's first sentence as its text.

Markdown decorations around a heading (``## 一、…``, ``**(一)…。**``), the glyphs a WeChat
editor sets before one (``◆ 一、…``, ``▎(一)…``), and HTML tags and entities left by a careless
conversion (``<p><strong>一、…</strong></p>``, ``&nbsp;``) are read like spaces.

In a report with no ``(一)`` marker, paragraphs opening with ``第一,`` ``第二,`` … in order (two
or more from 第一, each opening with a short sentence) are level-2 headings, marker ``第一,``.
In a report with no ``一、`` marker, lines opening with ``01 `` ``02 `` … in order (a WeChat
article's big part numbers, from 01 written with its zero) are level-1 headings, marker ``01``.
A WeChat article's part labels ``PART 01``, ``PART.02`` are level-1 markers (written ``PART 01``),
and its dingbat numbers ``❶``…``❿`` (also ``➀``, ``➊``) level-2 markers, kept as written
(in a report with no ``(一)``); a keycap emoji's digit (``1️⃣``) is the ``1.`` marker it shows, and
emoji set before a heading (``🔷一、``) are read like spaces.
A marker alone on its line (``PART 01``, ``一、``) has the short line below it (no marker, no
sentence punctuation) for its heading; a standalone heading cut after its comma (a page's two
``<span>`` lines) goes on with the short line below it, and ``heading`` leaves out the line
break and the tags between.

Section ids are dotted paths of ordinal positions among siblings (``'2.3'``); ordinals
come from position, not from the number written in the marker, so a numbering error
does not break ids. A ``1.`` item directly under a ``一、`` heading is that heading's child
(level 2). The preamble (text before the first heading) is section ``'0'``; it is omitted
only when the text starts with a heading at offset 0 (an empty text gives one empty
preamble row). The sections partition the text: ``''.join(sections.text) == text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.lexicons import lexicon_cache
from analysis.normalize import HEADING_END_WORD, fold, latin_line
from analysis.paths import LEXICON_DIR
from analysis.schema import SECTIONS

__all__ = [
    "CATEGORIES",
    "assign_categories",
    "cn_numeral_value",
    "load_section_themes",
    "match_outline_marker",
    "section_columns",
    "sections_frame",
    "split_sections",
]

THEMES_FILE = LEXICON_DIR / "section_themes.tsv"
REPORT_PARTS_FILE = LEXICON_DIR / "report_parts.tsv"

CATEGORIES: tuple[str, ...] = (
    "leadership",
    "study_training",
    "rules_legislation",
    "decision_making",
    "enforcement",
    "business_environment",
    "publicity",
    "supervision_disputes",
    "digital",
    "community_service",
    "safety_emergency",
    "problems",
    "plans",
    "other",
)

# ---------------------------------------------------------------------------------------
# Markers

_CN_NUM = r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_DIGIT = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}

# 一. before a digit only when a year follows (四.2025年工作思路), never 一.5
_L1 = re.compile(rf"(?P<num>{_CN_NUM})[ ]*(?P<sep>、|\.(?!\d)|\.(?=\d{{4}}年))")
_L1_CHAPTER = re.compile(rf"第[ ]*(?P<num>{_CN_NUM})[ ]*(?P<sep>部分|章|篇|节(?!课))[ ]*[、.:]?")
_L2 = re.compile(rf"\([ ]*(?P<num>{_CN_NUM})[ ]*\)")
# 【一】… : a level-1 numeral in lenticular brackets (a WeChat editor's 一、), written 一、
_L1_BRACKETED = re.compile(rf"【[ ]*(?P<num>{_CN_NUM})[ ]*】")
# (not a decimal, 3.5万; but 6.2022年工作打算 is 6. before a year)
_L3 = re.compile(r"(?P<num>\d{1,2})[ ]*(?P<sep>[.、])(?:(?!\d)|(?=(?:19|20)\d\d年))")
_L4 = re.compile(r"\([ ]*(?P<num>\d{1,2})[ ]*\)")

# Damaged markers (see the module docstring).
_FRAG_L2_EMPTY = re.compile(r"\([ ]*\)|\)")  # () or ) : numeral (and '(') lost
_FRAG_L2_NO_OPEN = re.compile(rf"(?P<num>{_CN_NUM})[ ]*\)")  # 二) : '(' lost
_FRAG_L2_NO_CLOSE = re.compile(rf"\([ ]*(?P<num>{_CN_NUM})(?=[^ \d)、.,:;])")  # (二xx
_FRAG_L4_NO_OPEN = re.compile(r"(?P<num>\d{1,2})\)")  # 2) : '(' lost
# -、 / (-) : OCR read the numeral 一 as a dash (—、, －、, (—)): folded to '-'
_FRAG_DASH_L1 = re.compile(r"-[ ]*、[ ]*(?=\S)")
_FRAG_DASH_L2 = re.compile(r"\([ ]*-[ ]*\)[ ]*(?=\S)")
_FRAG_COMMA = re.compile(r"、(?=[ ]*\S)")  # 、xx : numeral lost
_FRAG_L3_NO_SEP = re.compile(r"(?P<num>\d{1,2})(?=[\u4e00-\u9fff“\"《])")  # 2落实
_FRAG_L1_NO_SEP = re.compile(rf"(?P<num>{_CN_NUM})(?=[\u4e00-\u9fff“\"《])")  # 三严格
_FRAG_L1_COMMA = re.compile(rf"(?P<num>{_CN_NUM})[ ]*,[ ]*")  # 二 ,党政… (a comma for 、)
# 四'、2024年… : a stray mark (OCR, a careless edit) between the numeral and its 、
_FRAG_L1_NOISE = re.compile(rf"(?P<num>{_CN_NUM})[ ]*['‘’`\"“”·][ ]*、[ ]*")
# 二　深化… : a space (full-width or not) typed for 、
_FRAG_L1_SPACE = re.compile(
    rf"(?P<num>{_CN_NUM})[ \u3000]+"
    rf"(?=[\u4e00-\u9fff“\"《]|(?:19|20)\d\d年度?[ \u3000]?[\u4e00-\u9fff“\"《])"
)  # 七 2023年工作打算

# Characters that, right after a number, make it a quantity or an ordinal word, not a
# damaged marker: 2项, 3月, 二是, 三个, 十四五 ...
_NOT_AFTER_DIGITS = set(
    "年月日时分秒号万亿千百十元角件人名次个项条处起宗份台辆米吨家批类种部级户位所座套张本期"
    "场篇单例轮天周倍成季届栋间层幢块株棵亩吨公里克斤道枚支组队批余多"
)
_NOT_AFTER_NUMERAL = _NOT_AFTER_DIGITS | set("是一二三四五六七八九十〇零两些方大中小同致起并定")

_SENTENCE_END = "。"
_STANDALONE_FORBIDDEN = set("。;:!?")
_TITLE_END = re.compile(r"(报告|总结|汇报|报告书|工作要点)$")
_ORG_END = re.compile(r"(局|委员会|人民政府|办公室|办公厅)$")
_DATE_ONLY = re.compile(
    r"^[0-9〇○零一二三四五六七八九十]{2,4}[ ]*[年./-][ ]*[0-9一二三四五六七八九十]{1,2}[ ]*[月./-]"
    r"[ ]*[0-9一二三四五六七八九十]{1,3}[ ]*日?$"
)
_STRIP = " \t\r\n\f\v\x1c\x1d\x1e\x1f\x85"  # the spaces str.strip takes that fold leaves
# What may lead or close a heading line besides spaces: Markdown decorations of text that a
# converter turned into Markdown (## 一、…, **(一)强化依法决策。**…)
_LEAD = _STRIP + "#*"
# ... and the glyphs a WeChat editor sets before a heading (◆ 一、…, ▎(一)…, ◆ 强化组织领导),
# read like spaces; a caption's mark (▲ 镇党委召开专题会议) only before an outline marker
_GLYPHS = frozenset("◆◇■□●○◎▶►▷▸★☆▎▍▌▋▊▉▏⬛⬜")
_CAPTION_GLYPHS = frozenset("▲△")
# a run-in title that opens a paragraph: a verb's phrase with no comma (推进“监管一件事”改革)
_RUN_IN_TITLE = re.compile(
    r"(?:推进|推动|做实|做好|做优|强化|加强|深化|健全|完善|落实|开展|提升|优化|规范|严格|坚持|创新"
    r"|抓实|抓好|聚焦|实施|建立|构建|打造|筑牢|守牢|织密)[^,，、;；]*$"
)
# an appendix's label alone on its line (附件2, 附件:, 附件 1)
_APPENDIX_LABEL = re.compile(r"附\s*件\s*\d{0,2}\s*:?")


def _is_glyph(c: str) -> bool:
    """A glyph set before a heading: one of :data:`_GLYPHS`, or any geometric shape (▪, ▫,
    ◼, ◉, ◢ …) but a caption's mark."""
    return c in _GLYPHS or ("\u25a0" <= c <= "\u25ff" and c not in _CAPTION_GLYPHS)


def _latin_heading(rest: str) -> bool:
    """Whether a marker's text is a line in a Latin script with no Chinese (a Zhuang or English
    translation under a Chinese marker), not a heading naming a few Latin words."""
    return latin_line(rest) and not any("\u4e00" <= ch <= "\u9fff" for ch in rest)


_NOT_A_SIBLING = frozenset("图表注附▲△※●■□◆◇★☆")  # how captions, notes and list items start
# a figure's or a table's caption (图2  …, 图二 …, 图(2)…, (图2)…, ▲图2 …, 附表1:…), folded
_CAPTION = re.compile(
    r"[\s▲△●■◆★☆※]*[(（]?\s*附?[图表]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[(（]\d{1,2}[)）])"
    r"(?:[\s:.、：\-)）]|$|[\u4e00-\u9fff])"
)
# ... and HTML left in the text by a careless conversion: tags and entities
_HTML_HEAD = re.compile(r"(?:[ \t\r\n\f\v#*]|<[^<>\n]{0,200}>|&(?:nbsp|ensp|emsp|#\d{2,6});)+")
_HTML_TAIL = re.compile(r"(?:[ \t\r\n\f\v#*]|<[^<>\n]{0,200}>|&(?:nbsp|ensp|emsp|#\d{2,6});)+$")


def _is_dingbat(c: str) -> bool:
    """❶…❿, ➀…➉, ➊…➓: the dingbat numbers a WeChat editor sets before sub-headings."""
    return "\u2776" <= c <= "\u2793"


def _is_emoji(c: str) -> bool:
    """An emoji or pictograph a WeChat editor sets before a heading (🔷 一、…, 📌, ✅), or the
    selector and joiner that shape one; the dingbat numbers ❶…➓ are markers, not this."""
    return (
        ("\U0001f300" <= c <= "\U0001faff" and c != "\U0001f51f")  # 🔟 is a number
        or ("\u2600" <= c <= "\u27bf" and not _is_dingbat(c))
        or c in "\ufe0f\u200d\u2b50\u2b55"
    )


def _lead_end(f: str, i: int = 0) -> int:
    """Offset after the decorations (spaces, Markdown, HTML) at ``f[i:]``'s start."""
    if i < len(f) and f[i] in "<&":
        m = _HTML_HEAD.match(f, i)
        return m.end() if m else i
    while i < len(f) and (
        f[i] in _LEAD or _is_glyph(f[i]) or (f[i] >= "\u2600" and _is_emoji(f[i]))
    ):
        i += 1
    if i < len(f) and f[i] in "<&":
        return _lead_end(f, i)
    if i < len(f) and f[i] in _CAPTION_GLYPHS:
        j = i
        while j < len(f) and (f[j] in _CAPTION_GLYPHS or f[j] in _LEAD):
            j += 1
        if _match_strong(f[j : j + 12]) is not None:
            return j
    return i


def _trail_start(f: str, lo: int, hi: int) -> int:
    """Offset where the decorations closing ``f[lo:hi]`` begin (``hi`` when there are none)."""
    while hi > lo and (f[hi - 1] in _LEAD or _is_glyph(f[hi - 1])):
        hi -= 1
    if hi > lo and f[hi - 1] in ">;":
        m = _HTML_TAIL.search(f, lo, hi)
        if m:
            return _trail_start(f, lo, m.start()) if m.start() < hi else hi
    return hi


def cn_numeral_value(numeral: str) -> int | None:
    """Return the value of a Chinese numeral from 一 to 九十九, or None.

    Args:
        numeral: e.g. ``'三'``, ``'十二'``, ``'二十'``.

    Returns:
        The integer, or None when ``numeral`` is not a numeral in that range.
    """
    if not numeral:
        return None
    if len(numeral) == 1:
        if numeral == "十":
            return 10
        return _CN_DIGIT.get(numeral)
    if "十" not in numeral or numeral.count("十") > 1:
        return None
    tens, _, ones = numeral.partition("十")
    t = 1 if tens == "" else _CN_DIGIT.get(tens)
    o = 0 if ones == "" else _CN_DIGIT.get(ones)
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return t * 10 + o


def _cn_numeral(n: int) -> str:
    """Return the Chinese numeral for 1 <= n <= 99 (digits beyond that)."""
    digits = "一二三四五六七八九"
    if 1 <= n <= 9:
        return digits[n - 1]
    if 10 <= n <= 99:
        tens, ones = divmod(n, 10)
        return (
            ("" if tens == 1 else digits[tens - 1]) + "十" + ("" if ones == 0 else digits[ones - 1])
        )
    return str(n)


def _canonical_marker(level: int, n: int, sep: str = "、") -> str:
    if level == 1:
        return f"{_cn_numeral(n)}、"
    if level == 2:
        return f"({_cn_numeral(n)})"
    if level == 3:
        return f"{n}{sep}"
    return f"({n})"


@dataclass(slots=True)
class _Marker:
    level: int
    num: int
    marker: str  # folded, spaces removed
    end: int  # offset in the (lstripped, folded) line where the marker ends
    sep: str = ""


def match_outline_marker(folded_line: str) -> tuple[int, int, str, int] | None:
    """Match an intact outline marker at the start of a folded line.

    Args:
        folded_line: a line of ``fold(text)``, leading spaces allowed.

    Returns:
        ``(level, number, marker, end)`` where ``marker`` is the folded marker without
        spaces (``'(二)'``, ``'3.'``) and ``end`` the offset just after it in
        ``folded_line``; or None when the line does not start with a marker.
    """
    lead = _lead_end(folded_line)
    stripped = folded_line[lead:]
    m = _match_strong(stripped)
    if m is None:
        return None
    return m.level, m.num, m.marker, lead + m.end


_CN_NUM_CHARS = frozenset("一二三四五六七八九十")  # the first character of an _L1 match


def _match_strong(s: str) -> _Marker | None:
    # Each pattern can only match at its own first character: '(' for _L2 and _L4, a
    # numeral for _L1, 第 for _L1_CHAPTER, a decimal digit (\d) for _L3.
    if not s:
        return None
    c = s[0]
    if c == "(":
        m = _L2.match(s)
        if m:
            n = cn_numeral_value(m["num"])
            if n is not None:
                return _Marker(2, n, f"({m['num']})", m.end())
        m = _L4.match(s)
        if m:
            return _Marker(4, int(m["num"]), f"({int(m['num'])})", m.end())
    elif c in _CN_NUM_CHARS:
        m = _L1.match(s)
        if m:
            n = cn_numeral_value(m["num"])
            if n is not None:
                # 一. is the same marker as 一、 in another punctuation: written canonically
                return _Marker(1, n, m["num"] + "、", m.end(), m["sep"])
    elif c == "第":
        m = _L1_CHAPTER.match(s)
        if m:
            n = cn_numeral_value(m["num"])
            if n is not None:  # (第一节's rank is set by the report: _section_rank)
                return _Marker(1, n, f"第{m['num']}{m['sep']}", m.end(), m["sep"])
    elif c == "【":
        m = _L1_BRACKETED.match(s)
        if m:
            n = cn_numeral_value(m["num"])
            if n is not None:
                return _Marker(1, n, m["num"] + "、", m.end(), "【】")
    elif c.isdecimal():
        m = _L3.match(s)
        if m:
            return _Marker(3, int(m["num"]), m["num"] + m["sep"], m.end(), m["sep"])
        m = _KEYCAP.match(s)
        if m and s[m.end() : m.end() + 1] not in _NOT_AFTER_DIGITS:  # not 3️⃣个中队
            # 1️⃣ (1️⃣0️⃣) : keycap emoji, the number they show (as 1.)
            n = int("".join(ch for ch in m.group(0) if ch.isdecimal()))
            return _Marker(3, n, f"{n}.", m.end(), ".")
    elif _is_capital(c):
        m = _L1_CAPITAL.match(s)
        if m:
            n = _capital_numeral_value(m["num"])
            if n is not None:
                # 壹、 and Ⅰ、 are 一、 in another script: written canonically
                return _Marker(1, n, _cn_numeral(n) + "、", m.end(), m["sep"])
    elif c == "\U0001f51f":  # 🔟
        return _Marker(3, 10, "10.", 1, ".")
    elif "\u2474" <= c <= "\u249b" or "\u3220" <= c <= "\u3229":
        return _enclosed_marker(c)
    elif c in "Pp":
        m = _PART.match(s)
        if m:
            return _Marker(1, int(m["num"]), f"PART {m['num']}", m.end())
    elif _is_dingbat(c):
        return _dingbat_marker(c)
    return None


# 壹、 贰、 (the numerals of amounts on cheques) and Ⅰ、 Ⅱ. (Roman numerals, one character
# each, U+2160…U+216B): a level-1 marker some writers use instead of 一、
_CAPITAL_NUMERALS = "壹贰叁肆伍陆柒捌玖拾"
_L1_CAPITAL = re.compile(
    rf"(?P<num>[{_CAPITAL_NUMERALS}]{{1,3}}|[\u2160-\u216b])[ ]*(?P<sep>、|\.(?!\d)|\.(?=\d{{4}}年))"
)


def _is_capital(c: str) -> bool:
    """Whether a character opens a capital or Roman numeral marker (壹、, Ⅱ.)."""
    return c in _CAPITAL_NUMERALS or "\u2160" <= c <= "\u216b"


def _capital_numeral_value(numeral: str) -> int | None:
    """壹 → 1, 拾贰 → 12, 贰拾 → 20, Ⅳ → 4; None for what is no numeral up to 99."""
    if "\u2160" <= numeral <= "\u216b":
        return ord(numeral) - 0x2160 + 1
    return cn_numeral_value(numeral.translate(_CAPITAL_TO_SMALL))


_CAPITAL_TO_SMALL = str.maketrans(_CAPITAL_NUMERALS, "一二三四五六七八九十")


# 1️⃣ : a digit shown as a keycap emoji (the digit, an optional variation selector, U+20E3)
_KEYCAP = re.compile("(?:\\d\ufe0f?\u20e3){1,2}")

# PART 01 / PART.02 / Part 3: a WeChat article's part labels (a level-1 marker, the part's
# title after it or on the next line)
_PART = re.compile(r"(?i)part[ .]*(?P<num>\d{1,2})(?![\d.%])(?=[ ]|[\u4e00-\u9fff“\"《]|$)")


def _dingbat_marker(c: str) -> _Marker:
    """❶…❿, ➀…➉, ➊…➓: a WeChat editor's sub-heading numbers, ranked as (一) and kept as
    written (no list numbering to restore)."""
    code = ord(c)
    n = (code - 0x2776) % 10 + 1
    return _Marker(2, n, c, 1)


_CN_TENS = "一二三四五六七八九十"


def _enclosed_marker(c: str) -> _Marker:
    """A marker Word's list numbering leaves as one enclosed character: ㈠…㈩ are (一)…(十),
    ⒈…⒛ are 1.…20., ⑴…⒇ are (1)…(20); written canonically, as the spelled-out markers are."""
    code = ord(c)
    if code >= 0x3220:
        n = code - 0x3220 + 1
        return _Marker(2, n, f"({_CN_TENS[n - 1]})", 1)
    if code >= 0x2488:
        n = code - 0x2488 + 1
        return _Marker(3, n, f"{n}.", 1, ".")
    n = code - 0x2474 + 1
    return _Marker(4, n, f"({n})", 1)


# ---------------------------------------------------------------------------------------
# Lines and the outline tree


@dataclass(slots=True)
class _Line:
    start: int  # offset of the line in the text
    end: int  # offset of its end (the '\n' or the end of the text)
    folded: str  # folded line
    lead: int  # leading spaces in the folded line
    body: str  # the folded line without its leading and trailing spaces
    text: str = ""  # the line as written (same length as folded)


@dataclass(slots=True)
class _Node:
    level: int
    sid: str
    n_children: int = 0
    last_num: dict[int, int] = field(default_factory=dict)
    last_sep: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Heading:
    line: int
    level: int
    num: int
    marker: str
    head_start: int  # offset in the text of the heading text
    head_end: int
    repaired: bool
    sep: str = ""


# A line this long holds several paragraphs whose breaks were lost (a careless scrape): it is
# read as several lines, cut where a level-1 or level-2 marker starts a paragraph.
RUN_ON_LINE = 500
# where a paragraph can start inside such a line: after a sentence end (not ;, which joins
# the items of an inline list) or a run of two or more spaces, and the candidates for a first
# child right after its parent's heading text (一、主要举措和成效(一)坚持党的领导)
_RUN_ON_BREAK = re.compile(r"(?<=[。!?])[”’\"')]*\s*|\s{2,}")
_RUN_ON_CHILD = re.compile(r"(?=\([ ]*一[ ]*\))")
# an indent inside a line of any length: two or more ideographic spaces (what cleaning makes
# of an HTML block's end); a heading ends there when text follows
_INDENT = r"\u3000{2,}|[\u00a0 \u3000]{4,}"
_INDENT_BREAK = re.compile(_INDENT)
_GAP = re.compile(rf"(?:{_INDENT})\s*(?=\S)")


# a heading's continuation mark: (续), (续表), (续上页), (接上页)
_CONTINUED = re.compile(r"(.+?)\s*\((?:续|续表|续上页|接上页)\)")


class _Sequence:
    """The outline numbers seen so far: a cut inside a line must go on from them (二、 after
    一、, (三) after (二), (一) after a new 一、; a part 第二部分 restarts 一、), so 一、二级 in a
    paragraph under 一、 is no heading."""

    def __init__(self) -> None:
        self.last = {0: 0, 1: 0, 2: 0}  # 0: parts (第一部分), which restart 一、

    def see(self, level: int, num: int) -> None:
        if level == 0:
            self.last[0], self.last[1], self.last[2] = num, 0, 0
        elif level == 1:
            self.last[1], self.last[2] = num, 0
        elif level == 2:
            self.last[2] = num

    def expected(self, level: int, num: int) -> bool:
        # any number above the last one (a number skipped by mistake does not stop the rest)
        return num > self.last[level]


def _run_on_cuts(f: str, raw: str, seq: _Sequence, run_on: bool = True) -> list[int]:
    """Offsets in a folded line where a paragraph with a level-1/2 marker starts: after an
    indent inside the line (in ``raw``, the line as written), and, in a run-on line, after a
    sentence end or a parent's heading. Each cut continues the outline's numbering."""
    found: list[int] = []
    breaks = (
        (m.end() for m in _RUN_ON_BREAK.finditer(f))
        if run_on
        else (m.end() for m in _INDENT_BREAK.finditer(raw))
    )
    for i in breaks:
        if 0 < i < len(f) and (found[-1] if found else 0) < i:
            strong = _match_strong(f[i : i + 12])
            if strong is not None and strong.level <= 2:
                found.append(i)
    if run_on:
        # a first child (一) right after its parent's heading, with no sentence end between
        for start in [0, *found]:
            strong = _match_strong(f[start : start + 12])
            if strong is None or strong.level != 1:
                continue
            head = f[start : start + 80]
            stop = head.find(_SENTENCE_END)
            m = _RUN_ON_CHILD.search(head, strong.end + 2, stop if stop >= 0 else len(head))
            if m is not None:
                found.append(start + m.start())
    cuts: list[int] = []
    for i in sorted(set(found)):
        strong = _match_strong(f[i : i + 12])
        if strong is None:
            continue
        level = 0 if strong.marker.startswith("第") else strong.level
        if seq.expected(level, strong.num):
            seq.see(level, strong.num)
            cuts.append(i)
    return cuts


def _split_lines(text: str, folded: str) -> list[_Line]:
    # fold maps no character to or from '\n': the lines of folded are those of text
    lines: list[_Line] = []
    seq = _Sequence()
    pos = 0
    for f in folded.split("\n"):
        end = pos + len(f)
        lead = _lead_end(f)
        first = _match_strong(f[lead : lead + 12]) if lead < len(f) else None
        if first is not None and first.level <= 2:
            seq.see(0 if first.marker.startswith("第") else first.level, first.num)
        if len(f) >= RUN_ON_LINE:
            cuts = _run_on_cuts(f, text[pos:end], seq)
        elif _INDENT_BREAK.search(text[pos:end].strip()):
            cuts = _run_on_cuts(f, text[pos:end], seq, run_on=False)
        else:
            cuts = []
        for a, b in zip([0, *cuts], [*cuts, len(f)], strict=True):
            piece = f[a:b]
            lead = _lead_end(piece)
            body = piece[lead : _trail_start(piece, lead, len(piece))]
            lines.append(_Line(pos + a, pos + b, piece, lead, body, text[pos + a : pos + b]))
        pos = end + 1
    return lines


def _heading_span(line: _Line, after: int) -> tuple[int, int, bool]:
    """Heading text span (text offsets) starting at ``after`` within the line.

    Returns (start, end, standalone): the heading is the first sentence, up to 。, or up to an
    indent inside the line (two ideographic spaces: an HTML block's end) that text follows.
    """
    f = line.folded
    i = _lead_end(f, after)
    stop = f.find(_SENTENCE_END, i)
    gap = _GAP.search(line.text, i, stop if stop >= 0 else len(f))
    if gap is not None:
        stop = gap.start()  # 一、主要工作　　全年…
    colon = _RUN_IN_COLON.search(f, i, min(i + 31, len(f) if stop < 0 else stop))
    if colon is not None and colon.start() > i + 1:
        stop = colon.start()  # (一)健全领导机构:年初… (a run-in heading closed by a colon)
    j = _trail_start(f, i, len(f) if stop < 0 else stop)
    # standalone: nothing but decorations after the sentence
    rest = len(f) if stop < 0 else stop + 1
    return line.start + i, line.start + j, _trail_start(f, 0, len(f)) <= rest


# a colon that closes a run-in heading: text follows it on the line (not a time, 8:30)
_RUN_IN_COLON = re.compile(r"(?<!\d)(?<!指出)(?<!强调)(?<!表示):(?!//)(?=\s*\S)")


# two cells of figures side by side in a table's row (合计 2867 2836 356.42: tabs are spaces
# once folded), not figures a PDF's spacing set apart (2023 年 12345 热线办理情况)
_NUMERIC_CELLS = re.compile(r"(?<!\S)[-+]?\d[\d.,%]*\s+[-+]?\d[\d.,%]*(?!\S)")
# ... or label and figure pairs ending in a figure (简易程序 1107 一般程序 361)
_NUMERIC_CELL = re.compile(r"(?<!\S)[-+]?\d[\d.,%]*(?!\S)")
_LAST_CELL = re.compile(r"\s[-+]?\d[\d.,%]*$")


def _is_standalone_candidate(body: str) -> bool:
    """A short standalone line that could be a heading whose marker was lost (not a table's
    row: two cells of figures side by side)."""
    if not 2 <= len(body) <= 40:
        return False
    if any(c in _STANDALONE_FORBIDDEN for c in body):
        return False
    if _NUMERIC_CELLS.search(body) or (
        _LAST_CELL.search(body) and len(_NUMERIC_CELL.findall(body)) >= 2
    ):
        return False
    if not re.search(r"[\u4e00-\u9fff]", body):
        return False
    if _TITLE_END.search(body) or _ORG_END.search(body) or _DATE_ONLY.match(body):
        return False
    return body[0] not in "-—~·"


# a decimal outline's marker at a line's start: 1 / 1. / 1、 (level 1), 1.1 (level 2) or 1.1.1
# (level 3), then a space and the heading (a quantity has none: 2.5万人次)
_DEC_MARKER = re.compile(
    r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})(?:(?<=\d)[.、])?[ ]+(?=[\u4e00-\u9fff“\"《]|\d{4}年)"
)
_DEC_SECOND = re.compile(r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})[ ]+[\u4e00-\u9fff“\"《]")


# a heading set in lenticular brackets alone on its line (【强化组织领导】), as WeChat articles
# write their subheadings: ranked between 一、 and (一)
_BRACKET_HEADING = re.compile(r"【(?P<head>[^【】。;!?:]{2,30})】\s*$")
# a bracketed caption or page line, not a heading: 【典型案例】, 【案例一】, 【相关链接】, 【来源…】
_BRACKET_CAPTION = re.compile(
    r"【\s*(?:(?:典型)?案例|(?:相关)?链接|(?:延伸)?阅读|小贴士|编者|来源|(?:责任)?编辑|图|附"
    r"|(?:基本)?案情|处理(?:结果|情况)|典型意义|案例(?:评析|点评)|以案释法|法条链接|律师说法)"
)
_BRACKET_LEVEL = 1.5


# ... or run in at the start of its paragraph, as a yearbook prints its items' heads
# (【概况】2023年，区城市管理局…)
_BRACKET_RUN_IN = re.compile(r"【(?P<head>[^【】。;!?:,、\s]{2,16})】(?=[\u4e00-\u9fff\d“\"《(])")


def _is_bracket_heading(body: str, run_in: bool = False) -> bool:
    return (
        body[:1] == "【"
        and (
            _BRACKET_HEADING.match(body) is not None
            or (run_in and _BRACKET_RUN_IN.match(body) is not None)
        )
        and _BRACKET_CAPTION.match(body) is None
    )


def _has_bracket_headings(lines: list[_Line]) -> bool:
    """True when two or more lines are a bracketed heading alone (one could be a caption)."""
    n = 0
    for line in lines:
        if _is_bracket_heading(line.body):
            n += 1
            if n >= 2:
                return True
    return False


def _has_run_in_brackets(lines: list[_Line]) -> bool:
    """True when three or more paragraphs open with a bracketed head run in (a yearbook's
    items: 【概况】…, 【严格规范执法】…)."""
    heads = [
        line.body[1 : line.body.find("】")]
        for line in lines
        if line.body[:1] == "【"
        and _BRACKET_HEADING.match(line.body) is None  # (run in, not alone on its line)
        and _is_bracket_heading(line.body, True)
    ]
    # (each item once: a case study's 【基本案情】【处理结果】 repeated under each case are captions)
    return len(heads) >= 3 and len(set(heads)) == len(heads)


# 第一, 第二, … opening paragraphs: the sub-headings of a report that writes no (一)
_ORDINAL = re.compile(rf"第(?P<num>{_CN_NUM})[ ]*,(?P<head>[^。;:!?]{{2,40}})[。:]")


def _ordinal(body: str) -> _Marker | None:
    """``第一,压实责任。`` at a line's start: a level-2 marker ``第一,`` (a short sentence
    after it, closed by a full stop or a colon, as a run-in heading is)."""
    m = _ORDINAL.match(body) if body[:1] == "第" else None
    if m is None:
        return None
    n = cn_numeral_value(m["num"])
    if n is None:
        return None
    return _Marker(2, n, f"第{m['num']},", m.start("head"))


def _is_ordinal(marker: str) -> bool:
    return marker[:1] == "第" and marker.endswith(",")


def _has_ordinal_headings(lines: list[_Line]) -> bool:
    """True when paragraphs open with ``第一,`` ``第二,`` … in order (two or more from 第一,
    each opening with a short sentence) in a report with ``一、`` headings and no line opening
    with a ``(一)`` marker: these ordinals are the report's level-2 headings. Inside a
    paragraph they stay enumerations."""
    run = best = 0
    top = False
    for line in lines:
        body = line.body
        if not body:
            continue
        if body[0] == "(" or body[0] == "第" or body[0] in _CN_NUM_CHARS:
            strong = _match_strong(body)  # 一、, or a part 第一部分
            if strong is not None and strong.level == 2:
                return False
            top = top or (strong is not None and strong.level == 1)
        m = _ordinal(body)
        if m is None:
            continue
        run = m.num if m.num in (1, run + 1) else 0
        best = max(best, run)
    return top and best >= 2


# 01 坚持党建引领 / 02 … (or 01｜坚持…, 01丨坚持…): the big two-digit numbers a WeChat article
# sets before its parts
_PADDED = re.compile(
    r"(?P<num>0[1-9]|[1-9]\d)(?:[ ]*[|丨][ ]*|[ ]+)(?=[\u4e00-\u9fff“\"《]|\d{4}年)"
)


# a quantity in a part's title (not a name: 721工作法, 12345热线, “1+N”), or a last cell
_FIGURE_IN_TITLE = re.compile(
    r"(?<![“\"\d.])\d[\d,.]*\s*(?:万|亿)?\s*(?:件|元|场|次|人|个|处|起|宗|份|%|项|期|家|户|条)"
)
_BAR_CELL = re.compile(r"[|丨]\s*[\d.,%]+\s*$")


def _padded(body: str) -> _Marker | None:
    """``01 坚持党建引领…`` at a line's start: a level-1 marker ``01`` (not a table's row,
    ``01 行政处罚 1468``)."""
    m = _PADDED.match(body) if body[:1].isdecimal() else None
    if m is None or _LAST_CELL.search(body):
        return None
    rest = body[m.end() :]
    if _BAR_CELL.search(rest) or _FIGURE_IN_TITLE.search(rest):
        return None  # a table's row (01｜行政处罚案件｜1468), a key figure (01丨立案查处1468件)
    return _Marker(1, int(m["num"]), m["num"], m.end())


def _has_padded_headings(lines: list[_Line]) -> bool:
    """True when lines open with ``01 `` ``02 `` … in order (two or more from 01, the first
    written with its zero) and no line opens with a ``一、`` marker: these are the report's
    level-1 headings."""
    run = best = 0
    sub = False  # a (一) seen before any 01: the numbers are items under it
    for line in lines:
        body = line.body
        if not body:
            continue
        if body[0] in _CN_NUM_CHARS or body[0] == "(":
            strong = _match_strong(body)
            if strong is not None and strong.level == 1:
                return False
            sub = sub or (strong is not None and strong.level == 2 and not best)
        m = _padded(body)
        if m is None:
            continue
        if sub and not best:
            return False
        if m.marker == "01":
            run = 1
        elif run and m.num == run + 1:
            run += 1
        else:
            run = 0
        best = max(best, run)
    return best >= 2


def _has_decimal_outline(lines: list[_Line]) -> bool:
    """True when headings are numbered 1.1, 1.2 … (at least two level-2 items of one
    level-1 number, the first of them .1) and no 一、 outline is present."""
    seconds: dict[int, list[int]] = {}
    for line in lines:
        body = line.body
        if not body:
            continue
        if body[0] in _CN_NUM_CHARS:
            strong = _match_strong(body)
            if strong is not None and strong.level == 1:
                return False  # a 一、 outline: decimal numbers are items inside it
        elif body[0].isdecimal():
            m = _DEC_SECOND.match(body)
            if m is not None:
                seconds.setdefault(int(m["a"]), []).append(int(m["b"]))
    return any(len(b) >= 2 and b[0] == 1 for b in seconds.values())


def _is_part(marker: str) -> bool:
    """A part's marker (第一部分, 第一章, PART 01), ranked above 一、 when both are used."""
    return marker[0] == "第" or marker.startswith("PART")


def _dingbat_headings(lines: list[_Line]) -> set[int]:
    """The lines opening with a dingbat number (❶) that are headings: those of a level-1 part
    with no (一) marker (beside (一) they are items of its paragraphs)."""
    out: set[int] = set()
    if not any(_is_dingbat(line.body[:1]) for line in lines if line.body):
        return out
    block: list[int] = []  # the ❶ lines of the current level-1 part
    sub = False  # the part has a (一) marker
    for k, line in enumerate(lines):
        if not line.body:
            continue
        m = _match_strong(line.body)
        if m is not None and _is_dingbat(m.marker[0]):
            block.append(k)
        elif m is not None and m.level == 1:
            if not sub:
                out.update(block)
            block, sub = [], False
        elif m is not None and m.level == 2:
            sub = True
    if not sub:
        out.update(block)
    return out


def _section_rank(lines: list[_Line]) -> float:
    """The rank of 第一节 in a report: above its 一、 items when a section comes first (第一章 /
    第一节 / 一、…: 0.5), below them when an 一、 comes first (一、 / 第一节: 1.5), and 1.5 in a
    report without 一、 (第一章 / 第一节 / (一): between the chapter and its (一))."""
    for line in lines:
        body = line.body
        if not body or not (body[0] == "第" or body[0] in _CN_NUM_CHARS):
            continue
        m = _match_strong(body)
        if m is None:
            continue
        if m.sep == "节":
            if not any(_is_l1_numeral(ln.body) for ln in lines):
                return 1.5  # no 一、: between 第一章 and (一)
            return 0.5 if any(_is_chapter(ln.body) for ln in lines) else 0  # (a part itself)
        if m.level == 1 and not _is_part(m.marker):
            return 1.5
    return 1.5


def _is_chapter(body: str) -> bool:
    m = _match_strong(body) if body[:1] == "第" else None
    return m is not None and m.sep != "节"


def _is_l1_numeral(body: str) -> bool:
    m = _match_strong(body) if body and body[0] in _CN_NUM_CHARS else None
    return m is not None and m.level == 1


def _has_parts_above(lines: list[_Line]) -> bool:
    """True when the text opens its outline with a 第一部分-style part and has 一、 headings
    after it (parts in an appendix after the main 一、 outline do not count)."""
    part = False
    for line in lines:
        body = line.body
        if not body or not (body[0] in "第Pp" or body[0] in _CN_NUM_CHARS or _is_capital(body[0])):
            continue
        m = _match_strong(body)
        if m is None or m.level != 1:
            continue
        if _is_part(m.marker) or _is_capital(body[0]):  # 壹、 above 一、 is a part too
            part = True
        elif part:
            return True
        else:
            return False  # 一、 before any part: the parts are not above the outline
    return False


# what a short line that is no heading looks like: a figure (行政处罚案件 326件; a year's 2024年
# is allowed), a space inside (a table row, a slogan: 法治护航 城管为民), or a photo caption's
# subject (执法人员开展…, 全区城管系统开展…, 图为…)
_NOT_UNMARKED = re.compile(
    r"\d(?!\d{0,3}年)|\s|^(?:图|记者|志愿者|群众|市民|居民)"
    r"|^(?:[\u4e00-\u9fff]{0,4}人员|全(?:市|区|县|省|镇)[\u4e00-\u9fff]{0,6})(?:开展|举办|组织|召开|进行|参加|深入|在)"
)


_HOTLINE_NUMBER = re.compile(r"123\d\d")


def _unmarked_candidate(body: str) -> bool:
    """A short line alone that may be a heading in a text with no outline numbers."""
    return (
        4 <= len(body) <= 30
        and _is_standalone_candidate(body)
        and body[0] not in _NOT_A_SIBLING
        and body[-1] not in ',、)”"'
        and _NOT_UNMARKED.search(_HOTLINE_NUMBER.sub("", body)) is None  # 做好12345热线办理
    )


def _is_paragraph(body: str) -> bool:
    # (half-width punctuation too: …均已督促整改到位.聘请…)
    return len(body) >= 40 and (_SENTENCE_END in body or _HALF_WIDTH_STOP.search(body) is not None)


# a half-width full stop ending a Chinese sentence (not a decimal point or a list's 1.)
_HALF_WIDTH_STOP = re.compile(r"[\u4e00-\u9fff][.](?!\d)")
# a title line that ends the title (a heading may follow it, not the title's rest)
_FINISHED_TITLE = re.compile(r"(?:报告|总结|汇报|情况|台账|清单|材料)\s*$")
# what a line right under the title may be besides a heading: its author, a subtitle, a date
_UNDER_TITLE = re.compile(
    r"(?:局|委员会|委|办公室|政府|中心|院|所|队|处|会|组|关|部)$|^[-—]|报告|总结|汇报|情况$|\d{4}"
    r"|[〇零一二三四五六七八九]{4}年"
)


# a WeChat article's prompts and links, no sub-headings
_WECHAT_PROMPT = re.compile(r"点击|阅读原文|往期|扫码|长按|在看|点赞")


def _unmarked_headings(lines: list[_Line], strong: Callable[[str], _Marker | None]) -> dict:
    """``{line index: level}`` of the headings of a text that wrote no outline number.

    Empty when any line starts with a marker of level 1 or 2 (or a part), or when fewer than
    three lines qualify: a short line alone (:func:`_unmarked_candidate`) after the first
    paragraph, followed by a paragraph, a marked item (1.) or another such line. In a WeChat
    article whose only markers are its parts' numbers (01, PART 01), such lines are level 2.
    """
    bodies = [(k, ln.body) for k, ln in enumerate(lines) if ln.body]
    markers = [strong(b) for _, b in bodies]
    upper = [m for m in markers if m is not None and m.level <= 2]
    # a WeChat article's parts (01 / PART 01) with no (一): its unnumbered sub-headings
    under_parts = bool(upper) and all(
        m.level == 1 and (m.marker[:1].isdecimal() or m.marker.startswith("PART")) for m in upper
    )
    if upper and not under_parts:
        return {}
    first_paragraph = next((n for n, (_, b) in enumerate(bodies) if _is_paragraph(b)), None)
    if first_paragraph is None:
        return {}
    found: dict[int, bool] = {}  # index in bodies -> followed at once by another heading
    for n in range(first_paragraph + 1, len(bodies) - 1):
        body = bodies[n][1]
        if markers[n] is not None or not _unmarked_candidate(body):
            continue
        nxt, nxt_marker = bodies[n + 1][1], markers[n + 1]
        if nxt_marker is not None or _is_paragraph(nxt):
            found[n] = False
        elif _unmarked_candidate(nxt):
            found[n] = True
    # the first heading may stand right under the title, before the first paragraph (a
    # ledger's first group): when it is a heading's line, not the author's or a subtitle
    n0 = first_paragraph - 1
    if (
        n0 >= 1
        and _FINISHED_TITLE.search(bodies[n0 - 1][1]) is not None  # (not a title's second line)
        and markers[n0] is None
        and _unmarked_candidate(bodies[n0][1])
        and _UNDER_TITLE.search(bodies[n0][1]) is None
    ):
        found[n0] = False
    # a heading followed by another must lead to a paragraph in the end
    for n in sorted(found, reverse=True):
        if found[n] and n + 1 not in found:
            del found[n]
    if len(found) < 3:
        return {}
    if under_parts:
        # an article's sub-headings: one of them opens a part (right below its title), and a
        # prompt or a link (点击阅读原文, 往期推荐) is none
        found = {
            n: v
            for n, v in found.items()
            if _WECHAT_PROMPT.search(bodies[n][1]) is None
            and not (markers[n - 1] is not None and markers[n - 1].end >= len(bodies[n - 1][1]))
        }  # a part's title below its label (PART 01 / 强化组织领导) is the part's own
        opens = any(
            markers[n - 1] is not None
            or (n >= 2 and markers[n - 2] is not None and not _is_paragraph(bodies[n - 1][1]))
            for n in found
        )
        return {bodies[n][0]: 2 for n in found} if opens and len(found) >= 3 else {}
    if not any(found.values()):
        return {bodies[n][0]: 1 for n in found}
    # two levels: a line followed at once by another is a parent (level 1), and so is a part
    # the genre names, unless it stands right under a parent; the others are level 2 under a
    # parent or a part, and level 1 where none is open (siblings before the first parent)
    parts = _report_parts()
    levels: dict[int, int] = {}
    parent_open = False
    for n in sorted(found):
        under_parent = found.get(n - 1, False)
        if found[n] or (parts.search(bodies[n][1]) and not under_parent):
            levels[bodies[n][0]] = 1
            parent_open = True
        else:
            levels[bodies[n][0]] = 2 if parent_open else 1
    return levels


def _lost_level2_headings(lines: list[_Line], strong: Callable[[str], _Marker | None]) -> set[int]:
    """Line indices of the sub-headings of an outline whose level-2 numbers were lost (Word's
    automatic numbering dropped by ``docx2txt``: 一、… typed, its （一） generated): under a
    level-1 heading with no level-2 marker below it, two or more short lines alone
    (:func:`_unmarked_candidate`), each followed by a paragraph; in a text with three or more
    level-1 headings."""
    bodies = [(k, ln.body) for k, ln in enumerate(lines) if ln.body]
    markers = [strong(b) for _, b in bodies]
    tops = [n for n, m in enumerate(markers) if m is not None and m.level == 1]
    # (typed 一、 headings: a WeChat article's parts, PART 01 or 01, have sub-headings of their
    # own kind, and their prompts and captions are none)
    if len(tops) < 3 or any(markers[n].marker[:1] not in "一二三四五六七八九十" for n in tops):
        return set()
    sections = list(zip(tops, [*tops[1:], len(bodies)], strict=True))
    # a report whose level 2 is 1. (一、 / 1.) lost no （一）
    if any(
        any(m is not None and m.level == 3 for m in markers[a + 1 : b])
        and not any(m is not None and m.level == 2 for m in markers[a + 1 : b])
        for a, b in sections
    ):
        return set()
    found: set[int] = set()
    for a, b in sections:
        if any(m is not None and m.level == 2 for m in markers[a + 1 : b]):
            continue
        cands = [
            n
            for n in range(a + 1, b - 1)
            if markers[n] is None
            and _unmarked_candidate(bodies[n][1])
            and _WECHAT_PROMPT.search(bodies[n][1]) is None
            and _NOT_A_LOST_HEADING.search(bodies[n][1]) is None
            and markers[n + 1] is None
            and _is_paragraph(bodies[n + 1][1])
        ]
        # headings of two halves (加强组织领导,压实法治建设主体责任), not photos' captions
        # (燃气安全专项检查现场) nor lead-ins (主要做法如下)
        if len(cands) >= 2 and sum("," in bodies[n][1] for n in cands) * 2 >= len(cands):
            found.update(bodies[n][0] for n in cands)
    return found


# the end of a lead-in or a photo's caption, never a heading's
_NOT_A_LOST_HEADING = re.compile(r"(?:如下|以下|现场|合影|留影|剪影|掠影|照片|图片)$")


# a question of an interview or a Q&A release (问：…？, 记者：…？)
_QUESTION = re.compile(r"(?:问|记者|Q)\s*:\s*(?P<q>[^?\n]{4,80}?)\s*\?")


def _question_headings(
    lines: list[_Line], strong: Callable[[str], _Marker | None]
) -> dict[int, tuple[int, int]]:
    """``{line index: (start, end)}`` of the questions of a release in questions and answers
    (问：2023年…情况怎么样？ / 答：…): three or more, in a text with no level-1 or level-2
    marker; a question's heading is its words without 问： and ？."""
    if any((m := strong(ln.body)) is not None and m.level <= 2 for ln in lines if ln.body):
        return {}
    found = {}
    for k, ln in enumerate(lines):
        m = _QUESTION.match(ln.body)
        if m is not None:
            lo = ln.start + ln.lead
            found[k] = (lo + m.start("q"), lo + m.end("q"))
    return found if len(found) >= 3 else {}


@lexicon_cache(maxsize=1)
def _report_parts() -> re.Pattern[str]:
    """The genre's fixed parts (``analysis/lexicons/report_parts.tsv``) as one pattern."""
    header, rows = _read_tsv(REPORT_PARTS_FILE)
    if "pattern" not in header:
        raise ValueError(f"{REPORT_PARTS_FILE}: missing column 'pattern' (columns: {header})")
    col = header.index("pattern")
    patterns = [cells[col].strip() for cells in rows if len(cells) > col and cells[col].strip()]
    for p in patterns:
        try:
            re.compile(p)
        except re.error as err:
            raise ValueError(f"{REPORT_PARTS_FILE}: bad pattern {p!r}: {err}") from None
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


# a paragraph's number at its line's start (12., 12、)
_PARAGRAPH_NUMBER = re.compile(r"(\d{1,3})[.、](?=(?:19|20)\d\d年|\D)")


def _skip_paragraph_numbers(lines: list[_Line]) -> None:
    """Set, in place, the paragraph numbers of a text that numbers its paragraphs straight
    through (1. … 43., across its 一、 parts, as a draft for comment or a drafting note does)
    before the lines' bodies: they are no outline, and a heading after one (39.(一)…) is read.
    Only when the numbers run 1, 2, 3 … with no restart, to 12 or more, over two or more parts,
    on mostly long paragraphs."""
    numbered: list[tuple[int, int, int]] = []  # (line, number, length of the number)
    tops = 0
    for k, line in enumerate(lines):
        if _is_l1_numeral(line.body):
            tops += 1
        m = _PARAGRAPH_NUMBER.match(line.body)
        if m is not None:
            numbered.append((k, int(m.group(1)), m.end(), tops))
    if len(numbered) < 12 or [n for _, n, _, _ in numbered] != list(range(1, len(numbered) + 1)):
        return
    if len({t for *_, t in numbered}) < 2:
        return
    long = sum(len(lines[k].body) >= 60 for k, *_ in numbered)
    if long * 2 < len(numbered):
        return
    # (not level-3 headings numbered straight through, each a run-in title: 1.强化组织领导。…;
    # paragraph numbers stand also before paragraphs with none, or before a heading, 39.(一)…)
    titled = sum(0 <= lines[k].body.find("。", n) - n <= 20 for k, _, n, _ in numbered)
    before_heading = any(
        _match_strong(lines[k].body[n : n + 12].lstrip()) is not None for k, _, n, _ in numbered
    )
    if not before_heading and titled * 5 >= len(numbered) * 4:
        return
    for k, _, n, _ in numbered:
        line = lines[k]
        rest = line.body[n:]
        line.lead += n + len(rest) - len(rest.lstrip())
        line.body = rest.lstrip()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.lines = _split_lines(text, self.folded)
        _skip_paragraph_numbers(self.lines)
        self.root = _Node(-1, "")
        # 第一部分-style parts above 一、 headings: parsed as level 0, written one level
        # up with every other level (see _columns)
        self.parts_above = _has_parts_above(self.lines)
        self.section_rank = _section_rank(self.lines)  # 第一节's rank in this report
        # a decimal outline (1 主要工作 / 1.1 压实责任 / 1.1.1 …), as a Word document's
        # multilevel list writes it: its numbers are markers, ranked by their depth
        self.decimal = _has_decimal_outline(self.lines)
        self.decimal_top = 0  # the number of the last decimal level-1 heading
        self.brackets = _has_bracket_headings(self.lines)
        self.bracket_run_in = _has_run_in_brackets(self.lines)
        self.brackets = self.brackets or self.bracket_run_in
        # 壹、/Ⅰ、 are the top rank only in a report that writes no 一、 (beside it they are a
        # list's or a lower rank's numbers)
        self.plain_top = any(_is_l1_numeral(line.body) for line in self.lines)
        self.dingbats = _dingbat_headings(self.lines)  # lines of ❶ headings
        self.ordinals = _has_ordinal_headings(self.lines)
        # 01 / 02 … before the parts of a WeChat article: its level-1 markers
        self.padded = not self.decimal and _has_padded_headings(self.lines)
        self.padded_top = 0  # the number of the last such heading
        # headings with no marker at all: line index -> level (empty unless the text has no
        # level-1 or level-2 marker)
        self.unmarked = (
            {} if self.decimal or self.brackets else _unmarked_headings(self.lines, self._strong)
        )
        # sub-headings whose level-2 numbers were lost (Word's automatic numbering): rebuilt
        self.lost2 = (
            set()
            if self.unmarked or self.decimal or self.brackets
            else _lost_level2_headings(self.lines, self._strong)
        )
        # a release in questions and answers with no outline: its questions are its headings
        self.questions = (
            {} if self.unmarked or self.decimal else _question_headings(self.lines, self._strong)
        )
        self.bracket_seen = False  # a 【】 heading since the last 一、
        self._marker_after: list | None = None  # (line, marker) of the next marker line
        self.taken: set[int] = set()  # lines read as part of the heading above them
        self.stack: list[_Node] = [self.root]
        self.headings: list[tuple[_Heading, str, str]] = []  # heading, sid, parent_id
        self.last_level = 0
        self.last_shape: dict[int, bool] = {}  # level -> standalone? of the last heading
        self.lost_top = 0  # level-1 headings whose marker was lost and rebuilt
        self.ordinal_open = 0  # the number of the last 第一, heading under this level-1 one

    # -- sequence state ---------------------------------------------------------------
    def _parent_for(self, level: int) -> _Node:
        for node in reversed(self.stack):
            if node.level < level:
                return node
        return self.root

    def expected(self, level: int) -> int:
        return self._parent_for(level).last_num.get(level, 0) + 1

    def _open_levels(self) -> set[int]:
        return {node.level for node in self.stack[1:]}

    def accept(self, h: _Heading, standalone: bool) -> None:
        if h.level <= 1 or h.level == _BRACKET_LEVEL:
            self.bracket_seen = h.level == _BRACKET_LEVEL
        while self.stack[-1].level >= h.level:
            self.stack.pop()
        parent = self.stack[-1]
        parent.n_children += 1
        parent.last_num[h.level] = h.num
        if h.sep:
            parent.last_sep[h.level] = h.sep
        sid = f"{parent.sid}.{parent.n_children}" if parent.sid else str(parent.n_children)
        self.headings.append((h, sid, parent.sid))
        self.stack.append(_Node(h.level, sid))
        self.last_level = h.level
        self.last_shape[h.level] = standalone
        if h.level == 1 and h.repaired:
            self.lost_top += 1
        if h.level <= 1:
            self.ordinal_open = 0
        elif _is_ordinal(h.marker):
            self.ordinal_open = h.num
        if self.decimal and h.level == 1 and h.marker[:1].isdecimal():
            self.decimal_top = h.num
        if self.padded and h.level == 1 and h.marker[:1].isdecimal():
            self.padded_top = h.num

    # -- per line ---------------------------------------------------------------------
    def _next_marker(self, i: int) -> _Marker | None:
        lines = self.lines
        for k in range(i + 1, len(lines)):
            body = lines[k].body
            if body:
                return self._strong(body)
        return None

    def _strong(self, body: str) -> _Marker | None:
        """:func:`_match_strong`, a part (第一部分) at level 0 when parts stand above 一、, and
        a decimal outline's markers in a text that has one."""
        if self.decimal and body[:1].isdecimal():
            dec = self._decimal(body)
            if dec is not None:
                return dec
        if self.brackets and _is_bracket_heading(body, self.bracket_run_in):
            return _Marker(_BRACKET_LEVEL, 0, "【】", 1)  # type: ignore[arg-type]
        m = _match_strong(body)
        if m is not None and m.sep == "节":
            m.level = self.section_rank  # type: ignore[assignment]
        elif m is not None and self.parts_above and m.level == 1 and _is_part(m.marker):
            m.level = 0
        elif m is not None and self.parts_above and m.level == 1 and _is_capital(body[0]):
            m.level = 0  # 壹、 above 一、: a part, written as it is
            m.marker = body[: m.end].replace(" ", "")
        if m is not None and not self.dingbats and _is_dingbat(m.marker[0]):
            return None  # a report whose ❶ are all items inside (一) sections' paragraphs
        if m is not None and m.level == 1 and self.plain_top and _is_capital(body[0]):
            return None  # 壹、/Ⅰ、 beside 一、 (not above it): a list's or a lower rank's
        if m is None and self.ordinals:
            m = _ordinal(body)
        if self.padded:
            padded = _padded(body)
            if padded is not None and padded.num == self.padded_top + 1:
                return padded
        return m

    def _decimal(self, body: str) -> _Marker | None:
        """A decimal marker that continues the outline: ``a.b`` under the level-1 heading
        numbered ``a`` (so 2.5万人次 in a paragraph under 1 is no heading), ``a`` the next
        level-1 number."""
        m = _DEC_MARKER.match(body)
        if m is None:
            return None
        nums = [int(x) for x in m["num"].split(".")]
        if len(nums) == 1:
            if nums[0] != self.decimal_top + 1:
                return None
            return _Marker(1, nums[0], f"{nums[0]}.", m.end())
        if nums[0] != self.decimal_top:
            return None
        return _Marker(len(nums), nums[-1], ".".join(map(str, nums)), m.end())

    def _repaired(self, line: _Line, level: int, num: int, frag_end: int) -> tuple[_Heading, bool]:
        start, end, standalone = _heading_span(line, line.lead + frag_end)
        sep = self._parent_for(level).last_sep.get(level, "、") if level == 3 else ""
        marker = _canonical_marker(level, num, sep or "、")
        return _Heading(0, level, num, marker, start, end, True, sep), standalone

    def _inside_table(self, i: int) -> bool:
        """Whether line ``i`` stands between two rows of a table whose cells a tab parts (a
        group's row of a statistics table: 一、行政处罚 over 1⇥行政处罚案件⇥件⇥1,836)."""
        if i == 0 or i + 1 >= len(self.lines) or len(self.lines[i].body) > 12:
            return False  # (a group's name is short: a longer line is a heading over tables)
        above, below = self.lines[i - 1], self.lines[i + 1]
        return (
            self.text.count("\t", above.start, above.end) >= 2
            and self.text.count("\t", below.start, below.end) >= 2
        )

    def parse_line(self, i: int) -> tuple[_Heading, bool] | None:
        line = self.lines[i]
        body = line.body
        if not body:
            return None
        if self._inside_table(i):
            return None  # a group's row of a table (一、行政处罚 between its rows)
        strong = self._strong(body)
        if strong is not None and _latin_heading(body[strong.end :]):
            strong = None  # a bilingual page's translation under a Chinese marker ((六)Doigwnz…)
        if strong is not None and _is_dingbat(strong.marker[0]) and i not in self.dingbats:
            strong = None  # a ❶ item in a part that has (一) headings
        if strong is not None and _is_ordinal(strong.marker):
            # 第一, opens a run right under a level-1 heading, 第二, … continue it; inside
            # a 1. item they are that item's enumeration
            if not (
                (strong.num == 1 and self.stack[-1].level <= 1)
                or (strong.num > 1 and strong.num == self.ordinal_open + 1)
            ):
                strong = None
        if strong is not None:
            start, end, standalone = _heading_span(line, line.lead + strong.end)
            if strong.marker == "【】" and self._next_marker(i) is None:
                # a heading unless it stands inside an item's run (between (一) and (二), or,
                # before any 【】 heading of the part, after 2. with no 【】 heading to follow),
                # a caption over its text; a group heading straight over its first item stays
                nxt = self._next_heading_marker(i)
                beyond = nxt
                k = i
                while beyond is not None and beyond.level == _BRACKET_LEVEL:
                    k = self._marker_after[k + 1][0]
                    beyond = self._next_heading_marker(k)
                if (
                    beyond is not None
                    and beyond.level not in (0, 1, _BRACKET_LEVEL)
                    and beyond.num >= 2
                    and beyond.num == self.expected(beyond.level)
                ) or (
                    not self.bracket_seen
                    and self.last_level > 1
                    and (nxt is None or nxt.level != _BRACKET_LEVEL)
                ):
                    return None
            if strong.marker == "【】":
                # the heading inside its brackets (the line is 【…】 and nothing else, or its
                # paragraph runs on after it)
                close = self.folded.find("】", line.start + line.lead)
                start, end = line.start + line.lead + 1, close
                standalone = not self.folded[close + 1 : line.end].strip()
            if start >= end and strong.marker != "【】":
                # the marker alone on its line (PART 01 / 一、): the title is the next line
                title = self._title_below(i)
                if title is not None:
                    start, end = title
                standalone = True
            elif standalone and self.folded[end - 1 : end] in (",", "、"):
                # a heading a page cut after its comma (…公正文明执法, / 持续提升…质效)
                more = self._title_below(i, 30)
                if more is not None:
                    end = more[1]
            elif standalone and end - start >= 25 and i + 1 < len(self.lines):
                # a run-in heading a PDF wrapped before its 。 (…公开透明、留痕 / 可追溯。通过…):
                # it ends at the 。 that opens the next line
                below = self.lines[i + 1]
                stop = below.body.find(_SENTENCE_END)
                if (
                    0 < stop <= 12
                    and self._strong(below.body) is None
                    # (not a run-in title of its own, a verb's phrase of 8 characters or more:
                    # …持续优化 / 推进“监管一件事”改革。围绕…)
                    and not (stop >= 8 and _RUN_IN_TITLE.match(below.body[:stop]))
                    # (not after a finished heading, …优化城市管理领域营商环境, whose next line
                    # opens with a run-in title of its own: 审批服务提速增效。…)
                    and not (
                        HEADING_END_WORD.search(self.folded[start:end].rstrip())
                        and stop >= 4
                        and below.body[:1] not in "和及与并暨"  # (…水平 / 和群众满意度。)
                    )
                ):
                    end, standalone = below.start + below.lead + stop, False
            h = _Heading(i, strong.level, strong.num, strong.marker, start, end, False, strong.sep)
            return h, standalone
        if i in self.questions:
            start, end = self.questions[i]
            standalone = not self.folded[end + 1 : line.end].strip()
            return _Heading(i, 1, self.expected(1), "", start, end, False, ""), standalone
        if i in self.lost2 and 1 in self._open_levels():
            start, end, standalone = _heading_span(line, line.lead)
            num = self.expected(2)
            h = _Heading(i, 2, num, _canonical_marker(2, num), start, end, True, "")
            return h, True
        if i in self.unmarked:
            level = self.unmarked[i]
            if level == 2 and 1 not in self._open_levels():
                level = 1
            start, end, standalone = _heading_span(line, line.lead)
            return _Heading(i, level, self.expected(level), "", start, end, False, ""), True
        found = self._repair(i, line, body)
        if found is None:
            return None
        h, standalone = found
        if not 0 < h.head_end - h.head_start <= 60:
            return None
        h.line = i
        return h, standalone

    def _repair(self, i: int, line: _Line, body: str) -> tuple[_Heading, bool] | None:
        if not body or (body[0] in "|｜" and body.count(body[0]) >= 3):
            return None  # (a Markdown table's row is never a heading; ｜标题 may be one)
        # Each fragment pattern can only match at its own first character (see
        # _match_strong): the others are not tried.
        first = body[0]
        numeral = first in _CN_NUM_CHARS
        digit = first.isdecimal()
        # -、 / (-) : OCR's dash for the numeral 一 of the first marker of its level
        if first in "-(":
            m = _FRAG_DASH_L1.match(body) if first == "-" else _FRAG_DASH_L2.match(body)
            level = 1 if first == "-" else 2
            if m and self.expected(level) == 1:
                return self._repaired(line, level, 1, m.end())
        # () or ) : a level-2 (or level-4) marker that lost characters.
        m = _FRAG_L2_EMPTY.match(body) if first in "()" else None
        if m and not body.startswith("))"):
            level = 4 if self.last_level >= 4 else 2
            return self._repaired(line, level, self.expected(level), m.end())
        m = _FRAG_L2_NO_OPEN.match(body) if numeral else None
        if m and cn_numeral_value(m["num"]) is not None:
            return self._repaired(line, 2, cn_numeral_value(m["num"]) or 1, m.end())
        m = _FRAG_L2_NO_CLOSE.match(body) if first == "(" else None
        if m and cn_numeral_value(m["num"]) == self.expected(2):
            return self._repaired(line, 2, self.expected(2), m.end())
        m = _FRAG_L4_NO_OPEN.match(body) if digit else None
        if m and int(m["num"]) == self.expected(4) and self.last_level >= 3:
            return self._repaired(line, 4, int(m["num"]), m.end())
        # 、xx : a numeral lost before 、 (level 1, or level 3 inside a level-3 run).
        m = _FRAG_COMMA.match(body) if first == "、" else None
        if m:
            _, _, standalone = _heading_span(line, line.lead + m.end())
            level = 1
            if (
                self.last_level >= 3
                and self.last_shape.get(3) == standalone
                and (1 not in self.last_shape or self.last_shape[1] != standalone)
            ):
                level = 3
            return self._repaired(line, level, self.expected(level), m.end())
        # 2落实… : the expected level-3 number lost its separator.
        m = _FRAG_L3_NO_SEP.match(body) if digit else None
        if m:
            n = int(m["num"])
            nxt = body[m.end() : m.end() + 1]
            if n >= 2 and n == self.expected(3) and nxt not in _NOT_AFTER_DIGITS:
                h, standalone = self._repaired(line, 3, n, m.end())
                if h.head_end - h.head_start <= 40:
                    return h, standalone
        # 二 ,党政… / 二　深化… : the expected level-1 numeral with a comma or a space for 、.
        m = (
            (_FRAG_L1_COMMA.match(body) or _FRAG_L1_NOISE.match(body) or _FRAG_L1_SPACE.match(body))
            if numeral
            else None
        )
        if m:
            n = cn_numeral_value(m["num"])
            nxt = body[m.end() : m.end() + 1]
            if (
                n is not None
                and n == self.expected(1)
                and self.last_shape.get(1, True)
                and nxt not in _NOT_AFTER_NUMERAL  # 二 是…, 三 个方面: words, not markers
            ):
                h, standalone = self._repaired(line, 1, n, m.end())
                if standalone:
                    return h, standalone
        # 三严格执法 : the expected level-1 numeral lost its 、 (short standalone line).
        m = _FRAG_L1_NO_SEP.match(body) if numeral else None
        if m:
            n = cn_numeral_value(m["num"])
            nxt = body[m.end() : m.end() + 1]
            if (
                n is not None
                and n >= 2
                and n == self.expected(1)
                and nxt not in _NOT_AFTER_NUMERAL
                and _is_standalone_candidate(body[m.end() :])
                and self.last_shape.get(1, True)
            ):
                return self._repaired(line, 1, n, m.end())
        # A short standalone line followed by a first child: its marker was lost (not a
        # figure's or a table's caption: 图2  2022—2024年…, 表1 …).
        if (
            _is_standalone_candidate(body)
            and _CAPTION.match(body) is None
            and not self._under_appendix_label(i)
        ):
            nxt_marker = self._next_marker(i)
            if nxt_marker is not None and nxt_marker.num == 1 and nxt_marker.level >= 2:
                level = nxt_marker.level - 1
                if level == 2 and 1 not in self._open_levels():
                    level = 1
                return self._repaired(line, level, self.expected(level), 0)
            # ... or, where level-1 markers were lost twice already (a Word list's numbers not
            # copied), a part the genre names (存在的问题) standing alone before a paragraph
            if self.lost_top >= 2 and _report_parts().search(body):
                return self._repaired(line, 1, self.expected(1), 0)
            # ... or a sibling whose marker was lost: the next heading skips one number (not a
            # caption or a note: 图为…, 表1…, 注:…).
            nxt_marker = None if body[0] in _NOT_A_SIBLING else self._next_heading_marker(i)
            if nxt_marker is not None:
                level = nxt_marker.level
                expected = self.expected(level)
                if (
                    expected >= 2
                    and nxt_marker.num == expected + 1
                    and self.last_shape.get(level) is True
                    and (level == 1 or self.last_level >= level)
                ):
                    return self._repaired(line, level, expected, 0)
        return None

    def _under_appendix_label(self, i: int) -> bool:
        """Whether the line before line ``i`` (blank lines aside) is an appendix's label alone
        (附件2, 附件：): the line is the appendix's title, no heading that lost its marker."""
        for k in range(i - 1, max(-1, i - 3), -1):
            body = self.lines[k].body
            if body:
                return _APPENDIX_LABEL.fullmatch(fold(body).strip()) is not None
        return False

    def _title_below(self, i: int, longest: int = 40) -> tuple[int, int] | None:
        """The span of the next line when it is a short title with no marker of its own
        (the text of a heading whose marker, or whose first half, stands above it); the line
        is then taken as part of that heading."""
        for k in range(i + 1, min(i + 3, len(self.lines))):
            line = self.lines[k]
            if not line.body:
                continue
            start, end, standalone = _heading_span(line, line.lead)
            title = self.folded[start:end]
            if (
                not standalone
                or not 2 <= len(title) <= longest
                or any(c in _STANDALONE_FORBIDDEN for c in title)  # a label: its text
                or _SENTENCE_END in self.folded[start : line.end]  # a sentence
                or title[0] in _NOT_A_SIBLING  # a caption or a note
                or "  " in title.strip()  # a table's header
                or self._strong(line.body) is not None
                or _NUMERIC_CELLS.search(title)
            ):
                return None
            self.taken.add(k)
            return start, end
        return None

    def _next_heading_marker(self, i: int, limit: int = 200) -> _Marker | None:
        """The marker of the next line (within ``limit`` lines) that starts with one."""
        if self._marker_after is None:  # one backward pass, on first need
            after: list[tuple[int, _Marker] | None] = [None] * (len(self.lines) + 1)
            for k in range(len(self.lines) - 1, -1, -1):
                body = self.lines[k].body
                found = self._strong(body) if body else None
                after[k] = (k, found) if found is not None else after[k + 1]
            self._marker_after = after
        nxt = self._marker_after[i + 1] if i + 1 < len(self._marker_after) else None
        if nxt is None or nxt[0] > i + limit:
            return None
        return nxt[1]

    def run(self) -> dict[str, list]:
        for i in range(len(self.lines)):
            if i in self.taken:
                continue
            found = self.parse_line(i)
            if found is not None and not self._continued(found[0]):
                self.accept(*found)
        return self._columns()

    def _continued(self, h: _Heading) -> bool:
        """Whether a heading repeats the last one of its rank with 续 after it (a slide's or a
        page's continuation: (三)严格规范执法(续)): its text goes on that section."""
        text = self.folded[h.head_start : h.head_end].strip()
        m = _CONTINUED.fullmatch(text)
        if m is None:
            return False
        last = next((g for g, _, _ in reversed(self.headings) if g.level == h.level), None)
        return (
            last is not None
            and last.marker == h.marker
            and self.folded[last.head_start : last.head_end].strip() == m.group(1).strip()
        )

    def _columns(self) -> dict[str, list]:
        """The sections as columns (without report_id and category), plus ``_folded_heading``."""
        text, folded = self.text, self.folded
        starts = [self.lines[h.line].start for h, _, _ in self.headings]
        first = starts[0] if starts else len(text)
        cols: dict[str, list] = {
            "section_id": [],
            "parent_id": [],
            "level": [],
            "marker": [],
            "heading": [],
            "text": [],
            "start": [],
            "end": [],
            "repaired": [],
            "_folded_heading": [],
        }
        if first > 0 or not starts:
            for c, v in (
                ("section_id", "0"),
                ("parent_id", ""),
                ("level", 0),
                ("marker", ""),
                ("heading", ""),
                ("text", text[:first]),
                ("start", 0),
                ("end", first),
                ("repaired", False),
                ("_folded_heading", ""),
            ):
                cols[c].append(v)
        headings = [h for h, _, _ in self.headings]
        ends = starts[1:] + [len(text)] if starts else []
        cols["section_id"] += [sid for _, sid, _ in self.headings]
        cols["parent_id"] += [pid for _, _, pid in self.headings]
        shift = 1 if self.parts_above else 0
        roots = [int(h.level) for h, _, pid in self.headings if not pid]
        top = min(roots, default=1)
        if not self.parts_above and top > 1 and 2 * roots.count(top) >= len(roots):
            # no heading of rank 1 at the top, and the highest rank there the main one (a
            # report numbered (一) or 1. throughout, perhaps after a short list of (1)): that
            # rank is its first level (a report of 1. headings with a list of (一) keeps them)
            shift = 1 - top
        level_of: dict[str, int] = {}
        for h, sid, pid in self.headings:
            # one deeper than its parent (1. directly under 一、 is level 2); a heading at the
            # top keeps its marker's rank
            level_of[sid] = level_of[pid] + 1 if pid else int(h.level) + shift
        cols["level"] += [level_of[sid] for _, sid, _ in self.headings]
        cols["marker"] += [h.marker for h in headings]
        cols["heading"] += [
            _untranslated(_one_line(text[h.head_start : h.head_end])) for h in headings
        ]
        cols["text"] += [text[s:e] for s, e in zip(starts, ends, strict=True)]
        cols["start"] += starts
        cols["end"] += ends
        cols["repaired"] += [h.repaired for h in headings]
        cols["_folded_heading"] += [
            _untranslated(_one_line(folded[h.head_start : h.head_end])) for h in headings
        ]
        return cols


def _one_line(heading: str) -> str:
    """A heading written over two lines as one (its line break, and the HTML tags around it,
    left out), and a letter-spaced heading (深 化 普 法 宣 传) without its spaces."""
    if (" " in heading or "\u3000" in heading) and _LETTER_SPACED.search(heading):
        heading = _SPACE_IN_WORD.sub("", heading)
    if "\n" not in heading:
        return heading
    return re.sub(r"\s*(?:<[^<>\n]{0,200}>\s*)*\n(?:\s*<[^<>\n]{0,200}>)*\s*", "", heading)


# a bilingual page's translation after a Chinese heading on its line (推行包容审慎监管 (II)
# Implementing Inclusive and Prudent Regulation): three or more English words, perhaps after
# the translation's own number, to the line's end
_TRANSLATION_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff”》)）])[ \t\u3000]+(?:\(?(?:[IVXLC]+|\d{1,2})[.)][ \t]*)?"
    r"[A-Z][A-Za-z'’-]*(?:[ ,&/-]+[A-Za-z'’-]+){2,}[.:]?[ \t]*$"
)


def _untranslated(heading: str) -> str:
    """A heading without the English translation a bilingual page set after it on its line."""
    if not heading.isascii() and _TRANSLATION_AFTER.search(heading):
        return _TRANSLATION_AFTER.sub("", heading)
    return heading


# three or more Chinese characters each followed by one space: letter spacing (OCR, a title
# set wide), not a gap between two phrases (强化组织领导 压实主体责任)
_LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]){3,}[\u4e00-\u9fff]")
_SPACE_IN_WORD = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")


_SECTION_DTYPES = {
    "report_id": str,
    "section_id": str,
    "parent_id": str,
    "level": "int64",
    "marker": str,
    "heading": str,
    "text": str,
    "start": "int64",
    "end": "int64",
    "category": str,
    "repaired": bool,
}


def section_columns(text: str, report_id: str = "") -> dict[str, list]:
    """:func:`split_sections` as plain lists: ``{column: values}`` in ``schema.SECTIONS`` order.

    The same rows and values as :func:`split_sections` (categories included), without
    building a DataFrame (what the build uses); :func:`sections_frame` turns them into
    the table.
    """
    return _section_columns(text, report_id)[0]


def _section_columns(text: str, report_id: str = "") -> tuple[dict[str, list], str]:
    """:func:`section_columns` and ``fold(text)`` (computed on the way)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    parser = _Parser(text)
    cols = parser.run()
    n = len(cols["section_id"])
    cols["report_id"] = [report_id] * n
    cols["category"] = _categories(
        cols["report_id"],
        cols["section_id"],
        cols["parent_id"],
        cols["level"],
        cols.pop("_folded_heading"),
        _default_themes(),
    )
    return {c: cols[c] for c in SECTIONS.columns}, parser.folded


def sections_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Build the ``sections`` table from the column lists of :func:`section_columns`, once.

    Args:
        columns: ``{column: values}`` for every column of ``schema.SECTIONS``.

    Returns:
        The table, columns in ``schema.SECTIONS`` order, with their final dtypes.
    """
    return pd.DataFrame(
        {c: pd.Series(columns[c], dtype=_SECTION_DTYPES[c]) for c in SECTIONS.columns}
    )


def split_sections(text: str, report_id: str = "") -> pd.DataFrame:
    """Split a cleaned report text into heading-delimited sections.

    Args:
        text: the cleaned text of one report (any string: the parser never raises).
        report_id: written into the ``report_id`` column.

    Returns:
        A DataFrame with exactly the columns of ``schema.SECTIONS``, one row per section
        in document order: the preamble ``'0'`` (unless the text starts with a heading),
        then one row per heading. ``text[start:end] == row.text`` for every row and the
        rows' texts concatenate to ``text``. ``marker`` is folded to half-width and
        rebuilt canonically when ``repaired``; ``heading`` is the heading's own text
        (first sentence, without ``。``). Categories come from :func:`assign_categories`.
        A text with no recognisable outline gives a single preamble row.
    """
    return sections_frame(section_columns(text, report_id))


# ---------------------------------------------------------------------------------------
# Categories


def _read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    header: list[str] | None = None
    rows: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        rows.append(cells)
    if header is None:
        raise ValueError(f"{path}: no header row")
    return header, rows


@lru_cache(maxsize=8)
def _load_themes_cached(path: str, mtime: float) -> pd.DataFrame:
    header, rows = _read_tsv(Path(path))
    for col in ("category", "pattern"):
        if col not in header:
            raise ValueError(f"{path}: missing column {col!r} (columns: {header})")
    records = []
    for k, cells in enumerate(rows):
        rec = dict(zip(header, (c.strip() for c in cells), strict=False))
        category = rec.get("category", "")
        if category not in CATEGORIES:
            raise ValueError(f"{path}: row {k + 1}: unknown category {category!r}")
        try:
            re.compile(rec.get("pattern", ""))
        except re.error as err:
            raise ValueError(f"{path}: row {k + 1}: bad pattern: {err}") from None
        prio = rec.get("priority", "") or "50"
        records.append(
            {"category": category, "pattern": rec["pattern"], "priority": int(prio), "row": k}
        )
    return pd.DataFrame(records, columns=["category", "pattern", "priority", "row"])


def load_section_themes(path: Path | None = None) -> pd.DataFrame:
    """Load the theme lexicon (``analysis/lexicons/section_themes.tsv`` by default).

    Args:
        path: another TSV file with the same format.

    Returns:
        One row per pattern: columns ``category``, ``pattern``, ``priority`` (int),
        ``row`` (order in the file).

    Raises:
        ValueError: unknown category, invalid regex or missing column.
    """
    path = Path(path) if path is not None else THEMES_FILE
    return _load_themes_cached(str(path), path.stat().st_mtime).copy()


def _compile_themes(themes: pd.DataFrame) -> list[tuple[str, re.Pattern[str], int, int]]:
    return [
        (
            str(r.category),
            re.compile(str(r.pattern)),
            int(getattr(r, "priority", 50) if pd.notna(getattr(r, "priority", 50)) else 50),
            k,
        )
        for k, r in enumerate(themes.itertuples(index=False))
    ]


@lru_cache(maxsize=8)
def _compiled_themes_cached(path: str, mtime: float) -> list[tuple[str, re.Pattern[str], int, int]]:
    return _compile_themes(_load_themes_cached(path, mtime))


def _default_themes() -> list[tuple[str, re.Pattern[str], int, int]]:
    """The default theme lexicon, compiled once per process (reloaded when the file changes)."""
    return _compiled_themes_cached(str(THEMES_FILE), THEMES_FILE.stat().st_mtime)


def _theme_of(heading: str, compiled: list[tuple[str, re.Pattern[str], int, int]]) -> str | None:
    best: tuple[int, int, int] | None = None
    best_cat: str | None = None
    for category, rx, prio, row in compiled:
        m = rx.search(heading)
        if m is None:
            continue
        key = (-prio, m.start(), row)
        if best is None or key < best:
            best, best_cat = key, category
    return best_cat


_ThemeStep = (
    tuple[str, Callable[[str], "re.Match[str] | None"], None]
    | tuple[None, None, list[tuple[str, re.Pattern[str], int]]]
)


def _by_priority(compiled: list[tuple[str, re.Pattern[str], int, int]]) -> list[_ThemeStep]:
    """The patterns grouped by priority, highest first: ``(category, rx.search, None)`` for
    a priority with one pattern, ``(None, None, [(category, rx, row), ...])`` otherwise."""
    groups: dict[int, list[tuple[str, re.Pattern[str], int]]] = {}
    for category, rx, prio, row in compiled:
        groups.setdefault(prio, []).append((category, rx, row))
    steps: list[_ThemeStep] = []
    for prio in sorted(groups, reverse=True):
        group = groups[prio]
        if len(group) == 1:
            steps.append((group[0][0], group[0][1].search, None))
        else:
            steps.append((None, None, group))
    return steps


def _theme_by_priority(heading: str, steps: list[_ThemeStep]) -> str | None:
    """:func:`_theme_of` on :func:`_by_priority` groups: a group's match beats every lower
    group, so the groups below the first one that matches are not searched."""
    for category, search, group in steps:
        if group is None:
            if search(heading):
                return category
            continue
        best: tuple[int, int] | None = None
        best_cat: str | None = None
        for cat, rx, row in group:
            m = rx.search(heading)
            if m is None:
                continue
            key = (m.start(), row)
            if best is None or key < best:
                best, best_cat = key, cat
        if best is not None:
            return best_cat
    return None


def assign_categories(sections: pd.DataFrame, themes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give every section a theme from its heading, inheriting its parent's otherwise.

    Args:
        sections: a sections table (columns of ``schema.SECTIONS``; ``category`` may be
            missing), in document order, parents before children.
        themes: the theme lexicon (default: :func:`load_section_themes`); columns
            ``category``, ``pattern`` and optionally ``priority``.

    Returns:
        A copy of ``sections`` with ``category`` filled: the category of the matching
        pattern with the highest priority (then the earliest match, then file order);
        with no match, the parent's category (within the same report); at top level
        with no match, and for the preamble, ``'other'``.
    """
    compiled = _default_themes() if themes is None else _compile_themes(themes)
    n = len(sections)
    report_ids = sections["report_id"].tolist() if "report_id" in sections else [""] * n
    headings = [fold(str(h)) for h in sections["heading"].tolist()]
    cats = _categories(
        report_ids,
        sections["section_id"].tolist(),
        sections["parent_id"].tolist(),
        sections["level"].tolist(),
        headings,
        compiled,
    )
    out = sections.copy(deep=False)  # the caller's table is left as it was
    out["category"] = pd.Series(cats, index=out.index, dtype=str)
    return out


def _categories(
    report_ids: list,
    section_ids: list,
    parent_ids: list,
    levels: list,
    folded_headings: list[str],
    compiled: list[tuple[str, re.Pattern[str], int, int]],
) -> list[str]:
    """The category of each section (see :func:`assign_categories`), from plain lists."""
    cats: list[str] = []
    by_id: dict[tuple[object, str], str] = {}
    steps = _by_priority(compiled)
    for rid, sid, pid, level, heading in zip(
        report_ids, section_ids, parent_ids, levels, folded_headings, strict=True
    ):
        if int(level) == 0:
            cat = "other"
        else:
            cat = _theme_by_priority(heading, steps) or by_id.get((rid, str(pid)), "other")
        # a heading naming problems and then plans (存在问题及下一步打算): its sub-headings
        # with no theme of their own are its plans (a problem's sub-heading names it)
        by_id[(rid, str(sid))] = (
            "plans" if cat == "problems" and _names_plans_after(heading, compiled) else cat
        )
        cats.append(cat)
    return cats


def _names_plans_after(heading: str, compiled: list[tuple[str, re.Pattern[str], int, int]]) -> bool:
    """Whether a heading names plans after its problems (存在问题及下一步打算; not 对照2023年
    目标任务存在的差距, whose 目标任务 frames the problems)."""
    ends = [m.end() for c, p, _, _ in compiled if c == "problems" for m in [p.search(heading)] if m]
    if not ends:
        return False
    return any(c == "plans" and p.search(heading, min(ends)) for c, p, _, _ in compiled)
