"""The text of a Word document saved as .docx (Office Open XML), as Word would show it.

A report downloaded from a portal is often a ``.docx``. Its text is read from the zip's
``word/document.xml`` with the standard library alone:

- each paragraph is a line, in document order (text boxes' paragraphs after their anchor's);
  an empty paragraph is a blank line;
- a manual line break (Shift+Enter) is written as a vertical tab, which reading keeps or
  joins as it does for Word's own plain text; a page or column break ends the line;
- a tab is a tab; deleted text (tracked changes), a paragraph deleted whole, hidden text and
  field codes are left out, inserted text is kept; a table of contents' entries get the dot
  leaders Word shows before their page numbers (so cleaning removes them as ``toc``);
- Word's **automatic numbering** is written out as Word shows it (``一、``, ``（一）``,
  ``1.``, ``①``, ``第一章``): the list's level format from ``word/numbering.xml`` (an
  instance's own level, a list defined through a list style), through the paragraph's own
  numbering or its style's, counted per list template with lower levels restarted, a space
  after a number that ends in a digit, a letter or a point (``1. 3名…``, not ``1.3名…``);
- a table is written one row a line, its cells apart by a tab (a cell's paragraphs joined by
  a space), as cleaning reads a table copied from Word; a row of a label and a cell of running
  text (a report written in a form's cell) is written cell by cell, a paragraph a line;
- footnotes, endnotes, comments, headers and footers, and the document's properties (title,
  author, dates) are written after the body as ``"name": value`` lines, which cleaning
  removes as ``json_field``: nothing in the file is lost unrecorded, and none of it is read
  as the report's text, its date or its title.

XML with a document type declaration is not parsed (entities could expand without bound),
parts are read up to a size limit and list numbers are capped, so a crafted file cannot exhaust
memory; a damaged file (a bad checksum, an encrypted part) raises :class:`DocxError`, which
reading reports as the file's problem. Strict Open XML is read as the transitional kind.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib

__all__ = ["DocxError", "docx_text", "is_docx"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARTS_LIMIT = 64 * 1024 * 1024  # bytes of one XML part once unzipped
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAX_NUMBER = 32767  # (Word's own limit on a list's start)
# the bullets a list may show as they are; any other (a Wingdings letter: Ø, l, §, ü, n) is "•"
_PLAIN_BULLETS = frozenset("●○■□◆◇▪▫•◦-–—★☆✓✔➢➤▶►")
# a table of contents' tab: the dot leader Word draws up to the page number
_TOC_LEADER = "……………"
# a paragraph of running text in a table's cell: a sentence's end, or a long line
_CELL_PROSE = re.compile(r"[。！？；]")
# ... or an outline's heading (一、…, （一）…)
_CELL_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
# Private-use and symbol-font bullets (Wingdings' \uf06c, \uf0b7 …) are shown as one bullet.
_PUA = re.compile("[\ue000-\uf8ff]")

_CN_DIGITS = "零一二三四五六七八九"
_CN_TRAD = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①..⑳
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


class DocxError(ValueError):
    """A .docx that cannot be read: the message says why."""


def is_docx(data: bytes) -> bool:
    """True when the bytes are a zip holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError):
        return False


def _chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    """一 … 九十九 as written in Word's chineseCounting (十一, 二十, 二十一); larger: digit by digit."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    return "".join(digits[int(d)] for d in str(n))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word's lowerLetter: a … z, aa … zz, aaa …
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in Word's number format ``fmt`` (``decimal``, ``chineseCounting`` …)."""
    if (
        fmt in ("decimal", "ordinal", "cardinalText", "ordinalText", "arabicAbjad")
        or n > _MAX_NUMBER
    ):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "koreanCounting",
    ):
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese(n, _CN_TRAD, "拾")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12]
    if fmt in (
        "decimalEnclosedCircle",
        "decimalEnclosedCircleChinese",
        "decimalEnclosedFullstop",
        "decimalEnclosedParen",
    ):
        if 1 <= n <= 20:
            if fmt == "decimalEnclosedParen":
                return chr(0x2474 + n - 1)  # ⑴
            if fmt == "decimalEnclosedFullstop":
                return chr(0x2488 + n - 1)  # ⒈
            return _CIRCLED[n - 1]
        return str(n)
    if fmt == "ideographEnclosedCircle":
        return chr(0x3280 + n - 1) if 1 <= n <= 10 else str(n)  # ㊀
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


def _read_part(zf: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _PARTS_LIMIT:
        raise DocxError(f"its part {name} unzips to {info.file_size} bytes, more than a report's")
    with zf.open(info) as f:
        data = f.read(_PARTS_LIMIT + 1)
    if len(data) > _PARTS_LIMIT:
        raise DocxError(f"its part {name} unzips to more than {_PARTS_LIMIT} bytes")
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # (an XML part in UTF-16)
        probe = data.decode("utf-16", errors="replace").encode("utf-8")
    if _DOCTYPE.search(probe):
        raise DocxError(f"its part {name} declares a document type, which a Word file never does")
    if _STRICT_W in data[:4096]:
        data = data.replace(_STRICT_W, _TRANSITIONAL_W)  # Strict Open XML: the same elements
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise DocxError(f"its part {name} is not well-formed XML ({err})") from None


def _val(el: ET.Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(W + "val", default)


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value), _MAX_NUMBER)) if value is not None else default
    except ValueError:
        return default


def _level(lvl: ET.Element) -> dict:
    return {
        "start": _int(_val(lvl.find(W + "start")), 1),
        "fmt": _val(lvl.find(W + "numFmt"), "decimal"),
        "text": _val(lvl.find(W + "lvlText"), ""),
        "legal": lvl.find(W + "isLgl") is not None,
        "suffix": _val(lvl.find(W + "suff"), "tab"),
        "style": _val(lvl.find(W + "pStyle")),
    }


class _Numbering:
    """Word's list numbering: levels' formats per list, and the counters as the text runs."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, dict]] = {}
        self.style_link: dict[str, str] = {}  # a list style's name -> the abstractNum it defines
        self.num_style_link: dict[str, str] = {}  # an abstractNum -> the list style it uses
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, dict]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        self.style_names: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        if numbering is not None:
            for ab in numbering.iter(W + "abstractNum"):
                aid = ab.get(W + "abstractNumId", "")
                self.abstract[aid] = {
                    _int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in ab.findall(W + "lvl")
                }
                link = _val(ab.find(W + "styleLink"))
                if link:
                    self.style_link[link] = aid
                link = _val(ab.find(W + "numStyleLink"))
                if link:
                    self.num_style_link[aid] = link
            for num in numbering.iter(W + "num"):
                starts: dict[int, int] = {}
                own: dict[int, dict] = {}
                for ov in num.findall(W + "lvlOverride"):
                    k = _int(ov.get(W + "ilvl"), 0)
                    so = ov.find(W + "startOverride")
                    if so is not None:
                        starts[k] = _int(_val(so), 1)
                    lvl = ov.find(W + "lvl")
                    if lvl is not None:  # the instance's own level
                        own[k] = _level(lvl)
                        starts.setdefault(k, own[k]["start"])
                self.nums[num.get(W + "numId", "")] = (
                    _val(num.find(W + "abstractNumId"), ""),
                    starts,
                    own,
                )
        if styles is not None:
            for st in styles.iter(W + "style"):
                sid = st.get(W + "styleId", "")
                self.style_names[sid] = (_val(st.find(W + "name"), "") or "").lower()
                based = st.find(W + "basedOn")
                if based is not None:
                    self.style_based[sid] = _val(based, "")
                numpr = st.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    ilvl = _val(numpr.find(W + "ilvl"))
                    self.style_num[sid] = (
                        _val(numpr.find(W + "numId")),
                        _int(ilvl, 0) if ilvl is not None else None,
                    )

    def is_toc_style(self, style: str | None) -> bool:
        """Whether a paragraph style is a table of contents' entry (TOC 1, toc 2 …)."""
        name = self.style_names.get(style or "", "")
        return bool(re.fullmatch(r"toc ?\d", name) or re.fullmatch(r"toc\d", (style or "").lower()))

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_num:
                return self.style_num[style]
            style = self.style_based.get(style)
        return None, None

    def _levels(self, abstract_id: str) -> tuple[str, dict[int, dict]]:
        """The abstractNum whose levels count (through a list style: numStyleLink)."""
        link = self.num_style_link.get(abstract_id)
        if link is not None and not self.abstract.get(abstract_id):
            target = self.style_link.get(link)
            if target is None:  # the list style names the instance that defines it
                num_id, _ = self.style_num.get(link, (None, None))
                target = self.nums.get(num_id or "", ("",))[0]
            if target:
                return target, self.abstract.get(target, {})
        return abstract_id, self.abstract.get(abstract_id, {})

    def label(self, ppr: ET.Element | None) -> str:
        """The number Word shows before this paragraph ('' when none), counting it."""
        if ppr is None:
            return ""
        style = _val(ppr.find(W + "pStyle"))
        num_id, ilvl = self._style_numbering(style)
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            own_id = _val(numpr.find(W + "numId"))
            own_lvl = _val(numpr.find(W + "ilvl"))
            if own_id is not None:
                num_id = own_id
            if own_lvl is not None:
                ilvl = _int(own_lvl, 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts, own = self.nums[num_id]
        abstract_id, levels = self._levels(abstract_id)
        levels = {**levels, **own}
        if ilvl is None:
            # a style's list names the level whose pStyle is the style
            ilvl = next((k for k, v in levels.items() if style and v["style"] == style), 0)
        if ilvl not in levels:
            return ""
        # Word counts a list template's paragraphs together, whichever of its instances they
        # name (Continue Numbering); an instance that restarts a level (Restart Numbering:
        # startOverride) starts it again where it is first used
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for k in starts:
                counters.pop(k, None)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        for k in range(ilvl):  # an upper level never seen starts at its start
            if k in levels and k not in counters:
                counters[k] = starts.get(k, levels[k]["start"])
        counters[ilvl] = (
            min(counters[ilvl] + 1, _MAX_NUMBER)
            if ilvl in counters
            else starts.get(ilvl, levels[ilvl]["start"])
        )
        lvl = levels[ilvl]
        if lvl["fmt"] == "bullet":
            text = lvl["text"] or "•"
            return (text if text in _PLAIN_BULLETS else "•") + " "

        def level_number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            fmt = "decimal" if lvl["legal"] and k != ilvl else levels[k]["fmt"]
            return format_number(counters.get(k, levels[k]["start"]), fmt)

        out = re.sub(r"%([1-9])", level_number, lvl["text"] or "")
        if out and lvl["suffix"] != "nothing" and re.search(r"[0-9A-Za-z.．\u4e00-\u9fff]$", out):
            # a number a tab or a space sets apart from its text (第一章 总则; 1. 3名…, never
            # 1.3名…), where a 、 or a bracket does not need it
            out += " "
        return out


class _State:
    """What the reading carries across paragraphs: the fields open (a table of contents runs
    over many paragraphs) and the numbering."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.fields: list[str] = []  # the instruction of each field open, innermost last
        self.toc_entry = False  # the paragraph read is a table of contents' entry

    def in_toc(self) -> bool:
        return any(f.startswith("TOC") for f in self.fields)


def _hidden(rpr: ET.Element | None) -> bool:
    if rpr is None:
        return False
    v = rpr.find(W + "vanish")
    return v is not None and v.get(W + "val", "true") not in ("0", "false", "off")


def _run_text(el: ET.Element, out: list[str], boxes: list[ET.Element], state: _State) -> None:
    """The text of a paragraph's content in order: runs, hyperlinks, insertions, fields."""
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "r":
            if not _hidden(child.find(W + "rPr")):
                _run_text(child, out, boxes, state)
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            kind = child.get(W + "type", "textWrapping")
            out.append("\n" if kind in ("page", "column") else "\x0b")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            char = child.get(W + "char", "")
            try:
                out.append(_PUA.sub("•", chr(int(char, 16))))
            except ValueError:
                pass
        elif tag == W + "fldChar":
            kind = child.get(W + "fldCharType")
            if kind == "begin":
                state.fields.append("")
            elif kind == "end" and state.fields:
                state.fields.pop()
        elif tag == W + "instrText":
            if state.fields and not state.fields[-1]:
                state.fields[-1] = (child.text or "").strip().upper()
                if state.fields[-1].startswith("PAGEREF") and state.in_toc():
                    state.toc_entry = True
        elif tag == W + "fldSimple":
            state.fields.append((child.get(W + "instr") or "").strip().upper())
            _run_text(child, out, boxes, state)
            state.fields.pop()
        elif tag in (W + "del", W + "moveFrom", W + "delText", W + "pPr", W + "rPr", W + "fldData"):
            continue
        elif tag == MC + "AlternateContent":
            # a drawing given twice (DrawingML, and VML for older readers): read the first
            choice = child.find(MC + "Choice")
            if choice is None:
                choice = child.find(MC + "Fallback")
            if choice is not None:
                _run_text(choice, out, boxes, state)
        elif tag in (W + "sdtPr", W + "sdtEndPr", W + "rt"):
            continue  # a content control's properties; a ruby's phonetic guide
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag == W + "footnoteReference" or tag == W + "endnoteReference":
            out.append(f"[{child.get(W + 'id', '')}]")
        else:
            _run_text(child, out, boxes, state)


def _paragraph(p: ET.Element, state: _State, boxes: list[ET.Element]) -> str | None:
    """A paragraph's line (its number first), or None for one deleted whole (tracked)."""
    ppr = p.find(W + "pPr")
    parts: list[str] = []
    state.toc_entry = False
    _run_text(p, parts, boxes, state)
    text = "".join(parts)
    if state.toc_entry:  # an entry of a table of contents: its page reference's dot leader
        text = text.replace("\t", _TOC_LEADER)
    if (
        ppr is not None
        and not text.strip()
        and (ppr.find(f"{W}rPr/{W}del") is not None or _hidden(ppr.find(W + "rPr")))
    ):
        return None  # its mark and its text deleted or hidden: no paragraph, no number
    if ppr is not None and state.numbering.is_toc_style(_val(ppr.find(W + "pStyle"))):
        text = text.replace("\t", _TOC_LEADER)
    return state.numbering.label(ppr) + text


def _unwrapped(parent: ET.Element, tag: str) -> list[ET.Element]:
    """The ``tag`` children of an element in order, also those inside content controls,
    custom XML and tracked insertions (w:sdt/w:sdtContent, w:customXml, w:ins)."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out += _unwrapped(content, tag)
        elif child.tag in (W + "customXml", W + "ins", W + "moveTo"):
            out += _unwrapped(child, tag)
    return out


def _block_lines(parent: ET.Element, state: _State, lines: list[str]) -> None:
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            boxes: list[ET.Element] = []
            line = _paragraph(child, state, boxes)
            if line is not None:
                lines.append(line)
            for box in boxes:
                _block_lines(box, state, lines)
        elif tag == W + "tbl":
            for tr in _unwrapped(child, W + "tr"):
                cells = []
                for tc in _unwrapped(tr, W + "tc"):
                    inner: list[str] = []
                    _block_lines(tc, state, inner)
                    cells.append([s for s in inner if s.strip()])
                if len(cells) <= 2 and any(_prose_cell(c) for c in cells):
                    # a form's cell holding the report's text: its paragraphs as lines
                    lines += [line for c in cells for line in c]
                else:
                    lines.append("\t".join(" ".join(" ".join(s.split()) for s in c) for c in cells))
        elif tag in (W + "sdt",):
            content = child.find(W + "sdtContent")
            if content is not None:
                _block_lines(content, state, lines)
        elif tag in (W + "customXml", W + "ins", W + "moveTo", W + "smartTag"):
            _block_lines(child, state, lines)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is None:
                choice = child.find(MC + "Fallback")
            if choice is not None:
                _block_lines(choice, state, lines)


def _prose_cell(paragraphs: list[str]) -> bool:
    """Whether a table cell holds running text (two or more paragraphs, one a sentence of
    some length): a report written in a form, not a table's figure or label."""
    return (
        len(paragraphs) >= 2
        and sum(len(p) for p in paragraphs) >= 30
        and any(
            (len(p) >= 20 and _CELL_PROSE.search(p)) or _CELL_HEADING.match(p) for p in paragraphs
        )
    )


def _notes(root: ET.Element | None, kind: str) -> list[str]:
    """Footnotes (endnotes, comments) as ``"footnote.N": text`` lines."""
    if root is None:
        return []
    out = []
    for note in root:
        nid = note.get(W + "id", "")
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        inner: list[str] = []
        _block_lines(note, _State(_Numbering(None, None)), inner)
        text = " ".join(" ".join(s.split()) for s in inner if s.strip())
        if text:
            out.append(f"{json.dumps(f'{kind}.{nid}')}: {text}")
    return out


def _properties(root: ET.Element | None) -> list[str]:
    if root is None:
        return []
    out = []
    for el in root:
        name = el.tag.rsplit("}", 1)[-1]
        value = " ".join((el.text or "").split())
        if value:
            out.append(f"{json.dumps('docx.' + name)}: {value}")
    return out


# what a damaged or unusual file raises while it is read (a bad checksum, corrupt or encrypted
# data, an unknown compression, a number that is none, nesting beyond Python's stack)
_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    RuntimeError,
    NotImplementedError,
    ValueError,
    EOFError,
    OSError,
    KeyError,
    IndexError,
)


def docx_text(data: bytes) -> str:
    """The text of a .docx's bytes (see the module's docstring).

    Raises:
        DocxError: not a zip with ``word/document.xml``, a part too large, not XML, damaged.
    """
    try:
        return _docx_text(data)
    except DocxError:
        raise
    except RecursionError:
        raise DocxError("its XML is nested deeper than any document's") from None
    except _DAMAGE as err:
        raise DocxError(f"it is damaged ({type(err).__name__}: {err})") from None


def _docx_text(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise DocxError(f"it is not a readable zip ({err})") from None
    with zf:
        document = _read_part(zf, "word/document.xml")
        if document is None:
            raise DocxError("it is a zip without word/document.xml, not a Word document")
        numbering = _Numbering(
            _read_part(zf, "word/numbering.xml"), _read_part(zf, "word/styles.xml")
        )
        body = document.find(W + "body")
        lines: list[str] = []
        if body is not None:
            _block_lines(body, _State(numbering), lines)
        altchunk = body is not None and next(body.iter(W + "altChunk"), None) is not None
        if altchunk and not any(s.strip() for s in lines):
            raise DocxError(
                "its text is an embedded document (altChunk) that Word converts when it opens "
                "the file"
            )
        extra: list[str] = []
        extra += _notes(_read_part(zf, "word/footnotes.xml"), "footnote")
        extra += _notes(_read_part(zf, "word/endnotes.xml"), "endnote")
        extra += _notes(_read_part(zf, "word/comments.xml"), "comment")
        for name in sorted(zf.namelist()):
            m = re.fullmatch(r"word/(header|footer)(\d*)\.xml", name)
            if m:
                inner: list[str] = []
                _block_lines(_read_part(zf, name), _State(_Numbering(None, None)), inner)
                text = " ".join(" ".join(s.split()) for s in inner if s.strip())
                if text:
                    extra.append(f"{json.dumps(m.group(1) + '.' + (m.group(2) or '0'))}: {text}")
        extra += _properties(_read_part(zf, "docProps/core.xml"))
    text = "\n".join(lines).rstrip("\n") + "\n"
    if extra:
        text += "\n" + "\n".join(extra) + "\n"
    return text
