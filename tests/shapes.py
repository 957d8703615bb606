"""Transform a report into the other shapes real inputs come in (used by the tests).

Each function takes the decoded text of a report and returns the same report as another
source would give it: with full-width punctuation, with a mix of both widths, as text
copied out of a PDF (hard line breaks, page numbers, running headers), or as the bytes of
another encoding. The cleaning and section parsing must give the same outline for all.
"""

from __future__ import annotations

HALF_TO_FULL = {
    ",": "，",
    "(": "（",
    ")": "）",
    ":": "：",
    ";": "；",
    "!": "！",
    "?": "？",
    ".": "．",
}
DIGITS_FULL = {str(d): chr(0xFF10 + d) for d in range(10)}
IDEOGRAPHIC_SPACE = "\u3000"


def to_fullwidth_punctuation(text: str) -> str:
    """Replace half-width punctuation , ( ) : ; ! ? . with the full-width forms."""
    return "".join(HALF_TO_FULL.get(c, c) for c in text)


def to_mixed(text: str) -> str:
    """Mix both widths: every other punctuation mark full-width, full-width digits on
    odd lines, ideographic-space indentation on every third line, CRLF line endings."""
    out_lines = []
    k = 0
    for n, line in enumerate(text.split("\n")):
        chars = []
        for c in line:
            if c in HALF_TO_FULL:
                k += 1
                chars.append(HALF_TO_FULL[c] if k % 2 else c)
            elif n % 2 and c in DIGITS_FULL:
                chars.append(DIGITS_FULL[c])
            else:
                chars.append(c)
        new = "".join(chars)
        if n % 3 == 0 and new.strip():
            new = IDEOGRAPHIC_SPACE * 2 + new.strip()
        out_lines.append(new)
    return "\r\n".join(out_lines)


def to_pdf_shape(
    text: str,
    width: int = 35,
    page_lines: int = 40,
    header: str = "法治政府建设年度报告",
    indent: bool = True,
) -> str:
    """Render a report as text copied out of a PDF.

    Every non-blank line is a paragraph: stripped, indented with two ideographic spaces
    (if ``indent``) and hard-wrapped every ``width`` characters. Blank lines disappear.
    Pages hold ``page_lines`` lines of text; each page ends with a page number line
    ``- N -`` and every page after the first starts with the running ``header``.
    """
    physical: list[str] = []
    for line in text.split("\n"):
        para = line.strip()
        if not para:
            continue
        if indent:
            para = IDEOGRAPHIC_SPACE * 2 + para
        physical.extend(para[i : i + width] for i in range(0, len(para), width))
    out: list[str] = []
    for page, start in enumerate(range(0, len(physical), page_lines), start=1):
        if page > 1:
            out.append(header)
        out.extend(physical[start : start + page_lines])
        out.append(f"- {page} -")
    return "\n".join(out)


def to_encoding(text: str, encoding: str) -> bytes:
    """Encode ``text`` as a file saved in ``encoding`` would be (``utf-16`` adds a BOM,
    ``utf-8-sig`` the UTF-8 BOM), with CRLF line endings for the UTF-16 (Notepad) case."""
    if encoding.lower().startswith("utf-16"):
        text = text.replace("\n", "\r\n")
    return text.encode(encoding)
