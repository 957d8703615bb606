"""Charts for the notebooks: the Chinese font, tidy chart data, chart verbs and figure export.

- :func:`setup_fonts` / :func:`set_theme` make matplotlib and seaborn draw Chinese with the
  Noto Sans SC font shipped by ``pylopdf-fonts-zh-cn``; :func:`save_figure` refuses a figure
  whose text has a character that font cannot draw.
- ``*_table`` functions turn the build's tables into the tidy table a chart draws (one row per
  plotted value, grain stated in each docstring); the same table is written beside the figure.
- ``plot_*`` verbs take those tables and return a matplotlib Figure.
- :func:`save_figure` writes ``<name>.png`` (deterministic bytes), a self-contained
  ``<name>.html`` (image, caption, data table, cited sentences; no external request) and a
  ``<name>.json`` sidecar the briefing collects.

Nothing runs at import time: the font is registered on the first call of :func:`setup_fonts`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import io
import json
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis import labels as lb
from analysis import paths

DPI = 200
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
CSP = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"
MAX_HTML_ROWS = 500
GLYPH_WARNING = r"Glyph .* missing from font"
NOT_REPORTED_COLOR = "#eeeeee"
NOT_REPORTED_HATCH = "#c4c4c4"  # the grey hatching of a not-reported gap
PALETTE = "tab10"


class MissingGlyphError(ValueError):
    """A figure's text has characters the Chinese font cannot draw."""


# ---------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------


def font_path() -> Path:
    """Path of the Noto Sans SC font file shipped by ``pylopdf-fonts-zh-cn``."""
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.sans_path())


@functools.lru_cache(maxsize=1)
def _register_font() -> str:
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


@functools.lru_cache(maxsize=1)
def font_codepoints() -> frozenset[int]:
    """The set of code points the Chinese font has a glyph for (read once).

    Read with FreeType (matplotlib's ``FT2Font``, the library that draws the text) from the
    font's Unicode character map: the same set as fontTools' ``getBestCmap()``, in about
    20 ms instead of half a second.
    """
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(font_path()))
    font.select_charmap(_FT_ENCODING_UNICODE)
    return frozenset(font.get_charmap())


_FT_ENCODING_UNICODE = 0x756E6963  # FreeType's 'unic' (prefers a full UCS-4 map)


def font_rc() -> dict[str, Any]:
    """The rcParams that make matplotlib draw with the Chinese font (registers it once)."""
    name = _register_font()
    return {
        "font.family": ["sans-serif"],
        "font.sans-serif": [name],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "savefig.dpi": DPI,
        "svg.fonttype": "none",
        "pdf.fonttype": 42,
    }


def setup_fonts() -> str:
    """Configure matplotlib (and seaborn, which draws through it) for Chinese text.

    Registers Noto Sans SC with matplotlib's font manager, makes it the only sans-serif
    font (so a character it lacks is caught, never silently drawn by a fallback font) and
    turns off the Unicode minus sign. Safe to call many times.

    Returns:
        The font's family name (``'Noto Sans SC'``).
    """
    import matplotlib as mpl

    rc = font_rc()
    mpl.rcParams.update(rc)
    return rc["font.sans-serif"][0]


def set_theme(**kwargs: Any) -> str:
    """``seaborn.set_theme`` that keeps the Chinese font (seaborn's themes reset the fonts).

    Args:
        **kwargs: passed to :func:`seaborn.set_theme` (``style``, ``context``, ``rc``, ...).

    Returns:
        The font's family name.
    """
    import seaborn as sns

    kwargs.setdefault("style", "whitegrid")
    rc = dict(kwargs.pop("rc", None) or {})
    rc.update(font_rc())
    sns.set_theme(rc=rc, **kwargs)
    return setup_fonts()


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Characters of ``texts`` the Chinese font has no glyph for (whitespace and controls ignored).

    Args:
        texts: strings to check.

    Returns:
        The missing characters, sorted, each once.
    """
    cmap = font_codepoints()
    missing: set[str] = set()
    for text in texts:
        for ch in text or "":
            if ch.isspace() or unicodedata.category(ch).startswith("C"):
                continue
            if ord(ch) not in cmap:
                missing.add(ch)
    return sorted(missing)


def check_figure_text(fig: Any) -> None:
    """Raise :class:`MissingGlyphError` if any visible text of a drawn figure lacks a glyph."""
    from matplotlib.text import Text

    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    bad = missing_glyphs(texts)
    if bad:
        where = [t for t in texts if any(ch in t for ch in bad)][:3]
        codes = ", ".join(f"{ch!r} U+{ord(ch):04X}" for ch in bad)
        raise MissingGlyphError(
            f"the figure's text has characters the font {font_path().name} cannot draw: "
            f"{codes}; in {where!r}"
        )


# ---------------------------------------------------------------------------------------
# Figure export
# ---------------------------------------------------------------------------------------


def render_png(fig: Any, dpi: int = DPI) -> bytes:
    """Render a figure to PNG bytes: deterministic (no software tag, no timestamp).

    Raises:
        MissingGlyphError: if the font lacks a character of the figure's text.
    """
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=GLYPH_WARNING)
        try:
            fig.savefig(
                buf,
                format="png",
                dpi=dpi,
                metadata={"Software": None},
                bbox_inches="tight",
                pad_inches=0.15,
                facecolor="white",
            )
        except UserWarning as exc:
            raise MissingGlyphError(str(exc)) from exc
    check_figure_text(fig)
    return buf.getvalue()


def _cell(value: Any, *, grouped: bool = True) -> str:
    """A table cell as text: never scientific notation.

    A whole number is written as an integer with thousands separators (``120,000``; a year
    column passes ``grouped=False``: ``2023``), a fraction with up to two decimals from 1 up
    (``1,262.5``, ``92.16``) and four significant digits below 1 (``0.1235``, ``0.0004``).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return f"{int(value):,}" if grouped else str(int(value))
    if isinstance(value, float | np.floating):
        v = float(value)
        if not math.isfinite(v):
            return "" if math.isnan(v) else str(v)
        sep = "," if grouped else ""
        if v == int(v) and abs(v) < 1e15:
            return f"{int(v):{sep}d}"
        if abs(v) >= 1:
            return f"{v:{sep}.2f}".rstrip("0").rstrip(".")
        return np.format_float_positional(v, precision=4, unique=False, fractional=False, trim="-")
    return str(value)


def _grouped_column(name: Any) -> bool:
    """Whether a column's numbers get thousands separators (not years: 2023, not 2,023)."""
    return not str(name).lower().endswith("year")


# columns whose values are keys of labels.tsv: the HTML data table adds their label
LABELLED_COLUMNS = {
    "indicator": "indicator",
    "category": "category",
    "unit_family": "unit_family",
    "level": "level",
    "kind": "kind",
    "method": "method",
    "rule": "rule",
    "unit": "unit",
}


def readable_table(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table with a ``<column>_label`` column after each column of lexicon keys.

    Keys such as ``admin_litigation_cases`` or ``business_environment`` get their display
    label from ``labels.tsv`` (``行政诉讼案件`` / ``Administrative litigation cases``) beside
    them; a column whose keys have no label in that language (Chinese units in ``zh``) gets
    none. The key columns are kept, so the table still joins with the build's tables.
    """
    out = table.copy()
    for col in list(table.columns):
        kind = LABELLED_COLUMNS.get(str(col))
        if kind is None or f"{col}_label" in out.columns:
            continue
        keys = table[col]
        if kind == "unit" and "indicator" in table.columns:  # 件 of documents: documents
            pairs = zip(keys, table["indicator"].astype(str), strict=True)
            names = [unit_label(k, lang, i) if isinstance(k, str) else k for k, i in pairs]
        else:
            names = [lb.label_key(kind, k, lang) if isinstance(k, str) else k for k in keys]
        if all(n == k or not isinstance(k, str) for n, k in zip(names, keys, strict=True)):
            continue
        out.insert(out.columns.get_loc(col) + 1, f"{col}_label", names)
    return out


def render_table(table: pd.DataFrame, max_rows: int = MAX_HTML_ROWS) -> str:
    """Render a DataFrame as an HTML table, every cell escaped.

    Numbers are written for reading (see :func:`_cell`): never in scientific notation,
    whole numbers with thousands separators (not in a column named ``year`` or ``*_year``).

    Args:
        table: any DataFrame (its index is dropped; name columns you need).
        max_rows: rows shown; a note says how many more there are.

    Returns:
        An HTML fragment.
    """
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    grouped = [_grouped_column(c) for c in table.columns]
    rows = []
    for record in table.head(max_rows).itertuples(index=False):
        cells = (
            f"<td>{html.escape(_cell(v, grouped=g))}</td>"
            for v, g in zip(record, grouped, strict=True)
        )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(table) > max_rows:
        more = f"<p class='note'>… {len(table) - max_rows} more rows not shown</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def render_evidence(evidence: pd.DataFrame, max_rows: int = MAX_HTML_ROWS) -> str:
    """Render cited sentences: one block per row, the quantity marked inside its sentence.

    Args:
        evidence: columns ``report``, ``section``, ``raw``, ``sentence`` (others, such as
            ``indicator`` and ``value``, are shown in the block's header).
        max_rows: blocks shown.

    Returns:
        An HTML fragment (all report text escaped).
    """
    blocks = []
    extra = [c for c in evidence.columns if c not in ("report", "section", "raw", "sentence")]
    for _, row in evidence.head(max_rows).iterrows():
        sentence = str(row.get("sentence", "") or "")
        raw = str(row.get("raw", "") or "")
        pos = sentence.find(raw) if raw else -1
        if pos >= 0:
            body = (
                html.escape(sentence[:pos])
                + f"<mark>{html.escape(raw)}</mark>"
                + html.escape(sentence[pos + len(raw) :])
            )
        else:
            body = html.escape(sentence)
        meta = " · ".join(html.escape(_cell(row.get(c))) for c in extra if _cell(row.get(c)))
        blocks.append(
            "<blockquote>"
            f"<div class='cite'>{html.escape(str(row.get('report', '')))} — "
            f"{html.escape(str(row.get('section', '')))}"
            f"{' · ' + meta if meta else ''}</div>"
            f"<p>{body}</p></blockquote>"
        )
    more = ""
    if len(evidence) > max_rows:
        more = f"<p class='note'>… {len(evidence) - max_rows} more not shown</p>"
    return "".join(blocks) + more


PAGE_STYLE = """
body{font-family:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;
line-height:1.55}
img{max-width:100%;height:auto;border:1px solid #ddd}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
blockquote{margin:.6em 0;padding:.3em .8em;border-left:4px solid #6a8caf;background:#f7f9fb}
.cite{font-size:.8em;color:#555}
mark{background:#ffe08a}
.note{color:#666;font-size:.85em}
figcaption{margin:.4em 0 1em;color:#333}
section.finding{margin:.8em 0}
"""


SUBSET_OPTIONS = {"flavor": "woff", "notdef_outline": True}  # fontTools subset.Options


def font_subset(chars: str, cache_dir: Path | str | None = None) -> bytes:
    """Noto Sans SC cut down to ``chars`` (plus the digits), as WOFF bytes.

    Subsetting costs about a second, so the result is kept in ``cache_dir`` (default
    ``.cache/font_subsets/``) under a key made of everything the bytes depend on: the sorted
    characters, the sha256 of the font file, the fontTools and zlib (WOFF compression)
    versions and the subsetting options. A damaged or unreadable entry is recomputed; an
    unwritable cache is skipped.
    """
    import zlib
    from importlib import metadata

    text = "".join(sorted(set(chars) | set("0123456789")))
    path = font_path()
    key_src = json.dumps(
        {
            "text": text,
            "font_sha256": paths.sha256_file(path),
            "fonttools": metadata.version("fonttools"),
            "zlib": zlib.ZLIB_RUNTIME_VERSION,
            "options": SUBSET_OPTIONS,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    key = hashlib.sha256(key_src.encode("utf-8")).hexdigest()
    folder = Path(cache_dir) if cache_dir is not None else paths.CACHE_DIR / "font_subsets"
    entry = folder / f"{key}.woff"
    try:
        data = entry.read_bytes()
        if data[:4] == b"wOFF" and len(data) == int.from_bytes(data[8:12], "big"):
            return data  # WOFF header: signature, then the total length at bytes 8-11
    except OSError:
        pass
    data = _subset_font(path, text)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, entry)
    except OSError:
        pass
    return data


def _subset_font(path: Path, text: str) -> bytes:
    from fontTools import subset

    opts = subset.Options()
    for name, value in SUBSET_OPTIONS.items():
        setattr(opts, name, value)
    font = subset.load_font(str(path), opts)
    try:  # the font reads its file lazily: closed here, also when subsetting fails
        subsetter = subset.Subsetter(opts)
        subsetter.populate(text=text)
        subsetter.subset(font)
        buf = io.BytesIO()
        subset.save_font(font, buf, opts)
    finally:
        font.close()
    return buf.getvalue()


def font_face_css(text: str) -> str:
    """An ``@font-face`` rule embedding Noto Sans SC cut down to the characters of ``text``.

    The subset (WOFF, data URI) makes a page show Chinese on a machine with no Chinese font,
    without any request: ~100 KB for a page of a few hundred distinct characters, made once
    per set of characters (see :func:`font_subset`).
    """
    uri = "data:font/woff;base64," + base64.b64encode(font_subset(text)).decode("ascii")
    return f"@font-face{{font-family:'Noto Sans SC Embedded';src:url({uri}) format('woff');}}"


def _visible_text(body: str) -> str:
    text = re.sub(r"data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+", "", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def html_page(title: str, body: str, lang: str = "zh", *, embed_font: bool = False) -> str:
    """Wrap an HTML body in a self-contained page: inline style, CSP forbidding any request.

    Args:
        title: page title (escaped here).
        body: trusted HTML fragment (its report text must already be escaped).
        lang: the page's language attribute.
        embed_font: embed a subset of the Chinese font (see :func:`font_face_css`) so the
            page reads the same on a machine without Chinese fonts.

    Returns:
        The page as a string.
    """
    style = PAGE_STYLE
    if embed_font:
        style = font_face_css(title + _visible_text(body)) + style.replace(
            'font-family:"Noto Sans SC"', 'font-family:"Noto Sans SC Embedded","Noto Sans SC"'
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def png_data_uri(png: bytes) -> str:
    """Return a ``data:image/png;base64,...`` URI for PNG bytes."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _records(table: pd.DataFrame | None, max_rows: int) -> list[dict[str, Any]]:
    if table is None or table.empty:
        return []
    out = table.head(max_rows).astype(object).where(table.head(max_rows).notna(), None)
    return [{str(k): _json_value(v) for k, v in r.items()} for r in out.to_dict("records")]


def _json_value(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def save_figure(
    fig: Any,
    name: str,
    *,
    caption: str,
    data: pd.DataFrame | None = None,
    evidence: pd.DataFrame | None = None,
    figures_dir: Path | str = paths.FIGURES_DIR,
    notebook: str = "",
    title: str | None = None,
    lang: str = "zh",
    dpi: int = DPI,
) -> dict[str, Any]:
    """Write a figure as ``<name>.png``, ``<name>.html`` and ``<name>.json``.

    The HTML page is self-contained: the PNG, and a subset of the Chinese font for its title,
    table and cited sentences, are embedded, so it reads the same on a machine without
    Chinese fonts.

    Args:
        fig: a matplotlib Figure.
        name: stable file name without extension (lowercase letters, digits, ``_``).
        caption: one or two sentences saying what the chart shows (plain text).
        data: the tidy table behind the chart (shown under the image, with the labels of
            its key columns beside them: :func:`readable_table`).
        evidence: cited source sentences (columns ``report, section, raw, sentence``).
        figures_dir: output folder (created if needed).
        notebook: the notebook that made the figure (recorded in the sidecar).
        title: page title (default: the caption's first sentence).
        lang: page language.
        dpi: PNG resolution (at least 200).

    Returns:
        The sidecar record: name, caption, notebook, file names and the PNG's sha256.

    Raises:
        MissingGlyphError: if the figure's text has a character the font cannot draw.
        ValueError: for a bad name or dpi below 200.
    """
    if not NAME_PATTERN.match(name):
        raise ValueError(f"figure name {name!r} must match {NAME_PATTERN.pattern}")
    if dpi < 200:
        raise ValueError("dpi must be at least 200")
    png = render_png(fig, dpi=dpi)
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(png).hexdigest()
    (out / f"{name}.png").write_bytes(png)

    heading = title or caption.split("。")[0].split(". ")[0]
    body = [
        f"<h1>{html.escape(heading)}</h1>",
        f"<figure><img src='{png_data_uri(png)}' alt='{html.escape(caption, quote=True)}'>"
        f"<figcaption>{html.escape(caption)}</figcaption></figure>",
    ]
    if data is not None:
        table = render_table(readable_table(data, lang))
        body.append(f"<h2>{'图表数据' if lang == 'zh' else 'Data'}</h2>{table}")
    if evidence is not None and not evidence.empty:
        head = "原文出处" if lang == "zh" else "Evidence (cited sentences)"
        body.append(f"<h2>{head}</h2>{render_evidence(evidence)}")
    body.append(
        f"<p class='note'>{html.escape(name)} · {html.escape(notebook)} · sha256 {digest}</p>"
    )
    page = html_page(heading, "\n".join(body), lang, embed_font=True)
    (out / f"{name}.html").write_text(page, encoding="utf-8")

    record = {
        "name": name,
        "caption": caption,
        "title": heading,
        "notebook": notebook,
        "png": f"{name}.png",
        "html": f"{name}.html",
        "png_sha256": digest,
        "data_rows": 0 if data is None else len(data),
        "evidence": _records(evidence, 50),
    }
    (out / f"{name}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return record


@dataclass
class FigureSaver:
    """``save_figure`` bound to one notebook's output folder, language and name.

    Example: ``save = FigureSaver(figures_dir, notebook="03_metrics", lang=lang)`` then
    ``save(fig, "indicators_by_report", caption=..., data=...)``.
    """

    figures_dir: Path | str
    notebook: str = ""
    lang: str = "zh"

    def __call__(self, fig: Any, name: str, **kwargs: Any) -> dict[str, Any]:
        """Save ``fig`` as ``name`` (see :func:`save_figure`)."""
        kwargs.setdefault("lang", self.lang)
        record = save_figure(
            fig, name, figures_dir=self.figures_dir, notebook=self.notebook, **kwargs
        )
        show_saved(fig, Path(self.figures_dir) / record["png"])
        return record


def show_saved(fig: Any, png_path: Path) -> None:
    """In a notebook, show the PNG just written and close ``fig``.

    The inline backend would otherwise draw every figure a second time at the end of the
    cell; showing the saved PNG halves the drawing work and shows exactly what was saved.
    Outside IPython this does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    if get_ipython() is None:
        return
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    width = int(round(fig.get_figwidth() * 100))
    display(Image(data=Path(png_path).read_bytes(), width=width))
    plt.close(fig)


# ---------------------------------------------------------------------------------------
# Selecting reports
# ---------------------------------------------------------------------------------------


def order_reports(reports: pd.DataFrame) -> list[str]:
    """report_ids in display order: by year, level, jurisdiction, report_id."""
    cols = [c for c in ("year", "level", "jurisdiction", "report_id") if c in reports.columns]
    return reports.sort_values(cols, kind="stable")["report_id"].astype(str).tolist()


# a chart with one row or panel per report shows at most this many (a corpus of hundreds would
# make an image of gigapixels no one can read); the data saved with it keeps every report
MAX_CHARTED_REPORTS = 40


def charted_reports(reports: pd.DataFrame, present: Iterable[str] | None = None) -> list[str]:
    """The report_ids a chart of one row or panel per report shows, in display order: all of
    them (those in ``present``, when given), or, when there are more than
    :data:`MAX_CHARTED_REPORTS`, the latest of them (by year, then display order). Choose
    others with the notebooks' ``reports`` parameter."""
    order = order_reports(reports)
    if present is not None:
        keep = {str(r) for r in present}
        order = [r for r in order if r in keep]
    if len(order) <= MAX_CHARTED_REPORTS:
        return order
    years = pd.to_numeric(reports.set_index("report_id")["year"], errors="coerce")
    rank = {r: k for k, r in enumerate(order)}
    latest = sorted(
        order, key=lambda r: (-(years.get(r) if pd.notna(years.get(r)) else -1), rank[r])
    )
    shown = set(latest[:MAX_CHARTED_REPORTS])
    return [r for r in order if r in shown]


def _note_charted(fig: Any, shown: int, total: int, lang: str) -> None:
    """Say above a chart that it shows only the latest ``shown`` of ``total`` reports."""
    if shown >= total:
        return
    note = lb.ui_text("charted_reports", lang).format(shown=shown, total=total)
    fig.text(0.5, 1.0, note, ha="center", va="bottom", fontsize=10, color="0.3")


def latest_year(reports: pd.DataFrame) -> int:
    """The latest year any report covers."""
    years = pd.to_numeric(reports["year"], errors="coerce").dropna()
    if years.empty:
        raise ValueError("no report has a year")
    return int(years.max())


def default_year(reports: pd.DataFrame) -> int:
    """The year a yearly comparison shows by default: the latest year that two or more
    reports cover (something to compare), else the latest year any report covers."""
    years = pd.to_numeric(reports["year"], errors="coerce").dropna().astype(int)
    if years.empty:
        raise ValueError("no report has a year")
    counts = years.value_counts()
    shared = counts[counts >= 2]
    return int(shared.index.max()) if not shared.empty else int(years.max())


def select_reports(
    reports: pd.DataFrame, *, year: int | None = None, report_ids: Sequence[str] | None = None
) -> pd.DataFrame:
    """Keep the reports of one year and/or a list of report_ids, in display order.

    Args:
        reports: the reports table.
        year: keep only this year (None: every year).
        report_ids: keep only these (None: all).

    Returns:
        The selected rows.

    Raises:
        ValueError: for a year with no report or an unknown report_id (lists what is valid).
    """
    out = reports
    if report_ids is not None:
        if isinstance(report_ids, str):
            report_ids = [report_ids]
        valid = set(reports["report_id"].astype(str))
        unknown = [r for r in report_ids if str(r) not in valid]
        if unknown:
            raise ValueError(f"unknown report id(s) {unknown}; valid: {sorted(valid)}")
        out = out[out["report_id"].astype(str).isin([str(r) for r in report_ids])]
    if year is not None:
        years = sorted(int(y) for y in pd.to_numeric(reports["year"], errors="coerce").dropna())
        if int(year) not in years:
            raise ValueError(f"no report covers year {year}; years present: {sorted(set(years))}")
        out = out[pd.to_numeric(out["year"], errors="coerce") == int(year)]
    order = order_reports(out)
    return out.set_index("report_id", drop=False).loc[order].reset_index(drop=True)


def filter_tables(tables: dict[str, pd.DataFrame], report_ids: Iterable[str]) -> dict:
    """Keep only the rows of the given reports in every table that has ``report_id``."""
    keep = {str(r) for r in report_ids}
    return {
        name: (t[t["report_id"].astype(str).isin(keep)] if "report_id" in t.columns else t)
        for name, t in tables.items()
    }


# ---------------------------------------------------------------------------------------
# Number formatting
# ---------------------------------------------------------------------------------------


def unit_label(unit: str, lang: str = "zh", indicator: str = "") -> str:
    """A unit as a chart writes it: Chinese as it is (``件``); English from ``labels.tsv``.

    In English the ``indicator_unit`` row of the indicator and unit comes first (``件`` of
    normative documents reviewed is ``documents``, not ``cases``), then the ``unit`` row
    (``件`` -> ``cases``); a unit with neither is written as it is.
    """
    unit = "" if unit is None or (isinstance(unit, float) and math.isnan(unit)) else str(unit)
    if lang == "zh" or not unit:
        return unit
    if indicator:
        specific = lb.label_key("indicator_unit", f"{indicator}:{unit}", lang)
        if specific != f"{indicator}:{unit}":
            return specific
    return lb.label_key("unit", unit, lang)


def format_number(
    value: float, unit: str = "", lang: str = "zh", digits: int = 4, *, indicator: str = ""
) -> str:
    """Format a figure compactly: ``112.9万元`` (zh), ``1.13M yuan`` (en), ``92.16%``.

    English names units with :func:`unit_label` (of ``indicator``, when given: ``22
    documents`` of normative documents reviewed; a unit without a label is written as it is).
    ``digits``: significant digits (a citation gives them all: ``386.52万元``, not
    ``386.5万元``).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    unit = unit or ""
    d = digits
    if unit in ("%", "百分点"):
        text = f"{v:.{d}g}"
        return f"{text}{unit}" if unit == "%" else f"{text}{' pp' if lang == 'en' else unit}"
    if lang == "zh":
        if abs(v) >= 1e8:
            text = f"{v / 1e8:.{d}g}亿"
        elif abs(v) >= 1e4:
            text = f"{v / 1e4:.{d}g}万"
        else:
            text = f"{v:.{max(d, 6)}g}"
        return f"{text}{unit}"
    if abs(v) >= 1e6:
        text = f"{v / 1e6:.{d - 1}g}M"
    elif abs(v) >= 1e4:
        text = f"{v / 1e3:.{d - 1}g}k"
    else:
        text = f"{v:,.{max(d, 6)}g}"
    label = unit_label(unit, "en", indicator)
    if text in ("1", "-1"):  # as printed: 0.9999999 prints as 1
        label = english_singular(label)
    return f"{text} {label}".strip()


def english_singular(label: str) -> str:
    """The singular of an English unit label, for a value of one: the last word loses its
    plural ending (``cases`` -> ``case``, ``working days`` -> ``working day``, ``copies`` ->
    ``copy``, ``batches`` -> ``batch``, ``people`` -> ``person``, ``person-times`` ->
    ``person-time``); a label that is not a plural (``yuan``, ``km``, ``times over``) is kept."""
    head, _, last = label.rpartition(" ")
    stem, dash, word = last.rpartition("-")
    if word == "people":
        word = "person"
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 2:
        word = word[:-1]
    last = f"{stem}{dash}{word}"
    return f"{head} {last}" if head else last


def indicator_value_text(
    value: float,
    unit: str,
    approx: bool = False,
    qualifier: str = "",
    lang: str = "zh",
    *,
    indicator: str = "",
) -> str:
    """A stated figure as a label, approximation kept: ``≈5000余份``, ``≈5,000 copies``.

    ``indicator`` names the unit in English for what it counts (see :func:`unit_label`).
    """
    if not approx:
        return format_number(value, unit, lang, indicator=indicator)
    if lang == "zh":
        number = format_number(value, "", lang)
        return f"≈{number}{qualifier}{unit}"
    return "≈" + format_number(value, unit, lang, indicator=indicator)


def indicator_title(
    indicator: str, units: Iterable[str], lang: str = "zh", log: bool = False
) -> str:
    """A panel's title: the indicator, its units and, on a log axis, that it is one.

    ``行政处罚案件 [件/起/项] · 对数刻度``; ``Administrative penalty cases [cases] (log scale)``
    (units named in the chart's language, each once).
    """
    names = [unit_label(u, lang, indicator) for u in units]
    names = list(dict.fromkeys(n for n in names if n))
    title = lb.label_key("indicator", indicator, lang)
    if names:
        title += f" [{'/'.join(names)}]"
    if log:
        title += lb.pick(lang, " · 对数刻度", " (log scale)")
    return title


# ---------------------------------------------------------------------------------------
# Chart data (tidy tables)
# ---------------------------------------------------------------------------------------


def _labels(reports: pd.DataFrame, lang: str) -> pd.Series:
    return lb.label_reports(reports, lang)


def report_summary_table(
    reports: pd.DataFrame, sections: pd.DataFrame, lang: str = "zh"
) -> pd.DataFrame:
    """One row per report: label, bureau, level, year, length, sections, outline depth.

    Returns:
        Columns ``report_id, report, bureau, level, year, n_chars, n_sections, max_level,
        n_repaired``, in display order.
    """
    lab = _labels(reports, lang)
    sec = sections.assign(repaired=sections["repaired"].astype(bool))
    agg = sec.groupby("report_id").agg(
        n_sections_table=("section_id", "size"),
        max_level=("level", "max"),
        n_repaired=("repaired", "sum"),
    )
    out = reports.set_index("report_id").join(agg, how="left").reset_index()
    out["report"] = out["report_id"].map(lab)
    out["level"] = [lb.label_key("level", v, lang) for v in out["level"]]
    out["max_level"] = out["max_level"].fillna(0).astype(int)
    out["n_repaired"] = out["n_repaired"].fillna(0).astype(int)
    cols = ["report_id", "report", "bureau", "level", "year", "n_chars", "n_sections"]
    cols += ["max_level", "n_repaired"]
    order = order_reports(reports)
    return out.set_index("report_id", drop=False).loc[order, cols].reset_index(drop=True)


def outline_depth_table(sections: pd.DataFrame) -> pd.DataFrame:
    """One row per (report_id, level): headings at that outline level (preamble excluded).

    Returns:
        Columns ``report_id, level, n_sections``.
    """
    sec = sections[sections["level"].astype(int) > 0]
    out = sec.groupby(["report_id", "level"]).size().rename("n_sections").reset_index()
    return out.sort_values(["report_id", "level"], kind="stable").reset_index(drop=True)


def theme_share_table(sections: pd.DataFrame) -> pd.DataFrame:
    """One row per (report_id, category): characters of text under the theme and their share.

    Section lengths are ``end - start``; shares sum to 1 within each report.

    Returns:
        Columns ``report_id, category, n_chars, share``.
    """
    sec = sections.assign(
        n_chars=(sections["end"].astype(int) - sections["start"].astype(int)).clip(lower=0),
        category=sections["category"].fillna("").astype(str),
    )
    out = sec.groupby(["report_id", "category"], sort=True)["n_chars"].sum().reset_index()
    total = out.groupby("report_id")["n_chars"].transform("sum").replace(0, np.nan)
    out["share"] = (out["n_chars"] / total).fillna(0.0)
    return out.reset_index(drop=True)


def cleaning_summary_table(cleaning: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per (report_id, rule): raw lines cleaning removed, read as metadata or joined.

    Reports with nothing cleaned get one row with rule '' and 0 lines, so they still show.

    Returns:
        Columns ``report_id, rule, n_lines``.
    """
    out = cleaning.groupby(["report_id", "rule"]).size().rename("n_lines").reset_index()
    missing = sorted(set(reports["report_id"].astype(str)) - set(out["report_id"].astype(str)))
    if missing:
        out = pd.concat(
            [out, pd.DataFrame({"report_id": missing, "rule": "", "n_lines": 0})],
            ignore_index=True,
        )
    return out.sort_values(["report_id", "rule"], kind="stable").reset_index(drop=True)


def indicator_value_table(indicators: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """One row per (report_id, indicator) stated, with approximation marks from its evidence.

    ``approx`` is True when any quantity cited as evidence is approximate (余, 约, 近, ...);
    ``qualifier`` is the first such word; ``raw`` joins the cited quantities as written.

    Returns:
        Columns ``report_id, indicator, value, unit, method, evidence, approx, qualifier, raw``.
    """
    ind = indicators.copy()
    met = metrics.set_index(["report_id", "metric_id"])
    approx, qualifier, raw = [], [], []
    for rid, ev in zip(ind["report_id"], ind["evidence"].fillna(""), strict=True):
        ids = [m for m in str(ev).split(";") if m]
        rows = [met.loc[(rid, m)] for m in ids if (rid, m) in met.index]
        approx.append(any(bool(r["approx"]) for r in rows))
        quals = [str(r["qualifier"]) for r in rows if str(r.get("qualifier", "") or "")]
        qualifier.append(quals[0] if quals else "")
        raw.append(" + ".join(str(r["raw"]) for r in rows))
    ind["approx"] = approx
    ind["qualifier"] = qualifier
    ind["raw"] = raw
    cols = ["report_id", "indicator", "value", "unit", "method", "evidence"]
    cols += ["approx", "qualifier", "raw"]
    return ind[cols].sort_values(["indicator", "report_id"], kind="stable").reset_index(drop=True)


def indicator_evidence_table(
    indicators: pd.DataFrame,
    metrics: pd.DataFrame,
    sections: pd.DataFrame,
    reports: pd.DataFrame,
    lang: str = "zh",
) -> pd.DataFrame:
    """One row per (report, indicator, cited quantity): the sentence behind each plotted value.

    Returns:
        Columns ``report, indicator, value, counted, section, raw, sentence, metric_id,
        report_id``; ``counted`` is what the cited quantity counts (its subject, as the
        report names it: 安全生产相关行政处罚), so that a figure of one field or of a hotline
        is not read as the whole system's.
    """
    lab = _labels(reports, lang)
    met = metrics.set_index(["report_id", "metric_id"])
    heads = sections.set_index(["report_id", "section_id"])
    rows = []
    for r in indicators.itertuples(index=False):
        zero = _zero_citation(r, sections)
        if zero is not None:
            heading, sentence = zero
            rows.append(
                {
                    "report": lab.get(r.report_id, r.report_id),
                    "indicator": lb.label_key("indicator", r.indicator, lang),
                    "value": format_number(r.value, r.unit, lang, digits=10, indicator=r.indicator),
                    "counted": "",
                    "section": heading,
                    "raw": lb.ui_text("stated_zero", lang),
                    "sentence": sentence,
                    "metric_id": "",
                    "report_id": r.report_id,
                }
            )
            continue
        for mid in [m for m in str(r.evidence or "").split(";") if m]:
            if (r.report_id, mid) not in met.index:
                continue
            m = met.loc[(r.report_id, mid)]
            sid = str(m["section_id"])
            heading = ""
            if (r.report_id, sid) in heads.index:
                h = heads.loc[(r.report_id, sid)]
                heading = f"{h['marker']}{h['heading']}".strip()
            rows.append(
                {
                    "report": lab.get(r.report_id, r.report_id),
                    "indicator": lb.label_key("indicator", r.indicator, lang),
                    # the figure as the report wrote it (12万余件, 386.52万元) when the raw text
                    # holds its unit, else in full (a table's cell 20.50 under 罚没款(万元)); a
                    # sum's total marked as one (Σ 272件), its part marked in the sentence
                    "value": (
                        "Σ "
                        + format_number(r.value, r.unit, lang, digits=10, indicator=r.indicator)
                        if r.method == "sum"
                        else _as_cited(m, lang, r.indicator)
                    ),
                    "counted": str(m.get("subject", "") or ""),
                    "section": heading or sid,
                    "raw": str(m["raw"]),
                    "sentence": str(m["sentence"]),
                    "metric_id": mid,
                    "report_id": r.report_id,
                }
            )
    cols = ["report", "indicator", "value", "counted", "section", "raw", "sentence"]
    return pd.DataFrame(rows, columns=[*cols, "metric_id", "report_id"])


def _as_cited(m: pd.Series, lang: str, indicator: str) -> str:
    """A cited quantity as the report wrote it (12万余件), when that holds its unit and the
    page is in Chinese; else its value in full with its unit (≈ when approximate)."""
    raw = str(m["raw"])
    if lang == "zh" and not _BARE_FIGURE.fullmatch(raw):
        return raw
    text = format_number(m["value"], str(m["unit"]), lang, digits=10, indicator=indicator)
    return ("≈" if bool(m.get("approx", False)) else "") + text


_BARE_FIGURE = re.compile(r"[\d.,\s]+")


def _zero_citation(r, sections: pd.DataFrame) -> tuple[str, str] | None:
    """(section heading, sentence) of a stated_zero indicator row that cites its sentence
    (``sentence``, ``start`` columns of the indicators table); None for other rows."""
    sentence = getattr(r, "sentence", "")
    if r.method != "stated_zero" or not isinstance(sentence, str) or not sentence:
        return None
    start = int(getattr(r, "start", -1))
    heading = ""
    if start >= 0 and {"start", "end"} <= set(sections.columns):
        own = sections[
            (sections["report_id"] == r.report_id)
            & (sections["start"] <= start)
            & (sections["end"] > start)
        ]
        if len(own):
            h = own.iloc[-1]
            heading = f"{h['marker']}{h['heading']}".strip() or str(h["section_id"])
    return heading, sentence


def quantity_density_table(metrics: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per (report_id, unit_family): quantity statements and their rate per 1,000 chars.

    Every report appears (a report with no quantity gets family 'other' with n = 0).

    Returns:
        Columns ``report_id, unit_family, n, n_chars, per_1000``.
    """
    counts = metrics.groupby(["report_id", "unit_family"]).size().rename("n").reset_index()
    missing = sorted(set(reports["report_id"]) - set(counts["report_id"]))
    if missing:
        counts = pd.concat(
            [counts, pd.DataFrame({"report_id": missing, "unit_family": "other", "n": 0})],
            ignore_index=True,
        )
    chars = reports.set_index("report_id")["n_chars"].astype(float)
    counts["n_chars"] = counts["report_id"].map(chars).astype(int)
    counts["per_1000"] = counts["n"] / counts["n_chars"].replace(0, np.nan) * 1000
    counts["per_1000"] = counts["per_1000"].fillna(0.0)
    return counts.sort_values(["report_id", "unit_family"], kind="stable").reset_index(drop=True)


def unit_family_theme_table(metrics: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """One row per (category, unit_family): quantities stated in sections of that theme.

    Returns:
        Columns ``category, unit_family, n, share`` (share within the category).
    """
    cat = sections.set_index(["report_id", "section_id"])["category"]
    keys = list(zip(metrics["report_id"], metrics["section_id"].astype(str), strict=True))
    met = metrics.assign(category=[cat.get(k, "") for k in keys])
    met["category"] = met["category"].fillna("").astype(str)
    out = met.groupby(["category", "unit_family"]).size().rename("n").reset_index()
    out["share"] = out["n"] / out.groupby("category")["n"].transform("sum")
    return out.sort_values(["category", "unit_family"], kind="stable").reset_index(drop=True)


def top_terms_table(
    terms: pd.DataFrame,
    *,
    value: str,
    top_n: int = 10,
    document: str = "report_id",
    term: str = "token",
) -> pd.DataFrame:
    """Keep the ``top_n`` highest-``value`` terms of each document (ties broken by term).

    Returns:
        The kept rows with columns ``document, term, value`` renamed to
        ``report_id, token, <value>`` and a ``rank`` (1 = highest), sorted.
    """
    df = terms[[document, term, value]].rename(columns={document: "report_id", term: "token"})
    df = df[df[value].notna()]
    df = df.sort_values(["report_id", value, "token"], ascending=[True, False, True])
    df = df.groupby("report_id", sort=True).head(top_n).copy()
    df["rank"] = df.groupby("report_id").cumcount() + 1
    return df.reset_index(drop=True)


class YearlessReportWarning(UserWarning):
    """Reports with no year were left out of a comparison across years."""


def reports_with_year(reports: pd.DataFrame, what: str = "the yearly comparison") -> pd.DataFrame:
    """The reports that have a year, ``year`` as int; the others are left out with a warning.

    A report whose year is neither in the manifest nor found in its text cannot be placed on
    a time axis: a :class:`YearlessReportWarning` names each one left out and what to do.

    Args:
        reports: the reports table.
        what: the chart or table, for the warning.

    Returns:
        The rows with a year (same columns; ``year`` as int).
    """
    year = pd.to_numeric(reports["year"], errors="coerce")
    missing = reports.loc[year.isna(), "report_id"].astype(str).tolist()
    if missing:
        warnings.warn(
            f"{what}: left out {len(missing)} report(s) with no year: {', '.join(missing)}; "
            "set their year in data/raw/reports.csv",
            YearlessReportWarning,
            stacklevel=3,
        )
    return reports[year.notna()].assign(year=year[year.notna()].astype(int))


def yearly_theme_table(shares: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, category): mean share of text across that year's reports.

    Reports with no year are left out, with a warning naming them (:func:`reports_with_year`).

    Returns:
        Columns ``year, category, share, n_reports, bureaus``: ``bureaus`` names the bureaus
        whose reports the year's mean is taken over (:func:`bureau_key`, sorted, joined by
        ``; ``), so a reader sees when two years compare different governments.
    """
    dated = reports_with_year(reports, "yearly theme shares")
    years = dated.set_index("report_id")["year"]
    df = shares[shares["report_id"].isin(years.index)]
    df = df.assign(year=df["report_id"].map(years).astype(int))
    n = dated.groupby("year").size()
    bk = bureau_key(dated)
    who = (
        pd.Series(bk.to_numpy(), index=dated["year"].to_numpy())
        .groupby(level=0)
        .agg(lambda b: "; ".join(sorted(set(b))))
    )
    wide = df.pivot_table(
        index=["year", "report_id"], columns="category", values="share", fill_value=0.0
    )
    mean = wide.groupby(level="year").mean().stack().rename("share").reset_index()
    mean["n_reports"] = mean["year"].map(n).astype(int)
    mean["bureaus"] = mean["year"].map(who).astype(str)
    return mean.sort_values(["year", "category"], kind="stable").reset_index(drop=True)


def bureau_key(reports: pd.DataFrame) -> pd.Series:
    """The identity of the bureau behind each report (bureau name, else jurisdiction)."""
    bureau = reports["bureau"].fillna("").astype(str).str.strip()
    juris = reports["jurisdiction"].fillna("").astype(str).str.strip()
    key = bureau.where(bureau != "", juris).where(lambda s: s != "", reports["report_id"])
    return pd.Series(key.values, index=reports["report_id"].values, name="bureau_key")


def _stable_slot(key: str, n: int) -> int:
    """A slot in ``range(n)`` fixed by the key's text alone (sha256: the same in every run)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16) % n


def _identity_palette() -> list[tuple]:
    """Colours of bureaus: tab20's nine strong hues, then their light shades, then the greys."""
    cmap = _plt().get_cmap("tab20")
    strong = [cmap(i) for i in (0, 2, 4, 6, 8, 10, 12, 16, 18)]
    light = [cmap(i) for i in (1, 3, 5, 7, 9, 11, 13, 17, 19)]
    return strong + light + [cmap(14), cmap(15)]


def stable_colors(keys: Sequence[str]) -> dict[str, tuple]:
    """key -> colour, fixed by each key's text rather than by what else is in the corpus.

    Each key hashes to one of nine strong colours, its home. A key whose home no earlier key
    (in the order of ``keys``) claims gets it; the others then take, in order, the first free
    strong colour after their home, else a light shade, else grey (20 in all; colours repeat
    after that). So adding or removing a key never moves a key that has its home colour, and
    moves another key only when both were crowded out of their homes.
    """
    palette = _identity_palette()
    n_strong = 9
    ordered = list(dict.fromkeys(str(k) for k in keys))
    home = {k: _stable_slot(k, n_strong) for k in ordered}
    slot: dict[str, int] = {}
    taken: set[int] = set()
    for key in ordered:  # first come, first served at each home
        if home[key] not in taken:
            slot[key] = home[key]
            taken.add(home[key])
    for key in ordered:  # the crowded-out ones take free colours, in order
        if key in slot:
            continue
        probe = [(home[key] + i) % n_strong for i in range(n_strong)]
        probe += [n_strong + s for s in probe] + [2 * n_strong, 2 * n_strong + 1]
        slot[key] = next((s for s in probe if s not in taken), home[key])
        taken.add(slot[key])
    return {k: palette[slot[k]] for k in ordered}


def bureau_colors(reports: pd.DataFrame) -> dict[str, tuple]:
    """report_id -> colour: one colour per bureau (its reports of every year share it).

    A bureau's colour comes from a hash of its name (:func:`stable_colors`), so it keeps its
    colour when reports are added to or removed from the corpus, in every run and chart; when
    two bureaus hash to the same colour, the one whose first report is older keeps it (then
    the one whose name sorts first) and the other takes the next free colour.
    """
    key = bureau_key(reports)
    years = pd.to_numeric(reports["year"], errors="coerce") if "year" in reports else None
    first = (
        pd.Series(years.to_numpy(), index=key.to_numpy()).groupby(level=0).min()
        if years is not None
        else pd.Series(dtype=float)
    )

    def priority(bureau: str) -> tuple:
        year = first.get(bureau, np.nan)
        return (0, float(year), bureau) if pd.notna(year) else (1, 0.0, bureau)

    bureaus = sorted(key.unique(), key=priority)
    colors = stable_colors(bureaus)
    return {rid: colors[b] for rid, b in key.items()}


def bureau_change_table(
    values: pd.DataFrame, reports: pd.DataFrame, *, key: str, value: str
) -> pd.DataFrame:
    """Change of a per-report value from a bureau's previous report to its next.

    Only bureaus with more than one year appear; reports with no year are left out, with a
    warning naming them.

    Args:
        values: rows keyed by ``report_id`` and ``key`` (e.g. indicator or category).
        reports: the reports table.
        key: the column naming what is measured.
        value: the numeric column.

    Returns:
        One row per (bureau, key, year) after the first: columns ``bureau, key, year,
        previous_year, previous, current, change, change_pct, unit, previous_unit, report_id,
        previous_report_id``; ``change_pct`` is the change in % of the previous value (empty
        when it was 0), ``unit`` and ``previous_unit`` the values' units (from ``values``,
        else empty; when they differ, 120件 then 300人次, the change is empty).
    """
    reports = reports_with_year(reports, "changes from the previous report")
    bk = bureau_key(reports)
    years = reports.set_index("report_id")["year"]
    values = values[values["report_id"].isin(years.index)]
    df = values.assign(bureau=values["report_id"].map(bk), year=values["report_id"].map(years))
    counts = reports.assign(b=bk.values).groupby("b")["year"].nunique()
    multi = set(counts[counts > 1].index)
    df = df[df["bureau"].isin(multi)].sort_values(["bureau", key, "year"], kind="stable")
    rows = []
    for (bureau, k), grp in df.groupby(["bureau", key], sort=True):
        grp = grp.drop_duplicates("year", keep="first")
        prev = None
        for r in grp.itertuples(index=False):
            if prev is not None:
                cur, before = getattr(r, value), getattr(prev, value)
                unit, unit_before = _unit_text(r), _unit_text(prev)
                if unit != unit_before:  # 120件 then 300人次: no change to compute
                    cur_change = pct = math.nan
                else:
                    cur_change = cur - before
                    pct = (cur - before) / before * 100 if before else math.nan
                rows.append(
                    {
                        "bureau": bureau,
                        "key": k,
                        "year": int(r.year),
                        "previous_year": int(prev.year),
                        "previous": before,
                        "current": cur,
                        "change": cur_change,
                        "change_pct": pct,
                        "unit": unit,
                        "previous_unit": unit_before,
                        "report_id": r.report_id,
                        "previous_report_id": prev.report_id,
                    }
                )
            prev = r
    cols = ["bureau", "key", "year", "previous_year", "previous", "current", "change"]
    cols += ["change_pct", "unit", "previous_unit", "report_id", "previous_report_id"]
    return pd.DataFrame(rows, columns=cols)


def _unit_text(row: Any) -> str:
    unit = getattr(row, "unit", "")
    return "" if unit is None or (isinstance(unit, float) and math.isnan(unit)) else str(unit)


def bureaus_with_history(reports: pd.DataFrame) -> list[str]:
    """Bureaus (see :func:`bureau_key`) that have reports for more than one year."""
    bk = bureau_key(reports)
    counts = reports.assign(b=bk.values).groupby("b")["year"].nunique()
    return sorted(counts[counts > 1].index)


# ---------------------------------------------------------------------------------------
# Chart verbs
# ---------------------------------------------------------------------------------------


def _plt():
    import matplotlib.pyplot as plt

    return plt


def _number_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: format_number(v, "", lang) if v else "0")


def _empty_figure(message: str, size: tuple[float, float] = (8, 2)) -> Any:
    plt = _plt()
    fig, ax = plt.subplots(figsize=size)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12)
    return fig


def plot_report_overview(summary: pd.DataFrame, lang: str = "zh") -> Any:
    """Bars of report length and number of sections, coloured by level.

    Args:
        summary: :func:`report_summary_table`.
        lang: label language.
    """
    plt = _plt()
    import seaborn as sns

    total = len(summary)
    summary = summary[summary["report_id"].isin(set(charted_reports(summary)))]
    n = len(summary)
    fig, axes = plt.subplots(1, 2, figsize=(11, 1.6 + 0.55 * n), sharey=True, layout="constrained")
    df = summary.assign(kchars=summary["n_chars"] / 1000)
    hue_order = sorted(df["level"].unique())
    sns.barplot(
        df,
        y="report",
        x="kchars",
        hue="level",
        hue_order=hue_order,
        dodge=False,
        ax=axes[0],
        palette=PALETTE,
    )
    sns.barplot(
        df,
        y="report",
        x="n_sections",
        hue="level",
        hue_order=hue_order,
        dodge=False,
        ax=axes[1],
        palette=PALETTE,
        legend=False,
    )
    axes[0].set_xlabel(lb.ui_text("chars", lang))
    axes[1].set_xlabel(lb.ui_text("sections", lang))
    axes[0].set_ylabel("")
    axes[1].set_ylabel("")
    for ax, col, fmt in ((axes[0], "kchars", "{:.1f}"), (axes[1], "n_sections", "{:.0f}")):
        for i, v in enumerate(df[col]):
            ax.text(v, i, " " + fmt.format(v), va="center", fontsize=9)
    if axes[0].get_legend() is not None:
        _legend_below(fig, axes[0], title=lb.ui_text("level", lang))
    _note_charted(fig, len(summary), total, lang)
    return fig


def _legend_below(fig: Any, ax: Any, title: str = "", fontsize: float = 8) -> None:
    """The axes' legend moved under the figure, in rows, where it hides no bar."""
    handles, labels = ax.get_legend_handles_labels()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    if not handles:
        return
    ncol = min(len(handles), 6)
    fig.legend(
        handles,
        labels,
        title=title or None,
        loc="outside lower center",
        ncol=ncol,
        fontsize=fontsize,
        frameon=False,
    )


def plot_outline_depth(depth: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh") -> Any:
    """Stacked bars: headings per outline level (一、 / (一) / 1. / (1)) for each report.

    Args:
        depth: :func:`outline_depth_table`.
        reports: the reports table (labels and order).
        lang: label language.
    """
    plt = _plt()
    lab = _labels(reports, lang)
    order = charted_reports(reports)
    wide = depth.pivot_table(index="report_id", columns="level", values="n_sections", fill_value=0)
    wide = wide.reindex(order, fill_value=0)
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.5 * len(order)), layout="constrained")
    left = np.zeros(len(order))
    markers = {1: "一、", 2: "(一)", 3: "1.", 4: "(1)"}
    colors = _plt().get_cmap("Blues")(np.linspace(0.85, 0.35, max(len(wide.columns), 1)))
    for color, level in zip(colors, wide.columns, strict=False):
        vals = wide[level].to_numpy(dtype=float)
        name = f"{lb.ui_text('outline_level', lang)} {int(level)} {markers.get(int(level), '')}"
        ax.barh([lab[r] for r in order], vals, left=left, color=color, label=name)
        left += vals
    ax.invert_yaxis()
    ax.set_xlabel(lb.ui_text("sections", lang))
    _legend_below(fig, ax)
    _note_charted(fig, len(order), len(reports), lang)
    return fig


def plot_theme_heatmap(shares: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh") -> Any:
    """Heatmap report × theme: share of each report's text under each theme.

    Args:
        shares: :func:`theme_share_table`.
        reports: the reports table (labels and order).
        lang: label language.
    """
    plt = _plt()
    import seaborn as sns

    lab = _labels(reports, lang)
    order = charted_reports(reports, shares["report_id"])
    wide = shares.pivot_table(index="report_id", columns="category", values="share", fill_value=0)
    wide = wide.reindex(order).fillna(0.0)
    cats = wide.mean().sort_values(ascending=False, kind="stable").index.tolist()
    wide = wide[cats]
    wide.index = [lab[r] for r in wide.index]
    wide.columns = lb.label_keys("category", wide.columns, lang)
    fig, ax = plt.subplots(figsize=(1.6 + 0.85 * len(cats), 1.5 + 0.55 * len(order)))
    sns.heatmap(
        wide * 100,
        annot=True,
        fmt=".0f",
        cmap="YlGnBu",
        cbar_kws={"label": "%"},
        linewidths=0.5,
        ax=ax,
    )
    ax.set_xlabel(lb.ui_text("category", lang))
    ax.set_ylabel("")
    ax.set_title(lb.ui_text("share", lang) + " (%)")
    plt.setp(ax.get_xticklabels(), rotation=35, ha="right")
    fig.tight_layout()
    _note_charted(fig, len(order), shares["report_id"].nunique(), lang)
    return fig


def _rule_palette() -> list[tuple]:
    """40 distinct colours: tab20's strong hues, tab20b, then tab20's light shades."""
    plt = _plt()
    tab20, tab20b = plt.get_cmap("tab20"), plt.get_cmap("tab20b")
    return (
        [tab20(i) for i in range(0, 20, 2)]
        + [tab20b(i) for i in range(20)]
        + [tab20(i) for i in range(1, 20, 2)]
    )


def rule_colors(rules: Iterable[str]) -> dict[str, tuple]:
    """rule -> colour, the same in every run and corpus.

    A rule listed in ``labels.tsv`` (kind ``rule``) takes the colour of its place in that
    list, so the cleaning chart of any corpus colours ``signature`` alike; a rule missing
    from the list takes a colour from a hash of its name.
    """
    table = lb.read_labels()
    known = table.loc[table["kind"] == "rule", "key"].tolist()
    palette = _rule_palette()
    return {
        str(r): palette[
            known.index(str(r)) % len(palette)
            if str(r) in known
            else _stable_slot(str(r), len(palette))
        ]
        for r in rules
    }


def plot_cleaning_summary(
    cleaning_summary: pd.DataFrame, summary: pd.DataFrame, lang: str = "zh"
) -> Any:
    """Lines removed by each cleaning rule per report, and headings repaired.

    Rules are named in the chart's language (``labels.tsv``, kind ``rule``) and keep their
    colour across runs and corpora (:func:`rule_colors`).

    Args:
        cleaning_summary: :func:`cleaning_summary_table`.
        summary: :func:`report_summary_table` (labels, order and ``n_repaired``).
        lang: label language.
    """
    plt = _plt()
    total = len(summary)
    summary = summary[summary["report_id"].isin(set(charted_reports(summary)))]
    order = summary["report_id"].tolist()
    lab = dict(zip(summary["report_id"], summary["report"], strict=True))
    wide = cleaning_summary.pivot_table(
        index="report_id", columns="rule", values="n_lines", fill_value=0, aggfunc="sum"
    ).reindex(order, fill_value=0)
    wide = wide[[c for c in wide.columns if c != ""]]
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(12, 2.2 + 0.5 * len(order)),
        sharey=True,
        width_ratios=[3, 1],
        layout="constrained",
    )
    left = np.zeros(len(order))
    colors = rule_colors(wide.columns)
    y = [lab[r] for r in order]
    for rule in wide.columns:
        vals = wide[rule].to_numpy(dtype=float)
        name = lb.label_key("rule", rule, lang)
        axes[0].barh(y, vals, left=left, color=colors[rule], label=name)
        left += vals
    if len(wide.columns):
        _legend_below(fig, axes[0], title=lb.ui_text("rule", lang), fontsize=7)
    axes[0].set_xlabel(lb.ui_text("removed_lines", lang))
    axes[0].invert_yaxis()
    rep = summary.set_index("report_id").loc[order, "n_repaired"].to_numpy(dtype=float)
    axes[1].barh(y, rep, color="#c96")
    for i, v in enumerate(rep):
        axes[1].text(v, i, f" {int(v)}", va="center", fontsize=9)
    axes[1].set_xlabel(lb.ui_text("repaired", lang))
    _note_charted(fig, len(summary), total, lang)
    return fig


def plot_term_small_multiples(
    top: pd.DataFrame,
    reports: pd.DataFrame,
    *,
    value: str,
    xlabel: str,
    lang: str = "zh",
    ncols: int = 3,
) -> Any:
    """One panel per report: horizontal bars of its top terms by ``value``.

    Args:
        top: :func:`top_terms_table` output (``report_id, token, <value>, rank``).
        reports: the reports table (labels and order).
        value: the column to draw.
        xlabel: axis title.
        lang: label language.
        ncols: panels per row.
    """
    lab = _labels(reports, lang)
    order = charted_reports(reports, top["report_id"])
    if not order:
        return _empty_figure(lb.ui_text("not_reported", lang))
    fig = _term_panels(top, [(r, lab[r]) for r in order], value=value, xlabel=xlabel, ncols=ncols)
    _note_charted(fig, len(order), top["report_id"].nunique(), lang)
    return fig


def _term_panels(
    top: pd.DataFrame,
    panels: Sequence[tuple[str, str]],
    *,
    value: str,
    xlabel: str,
    ncols: int,
) -> Any:
    """One panel per ``(report_id, title)`` of ``panels``: bars of its terms in ``top``."""
    plt = _plt()
    nrows = math.ceil(len(panels) / ncols)
    per = int(top.groupby("report_id").size().max())
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 0.6 + nrows * (0.28 * per + 0.9)), squeeze=False
    )
    colors = plt.get_cmap(PALETTE)
    for i, (ax, (rid, title)) in enumerate(zip(axes.flat, panels, strict=False)):
        sub = top[top["report_id"] == rid].sort_values("rank")
        ax.barh(sub["token"], sub[value], color=colors(i % 10))
        ax.invert_yaxis()
        ax.set_title(title, fontsize=11)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.tick_params(labelsize=9)
    for ax in list(axes.flat)[len(panels) :]:
        ax.axis("off")
    fig.tight_layout()
    return fig


def plot_similarity_heatmap(
    similarity: pd.DataFrame,
    reports: pd.DataFrame,
    order: Sequence[str] | None = None,
    lang: str = "zh",
) -> Any:
    """Heatmap of report × report cosine similarity, rows in cluster order.

    Args:
        similarity: ``report_id_a, report_id_b, cosine`` (``textstats.similarity``; pairs in
            either or both directions; ``document_a``/``document_b`` are accepted too).
        reports: the reports table (labels).
        order: report_ids in display order (e.g. ``textstats.cluster_order``).
        lang: label language.
    """
    plt = _plt()
    import seaborn as sns

    lab = _labels(reports, lang)
    sim = similarity.rename(columns={"document_a": "report_id_a", "document_b": "report_id_b"})
    sim = sim[["report_id_a", "report_id_b", "cosine"]]
    flipped = sim.rename(columns={"report_id_a": "report_id_b", "report_id_b": "report_id_a"})
    sym = pd.concat([sim, flipped[sim.columns]]).drop_duplicates(["report_id_a", "report_id_b"])
    ids = list(order) if order is not None else order_reports(reports)
    present = set(sym["report_id_a"])
    charted = set(charted_reports(reports, present))
    ids = [i for i in ids if i in charted]
    mat = sym.pivot_table(index="report_id_a", columns="report_id_b", values="cosine")
    mat = mat.reindex(index=ids, columns=ids)
    for i in ids:
        mat.loc[i, i] = 1.0
    mat.index = [lab.get(i, i) for i in ids]
    mat.columns = [lab.get(i, i) for i in ids]
    fig, ax = plt.subplots(figsize=(2.5 + 1.1 * len(ids), 1.8 + 0.9 * len(ids)))
    sns.heatmap(
        mat,
        annot=True,
        fmt=".2f",
        cmap="rocket_r",
        vmin=0,
        vmax=1,
        square=True,
        cbar_kws={"label": lb.ui_text("cosine", lang)},
        ax=ax,
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    plt.setp(ax.get_xticklabels(), rotation=35, ha="right")
    fig.tight_layout()
    _note_charted(fig, len(ids), len(present), lang)
    return fig


def plot_topic_terms(
    topic_terms: pd.DataFrame, top_n: int = 8, lang: str = "zh", ncols: int = 3
) -> Any:
    """One panel per topic: its top terms by weight.

    Args:
        topic_terms: ``topic, token, weight`` (columns ``term``/``beta`` are accepted too).
        top_n: terms per topic.
        lang: label language.
        ncols: panels per row.
    """
    df = topic_terms.rename(columns={"term": "token", "beta": "weight"})
    df = df.assign(report_id=df["topic"].astype(str))
    top = top_terms_table(df, value="weight", top_n=top_n)
    if top.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    topics = sorted(top["report_id"].unique(), key=_natural_key)
    panels = [(t, f"{lb.ui_text('topic', lang)} {t}") for t in topics]
    return _term_panels(top, panels, value="weight", xlabel=lb.ui_text("weight", lang), ncols=ncols)


def _natural_key(text: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(text))]


def plot_topic_shares(
    shares: pd.DataFrame,
    reports: pd.DataFrame,
    topic_labels: pd.DataFrame | None = None,
    lang: str = "zh",
) -> Any:
    """Stacked bars: each report's text split across topics.

    Args:
        shares: ``report_id, topic, share``.
        reports: the reports table (labels and order).
        topic_labels: optional ``topic, label`` naming each topic by its top terms.
        lang: label language.
    """
    plt = _plt()
    lab = _labels(reports, lang)
    order = charted_reports(reports, shares["report_id"])
    wide = shares.pivot_table(index="report_id", columns="topic", values="share", fill_value=0)
    wide = wide.reindex(order).fillna(0.0)
    names = {}
    if topic_labels is not None and not topic_labels.empty:
        names = dict(zip(topic_labels["topic"], topic_labels["label"], strict=False))
    fig, ax = plt.subplots(figsize=(11, 1.6 + 0.55 * len(order)))
    left = np.zeros(len(order))
    colors = plt.get_cmap("tab20")(np.arange(max(len(wide.columns), 1)) % 20)
    for color, topic in zip(colors, wide.columns, strict=False):
        vals = wide[topic].to_numpy(dtype=float)
        name = f"{topic}: {names.get(topic, '')}".strip(": ")
        ax.barh([lab[r] for r in order], vals, left=left, color=color, label=name)
        left += vals
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(lb.ui_text("topic_share", lang))
    ax.legend(
        loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title=lb.ui_text("topic", lang)
    )
    fig.tight_layout()
    _note_charted(fig, len(order), shares["report_id"].nunique(), lang)
    return fig


MAX_DOTS_PER_ROW = 300  # report pairs drawn as dots in a row of the section-similarity chart


def plot_section_similarity(table: pd.DataFrame, lang: str = "zh") -> Any:
    """Same-theme sections compared across reports: one dot per report pair, per theme.

    Args:
        table: ``category, cosine`` plus the pair's labels in ``pair`` (any other columns
            are ignored).
        lang: label language.
    """
    plt = _plt()
    import seaborn as sns

    if table.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    df = table.assign(theme=lb.label_keys("category", table["category"], lang))
    order = df.groupby("theme")["cosine"].mean().sort_values(ascending=False).index.tolist()
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.45 * len(order)))
    sns.boxplot(df, y="theme", x="cosine", order=order, color="#dde6f0", fliersize=0, ax=ax)
    # dots spread evenly around their row (deterministic, unlike seaborn's random jitter);
    # a theme of more pairs than a row can show apart is its box alone
    for i, theme in enumerate(order):
        vals = df.loc[df["theme"] == theme, "cosine"].sort_values().to_numpy(dtype=float)
        if len(vals) > MAX_DOTS_PER_ROW:
            continue
        offsets = np.linspace(-0.2, 0.2, len(vals)) if len(vals) > 1 else np.zeros(len(vals))
        ax.scatter(vals, i + offsets, s=14, color="#2b5d8a", zorder=3)
    ax.set_xlabel(lb.ui_text("section_similarity", lang))
    ax.set_ylabel("")
    ax.set_xlim(0, 1)
    fig.tight_layout()
    return fig


def plot_formulaic_index(
    table: pd.DataFrame,
    reports: pd.DataFrame,
    *,
    value: str = "formulaic_share",
    lang: str = "zh",
) -> Any:
    """Bars: share of formulaic tokens per report (``textstats.formulaic_index``), in %.

    Args:
        table: one row per report with ``report_id`` and ``value`` (a share 0-1).
        reports: the reports table (labels and order).
        value: the column to draw.
        lang: label language.
    """
    plt = _plt()
    lab = _labels(reports, lang)
    order = charted_reports(reports, table["report_id"])
    vals = table.set_index("report_id").loc[order, value].astype(float) * 100
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(order)))
    ax.barh([lab[r] for r in order], vals.to_numpy(), color="#8a6bb0")
    for i, v in enumerate(vals):
        ax.text(v, i, f" {v:.1f}%", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(lb.ui_text("formulaic", lang))
    fig.tight_layout()
    _note_charted(fig, len(order), table["report_id"].nunique(), lang)
    return fig


def plot_indicators(
    values: pd.DataFrame,
    reports: pd.DataFrame,
    indicators: Sequence[str] | None = None,
    lang: str = "zh",
    ncols: int = 3,
    colors: dict[str, Any] | None = None,
) -> Any:
    """Canonical indicators side by side: one panel per indicator, one row per report.

    Only stated values are drawn; each panel has its own scale and names its units in its
    title. When values span two orders of magnitude or more the axis is logarithmic, the
    title says so (``对数刻度`` / ``log scale``) and values are dots, not bars (a bar's length
    on a log axis makes small values look smaller than they are); approximate values carry
    '≈' and the qualifier (余, 近, ...); a report that does not state an indicator gets a
    grey, hatched, labelled gap (never a zero bar); an explicit none is marked as stated zero.

    Args:
        values: :func:`indicator_value_table`.
        reports: the reports table (labels and order).
        indicators: indicators to show, in order (default: all present, most reported first).
        lang: label language.
        ncols: panels per row.
        colors: report_id -> colour (default :func:`bureau_colors` of ``reports``; pass
            ``bureau_colors`` of the whole corpus to keep a bureau's colour across charts).
    """
    plt = _plt()
    if values.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    lab = _labels(reports, lang)
    order = charted_reports(reports)
    if indicators is None:
        counts = values.groupby("indicator")["report_id"].nunique()
        indicators = sorted(counts.index, key=lambda k: (-counts[k], k))
    n = len(indicators)
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.6 * ncols, nrows * (0.42 * len(order) + 1.3)), squeeze=False
    )
    y = np.arange(len(order))
    colors = colors if colors is not None else bureau_colors(reports)
    for ax, ind in zip(axes.flat, indicators, strict=False):
        sub = values[values["indicator"] == ind].set_index("report_id")
        stated = sub["value"].astype(float)
        positive = stated[stated > 0]
        use_log = len(positive) >= 2 and positive.max() / positive.min() >= 100
        if use_log:
            ax.set_xscale("log")
        xmax = float(positive.max()) if len(positive) else 1.0
        for i, rid in enumerate(order):
            if rid not in sub.index:
                ax.axhspan(
                    i - 0.4,
                    i + 0.4,
                    facecolor=NOT_REPORTED_COLOR,
                    edgecolor=NOT_REPORTED_HATCH,
                    hatch="///",
                    lw=0,
                    zorder=0,
                )
                ax.text(
                    0.5,
                    i,
                    lb.ui_text("not_reported", lang),
                    transform=ax.get_yaxis_transform(),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#777",
                )
                continue
            row = sub.loc[rid]
            v = float(row["value"])
            text = indicator_value_text(
                v,
                str(row["unit"]),
                bool(row["approx"]),
                str(row["qualifier"] or ""),
                lang,
                indicator=ind,
            )
            if row["method"] == "sum":
                text += " (Σ)"
            if v > 0 and use_log:  # a dot: a bar's length means nothing on a log axis
                ax.plot([v], [i], "o", color=colors[rid], ms=7, zorder=3)
                ax.annotate(
                    text,
                    (v, i),
                    xytext=(6, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                )
            elif v > 0:
                ax.barh(i, v, color=colors[rid], height=0.7)
                ax.text(v, i, " " + text, va="center", fontsize=8)
            else:
                ax.plot([positive.min() if use_log and len(positive) else 0], [i], "k|", ms=12)
                ax.text(
                    0.02,
                    i,
                    text + " · " + lb.ui_text("stated_zero", lang),
                    transform=ax.get_yaxis_transform(),
                    va="center",
                    fontsize=8,
                )
        ax.set_yticks(y, [lab[r] for r in order], fontsize=9)
        ax.xaxis.set_major_formatter(_number_formatter(lang))
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xlim(right=xmax * (8 if use_log else 1.45))
        if not use_log:
            ax.set_xlim(left=0)
        if use_log:
            ax.grid(axis="x", which="major", visible=True)
        units = sorted(set(sub["unit"].astype(str)))
        ax.set_title(indicator_title(ind, units, lang, log=use_log), fontsize=10)
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="y", visible=False)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.tight_layout()
    _note_charted(fig, len(order), len(reports), lang)
    return fig


def plot_quantity_density(density: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh") -> Any:
    """Stacked bars: quantity statements per 1,000 characters, split by unit family.

    Args:
        density: :func:`quantity_density_table`.
        reports: the reports table (labels and order).
        lang: label language.
    """
    plt = _plt()
    lab = _labels(reports, lang)
    order = charted_reports(reports)
    wide = density.pivot_table(
        index="report_id", columns="unit_family", values="per_1000", fill_value=0, aggfunc="sum"
    ).reindex(order, fill_value=0)
    fams = wide.sum().sort_values(ascending=False, kind="stable").index.tolist()
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.55 * len(order)))
    left = np.zeros(len(order))
    colors = plt.get_cmap(PALETTE)
    for i, fam in enumerate(fams):
        vals = wide[fam].to_numpy(dtype=float)
        ax.barh(
            [lab[r] for r in order],
            vals,
            left=left,
            color=colors(i % 10),
            label=lb.label_key("unit_family", fam, lang),
        )
        left += vals
    for i, total in enumerate(left):
        ax.text(total, i, f" {total:.1f}", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(lb.ui_text("per_1000", lang))
    ax.legend(
        title=lb.ui_text("unit_family", lang),
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=8,
    )
    fig.tight_layout()
    _note_charted(fig, len(order), len(reports), lang)
    return fig


def plot_unit_families_by_theme(table: pd.DataFrame, lang: str = "zh") -> Any:
    """Heatmap theme × unit family: how many quantities of each kind each theme states.

    Args:
        table: :func:`unit_family_theme_table`.
        lang: label language.
    """
    plt = _plt()
    import seaborn as sns

    if table.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    wide = table.pivot_table(index="category", columns="unit_family", values="n", fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    wide = wide[wide.sum().sort_values(ascending=False, kind="stable").index]
    wide.index = lb.label_keys("category", wide.index, lang)
    wide.columns = lb.label_keys("unit_family", wide.columns, lang)
    fig, ax = plt.subplots(figsize=(2.5 + 0.9 * wide.shape[1], 1.5 + 0.45 * wide.shape[0]))
    sns.heatmap(
        wide,
        annot=True,
        fmt=".0f",
        cmap="Oranges",
        linewidths=0.5,
        ax=ax,
        cbar_kws={"label": lb.ui_text("count", lang)},
    )
    ax.set_xlabel(lb.ui_text("unit_family", lang))
    ax.set_ylabel(lb.ui_text("category", lang))
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
    return fig


def plot_theme_shares_by_year(yearly: pd.DataFrame, top: int = 8, lang: str = "zh") -> Any:
    """Dots: mean theme share of text per year, joined by lines only between like years.

    Two years are joined only when the same bureaus reported in both (``bureaus`` of
    :func:`yearly_theme_table`): a line from one government's report to another's would
    read as a change over time. When any two neighbouring years are not joined, a note under
    the chart says why. The x axis gives each year's number of reports.

    Args:
        yearly: :func:`yearly_theme_table`.
        top: themes shown (largest mean share).
        lang: label language.
    """
    plt = _plt()
    cats = (
        yearly.groupby("category")["share"].mean().sort_values(ascending=False, kind="stable")
    ).index[:top]
    years = sorted(yearly["year"].unique())
    who = (
        yearly.drop_duplicates("year").set_index("year")["bureaus"]
        if "bureaus" in yearly.columns
        else pd.Series(dtype=object)
    )
    # neighbouring years compare like with like only when the same bureaus reported in both
    joined = [
        a in who.index and b in who.index and who[a] == who[b]
        for a, b in zip(years, years[1:], strict=False)
    ]
    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    colors = plt.get_cmap(PALETTE)
    for i, cat in enumerate(cats):
        sub = yearly[yearly["category"] == cat].set_index("year")["share"] * 100
        color = colors(i % 10)
        ax.plot(
            sub.index,
            sub.to_numpy(),
            "o",
            color=color,
            label=lb.label_key("category", cat, lang),
        )
        for (a, b), ok in zip(zip(years, years[1:], strict=False), joined, strict=True):
            if ok and a in sub.index and b in sub.index:
                ax.plot([a, b], [sub[a], sub[b]], "-", color=color, lw=1.5)
    ax.set_xticks(
        years, [f"{y}\n(n={int(yearly[yearly['year'] == y]['n_reports'].iloc[0])})" for y in years]
    )
    ax.set_xlabel(lb.ui_text("year", lang))
    ax.set_ylabel(lb.ui_text("share", lang) + " (%)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    if not all(joined):
        fig.text(
            0.01,
            0,
            lb.pick(
                lang,
                "只有报告来自同一批局的相邻年份才以线相连;其余年份的点来自不同政府的报告,"
                "不表示随时间的变化。",
                "Neighbouring years are joined only when the same bureaus reported in both; "
                "the other years' dots come from different governments' reports and do not "
                "show a change over time.",
            ),
            fontsize=8,
            color="#555",
            ha="left",
            va="top",
            wrap=True,
        )
    return fig


def plot_indicators_by_year(
    values: pd.DataFrame, reports: pd.DataFrame, lang: str = "zh", ncols: int = 3
) -> Any:
    """One panel per indicator: each report's stated value against its year.

    Reports that do not state the indicator have no dot (gaps, never zeros); a bureau with
    several years is joined by a line; the legend below names each bureau's colour. Each
    panel's title names its units, and says so when its axis is logarithmic (values spanning
    two orders of magnitude). Reports with no year are left out, with a warning naming them.

    Args:
        values: :func:`indicator_value_table`.
        reports: the reports table.
        lang: label language.
        ncols: panels per row.
    """
    plt = _plt()
    if values.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    colors = bureau_colors(reports)
    reports = reports_with_year(reports, "indicators by year")
    values = values[values["report_id"].isin(set(reports["report_id"]))]
    if values.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    bk = bureau_key(reports)
    # many bureaus: those of the latest reports a chart shows (every year of each)
    charted = {bk[r] for r in charted_reports(reports, values["report_id"])}
    n_bureaus = bk[bk.index.isin(set(values["report_id"]))].nunique()
    if len(charted) < n_bureaus:
        reports = reports[reports["report_id"].map(bk).isin(charted)]
        values = values[values["report_id"].isin(set(reports["report_id"]))]
    names = _bureau_names(reports, lang)
    years = reports.set_index("report_id")["year"]
    df = values.assign(year=values["report_id"].map(years), bureau=values["report_id"].map(bk))
    counts = df.groupby("indicator")["report_id"].nunique()
    inds = sorted(counts.index, key=lambda k: (-counts[k], k))
    nrows = math.ceil(len(inds) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.6 * ncols, 3.3 * nrows + 0.6), squeeze=False, layout="constrained"
    )
    all_years = sorted(years.unique())
    shown: dict[str, Any] = {}
    for ax, ind in zip(axes.flat, inds, strict=False):
        sub = df[df["indicator"] == ind].sort_values(["year", "value"], ascending=[True, False])
        pos = sub[sub["value"] > 0]["value"]
        use_log = len(pos) >= 2 and pos.max() / pos.min() >= 100
        top = max(float(sub["value"].max()), 1.0)
        if use_log:
            ax.set_yscale("log")
            floor = float(pos.min()) / 3  # a stated zero sits on the floor of a log axis
            ax.set_ylim(floor / 1.6, float(pos.max()) * 2.2)
            y = sub["value"].where(sub["value"] > 0, floor)
        else:
            ax.set_ylim(-0.06 * top, top * 1.15)  # a dot at 0 is drawn whole
            y = sub["value"]
        sub = sub.assign(y=y.astype(float))
        for bureau, grp in sub.groupby("bureau", sort=True):
            c = colors[grp["report_id"].iloc[0]]
            (line,) = ax.plot(grp["year"], grp["y"], marker="o", color=c, lw=1.2, zorder=3)
            shown.setdefault(bureau, line)
        ax.yaxis.set_major_formatter(_number_formatter(lang))
        ax.set_xticks(all_years)
        ax.set_xlim(min(all_years) - 0.5, max(all_years) + 0.9)
        ax.set_title(
            indicator_title(ind, sorted(set(sub["unit"].astype(str))), lang, log=use_log),
            fontsize=10,
        )
        ax.tick_params(labelsize=8)
        _label_points(ax, sub, names, ind, lang)
    for ax in list(axes.flat)[len(inds) :]:
        ax.axis("off")
    order = sorted(shown, key=lambda b: names.get(b, b))
    fig.legend(
        [shown[b] for b in order],
        [names.get(b, b) for b in order],
        loc="outside lower center",
        ncol=min(len(order), 6),
        fontsize=8,
        frameon=False,
    )
    if len(charted) < n_bureaus:
        note = lb.ui_text("charted_bureaus", lang).format(
            latest=MAX_CHARTED_REPORTS, shown=len(charted), total=n_bureaus
        )
        fig.suptitle(note, fontsize=10, color="0.3")
    return fig


def _bureau_names(reports: pd.DataFrame, lang: str) -> dict[str, str]:
    """bureau key -> a short name for a legend: its jurisdiction (the bureau's full name when
    two bureaus share a jurisdiction)."""
    bk = bureau_key(reports)
    short: dict[str, str] = {}
    for row in reports.to_dict("records"):
        b = bk[row["report_id"]]
        short.setdefault(b, lb.label_report({**row, "year": None}, lang))
    counts = pd.Series(list(short.values())).value_counts()
    return {b: (b if counts[n] > 1 else n) for b, n in short.items()}


LABEL_GAP = 0.075  # least distance between two point labels, in axes heights


def _label_points(ax: Any, sub: pd.DataFrame, names: dict[str, str], ind: str, lang: str) -> None:
    """Write each point's bureau and value beside it, inside the panel.

    Labels of one year, or of neighbouring years (a label reaches the next year's points),
    are spread apart vertically (at least :data:`LABEL_GAP` of the panel's height) and kept
    between 4% and 96% of it, so they neither overlap each other nor fall on the year ticks;
    a label moved away from its point gets a thin leader line.
    """
    from matplotlib.transforms import blended_transform_factory

    to_axes = ax.transData + ax.transAxes.inverted()
    where = blended_transform_factory(ax.transData, ax.transAxes)
    # neighbouring years (2023, 2024) share a group: a label reaches the next year's points
    years = sorted(sub["year"].unique())
    group = {years[0]: 0} if years else {}
    for a, b in zip(years, years[1:], strict=False):
        group[b] = group[a] + (b - a > 1)
    sub = sub.assign(
        ay=[to_axes.transform((x, v))[1] for x, v in zip(sub["year"], sub["y"], strict=True)],
        group=sub["year"].map(group),
    )
    for _, pts in sub.groupby("group", sort=True):
        pts = pts.sort_values(["ay", "year", "report_id"], kind="stable")
        ys = pts["ay"].clip(0.04, 0.96).tolist()
        for i in range(1, len(ys)):
            ys[i] = max(ys[i], ys[i - 1] + LABEL_GAP)
        if ys and ys[-1] > 0.96:
            ys[-1] = 0.96
            for i in range(len(ys) - 2, -1, -1):
                ys[i] = min(ys[i], ys[i + 1] - LABEL_GAP)
        for (_, r), ty in zip(pts.iterrows(), ys, strict=True):
            text = indicator_value_text(
                r["value"], r["unit"], bool(r["approx"]), r["qualifier"], lang, indicator=ind
            )
            if r["method"] == "sum":
                text += " (Σ)"
            moved = abs(ty - r["ay"]) > 0.02
            ax.annotate(
                f"{names.get(r['bureau'], r['bureau'])} {text}",
                (r["year"], r["y"]),
                xytext=(r["year"] + 0.12, ty),
                textcoords=where,
                fontsize=7,
                va="center",
                ha="left",
                arrowprops={"arrowstyle": "-", "lw": 0.5, "color": "#999"} if moved else None,
            )


def plot_bureau_changes(
    changes: pd.DataFrame, kind: str, lang: str = "zh", *, relative: bool | None = None
) -> Any:
    """Diverging bars: each bureau's change from its previous report.

    Args:
        changes: :func:`bureau_change_table` output.
        kind: the lexicon kind of ``key`` (``category`` or ``indicator``) for labels.
        lang: label language.
        relative: bars in % of the previous value, each labelled with both values (default
            for indicators, whose units differ: cases, yuan, %); else the change itself
            (theme shares, in percentage points of the text).
    """
    plt = _plt()
    if changes.empty:
        return _empty_figure(lb.ui_text("not_reported", lang))
    relative = kind == "indicator" if relative is None else relative
    bureaus = sorted(changes["bureau"].unique())
    fig, axes = plt.subplots(
        len(bureaus),
        1,
        figsize=(9, sum(1 + 0.35 * (changes["bureau"] == b).sum() for b in bureaus)),
        squeeze=False,
    )
    for ax, b in zip(axes[:, 0], bureaus, strict=True):
        col = "change_pct" if relative else "change"
        sub = changes[changes["bureau"] == b].sort_values(["year", col], na_position="first")
        names = [
            f"{lb.label_key(kind, k, lang)} ({p}→{y})"
            for k, p, y in zip(sub["key"], sub["previous_year"], sub["year"], strict=True)
        ]
        vals = sub[col].to_numpy(dtype=float)
        if not relative and kind == "category":
            vals = vals * 100  # shares of the text: percentage points
        shown = [0.0 if math.isnan(v) else v for v in vals]
        ax.barh(names, shown, color=["#2a7" if v >= 0 else "#c44" for v in shown])
        ax.axvline(0, color="#333", lw=0.8)
        if relative:  # both values beside each bar (a change from 0 has no %)
            units = sub["unit"] if "unit" in sub else [""] * len(sub)
            befores = sub["previous_unit"] if "previous_unit" in sub else units
            for i, (before, now, unit, unit_before) in enumerate(
                zip(sub["previous"], sub["current"], units, befores, strict=True)
            ):
                text = (
                    f"{format_number(before, unit_before, lang)} → {format_number(now, unit, lang)}"
                )
                ax.annotate(
                    text,
                    (shown[i], i),
                    xytext=(4 if shown[i] >= 0 else -4, 0),
                    textcoords="offset points",
                    ha="left" if shown[i] >= 0 else "right",
                    va="center",
                    fontsize=8,
                )
            lo, hi = min(shown + [0.0]), max(shown + [0.0])
            pad = (hi - lo or 100) * 0.45  # room for the labels
            ax.set_xlim(lo - (pad if lo < 0 else 0.1 * pad), hi + pad)
        ax.set_title(b, fontsize=10)
        ax.set_xlabel(
            lb.ui_text(
                "change_pct" if relative else "change_pp" if kind == "category" else "change",
                lang,
            )
        )
    fig.tight_layout()
    return fig
