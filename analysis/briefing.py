"""The HTML briefing ``reports/briefing_<year>.html``: findings written from the data.

One self-contained page: key findings (sentences computed from the tables, each with the
source sentences it rests on), the figures the notebooks saved (embedded as data URIs, in
notebook order), and the evidence table behind the indicators. Every piece of report text
is escaped; the page makes no request of any kind (a Content-Security-Policy forbids it).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import labels as lb
from analysis import paths, plots

# Indicators a finding is written about when a report of the year states them: the
# lexicon's own names (analysis/lexicons/indicators.tsv), most comparable first.
HEADLINE_INDICATORS = (
    "admin_penalty_cases",
    "fines_yuan",
    "admin_reconsideration_cases",
    "admin_litigation_cases",
    "petitions",
)


@dataclass
class Finding:
    """One key finding: a sentence and the source sentences it rests on."""

    text: str
    evidence: pd.DataFrame = field(default_factory=pd.DataFrame)


def indicator_findings(
    tables: dict[str, pd.DataFrame], reports: pd.DataFrame, lang: str = "zh"
) -> list[Finding]:
    """Who states the most of each headline indicator, and which indicators few report state.

    Args:
        tables: the build's tables.
        reports: the reports the findings are about.
        lang: language of the sentences.
    """
    ids = set(reports["report_id"])
    ind = tables["indicators"][tables["indicators"]["report_id"].isin(ids)]
    values = plots.indicator_value_table(ind, tables["metrics"])
    evidence = plots.indicator_evidence_table(
        ind, tables["metrics"], tables["sections"], reports, lang
    )
    lab = lb.label_reports(reports, lang)
    out: list[Finding] = []
    for name in HEADLINE_INDICATORS:
        sub = values[(values["indicator"] == name) & (values["value"] > 0)]
        if sub.empty:
            continue
        top = sub.sort_values(["value", "report_id"], ascending=[False, True]).iloc[0]
        text_value = plots.indicator_value_text(
            top["value"], top["unit"], bool(top["approx"]), top["qualifier"], lang
        )
        name_label = lb.label_key("indicator", name, lang)
        n_state = len(values[values["indicator"] == name])
        summed = top["method"] == "sum"
        if n_state == 1:
            text = lb.pick(
                lang,
                f"{name_label}:{len(reports)} 份报告中只有 {lab[top['report_id']]} 陈述了这一指标"
                f"({text_value}{',为分项加总' if summed else ''})。",
                f"{name_label}: of {len(reports)} reports only {lab[top['report_id']]} states "
                f"it ({text_value}{', a sum of stated parts' if summed else ''}).",
            )
        else:
            text = lb.pick(
                lang,
                f"{name_label}:{lab[top['report_id']]} 报告的数字最大({text_value}"
                f"{',为分项加总' if summed else ''});{len(reports)} 份报告中有 {n_state} 份"
                "陈述了这一指标(各局统计口径不尽相同)。",
                f"{name_label}: {lab[top['report_id']]} states the largest figure "
                f"({text_value}{', a sum of stated parts' if summed else ''}); {n_state} of "
                f"{len(reports)} reports state this indicator (definitions differ between "
                "bureaus).",
            )
        cited = evidence[
            (evidence["report_id"] == top["report_id"]) & (evidence["indicator"] == name_label)
        ]
        out.append(Finding(text, cited))
    # indicators stated by fewest reports
    if len(reports) >= 2 and not values.empty:
        stated = values.groupby("indicator")["report_id"].nunique()
        rare = stated[stated <= max(1, len(reports) // 3)].sort_index()
        if len(rare):
            names = (
                "、".join(lb.label_keys("indicator", rare.index, lang))
                if lang == "zh"
                else (", ".join(lb.label_keys("indicator", rare.index, lang)))
            )
            text = lb.pick(
                lang,
                f"只有个别报告陈述的指标:{names}。未陈述的数值在图中留空,而不是画成零。",
                f"Indicators stated by only one or a few reports: {names}. Values not stated "
                "are shown as gaps in the charts, never as zero.",
            )
            out.append(Finding(text))
    return out


def concreteness_finding(
    tables: dict[str, pd.DataFrame], reports: pd.DataFrame, lang: str = "zh"
) -> list[Finding]:
    """Which report is most concrete (quantities per 1,000 characters) and which least."""
    if reports.empty:
        return []
    met = tables["metrics"][tables["metrics"]["report_id"].isin(set(reports["report_id"]))]
    dens = plots.quantity_density_table(met, reports)
    per = dens.groupby("report_id")["per_1000"].sum().sort_values(ascending=False, kind="stable")
    lab = lb.label_reports(reports, lang)
    top, low = per.index[0], per.index[-1]
    if len(per) == 1:
        return [
            Finding(
                lb.pick(
                    lang,
                    f"{lab[top]} 每千字有 {per[top]:.1f} 个数量表述。",
                    f"{lab[top]} states {per[top]:.1f} quantities per 1,000 characters.",
                )
            )
        ]
    return [
        Finding(
            lb.pick(
                lang,
                f"最具体的是 {lab[top]}:每千字 {per[top]:.1f} 个数量表述;最少的是 {lab[low]}:"
                f"每千字 {per[low]:.1f} 个。",
                f"The most concrete report is {lab[top]}, with {per[top]:.1f} quantity statements "
                f"per 1,000 characters; the least is {lab[low]}, with {per[low]:.1f}.",
            )
        )
    ]


def theme_findings(
    tables: dict[str, pd.DataFrame], reports: pd.DataFrame, lang: str = "zh"
) -> list[Finding]:
    """For each report, the theme it gives most more space than the other reports do.

    The distinctive theme is the one with the largest difference (percentage points)
    between the report's share of text and the mean share of the other reports; 'other'
    and unclassified text are left out.
    """
    if len(reports) < 2:
        return []
    ids = list(plots.order_reports(reports))
    sec = tables["sections"][tables["sections"]["report_id"].isin(ids)]
    shares = plots.theme_share_table(sec)
    wide = (
        shares.pivot_table(index="report_id", columns="category", values="share", fill_value=0.0)
        .reindex(ids)
        .fillna(0.0)
    )
    wide = wide[[c for c in wide.columns if c not in ("", "other")]]
    if wide.empty:
        return []
    lab = lb.label_reports(reports, lang)
    parts = []
    for rid in ids:
        others = wide.drop(index=rid).mean()
        diff = (wide.loc[rid] - others).sort_values(ascending=False, kind="stable")
        if diff.iloc[0] <= 0:
            continue  # no theme gets more of its text than the others give it on average
        cat = diff.index[0]
        theme = lb.label_key("category", cat, lang)
        mine, theirs = wide.loc[rid, cat] * 100, others[cat] * 100
        parts.append(
            lb.pick(
                lang,
                f"{lab[rid]} 偏重“{theme}”({mine:.0f}%,其他报告平均 {theirs:.0f}%)",
                f"{lab[rid]} gives most extra room to “{theme}” ({mine:.0f}% of its text against "
                f"{theirs:.0f}% on average elsewhere)",
            )
        )
    if not parts:
        return []
    joined = ";".join(parts) + "。" if lang == "zh" else "; ".join(parts) + "."
    return [Finding(lb.pick(lang, "各报告的特色主题:", "Distinctive themes: ") + joined)]


def term_findings(
    tables: dict[str, pd.DataFrame], reports: pd.DataFrame, lang: str = "zh", top_n: int = 3
) -> list[Finding]:
    """Each report's most distinctive words (log-likelihood keyness against the others)."""
    if len(reports) < 2:
        return []
    from analysis import textstats

    tok = tables["tokens"][tables["tokens"]["report_id"].isin(set(reports["report_id"]))]
    counts = textstats.count_terms(textstats.drop_place_names(tok), by=("report_id",))
    if counts["report_id"].nunique() < 2:
        return []
    key = textstats.keyness_all(counts)
    top = plots.top_terms_table(key[key["g2"] > 0], value="g2", top_n=top_n)
    lab = lb.label_reports(reports, lang)
    parts = []
    for rid in plots.order_reports(reports):
        words = top[top["report_id"] == rid]["token"].tolist()
        if words:
            parts.append(
                f"{lab[rid]}:" + "、".join(words)
                if lang == "zh"
                else f"{lab[rid]}: " + ", ".join(words)
            )
    if not parts:
        return []
    return [
        Finding(
            lb.pick(
                lang, "最具区别性的词(对数似然 G²):", "Most distinctive words (log-likelihood G²): "
            )
            + ("；".join(parts) + "。" if lang == "zh" else "; ".join(parts) + ".")
        )
    ]


def formulaic_finding(
    tables: dict[str, pd.DataFrame], reports: pd.DataFrame, lang: str = "zh"
) -> list[Finding]:
    """Which report uses the most formulaic official phrasing (share of tokens)."""
    if len(reports) < 2:
        return []
    from analysis import textstats

    tok = tables["tokens"][tables["tokens"]["report_id"].isin(set(reports["report_id"]))]
    idx = textstats.formulaic_index(tok, None, reports)
    idx = idx.assign(share=idx["formulaic_share"].astype(float)).dropna(subset=["share"])
    if idx.empty:
        return []
    idx = idx.sort_values(["share", "report_id"], ascending=[False, True])
    lab = lb.label_reports(reports, lang)
    top, low = idx.iloc[0], idx.iloc[-1]
    return [
        Finding(
            lb.pick(
                lang,
                f"套话最多的是 {lab[top['report_id']]}(套话词占 {top['share'] * 100:.1f}%),"
                f"最少的是 {lab[low['report_id']]}({low['share'] * 100:.1f}%)。",
                f"The most formulaic report is {lab[top['report_id']]} ({top['share'] * 100:.1f}% of "
                f"tokens are formulaic phrases); the least is {lab[low['report_id']]} "
                f"({low['share'] * 100:.1f}%).",
            )
        )
    ]


def history_findings(tables: dict[str, pd.DataFrame], year: int, lang: str = "zh") -> list[Finding]:
    """Bureaus with an earlier report: the biggest moves of their stated indicators."""
    reports = tables["reports"]
    bureaus = plots.bureaus_with_history(reports)
    if not bureaus:
        return [
            Finding(
                lb.pick(
                    lang,
                    "每个局都只有一年的报告,因此无法与上一年比较。",
                    "Every bureau has a report for one year only, so no change from a previous year "
                    "can be shown.",
                )
            )
        ]
    values = plots.indicator_value_table(tables["indicators"], tables["metrics"])
    changes = plots.bureau_change_table(values, reports, key="indicator", value="value")
    changes = changes[changes["year"] == year]
    out = []
    for bureau, grp in changes.groupby("bureau", sort=True):
        parts = [
            f"{lb.label_key('indicator', r.key, lang)} {plots.format_number(r.previous, '', lang)}"
            f"→{plots.format_number(r.current, '', lang)}"
            for r in grp.itertuples(index=False)
        ]
        out.append(
            Finding(
                lb.pick(
                    lang,
                    f"{bureau} 与上一份报告相比:" + "、".join(parts) + "。",
                    f"{bureau} against its previous report: " + ", ".join(parts) + ".",
                )
            )
        )
    return out


def key_findings(tables: dict[str, pd.DataFrame], year: int, lang: str = "zh") -> list[Finding]:
    """All findings about the reports of ``year``, written from the tables.

    Args:
        tables: the build's tables (reports, sections, metrics, indicators, tokens).
        year: the year the briefing is about.
        lang: language of the sentences.
    """
    of_year = plots.select_reports(tables["reports"], year=year)
    lab = lb.label_reports(of_year, lang)
    sep = "、" if lang == "zh" else ", "
    intro = lb.pick(
        lang,
        f"{year} 年共有 {len(of_year)} 份报告:{sep.join(lab)}。全部语料 "
        f"{len(tables['reports'])} 份报告。",
        f"{len(of_year)} report(s) cover {year}: {sep.join(lab)}. The corpus holds "
        f"{len(tables['reports'])} reports.",
    )
    findings = [Finding(intro)]
    if len(of_year) < 2:
        findings.append(
            Finding(
                lb.pick(
                    lang,
                    f"{year} 年只有一份报告,同年内没有可比较的对象。",
                    f"Only one report covers {year}; there is nothing to compare it with within the year.",
                )
            )
        )
    findings += indicator_findings(tables, of_year, lang)
    findings += concreteness_finding(tables, of_year, lang)
    findings += theme_findings(tables, of_year, lang)
    findings += term_findings(tables, of_year, lang)
    findings += formulaic_finding(tables, of_year, lang)
    findings += history_findings(tables, year, lang)
    return findings


def collect_figures(figures_dir: Path | str) -> list[dict]:
    """The figures' sidecar records, in notebook order then file name, with PNG bytes."""
    records = []
    for sidecar in sorted(Path(figures_dir).glob("*.json")):
        try:
            rec = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        png = sidecar.with_suffix(".png")
        if not png.exists():
            continue
        rec["_png"] = png.read_bytes()
        records.append(rec)
    return sorted(records, key=lambda r: (str(r.get("notebook", "")), str(r.get("name", ""))))


def render_briefing(
    tables: dict[str, pd.DataFrame],
    *,
    year: int,
    figures_dir: Path | str = paths.FIGURES_DIR,
    lang: str = "zh",
    findings: list[Finding] | None = None,
) -> str:
    """Return the briefing page for ``year`` as HTML (see the module docstring).

    ``findings``: :func:`key_findings` of the same tables, year and language when already
    computed (``analysis run`` computes them while the notebooks run); None computes them.
    """
    lb.check_lang(lang)
    if findings is None:
        findings = key_findings(tables, year, lang)
    title = lb.pick(
        lang,
        f"{year} 年法治政府建设年度报告比较简报",
        f"Briefing: annual rule-of-law reports, {year}",
    )
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<h2>{html.escape(lb.pick(lang, '主要发现', 'Key findings'))}</h2>",
    ]
    for f in findings:
        block = f"<section class='finding'><p>{html.escape(f.text)}</p>"
        if not f.evidence.empty:
            block += plots.render_evidence(f.evidence[["report", "section", "raw", "sentence"]])
        body.append(block + "</section>")
    figures = collect_figures(figures_dir)
    if figures:
        body.append(f"<h2>{html.escape(lb.pick(lang, '图表', 'Figures'))}</h2>")
        body.append(f"<p class='note'>{html.escape(figure_scope(tables['reports'], lang))}</p>")
    for rec in figures:
        caption = str(rec.get("caption", ""))
        body.append(
            f"<figure id='{html.escape(str(rec.get('name', '')), quote=True)}'>"
            f"<img src='{plots.png_data_uri(rec['_png'])}' alt='{html.escape(caption, quote=True)}'>"
            f"<figcaption>{html.escape(caption)} <span class='note'>"
            f"({html.escape(str(rec.get('name', '')))}, {html.escape(str(rec.get('notebook', '')))})"
            "</span></figcaption></figure>"
        )
    of_year = plots.select_reports(tables["reports"], year=year)
    ids = set(of_year["report_id"])
    ind = tables["indicators"][tables["indicators"]["report_id"].isin(ids)]
    evidence = plots.indicator_evidence_table(
        ind, tables["metrics"], tables["sections"], of_year, lang
    )
    if not evidence.empty:
        body.append(
            f"<h2>{html.escape(lb.pick(lang, '证据:指标所依据的原句', 'Evidence: the sentences behind the indicators'))}</h2>"
        )
        body.append(plots.render_evidence(evidence.drop(columns=["metric_id", "report_id"])))
    body.append(
        "<p class='note'>"
        + html.escape(
            lb.pick(
                lang,
                "由 analysis run 根据 data/processed/ 中的表格自动生成;数值均为报告原文所述。",
                "Written by `analysis run` from the tables in data/processed/; every figure is as "
                "stated in the reports.",
            )
        )
        + "</p>"
    )
    return plots.html_page(title, "\n".join(body), lang, embed_font=True)


def figure_scope(reports: pd.DataFrame, lang: str = "zh") -> str:
    """What the figures cover: the yearly comparison's are of the briefing's year and of each
    bureau's years; the others show every report of the run, whatever its year."""
    years = sorted({int(y) for y in pd.to_numeric(reports["year"], errors="coerce").dropna()})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "?")
    return lb.pick(
        lang,
        f"除年度比较(04)的图外,图表涵盖本次运行的全部 {len(reports)} 份报告({span} 年),"
        "不限于本简报的年份。",
        f"Except for the yearly comparison's (04), the figures cover all {len(reports)} "
        f"reports of this run ({span}), not only this briefing's year.",
    )


def write_briefing(
    tables: dict[str, pd.DataFrame],
    path: Path | str,
    *,
    year: int,
    figures_dir: Path | str = paths.FIGURES_DIR,
    lang: str = "zh",
    findings: list[Finding] | None = None,
) -> Path:
    """Write the briefing page to ``path`` (folders created); return the path.

    ``findings``: see :func:`render_briefing`.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    page = render_briefing(tables, year=year, figures_dir=figures_dir, lang=lang, findings=findings)
    out.write_text(page, encoding="utf-8")
    return out
