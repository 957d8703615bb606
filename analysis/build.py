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

The expensive per-report work is cached under .cache/build/, keyed by a content hash of the
report's text, its id, the lexicons, the segmenter and the package version: a rebuild with
nothing changed is skipped outright, and adding a report processes only that report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import __version__, paths, schema

CACHE_FORMAT = 1


# --------------------------------------------------------------------------- corpus (stage 1)
@dataclass
class Corpus:
    """The corpus after reading, cleaning and metadata: one entry per report."""

    reports: pd.DataFrame
    texts: dict[str, str]
    cleaning: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


def _sha256_bytes(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def read_corpus(folder) -> Corpus:
    """Read, clean and describe every report of a validated raw folder.

    Args:
        folder: a :class:`analysis.manifest.RawFolder` without errors.

    Returns:
        The :class:`Corpus`: the ``reports`` table (n_sections still 0), cleaned texts by
        report_id, the ``cleaning`` table, and warnings (each naming its file).
    """
    from analysis.cleaning import clean_text
    from analysis.metadata import infer_metadata, merge_with_manifest, slug
    from analysis.reading import read_report

    rows, texts, removed, warnings = [], {}, [], []
    for row in folder.rows:
        path = folder.raw_dir / row["file"]
        raw_text, encoding = read_report(path)
        cleaned = clean_text(raw_text, report_id=row["report_id"] or row["file"])
        inferred = infer_metadata(cleaned.text, cleaned.metadata)
        values, notes = merge_with_manifest(row, inferred)
        warnings.extend(f"{row['file']}: {n}" for n in notes)
        values.update(
            report_id=row["report_id"],
            file=row["file"],
            n_chars=len(cleaned.text),
            n_sections=0,
            encoding=encoding,
            sha256=_sha256_bytes(path.read_bytes()),
            _slug=slug(values["jurisdiction"], values["year"])
            if values["jurisdiction"]
            else slug(Path(row["file"]).stem, ""),
        )
        rows.append(values)
        texts[row["file"]] = cleaned.text
        removed.append(cleaned.removed.assign(_file=row["file"]))

    # report_id: the manifest's, else a readable slug; slugs that collide get the file stem.
    taken = {r["report_id"] for r in rows if r["report_id"]}
    slugs = [r["_slug"] for r in rows if not r["report_id"]]
    for r in rows:
        if r["report_id"]:
            continue
        rid = r["_slug"]
        if slugs.count(rid) > 1 or rid in taken:
            stem = "".join(ch for ch in Path(r["file"]).stem if ch.isalnum() or ch in "_-")
            rid = f"{rid}_{stem}"
            warnings.append(f"{r['file']}: report_id {r['_slug']!r} is taken; using {rid!r}")
        r["report_id"] = rid
        taken.add(rid)

    by_file = {r["file"]: r["report_id"] for r in rows}
    texts = {by_file[f]: t for f, t in texts.items()}
    reports = pd.DataFrame(rows, columns=list(schema.REPORTS.columns))
    reports["year"] = pd.to_numeric(reports["year"], errors="coerce").astype("Int64")
    reports = reports.sort_values("report_id", kind="stable").reset_index(drop=True)
    cleaning = (
        pd.concat(removed, ignore_index=True)
        if removed
        else pd.DataFrame(columns=[*schema.CLEANING.columns, "_file"])
    )
    if len(cleaning):
        cleaning["report_id"] = cleaning["_file"].map(by_file)
    cleaning = cleaning.drop(columns="_file")[list(schema.CLEANING.columns)]
    cleaning = cleaning.sort_values(["report_id", "line_no"], kind="stable").reset_index(drop=True)
    return Corpus(reports=reports, texts=texts, cleaning=cleaning, warnings=warnings)


# ------------------------------------------------------------------ per report (stage 2)
def process_text(report_id: str, text: str, backend: str = "auto") -> dict[str, pd.DataFrame]:
    """Sections, raw metrics and tokens of one cleaned text (the cached unit of work)."""
    from analysis.metrics import extract_metrics
    from analysis.sections import split_sections
    from analysis.tokens import tokenize_sections

    sections = split_sections(text, report_id=report_id)
    return {
        "sections": sections,
        "metrics": extract_metrics(sections),
        "tokens": tokenize_sections(sections, backend=backend),
    }


def _inputs_fingerprint(backend: str) -> str:
    from analysis.lexicons import lexicon_hashes
    from analysis.tokens import backend_info

    info = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "lexicons": lexicon_hashes(),
        "backend": backend_info(backend),
    }
    return _sha256_bytes(json.dumps(info, sort_keys=True, ensure_ascii=False).encode())


def _cached_process(args: tuple[str, str, str, str, str]) -> dict[str, pd.DataFrame]:
    report_id, text, backend, fingerprint, cache_dir = args
    key = _sha256_bytes(f"{fingerprint}\0{report_id}\0{text}".encode())
    path = Path(cache_dir) / key[:2] / f"{key}.pkl"
    if path.exists():
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except Exception:  # a damaged cache entry is recomputed, never trusted
            pass
    result = process_text(report_id, text, backend=backend)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return result


# ----------------------------------------------------------------------------- validation
def validate_tables(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> list[str]:
    """Check every table before anything is written; return the problems found.

    Checks: the columns are exactly those of :mod:`analysis.schema`, in order; keys are
    unique; sections of each report join to its cleaned text and their offsets slice it;
    metric and token offsets slice the cleaned text to the recorded ``raw`` / ``token``.
    """
    problems = []
    for name, table in schema.TABLES.items():
        df = tables[name]
        if list(df.columns) != list(table.columns):
            problems.append(f"{name}: columns {list(df.columns)} != {list(table.columns)}")
            continue
        if len(df) and df.duplicated(list(table.key)).any():
            problems.append(f"{name}: duplicate keys {table.key}")
    sections = tables["sections"]
    for rid, text in texts.items():
        sec = sections[sections["report_id"] == rid]
        if "".join(sec["text"]) != text:
            problems.append(f"sections: {rid}: sections do not join to the cleaned text")
        for s, e, t in zip(sec["start"], sec["end"], sec["text"], strict=True):
            if text[s:e] != t:
                problems.append(f"sections: {rid}: offsets {s}:{e} do not slice the text")
                break
    metrics = tables["metrics"]
    for rid, s, e, raw in zip(
        metrics["report_id"], metrics["start"], metrics["end"], metrics["raw"], strict=True
    ):
        if texts[rid][s:e] != raw:
            problems.append(f"metrics: {rid}: {s}:{e} does not slice to {raw!r}")
            break
    return problems


# --------------------------------------------------------------------------------- writing
def _write_table(df: pd.DataFrame, folder: Path, name: str) -> None:
    df.to_parquet(folder / f"{name}.parquet", index=False)
    df.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n")


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


def _input_hashes(folder, corrections: Path) -> dict:
    raw = {r["file"]: _sha256_bytes((folder.raw_dir / r["file"]).read_bytes()) for r in folder.rows}
    manifest = folder.raw_dir / paths.MANIFEST_NAME
    return {
        "raw_files": dict(sorted(raw.items())),
        "manifest": _sha256_bytes(manifest.read_bytes()) if manifest.exists() else "",
        "corrections": _sha256_bytes(corrections.read_bytes()) if corrections.exists() else "",
    }


class BuildError(RuntimeError):
    """The build failed; data/processed/ was left as it was."""


def _raise_on_errors(folder) -> None:
    if folder.errors:
        raise BuildError(
            "the raw folder has errors (nothing was written):\n"
            + "\n".join(f"  - {p}" for p in folder.errors)
        )


def build(
    raw_dir: Path | str = paths.RAW_DIR,
    out_dir: Path | str = paths.PROCESSED_DIR,
    *,
    backend: str = "auto",
    corrections: Path | str | None = None,
    cache_dir: Path | str | None = paths.CACHE_DIR / "build",
    force: bool = False,
    jobs: int = 1,
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
        jobs: worker processes for per-report work (1 = serial; output is identical).
        progress: show a progress bar (default: when stderr is a terminal).
        log: where to send messages (default: stderr).

    Returns:
        The build info written to ``build_info.json`` (plus ``skipped`` = True/False).

    Raises:
        BuildError: on any problem with the inputs or the tables; nothing is written.
    """
    from analysis.lexicons import lexicon_hashes
    from analysis.manifest import validate_raw
    from analysis.tokens import backend_info

    say = log or (lambda m: print(m, file=sys.stderr))
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    corrections_path = (
        Path(corrections) if corrections else raw_dir.parent / paths.CORRECTIONS_FILE.name
    )
    # Cheap validation first (the manifest and paths): enough to tell whether anything changed.
    folder = validate_raw(raw_dir, read_files=False)
    _raise_on_errors(folder)

    info = {
        "package_version": __version__,
        "segmenter": backend_info(backend),
        "lexicons": lexicon_hashes(),
        "inputs": _input_hashes(folder, corrections_path),
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

    folder = validate_raw(raw_dir)  # now decode every file too
    _raise_on_errors(folder)
    for p in folder.warnings:
        say(str(p))
    corpus = read_corpus(folder)
    warnings = list(corpus.warnings)
    fingerprint = _inputs_fingerprint(backend)
    cache = str(cache_dir) if cache_dir else tempfile.mkdtemp(prefix="analysis-build-")
    ids = list(corpus.reports["report_id"])
    work = [(rid, corpus.texts[rid], backend, fingerprint, cache) for rid in ids]
    results = _run_work(work, jobs=jobs, progress=progress)
    if not cache_dir:
        shutil.rmtree(cache, ignore_errors=True)

    tables = _assemble(corpus, dict(zip(ids, results, strict=True)), corrections_path, warnings)
    problems = validate_tables(tables, corpus.texts)
    if problems:
        raise BuildError(
            "the tables failed validation (nothing was written):\n  - " + "\n  - ".join(problems)
        )
    for rid in ids:
        if (tables["sections"]["report_id"] == rid).sum() == 1:
            f = corpus.reports.loc[corpus.reports["report_id"] == rid, "file"].iloc[0]
            warnings.append(f"{f}: no outline recognised; the report is one preamble section")
    for w in warnings:
        say(f"warning: {w}")

    info["tables"] = {name: int(len(df)) for name, df in tables.items()}
    info["warnings"] = warnings
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        for name, df in tables.items():
            _write_table(df, tmp, name)
        (tmp / "build_info.json").write_text(
            json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        (tmp / ".gitkeep").touch()
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return info | {"skipped": False}


def _run_work(work: list, jobs: int, progress: bool | None) -> list[dict[str, pd.DataFrame]]:
    from tqdm.auto import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(work), desc="build", unit="report", disable=not show, file=sys.stderr)
    out = []
    if jobs > 1 and len(work) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for r in pool.map(_cached_process, work, chunksize=max(1, len(work) // (jobs * 8))):
                out.append(r)
                bar.update()
    else:
        for w in work:
            out.append(_cached_process(w))
            bar.update()
    bar.close()
    return out


def _assemble(
    corpus: Corpus, results: dict[str, dict], corrections_path: Path, warnings: list[str]
) -> dict[str, pd.DataFrame]:
    from analysis.metrics import apply_corrections, derive_indicators, read_corrections

    def cat(name: str) -> pd.DataFrame:
        parts = [results[rid][name] for rid in corpus.reports["report_id"]]
        parts = [p for p in parts if len(p)]
        if not parts:
            return pd.DataFrame(columns=list(schema.TABLES[name].columns))
        return pd.concat(parts, ignore_index=True)

    sections = cat("sections")
    metrics = cat("metrics")
    tokens = cat("tokens")
    if corrections_path.exists():
        metrics, notes = apply_corrections(metrics, read_corrections(corrections_path))
        warnings.extend(f"{corrections_path.name}: {n}" for n in notes)
    indicators = derive_indicators(metrics, sections)
    reports = corpus.reports.copy()
    counts = sections.groupby("report_id").size()
    reports["n_sections"] = reports["report_id"].map(counts).fillna(0).astype("int64")
    return {
        "reports": reports,
        "cleaning": corpus.cleaning,
        "sections": sections,
        "metrics": metrics,
        "indicators": indicators,
        "tokens": tokens,
    }


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
        "-j", "--jobs", type=int, default=1, help="worker processes for per-report work (default 1)"
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
