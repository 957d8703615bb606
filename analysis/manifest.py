"""Validate a raw folder and its manifest (``analysis check``), writing nothing.

The manifest ``data/raw/reports.csv`` is the one source of truth about which reports exist.
Its header is ``report_id,file,jurisdiction,city,province,level,bureau,year,published,
source_url``; only ``file`` is required, blank fields are inferred from the text by the build.
Every problem is reported at once, each naming its file and what to do.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from analysis import paths

MANIFEST_COLUMNS = (
    "report_id",
    "file",
    "jurisdiction",
    "city",
    "province",
    "level",
    "bureau",
    "year",
    "published",
    "source_url",
)
LEVELS = ("province", "city", "district", "county", "town")  # town: a 乡, 镇 or 街道
YEAR_MIN, YEAR_MAX = 1978, 2100


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the raw folder: 'error' stops the build, 'warning' does not."""

    severity: str
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.file}: {self.message}"


@dataclass
class RawFolder:
    """A validated raw folder: manifest rows (strings, '' when blank) and the problems found."""

    raw_dir: Path
    rows: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class RawFolderError(ValueError):
    """The raw folder has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"the raw folder has {len(problems)} problem(s):\n{lines}")


def _read_manifest_rows(path: Path, problems: list[Problem]) -> list[dict[str, str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            what = f"the manifest is not UTF-8 (line {line})"
        else:  # what Excel's 「CSV(逗号分隔)」 writes on Chinese Windows
            what = (
                f"the manifest is not UTF-8 but GBK, as Excel saves 「CSV(逗号分隔)」 (line {line})"
            )
        problems.append(
            Problem(
                "error",
                path.name,
                f"{what}: in Excel, 另存为 「CSV UTF-8(逗号分隔)(*.csv)」; in a text editor, "
                "save it with encoding UTF-8",
            )
        )
        return []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        problems.append(Problem("error", path.name, "the manifest is empty: it needs a header"))
        return []
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "file" not in header:
        problems.append(
            Problem(
                "error",
                path.name,
                f"the manifest has no 'file' column; its header must be {','.join(MANIFEST_COLUMNS)}",
            )
        )
        return []
    unknown = [h for h in header if h not in MANIFEST_COLUMNS]
    if unknown:
        problems.append(
            Problem(
                "warning",
                path.name,
                f"unknown column(s) {', '.join(unknown)} ignored; known: {', '.join(MANIFEST_COLUMNS)}",
            )
        )
    rows = []
    for raw_row in reader:
        row = {c: (raw_row.get(c) or "").strip() for c in MANIFEST_COLUMNS}
        rows.append(row)
    return rows


def _paths_under(raw_dir: Path) -> list[str]:
    """Every path below ``raw_dir`` (files and folders, at any depth, through linked folders
    as ``Path.rglob`` goes), relative and with ``/``, in ``sorted(Path)`` order: by their
    parts. Listed with ``os.walk``: comparing thousands of ``Path`` objects took half a
    second of a no-op build of 3,600 reports."""
    out: list[tuple[list[str], str]] = []
    for top, dirs, files in os.walk(raw_dir, followlinks=True):
        rel_top = os.path.relpath(top, raw_dir)
        base = "" if rel_top == "." else rel_top.replace(os.sep, "/") + "/"
        for name in dirs + files:
            rel = base + name
            out.append((rel.split("/"), rel))
    out.sort(key=lambda t: t[0])
    return [rel for _, rel in out]


def _inside(raw_dir: Path, file: str, resolved_dir: Path | None = None) -> Path | None:
    """The file's path if it stays inside raw_dir, else None.

    A plain name of a regular file directly in raw_dir (not a symlink, no ``..``) is
    inside by construction: it is checked with one ``lstat``. Anything else (sub-folders,
    ``..``, symlinks) is resolved and must stay inside ``raw_dir.resolve()``.
    """
    if not file or Path(file).is_absolute() or "\\" in file:
        return None
    if "/" not in file and file not in (".", ".."):
        try:
            st = os.lstat(raw_dir / file)
        except (OSError, ValueError):
            st = None
        if st is not None and stat.S_ISREG(st.st_mode):
            return raw_dir / file
    target = (raw_dir / file).resolve()
    try:
        target.relative_to(resolved_dir or raw_dir.resolve())
    except ValueError:
        return None
    return target


# files that look like reports in another format: named in a warning, never read
_DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".wps", ".rtf", ".odt", ".ofd"})
# ... and saved pages, exports and Word documents, which are read once the manifest names them
_SAVED_PAGE_SUFFIXES = frozenset({".html", ".htm", ".mht", ".mhtml", ".xml", ".json", ".docx"})


def validate_raw(raw_dir: Path | str = paths.RAW_DIR, read_files: bool = True) -> RawFolder:
    """Check a raw folder and its manifest; collect every problem, raise nothing.

    Args:
        raw_dir: the folder holding the reports and ``reports.csv``.
        read_files: also decode every report (empty or undecodable files are errors).

    Returns:
        A :class:`RawFolder` whose ``rows`` are the reports to build (manifest rows plus any
        ``.txt`` not in the manifest, with a warning) and whose ``problems`` list everything.
    """
    from analysis.reading import ReportReadError, read_report

    raw_dir = Path(raw_dir)
    result = RawFolder(raw_dir=raw_dir)
    problems = result.problems
    if not raw_dir.is_dir():
        problems.append(Problem("error", str(raw_dir), "the raw folder does not exist"))
        return result
    manifest = raw_dir / paths.MANIFEST_NAME
    rows: list[dict[str, str]] = []
    unreadable = False  # a manifest there but not read: its files are not "unlisted"
    if manifest.exists():
        n_errors = len(problems)
        rows = _read_manifest_rows(manifest, problems)
        unreadable = any(p.severity == "error" for p in problems[n_errors:])
    else:
        problems.append(
            Problem(
                "warning",
                paths.MANIFEST_NAME,
                "no manifest: every .txt in the folder is included with inferred metadata; "
                f"add {paths.MANIFEST_NAME} to record them",
            )
        )

    seen_files: dict[str, int] = {}
    kept: list[dict[str, str]] = []
    resolved_dir = raw_dir.resolve()
    for i, row in enumerate(rows, start=2):
        f = row["file"]
        label = f or f"{paths.MANIFEST_NAME} line {i}"
        if not f:
            problems.append(
                Problem("error", label, "the 'file' field is blank: name the report file")
            )
            continue
        target = _inside(raw_dir, f, resolved_dir)
        if target is None:
            problems.append(
                Problem(
                    "error",
                    f,
                    "the path leaves the raw folder (refused): put the file inside "
                    f"{raw_dir} and name it relative to it",
                )
            )
            continue
        if not target.is_file():
            problems.append(
                Problem(
                    "error",
                    f,
                    f"listed in {paths.MANIFEST_NAME} but missing: add the file to {raw_dir} "
                    "or remove its row",
                )
            )
            continue
        if f in seen_files:
            problems.append(Problem("error", f, "listed twice in the manifest: keep one row"))
            continue
        seen_files[f] = i
        if row["year"] and not (
            re.fullmatch(r"\d{4}", row["year"]) and YEAR_MIN <= int(row["year"]) <= YEAR_MAX
        ):
            problems.append(
                Problem(
                    "error",
                    f,
                    f"year {row['year']!r} is not a year: write the year the report covers, e.g. 2023",
                )
            )
        if row["published"]:
            try:
                date.fromisoformat(row["published"])
            except ValueError:
                problems.append(
                    Problem(
                        "error",
                        f,
                        f"published {row['published']!r} is not a date: write YYYY-MM-DD",
                    )
                )
        if row["level"] and row["level"] not in LEVELS:
            problems.append(
                Problem("error", f, f"level {row['level']!r} is not one of {', '.join(LEVELS)}")
            )
        if row["report_id"] and not re.fullmatch(r"[A-Za-z0-9_\-]+", row["report_id"]):
            problems.append(
                Problem(
                    "error",
                    f,
                    f"report_id {row['report_id']!r}: use letters, digits, '_' and '-' only",
                )
            )
        kept.append(row)

    id_counts = Counter(r["report_id"] for r in kept if r["report_id"])
    files_by_id: dict[str, list[str]] = {}
    for r in kept:
        if id_counts.get(r["report_id"], 0) > 1:
            files_by_id.setdefault(r["report_id"], []).append(r["file"])
    for rid in sorted(files_by_id):
        files = files_by_id[rid]
        problems.append(
            Problem(
                "error",
                ", ".join(files),
                f"duplicate report_id {rid!r}: give each report its own id",
            )
        )

    listed = {r["file"] for r in rows}
    under = _paths_under(raw_dir)
    for rel in under:
        if not rel.endswith(".txt"):
            continue
        if rel not in seen_files and rel not in listed:
            if not unreadable:
                problems.append(
                    Problem(
                        "warning",
                        rel,
                        f"not in {paths.MANIFEST_NAME}: included with inferred metadata; "
                        "add a row to record it",
                    )
                )
            kept.append({c: "" for c in MANIFEST_COLUMNS} | {"file": rel})

    for rel in under:
        doc = raw_dir / rel
        if (
            doc.suffix.lower() in _SAVED_PAGE_SUFFIXES
            and doc.is_file()
            and not doc.name.startswith("~$")  # (Word's lock file beside an open document)
            and rel not in listed
            and doc.name != paths.MANIFEST_NAME
        ):
            problems.append(
                Problem(
                    "warning",
                    rel,
                    f"not read: not in {paths.MANIFEST_NAME}; a saved page, an export or a "
                    "Word document (HTML, MHTML, an RSS/XML feed, a CMS's JSON answer, .docx) "
                    "is read once a row names it: add one",
                )
            )
        elif doc.suffix.lower() in _DOCUMENT_SUFFIXES and doc.is_file() and rel not in listed:
            problems.append(
                Problem(
                    "warning",
                    rel,
                    "not read: only plain-text reports (.txt) are read; save it as text "
                    "(UTF-8 or GBK: pdftotext, or Word's 另存为 纯文本) and add that .txt",
                )
            )

    if read_files:
        for row in kept:
            try:
                read_report(raw_dir / row["file"])
            except ReportReadError as e:
                problems.append(Problem("error", row["file"], e.message))
    bad = {p.file for p in problems if p.severity == "error"}
    result.rows = [r for r in kept if r["file"] not in bad]
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``analysis check``."""
    parser.add_argument(
        "--raw", type=Path, default=paths.RAW_DIR, help="raw folder (default: data/raw/)"
    )


def command(args: argparse.Namespace) -> int:
    """Validate the raw folder and print a short summary; exit 1 on any error."""
    from analysis.build import BuildError, read_corpus

    folder = validate_raw(args.raw)
    for p in folder.problems:
        print(p, file=sys.stderr)
    errors = [str(p) for p in folder.errors]
    if folder.rows or not errors:
        try:  # cleaning and metadata, as the build does them: a report may have no text left
            corpus = read_corpus(folder)
        except BuildError as e:
            for p in e.problems or [str(e)]:
                print(p, file=sys.stderr)
                errors.append(p)
    if errors:
        print(
            f"{len(errors)} error(s) in {args.raw}: fix them and run `analysis check` again",
            file=sys.stderr,
        )
        return 1
    for w in corpus.warnings:
        print(f"warning: {w}", file=sys.stderr)
    reports = corpus.reports
    years = sorted({str(y) for y in reports["year"] if str(y) not in ("", "<NA>", "nan")})
    cities = sorted({c for c in reports["city"] if c})
    print(f"{len(reports)} reports in {args.raw}")
    print(f"years:  {', '.join(years) or '(none inferred)'}")
    print(f"cities: {', '.join(cities) or '(none inferred)'}")
    inferred = {row["file"] for row in folder.rows if not row["report_id"]}
    ids = [
        rid + ("*" if file in inferred else "")
        for rid, file in zip(reports["report_id"], reports["file"], strict=True)
    ]
    width = max([20, *map(len, ids)])
    for rid, r in zip(ids, reports.itertuples(), strict=True):
        print(f"  {rid:<{width}} {r.year!s:<5} {r.level:<9} {r.bureau or '?'}  ({r.file})")
    if inferred:
        print(
            f"* inferred report_id ({len(inferred)} of {len(reports)}): pin it in the report_id "
            f"column of {paths.MANIFEST_NAME}, so that later edits cannot change it"
        )
    return 0
