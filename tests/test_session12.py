"""Hand-made tests for session 12's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pandas as pd
import pytest
from snippets import in_report, indicators, outline, theme
from snippets import report_indicators as _indicators

from analysis import textstats
from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metrics import _table_row

# ------------------------------------------------------------------ a bilingual portal
BILINGUAL = (
    "ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى\n"
    "ئورنىڭىز: باش بەت > ھۆكۈمەت ئىشلىرى ئاشكارىلىقى\n"
    "某市人民政府\n"
    "首页 | 政务公开 | 政务服务 | 互动交流\n"
    "当前位置：首页 > 政务公开 > 法治政府建设\n"
    "某市城市管理局2023年法治政府建设情况报告\n"
    "2023年，我局坚持依法行政，全年办理行政处罚案件120件，罚没款36.5万元。\n"
    "一、主要工作\n"
    "用好双语普法阵地，把“قانۇن”（法律）一词印上宣传册，全年开展普法活动12场次。\n"
    "二、存在问题\n"
    "执法力量不足。\n"
    "某市城市管理局\n"
    "2024年1月30日\n"
    "ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى ئىشخانىسى ساھىبخانلىق قىلىدۇ\n"
    "主办：某市人民政府办公厅\n"
)


def test_a_bilingual_portals_lines_in_its_other_script_are_chrome() -> None:
    result = clean_text(BILINGUAL)
    rules = dict(zip(result.removed["text"], result.removed["rule"], strict=True))
    assert rules["ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى"] == "other_script"
    assert rules["ئورنىڭىز: باش بەت > ھۆكۈمەت ئىشلىرى ئاشكارىلىقى"] == "other_script"
    assert rules["ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى ئىشخانىسى ساھىبخانلىق قىلىدۇ"] == "other_script"
    # a menu whose items stand apart by bars is a site menu
    assert rules["首页 | 政务公开 | 政务服务 | 互动交流"] == "site_menu"
    assert result.text.startswith("某市城市管理局2023年法治政府建设情况报告\n")
    # a word of the other script inside a sentence of the body stays
    assert "把“قانۇن”（法律）一词印上宣传册" in result.text
    assert result.metadata["signature_date"] == "2024-01-30"


def test_the_comparison_counts_no_word_of_another_script() -> None:
    tokens = pd.DataFrame(
        {
            "report_id": ["r"] * 7,
            "token": ["执法", "ᠬ", "قانۇن", "APP", "12345", "ཁྲིམས", "执法"],
            "stopword": [False] * 7,
            "formulaic": [False] * 7,
        }
    )
    counts = textstats.count_terms(tokens, drop_numbers=False)
    assert dict(zip(counts["token"], counts["n"], strict=True)) == {
        "执法": 2,
        "APP": 1,
        "12345": 1,
    }


# ------------------------------------------------------------------ headings
def test_a_heading_after_a_geometric_glyph_and_its_selector_is_a_heading() -> None:
    text = (
        "某市文化和旅游局2023年法治政府建设工作情况报告\n"
        "🏞️ 一、强化组织保障\n"
        "▪️（一）落实第一责任人职责\n"
        "局党组专题研究法治工作4次。\n"
        "◼（二）加强学法培训\n"
        "全年集体学法9次。\n"
        "🏞️ 二、存在的问题\n"
        "执法力量不足。\n"
    )
    assert [h[:3] for h in outline(text)] == [
        (1, "一、", "强化组织保障"),
        (2, "(一)", "落实第一责任人职责"),
        (2, "(二)", "加强学法培训"),
        (1, "二、", "存在的问题"),
    ]


def test_the_responsibility_for_rule_of_law_work_is_leadership() -> None:
    assert theme("落实法治建设工作责任") == "leadership"


# ------------------------------------------------------------------ converters' wraps
def _pandoc_wrap(paragraph: str, first: str = "", rest: str = "") -> str:
    """``paragraph`` wrapped as pandoc -t plain writes it: lines of 72 columns at most (a
    Chinese character is two), ``first`` before the first line and ``rest`` before the others."""
    lines, line, width = [], first, len(first)
    for ch in paragraph:
        w = 2 if ord(ch) > 0x2E80 else 1
        if width + w > 72:
            lines.append(line)
            line, width = rest, len(rest)
        line += ch
        width += w
    return "\n".join([*lines, line]) + "\n"


PANDOC_PARAGRAPHS = [
    "2023年，我局在区委、区政府的坚强领导下，以习近平新时代中国特色社会主义思想为指导，全面"
    "贯彻党的二十大精神，深入学习贯彻习近平法治思想，把依法行政贯穿城市管理执法全过程，法治"
    "政府建设各项任务得到有效落实。现将有关情况报告如下。",
    "局主要负责人认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲"
    "自过问。全年召开党组会议专题研究法治工作6次，审议法治建设议题11项，将任务分解为32项，逐"
    "项明确牵头科室和完成时限。",
    "全年办理行政处罚案件2,846件，罚没款1,035.72万元，同比分别增长8.3%和5.1%；其中适用简易程"
    "序1,127件、普通程序1,719件。对重大执法决定开展法制审核214件，审核率100%。重点抓好以下工作：",
]


def test_a_pandoc_list_items_wrapped_lines_are_joined() -> None:
    # pandoc -t plain: a list item's wrapped lines are indented by its marker's width
    raw = "某区城市管理和综合执法局2023年法治政府建设年度报告\n\n一、主要举措\n\n"
    raw += "\n".join(_pandoc_wrap(p) for p in PANDOC_PARAGRAPHS) + "\n"
    items = [
        "严厉查处违法建设。坚持“零容忍”，全年拆除违法建设326处、面积约18.4万平方米，其中新增违"
        "法建设58处、约1.2万平方米，实现即查即拆。",
        "推行包容审慎监管。全年适用首违不罚412件，涉及罚款约86万元。全年办理城市管理类行政许可"
        "1,085件，审批时限由法定20个工作日压缩至5个工作日。",
    ]
    raw += "".join(_pandoc_wrap(x, f"{k}.  ", "    ") for k, x in enumerate(items, start=1))
    raw += "\n二、存在的问题\n\n执法力量不足。\n"
    assert "\n    " in raw  # the items' wrapped lines are indented
    text = clean_text(raw).text
    for k, item in enumerate(items, start=1):
        assert f"\n{k}.  {item}\n" in text
    assert "\n".join(PANDOC_PARAGRAPHS[1:]) in text


APPENDIX = (
    "某市城市管理局2024年度法治政府建设情况报告\n"
    "　　2024年，全市城管系统全年共办理行政处罚案件4,817件，同比增长6.9%，其中适用简易程序\n"
    "2,882件、一般程序1,935件；罚没款936.5万元。重大执法决定经法制审核297件，纠正不当\n"
    "处理意见19条。已结案4,689件，结案率97.3%。全年开展执法培训12期，培训执法人员\n"
    "1,460人次，组织执法人员旁听庭审3次，参加人员90余人次，法治素养有新的提升。\n"
    "　　一、存在的问题\n"
    "　　一是执法力量的法治素质与城市精细化管理要求还有差距，全市执法人员中法律专业出\n"
    "身的比例只有9.8%，部分县（市、区）新入职队员独立办理一般程序案件的能力偏弱。\n"
    "\n"
    "某市城市管理局\n"
    "2025年2月6日\n"
    "- 5 -\n"
    "附件\n"
    "2024年度城市管理行政执法数据统计表\n"
    "序号  指标  单位  数量  同比\n"
    "1   行政处罚案件              件       4,817       +6.9%\n"
    "2   其中：适用一般程序           件       1,935       +5.1%\n"
    "3   罚没款                 万元      936.52      +3.2%\n"
    "4   行政复议案件              件       6          -25.0%\n"
)


def test_an_appendix_below_the_signature_keeps_its_table_and_the_signature_is_read() -> None:
    result = clean_text(APPENDIX)
    assert result.metadata["signature_date"] == "2025-02-06"
    assert result.metadata["signature_name"] == "某市城市管理局"
    # the table's rows are no wraps of a PDF: each stays its own line
    assert "\n2   其中：适用一般程序           件       1,935       +5.1%\n" in result.text
    assert result.text.endswith("4   行政复议案件              件       6          -25.0%")
    m = process_text("r", result.text)["metrics"]
    cells = m[(m["start"] > result.text.index("序号")) & (m["unit"] != "%")]
    assert list(zip(cells["value"], cells["unit"], strict=True)) == [
        (4817, "件"),
        (1935, "件"),  # a part's label opened by 其中： is a table's label, not prose
        (9365200, "元"),
        (6, "件"),
    ]
    # the body's 936.5万元 rounds the table's 936.52万元: the same figure, more precisely
    assert indicators(result.text)["fines_yuan"] == 9365200


def test_a_table_figure_that_is_not_the_bodys_rounded_does_not_replace_it() -> None:
    body = "全年罚没款936.5万元。\n指标  单位  数量\n罚没款  万元  941.52\n"
    assert _indicators(body)["fines_yuan"] == 9365000


# ------------------------------------------------------------------ tables' units
def test_a_tables_caption_or_column_headers_give_its_cells_their_units() -> None:
    body = (
        "全年办理行政处罚案件96件，罚没款58.64万元。\n"
        "表1 2023年农业综合行政执法案件统计（单位：件）\n"
        "项目\t2022年\t2023年\n"
        "立案\t81\t96\n"
        "简易程序\t18\t22\n"
        "表2 2023年分领域执法情况\n"
        "执法领域\t执法检查（次）\t立案（件）\t罚没款（万元）\n"
        "种子农药肥料\t412\t38\t26.35\n"
        "渔政\t530\t19\t9.00\n"
        "单位：万元\n"
        "项目\t2022年\t2023年\n"
        "罚款\t1236.58\t1398.24\n"
    )
    text = in_report(body)
    m = process_text("r", text)["metrics"]
    cells = m[m["start"] > text.index("表1")]
    assert list(zip(cells["raw"], cells["value"], cells["unit"], strict=True)) == [
        ("81", 81, "件"),
        ("96", 96, "件"),
        ("18", 18, "件"),
        ("22", 22, "件"),
        ("412", 412, "次"),
        ("38", 38, "件"),
        ("26.35", 263500, "元"),
        ("530", 530, "次"),
        ("19", 19, "件"),
        ("9.00", 90000, "元"),
        ("1236.58", 12365800, "元"),
        ("1398.24", 13982400, "元"),
    ]
    # the body's figures stay the indicators
    got = _indicators(body)
    assert got["admin_penalty_cases"] == 96 and got["fines_yuan"] == 586400


@pytest.mark.parametrize(
    "caption",
    [
        "表1 2024年执法情况统计（单位：件、万元）",  # two units: none for a cell
        "表1 2024年执法情况统计",
        "全年执法情况如下，各单位：认真落实。",
    ],
)
def test_a_caption_naming_no_one_unit_gives_none(caption: str) -> None:
    text = in_report(caption + "\n项目\t2023年\t2024年\n立案\t81\t96\n")
    m = process_text("r", text)["metrics"]
    assert not (m["start"] > text.index("项目")).any()


# ------------------------------------------------------------------ trainings
@pytest.mark.parametrize(
    "body, value",
    [
        (
            "举办执法人员业务培训班3期，培训186人次。结合高素质农民培育开展法治培训21期，"
            "培训农民2,350人次。",
            186,
        ),
        (
            "举办执法人员业务培训班3期，培训186人次。面向养殖户开展兽药使用培训4场，"
            "培训养殖户320人次。",
            186,
        ),
    ],
)
def test_farmers_and_breeders_trained_are_the_served_not_staff(body: str, value: float) -> None:
    got = _indicators(body)
    assert got["training_participants"] == value
    assert got["training_sessions"] == 3


def test_a_grid_table_under_a_caption_set_apart_by_spaces_takes_its_headers_units() -> None:
    body = (
        "表2  2023年行政复议案件审结情况\n"
        "+----------+------------+------------+\n"
        "| 审结方式 | 件数（件） | 占比（%）  |\n"
        "+----------+------------+------------+\n"
        "| 维持     | 241        | 62.4       |\n"
        "+----------+------------+------------+\n"
        "| 驳回     | 52         | 13.5       |\n"
        "+----------+------------+------------+\n"
    )
    text = in_report(body)
    m = process_text("r", text)["metrics"]
    cells = m[m["start"] > text.index("表2")]
    assert list(zip(cells["value"], cells["unit"], strict=True)) == [
        (241, "件"),
        (62.4, "%"),
        (52, "件"),
        (13.5, "%"),
    ]


def test_places_visited_are_counted_per_visit() -> None:
    m = process_text("r", in_report("全年巡查文物保护单位215处次，发现隐患12处。"))["metrics"]
    assert ("215处次", 215, "处次") in set(zip(m["raw"], m["value"], m["unit"], strict=True))


# ------------------------------------------------------------------ round 65
def test_a_period_from_an_earlier_year_on_states_no_figure_of_the_year() -> None:
    body = (
        "2024年全年，全局共办理行政处罚案件3,216件，收缴罚没款287.35万元。\n"
        "2021年以来，累计办理行政处罚案件1.2万余件，收缴罚没款1,050余万元。\n"
        "2021年至2024年，全局共清理规范性文件56件。\n"
    )
    got = _indicators(body.replace("2024年", "2023年"))
    assert got["admin_penalty_cases"] == 3216
    assert got["fines_yuan"] == 2873500
    # a total over years stays where the report states none of the year's (session 10)
    assert got["normative_documents_reviewed"] == 56
    # a run of years with 分别 gives the report's year's figure
    run = "2021年至2023年，全局分别办理行政处罚案件856件、932件、1,047件。"
    assert _indicators(run)["admin_penalty_cases"] == 1047


def test_complaints_with_no_hotline_named_give_way_to_a_hotlines_work_orders() -> None:
    body = (
        "全年受理投诉举报1,038件，其中涉及医疗美容的276件。"
        "办理12345、12320热线工单9,476件，按期办结率98.9%。"
    )
    assert _indicators(body)["hotline_cases"] == 9476
    # alone, they are the hotline's count; received through a hotline, they add to its orders
    assert _indicators("全年受理投诉举报1,038件，均按期办结。")["hotline_cases"] == 1038
    both = "通过12315平台受理投诉举报1,038件。办理12345热线工单9,476件。"
    assert _indicators(both)["hotline_cases"] == 10514


def test_the_bureaus_current_documents_combed_are_normative_documents_reviewed() -> None:
    body = (
        "制发行政规范性文件2件，均按程序报市司法局备案；对本局现行文件组织全面梳理，"
        "涉及文件11件，梳理后继续有效8件、修订2件、宣布失效1件。"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 11


@pytest.mark.parametrize(
    "body, indicator, value",
    [
        # the managers of the regulated institutions trained for them: no staff training
        (
            "举办执法人员法治业务培训班4期，共培训执法人员463人次。为医疗机构法定代表人和管理人员"
            "开展依法执业培训5场，覆盖1,200余人次。",
            "training_sessions",
            4,
        ),
        # a purpose after the figure is no one trained for (为企业和群众提供…)
        (
            "举办专题培训3期，培训300人次，为企业和群众提供更优质的法律服务打下基础。",
            "training_participants",
            300,
        ),
    ],
)
def test_training_given_for_the_regulated_is_no_staff_training(
    body: str, indicator: str, value: float
) -> None:
    assert _indicators(body)[indicator] == value


def test_a_tables_cells_one_space_apart_are_read() -> None:
    body = (
        "全年办理行政处罚案件586件。\n"
        "项目 单位 2023年 2022年 同比\n"
        "监督检查 户次 6,842 6,215 10.1%\n"
        "投诉举报 件 1,038 1,127 -7.9%\n"
        "附件：2023年度行政执法数据统计表\n"
        "序号 单位 行政许可（件） 行政检查（次）\n"
        "1 县市场监督管理局 2136 3560\n"
        "2 县城市管理局 268 4120\n"
        "合计 2404 7680\n"
    )
    text = in_report(body)
    m = process_text("r", text)["metrics"]
    cells = m[m["start"] > text.index("项目")]
    assert list(zip(cells["raw"], cells["value"], cells["unit"], strict=True)) == [
        ("6,842", 6842, "户次"),
        ("6,215", 6215, "户次"),
        ("10.1%", 10.1, "%"),
        ("1,038", 1038, "件"),
        ("1,127", 1127, "件"),  # no range with the change beside it
        ("7.9%", 7.9, "%"),
        ("2136", 2136, "件"),
        ("3560", 3560, "次"),
        ("268", 268, "件"),
        ("4120", 4120, "次"),
        ("2404", 2404, "件"),  # the total's row leaves the serial number's column empty
        ("7680", 7680, "次"),
    ]


@pytest.mark.parametrize(
    "line, quantities",
    [
        ("依据 ISO 9001 2015 标准开展认证。", []),
        ("全年办理案件 120 件，罚款 36 万元。", [(120, "件"), (360000, "元")]),
        ("执法车辆 12 台 8 辆", [(12, "台"), (8, "辆")]),
    ],
)
def test_prose_with_figures_one_space_apart_is_no_table(line: str, quantities: list) -> None:
    assert not _table_row(line)
    m = process_text("r", in_report(line + "\n"))["metrics"]
    assert list(zip(m["value"], m["unit"], strict=True)) == quantities


# ------------------------------------------------------------------ charts of many reports
def _many_reports(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "report_id": [f"r{i:03d}" for i in range(n)],
            "jurisdiction": [f"{i:03d}区" for i in range(n)],
            "city": "某市",
            "province": "某省",
            "level": "district",
            "bureau": [f"某市{i:03d}区城市管理局" for i in range(n)],
            "year": [2000 + i % 25 for i in range(n)],
            "title": "",
        }
    )


def test_a_chart_of_many_reports_shows_the_latest_and_says_so() -> None:
    from analysis import plots

    plots.set_theme()
    reports = _many_reports(60)  # years 2000-2024 twice, then 2000-2009
    shown = plots.charted_reports(reports)
    assert len(shown) == plots.MAX_CHARTED_REPORTS == 40
    years = reports.set_index("report_id")["year"]
    assert sorted(years[shown]) == sorted(years.nlargest(40))  # 2010-2024, 2007-2009, one 2006
    assert shown == [r for r in plots.order_reports(reports) if r in set(shown)]
    table = pd.DataFrame({"report_id": reports["report_id"], "formulaic_share": 0.1})
    fig = plots.plot_formulaic_index(table, reports, lang="en")
    assert len(fig.axes[0].patches) == 40
    notes = [t.get_text() for t in fig.texts]
    assert notes == [
        "Only the latest 40 of 60 reports are shown (all are in the HTML and JSON data)"
    ]
    # a corpus within the limit is drawn whole, with no note
    few = _many_reports(12)
    fig = plots.plot_formulaic_index(table[table["report_id"].isin(few["report_id"])], few)
    assert len(fig.axes[0].patches) == 12 and not fig.texts


def test_indicators_by_year_of_many_bureaus_shows_those_of_the_latest_reports() -> None:
    from analysis import plots

    plots.set_theme()
    reports = _many_reports(60)
    values = pd.DataFrame(
        {
            "report_id": reports["report_id"],
            "indicator": "admin_penalty_cases",
            "value": [100.0 + i for i in range(60)],
            "unit": "件",
            "method": "stated",
            "evidence": "m0001",
            "approx": False,
            "qualifier": "",
            "raw": [f"{100 + i}件" for i in range(60)],
        }
    )
    fig = plots.plot_indicators_by_year(values, reports, lang="en")
    dots = sum(len(line.get_xdata()) for line in fig.axes[0].get_lines())
    assert dots == 40  # one report per bureau here: the 40 latest
    assert fig._suptitle.get_text() == (
        "Only the 40 bureaus of the latest 40 reports are shown (of 60)"
    )


def test_figures_one_space_apart_in_a_spaced_tables_cell_are_two_cells() -> None:
    # pandoc's simple table: a figure that fills its column leaves one space before the next
    body = (
        "  项目                 2023年   2022年\n"
        "  -------------------- -------- ------\n"
        "  行政处罚案件（件）   2,846    2,628\n"
        "  罚没款（万元）       1,035.72 985.43\n"
        "  -------------------- -------- ------\n"
    )
    text = in_report(body)
    m = process_text("r", text)["metrics"]
    cells = m[m["start"] > text.index("项目")]
    assert list(zip(cells["raw"], cells["value"], strict=True)) == [
        ("2,846", 2846),
        ("2,628", 2628),
        ("1,035.72", 10357200),
        ("985.43", 9854300),
    ]


# ------------------------------------------------------------------ round 66
@pytest.mark.parametrize(
    "body, indicator, value",
    [
        (
            "行政处罚案件由2023年的86件增至2024年的112件，同比增长30.2%。",
            "admin_penalty_cases",
            112,
        ),
        ("行政处罚案件由86件增至112件。", "admin_penalty_cases", 112),
        ("罚没款由上年的241.6万元增加到287.35万元。", "fines_yuan", 2873500),
        ("结案率由2023年的93.0%提高到2024年的96.4%。", "completion_rate", 96.4),
        ("罚没款分别为326.5万元和298.2万元（2024年、2023年）。", "fines_yuan", 3265000),
        ("罚没款分别为298.2万元、326.5万元（2023年、2024年）。", "fines_yuan", 3265000),
    ],
)
def test_a_figure_against_last_years_gives_the_years_own(
    body: str, indicator: str, value: float
) -> None:
    text = (
        "某区生态环境局2024年法治政府建设工作报告\n一、主要工作\n"
        + body
        + "\n二、存在问题\n不足。\n"
    )
    assert indicators(text)[indicator] == value


POST = (
    "信丰城管 ✅已认证 · 2.3万粉丝\n"
    "2025-01-24 16:20 · 发布于江西\n"
    "某县城市管理局2024年法治政府建设工作报告\n"
    "2024年，我局坚持依法行政，全年办理行政处罚案件1,274件，罚没款86.5万元，群众满意度持续提升。\n"
    "一、主要工作\n"
    "全年开展普法宣传活动36场次，发放宣传资料1.2万份，受理12345热线工单3,618件。\n"
    "二、存在的问题\n"
    "执法力量不足。\n"
    "某县城市管理局\n"
    "2025年1月20日\n"
    "转发 12  评论 8  赞 96\n"
    "网友甲 2025-01-25\n"
    "我家小区楼顶那2间违建举报好几回了，啥时候拆？\n"
    "查看更多评论\n"
)


def test_a_toutiao_posts_time_is_its_date_and_its_comments_are_no_report() -> None:
    result = clean_text(POST)
    assert result.metadata["published"] == "2025-01-24"
    assert "2间违建" not in result.text
    assert result.text.endswith("执法力量不足。")


def test_learning_to_apply_the_law_is_study_and_training() -> None:
    assert theme("以学促用，锻造懂法善用的执法铁军") == "study_training"


# ------------------------------------------------------------------ review of session 12
_PARA = (
    "　　局主要负责人认真履行推进法治建设第一责任人职责，对法治建设重要工作亲\n"
    "自部署、重大问题亲自过问，全年召开党组会议专题研究法治工作6次，审议法治\n"
    "建设议题11项，将任务分解为32项，逐项明确牵头科室和完成时限，确保落实。\n"
)


def test_review_session12_a_pdf_line_of_prose_with_double_spaces_is_no_table_row() -> None:
    raw = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要举措\n"
        + _PARA
        + "　　全年共办理行政处罚案件  1,326件，罚没款  1,035.\n"
        "72万元，同比分别增长8.3%和5.1%，执法办案质效持续提升，群众满意度提高。\n"
        + _PARA
        + "二、存在的问题\n"
        + _PARA
    )
    text = clean_text(raw).text
    assert "罚没款  1,035.72万元，同比分别增长" in text
    assert indicators(text)["fines_yuan"] == 10357200


def test_review_session12_a_row_short_of_an_empty_remark_column_aligns_left() -> None:
    body = "执法领域\t立案（件）\t结案（件）\t罚没款（万元）\t备注\n市场监管\t120\t118\t36.5\n"
    m = process_text("r", in_report(body))["metrics"]
    assert list(zip(m["raw"], m["value"], m["unit"], strict=True))[-3:] == [
        ("120", 120, "件"),
        ("118", 118, "件"),
        ("36.5", 365000, "元"),
    ]


@pytest.mark.parametrize(
    "body, indicator, value",
    [
        # a table's subset, a part of the money, last year's column: no rounding of the body's
        (
            "全年办理行政处罚案件1万件。\n指标\t单位\t数量\n简易程序案件\t件\t9,600\n",
            "admin_penalty_cases",
            10000,
        ),
        (
            "全年罚没款12万元。\n指标\t单位\t数量\n罚款\t万元\t11.6\n没收违法所得\t万元\t0.4\n",
            "fines_yuan",
            120000,
        ),
        (
            "全年罚没款936.5万元。\n指标\t本年\t上年\n罚没款（万元）\t936.5\t936.54\n",
            "fines_yuan",
            9365000,
        ),
        # the training of labour inspectors on migrant workers' wages is staff training
        (
            "举办保障农民工工资支付业务培训班3期，培训劳动保障监察员120人次。\n",
            "training_participants",
            120,
        ),
    ],
)
def test_review_session12_indicators(body: str, indicator: str, value: float) -> None:
    assert _indicators(body)[indicator] == value


def test_review_session12_since_the_reports_own_year_is_the_year() -> None:
    text = (
        "某区城市管理局2024年法治政府建设年度报告\n一、主要举措\n"
        "2024年以来，全局累计办理行政处罚案件3,216件。\n"
        "其中，城区中队办理行政处罚案件1,200件。\n二、存在问题\n不足。\n"
    )
    assert indicators(text)["admin_penalty_cases"] == 3216


def test_review_session12_a_nested_bullet_is_no_wrap_of_its_item() -> None:
    raw = (
        "某区城市管理局2023年法治政府建设年度报告\n\n一、主要举措\n\n"
        + _PARA.replace("　　", "")
        + "\n1.  严厉查处违法建设。坚持“零容忍”，全年拆除违法建设326处、面积约18.4万\n"
        "    平方米，其中新增违法建设58处、约1.2万平方米，实现即查即拆，并按类别\n"
        "    -   违法建设：全年拆除326处、面积约18.4万平方米。\n"
        "    -   占道经营：全年查处1,526件。\n\n二、存在的问题\n\n" + _PARA.replace("　　", "")
    )
    text = clean_text(raw).text
    assert "\n-   违法建设：全年拆除326处" in text
    assert "实现即查即拆，并按类别\n" in text


def test_review_session12_indicators_by_year_draws_the_bureaus_with_values() -> None:
    from analysis import plots

    plots.set_theme()
    reports = _many_reports(60).assign(year=[2024] * 40 + [2023] * 20)
    values = pd.DataFrame(
        {
            "report_id": reports["report_id"][40:],
            "indicator": "admin_penalty_cases",
            "value": 100.0,
            "unit": "件",
            "method": "stated",
            "evidence": "m0001",
            "approx": False,
            "qualifier": "",
            "raw": "100件",
        }
    )
    fig = plots.plot_indicators_by_year(values, reports, lang="en")
    assert sum(len(line.get_xdata()) for line in fig.axes[0].get_lines()) == 20
    assert fig._suptitle is None


# ------------------------------------------------------------------ round 67
STATISTICS_APPENDIX = (
    "某区综合行政执法局2023年法治政府建设工作报告\n"
    "一、主要工作\n"
    "全年办理行政处罚案件1,836件，发放普法资料2.3万余份，群众来信来访均按期办结。\n"
    "二、2024年工作打算\n"
    "计划开展普法活动20至30场次。\n"
    "某区综合行政执法局\n"
    "2024年1月26日\n"
    "附件：2023年度行政执法统计年报表\n"
    "序号\t项目\t单位\t2023年\t2022年\t增减(%)\n"
    "一、行政处罚\t\t\t\t\t\n"
    "1\t行政处罚案件合计\t件\t1,836\t1,652\t11.1\n"
    "\t其中：简易程序案件\t件\t1,124\t1,010\t11.3\n"
    "2\t罚没款\t万元\t538.47\t614.00\t-12.3\n"
    "二、其他\t\t\t\t\t\n"
    "3\t群众来信来访\t件\t57\t64\t-10.9\n"
    "4\t发放普法宣传资料\t份\t23,600\t19,800\t19.2\n"
)


def test_a_statistics_appendixs_group_rows_are_no_headings_and_its_cells_are_read() -> None:
    text = clean_text(STATISTICS_APPENDIX).text
    assert [h[1] for h in outline(text)] == ["一、", "二、"]
    m = process_text("r", text)["metrics"]
    cells = m[m["start"] > text.index("序号")]
    assert list(zip(cells["raw"], cells["value"], cells["unit"], cells["kind"], strict=True)) == [
        ("1,836", 1836, "件", "level"),
        ("1,652", 1652, "件", "level"),
        ("11.1", 11.1, "%", "rate"),  # the 增减(%) column's unit, not the row's
        ("1,124", 1124, "件", "level"),  # a 其中 row, its serial number's cell empty
        ("1,010", 1010, "件", "level"),
        ("11.3", 11.3, "%", "rate"),
        ("538.47", 5384700, "元", "level"),
        ("614.00", 6140000, "元", "level"),
        ("12.3", 12.3, "%", "change"),  # a decrease: its size, a change
        ("57", 57, "件", "level"),
        ("64", 64, "件", "level"),
        ("10.9", 10.9, "%", "change"),
        ("23,600", 23600, "份", "level"),
        ("19,800", 19800, "份", "level"),
        ("19.2", 19.2, "%", "rate"),
    ]
    got = indicators(text)
    # the appendix is no plan, and its 2023 column counts through the group rows
    assert got["petitions"] == 57
    assert got["publicity_materials"] == 23600  # the exact figure of the body's 2.3万余份


def test_a_signed_count_in_a_table_is_not_read_as_a_figure() -> None:
    body = "指标\t2023年\t增减\n行政处罚案件（件）\t2,365\t+120\n"
    text = in_report(body)
    m = process_text("r", text)["metrics"]
    assert list(m[m["start"] > text.index("指标")]["raw"]) == ["2,365"]


def test_a_capacity_class_is_a_training_session() -> None:
    body = "全年办执法人员法治能力提升班11期，累计参训1,380人次。"
    assert _indicators(body)["training_sessions"] == 11


def test_a_long_columns_labels_are_those_of_each_key_looked_up_once() -> None:
    from analysis import labels

    keys = ["enforcement", "publicity", None, float("nan"), "no_such_key"] * 200
    got = labels.label_keys("category", keys, "en")
    assert got == [labels.label_key("category", k, "en") for k in keys]
    assert got[:5] == [
        "Administrative enforcement",
        "Legal publicity",
        "Unclassified",  # no category: the empty key's label
        "Unclassified",
        "no_such_key",
    ]
    assert labels._lookup("category", "en") is labels._lookup("category", "en")


def test_a_heading_between_two_tab_tables_stays_a_heading() -> None:
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n（一）严格执法\n"
        "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n"
        "（二）加强普法宣传，营造良好法治氛围\n"
        "项目\t2023年\t2022年\n普法活动（场次）\t36\t30\n二、存在问题\n不足。\n"
    )
    assert [h[1] for h in outline(text)] == ["一、", "(一)", "(二)", "二、"]
