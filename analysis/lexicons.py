"""Read the editable lexicon files in ``analysis/lexicons/`` and fingerprint them.

Every lexicon a researcher may edit is a plain UTF-8 text file in one folder, with a ``#``
comment header saying what it is for and its format. Two shapes exist:

* line lists (stopwords, the user dictionary): one entry per line, read with
  :func:`read_lexicon_lines`;
* tables (patterns, themes, indicators): tab-separated values whose first non-comment line
  is the header, read with :func:`read_lexicon_table`.

:func:`lexicon_hashes` gives the sha256 of every file so that a build can record exactly
which lexicons produced its tables. Nothing is read at import time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import paths

if TYPE_CHECKING:  # pandas loads on first use: a no-op build never imports it
    import pandas as pd

COMMENT = "#"


def _lexicon_path(name: str, lexicon_dir: Path | str | None) -> Path:
    directory = Path(lexicon_dir) if lexicon_dir is not None else paths.LEXICON_DIR
    path = directory / name
    if not path.is_file():
        raise FileNotFoundError(f"lexicon file not found: {path}")
    return path


def _content_lines(path: Path) -> list[str]:
    """Lines of ``path`` without comments and blank lines, right-stripped, BOM removed."""
    text = path.read_text(encoding="utf-8-sig")
    lines = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(COMMENT):
            continue
        lines.append(line.rstrip())
    return lines


def read_lexicon_lines(name: str, lexicon_dir: Path | str | None = None) -> list[str]:
    """Return the entries of a one-entry-per-line lexicon file, in file order.

    Lines whose first non-blank character is ``#`` are comments; blank lines are skipped;
    each entry is stripped of surrounding whitespace. A ``#`` later in a line is kept (it
    is part of the entry): only whole-line comments exist.

    Args:
        name: file name inside the lexicon folder, e.g. ``"stopwords_general.txt"``.
        lexicon_dir: folder to read from; defaults to ``analysis/lexicons/``.

    Returns:
        The entries as strings (duplicates kept, in file order).

    Raises:
        FileNotFoundError: if the file does not exist.
    """
    return [line.strip() for line in _content_lines(_lexicon_path(name, lexicon_dir))]


def read_lexicon_table(name: str, lexicon_dir: Path | str | None = None) -> pd.DataFrame:
    """Return a ``#``-commented tab-separated lexicon file as a DataFrame of strings.

    Comment lines (first non-blank character ``#``) and blank lines are dropped; the first
    remaining line is the header. Every cell is read as a string, stripped of surrounding
    spaces; empty cells are ``""`` (never NaN), so a pattern such as ``NA`` stays text.

    Args:
        name: file name inside the lexicon folder, e.g. ``"section_themes.tsv"``.
        lexicon_dir: folder to read from; defaults to ``analysis/lexicons/``.

    Returns:
        One row per data line, columns as named in the header, all of dtype ``str``.

    Raises:
        FileNotFoundError: if the file does not exist.
        ValueError: if the file has no header line or a row has more cells than the header.
    """
    import pandas as pd

    path = _lexicon_path(name, lexicon_dir)
    lines = _content_lines(path)
    if not lines:
        raise ValueError(f"{path}: no header line (the file holds only comments)")
    header = [h.strip() for h in lines[0].split("\t")]
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(header):
            raise ValueError(
                f"{path}: data line {i} has {len(cells)} tab-separated cells, "
                f"the header has {len(header)}: {line!r}"
            )
        rows.append(cells + [""] * (len(header) - len(cells)))
    return pd.DataFrame(rows, columns=header, dtype=object).astype(str)


def lexicon_hashes(lexicon_dir: Path | str | None = None) -> dict[str, str]:
    """Return ``{file name: sha256 hex digest}`` for every file in the lexicon folder.

    Hidden files (names starting with ``.``) and sub-folders are left out; names are sorted
    so the mapping is stable. Hashes are of the bytes on disk.

    Args:
        lexicon_dir: folder to fingerprint; defaults to ``analysis/lexicons/``.

    Returns:
        A dict ordered by file name.
    """
    directory = Path(lexicon_dir) if lexicon_dir is not None else paths.LEXICON_DIR
    hashes = {}
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        if path.is_file() and not path.name.startswith("."):
            hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes
