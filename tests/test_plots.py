"""Tests of analysis/plots.py: Chinese font, glyph checks, deterministic PNG, safe HTML."""

from __future__ import annotations

import json
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from synthetic import make_tables  # noqa: E402

from analysis import labels, paths, plots  # noqa: E402

MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|[（(]\d+[)）])"
)


def _chinese_chart():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["行政处罚", "行政复议"], [3, -1], label="九龙坡区 2023")
    ax.set_title("法治政府建设年度报告 · 数量(件)")
    ax.set_xlabel("指标")
    ax.set_ylabel("数量 −1")
    ax.legend(title="报告")
    return fig


def test_chinese_chart_draws_without_missing_glyph_warning(tmp_path):
    plots.setup_fonts()
    sns.set_theme()  # seaborn's theme resets the fonts ...
    plots.set_theme()  # ... and this puts them back
    assert plt.rcParams["font.sans-serif"][0] == "Noto Sans SC"
    assert plt.rcParams["axes.unicode_minus"] is False
    fig = _chinese_chart()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.save_figure(fig, "chinese_chart", caption="中文图", figures_dir=tmp_path)
    plt.close(fig)
    assert (tmp_path / "chinese_chart.png").stat().st_size > 1000


def test_plain_sns_set_theme_would_lose_the_font():
    plots.setup_fonts()
    sns.set_theme()
    # seaborn's defaults put its own sans-serif list back: the reason set_theme exists
    assert plt.rcParams["font.sans-serif"][0] != "Noto Sans SC"
    plots.set_theme()
    assert plt.rcParams["font.sans-serif"][0] == "Noto Sans SC"


@pytest.mark.parametrize("text", ["罕见字 𠀀", "表情 😀"])
def test_character_outside_the_font_raises(tmp_path, text):
    plots.set_theme()
    fig, ax = plt.subplots()
    ax.set_title(text)
    with pytest.raises(plots.MissingGlyphError):
        plots.save_figure(fig, "bad_glyph", caption="x", figures_dir=tmp_path)
    plt.close(fig)
    assert not (tmp_path / "bad_glyph.png").exists()


def test_tick_label_outside_the_font_raises(tmp_path):
    # tick labels only get their text at draw time
    plots.set_theme()
    fig, ax = plt.subplots()
    ax.barh(["正常", "𠮷野家"], [1, 2])
    with pytest.raises(plots.MissingGlyphError):
        plots.save_figure(fig, "bad_tick", caption="x", figures_dir=tmp_path)
    plt.close(fig)


def test_missing_glyphs_hand_checked():
    assert plots.missing_glyphs(["法治 2023 ≈ 92.16% ×"]) == []
    # U+1F600 sorts after U+20000? no: 0x1F600 < 0x20000, so the emoji comes first
    assert plots.missing_glyphs(["a😀b", "𠀀"]) == ["😀", "𠀀"]
    assert plots.missing_glyphs(["\u3000\t\n"]) == []  # spaces and controls are ignored


def _heading_lines() -> list[str]:
    processed = paths.PROCESSED_DIR / "sections.parquet"
    if processed.exists():
        sec = pd.read_parquet(processed)
        return [f"{m}{h}" for m, h in zip(sec["marker"], sec["heading"], strict=True)]
    lines = []
    for path in sorted(paths.RAW_DIR.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines += [line for line in text.splitlines() if MARKER.match(line)]
    return lines


def test_font_covers_every_seed_heading():
    lines = _heading_lines()
    assert len(lines) > 20
    assert plots.missing_glyphs(lines) == []


def _small_figure():
    plots.set_theme()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set_title("嘉定区 2023")
    return fig


def test_png_bytes_identical_across_saves(tmp_path):
    fig = _small_figure()
    a = plots.save_figure(fig, "same", caption="同一张图", figures_dir=tmp_path / "a")
    b = plots.save_figure(fig, "same", caption="同一张图", figures_dir=tmp_path / "b")
    plt.close(fig)
    fig2 = _small_figure()
    c = plots.save_figure(fig2, "same", caption="同一张图", figures_dir=tmp_path / "c")
    plt.close(fig2)
    pa, pb, pc = (tmp_path / d / "same.png" for d in "abc")
    assert pa.read_bytes() == pb.read_bytes() == pc.read_bytes()
    assert a["png_sha256"] == b["png_sha256"] == c["png_sha256"]
    assert b"Software" not in pa.read_bytes()  # no matplotlib version stamp
    assert (tmp_path / "a" / "same.html").read_bytes() == (
        tmp_path / "b" / "same.html"
    ).read_bytes()


def test_png_resolution_at_least_200_dpi(tmp_path):
    from PIL import Image

    fig = _small_figure()
    plots.save_figure(fig, "dpi", caption="x", figures_dir=tmp_path)
    plt.close(fig)
    with Image.open(tmp_path / "dpi.png") as im:
        assert im.info["dpi"][0] >= 199.9
    with pytest.raises(ValueError):
        plots.save_figure(_small_figure(), "low", caption="x", figures_dir=tmp_path, dpi=100)


ATTACK = "<script>alert(1)</script>"


def test_html_is_self_contained_and_escaped(tmp_path):
    fig = _small_figure()
    data = pd.DataFrame({"report": [ATTACK], "value": [1.5]})
    evidence = pd.DataFrame(
        {
            "report": ["乙区 2023"],
            "section": [ATTACK],
            "raw": ["3件"],
            "sentence": [f"办理行政复议案件3件。{ATTACK}"],
        }
    )
    rec = plots.save_figure(
        fig,
        "escaped",
        caption=f"标题 {ATTACK}",
        data=data,
        evidence=evidence,
        figures_dir=tmp_path,
        notebook="03_metrics",
    )
    plt.close(fig)
    page = (tmp_path / "escaped.html").read_text(encoding="utf-8")
    assert ATTACK not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    assert "data:image/png;base64," in page
    assert "<mark>3件</mark>" in page  # the quantity is marked in its sentence
    sidecar = json.loads((tmp_path / "escaped.json").read_text(encoding="utf-8"))
    assert sidecar["notebook"] == "03_metrics" and sidecar["png_sha256"] == rec["png_sha256"]


def test_figure_page_embeds_a_font_for_its_own_text(tmp_path):
    import base64

    from fontTools.ttLib import TTFont

    fig = _small_figure()
    data = pd.DataFrame({"report": ["鄂尔多斯市准格尔旗 2022"], "value": [1.5]})
    plots.save_figure(fig, "font", caption="各旗县罚没款", data=data, figures_dir=tmp_path)
    plt.close(fig)
    page = (tmp_path / "font.html").read_text(encoding="utf-8")
    uri = re.search(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", page).group(1)
    (tmp_path / "sub.woff").write_bytes(base64.b64decode(uri))
    with TTFont(str(tmp_path / "sub.woff")) as font:
        cmap = set(font.getBestCmap())
    for ch in "鄂尔多斯准格旗罚没款图表数据":  # table, caption and the fixed heading
        assert ord(ch) in cmap, ch
    assert "Noto Sans SC Embedded" in page.split("<body>")[0]


def test_bad_figure_name_rejected(tmp_path):
    with pytest.raises(ValueError):
        plots.save_figure(_small_figure(), "Bad Name!", caption="x", figures_dir=tmp_path)


# ----------------------------------------------------------------- chart data, by hand


def test_theme_share_table_hand_computed():
    t = make_tables()
    shares = plots.theme_share_table(t["sections"])
    sub = shares[shares["report_id"] == "jiashi-2022"].set_index("category")
    # "一、加强领导\n" is 7 characters and "全年办理行政处罚案件120件,罚款3万元。\n" 22: 29;
    # "二、存在问题\n执法队伍不足。\n" is 7 + 8 = 15; the preamble is empty
    assert sub.loc["leadership", "n_chars"] == 29
    assert sub.loc["problems", "n_chars"] == 15
    assert sub.loc["leadership", "share"] == pytest.approx(29 / 44)
    assert sub.loc["preamble", "share"] == 0


def test_indicator_value_table_marks_approx():
    t = make_tables()
    v = plots.indicator_value_table(t["indicators"], t["metrics"]).set_index(
        ["report_id", "indicator"]
    )
    assert bool(v.loc[("jiashi-2023", "admin_penalty_cases"), "approx"]) is True
    assert v.loc[("jiashi-2023", "admin_penalty_cases"), "qualifier"] == "余"
    assert bool(v.loc[("jiashi-2022", "admin_penalty_cases"), "approx"]) is False
    assert v.loc[("yiqu-2023", "admin_litigation_cases"), "raw"] == ""  # stated zero, no metric


def test_indicator_value_text():
    assert plots.indicator_value_text(150, "件", True, "余", "zh") == "≈150余件"
    assert plots.indicator_value_text(1128823.79, "元", False, "", "zh") == "112.9万元"
    assert plots.indicator_value_text(92.16, "%", False, "", "en") == "92.16%"
    assert plots.indicator_value_text(126000, "元", False, "", "en") == "126k yuan"
    assert plots.indicator_value_text(370, "名", True, "余", "en") == "≈370 people"
    assert plots.indicator_value_text(3.5, "百分点", False, "", "en") == "3.5 pp"
    # a unit without an English label is written as it is
    assert plots.indicator_value_text(7, "拃", False, "", "en") == "7 拃"


def test_quantity_density_table_hand_computed():
    t = make_tables()
    d = plots.quantity_density_table(t["metrics"], t["reports"])
    row = d[(d["report_id"] == "yiqu-2023") & (d["unit_family"] == "cases")].iloc[0]
    n_chars = len(
        "一、执法监督\n办理行政复议案件3件。<script>alert(1)</script>\n二、存在问题\n无。\n"
    )
    assert row["n"] == 1
    assert row["per_1000"] == pytest.approx(1000 / n_chars)


def test_bureau_change_table_only_bureaus_with_history():
    t = make_tables()
    v = plots.indicator_value_table(t["indicators"], t["metrics"])
    ch = plots.bureau_change_table(v, t["reports"], key="indicator", value="value")
    assert set(ch["bureau"]) == {"甲市城市管理局"}
    pen = ch[ch["key"] == "admin_penalty_cases"].iloc[0]
    assert (pen["previous"], pen["current"], pen["change"]) == (120, 150, 30)
    assert pen["change_pct"] == 25  # (150 - 120) / 120
    assert plots.bureaus_with_history(t["reports"]) == ["甲市城市管理局"]


def test_indicator_changes_are_drawn_in_percent_with_both_values_written() -> None:
    t = make_tables()
    v = plots.indicator_value_table(t["indicators"], t["metrics"])
    ch = plots.bureau_change_table(v, t["reports"], key="indicator", value="value")
    fig = plots.plot_bureau_changes(ch, "indicator", "zh")
    ax = fig.axes[0]
    pen = ch[ch["key"] == "admin_penalty_cases"].iloc[0]
    assert pen["unit"] == "件"
    assert "120件 → 150件" in [a.get_text() for a in ax.texts]  # cases, yuan, % on one axis:
    assert max(p.get_width() for p in ax.patches) <= 100  # bars in % of the previous value
    assert ax.get_xlabel() == "较上一份报告变化(%)"
    plt.close(fig)


def test_select_reports_errors_list_valid_values():
    t = make_tables()
    with pytest.raises(ValueError, match="2022, 2023"):
        plots.select_reports(t["reports"], year=1999)
    with pytest.raises(ValueError, match="jiashi-2022"):
        plots.select_reports(t["reports"], report_ids=["nope"])
    assert plots.select_reports(t["reports"], year=2023)["report_id"].tolist() == [
        "jiashi-2023",
        "yiqu-2023",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_verb_draws_synthetic_tables(tmp_path, lang):
    t = make_tables()
    rep = t["reports"]
    plots.set_theme()
    summary = plots.report_summary_table(rep, t["sections"], lang)
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    shares = plots.theme_share_table(t["sections"])
    figs = {
        "overview": plots.plot_report_overview(summary, lang),
        "depth": plots.plot_outline_depth(plots.outline_depth_table(t["sections"]), rep, lang),
        "themes": plots.plot_theme_heatmap(shares, rep, lang),
        "cleaning": plots.plot_cleaning_summary(
            plots.cleaning_summary_table(t["cleaning"], rep), summary, lang
        ),
        "indicators": plots.plot_indicators(values, rep, lang=lang),
        "density": plots.plot_quantity_density(
            plots.quantity_density_table(t["metrics"], rep), rep, lang
        ),
        "families": plots.plot_unit_families_by_theme(
            plots.unit_family_theme_table(t["metrics"], t["sections"]), lang
        ),
        "years": plots.plot_theme_shares_by_year(plots.yearly_theme_table(shares, rep), lang=lang),
        "ind_years": plots.plot_indicators_by_year(values, rep, lang),
        "changes": plots.plot_bureau_changes(
            plots.bureau_change_table(values, rep, key="indicator", value="value"),
            "indicator",
            lang,
        ),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, fig in figs.items():
            plots.save_figure(fig, name, caption=name, figures_dir=tmp_path)
            plt.close(fig)
    assert len(list(tmp_path.glob("*.png"))) == len(figs)


def test_indicator_chart_shows_gap_not_zero():
    t = make_tables()
    plots.set_theme()
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    fig = plots.plot_indicators(values, t["reports"], indicators=["fines_yuan"], lang="zh")
    texts = [x.get_text().strip() for x in fig.axes[0].texts]
    # yiqu-2023 does not state fines: a labelled gap, and no bar of width 0
    assert texts.count(labels.ui_text("not_reported", "zh")) == 1
    widths = [p.get_width() for p in fig.axes[0].patches if hasattr(p, "get_width")]
    assert 0 not in widths
    assert "3万元" in texts and "4.5万元" in texts
    plt.close(fig)


def test_report_labels():
    t = make_tables()
    assert labels.label_reports(t["reports"], "zh").tolist() == [
        "甲市 2022",
        "甲市 2023",
        "乙区 2023",
    ]
    assert labels.romanize_jurisdiction("九龙坡区") == "Jiulongpo District"
    assert labels.romanize_jurisdiction("济宁市") == "Jining"
    # provinces, towns, street offices and zones name their kind in English too
    assert labels.romanize_jurisdiction("湖北省") == "Hubei Province"
    assert labels.romanize_jurisdiction("贺村镇") == "Hecun Town"
    assert labels.romanize_jurisdiction("望京街道") == "Wangjing Subdistrict"
    assert labels.romanize_jurisdiction("苏州工业园区") == "Suzhou Industrial Park"
    assert labels.label_report({"jurisdiction": "济宁市", "year": 2024}, "en") == "Jining 2024"
    assert labels.label_key("indicator", "fines_yuan", "en") == "Fines"
    assert labels.label_key("category", "not_in_lexicon", "en") == "not_in_lexicon"


def test_font_codepoints_match_fonttools_best_cmap():
    from fontTools.ttLib import TTFont

    with TTFont(str(plots.font_path()), lazy=True) as font:
        expected = frozenset(font.getBestCmap())
    assert plots.font_codepoints() == expected


def test_font_subset_is_cached_by_its_characters(tmp_path):
    first = plots.font_subset("法治政府 abc", tmp_path)
    entries = list(tmp_path.glob("*.woff"))
    assert len(entries) == 1 and first[:4] == b"wOFF"
    # same characters in another order: the same entry, the same bytes
    assert plots.font_subset("cba 府政治法", tmp_path) == first
    assert list(tmp_path.glob("*.woff")) == entries
    # the cached bytes are what subsetting makes
    text = "".join(sorted(set("法治政府 abc") | set("0123456789")))
    assert plots._subset_font(plots.font_path(), text) == first
    # other characters: another entry
    assert plots.font_subset("法治政府 abcd", tmp_path) != first
    assert len(list(tmp_path.glob("*.woff"))) == 2


def test_damaged_font_subset_entry_is_made_again(tmp_path):
    good = plots.font_subset("年度报告", tmp_path)
    (entry,) = tmp_path.glob("*.woff")
    entry.write_bytes(good[: len(good) // 2])  # cut short
    assert plots.font_subset("年度报告", tmp_path) == good
    assert entry.read_bytes() == good


def test_font_subset_without_a_writable_cache(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert plots.font_subset("报告", blocked / "sub")[:4] == b"wOFF"


def test_a_bureau_has_one_colour_in_both_indicator_charts():
    t = make_tables()
    rep = t["reports"]
    plots.set_theme()
    colors = plots.bureau_colors(rep)
    assert colors["jiashi-2022"] == colors["jiashi-2023"] != colors["yiqu-2023"]
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    by_report = plots.plot_indicators(values, rep, indicators=["admin_penalty_cases"], lang="zh")
    bars = {tuple(bar.get_facecolor()) for c in by_report.axes[0].containers for bar in c}
    by_year = plots.plot_indicators_by_year(values, rep, "zh")
    title = labels.label_key("indicator", "admin_penalty_cases", "zh")
    panel = next(ax for ax in by_year.axes if ax.get_title().startswith(title + " ["))
    lines = {matplotlib.colors.to_rgba(line.get_color()) for line in panel.get_lines()}
    # 甲市 states penalty cases in both years: its bars and its line share one colour
    assert bars == lines == {matplotlib.colors.to_rgba(colors["jiashi-2022"])}
    plt.close(by_report)
    plt.close(by_year)


def test_up_to_twenty_bureaus_have_distinct_colours():
    n = 14
    reports = pd.DataFrame(
        {
            "report_id": [f"r{i}" for i in range(n)],
            "bureau": [f"第{i}局" for i in range(n)],
            "jurisdiction": [""] * n,
        }
    )
    colors = plots.bureau_colors(reports)
    assert len(set(colors.values())) == n


def test_default_year_is_the_latest_year_with_something_to_compare():
    def reports(years):
        return pd.DataFrame({"report_id": [f"r{i}" for i in range(len(years))], "year": years})

    assert plots.default_year(reports([2020, 2023, 2023, 2024])) == 2023
    assert plots.default_year(reports([2020, 2024])) == 2024  # no year has two: the latest
    assert plots.latest_year(reports([2020, 2023, 2023, 2024])) == 2024


def test_a_subset_chart_keeps_the_corpus_colours_when_given():
    t = make_tables()
    rep = t["reports"]
    plots.set_theme()
    corpus = plots.bureau_colors(rep)
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    subset = rep[rep["report_id"] == "jiashi-2023"]
    # a bureau's colour comes from its name: the subset gives it the same colour by itself
    assert plots.bureau_colors(subset)["jiashi-2023"] == corpus["jiashi-2023"]
    fig = plots.plot_indicators(
        values, subset, indicators=["admin_penalty_cases"], lang="zh", colors=corpus
    )
    bars = {tuple(bar.get_facecolor()) for c in fig.axes[0].containers for bar in c}
    assert bars == {matplotlib.colors.to_rgba(corpus["jiashi-2023"])}
    plt.close(fig)


@pytest.mark.parametrize(
    ("label", "one"),
    [
        ("cases", "case"),
        ("working days", "working day"),
        ("copies", "copy"),
        ("batches", "batch"),
        ("businesses", "business"),
        ("people", "person"),
        ("person-times", "person-time"),
        ("yuan", "yuan"),
        ("km", "km"),
        ("times over", "times over"),
        ("m²", "m²"),
    ],
)
def test_english_singular_hand_listed(label, one):
    assert plots.english_singular(label) == one


def test_one_of_a_unit_is_singular_in_english():
    assert plots.format_number(1, "件", "en") == "1 case"
    assert plots.format_number(2, "件", "en") == "2 cases"
    assert plots.format_number(1, "人次", "en") == "1 person-time"
    assert plots.format_number(1, "件", "zh") == "1件"


def test_every_unit_has_an_english_label():
    from analysis.metrics import UNITS_FILE, _load_units

    units = {u.canonical for u in _load_units(str(UNITS_FILE))}
    # a unit written in Latin signs (%) reads the same in English
    missing = [
        u for u in sorted(units) if labels.label_key("unit", u, "en") == u and not u.isascii()
    ]
    assert missing == []


# ------------------------------------------------- findings of the user-experience review


def test_topic_panels_are_titled_by_topic_alone_in_each_language():
    plots.set_theme()
    topic_terms = pd.DataFrame(
        {
            "topic": [2, 2, 1, 1, 10],
            "token": ["执法", "案件", "普法", "宣传", "复议"],
            "weight": [0.5, 0.3, 0.4, 0.2, 0.1],
        }
    )
    for lang, word in (("zh", "主题模型话题"), ("en", "Topic")):
        fig = plots.plot_topic_terms(topic_terms, top_n=2, lang=lang)
        titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
        # no year appended ("Topic 1 0"), topics in numeric order (10 after 2)
        assert titles == [f"{word} 1", f"{word} 2", f"{word} 10"]
        plt.close(fig)


def test_html_data_table_writes_numbers_for_reading_and_labels_keys(tmp_path):
    data = pd.DataFrame(
        {
            "report_id": ["a", "b"],
            "indicator": ["admin_litigation_cases", "fines_yuan"],
            "value": [120000.0, 1262.5],
            "unit": ["件", "元"],
            "year": [2023, 2024],
            "share": [0.123456, 0.00004],
        }
    )
    fig = _small_figure()
    plots.save_figure(fig, "readable", caption="x", data=data, figures_dir=tmp_path, lang="zh")
    plt.close(fig)
    table = (tmp_path / "readable.html").read_text(encoding="utf-8").split("<table>")[1]
    cells = re.findall(r"<td>(.*?)</td>", table.split("</table>")[0])
    assert cells[:8] == ["a", "admin_litigation_cases", "行政诉讼案件", "120,000", "件"] + [
        "2023",  # a year has no thousands separator
        "0.1235",
        "b",
    ]
    assert cells[9:13] == ["罚没款", "1,262.5", "元", "2024"]
    assert cells[13] == "0.00004"  # not 4e-05
    assert "indicator_label" in table and "unit_label" not in table  # zh units need no label
    fig = _small_figure()
    plots.save_figure(fig, "readable", caption="x", data=data, figures_dir=tmp_path, lang="en")
    plt.close(fig)
    table = (tmp_path / "readable.html").read_text(encoding="utf-8").split("<table>")[1]
    assert "<td>Administrative litigation cases</td>" in table
    assert "<td>cases</td>" in table and "<td>yuan</td>" in table


def test_a_bureau_keeps_its_colour_when_reports_of_other_bureaus_are_added():
    first = pd.DataFrame(
        {"report_id": ["jia-2020"], "bureau": ["甲市城市管理局"], "jurisdiction": ["甲市"]}
    ).assign(year=[2020])
    # newcomers whose names sort before 甲 (丙 U+4E19, 乙 U+4E59 < 甲 U+7532), of later years
    more = pd.DataFrame(
        {
            "report_id": ["bing-2023", "yi-2023"],
            "bureau": ["丙县城市管理局", "乙区城市管理局"],
            "jurisdiction": ["丙县", "乙区"],
            "year": [2023, 2023],
        }
    )
    alone = plots.bureau_colors(first)["jia-2020"]
    together = plots.bureau_colors(pd.concat([first, more], ignore_index=True))
    assert together["jia-2020"] == alone
    assert len({together[r] for r in ("jia-2020", "bing-2023", "yi-2023")}) == 3


def test_a_key_at_its_home_colour_is_never_moved_by_another():
    keys = [f"第{i}局" for i in range(12)]
    full = plots.stable_colors(keys)
    for drop in keys:
        rest = plots.stable_colors([k for k in keys if k != drop])
        for k in rest:
            if full[k] == plots.stable_colors([k])[k]:  # k has its home colour
                assert rest[k] == full[k], (drop, k)


def _legend_texts(fig):
    return [t.get_text() for leg in fig.legends for t in leg.get_texts()]


def test_cleaning_rules_are_named_in_the_chart_language_and_keep_their_colour():
    plots.set_theme()
    t = make_tables()
    summary = plots.report_summary_table(t["reports"], t["sections"], "zh")

    def chart(rules, lang="zh"):
        rows = [["jiashi-2022", r, 1] for r in rules]
        cleaned = pd.DataFrame(rows, columns=["report_id", "rule", "n_lines"])
        return plots.plot_cleaning_summary(cleaned, summary, lang)

    a = chart(["breadcrumb", "signature"])
    b = chart(["breadcrumb", "copyright", "signature"])  # one more rule, sorting between
    assert _legend_texts(a) == ["面包屑导航", "落款(读作元数据)"]

    def colour(fig, name):
        leg = fig.legends[0]
        names = [x.get_text() for x in leg.get_texts()]
        handles = dict(zip(names, leg.legend_handles, strict=True))
        return tuple(handles[name].get_facecolor())

    assert colour(a, "落款(读作元数据)") == colour(b, "落款(读作元数据)")
    en = chart(["icp"], "en")
    assert _legend_texts(en) == ["ICP licence line"]
    for fig in (a, b, en):
        plt.close(fig)


def _values(rows):
    cols = ["report_id", "indicator", "value", "unit", "method", "evidence"]
    cols += ["approx", "qualifier", "raw"]
    return pd.DataFrame([[*r, "stated", "", False, "", ""] for r in rows], columns=cols)


def test_log_panels_say_so_and_draw_dots_not_bars():
    plots.set_theme()
    t = make_tables()
    values = _values(
        [
            ("jiashi-2022", "admin_penalty_cases", 8879.0, "件"),
            ("jiashi-2023", "admin_penalty_cases", 40.0, "项"),  # 222 times smaller: log
            ("yiqu-2023", "admin_penalty_cases", 26.0, "起"),
        ]
    )
    for lang, title in (
        ("zh", "行政处罚案件 [件/起/项] · 对数刻度"),
        ("en", "Administrative penalty cases [cases] (log scale)"),  # 件, 起 and 项 of cases
    ):
        fig = plots.plot_indicators(values, t["reports"], lang=lang)
        ax = fig.axes[0]
        assert ax.get_xscale() == "log" and ax.get_title() == title
        assert not ax.containers  # no bars
        assert len([line for line in ax.get_lines() if line.get_marker() == "o"]) == 3
        plt.close(fig)
    linear = _values(
        [
            ("jiashi-2022", "admin_penalty_cases", 50.0, "件"),
            ("yiqu-2023", "admin_penalty_cases", 26.0, "件"),
        ]
    )
    fig = plots.plot_indicators(linear, t["reports"], lang="zh")
    assert fig.axes[0].get_title() == "行政处罚案件 [件]" and fig.axes[0].containers
    plt.close(fig)


def test_english_units_name_what_the_indicator_counts():
    ind = "normative_documents_reviewed"
    assert plots.indicator_value_text(22, "件", lang="en", indicator=ind) == "22 documents"
    assert plots.indicator_value_text(1, "个", lang="en", indicator=ind) == "1 document"
    assert plots.indicator_value_text(22, "件", lang="zh", indicator=ind) == "22件"
    # without a row for the indicator, the unit's own label
    assert plots.indicator_value_text(5, "件", lang="en", indicator="hotline_cases") == "5 cases"
    assert plots.indicator_title("fines_yuan", ["元"], "en") == "Fines [yuan]"


def test_not_reported_gap_is_drawn_with_the_hatching_the_caption_names():
    plots.set_theme()
    t = make_tables()
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    fig = plots.plot_indicators(values, t["reports"], indicators=["fines_yuan"], lang="zh")
    gaps = [p for p in fig.axes[0].patches if p.get_hatch()]
    assert len(gaps) == 1  # yiqu-2023 states no fines
    # the hatching is drawn in the edge colour: it must differ from the fill to be seen
    assert gaps[0].get_edgecolor() != gaps[0].get_facecolor()
    plt.close(fig)


def test_indicators_by_year_units_legend_and_labels_inside_the_panel():
    plots.set_theme()
    t = make_tables()
    values = _values(
        [
            ("jiashi-2022", "admin_penalty_cases", 120.0, "件"),
            ("jiashi-2023", "admin_penalty_cases", 150.0, "件"),
            ("yiqu-2023", "admin_penalty_cases", 0.0, "起"),  # a point at 0
        ]
    )
    fig = plots.plot_indicators_by_year(values, t["reports"], "zh")
    ax = fig.axes[0]
    assert ax.get_title() == "行政处罚案件 [件/起]"
    assert sorted(_legend_texts(fig)) == ["乙区", "甲市"]  # one entry per bureau
    assert ax.get_ylim()[0] < 0  # the dot at 0 is drawn whole, above the year ticks
    fig.canvas.draw()
    labels_y = [a.get_position()[1] for a in ax.texts]  # texts placed in axes fractions
    assert len(labels_y) == 3 and all(0.04 <= y <= 0.96 for y in labels_y)
    ys = sorted(labels_y)
    assert ys[1] - ys[0] >= 0.07  # the two 2023 labels do not overlap
    plt.close(fig)


def _reports(rows):
    return pd.DataFrame(rows, columns=["report_id", "bureau", "jurisdiction", "year"])


def _line_segments(ax):
    return [line for line in ax.get_lines() if line.get_linestyle() not in ("None", "")]


def test_theme_shares_join_only_years_with_the_same_bureaus():
    plots.set_theme()
    shares = pd.DataFrame(
        {
            "report_id": ["a20", "a23", "b23", "a24"],
            "category": ["enforcement"] * 4,
            "n_chars": [1, 1, 1, 1],
            "share": [0.4, 0.2, 0.3, 0.5],
        }
    )
    different = _reports(
        [
            ["a20", "甲局", "甲市", 2020],
            ["a23", "甲局", "甲市", 2023],
            ["b23", "乙局", "乙市", 2023],
            ["a24", "甲局", "甲市", 2024],
        ]
    )
    yearly = plots.yearly_theme_table(shares, different)
    assert yearly["bureaus"].tolist() == ["甲局", "乙局; 甲局", "甲局"]  # 乙 U+4E59 < 甲 U+7532
    fig = plots.plot_theme_shares_by_year(yearly, lang="zh")
    assert _line_segments(fig.axes[0]) == []  # 2020 → 2023 → 2024 are other governments
    assert any("不表示随时间的变化" in x.get_text() for x in fig.texts)
    plt.close(fig)
    same = different[different["report_id"] != "b23"]
    fig = plots.plot_theme_shares_by_year(
        plots.yearly_theme_table(shares[shares["report_id"] != "b23"], same), lang="zh"
    )
    assert len(_line_segments(fig.axes[0])) == 2  # 甲局 alone each year: joined
    assert not fig.texts
    plt.close(fig)


def test_a_report_with_no_year_is_left_out_of_yearly_charts_with_its_id_named():
    plots.set_theme()
    t = make_tables()
    rep = t["reports"].copy()
    rep["year"] = pd.array([2022, pd.NA, 2023], dtype="Int64")  # jiashi-2023 has no year
    shares = plots.theme_share_table(t["sections"])
    values = plots.indicator_value_table(t["indicators"], t["metrics"])
    with pytest.warns(plots.YearlessReportWarning, match="jiashi-2023"):
        yearly = plots.yearly_theme_table(shares, rep)
    assert yearly.groupby("year")["n_reports"].first().to_dict() == {2022: 1, 2023: 1}
    with pytest.warns(plots.YearlessReportWarning, match="jiashi-2023"):
        fig = plots.plot_indicators_by_year(values, rep, "zh")
    shown = [a.get_text() for ax in fig.axes for a in ax.texts]
    assert "甲市 150件" not in " ".join(shown) and any("甲市 120件" in x for x in shown)
    plt.close(fig)
    with pytest.warns(plots.YearlessReportWarning, match="jiashi-2023"):
        changes = plots.bureau_change_table(values, rep, key="indicator", value="value")
    assert changes.empty  # 甲市 has one dated report left: no change to show
