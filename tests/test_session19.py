"""Session 19: rules from held-out rounds 97 and 98, each with a hand-made input."""

from __future__ import annotations

from snippets import report_indicators, theme

from analysis.build import process_text


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
