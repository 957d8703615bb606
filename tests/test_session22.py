"""Session 22: rules from review rv38's leftovers and held-out rounds 115 and later, each with
a hand-made input."""

from __future__ import annotations

from pathlib import Path

import pytest
from snippets import in_report, indicators, outline, report_indicators, theme

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.manifest import validate_raw
from analysis.metadata import infer_metadata


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ whose year, which rate
def test_a_clause_of_an_earlier_years_work_is_not_the_years() -> None:
    got = report_indicators(
        "2022年举办行政执法人员培训班5期，2023年举办行政执法人员培训班8期，两年共计13期。\n"
    )
    assert got["training_sessions"] == 8


def test_a_clause_of_the_reports_own_year_counts() -> None:
    # the guard: the report's year (2023) opening a clause is the year's work
    got = report_indicators("2023年举办行政执法人员培训班8期，培训执法人员420人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (8, 420)


def test_an_earlier_year_as_a_point_in_time_is_no_earlier_years_work() -> None:
    # 2022年12月至2023年11月 spans the report's year: its figures are the year's
    got = report_indicators("2022年12月至2023年11月，共举办行政执法人员培训班6期。\n")
    assert got["training_sessions"] == 6


def test_a_bound_gives_way_to_the_rate_stated() -> None:
    got = report_indicators("案件结案率≥95%，群众满意率≥90%，全年案件结案率96.8%。\n")
    assert got["completion_rate"] == 96.8
    got = report_indicators("要求案件结案率不低于95%，全年案件结案率达到97.2%。\n")
    assert got["completion_rate"] == 97.2


def test_a_bound_alone_is_still_the_rate_stated() -> None:
    got = report_indicators("全年办结案件312件，案件结案率≥95%。\n")
    assert got["completion_rate"] == 95


# ------------------------------------------------------------------ pages: dates and lists
def _meta(text: str) -> dict[str, str]:
    cleaned = clean_text(text)
    got = infer_metadata(cleaned.text, cleaned.metadata)
    return {"year": got.year, "published": got.published}


_BODY = (
    "　　2024年，我局坚持以习近平法治思想为指导，全面推进城市管理领域法治建设，各项工作取得新成效。\n"
    "　　一、主要成效\n"
    "　　全年立案查处各类违法案件2,146件，罚没款286.37万元，结案率97.7%。\n"
    "　　二、存在问题\n　　执法队伍专业化水平仍需提升。\n"
)


def test_a_news_sites_post_line_with_its_source_gives_the_published_date() -> None:
    text = (
        "澎湃号 > 政务\n某县医疗保障局2024年度法治政府建设工作情况报告\n某县医保\n原创\n"
        "2025-01-26 10:18 来源：澎湃新闻·澎湃号·政务\n字号\n\n"
        "某县医疗保障局2024年度法治政府建设工作情况报告\n\n" + _BODY
    )
    assert _meta(text)["published"] == "2025-01-26"
    rules = dict(
        zip(clean_text(text).removed["text"], clean_text(text).removed["rule"], strict=False)
    )
    assert rules["2025-01-26 10:18 来源：澎湃新闻·澎湃号·政务"] == "metadata_date"


def test_a_toutiao_post_line_naming_its_account_gives_the_published_date() -> None:
    text = (
        "某区城管\n1.3万粉丝\n某区城市管理局2023年法治政府建设年度报告\n"
        "原创 · 2024-02-06 09:47 · 某区城管 · 发布于辽宁\n\n" + _BODY.replace("2024年", "2023年")
    )
    assert _meta(text)["published"] == "2024-02-06"


def test_a_list_of_other_posts_above_the_report_gives_neither_year_nor_date() -> None:
    text = (
        "某区人民政府\n首页 | 政务公开 | 办事服务 | 互动交流\n当前位置：首页 > 政务公开 > 部门信息\n\n"
        "热点推荐\n某区城市管理局2023年法治政府建设年度报告\n2024-01-25\n"
        "某区城市管理局2022年法治政府建设年度...\n2023-02-08\n"
        "某区生态环境局2024年法治政府建设年度报告\n2025-01-20\n更多>>\n\n"
        "发文机关：某区城市管理局\n成文日期：2025-01-21　　发布日期：2025-01-24\n"
        "某区城市管理局2024年法治政府建设年度报告\n来源：某区城市管理局　　浏览次数：917\n\n"
        + _BODY
    )
    assert _meta(text) == {"year": "2024", "published": "2025-01-24"}
    cleaned = clean_text(text)
    assert "热点推荐" not in cleaned.text and "2023年法治政府建设年度报告" not in cleaned.text


def test_a_typed_table_of_contents_without_pages_is_no_second_outline() -> None:
    heads = [
        "一、主要工作及成效",
        "（一）坚持党建引领，压实法治建设责任",
        "（二）抓实学法用法，提升干部职工法治素养",
        "二、存在的问题和不足",
        "三、2025年工作计划",
    ]
    para = "　　全年围绕中心工作扎实推进各项任务落实，建立健全工作台账，确保各项措施落地见效。\n"
    body = "".join(f"{h}\n{para}" for h in heads)
    toc = (
        "目　录\n"
        + "".join(f"{h}\n" for h in heads[:2])
        + "（二）抓实学法用法\n"
        + "".join(f"{h}\n" for h in heads[3:])
    )
    text = "某县机关事务管理局2024年度法治政府建设工作情况报告\n\n" + toc + "\n\n" + body
    got = outline(clean_text(text).text)
    assert [(lv, mk) for lv, mk, _, _ in got] == [
        (1, "一、"),
        (2, "(一)"),
        (2, "(二)"),
        (1, "二、"),
        (1, "三、"),
    ]


def test_a_list_of_headings_under_a_contents_label_that_do_not_recur_stays() -> None:
    # the guard: headings right after 目录 that stand nowhere further down are the outline
    text = (
        "某局2024年度法治政府建设工作情况报告\n目录\n一、主要工作\n二、存在问题\n三、工作计划\n"
        "　　全年围绕中心工作扎实推进各项任务落实，建立健全工作台账，确保各项措施落地见效。\n"
    )
    assert [mk for _, mk, _, _ in outline(clean_text(text).text)][:3] == ["一、", "二、", "三、"]


# ------------------------------------------------------------------ units and slips
def test_machine_shifts_and_test_questions_are_units() -> None:
    got = _raws("累计出动清雪机械1.36万台班，编写应知应会题库420道，整治背街小巷3条道路。\n")
    assert got["1.36万台班"] == (13600, "台班")
    assert got["420道"] == (420, "道")
    assert "3条" in got and "3条道" not in got


def test_a_road_is_no_count_of_questions() -> None:
    got = _raws("新建人行步道2道路口，设置3道防线。\n")
    assert "2道" not in got
    assert got["3道"] == (3, "道")


def test_an_input_methods_slips_are_read_as_the_words_meant() -> None:
    got = report_indicators(
        "全年共查处行政处法案件3862件，结案律98.6%。办理行政复义案件5件、行政诉送案件3件。"
        "举办法治陪训14期，合法性审察143件。\n"
    )
    assert got["admin_penalty_cases"] == 3862
    assert got["completion_rate"] == 98.6
    assert got["admin_reconsideration_cases"] == 5
    assert got["admin_litigation_cases"] == 3
    assert got["training_sessions"] == 14


def test_a_slip_keeps_what_the_report_wrote_in_the_tables() -> None:
    m = process_text("r", in_report("办理行政复义案件5件。\n"))["metrics"]
    row = m[m["raw"] == "5件"].iloc[0]
    assert "复义" in row["sentence"] and row["indicator"] == "admin_reconsideration_cases"


def test_a_slip_and_its_word_must_be_of_one_length(tmp_path) -> None:
    bad = tmp_path / "input_slips.tsv"
    bad.write_text("# slips\nslip\tword\tnote\n复义\t行政复议\t\n", encoding="utf-8")
    from analysis.metrics import _slips

    with pytest.raises(ValueError, match="same length"):
        _slips(str(bad))


# ------------------------------------------------------------------ money and zeros
def test_recovered_funds_lumped_with_fines_are_no_fines() -> None:
    got = report_indicators(
        "全年追回医保基金、收取违约金及罚款合计406.52万元，其中追回医保基金357.46万元、"
        "收取违约金42.78万元、罚款6.28万元。\n"
    )
    assert got["fines_yuan"] == 62800


def test_a_years_none_of_penalties_and_coercion_is_a_stated_zero() -> None:
    got = report_indicators(
        "我局执法事项主要为节能监督检查，2023年未作出行政处罚和行政强制决定，问题均责令改正。\n"
    )
    assert got["admin_penalty_cases"] == 0


# ------------------------------------------------------------------ whose trainees
def test_the_towns_own_teams_trained_are_not_the_bureaus_staff() -> None:
    got = report_indicators(
        "全年举办干部职工法治专题培训9期、培训726人次。为全区各镇街综合行政执法大队举办业务专题培训6期，"
        "培训镇街执法人员430人次。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (9, 726)


def test_the_counties_staff_trained_or_sent_to_a_course_are_not_the_bureaus() -> None:
    got = report_indicators(
        "全年举办局机关干部法治专题培训5期，参训干部职工312人次。举办全市信访系统专题培训班3期，"
        "对各县（市、区）信访局业务骨干、乡镇（街道）信访干部进行全员轮训，培训640余人次；"
        "组织各县（市、区）信访局分管负责同志和业务骨干47人参加省信访局举办的专题培训。\n"
    )
    assert got["training_participants"] == 312
    got = report_indicators(
        "全年举办执法业务培训共5期，参训干部职工216人次。举办业务培训班2期，"
        "培训各县（区）金融工作部门、管委会相关人员160余人次。\n"
    )
    assert got["training_participants"] == 216


def test_the_units_energy_managers_trained_are_not_the_bureaus_staff() -> None:
    got = report_indicators(
        "举办干部职工法治专题培训5期，参训231人次。为全县公共机构节能管理员举办能耗统计业务培训班2期，"
        "培训各单位节能管理员196人次。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (5, 231)


# ------------------------------------------------------------------ themes
def test_themes_of_a_financial_bureaus_and_a_petitions_bureaus_headings() -> None:
    assert theme("纵深推进防范和处置非法集资") == "enforcement"
    assert theme("带头接访化解疑难问题") == "supervision_disputes"
    assert theme("抓实学法用法，增强信访干部法治素养") == "study_training"


def test_a_text_browsers_search_box_is_no_body_and_its_sidebars_date_line_is_read() -> None:
    text = (
        "[logo] [title]                           无障碍浏览 | 长者模式\n"
        "站内搜索：[                              ][搜索]\n"
        "当前位置：首页 > 政务公开 > 部门报告\n\n"
        "法治政府建设               某市信访局2022年法治政府建设年度报告\n"
        "工作动态\n"
        "政策法规         发布时间：2023-02-21 09:48　来源：市信访局　浏览次数：1637\n\n"
        + _BODY.replace("2024年", "2022年")
        + "\n　　某市信访局\n　　2023年2月17日\n"
    )
    assert _meta(text)["published"] == "2023-02-21"


# ------------------------------------------------------------------ review rv39
def test_review_rv39_a_titles_range_of_years_or_a_publication_year_leaves_the_years_work() -> None:
    text = (
        "关于贯彻落实《法治政府建设实施纲要（2021-2025年）》的情况报告\n一、主要举措\n"
        "2023年共查处违法案件128件，罚没款56.3万元。2023年组织执法人员培训4期，培训210人次。"
        "2023年受理行政复议案件1件。\n二、存在问题\n不足。\n"
    )
    got = indicators(text)
    assert (got["admin_penalty_cases"], got["training_sessions"]) == (128, 4)
    assert got["admin_reconsideration_cases"] == 1
    text = (
        "某区司法局2024年法治政府建设工作报告\n一、主要举措\n2023年，我局全面推进依法行政。"
        "2023年受理行政复议案件45件，2023年组织执法培训6期。\n二、存在问题\n2023年工作仍有不足。\n"
    )
    got = indicators(text)
    assert (got["admin_reconsideration_cases"], got["training_sessions"]) == (45, 6)


def test_review_rv39_cases_opened_last_year_and_closed_this_year_are_the_years() -> None:
    got = report_indicators("2022年受理、2023年审结行政复议案件3件，均维持原行政行为。\n")
    assert got["admin_reconsideration_cases"] == 3


def test_review_rv39_confiscated_income_and_fines_together_are_fines() -> None:
    got = report_indicators("全年依法没收、追缴违法所得和罚款共计86.5万元。\n")
    assert got["fines_yuan"] == 865000
    got = report_indicators("追回拖欠罚款和罚没款共计23万元。\n")
    assert got["fines_yuan"] == 230000


def test_review_rv39_an_earlier_years_none_is_not_the_years_zero() -> None:
    got = report_indicators(
        "2022年未作出行政处罚决定，2023年对一家违法单位依法作出行政处罚决定，处罚款2万元。\n"
    )
    assert "admin_penalty_cases" not in got


def test_review_rv39_a_channels_name_above_the_title_is_no_list_of_posts() -> None:
    text = (
        "XX县人民政府\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进XX\n最新发布\n"
        "XX县自然资源局2023年度法治政府建设情况报告\n2024-01-25\n"
        + _BODY.replace("2024年", "2023年")
    )
    assert _meta(text)["published"] == "2024-01-25"
    assert "XX县自然资源局2023年度法治政府建设情况报告" in clean_text(text).text


def test_review_rv39_a_list_of_posts_right_above_the_title_leaves_the_title() -> None:
    text = (
        "XX市医疗保障局\n热点推荐\n我市召开2024年医保工作会议\n2024-01-22\n"
        "市医保局开展打击欺诈骗保专项行动\n2024-01-18\n"
        "XX市医疗保障局2023年度法治政府建设情况报告\n2024-01-25\n"
        + _BODY.replace("2024年", "2023年")
    )
    assert _meta(text) == {"year": "2023", "published": "2024-01-25"}
    cleaned = clean_text(text).text
    assert "XX市医疗保障局2023年度法治政府建设情况报告" in cleaned and "专项行动" not in cleaned


def test_review_rv39_the_bureaus_own_liaison_officers_and_branches_are_its_staff() -> None:
    got = report_indicators("举办局机关各科室、局属各单位法治联络员培训班2期，培训86人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (2, 86)
    got = report_indicators(
        "对各县（市、区）分局执法人员进行执法业务轮训6期；组织各县（市、区）分局执法骨干120人参加省厅培训。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (6, 120)


def test_review_rv39_an_achievements_bound_is_the_rate() -> None:
    got = report_indicators("全年案件结案率高于98%，全市平均结案率为93.5%。\n")
    assert got["completion_rate"] == 98


def test_review_rv39_a_slip_that_opens_a_word_is_no_slip() -> None:
    got = report_indicators(
        "全年办理法律援助案件1860件，及时结案律师补贴发放率100%。"
        "全年受理行政复议案件52件，审结48件，结案率92.3%。\n"
    )
    assert got["completion_rate"] == 92.3


def test_review_rv39_the_bodys_first_heading_below_a_typed_contents_stays() -> None:
    text = (
        "XX市交通运输局2023年度法治政府建设情况报告\n目录\n（一）严格规范执法\n（二）加强执法培训\n"
        "（三）依法化解矛盾\n（四）强化普法宣传\n一、主要举措和成效\n（一）严格规范执法\n"
        "全年共查处交通运输违法案件632件，罚款金额286.5万元。\n（二）加强执法培训\n"
        "全年举办执法人员培训班6期，培训执法人员420人次。\n（三）依法化解矛盾\n全年受理行政复议案件3件。\n"
        "（四）强化普法宣传\n全年开展普法宣传活动12场次。\n二、2024年工作打算\n继续努力。\n"
    )
    got = outline(clean_text(text).text)
    assert [(lv, mk) for lv, mk, _, _ in got][:2] == [(1, "一、"), (2, "(一)")]
    assert len(got) == 6


# ------------------------------------------------------------------ rounds 117 and 118
def test_the_counties_departments_opening_a_later_clause_are_not_the_bureau() -> None:
    got = report_indicators(
        "全年立案查处粮食流通领域违法违规案件14件，罚没款10.21万元。"
        "加强对县（区）执法工作的指导，全年各县（区）粮食和物资储备部门共查处粮食流通领域违法案件26件，罚款14.6万元。\n"
    )
    assert (got["admin_penalty_cases"], got["fines_yuan"]) == (14, 102100)


def test_tents_and_quilts_are_counted() -> None:
    got = _raws("储备帐篷1500顶、棉被8000床，新增床位200张。\n")
    assert got["1500顶"] == (1500, "顶")
    assert got["8000床"] == (8000, "床")
    assert got["200张"] == (200, "张") and "200床" not in got


def test_headings_a_pdf_doubled_to_make_them_bold_are_read_once() -> None:
    text = (
        "某某县县城城市市管管理理局局\n22002244年年度度法法治治政政府府建建设设工工作作情情况况\n"
        "一一、、主主要要工工作作及及成成效效\n"
        "（（一一））坚坚持持党党建建引引领领，，压压实实法法治治建建设设责责任任\n"
        "全年召开党组会专题研究法治建设4次，常常深入一线调研。\n"
        "11..抓抓实实行行政政执执法法““三三项项制制度度””。。全年公示执法信息1,286条。\n"
        "二二、、存存在在的的问问题题\n执法队伍专业化水平仍需提升。\n"
    )
    cleaned = clean_text(text)
    assert "一、主要工作及成效" in cleaned.text
    assert "常常深入一线调研" in cleaned.text  # a word's own doubled character stays
    assert "1.抓实行政执法“三项制度”。全年公示执法信息1,286条。" in cleaned.text
    got = outline(cleaned.text)
    assert [(lv, mk) for lv, mk, _, _ in got] == [(1, "一、"), (2, "(一)"), (3, "1."), (1, "二、")]
    assert set(cleaned.removed.loc[cleaned.removed["line_no"] == 3, "rule"]) == {
        "doubled_characters"
    }


def test_a_total_is_the_first_parts_after_it_that_add_up_to_it() -> None:
    got = report_indicators(
        "全年共立案查处违反城市管理法律法规的案件612件，较上年的536件增加76件，增长14.2%；"
        "其中适用简易程序418件，适用一般程序194件。共处罚款78.36万元。年底前已办结597件，结案率为97.5%；"
        "当事人逾期不履行处罚决定的4件，已依法向县人民法院申请强制执行。\n"
    )
    assert got["admin_penalty_cases"] == 612


def test_the_whole_a_share_is_of_is_no_off_site_count() -> None:
    got = report_indicators("全年74件非现场执法案件仅占全部612件案件的12.1%。\n")
    assert got["digital_cases"] == 74


def test_cases_against_a_named_law_are_penalty_cases() -> None:
    got = report_indicators(
        "全年共立案查处违反防震减灾法律法规案件3件（2022年为1件），均已结案。\n"
    )
    assert got["admin_penalty_cases"] == 3


def test_other_bodies_staff_named_with_a_count_or_as_window_staff_are_not_the_bureaus() -> None:
    got = report_indicators(
        "全年举办干部职工法治培训6期，参训168人次。对10个县（区）防震减灾工作部门分管负责人、"
        "业务骨干和部分乡镇（街道）防震减灾助理员共117人进行集中培训。\n"
    )
    assert got["training_participants"] == 168
    got = report_indicators(
        "举办法治专题培训班7期，干部职工参训468人次。对进驻市民之家的41个部门（单位）窗口工作人员开展"
        "规范化培训9场，培训1060余人次；对7个县（市、区）政务服务中心负责人、业务骨干开展业务轮训2期、215人次。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (7, 468)


def test_papers_of_cases_read_are_no_cases() -> None:
    got = report_indicators(
        "亲自审阅重要涉法文件和复议应诉案件材料13件。全年新收行政诉讼案件2件，驳回1件、撤回起诉1件。\n"
    )
    assert got["admin_litigation_cases"] == 2


def test_a_date_line_with_its_source_below_other_text_gives_the_published_date() -> None:
    text = (
        "1/14\n2023 海珠城管 法治答卷\n点击查看\n1,286\n件\n立案查处\n阅读原文：https://example.gov.cn/post.html\n\n"
        "某区城市管理和综合执法局2023年法治政府建设年度报告\n\n"
        "发布日期：2024-01-26　　来源：某区城市管理和综合执法局\n\n"
        + _BODY.replace("2024年", "2023年")
        + "\n某区城市管理和综合执法局\n2024年1月22日\n"
    )
    assert _meta(text)["published"] == "2024-01-26"


def test_an_online_editors_export_footer_leaves_the_signature() -> None:
    text = (
        "# 某市城市管理局2022年度法治政府建设工作报告\n\n"
        + _BODY.replace("2024年", "2022年")
        + "\n某市城市管理局\n\n2023年1月18日\n\n---\n\n"
        "*本文档由飞书云文档导出 · [在飞书中打开原文](https://x.feishu.cn/docx/Qm)*\n"
    )
    assert _meta(text)["published"] == "2023-01-18"


def test_a_table_of_the_own_levels_figures_leaves_the_systems_total() -> None:
    got = report_indicators(
        "市城市管理综合执法支队以市局名义共立案查处各类违法案件3,471件，收缴罚没款286.45万元。"
        "表中数据为市局本级（市城市管理综合执法支队）数据。大武口区、惠农区城市管理局以本级名义立案查处案件2,867件、"
        "收缴罚没款198.7万元，平罗县城市管理部门查处城市管理类案件614件，均未计入上表；全市城管系统合计查处案件6,952件。\n"
    )
    assert (got["admin_penalty_cases"], got["fines_yuan"]) == (3471, 2864500)


def test_a_system_with_all_its_districts_is_no_more_of_the_own_levels() -> None:
    got = report_indicators(
        "市局本级被申请行政复议11件，市局作为被告应诉的行政诉讼案件6件。"
        "全市城管系统（含各区市）共发生行政复议案件84件、行政诉讼案件51件。\n"
    )
    assert (got["admin_reconsideration_cases"], got["admin_litigation_cases"]) == (11, 6)


def test_a_law_setting_for_business_is_the_business_environment() -> None:
    assert theme("深化“放管服”改革，为经营主体营造稳定可预期的法治环境") == "business_environment"
    assert theme("营造良好法治环境") == "publicity"


def test_a_page_saved_as_mojibake_is_refused_with_the_way_to_undo_it(tmp_path) -> None:
    # h443's raw file: the portal's GBK read as Latin-1 and saved as UTF-8
    raw = tmp_path / "raw"
    raw.mkdir()
    garbled = Path(__file__).parent / "fixtures" / "heldout" / "h443_garbled.txt"
    (raw / "h443_report.txt").write_bytes(garbled.read_bytes())
    errors = validate_raw(raw).errors
    assert len(errors) == 1 and errors[0].file == "h443_report.txt"
    assert "Latin-1" in errors[0].message and "GBK" in errors[0].message
    assert "驻马店市粮食和物资储备局" in errors[0].message  # what the report says, undone
    undone = garbled.read_bytes().decode("utf-8").encode("latin-1").decode("gbk")
    joined = Path(__file__).parent / "fixtures" / "heldout" / "h443_report.txt"
    assert undone == joined.read_text(encoding="utf-8")


# ------------------------------------------------------------------ review rv40
def test_review_rv40_recovered_funds_lumped_with_fines_far_from_the_fund_are_no_fines() -> None:
    got = report_indicators(
        "追回定点医药机构违法违规使用医保基金及罚款合计1,856.3万元。全年作出行政处罚决定45件，罚款326.5万元。"
        "追缴医保基金及罚款共计96.2万元。\n"
    )
    assert got["fines_yuan"] == 3265000


def test_review_rv40_the_counties_helping_the_bureaus_own_detachment_leave_its_figures() -> None:
    got = report_indicators(
        "全年，各县(区)城市管理部门积极配合，市城管执法支队共立案查处违法案件1,234件，罚款56.7万元。"
        "开展渣土运输专项整治，查处违法运输案件86件，罚款8.6万元。\n"
    )
    assert (got["admin_penalty_cases"], got["fines_yuan"]) == (1234, 567000)


def test_review_rv40_the_city_bureau_in_its_own_levels_name_is_the_author() -> None:
    got = report_indicators(
        "全年，市局以本级名义办理行政处罚案件1,346件，罚没款612.85万元。"
        "开展渣土运输专项整治，查处违法运输案件86件，罚款8.6万元。\n"
    )
    assert got["fines_yuan"] == 6128500


def test_review_rv40_a_threshold_below_gives_way_to_the_rate() -> None:
    got = report_indicators(
        "对行政执法案件结案率低于90%的单位进行通报，全年行政执法案件结案率为96.5%。\n"
    )
    assert got["completion_rate"] == 96.5


def test_review_rv40_a_title_quoting_the_report_or_naming_next_years_plans_keeps_its_year() -> None:
    body = (
        "一、加强法治培训\n2023年举办执法人员培训班5期，2024年举办执法人员培训班8期，培训执法人员420人次。\n"
        "2024年全年办理行政处罚案件120件，罚款35.6万元。\n二、强化法治宣传\n2024年开展普法宣传活动35次。\n"
    )
    got = indicators("关于《某县2024年法治政府建设年度报告》的公示\n" + body)
    assert got["training_sessions"] == 8
    text = (
        "某县司法局2024年法治政府建设年度报告\n一、加强法治培训\n"
        "2023年举办执法人员培训班5期，今年举办执法人员培训班8期，培训执法人员420人次。\n"
        "二、2025年工作安排\n2025年，我局将继续深化法治建设。2025年计划开展培训10期。2025年重点推进执法规范化。\n"
    )
    assert indicators(text)["training_sessions"] == 8


def test_review_rv40_a_date_line_below_a_link_to_another_article_is_that_articles() -> None:
    text = (
        "某县城市管理局2024年法治政府建设年度报告\n\n"
        + _BODY
        + "\n某县城市管理局\n2025年1月20日\n\n上一篇：某县2023年法治政府建设年度报告\n"
        "发布日期：2024-02-10　　来源：某县司法局\n"
    )
    assert _meta(text)["published"] == "2025-01-20"


def test_review_rv40_a_heading_on_publicity_for_firms_staff_stays_publicity() -> None:
    assert theme("营造企业职工尊法学法守法用法的法治环境") == "publicity"
    assert theme("深化普法宣传，营造全社会和企业职工学法用法的法治环境") == "publicity"
    assert theme("营造市场主体公平竞争的法治环境") == "business_environment"


def test_review_rv40_a_doubled_headings_one_pair_rest_and_a_space_are_read() -> None:
    text = (
        "某县城市管理局2024年法治政府建设年度报告\n"
        "一一、、加加强强组组织织领领导导，，全全面面推推进进法法治治政政府府建建\n设设\n"
        "局党组召开会议研究法治工作4次。\n四四、、 存存在在问问题题\n执法人员培训有待加强。\n"
    )
    cleaned = clean_text(text).text
    assert "一、加强组织领导，全面推进法治政府建\n设\n" in cleaned
    assert "四、 存在问题" in cleaned


# ------------------------------------------------------------------ rounds 119 and 120
def test_a_mechanism_not_yet_sound_is_a_problem() -> None:
    assert theme("执法保障和部门协作机制仍不健全") == "problems"
    assert theme("健全完善执法保障机制") == "enforcement"


def test_lawsuits_answered_for_the_government_are_not_the_bureaus() -> None:
    got = report_indicators(
        "以我局为被告的行政诉讼案件157件，已审结131件。另代市政府应诉涉自然资源行政诉讼案件68件。\n"
    )
    assert got["admin_litigation_cases"] == 157


def test_a_saved_chats_messages_around_the_report_are_chrome() -> None:
    text = (
        "陈晓雯 2024/1/25 09:58\n朱股长您好，我们课题组在汇总各县区城管部门的年度报告，麻烦发一份贵局的。\n\n"
        "某县城管局朱敏 2024/1/25 10:32\n某县城市管理局2023年度法治政府建设工作报告\n\n"
        + "　　2023年，我局坚持以习近平法治思想为指导，全面推进城市管理领域法治建设，各项工作取得新成效，现将有关情况报告如下。\n\n"
        + "一、主要成效\n\n"
        + "　　局党组坚持把法治建设摆在突出位置，全年召开党组会议专题研究法治建设工作4次，及时解决执法保障等具体问题，压紧压实各级责任。\n\n"
        * 4
        + "　　全年立案查处各类违法案件2,146件，罚没款286.37万元，结案率97.7%，执法规范化水平持续提升，群众满意度稳步提高。\n\n"
        + "二、存在问题\n\n"
        + "　　执法队伍专业化水平仍需提升，数字化执法手段运用还不够充分，普法宣传的针对性和实效性有待加强。\n"
        + "\n某县城市管理局\n2024年1月22日\n\n某县城管局朱敏 2024/1/25 10:32\n"
        "以上是我局2023年法治政府建设报告，请审阅。\n\n某县城管局朱敏 2024/1/25 10:33\n"
        "[文件] 2023年法治政府建设年度报告.docx 45.2KB\n"
    )
    cleaned = clean_text(text)
    assert _meta(text)["published"] == "2024-01-22"
    assert "请审阅" not in cleaned.text and "课题组" not in cleaned.text
    assert cleaned.text.startswith("某县城市管理局2023年度法治政府建设工作报告")
    assert "45.2KB" not in cleaned.text


def test_an_images_text_left_in_a_copy_restates_the_body() -> None:
    got = report_indicators(
        "[图片：2024年城管执法数据一览 依法行政 重大执法决定法制审核 412件 合同协议合法性审查 38件 "
        "行政复议 21件 行政诉讼 9件 负责人出庭应诉率 100%]\n"
        "全年涉及区局的行政复议案件21件，其中维持15件；行政诉讼案件9件，全年无败诉案件。\n"
    )
    assert (got["admin_reconsideration_cases"], got["admin_litigation_cases"]) == (21, 9)
