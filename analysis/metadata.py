"""Infer a report's metadata (year, bureau, jurisdiction, city, province, level, published,
title) from its cleaned text, and merge it with the manifest.

Every inference is evidence-based and says where it came from. When the evidence is weak the
field is left blank with a warning rather than guessed. The rules:

- **title**: the first short line near the top that names a report (报告/情况/总结 together
  with 法治/依法行政), with an organisation line just above it prepended when the title lacks it.
- **year**: a year in the title (digits, or Chinese digits: 二〇二三年度); else the year that opens the first paragraphs (``2024年,``);
  else the year most often written as ``YYYY年(度)法治政府建设``.
- **published**: the page's date line (发布日期/发布时间/日期) read by cleaning; else the
  closing signature's date.
- **bureau / jurisdiction**: names of bureaus (patterns in ``lexicons/bureau_names.tsv``) with
  the place name before them (checked against the gazetteer), weighted by where they stand
  (signature and title count most, names inside 《》 titles not at all), preferring the level
  the report uses for itself (``市城市管理局``, ``我区`` …). A report that never names its own
  place (``市城市管理局`` only) gets the place of that level it mentions most often, when one
  clearly dominates.
- **city / province / level**: from the gazetteer (cpca's adcodes); an ambiguous district name
  (鼓楼区) is resolved by the parent names the text mentions.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from analysis import gazetteer
from analysis.lexicons import guarded_pattern, lexicon_cache, read_lexicon_table
from analysis.normalize import fold

FIELDS = ("jurisdiction", "city", "province", "level", "bureau", "year", "published")
YEAR_MIN, YEAR_MAX = 1978, 2100
_CJK = r"\u4e00-\u9fff"
_BOUNDARY = set("\n,.;:!?。;:!?、 ()“”\"'0123456789年")


@dataclass
class Inferred:
    """What the text says about a report; blank strings where it says nothing clear."""

    title: str = ""
    year: str = ""
    published: str = ""
    bureau: str = ""
    jurisdiction: str = ""
    city: str = ""
    province: str = ""
    level: str = ""
    warnings: list[str] = field(default_factory=list)


@lexicon_cache(maxsize=1)
def _bureau_re() -> re.Pattern[str]:
    patterns = read_lexicon_table("bureau_names.tsv")["pattern"].tolist()
    return guarded_pattern("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


@lexicon_cache(maxsize=1)
def _place_names() -> tuple[frozenset[str], int]:
    names = gazetteer.all_names()
    return names, max(len(n) for n in names)


def _place_at(src: str, pos: int) -> str | None:
    """The longest place name (two characters or more) starting at ``pos``, or None."""
    names, _ = _place_names()
    for k in _place_prefixes().get(src[pos : pos + 2], ()):
        if pos + k <= len(src) and src[pos : pos + k] in names:
            return src[pos : pos + k]
    return None


# a cover notice that issues the report (关于印发《…2024年度法治政府建设工作报告》的通知)
_ISSUING_NOTICE = re.compile(r"关于印发《[^《》\n]{4,80}》的通知")


def _notice_date(title: str, text: str) -> str:
    """The date of a cover notice that issues the report (the date line standing alone
    before its 附件), when the title is the notice's: the day the report was issued."""
    if _ISSUING_NOTICE.search(fold(title)) is None:
        return ""
    from analysis.cleaning import parse_date

    date = ""
    for line in text.split("\n")[:60]:
        f = fold(line).strip().replace(" ", "")
        if f.startswith("附件"):
            return date
        if re.fullmatch(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日", f):
            date = parse_date(f)
    return ""


def _bureau_names(src: str) -> list[tuple[int, str]]:
    """(offset, kind) of each bureau name the lexicon knows in ``src``; a government's own
    department named with it (合肥市人民政府国有资产监督管理委员会) is one name, the
    government's, not two."""
    out: list[tuple[int, str]] = []
    for m in _bureau_re().finditer(src):
        if out and out[-1][1].endswith("人民政府") and out[-1][0] + len(out[-1][1]) == m.start():
            out[-1] = (out[-1][0], out[-1][1] + m.group(0))
        else:
            out.append((m.start(), m.group(0)))
    return out


# a name's short form, defined where the name is first written: 区城市管理局(简称区城管局),
# …(以下简称“市城管局”)
_SHORT_FORM = re.compile(
    r"(?P<full>[\u4e00-\u9fff]{2,30})\((?:以下)?简称:?[“\"]?(?P<short>[\u4e00-\u9fff]{2,12})[”\"]?\)"
)


def _unabbreviated(kind_counts: Counter, folded: str) -> Counter:
    """The kinds of author counted, a short form's mentions (区城管局) counted for the full
    name the text defines it by (区城市管理局(简称区城管局)): the name is the full one."""
    out = Counter(kind_counts)
    if "简称" not in folded:  # the pattern's long run of Chinese before it is costly to try
        return out
    for m in _SHORT_FORM.finditer(folded):
        full = _bureau_names(m.group("full"))
        short = _bureau_names(m.group("short"))
        if not full or not short:
            continue
        k_full, k_short = full[-1][1], short[-1][1]
        if k_full != k_short and out.get(k_short):
            out[k_full] += out.pop(k_short)
    return out


def _segment_places(s: str) -> list[str] | None:
    """Split ``s`` wholly into gazetteer names (上海市嘉定区 -> [上海市, 嘉定区]), or None."""
    names, longest = _place_names()
    best: list[list[str] | None] = [None] * (len(s) + 1)
    best[0] = []
    for i in range(len(s)):
        if best[i] is None:
            continue
        for j in range(i + 2, min(len(s), i + longest) + 1):
            if s[i:j] in names and best[j] is None:
                best[j] = best[i] + [s[i:j]]
    return best[len(s)]


def _place_before(text: str, pos: int) -> tuple[str, list[str]]:
    """The longest run of place names ending at ``pos`` ('', []) when there is none."""
    window = text[max(0, pos - 16) : pos]
    names, longest = _place_names()
    size = len(window)
    # whole[p]: window[p:] splits wholly into names (what _segment_places finds), from
    # the end backwards; the longest such suffix is the run.
    whole = [size]  # such offsets p, from the end
    for p in range(size - 2, -1, -1):
        for q in whole:
            if 2 <= q - p <= longest and window[p:q] in names:
                whole.append(p)
                break
    if len(whole) == 1:
        return "", []
    k = size - whole[-1]
    run, parts = window[-k:], _segment_places(window[-k:]) or []
    if parts and parts[0][0] in "和与及" and k < size and window[-k - 1] in _ORG_END:
        # 县行政审批局和县综合行政执法局: 和 joins two bureaus, it is not 和县
        run, parts = run[len(parts[0]) :], parts[1:]
        if not parts:
            return "", []
    return run, parts


# last characters of an organisation's name (a conjunction may follow them)
_ORG_END = frozenset("局委办厅队所站院馆心室科处")


_TITLE_SPAN = re.compile(r"《[^《》\n]*》")
_DOCNO_SPAN = re.compile(r"〔[^〔〕\n]*〕")


def _quoted_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles and 〔…〕 document numbers (not statements about the report).

    The matches of ``re.finditer(r"《[^《》\n]*》|〔[^〔〕\n]*〕", folded)``: a match is
    fixed by where it starts and the matches of one kind never overlap, so the two kinds
    are found apart (each search then skips to its opening bracket) and merged; a span
    that starts inside the span kept before it is dropped, as the alternation never
    tries there.
    """
    found = sorted(
        [m.span() for m in _TITLE_SPAN.finditer(folded)]
        + [m.span() for m in _DOCNO_SPAN.finditer(folded)]
    )
    spans: list[tuple[int, int]] = []
    end = 0
    for a, b in found:
        if a >= end:
            spans.append((a, b))
            end = b
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted and not overlapping)."""
    k = bisect.bisect_right(spans, (pos, math.inf))  # spans[k - 1] starts at or before pos
    return k > 0 and pos < spans[k - 1][1]


_OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])")


def find_title(text: str, max_lines: int = 8) -> str:
    """The report's title: the first short line near the top that names a report."""
    head = "\n".join(text.split("\n", max_lines)[:max_lines])
    return _find_title(head, fold(head), max_lines)


_TITLE_LABEL = re.compile(r"^标\s*题\s*[:：|]\s*")
_FILE_EXTENSION = re.compile(r"\.(?:docx?|pdf|wps|txt|pptx?)$", re.IGNORECASE)


def _find_title(text: str, folded: str, max_lines: int = 8) -> str:
    """:func:`find_title` given ``fold(text)`` (line by line, the fold of each line)."""
    lines = text.split("\n", max_lines)[:max_lines]
    folded_lines = folded.split("\n", max_lines)[:max_lines]
    for i, line in enumerate(lines):
        f = folded_lines[i].strip()
        if _OUTLINE_START.match(f):
            break  # the outline has begun: no title above it
        nxt = folded_lines[i + 1].strip() if i + 1 < len(folded_lines) else ""
        if (
            4 <= len(f) <= 60
            and re.search(r"法治|依法行政|法制|行政执法", f)
            and not re.search(r"报告|情况|总结|年报|[。,]", f)
            and 2 <= len(nxt) <= 12
            and re.search(r"(?:报告|情况|总结|年报)$", nxt)
        ):
            # a title broken before its last words (…法治政府建设 / 年度报告)
            return line.strip().lstrip("#").strip() + lines[i + 1].strip()
        if (
            4 <= len(f) <= 80
            and not f.endswith("。")
            and re.search(r"报告|情况|总结|年报", f)
            and re.search(r"法治|依法行政|法制|行政执法", f)
        ):
            title = line.strip().lstrip("#").strip()  # a Markdown heading: # 标题
            title = _TITLE_LABEL.sub("", title)  # an information table's 标题: row
            title = _FILE_EXTENSION.sub("", title)  # a sharing site's file name: ….docx
            if i > 0:
                prev = folded_lines[i - 1].strip()
                named = _bureau_re().search(prev) or _ZONE_COMMITTEE.search(prev)
                if prev and named and len(prev) <= 30 and prev not in f:
                    title = lines[i - 1].strip() + title
            return title
    return ""


_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})\s*年")


def _cn_year(digits: str) -> str:
    """二〇二三 -> 2023 (digit by digit)."""
    return "".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in digits)


def _valid_year(y: str) -> bool:
    return y.isdigit() and YEAR_MIN <= int(y) <= YEAR_MAX


def infer_year(text: str, title: str) -> str:
    """The year the report covers, from the title, the opening, or 'YYYY年度法治政府建设'."""
    return _infer_year(fold(text), title)


def _infer_year(folded: str, title: str, spans: list[tuple[int, int]] | None = None) -> str:
    """:func:`infer_year` on ``fold(text)`` (and its :func:`_quoted_spans`, if known)."""
    m = re.search(r"(\d{4})\s*年", fold(title))
    if m and _valid_year(m.group(1)):
        return m.group(1)
    m = _CN_YEAR.search(title)  # 二〇二三年度 written in Chinese digits
    if m and _valid_year(_cn_year(m.group(1))):
        return _cn_year(m.group(1))
    if spans is None:
        spans = _quoted_spans(folded)
    # The opening paragraphs: a year followed by 年 that is not inside a title/document number.
    for m in re.finditer(r"(?<!\d)(\d{4})\s*年(?!\d)", folded[:400]):
        if not _inside(m.start(), spans) and _valid_year(m.group(1)):
            nxt = folded[m.end() : m.end() + 8]
            if re.match(r"度?\s*[,，、以是的]|度?(?:法治|依法|全)", nxt) or m.start() < 5:
                return m.group(1)
    counts = Counter(
        m.group(1)
        for m in re.finditer(r"(?<!\d)(\d{4})\s*年度?(?:的)?(?:法治政府|依法行政)", folded)
        if not _inside(m.start(), spans) and _valid_year(m.group(1))
    )
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return ""


# the year of a report's plans (2024年工作打算, 2024年工作计划): the report is on the year before
_PLANS_YEAR = re.compile(
    r"(?<!\d)(\d{4})\s*年度?(?:主要)?(?:工作)?(?:打算|计划|安排|思路|重点|目标)"
)


def _year_before_plans(folded: str, spans: list[tuple[int, int]], signature_date: str) -> str:
    """The year of a report whose title and opening name none (今年, 本年度, 一年来): the year
    before its plans' year, else the year before a signature in the first half of a year
    (2024年1月19日: a report on 2023); '' when neither is written."""
    plans = [
        int(m.group(1))
        for m in _PLANS_YEAR.finditer(folded)
        if not _inside(m.start(), spans) and _valid_year(m.group(1))
    ]
    if plans:  # the last one: the plans part closes the report
        y = str(plans[-1] - 1)
        return y if _valid_year(y) else ""
    m = re.match(r"(\d{4})-(\d{2})-\d{2}$", signature_date)
    if m and int(m.group(2)) <= 6 and _valid_year(str(int(m.group(1)) - 1)):
        return str(int(m.group(1)) - 1)
    return ""


# A place's own word for itself (全市, 我区, 本县, 全旗, 我盟) and the level it says.
# (not 省: a county's report says 全省首家, 在全省率先; a province's department is found by
# the 厅 its title or signature names)
_SELF_WORD_LEVEL = {
    "市": "city",
    "盟": "city",
    "区": "district",
    "县": "county",
    "旗": "county",
}
_LEVEL_ORDER = ("province", "city", "district", "county")


def _self_level(folded: str, generic: Counter) -> str:
    """The level the report uses for itself: 市/盟 -> city, 区 -> district, 县/旗 -> county."""
    votes: Counter = Counter()
    for ch, n in generic.items():
        votes[_SELF_WORD_LEVEL[ch]] += 3 * n
    # (matches cannot overlap: 我全本 and 市盟区县旗 share no character)
    for ch in re.findall(r"[我全本]([市盟区县旗])", folded):
        votes[_SELF_WORD_LEVEL[ch]] += 1
    if not votes:
        return ""
    level, n = sorted(votes.items(), key=lambda kv: (-kv[1], _LEVEL_ORDER.index(kv[0])))[0]
    return level if n > 0 else ""


def _resolve(name: str, context: list[str], folded: str) -> gazetteer.Division | None:
    """The division called ``name``; parents in ``context`` or the text settle a shared name."""
    options = gazetteer.lookup(name)
    if len(options) <= 1:
        return options[0] if options else None
    parents = [d for p in context for d in gazetteer.lookup(p) if d.rank in ("province", "city")]
    inside = [o for o in options if any(gazetteer.is_within(o, p) for p in parents)]
    if len(inside) == 1:
        return inside[0]

    def mentions(o: gazetteer.Division) -> int:
        c = gazetteer.city_of(o)
        p = gazetteer.province_of(o)
        return sum(folded.count(x.name) for x in (c, p) if x is not None and x is not o)

    scored = sorted(options, key=lambda o: (-mentions(o), o.adcode))
    if mentions(scored[0]) > mentions(scored[1]):
        return scored[0]
    # nothing in the text tells them apart: the one in force before a former namesake (a row
    # the package lacks is added in lexicons/gazetteer_additions.tsv)
    tied = [o for o in scored if mentions(o) == mentions(scored[0])]
    current = [o for o in tied if gazetteer.in_force(o)]
    if len(current) == 1 and len(current) < len(tied):
        return current[0]
    return None


def infer_metadata(text: str, clean_meta: dict | None = None) -> Inferred:
    """Infer the metadata of one report from its cleaned text.

    Args:
        text: the report's cleaned text.
        clean_meta: what cleaning read from removed lines: ``published`` (date line),
            ``signature_name`` and ``signature_date`` (closing signature), ``cover_date`` (a
            cover's date under the title), ``uploaded`` (a
            sharing site's upload date: the published date only when there is no other), if
            any.

    Returns:
        An :class:`Inferred` with blank fields where the evidence is not clear, and the
        reasons in ``warnings``.
    """
    meta = clean_meta or {}
    out = Inferred()
    folded = fold(text)
    spans = _quoted_spans(folded)
    out.title = _find_title(text, folded)
    out.year = _infer_year(folded, out.title, spans)
    out.published = (
        meta.get("published")
        or _notice_date(out.title, text)
        or meta.get("signature_date")
        or meta.get("cover_date")
        or meta.get("uploaded")
        or ""
    )
    if not out.year:
        out.year = _year_before_plans(folded, spans, meta.get("signature_date") or "")
    if not out.year:
        out.warnings.append("year: no year found in the title or opening; set it in the manifest")

    # the report's first sentence after its title: its subject is the author
    body_start = (
        folded.find("\n", folded.find(fold(out.title)) + len(out.title)) if out.title else 0
    )
    while 0 <= body_start < len(folded):  # past an addressee line (赣州市人民政府:)
        line_end = folded.find("\n", body_start + 1)
        line = folded[body_start : line_end if line_end >= 0 else len(folded)].strip()
        if not line.endswith(":"):
            break
        body_start = line_end
    opening_end = folded.find("。", max(body_start, 0))
    opening_end = opening_end if 0 <= opening_end - max(body_start, 0) <= 120 else -1
    sources = [(fold(meta.get("signature_name") or ""), 5.0, False)]
    sources.append((fold(out.title), 5.0, False))
    sources.append((folded, 1.0, True))
    candidates: Counter = Counter()
    kinds: dict[tuple[str, ...], Counter] = {}
    strong_kinds: dict[tuple[str, ...], Counter] = {}  # kinds the title or signature names
    generic: Counter = Counter()
    generic_kinds: Counter = Counter()
    fallback: list[tuple[tuple[str, ...], str]] = []  # unknown kinds the title names
    for src, weight, is_body in sources:
        if not is_body and _bureau_re().search(src) is None:
            fallback += _unlisted_bureaus(src)
        for start, kind in _bureau_names(src):
            if is_body and _inside(start, spans):
                continue
            w = weight * (2.0 if is_body and start < 300 else 1.0)
            place, parts = _place_before(src, start)
            if (
                is_body
                and start < opening_end
                and _OPENING_SUBJECT.fullmatch(src, max(body_start, 0), start - len(place))
            ):
                w *= 5.0  # the opening sentence's subject (2024年,无锡市城市管理局坚持…)
            if parts:
                key = tuple(parts)
                candidates[key] += w
                kinds.setdefault(key, Counter())[kind] += w
                if not is_body:
                    strong_kinds.setdefault(key, Counter())[kind] += w
            elif start > 0 and src[start - 1] in _SELF_WORD_LEVEL:
                # 区城市管理局 opening a sentence is the author speaking of itself;
                # 落实市城市管理局部署 (after a verb) is another bureau.
                at_boundary = start == 1 or src[start - 2] in _BOUNDARY
                generic[src[start - 1]] += 1.0 if at_boundary else 0.15
                generic_kinds[kind] += w
            elif start == 0 or src[start - 1] in "我本":
                generic_kinds[kind] += w
    if fallback and not strong_kinds and _zone_author(sources[:2], folded) is None:
        # a kind of body the lexicon does not list (…水源保护区管理局, …气象局): the name the
        # title or signature writes after its place is taken as it stands
        for key, kind in fallback:
            candidates[key] += 5.0
            kinds.setdefault(key, Counter())[kind] += 5.0
            strong_kinds.setdefault(key, Counter())[kind] += 5.0
    if _ON_BEHALF.search(folded):
        # 我受县人民政府委托,向本次会议报告…: the government's report, delivered for it
        generic_kinds["人民政府"] += 10.0
    level = _self_level(folded, generic)
    towns = _town_candidates(sources, spans)

    chosen: tuple[str, ...] = ()
    division: gazetteer.Division | None = None
    scored = []
    for key, w in candidates.items():
        d = _resolve(key[-1], list(key[:-1]), folded)
        if d is None:
            continue
        if level and d.level != level and key not in strong_kinds:
            # a superior or subordinate bureau, not the author; but a bureau the title or
            # the signature names is the author whatever level the text speaks of (全市 in a
            # 旗's report is its city)
            w *= 0.2
        scored.append((w, key, d))
    # keys naming one division (天河区 in the title, 广州市天河区 in the signature) are one
    # candidate: their weights add up and their kinds are merged under the heaviest key
    merged: dict[str, tuple[float, tuple[str, ...], gazetteer.Division]] = {}
    for w, key, d in sorted(scored, key=lambda t: -t[0]):
        if d.adcode in merged:
            w0, key0, _ = merged[d.adcode]
            merged[d.adcode] = (w0 + w, key0, d)
            for table in (kinds, strong_kinds):
                if key in table:
                    table.setdefault(key0, Counter()).update(table[key])
        else:
            merged[d.adcode] = (w, key, d)
    scored = sorted(merged.values(), key=lambda t: (-t[0], t[2].adcode))
    town = towns[0] if towns else None
    titled_town = False
    if town is not None and town[2] is None:
        # a town the title names without its county (路南街道综合行政执法队2022年度…): the
        # author, under the county-level division the text names most, if any
        top = next(
            (d for _, _, d in scored if d.rank == "county" or d.level in ("county", "district")),
            None,
        )
        if top is None and level in ("county", "district"):
            top = _dominant_place(folded, level)
        if top is not None:
            town, titled_town = (town[0], town[1], top, town[3]), True
        else:
            town = None
    if town is not None and (
        titled_town or (town[0] >= 2.0 and town[0] > (scored[0][0] if scored else 0.0))
    ):
        # a town government's own report (江山市贺村镇人民政府): the gazetteer stops at the
        # county level, so the town is named from the text and placed under its county
        _, name, parent, kind = town
        city = gazetteer.city_of(parent)
        province = gazetteer.province_of(parent)
        out.jurisdiction, out.level = name, "town"
        out.city = (city or parent).name if parent.rank != "province" else parent.name
        out.province = province.name if province else ""
        prefix = "".join(dict.fromkeys([out.city, parent.name]))  # 衢州市江山市, 上海市嘉定区
        out.bureau = prefix + name + kind
        return out
    sub = _sub_bureau_author(sources[:2])
    if sub is not None:
        # a district's branch of a city agency (成都市公安局武侯区分局): its district is the
        # jurisdiction and the name is kept as written
        name, division = sub
        _place(out, division)
        out.bureau = name
        return out
    # a zone named by the title or signature, where no gazetteer place is
    zone = None if strong_kinds else _zone_author(sources[:2], folded)
    if zone is not None:
        # a development zone's bureau (苏州工业园区综合行政执法局): zones are not in the
        # gazetteer; the zone is the jurisdiction, at district level, under its city
        name, kind, city = zone
        if _ZONE_PROVINCE.match(name):  # 中国（四川）自由贸易试验区…片区: its official brackets
            name = name.replace("(", "（").replace(")", "）")
        out.jurisdiction, out.level, out.bureau = name, "district", name + kind
        if (
            city is not None
            and not name.startswith(city.name.rstrip("市"))
            and not name.startswith("中国")
        ):
            out.bureau = city.name + name + kind  # 深圳市前海深港现代服务业合作区管理局
        out.city = city.name if city is not None else ""
        province = gazetteer.province_of(city) if city is not None else None
        named = _ZONE_PROVINCE.match(fold(name))
        if province is None and named is not None:
            # a free trade zone names its province in brackets: 中国（上海）自由贸易试验区
            province = next(
                (
                    d
                    for suffix in ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区")
                    for d in gazetteer.lookup(named["p"] + suffix)
                    if d.rank == "province"
                ),
                None,
            )
        out.province = province.name if province is not None else ""
        if city is None and province is not None:
            if province.adcode[:2] in gazetteer.MUNICIPALITY_PREFIXES:
                out.city = province.name  # a municipality is its own city (上海市)
        if not out.city:
            out.warnings.append(f"city: the city of {name} was not found; set it in the manifest")
        return out
    short = None if scored else _short_city_author(fold(out.title))
    if short is not None:
        # an agency named with its city's short name (成都住房公积金管理中心): kept as
        # written, the city is the jurisdiction
        name, division = short
        _place(out, division)
        out.bureau = name
        return out
    if scored and scored[0][0] >= 2.0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        _, chosen, division = scored[0]
    elif level:
        division = _dominant_place(folded, level)
        if division is None:
            out.warnings.append(
                f"jurisdiction: the report names no {level} of its own clearly; "
                "set jurisdiction in the manifest"
            )
    else:
        division = _title_place(fold(out.title), folded)
        if division is None:
            out.warnings.append(
                "jurisdiction: no bureau name with a place found; set it in the manifest"
            )

    if division is not None:
        _place(out, division)
        # the kind of author the title or signature names wins (a 司法局's report that cites its
        # 人民政府 often is still the 司法局's)
        kind_counts = strong_kinds.get(chosen) or kinds.get(chosen) or generic_kinds
        place_only = _names_place_only(fold(out.title), division)
        if (
            kind_counts
            and place_only
            and not strong_kinds.get(chosen)
            and len(_AUTHOR_SPEAKS.findall(folded)) < 2
        ):
            # the title names the place alone and no bureau speaks as the author (我局): the
            # departments the body names (县行政审批局 …) act for the government that reports
            kind_counts = None
        if kind_counts:
            kind_counts = _unabbreviated(kind_counts, folded)
            kind = sorted(kind_counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
            prefix = _with_city(division, out.city)
            out.bureau = prefix + kind
            if kind.startswith("委"):
                out.bureau = "中共" + out.bureau  # a party committee's body: 中共绍兴市委…办公室
            # a local office of a vertically managed agency is named with the agency first
            # (国家税务总局深圳市南山区税务局): kept when the text writes it so
            agency = re.search(
                r"(国家[\u4e00-\u9fff]{2,10}?总局)(?:"
                + re.escape(out.bureau)
                + "|"
                + re.escape(division.name + kind)
                + ")",
                folded,
            )
            if agency is not None:
                out.bureau = agency.group(1) + out.bureau
        elif place_only:
            # a government's report titled by its place alone (2020年静海区法治政府建设情况报告)
            prefix = _with_city(division, out.city)
            out.bureau = prefix + "人民政府"
        else:
            out.warnings.append("bureau: no bureau name found; set it in the manifest")
    elif level:
        out.level = level
    return out


def _with_city(division: gazetteer.Division, city: str) -> str:
    """The division's name as a bureau's starts: with its city before a county or district
    (九龙坡区 -> 重庆市九龙坡区), not before a zone that names its city already (苏州工业园区)."""
    if division.level == "city" or not city or city == division.name:
        return division.name
    if division.name.startswith(city.rstrip("市")) and _ZONE.search(division.name):
        return division.name
    return city + division.name


def _title_place(title: str, folded: str) -> gazetteer.Division | None:
    """The division a title names alone as its author (静海区2023年度法治政府建设情况报告, with
    no bureau anywhere): the last of the places it opens with, when no bureau speaks as the
    author (我局) in the text."""
    places = [name for p, name in _scan_places(title)]
    if not places or len(_AUTHOR_SPEAKS.findall(folded)) >= 2:
        return None
    division = _resolve(places[-1], places[:-1], folded)
    if division is None or not _names_place_only(title, division):
        return None
    return division


# what may follow an agency's name in a title (the year, 关于, 法治…, or the end)


def _short_city_author(title: str) -> tuple[str, gazetteer.Division] | None:
    """(name as written, city) when the title opens with a prefecture-level city's or a
    municipality's short name and an agency's name (成都住房公积金管理中心2024年度…, 成都海关,
    厦门港口管理局), and names no place in full; None otherwise: 吉林 is a province too, a
    university, hospital or bank is no agency (中山大学…), and the short name may not run into
    a known kind (新乡村振兴局 is 新 + 乡村振兴局)."""
    title = title.strip()
    if _scan_places(title):
        return None
    for n in (2, 3, 4):
        m = _bureau_re().match(title, n) or _UNLISTED_KIND.match(title, n)
        if m is None or re.match(_AFTER_AGENCY, title[m.end() :]) is None:
            continue
        if _NO_AGENCY.search(m.group(0)) or any(_bureau_re().match(title, k) for k in range(1, n)):
            continue
        if any(d.rank == "province" for d in gazetteer.lookup(title[:n] + "省")):
            return None
        for d in gazetteer.lookup(title[:n] + "市"):
            if d.rank in ("city", "province", "county"):  # (also a county-level city: 凭祥海关)
                return title[: m.end()], d
    return None


# what is named like an agency but is none (a university, a hospital, a bank, a firm, a park,
# a court, an exchange, a railway)
_NO_AGENCY = re.compile(
    r"大学|学院|医院|银行|银保监|证监|公司|集团|陵园|公园|纪念|研究院|研究所|法院|检察院|交易所|铁路"
)
# what may open the report's first sentence before its author's name (2024年, 2024年以来,)
_OPENING_SUBJECT = re.compile(
    r"\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度|以来)?\s*[,，]?\s*)?"
)


def _names_place_only(title: str, division: gazetteer.Division) -> bool:
    """Whether the title names the division as the author with no agency: the place is
    followed by the year or by 法治政府 (静海区2023年度…, 2020年静海区法治政府建设…)."""
    for name in (division.name, gazetteer.short_name(division.name)):
        i = title.find(name) if name else -1
        if i >= 0 and _PLACE_ONLY_AFTER.match(title, i + len(name)) is not None:
            return True
    return False


# a bureau speaking of itself as the author
_AUTHOR_SPEAKS = re.compile(
    r"我(?:局|委|厅|办|馆|中心|分局|大队|支队|队|所|站|院)"
    r"|(?<![根基日资成原])本(?:局|委|厅|办|馆|中心|分局|大队|支队|所)"  # not 根本所在
)
_PLACE_ONLY_AFTER = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|法治政府")


# development zones and new areas, named before their bureau (not in the gazetteer)
_ZONE = re.compile(
    r"(?P<zone>(?:中国\([\u4e00-\u9fff]{2,3}\))?自由贸易试验区[\u4e00-\u9fff]{2,8}?片区"
    r"|[\u4e00-\u9fff]{2,12}?(?:经济技术开发区|高新技术产业开发区|经济开发区|工业园区|"
    r"产业园区|开发区|高新区|新区|综合保税区|保税区|合作区|示范区|试验区))$"
)
# the province a free trade zone names in brackets: 中国(四川)自由贸易试验区
_ZONE_PROVINCE = re.compile(r"^中国\((?P<p>[\u4e00-\u9fff]{2,3})\)")


# tried at every start (a lookahead), so text before the city (2023年度, 关于, 四川省) is skipped
_SUB_BUREAU = re.compile(
    r"(?=(?P<name>(?P<city>[\u4e00-\u9fff]{2,8}?[市州盟])(?P<agency>[\u4e00-\u9fff]{2,12}?局)"
    r"(?P<district>[\u4e00-\u9fff]{2,8}?)分局))"
)


def _sub_bureau_author(sources: list[tuple[str, float, bool]]):
    """(name, district) when the title or signature names a city agency's district branch
    (成都市公安局武侯区分局, 南京市生态环境局江宁分局: the district with or without 区)."""
    for src, _, _ in sources:
        for m in _SUB_BUREAU.finditer(src):
            cities = [
                d
                for d in gazetteer.lookup(m["city"])
                if d.rank == "city" or d.adcode[:2] in gazetteer.MUNICIPALITY_PREFIXES
            ]
            name = m["district"]
            for full in (name, name + "区", name + "县", name + "市", name + "新区"):
                for d in gazetteer.lookup(full):
                    if d.rank == "county" and any(gazetteer.city_of(d) == c for c in cities):
                        return m["name"], d
    return None


def _zone_author(sources: list[tuple[str, float, bool]], folded: str):
    """(zone, bureau kind, city) when the title or signature names a zone's bureau, or the
    zone's administrative committee (武汉经济技术开发区管理委员会), which acts as its government
    (only there: a report that names a committee it guides is not the committee's)."""
    for src, _, _ in sources:
        found = [(m.start(), m.group(0)) for m in _bureau_re().finditer(src)]
        found += [(m.start(), m.group(0)) for m in _ZONE_COMMITTEE.finditer(src)]
        for start, kind in sorted(found):
            z = _ZONE.search(src[max(0, start - 30) : start])
            if z is None:
                continue
            name = z.group("zone")
            lead = re.match(r"[\u4e00-\u9fff]{1,6}?市", name)
            city = _city_named(lead.group(0)) if lead else None
            if city is not None:
                return name[lead.end() :], kind, city  # 深圳市前海…合作区: after its city
            for k in (4, 3, 2):  # the zone's name starts with its city's: 苏州工业园区
                city = _city_named(name[:k] + "市") or _city_named(name[:k])
                if city is not None:
                    break
            else:
                city = _dominant_place(folded, "city")
            return name, kind, city
    return None


_ZONE_COMMITTEE = re.compile(r"(?<=区)(?:管理委员会|管委会|管理局)")

# what follows an agency's name in a title: the year, 关于, 法治…, or the end of the line
_AFTER_AGENCY = r"\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|关于|法治)|\s*$"
# an agency's name of a kind the lexicon does not list, right after its place and before
# that: what such a name can end with
_UNLISTED_KIND = re.compile(
    r"[\u4e00-\u9fff]{1,14}?(?:局|委员会|办公室|中心|厅|馆|院|所|站|支队|大队|署)"
    rf"(?={_AFTER_AGENCY})"
)


# a report delivered for a government (to its people's congress): 受县人民政府委托
_ON_BEHALF = re.compile(r"我受(?:本)?(?:县|市|区|州|省|旗)?人民政府(?:的)?委托")

# a slogan, not an agency: 坚持以人民为中心, 服务大局, 开创新局
_SLOGAN = re.compile(
    r"坚持|推进|开创|打造|助力|护航|赋能|践行|聚焦|以.{1,6}为中心|(?:大|格|全|布|开|变|当|时|结)局$"
)


def _unlisted_bureaus(src: str) -> list[tuple[tuple[str, ...], str]]:
    """(place names, kind) for each agency named right after a run of place names in a
    title or signature line, whatever its kind (禄劝彝族苗族自治县 + 云龙水库水源保护区管理局)."""
    out: list[tuple[tuple[str, ...], str]] = []
    seen: set[int] = set()
    for p, name in _scan_places(src):
        parts, e = [name], p + len(name)
        while (n := _place_at(src, e)) is not None:
            parts.append(n)
            e += len(n)
        if e in seen:
            continue
        seen.add(e)
        k = _UNLISTED_KIND.match(src, e)
        if k is not None and not _scan_places(k.group(0)) and _SLOGAN.search(k.group(0)) is None:
            out.append((tuple(parts), k.group(0)))
    return out


def _city_named(name: str) -> gazetteer.Division | None:
    """The prefecture-level city called ``name``, or None."""
    return next((d for d in gazetteer.lookup(name) if d.rank == "city"), None)


def _place(out: Inferred, division: gazetteer.Division) -> None:
    """Jurisdiction, level, city and province of the author's division (a municipality is its
    own city; a province's own department belongs to no city)."""
    out.jurisdiction = division.name
    out.level = division.level
    city = gazetteer.city_of(division)
    province = gazetteer.province_of(division)
    if (
        city is not None
        and city.rank == "province"
        and division.rank == "county"
        and city.adcode[:2] not in gazetteer.MUNICIPALITY_PREFIXES
    ):
        city = division  # a county-level city under no prefecture (仙桃市, 石河子市) is its own
    out.city = (city or division).name if division.rank != "province" else division.name
    if division.level == "province":
        out.city = ""
    out.province = province.name if province else ""


_TOWN_GOV = gazetteer.TOWN_BODY


# words before a body's name that make another body its author (我局指导…, 会同…)
_OTHER_AUTHOR = re.compile(r"[我本]|对|向|在|指导|协助|配合|会同")


def _opens_sentence(src: str, pos: int) -> bool:
    """Whether a name ending at ``pos`` opens one of the text's first sentences: only a time
    and place names stand before it there (2023年,杭州市上城区湖滨街道…), no other author
    (我局指导…)."""
    if pos > 300:
        return False
    start = max(src.rfind(c, 0, pos) for c in "。\n;") + 1
    before = src[start:pos]
    return len(before) <= 30 and _OTHER_AUTHOR.search(before) is None


def _town_candidates(
    sources: list[tuple[str, float, bool]], spans: list[tuple[int, int]]
) -> list[tuple[float, str, gazetteer.Division, str]]:
    """Town governments named with their county (江山市贺村镇人民政府), best first.

    ``(weight, town, county-level division, kind)``; the town's own name is the shortest
    one (1 to 4 characters before 镇/乡/街道) that a known place name stands right before.
    """
    weights: Counter = Counter()
    found: dict[tuple[str, str], tuple[gazetteer.Division, str]] = {}
    for src, weight, is_body in sources:
        for m in _TOWN_GOV.finditer(src):
            if is_body and (
                _inside(m.start(), spans)
                or ("执法" in m.group(2) and not _opens_sentence(src, m.start()))
            ):
                continue  # a street's enforcement team named in the body is the author only
                # where it opens the text's first sentences (2023年,…湖滨街道综合行政执法队在…)
            lead = len(src) - len(src.lstrip("#* \u3000"))  # a Markdown title's # and spaces
            stem = src[lead : m.start()]
            if not is_body and 2 <= len(stem) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", stem):
                # the title opens with the town's own name and no county before it
                # (路南街道综合行政执法队2022年度…): its county is the one the text names most
                key = (stem + m.group(1), "")
                weights[key] += weight
                found.setdefault(key, (None, m.group(2)))
                continue
            for j in range(1, 5):
                start = m.start() - j
                stem = src[max(0, start) : m.start()]
                if start < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", stem):
                    break
                if stem[0] in "各全所本该每" or stem.endswith("乡"):  # 各乡镇: no town's name
                    break
                _, parts = _place_before(src, start)
                if not parts:
                    continue
                parent = _resolve(parts[-1], parts[:-1], src)
                if parent is not None and (parent.rank == "county" or parent.level == "city"):
                    name = stem + m.group(1)
                    kind = m.group(2)
                    key = (name, parent.adcode)
                    weights[key] += weight * (2.0 if is_body and m.start() < 300 else 1.0)
                    found[key] = (parent, kind)
                break
    return sorted(
        ((w, key[0], *found[key]) for key, w in weights.items()),
        key=lambda t: (-t[0], t[1]),
    )


@lexicon_cache(maxsize=1)
def _place_prefixes() -> dict[str, tuple[int, ...]]:
    """First two characters of every place name (2+ chars) -> the names' lengths, longest first."""
    names, _ = _place_names()
    out: dict[str, set[int]] = {}
    for n in names:
        if len(n) >= 2:
            out.setdefault(n[:2], set()).add(len(n))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


@lexicon_cache(maxsize=1)
def _bigram_table():
    """The first two characters of the place names as a look-up table (numpy).

    ``(ids, table)``: ``ids`` maps a code point to a small id (0 for a character that is
    in no name's first two), and ``table[ids[a], ids[b]]`` is True when ``a`` then ``b``
    open a name of two or more characters.
    """
    import numpy as np

    prefixes = _place_prefixes()
    chars = sorted({c for p in prefixes for c in p})
    ids = np.zeros(0x110000, dtype=np.uint16 if len(chars) < 0xFFFF else np.uint32)
    for k, c in enumerate(chars, start=1):
        ids[ord(c)] = k
    table = np.zeros((len(chars) + 1, len(chars) + 1), dtype=bool)
    for p in prefixes:
        table[ids[ord(p[0])], ids[ord(p[1])]] = True
    return ids, table


def _name_starts(folded: str) -> list[int] | range:
    """Offsets where a place name may start: where the two characters there open one
    (every offset when the text cannot be encoded, e.g. a lone surrogate)."""
    import numpy as np

    try:
        codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return range(len(folded) - 1)
    ids, table = _bigram_table()
    c = ids[codes]
    return np.flatnonzero(table[c[:-1], c[1:]]).tolist()


def _find_places(folded: str) -> list[str]:
    """Place names in the text (:func:`_scan_places`), without a two-character name that is a
    word's last character and a county body (乡镇和县直部门, 完成县委部署, 提高县级: not 和县,
    成县, 高县)."""
    return [
        name
        for p, name in _scan_places(folded)
        if not (len(name) == 2 and p > 0 and _joins(folded[p - 1], folded[p + 2 : p + 3]))
    ]


def _scan_places(folded: str) -> list[tuple[int, str]]:
    """Place names in the text with their offsets, left to right, longest at each position,
    not overlapping.

    The same matches as a regular expression alternating every name, longest first, would
    find (compiling one took a tenth of a second), found with a look-up by the first two
    characters instead, at the offsets :func:`_name_starts` finds.
    """
    names, _ = _place_names()
    prefixes = _place_prefixes()
    found: list[tuple[int, str]] = []
    n = len(folded)
    if n < 2:
        return found
    i = 0  # the end of the last name found: names do not overlap
    for p in _name_starts(folded):
        if p < i:
            continue
        lengths = prefixes.get(folded[p : p + 2])
        if lengths:
            for k in lengths:
                if p + k <= n and folded[p : p + k] in names:
                    found.append((p, folded[p : p + k]))
                    i = p + k
                    break
    return found


def _joins(before: str, after: str) -> bool:
    """Whether a two-character name (和县, 成县, 高县) is a word's last character and a county
    body: after a word and before what follows 县 in a county's bodies (乡镇和县直部门, 完成县委
    部署, 提高县级; not 马鞍山市和县, 关于和县2023年…, 法治和县建设)."""
    return (
        "\u4e00" <= before <= "\u9fff" and before not in "市省州盟" and after in _COUNTY_BODY_START
    )


# what follows 县 in a county's bodies and levels: 县直, 县人大, 县委, 县政府, 县级, 县乡, 县两级 …
_COUNTY_BODY_START = frozenset("直人委政级乡两领纪属区镇")


def _dominant_place(folded: str, level: str) -> gazetteer.Division | None:
    """The place of ``level`` the text names most, when it clearly dominates (≥2, ≥2× next)."""
    counts: Counter = Counter()
    for name in _find_places(folded):
        for d in gazetteer.lookup(name):
            if d.level == level and (level != "city" or d.rank in ("city", "province")):
                counts[name] += 1
                break
    if not counts:
        return None
    for name in list(counts):
        # the name without its 县/区/市 counts too once the full name is written (秭归县 …
        # 秭归普法, 秭归特色)
        base = name[:-1]
        if len(base) >= 2:
            # the bare name, not another place's (岳阳 of 岳阳市 is no mention of 岳阳县)
            counts[name] += len(re.findall(re.escape(base) + r"(?![市省县区州旗盟])", folded))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 2 and n >= 2 * second:
        return _resolve(top, [], folded)
    return None


def slug(jurisdiction: str, year: str) -> str:
    """A readable report id: 九龙坡区, 2023 -> 'jiulongpo_2023' (the suffix 市/区/县 dropped)."""
    from pypinyin import lazy_pinyin

    # (a free trade zone's area by its own name: 中国（四川）自由贸易试验区川南临港片区 -> 川南临港)
    short = re.sub(r"^中国[（(][^）)]{2,3}[）)]自由贸易试验区(?=.{2})", "", jurisdiction)
    name = (
        re.sub(r"(?:自治县|自治州|自治旗|特别行政区|片区|市|区|县|旗|省)$", "", short)
        or jurisdiction
    )
    base = "".join(lazy_pinyin(name)).lower()
    base = re.sub(r"[^a-z0-9]+", "", base) or "report"
    return f"{base}_{year}" if year else base


def merge_with_manifest(row: dict, inferred: Inferred) -> tuple[dict, list[str]]:
    """Fill blank manifest fields from the text; the manifest wins, disagreement warns.

    Args:
        row: one manifest row (strings; '' for blank).
        inferred: what the text says.

    Returns:
        ``(values, warnings)`` where values has every field of FIELDS, ``title`` and a
        ``<field>_source`` of 'manifest', 'text' or '' for each field.
    """
    values: dict = {"title": inferred.title}
    warnings: list[str] = list(inferred.warnings)
    for f in FIELDS:
        given = str(row.get(f, "") or "").strip()
        found = str(getattr(inferred, f) or "").strip()
        if given:
            values[f], values[f + "_source"] = given, "manifest"
            if found and found != given:
                warnings.append(f"{f}: manifest says {given!r}, the text suggests {found!r}")
        else:
            values[f], values[f + "_source"] = found, ("text" if found else "")
    return values, warnings
