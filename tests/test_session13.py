"""Hand-made tests for session 13's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import in_report, indicators, outline, theme
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata
from analysis.reading import decode_report_bytes, normalize_newlines


# ------------------------------------------------------------------ indicators
@pytest.mark.parametrize(
    "source",
    ["，均通过12345热线转办", "，全部来自12345政务服务便民热线", "，主要经12319热线交办"],
)
def test_complaints_whose_hotline_is_named_after_them_are_the_hotlines(source: str) -> None:
    # the hotline named after the figure, in the clause saying where the complaints came from:
    # they are hotline work, and a smaller hotline's figure later in the paragraph is a part
    body = f"全年受理投诉举报1,038件{source}，办结率98.5%。12319热线受理群众诉求356件。"
    assert _indicators(body)["hotline_cases"] == 1038


def test_a_hotline_named_after_complaints_in_another_clause_is_not_their_source() -> None:
    # the next clause counts the hotline's own orders: the complaints are not its
    body = "全年受理投诉举报1,038件，办理12345热线工单9,476件。"
    assert _indicators(body)["hotline_cases"] == 9476


# ------------------------------------------------------------------ quantities
def _quantities(body: str) -> list[tuple[str, float, str]]:
    m = process_text("r", in_report(body))["metrics"]
    return list(zip(m["raw"], m["value"], m["unit"], strict=True))


@pytest.mark.parametrize("total", ["合计", "共计", "总计", "相加"])
def test_the_items_named_before_added_up_are_no_count(total: str) -> None:
    body = f"全年合法性审查64件、法制审核89件，两项{total}153件。"
    got = _quantities(body)
    assert ("两项", 2.0, "项") not in got
    assert ("153件", 153.0, "件") in got
    # a count of items that are not added up stays a count
    assert ("两项", 2.0, "项") in _quantities("制定两项制度，全年合法性审查64件。")


# ------------------------------------------------------------------ reading
def test_manual_line_breaks_of_word_and_wps_are_line_breaks() -> None:
    # Shift+Enter saved as a vertical tab or as U+2028, and U+2029 between paragraphs
    raw = (
        "某区综合行政执法局2023年法治政府建设工作报告\r\n"
        "一、主要工作\u2028（一）压实责任\x0b全年召开专题会议5次。\r\n"
        "（二）规范执法\u2028全年办理行政处罚案件1,126件。\u2029二、存在问题\x0b执法力量不足。\r\n"
    )
    text, _ = decode_report_bytes(("\ufeff" + raw).encode("utf-8"), "r.txt")
    assert "\x0b" not in text and "\u2028" not in text and "\u2029" not in text
    assert outline(text) == [
        (1, "一、", "主要工作", False),
        (2, "(一)", "压实责任", False),
        (2, "(二)", "规范执法", False),
        (1, "二、", "存在问题", False),
    ]


def test_invisible_characters_an_editor_left_are_removed_and_recorded() -> None:
    raw = (
        "某区城市管理局2024年法治政府建设工作报告\n"
        "一、\u200b主要工作\n"
        "（一）抓实学法用法\u200b和队伍培训\n"
        "全年收缴罚没款2463\u00ad815.50元，办理行政处罚案件1\u200b263件，举办培训9\u2060期。\n"
        "二、存在问题\ufeff\n"
        "执法力量不足。\n"
    )
    result = clean_text(raw)
    assert not any(c in result.text for c in "\u200b\u00ad\u2060\ufeff")
    rows = result.removed
    assert set(rows.loc[rows["rule"] == "invisible_characters", "line_no"]) == {2, 3, 4, 5}
    assert outline(result.text) == [
        (1, "一、", "主要工作", False),
        (2, "(一)", "抓实学法用法和队伍培训", False),
        (1, "二、", "存在问题", False),
    ]
    m = process_text("r", result.text)["metrics"]
    got = set(zip(m["raw"], m["value"], strict=True))
    assert {("2463815.50元", 2463815.5), ("1263件", 1263.0), ("9期", 9.0)} <= got


def test_a_figure_said_to_be_included_in_the_one_before_is_not_added() -> None:
    body = (
        "年内举办执法人员法治能力专题培训班9期，累计参训1263人次，"
        "新招录协管队员的岗前集中培训2期、146人次也包含在内。"
    )
    got = _indicators(body)
    assert got["training_sessions"] == 9
    assert got["training_participants"] == 1263


# ------------------------------------------------------------------ a web table copied with merged cells
MERGED = (
    "表1 2023年度主要执法数据与上年对比\n"
    "类别\t指标\t办理数量\t同比增减（%）\n"
    "2023年\t2022年\n"
    "行政处罚\t立案总数（件）\t3,205\t2,946\t8.8\n"
    "简易程序（件）\t1,873\t1,702\t10.0\n"
    "罚没款（万元）\t1,086.35\t1,152.70\t-5.8\n"
    "其他\t行政复议（件）\t5\t7\t-28.6\n"
    "12345城管类工单（件）\t23,617\t21,904\t7.8\n"
)
DISCLOSED = (
    "执法类别\t公示事项\t单位\t2023年度数量\t备注\n"
    "行政许可\t受理申请\t件\t1,486\t\n"
    "办结\t件\t1,486\t其中即办件1,022件\n"
    "行政裁决\t件\t0\t本年度未发生\n"
)


def test_a_merged_group_cell_stands_once_and_its_rows_are_read() -> None:
    got = _quantities(MERGED + "\n" + DISCLOSED)
    # the first row of each group holds the group's name before its label
    assert ("3,205", 3205.0, "件") in got and ("2,946", 2946.0, "件") in got
    assert ("5", 5.0, "件") in got and ("7", 7.0, "件") in got
    assert ("1,486", 1486.0, "件") in got
    assert [g for g in got if g[0] == "1,486"] == [("1,486", 1486.0, "件")] * 2
    # the change column's header names a percent: its cells are percents, not the row's unit
    assert ("8.8", 8.8, "%") in got and ("10.0", 10.0, "%") in got
    assert ("5.8", 5.8, "%") in got and ("28.6", 28.6, "%") in got
    assert not any(g[0] in ("8.8", "10.0") and g[2] == "件" for g in got)
    # a tab parts a figure from the next cell's words: 0, not 0本
    assert ("0", 0.0, "件") in got
    assert not any(g[2] == "本" for g in got)


def test_the_years_over_a_tables_figures_leave_its_change_column_out() -> None:
    # 2023年⇥2022年 under a merged 办理数量 stand over the first two figures of each row: the
    # 2022 cell is last year's and the 2023 cell, more precise, wins over the body's rounding
    body = "全年市12345热线转办我委的城管类工单2.36万件。\n" + MERGED
    got = _indicators(body)
    assert got["hotline_cases"] == 23617
    assert got["admin_reconsideration_cases"] == 5


def test_classes_opened_in_a_sentence_about_training_are_training_sessions() -> None:
    body = (
        "分批次组织全员法治轮训和业务骨干专题培训，全年共开班14期，参训执法人员1,436人次，"
        "其中为新招录执法辅助人员举办岗前培训3期、212人次。"
    )
    got = _indicators(body)
    assert got["training_sessions"] == 14
    assert got["training_participants"] == 1436
    assert "training_sessions" not in _indicators("社区老年大学全年共开班14期。")


# ------------------------------------------------------------------ an infographic copied line by line
INFOGRAPHIC = (
    "一图读懂\n"
    "数说2025\n"
    "▌严格执法\n"
    "全年查办各类案件\n"
    "3,126\n"
    "件\n"
    "同比增长12.6%\n"
    "罚没款\n"
    "13,452.7\n"
    "万元\n"
    "合法性审查\n"
    "213\n"
    "件\n"
    "清理规范性文件\n"
    "42\n"
    "件\n"
    "食品安全抽检\n"
    "超1.8万\n"
    "批次\n"
    "受理投诉举报\n"
    "24.68\n"
    "万件\n"
    "以下为报告全文：\n"
)


def test_an_infographics_figures_with_their_units_on_the_next_line_are_read() -> None:
    result = clean_text(
        INFOGRAPHIC + "某市市场监督管理局2025年法治政府建设情况报告\n一、主要工作\n内容。\n"
    )
    # its units repeat, its bare figures look like page numbers: neither is chrome
    assert "213\n件\n" in result.text and "42\n件\n" in result.text
    m = process_text("r", result.text)["metrics"]
    got = set(zip(m["raw"], m["value"], m["unit"], strict=True))
    assert {
        ("3,126", 3126.0, "件"),
        ("13,452.7", 134527000.0, "元"),
        ("213", 213.0, "件"),
        ("42", 42.0, "件"),
        ("超1.8万", 18000.0, "批次"),
        ("24.68", 246800.0, "件"),
    } <= got
    subjects = dict(zip(m["raw"], m["subject"], strict=True))
    assert subjects["3,126"] == "查办各类案件"
    # a year over the next line's words is no figure
    assert not any(r == "2025" for r in m["raw"])


def test_the_body_rounding_an_infographics_figure_gives_way_to_it_and_keeps_its_parts() -> None:
    body = (
        "全年经12315平台受理投诉举报24.7万件，其中投诉21.36万件、举报3.32万件，按时办结率99.62%。"
    )
    text = (
        INFOGRAPHIC + "某市市场监督管理局2025年法治政府建设情况报告\n一、主要工作\n" + body + "\n"
    )
    assert indicators(text)["hotline_cases"] == 246800


def test_cases_handled_off_site_by_chaban_are_digital_cases() -> None:
    body = "全年查办网络交易违法案件328件，其中通过非现场执法方式查办296件，占90.2%。"
    assert _indicators(body)["digital_cases"] == 296


def test_cases_deliberated_by_the_case_committee_are_no_penalty_cases() -> None:
    body = (
        "全年办理行政处罚案件1,126件。对案情复杂、处罚较重的案件，坚持集体讨论决定，"
        "全年召开案件审理委员会会议11次，审议案件39件。"
    )
    assert _indicators(body)["admin_penalty_cases"] == 1126


def test_documents_combed_in_a_clean_up_are_its_stated_total() -> None:
    body = "对本局现行有效的规范性文件进行全面清理，共梳理8件，保留6件、修改1件、废止1件。"
    assert _indicators(body)["normative_documents_reviewed"] == 8


# ------------------------------------------------------------------ a petitions bureau
def test_matters_sent_to_legal_channels_are_no_reconsideration_cases() -> None:
    body = (
        "对应当通过诉讼、仲裁、行政复议等法定途径解决的372件，书面告知信访人依法提出。"
        "全年以我局为被申请人的行政复议案件2件。"
    )
    assert _indicators(body)["admin_reconsideration_cases"] == 2


def test_requests_passed_to_the_hotline_are_not_its_orders_handled() -> None:
    body = (
        "建立与市12345政务服务便民热线双向转办机制，向热线转出咨询、求助类诉求2318件，"
        "承办热线转来的信访类工单486件，均按期办结。"
    )
    assert _indicators(body)["hotline_cases"] == 486


def test_the_current_documents_combed_in_a_clean_up_are_reviewed() -> None:
    body = "开展文件清理，共梳理以我局名义印发的现行有效文件9件，保留7件、拟修订2件。"
    assert _indicators(body)["normative_documents_reviewed"] == 9


# ------------------------------------------------------------------ a reader app's Markdown export
def test_a_reader_apps_banner_is_chrome_and_the_pages_date_is_read() -> None:
    text = (
        "> 本文由 [简悦 SimpRead](http://ksria.com/simpread/) 转码, 原文地址 "
        "[www.example.gov.cn](http://www.example.gov.cn/art/2023/2/24/art_1.html)\n\n"
        "长兴县综合行政执法局 2022 年度法治政府建设工作报告\n"
        "==================================================\n\n"
        "发布日期:2023-02-24 信息来源:县综合行政执法局\n\n"
        "2022 年,我局坚持依法行政,全年办理行政处罚案件 1,263 件。\n\n"
        "一、主要工作\n=========\n\n内容。\n\n"
        "长兴县综合行政执法局\n\n2023 年 2 月 20 日\n"
    )
    result = clean_text(text)
    rules = dict(zip(result.removed["line_no"], result.removed["rule"], strict=True))
    assert rules[1] == "source"
    assert result.metadata["published"] == "2023-02-24"


def test_documents_that_need_changing_in_a_clean_up_are_reviewed() -> None:
    body = (
        "对以局名义制发的行政规范性文件开展全面清理,经清理继续有效 9 件、需要修改 2 件、"
        "予以废止 3 件。"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 14


# ------------------------------------------------------------------ review of session 13 (rv21)
@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a clause after the figure that counts a part names no source of the whole
        ("全年受理投诉举报1,038件，由12345热线转办356件。", "hotline_cases", 356),
        ("全年受理投诉举报1,038件，通过12345热线转办的356件已全部办结。", "hotline_cases", 356),
        ("全年查处违法案件1,364件，通过非现场执法查处326件。", "digital_cases", 326),
        # a source clause does not hide a cue that ends at the figure (…立案$)
        (
            "全面推行非现场执法，立案317件，均通过视频监控抓拍发现。数字城管平台全年立案64,318件。",
            "digital_cases",
            317,
        ),
        # figures said not to be included are not parts
        (
            "年内举办执法人员法治能力专题培训班9期，累计参训1263人次，"
            "新招录协管队员的岗前集中培训2期、146人次不包含在内。",
            "training_sessions",
            11,
        ),
        (
            "年内举办执法人员法治能力专题培训班9期，累计参训1263人次，"
            "协管员岗前培训2期、146人次未统计在内。",
            "training_participants",
            1409,
        ),
        # a count followed by 共计 is still a count unless it counts kinds of things
        ("全年举办法治培训班两期共计培训执法人员236人次。", "training_sessions", 2),
        ("全年开展“法律进社区”普法宣传活动三场合计发放宣传资料1,200份。", "publicity_events", 3),
        # 审议 rules out only the cases deliberated
        ("全年经集体审议作出行政处罚决定1,126件，罚没款386.5万元。", "admin_penalty_cases", 1126),
        # a manual line break inside a sentence joins its parts
        ("全年办理行政处罚案件\x0b1,126件，罚没款386.5万元。", "admin_penalty_cases", 1126),
    ],
)
def test_review_session13_indicators(body: str, indicator: str, value: float) -> None:
    text, _ = decode_report_bytes(in_report(body).encode("utf-8"), "r.txt")
    assert indicators(clean_text(text).text)[indicator] == value


def test_review_session13_problem_clues_combed_are_no_documents() -> None:
    body = (
        "围绕规范性文件备案审查，全面梳理问题线索，共梳理15条，对发现问题的规范性文件提出修改意见。"
    )
    assert "normative_documents_reviewed" not in _indicators(body)


def test_review_session13_a_label_value_unit_table_keeps_its_units() -> None:
    table = "表1 主要执法数据\n项目\t数量\t单位\n行政处罚案件\t1,126\t件\n罚没款\t386.5\t万元\n行政复议案件\t5\t件\n"
    got = _indicators(table)
    assert got["admin_penalty_cases"] == 1126
    assert got["fines_yuan"] == 3865000
    assert got["admin_reconsideration_cases"] == 5


def test_review_session13_a_merged_groups_total_is_the_groups() -> None:
    got = _quantities(MERGED)
    assert _indicators(MERGED)["admin_penalty_cases"] == 3205
    # a row with an empty cell is not lined up with its header from the right
    empty = "指标\t2023年\t2022年\t同比增减（%）\n行政复议（件）\t5\t\t\n行政处罚案件（件）\t3,205\t2,946\t8.8\n"
    assert ("5", 5.0, "件") in _quantities(empty)
    assert ("3,205", 3205.0, "件") in got


def test_review_session13_infographic_variants() -> None:
    # the figure and its unit above the caption: each takes the caption below
    first = "一图读懂\n数说2025\n3,126\n件\n全年查办各类案件\n213\n件\n合法性审查\n42\n件\n清理规范性文件\n"
    got = _indicators(first)
    assert got["admin_penalty_cases"] == 3126
    assert got["legal_reviews"] == 213
    assert got["normative_documents_reviewed"] == 42
    # a count that looks like a year, a label with a colon, a percent on its own line
    assert ("2035", 2035.0, "件") in _quantities("受理投诉举报\n2035\n件\n")
    assert ("2,035", 2035.0, "件") in _quantities("受理投诉举报：\n2,035\n件\n")
    assert ("98.5", 98.5, "%") in _quantities("案件办结率\n98.5\n%\n")
    # a rank is no count
    assert not any(r == "3" for r, _, _ in _quantities("全省法治政府建设考核排名\n3\n名\n"))


def test_review_session13_page_numbers_over_short_running_headers_stay_chrome() -> None:
    pdf = (
        "某区综合行政执法局2023年法治政府建设工作报告\n一、主要工作\n内容。\n二、严格规范执法\n"
        "1\n工作报告\n全年办理行政处罚案件1,126件。\n三、强化执法监督\n2\n工作报告\n"
        "组织开展案卷评查。\n四、存在问题\n3\n工作报告\n不足。\n"
    )
    rules = dict(clean_text(pdf).removed[["line_no", "rule"]].values.tolist())
    assert [rules.get(n) for n in (5, 6, 9, 10, 13, 14)] == ["page_number", "running_header"] * 3


def test_review_session13_invisible_characters_from_entities_and_marks() -> None:
    page = (
        "某局2023年法治政府建设报告\n"
        "<p>全年办理行政处罚案件1&#8203;263件，罚没款2463&shy;815.50元。</p>\n"
        "<p>依据《纲要（2021\u00ad2025年）》，受理投诉1\u200e038件。</p>\n"
    )
    text = clean_text(page).text
    assert "1263件" in text and "2463815.50元" in text and "1038件" in text
    assert "（2021-2025年）" in text  # a soft hyphen between two years was a printed one


# ------------------------------------------------------------------ OCR of a phone's screenshots
SCREENS = (
    "9:41 .ıl 5G 87%\n"
    "×  某市城管  ···\n"
    "某市城市管理综合执法局2024年\n"
    "度法治政府建设情况报告\n"
    "原创 某市城管 某市城管\n"
    "2025年01月24日 17:30 黑龙江\n"
    "2024年，在市委、市政府的坚强领导\n"
    "下，我局坚持依法行政，城市管理执法\n"
    "工作的规范化水平持续提升。现将全年\n"
    "工作情况报告如下。\n"
    "一、2024年主要工作及成效\n"
    "（一）抓实学法培训，锤炼执法队伍\n"
    "落实党组会前学法制度，局党组理论学\n"
    "习中心组开展集体学法10次；全年审查\n"
    "\n"
    "9:42 ıll 5G 86%\n"
    "‹ 某市城管\n"
    "习中心组开展集体学法10次；全年审查\n"
    "文件38件、合同和行政协议57件，共\n"
    "95件，提出修改意见146条。局党组把\n"
    "法治政府建设作为“一把手”工程，与市\n"
    "容整治等重点工作一起安排、一起督查\n"
    "（二）严格规范公正文明执法，提升办\n"
    "案质效\n"
    "全年办理行政处罚案件1,064件。\n"
    "二、存在的问题\n"
    "执法力量不足。\n"
)


def test_a_phones_screenshots_lose_their_bars_and_their_repeated_lines() -> None:
    result = clean_text(SCREENS)
    rules = dict(zip(result.removed["line_no"], result.removed["rule"], strict=True))
    assert [rules.get(n) for n in (1, 2, 16, 17)] == ["phone_screen"] * 4
    assert rules[18] == "screenshot_overlap"  # the line the second screenshot repeats
    assert result.text.count("集体学法10次") == 1
    assert result.metadata["published"] == "2025-01-24"
    # a narrow column's heading of two balanced halves stands alone; a cut one goes on
    assert outline(result.text) == [
        (1, "一、", "2024年主要工作及成效", False),
        (2, "(一)", "抓实学法培训，锤炼执法队伍", False),
        (2, "(二)", "严格规范公正文明执法，提升办案质效", False),
        (1, "二、", "存在的问题", False),
    ]
    # a line cut after 共 goes on with its figure; the documents reviewed beside contracts
    # are legal reviews (38 + 57), not normative documents
    assert "共95件" in result.text
    got = indicators(result.text)
    assert got["legal_reviews"] == 95
    assert "normative_documents_reviewed" not in got


# ------------------------------------------------------------------ a province's department
def test_the_cases_filed_are_the_count_when_the_outcome_follows_them() -> None:
    body = "全年立案查处安全生产违法行为1,284件，办结行政处罚案件1,205件。"
    assert _indicators(body)["admin_penalty_cases"] == 1284
    # ... also after a ；, in the next clause of the year's sentence
    body = (
        "全年全省各级应急管理部门共检查生产经营单位15.8万家次；立案查处安全生产违法行为"
        "12,846件，罚款3.87亿元；办结行政处罚案件12,305件，结案率95.8%。"
    )
    assert _indicators(body)["admin_penalty_cases"] == 12846
    # a platform's intake is not the intake of the few cases closed off-site
    body = "数字城管平台全年立案14.2万件。通过非现场执法办结违法案件538件。"
    assert _indicators(body)["digital_cases"] == 538


def test_the_authors_own_level_is_a_part_of_its_systems_figure() -> None:
    body = (
        "全年全省各级应急管理部门共检查生产经营单位15.8万家次；"
        "立案查处安全生产违法行为12,846件，罚款3.87亿元。"
        "本厅本级直接组织执法检查企业642家次，立案查处157件，罚款2,386.5万元。"
    )
    assert _indicators(body)["fines_yuan"] == 387000000


def test_the_later_figures_of_a_run_of_changes_are_changes() -> None:
    m = process_text("r", in_report("罚款3.87亿元，同比分别增长8.1%和11.6%。"))["metrics"]
    kinds = dict(zip(m["raw"], m["kind"], strict=True))
    assert kinds["8.1%"] == kinds["11.6%"] == "change"


def test_a_run_in_heading_wrapped_before_its_sentence_ends_is_joined() -> None:
    # a PDF copied at 28 characters a line, each paragraph's first line two short (its
    # indent lost); the run-in heading's sentence ends on its second line
    prose = (
        "围绕新修订的突发事件应对法贯彻实施及时组织修订省级专项应急预案厅部门应急预案"
        "指导各地级以上市修订完善各类应急预案开展综合演练检验预案的针对性和可操作性"
        "推动预案管理规范化数字化建立预案动态评估修订机制落实预案备案审查制度"
    ) * 3
    lines = [prose[k : k + 28] for k in range(0, 28 * 8, 28)]
    pdf = "\n".join(
        ["某厅2024年法治政府建设情况报告", "一、主要工作"]
        + lines
        + [
            "（一）完善应急预案体系，健全统一指挥、专常兼备、反应",
            "灵敏、上下联动的应急指挥机制。" + prose[:13],
        ]
        + [prose[k : k + 28] for k in range(28 * 8, 28 * 14, 28)]
        + ["二、存在问题", "不足。"]
    )
    heads = [h for lv, _, h, _ in outline(clean_text(pdf).text) if lv == 2]
    assert heads == ["完善应急预案体系，健全统一指挥、专常兼备、反应灵敏、上下联动的应急指挥机制"]


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("加强应急管理重点领域立法", "rules_legislation"),
        ("加快完善应急管理法规制度体系", "rules_legislation"),
        ("深化应急管理领域“放管服”改革", "business_environment"),
        ("依法全面履行职能，持续优化安全发展环境", "business_environment"),
        ("提升应急处置能力", "safety_emergency"),
    ],
)
def test_an_emergency_bureaus_field_name_does_not_make_every_heading_safety(
    heading: str, category: str
) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 70
def test_a_weibo_posts_time_line_is_its_publication_date() -> None:
    text = (
        "宜昌城管 V\n25-1-22 10:31 来自 微博网页版\n"
        "宜昌市城市管理执法委员会2024年法治政府建设年度报告\n一、主要工作\n内容。\n"
        "宜昌市城市管理执法委员会\n2025年1月20日\n"
    )
    assert clean_text(text).metadata["published"] == "2025-01-22"


@pytest.mark.parametrize(
    ("body", "raw", "value", "unit", "approx"),
    [
        ("全年收缴罚没款41万7千余元，同比下降8.4%。", "41万7千余元", 417000.0, "元", True),
        ("组织普法活动覆盖群众1万2千余人次。", "1万2千余人次", 12000.0, "人次", True),
        ("全年开展巡查1千3百余次。", "1千3百余次", 1300.0, "次", True),
        ("发放宣传资料5百余份。", "5百余份", 500.0, "份", True),
        ("每月开展联合检查二三十次。", "二三十次", 20.0, "次", True),
        ("新建高清视频监控一百二十路。", "一百二十路", 120.0, "路", False),
        ("依托线上平台推送法治课程42讲。", "42讲", 42.0, "讲", False),
    ],
)
def test_figures_written_in_mixed_ways(
    body: str, raw: str, value: float, unit: str, approx: bool
) -> None:
    m = process_text("r", in_report(body))["metrics"]
    got = {
        r: (v, u, a)
        for r, v, u, a in zip(m["raw"], m["value"], m["unit"], m["approx"], strict=True)
    }
    assert got[raw] == (value, unit, approx)


def test_a_class_or_grade_is_no_count() -> None:
    got = _quantities("全市二类以上道路机扫率达到95%，三类水质断面全部消除。")
    assert not any(r.endswith("类") for r, _, _ in got)


def test_publicity_on_other_matters_or_posts_published_are_no_legal_publicity_events() -> None:
    body = "开展法律进社区普法活动46场次。开展垃圾分类宣传活动62场。依托线上平台推送法治课程42讲。"
    assert _indicators(body)["publicity_events"] == 46
    # a water bureau's publicity of its laws is legal publicity
    assert _indicators("全年开展水法规和节水宣传活动236场次。")["publicity_events"] == 236


# ------------------------------------------------------------------ second review of session 13 (rv22)
@pytest.mark.parametrize(
    ("raw", "want"),
    [
        # a manual break after a title, a signature, an unmarked heading, a caption, an item
        ("…不足。\n某县城市管理局\x0b2024年1月15日", "…不足。\n某县城市管理局\n2024年1月15日"),
        (
            "某县城市管理局2023年法治政府建设年度报告\x0b发布日期：2024-01-20",
            "某县城市管理局2023年法治政府建设年度报告\n发布日期：2024-01-20",
        ),
        (
            "强化组织领导\x0b成立以局长为组长的领导小组。",
            "强化组织领导\n成立以局长为组长的领导小组。",
        ),
        ("表1 2023年主要执法数据\x0b项目\t数量\t单位", "表1 2023年主要执法数据\n项目\t数量\t单位"),
        ("一是强化学法\x0b二是规范执法，", "一是强化学法\n二是规范执法，"),
        # a figure cut from its words stays in its line, a numbered item's too
        ("1.全年办理行政处罚案件\x0b1,126件。", "1.全年办理行政处罚案件\x0b1,126件。"),
        # a list item after a heading is a line of its own
        (
            "（三）严格规范公正文明执法，执法质效持续提升\x0b1.全面落实“三项制度”",
            "（三）严格规范公正文明执法，执法质效持续提升\n1.全面落实“三项制度”",
        ),
    ],
)
def test_review2_session13_manual_breaks_end_titles_signatures_and_headings(
    raw: str, want: str
) -> None:
    assert normalize_newlines(raw) == want


def test_review2_session13_a_trailing_tab_or_an_empty_remark_keeps_the_percent_column() -> None:
    tab = (
        "指标\t2023年\t2022年\t同比增减（%）\t\n行政处罚案件（件）\t3,205\t2,946\t8.8\t\n"
        "行政复议案件（件）\t12\t10\t20.0\t\n罚没款（万元）\t386.5\t352.1\t9.8\t\n"
    )
    assert ("8.8", 8.8, "%") in _quantities(tab)
    assert _indicators(tab) == {
        "admin_penalty_cases": 3205,
        "admin_reconsideration_cases": 12,
        "fines_yuan": 3865000,
    }
    remark = (
        "指标\t2023年\t2022年\t同比增减（%）\t备注\n行政处罚案件（件）\t3,205\t2,946\t8.8\t\n"
        "罚没款（万元）\t1,086.35\t1,152.70\t-5.8\t含没收违法所得\n"
    )
    assert ("8.8", 8.8, "%") in _quantities(remark)
    # a remark after a row's unit is no subject of its figure
    units = "项目\t数量\t单位\t备注\n行政处罚案件\t1,126\t件\t较上年增加\n行政复议案件\t5\t件\t全部办结\n"
    got = _indicators(units)
    assert got["admin_penalty_cases"] == 1126 and got["admin_reconsideration_cases"] == 5


def _lines(width: int, text: str) -> list[str]:
    return [text[k : k + width] for k in range(0, len(text), width)]


def test_review2_session13_headings_keep_their_ends_and_stand_alone() -> None:
    prose = "围绕新修订的突发事件应对法贯彻实施及时组织修订省级专项应急预案厅部门应急预案" * 6
    # a heading ending in 行为 is not cut before a figure: the next line opens a paragraph
    pdf = "\n".join(
        ["某厅2024年法治政府建设情况报告", "一、主要工作"]
        + _lines(28, prose)[:6]
        + ["（二）严格规范执法，约束执法行为", "2024年，我局修订制度12项。" + prose[:13]]
        + _lines(28, prose)[6:12]
        + ["二、存在问题", "不足。"]
    )
    heads = [h for lv, _, h, _ in outline(clean_text(pdf).text) if lv == 2]
    assert heads == ["严格规范执法，约束执法行为"]
    # a 25-character heading in a 28-character column takes no sentence of the paragraph
    pdf = pdf.replace(
        "（二）严格规范执法，约束执法行为", "（二）完善应急预案体系，健全统一指挥专常兼备指挥机制"
    )
    pdf = pdf.replace("2024年，我局修订制度12项。", "全年修订应急预案12部。")
    heads = [h for lv, _, h, _ in outline(clean_text(pdf).text) if lv == 2]
    assert heads == ["完善应急预案体系，健全统一指挥专常兼备指挥机制"]
    # a narrow column's heading whose first line is two balanced halves but goes on
    narrow = SCREENS.replace(
        "（一）抓实学法培训，锤炼执法队伍\n", "（一）强化法治意识，全面提升依法行\n政能力水平\n"
    )
    assert (2, "(一)", "强化法治意识，全面提升依法行政能力水平", False) in outline(
        clean_text(narrow).text
    )


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        (
            "全年受理投诉举报1,038件，主要来源于12345政务服务便民热线和12315投诉举报平台，"
            "办结率98.5%。12319热线受理群众诉求356件。",
            "hotline_cases",
            1038,
        ),
        (
            "全年受理投诉举报1,038件，均通过12345、110联动平台转办。12319热线受理群众诉求356件。",
            "hotline_cases",
            1038,
        ),
        (
            "局本级全年办理行政处罚案件356件，罚没款120万元；各区分局办理行政处罚案件1,870件，"
            "罚没款586万元。",
            "admin_penalty_cases",
            2226,
        ),
        ("群众满意度和案件办结率分别提高到98.5%和99.2%。", "completion_rate", 99.2),
        (
            "年内举办培训班9期，累计参训1263人次，协管员岗前培训2期、146人次没有包含在内。",
            "training_participants",
            1409,
        ),
        ("全年共受理群众来信来访及网上信访工单3,256件。", "petitions", 3256),
        (
            "对照《民法典》合同编，开展文件清理，共清理文件23件。",
            "normative_documents_reviewed",
            23,
        ),
        (
            "全年开展水利执法巡查860次；立案查处水事违法案件126件；立案查处河道采砂违法行为35件。",
            "admin_penalty_cases",
            126,
        ),
    ],
)
def test_review2_session13_indicators(body: str, indicator: str, value: float) -> None:
    assert _indicators(body)[indicator] == value


def test_review2_session13_infographic_titled_and_phone_variants() -> None:
    titled = "一图读懂\n数据看成效\n3,126\n件\n全年查办各类案件\n213\n件\n合法性审查\n42\n件\n清理规范性文件\n"
    got = _indicators(titled)
    assert got["admin_penalty_cases"] == 3126 and got["legal_reviews"] == 213
    text = (
        "某市城管\n中国移动 4G 15:32 76%\n‹某市城管\n2024年，我局坚持依法行政，全年召开\n"
        "党组会议专题研究法治工作5次，研究\n15:33 ⏰ ✉ ··· 📶 76\n‹某市城管\n"
        "党组会议专题研究法治工作5次,研究\n权责清单调整等议题14项。\n"
    )
    rules = dict(clean_text(text).removed[["line_no", "rule"]].values.tolist())
    assert [rules.get(n) for n in (2, 3, 6, 7, 8)] == ["phone_screen"] * 4 + ["screenshot_overlap"]
    assert theme("依法全面履行职能，坚决守住安全底线") == "safety_emergency"
    # a soft hyphen inside an amount whose digits look like years is no hyphen
    assert "120192030元" in clean_text("某局报告\n罚没款12019\u00ad2030元。\n").text


# ------------------------------------------------------------------ round 71
def test_a_statistics_tables_group_rows_in_cells_and_remarks() -> None:
    table = (
        "附表：2024年度法治政府建设主要指标完成情况\n"
        "序号\t指标名称\t单位\t2024年\t2023年\t备注\n"
        "一、\t行政执法\n"
        "1\t行政处罚案件\t件\t2,716\t2,453\t\n"
        "二、行政复议与应诉\n"
        "15\t行政复议案件\t件\t7\t5\t另终止2件\n"
        "16\t行政诉讼案件\t件\t4\t6\t3件已审结\n"
        "三、\t普法宣传\t\t\t\t\n"
        "20\t执法人员法治培训\t期\t11\t9\t“执法大讲堂”\n"
        "30\t行政规范性文件清理\t件\t12\t/\t保留9件、废止3件\n"
    )
    text = "某区综合行政执法局2024年法治政府建设工作报告\n一、主要工作\n"
    text += "全年行政复议、行政诉讼案件共11件，未发生败诉。\n" + table
    got = indicators(text)
    assert got["admin_penalty_cases"] == 2716  # the year's column under group rows in cells
    assert got["admin_reconsideration_cases"] == 7  # the body's 11 counts both kinds
    assert got["admin_litigation_cases"] == 4  # a remark's 3件已审结 is no second figure
    assert got["training_sessions"] == 11
    assert got["normative_documents_reviewed"] == 12


BILINGUAL_PAGE = (
    "深圳市福田区人民政府 Futian District People's Government\n"
    "首页 Home | 政务公开 Government Affairs | 互动交流 Interaction\n"
    "当前位置 Current Location：首页 Home > 政务公开 Government Affairs\n"
    "\n"
    "深圳市福田区城市管理和综合执法局2024年法治政府建设年度报告\n"
    "Annual Report of Futian District Urban Management Bureau on the Rule of Law in 2024\n"
    "\n"
    "发布日期 Release Date：2025-03-14 10:26\n"
    "\n"
    "一、2024年度主要工作和成效\n"
    "I. Main Work and Achievements in 2024\n"
    "\n"
    "（一）党组统筹部署，法治建设责任层层传导\n"
    "(I) The Party Leadership Group makes overall arrangements for the rule of law\n"
    "\n"
    "　　全年办理行政处罚案件1,263件，罚没款2,318.56万元，办结率98.5%\n"
    "In 2024, the Bureau handled 1,263 cases, with fines of 2,318.56 ten thousand yuan and 98.5%\n"
    "\n"
    "二、存在的问题\n"
    "II. Problems\n"
    "\n"
    "　　执法力量不足。\n"
)


def test_a_bilingual_pages_translation_is_neither_heading_nor_figure() -> None:
    result = clean_text(BILINGUAL_PAGE)
    assert result.metadata["published"] == "2025-03-14"
    assert [h for lv, _, h, _ in outline(result.text) if lv <= 2] == [
        "2024年度主要工作和成效",
        "党组统筹部署，法治建设责任层层传导",
        "存在的问题",
    ]
    m = process_text("r", result.text)["metrics"]
    assert sorted(m["raw"]) == sorted(["1,263件", "2,318.56万元", "98.5%"])


def test_a_clippers_markdown_front_matter_emphasis_and_images() -> None:
    text = (
        '---\ntitle: "某街道综合行政执法队2022年度法治政府建设工作报告"\ncreated: 2023-02-14\n'
        'tags:\n  - "clippings"\n---\n'
        "![cover_image](https://example.com/a.jpg)\n\n"
        "# 某街道综合行政执法队2022年度法治政府建设工作报告\n\n"
        "*2023-02-09 17:32* *浙江*\n\n"
        "📌 一、主要工作\n\n"
        "全年共办理行政处罚案件**412**件，收缴罚没款**23.74万元**，结案率**97.3%**。\n\n"
        "![图片](https://example.com/b.gif)\n\n"
        "📌 二、存在的问题\n\n执法力量不足。\n"
    )
    result = clean_text(text)
    rules = dict(result.removed[["line_no", "rule"]].values.tolist())
    assert [rules[n] for n in range(1, 7)] == ["front_matter"] * 6
    assert rules[7] == "image" and rules[17] == "image"
    assert result.metadata["published"] == "2023-02-09"
    m = process_text("r", result.text)["metrics"]
    assert set(zip(m["raw"], m["value"], strict=True)) >= {
        ("412件", 412.0),
        ("23.74万元", 237400.0),
        ("97.3%", 97.3),
    }


def test_a_question_and_answer_releases_questions_are_its_headings() -> None:
    text = (
        "市城市管理局负责人就2023年度法治政府建设情况答记者问\n"
        "近日，市城市管理局发布2023年度法治政府建设情况报告。记者就相关情况采访了法规科负责人。\n"
        "问：2023年，市城市管理局法治政府建设工作的总体情况怎么样？\n"
        "答：全年办理行政处罚案件2716件，罚没款386.5万元。\n"
        "问：在复议诉讼方面情况如何？\n"
        "答：行政诉讼方面，以我局为被告的案件有6件，目前已审结5件。"
        "全年共审查386件，其中规范性文件2件、合同协议117件、重大行政执法决定267件。\n"
        "问：2024年，市城市管理局在法治政府建设方面有哪些打算？答：2024年，我们将着力做好四方面工作。"
        "一是锻造过硬执法队伍，全年开办法治轮训班不少于10期。\n"
    )
    assert outline(text) == [
        (1, "", "2023年，市城市管理局法治政府建设工作的总体情况怎么样", False),
        (1, "", "在复议诉讼方面情况如何", False),
        (1, "", "2024年，市城市管理局在法治政府建设方面有哪些打算", False),
    ]
    got = indicators(text)
    assert got["admin_litigation_cases"] == 6
    assert got["legal_reviews"] == 386
    assert "training_sessions" not in got  # the plans' answer gives targets


def test_a_streets_team_titled_without_its_district_is_the_author() -> None:
    text = (
        "# 路南街道综合行政执法队2022年度法治政府建设工作报告\n\n"
        "2022年，路南街道综合行政执法队坚持依法行政，按照台州市、路桥区推进镇街综合执法改革的部署，"
        "承接区综合行政执法局下放的执法事项274项。在路桥区综合行政执法局的指导下，"
        "执法队参加路桥区执法办案能力比武，1名队员获评全区“办案能手”。\n"
        "一、主要工作\n全年共办理行政处罚案件412件。对案情复杂、处罚较重的5件案件，提交集体讨论。\n"
        "二、存在的问题\n执法力量不足。\n"
    )
    got = infer_metadata(text)
    assert (got.jurisdiction, got.level, got.bureau) == (
        "路南街道",
        "town",
        "台州市路桥区路南街道综合行政执法队",
    )
    assert indicators(text)["admin_penalty_cases"] == 412
