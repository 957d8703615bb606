"""Session 19: rules from held-out rounds 97 and 98, each with a hand-made input."""

from __future__ import annotations

from snippets import indicators, report_indicators, theme

from analysis.build import process_text
from analysis.cleaning import clean_text


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ whose figures
_SYSTEM = (
    "全年全县综合执法系统共办理行政处罚案件2,480件，罚没款836.2万元；其中我局本级办理1,032件、"
    "罚没款502.6万元，乡镇（街道）以自身名义办理1,448件、罚没款333.6万元。\n"
    "我局本级全年办理行政处罚案件1,032件，其中一般程序案件388件、简易程序案件644件；已结案998件。\n"
    "全年乡镇（街道）以自身名义办理行政处罚案件1,448件，同比增长21.4%。\n"
)


def test_a_system_total_that_holds_bodies_acting_in_their_own_name_gives_way_to_the_own_level() -> (
    None
):
    got = report_indicators(_SYSTEM)
    assert got["admin_penalty_cases"] == 1032
    assert got["fines_yuan"] == 5026000


def test_a_system_total_with_branches_of_the_bureau_itself_is_still_the_figure() -> None:
    # the bureau's own squadrons are no bodies of their own: the system's total stands
    got = report_indicators(
        "全年全区城管系统共办理行政处罚案件2,480件，罚没款836.2万元；其中局本级办理1,032件，"
        "各街道执法中队办理1,448件。\n"
    )
    assert got["admin_penalty_cases"] == 2480


def test_the_fines_of_the_off_site_cases_are_a_part_of_the_years_fines() -> None:
    got = report_indicators(
        "全年立案查处各类城市管理违法案件3,127件（2022年为2,864件），同比增长9.2%；已结案3,045件。\n"
        "收缴罚没款521.36万元（2022年为468.9万元），全部缴入国库。\n（二）推进智慧执法\n"
        "全年通过非现场执法系统采集违法线索1,506条，经人工审核转立案查处392件，罚款12.64万元。\n"
    )
    assert got["fines_yuan"] == 5213600


def test_the_cases_a_court_heard_are_no_penalty_cases() -> None:
    got = report_indicators(
        "1．依法查处违法行为。聚焦占道经营、乱搭乱建、违规设置户外广告等群众反映强烈的突出问题，"
        "全年立案查处各类城市管理违法案件3,127件，同比增长9.2%。\n（二）规范行政应诉\n"
        "坚持行政机关负责人出庭应诉，开庭审理的4件案件均由局负责人出庭应诉，出庭应诉率100%。\n"
    )
    assert got["admin_penalty_cases"] == 3127


def test_reconsiderations_concerning_the_bureau_are_its_own_not_a_subset() -> None:
    got = report_indicators(
        "全年涉及我局的行政复议案件11件，维持7件，撤销1件；另有乡镇（街道）作为被申请人的"
        "行政复议案件4件，我局全程提供业务指导。\n"
    )
    assert got["admin_reconsideration_cases"] == 11


def test_petitions_the_legal_adviser_helped_with_or_the_head_oversaw_are_not_counted() -> None:
    got = report_indicators(
        "法律顾问全年出具法律意见书63份，参与行政复议、行政诉讼及信访疑难案件处理19件。\n"
        "全年受理群众来信来访86件，按期办结率100%。\n"
        "局长督办群众反映强烈的重点信访事项4件。\n"
    )
    assert got["petitions"] == 86


# ------------------------------------------------------------------ training and publicity
def test_training_taken_to_the_towns_teams_is_not_staff_training() -> None:
    got = report_indicators(
        "举办全局执法人员法治业务培训班6期、培训1,126人次；深入乡镇（街道）开展“送教上门”业务培训"
        "22场次，培训乡镇（街道）执法队员680人次。\n"
    )
    assert got["training_sessions"] == 6
    assert got["training_participants"] == 1126


def test_people_sent_to_another_bodys_course_are_not_its_participants() -> None:
    got = report_indicators(
        "全年举办各类培训21期、2,316人次。\n"
        "选派班子成员和科室负责人参加区委组织部、区司法局举办的领导干部法治专题培训班，参训11人次。\n"
    )
    assert got["training_participants"] == 2316


def test_events_the_bureau_guided_the_towns_to_hold_are_theirs() -> None:
    got = report_indicators(
        "全年开展普法宣传活动64场次，发放宣传资料1.8万余份。\n"
        "指导乡镇（街道）综合行政执法队开展普法宣传130余场次。\n"
    )
    assert got["publicity_events"] == 64


# ------------------------------------------------------------------ legality review
def test_a_review_list_after_its_colon_adds_up_with_a_later_kind() -> None:
    got = report_indicators(
        "全年共审查：行政规范性文件4件（含代市政府起草的1件）、局其他文件31件、合同协议118份、"
        "重大行政决策事项3项；对重大执法决定开展法制审核64件，经审核同意作出决定58件。\n"
    )
    assert got["legal_reviews"] == 220


def test_reviews_of_the_legal_office_in_the_year_are_legal_reviews() -> None:
    got = report_indicators(
        "全年对规范性文件、合同协议和其他涉法事项进行合法性审查73件。\n"
        "凡拟作出重大执法决定的，先由法制科审核，年内共审核129件。\n"
    )
    assert got["legal_reviews"] == 202


# ------------------------------------------------------------------ quantities
def test_a_second_handling_is_no_count() -> None:
    got = _raws("对不满意件逐件分析原因，二次办理83件，群众满意率提升至97.1%。\n")
    assert "二次" not in got
    assert got["83件"] == (83.0, "件")


def test_rounds_and_chapters_are_units() -> None:
    got = _raws("开展专项整治行动14轮次。起草的条例草案共6章47条。\n")
    assert got["14轮次"] == (14.0, "轮次")
    assert got["6章"] == (6.0, "章")


# ------------------------------------------------------------------ themes
def test_a_heading_naming_digital_work_first_is_digital() -> None:
    assert theme("深入推进数字执法和普法宣传") == "digital"
    assert theme("提升数字城管和诉求办理质效") == "digital"


def test_a_heading_naming_publicity_first_is_publicity() -> None:
    assert theme("加强普法宣传和执法监督") == "publicity"
    assert theme("深化普法宣传和智慧执法") == "publicity"


def test_coordinating_a_field_of_enforcement_is_not_leadership() -> None:
    assert theme("统筹推进违法建设治理和市容秩序整治") == "enforcement"
    assert theme("加强组织领导，统筹推进法治建设") == "leadership"
    assert theme("压实法治建设责任，强化统筹推进") == "leadership"


# ------------------------------------------------------------------ round 99
def test_legal_affairs_of_several_kinds_are_no_count_of_lawsuits() -> None:
    got = report_indicators(
        "法律顾问全年列席局务会议14次，参与合同谈判、信访积案化解、行政应诉等涉法事务31件。\n"
        "全年发生行政诉讼案件2件，均已审结。\n"
    )
    assert got["admin_litigation_cases"] == 2


def test_petitions_the_head_handled_in_person_are_among_the_bureaus() -> None:
    got = report_indicators(
        "全年受理群众来信来访127件，按期办结率100%。\n"
        "局主要负责人亲自协调处理重大复杂信访问题3件。\n"
    )
    assert got["petitions"] == 127


def test_a_cumulative_figure_since_a_plan_began_mid_sentence_is_not_the_years() -> None:
    got = report_indicators(
        "全年开展集中普法宣传活动27场次，发放宣传资料3.2万份。\n"
        "对照县“七五”普法规划，系统梳理普法工作台账，“七五”普法实施以来，我局累计开展各类普法活动"
        "103场次，发放宣传资料11万余份。\n"
    )
    assert got["publicity_events"] == 27
    assert got["publicity_materials"] == 32000


def test_staff_disciplined_are_no_training_participants() -> None:
    got = report_indicators(
        "全年累计培训执法人员860人次。\n"
        "对查实问题涉及的14名执法人员分别予以批评教育、离岗培训和纪律处分。\n"
        "对年度考核不合格的3名执法人员暂停执法资格并组织离岗培训。\n"
    )
    assert got["training_participants"] == 860


def test_the_streets_and_towns_teams_written_jiezhen_are_other_bodies() -> None:
    got = report_indicators(
        "局本级全年举办干部职工法治专题培训班8期，培训612人次。\n"
        "为街镇综合行政执法队举办赋权事项专题培训6期，培训街镇执法人员540人次。\n"
        "全年开展普法宣传活动78场次；指导各街镇结合赋权事项自行开展城市管理政策宣传150余场次。\n"
    )
    assert got["training_sessions"] == 8
    assert got["training_participants"] == 612
    assert got["publicity_events"] == 78


def test_reviews_by_the_towns_own_reviewers_are_theirs() -> None:
    got = report_indicators(
        "局本级全年审查各类事项163件，审查率100%。\n"
        "同步指导街镇落实重大执法决定法制审核制度，各街镇法制审核人员全年审核赋权领域重大执法决定214件。\n"
    )
    assert got["legal_reviews"] == 163


# ------------------------------------------------------------------ round 100
def test_lawsuits_the_bureau_helped_another_body_answer_are_not_its_own() -> None:
    got = report_indicators(
        "全年以我局为被告的行政诉讼案件4宗，其中一审3宗、二审1宗。\n"
        "协助市市场监督管理局办理其作为被告的应诉案件2宗。\n"
    )
    assert got["admin_litigation_cases"] == 4


def test_training_for_other_departments_reviewers_is_not_staff_training() -> None:
    got = report_indicators(
        "全年举办执法人员法治专题培训班11期，累计培训执法人员1,270人次。\n"
        "及时向区直各部门解读条例要求，组织公平竞争审查业务培训3场、培训各部门审查人员180余人次。\n"
    )
    assert got["training_sessions"] == 11
    assert got["training_participants"] == 1270


def test_a_bare_review_count_restating_a_listed_kind_is_inside_the_total() -> None:
    got = report_indicators(
        "一年来，经合法性审查的事项合计81件，包括行政规范性文件2件、重大行政决策2件、行政合同50份、"
        "重大行政执法决定27件。\n"
        "重大执法决定一律经法制审核，全年法制审核27件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 81


def test_every_kind_of_event_holds_a_named_activity_elsewhere() -> None:
    got = report_indicators(
        "全年组织各类普法宣传活动41场次，发放宣传资料1.35万余份。\n"
        "常态化开展“法律进客运站”活动16场次，引导旅客拒乘非法营运车辆。\n"
    )
    assert got["publicity_events"] == 41


def test_safety_words_that_name_no_safety_work() -> None:
    assert theme("抓实学法用法，锻造高素质应急执法队伍") == "study_training"
    assert theme("优化涉企服务，营造安全发展法治化营商环境") == "business_environment"
    assert theme("纵深推进治本攻坚三年行动") == "safety_emergency"


# ------------------------------------------------------------------ review rv34
def test_review_session19_a_city_bureaus_branches_are_its_own() -> None:
    got = report_indicators(
        "全年全市综合行政执法系统共办理行政处罚案件12036件，罚没款4120.5万元，其中市局本级办理行政处罚"
        "案件2013件、罚没款806.2万元，莲都、开发区两个分局办理行政处罚案件3120件、罚没款1205.3万元，"
        "乡镇（街道）以自身名义办理行政处罚案件6903件、罚没款2109万元。\n"
    )
    assert got["admin_penalty_cases"] == 5133
    assert got["fines_yuan"] == 20115000


def test_review_session19_a_governments_all_bodies_total_is_its_own() -> None:
    got = report_indicators(
        "全县各级行政执法机关共办理行政处罚案件21036件，罚没款1.26亿元，其中县本级部门办理行政处罚案件"
        "15012件、罚没款9320万元，乡镇（街道）以自身名义办理行政处罚案件6024件、罚没款3280万元。\n"
    )
    assert got["admin_penalty_cases"] == 21036


def test_review_session19_the_bureaus_total_with_its_squadrons_stands() -> None:
    got = report_indicators(
        "全年我局共立案查处行政处罚案件1346件，罚没款612.85万元，其中局本级执法大队办理行政处罚案件846件、"
        "罚没款402.10万元；城区三个执法中队办理行政处罚案件500件、罚没款210.75万元。另指导乡镇（街道）"
        "以自身名义办理行政处罚案件1809件。\n"
    )
    assert got["admin_penalty_cases"] == 1346
    assert got["fines_yuan"] == 6128500


def test_review_session19_the_own_levels_part_in_brackets_is_not_added() -> None:
    got = report_indicators(
        "全年全县综合行政执法系统共办理行政处罚案件3155件，罚没款1046.37万元；其中我局本级办理行政处罚"
        "案件1346件（其中简易程序案件860件）、罚没款612.85万元（其中罚款587.6万元），乡镇（街道）以自身名义"
        "办理1809件、罚没款433.52万元。\n燃气安全领域全年罚款32.5万元。\n"
    )
    assert got["admin_penalty_cases"] == 1346
    assert got["fines_yuan"] == 6128500


def test_review_session19_the_years_fine_after_an_off_site_part_stays() -> None:
    got = report_indicators(
        "全年共立案查处各类城市管理违法案件1426件，其中非现场执法案件392件，罚没款156.3万元。\n"
        "“十四五”以来，累计查处违法案件6,820件，罚没款720万元。\n"
    )
    assert got["fines_yuan"] == 1563000


def test_review_session19_since_the_reports_own_year_mid_sentence_is_the_year() -> None:
    got = report_indicators(
        "我局持续深化“大综合一体化”行政执法改革，2024年以来，共办理行政处罚案件1426件，罚没款156.3万元。"
        "推行轻微违法告知承诺制，适用简易程序办理案件860件，罚款12.6万元。\n"
    )
    assert got["admin_penalty_cases"] == 1426
    assert got["fines_yuan"] == 1563000


def test_review_session19_a_cumulative_figure_after_zi_is_no_years() -> None:
    got = report_indicators(
        "全年开展集中普法宣传活动28场次。\n"
        "对照普法规划梳理台账，自“七五”普法实施以来，我局累计开展各类普法活动103场次。\n"
    )
    assert got["publicity_events"] == 28


def test_review_session19_own_training_after_an_exam_elsewhere_stays() -> None:
    got = report_indicators(
        "坚持以考促学，组织执法人员参加市司法局举办的行政执法资格考试，全年举办执法业务培训班8期，"
        "培训执法人员620人次。新入职执法人员岗前培训2期、培训46人次。\n"
    )
    assert got["training_sessions"] == 8
    assert got["training_participants"] == 620


def test_review_session19_a_key_figures_line_after_a_colon_is_still_a_total() -> None:
    got = report_indicators(
        "全年普法工作成效明显：共开展普法宣传活动86场次、发放宣传资料2.4万余份。在社区开展"
        "“法律进社区”活动32场次，在企业开展“送法进企业”活动20场次。\n"
    )
    assert got["publicity_events"] == 86


def test_review_session19_digital_as_a_means_does_not_take_the_heading() -> None:
    assert theme("依托大数据强化行政执法监督") == "supervision_disputes"
    assert theme("以数字化手段提升法律顾问和公职律师工作水平") == "decision_making"
    assert theme("创新“智慧普法”模式，营造浓厚法治氛围") == "publicity"
    assert theme("统筹推进依法行政各项工作") == "leadership"


def test_review_session19_petitions_handed_down_and_led_are_counted() -> None:
    assert (
        report_indicators("全年共受理群众来信来访及上级交办督办信访件86件，按期办结率100%。\n")[
            "petitions"
        ]
        == 86
    )
    assert report_indicators("全年牵头处理群众来信来访86件，按期办结率100%。\n")["petitions"] == 86


def test_review_session19_training_on_the_discipline_rules_is_training() -> None:
    got = report_indicators("组织党员干部开展《中国共产党纪律处分条例》专题培训6期、156人次。\n")
    assert got["training_participants"] == 156


def test_review_session19_reviews_passed_and_reviews_of_the_towns_submissions_count() -> None:
    assert report_indicators("全年共审核通过重大行政执法决定56件。\n")["legal_reviews"] == 56
    got = report_indicators(
        "全年审查合同协议38份。\n各街镇报送我局审核的重大执法决定45件，均在规定时限内审结。\n"
    )
    assert got["legal_reviews"] == 83


# ------------------------------------------------------------------ round 101
_KEY_FIGURES = (
    "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n全年依法办理各类城市管理案件，执法质效稳步提升。\n"
    "附件：2023年度法治政府建设主要数据\n"
    "指标\t单位\t数值\t上年\n"
    "行政处罚案件立案数\t件\t1,386\t1,204\n"
    "罚没款\t万元\t263.58\t301.26\n"
    "行政复议案件\t件\t3\t5\n"
    "行政诉讼案件\t件\t2\t4\n"
    "群众来信来访\t件\t38\t\n"
)


def test_a_key_figures_tables_last_year_column_is_last_years() -> None:
    got = indicators(_KEY_FIGURES)
    assert got["admin_penalty_cases"] == 1386
    assert got["fines_yuan"] == 2635800
    assert got["admin_reconsideration_cases"] == 3
    assert got["admin_litigation_cases"] == 2
    assert got["petitions"] == 38


def test_cases_bodies_handle_in_their_own_name_are_theirs() -> None:
    got = report_indicators(
        "全年立案查处各类城市管理违法案件1386件，罚没款263.58万元。\n"
        "加强对街道综合行政执法工作的业务指导，全年各街道综合行政执法队以自身名义办理城市管理类行政处罚"
        "案件432件。\n"
    )
    assert got["admin_penalty_cases"] == 1386


def test_another_bodys_figures_said_not_to_be_counted_after_an_aside() -> None:
    got = report_indicators(
        "全年全局立案查处各类城市管理违法案件3862件，收缴罚没款1246.37万元。\n"
        "阳朔县9个乡镇综合行政执法队全年办理行政处罚案件172件、罚没款26.4万元（数据由阳朔县司法局提供，"
        "未纳入全局统计）。\n"
    )
    assert got["admin_penalty_cases"] == 3862
    assert got["fines_yuan"] == 12463700


def test_a_lawsuit_brought_against_a_penalty_is_a_lawsuit() -> None:
    got = report_indicators(
        "行政诉讼方面，一名个体诊所经营者不服我局作出的行政处罚决定提起诉讼1件，法院一审判决驳回其诉讼请求。\n"
    )
    assert got["admin_litigation_cases"] == 1
    assert "admin_penalty_cases" not in got


def test_documents_taken_into_a_clean_up_are_reviewed() -> None:
    got = report_indicators(
        "局里对现行有效的行政规范性文件逐件评估，纳入清理29件，经评估保留21件、修订5件、废止3件。\n"
    )
    assert got["normative_documents_reviewed"] == 29


def test_complaints_the_head_read_are_no_hotline_cases() -> None:
    got = report_indicators(
        "全年共接办12345热线平台转办的群众诉求工单4318件。\n局长亲自阅批群众来信来访和投诉件21件。\n"
    )
    assert got["hotline_cases"] == 4318


def test_an_information_tables_spaced_name_and_subject_words_are_chrome() -> None:
    text = (
        "索 引 号：011040437/2024-00117\n名\u3000\u3000称：某区卫生健康局2023年度法治政府建设工作情况报告\n"
        "主题词：法治政府；年度报告\n某区卫生健康局2023年度法治政府建设工作情况报告\n"
        "发布时间：2024-01-30 09:37\u3000\u3000来源：区卫生健康局\n"
        "\u3000\u30002023年，我局坚持依法行政，全年办理行政处罚案件173件。\n"
    )
    r = clean_text(text)
    assert set(r.removed["rule"]) >= {"info_table"}
    assert r.metadata["published"] == "2024-01-30"
    assert "主题词" not in r.text and "名\u3000\u3000称" not in r.text


def test_cases_of_a_disease_are_counted_in_li() -> None:
    got = _raws("全年网络直报法定传染病2314例，规范处置聚集性疫情7起。\n")
    assert got["2314例"] == (2314.0, "例")


# ------------------------------------------------------------------ review rv35
def test_review_rv35_the_bureaus_own_cases_in_its_own_name_are_its_own() -> None:
    for who in ("局机关", "我局依法", "区综合行政执法局", "我大队", "局本级"):
        got = report_indicators(f"全年{who}以自身名义立案查处各类违法案件326件，罚款58.6万元。\n")
        assert got["admin_penalty_cases"] == 326, who


def test_review_rv35_a_part_said_not_counted_beside_its_total_stays_out() -> None:
    got = report_indicators(
        "全年开展普法宣传活动86场次、普法讲座12场（不计入活动统计），发放宣传资料1.2万份。\n"
    )
    assert got["publicity_events"] == 86


def test_review_rv35_cases_a_lawyer_helped_with_are_the_bureaus() -> None:
    got = report_indicators(
        "聘请法律顾问协助办理行政诉讼案件12件，全年无败诉案件。\n"
        "法律顾问全程协助处理行政复议案件5件。\n"
    )
    assert got["admin_litigation_cases"] == 12
    assert got["admin_reconsideration_cases"] == 5


def test_review_rv35_appeals_against_an_arbitration_award_are_no_administrative_lawsuits() -> None:
    got = report_indicators(
        "全年受理劳动人事争议仲裁案件1,236件，当事人不服仲裁裁决提起诉讼87件。全年发生行政诉讼案件3件。\n"
    )
    assert got["admin_litigation_cases"] == 3


def test_review_rv35_work_orders_a_leader_reviewed_are_hotline_cases() -> None:
    got = report_indicators("经分管领导审阅后按时回复12345热线工单6,742件，按期办结率99.3%。\n")
    assert got["hotline_cases"] == 6742


def test_review_rv35_a_tables_own_name_column_is_no_information_table() -> None:
    text = "某局2024年法治政府建设情况报告\n| 名称 | 数量 |\n| 行政处罚案件 | 326件 |\n正文。\n"
    r = clean_text(text)
    assert "| 名称 | 数量 |" in r.text


# ------------------------------------------------------------------ round 102
def test_a_fields_year_is_a_kind_of_every_kinds_count() -> None:
    got = report_indicators(
        "全面落实行政执法三项制度。全年立案查处各类城市管理违法案件1286件，其中适用简易程序598件、"
        "一般程序688件。\n全年燃气领域立案查处违法案件163件，较上年的58件大幅增加。\n"
    )
    assert got["admin_penalty_cases"] == 1286


def test_the_later_figure_of_a_change_with_thousands_commas_is_the_years() -> None:
    got = report_indicators(
        "执法办案数量质量同步提升。全年行政处罚案件由2022年的1,047件增至2023年的1,296件，同比增长23.8%。\n"
    )
    assert got["admin_penalty_cases"] == 1296


def test_the_level_a_change_came_to_names_the_changed_thing() -> None:
    got = report_indicators(
        "12345政务服务便民热线转办我局工单较上年减少1,136件，降至7,958件，下降12.5%。\n"
    )
    assert got["hotline_cases"] == 7958


def test_cases_of_the_bodies_the_bureau_guides_are_theirs() -> None:
    got = report_indicators(
        "局本级全年共办理行政处罚案件3,401件，罚没款386.52万元。\n"
        "指导麒麟区、沾益区等9个县（市、区）城市管理部门办理行政处罚案件9,812件、罚没款1,124.6万元。\n"
    )
    assert got["admin_penalty_cases"] == 3401
    assert got["fines_yuan"] == 3865200


def test_last_years_count_opening_its_sentence_is_not_the_years() -> None:
    text = (
        "某市城市管理局2024年度法治政府建设工作报告\n一、主要工作\n"
        "2023年局本级办理案件3,126件，同比增长8.8%。\n二、存在问题\n不足。\n"
    )
    assert "admin_penalty_cases" not in indicators(text)


def test_a_case_found_illegal_is_no_penalty_case() -> None:
    got = report_indicators("对被确认违法的1件案件，组织承办人员和法制审核人员复盘。\n")
    assert "admin_penalty_cases" not in got
