"""Read a raw report file into text, whatever its encoding.

Reports arrive as UTF-8 (with or without a byte-order mark), GB18030/GBK (the usual
encoding of Chinese Windows tools), or UTF-16 with a byte-order mark (Windows Notepad's
"Unicode"). :func:`read_report` detects which, decodes strictly, normalizes line endings
and returns the text otherwise unchanged; a file it cannot read raises
:class:`ReportReadError`, whose message names the file and says how to fix it.

Garbled text (mojibake) is refused, never repaired: UTF-8 or GBK Chinese that was once read
as Latin-1 or Windows-1252 and saved again (``æ³•æ²»`` for ``法治``), whatever the file's
encoding now, and any decoding whose Chinese characters are almost all rare ones (UTF-8
opened as GBK and saved again: ``娉曟不`` for ``法治``; the GBK reading of a Latin-1 round
trip's bytes: ``忙鲁聲忙虏禄``), and text a tenth or more of which is U+FFFD (bytes a program
could not read, replaced). The message says what happened and how to get a good copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

__all__ = [
    "ReportReadError",
    "decode_report_bytes",
    "read_column",
    "read_columns",
    "read_report",
    "unwrap_json",
]

# Byte-order marks, longest first (the UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL;
# C1 controls. Decoded report text never contains them: their presence means the bytes
# were decoded with the wrong encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# a character past ASCII that is neither Chinese nor CJK punctuation (U+3000-U+303F)
_OUTSIDE_CJK = re.compile(r"[^\x00-\x7f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _cjk_count(text: str) -> int:
    """How many Chinese characters ``text`` holds (counted by runs: a list of every
    character would cost far more)."""
    return sum(map(len, _CJK_RUN.findall(text)))


_FIX = "re-save it as UTF-8 (e.g. in a text editor: Save As, encoding UTF-8) and try again"

# About the 100 commonest characters of modern written Chinese (the head of the usual
# character-frequency lists). In any real report a fifth or more of the Chinese characters
# are among them (a report in traditional characters: 21%; most: 35 to 50%); in text decoded
# with the wrong codec they are 2% or fewer, as the characters are drawn nearly at random.
_COMMON_CJK = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自"
    "之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些"
    "主样理心她本前开但因只从想实"
)
_COMMON_RE = re.compile("[" + "".join(sorted(_COMMON_CJK)) + "]")
# The rare-character test needs this many Chinese characters to say anything.
_COMMON_MIN_CJK = 100
_COMMON_MIN_SHARE = 0.05

# The characters a byte 0x80-0xFF becomes when UTF-8 bytes are read as Latin-1 (U+0080-U+00FF)
# or Windows-1252 (its own characters for 0x80-0x9F; the five bytes it leaves undefined are
# kept as C1 controls by the tools that make this mistake).
_CP1252_HIGH = {bytes([b]).decode("cp1252", errors="ignore"): b for b in range(0x80, 0xA0)}
_CP1252_HIGH.pop("", None)
_LATIN_RUN = re.compile("[\u0080-\u00ff" + "".join(_CP1252_HIGH) + "]{2,}")
_UNDO_HINT = (
    "get the original file again (the download, or the page saved as text) and put it in the "
    "raw folder unchanged"
)


class ReportReadError(ValueError):
    """A raw report file that cannot be read as text.

    Attributes:
        path: the file.
        message: what went wrong and what to do; ``str(error)`` starts with the file name.
    """

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


# a Word or WPS manual line break (Shift+Enter) saved as a vertical tab or as Unicode's line
# separator; the paragraph separator is always a line's end
MANUAL_BREAK = re.compile("[\x0b\u2028]")
# a line a manual break ends: a heading's (一、…, （一）…, 1.…, 第一部分), a table's or a box's
# row (cells set apart by a tab or spaces), a sentence's end; or the next line opens a heading
_HEADING_START = re.compile(
    r"\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、.．](?!\d)"
    r"|第[一二三四五六七八九十]+(?:部分|章|节)|[①-⑳㈠-㈩])"
)
_SENTENCE_END = re.compile(r"[。！？!?；;：:）)」』”\"]\s*$")
_CELLS_APART = re.compile(r"\S(?:\t|[ \u3000]{2,})\S")
# the figure a break cut from its words (…行政处罚案件<VT>1,126件), not a year (…报告<VT>2023年，)
_FIGURE_AFTER = re.compile(
    r"\s*(?!(?:19|20)\d\d\s*年)(?!\d{1,2}\s*[.、．)）](?!\d))\d[\d,.]*\s*[^\d\s,，.。、]"
)
_CLAUSE_MARK = re.compile(r"[，,、；;]")


def _manual_break_ends_line(before: str, after: str) -> bool:
    """Whether a manual line break ends its line, or stands inside a sentence (kept: the
    cleaning joins the two parts). Inside a sentence: a figure cut from the words before it
    (…行政处罚案件<VT>1,126件), or a body sentence going on (a line of 16 characters or more,
    with a comma in it, that starts no heading, before a line that starts none). A title, a
    signature and its date, a caption, a heading with or without its marker, a table's or a
    box's row, a sentence's end: the line ends."""
    line = before.strip()
    if not line or _SENTENCE_END.search(line):
        return True
    if _FIGURE_AFTER.match(after) and "\u4e00" <= line[-1] <= "\u9fff":
        return False
    if _HEADING_START.match(line) or _CELLS_APART.search(line) or _HEADING_START.match(after):
        return True
    return not (len(line) >= 16 and _CLAUSE_MARK.search(line))


def normalize_newlines(text: str) -> str:
    """Every line's end as LF: CRLF, CR, U+2029, and a manual line break (vertical tab,
    U+2028) that ends a line (:func:`_manual_break_ends_line`); one inside a sentence is kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    if "\x0b" not in text and "\u2028" not in text:
        return text
    out = []
    last = 0
    for m in MANUAL_BREAK.finditer(text):
        start = max(text.rfind("\n", 0, m.start()) + 1, last)
        out.append(text[last : m.start()])
        ends = _manual_break_ends_line(text[start : m.start()], text[m.end() : m.end() + 12])
        out.append("\n" if ends else m.group(0))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


# a page's style sheet or script, whole
_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# an HTML or XML tag, a CDATA section's brackets, or an entity: markup, not text
_MARKUP = re.compile(r"<!\[CDATA\[|\]\]>|<[!?/]?[A-Za-z][^<>]{0,2000}>|&#?\w{1,10};")


def _plausible_chinese(text: str, rare: bool = True) -> str | None:
    """Return why ``text`` is not plausible report text, or None if it is.

    ``rare``: also refuse text whose Chinese characters are almost all rare ones (garbled).
    """
    if _CONTROL.search(text):
        return "the decoded text contains control characters"
    if "<" in text:
        # a page's or a feed's tags are no text (<item>, <p>), nor are its style sheets and scripts
        text = _MARKUP.sub("", _STYLE_OR_SCRIPT.sub("", text))
    visible = sum(map(len, text.split()))  # str.split() splits where str.isspace() is true
    if not visible:
        return None
    cjk = _cjk_count(text)
    if cjk < max(1, 0.2 * visible):
        return f"only {cjk} of {visible} visible characters are Chinese"
    # Wrongly decoded bytes produce characters from scattered blocks (Hangul, Yi, private
    # use, unassigned); real Chinese text stays within CJK, punctuation and ASCII.
    odd = sum(
        1
        for c in _OUTSIDE_CJK.findall(text)
        if not c.isspace() and unicodedata.category(c) in ("Co", "Cn", "Lo")
    )
    if odd > 0.05 * visible:
        return f"{odd} characters outside Chinese script"
    return _rare_characters(text) if rare else None


def _rare_characters(text: str) -> str | None:
    """Why ``text`` reads as garbled Chinese (its Chinese characters almost all rare), or None.

    Texts with fewer than ``_COMMON_MIN_CJK`` Chinese characters are not judged.
    """
    cjk = _cjk_count(text)
    if cjk < _COMMON_MIN_CJK:
        return None
    common = len(_COMMON_RE.findall(text))
    if common >= _COMMON_MIN_SHARE * cjk:
        return None
    return (
        f"only {common} of its {cjk} Chinese characters are common ones (的, 是, 在, 了 …; "
        f"a fifth or more of a real report's), so the characters are garbled"
    )


def _excerpt(text: str, start: int | None = None, length: int = 16) -> str:
    """``length`` visible characters of ``text`` from ``start`` (default: its first non-ASCII
    character), quoted."""
    if start is None:
        match = re.search(r"[^\x00-\x7f]", text)
        start = match.start() if match else 0
    shown = "".join(c for c in text[start:] if c.isprintable() and not c.isspace())
    return "\u201c" + shown[:length] + ("\u2026" if len(shown) > length else "") + "\u201d"


def _undo_latin_round_trip(text: str) -> tuple[str, str, str] | None:
    """Undo a Latin-1 or Windows-1252 round trip: ``(original text, its codec, the misread codec)``.

    Chinese in UTF-8 (or GBK) read as Latin-1 or Windows-1252 and saved again turns each
    character into two or three characters from U+0080-U+00FF (``法`` = E6 B3 95 becomes
    ``æ³\x95``). Each run of such characters is turned back into bytes and decoded; a run
    that does not decode is left as it is. Returns None unless undoing gives more Chinese
    characters than the text already holds (a stray ``Ã©`` in a real report is not enough):
    for UTF-8, whose three-byte pattern is unmistakable, one is enough; for GBK, whose pairs of
    bytes any two accented letters can form, five, with nine runs in ten decoding, and the result
    must not be garbled itself.
    """
    runs = [m.group() for m in _LATIN_RUN.finditer(text)]
    if not runs:
        return None
    latin1 = all(ord(c) <= 0xFF for run in runs for c in run)
    misread = "Latin-1 (ISO-8859-1)" if latin1 else "Windows-1252"
    existing = _cjk_count(text)
    if not existing and all(ord(c) <= 0xFF or c in _CP1252_HIGH for c in text):
        # the whole file went through the round trip: undo it at once (GBK's second bytes
        # can be ASCII letters, which split runs)
        data = bytes(_CP1252_HIGH.get(c, ord(c)) for c in text)
        for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GBK")):
            try:
                original = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _CJK.search(original) and _plausible_chinese(original) is None:
                return original, name, misread
    for codec, least in (("utf-8", 1), ("gb18030", 5)):
        undone = failed = 0

        def undo(match: re.Match, codec: str = codec) -> str:
            nonlocal undone, failed
            run = match.group()
            try:
                chinese = bytes(_CP1252_HIGH.get(c, ord(c)) for c in run).decode(codec)
            except UnicodeDecodeError:
                failed += 1
                return run
            undone += _cjk_count(chinese)
            return chinese

        original = _LATIN_RUN.sub(undo, text)
        if undone < max(least, existing + 1):
            continue
        if codec == "gb18030" and (failed > 0.1 * len(runs) or _rare_characters(original)):
            continue
        return original, ("UTF-8" if codec == "utf-8" else "GBK"), misread
    return None


def _garbled(text: str, encoding: str) -> str | None:
    """Why a decoded report is garbled (mojibake) and what to do, or None if it is not."""
    lost = text.count("\ufffd")
    # str.split() splits on exactly the characters str.isspace() names
    if lost and lost > 0.1 * (visible := sum(map(len, text.split()))):
        return (
            f"the text is garbled: {lost} of its {visible} visible characters are \ufffd (U+FFFD), "
            "the mark a program leaves where it could not read the bytes: the file was opened in "
            "the wrong encoding (UTF-8 as GBK, or GBK as UTF-8) and saved again, and what was "
            f"there is lost; {_UNDO_HINT}"
        )
    undone = _undo_latin_round_trip(text)
    if undone is not None:
        original, codec, misread = undone
        # the text before the first garbled run is the same in both
        at = _LATIN_RUN.search(text).start()
        return (
            f"the text is garbled: it is {codec} Chinese that was once read as {misread} and "
            f"saved again, so it reads {_excerpt(text, at)} where the report says "
            f"{_excerpt(original, at)}; {_UNDO_HINT} (if you have only this copy, undo the "
            f"conversion: encode the text as {misread.split(' ')[0]}, decode those bytes as "
            f"{codec}, and save the result as UTF-8)"
        )
    why = _rare_characters(text)
    if why is not None:
        return (
            f"the text is garbled (mojibake): read as {encoding}, {why}; it begins "
            f"{_excerpt(text)}, as UTF-8 text opened as GBK (or GBK text opened as UTF-8) "
            f"and saved again reads; {_UNDO_HINT}"
        )
    return None


def decode_report_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a report; see :func:`read_report` for the rules.

    Args:
        data: the raw file content.
        path: the file the bytes came from, used in error messages.

    Returns:
        ``(text, encoding)``: the text with ``\\n`` line endings and no byte-order mark,
        and the codec name it was decoded with (``utf-8``, ``utf-8-sig``, ``gb18030``,
        ``big5``, ``utf-16-le``, ``utf-16-be``, ``utf-32-le`` or ``utf-32-be``).

    Raises:
        ReportReadError: empty or whitespace-only content, bytes that are neither
            valid UTF-8, plausible GB18030, nor text with a byte-order mark, or garbled
            text (mojibake).
    """
    if not data.strip():
        raise ReportReadError(path, "the file is empty (no text to analyse); remove it")
    # an old DOS tool's end-of-file mark (Ctrl-Z, 0x1A) after the text is no character of it
    data = data.rstrip(b"\x1a") if data.endswith(b"\x1a") else data
    if data.startswith(b"PK\x03\x04"):
        from analysis.docx_text import DocxError, docx_text, is_docx

        if is_docx(data):
            try:
                text = docx_text(data)
            except DocxError as err:
                raise ReportReadError(
                    path,
                    f"this Word (.docx) file cannot be read: {err}; open it in Word or WPS and "
                    "save it again (.docx), or save the report as plain text (.txt, UTF-8)",
                ) from None
            return _finish(path, normalize_newlines(text), "docx")
    for magic, kind in _DOCUMENT_MAGIC:
        if data.startswith(magic):
            raise ReportReadError(
                path,
                f"this is a {kind} file, not text: convert it to a .txt (pdftotext, or Word's "
                "另存为 纯文本, UTF-8), put that in the raw folder and name it in the manifest",
            )
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.replace("-sig", ""), errors="strict")
            except UnicodeDecodeError as err:
                raise ReportReadError(
                    path,
                    f"the file starts with a {codec} byte-order mark but is not valid "
                    f"{codec} (byte {err.start + len(bom)}); {_FIX}",
                ) from None
            encoding = codec
            break
    if text is None:
        try:
            text = data.decode("utf-8", errors="strict")
            encoding = "utf-8"
            if "\x00" in text:
                text = None  # UTF-16 without BOM or binary: not plain UTF-8 text
            elif (
                not _CJK.search(text)
                and re.search(r"[^\x00-\x7f]", text)
                and _undo_latin_round_trip(text) is None  # garbled UTF-8: refused below
            ):
                # Short GB18030 text can be valid UTF-8 by accident (一 = D2 BB = 'һ'):
                # non-ASCII without any Chinese is suspicious; prefer plausible GB18030.
                try:
                    candidate = data.decode("gb18030", errors="strict")
                except UnicodeDecodeError:
                    candidate = ""
                if _CJK.search(candidate) and _plausible_chinese(candidate) is None:
                    text, encoding = candidate, "gb18030"
        except UnicodeDecodeError:
            text = None
    if text is None and b"\x00" in data:
        # UTF-16 without a byte-order mark: NULs in the high bytes of ASCII characters.
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                candidate = data.decode(codec, errors="strict")
            except UnicodeDecodeError:
                continue
            if _plausible_chinese(candidate) is None:
                text, encoding = candidate, codec
                break
    if text is None:
        reason = "it is not valid UTF-8"
        try:
            candidate = data.decode("gb18030", errors="strict")
        except UnicodeDecodeError as err:
            reason += f", nor GB18030 (undecodable byte at offset {err.start})"
        else:
            # garbled GB18030 is told apart below (rare=False): it is not an unknown encoding
            why = _plausible_chinese(candidate, rare=False)
            if why is None:
                text, encoding = candidate, "gb18030"
            else:
                reason += f", and read as GB18030 it is not plausible Chinese text ({why})"
        if text is None:
            # a traditional-character page saved in Big5 (a portal's 繁體 mirror)
            for codec in ("big5hkscs", "cp950"):
                try:
                    candidate = data.decode(codec, errors="strict")
                except UnicodeDecodeError:
                    continue
                if _plausible_chinese(candidate) is None and _cjk_count(candidate) >= 100:
                    text, encoding = candidate, "big5"  # (enough text to tell it from noise)
                    break
            else:
                reason += ", nor Big5"
        if text is None:
            binary = _binary_bytes(data)
            if binary:
                raise ReportReadError(
                    path,
                    f"this looks like a binary file, not text ({binary}): check that it is "
                    "the report; if it is a document or an image, save the report as plain "
                    "text (.txt, UTF-8) and put that in the raw folder",
                )
            raise ReportReadError(path, f"cannot tell the file's encoding: {reason}; {_FIX}")
    text = normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    # (a MIME message is read from its bytes, those of an ASCII-compatible encoding without BOM)
    raw = {"utf-8-sig": data[3:], "utf-8": data, "gb18030": data, "big5": data}.get(encoding)
    text = unwrap_mime(text, raw)
    text = unwrap_json(unwrap_jsonl(unwrap_ledger(unwrap_csv(unwrap_xml(unwrap_pdf2htmlex(text))))))
    return _finish(path, text, encoding)


def _finish(path: Path | str, text: str, encoding: str) -> tuple[str, str]:
    """The last steps of :func:`decode_report_bytes`, whatever the text was read from: HTML
    reflowed, two columns read, a one-line page's table rows apart; empty or garbled refused."""
    if "<" in text:
        text = reflow_html(text)
    if "   " in text:
        text = read_columns(text)
    if "</tr" in text or "</TR" in text:
        # a page saved as one line of HTML: its table's rows on lines of their own, as a
        # browser shows them (cleaning reads them as rows)
        text = _TABLE_ROW_END.sub(lambda m: m.group(0) + "\n", text)
        text = _TABLE_START.sub("\n", text)
    if not text.strip():
        raise ReportReadError(path, "the file has no text, only whitespace; remove it")
    why = _garbled(text, encoding)
    if why is not None:
        raise ReportReadError(path, why)
    return text, encoding


# a saved HTML page (a report that names a tag in its text is none)
HTML_PAGE = re.compile(r"<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# a comment, or a tag (its attributes may run over lines: <p class=MsoNormal style='…⏎…'>)
_COMMENT_OR_TAG = re.compile(r"<!--.*?-->|<[!/?A-Za-z][^<>]{0,4000}>", re.DOTALL)
# Word's own HTML (Save as Web Page: its generator named), whose source lines wrap at 76
# characters inside paragraphs; not a page whose editor pasted from Word (class=MsoNormal alone)
_WORD_HTML = re.compile(
    r"<meta[^>]+(?:Generator|ProgId)[^>]+(?:Microsoft Word|Word\.Document)"
    r"|urn:schemas-microsoft-com:office:word",
    re.IGNORECASE,
)
_PRE_BLOCK = re.compile(r"<pre\b.*?</pre\s*>", re.IGNORECASE | re.DOTALL)
# a source line break inside a paragraph's text: after text, before text (no tag either side)
_SOFT_BREAK = re.compile(r"(?<=[^>\s])[ \t]*\n[ \t]*(?=[^<\s])")
_CJK_SIDE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def reflow_html(text: str) -> str:
    """A saved HTML page's source lines as a browser reads them; other text unchanged.

    A tag or a comment written over several lines (``<p class=MsoNormal⏎style='…'>``) is put
    on one line, its line breaks spaces. In Word's HTML (Save as Web Page), whose source wraps
    at 76 characters inside a paragraph's text, a line break between two pieces of text is
    none (between Chinese characters) or a space, as a browser shows it. Line breaks next to
    a tag stay: cleaning reads the page line by line."""
    if HTML_PAGE.search(text, 0, 20000) is None:
        return text
    text = _COMMENT_OR_TAG.sub(
        lambda m: m.group(0).replace("\n", " ") if "\n" in m.group(0) else m.group(0), text
    )
    if _WORD_HTML.search(text) is not None:
        pre = [m.span() for m in _PRE_BLOCK.finditer(text)]

        def soft(m: re.Match[str]) -> str:
            if any(a <= m.start() < b for a, b in pre):
                return m.group(0)  # preformatted text keeps its lines
            a, b = text[m.start() - 1], text[m.end()]
            return "" if _CJK_SIDE.match(a) or _CJK_SIDE.match(b) else " "

        text = _SOFT_BREAK.sub(soft, text)
    # a line break or a paragraph's end with more of the page after it on its source line
    # (…逐利执法。<br/>&nbsp;&nbsp;（五）优化政务服务…): the browser starts a line there
    return _BREAK_MID_LINE.sub(lambda m: m.group(0) + "\n", text)


# a <br> or a paragraph's end tag with text after it on its line
_BREAK_MID_LINE = re.compile(
    r"(?:<br\s*/?>|</p\s*>)(?=[ \t]*[^\s<][^\n]*?[^\x00-\x7f])", re.IGNORECASE
)


# the end of an HTML table's row not followed by a line break
_TABLE_ROW_END = re.compile(r"</tr\s*>(?![ \t]*\n)", re.IGNORECASE)
# the start of an HTML table inside a line (…如下：</p><table>): its rows begin a line
_TABLE_START = re.compile(r"(?<=[^\n])(?=<table[\s>])", re.IGNORECASE)
# a page's break in a PDF's text: a form feed, or a page-number line (— 3 —, - 3 -, 3)
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|[·・•]\s*\d{1,4}\s*[·・•]|第\s*\d{1,4}\s*页|\d{1,4})\s*$"
)
# a gap between two columns: a run of two or more spaces after some text
_COLUMN_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_COLUMN_MIN_LINES = 8  # lines set in two columns a page needs to be read as such
_COLUMN_HAN = 6  # Chinese characters each half of such a line holds at least
_COLUMN_WIDTH = 14  # characters a page's column of text holds at least (a table's label less)


def read_columns(text: str) -> str:
    """A PDF's text with pages set in two columns side by side (``pdftotext -layout`` of a
    gazette or a bulletin), each page read column after column; other text unchanged.

    A page (between form feeds, or page-number lines) is in two columns when eight or more of
    its lines, and most of its lines with text, hold two runs of prose (six or more Chinese
    characters each) apart by spaces, the right one starting at the same place (within three
    characters), the others being the left column's alone (shorter than that place) or the
    right column's alone (indented to it). Its lines above the first such line (a title across
    both columns) stay on top, its left column follows, then its right column, then what stood
    below (the page's number).
    """
    if "\f" in text:  # pages end at form feeds
        pages = [page.split("\n") for page in text.split("\f")]
    else:  # ... or at their number lines
        pages = [[]]
        for line in text.split("\n"):
            pages[-1].append(line)
            if _PAGE_NUMBER_LINE.match(line) and line.strip():
                pages.append([])
    read = [read_column(page) for page in pages]
    if not any(r is not None for r in read):
        return text
    # a page whose right column is short (the report's end) is read at its neighbours' place
    at = Counter(r[1] for r in read if r is not None).most_common(1)[0][0]
    out = [
        (r or read_column(page, at) or (page, at))[0] for r, page in zip(read, pages, strict=True)
    ]
    if "\f" in text:
        return "\f".join("\n".join(page) for page in out)
    return "\n".join(line for page in out for line in page)


def read_column(page: list[str], known: int | None = None) -> tuple[list[str], int] | None:
    """One page's lines read column after column (see :func:`read_columns`) and where its
    right column starts, or None when the page is not set in two columns. ``known``: where the
    other pages' right column starts (a page with two such lines or more is read at it)."""

    def han(s: str) -> int:
        return _cjk_count(s)

    def prose_split(line: str, gap: re.Match[str]) -> bool:
        return han(line[: gap.start()]) >= _COLUMN_HAN and han(line[gap.end() :]) >= _COLUMN_HAN

    if known is None:
        ends = [
            gaps[-1].end()
            for line in page
            if (gaps := list(_COLUMN_GAP.finditer(line))) and prose_split(line, gaps[-1])
        ]
        if len(ends) < _COLUMN_MIN_LINES:
            return None
        at = Counter(ends).most_common(1)[0][0]
    else:
        at = known
    # each line's cut: the gap ending at the right column's place (not a gap inside the right
    # column's line, 二、  存在的问题), or one further right whose left part fits the left column
    # (a signature set to the right)
    split: dict[int, int] = {}
    strong = 0
    for k, line in enumerate(page):
        gaps = [g for g in _COLUMN_GAP.finditer(line) if len(line[: g.start()]) <= at + 2]
        near_gaps = [g for g in gaps if abs(g.end() - at) <= 3]
        gap = near_gaps[0] if near_gaps else next((g for g in gaps if g.end() > at + 3), None)
        if gap is not None:
            split[k] = gap.end()
            strong += bool(near_gaps) and prose_split(line, gap)
    if strong < (_COLUMN_MIN_LINES if known is None else 2):
        return None
    # prose in two columns fills its left column (a table of two text columns does not)
    lefts = [len(page[k][: split[k]].rstrip()) for k in split if abs(split[k] - at) <= 3]
    if known is None and sum(n >= max(at - 9, _COLUMN_WIDTH) for n in lefts) * 5 < len(lefts) * 3:
        return None
    near = set(split)
    first = min(near)
    tail = len(page)  # the page's foot: its number and the blank lines around it
    while tail > first and (not page[tail - 1].strip() or _PAGE_NUMBER_LINE.match(page[tail - 1])):
        tail -= 1

    def right_only(line: str) -> bool:
        return len(line) - len(line.lstrip(" ")) >= at - 3 and han(line) > 0

    def spanning(line: str) -> bool:  # a title across both columns (centred, set apart)
        lead = len(line) - len(line.lstrip(" "))
        return 6 <= lead < at - 3 and len(line.rstrip()) > at - 2

    def left_only(line: str) -> bool:
        return len(line.rstrip()) <= at + 2 and not right_only(line)

    inside = [k for k in range(first, tail) if page[k].strip() and k not in near]
    if any(not (right_only(page[k]) or left_only(page[k]) or spanning(page[k])) for k in inside):
        return None
    if known is None and len(near) * 3 < len(inside) + len(near):
        return None
    out = page[:first]
    left: list[str] = []
    right: list[str] = []
    for k in range(first, tail):
        line = page[k]
        if k in near:
            cut = split[k]
            left.append(line[: line.rfind(" ", 0, cut) + 1].rstrip())
            right.append(line[min(cut, at) :].rstrip() if cut > at else line[cut:].rstrip())
        elif not line.strip():
            left.append("")
        elif right_only(line):
            right.append(line[min(at, len(line) - len(line.lstrip(" "))) :].rstrip())
        elif spanning(line):
            # a title across both columns ends the columns above it (the previous article's)
            out += left + right + [line]
            left, right = [], []
        else:
            left.append(line.rstrip())
    return out + left + right + page[tail:], at


# a JSON field naming a page's title or its publication date (a CMS's API: title, publishDate;
# TRS WCM's DOCTITLE, DOCRELTIME; articleTitle, createTime), the publication's before a creation's
_JSON_TITLE_KEY = re.compile(r"(?i).*title|标题")
_JSON_DATE_KEYS = (
    re.compile(
        r"(?i).*(?:publish|pub|release|issue|docrel|rel)[-_]?(?:date|time)|发布(?:日期|时间)"
        r"|(?i:published|issued)"
    ),
    re.compile(
        r"(?i).*(?:create|created|add|post)[-_]?(?:date|time|at)|日期|时间|(?i:updated|modified|date)"
    ),
)
_JSON_DATE_VALUE = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}")


# a CSV export's header: three or more field names (id,title,pub_date,source,content; 标题,发布日期,正文)
_CSV_HEADER = re.compile(r"[A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{1,8}")


def unwrap_csv(text: str) -> str:
    """A report saved as a CSV export of one database row (``id,title,pub_date,content`` and
    one row whose content field spans the article's lines), written out as a JSON response is
    (:func:`unwrap_json`); other text unchanged."""
    head = text.split("\n", 1)[0].strip()
    names = [n.strip().strip('"').strip() for n in head.split(",")]
    if names and not names[-1]:
        names = names[:-1]  # a trailing comma
    if len(names) < 3 or not all(_CSV_HEADER.fullmatch(n) for n in names):
        return text
    import csv
    import io

    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        return text
    rows = [r[: len(names)] if not any(c.strip() for c in r[len(names) :]) else r for r in rows]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) != 2 or len(rows[1]) != len(names):
        return text
    return _written_out(dict(zip(names, rows[1], strict=True))) or text


# a cell of a form's sign-off row: who filled it in, checked it, when, and how to reach them
_SIGN_OFF_CELL = re.compile(
    r"(?:填报|填表|制表|统计|审核|审批|审签|报送|负责|联系|签发)(?:人|单位|日期|时间|电话|领导)?\s*[:：]"
)


def unwrap_ledger(text: str) -> str:
    """A report kept as a spreadsheet of tasks (a 台账) exported to CSV, written out as text;
    other text unchanged.

    A title row (one cell) may stand above the header (``序号,工作类别,工作任务,完成情况,…``);
    the rows below it hold the report: the column with the most Chinese is its text, one
    paragraph a row, and a column of groups (a merged cell: its value on a group's first row
    only, the rest empty) gives a heading line wherever a new group begins. A row's other
    cells are recorded as ``"row.N": 名=值; …`` (removed by cleaning as ``json_field``); rows
    of one cell (a note, a title) and a sign-off row are written as lines."""
    if "," not in text or not _CJK.search(text):
        return text
    import csv
    import io

    try:
        rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text))]
    except csv.Error:
        return text
    filled = [[c for c in r if c] for r in rows]
    at = next((k for k, f in enumerate(filled) if len(f) >= 3), None)
    if at is None or not all(_CSV_HEADER.fullmatch(c) for c in filled[at]):
        return text
    names = rows[at]
    body = [r for r in rows[at + 1 :] if sum(1 for c in r if c) >= 2]
    if len(body) < 3 or at > 2 or any(len(f) > 1 for f in filled[:at]):
        return text
    # (the whole file a spreadsheet's rows, as wide as its header: not a report with a line
    # of keywords or one table pasted as CSV)
    lines = [ln for ln in text.split("\n") if ln.strip(" \t,\ufeff")]
    if sum(1 for r in rows if r and any(r)) < 0.9 * len(lines) or sum(
        1 for r in rows if any(r) and len(r) == len(names)
    ) < 0.9 * sum(1 for r in rows if any(r)):
        return text

    def han(col: int) -> int:
        return sum(_cjk_count(r[col]) for r in body if col < len(r))

    width = len(names)
    text_col = max(range(width), key=han)
    if han(text_col) < 20 * len(body):
        return text

    def filled_in(col: int) -> int:
        return sum(1 for r in body if col < len(r) and r[col])

    groups = [
        col
        for col in range(width)
        if col != text_col
        and 2 <= filled_in(col) < len(body)
        and all(len(r[col]) <= 20 and not r[col].isdigit() for r in body if col < len(r))
    ]
    # (the merged column: its value on each group's first row only; one named for groups
    # first, 工作类别, else the fewest filled in)
    named = [c for c in groups if re.search(r"类|方面|板块|领域|分组|栏目", names[c])]
    group_col = (named or [min(groups, key=filled_in)])[0] if groups else None
    out: list[str] = []
    n = 0
    for r in rows:
        cells = [c for c in r if c]
        if not cells:
            continue
        if r is names:
            out.append(f'"header": {"; ".join(names[c] for c in range(width) if names[c])}')
            continue
        if len(cells) == 1 or r not in body or all(_SIGN_OFF_CELL.match(c) for c in cells):
            out.extend(cells)  # a title, a note, a sign-off's cells (填报人：…, 填报日期：…)
            continue
        n += 1
        if group_col is not None and group_col < len(r) and r[group_col]:
            out.append(r[group_col])
        rest = [
            f"{names[c] or c}={r[c]}"
            for c in range(min(width, len(r)))
            if c not in (text_col, group_col) and r[c]
        ]
        if text_col < len(r) and r[text_col]:
            out.append("".join(r[text_col].split("\n")))
        if rest:
            out.append(f'"row.{n}": {"; ".join(rest)}')
    return "\n".join(out) + "\n"


def unwrap_json(text: str) -> str:
    """A report saved as a CMS's JSON response, written out as text; other text unchanged.

    A scraper may save an article as its site's API answer: ``{"code":200,"data":{"title":…,
    "publishDate":…,"content":"<p>…</p>\\n<p>…"}}``, the article a JSON string whose markup and
    characters may be escaped (``\\u003cp\\u003e``, ``\\u201c``). When the whole text is
    JSON and holds an article (a string with a line break or 100 or more Chinese characters,
    or a list of strings that has as many: paragraphs), the text becomes: the article's title
    (a ``…title`` field, the article's own object's first), its publication date as
    ``发布时间：…`` (a publishing field before a creation field), then every value in the
    document's order, the article (the longest) as it decodes, one line per string of a list
    (its HTML is cleaning's to read), every other field as ``"path": value`` with the path in
    ASCII, which cleaning removes as ``json_field`` (so nothing of the file is lost
    unrecorded).
    """
    body = text.strip()
    if len(body) < 2 or not (body[:1] in "{[" and body[-1:] in "}]"):
        return text
    import json

    try:
        doc = json.loads(body)
    except ValueError:
        return text
    return _written_out(doc) or text


# a string that is text of the page, not a file name or a code (PaddleOCR's "text",
# "transcription", "rec_text"; any string with Chinese)
_TEXT_KEY = re.compile(r"(?i)text|texts|transcription|rec_texts?|content|words?|label")
# a key that names a file or a place, never the page's text (PaddleOCR's input_path)
_PATH_KEY = re.compile(r"(?i).*(?:path|file|image|img|url|uri|src|name|id)")


def unwrap_jsonl(text: str) -> str:
    """A report saved as JSON Lines (an OCR tool's results, one JSON object per page: PaddleOCR's
    ``{"page": 1, "results": [{"text": "…", "box": […], "score": 0.98}, …]}``), written out as
    text; other text unchanged.

    Two or more lines, each a JSON object or array, holding Chinese: their text is written one
    string a line, in order (the strings under a text's key or with Chinese in them: a box's
    text is a printed line, and cleaning joins the lines of a paragraph, across pages too),
    then each line is recorded as it stands (``"jsonl.N": …``, which cleaning removes as
    ``json_field``)."""
    lines = [ln for ln in text.split("\n") if ln.strip(" \t,\ufeff")]
    if len(lines) < 2 or lines[0].lstrip()[:1] not in "{[" or not _CJK.search(text):
        return text
    import json

    docs = []
    for ln in lines:
        body = ln.strip()
        if body[:1] not in "{[" or body[-1:] not in "}]":
            return text
        try:
            docs.append(json.loads(body))
        except ValueError:
            return text
    out: list[str] = []

    def strings(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                strings(v, str(k))
        elif isinstance(value, list):
            for v in value:
                strings(v, key)
        elif isinstance(value, str) and value.strip():
            # a box's text (figures alone too: 1,286), or Chinese under a key naming no file
            if _TEXT_KEY.fullmatch(key) or (_CJK.search(value) and not _PATH_KEY.fullmatch(key)):
                out.append(" ".join(value.split()))

    for doc in docs:
        strings(doc)
    if out and sorted(len(t) for t in out)[len(out) // 2] > 80:
        # not an OCR tool's lines but records of articles (NDJSON): the fullest is the report
        best = max(range(len(docs)), key=lambda n: _cjk_count(lines[n]))
        written = _written_out(docs[best])
        if written is None:
            return text
        rest = [
            f'"jsonl.{n}": {" ".join(ln.split())}' for n, ln in enumerate(lines, 1) if n != best + 1
        ]
        return written + "\n".join(rest) + ("\n" if rest else "")
    # the lines as they stand, after the text (a page's text runs on into the next page's)
    out += [f'"jsonl.{n}": {" ".join(ln.split())}' for n, ln in enumerate(lines, start=1)]
    return "\n".join(out) + "\n"


def _written_out(doc: object) -> str | None:
    """A JSON document (or a CSV row as a dict) written out as :func:`unwrap_json` says, or
    None when it holds no article."""
    import json

    leaves: list[tuple[str, object]] = []  # (path, value) in the document's order
    lists: dict[str, list[str]] = {}  # path -> its strings, for a list of strings only

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}" if path else str(k))
        elif isinstance(value, list):
            if value and all(isinstance(v, str) for v in value):
                lists[path] = value
            for i, v in enumerate(value):
                walk(v, f"{path}.{i}" if path else str(i))
        else:
            leaves.append((path, value))

    walk(doc, "")

    def han(s: str) -> int:
        return _cjk_count(s)

    # the article: the string, or the list of strings, with the most Chinese
    cands = [
        (han(v), p) for p, v in leaves if isinstance(v, str) and ("\n" in v or han(v) >= 100)
    ] + [(sum(han(v) for v in vs), p) for p, vs in lists.items() if sum(han(v) for v in vs) >= 100]
    if not cands:
        return None
    article = max(cands, key=lambda c: c[0])[1]
    parent = article.rsplit(".", 1)[0] if "." in article else ""
    in_list = article in lists

    own = parent.split(".") if parent else []

    def near(path: str) -> int:  # the article's own object's fields first, then its parent's…
        up = path.split(".")[:-1]
        shared = 0
        for a, b in zip(up, own, strict=False):
            if a != b:
                break
            shared += 1
        return -shared

    def pick(keys: tuple[re.Pattern[str], ...], ok) -> str | None:
        found = [
            (rank, near(p), n, p)
            for n, (p, v) in enumerate(leaves)
            for rank, key in enumerate(keys)
            if isinstance(v, str) and key.fullmatch(p.rsplit(".", 1)[-1]) and ok(v)
        ]
        return min(found)[3] if found else None

    title = pick((_JSON_TITLE_KEY,), lambda v: bool(_CJK.search(v)) and "\n" not in v)
    date = pick(_JSON_DATE_KEYS, lambda v: _JSON_DATE_VALUE.match(v.strip()) is not None)
    value_of = dict(leaves)
    lines: list[str] = []
    if title is not None:
        lines.append(str(value_of[title]))
    if date is not None:
        lines.append(f"发布时间：{value_of[date]}")
    for p, v in leaves:
        if p in (title, date):
            continue
        if p == article or (in_list and p.rsplit(".", 1)[0] == article):
            lines.append(normalize_newlines(str(v)).strip("\n"))
            continue
        shown = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        shown = normalize_newlines(str(shown)).replace("\n", " ")
        lines.append(f"{json.dumps(p)}: {shown}")
    return "\n".join(lines) + "\n"


# a MIME message's first header (a page saved as MHTML: From: <Saved by Blink>), and its
# declaration of a multipart body
_MIME_FIRST = re.compile(r"[A-Za-z][\w-]{0,40}:[ \t]")
_MIME_MULTIPART = re.compile(r"(?im)^Content-Type:\s*multipart/")
_MIME_VERSION = re.compile(r"(?im)^MIME-Version:\s*1\.0\s*$")
# a single-part message's body is the page, in a transfer encoding (a tool's one-part MHTML)
_MIME_TEXT = re.compile(
    r"(?ims)^Content-Type:\s*text/(?:html|plain)\b.*^Content-Transfer-Encoding:\s*"
    r"(?:quoted-printable|base64)|^Content-Transfer-Encoding:\s*(?:quoted-printable|base64)"
    r".*^Content-Type:\s*text/(?:html|plain)\b"
)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]{2,20})""", re.IGNORECASE)


# pdf2htmlEX's page: each printed line a positioned div (class "t"), a table's cell a "c" div
# around one, the PDF's outline in a sidebar
_PDF2HTML_LINE = re.compile(
    r'(?:<div class="c [^"]*?\b(?P<row>y[0-9a-f]+)\b[^"]*">\s*)?<div class="t [^"]*">(?P<text>.*?)</div>',
    re.DOTALL,
)
_PDF2HTML_PAGE = re.compile(r'<div\b[^>]*\bclass="pf\b[^"]*"[^>]*>')
_PDF2HTML_OUTLINE = re.compile(r'<a class="l"[^>]*>(.*?)</a>', re.DOTALL)


def unwrap_pdf2htmlex(text: str) -> str:
    """A PDF converted to HTML by pdf2htmlEX (a portal's online viewer), written out as the PDF's
    text: each positioned line a line, a table's cells of one row apart by tabs, a form feed
    between pages (cleaning then reads it as any PDF's text: its wraps, page numbers and running
    headers); the viewer's outline of the headings is recorded as ``"outline"`` lines (removed
    by cleaning as ``json_field``). Other text unchanged."""
    head = text[:4000]
    if "pdf2htmlEX" not in head or _PDF2HTML_PAGE.search(text) is None:
        return text
    import html
    import json

    start = text.find('<div id="page-container"')
    outline = [
        " ".join(_MARKUP.sub("", html.unescape(a)).split())
        for a in _PDF2HTML_OUTLINE.findall(text[: start if start >= 0 else 0])
    ]
    body = text[start:] if start >= 0 else text
    pages = []
    for page in _PDF2HTML_PAGE.split(body)[1:]:
        lines: list[str] = []
        last_row = None
        for m in _PDF2HTML_LINE.finditer(page):
            line = html.unescape(_MARKUP.sub("", m["text"]))
            row = m["row"]
            if row is not None and row == last_row and lines:
                lines[-1] += "\t" + line  # the next cell of the table's row
            else:
                lines.append(line)
            last_row = row
        pages.append("\n".join(lines))
    out = "\n\f".join(pages) + "\n"
    if outline:
        out += "".join(f"{json.dumps('outline')}: {o}\n" for o in outline if o)
    return out


def unwrap_mime(text: str, data: bytes | None = None) -> str:
    """A page saved as a MIME message (a browser's "Webpage, Single File": MHTML; an e-mail
    saved as .eml), written out as text; other text unchanged.

    The message is read from the file's bytes ``data`` (else ``text`` as UTF-8), so an ``8bit``
    or ``binary`` part keeps its bytes. Its text is the ``text/html`` or
    ``text/plain`` part with the most Chinese (an e-mail's body rather than its signature; of
    an e-mail's plain and HTML copies, the fuller), decoded from its transfer encoding
    (quoted-printable, base64) and its charset (the part's, else the page's ``<meta
    charset>``, else UTF-8, else GB18030) and written out whole, for cleaning to read. The
    message's headers and every other part are written as ``"name": value`` lines, which
    cleaning removes as ``json_field`` (so nothing of the file is lost unrecorded): another
    text part with its text on one line, a style sheet or an image as its type, size and
    address.
    """
    if not _MIME_FIRST.match(text):
        return text
    head = text[: text.find("\n\n") if "\n\n" in text else 4000]
    if not (
        _MIME_VERSION.search(head) and (_MIME_MULTIPART.search(head) or _MIME_TEXT.search(head))
    ):
        return text
    import email
    import email.policy
    import json

    msg = email.message_from_bytes(
        data if data is not None else text.encode("utf-8"), policy=email.policy.default
    )
    if not msg.is_multipart() and msg.get_content_type() not in ("text/html", "text/plain"):
        return text
    parts = []  # (index, type, address, payload, text or None)
    for n, part in enumerate(msg.walk()):  # (a single-part message: the message itself)
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        payload = part.get_payload(decode=True) or b""
        where = str(part.get("Content-Location", "") or part.get_filename() or "")
        body = None
        if ctype in ("text/html", "text/plain"):
            body = normalize_newlines(_decode_part(payload, part.get_content_charset()))
        parts.append((n, ctype, where, payload, body))
    texts = [p for p in parts if p[4] is not None]
    if not texts:
        return text

    def han(p: tuple) -> int:
        body = _MARKUP.sub("", p[4]) if p[1] == "text/html" else p[4]
        return _cjk_count(body)

    chosen = max(texts, key=han)  # (the first of a tie: an e-mail's plain copy, a page's html)
    if han(chosen) == 0:
        return text
    lines = [f"{json.dumps(k)}: {' '.join(str(v).split())}" for k, v in msg.items()]
    for n, ctype, where, payload, body in parts:
        if n == chosen[0]:
            lines.append(f'"part.{n}": {ctype} {where}'.rstrip())
            lines.append(body)
        elif body is not None:
            lines.append(f'"part.{n}": {ctype} {where}: {" ".join(body.split())}'.rstrip())
        else:
            lines.append(f'"part.{n}": {ctype}, {len(payload)} bytes {where}'.rstrip())
    return "\n".join(lines) + "\n"


def _decode_part(payload: bytes, charset: str | None) -> str:
    """A MIME part's bytes as text: by its charset, the page's own, UTF-8 or GB18030."""
    tried = []
    if charset:
        tried.append(charset)
    meta = _META_CHARSET.search(payload[:4096])
    if meta:
        tried.append(meta.group(1).decode("ascii"))
    for codec in (*tried, "utf-8", "gb18030"):
        if codec.lower() in ("gb2312", "gbk", "x-gbk"):
            codec = "gb18030"  # (what pages labelled GB2312 hold)
        try:
            return payload.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


# an RSS or Atom date (Fri, 24 Feb 2023 16:05:12 +0800)
_RFC822_DATE = re.compile(r"(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d\d:\d\d")


def unwrap_xml(text: str) -> str:
    """A report saved as an XML document (a portal's RSS feed or disclosure export:
    ``<rss><channel><item><title>…<pubDate>…<description><![CDATA[<p>…]]>``), written out
    as a JSON response is (:func:`unwrap_json`): the article (the text with the most
    Chinese), its item's title and date first, every other element and attribute as a
    ``"path": value`` line. An RFC 822 date is given as ``2023-02-24 16:05:12 (as written)``.
    A page in XHTML, a document that declares entities (none is expanded) and XML that does
    not parse are left unchanged."""
    body = text.lstrip()
    if not (body.startswith("<?xml") or re.match(r"<(?:rss|feed|rdf:RDF)[\s>]", body)):
        return text
    if "<!DOCTYPE" in body or "<!ENTITY" in body:
        return text
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return text
    name = root.tag.rsplit("}", 1)[-1]
    if name.lower() == "html":
        return text
    try:
        doc = {name: _xml_value(root)}
    except RecursionError:  # (nested deeper than any feed: not read as XML)
        return text
    return _written_out(doc) or text


def _xml_value(el) -> object:
    """An element as JSON would hold it: its text, or its attributes (``@name``) and children
    (by tag; a repeated tag a list), and its text (``#text``) if any."""
    text = el.text or ""
    if _RFC822_DATE.match(text.strip()):
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(text.strip())
        except (TypeError, ValueError):
            when = None
        if when is not None:
            if when.tzinfo is not None:  # (a GMT date is given as Beijing's)
                import datetime as _dt

                when = when.astimezone(_dt.timezone(_dt.timedelta(hours=8)))
            text = f"{when:%Y-%m-%d %H:%M:%S} ({text.strip()})"
    tails = "".join(child.tail or "" for child in el)
    if not len(el) and not el.attrib:
        return text
    out: dict[str, object] = {f"@{k.rsplit('}', 1)[-1]}": v for k, v in el.attrib.items()}
    if text.strip() or tails.strip():
        out["#text"] = text + tails  # (mixed content: the text around the children, in order)
    for child in el:
        tag = child.tag.rsplit("}", 1)[-1]
        value = _xml_value(child)
        if tag not in out:
            out[tag] = value
        elif isinstance(out[tag], list):  # (an element's value is never a list: a repeat)
            out[tag].append(value)  # type: ignore[union-attr]
        else:
            out[tag] = [out[tag], value]
    return out


def _binary_bytes(data: bytes) -> str | None:
    """What makes undecodable bytes look binary rather than text in some encoding, or None.

    Text in any single-byte or multi-byte encoding holds almost no C0 control bytes besides
    tab, line feed, form feed and carriage return; random or compressed data holds about one
    in nine. (UTF-16 holds NULs too, but it has been tried before this is asked.)
    """
    controls = sum(data.count(bytes([b])) for b in range(0x20) if b not in b"\t\n\x0b\x0c\r")
    if controls <= 0.02 * len(data):
        return None
    return f"{controls} of its {len(data)} bytes are control bytes such as NUL"


# signatures of document formats that are not text (a report saved as PDF, Word or WPS)
_DOCUMENT_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "Word (.docx) or other zipped document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word (.doc) or WPS"),
    (b"{\\rtf", "RTF"),
)


def read_report(path: Path) -> tuple[str, str]:
    """Read a raw report file and return its text and the encoding it was read with.

    Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32) first; then strict UTF-8
    (unless it holds non-ASCII characters but no Chinese while the bytes read as plausible
    GB18030 Chinese: short GB18030 texts can be valid UTF-8 by accident);
    then UTF-16 without a mark if the bytes contain NULs; then strict GB18030 (which
    covers GBK and GB2312), accepted only if the result looks like Chinese text (enough
    CJK characters, no control characters, no characters from unrelated scripts).
    Line endings ``\\r\\n`` and ``\\r`` become ``\\n``; the byte-order mark and a DOS
    end-of-file mark (Ctrl-Z) after the text are dropped; nothing else is changed. Whatever the encoding, garbled text is refused (see the module's
    docstring): a Latin-1 or Windows-1252 round trip, a decoding whose Chinese characters
    are almost all rare ones, or text a tenth or more of which is U+FFFD.

    Args:
        path: the report file.

    Returns:
        ``(text, encoding)``, e.g. ``("一、……\\n", "gb18030")``.

    Raises:
        ReportReadError: the file is empty, whitespace-only, unreadable, binary, garbled,
            or in an encoding that cannot be determined. The message names the file and
            says what to do (re-save it as UTF-8, get the original again).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportReadError(path, f"cannot open the file ({err.strerror or err})") from None
    return decode_report_bytes(data, path)
