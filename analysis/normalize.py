"""Character folding for parsing that never changes a string's length.

The cleaned text of a report keeps its own characters (full-width or half-width, as the
bureau wrote them). Parsers run on ``fold(text)``, a copy of the same length in which
every character is mapped one-to-one to a canonical form, so an offset found in the
folded copy is an offset in the cleaned text.
"""

from __future__ import annotations

import re

_MAP: dict[int, str] = {}
# Full-width ASCII (！ to ～) -> ASCII: （一） -> (一), ， -> ',', ： -> ':', ０ -> 0, Ａ -> A.
for _cp in range(0xFF01, 0xFF5F):
    _MAP[_cp] = chr(_cp - 0xFEE0)
# Spaces of every kind -> ' ' (ideographic space, no-break space, thin spaces...).
for _cp in (
    0x3000,
    0x00A0,
    0x2002,
    0x2003,
    0x2004,
    0x2005,
    0x2006,
    0x2007,
    0x2008,
    0x2009,
    0x200A,
    0x202F,
    0x205F,
    0x1680,
    0x0009,
):
    _MAP[_cp] = " "
# Zero-width characters -> ' ' (same length; parsers treat them as space).
for _cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
    _MAP[_cp] = " "
# Dashes and tildes used in ranges.
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63):
    _MAP[_cp] = "-"
_MAP[0x301C] = "~"  # 〜 wave dash
_MAP[0xFF61] = "。"  # halfwidth ideographic full stop
_MAP[0xFF64] = "、"  # halfwidth ideographic comma
_MAP[0x2024] = "."  # one dot leader
_MAP[0xFF0E] = "."  # ．
_MAP[0x3002] = "。"
_MAP[0x2236] = ":"  # ratio sign ∶

_TABLE = str.maketrans(_MAP)
# Long texts are folded with a code-point look-up table (numpy): ~10x faster than
# str.translate, whose per-character dict look-up dominates on Chinese text.
_LONG = 256
_LUT = None


def _lut():
    global _LUT
    if _LUT is None:
        import numpy as np

        lut = np.arange(0x110000, dtype=np.uint32)
        for cp, ch in _MAP.items():
            lut[cp] = ord(ch)
        _LUT = lut
    return _LUT


def fold(text: str) -> str:
    """Return ``text`` with full-width forms, odd spaces and dashes folded, same length.

    Args:
        text: any string.

    Returns:
        A string of exactly ``len(text)`` characters: full-width ASCII becomes ASCII
        (``（一）`` → ``(一)``, ``，`` → ``,``, ``１２`` → ``12``), every kind of space
        becomes ``' '`` (but a thin space between digit groups, ``12 860``, becomes ``,``,
        the thousands separator it is), dashes become ``'-'``. Chinese punctuation with no ASCII
        counterpart (``。``, ``、``, ``“”``, ``《》``, ``〔〕``) is kept.
    """
    out = None
    if len(text) >= _LONG:
        import numpy as np

        try:
            codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:  # a lone surrogate: the slow path handles it
            pass
        else:
            out = _lut()[codes].tobytes().decode("utf-32-le")
    if out is None:
        out = text.translate(_TABLE)
    if "\u2009" in text or "\u202f" in text:
        out = _group_separators(text, out)
    assert len(out) == len(text)
    return out


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_HAN_LETTER = re.compile(r"[\u4e00-\u9fff]")


def latin_line(line: str) -> bool:
    """Whether a line is written in a Latin script (a bilingual page's English translation),
    not a Chinese line quoting a few Latin words: eight letters or more, and more than twice
    as many as its Chinese characters."""
    latin = len(_LATIN_LETTER.findall(line))
    return latin >= 8 and latin > 2 * len(_HAN_LETTER.findall(line))


# letters of the scripts a bilingual portal sets beside Chinese: Arabic (Uyghur, Kazakh),
# Mongolian, Tibetan, Yi, Hangul
OTHER_SCRIPT = re.compile(r"[\u0600-\u06ff\u1800-\u18af\u0f00-\u0fff\ua000-\ua4cf\uac00-\ud7af]")


def other_script_line(line: str) -> bool:
    """Whether a line is written mostly in another script than Chinese (Uyghur, Mongolian,
    Tibetan, Yi, Hangul): more of its letters are that script's than Han characters."""
    return OTHER_SCRIPT.search(line) is not None and len(OTHER_SCRIPT.findall(line)) > len(
        _HAN_LETTER.findall(line)
    )


def translation_line(line: str) -> bool:
    """Whether a line is a bilingual page's translation of the Chinese (:func:`latin_line`
    or :func:`other_script_line`): its figures restate the Chinese ones."""
    return latin_line(line) or other_script_line(line)


# the last word of a finished heading (…优化医保服务和营商环境, …营造尊法守法氛围)
HEADING_END_WORD = re.compile(
    r"(?:环境|氛围|水平|机制|体系|能力|责任|保障|效能|成效|质效|秩序|底线|作用|格局|职责|防线|基础|"
    r"活力|关口|质量|形象|意识|队伍|实效|态势|理念|屏障|合力|根基|短板|防控|安全|权益|满意度|治理|"
    r"监管|健康|稳定|和谐|安澜|高效)$"
)


# the mark that opens a bulleted list's item (▪, ■, •, ●, ◆, ▶ …; ○ but not the zero of a year
# written in numerals, 二○二三年); ASCII marks (- * +) only before a space, which callers add
BULLET = r"(?:[▪■●◆◇▶►▸▹◼◻✓✔★☆➢➤❖•‣⁃◦]|○(?![一二三四五六七八九〇○零]{1,3}年))"


# a thin or narrow no-break space between digit groups: a typographic thousands separator
_GROUP_SPACE = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")


def _group_separators(text: str, out: str) -> str:
    """``out`` with each thin space that separates digit groups in ``text`` (12 860人次)
    folded to ``,``, as a thousands separator is."""
    chars = None
    for m in _GROUP_SPACE.finditer(text):
        if chars is None:
            chars = list(out)
        chars[m.start()] = ","
    return out if chars is None else "".join(chars)
