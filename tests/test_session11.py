"""Hand-made tests for session 11's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pandas as pd
import pytest
from snippets import in_report, indicators, outline, theme
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metrics import derive_indicators
from analysis.plots import indicator_evidence_table

CAPITAL = (
    "某市城市管理局2023年法治政府建设年度报告\n"
    "2023年,我局坚持依法行政。\n"
    "{1}主要工作成效\n"
    "(一)加强组织领导\n"
    "局党组召开专题会议3次。\n"
    "(二)严格规范执法\n"
    "办理案件120件,收缴罚款壹万元。\n"
    "{2}存在的问题\n"
    "执法力量不足。\n"
    "{3}2024年工作打算\n"
    "继续推进法治建设。\n"
)


# ------------------------------------------------------------------ outline markers
@pytest.mark.parametrize(
    "markers",
    [
        ("壹、", "贰、", "叁、"),  # the numerals of amounts
        ("Ⅰ、", "Ⅱ、", "Ⅲ、"),  # Roman numerals, one character each
        ("Ⅰ.", "Ⅱ.", "Ⅲ."),
        ("壹 、", "贰 、", "叁 、"),
    ],
)
def test_capital_and_roman_numerals_mark_the_top_rank(markers: tuple[str, str, str]) -> None:
    text = CAPITAL.format("", *markers)
    assert outline(text) == [
        (1, "一、", "主要工作成效", False),
        (2, "(一)", "加强组织领导", False),
        (2, "(二)", "严格规范执法", False),
        (1, "二、", "存在的问题", False),
        (1, "三、", "2024年工作打算", False),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "壹万元罚款已全部上缴国库。",
        "Ⅰ类问题整改完成12项。",
        "Ⅱ.5级预警已解除。",
        "拾元以下不予处罚。",
    ],
)
def test_a_capital_or_roman_numeral_without_its_mark_starts_no_heading(line: str) -> None:
    text = "某市城市管理局2023年工作报告\n一、主要工作\n" + line + "\n二、存在问题\n不足。\n"
    assert [h[1] for h in outline(text)] == ["一、", "二、"]


# ------------------------------------------------------------------ Markdown tables
@pytest.mark.parametrize(
    "table",
    [
        # pandoc's pipe table, with its alignment line
        "| 指标 | 2023年 | 2022年 | 增减 |\n|---|---:|---:|---|\n"
        "| 行政处罚案件（件） | 1,326 | 1,187 | +11.7% |\n| 罚没款（万元） | 326.5 | 301.2 | +8.4% |\n",
        # its grid table, cells padded
        "+----------------+--------+--------+\n| 项目           | 2023年 | 2022年 |\n"
        "+================+========+========+\n| 行政处罚案件（件） | 1326   | 1187   |\n"
        "+----------------+--------+--------+\n| 罚没款（万元）     | 326.5  | 301.2  |\n"
        "+----------------+--------+--------+\n",
        # a column of units
        "| 指标 | 单位 | 2023年 | 2022年 |\n|---|---|---|---|\n| 行政处罚案件 | 件 | 1326 | 1187 |\n"
        "| 罚没款 | 万元 | 326.5 | 301.2 |\n",
    ],
)
def test_a_markdown_tables_cells_are_read_as_a_drawn_tables(table: str) -> None:
    m = process_text("r", in_report(table))["metrics"]
    cells = m[m["unit"].isin(["件", "元"])]
    assert list(zip(cells["value"], cells["unit"], cells["subject"], strict=True))[-4:] == [
        (1326, "件", "行政处罚案件"),
        (1187, "件", "行政处罚案件"),
        (3265000, "元", "罚没款"),
        (3012000, "元", "罚没款"),
    ]
    # the report is on 2023: last year's column states nothing
    assert _indicators(table) == {"admin_penalty_cases": 1326, "fines_yuan": 3265000}


# ------------------------------------------------------------------ waived fines
@pytest.mark.parametrize(
    "body",
    [
        "全年办理首违不罚案件682件,较上年增长31.9%,涉及罚款约96万元。",
        "全年办理首违不罚案件682件,同比增长31.9个百分点,涉及罚款约96万元。",
        "对682件轻微违法行为依法不予处罚,比上年增加120件,涉及罚款约96万元。",
    ],
)
def test_the_fines_a_waiver_involves_are_no_fines_after_a_remark_on_the_change(
    body: str,
) -> None:
    assert _indicators("全年收缴罚没款1,268.45万元。" + body)["fines_yuan"] == 12684500


# ------------------------------------------------------------------ themes
@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("深化“综合查一件事”改革", "enforcement"),
        ("推进综合查一次改革", "enforcement"),
        ("推行涉企“综合查一次”", "business_environment"),  # about the firms first
    ],
)
def test_one_joint_inspection_reforms_are_enforcement(heading: str, category: str) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 57
def test_a_total_adding_fields_up_holds_one_fields_figure_of_the_year() -> None:
    body = (
        "城市管理领域全年办理行政处罚案件1,972件,罚款707.27万元。\n"
        "住建领域立案查处违法违规行为214件,罚款156.2万元。\n"
        "住建、城管领域全年合计办理行政处罚案件2,186件,罚没款863.47万元。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 2186


def test_a_figure_said_to_be_counted_in_the_years_total_is_not_added() -> None:
    body = (
        "全年走进街道、社区开展普法宣传活动112场次。\n"
        "联合司法所开展“法律进商户”活动24场,已计入全年活动总数。\n"
    )
    assert _indicators(body)["publicity_events"] == 112
    # without the remark the two are added
    added = body.replace(",已计入全年活动总数", "")
    assert _indicators(added)["publicity_events"] == 136


@pytest.mark.parametrize(
    ("sentence", "raw", "value"),
    [
        ("全市126个执法中队中已有2/3通过规范化验收。", "2/3", 66.67),
        ("三分之一的执法人员取得法律职业资格。", "三分之一", 33.33),
        ("案件办理时限压缩四分之三。", "四分之三", 75.0),
        ("罚款金额不超过违法所得的千分之三。", "千分之三", 0.3),
    ],
)
def test_a_fraction_is_a_percent(sentence: str, raw: str, value: float) -> None:
    m = process_text("r", in_report(sentence + "\n"))["metrics"]
    got = m[m["raw"] == raw]
    assert list(zip(got["value"], got["unit"], strict=True)) == [(value, "%")]


@pytest.mark.parametrize("sentence", ["开展“3/15”消费维权活动。", "于2023/12/31前完成整改。"])
def test_a_date_with_a_slash_is_no_fraction(sentence: str) -> None:
    m = process_text("r", in_report(sentence + "\n"))["metrics"]
    assert not (m["unit"] == "%").any()
    assert "3通" not in m["raw"].tolist()


def test_cases_sent_for_review_are_legal_reviews() -> None:
    body = "一般程序案件在作出决定前一律报送法制审核,全年共送审97件,其中重大执法决定6件。\n"
    assert _indicators(body)["legal_reviews"] == 97


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("着力锻造法治城管队伍", "study_training"),
        ("加强队伍建设,提升执法能力", "study_training"),
        ("加强队伍建设,强化执法保障", "enforcement"),
        ("巩固赋权事项承接成效", "enforcement"),
        ("聚焦建筑市场和工程质量安全,严格住建领域执法", "enforcement"),
        ("强化执法监督和队伍建设", "supervision_disputes"),
    ],
)
def test_round_57_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ a zero's citation
def _zero_tables(text: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    out = process_text("r", text)
    ind = derive_indicators(out["metrics"], {"r": text})
    return ind.set_index("indicator"), out["metrics"], out["sections"]


def test_a_stated_zero_cites_its_own_sentence_not_a_related_matters() -> None:
    text = in_report(
        "办理政府信息公开申请10件,办结率100%,未发生相关行政复议或诉讼案件。\n"
        "全年被申请行政复议案件5件,未发生行政诉讼案件。\n"
    )
    ind, _, _ = _zero_tables(text)
    row = ind.loc["admin_litigation_cases"]
    assert (row["value"], row["method"], row["evidence"]) == (0, "stated_zero", "")
    assert row["sentence"] == "全年被申请行政复议案件5件,未发生行政诉讼案件"
    assert text[row["start"] : row["end"]] == row["sentence"]
    # a figure's row cites its metrics instead
    stated = ind.loc["admin_reconsideration_cases"]
    assert (stated["value"], stated["sentence"], stated["start"], stated["end"]) == (5, "", -1, -1)


def test_the_evidence_table_gives_a_zero_its_sentence_and_a_figure_as_written() -> None:
    text = in_report("全年受理数字城管案件12万余件。\n全年未发生行政诉讼案件。\n")
    ind, metrics, sections = _zero_tables(text)
    reports = pd.DataFrame(
        {"report_id": ["r"], "jurisdiction": ["某县"], "bureau": ["某县城市管理局"], "year": [2023]}
    )
    ev = indicator_evidence_table(ind.reset_index(), metrics, sections, reports)
    by = ev.set_index("metric_id")
    zero = ev[ev["metric_id"] == ""].iloc[0]
    assert zero["sentence"] == "全年未发生行政诉讼案件"
    assert zero["section"] == "一、主要举措"
    digital = metrics.loc[metrics["raw"] == "12万余件", "metric_id"].iloc[0]
    assert by.loc[digital, "value"] == "12万余件"  # as written, 余 kept
    summed = in_report("办理简易程序案件67件,一般程序案件205件。\n")
    ind2, metrics2, sections2 = _zero_tables(summed)
    ev2 = indicator_evidence_table(ind2.reset_index(), metrics2, sections2, reports)
    assert set(ev2.loc[ev2["indicator"] == "行政处罚案件", "value"]) == {"Σ 272件"}


# ------------------------------------------------------------------ round 58
def test_all_kinds_of_cases_handled_are_penalty_cases_and_a_named_campaigns_are_a_part() -> None:
    body = (
        "全年查办各类案件10,384件,同比增长6.8%,其中一般程序案件6,127件、简易程序案件4,257件。\n"
        "深入开展民生领域“铁拳”行动,围绕食品、药品等重点领域查办案件865件。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 10384


@pytest.mark.parametrize(
    ("raw", "value", "unit"), [("3.6万余车次", 36000, "车次"), ("210航次", 210, "航次")]
)
def test_vehicles_and_voyages_checked_are_counts(raw: str, value: float, unit: str) -> None:
    body = "全年路面检查车辆3.6万余车次,检查船舶210航次。\n"
    m = process_text("r", in_report(body))["metrics"]
    got = m[m["raw"] == raw]
    assert list(zip(got["value"], got["unit"], strict=True)) == [(value, unit)]


def test_figures_among_the_activities_above_are_a_part_of_them() -> None:
    body = (
        "全年走进街道、社区开展普法宣传活动112场次,发放宣传资料1.2万份。\n"
        "在上述活动中,联合司法所开展“法律进商户”活动24场,引导沿街商户守法经营。\n"
    )
    assert _indicators(body)["publicity_events"] == 112


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("扎实开展安全生产执法检查", "enforcement"),
        ("规范涉企执法检查", "business_environment"),
        ("推进数字赋能,以非现场执法和执法监督与人工智能融合提升执法效能", "digital"),
    ],
)
def test_round_58_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 59
GAZETTE = (
    "某市人民政府公报\n"
    "2025年第2期(总第186期)\n"
    "\n目　　录\n\n【市政府文件】\n"
    "某市人民政府关于印发城市更新行动实施方案的通知(某政发〔2025〕2号)……………………(2)\n"
    "【部门文件】\n"
    "某市城市管理执法局2024年度法治政府建设工作情况报告……………………(18)\n"
    "\n【部门文件】\n\n"
    "某市城市管理执法局2024年度法治政府建设工作情况报告\n"
    "　　2024年,我局坚持依法行政,全面推进法治政府建设,现将有关情况报告如下。\n"
    "一、强化组织领导\n"
    "　　全年召开专题会议6次,研究部署法治建设重点任务,压实各级责任。\n"
    "二、存在的问题\n"
    "　　执法队伍专业化水平有待提高,基层执法力量仍显不足。\n"
    "\n某市城市管理执法局\n2025年1月24日\n\n"
    "某市住房和城乡建设局关于开展物业服务企业信用评价工作的通知\n"
    "某住建〔2025〕6号\n"
    "各区住建局,各物业服务企业:\n"
    "　　为进一步规范物业服务市场秩序,经研究,决定开展信用评价工作,全市共有127家企业参加。\n"
    "\n主办:某市人民政府办公室\n"
)


def test_a_gazette_issue_keeps_only_the_report() -> None:
    result = clean_text(GAZETTE)
    assert result.text.startswith("某市城市管理执法局2024年度法治政府建设工作情况报告\n")
    assert "127家" not in result.text and "物业服务企业" not in result.text
    assert result.metadata["signature_date"] == "2025-01-24"
    rules = dict(zip(result.removed["text"], result.removed["rule"], strict=True))
    assert rules["某市人民政府公报"] == "gazette"
    assert rules["【部门文件】"] == "gazette"
    assert rules["某住建〔2025〕6号"] == "next_document"
    assert [h[1] for h in outline(result.text)] == ["一、", "二、"]


def test_a_justified_line_loses_the_spaces_pdftotext_put_between_its_characters() -> None:
    raw = (
        "某区城市管理局2023年法治政府建设年度报告\n"
        "一、主要工作\n"
        "　　全年开展普法宣传活动46场次，其\n"
        "中 进 社 区 、 进 市 场 “ 三 进 ” 活 动 26场次 ， 发 放 宣 传 资 料 2.1万余份 。\n"
        "二、存在问题\n不足。\n"
    )
    text = clean_text(raw).text
    assert "中进社区、进市场“三进”活动26场次，发放宣传资料2.1万余份。" in text
    assert indicators(text)["publicity_materials"] == 21000
    # a line with spaces between words, or between Latin words, keeps them
    kept = "全年办理 行政处罚案件 120件, 依据 ISO 9001 标准。"
    assert kept in clean_text("标题\n一、工作\n" + kept + "\n").text


def test_the_years_fines_and_confiscations_hold_a_fields_fines() -> None:
    body = (
        "全面落实行政执法“三项制度”,强化执法监督。全年共办理行政处罚案件1,352件,"
        "其中适用简易程序614件;收缴罚没款286.47万元;结案率97.8%。\n"
        "会同公安交警开展夜间联合执法96次,查处渣土车违法行为203件,罚款41.3万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 2864700


def test_materials_named_before_等资料_and_legal_matters_reviewed_count() -> None:
    body = (
        "组织普法宣传活动47场次,印发城市管理法规口袋书等资料1.3万余份。\n"
        "全年共审查区政府重大行政决策事项、合同协议及其他涉法事务356件。\n"
    )
    got = _indicators(body)
    assert (got["publicity_materials"], got["legal_reviews"]) == (13000, 356)


# ------------------------------------------------------------------ review of session 11
@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 纳入/计入 in other senses: no total they are counted in
        (
            "全年办理行政处罚案件120件,已纳入年度考核。\n开展渣土整治,查处案件20件。\n",
            "admin_penalty_cases",
            120,
        ),
        (
            "全年罚没款36.5万元,全额纳入年度财政预算。\n开展渣土整治,罚款3万元。\n",
            "fines_yuan",
            365000,
        ),
        (
            "全年对合同协议开展合法性审查38件,全部纳入全局合同台账。\n对重大执法决定法制审核156件。\n",
            "legal_reviews",
            194,
        ),
        # a quoted name in a sentence about the year is no campaign
        (
            "深入开展“利剑”行动,全年共办理行政处罚案件356件。\n开展专项整治,查处违法案件20件。\n",
            "admin_penalty_cases",
            356,
        ),
        # 上述…中 without its comma opens no part
        (
            "在上述执法活动中全年共办理行政处罚案件356件。\n开展夜间巡查,依法办理简易程序案件20件。\n",
            "admin_penalty_cases",
            376,
        ),
        # a total adding kinds holds only the kinds it names
        (
            "全年对重大行政决策、规范性文件和合同协议共审查186件。\n全年法制审核重大执法决定56件。\n",
            "legal_reviews",
            242,
        ),
        # a drawn row's cell of prose is read as prose
        (
            "| 工作 | 做法 |\n|---|---|\n| 执法办案 | 全年办理行政处罚案件120件,其中简易程序45件 |\n",
            "admin_penalty_cases",
            120,
        ),
    ],
)
def test_review_session11_indicators(body: str, indicator: str, value: float) -> None:
    assert _indicators(body)[indicator] == value


def test_review_a_report_naming_no_year_takes_its_tables_latest_column() -> None:
    text = (
        "某县城市管理局法治政府建设年度报告\n一、主要工作\n"
        "| 指标 | 2022年 | 2023年 |\n|---|---|---|\n| 行政处罚案件（件） | 98 | 120 |\n"
        "二、存在问题\n不足。\n"
    )
    assert indicators(text)["admin_penalty_cases"] == 120


@pytest.mark.parametrize(
    "sentence", ["于2月2/3日开展联合执法检查。", "在幸福小区2/3号楼开展宣传。", "实行5/7工作制。"]
)
def test_review_no_fraction_in_dates_buildings_or_schedules(sentence: str) -> None:
    m = process_text("r", in_report(sentence + "\n"))["metrics"]
    assert not (m["unit"] == "%").any()


def test_review_capital_or_roman_numerals_beside_plain_ones_are_no_top_headings() -> None:
    text = (
        "某县城市管理局2023年工作报告\n一、主要工作\n全年办理案件120件。\n二、2024年工作计划\n"
        "Ⅰ、加强执法\n计划组织执法培训6期。\nⅡ、加强普法\n发放宣传资料2万份。\n"
    )
    assert [h[1] for h in outline(text)] == ["一、", "二、"]
    assert "training_sessions" not in indicators(text)  # the plan's figures stay plans


def test_review_a_none_is_judged_related_on_itself() -> None:
    text = in_report(
        "严格落实相关制度,全年未发生行政诉讼案件。\n办理政府信息公开申请10件,未发生行政诉讼。\n"
    )
    ind, _, _ = _zero_tables(text)
    assert (
        ind.loc["admin_litigation_cases", "sentence"] == "严格落实相关制度,全年未发生行政诉讼案件"
    )


def test_review_the_evidence_gives_a_bare_cell_its_unit() -> None:
    text = in_report(
        "| 指标 | 2022年 | 2023年 |\n|---|---|---|\n| 罚没款（万元） | 16.0 | 20.50 |\n"
    )
    ind, metrics, sections = _zero_tables(text)
    reports = pd.DataFrame(
        {"report_id": ["r"], "jurisdiction": ["某县"], "bureau": ["某县城市管理局"], "year": [2023]}
    )
    ev = indicator_evidence_table(ind.reset_index(), metrics, sections, reports)
    assert ev.loc[ev["indicator"] == "罚没款", "value"].tolist() == ["20.5万元"]
    en = indicator_evidence_table(ind.reset_index(), metrics, sections, reports, lang="en")
    assert "万" not in "".join(en["value"])


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("规范涉企行政执法检查,优化营商环境", "business_environment"),
        ("接受人大执法检查和政协民主监督", "supervision_disputes"),
        ("加强党组织和干部队伍建设", "leadership"),
    ],
)
def test_review_session11_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 60
PAGE = (
    '<!DOCTYPE html>\n<html><head>\n<meta charset="utf-8" />\n'
    "<title>某区城市管理局2023年度法治政府建设工作情况报告_某区人民政府</title>\n"
    '<style type="text/css">\nbody{margin:0;padding:0;font-size:14px;}\n.nav li{float:left;}\n</style>\n'
    '<script type="text/javascript">\nvar _cfg = {siteId: 3601110027, timeout: 3000};\n</script>\n'
    "</head>\n<body>\n"
    '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">走进某区</a></li>'
    '<li><a href="/b">政务公开</a></li><li><a href="/c">政务服务</a></li></ul></div>\n'
    "<h1>某区城市管理局2023年度法治政府建设工作情况报告</h1>\n"
    '<div class="info">发布时间：2024-01-26 09:15&nbsp;&nbsp;来源：区城管局</div>\n'
    '<p style="text-indent:2em">2023年,我局坚持依法行政,全年共办理行政处罚案件1,426件。</p>\n'
    "<p><strong>一、主要工作</strong></p>\n"
    '<p style="text-indent:2em">全年开展普法宣传活动86场次,发放宣传资料1.2万份。</p>\n'
    '<script>$(function(){ $.get("/api/hits?id=2486315"); });</script>\n'
    "</body></html>\n"
)


def test_a_saved_pages_code_is_no_text() -> None:
    result = clean_text(PAGE)
    for code in ("body{", "_cfg", "siteId", "$.get", "<title>", "DOCTYPE", "首页"):
        assert code not in result.text, code
    assert result.text.startswith("某区城市管理局2023年度法治政府建设工作情况报告\n")
    assert result.metadata["published"] == "2024-01-26"
    assert indicators(result.text)["admin_penalty_cases"] == 1426


def test_a_breakdown_in_brackets_is_a_part_and_fines_still_owed_are_no_fines() -> None:
    body = (
        "全年受理消费者投诉举报8,372件(投诉6,915件、举报1,457件),按期办结率98.9%。\n"
        "全年罚没款318.65万元。\n"
    )
    problems = "三是执行难问题依然存在,全年仍有罚款12.6万元未执行到位。\n"
    got = _indicators(body + problems)
    assert (got["hotline_cases"], got["fines_yuan"]) == (8372, 3186500)


# ------------------------------------------------------------------ round 61
FOOTNOTED = (
    "某市城市管理局2023年法治政府建设年度报告\n"
    "一、主要工作\n"
    "全年办理行政处罚案件5,236件[1],罚没款1,847.63万元。\n"
    "全年行政处罚案件中适用一般程序3,894件,结案率97.8%。\n"
    "二、存在问题\n执法力量不足。\n"
    "\n某市城市管理局\n2024年1月26日\n\n________________\n"
    "[1] 含简易程序案件1,342件。\n"
    "[2] 已计入行政处罚案件总数5,236件。\n"
)


def test_word_footnotes_after_the_signature_are_no_body_and_cases_among_the_years_are_a_part() -> (
    None
):
    result = clean_text(FOOTNOTED)
    # the footnotes stay (they are the report's), but the signature above them is read
    assert result.metadata["signature_date"] == "2024-01-26"
    assert "某市城市管理局\n2024年1月26日" not in result.text
    assert indicators(result.text)["admin_penalty_cases"] == 5236


def test_a_narrow_columns_hard_wraps_are_undone() -> None:
    # a PDF column wrapped at 18 to 24 characters, a figure cut by a wrap
    lines = [
        "某区城市管理局2024年度法治政府建设工作报告",
        "　　一、主要工作",
        "　　坚持党组理论学习中心组学法制度，全年",
        "集体学法12次。举办执法人员法治培训6期，累",
        "计培训局机关干部职工和协管队员共48",
        "0人次；组织213名执法人员参加网上学法考试，",
        "参考率100%，平均成绩91.4分。全年新增",
        "持证执法人员17名，全局持证执法人员达到186",
        "人，新进人员均经岗前培训合格后上岗。结合执",
        "法实际开展以案释法，每季度选取典型案例组织",
        "中队长和办案骨干集中研讨，查找证据固定、",
        "法律适用和文书制作中的薄弱环节。此外，邀请",
        "法律顾问为中层以上干部开展专题法治讲座4场，",
        "组织旁听庭审1次，参加人员65人次。全年依法立",
        "案办理各类城市管理行政处罚案件1,236件，罚没",
        "款86.5万元，办结执法案件1,198件，结案率98.",
        "6%。全年受理群众投诉举报2,864件，办结率",
        "达到100%，群众满意率持续提升，执法环境",
        "不断优化，城市面貌明显改善，市民获得感增强。",
        "　　二、存在问题",
        "　　执法力量不足。",
    ]
    text = clean_text("\n".join(lines) + "\n").text
    assert "累计培训局机关干部职工和协管队员共480人次；" in text
    assert "行政处罚案件1,236件，罚没款86.5万元，办结执法案件1,198件，结案率98.6%。" in text


# ------------------------------------------------------------------ second review of session 11
def test_review2_a_dated_line_above_a_report_is_no_signature_of_another() -> None:
    text = (
        "现将我局2023年度法治政府建设工作情况予以公开。\n2024年1月22日\n"
        "某县城市管理局关于2023年度法治政府建设工作情况的报告\n县人民政府:\n"
        "一、主要工作\n全年共办理行政处罚案件120件,罚没款36.5万元。\n二、存在问题\n执法力量不足。\n"
    )
    result = clean_text(text)
    assert "全年共办理行政处罚案件120件" in result.text
    assert indicators(result.text)["admin_penalty_cases"] == 120


def test_review2_a_list_of_documents_in_the_body_is_no_next_document() -> None:
    text = (
        "某县城市管理局2023年法治政府建设年度报告\n一、主要工作\n全年制定规范性文件2件:\n"
        "某县城市管理局关于印发户外广告设置管理办法的通知\n某城管发〔2023〕5号\n2023年3月10日\n"
        "某县城市管理局关于印发渣土运输管理办法的通知\n某城管发〔2023〕20号\n2023年9月15日\n"
        "二、存在问题\n全年共办理行政处罚案件120件,罚没款36.5万元。\n"
    )
    result = clean_text(text)
    assert "二、存在问题" in result.text
    assert indicators(result.text)["admin_penalty_cases"] == 120


def test_review2_a_wechat_articles_bracket_headings_are_no_gazette_labels() -> None:
    text = (
        "某区城管局2023年法治政府建设情况\n【工作动态】\n全年共办理行政处罚案件120件,罚没款36.5万元。\n"
        "【普法信息】\n全年开展普法宣传活动46场次。\n"
    )
    assert [h[1] for h in outline(clean_text(text).text)] == ["【】", "【】"]


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # one field's 罚没款 beside another field's 罚款: two parts, added
        (
            "查处违法建设案件85件,罚没款32万元。\n查处占道经营案件300件,罚款12万元。\n",
            "fines_yuan",
            440000,
        ),
        # brackets adding another amount or giving the whole hold no part
        ("全年罚款30万元(另没收违法所得5万元)。\n", "fines_yuan", 350000),
    ],
)
def test_review2_indicators(body: str, indicator: str, value: float) -> None:
    assert _indicators(body)[indicator] == value


def test_review2_a_tie_of_years_is_not_given_to_the_plans_year() -> None:
    text = (
        "某县城市管理局法治政府建设年度报告\n一、主要工作\n2023年,我局坚持依法行政。\n"
        "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n罚没款（万元）\t36.5\t30.1\n"
        "二、2024年工作打算\n2024年,我局将继续推进法治建设。\n"
    )
    got = indicators(text)
    assert (got["admin_penalty_cases"], got["fines_yuan"]) == (120, 365000)


def test_review2_capital_numerals_above_plain_ones_are_parts() -> None:
    text = (
        "某县城市管理局2023年工作报告\n壹、2023年工作情况\n一、加强组织领导\n全年召开会议3次。\n"
        "贰、存在问题\n一、队伍建设不足\n人员不足。\n"
    )
    assert [(h[0], h[1]) for h in outline(text)] == [
        (1, "壹、"),
        (2, "一、"),
        (1, "贰、"),
        (2, "一、"),
    ]


def test_review2_tags_named_in_a_plain_report_are_no_code_blocks() -> None:
    text = (
        "某区城管局2023年法治政府建设年度报告\n一、主要工作\n"
        "清理含有<script>标签的恶意页面12个,全年共办理行政处罚案件120件。\n"
        "开展普法宣传活动46场次。\n对</script>等标签进行过滤。\n"
    )
    got = indicators(clean_text(text).text)
    assert (got["admin_penalty_cases"], got["publicity_events"]) == (120, 46)


# ------------------------------------------------------------------ round 62
DRAWN_WRAPPED = (
    "某区综合行政执法局2024年度法治政府建设工作情况报告\n"
    "2024年,我局坚持依法行政,全面推进法治政府建设,全年共办理行政处罚案件2,748件,现将有关情况报告如下。\n"
    "一、主要工作\n"
    "全年承办12345市民热线工单35,874件,按期办结率99.3%,较上年提高1.4个百分点。\n"
    "表1  2023—2024年主要执法数据对比\n"
    "┌────────────────┬────────┬────────┐\n"
    "│项目            │2023年  │2024年  │\n"
    "├────────────────┼────────┼────────┤\n"
    "│行政处罚案件    │2,315   │2,748   │\n"
    "│(件)            │        │        │\n"
    "├────────────────┼────────┼────────┤\n"
    "│非现场执法案件  │512     │839     │\n"
    "│(件)            │        │        │\n"
    "├────────────────┼────────┼────────┤\n"
    "│行政复议案件    │9       │7       │\n"
    "│(件)            │        │        │\n"
    "├────────────────┼────────┼────────┤\n"
    "│12345工单办结率 │97.9    │99.3    │\n"
    "│(%)             │        │        │\n"
    "└────────────────┴────────┴────────┘\n"
    "二、存在问题\n执法力量不足。\n"
)


def test_a_drawn_tables_wrapped_labels_give_their_units_and_keep_the_text_unwrapped() -> None:
    result = clean_text(DRAWN_WRAPPED)
    # the table's fixed width is no PDF's measure: nothing is joined, no row is a header
    assert not result.metadata["pdf_shape"]
    assert result.text.count("│(件)") == 3
    m = process_text("r", result.text)["metrics"]
    cells = m[m["raw"].isin(["2,315", "512", "839", "97.9"])]
    assert list(zip(cells["raw"], cells["unit"], strict=True)) == [
        ("2,315", "件"),
        ("512", "件"),
        ("839", "件"),
        ("97.9", "%"),
    ]
    # last year's column, far below its header, states nothing
    got = indicators(result.text)
    assert (got["digital_cases"], got["completion_rate"]) == (839, 99.3)


def test_a_report_leaning_to_no_theme_is_said_to_lean_to_none() -> None:
    from analysis.briefing import theme_findings

    sections = pd.DataFrame(
        {
            "report_id": ["a", "a", "b", "b", "c"],
            "section_id": ["1", "2", "1", "2", "1"],
            "level": [1, 1, 1, 1, 1],
            "category": ["enforcement", "publicity", "enforcement", "publicity", "other"],
            "start": [0, 600, 0, 300, 0],
            "end": [600, 1000, 300, 1000, 1000],
        }
    )
    reports = pd.DataFrame(
        {
            "report_id": ["a", "b", "c"],
            "jurisdiction": ["甲区", "乙区", "丙区"],
            "bureau": ["甲区城管局", "乙区城管局", "丙区城管局"],
            "year": [2023, 2023, 2023],
            "level": ["district"] * 3,
        }
    )
    text = theme_findings({"sections": sections}, reports)[0].text
    # 丙区 has all its text under 'other': it leans to no theme more than the others do
    assert "甲区 2023 偏重" in text
    assert "丙区" not in text


# ------------------------------------------------------------------ round 63
def test_off_site_enforcement_carried_out_is_the_digital_count() -> None:
    body = (
        "全年平台立案数字城管案件1.26万件,按期处置率97.6%;依托视频抓拍对违规停放、占道经营等"
        "开展非现场执法286件,提高了执法效率。\n"
    )
    assert _indicators(body)["digital_cases"] == 286
