"""Hand-made tests for session 9's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

from snippets import P, in_report, indicators, theme
from snippets import outline as _outline
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata


# ------------------------------------------------------------------ headings
def test_a_numeral_in_lenticular_brackets_is_a_level_1_marker() -> None:
    text = (
        "某局2023年度法治政府建设情况报告\n导语。\n"
        f"【一】主要举措及成效\n（一）加强党的领导\n{P}\n（二）强化学法培训\n{P}\n"
        f"【二】存在的问题\n{P}\n【三】2024年工作打算\n（一）提升队伍能力\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一、", "主要举措及成效", False),
        (2, "(一)", "加强党的领导", False),
        (2, "(二)", "强化学法培训", False),
        (1, "二、", "存在的问题", False),
        (1, "三、", "2024年工作打算", False),
        (2, "(一)", "提升队伍能力", False),
    ]


def test_a_marker_alone_on_its_line_has_the_next_line_for_its_heading() -> None:
    text = f"导语。\n一、\n加强组织领导\n{P}\n二、\n严格规范执法\n{P}\n"
    assert _outline(text) == [
        (1, "一、", "加强组织领导", False),
        (1, "二、", "严格规范执法", False),
    ]


WECHAT_PARTS = (
    "某局2024年法治政府建设年度报告\n导语。\n"
    f"PART 01\n强化组织领导，压实法治建设责任\n❶党组统筹谋划\n{P}\n❷领导干部带头述法\n{P}\n"
    f"PART.02\n严格规范执法\n❶推行包容审慎监管。{P}\n❷推进非现场执法。{P}\n"
    f"PART 03\n存在的问题\n{P}\n"
)


def test_wechat_part_labels_and_dingbat_numbers_are_the_outline() -> None:
    # the part's title on the line below its label; ❶ kept as written (no list numbering to
    # restore), run-in or on its own line
    assert _outline(WECHAT_PARTS) == [
        (1, "PART 01", "强化组织领导，压实法治建设责任", False),
        (2, "❶", "党组统筹谋划", False),
        (2, "❷", "领导干部带头述法", False),
        (1, "PART 02", "严格规范执法", False),
        (2, "❶", "推行包容审慎监管", False),
        (2, "❷", "推进非现场执法", False),
        (1, "PART 03", "存在的问题", False),
    ]


def test_a_heading_cut_after_its_comma_goes_on_on_the_next_line() -> None:
    text = (
        "导语。\n一、主要举措\n"
        '<p><span style="font-family:黑体">（一）坚持严格规范公正文明执法，</span>\n'
        '<span style="font-family:黑体">持续提升综合执法质效</span></p>\n'
        f"1.聚焦重点领域。{P}\n2.推行柔性执法。{P}\n（二）坚持依法决策\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一、", "主要举措", False),
        (2, "(一)", "坚持严格规范公正文明执法，持续提升综合执法质效", False),
        (3, "1.", "聚焦重点领域", False),
        (3, "2.", "推行柔性执法", False),
        (2, "(二)", "坚持依法决策", False),
    ]


def test_a_shortcoming_awaiting_innovation_is_a_problem() -> None:
    assert theme("依法监管方式有待创新") == "problems"


# ------------------------------------------------------------------ cleaning
def test_a_number_cut_after_its_point_by_a_pdf_wrap_is_joined() -> None:
    # a PDF's lines of 35 characters; the one ending 418. holds half-width digits, so its
    # printed width is short of the measure although the number goes on below
    filler = "严格落实行政执法三项制度规范执法行为提升执法质效全面推进依法行政工作取得成效"
    # each line printed 70 columns wide: 35 characters, or 31 and eight half-width digits
    lines = [
        filler[i : i + 35] if i % 2 else filler[i : i + 15] + "20231215" + filler[i + 15 : i + 31]
        for i in range(8)
    ]
    lines.insert(4, "查获假冒卷烟286.4万支，案值1,432.65万元，收缴罚没款418.")  # 36, printed 55
    lines.insert(5, "65万元。与公安、市场监管部门联合开展打假打私行动24次，捣毁制售假烟窝点")
    text = "\n".join(lines) + "\n"
    assert "罚没款418.65万元。" in clean_text(text).text
    assert indicators(clean_text(text).text)["fines_yuan"] == 4186500


def test_a_key_figure_board_keeps_its_bare_numbers_with_their_labels_units() -> None:
    text = (
        "某局2024年法治政府建设年度报告\n导语。\n数说2024\n2146\n立案查处案件（件）\n"
        "386.52\n罚没款（万元）\n1058\n非现场执法案件（件）\n99.2\n12345工单办结率（%）\n"
        f"一、主要举措\n{P}\n"
    )
    cleaned = clean_text(text).text
    assert "\n2146\n立案查处案件（件）\n" in cleaned  # no page number
    m = process_text("r", cleaned)["metrics"]
    board = m[m["section_id"] == "0"]
    cols = (board["raw"], board["value"], board["unit"], board["indicator"])
    assert list(zip(*cols, strict=True)) == [
        ("2146", 2146, "件", "admin_penalty_cases"),
        ("386.52", 3865200, "元", "fines_yuan"),
        ("1058", 1058, "件", "digital_cases"),
        ("99.2", 99.2, "%", "completion_rate"),
    ]
    assert board["sentence"].iloc[0] == "2146\n立案查处案件（件）"


def test_a_lone_number_under_no_label_is_still_a_page_number() -> None:
    text = f"导语。\n一、主要举措\n{P}\n2146\n{P}\n"
    assert "2146" not in clean_text(text).text


# ------------------------------------------------------------------ indicators
def test_documents_to_be_issued_are_no_plan() -> None:
    got = _indicators("全年对各类合同协议和拟出台文件开展合法性审查84件,提出审查意见57条。\n")
    assert got["legal_reviews"] == 84


def test_a_plan_with_ni_is_still_a_plan() -> None:
    m = process_text("r", in_report("2024年拟开展法治培训6期。\n"))["metrics"]
    assert m.loc[m["raw"] == "6期", "kind"].tolist() == ["target"]


def test_legality_reviews_and_the_review_of_major_enforcement_decisions_add_up() -> None:
    # a 全年 total of one kind of review does not hold the other kind stated after it
    got = _indicators(
        "全年对各类合同协议和规范性文件开展合法性审查84件,提出审查意见57条。"
        "对重大行政执法决定开展法制审核39件,审核率100%。\n"
    )
    assert got["legal_reviews"] == 123


def test_reviews_of_one_list_are_parallel_kinds() -> None:
    got = _indicators(
        "全年对拟签订的合同协议18件、重大行政执法决定3件进行合法性审查,提出修改意见27条。\n"
    )
    assert got["legal_reviews"] == 21


def test_a_stated_total_of_both_kinds_still_holds_its_parts() -> None:
    got = _indicators(
        "全年共开展合法性审查和法制审核93件,其中重大执法决定法制审核58件、合同协议审查26份。\n"
    )
    assert got["legal_reviews"] == 93


def test_answers_to_information_requests_reviewed_for_legality_are_legal_reviews() -> None:
    got = _indicators("全年对拟出台的规范性文件、合同协议和信息公开答复等开展合法性审查112件。\n")
    assert got["legal_reviews"] == 112


def test_a_bare_case_filing_count_is_the_penalty_count_when_nothing_else_states_one() -> None:
    body = "全年受理投诉举报1,864件,经核查立案查处573件,结案541件,结案率94.4%。\n"
    assert _indicators(body)["admin_penalty_cases"] == 573


def test_a_bare_case_filing_count_gives_way_to_a_stated_penalty_count() -> None:
    body = (
        "全年共立案查处城市管理领域违法案件1286件。\n"
        "全年劝导纠正占道经营行为5400余起,对屡劝不改的依法立案查处238件。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 1286


# ------------------------------------------------------------------ metadata
def test_an_agency_named_with_its_citys_short_name() -> None:
    meta = infer_metadata(
        "成都住房公积金管理中心2024年度法治建设工作情况报告\n2024年,中心坚持依法行政。\n"
    )
    assert (meta.bureau, meta.jurisdiction, meta.city, meta.province, meta.level) == (
        "成都住房公积金管理中心",
        "成都市",
        "成都市",
        "四川省",
        "city",
    )


def test_a_title_naming_no_place_is_still_no_agency() -> None:
    meta = infer_metadata("关于2023年度法治政府建设情况的报告\n全市坚持依法行政。\n")
    assert meta.bureau == "" and meta.jurisdiction == ""


def test_a_governments_department_named_with_its_government() -> None:
    meta = infer_metadata(
        "合肥市人民政府国有资产监督管理委员会2023年法治政府建设情况报告\n2023年,我委坚持依法监管。\n"
    )
    assert (meta.bureau, meta.jurisdiction, meta.level) == (
        "合肥市人民政府国有资产监督管理委员会",
        "合肥市",
        "city",
    )


def test_a_governments_own_report_is_still_the_governments() -> None:
    meta = infer_metadata("合肥市人民政府2023年法治政府建设情况报告\n2023年,市政府坚持依法行政。\n")
    assert meta.bureau == "合肥市人民政府"


# ------------------------------------------------------------------ round 43
def test_a_thin_space_between_digit_groups_is_a_thousands_separator() -> None:
    got = _indicators(
        "全年承办12345热线工单58\u2009407件,办结率99.2%。组织执法人员培训12\u2009860人次。\n"
    )
    assert got["hotline_cases"] == 58407
    assert got["training_participants"] == 12860


def test_a_thin_space_before_a_month_is_no_separator() -> None:
    m = process_text("r", in_report("2024年\u200912月完成整改13件。\n"))["metrics"]
    assert m["raw"].tolist() == ["13件"]


def test_a_vertically_managed_agency_is_the_author_over_a_bureau_its_body_names() -> None:
    text = (
        "苏州市邮政管理局文件\n苏州市邮政管理局\n关于2024年度法治政府建设情况的报告\n"
        "2024年,我局依法履行邮政市场监管职责。与市公安局、市市场监管局建立案件移送机制。\n"
        "市市场监管局配合开展联合检查。市市场监管局通报情况。\n"
    )
    meta = infer_metadata(text)
    assert (meta.bureau, meta.jurisdiction) == ("苏州市邮政管理局", "苏州市")


def test_containers_counted_in_twenty_foot_units_are_a_quantity() -> None:
    m = process_text("r", in_report("全年监管进出口集装箱3.2万标箱。\n"))["metrics"]
    assert list(zip(m["raw"], m["value"], m["unit"], strict=True)) == [("3.2万标箱", 32000, "标箱")]


def test_a_channel_for_appeals_is_supervision_and_disputes() -> None:
    assert theme("畅通申诉渠道,依法维护用户合法权益") == "supervision_disputes"


def test_a_report_issued_with_a_cover_notice_is_published_on_the_notices_date() -> None:
    text = (
        "邵东市市场监督管理局\n关于印发《邵东市市场监督管理局2024年度法治政府建设工作报告》的通知\n"
        "各股室、各市场监管所：\n现将报告印发给你们，请认真抓好贯彻落实。\n2025年1月20日\n附件\n"
        "邵东市市场监督管理局2024年度法治政府建设工作报告\n2024年,我局坚持依法行政。\n"
    )
    meta = infer_metadata(text, {"signature_date": "2025-01-16"})
    assert meta.published == "2025-01-20"


def test_a_report_without_a_cover_notice_is_published_on_its_signature_date() -> None:
    text = "某县城市管理局2024年度法治政府建设工作报告\n2024年,我局坚持依法行政。\n2025年1月20日\n附件\n"
    assert infer_metadata(text, {"signature_date": "2025-01-16"}).published == "2025-01-16"


# ------------------------------------------------------------------ review of rounds 41-42
def test_review_a_marker_alone_with_no_title_below_keeps_its_section() -> None:
    long_title = "2023年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况"
    text = f"导语。\n一、主要举措\n{P}\n二、\n{long_title}\n{P}\n三、存在问题\n{P}\n"
    assert [m for _, m, _, _ in _outline(text)] == ["一、", "二、", "三、"]
    text = f"导语。\n一、\n(一)加强组织领导\n{P}\n(二)强化执法\n{P}\n二、存在问题\n{P}\n"
    assert [(lv, m) for lv, m, _, _ in _outline(text)] == [
        (1, "一、"),
        (2, "(一)"),
        (2, "(二)"),
        (1, "二、"),
    ]


def test_review_a_sentence_or_a_caption_below_a_marker_is_no_title() -> None:
    text = f"导语。\n二、\n全年共办理行政处罚案件120件。\n三、存在问题\n{P}\n"
    assert _outline(text)[0] == (1, "二、", "", False)
    text = f"导语。\n(一)加强组织领导,\n图1 组织架构\n{P}\n"
    assert _outline(text)[0][2] == "加强组织领导,"


def test_review_dingbat_items_beside_yi_headings_are_no_headings() -> None:
    text = (
        "导语。\n一、主要举措\n(一)加强执法\n1.专项整治。正文。\n❶违法建设治理。正文。\n"
        "❷市容秩序管理。正文。\n2.非现场执法。正文。\n(二)加强普法\n正文。\n"
    )
    assert [m for _, m, _, _ in _outline(text)] == ["一、", "(一)", "1.", "2.", "(二)"]


def test_review_part_labels_stand_above_yi_headings() -> None:
    text = (
        f"导语。\nPART 01 主要举措\n一、加强领导\n{P}\n二、严格执法\n{P}\nPART 02 存在问题\n{P}\n"
    )
    assert [(lv, m) for lv, m, _, _ in _outline(text)] == [
        (1, "PART 01"),
        (2, "一、"),
        (2, "二、"),
        (1, "PART 02"),
    ]


def test_review_a_board_read_label_over_value_pairs_each_label_with_its_own_figure() -> None:
    body = "立案查处案件（件）\n2146\n罚没款（万元）\n386.52\n法制审核事项（件）\n236\n执法人员培训（人次）\n2380\n"
    got = indicators(f"某局2024年法治政府建设年度报告\n导语。\n{body}一、主要举措\n正文。\n")
    assert got == {
        "admin_penalty_cases": 2146,
        "fines_yuan": 3865200,
        "legal_reviews": 236,
        "training_participants": 2380,
    }


def test_review_a_table_a_chart_axis_or_a_caption_is_no_board() -> None:
    head = "某局2024年法治政府建设年度报告\n一、主要举措\n全年办理行政处罚案件2146件。\n"
    for tail in (
        "项目\n2023年\n2024年\n行政处罚（件）\n1856\n2146\n罚没款（万元）\n320.5\n386.52\n",
        "图1\n2500\n2000\n1500\n行政处罚案件数量（件）\n",
        "2024\n行政处罚案件统计（件）\n",
    ):
        assert indicators(head + tail) == {"admin_penalty_cases": 2146}, tail


def test_review_a_board_restating_the_body_is_not_added_to_it() -> None:
    text = (
        "某局2024年法治政府建设年度报告\n导语。\n819\n简易程序案件（件）\n2100\n行政处罚案件（件）\n"
        "一、主要举措\n全年立案查处各类行政处罚案件2,146件。\n"
    )
    assert indicators(text)["admin_penalty_cases"] == 2146


def test_review_a_summed_total_in_a_list_still_holds_its_typed_part() -> None:
    assert _indicators("全年共立案查处违法案件1,426件、适用简易程序处罚案件926件。\n") == {
        "admin_penalty_cases": 1426
    }
    assert _indicators("全年罚没款合计86.5万元、罚款30万元。\n") == {"fines_yuan": 865000}


def test_review_ni_after_the_bureau_is_still_a_plan() -> None:
    body = "本年度修订规范性文件2件。目前,我局拟修订规范性文件5件,正在公开征求意见。\n"
    assert _indicators(body)["normative_documents_reviewed"] == 2


def test_review_disciplinary_cases_are_no_penalty_cases() -> None:
    for body in (
        "驻局纪律检查工作开展廉政谈话45人次,全年立案查处2件,给予党纪政务处分3人。\n",
        "对违反中央八项规定精神问题立案查处3件,处理5人。\n",
    ):
        assert "admin_penalty_cases" not in _indicators(body), body


def test_review_a_short_name_that_opens_another_word_is_no_city() -> None:
    for title in (
        "中山大学附属第一医院2023年度法治建设工作报告",
        "中山陵园管理局2023年法治建设报告",
        "吉林银保监局2023年法治政府建设年度报告",
        "新乡村振兴局2023年法治政府建设年度报告",
    ):
        assert infer_metadata(title + "\n正文。\n").jurisdiction == "", title


def test_review_a_marker_or_an_ordinal_before_a_year_is_no_cut_number() -> None:
    filler = "严格落实行政执法三项制度规范执法行为提升执法质效全面推进依法行政工作取得成效"
    lines = [
        filler[i : i + 35] if i % 2 else filler[i : i + 15] + "20231215" + filler[i + 15 : i + 31]
        for i in range(8)
    ]
    lines[4:4] = ["5.", "2024年重点任务推进情况"]
    cleaned = clean_text("\n".join(lines) + "\n").text
    assert "5.\n2024年重点任务推进情况" in cleaned


# ------------------------------------------------------------------ round 44
WECHAT_BARS = (
    f"南苑综合执法\n某街道2024年法治政府建设情况报告\n{P}\n"
    f"01｜强化组织领导，压实法治建设责任\n▶ 健全责任体系\n{P}\n▶ 抓实学法用法\n{P}\n"
    f"02丨深化改革赋能，推进“一支队伍管执法”\n▶ 承接赋权事项\n{P}\n▶ 强化协同联动\n{P}\n"
    f"03｜存在的问题\n{P}\n"
)


def test_part_numbers_with_a_bar_and_their_unnumbered_sub_headings() -> None:
    assert _outline(WECHAT_BARS) == [
        (1, "01", "强化组织领导，压实法治建设责任", False),
        (2, "", "健全责任体系", False),
        (2, "", "抓实学法用法", False),
        (1, "02", "深化改革赋能，推进“一支队伍管执法”", False),
        (2, "", "承接赋权事项", False),
        (2, "", "强化协同联动", False),
        (1, "03", "存在的问题", False),
    ]


def test_empowering_a_reform_is_not_digital() -> None:
    assert theme("深化改革赋能,推进“一支队伍管执法”") == "enforcement"
    assert theme("深化数字赋能,推进非现场执法") == "digital"


def test_documents_and_matters_reviewed_for_legality_are_legal_reviews() -> None:
    got = _indicators(
        "全年区政府合法性审查机构审查各类文件和事项365件,其中区政府常务会议议题94件、"
        "行政协议和合同218份、其他文件53件。\n"
    )
    assert got == {"legal_reviews": 365}


def test_ocrs_dash_for_the_numeral_one_is_a_damaged_first_marker() -> None:
    text = f"导语。\n－、主要工作及成效\n（—）强化组织保障\n{P}\n（二）抓实学法用法\n{P}\n二、存在的问题\n{P}\n"
    assert _outline(text) == [
        (1, "一、", "主要工作及成效", True),
        (2, "(一)", "强化组织保障", True),
        (2, "(二)", "抓实学法用法", False),
        (1, "二、", "存在的问题", False),
    ]


def test_a_dash_later_in_the_outline_is_no_marker() -> None:
    text = f"导语。\n一、主要工作\n{P}\n—、以上为补充说明\n{P}\n"
    assert [m for _, m, _, _ in _outline(text)] == ["一、"]


# ------------------------------------------------------------------ round 45
def test_a_count_per_month_is_a_frequency_not_the_years_count() -> None:
    got = _indicators(
        "全年开展“城管进社区”普法宣传活动56场次。\n各执法大队每月深入商户开展普法2至3次。\n"
    )
    assert got["publicity_events"] == 56


TABLE = (
    "表1  主要执法数据\n┌────┬────┬────┐\n│项目│2023年│2022年│\n├────┼────┼────┤\n"
    "│行政处罚案件│1,268件│1,102件│\n│罚没款│386.52万元│341.07万元│\n└────┴────┴────┘\n"
)


def test_a_drawn_tables_cells_have_their_rows_label_for_subject() -> None:
    m = process_text("r", in_report(TABLE))["metrics"]
    assert list(zip(m["raw"], m["subject"], strict=True))[:2] == [
        ("1,268件", "行政处罚案件"),
        ("1,102件", "行政处罚案件"),
    ]


def test_a_drawn_table_restates_the_body_and_a_two_year_row_gives_no_figure() -> None:
    got = _indicators(f"全年办理行政处罚案件1,268件,罚没款386万余元。\n{TABLE}")
    assert got == {"admin_penalty_cases": 1268, "fines_yuan": 3865200}  # the table's exact
    # without the header: this year's and last year's, which is which is unsaid (session 10:
    # under a header naming the years, the report's year's column counts)
    assert _indicators(TABLE.replace("│项目│2023年│2022年│\n", "")) == {}


def test_emoji_before_a_heading_and_keycap_digits() -> None:
    text = (
        f"导语。\n🔷一、强化组织领导\n1\ufe0f\u20e3党组统筹谋划\n{P}\n2\ufe0f\u20e3带头述法\n{P}\n"
        f"🔷二、存在的问题\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一、", "强化组织领导", False),
        (2, "1.", "党组统筹谋划", False),
        (2, "2.", "带头述法", False),
        (1, "二、", "存在的问题", False),
    ]


def test_documents_sent_to_the_legal_office_for_review_are_legal_reviews() -> None:
    body = "局机关拟出台的文件、拟签订的合同一律先送法制科和法律顾问审查,全年审查37件,提出修改意见58条。\n"
    assert _indicators(body) == {"legal_reviews": 37}


def test_a_clean_up_of_the_documents_in_force_counts_normative_documents() -> None:
    body = "同步对本局制发的现行有效文件开展专项清理,共清理35件,其中保留28件、修改5件、废止2件。\n"
    assert _indicators(body) == {"normative_documents_reviewed": 35}


# ------------------------------------------------------------------ review of rounds 43-44
BOARD = "数说2024\n2146\n立案查处案件（件）\n386.52\n罚没款（万元）\n1058\n非现场执法案件（件）\n"


def test_review2_a_board_with_a_stray_number_after_it_is_still_read() -> None:
    text = f"某局2024年法治政府建设年度报告\n导语。\n{BOARD}2\n一、主要工作\n正文。\n"
    assert indicators(clean_text(text).text) == {
        "admin_penalty_cases": 2146,
        "fines_yuan": 3865200,
        "digital_cases": 1058,
    }


def test_review2_documents_to_be_issued_that_were_reviewed_are_no_plan() -> None:
    assert _indicators("全年审查拟签订合同45件。\n") == {"legal_reviews": 45}
    got = _indicators("全年前置审核拟出台文件17件,备案审查报备文件42件。\n")
    assert got["normative_documents_reviewed"] == 59


def test_review2_a_bare_case_count_beside_the_police_or_a_crime_is_still_a_penalty_count() -> None:
    for body in (
        "全年立案查处573件,其中移送涉嫌犯罪案件2件。\n",
        "联合公安、市场监管等部门开展占道经营专项整治,全年立案查处573件。\n",
        "转变工作作风,全年立案查处573件,罚款42万元。\n",
    ):
        assert _indicators(body)["admin_penalty_cases"] == 573, body


def test_review2_kinds_reviewed_in_one_list_add_up_after_gong() -> None:
    assert _indicators("全年共审查合同协议18件、重大行政执法决定3件,提出意见40条。\n") == {
        "legal_reviews": 21
    }


def test_review2_a_board_beats_a_fields_last_resort_count() -> None:
    text = (
        "某局2024年法治政府建设年度报告\n导语。\n2146\n行政处罚案件（件）\n386.52\n罚没款（万元）\n"
        "一、主要工作\n开展建筑垃圾专项整治,立案查处违规倾倒建筑垃圾案件19件。\n"
    )
    assert indicators(text)["admin_penalty_cases"] == 2146


def test_review2_a_boards_rate_is_the_first_stated() -> None:
    text = (
        "某局报告\n导语。\n2146\n立案查处案件（件）\n99.2\n12345工单办结率（%）\n"
        "一、主要工作\n全年结案率98.5%。\n12345工单办结率99.2%。\n"
    )
    assert indicators(text)["completion_rate"] == 99.2


def test_review2_numbered_rows_with_bars_and_key_figures_are_no_parts() -> None:
    for rows in (
        "01｜行政处罚案件｜1468\n02｜罚没款（万元）｜386\n03｜普法活动（场次）｜36\n",
        "01丨立案查处案件1468件\n02丨罚没款386万元\n03丨普法活动36场次\n",
    ):
        assert _outline(f"导语。\n{P}\n{rows}{P}\n") == [], rows


def test_review2_prompts_and_captions_under_parts_are_no_sub_headings() -> None:
    text = (
        f"导语。\nPART 01\n强化组织领导\n{P}\n▶ 点击查看往期回顾\n{P}\nPART 02\n严格执法\n{P}\n"
        f"▶ 点击阅读原文\n{P}\n▶ 往期推荐\n{P}\nPART 03\n存在问题\n{P}\n"
    )
    assert [lv for lv, _, _, _ in _outline(text)] == [1, 1, 1]
    text = (
        f"导语。\n{P}\n01 强化组织领导\n{P}\n执法队员入户宣传政策\n{P}\n02 严格执法\n{P}\n"
        f"执法队员开展夜间巡查\n{P}\n城管队员清理小广告\n{P}\n03 存在问题\n{P}\n"
    )
    assert [lv for lv, _, _, _ in _outline(text)] == [1, 1, 1]


def test_review2_dingbats_are_headings_in_a_part_without_yi_even_if_another_has_one() -> None:
    text = (
        f"导语。\n一、主要工作\n❶严格规范执法\n{P}\n❷深化普法宣传\n{P}\n二、存在问题\n{P}\n"
        f"三、下一步工作计划\n（一）加强队伍建设\n{P}\n"
    )
    assert [m for _, m, _, _ in _outline(text)] == ["一、", "❶", "❷", "二、", "三、", "(一)"]


def test_review2_the_opening_sentences_bureau_is_the_author() -> None:
    text = (
        "关于2024年度法治政府建设情况的报告\n2024年,无锡市城市管理局坚持依法行政。\n一、主要工作\n"
        "会同无锡市气象局开展工作。与无锡市气象局联合执法。联合无锡市气象局检查。\n"
    )
    assert infer_metadata(text).bureau == "无锡市城市管理局"


def test_review2_a_short_city_name_before_an_agency_the_lexicon_does_not_list() -> None:
    meta = infer_metadata("厦门港口管理局2024年法治政府建设年度报告\n正文。\n")
    assert (meta.bureau, meta.jurisdiction) == ("厦门港口管理局", "厦门市")


def test_review2_documents_and_other_matters_reviewed_are_legal_reviews() -> None:
    body = "全年共审查各类文件和其他事项365件,提出意见120条。\n"
    assert _indicators(body) == {"legal_reviews": 365}


def test_review2_page_numbers_over_captions_are_no_board() -> None:
    text = f"某局报告\n一、主要工作\n{P}\n3\n图1 案件数量（件）\n4\n图2 罚没款（万元）\n"
    m = process_text("r", text)["metrics"]
    assert m["raw"].tolist() == ["120件", "36.5万元"]


# ------------------------------------------------------------------ round 46
def test_off_site_cases_are_the_digital_count_over_a_platforms_intake() -> None:
    body = (
        "依托数字化城市管理平台,全年立案数字城管案件64,318件,结案63,702件。\n"
        "在重点路段新增智能识别点位120个,实施非现场执法,全年办理非现场执法案件438件。\n"
    )
    assert _indicators(body)["digital_cases"] == 438
    body = (
        "依托区数字城管平台,全年受理各类城市管理问题4.9万余件,均按流程派遣处置。"
        "通过非现场执法方式查处违法停车、占道经营等行为617件。\n"
    )
    assert _indicators(body)["digital_cases"] == 617


def test_a_platforms_intake_is_the_digital_count_when_no_off_site_cases_are_given() -> None:
    body = "全年智慧城管平台立案处置问题4.7万件,其中依托视频智能识别发现的问题约占38%。\n"
    assert _indicators(body)["digital_cases"] == 47000


# ------------------------------------------------------------------ review of rounds 45-46
def test_review3_a_named_program_or_a_date_with_mei_is_no_frequency() -> None:
    assert _indicators("开展“每月一法”普法宣传活动12场次。\n")["publicity_events"] == 12
    assert _indicators("全年每月开展普法宣传活动共计48场次。\n")["publicity_events"] == 48
    assert "publicity_events" not in _indicators("各执法大队每个月开展普法宣传2至3次。\n")


def test_review3_a_tables_label_is_its_first_cell_that_is_no_number() -> None:
    rows = (
        "│序号│项目│2023年│\n│1│行政处罚案件│1,268件│\n│2│罚没款│386.52万元│\n│3│法治培训│12期│\n"
    )
    got = _indicators(rows)
    assert got["admin_penalty_cases"] == 1268 and got["fines_yuan"] == 3865200
    rows = "┃项目┃2023年┃\n┃行政处罚案件┃1,268件┃\n┃罚没款┃386.52万元┃\n"
    assert _indicators(rows) == {"admin_penalty_cases": 1268, "fines_yuan": 3865200}


def test_review3_a_cells_label_is_its_clause() -> None:
    rows = "│培训类别│期数│人次│\n│法律知识专题培训│6期│540人次│\n│执法业务培训│4期│386人次│\n"
    got = _indicators(rows)
    assert got["training_sessions"] == 10 and got["training_participants"] == 926


def test_review3_a_fallback_in_the_body_stays_when_the_table_gives_nothing() -> None:
    body = (
        "依托数字城管平台,全年立案数字城管案件64,318件。\n"
        "│非现场执法案件│438件│301件│\n"  # (no header naming the years: which is this year's?)
    )
    assert _indicators(body)["digital_cases"] == 64318


def test_review3_an_approximate_figure_is_replaced_only_by_a_cell_above_its_floor() -> None:
    body = (
        "全年办理行政处罚案件1,268件,罚没款350余万元。\n│项目│2022年│2023年│\n"
        "│行政处罚案件│1,102件│1,268件│\n│罚没款│341.07万元│352.10万元│\n"
    )
    assert _indicators(body)["fines_yuan"] == 3521000


def test_review3_a_page_number_before_a_board_stands_alone() -> None:
    text = (
        "某局2024年法治政府建设年度报告\n导语。\n3\n立案查处案件(件)\n2146\n罚没款(万元)\n386.52\n"
        "非现场执法案件(件)\n1058\n一、主要工作\n正文。\n"
    )
    assert indicators(clean_text(text).text) == {
        "admin_penalty_cases": 2146,
        "fines_yuan": 3865200,
        "digital_cases": 1058,
    }


def test_review3_acts_dealt_with_on_site_are_no_digital_cases() -> None:
    for body in (
        "在推行非现场执法的同时,全年现场查处占道经营、违规停车等行为1,200起。\n",
        "计划明年全面推行非现场执法,本年度查处违法停车行为3,000起。\n",
    ):
        assert "digital_cases" not in _indicators(body), body


def test_review3_a_plan_after_a_review_is_still_a_plan() -> None:
    for body in (
        "针对执法案卷审查发现的问题拟开展专题培训2期。\n",
        "完成合法性审核后拟出台规范性文件3件。\n",
    ):
        assert _indicators(body) == {}, body


def test_review3_the_polices_criminal_cases_are_no_penalty_cases() -> None:
    for body in (
        "全年共受理刑事案件320起,立案查处287起,破获256起。\n",
        "深入开展打击电信网络诈骗犯罪专项行动,全年立案查处45起,抓获犯罪嫌疑人60名。\n",
    ):
        assert "admin_penalty_cases" not in _indicators(body), body


def test_review3_case_files_reviewed_by_the_legal_office_are_no_legal_reviews() -> None:
    assert "legal_reviews" not in _indicators("执法案卷由法制科统一审查,全年审查1,200件。\n")


def test_review3_part_titles_with_names_and_hotlines_are_still_parts() -> None:
    text = (
        f"导语。\n{P}\n01 坚持党建引领\n{P}\n02 推行“721”工作法\n{P}\n03 用心办好12345热线诉求\n"
        f"{P}\n04 规范执法丨提升执法质效\n{P}\n05 存在的问题\n{P}\n"
    )
    assert [m for _, m, _, _ in _outline(text)] == ["01", "02", "03", "04", "05"]


def test_review3_sub_headings_under_parts_whose_titles_stand_below_their_labels() -> None:
    text = (
        f"{P}\nPART 01\n强化组织领导\n健全学法制度\n{P}\n回应群众关注\n{P}\n规范执法流程\n"
        f"{P}\nPART 02\n严格执法\n{P}\nPART 03\n存在问题\n{P}\n"
    )
    assert [h for _, _, h, _ in _outline(text)][:4] == [
        "强化组织领导",
        "健全学法制度",
        "回应群众关注",
        "规范执法流程",
    ]
    text = (
        f"导语。\nPART 01\n强化组织领导\n{P}\n执法队员入户宣传政策\n{P}\nPART 02\n严格执法\n{P}\n"
        f"执法队员开展夜间巡查\n{P}\n城管队员清理小广告\n{P}\nPART 03\n存在问题\n{P}\n"
    )
    assert [lv for lv, _, _, _ in _outline(text)] == [1, 1, 1]


def test_review3_a_superior_in_the_opening_sentence_is_not_the_author() -> None:
    text = (
        "关于2023年度法治政府建设情况的报告\n根据无锡市司法局《关于做好2023年度法治政府建设年度报告"
        "工作的通知》要求,现将有关情况报告如下。\n一、主要工作\n全年办理案件120件。\n"
        "江阴市城市管理局坚持依法行政。江阴市城市管理局开展培训。\n"
    )
    assert infer_metadata(text).bureau.endswith("江阴市城市管理局")


def test_review3_courts_and_railways_named_with_a_short_city_are_no_agencies() -> None:
    for title in ("杭州互联网法院2023年度法治建设工作报告", "南昌铁路局2023年法治报告"):
        assert infer_metadata(title + "\n正文。\n").jurisdiction == "", title


def test_review3_keycap_ten_and_a_keycap_before_a_measure_word() -> None:
    items = "".join(f"{n}\ufe0f\u20e3要点{n}\n{P}\n" for n in range(1, 10))
    text = f"导语。\n一、主要工作\n{items}\U0001f51f要点10\n{P}\n"
    assert [m for _, m, _, _ in _outline(text)][-2:] == ["9.", "10."]
    text = f"导语。\n一、主要工作\n3\ufe0f\u20e3个中队全年开展夜查行动56次。\n{P}\n"
    assert [m for _, m, _, _ in _outline(text)] == ["一、"]
