"""Regressions found by a review of session 5's changes (one test per finding, each from the
reviewer's reproduction): plan paragraphs, topics, named parts, grand totals of counts,
restated parts, hotline complaints, digital cases, excludes after the number, watermarks,
repaired level-1 markers, ragged wraps, conjunctions, data lines and the author's self-words."""

from __future__ import annotations

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata
from analysis.metrics import derive_indicators
from analysis.sections import split_sections

HEAD = "某区城市管理局2023年法治政府建设年度报告\n一、主要举措和成效\n"
TAIL = "二、存在问题\n执法人员业务能力有待提升。\n"


def _indicators(body: str) -> dict[str, float]:
    text = HEAD + body + TAIL
    tables = process_text("r", text)
    got = derive_indicators(tables["metrics"], {"r": text})
    return dict(zip(got["indicator"], got["value"], strict=True))


def test_the_reports_own_year_with_jiang_as_ba_is_no_plan() -> None:
    got = _indicators(
        "2023年，我局将法治政府建设纳入年度绩效考核，全年共办理行政处罚案件1,268件，"
        "罚没款186.4万元，开展普法宣传活动36场次。\n"
        "2023年，全区将“八五”普法与执法工作相结合，发放普法宣传资料1.2万份。\n"
    )
    assert got["admin_penalty_cases"] == 1268
    assert got["fines_yuan"] == 1864000
    assert got["publicity_events"] == 36
    assert got["publicity_materials"] == 12000


def test_a_topic_names_only_cases_that_name_no_kind() -> None:
    got = _indicators("行政复议方面，全年涉及我局的案件27件，新收行政诉讼案件16件，无败诉案件。\n")
    assert got["admin_reconsideration_cases"] == 27
    assert got["admin_litigation_cases"] == 16
    got = _indicators(
        "行政复议方面，全年涉及我局的案件27件，均已审结。\n行政复议方面，全年调解案件6件。\n"
    )
    assert got["admin_reconsideration_cases"] == 27
    got = _indicators(
        "行政处罚方面，全年共办理行政处罚案件1,268件，其中移送公安机关案件9件，听证案件4件。\n"
    )
    assert got["admin_penalty_cases"] == 1268


def test_one_kind_of_penalty_case_does_not_replace_the_enforcement_total() -> None:
    assert (
        _indicators("全年共办理行政执法案件1,268件，其中一般程序处罚案件312件。\n")[
            "admin_penalty_cases"
        ]
        == 1268
    )
    assert (
        _indicators("全年共办理行政执法案件1,268件，其中从轻处罚案件45件。\n")[
            "admin_penalty_cases"
        ]
        == 1268
    )


def test_a_count_of_one_kind_with_gong_does_not_rule_other_kinds() -> None:
    got = _indicators(
        "（一）推进依法决策\n严格落实合法性审查制度，全年共审查各类合同协议165份，提出法律意见42条。\n"
        "（二）规范执法行为\n落实重大行政执法决定法制审核制度，对87件重大行政执法决定进行法制审核。\n"
        "（三）加强执法队伍建设\n全年共举办执法业务培训班12期，培训执法人员860人次。\n"
        "组织执法骨干参加全省执法能力提升培训4期。\n"
    )
    assert got["legal_reviews"] == 252
    assert got["training_sessions"] == 16


def test_a_figure_equal_to_a_part_but_of_another_thing_is_added() -> None:
    got = _indicators(
        "（一）推进依法决策\n全年开展合法性审查58件，其中审查合同协议38件、审查重大行政决策20件。\n"
        "（二）规范执法行为\n落实重大行政执法决定法制审核制度，全年法制审核重大行政执法决定20件。\n"
    )
    assert got["legal_reviews"] == 78


def test_complaints_in_the_enforcement_field_are_hotline_work() -> None:
    got = _indicators(
        "全年通过12345热线受理涉及城市管理执法领域的群众投诉2,316件，按时办结率100%。\n"
    )
    assert got["hotline_cases"] == 2316
    assert (
        _indicators("全年受理综合执法类投诉举报3,862件，办结率99.4%。\n")["hotline_cases"] == 3862
    )


def test_violations_persuaded_away_are_not_digital_cases() -> None:
    got = _indicators(
        "推进非现场执法，在主次干道布设智能抓拍设备，全年通过非现场执法系统抓拍并劝导纠正"
        "机动车乱停放等违法行为2.3万起，对拒不改正的立案查处案件86件。\n"
    )
    assert got["digital_cases"] == 86
    # the platform's cases opened and the cases handled off site are never added
    got = _indicators(
        "依托数字城管平台，全年受理各类城市管理问题3.46万件，立案3.21万件，结案3.15万件。\n"
        "积极探索非现场执法，全年以非现场执法方式查处违法行为236起。\n"
    )
    assert got["digital_cases"] == 236


def test_an_exclude_word_later_in_the_clause_does_not_drop_the_cases() -> None:
    got = _indicators(
        "全年对违法建设、占道经营等违法行为的1,268件案件作出行政处罚决定并依法公示。\n"
    )
    assert got["admin_penalty_cases"] == 1268


def test_a_watermark_takes_no_text_and_a_lone_address_is_content() -> None:
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n主要成效 公文汇 www.gongwenhui.com\n"
        "全年办理行政处罚案件120件,罚没款36万元,群众满意度持续提高。\n"
        "　　主要成效\n全年办理行政处罚案件120件。\n　　公文汇编和档案管理\n"
        "正文三 公文汇 www.gongwenhui.com\n"
    )
    lines = clean_text(text).text.split("\n")
    assert lines.count("主要成效") == 2 and "公文汇编和档案管理" in lines
    lone = HEAD + "群众可通过“城管通”平台反映问题,平台网址 www.chengguantong.com\n" + TAIL
    assert clean_text(lone).removed.empty


def test_a_numeral_and_a_space_before_a_word_is_no_heading() -> None:
    s = split_sections("一、主要工作\n正文。\n二 是强化执法监督\n正文。\n三 个方面的不足\n正文。\n")
    assert list(s["marker"]) == ["一、"]


def test_a_short_last_line_of_ragged_wraps_ends_its_paragraph() -> None:
    with open("tests/fixtures/heldout/h21_report.txt", encoding="utf-8") as f:
        text = clean_text(f.read()).text
    assert "督促企业完善安全操作规程.\n健全县、乡、村三级应急管理体系" in text


def test_place_names_keep_their_first_character_and_clock_times_are_no_data_lines() -> None:
    tables = process_text("r", HEAD + "全年新增和田籍执法协管员12名。\n" + TAIL)
    assert list(tables["metrics"]["subject"]) == ["和田籍执法协管员"]
    got = _indicators(
        "推进非现场执法，在夜市周边布设抓拍设备，每晚\n20:00—23:00通过非现场执法方式查处违法案件126件。\n"
    )
    assert got["digital_cases"] == 126


def test_a_brigade_speaking_as_the_author_is_not_its_government() -> None:
    text = (
        "宁城县2023年法治政府建设情况报告\n2023年，宁城县综合行政执法大队坚持依法行政。"
        "我大队全年办理案件30件，我大队执法人员持证率100%。\n"
    )
    assert infer_metadata(text, {}).bureau != "赤峰市宁城县人民政府"


# ---- the second review (after rounds 13 and 14)


def test_next_years_plans_whatever_verb_follows_jiang() -> None:
    for opening in (
        "2024年，我局将加强执法队伍建设，",
        "二〇二四年，我局将继续推进，",
        "新的一年，我局将深化执法改革，",
        "下一步，将法治培训纳入年度计划，",
    ):
        got = _indicators(
            "全年举办执法业务培训班6期，培训执法人员320人次。\n"
            f"{opening}举办执法业务培训班10期，培训执法人员800人次。\n"
        )
        assert got["training_sessions"] == 6, opening
        assert got["training_participants"] == 320, opening


def test_a_comparison_with_earlier_years_is_the_years_own_figure() -> None:
    got = _indicators(
        "全年办理行政处罚案件1,268件，案件数量为近五年最低，罚没款186.4万元。\n"
        "（二）市容管理\n查处违规处置建筑垃圾案件45件，罚款12.6万元。\n"
    )
    assert got["fines_yuan"] == 1864000
    got = _indicators(
        "与近三年相比，全年举办执法业务培训班12期，培训执法人员860人次。\n"
        "（二）队伍建设\n组织执法骨干培训2期，培训120人次。\n"
    )
    assert got["training_sessions"] == 14


def test_work_orders_passed_on_by_the_hotline_are_hotline_work() -> None:
    got = _indicators("全年办理市12345热线移送的群众诉求3,862件，按时办结率99.2%。\n")
    assert got["hotline_cases"] == 3862


def test_problems_received_give_way_to_the_cases_opened_from_them() -> None:
    got = _indicators(
        "依托数字城管平台，全年受理各类城市管理问题3.46万件，立案3.21万件，结案3.15万件。\n"
    )
    assert got["digital_cases"] == 32100


def test_a_breakdown_by_kind_names_the_penalty_part() -> None:
    got = _indicators(
        "全年共办理行政执法案件1,616件，其中行政处罚类案件1,236件、行政强制类案件380件。\n"
    )
    assert got["admin_penalty_cases"] == 1236


def test_a_topic_names_new_cases() -> None:
    got = _indicators("行政复议方面，全年新收案件27件，审结25件。\n")
    assert got["admin_reconsideration_cases"] == 27


def test_a_zones_committee_named_in_the_body_is_not_the_author() -> None:
    text = (
        "关于2023年度法治政府建设情况的报告\n"
        "2023年，芜湖市司法局坚持以习近平法治思想为指导，全面推进依法行政。\n"
        "一、主要工作\n（一）推进开发区法治建设\n指导芜湖经济技术开发区管理委员会完善权责清单。\n"
        "（二）加强复议\n我局全年办理行政复议案件120件。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.bureau) == ("芜湖市", "芜湖市司法局")


def test_only_a_publication_labels_bare_date_is_the_publication_date() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n索引号：\n11340200MB1234567X/2024-00012\n"
        "成文日期：\n2024-01-20\n发布日期：\n2024-02-05\n"
        "芜湖市司法局2023年度法治政府建设情况报告\n"
        "2023年，芜湖市司法局坚持以习近平法治思想为指导，全面推进依法行政。\n"
    )
    assert clean_text(text).metadata["published"] == "2024-02-05"


def test_a_stock_phrase_is_no_bureau_speaking() -> None:
    text = (
        "宁城县2023年法治政府建设情况报告\n2023年，宁城县坚持依法行政，全县法治政府建设稳步推进。"
        "法治是治国理政的根本所在，也是发展的根本所在。县司法局全年办理案件30件。全县上下齐心。\n"
    )
    assert infer_metadata(text, {}).bureau == "赤峰市宁城县人民政府"
