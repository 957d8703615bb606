"""Session 20: rules from held-out round 103 and later, each with a hand-made input."""

from __future__ import annotations

from snippets import report_indicators

from analysis.build import process_text
from analysis.cleaning import clean_text


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ units and periods
def test_items_visited_per_visit_are_a_count_of_times() -> None:
    got = _raws("全年监督检查在建项目318个次，下发整改通知书96份。\n")
    assert got["318个次"] == (318, "个次")


def test_a_five_year_plans_years_opening_a_sentence_are_a_period() -> None:
    got = report_indicators(
        "全年开展“法律进社区”等普法宣传活动41场次，发放宣传资料1.3万余份。"
        "“八五”普法五年间，全局累计组织普法活动193场次，发放宣传资料7万余份。\n"
    )
    assert got["publicity_events"] == 41
    assert got["publicity_materials"] == 13000


def test_a_later_five_year_plan_is_a_period_too() -> None:
    got = report_indicators(
        "全年开展普法宣传活动52场次。“九五”普法启动以来，累计开展普法宣传活动88场次。\n"
    )
    assert got["publicity_events"] == 52


# ------------------------------------------------------------------ not the year's caseload
def test_difficult_petitions_the_head_resolved_are_a_part_not_more_petitions() -> None:
    got = report_indicators(
        "年内共受理信访事项168件，按期办结率100%。\n"
        "坚持领导接访下访，局长亲自接待来访群众17批次，协调化解老旧小区改造等疑难信访事项4件。\n"
    )
    assert got["petitions"] == 168


def test_reconsiderations_a_leader_read_are_not_more_reconsiderations() -> None:
    got = report_indicators(
        "全年承办行政复议案件37件，已审结35件。\n主要负责人亲自阅批重要信访件和复议案件19件。\n"
    )
    assert got["admin_reconsideration_cases"] == 37


def test_training_the_streets_enforcement_staff_is_not_the_bureaus_staff_training() -> None:
    got = report_indicators(
        "全年组织执法人员法治专题培训9期，参训1,020人次。\n"
        "做好对各街道综合行政执法办公室的业务指导，全年组织街道执法人员业务培训3期、180人次。\n"
    )
    assert got["training_sessions"] == 9
    assert got["training_participants"] == 1020


# ------------------------------------------------------------------ tables
def test_a_one_space_table_row_ending_in_a_change_of_percentage_points_is_read() -> None:
    got = _raws(
        "指标 2024年 2023年 增减\n行政处罚案件（件） 1286 1102 +16.7%\n"
        "案件结案率（%） 96.8 95.2 +1.6个百分点\n"
    )
    assert got["96.8"] == (96.8, "%")
    assert got["95.2"] == (95.2, "%")


# ------------------------------------------------------------------ whose figures
def test_the_own_levels_figure_stands_when_no_larger_figure_is_beside_it() -> None:
    # the counties' figures the bureau guides are set aside; what is left beside the own
    # level's cases is the part of them closed, no system's total
    got = report_indicators(
        "局本级（含直属执法支队）全年共办理行政处罚案件2,614件（其中一般程序903件、简易程序1,711件），"
        "罚没款297.4万元；已结案2,552件，结案率97.6%。"
        "指导各县（市、区）城市管理部门办理行政处罚案件7,305件、罚没款906.2万元。\n"
    )
    assert got["admin_penalty_cases"] == 2614


def test_the_own_level_still_gives_way_to_its_systems_larger_total() -> None:
    got = report_indicators("全年全市城管系统共办理行政处罚案件6,120件，其中局本级办理1,874件。\n")
    assert got["admin_penalty_cases"] == 6120


def test_the_own_levels_share_with_no_noun_counts_the_totals_noun() -> None:
    # 其中我局本级办理1,346件: the cases of the total before it; cases and fines take the
    # same scope (the own level's), as towns act in their own name
    got = report_indicators(
        "全年全县综合执法系统共办理行政处罚案件3,155件，罚没款612.4万元；其中我局本级办理1,346件、"
        "罚没款388.1万元，乡镇（街道）以自身名义办理1,809件、罚没款224.3万元。\n"
    )
    assert got["admin_penalty_cases"] == 1346
    assert got["fines_yuan"] == 3881000
    m = process_text("r", "全年共办理行政处罚案件1,200件；其中局本级办理300件。\n")["metrics"]
    assert dict(zip(m["raw"], m["subject"], strict=True))["300件"] == "局本级办理行政处罚案件"


def test_the_own_levels_share_beside_its_squadrons_stays_inside_the_total() -> None:
    got = report_indicators(
        "全年全局共办理行政处罚案件1,200件，罚没款96.5万元；其中局本级办理300件、各中队办理900件。\n"
    )
    assert got["admin_penalty_cases"] == 1200


def test_the_opinions_a_legal_review_gave_are_not_more_reviews() -> None:
    got = report_indicators(
        "一般程序案件在作出处罚决定前一律逐案审核，全年法制审核36件，提出补充证据、规范文书等审核意见9条，"
        "均已采纳。\n"
    )
    assert got["legal_reviews"] == 36


# ------------------------------------------------------------------ cleaning
def test_a_wrap_where_the_text_spaces_its_figures_from_its_words_keeps_the_space() -> None:
    # a Word file typed with a space between figures and words, wrapped by pandoc at the
    # spaces: the wrap stood for one of them
    line = "全年举办执法人员法治专题培训 9 期，累计培训 1,284 人次，其中专题培训 3 期、540 人次，"
    lines = [line] * 4 + [
        "组织全局持证执法人员参加网上学法考试，应考 598 名执法人员，合格率 100%，考试 1,036"
    ]
    text = "\n".join(lines) + "\n人次。\n"
    got = clean_text(text).text
    assert "1,036 人次" in got
    assert "1,036\n人次" not in got


def test_a_wrap_in_a_text_that_writes_figures_against_its_words_is_joined_without_space() -> None:
    line = "全年举办执法人员法治专题培训9期，累计培训1,284人次，其中专题培训3期、540人次，"
    lines = [line] * 4 + [
        "组织全局持证执法人员参加网上学法考试，应考598名执法人员，合格率100%，考试1,036"
    ]
    got = clean_text("\n".join(lines) + "\n人次。\n").text
    assert "1,036人次" in got


def test_the_decisions_changed_after_a_hearing_are_no_more_cases() -> None:
    got = report_indicators(
        "全年立案查处城市管理违法案件612件。认真听取当事人陈述申辩，全年听取陈述申辩41件，"
        "采纳当事人合理意见后调整处罚决定4件。\n"
    )
    assert got["admin_penalty_cases"] == 612


def test_a_system_total_naming_the_other_bodies_it_takes_in_is_not_the_bureaus() -> None:
    got = report_indicators(
        "全年立案查处城市管理违法行为2,186起；收缴罚没款287.4万元，全部上缴国库。"
        "全市城管执法系统（含甲县、乙县城市管理部门）共立案查处3,905起，罚没款452.3万元。\n"
    )
    assert got["fines_yuan"] == 2874000


def test_a_system_total_with_no_own_figure_beside_it_stands() -> None:
    got = report_indicators(
        "全市城管执法系统（含甲县、乙县城市管理部门）共立案查处违法案件3,905起，罚没款452.3万元。\n"
    )
    assert got["fines_yuan"] == 4523000


def test_documents_each_given_an_opinion_in_a_clean_up_are_reviewed() -> None:
    got = report_indicators(
        "年内开展规范性文件专项清理，对以局名义印发、仍在执行的11件规范性文件逐件提出处理意见，"
        "决定继续有效8件、修改2件、宣布失效1件。\n"
    )
    assert got["normative_documents_reviewed"] == 11


def test_a_river_chief_platforms_rate_is_not_the_cases_rate() -> None:
    got = report_indicators(
        "通过河长制信息平台交办问题264个，已办结251个，办结率95.1%。\n"
        "全年共立案查处水事违法案件42件；已结案39件，结案率92.9%。\n"
    )
    assert got["completion_rate"] == 92.9


def test_a_short_line_before_a_run_too_long_to_wrap_goes_on_in_a_spaced_text() -> None:
    # pandoc breaks only at spaces: a run of characters with no space that does not fit goes
    # whole onto the next line, over the measure, and the line before it ends short
    line = "全年举办执法人员法治专题培训 9 期，累计培训 1,284 人次，其中专题培训 3 期、540 人次，"
    run = "期，" + "以身边案例剖析执法程序证据收集和法律适用中的常见问题" * 3 + "。"
    text = "\n".join([line] * 5 + ["编发典型案例评析 16", run]) + "\n"
    got = clean_text(text).text
    assert "评析 16 期，以身边案例" in got


# ------------------------------------------------------------------ review rv36
def test_review_rv36_a_bodys_share_after_a_semicolon_on_another_matter_takes_no_noun() -> None:
    got = report_indicators(
        "全年共办理群众来信来访86件，按期办结率100%；在行政执法方面，局本级办理1,346件，"
        "乡镇（街道）以自身名义办理1,809件。\n"
    )
    assert got["petitions"] == 86


def test_review_rv36_a_bodys_share_takes_the_totals_noun_not_a_parts() -> None:
    m = process_text(
        "r",
        "全年共办理行政处罚案件3,155件，其中简易程序案件1,809件、一般程序案件1,346件，"
        "市局本级办理1,120件。\n",
    )["metrics"]
    assert dict(zip(m["raw"], m["subject"], strict=True))["1,120件"] == "市局本级办理行政处罚案件"


def test_review_rv36_a_streets_own_report_trains_its_own_team() -> None:
    got = report_indicators("全年组织我街道执法队员集中培训6期，培训180人次。\n")
    assert got["training_sessions"] == 6
    got = report_indicators("局机关和下沉各街道执法队员全年培训12期，共860人次参训。\n")
    assert got["training_sessions"] == 12


def test_review_rv36_the_fines_of_bodies_acting_in_their_own_name_are_theirs() -> None:
    got = report_indicators(
        "局本级办理行政处罚案件1,346件，罚没款126.5万元；其中简易程序案件800件，一般程序案件546件。"
        "乡镇（街道）以自身名义办理行政处罚案件1,809件，罚没款98.2万元。\n"
    )
    assert got["fines_yuan"] == 1265000
    got = report_indicators("全年我局以自身名义办理行政处罚案件612件，罚没款88.6万元。\n")
    assert got["fines_yuan"] == 886000


def test_review_rv36_only_opinions_raised_in_a_review_are_no_reviews() -> None:
    # (提出…意见 are what a review raised; the reviews' own count stands)
    got = report_indicators("全年审查合同协议35份，提出修改意见12条。\n")
    assert got["legal_reviews"] == 35


# ------------------------------------------------------------------ round 105
def test_a_key_figures_block_keeps_its_captions_below_past_a_figure_with_its_unit() -> None:
    text = (
        "数说2024\n412\n件\n环境行政处罚案件\n3,187.6万元\n罚没款\n81\n件\n配套办法案件\n"
        "76\n件\n非现场执法案件\n5,318\n件\n12345生态环境类工单\n"
        "全年共办理环境行政处罚案件412件。\n"
    )
    m = process_text("r", text)["metrics"]
    subject = dict(zip(m["raw"], m["subject"], strict=True))
    assert subject["81"] == "配套办法案件"
    assert subject["76"] == "非现场执法案件"
    assert subject["5,318"] == "12345生态环境类工单"


def test_an_information_tables_publication_date_beside_another_field_is_the_pages_date() -> None:
    text = (
        "索 引 号：011108362/2024-02147　　　　信息分类：法治政府建设\n"
        "发布机构：某区人民政府　　　　　　　成文日期：2024年02月23日\n"
        "文　　号：某政文〔2024〕9号　　　　　　发布日期：2024年02月29日\n"
        "有 效 性：有效\n\n某区人民政府关于2023年度法治政府建设情况的报告\n"
        + "2023年，我区深入学习贯彻习近平法治思想，法治政府建设取得新成效。\n" * 3
        + "某区人民政府\n2024年2月23日\n"
    )
    assert clean_text(text).metadata["published"] == "2024-02-29"


def test_training_for_polluting_firms_managers_is_not_staff_training() -> None:
    got = report_indicators(
        "全年举办法治专题和执法业务培训班12期，培训执法人员和机关干部1,380人次。\n"
        "面向重点排污单位环境管理人员举办法律法规和业务培训15场，培训1,350余人。\n"
    )
    assert got["training_sessions"] == 12
    assert got["training_participants"] == 1380


def test_a_sentence_opening_with_a_count_of_years_sums_those_years() -> None:
    got = report_indicators(
        "全年全局办理行政处罚案件1,024件，罚没款176.35万元。\n"
        "综合行政执法改革落地两年来，全局共办理行政处罚案件1,886件、罚没款324.91万元；"
        "共办理12345热线转办工单6,212件。\n"
        "全年承办12345热线转派工单3,286件。\n"
    )
    assert got["admin_penalty_cases"] == 1024
    assert got["fines_yuan"] == 1763500
    assert got["hotline_cases"] == 3286


def test_the_count_in_brackets_after_a_share_is_a_part_of_the_reviews() -> None:
    got = report_indicators(
        "全年开展合法性审查46件（2021年为38件），同比增长21.1%，其中合同协议类占比45.7%（共21件），"
        "重大行政执法决定类占比39.1%（共18件），其余7件为内部制度文件。\n"
        "对重大行政执法决定一律由法制股审核，全年法制审核重大执法决定18件。\n"
        "法律顾问全年参与信访疑难问题化解、合同审查等涉法事务19件。\n"
    )
    assert got["legal_reviews"] == 46


def test_publicity_of_the_towns_teams_the_bureau_guided_is_theirs() -> None:
    got = report_indicators(
        "全年开展普法宣传活动58场次。指导19个乡镇（街道）综合行政执法队开展“综合执法进村居”"
        "普法活动146场次。\n"
    )
    assert got["publicity_events"] == 58


def test_a_total_row_one_cell_short_is_read_with_a_table_written_one_cell_per_line() -> None:
    cells = ["序号", "乡镇（街道）", "立案数（件）", "罚没款（万元）"]
    for k, (name, n, fine) in enumerate(
        [("东城街道", "318", "43.62"), ("西城街道", "296", "39.85"), ("南城街道", "274", "35.17")]
    ):
        cells += [str(k + 1), name, n, fine]
    cells += ["合计", "888", "118.64"]
    text = (
        "各乡镇（街道）办案情况见表1。\n表1　办案情况\n"
        + "\n".join(cells)
        + "\n注：表中数据未计入局本级。\n"
    )
    got = clean_text(text)
    assert "合计\t888\t118.64" in got.text
    removed = got.removed
    assert not ((removed["text"] == "888") & (removed["rule"] == "page_number")).any()


# ------------------------------------------------------------------ review rv37
def test_review_rv37_the_report_years_own_since_is_no_count_of_years() -> None:
    got = report_indicators("自2024年以来，全局共办理行政处罚案件356件，罚没款128.6万元。\n")
    assert got["admin_penalty_cases"] == 356
    assert got["fines_yuan"] == 1286000


def test_review_rv37_a_list_of_shares_leaves_another_matters_figures_alone() -> None:
    got = report_indicators(
        "全年共开展合法性审查46件，其中合同协议类占比45.7%（共21件），重大行政决定类占比39.1%"
        "（共18件），同时办理行政复议案件3件、行政应诉案件2件。\n"
    )
    assert got["admin_reconsideration_cases"] == 3
    assert got["admin_litigation_cases"] == 2
    assert got["legal_reviews"] == 46


def test_review_rv37_all_bodies_acting_in_their_own_name_leave_the_total_standing() -> None:
    got = report_indicators(
        "全区各行政执法单位均以自身名义依法实施行政执法，全年共办理行政处罚案件3155件，罚没款1046.37万元。\n"
        "区市场监管局办理行政处罚案件809件，罚没款233.5万元。\n"
    )
    assert got["admin_penalty_cases"] == 3155


def test_review_rv37_review_opinions_beside_the_reviews_restate_them() -> None:
    got = report_indicators("全年开展合法性审查46件，出具合法性审查意见书46份。\n")
    assert got["legal_reviews"] == 46
    got = report_indicators(
        "全年法制审核重大执法决定23件，出具法制审核意见23份；审查合同协议46件。\n"
    )
    assert got["legal_reviews"] == 69


def test_review_rv37_a_total_row_with_its_merged_cell_written_as_a_slash_is_a_full_row() -> None:
    cells = ["序号", "乡镇(街道)", "立案数(件)", "罚没款(万元)"]
    cells += [
        "1",
        "城关镇",
        "1356",
        "186.25",
        "2",
        "东城街道",
        "1591",
        "200",
        "3",
        "西城街道",
        "888",
    ]
    cells += ["118.6", "合计", "/", "3835", "504.85"]
    got = clean_text(
        "全年各乡镇（街道）执法情况如下：\n" + "\n".join(cells) + "\n注：以上为乡镇数据。\n"
    )
    assert "合计\t/\t3835\t504.85" in got.text


# ------------------------------------------------------------------ round 106
def test_the_counties_own_departments_figures_are_not_a_city_bureaus() -> None:
    got = report_indicators(
        "全年市本级立案查处各类违法案件1286宗，同比增长12.6%；结案1219宗；罚没款186.52万元，同比下降8.3%。\n"
        "加强对县（市、区）城管执法工作的业务指导；各县（市、区）城市管理部门全年共立案查处违法案件4362宗、"
        "罚没款735.8万元。\n"
    )
    assert got["admin_penalty_cases"] == 1286
    assert got["fines_yuan"] == 1865200


def test_an_information_tables_spaced_title_label_is_chrome() -> None:
    text = (
        "某区人民政府\n首页\n政务公开\n政务服务\n互动交流\n"
        "当前位置：首页 > 政务公开 > 部门信息公开 > 区司法局 > 法治政府建设\n"
        "索引号：\t11500104MB1C39527R/2025-00006\t主题分类：\t司法\n"
        "发布机构：\t某区司法局\t成文日期：\t2025-01-17\n"
        "标　　题：\t某区司法局关于2024年法治政府建设情况的报告\n"
        "发文字号：\t\t发布日期：\t2025-01-22\n有 效 性：\t有效\n\n"
        "某区司法局关于2024年法治政府建设情况的报告\n"
        "日期：2025-01-22　　来源：某区司法局　　浏览次数：1062　　字号：[ 大 中 小 ]\n\n区委、区政府：\n\n"
        + "　　2024年，区司法局深入学习贯彻习近平法治思想，法治政府建设取得新成效。\n\n" * 3
        + "某区司法局\n2025年1月17日\n"
    )
    got = clean_text(text)
    assert got.metadata["published"] == "2025-01-22"
    assert "发文字号" not in got.text


def test_applications_give_way_to_those_accepted_after_review() -> None:
    got = report_indicators(
        "全年共收到行政复议申请263件，同比增长41.4%（2023年为186件）；经审查依法受理231件，"
        "不予受理32件。另有以区政府作为被申请人、依法由市政府管辖的复议案件6件。"
        "对依法属于行政复议受理范围的事项，引导当事人转入行政复议程序15件。\n"
    )
    assert got["admin_reconsideration_cases"] == 231


def test_documents_given_a_fair_competition_review_alone_are_not_normative_documents() -> None:
    got = report_indicators(
        "对本局制发的规范性文件逐件清理，共清理18件，其中保留12件、修改4件、废止2件。\n"
        "本局起草的8件涉企政策文件出台前均经公平竞争审查，均未设置妨碍市场准入的内容。\n"
    )
    assert got["normative_documents_reviewed"] == 18


def test_a_campaign_named_as_the_occasion_holds_the_figures_of_its_own_field() -> None:
    got = report_indicators(
        "全年共立案查处城市管理违法案件1,326件；结案1,301件；罚没款286.47万元。\n"
        "开展重点领域专项整治。按照市城市管理局关于城镇燃气安全专项整治的统一部署，对用气场所开展排查，"
        "全年检查燃气经营企业11家，立案查处燃气违法案件302件，罚没款73.96万元。\n"
    )
    assert got["admin_penalty_cases"] == 1326
    assert got["fines_yuan"] == 2864700


# ------------------------------------------------------------------ round 107
def test_figures_an_aside_at_the_sentences_end_says_are_not_counted_are_not() -> None:
    got = report_indicators(
        "全年全局共立案查处违法案件4,127件，罚没款583.46万元；开展普法宣传活动94场次。\n"
        "据各旗县报送，9个旗县城市管理部门共立案查处违法案件2356件，罚没款176.83万元，开展普法宣传活动68场次"
        "（以上数据由各旗县单独统计，未计入全局数据）。\n"
    )
    assert got["admin_penalty_cases"] == 4127
    assert got["publicity_events"] == 94


def test_training_the_counties_enforcement_staff_is_not_the_bureaus_staff_training() -> None:
    got = report_indicators(
        "全年组织全局执法人员集中培训11期、1,046人次。\n"
        "对9个旗县城市管理部门加强业务指导，举办全市旗县城管执法人员业务培训班2期、培训187人次。\n"
    )
    assert got["training_sessions"] == 11
    assert got["training_participants"] == 1046


def test_the_outcomes_of_a_clean_up_are_no_legal_reviews() -> None:
    got = report_indicators(
        "全年对局发文件、合同协议和重大决策开展合法性审查51件，另对38件重大执法决定进行法制审核。\n"
        "对我局制定和执行的规范性文件开展全面清理，共梳理26件，经审查决定继续保留19件、修改4件、废止3件。\n"
    )
    assert got["legal_reviews"] == 89


# ------------------------------------------------------------------ round 108
def test_assistants_under_unified_training_management_are_no_trainees() -> None:
    got = report_indicators(
        "举办执法人员法律知识培训班6期，培训820人次。\n"
        "对530名城管协管员实行统一招聘、统一培训、统一管理，明确协管员只能协助执法人员开展工作。\n"
    )
    assert got["training_participants"] == 820


def test_village_lawyers_reviewing_village_rules_are_not_the_towns_legal_reviews() -> None:
    got = report_indicators(
        "全年对镇政府重大行政决策、合同协议等开展合法性审查131件。\n"
        "村（社区）法律顾问全年审核村规民约、集体经济合同等38份，提供法律咨询2,140人次。\n"
    )
    assert got["legal_reviews"] == 131
