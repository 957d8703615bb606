"""Read a raw report file into text, whatever its encoding.

Reports arrive as UTF-8 (with or without a byte-order mark), GB18030/GBK (the usual
encoding of Chinese Windows tools), or UTF-16 with a byte-order mark (Windows Notepad's
"Unicode"). :func:`read_report` detects which, decodes strictly, normalizes line endings
and returns the text otherwise unchanged; a file it cannot read raises
:class:`ReportReadError`, whose message names the file and says how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

__all__ = ["ReportReadError", "decode_report_bytes", "read_report"]

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

_FIX = "re-save it as UTF-8 (e.g. in a text editor: Save As, encoding UTF-8) and try again"


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


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausible_chinese(text: str) -> str | None:
    """Return why ``text`` is not plausible report text, or None if it is."""
    if _CONTROL.search(text):
        return "the decoded text contains control characters"
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return None
    cjk = len(_CJK.findall(text))
    if cjk < max(1, 0.2 * len(visible)):
        return f"only {cjk} of {len(visible)} visible characters are Chinese"
    # Wrongly decoded bytes produce characters from scattered blocks (Hangul, Yi, private
    # use, unassigned); real Chinese text stays within CJK, punctuation and ASCII.
    odd = sum(
        1
        for c in visible
        if ord(c) > 0x7F
        and not _CJK.match(c)
        and unicodedata.category(c) in ("Co", "Cn", "Lo")
        and not ("\u3000" <= c <= "\u303f")
    )
    if odd > 0.05 * len(visible):
        return f"{odd} characters outside Chinese script"
    return None


def decode_report_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a report; see :func:`read_report` for the rules.

    Args:
        data: the raw file content.
        path: the file the bytes came from, used in error messages.

    Returns:
        ``(text, encoding)``: the text with ``\\n`` line endings and no byte-order mark,
        and the codec name it was decoded with (``utf-8``, ``utf-8-sig``, ``gb18030``,
        ``utf-16-le``, ``utf-16-be``, ``utf-32-le`` or ``utf-32-be``).

    Raises:
        ReportReadError: empty or whitespace-only content, or bytes that are neither
            valid UTF-8, plausible GB18030, nor text with a byte-order mark.
    """
    if not data.strip():
        raise ReportReadError(path, "the file is empty (no text to analyse); remove it")
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
            elif not _CJK.search(text) and re.search(r"[^\x00-\x7f]", text):
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
            why = _plausible_chinese(candidate)
            if why is None:
                text, encoding = candidate, "gb18030"
            else:
                reason += f", and read as GB18030 it is not plausible Chinese text ({why})"
        if text is None:
            raise ReportReadError(path, f"cannot tell the file's encoding: {reason}; {_FIX}")
    text = _normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ReportReadError(path, "the file has no text, only whitespace; remove it")
    return text, encoding


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
    Line endings ``\\r\\n`` and ``\\r`` become ``\\n``; the byte-order mark is dropped;
    nothing else is changed.

    Args:
        path: the report file.

    Returns:
        ``(text, encoding)``, e.g. ``("一、……\\n", "gb18030")``.

    Raises:
        ReportReadError: the file is empty, whitespace-only, unreadable, or in an
            encoding that cannot be determined. The message names the file and says
            what to do (re-save it as UTF-8).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportReadError(path, f"cannot open the file ({err.strerror or err})") from None
    return decode_report_bytes(data, path)
