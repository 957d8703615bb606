"""Read the editable lexicon files in ``analysis/lexicons/`` and fingerprint them.

Every lexicon a researcher may edit is a plain UTF-8 text file in one folder, with a ``#``
comment header saying what it is for and its format. Two shapes exist:

* line lists (stopwords, the user dictionary): one entry per line, read with
  :func:`read_lexicon_lines`;
* tables (patterns, themes, indicators): tab-separated values whose first non-comment line
  is the header, read with :func:`read_lexicon_table`.

:func:`lexicon_hashes` gives the sha256 of every file so that a build can record exactly
which lexicons produced its tables. Nothing is read at import time.

What the modules make of a lexicon (a compiled pattern, a table of rules) is kept in memory by
:func:`lexicon_cache`, and forgotten as soon as any file in the folder changes: a researcher
who edits a lexicon and builds again in the same Python session (a notebook's kernel) gets
what a fresh process would, and the build cache is never filled with results of the old
lexicons under the new lexicons' key. A build reads the lexicons once, at its start, for
all of its reports (:func:`one_reading`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
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


# ------------------------------------------------------------------ in-memory caches
_CACHED: list[Callable] = []  # every function made by lexicon_cache, to clear together
_LOCK = threading.Lock()
_STATE: dict = {"stamp": None, "frozen": 0, "checked": float("-inf"), "hashes": None}
# Outside a build, a cached lexicon is checked against the files at most this often (a
# gazetteer look-up costs a fraction of a microsecond; a look at the folder some 40): an edit
# is seen by the first call made this long after the previous look. Code that edits a
# lexicon and reads it at once calls refresh() in between.
THROTTLE_S = 0.5


class LexiconsChanged(RuntimeError):
    """A lexicon file changed while a build was running."""


def _stamp() -> tuple:
    """What changes when a lexicon file is edited: each file's name, size and mtime (hidden
    files, such as an editor's swap file, left out, as lexicon_hashes leaves them out)."""
    directory = paths.LEXICON_DIR
    out = []
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return ()
    for name in names:
        if name.startswith("."):
            continue
        try:
            st = os.stat(os.path.join(directory, name))
        except OSError:
            continue
        out.append((name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def clear_caches() -> None:
    """Forget everything read from the lexicons (the next use reads the files again)."""
    for f in _CACHED:
        f.cache_clear()


def refresh() -> bool:
    """Forget what was read from the lexicons if a file in the folder has changed since the
    last look; True when it had. Cheap (one ``stat`` per file)."""
    stamp = _stamp()
    with _LOCK:
        _STATE["checked"] = time.monotonic()
        if stamp == _STATE["stamp"]:
            return False
        changed = _STATE["stamp"] is not None
        _STATE["stamp"] = stamp
        _STATE["hashes"] = None
    if changed:
        clear_caches()
    return changed


def current_stamp() -> tuple:
    """The folder's stamp: as it is now outside a build, as the build found it inside one
    (what the cached lexicons were read from)."""
    if not _STATE["frozen"] or _STATE["stamp"] is None:
        refresh()
    return _STATE["stamp"]


def check_unchanged(expect: tuple) -> None:
    """Raise :class:`LexiconsChanged` unless the folder, looked at now, has the stamp
    ``expect`` (a build's worker checks this before and after each report)."""
    if _stamp() != expect:
        raise LexiconsChanged(
            f"a file in {paths.LEXICON_DIR} changed while the build was running; nothing "
            "was written: run the build again"
        )


def reading_hashes() -> dict[str, str]:
    """:func:`lexicon_hashes` of the folder as the cached lexicons were read: computed once
    per stamp, so that a build records the lexicons its reports were processed with."""
    stamp = current_stamp()
    cached = _STATE["hashes"]
    if cached is None or cached[0] != stamp:
        cached = (stamp, lexicon_hashes())
        _STATE["hashes"] = cached
    return dict(cached[1])


@contextlib.contextmanager
def one_reading(expect: tuple | None = None) -> Iterator[None]:
    """Within this block, the lexicons are looked at once, on entry, and not again: a
    build's reports all see the same lexicons, and no report pays for a ``stat``.

    Args:
        expect: the stamp the block must find (a build's worker checks that the folder is
            still what the build started with, however the worker was started).

    Raises:
        LexiconsChanged: when the folder's stamp is not ``expect``.
    """
    if not _STATE["frozen"]:
        refresh()
    if expect is not None:
        check_unchanged(expect)  # the folder as it is now, also in a forked worker
    _STATE["frozen"] += 1
    try:
        yield
    finally:
        _STATE["frozen"] -= 1


def lexicon_cache(maxsize: int | None = 8) -> Callable[[Callable], Callable]:
    """``functools.lru_cache`` for what is made from the lexicon files: the cached result is
    dropped when a file in ``analysis/lexicons/`` changes (see :func:`refresh`; outside a
    build the folder is looked at most every ``THROTTLE_S`` seconds)."""

    def decorate(func: Callable) -> Callable:
        cached = functools.lru_cache(maxsize=maxsize)(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if not _STATE["frozen"] and time.monotonic() - _STATE["checked"] >= THROTTLE_S:
                refresh()
            return cached(*args, **kwargs)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        _CACHED.append(wrapper)
        return wrapper

    return decorate


def _first_items(seq: list) -> tuple[list[str], bool] | None:
    """Character-class items for the characters a parsed (``re._parser``) sequence can start
    with, and whether it can match empty; None when that is not simple to tell."""
    from re import _constants as c

    cats = {
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_NOT_DIGIT: r"\D",
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W",
    }
    out: list[str] = []
    for op, av in seq:
        if op is c.LITERAL:
            return [*out, re.escape(chr(av))], False
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    out.append(re.escape(chr(a)))
                elif o is c.RANGE:
                    out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                elif o is c.CATEGORY and a in cats:
                    out.append(cats[a])
                else:  # negated sets and the like
                    return None
            return out, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero width: look further
            continue
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # local flags (?i:...)
                return None
            sub = _first_items(av[3].data)
        elif op is c.BRANCH:
            items: list[str] = []
            empty = False
            for alt in av[1]:
                one = _first_items(alt.data)
                if one is None:
                    return None
                items += one[0]
                empty = empty or one[1]
            sub = items, empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub = _first_items(av[2].data)
            if sub is not None and av[0] == 0:
                sub = sub[0], True
        else:  # any character, group references, conditionals ...
            return None
        if sub is None:
            return None
        out += sub[0]
        if not sub[1]:
            return out, False
    return out, True


def guarded_pattern(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, led by a look-ahead on the characters a match can start with
    when they can be told from the pattern.

    A match can only start at such a character, so ``finditer`` and ``search`` find the same
    matches; but the engine rejects every other position with one class test instead of
    trying each branch of a long alternation (the indicator names, the number finder, the bureau names).
    """
    try:
        from re import _constants as c
        from re import _parser

        parsed = _parser.parse(pattern)
        first = None
        if not parsed.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_VERBOSE):
            first = _first_items(parsed.data)
        if first is not None and not first[1] and first[0]:
            return re.compile(f"(?=[{''.join(dict.fromkeys(first[0]))}])(?:{pattern})")
    except Exception:  # an internal parser that differs: go without the look-ahead
        pass
    return re.compile(pattern)
