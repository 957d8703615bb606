"""Parse the numbers written in Chinese reports: Arabic, Chinese numerals, multipliers.

``parse_number`` turns one number as written into a float, never raising:

- Arabic digits, with or without thousands separators and decimals: ``8879``,
  ``1,262``, ``720183.79``; full-width digits are folded first (``１２`` -> 12).
- Multipliers 万 / 亿 / 千 / 百万 / 千万 / 万亿 after a number: ``1.9万`` -> 19000,
  ``1262万`` -> 12620000, ``3.2亿`` -> 3.2e8.
- Chinese numerals, valued as ``cn2an`` values them in its ``smart`` mode (standard forms
  such as ``十八`` or ``三千零五`` are parsed here, the others by cn2an): ``两`` -> 2, ``十八`` -> 18,
  ``一百二十三``, ``三千五百``, digit-by-digit ``二〇二三`` -> 2023, ``七十五点五`` -> 75.5,
  mixed ``1.5万``.
- Fractions written in words, returned **as a percent**: ``百分之四十`` -> 40,
  ``百分之七十五点五`` -> 75.5, ``千分之三`` -> 0.3, ``万分之五`` -> 0.05; other parts
  rounded to two decimals: ``三分之一`` -> 33.33, ``2/3`` (one digit over a larger one) -> 66.67.
- A trailing ``%`` is ignored (``92.16%`` -> 92.16).

Anything else (empty text, words, a vague ``十几``, an ambiguous two-digit ``三四``) gives
``None``. The regular expressions that *find* numbers in running text are here too, so
that the extractor (``analysis/metrics.py``) and the parser agree on what a number is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from analysis.normalize import fold

# Characters that can make up a Chinese numeral (lower- and upper-case forms).
CN_DIGITS = "零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
CN_UNITS = "十百千万亿拾佰仟"
CN_NUMERAL_CHARS = CN_DIGITS + CN_UNITS

# Arabic number: thousands-separated or plain, optional decimals (on folded text).
ARABIC_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
# Arabic digits with Chinese place words between them, as small reports write a figure
# (41万7千, 1万2千, 1千3百, 5百): one number (41万7千 -> 417000); a plain 41万 is an Arabic
# number and its multiplier (MULTIPLIER_RE), not this
MIXED_RE = (
    r"\d+万\d+千(?:\d+百)?(?:\d+十)?|\d+万\d+百(?:\d+十)?|\d+千\d+百(?:\d+十)?"
    r"|\d+百(?![万亿分])(?:\d+十)?"
)
_MIXED_PART = re.compile(r"(\d+)([万千百十])")
_MIXED_FULL = re.compile(rf"^(?:{MIXED_RE})$")
_PLACE = {"万": 10000, "千": 1000, "百": 100, "十": 10}
# Chinese numeral run: numeral characters, optionally with 点 + decimals. Must contain at
# least one real digit or 十 (so 万 / 千 / 百 alone, as in 千方百计, are not numbers).
CN_RE = rf"[{CN_NUMERAL_CHARS}]+(?:点[{CN_DIGITS}]+)?"
# Multiplier words after an Arabic number.
MULTIPLIER_RE = r"万亿|百万|千万|万|亿|千"
MULTIPLIERS: dict[str, float] = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
}
# Fractions in words: 百分之四十, 千分之三, 万分之五, 三分之一 (value returned as percent), and
# a digit over a larger one (2/3; not a date's 3/15, 2023/12/31 or 2月2/3日, a building's 2/3号楼,
# a schedule's 5/7工作制 or a score's 3/5分)
FRACTION_RE = (
    rf"(?:百|千|万|[二三四五六七八九十])分之(?:{ARABIC_RE}|{CN_RE})"  # CN_RE matches 百 (百分之百)
    r"|(?<![\d./月])[1-9]/[2-9](?![\d./]|\s*(?:日|号|工作制|分|楼|栋|单元|期))"
)
FRACTION_SCALE: dict[str, float] = {"百": 1.0, "千": 0.1, "万": 0.01}

_ARABIC_FULL = re.compile(rf"^(?:{ARABIC_RE})$")
_ARABIC_MULT = re.compile(rf"^({ARABIC_RE})({MULTIPLIER_RE})$")
_FRACTION_FULL = re.compile(r"^(百|千|万)分之(.+)$")
_PART_FULL = re.compile(r"^([二三四五六七八九十])分之(.+)$|^([1-9])/([2-9])$")
_CN_FULL = re.compile(rf"^{CN_RE}$")
_HAS_CN_DIGIT = re.compile(r"[零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖十拾]")
_DIGIT_STYLE = re.compile(r"^[零〇一二三四五六七八九两]+$")
_ANY_DIGIT = re.compile(r"\d")
_ZERO = re.compile(r"[零〇]")

# Chinese numerals in their standard written form are parsed here without loading cn2an
# (whose import costs every process a tenth of a second); anything else goes to cn2an.
# tests/test_numbers.py checks that both give the same value on every form accepted here.
_CN_VALUE = {
    ch: v
    for v, chars in enumerate(
        ("零〇", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖")
    )
    for ch in chars
}
# The shape of a numeral: d a digit other than zero, z zero, t 十, h 百, k 千, w 万, y 亿.
_SHAPE = str.maketrans(
    {
        **{ch: ("z" if v == 0 else "d") for ch, v in _CN_VALUE.items()},
        **dict.fromkeys("十拾", "t"),
        **dict.fromkeys("百佰", "h"),
        **dict.fromkeys("千仟", "k"),
        "万": "w",
        "亿": "y",
    }
)
_BELOW_100 = "d?td?|d"  # 十, 十八, 二十, 二十五, 五
_HUNDREDS = "dh(?:dtd?|zd)?"  # 一百, 一百二十三, 一百零五
_THOUSANDS = f"dk(?:{_HUNDREDS}|zdtd?|zd)?"  # 三千五百, 一千零五十, 一千零五
_STANDARD_SHAPE = re.compile(
    f"(?:{_THOUSANDS}|{_HUNDREDS}|{_BELOW_100})(?:w(?:{_THOUSANDS}|z(?:{_HUNDREDS}|dtd?|d))?)?"
    "|[dz]+"  # digit by digit: 二〇二三
)


def parse_arabic(s: str) -> float | None:
    """Parse an Arabic number (separators and decimals allowed) or return ``None``.

    Args:
        s: text such as ``'8879'``, ``'1,262'``, ``'720183.79'`` (already folded).

    Returns:
        The value, or ``None`` when ``s`` is not exactly one Arabic number.
    """
    if not _ARABIC_FULL.match(s):
        return None
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def parse_chinese(s: str) -> float | None:
    """Parse a Chinese numeral as ``cn2an`` does (smart mode) or return ``None``.

    A numeral in standard form (below 一亿, or written digit by digit) is parsed here, with the
    value cn2an gives it; any other one is passed to cn2an, which loads on that first use.

    Digit-by-digit numerals (``二〇二三``) are accepted when they have three or more digits
    or contain 〇/零; a two-character digit run like ``三四`` (meaning "three or four") is
    ambiguous and gives ``None``. Every exception of ``cn2an`` is caught.

    Args:
        s: a Chinese numeral, possibly mixed with Arabic digits (``1.5万``).

    Returns:
        The value, or ``None``.
    """
    if not s or not _HAS_CN_DIGIT.search(s) and not _ANY_DIGIT.search(s):
        return None
    if _DIGIT_STYLE.match(s) and len(s) == 2 and not _ZERO.search(s):
        return None
    if _is_standard(s):
        return float(_standard_value(s))
    try:
        import cn2an  # lazy: nothing loads at import time

        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError, KeyError, IndexError... on odd input
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _is_standard(s: str) -> bool:
    """True when ``s`` is a Chinese numeral in standard form (``_STANDARD_SHAPE``)."""
    return (
        "点" not in s
        and _CN_FULL.match(s) is not None
        and _STANDARD_SHAPE.fullmatch(s.translate(_SHAPE)) is not None
    )


def _standard_value(s: str) -> int:
    """Value of a numeral in standard form (:func:`_is_standard`): what cn2an gives."""
    if all(ch in _CN_VALUE for ch in s):  # digit by digit
        return int("".join(str(_CN_VALUE[ch]) for ch in s))
    total = section = digit = 0
    for ch in s:
        if ch in _CN_VALUE:
            digit = _CN_VALUE[ch]
        elif ch in "十拾":
            section += (digit or 1) * 10  # 十八: a leading 十 is 一十
            digit = 0
        elif ch in "百佰":
            section += digit * 100
            digit = 0
        elif ch in "千仟":
            section += digit * 1000
            digit = 0
        else:  # 万
            total += (section + digit) * 10_000
            section = digit = 0
    return total + section + digit


def parse_number(s: str) -> float | None:
    """Parse one written number into a float; never raises.

    Args:
        s: the number as written, e.g. ``'1.9万'``, ``'1,262'``, ``'两'``, ``'十八'``,
            ``'百分之四十'`` (-> 40, a percent), ``'万分之五'`` (-> 0.05, a percent),
            ``'92.16%'``. Full-width digits and surrounding spaces are allowed.

    Returns:
        The value with multipliers applied (``'1262万'`` -> 12620000.0), or ``None`` when
        ``s`` is not a number.
    """
    if type(s) is not str:  # noqa: E721 - a str subclass is parsed, but not remembered
        return _parse_safe(s) if isinstance(s, str) else None
    return _parse_remembered(s)


def _parse_safe(s: str) -> float | None:
    try:
        return _parse_number(s)
    except Exception:  # defensive: arbitrary text must never raise
        return None


# A report states the same few numbers again and again: each text is parsed once.
_parse_remembered = functools.lru_cache(maxsize=1 << 14)(_parse_safe)


def _parse_number(s: str) -> float | None:
    t = fold(s).strip()
    if t.endswith("%"):
        t = t[:-1].rstrip()
    if not t:
        return None
    m = _FRACTION_FULL.match(t)
    if m:
        inner = 100.0 if m.group(2) == "百" else _parse_plain(m.group(2))  # 百分之百
        if inner is None:
            return None
        return round(inner * FRACTION_SCALE[m.group(1)], 10)
    m = _PART_FULL.match(t)
    if m:  # 三分之一, 2/3: a part of a whole, as a percent
        if m.group(3):
            part, whole = float(m.group(3)), float(m.group(4))
        else:
            part, whole = _parse_plain(m.group(2)), float(_CN_VALUE.get(m.group(1), 10))
        if part is None or not 0 < part < whole:
            return None
        return round(part / whole * 100, 2)
    return _parse_plain(t)


# two neighbouring numerals before a place word: about so many (二三十次 -> 20, approximate)
_CN_ABOUT = re.compile(r"^([一二三四五六七八])([二三四五六七八九])([十百千万])$")


def cn_about(t: str) -> float | None:
    """The lower figure of a numeral written as two neighbouring ones (二三十 -> 20, 三五百 no:
    not neighbours), else None."""
    m = _CN_ABOUT.match(t)
    if m is None or _CN_VALUE[m[2]] != _CN_VALUE[m[1]] + 1:
        return None
    return float(_CN_VALUE[m[1]] * _PLACE[m[3]])


def _parse_plain(t: str) -> float | None:
    value = parse_arabic(t)
    if value is not None:
        return value
    if _MIXED_FULL.match(t):  # 41万7千 -> 417000
        return float(sum(int(d) * _PLACE[p] for d, p in _MIXED_PART.findall(t)))
    m = _ARABIC_MULT.match(t)
    if m:
        base = parse_arabic(m.group(1))
        # rounded: 186.42 * 1e4 is 1864199.9999999998 in binary floating point
        return None if base is None else round(base * MULTIPLIERS[m.group(2)], 6)
    if t in ("百", "千", "万", "亿"):  # a bare unit character is not a number
        return None
    if _CN_FULL.match(t) or re.match(rf"^\d+(?:\.\d+)?[{CN_NUMERAL_CHARS}]+$", t):
        return parse_chinese(t)
    return None


def is_chinese_numeral(s: str) -> bool:
    """Return True when ``s`` is written with Chinese numeral characters only."""
    return bool(s) and _CN_FULL.match(s) is not None and not re.search(r"\d", s)


# A key-figure board (数说2024, 数据看板) set as lines: each figure a bare number on its own
# line (2.1万余 too), each label a phrase with the unit in brackets (立案查处案件(件),
# 罚没款(万元)) or, as a slide sets a big figure over its small print, the unit first and the
# label after a space (名 持证执法人员, 万人次 春节假期接待游客).
_BOARD_VALUE_LINE = re.compile(r"\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[万亿][余多]?)?\s*")
_BOARD_LABEL_LINE = re.compile(
    r"\s*(?![图表注附])[\u4e00-\u9fff\d][^()\n]{1,20}\((?P<unit>[\u4e00-\u9fff]{1,3}|%)\)\s*"
)
_BOARD_UNIT_FIRST = re.compile(
    r"\s*(?P<unit>[万亿]?[\u4e00-\u9fff]{1,3}|%)[ \t\u3000]+(?P<label>[\u4e00-\u9fff“\"\d][^()\n]{1,30})"
)
_NO_BOARD_UNIT = frozenset(["续", "完", "注", "上", "下", "一", "二", "三", "附"])


def board_label_start(line: str) -> int | None:
    """Where the words of a board's unit-first label begin (名 持证执法人员: at 持), else None."""
    m = _BOARD_UNIT_FIRST.fullmatch(line.rstrip())
    return m.start("label") if m else None


def board_pairs(
    lines: list[str], is_unit: Callable[[str], bool] | None = None
) -> list[tuple[int, int, str]]:
    """``(value line, label line, unit)`` of each figure of a key-figure board among folded
    ``lines``: a run of four or more consecutive lines alternating a bare number and a label
    with its unit in brackets (or, when ``is_unit`` says its first word is a unit, with its
    unit first: 名 持证执法人员, a pair of which is a board of its own), read value over label when the run opens with a number and
    label over value when it opens with a label; in a run with a number at both ends, the
    shorter of the two (a page number) stands alone. A chart's axis (numbers in a row), a table (two figures per label)
    or a page number over a caption (图1 …) is no board."""
    kinds: list[str] = []
    units: list[str] = []
    unit_first: set[int] = set()
    for line in lines:
        m = _BOARD_LABEL_LINE.fullmatch(line)
        first = (
            None if m is not None or is_unit is None else _BOARD_UNIT_FIRST.fullmatch(line.rstrip())
        )
        if m is not None and m["unit"] not in _NO_BOARD_UNIT:
            kinds.append("L")
            units.append(m["unit"])
        elif first is not None and is_unit(first["unit"]):
            unit_first.add(len(kinds))
            kinds.append("L")
            units.append(first["unit"])
        else:
            kinds.append("V" if _BOARD_VALUE_LINE.fullmatch(line) else "")
            units.append("")
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(lines)
    while i < n:
        if not kinds[i]:
            i += 1
            continue
        j = i + 1
        while j < n and kinds[j] and kinds[j] != kinds[j - 1]:
            j += 1
        if j - i >= 4 or (
            # a slide's one big figure over its unit and words (1,118 / 件 12345热线工单)
            kinds[i] == "V" and j - i >= 2 and i + 1 in unit_first
        ):  # alternating lines i .. j-1
            lo, first_value = i, kinds[i] == "V"
            if (j - i) % 2 and kinds[i] == "V":
                # a number at both ends: the shorter one (a page number) stands alone
                if len(lines[i].strip()) < len(lines[j - 1].strip()):
                    lo, first_value = i + 1, False
            for k in range(lo, lo + (j - lo) // 2 * 2, 2):  # an odd run's last line alone
                v, lab = (k, k + 1) if first_value else (k + 1, k)
                out.append((v, lab, units[lab]))
        i = j
    return out


# An infographic's figures copied line by line (一图读懂): the figure alone on its line, its unit
# alone on the next, its label on the line above (全年查办各类案件 / 3,126 / 件; 食品安全抽检 /
# 超1.8万 / 批次) or, in a run that opens with a figure, below the unit (3,126 / 件 / 全年查办…).
STACKED_HINT = re.compile(
    r"(?m)^[ \t]*(?:超过|超|约|近|逾)?[\d.,]+[万亿]?[余多]?[ \t]*\n[ \t]*(?:[\u4e00-\u9fff]{1,4}|%)[ \t]*$"
)
_STACKED_VALUE = re.compile(
    r"[ \t]*(?P<q>超过|超|约|近|逾)?(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<m>[万亿])?"
    r"(?P<a>余|多)?[ \t]*"
)
_STACKED_UNIT = re.compile(r"[ \t]*(?P<u>[\u4e00-\u9fff]{1,4}|%)[ \t]*")
# its label: words that end no sentence, opening with a word (not a banner's mark: ▌依法行政;
# a hotline's number inside is the label's, or opening it: 受理12350、12345举报投诉, 12345工单);
# a colon after it is not
# the label's
_STACKED_LABEL = re.compile(
    r"[ \t]*(?P<l>(?:[\u4e00-\u9fff“”\"·]|123\d\d(?=[\u4e00-\u9fff]))"
    r"(?:[^\d\n]|(?<![\d,.])\d{5}(?!\d)){1,23}?)[ \t]*:?[ \t]*"
)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


def stacked_figures(
    lines: list[str], is_unit: Callable[[str], bool]
) -> list[tuple[int, re.Match, re.Match, tuple[int, re.Match]]]:
    """``(figure line, figure, unit, (label line, label))`` of each figure of an infographic
    copied line by line among folded ``lines`` (``figure`` has groups q (超, 约 …), n (the
    number), m (万/亿), a (余/多); ``unit`` group u; ``label`` group l). ``is_unit`` says whether
    a line's words are a unit (件, 万元, %). A year over its 年度 (2025 / 年度) is no figure."""
    found = []  # (figure line, figure, unit, label above, label below)
    for i in range(len(lines) - 1):
        v = _STACKED_VALUE.fullmatch(lines[i])
        if v is None:
            continue
        u = _STACKED_UNIT.fullmatch(lines[i + 1])
        if u is None or not is_unit(u["u"]):
            continue
        if v["m"] is None and _YEAR_NUMBER.fullmatch(v["n"]) and u["u"].startswith("年"):
            continue
        above = _STACKED_LABEL.fullmatch(lines[i - 1]) if i else None
        below = _STACKED_LABEL.fullmatch(lines[i + 2]) if i + 2 < len(lines) else None
        found.append((i, v, u, above, below))
    out = []
    k = 0
    before: tuple[int, bool] | None = None  # the last run's last figure line, captions below
    while k < len(found):
        j = k + 1  # a run: figures three lines apart (figure, unit, label)
        while j < len(found) and found[j][0] == found[j - 1][0] + 3:
            j += 1
        run = found[k:j]
        # captions below when the first figure has none above, or when the line above it
        # stands under another word line, a title's (一图读懂 / 数据看成效 / 3,126 / 件 / 全年…)
        first = run[0][0]
        titled = first >= 2 and _STACKED_LABEL.fullmatch(lines[first - 2]) is not None
        labels_below = (run[0][3] is None or titled) and all(f[4] is not None for f in run)
        if before is not None and first - before[0] - 3 <= 4 and all(f[4] is not None for f in run):
            # the same board after a figure with its unit on its line (412 / 件 / 环境行政处罚
            # 案件 / 3,187.6万元 / 罚没款 / 81 / 件 / …): its captions stand where the board's do
            labels_below = before[1]
        before = (run[-1][0], labels_below)
        for i, v, u, above, below in run:
            if labels_below:
                out.append((i, v, u, (i + 2, below)))
            elif above is not None:
                out.append((i, v, u, (i - 1, above)))
        k = j
    return out
