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
