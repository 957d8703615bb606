"""Word segmentation of the sections into the ``tokens`` table, and an audit of it.

Segmentation is jieba's dictionary-based maximum-probability cut with **HMM off** (no
guessing of unknown words), over jieba's general dictionary plus the project's domain
dictionary ``analysis/lexicons/userdict.txt``. Two interchangeable backends run it:

* ``"rjieba"``: the Rust port (jieba-rs, via the ``rjieba`` binding); 15 to 20 times
  faster; the default (``"auto"``) when it is installed;
* ``"jieba"``: the Python reference implementation.

Both load the same dictionary the same way, and a test requires identical tokens on the
seed reports. One detail makes them agree: when a user term is already in the general
dictionary, jieba-rs replaces its frequency (total adjusted by new - old) while Python jieba
adds the new frequency to the total without removing the old one; the project's jieba
tokenizer subtracts the old frequency after ``add_word`` so that both use the same total.

The segmenters are private instances (a ``jieba.Tokenizer`` and an ``rjieba.Jieba``), never
jieba's global one: importing or using this module leaves ``jieba.lcut`` unchanged for
everyone else, and nobody else's ``jieba.add_word`` reaches us. Each is built once per
process, on first use (nothing is loaded at import time). jieba's prefix-dictionary cache
lives in ``.cache/jieba/`` inside the project.

Token rules (``tokenize_sections``):

* the text segmented is ``fold(section text)`` (same length: full-width letters, digits and
  punctuation as ASCII, odd spaces as ' '), so ``１２３４５热线`` and ``12345热线`` give the
  same token; ``token`` is that folded form, ``start`` its offset in the cleaned text;
* tokens without any letter or digit (punctuation, symbols, whitespace) are left out;
  words, numbers (``2024``, ``721``) and Latin strings (``LED``) are kept. HMM off means a
  decimal such as ``720183.79`` comes out as ``720183`` and ``79`` (the point is dropped):
  quantities belong to the ``metrics`` table, not here;
* ``pos`` is a dictionary look-up, the same for both backends: the user dictionary's tag,
  else jieba's general dictionary tag, else ``m`` for digit strings, ``eng`` for Latin
  letters/digits, ``x`` otherwise. This is what ``jieba.posseg`` gives with ``HMM=False``,
  except for digit strings inside Chinese text, which posseg tags ``eng`` (it tags numbers
  ``m`` elsewhere; rjieba tags them ``m``). It costs one dict look-up per token, where
  ``jieba.posseg`` would triple the segmentation time;
* ``stopword`` / ``formulaic`` flag tokens listed in ``stopwords_general.txt`` /
  ``stopwords_formulaic.txt``; nothing is deleted.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import warnings
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import metadata
from importlib.util import find_spec
from itertools import accumulate, compress
from typing import TYPE_CHECKING

from analysis import paths, schema
from analysis.lexicons import lexicon_cache
from analysis.normalize import fold

if TYPE_CHECKING:  # pandas and the lexicon reader load on first use (backend_info needs neither)
    import pandas as pd
    import pyarrow as pa

USERDICT = "userdict.txt"
STOPWORDS_GENERAL = "stopwords_general.txt"
STOPWORDS_FORMULAIC = "stopwords_formulaic.txt"
DEFAULT_FREQ = 3000  # weight of a user term written without a frequency
DEFAULT_POS = "nz"  # tag of a user term written without one
BACKENDS = ("auto", "rjieba", "jieba")

# jieba's re_han_default: the characters it keeps together in one block before the
# dictionary cut. A term with any other character can never be a single token.
_BLOCK_CHARS = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_HAN_ONLY = re.compile(r"[\u4E00-\u9FD5]+")
_DIGITS = re.compile(r"[0-9]+")
_ASCII_ALNUM = re.compile(r"[a-zA-Z0-9]+")

TOKEN_COLUMNS = list(schema.TOKENS.columns)


# ------------------------------------------------------------------ lexicons
def read_user_dictionary(name: str = USERDICT, lexicon_dir=None) -> pd.DataFrame:
    """Return the domain user dictionary as a table, one row per term.

    Lines are ``word [freq] [pos]`` (jieba's user-dictionary format) after the ``#``
    comment header. Words are folded (``normalize.fold``) as the text is. A word containing
    a character jieba never keeps inside one block (``、``, ``“``, a space...) cannot become
    one token: it is skipped with a warning. A word listed twice: the last line wins.

    Args:
        name: file name in the lexicon folder.
        lexicon_dir: folder to read from; defaults to ``analysis/lexicons/``.

    Returns:
        Columns ``word`` (str), ``freq`` (int), ``pos`` (str), in file order.
    """
    import pandas as pd

    from analysis.lexicons import read_lexicon_lines

    rows: dict[str, tuple[int, str]] = {}
    for line in read_lexicon_lines(name, lexicon_dir):
        fields = line.split()
        word = fold(fields[0])
        freq, pos = DEFAULT_FREQ, DEFAULT_POS
        rest = fields[1:]
        if rest and rest[0].isdigit():
            freq = int(rest[0])
            rest = rest[1:]
        if rest:
            pos = rest[0]
        if not _BLOCK_CHARS.fullmatch(word):
            warnings.warn(
                f"{name}: {word!r} contains a character the segmenter never keeps in one "
                "token (only CJK, ASCII letters/digits and + # & . _ % -); skipped",
                stacklevel=2,
            )
            continue
        rows.pop(word, None)
        rows[word] = (freq, pos)
    return pd.DataFrame(
        {
            "word": pd.Series(list(rows), dtype=str),
            "freq": pd.Series([f for f, _ in rows.values()], dtype="int64"),
            "pos": pd.Series([p for _, p in rows.values()], dtype=str),
        }
    )


@lexicon_cache(maxsize=1)
def _user_entries() -> tuple[tuple[str, int, str], ...]:
    table = read_user_dictionary()
    return tuple(zip(table["word"], table["freq"].tolist(), table["pos"], strict=True))


@lexicon_cache(maxsize=1)
def _flag_sets() -> tuple[frozenset[str], frozenset[str]]:
    from analysis.lexicons import read_lexicon_lines

    general = frozenset(fold(w) for w in read_lexicon_lines(STOPWORDS_GENERAL))
    formulaic = frozenset(fold(w) for w in read_lexicon_lines(STOPWORDS_FORMULAIC))
    return general, formulaic


@lexicon_cache(maxsize=1)
def _pos_table() -> dict[str, str]:
    """word -> tag: jieba's general dictionary, overridden by the user dictionary."""
    table = dict(_general_pos_table())
    for word, _freq, pos in _user_entries():
        table[word] = pos
    return table


def _general_pos_table() -> dict[str, str]:
    """word -> tag of jieba's general dictionary (``dict.txt``).

    Parsing its 350,000 lines takes a noticeable part of a small rebuild, so the result is
    kept in ``.cache/jieba/`` under the hash of the file's bytes and read from there when the
    file is unchanged (any problem with that copy: parse again).
    """
    import hashlib
    import pickle
    from pathlib import Path

    spec = find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt" if spec and spec.origin else None
    if path is None or not path.is_file():
        import jieba

        with jieba.get_dict_file() as f:  # opened in binary mode
            data = f.read()
    else:
        data = path.read_bytes()
    cached = paths.CACHE_DIR / "jieba" / f"pos-{hashlib.sha256(data).hexdigest()[:24]}.pkl"
    try:
        with open(cached, "rb") as f:
            table = pickle.load(f)
        if isinstance(table, dict):
            return table
    except Exception:  # missing or damaged: parse the dictionary
        pass
    table = {}
    for raw in data.split(b"\n"):  # the lines a binary file iterates over
        parts = raw.decode("utf-8").split()
        if len(parts) >= 3:
            table[parts[0]] = parts[2]
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:  # read-only install: parse every time
        pass
    return table


def clear_caches() -> None:
    """Forget the loaded segmenters and their lexicons (a benchmark's cold start; an edited
    lexicon is read again without this, see :func:`analysis.lexicons.lexicon_cache`)."""
    for f in (
        _user_entries,
        _flag_sets,
        _pos_table,
        _piece_classes,
        _jieba_tokenizer,
        _rjieba_tokenizer,
    ):
        f.cache_clear()


# ------------------------------------------------------------------ backends
@lexicon_cache(maxsize=1)
def _jieba_tokenizer():
    """The project's own jieba.Tokenizer: general dictionary + user dictionary, built once."""
    import jieba

    tokenizer = jieba.Tokenizer()  # jieba's default dictionary, not the global instance
    cache_dir = paths.CACHE_DIR / "jieba"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if os.access(cache_dir, os.W_OK):
            tokenizer.tmp_dir = str(cache_dir)
            tokenizer.cache_file = "jieba.cache"
    except OSError:  # read-only install: fall back to jieba's temp-dir cache
        pass
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)  # silence "Building prefix dict..." on stderr
    try:
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    for word, freq, pos in _user_entries():
        old = tokenizer.FREQ.get(word, 0)
        tokenizer.add_word(word, freq, pos)
        tokenizer.total -= old  # replace, as jieba-rs does, instead of adding twice
    return tokenizer


@lexicon_cache(maxsize=1)
def _rjieba_tokenizer():
    """The project's own rjieba.Jieba: general dictionary + user dictionary, built once."""
    import rjieba

    segmenter = rjieba.Jieba()
    for word, freq, pos in _user_entries():
        segmenter.add_word(word, freq, pos)
    return segmenter


def resolve_backend(backend: str = "auto") -> str:
    """Return the backend that ``backend`` stands for: ``"rjieba"`` or ``"jieba"``.

    ``"auto"`` is rjieba when the package is installed, else jieba.

    Raises:
        ValueError: for a name other than ``auto``, ``rjieba``, ``jieba``.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown segmentation backend {backend!r}; use one of {BACKENDS}")
    if backend == "auto":
        return "rjieba" if find_spec("rjieba") is not None else "jieba"
    return backend


def backend_info(backend: str = "auto") -> dict:
    """Describe the segmenter a build used, for ``build_info.json``. Loads nothing.

    Args:
        backend: ``"auto"``, ``"rjieba"`` or ``"jieba"``.

    Returns:
        ``{"name", "version", "hmm", "dictionary"}``: the resolved backend, its package
        version, ``False`` (HMM is always off) and the dictionaries used.
    """
    name = resolve_backend(backend)
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:  # pragma: no cover - installed without metadata
        version = ""
    return {
        "name": name,
        "version": version,
        "hmm": False,
        "dictionary": f"jieba {metadata.version('jieba')} dict.txt + lexicons/{USERDICT}",
    }


def segment(text: str, backend: str = "auto") -> list[str]:
    """Cut ``text`` into words with the project's dictionary, HMM off.

    The text is cut as given (``tokenize_sections`` folds it first). Every character is in
    exactly one piece: ``"".join(segment(t)) == t``; punctuation and each whitespace
    character come out as pieces of their own.

    Args:
        text: any string.
        backend: ``"auto"`` (rjieba if installed), ``"rjieba"`` or ``"jieba"``.

    Returns:
        The pieces in order.
    """
    name = resolve_backend(backend)
    if not text:
        return []
    if name == "rjieba":
        return list(_rjieba_tokenizer().cut(text, hmm=False))
    return _jieba_tokenizer().lcut(text, HMM=False)


def segment_spans(text: str, backend: str = "auto") -> list[tuple[str, int]]:
    """Like :func:`segment`, with each piece's start offset in ``text``.

    Returns:
        ``[(piece, start), ...]`` with ``text[start:start + len(piece)] == piece``.

    Raises:
        RuntimeError: if the backend's pieces do not add up to the text (never seen).
    """
    pieces = segment(text, backend)
    spans, offset = [], 0
    for piece in pieces:
        spans.append((piece, offset))
        offset += len(piece)
    if offset != len(text) or "".join(pieces) != text:
        raise RuntimeError(f"segmenter {resolve_backend(backend)!r} lost or added characters")
    return spans


# ------------------------------------------------------------------ tokens table
def _is_word(piece: str) -> bool:
    """True when the piece holds a letter or digit of any script (CJK counts as letters)."""
    return any(ch.isalnum() for ch in piece)


def _pos_of(token: str, table: dict[str, str]) -> str:
    tag = table.get(token)
    if tag:
        return tag
    if _DIGITS.fullmatch(token):
        return "m"
    if _ASCII_ALNUM.fullmatch(token):
        return "eng"
    return "x"


_TOKEN_DTYPES = {
    "report_id": str,
    "section_id": str,
    "position": "int64",
    "start": "int64",
    "token": str,
    "pos": str,
    "stopword": bool,
    "formulaic": bool,
}


def _empty_tokens() -> pd.DataFrame:
    return tokens_frame({c: [] for c in TOKEN_COLUMNS})


def tokens_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Build the ``tokens`` table from the column lists of :func:`token_columns`, once.

    Args:
        columns: ``{column: list}`` for every column of ``schema.TOKENS``.

    Returns:
        The table with ``schema.TOKENS`` columns in order and their dtypes (str, int64,
        bool).
    """
    import pandas as pd

    return pd.DataFrame({c: pd.Series(columns[c], dtype=_TOKEN_DTYPES[c]) for c in TOKEN_COLUMNS})


_UNSEEN = object()  # a piece not classified yet


@lexicon_cache(maxsize=1)
def _piece_classes() -> dict[str, tuple[str, bool, bool] | None]:
    """piece -> (pos, stopword, formulaic), or None when it is not a word; filled on use."""
    return {}


def token_columns(
    report_ids: Iterable,
    section_ids: Iterable,
    starts: Iterable,
    texts: Iterable,
    backend: str = "auto",
    *,
    folded: list[str] | None = None,
) -> dict[str, list]:
    """The ``tokens`` table as plain column lists (what :func:`tokenize_sections` returns).

    The fast path of the build: no pandas inside, one dictionary look-up per token (each
    distinct piece is classified once per process: word or not, ``pos``, flags).

    Args:
        report_ids, section_ids, starts, texts: one item per section, in order.
        backend: ``"auto"``, ``"rjieba"`` or ``"jieba"``.
        folded: ``fold(text)`` of every section when the caller has it already.

    Returns:
        ``{column: list}`` for every column of ``schema.TOKENS``, rows in section order.

    Raises:
        RuntimeError: if the backend's pieces do not add up to a section's text.
    """
    out_rid: list[str] = []
    out_sid: list[str] = []
    out_position: list[int] = []
    out_start: list[int] = []
    out_token: list[str] = []
    out_pos: list[str] = []
    out_stop: list[bool] = []
    out_form: list[bool] = []
    for report_id, section_id, start, pieces in _cut_sections(
        report_ids, section_ids, starts, texts, backend, folded
    ):
        infos = _classify(pieces)
        # a piece's offset is the section start plus the lengths of the pieces before it
        offsets = accumulate(map(len, pieces), initial=int(start))
        kept = list(compress(infos, infos))  # None (not a word) is dropped
        n = len(kept)
        if not n:
            continue
        out_token.extend(compress(pieces, infos))
        out_start.extend(compress(offsets, infos))
        out_pos.extend([c[0] for c in kept])
        out_stop.extend([c[1] for c in kept])
        out_form.extend([c[2] for c in kept])
        out_rid.extend([str(report_id)] * n)
        out_sid.extend([str(section_id)] * n)
        out_position.extend(range(n))
    return {
        "report_id": out_rid,
        "section_id": out_sid,
        "position": out_position,
        "start": out_start,
        "token": out_token,
        "pos": out_pos,
        "stopword": out_stop,
        "formulaic": out_form,
    }


def _cutter(name: str):
    if name == "rjieba":
        return functools.partial(_rjieba_tokenizer().cut, hmm=False)
    return functools.partial(_jieba_tokenizer().lcut, HMM=False)


def _cut_sections(
    report_ids: Iterable,
    section_ids: Iterable,
    starts: Iterable,
    texts: Iterable,
    backend: str,
    folded: list[str] | None,
) -> Iterator[tuple[object, object, object, list[str]]]:
    """(report_id, section_id, start, pieces) of every section with text, in order.

    The pieces cut ``fold(text)`` (or ``folded[k]``) and add up to it exactly.

    Raises:
        RuntimeError: if the backend's pieces do not add up to a section's text.
    """
    name = resolve_backend(backend)
    cut = _cutter(name)
    for k, (report_id, section_id, start, text) in enumerate(
        zip(report_ids, section_ids, starts, texts, strict=True)
    ):
        if not isinstance(text, str):
            import pandas as pd

            text = "" if pd.isna(text) else str(text)
        if not text:
            continue
        f = folded[k] if folded is not None else fold(text)
        pieces = cut(f)
        if "".join(pieces) != f:
            raise RuntimeError(f"segmenter {name!r} lost or added characters")
        yield report_id, section_id, start, pieces


def _classify(pieces: list[str]) -> list[tuple[str, bool, bool] | None]:
    """(pos, stopword, formulaic) of each piece, None when it is not a word (cached)."""
    classes = _piece_classes()
    infos = [classes.get(piece, _UNSEEN) for piece in pieces]
    if _UNSEEN in infos:
        general, formulaic = _flag_sets()
        pos_table = _pos_table()
        for j, piece in enumerate(pieces):
            if infos[j] is _UNSEEN:
                infos[j] = classes[piece] = (
                    (_pos_of(piece, pos_table), piece in general, piece in formulaic)
                    if _is_word(piece)
                    else None
                )
    return infos


def token_batch(
    report_ids: Iterable,
    section_ids: Iterable,
    starts: Iterable,
    texts: Iterable,
    backend: str = "auto",
    *,
    folded: list[str] | None = None,
    arrow_schema: pa.Schema,
) -> pa.RecordBatch:
    """The rows of :func:`token_columns`, as one ``pyarrow.RecordBatch`` (what the build keeps).

    Same rows and values; the per-token work is done by Arrow and numpy: the pieces of all
    sections are classified once per distinct piece, and offsets and positions are
    cumulative sums.

    Args:
        report_ids, section_ids, starts, texts, backend, folded: as for :func:`token_columns`.
        arrow_schema: the batch's schema (the build's, ``build._arrow_schema("tokens")``).

    Raises:
        RuntimeError: if the backend's pieces do not add up to a section's text.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    pieces: list[str] = []
    counts: list[int] = []
    sec_rids: list[str] = []
    sec_sids: list[str] = []
    sec_starts: list[int] = []
    for report_id, section_id, start, cuts in _cut_sections(
        report_ids, section_ids, starts, texts, backend, folded
    ):
        pieces.extend(cuts)
        counts.append(len(cuts))
        sec_rids.append(str(report_id))
        sec_sids.append(str(section_id))
        sec_starts.append(int(start))
    if not pieces:
        return pa.RecordBatch.from_pydict({c: [] for c in arrow_schema.names}, schema=arrow_schema)
    arr = pa.array(pieces, type=pa.large_string())
    encoded = pc.dictionary_encode(arr)
    distinct = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    infos = _classify(distinct)
    is_word = np.fromiter((i is not None for i in infos), dtype=bool, count=len(infos))
    keep = is_word[codes]
    # the section of each piece, its offset (section start + the lengths of the pieces
    # before it in its section) and, for kept pieces, its rank among its section's words
    n_sec = len(counts)
    section = np.repeat(np.arange(n_sec), counts)
    lengths = pc.utf8_length(arr).to_numpy(zero_copy_only=False).astype(np.int64)
    before = np.cumsum(lengths) - lengths
    first = np.cumsum(counts) - np.asarray(counts)
    offsets = before - before[first][section] + np.asarray(sec_starts, dtype=np.int64)[section]
    kept_section = section[keep]
    per_section = np.bincount(kept_section, minlength=n_sec)
    kept_first = np.cumsum(per_section) - per_section
    position = np.arange(len(kept_section), dtype=np.int64) - kept_first[kept_section]
    kept_codes = codes[keep]
    words = [i if i is not None else ("", False, False) for i in infos]
    pos = pa.array([w[0] for w in words], type=pa.large_string()).take(kept_codes)
    stop = np.fromiter((w[1] for w in words), dtype=bool, count=len(words))[kept_codes]
    form = np.fromiter((w[2] for w in words), dtype=bool, count=len(words))[kept_codes]
    take = pa.array(kept_section)
    columns = {
        "report_id": pa.array(sec_rids, type=pa.large_string()).take(take),
        "section_id": pa.array(sec_sids, type=pa.large_string()).take(take),
        "position": pa.array(position),
        "start": pa.array(offsets[keep]),
        "token": arr.filter(pa.array(keep)),
        "pos": pos,
        "stopword": pa.array(stop),
        "formulaic": pa.array(form),
    }
    return pa.RecordBatch.from_arrays(
        [columns[f.name].cast(f.type) for f in arrow_schema], schema=arrow_schema
    )


def tokenize_sections(sections: pd.DataFrame, backend: str = "auto") -> pd.DataFrame:
    """Segment every section into the ``tokens`` table (one row per word token, in order).

    Args:
        sections: one row per section with at least ``report_id``, ``section_id``,
            ``start`` (offset of the section in the cleaned text) and ``text``.
        backend: ``"auto"``, ``"rjieba"`` or ``"jieba"`` (identical tokens).

    Returns:
        Exactly ``schema.TOKENS`` columns: ``report_id``, ``section_id``, ``position``
        (0-based within the section, counting kept tokens only), ``start`` (section start +
        offset in the section), ``token`` (folded form of ``text[start:start+len]``),
        ``pos``, ``stopword``, ``formulaic``. Rows follow the sections' order. Whitespace,
        punctuation and symbol-only pieces are left out; numbers and Latin words are kept.
    """
    missing = {"report_id", "section_id", "start", "text"} - set(sections.columns)
    if missing:
        raise KeyError(f"sections lacks column(s) {sorted(missing)}")
    if sections.empty:
        return _empty_tokens()
    return tokens_frame(
        token_columns(
            sections["report_id"].tolist(),
            sections["section_id"].tolist(),
            sections["start"].tolist(),
            sections["text"].tolist(),
            backend,
        )
    )


# ------------------------------------------------------------------ audit
AUDIT_COLUMNS = ["report_id", "kind", "phrase", "n", "n_total", "pieces"]


def _find_all(text: str, phrase: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``phrase`` in ``text``."""
    found, i = [], text.find(phrase)
    while i >= 0:
        found.append(i)
        i = text.find(phrase, i + len(phrase))
    return found


def audit_segmentation(
    sections: pd.DataFrame,
    tokens: pd.DataFrame,
    terms: Iterable[str] | None = None,
    min_count: int = 3,
    min_length: int = 3,
    max_length: int = 6,
) -> pd.DataFrame:
    """List, per report, what the segmenter splits that a researcher may want to keep whole.

    Two kinds of rows:

    * ``dictionary_term_split``: a dictionary term occurs in the text but at least one
      occurrence is neither one token nor inside one longer token (e.g. it lost against an
      overlapping word). ``n`` counts those occurrences, ``n_total`` all occurrences.
    * ``frequent_phrase_split``: a run of 2+ adjacent Chinese-only tokens, ``min_length`` to
      ``max_length`` characters long, occurring at least ``min_count`` times in the report
      and always split into pieces (never one token, never straddling a token edge), with
      no general stopword among its pieces and not made only of formulaic words. A phrase
      is left out when a longer listed phrase of the same report contains it and occurs as
      often (it is only ever part of that phrase). ``n == n_total``.

    ``pieces`` shows the most frequent split, pieces joined by ``" / "``.

    Args:
        sections: the sections table (``report_id``, ``section_id``, ``start``, ``text``).
        tokens: the tokens table made from those sections.
        terms: dictionary terms to check; defaults to the user dictionary's words.
        min_count: fewest occurrences of a frequent phrase.
        min_length: shortest frequent phrase, in characters.
        max_length: longest frequent phrase, in characters.

    Returns:
        Columns ``report_id``, ``kind``, ``phrase``, ``n``, ``n_total``, ``pieces``; sorted
        by report, kind, ``n`` descending, phrase.
    """
    import pandas as pd

    term_list = sorted(
        {fold(t) for t in (terms if terms is not None else read_user_dictionary()["word"])}
    )
    by_section: dict[tuple[str, str], list[tuple[int, int, str, bool, bool]]] = defaultdict(list)
    for rid, sid, start, tok, stop, form in zip(
        tokens["report_id"],
        tokens["section_id"],
        tokens["start"],
        tokens["token"],
        tokens["stopword"],
        tokens["formulaic"],
        strict=True,
    ):
        by_section[(str(rid), str(sid))].append(
            (int(start), int(start) + len(tok), tok, bool(stop), bool(form))
        )

    rows: list[dict] = []
    reports = dict.fromkeys(str(r) for r in sections["report_id"])
    for report_id in reports:
        part = sections[sections["report_id"].astype(str) == report_id]
        texts = []  # (folded text, section start, token list sorted by start)
        for sid, start, text in zip(part["section_id"], part["start"], part["text"], strict=True):
            toks = sorted(by_section.get((report_id, str(sid)), []))
            texts.append((fold("" if pd.isna(text) else str(text)), int(start), toks))

        # dictionary terms split
        split_n: Counter[str] = Counter()
        total_n: Counter[str] = Counter()
        split_pieces: dict[str, Counter[str]] = defaultdict(Counter)
        for text, sec_start, toks in texts:
            starts = [t[0] for t in toks]
            for term in term_list:
                hits = _find_all(text, term)
                if not hits:
                    continue
                for local in hits:
                    s, e = sec_start + local, sec_start + local + len(term)
                    total_n[term] += 1
                    # tokens overlapping [s, e): from the last one starting at or before s
                    first = max(bisect_right(starts, s) - 1, 0)
                    covering = []
                    for t in toks[first:]:
                        if t[0] >= e:
                            break
                        if t[1] > s:
                            covering.append(t)
                    if any(t[0] <= s and t[1] >= e for t in covering):
                        continue  # one token, or inside a longer one
                    split_n[term] += 1
                    split_pieces[term][" / ".join(t[2] for t in covering)] += 1
        for term, n in split_n.items():
            rows.append(
                {
                    "report_id": report_id,
                    "kind": "dictionary_term_split",
                    "phrase": term,
                    "n": n,
                    "n_total": total_n[term],
                    "pieces": split_pieces[term].most_common(1)[0][0],
                }
            )

        # frequent phrases always split
        aligned: Counter[str] = Counter()
        phrase_pieces: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        phrase_flags: dict[tuple[str, ...], tuple[bool, bool]] = {}
        for _text, _sec_start, toks in texts:
            for i, first in enumerate(toks):
                if not _HAN_ONLY.fullmatch(first[2]):
                    continue
                run = [first]
                for nxt in toks[i + 1 :]:
                    if nxt[0] != run[-1][1] or not _HAN_ONLY.fullmatch(nxt[2]):
                        break
                    run.append(nxt)
                    phrase = "".join(t[2] for t in run)
                    if len(phrase) > max_length:
                        break
                    if len(phrase) >= min_length:
                        key = tuple(t[2] for t in run)
                        aligned[phrase] += 1
                        phrase_pieces[phrase][key] += 1
                        phrase_flags[key] = (
                            any(t[3] for t in run),
                            all(t[4] for t in run),
                        )
        kept: dict[str, int] = {}
        for phrase, n in aligned.items():
            if n < min_count:
                continue
            total = sum(len(_find_all(text, phrase)) for text, _s, _t in texts)
            if total > n:
                continue  # some occurrence is one token or straddles a token edge
            if any(any(phrase_flags[k]) for k in phrase_pieces[phrase]):
                continue  # a stopword piece, or only formulaic words
            kept[phrase] = n
        for phrase, n in kept.items():
            if any(phrase != other and phrase in other and n == m for other, m in kept.items()):
                continue
            rows.append(
                {
                    "report_id": report_id,
                    "kind": "frequent_phrase_split",
                    "phrase": phrase,
                    "n": n,
                    "n_total": n,
                    "pieces": " / ".join(phrase_pieces[phrase].most_common(1)[0][0]),
                }
            )

    out = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    if out.empty:
        return out.astype(
            {
                "report_id": str,
                "kind": str,
                "phrase": str,
                "pieces": str,
                "n": "int64",
                "n_total": "int64",
            }
        )
    out = out.astype({"n": "int64", "n_total": "int64"})
    out = out.sort_values(
        ["report_id", "kind", "n", "phrase"], ascending=[True, True, False, True], kind="stable"
    )
    return out.reset_index(drop=True)
