"""Build the tidy tables from the raw reports (``analysis build``).

raw reports + manifest (data/raw/) -> reports, cleaning, sections, metrics, indicators and
tokens tables in data/processed/ (Parquet and CSV with BOM), plus ``build_info.json``: what
the tables were made from (content hashes of every input and lexicon, package and
segmenter versions, warnings). No timestamps: two builds of the same inputs are
byte-identical.

Steps, per report: read (encoding detected) -> clean (web chrome and PDF artefacts removed
and recorded) -> infer metadata (manifest wins) -> split sections -> extract metrics ->
tokenize. Then, for the corpus: apply reviewed corrections (data/corrections.csv), derive
indicators, validate every table (columns, keys, the lossless invariant) and only then
replace data/processed/ in one swap, so a failed build leaves the previous outputs untouched.

All per-report work is cached under .cache/build/, in two stages: (1) read + clean +
metadata, keyed by the hash of the file's bytes, its manifest row, the lexicons and the code;
(2) sections + metrics + tokens + the report's indicators, keyed by the cleaned text, the
report id, the lexicons, the segmenter and the code. A rebuild with nothing changed is
skipped outright, and adding a report processes only that report; only report ids (slug
collisions) and corrections are decided for the whole corpus. Entries are LZ4-compressed
pickles in one folder per stage and fingerprint (a "generation"); after a build, only the
current generation and the one used before it are kept (:func:`prune_cache`), so the cache
does not grow with every edit of a lexicon or of the code.

Speed and memory: per-report functions work on plain lists and return Arrow record
batches; each table is built once, column-wise, at the end (no per-row pandas access, no
per-report boolean masks: every corpus-level step is linear). Indicators are derived per
report in stage 2 (a corrected report's are derived again from its corrected metrics), so
the corpus step only joins them. CSV is formatted byte-identically to
``DataFrame.to_csv``: by pyarrow for big parts (:func:`write_csv`) and by the csv module for
parts of a few hundred rows; each report's sections, metrics and tokens rows are formatted
once, in stage 2, and cached, so writing those CSV files is a concatenation. Sections and
metrics go to Parquet straight from Arrow (with the metadata pandas would add). The tokens
table, most of the data, is never held whole: its cache entries are separate files, read
back report by report as the workers deliver them (a thread of the main process writes them
while the workers go on; their unique-key check was done in stage 2) and written in Parquet
row groups of the size ``to_parquet`` uses, compressed on a background thread while the CSV
rows are written. Every file is byte-identical to the pandas writers' output. ``jobs``
worker processes share the per-report work; by default 2 when more than
``AUTO_JOBS_MIN_REPORTS`` reports need processing on a machine with 2+ cores. The output is the same whatever the cache or jobs.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import __version__, paths, schema

if TYPE_CHECKING:  # pandas and pyarrow load lazily: a no-op build never imports them
    import pandas as pd
    import pyarrow as pa

CACHE_FORMAT = 7
# The modules whose code decides the cached results: editing one invalidates the cache.
PIPELINE_MODULES = (
    "build",
    "cleaning",
    "docx_text",
    "gazetteer",
    "lexicons",
    "manifest",
    "metadata",
    "metrics",
    "normalize",
    "numbers",
    "paths",
    "reading",
    "schema",
    "sections",
    "tokens",
)
# More than this many reports to process (not cached) and jobs=None: use 2 worker processes.
AUTO_JOBS_MIN_REPORTS = 50
# A report needs at least this many Chinese characters left after cleaning (the shortest of the
# 400 reports the tool is tested on has 878): fewer means the file is a page's chrome (a page
# saved before its body loaded) or a title, and every per-1,000-character figure would be noise.
MIN_REPORT_CHINESE = 100
# runs of Chinese characters: counting their lengths is four times faster than one match each
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


# --------------------------------------------------------------------------- corpus (stage 1)
@dataclass
class Corpus:
    """The corpus after reading, cleaning and metadata: one entry per report."""

    reports: pd.DataFrame
    texts: dict[str, str]
    cleaning: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    cache_generation: str | None = None  # the stage-1 cache folder the reports were read from


def _sha256_bytes(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def _code_hash() -> str:
    h = hashlib.sha256()
    for name in PIPELINE_MODULES:
        path = paths.PACKAGE_DIR / f"{name}.py"
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return h.hexdigest()


def _read_fingerprint() -> str:
    """What stage 1 (read, clean, metadata) depends on besides the file and its manifest row."""
    from importlib import metadata

    from analysis.lexicons import reading_hashes

    versions = {}
    for pkg in ("cpca", "pypinyin", "opencc"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = ""
    info = {
        "stage": "read",
        "format": CACHE_FORMAT,
        "version": __version__,
        "code": _code_hash(),
        "lexicons": reading_hashes(),
        "packages": versions,
    }
    return _sha256_bytes(json.dumps(info, sort_keys=True, ensure_ascii=False).encode())


def _cache_path(cache_dir: str, key: str, suffix: str = ".pkl") -> str:
    """Where a cache entry lives (a plain string: thousands are made per build)."""
    return os.path.join(cache_dir, key[:2], key + suffix)


# The cache is kept in generations: one folder per stage and fingerprint (code, lexicons,
# versions). A build uses the current generation of each stage; afterwards it deletes every
# other generation but the last one used before (so undoing an edit costs nothing).
_GENERATION_RE = re.compile(r"(read|process)-[0-9a-f]{16}")
# What the cache held before generations (format 5): two-hex folders of <sha256>[.tokens].pkl
_LEGACY_DIR_RE = re.compile(r"[0-9a-f]{2}")
_LEGACY_ENTRY_RE = re.compile(r"[0-9a-f]{64}(\.tokens)?\.pkl(\.tmp\d+)?")
# An entry starts with these 4 bytes, its pickle's size and the pickle's crc32 when it is
# LZ4-compressed (a damaged entry is recomputed, never trusted).
_LZ4_MAGIC = b"AZ5\0"


def _generation(cache_dir: str | None, stage: str, fingerprint: str) -> str | None:
    """The folder of one stage's current generation (None without a cache)."""
    return os.path.join(cache_dir, f"{stage}-{fingerprint[:16]}") if cache_dir else None


def _read_key(fingerprint: str, sha: str, row: dict[str, str]) -> str:
    """Stage 1's cache key: the fingerprint, the file's sha256 and its manifest row."""
    return _sha256_bytes(
        json.dumps([fingerprint, sha, row], sort_keys=True, ensure_ascii=False).encode()
    )


def prune_cache(cache_dir: Path | str, current: list[str]) -> list[str]:
    """Delete what the cache holds beyond the ``current`` generation folders.

    For each stage, the current generation and the most recently used other one are kept;
    older generations and entries in the format before generations are deleted. Nothing
    that does not look like a cache entry is touched. Returns the names deleted.
    """
    cache_dir = str(cache_dir)
    try:
        names = sorted(os.listdir(cache_dir))
    except OSError:
        return []
    keep = {os.path.basename(c) for c in current}
    older: dict[str, list[tuple[float, str]]] = {}
    deleted = []
    for name in names:
        path = os.path.join(cache_dir, name)
        try:
            if _GENERATION_RE.fullmatch(name) and name not in keep and os.path.isdir(path):
                older.setdefault(name.split("-")[0], []).append((os.path.getmtime(path), name))
            elif _LEGACY_DIR_RE.fullmatch(name) and os.path.isdir(path):
                removed = 0
                for entry in os.listdir(path):
                    if _LEGACY_ENTRY_RE.fullmatch(entry):
                        with contextlib.suppress(FileNotFoundError):  # another build's prune
                            os.remove(os.path.join(path, entry))
                        removed += 1
                if removed and not os.listdir(path):  # only folders that held entries
                    os.rmdir(path)
                    deleted.append(name)
        except FileNotFoundError:  # gone meanwhile (another build pruned it)
            continue
    for gens in older.values():
        for _, name in sorted(gens)[:-1]:  # all but the most recently used
            shutil.rmtree(os.path.join(cache_dir, name), ignore_errors=True)
            deleted.append(name)
    return sorted(deleted)


def _read_entry(path: str):
    """The value pickled at ``path`` by :func:`_write_entry`; None when missing or damaged."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] == _LZ4_MAGIC:
            size = int.from_bytes(data[4:12], "little")
            crc = int.from_bytes(data[12:16], "little")
            data = _codec().decompress(memoryview(data)[16:], size, asbytes=True)
            if zlib.crc32(data) != crc:
                return None
        return pickle.loads(data)
    except Exception:  # missing, or damaged: recomputed, never trusted
        return None


def _cache_get(cache_dir: str, key: str):
    return _read_entry(_cache_path(cache_dir, key))


@functools.cache
def _codec():
    """The cache entries' compression (LZ4, part of every pyarrow wheel), or None."""
    import pyarrow as pa

    return pa.Codec("lz4") if pa.Codec.is_available("lz4") else None


def _open_new(path: str):
    """``open(path, "wb")``, making its folder only when it is missing (most are there)."""
    try:
        return open(path, "wb")
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return open(path, "wb")


def _write_entry(path: str, value) -> None:
    """Pickle ``value`` to ``path`` in one step (a temporary file renamed).

    The cache only saves work: a write that fails (a full disk, a folder another build just
    pruned) is given up, and the entry is computed again next time.
    """
    tmp = f"{path}.tmp{os.getpid()}"
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with _open_new(tmp) as f:
            if _codec() is not None:  # about 2.6 times smaller, and no slower to build
                header = len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little")
                f.write(_LZ4_MAGIC + header)
                data = _codec().compress(data, asbytes=True)
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(tmp)


def _cache_put(cache_dir: str, key: str, value) -> None:
    _write_entry(_cache_path(cache_dir, key), value)


def read_report_entry(row: dict[str, str], raw_dir: Path) -> dict:
    """Read, clean and describe one report (stage 1 of the build, cached per report).

    Args:
        row: its manifest row (strings, '' when blank).
        raw_dir: the raw folder.

    Returns:
        ``{"values": reports-table fields (report_id still the manifest's; plus _slug, the
        readable id, when the manifest gives none),
        "text": cleaned text, "notes": metadata warnings, "removed": the cleaning rows as
        {"columns": {column: list}, "dtypes": {column: dtype}}}``.

    Raises:
        analysis.reading.ReportReadError: the file cannot be read or decoded.
    """
    from analysis.cleaning import _clean
    from analysis.metadata import infer_metadata, merge_with_manifest, slug
    from analysis.reading import decode_report_bytes

    path = raw_dir / row["file"]
    data = path.read_bytes()
    raw_text, encoding = decode_report_bytes(data, path)
    # clean_text without its DataFrame: the same text, rows and metadata as plain lists
    text, removed, metadata = _clean(raw_text)
    inferred = infer_metadata(text, metadata)
    values, notes = merge_with_manifest(row, inferred)
    values.update(
        report_id=row["report_id"],
        file=row["file"],
        n_chars=len(text),
        n_sections=0,
        encoding=encoding,
        sha256=_sha256_bytes(data),
        source_url=str(row.get("source_url", "") or "").strip(),
    )
    if not row["report_id"]:  # the slug is the id only without the manifest's (pypinyin is slow)
        values["_slug"] = (
            slug(values["jurisdiction"], values["year"])
            if values["jurisdiction"]
            else slug(Path(row["file"]).stem, "")
        )
    return {
        "values": values,
        "text": text,
        "notes": list(notes),
        "removed": {  # the columns and dtypes of clean_text's ``removed`` table
            "columns": {
                "report_id": [row["report_id"] or row["file"]] * len(removed),
                "line_no": [r[0] for r in removed],
                "text": [r[1] for r in removed],
                "rule": [r[2] for r in removed],
            },
            "dtypes": {
                "report_id": "object",
                "line_no": "int64",
                "text": "object",
                "rule": "object",
            },
        },
    }


def _cached_read(args: tuple[dict, str, str, str, str | None, tuple]) -> dict:
    """Stage 1 for one report, through the cache; an unreadable file gives {"problem": ...}."""
    from analysis.lexicons import one_reading

    row, _, sha, fingerprint, cache_dir, _ = args
    if cache_dir:  # a hit reads no lexicon: its key already holds the build's
        hit = _cache_get(cache_dir, _read_key(fingerprint, sha, row))
        if hit is not None:
            return hit
    with one_reading(expect=args[-1]):  # the lexicons the build started with, or an error
        return _cached_read_entry(*args)


def _cached_read_entry(row, raw_dir, sha, fingerprint, cache_dir, stamp) -> dict:
    """Stage 1 for one report not in the cache (``cache_dir``: where its result goes)."""
    from analysis.lexicons import check_unchanged
    from analysis.reading import ReportReadError

    key = _read_key(fingerprint, sha, row)
    try:
        entry = read_report_entry(row, Path(raw_dir))
    except ReportReadError as e:
        return {"problem": f"error: {row['file']}: {e.message}"}
    if cache_dir and entry["values"]["sha256"] == sha:
        check_unchanged(stamp)  # an edit during this report: its result is not cached
        _cache_put(cache_dir, key, entry)
    return entry


def read_corpus(
    folder,
    *,
    cache_dir: Path | str | None = None,
    jobs: int = 1,
    progress: bool | None = False,
    raw_hashes: dict[str, str] | None = None,
    pool=None,
) -> Corpus:
    """Read, clean and describe every report of a validated raw folder.

    Each report is read, cleaned and described on its own (:func:`read_report_entry`,
    cached under ``cache_dir`` by its bytes' hash, manifest row, lexicons and code); only
    report ids (a slug collision takes the file stem) are decided for the whole corpus.

    Args:
        folder: a :class:`analysis.manifest.RawFolder` without errors.
        cache_dir: per-report cache folder (None: no cache).
        jobs: worker processes (1 = serial).
        progress: show a progress bar.
        raw_hashes: sha256 of each file's bytes by file name, when already computed.
        pool: an executor to reuse instead of starting one.

    Returns:
        The :class:`Corpus`: the ``reports`` table (n_sections still 0), cleaned texts by
        report_id, the ``cleaning`` table, and warnings (each naming its file).

    Raises:
        BuildError: a report cannot be read (every such file is listed).
    """
    import pandas as pd

    from analysis.lexicons import current_stamp

    raw_hashes = raw_hashes if raw_hashes is not None else {}
    stamp = current_stamp()
    fingerprint = _read_fingerprint()
    cache = _generation(str(cache_dir) if cache_dir else None, "read", fingerprint)
    work = []
    for row in folder.rows:
        sha = raw_hashes.get(row["file"]) or _sha256_bytes(
            (folder.raw_dir / row["file"]).read_bytes()
        )
        work.append((row, str(folder.raw_dir), sha, fingerprint, cache, stamp))
    entries = _run_work(_cached_read, work, jobs=jobs, progress=progress, desc="read", pool=pool)
    problems = [
        e["problem"] if "problem" in e else _too_little_text(row["file"], e)
        for row, e in zip(folder.rows, entries, strict=True)
    ]
    problems = [p for p in problems if p]
    if problems:
        raise BuildError(
            "the raw folder has errors (nothing was written):\n"
            + "\n".join(f"  - {p}" for p in problems),
            problems=problems,
        )

    rows, texts, warnings = [], {}, []
    for row, entry in zip(folder.rows, entries, strict=True):
        warnings.extend(f"{row['file']}: {n}" for n in entry["notes"])
        rows.append(dict(entry["values"]))
        texts[row["file"]] = entry["text"]

    _assign_report_ids(rows, warnings)
    warnings.extend(_duplicate_reports(rows, texts))

    by_file = {r["file"]: r["report_id"] for r in rows}
    texts = {by_file[f]: t for f, t in texts.items()}
    reports = pd.DataFrame(rows, columns=list(schema.REPORTS.columns))
    reports["year"] = pd.to_numeric(reports["year"], errors="coerce").astype("Int64")
    reports = reports.sort_values("report_id", kind="stable").reset_index(drop=True)
    cleaning = _cleaning_table(folder.rows, entries, by_file)
    return Corpus(
        reports=reports,
        texts=texts,
        cleaning=cleaning,
        warnings=warnings,
        cache_generation=cache,
    )


def _too_little_text(file: str, entry: dict) -> str | None:
    """An error naming ``file`` when too little Chinese text is left after cleaning, else None."""
    n = sum(map(len, _CJK_RUN.findall(entry["text"])))
    if n >= MIN_REPORT_CHINESE:
        return None
    rules = sorted(set(entry["removed"]["columns"]["rule"]))
    removed = f" (cleaning removed {', '.join(rules)})" if rules else ""
    return (
        f"error: {file}: no report text: only {n} Chinese characters are left after cleaning"
        f"{removed}, and a report needs {MIN_REPORT_CHINESE} or more; the file may be a web "
        "page saved before its body loaded, or only the report's title: save the report's text "
        "again (or copy it from the page), or remove the file and its manifest row"
    )


def _assign_report_ids(rows: list[dict], warnings: list[str]) -> None:
    """Give each row without a manifest report_id its slug (``rows`` edited in place).

    The manifest's ids are taken first; then the rows in manifest order (files not in the
    manifest after them): the earliest row keeps a slug, and a later row whose slug is taken
    gets its file stem after it (``liuzhou_2023_005_liuzhou``), with a warning. So adding a
    report never renames one that is already there, unless it is inserted above it.
    """
    holder = {r["report_id"]: r["file"] for r in rows if r["report_id"]}
    for r in rows:
        if r["report_id"]:
            continue
        rid = r["_slug"]
        if rid in holder:
            stem = "".join(ch for ch in Path(r["file"]).stem if ch.isalnum() or ch in "_-")
            rid = f"{r['_slug']}_{stem}"
            n = 2
            while rid in holder:  # the stem's id is a manifest id too
                rid, n = f"{r['_slug']}_{stem}_{n}", n + 1
            warnings.append(
                f"{r['file']}: report_id {r['_slug']!r} is taken by {holder[r['_slug']]}; "
                f"using {rid!r} (pin the id in the report_id column of {paths.MANIFEST_NAME})"
            )
        r["report_id"] = rid
        holder[rid] = r["file"]


def _duplicate_reports(rows: list[dict], texts: dict[str, str]) -> list[str]:
    """Warnings for files that hold a report already in the corpus (same text once cleaned).

    Identical bytes under two names (a double download) and the same report saved in two
    encodings or with different web-page chrome would count twice in every corpus statistic.
    """
    first: dict[str, dict] = {}
    out = []
    for r in rows:
        seen = first.setdefault(texts[r["file"]], r)
        if seen is r:
            continue
        how = "identical bytes" if seen["sha256"] == r["sha256"] else "the same text once read"
        out.append(
            f"{r['file']}: the same report as {seen['file']} ({seen['report_id']}; {how}): it "
            "would be counted twice; remove one of the two files and its manifest row"
        )
    return out


def _cleaning_table(rows: list[dict], entries: list[dict], by_file: dict[str, str]):
    """The cleaning rows of every report in one table, built once (not concatenated)."""
    import pandas as pd

    columns = list(schema.CLEANING.columns)
    if not entries:
        cleaning = pd.DataFrame(columns=[*columns, "_file"])
    else:
        dtypes = entries[0]["removed"]["dtypes"]
        data: dict[str, list] = {c: [] for c in dtypes}
        files: list[str] = []
        for row, entry in zip(rows, entries, strict=True):
            cols = entry["removed"]["columns"]
            for c in data:
                data[c].extend(cols[c])
            files.extend([row["file"]] * len(next(iter(cols.values()), [])))
        cleaning = pd.DataFrame({c: pd.Series(v, dtype=dtypes[c]) for c, v in data.items()})
        cleaning["_file"] = pd.Series(files, dtype=str)
    if len(cleaning):
        cleaning["report_id"] = cleaning["_file"].map(by_file)
    cleaning = cleaning.drop(columns="_file")[columns]
    return cleaning.sort_values(["report_id", "line_no"], kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------ per report (stage 2)
def _arrow_type(dtype):
    import pyarrow as pa

    return {
        str: pa.large_string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        bool: pa.bool_(),
    }[dtype]


def _arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema the build keeps a stage-2 table in (the tables' pandas dtypes)."""
    import pyarrow as pa

    from analysis.metrics import _METRIC_DTYPES
    from analysis.tokens import _TOKEN_DTYPES

    dtypes = {
        "sections": {
            c: "int64" if c in ("level", "start", "end") else bool if c == "repaired" else str
            for c in schema.SECTIONS.columns
        },
        "metrics": _METRIC_DTYPES,
        "tokens": _TOKEN_DTYPES,
    }[name]
    return pa.schema([(c, _arrow_type(dtypes[c])) for c in schema.TABLES[name].columns])


def process_text(report_id: str, text: str, backend: str = "auto") -> dict:
    """Sections, raw metrics and tokens of one cleaned text (what the build caches per
    report, as DataFrames).

    Args:
        report_id: the report's id (written into every table).
        text: its cleaned text.
        backend: segmenter ('auto', 'rjieba' or 'jieba').

    Returns:
        ``{"sections": ..., "metrics": ..., "tokens": ...}``.
    """
    from analysis.lexicons import one_reading
    from analysis.metrics import metrics_frame
    from analysis.sections import sections_frame
    from analysis.tokens import tokens_frame

    with one_reading():
        sections, metrics, tokens = _process_columns(report_id, text, backend)
    return {
        "sections": sections_frame(sections),
        "metrics": metrics_frame(metrics),
        "tokens": tokens_frame(tokens),
    }


def _process_columns(
    report_id: str, text: str, backend: str, *, tokens_as_batch: bool = False
) -> tuple[dict, dict, dict | pa.RecordBatch]:
    """:func:`process_text` as ``{column: list}`` dicts: (sections, metrics, tokens); the
    tokens as a ``pyarrow.RecordBatch`` (same rows) with ``tokens_as_batch``."""
    from analysis.metrics import metric_columns
    from analysis.sections import _section_columns
    from analysis.tokens import token_batch, token_columns

    if not isinstance(text, str):
        text = "" if text is None else str(text)
    sections, folded_text = _section_columns(text, report_id=report_id)
    rids = sections["report_id"]
    sids = sections["section_id"]
    starts = sections["start"]
    texts = sections["text"]
    # fold is per character: each section's fold is a slice of the text's
    folded = [folded_text[s:e] for s, e in zip(starts, sections["end"], strict=True)]
    headings = sections["heading"]
    metrics = metric_columns(rids, sids, starts, texts, headings, folded=folded)
    if tokens_as_batch:
        tokens = token_batch(
            rids, sids, starts, texts, backend, folded=folded, arrow_schema=_arrow_schema("tokens")
        )
    else:
        tokens = token_columns(rids, sids, starts, texts, backend, folded=folded)
    return sections, metrics, tokens


def _indicator_columns(report_id: str, metrics: dict[str, list], text: str) -> dict[str, list]:
    """The report's rows of the ``indicators`` table as ``{column: list}``.

    ``derive_indicators`` works report by report (its rows for a report depend on that
    report's metrics and text only), so the corpus table is the concatenation of these, in
    report order; they are computed and cached with the rest of stage 2.
    """
    from analysis.metrics import indicator_columns

    return indicator_columns(metrics, {report_id: text})


def _inputs_fingerprint(backend: str) -> str:
    from analysis.lexicons import reading_hashes
    from analysis.tokens import backend_info

    info = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "code": _code_hash(),
        "lexicons": reading_hashes(),
        "backend": backend_info(backend),
    }
    return _sha256_bytes(json.dumps(info, sort_keys=True, ensure_ascii=False).encode())


def _process_entry(report_id: str, text: str, backend: str) -> tuple[dict, dict]:
    """Stage 2 of one report, serialized: (sections and metrics part, tokens part).

    Each table is kept as Arrow IPC bytes (a few memcpy to pickle, read back without
    copying) and as its CSV rows (``bytes``, formatted as :func:`write_csv` formats them,
    or None when a column needs pandas), so that writing a table is a concatenation.
    """
    import pyarrow as pa

    sections, metrics, tokens = _process_columns(report_id, text, backend, tokens_as_batch=True)
    indicators = _indicator_columns(report_id, metrics, text)
    parts = {}
    for name, cols in (("sections", sections), ("metrics", metrics), ("tokens", tokens)):
        batch = (
            cols
            if isinstance(cols, pa.RecordBatch)
            else pa.RecordBatch.from_pydict(cols, schema=_arrow_schema(name))
        )
        if not _csv_safe(batch):
            # a null in an int64 or bool column changes the pandas dtype of the table:
            # such a report's rows are left to the whole-table writer
            rows = None
        elif batch.num_rows <= SMALL_CSV_ROWS and isinstance(cols, dict):
            # few rows: the csv module is quicker than pyarrow's per-column calls
            rows = _columns_csv_rows(cols, batch.schema)
        else:
            rows = _arrow_csv_rows(batch)
        parts[name] = {"ipc": _ipc_bytes(batch), "csv": rows}
        if name == "tokens":  # checked here, in the worker: writing the table reads the answer
            parts[name]["key_problem"] = _tokens_key_problem(batch, report_id)
    del sections, metrics, tokens
    tokens = parts.pop("tokens")
    parts["indicators"] = indicators
    return parts, tokens


def _csv_safe(batch: pa.RecordBatch) -> bool:
    """True when the batch converts to pandas with the dtypes of its whole table."""
    import pyarrow as pa

    return all(
        col.null_count == 0
        for col, f in zip(batch.columns, batch.schema, strict=True)
        if not (pa.types.is_large_string(f.type) or pa.types.is_floating(f.type))
    )


def _tokens_path(cache_dir: str, key: str) -> str:
    return _cache_path(cache_dir, key, ".tokens.pkl")


def _cached_process(args: tuple[str, str, str, str, str, tuple]) -> dict:
    """Stage 2 for one report, through the cache.

    Returns ``{"sections": part, "metrics": part, "key": cache key, "tokens": part}``
    where a part is ``{"ipc": bytes, "csv": bytes | None}``. With a cache, the tokens
    (most of the data) stay in their own cache file: ``"tokens"`` is None and
    :func:`_load_tokens` reads them when the table is written.
    """
    from analysis.lexicons import one_reading

    report_id, text, _, fingerprint, cache_dir, _ = args
    key = _process_key(fingerprint, report_id, text)
    if cache_dir:  # a hit reads no lexicon: its key already holds the build's
        hit = _cache_get(cache_dir, key)
        if hit is not None and os.path.exists(_tokens_path(cache_dir, key)):
            return hit | {"key": key, "tokens": None}
    with one_reading(expect=args[-1]):  # the lexicons the build started with, or an error
        return _cached_process_entry(*args)


def _process_key(fingerprint: str, report_id: str, text: str) -> str:
    return _sha256_bytes(f"{fingerprint}\0{report_id}\0{text}".encode())


def _cached_process_entry(report_id, text, backend, fingerprint, cache_dir, stamp) -> dict:
    """Stage 2 for one report not in the cache (``cache_dir``: where its result goes)."""
    from analysis.lexicons import check_unchanged

    key = _process_key(fingerprint, report_id, text)
    parts, tokens = _process_entry(report_id, text, backend)
    check_unchanged(stamp)  # an edit during this report: the build stops, nothing cached
    if not cache_dir:
        return parts | {"key": key, "tokens": tokens}
    _write_entry(_tokens_path(cache_dir, key), tokens)
    _cache_put(cache_dir, key, parts)
    return parts | {"key": key, "tokens": None}


def _load_tokens(
    result: dict, report_id: str, texts: dict[str, str], backend: str, cache_dir
) -> dict:
    """The tokens part of a stage-2 result (from memory, the cache, or computed again)."""
    if result.get("tokens") is not None:
        return result["tokens"]
    if cache_dir:
        try:
            tokens = _read_entry(_tokens_path(cache_dir, result["key"]))
            if isinstance(tokens, dict) and "ipc" in tokens and "csv" in tokens:
                return tokens
        except Exception:  # gone or damaged since: recomputed, never trusted
            pass
    return _process_entry(report_id, texts[report_id], backend)[1]


def _ipc_bytes(batch: pa.RecordBatch) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: bytes) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(data)).read_next_batch()


# ----------------------------------------------------------------------------- validation
def _has_duplicate_keys(df: pd.DataFrame, key: list[str]) -> bool:
    """True when two rows share the key (``df.duplicated(key).any()``, lighter on big tables).

    Columns of str (no missing value) or int64 are coded as integers (Arrow dictionary codes
    for strings), combined into one int64 per row and sorted: about a third of the time and
    half the memory of ``DataFrame.duplicated`` on the millions of rows of ``tokens``.
    Anything else falls back to pandas.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(df) < 2:
        return False
    combined = None
    width = 1
    for c in key:
        col = df[c]
        if isinstance(col.dtype, pd.StringDtype) and col.dtype.storage == "pyarrow":
            arr = pa.chunked_array(col.array._pa_array)
            if arr.null_count:
                return bool(df.duplicated(key).any())
            # one chunk: encoding thousands of small chunks (one per report) is 20x slower
            arr = pa.chunked_array([arr.combine_chunks()], type=arr.type)
            enc = pc.dictionary_encode(arr).unify_dictionaries()
            codes = np.concatenate(
                [ch.indices.to_numpy(zero_copy_only=False) for ch in enc.chunks]
            ).astype(np.int64)
            n = max(len(enc.chunks[0].dictionary), 1) if enc.num_chunks else 1
        elif col.dtype == "int64":
            codes = col.to_numpy() - col.min()
            n = int(codes.max()) + 1
        else:
            return bool(df.duplicated(key).any())
        if width * n >= 2**62:  # the combined code would overflow
            return bool(df.duplicated(key).any())
        combined = codes if combined is None else combined * n + codes
        width *= n
    combined.sort()
    return bool((combined[1:] == combined[:-1]).any())


def validate_tables(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> list[str]:
    """Check every table before anything is written; return the problems found.

    Checks: the columns are exactly those of :mod:`analysis.schema`, in order; keys are
    unique; sections of each report join to its cleaned text and their offsets slice it;
    metric and token offsets slice the cleaned text to the recorded ``raw`` / ``token``.
    """
    return _validate_tables(tables, texts)


def _validate_tables(
    tables: dict[str, pd.DataFrame], texts: dict[str, str], tokens_problems: list[str] | None = None
) -> list[str]:
    """:func:`validate_tables`; ``tokens_problems``: tokens were checked as they were written
    (:func:`_write_tokens`) and ``tables`` has no tokens."""
    problems = []
    for name, table in schema.TABLES.items():
        if name not in tables and tokens_problems is not None and name == "tokens":
            problems.extend(tokens_problems)
            continue
        df = tables[name]
        if list(df.columns) != list(table.columns):
            problems.append(f"{name}: columns {list(df.columns)} != {list(table.columns)}")
            continue
        if _has_duplicate_keys(df, list(table.key)):
            problems.append(f"{name}: duplicate keys {table.key}")
    sections = tables["sections"]
    by_report: dict[str, list[tuple[int, int, str]]] = {}
    for rid, s, e, t in zip(
        sections["report_id"].tolist(),
        sections["start"].tolist(),
        sections["end"].tolist(),
        sections["text"].tolist(),
        strict=True,
    ):
        by_report.setdefault(rid, []).append((s, e, t))
    for rid, text in texts.items():
        sec = by_report.get(rid, [])
        if "".join(t for _, _, t in sec) != text:
            problems.append(f"sections: {rid}: sections do not join to the cleaned text")
        for s, e, t in sec:
            if text[s:e] != t:
                problems.append(f"sections: {rid}: offsets {s}:{e} do not slice the text")
                break
    metrics = tables["metrics"]
    for rid, s, e, raw in zip(
        metrics["report_id"].tolist(),
        metrics["start"].tolist(),
        metrics["end"].tolist(),
        metrics["raw"].tolist(),
        strict=True,
    ):
        if texts[rid][s:e] != raw:
            problems.append(f"metrics: {rid}: {s}:{e} does not slice to {raw!r}")
            break
    return problems


# --------------------------------------------------------------------------------- writing
@functools.lru_cache(maxsize=1)
def _csv_quote_chars() -> str:
    """The characters that make Python's csv writer (pandas' to_csv) quote a field."""
    import csv
    import io

    found = []
    for ch in ',"\n\r\t;\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029':
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(["a" + ch, "b"])
        if buf.getvalue().startswith('"'):
            found.append(ch)
    return "".join(found)


def _csv_column(series: pd.Series, quote_chars: str) -> pa.ChunkedArray | None:
    """One column as pandas' to_csv writes it (QUOTE_MINIMAL, na_rep ''), or None if unsure."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) or (
        dtype == "object" and all(isinstance(v, str) for v in series.dropna().tolist())
    ):
        if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
            arr = pa.chunked_array(series.array._pa_array)
        else:
            arr = pa.chunked_array([pa.array(series.tolist(), type=pa.large_string())])
        arr = arr.cast(pa.large_string()).fill_null("")
        pattern = "[" + "".join("\\" + c if c in '"\\]^-' else c for c in quote_chars) + "]"
        needs = pc.match_substring_regex(arr, pattern)
        if pc.any(needs).as_py():
            q, empty = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
            quoted = pc.binary_join_element_wise(q, pc.replace_substring(arr, '"', '""'), q, empty)
            arr = pc.if_else(needs, quoted, arr)
        return arr
    if dtype == "bool":
        true, false = pa.scalar("True", pa.large_string()), pa.scalar("False", pa.large_string())
        return pa.chunked_array([pc.if_else(pa.array(series.to_numpy()), true, false)])
    if dtype == "int64":
        return pa.chunked_array([pa.array(series.to_numpy()).cast(pa.large_string())])
    if dtype == "float64":
        values = series.to_numpy()
        text = values.astype(str)
        text[np.isnan(values)] = ""
        return pa.chunked_array([pa.array(text, type=pa.large_string())])
    if isinstance(dtype, pd.Int64Dtype):
        arr = pa.array(series.array, type=pa.int64()).cast(pa.large_string())
        return pa.chunked_array([arr]).fill_null("")
    return None


def _csv_lines(part: pd.DataFrame, quote_chars: str) -> pa.ChunkedArray | None:
    """Each row of ``part`` as one CSV line ('\\n' included), or None if a column needs pandas."""
    import pyarrow as pa
    import pyarrow.compute as pc

    cols = [_csv_column(part[c], quote_chars) for c in part.columns]
    if any(c is None for c in cols):
        return None
    comma = pa.scalar(",", pa.large_string())
    empty, newline = pa.scalar("", pa.large_string()), pa.scalar("\n", pa.large_string())
    lines = pc.binary_join_element_wise(*cols, comma)
    return pc.binary_join_element_wise(lines, empty, newline)


def _line_buffers(lines: pa.ChunkedArray):
    """The bytes of the lines, chunk by chunk, without copying."""
    import numpy as np

    for chunk in lines.chunks:
        data = chunk.buffers()[2]
        if data is None:
            continue
        off = np.frombuffer(chunk.buffers()[1], dtype=np.int64)
        off = off[chunk.offset : chunk.offset + len(chunk) + 1]
        yield memoryview(data)[off[0] : off[-1]]


def _csv_header(df: pd.DataFrame) -> bytes:
    """The BOM and header line :func:`write_csv` starts with."""
    import io

    head = io.StringIO()
    df.iloc[0:0].to_csv(head, index=False, lineterminator="\n")
    return b"\xef\xbb\xbf" + head.getvalue().encode("utf-8")


def _csv_rows(df: pd.DataFrame) -> bytes | None:
    """The rows of ``df`` as :func:`write_csv` writes them (no header), or None when it
    would let pandas write the table. Rows are formatted one by one, so the rows of a
    table are the concatenation of the rows of its parts."""
    if len(df.columns) < 2 or not df.columns.is_unique:
        return None
    if not len(df):
        return b""
    lines = _csv_lines(df, _csv_quote_chars())
    if lines is None:
        return None
    return b"".join(_line_buffers(lines))


@functools.lru_cache(maxsize=1)
def _csv_quote_bytes_re():
    """A bytes regex finding any quote character in UTF-8 text."""
    import re

    return re.compile(b"|".join(re.escape(c.encode("utf-8")) for c in _csv_quote_chars()))


def _arrow_csv_rows(batch: pa.RecordBatch) -> bytes | None:
    """The rows of ``batch`` as :func:`write_csv` writes ``batch.to_pandas()`` (no header),
    formatted straight from Arrow (a handful of calls per batch); None when unsure.

    Columns: large_string (null = ''), int64 and bool without nulls, float64 (null and
    NaN = '', else numpy's ``str``); anything else gives None. A string column is quoted
    value by value only when its bytes hold a quote character at all.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    names = batch.schema.names
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    if not batch.num_rows:
        return b""
    quote_chars = _csv_quote_chars()
    cols = []
    for col, f in zip(batch.columns, batch.schema, strict=True):
        t = f.type
        if pa.types.is_large_string(t):
            arr = col.fill_null("") if col.null_count else col
            data = arr.buffers()[2]
            if data is not None and _csv_quote_bytes_re().search(memoryview(data)):
                pattern = "[" + "".join("\\" + c if c in '"\\]^-' else c for c in quote_chars) + "]"
                needs = pc.match_substring_regex(arr, pattern)
                if pc.any(needs).as_py():
                    q, empty = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
                    quoted = pc.binary_join_element_wise(
                        q, pc.replace_substring(arr, '"', '""'), q, empty
                    )
                    arr = pc.if_else(needs, quoted, arr)
        elif t == pa.int64() and not col.null_count:
            arr = col.cast(pa.large_string())
        elif t == pa.bool_() and not col.null_count:
            arr = pc.if_else(
                col, pa.scalar("True", pa.large_string()), pa.scalar("False", pa.large_string())
            )
        elif t == pa.float64():
            values = col.to_numpy(zero_copy_only=False)
            text = values.astype(str)
            text[np.isnan(values)] = ""
            arr = pa.array(text, type=pa.large_string())
        else:
            return None
        cols.append(arr)
    comma = pa.scalar(",", pa.large_string())
    empty, newline = pa.scalar("", pa.large_string()), pa.scalar("\n", pa.large_string())
    lines = pc.binary_join_element_wise(*cols, comma)
    lines = pc.binary_join_element_wise(lines, empty, newline)
    return b"".join(_line_buffers(pa.chunked_array([lines])))


# Up to this many rows, a part's CSV rows are formatted by the csv module (pandas' own writer)
# rather than by pyarrow, whose fixed cost per column dominates on small parts.
SMALL_CSV_ROWS = 300


def _columns_csv_rows(cols: dict[str, list], arrow_schema: pa.Schema) -> bytes | None:
    """The rows of the table ``cols`` (``{column: list}``, the columns of ``arrow_schema``)
    as :func:`write_csv` writes them (no header), formatted by the csv module as pandas'
    ``to_csv`` does; None when unsure (the same refusals as :func:`_arrow_csv_rows`)."""
    import csv
    import io

    import numpy as np
    import pyarrow as pa

    names = arrow_schema.names
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    values = []
    for f in arrow_schema:
        col = cols[f.name]
        if pa.types.is_large_string(f.type):
            if not all(isinstance(v, str) or v is None for v in col):
                return None
            values.append(col)  # None is written as '', as pandas writes a missing value
        elif f.type == pa.int64():
            if not all(type(v) is int for v in col):
                return None
            values.append(col)
        elif f.type == pa.bool_():
            if not all(type(v) is bool for v in col):
                return None
            values.append(["True" if v else "False" for v in col])
        elif f.type == pa.float64():
            arr = np.array([np.nan if v is None else v for v in col], dtype=np.float64)
            text = arr.astype(str)  # pandas writes floats with numpy's str
            text[np.isnan(arr)] = ""
            values.append(text.tolist())
        else:
            return None
    if not values[0]:
        return b""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(zip(*values, strict=True))
    return buf.getvalue().encode("utf-8")


def write_csv(df: pd.DataFrame, path: Path, chunk_rows: int = 500_000) -> None:
    """Write ``df`` as UTF-8 CSV with BOM, byte-identical to pandas' ``to_csv``.

    Same output as ``df.to_csv(path, index=False, encoding="utf-8-sig",
    lineterminator="\n")``, formatted column-wise with pyarrow, ``chunk_rows`` rows at a
    time (several times faster on the big tables, memory bounded by the chunk). Columns of
    other dtypes than str, object strings, int64, Int64, float64 and bool fall back to
    pandas.
    """

    def pandas_csv() -> None:
        df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")

    quote_chars = _csv_quote_chars()
    if len(df.columns) < 2 or not df.columns.is_unique:
        return pandas_csv()
    with open(path, "wb") as f:
        f.write(_csv_header(df))
        for lo in range(0, len(df), chunk_rows):
            lines = _csv_lines(df.iloc[lo : lo + chunk_rows], quote_chars)
            if lines is None:
                break
            for buf in _line_buffers(lines):
                f.write(buf)
        else:
            return
    pandas_csv()  # a column pyarrow cannot format like pandas: let pandas write it all


def _write_table(
    df: pd.DataFrame,
    folder: Path,
    name: str,
    arrow: pa.Table | None = None,
    csv_rows: list[bytes] | None = None,
) -> None:
    """Write one table as Parquet and CSV (byte-identical to pandas' writers).

    Args:
        df: the table.
        folder: where to write ``<name>.parquet`` and ``<name>.csv``.
        arrow: the same table in Arrow, when at hand: written directly (no conversion back
            from pandas) when its types are those pandas would give.
        csv_rows: the CSV rows of the table's parts, in order (:func:`_csv_rows`): the CSV
            is the header and their concatenation.
    """
    meta = _pandas_schema(df, arrow) if arrow is not None else None
    if meta is not None:
        import pyarrow.parquet as pq

        pq.write_table(
            arrow.replace_schema_metadata(meta.metadata),
            folder / f"{name}.parquet",
            compression="snappy",
        )
    else:
        df.to_parquet(folder / f"{name}.parquet", index=False)
    if csv_rows is not None and len(df):
        with open(folder / f"{name}.csv", "wb") as f:
            f.write(_csv_header(df))
            for rows in csv_rows:
                f.write(rows)
    else:
        write_csv(df, folder / f"{name}.csv")


def _pandas_schema(df: pd.DataFrame, arrow: pa.Table | pa.RecordBatch) -> pa.Schema | None:
    """The schema (with pandas metadata) ``df.to_parquet`` would write, when writing
    ``arrow`` (the same rows) directly gives the same file; else None.

    pandas' metadata depends on the dtypes only, so a one-row slice gives it. Floating
    columns holding NaN (not null) are refused: pandas would write them as nulls.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(df) or df.attrs or len(df) != arrow.num_rows:
        return None
    try:
        ref = pa.Table.from_pandas(df.iloc[:1], preserve_index=False).schema
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if not ref.remove_metadata().equals(arrow.schema.remove_metadata()):
        return None
    for col, f in zip(arrow.columns, arrow.schema, strict=True):
        if pa.types.is_floating(f.type) and pc.any(pc.is_nan(col)).as_py():
            return None
    return ref


# pyarrow's default row group length (write_table's row_group_size=None): streamed tokens
# are written in row groups of exactly this many rows, as one write_table call would.
PARQUET_ROW_GROUP = 1024 * 1024


def _tokens_key_problem(batch: pa.RecordBatch, report_id: str) -> bool | None:
    """Whether one report's tokens repeat a (section_id, position) key; None when unsure
    (report_id not the report's throughout, nulls, or an overflowing code)."""
    import numpy as np
    import pyarrow.compute as pc

    rid, sid, pos = (batch.column(c) for c in ("report_id", "section_id", "position"))
    if rid.null_count or sid.null_count or pos.null_count:
        return None
    if not pc.all(pc.equal(rid, report_id)).as_py():
        return None
    if batch.num_rows < 2:
        return False
    enc = pc.dictionary_encode(sid)
    codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    p = pos.to_numpy(zero_copy_only=False)
    lo = int(p.min())
    width = int(p.max()) - lo + 1
    if width * max(len(enc.dictionary), 1) >= 2**62:
        return None
    combined = codes * width + (p - lo)
    combined.sort()
    return bool((combined[1:] == combined[:-1]).any())


def _write_tokens(
    folder: Path, order: list[str], results: dict[str, dict], texts: dict[str, str], backend, cache
) -> tuple[int, list[str]]:
    """Write the tokens table report by report (Parquet and CSV), checking it on the way.

    Never holds the whole table: each report's tokens are read (from memory or the
    cache), checked (columns, unique keys), added to the Parquet file in row groups of
    :data:`PARQUET_ROW_GROUP` rows and their cached CSV rows appended. The files are the
    same as :func:`_write_table` on the whole table; whenever that cannot be ensured
    (pandas would change a dtype, a report has no CSV rows, a key check is unsure) the
    whole table is built and written the usual way.

    Returns:
        ``(rows, problems)``: the rows written and the problems found (as
        :func:`validate_tables` words them).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(schema.TOKENS.columns)
    arrow_schema = _arrow_schema("tokens")
    problems: list[str] = []
    duplicate = False
    writer = None
    pending: list = []
    n_pending = total = 0
    ok = True
    # Parquet row groups are compressed on a background thread (pyarrow releases the GIL)
    # while the next reports are read and their CSV rows written; one thread keeps the order.
    from concurrent.futures import ThreadPoolExecutor

    background = ThreadPoolExecutor(max_workers=1)
    inflight: list = []

    def write_group(table) -> None:
        while len(inflight) >= 2:  # bounded: at most two row groups wait in memory
            inflight.pop(0).result()
        inflight.append(background.submit(writer.write_table, table))

    order = iter(order)  # may be a stream of ids whose results are still arriving
    seen: list[str] = []
    with background, open(folder / "tokens.csv", "wb") as csv_file:
        for rid in order:
            seen.append(rid)
            part = _load_tokens(results[rid], rid, texts, backend, cache)
            batch = _from_ipc(part["ipc"])
            if batch.schema.names != columns or not batch.schema.equals(arrow_schema):
                ok = False
                break
            if not batch.num_rows:
                continue
            # the report's answer from stage 2 (same batch); computed now for an older entry
            dup = part["key_problem"] if "key_problem" in part else _tokens_key_problem(batch, rid)
            if dup is None or part["csv"] is None:
                ok = False
                break
            duplicate |= dup
            if writer is None:
                meta = _pandas_schema(
                    batch.slice(0, 1).to_pandas(), pa.Table.from_batches([batch.slice(0, 1)])
                )
                if meta is None:
                    ok = False
                    break
                csv_file.write(_csv_header(batch.slice(0, 0).to_pandas()))
                writer = pq.ParquetWriter(folder / "tokens.parquet", meta, compression="snappy")
            csv_file.write(part["csv"])
            pending.append(batch.replace_schema_metadata(meta.metadata))
            n_pending += batch.num_rows
            total += batch.num_rows
            while n_pending >= PARQUET_ROW_GROUP:
                table = pa.Table.from_batches(pending)
                write_group(table.slice(0, PARQUET_ROW_GROUP))
                rest = table.slice(PARQUET_ROW_GROUP)
                pending, n_pending = rest.to_batches(), rest.num_rows
        if ok and writer is not None and n_pending:
            write_group(pa.Table.from_batches(pending, schema=meta))
        for future in inflight:  # every row group written (errors raised) before closing
            future.result()
        if writer is not None:
            writer.close()
    if ok and writer is not None:
        if duplicate:
            problems.append(f"tokens: duplicate keys {schema.TOKENS.key}")
        return total, problems
    # the usual way: the whole table at once
    seen.extend(order)  # the ids still to come
    batches = [
        _from_ipc(_load_tokens(results[rid], rid, texts, backend, cache)["ipc"]) for rid in seen
    ]
    tokens = _frame("tokens", batches)
    del batches
    if list(tokens.columns) != columns:
        problems.append(f"tokens: columns {list(tokens.columns)} != {columns}")
    elif _has_duplicate_keys(tokens, list(schema.TOKENS.key)):
        problems.append(f"tokens: duplicate keys {schema.TOKENS.key}")
    _write_table(tokens, folder, "tokens")
    return len(tokens), problems


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Replace out_dir by tmp (same file system) with no moment where both are lost."""
    old = out_dir.with_name(out_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp, out_dir)
    if old.exists():
        shutil.rmtree(old)


def _raw_hashes(folder) -> dict[str, str]:
    return {
        r["file"]: _sha256_bytes((folder.raw_dir / r["file"]).read_bytes()) for r in folder.rows
    }


def _input_hashes(folder, corrections: Path, raw: dict[str, str] | None = None) -> dict:
    raw = raw if raw is not None else _raw_hashes(folder)
    manifest = folder.raw_dir / paths.MANIFEST_NAME
    return {
        "raw_files": dict(sorted(raw.items())),
        "manifest": _sha256_bytes(manifest.read_bytes()) if manifest.exists() else "",
        "corrections": _sha256_bytes(corrections.read_bytes()) if corrections.exists() else "",
    }


class BuildError(RuntimeError):
    """The build failed; data/processed/ was left as it was.

    ``problems``: one line per problem (``error: <file>: <what to do>``) when the raw
    folder's files are at fault, else empty.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


def _folder_problems(raw_dir: Path | str, cache_dir: Path | str | None = None) -> list[str]:
    """Every error of a raw folder, all at once: the manifest's and each file's (unreadable,
    garbled, or with no report text left after cleaning), one ``error: <file>: …`` line each.

    The files without a manifest or reading error are read and cleaned as the build does
    (through its cache), so that one run lists everything to fix.
    """
    from analysis.manifest import validate_raw

    folder = validate_raw(raw_dir)
    problems = [str(p) for p in folder.errors]
    if folder.rows:
        try:
            read_corpus(folder, cache_dir=cache_dir)
        except BuildError as e:
            problems += e.problems or [str(e)]
    return problems


def _raise_on_errors(raw_dir: Path, cache_dir: str | None) -> None:
    problems = _folder_problems(raw_dir, cache_dir)
    raise BuildError(
        "the raw folder has errors (nothing was written):\n"
        + "\n".join(f"  - {p}" for p in problems),
        problems=problems,
    )


def build(
    raw_dir: Path | str = paths.RAW_DIR,
    out_dir: Path | str = paths.PROCESSED_DIR,
    *,
    backend: str = "auto",
    corrections: Path | str | None = None,
    cache_dir: Path | str | None = paths.CACHE_DIR / "build",
    force: bool = False,
    jobs: int | None = None,
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
) -> dict:
    """Build every table from the raw folder; skip when nothing changed.

    Args:
        raw_dir: folder of raw reports and their manifest.
        out_dir: where the tables go (replaced in one swap, only on success).
        backend: segmenter ('auto', 'rjieba' or 'jieba').
        corrections: reviewed corrections file (default data/corrections.csv beside raw_dir's
            parent when it exists).
        cache_dir: per-report cache (None disables it).
        force: rebuild even when the inputs are unchanged.
        jobs: worker processes for per-report work (1 = serial; the output is identical
            whatever the number); None (default) = automatic: 2 when more than
            ``AUTO_JOBS_MIN_REPORTS`` reports are not cached and the machine has 2+ cores,
            else 1.
        progress: show a progress bar (default: when stderr is a terminal).
        log: where to send messages (default: stderr).

    Returns:
        The build info written to ``build_info.json`` (plus ``skipped`` = True/False).

    Raises:
        BuildError: on any problem with the inputs or the tables, or when a lexicon file
            changes while worker processes run; nothing is written.
    """
    from analysis.lexicons import LexiconsChanged, one_reading

    try:
        with one_reading():  # every report sees the lexicons as they are now
            return _build(
                raw_dir, out_dir, backend, corrections, cache_dir, force, jobs, progress, log
            )
    except LexiconsChanged as e:  # a worker process found the folder edited mid-build
        raise BuildError(str(e)) from None


def _build(raw_dir, out_dir, backend, corrections, cache_dir, force, jobs, progress, log) -> dict:
    from analysis.lexicons import current_stamp, reading_hashes
    from analysis.manifest import validate_raw
    from analysis.tokens import backend_info

    say = log or (lambda m: print(m, file=sys.stderr))
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    corrections_path = (
        Path(corrections) if corrections else raw_dir.parent / paths.CORRECTIONS_FILE.name
    )
    # Cheap validation first (the manifest and paths): enough to tell whether anything changed.
    folder = validate_raw(raw_dir, read_files=False)
    if folder.errors:
        _raise_on_errors(raw_dir, cache_dir)  # list every file's problems too, all at once
    raw_hashes = _raw_hashes(folder)
    info = {
        "package_version": __version__,
        "code": _code_hash(),  # the pipeline's code: a changed parser is not "up to date"
        "segmenter": backend_info(backend),
        "lexicons": reading_hashes(),  # the lexicons as the build read them, at its start
        "inputs": _input_hashes(folder, corrections_path, raw_hashes),
    }
    info_path = out_dir / "build_info.json"
    if not force and info_path.exists():
        try:
            old = json.loads(info_path.read_text(encoding="utf-8"))
        except ValueError:
            old = {}
        same = all(old.get(k) == v for k, v in info.items())
        if same and all((out_dir / f"{n}.parquet").exists() for n in schema.TABLES):
            return old | {"skipped": True}

    for p in folder.warnings:
        say(str(p))
    cache = str(cache_dir) if cache_dir else None
    if jobs is None:
        jobs = _auto_jobs(folder, raw_hashes, cache)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        pool = _start_pool(jobs, len(folder.rows))
        try:
            # Stage 1 decodes every file (an unreadable one fails the build, all listed at once).
            corpus = read_corpus(
                folder,
                cache_dir=cache,
                jobs=jobs,
                progress=progress,
                raw_hashes=raw_hashes,
                pool=pool,
            )
            warnings = list(corpus.warnings)
            fingerprint = _inputs_fingerprint(backend)
            generations = [
                corpus.cache_generation,
                _generation(cache, "process", fingerprint),
            ]
            for g in generations:  # in use from now on: another build's prune keeps them
                if g and os.path.isdir(g):
                    with contextlib.suppress(OSError):
                        os.utime(g)
            ids = list(corpus.reports["report_id"])
            stamp = current_stamp()
            work = [
                (rid, corpus.texts[rid], backend, fingerprint, generations[1], stamp) for rid in ids
            ]
            # Stage 2; the tokens are checked and written as they come (into tmp only)
            by_id, n_tokens, token_problems = _process_and_write_tokens(
                tmp,
                ids,
                work,
                corpus.texts,
                backend,
                generations[1],
                jobs=jobs,
                progress=progress,
                pool=pool,
            )
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)  # on an error, queued reports are dropped
        assembled = _assemble(corpus, by_id, corrections_path, warnings)
        tables = assembled.tables
        by_id.clear()
        problems = _validate_tables(tables, corpus.texts, token_problems)
        if problems:
            raise BuildError(
                "the tables failed validation (nothing was written):\n  - "
                + "\n  - ".join(problems)
            )
        reports = tables["reports"]
        n_sections = dict(zip(reports["report_id"], reports["n_sections"], strict=True))
        files = dict(zip(reports["report_id"], reports["file"], strict=True))
        for rid in ids:
            if n_sections.get(rid) == 1:
                warnings.append(
                    f"{files[rid]}: no outline recognised; the report is one preamble section"
                )
        for w in warnings:
            say(f"warning: {w}")

        counts = {name: len(df) for name, df in tables.items()} | {"tokens": n_tokens}
        info["tables"] = {name: int(counts[name]) for name in schema.TABLES}
        info["warnings"] = warnings
        for name, df in tables.items():
            _write_table(df, tmp, name, assembled.arrow.get(name), assembled.csv_rows.get(name))
        (tmp / "build_info.json").write_text(
            json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        (tmp / ".gitkeep").touch()
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if cache:
        try:  # best effort: the outputs are in place, and the cache only saves work
            for g in generations:
                if os.path.isdir(g):
                    os.utime(g)  # "most recently used", for prune_cache
            prune_cache(cache, generations)
        except OSError as e:
            say(f"warning: the build cache could not be pruned: {e}")
    return info | {"skipped": False}


def _auto_jobs(folder, raw_hashes: dict[str, str], cache: str | None) -> int:
    """2 workers when there is enough uncached work and 2 cores, else 1."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cores or 1) < 2 or len(folder.rows) <= AUTO_JOBS_MIN_REPORTS:
        return 1
    if cache:
        fingerprint = _read_fingerprint()
        generation = _generation(cache, "read", fingerprint)
        missing = 0
        for row in folder.rows:
            key = _read_key(fingerprint, raw_hashes[row["file"]], row)
            missing += not os.path.exists(_cache_path(generation, key))
            if missing > AUTO_JOBS_MIN_REPORTS:
                break
        if missing <= AUTO_JOBS_MIN_REPORTS:
            return 1
    return 2


def _start_pool(jobs: int, n: int):
    if jobs <= 1 or n <= 1:
        return None
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # The build needs pandas and pyarrow here anyway: imported before the workers start,
    # forked workers share them instead of importing them again (about 0.5 s each).
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    # Forking while other threads run (``analysis run`` starts its notebook kernels from
    # threads) can copy a lock some thread holds: then the workers start from a fork server.
    context = None
    if threading.active_count() > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _run_work(
    func: Callable,
    work: list,
    jobs: int,
    progress: bool | None,
    desc: str = "build",
    pool=None,
    on_result: Callable[[int, Any], None] | None = None,
) -> list:
    """``[func(w) for w in work]``, on ``jobs`` processes; ``on_result(i, r)`` as each arrives
    (in order)."""
    from tqdm.auto import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(work), desc=desc, unit="report", disable=not show, file=sys.stderr)
    out = []
    if jobs > 1 and len(work) > 1:
        own = pool is None
        pool = pool or _start_pool(jobs, len(work))
        try:
            results = pool.map(func, work, chunksize=max(1, min(16, len(work) // (jobs * 8))))
            for r in results:
                if on_result is not None:
                    on_result(len(out), r)
                out.append(r)
                bar.update()
        finally:
            if own:
                pool.shutdown()
    else:
        for w in work:
            r = func(w)
            if on_result is not None:
                on_result(len(out), r)
            out.append(r)
            bar.update()
    bar.close()
    return out


def _process_and_write_tokens(
    folder: Path,
    ids: list[str],
    work: list,
    texts: dict[str, str],
    backend: str,
    generation: str | None,
    *,
    jobs: int,
    progress: bool | None,
    pool=None,
) -> tuple[dict[str, dict], int, list[str]]:
    """Stage 2 for every report, the tokens table written while the workers go on.

    The main process would otherwise wait for its workers and write the whole tokens table
    after them, with the workers idle: here a thread writes each report's tokens as soon as
    its result arrives (in order). Returns ``(results by report id, token rows, problems)``.
    """
    import queue
    import threading

    by_id: dict[str, dict] = {}
    arrived: queue.SimpleQueue = queue.SimpleQueue()
    done: dict = {}

    def in_order():
        while (rid := arrived.get()) is not None and "abort" not in done:
            yield rid

    def write() -> None:
        try:
            done["value"] = _write_tokens(folder, in_order(), by_id, texts, backend, generation)
        except BaseException as e:  # raised in the main thread, once stage 2 has stopped
            done["error"] = e
            for _ in in_order():  # keep taking what arrives until stage 2 stops
                pass

    def on_result(i: int, result: dict) -> None:
        if "error" in done:  # the writer failed: stop stage 2 now rather than at its end
            raise done["error"]
        by_id[ids[i]] = result
        arrived.put(ids[i])

    writer = threading.Thread(target=write, name="tokens-writer", daemon=True)
    writer.start()
    try:
        _run_work(
            _cached_process, work, jobs=jobs, progress=progress, pool=pool, on_result=on_result
        )
    finally:
        arrived.put(None)
        interrupted = None
        while writer.is_alive():
            try:
                writer.join()
            except KeyboardInterrupt as e:  # Ctrl-C while waiting: the writer stops at once
                done["abort"] = True
                interrupted = e
        if interrupted is not None:
            raise interrupted
    if "error" in done:
        raise done["error"]
    n_tokens, problems = done["value"]
    return by_id, n_tokens, problems


def _frame(name: str, batches: list) -> pd.DataFrame:
    """One stage-2 table from the reports' record batches, converted to pandas once."""
    import pandas as pd
    import pyarrow as pa

    parts = [b for b in batches if b.num_rows]
    if not parts:
        return pd.DataFrame(columns=list(schema.TABLES[name].columns))
    table = pa.Table.from_batches(parts, schema=_arrow_schema(name))
    return table.to_pandas()


@dataclass
class _Assembled:
    """The tables but tokens (written report by report), and what writes them faster."""

    tables: dict[str, pd.DataFrame]
    arrow: dict[str, pa.Table | None]  # sections and metrics as built (None: use pandas)
    csv_rows: dict[str, list[bytes] | None]  # their CSV rows per report (None: format all)


def _assemble(
    corpus: Corpus, results: dict[str, dict], corrections_path: Path, warnings: list[str]
) -> _Assembled:
    import pandas as pd
    import pyarrow as pa

    from analysis.metrics import (
        INDICATOR_COLUMNS,
        apply_corrections,
        derive_indicators,
        read_corrections,
    )

    order = corpus.reports["report_id"].tolist()
    frames, arrow, csv_rows = {}, {}, {}
    for name in ("sections", "metrics"):
        parts = [results[rid].pop(name) for rid in order]
        batches = [_from_ipc(p["ipc"]) for p in parts]
        if name == "sections":
            n_sections = [b.num_rows for b in batches]
        rows = [p["csv"] for p in parts]
        csv_rows[name] = None if any(r is None for r in rows) else rows
        del parts, rows
        nonempty = [b for b in batches if b.num_rows]
        if nonempty:
            arrow[name] = pa.Table.from_batches(nonempty, schema=_arrow_schema(name))
            frames[name] = arrow[name].to_pandas()
        else:
            arrow[name] = None
            frames[name] = pd.DataFrame(columns=list(schema.TABLES[name].columns))
        del batches, nonempty
    sections, metrics = frames["sections"], frames["metrics"]
    # each report's indicator rows were derived in stage 2, from its uncorrected metrics
    per_report = {rid: results[rid].pop("indicators") for rid in order}
    if corrections_path.exists():
        corrections = read_corrections(corrections_path)
        metrics, notes = apply_corrections(metrics, corrections)
        warnings.extend(f"{corrections_path.name}: {n}" for n in notes)
        arrow["metrics"] = csv_rows["metrics"] = None  # corrected: written from pandas
        # a corrected report's indicators are derived again from its corrected metrics
        touched = sorted(set(corrections["report_id"].astype(str)) & set(per_report))
        if touched:
            again = derive_indicators(
                metrics[metrics["report_id"].isin(touched)],
                {rid: corpus.texts[rid] for rid in touched},
            )
            for rid in touched:
                rows = again[again["report_id"] == rid]
                per_report[rid] = {c: rows[c].tolist() for c in INDICATOR_COLUMNS}
    indicators = _indicators_frame([per_report[rid] for rid in sorted(per_report)])
    reports = corpus.reports.copy()
    reports["n_sections"] = pd.Series(n_sections, dtype="int64")
    tables = {
        "reports": reports,
        "cleaning": corpus.cleaning,
        "sections": sections,
        "metrics": metrics,
        "indicators": indicators,
    }
    return _Assembled(tables=tables, arrow=arrow, csv_rows=csv_rows)


def _indicators_frame(parts: list[dict[str, list]]) -> pd.DataFrame:
    """The ``indicators`` table from the reports' rows, in order, built as
    ``derive_indicators`` builds it (same columns and dtypes)."""
    import pandas as pd

    from analysis.metrics import INDICATOR_COLUMNS

    out: dict[str, list] = {c: [] for c in INDICATOR_COLUMNS}
    for part in parts:
        for c in INDICATOR_COLUMNS:
            out[c].extend(part[c])
    frame = pd.DataFrame(out, columns=INDICATOR_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame[["start", "end"]] = frame[["start", "end"]].astype("int64")
    return frame.reset_index(drop=True)


def ensure_built(
    raw_dir: Path | str = paths.RAW_DIR,
    out_dir: Path | str = paths.PROCESSED_DIR,
    progress: bool | None = None,
    **kwargs,
) -> dict:
    """Build the tables when the raw reports, the manifest or the lexicons changed."""
    return build(raw_dir, out_dir, progress=progress, **kwargs)


def read_tables(out_dir: Path | str = paths.PROCESSED_DIR) -> dict[str, pd.DataFrame]:
    """Every table of a build, by name (reports, cleaning, sections, metrics, indicators, tokens)."""
    return {name: read_table(name, out_dir) for name in schema.TABLES}


def read_table(name: str, out_dir: Path | str = paths.PROCESSED_DIR) -> pd.DataFrame:
    """One table of a build; a clear error when it has not been built."""
    path = Path(out_dir) / f"{name}.parquet"
    if name not in schema.TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {', '.join(schema.TABLES)}")
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `analysis build` (or `make all`) first"
        )
    import pandas as pd

    return pd.read_parquet(path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``analysis build``."""
    parser.add_argument(
        "--raw", type=Path, default=paths.RAW_DIR, help="raw folder (default: data/raw/)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=paths.PROCESSED_DIR,
        help="output folder (default: data/processed/)",
    )
    parser.add_argument(
        "--backend",
        choices=("auto", "rjieba", "jieba"),
        default="auto",
        help="word segmenter: rjieba (fast, same tokens) or jieba (reference); default auto",
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    parser.add_argument("--no-cache", action="store_true", help="do not use or fill .cache/build/")
    parser.add_argument("--clear-cache", action="store_true", help="delete .cache/build/ first")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="worker processes for per-report work (default: automatic, 2 when more than "
        f"{AUTO_JOBS_MIN_REPORTS} reports need processing and there are 2+ cores)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def command(args: argparse.Namespace) -> int:
    """Run the build; exit 1 with every problem listed when it fails."""
    cache_dir = paths.CACHE_DIR / "build"
    if args.clear_cache:
        shutil.rmtree(cache_dir, ignore_errors=True)
    try:
        info = build(
            args.raw,
            args.out,
            backend=args.backend,
            cache_dir=None if args.no_cache else cache_dir,
            force=args.force,
            jobs=args.jobs,
            progress=False if args.no_progress else None,
        )
    except BuildError as e:
        print(f"build failed: {e}", file=sys.stderr)
        return 1
    if info.get("skipped"):
        print(f"{args.out}: up to date (inputs unchanged)")
    else:
        counts = ", ".join(f"{k} {v}" for k, v in info["tables"].items())
        print(f"{args.out}: {counts}")
    return 0
