"""Session 21: rules from held-out round 109 and later, each with a hand-made input."""

from __future__ import annotations

from snippets import in_report, indicators, outline, report_indicators, theme

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metrics import read_units


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ units
def test_a_unit_is_not_read_into_the_word_it_opens() -> None:
    got = _raws("全年排查风险隐患，处置3个次生灾害隐患点，复查在建项目41个次。\n")
    assert got["3个"] == (3, "个")
    assert got["41个次"] == (41, "个次")
    assert "3个次" not in got


def test_the_units_table_names_what_may_not_follow_a_unit() -> None:
    units = read_units().set_index("unit")
    assert units.loc["个次", "not_before"] == "生"
    assert units.loc["件", "not_before"] == ""


def test_a_jin_is_a_unit_of_weight() -> None:
    got = _raws("全市粮食总产18.7亿斤，查获假劣农药320公斤。\n")
    assert got["18.7亿斤"] == (1.87e9, "斤")
    assert got["320公斤"] == (320, "公斤")


def test_a_platforms_phase_is_a_name_not_a_count() -> None:
    got = _raws("完成数字化城市管理平台二期升级，全年举办业务培训班3期。\n")
    assert "二期" not in got
    assert got["3期"] == (3, "期")


# ------------------------------------------------------------------ cleaning: paginated pages
_PAGED = (
    "某市人民政府\n网站支持IPv6　　无障碍浏览　　长者模式\n"
    "首页 | 走进某市 | 政务公开 | 政务服务 | 互动交流\n"
    "当前位置：首页 > 政务公开 > 部门信息 > 市城管执法局\n\n"
    "某市城市管理综合执法局2021年度法治政府建设工作报告\n"
    "发布时间：2022-01-27 16:35　　来源：市城管执法局　　浏览次数：1206\n"
    "字号：大 中 小　　【打印本页】　【关闭窗口】\n\n"
    "　　2021年，我局坚持以习近平法治思想为指导，全面推进城市管理领域法治建设，各项工作取得新成效。\n"
    "　　一、主要成效\n"
    "　　全年市本级立案查处各类违法案件2,136件，结案率96.96%；收缴罚没款\n\n"
    "第1页 第2页 下一页\n\n"
    "主办：某市人民政府办公室　　承办：某市大数据中心\n"
    "网站标识码：3602000016　　赣ICP备05007729号\n\n"
    "某市人民政府\n网站支持IPv6　　无障碍浏览　　长者模式\n"
    "首页 | 走进某市 | 政务公开 | 政务服务 | 互动交流\n"
    "当前位置：首页 > 政务公开 > 部门信息 > 市城管执法局\n\n"
    "某市城市管理综合执法局2021年度法治政府建设工作报告\n"
    "发布时间：2022-01-27 16:35　　来源：市城管执法局　　浏览次数：1207\n"
    "字号：大 中 小　　【打印本页】　【关闭窗口】\n\n"
    "182.47万元，同比下降6.2%，执法方式由“重处罚”向“重规范”转变。\n"
    "　　二、存在问题\n　　执法队伍专业化水平仍需提升，数字化执法手段运用还不够充分。\n\n"
    "某市城市管理综合执法局\n2022年1月21日\n\n上一页 第1页 第2页\n\n"
    "主办：某市人民政府办公室　　承办：某市大数据中心\n"
)


def test_a_paginated_articles_second_page_goes_on_the_sentence_its_first_cut() -> None:
    got = clean_text(_PAGED)
    assert "收缴罚没款182.47万元，同比下降6.2%" in got.text
    assert got.text.count("某市城市管理综合执法局2021年度法治政府建设工作报告") == 1
    assert "某市人民政府\n" not in got.text
    assert "第1页" not in got.text and "IPv6" not in got.text
    rules = dict(zip(got.removed["text"], got.removed["rule"], strict=False))
    assert rules["第1页 第2页 下一页"] == "pager"
    assert rules["上一页 第1页 第2页"] == "pager"
    assert rules["网站支持IPv6　　无障碍浏览　　长者模式"] == "footer_links"


def test_a_paginated_articles_fines_are_read_across_its_page_break() -> None:
    assert indicators(clean_text(_PAGED).text)["fines_yuan"] == 1824700


def test_a_pager_alone_is_chrome_but_a_sentence_about_pages_is_not() -> None:
    got = clean_text(
        "某县城市管理局2023年法治政府建设年度报告\n"
        "全年编印执法手册，共120页，发放执法人员，各项工作取得新成效。\n"
        "首页 上一页 1 2 下一页 尾页\n"
    )
    assert "共120页" in got.text
    assert "下一页" not in got.text


def test_a_wechat_articles_length_and_reading_time_are_chrome() -> None:
    got = clean_text(
        "盐城城管\n⏱ 本文共7200余字，预计阅读时间15分钟\n"
        "某市城市管理局2025年度法治政府建设工作报告\n"
        "2025年，我局全年办理行政处罚案件120件，各项工作取得新成效。\n"
    )
    assert "15分钟" not in got.text


# ------------------------------------------------------------------ cleaning: tables, appendices
def test_a_html_tables_long_row_label_and_change_in_points_stay_in_its_rows() -> None:
    cells = [
        "指标", "2021年", "2022年", "同比增减",
        "行政处罚案件（件）", "1047", "1286", "+22.8%",
        "非现场执法案件（件）", "212", "437", "+106.1%",
        "12345、12319热线工单（件）", "3875", "4362", "+12.6%",
        "案件结案率（%）", "95.3", "97.2", "+1.9个百分点",
    ]  # fmt: skip
    text = (
        "某区城市管理局2022年法治政府建设工作总结\n"
        "2022年，我局全年立案查处违法案件1286件，结案率97.2%，各项工作取得新成效。\n"
        "表1  2021－2022年主要执法数据对比\n"
        + "\n".join(cells)
        + "\n注：行政处罚案件含非现场执法案件。\n"
    )
    got = clean_text(text).text
    assert "12345、12319热线工单（件）\t3875\t4362\t+12.6%" in got
    assert "案件结案率（%）\t95.3\t97.2\t+1.9个百分点" in got


_APPENDIX = (
    "某县城市管理局\n2023年度法治政府建设工作报告\n"
    "2023年，我局深入学习贯彻习近平法治思想，全年共办理行政处罚案件632件，各项工作取得新成效。\n"
    "一、主要工作\n（一）规范执法\n1.严格执法。全年共办理行政处罚案件632件，罚没款86.47万元，结案率97.9%。\n"
    "2.严格审查。全年完成各类合法性审查96件，具体为：规范性文件3件，重大行政决策2件，"
    "合同协议41件，重大执法决定法制审核50件，审查率100%。\n"
    "（二）强化监督\n全年办理行政复议案件2件，行政诉讼案件1件，均未被纠错。\n"
    "二、存在问题\n执法队伍专业化水平仍需提升。\n"
    "三、下一步工作打算\n（一）提升能力。计划举办法治专题培训不少于6期。\n"
    "（二）规范执法。确保结案率保持在95%以上。\n\n"
    "某县城市管理局\n2024年1月22日\n\n"
    "附件：1.某县城市管理局2023年度行政执法案件分类统计表\n"
    "2.某县城市管理局2023年度规范性文件及重大行政决策目录\n\n"
    "附件1\n某县城市管理局2023年度行政执法案件分类统计表\n"
    "序号  执法领域    立案数（件）  罚没款（万元）\n"
    "1     市容环境    368           39.84\n2     环境卫生    264           46.63\n"
    "合计              632           86.47\n\n"
    "附件2\n某县城市管理局2023年度规范性文件及重大行政决策目录\n"
    "1.《某县城区临时摊点疏导区设置管理办法》（规范性文件）\n"
    "2.《某县城市生活垃圾分类工作实施方案》（规范性文件）\n"
)


def test_a_numbered_appendix_label_after_the_signature_leaves_the_signature_its_date() -> None:
    got = clean_text(_APPENDIX)
    assert got.metadata["signature_date"] == "2024-01-22"
    assert "2024年1月22日" not in got.text


def test_an_appendixs_title_under_its_label_is_no_heading_that_lost_its_marker() -> None:
    top = [(lv, mk, hd) for lv, mk, hd, _ in outline(clean_text(_APPENDIX).text) if lv <= 2]
    assert (2, "(二)", "强化监督") in top
    assert not any("目录" in hd for _, _, hd in top)
    assert [mk for lv, mk, _ in top if lv == 2] == ["(一)", "(二)", "(一)", "(二)"]


def test_a_total_broken_down_after_specifically_holds_its_parts() -> None:
    assert indicators(clean_text(_APPENDIX).text)["legal_reviews"] == 96


# ------------------------------------------------------------------ whose figures
def test_a_systems_figure_naming_counties_in_nested_brackets_is_not_the_authors() -> None:
    got = report_indicators(
        "全年市本级共立案查处各类城市管理违法案件2,136件。\n"
        "据统计，全市城管执法系统（含各县（市、区）城管执法部门）全年共查处各类城市管理违法案件5,873件，"
        "其中市本级案件占36.4%。\n"
    )
    assert got["admin_penalty_cases"] == 2136


def test_a_whole_areas_total_broken_into_own_level_and_counties_bodies_gives_the_own_level() -> (
    None
):
    got = report_indicators(
        "全年，全市农业综合行政执法机构共出动执法人员1.28万人次，立案查处各类农业违法案件326件，"
        "罚没款合计186.47万元。其中，市农业综合行政执法支队本级查处61件，结案率95.1%，罚没款42.38万元，"
        "其中罚款39.14万元、没收违法所得3.24万元；东至县、石台县、青阳县、贵池区农业综合行政执法大队"
        "共立案查处265件，罚没款144.09万元。\n"
    )
    assert got["fines_yuan"] == 423800
    assert got["admin_penalty_cases"] == 61


def test_a_course_for_named_counties_departments_is_not_the_bureaus_training() -> None:
    got = report_indicators(
        "全年举办执法业务技能培训班8期，培训执法人员920人次。\n"
        "发挥市级业务指导作用。为浮梁县、乐平市和昌江区、珠山区城管执法部门举办业务骨干培训班1期，培训130人。\n"
    )
    assert got["training_sessions"] == 8
    assert got["training_participants"] == 920


def test_the_counties_brigades_staff_trained_are_not_the_bureaus() -> None:
    got = report_indicators(
        "组织全局干部职工参加法治专题培训6期、参训486人次。\n"
        "针对执法队伍新老交替较快的实际，举办执法人员能力提升培训班2期，培训各县区农业综合行政执法大队业务骨干216人次。\n"
    )
    assert got["training_participants"] == 486


def test_training_the_districts_departments_were_guided_to_hold_is_theirs() -> None:
    got = report_indicators(
        "面向局机关执法人员分8期举办法治能力提升培训班，累计培训632人次。"
        "此外，指导亭湖区、盐都区城管部门开展基层执法人员全员轮训，累计培训1460余人次。\n"
    )
    assert got["training_participants"] == 632


def test_traders_staff_trained_are_the_trade_not_the_bureau() -> None:
    got = report_indicators(
        "组织干部职工参加法治专题培训6期、参训486人次。面向农资经营人员举办法律法规培训班12期、培训860人次。\n"
    )
    assert got["training_sessions"] == 6
    assert got["training_participants"] == 486


def test_a_guided_courses_own_staff_are_still_trained_under_guidance() -> None:
    got = report_indicators("在市局指导下，我局开展执法人员全员轮训3期，累计培训210人次。\n")
    assert got["training_participants"] == 210


# ------------------------------------------------------------------ not more of the count
def test_complaints_partly_sent_on_by_the_hotline_are_not_added_to_its_orders() -> None:
    got = report_indicators(
        "承办12345市民服务热线工单4127件，工单按时办结率99.3%。"
        "委监督所受理卫生健康领域投诉举报356件，其中来源于12345热线转派的248件，均按时办结。\n"
    )
    assert got["hotline_cases"] == 4127


def test_complaints_with_no_hotline_orders_beside_them_are_still_the_hotlines() -> None:
    got = report_indicators("受理投诉举报356件，其中来源于12345热线转派的248件，均按时办结。\n")
    assert got["hotline_cases"] == 356


def test_cases_entered_on_a_mobile_terminal_are_a_way_of_handling_not_more_cases() -> None:
    m = process_text(
        "r",
        in_report(
            "全年立案查处各类违法案件1372件，罚款492.36万元。\n"
            "推行移动执法“掌上办案”，通过移动执法终端录入办理案件1126件，网上办案率82.1%。\n"
        ),
    )["metrics"]
    indicator = dict(zip(m["raw"], m["indicator"], strict=True))
    assert indicator["1372件"] == "admin_penalty_cases"
    assert indicator["1126件"] != "admin_penalty_cases"


# ------------------------------------------------------------------ themes
def test_strict_enforcement_after_a_quality_safety_field_is_enforcement() -> None:
    assert (
        theme("聚焦农资、动物卫生、渔政和农产品质量安全,从严开展农业综合行政执法") == "enforcement"
    )


# ------------------------------------------------------------------ rounds 111-112
def test_a_bound_written_as_a_sign_is_a_bound() -> None:
    m = process_text("r", "确保掌上执法率≥95%，全年办理案件120件。\n")["metrics"]
    row = m[m["raw"] == "95%"].iloc[0]
    assert (row["value"], bool(row["approx"]), row["qualifier"]) == (95, True, "≥")


def test_a_tables_target_cell_with_a_bound_sign_is_read_as_a_bound() -> None:
    m = process_text(
        "r",
        "2024年度法治建设主要指标完成情况\n指标\t年度目标\t完成值\t完成率\n"
        "执法人员法治培训（期）\t10\t12\t120%\n掌上执法率（%）\t≥95\t98.6\t达标\n"
        "行政处罚案件结案率（%）\t≥95\t97.2\t达标\n",
    )["metrics"]
    got = {(r.raw, r.value, r.unit, bool(r.approx)) for r in m.itertuples()}
    assert ("95", 95, "%", True) in got
    assert ("98.6", 98.6, "%", False) in got


def test_a_line_of_units_alone_under_the_columns_names_gives_each_column_its_unit() -> None:
    m = process_text(
        "r",
        "全年执法检查情况如下表：\n表1  2024年统计执法检查情况\n"
        "检查企业  发现问题  立案查处    罚款\n"
        "检查方式       （家）    （个）    （件）   （万元）\n"
        "“双随机”抽查       48        57        5        7.6\n"
        "专项执法检查         16        23        3        4.2\n"
        "此外，配合市统计局开展检查。\n",
    )["metrics"]
    got = dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))
    assert got["48"] == (48, "家")
    assert got["7.6"] == (76000, "元")
    assert got["23"] == (23, "个")


def test_key_value_pairs_on_one_line_each_keep_their_own_label() -> None:
    m = process_text(
        "r",
        "2022年法治建设主要数据一览\n- 收缴罚没款：386.52万元\n- 行政复议：4件　行政诉讼：3件\n",
    )["metrics"]
    subject = dict(zip(m["raw"], m["subject"], strict=True))
    assert subject["4件"] == "行政复议"
    assert subject["3件"] == "行政诉讼"
    assert subject["386.52万元"] == "收缴罚没款"  # (no bullet in the subject)


def test_a_link_to_the_original_page_is_chrome_and_leaves_the_signature_its_date() -> None:
    got = clean_text(
        "# 某市城市管理局2022年度法治政府建设工作报告\n"
        "2022年，我局深入学习贯彻习近平法治思想，全年立案查处违法案件2,847件，各项工作取得新成效。\n"
        "## 一、主要举措\n全年举办法治培训14期，培训干部职工1,260人次。\n"
        "某市城市管理局\n2023年2月16日\n"
        "原文链接：[某市城市管理局2022年度法治政府建设工作报告](http://www.example.gov.cn/a.html)\n"
    )
    assert got.metadata["signature_date"] == "2023-02-16"
    assert "原文链接" not in got.text


def test_a_line_break_tag_inside_a_source_line_starts_a_line() -> None:
    from analysis.reading import reflow_html

    page = (
        "<html><body><div>"
        "坚持罚缴分离，杜绝以罚代管、逐利执法。<br/>&nbsp;&nbsp;（五）优化政务服务，助力打造一流营商环境<br>\n"
        "</div></body></html>"
    )
    got = reflow_html(page)
    assert "逐利执法。<br/>\n&nbsp;&nbsp;（五）" in got


def test_a_run_in_title_below_a_heading_is_not_the_headings_rest() -> None:
    got = outline(
        "某县综合行政执法局2024年法治政府建设情况报告\n一、主要工作\n"
        "（一）聚焦“监管一件事”“综合查一次”，法治化营商环境持续优化\n"
        "推进“监管一件事”改革。围绕燃气安全、建筑垃圾治理等高频监管事项，会同县市场监管局制定联合检查清单。\n"
        "（二）严格规范公正文明执法，执法质效稳步提升\n全年办理行政处罚案件1184件。\n"
    )
    assert (2, "(一)", "聚焦“监管一件事”“综合查一次”，法治化营商环境持续优化", False) in got


def test_a_wrapped_heading_still_takes_its_cut_rest() -> None:
    got = outline(
        "某市城市管理局2023年法治政府建设情况报告\n一、主要工作\n"
        "（一）坚持科技赋能、数据驱动，以“一网统管”推动城市管理由人力密集向人机\n"
        "交互转变。依托市域社会治理现代化指挥中心，推动数字城管平台与12个部门业务系统对接。\n"
        "（二）严格规范执法\n全年办理行政处罚案件1184件。\n"
    )
    assert got[1][2].endswith("由人力密集向人机交互转变")


def test_a_full_heading_line_of_two_clauses_does_not_take_the_paragraph_below() -> None:
    rows = "\n".join(
        [
            "某区城市管理局2023年法治政府建设年度报告",
            "一、主要工作",
            "（一）深化“放管服”改革，持续优化城市管理领域营商环境",
            "我局负责的9项行政许可事项已全部入驻区政务服务中心窗",
            "口集中办理，推行“一窗受理、集成服务”，全年受理并办结",
            "建筑垃圾处置核准等许可申请1264件，按时办结率100%。",
            "（二）严格规范执法，提升城市管理执法效能",
            "全年共办理行政处罚案件1582件，较2022年的1396件增长1",
            "3.3%，其中适用简易程序1047件、一般程序535件。",
        ]
    )
    got = clean_text(rows).text
    assert "（一）深化“放管服”改革，持续优化城市管理领域营商环境\n我局负责" in got


def test_a_kinds_fine_in_a_breakdown_by_kind_is_a_part_of_the_years() -> None:
    got = report_indicators(
        "全年共办理行政处罚案件1582件，较2022年的1396件增长13.3%，其中适用简易程序1047件、"
        "一般程序535件；收缴罚没款186.73万元。已结案1551件，结案率98.04%。"
        "从违法类型看，查处违法建设案件214件，依法拆除违法建筑3.6万平方米；"
        "查处渣土车辆沿路抛撒、未密闭运输等违法行为176件，罚款48.2万元；查处占道经营案件612件。\n"
    )
    assert got["fines_yuan"] == 1867300


def test_fines_of_two_halves_add_up_and_a_fields_fine_stays_a_part() -> None:
    got = report_indicators(
        "其中，上半年原县城市管理局办理行政处罚案件312件，罚没款86.47万元；"
        "下半年我局办理行政处罚案件529件，罚没款213.6万元。\n"
        "国土资源领域，查处违法占地案件58件，涉及土地126.4亩，罚没款118.2万元。\n"
    )
    assert got["fines_yuan"] == 3000700


def test_a_system_total_after_a_note_that_leaves_the_counties_out_is_not_the_bureaus() -> None:
    got = report_indicators(
        "全年立案查处违法案件2,847件，收缴罚没款386.52万元。\n"
        "注：表中数据为局本级数据，不含各县（市）、区城市管理部门办理的案件。"
        "经汇总，2022年全市城管系统立案总数为12,475件、罚没款合计1,268.4万元。\n"
    )
    assert got["fines_yuan"] == 3865200


def test_the_own_levels_fines_after_its_cases_beside_the_systems_total() -> None:
    got = report_indicators(
        "全年全县综合行政执法系统共办理行政处罚案件2575件，罚没款811.13万元，"
        "其中我局本级办理行政处罚案件1184件，同比增长8.3%（2023年为1093件），罚没款523.68万元；"
        "全县20个乡镇（街道）以自身名义办理行政处罚案件1391件，罚没款287.45万元。\n"
    )
    assert got["admin_penalty_cases"] == 1184
    assert got["fines_yuan"] == 5236800


def test_counties_figures_said_to_be_counted_by_themselves_are_not_the_bureaus() -> None:
    got = report_indicators(
        "全年共办理行政处罚案件1946件，收缴罚没款386.47万元。\n"
        "从全市看，各县（市、区）城管执法部门共办理行政处罚案件4385件、收缴罚没款712.6万元，"
        "由各县（市、区）分别统计，未计入上述全局数据。\n"
    )
    assert got["admin_penalty_cases"] == 1946
    assert got["fines_yuan"] == 3864700


def test_a_bare_total_after_its_parts_takes_their_indicator() -> None:
    text = in_report(
        "全年举办法治专题培训班6期、执法业务轮训8期，共计14期，培训干部职工和执法队员1,260人次；"
        "轮训中安排新入职执法队员岗前培训2期，参训86人。\n"
    )
    m = process_text("r", text)["metrics"]
    total = m[(m["raw"] == "14期")].iloc[0]
    assert total["indicator"] == "training_sessions"
    got = indicators(text)
    assert got["training_sessions"] == 14
    assert got["training_participants"] == 1260


def test_others_trained_by_a_civil_affairs_bureau_are_not_its_staff() -> None:
    got = report_indicators(
        "全年组织局机关干部职工法治专题培训5期、参训286人次。\n"
        "举办全县乡镇民政工作人员业务培训班2期，培训乡镇民政专干和社会救助经办人员128人次；"
        "组织全县社会组织负责人开展法律法规和年检政策培训1期，培训96人。\n"
        "对各镇（街道）统计站人员开展业务轮训2期、74人次。\n"
        "开展村（社区）“两委”成员和村务监督委员会成员法治培训，培训620余人次。\n"
    )
    assert got["training_sessions"] == 5
    assert got["training_participants"] == 286


def test_a_town_governments_village_cadres_are_its_own_trainees() -> None:
    got = report_indicators("全年举办机关干部和村（社区）干部法治专题培训7期，培训620人次。\n")
    assert got["training_sessions"] == 7
    assert got["training_participants"] == 620


def test_the_bureaus_staff_trained_beside_the_towns_are_its_own() -> None:
    got = report_indicators(
        "举办全县应急管理执法业务培训班4期，培训县局执法人员和乡镇安全生产监管人员186人次。\n"
    )
    assert got["training_participants"] == 186


def test_applications_to_enforce_and_advisers_help_are_no_lawsuits() -> None:
    got = report_indicators(
        "本局作为被告的行政诉讼案件2件。向区人民法院申请强制执行非诉行政案件4件，法院裁定准予执行3件。\n"
        "常年法律顾问全年参与重大涉法事务、信访积案化解和行政应诉34件次。\n"
    )
    assert got["admin_litigation_cases"] == 2


def test_guiding_village_self_government_is_community_service() -> None:
    assert theme("指导基层依法自治,提升基层治理法治化水平") == "community_service"


def test_regular_enforcement_named_first_is_enforcement() -> None:
    assert theme("持续推进规范执法和智慧执法") == "enforcement"
    assert theme("深化智慧税务建设,以数字化赋能规范执法和精细服务") == "digital"


# ------------------------------------------------------------------ rounds 113-114
_BODY = "2024年，我局深入学习贯彻习近平法治思想，全年立案查处违法案件2,310件，罚没款486.2万元，各项工作取得新成效。\n"


def test_an_interpretation_published_after_the_signature_is_another_document() -> None:
    got = clean_text(
        "某市城市管理局2024年法治政府建设年度报告\n"
        + _BODY
        + "一、主要工作\n"
        + _BODY
        + "某市城市管理局\n2025年2月11日\n\n"
        "【政策解读】一图读懂某市城市管理局2024年法治政府建设年度报告\n"
        "解读机构：某市城市管理局　　解读日期：2025年2月18日\n"
        "一、压实责任 高位推动\n全年立案查处违法案件230余件。\n"
    )
    assert "一图读懂" not in got.text
    assert "230余件" not in got.text


def test_the_reports_own_infographic_after_the_signature_stays_the_reports() -> None:
    got = clean_text(
        "某区应急管理局2024年度法治政府建设工作情况\n"
        + _BODY
        + "一、主要工作\n"
        + _BODY
        + "某区应急管理局\n2025年1月20日\n\n"
        "【图解】一图读懂某区应急管理局2024年度法治政府建设工作情况\n"
        "1,286\n家次\n检查生产经营单位\n"
    )
    assert "1,286" in got.text


def test_paragraph_numbers_running_through_the_text_are_no_outline() -> None:
    paras = [
        f"{n}.全年深入推进法治政府建设，严格规范公正文明执法，依法行政水平持续提升，各项工作任务均按计划完成，"
        f"群众满意度稳步提高，执法规范化建设取得明显成效。"
        for n in range(1, 15)
    ]
    text = "\n".join(
        [
            "某区城市管理局2023年法治政府建设年度报告",
            "一、主要工作",
            "（一）持续深化学法用法",
            *paras[:6],
            "（二）严格规范执法",
            *paras[6:10],
            "二、下一步工作打算",
            *paras[10:12],
            "13.（一）持续深化学法用法，夯实依法行政基础。健全学法制度，全年组织法治培训不少于6期。",
            "14.（二）严格规范公正文明执法。深化执法规范化建设，提升执法质效。",
        ]
    )
    got = [(lv, mk) for lv, mk, _, _ in outline(text) if lv <= 2]
    assert got == [(1, "一、"), (2, "(一)"), (2, "(二)"), (1, "二、"), (2, "(一)"), (2, "(二)")]


def test_cases_named_by_a_value_threshold_are_a_kind_of_the_years() -> None:
    got = report_indicators(
        "全年全市烟草专卖系统共查处涉烟违法案件1,528起，罚没款517.43万元。\n"
        "加强执法协作，全年查办案值5万元以上案件94起，其中案值50万元以上的大要案11起。\n"
    )
    assert got["admin_penalty_cases"] == 1528


def test_a_whole_areas_total_with_the_towns_own_name_cases_gives_the_own_level() -> None:
    got = indicators(
        "某区城市管理和综合执法局2022年法治政府建设年度报告\n"
        "全年区局本级立案查处城市管理违法案件1386宗，收缴罚没款312.47万元，未发生行政复议决定被撤销的情况。\n"
        "一、主要工作\n全年区局本级立案查处城市管理违法案件1386宗；按程序分，简易程序592宗、普通程序794宗。\n"
        "2022年，全区城市管理领域（含镇街）共立案查处违法案件3460宗，其中区局本级1386宗，"
        "各镇（街）以自身名义办理2074宗、收缴罚没款185.6万元。\n二、存在问题\n不足。\n"
    )
    assert got["admin_penalty_cases"] == 1386
    assert got["fines_yuan"] == 3124700


def test_retailers_suppliers_and_builders_trained_are_the_trade() -> None:
    got = report_indicators(
        "全年举办执法人员法律业务培训班9期，培训执法人员1,137人次。\n"
        "面向零售户开展“法治讲堂”64期、4,320人次。面向供应商相关人员开展政府采购政策培训2期、260余人。\n"
        "对施工单位管理人员开展人防工程质量管理培训2场、130余人次。\n"
    )
    assert got["training_sessions"] == 9
    assert got["training_participants"] == 1137


def test_courses_for_the_streets_teams_are_not_the_bureaus_training() -> None:
    got = report_indicators(
        "全年举办执法人员法治专题培训14期，培训1132人次。\n"
        "同时，为12个街道综合执法大队举办城市管理业务培训班3期，培训街道执法队员410人次。\n"
        "为镇（街）综合行政执法办公室执法人员开展业务培训6场、培训380余人次。\n"
    )
    assert got["training_sessions"] == 14
    assert got["training_participants"] == 1132


def test_a_reading_time_alone_on_its_line_is_chrome_and_an_age_is_a_quantity() -> None:
    got = clean_text(
        "某区城市管理局2022年度法治政府建设工作报告\n约16分钟读完\n"
        + _BODY
        + "执法人员平均年龄46.8岁。\n"
    )
    assert "16分钟" not in got.text
    assert _raws(got.text)["46.8岁"] == (46.8, "岁")


# ------------------------------------------------------------------ review rv38
def test_review_rv38_level_3_headings_numbered_straight_through_stay_headings() -> None:
    items = [
        "强化组织领导",
        "健全工作机制",
        "抓实述法考核",
        "抓好领导干部学法",
        "加强执法人员培训",
        "深化普法宣传",
    ]
    items += [
        "严格执法办案",
        "规范执法程序",
        "推行柔性执法",
        "办理复议诉讼",
        "办好热线诉求",
        "做好信访工作",
    ]
    para = "。全年围绕中心工作，扎实推进各项任务落实，建立健全工作台账，定期调度推进，确保各项措施落地见效，取得明显成效。"
    lines = ["某区城市管理局2023年法治政府建设年度报告", "一、主要举措和成效", "（一）加强党的领导"]
    lines += [f"{n}.{items[n - 1]}{para}" for n in range(1, 7)]
    lines += ["二、工作成效", "（一）严格规范执法"]
    lines += [f"{n}.{items[n - 1]}{para}" for n in range(7, 13)]
    levels = [(lv, mk) for lv, mk, _, _ in outline("\n".join(lines) + "\n")]
    assert levels.count((3, "1.")) == 1
    assert (3, "12.") in levels


def test_review_rv38_a_street_offices_own_cadres_and_a_bureaus_own_offices_are_trained_staff() -> (
    None
):
    got = report_indicators("组织街道机关干部开展法治专题培训4期，培训210人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (4, 210)
    got = report_indicators("组织各乡镇市场监管所干部开展执法业务培训6期，培训320人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (6, 320)
    got = report_indicators("组织全县各乡镇（街道）执法人员开展行政执法培训4期，培训360人次。\n")
    assert got["training_sessions"] == 4


def test_review_rv38_the_only_count_entered_on_terminals_and_a_bureaus_own_lawsuits_count() -> None:
    got = report_indicators(
        "全面推行移动执法，全年通过执法终端录入并办理行政处罚案件1426件，罚没款182.47万元。\n"
    )
    assert got["admin_penalty_cases"] == 1426
    got = report_indicators(
        "全年依法参与行政应诉案件8件，局主要负责人出庭应诉3次，未发生败诉案件。\n"
    )
    assert got["admin_litigation_cases"] == 8


def test_review_rv38_fields_fines_beside_a_smaller_other_figure_add_up() -> None:
    got = report_indicators(
        "市容环境卫生领域，查处占道经营等违法行为586件，罚款36.2万元；违法建设领域，查处违法建设行为42件，罚没款88.6万元。\n"
        "对轻微违法行为依法从轻处罚，对23家市场主体减轻罚款4.6万元。\n"
    )
    assert got["fines_yuan"] >= 1248000


def test_review_rv38_a_county_governments_whole_total_is_its_own() -> None:
    got = report_indicators(
        "全县共办理行政处罚案件5320件，罚没款3260.5万元，其中县本级办理2180件，罚没款2410.2万元；"
        "各乡镇（街道）以自身名义办理3140件，罚没款850.3万元。\n"
    )
    assert got["admin_penalty_cases"] == 5320
