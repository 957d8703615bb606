"""Session 17: rules from held-out round 89 and the review leftovers, each with a hand-made input."""

from __future__ import annotations

from analysis.cleaning import clean_text


def test_a_label_ending_in_a_colon_repeated_under_each_heading_is_no_running_header() -> None:
    body = []
    for k, heading in enumerate(["一、加强组织领导", "二、推进严格执法", "三、深化普法宣传"]):
        body += [
            heading,
            "主要做法：",
            f"我局坚持依法行政，全年办理案件{k + 10}件，取得良好效果，得到上级充分肯定。",
            "主要成效：",
            f"群众满意度达到9{k}%，工作成效明显，执法规范化水平进一步提升。",
        ]
    text = "某市城市管理局2023年法治政府建设年度报告\n" + "\n".join(body) + "\n"
    cleaned = clean_text(text).text
    assert cleaned.count("主要做法：\n") == 3
    assert cleaned.count("主要成效：\n") == 3


def test_a_page_header_repeated_on_every_page_is_still_a_running_header() -> None:
    pages = []
    for k in range(3):
        pages += [
            "某市城市管理局文件",
            f"我局坚持依法行政，全年办理案件{k + 10}件，取得良好效果，得到上级充分肯定。",
            f"- {k + 1} -",
        ]
    text = "某市城市管理局2023年法治政府建设年度报告\n一、主要工作\n" + "\n".join(pages) + "\n"
    cleaned = clean_text(text).text
    assert "某市城市管理局文件" not in cleaned


def test_a_task_s_field_starts_its_own_line_after_a_full_pdf_line() -> None:
    lines = ["某市城市管理局2024年法治政府建设工作要点", "一、推进严格规范执法"]
    for k in range(3):
        lines += [
            f"全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核第{k}",
            f"项制度，推动严格规范公正文明执法，持续优化法治化营商环境，强化执法监督{k}",
            f"责任单位：市城管局执法{k}支队、市城管局法规科、各县市区城市管理部门",
            f"完成时限：2024年{k + 1}月底前",
        ]
    cleaned = clean_text("\n".join(lines) + "\n").text
    assert "\n责任单位：市城管局执法1支队" in cleaned
    assert "强化执法监督1\n" in cleaned
    assert "\n完成时限：2024年2月底前" in cleaned


def test_a_field_word_inside_a_wrapped_sentence_still_joins() -> None:
    lines = ["某市城市管理局2023年法治政府建设年度报告", "一、主要工作"]
    for k in range(3):
        lines += [
            f"全面落实行政执法责任制，逐项明确执法岗位、执法权限和执法程序，压实{k}的",
            "责任单位和责任人员，全年办理各类案件120件，群众满意度明显提升，执法规范",
            f"化水平不断提高{k}。",
        ]
    cleaned = clean_text("\n".join(lines) + "\n").text
    assert "压实1的责任单位和责任人员" in cleaned


def test_a_sign_off_in_a_table_s_two_cells_is_the_signature() -> None:
    body = "\n".join(
        [
            "某县市场监督管理局2023年度法治政府建设工作报告",
            "一、主要工作",
            "全年查处各类违法案件236件，罚没款128.6万元，办理行政复议案件2件。" * 3,
            "二、存在的问题",
            "执法人员专业能力有待提升，基层执法力量相对薄弱。" * 3,
            "填报人\t王某某",
            "填报日期\t2024年1月18日",
        ]
    )
    r = clean_text(body + "\n")
    assert r.metadata["signature_date"] == "2024-01-18"
    assert "王某某" not in r.text and "填报日期" not in r.text


def test_a_quarterly_table_s_total_column_gives_the_precise_figure() -> None:
    from snippets import report_indicators

    body = (
        "全年办理行政处罚案件814件，收缴罚没款126.6万元。全年主要执法数据按季度统计如下：\n"
        "项目\t单位\t第一季度\t第二季度\t第三季度\t第四季度\t合计\n"
        "行政处罚案件\t件\t180\t200\t237\t197\t814\n"
        "罚没款\t万元\t21.36\t34.08\t41.75\t29.42\t126.61\n"
    )
    got = report_indicators(body)
    assert got["fines_yuan"] == 1266100
    assert got["admin_penalty_cases"] == 814


def test_a_table_s_row_of_two_parts_without_a_total_column_still_gives_no_figure() -> None:
    from snippets import report_indicators

    body = (
        "全年收缴罚没款126.6万元。主要执法数据如下：\n"
        "项目\t单位\t城区中队\t开发区中队\t备注\n"
        "罚没款\t万元\t80.30\t46.31\t已上缴\n"
    )
    assert report_indicators(body)["fines_yuan"] == 1266000


def test_the_next_year_s_plan_after_the_signature_is_another_document() -> None:
    from snippets import indicators

    text = "\n".join(
        [
            "某县综合行政执法局2024年法治政府建设年度报告",
            "一、主要工作",
            "全年开展普法宣传活动44场次，发放宣传资料1.26万份，办理行政处罚案件814件。" * 2,
            "二、2025年工作打算",
            "具体工作按照本局2025年法治政府建设工作要点抓好落实。",
            "",
            "某县综合行政执法局",
            "2025年1月15日",
            "",
            "某县综合行政执法局2025年法治政府建设工作要点",
            "",
            "今年是“十四五”规划的最后一年，为深入推进依法行政，结合我局实际，制定本工作要点。",
            "一、深化普法宣传",
            "（一）高质量完成“八五”普法总结验收。全年开展普法活动不少于30场，发放宣传资料1万份以上。",
        ]
    )
    r = clean_text(text + "\n")
    assert "工作要点\n" not in r.text and "不少于30场" not in r.text
    assert set(r.removed.loc[r.removed["text"].str.contains("不少于30场"), "rule"]) == {
        "next_document"
    }
    assert r.metadata["signature_date"] == "2025-01-15"
    assert indicators(r.text)["publicity_events"] == 44


def test_a_plan_named_in_the_body_is_no_next_document() -> None:
    text = "\n".join(
        [
            "某县综合行政执法局2024年法治政府建设年度报告",
            "一、主要工作",
            "年初制定印发本局2024年法治政府建设工作要点，全年开展普法宣传活动44场次。" * 2,
            "某县综合行政执法局2025年法治政府建设工作要点",
            "二、存在的问题",
            "执法人员专业能力有待提升，基层执法力量相对薄弱。" * 2,
        ]
    )
    r = clean_text(text + "\n")
    assert "二、存在的问题" in r.text


def test_training_given_to_townships_is_not_the_bureau_s_staff_training() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年举办执法业务和法律知识培训班6期，培训执法人员和执法辅助人员428人次。"
        "按照乡镇综合行政执法改革要求，为全县14个乡镇培训执法骨干65人，开展跟班指导28次。"
    )
    assert got["training_participants"] == 428
    assert got["training_sessions"] == 6


def test_a_three_year_action_plan_named_in_a_heading_is_no_plan() -> None:
    from snippets import theme

    assert theme("深入实施提升行政执法质量三年行动计划") == "enforcement"
    assert theme("2025年工作计划") == "plans"


def test_a_document_sharing_site_s_listing_and_counters_are_chrome() -> None:
    page = "\n".join(
        [
            "海量文档　免费阅读　　　首页　|　分类　|　VIP会员　|　上传文档　|　登录",
            "某市城管执法局2016年依法行政工作报告",
            "上传者：城管人　　上传时间：2017-03-02　　文档页数：6页　　下载积分：2",
            "浏览次数：1,203　　下载次数：47　　收藏次数：9",
            "评分：★★★★☆　4.3分（26人评价）",
            "简介：某市城市管理行政执法局2016年度依法行政工作情况报告，供同行学习参考。",
            "第 1 页 / 共 6 页",
            "某市城市管理行政执法局2016年依法行政工作报告",
            "一、加强组织领导",
            "全年共立案查处各类违法案件1,426件，收缴罚没款136.82万元，执法规范化水平进一步提升。"
            * 2,
            "开通VIP会员，本文档免费下载　　VIP年卡限时特惠低至88元 >>",
            "二、存在的问题",
            "执法人员专业能力有待提升，基层执法力量相对薄弱，信息化水平不高。" * 2,
            "",
            "某市城市管理行政执法局",
            "2017年1月13日",
            "",
            "本文档由某文库用户上传，版权归原作者所有，仅供学习交流。如有侵权，请联系网站删除。",
        ]
    )
    r = clean_text(page + "\n")
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["某市城管执法局2016年依法行政工作报告"] == "doc_site"
    for chrome in ("浏览次数", "评分", "简介", "开通VIP", "本文档由", "海量文档"):
        assert not any(line.startswith(chrome) for line in r.text.split("\n")), chrome
    assert r.text.startswith("某市城市管理行政执法局2016年依法行政工作报告\n")
    assert r.metadata["signature_date"] == "2017-01-13"


def test_a_single_report_title_above_an_uploader_line_stays() -> None:
    page = "\n".join(
        [
            "某市城市管理行政执法局2016年依法行政工作报告",
            "上传者：城管人　　上传时间：2017-03-02",
            "一、加强组织领导",
            "全年共立案查处各类违法案件1,426件，收缴罚没款136.82万元，执法规范化水平进一步提升。",
        ]
    )
    r = clean_text(page + "\n")
    assert r.text.startswith("某市城市管理行政执法局2016年依法行政工作报告\n")


def test_a_uyghur_translation_s_figures_are_no_quantities() -> None:
    from analysis.build import process_text

    text = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n"
        "全年共查处行政处罚案件1386件，结案率97.5%，群众满意度达到100%。\n"
        "\u200fيىل بويى 1386 دېلو بىر تەرەپ قىلىندى، دېلو يېپىلىش نىسبىتى 97.5% ، "
        "ئاممىنىڭ رازىلىق دەرىجىسى 100% كە يەتتى.\n"
    )
    metrics = process_text("r", text)["metrics"]
    assert sorted(metrics["raw"]) == ["100%", "1386件", "97.5%"]


def test_an_approximate_opening_figure_restates_the_exact_one() -> None:
    from snippets import indicators

    got = indicators(
        "某市城市管理行政执法局2016年依法行政工作报告\n"
        "一年来，我局依法行政各项任务较好完成，全年共查处各类违法案件1400余件。\n"
        "一、严格规范执法\n"
        "全年共立案查处各类违法案件1,426件，其中适用简易程序1,017件、一般程序409件。\n"
    )
    assert got["admin_penalty_cases"] == 1426


def test_two_different_counts_near_each_other_are_both_counted() -> None:
    from snippets import indicators

    got = indicators(
        "某市城市管理局2023年法治政府建设年度报告\n一、严格规范执法\n"
        "12345政务服务便民热线全年转办城管类工单1400余件。\n"
        "12319城建服务热线全年受理工单1,426件。\n"
    )
    assert got["hotline_cases"] == 2826
    got = indicators(
        "某市城市管理局2023年法治政府建设年度报告\n一、严格规范执法\n"
        "城区中队全年共查处各类违法案件1400余件。\n开发区中队全年查处各类违法案件1,620件。\n"
    )
    assert got["admin_penalty_cases"] == 3020


def test_a_hotline_share_of_a_platform_s_intake_is_no_hotline_count() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "市数字化城市管理监督指挥中心全年受理各类城市管理问题48,615件，其中信息采集监督员巡查上报"
        "39,870件、12319热线转入5,214件、视频监控发现3,531件；立案46,932件，结案45,107件。\n"
        "全年通过热线共受理群众诉求8,099件，其中12319热线6,842件、市长热线转办1,257件。\n"
    )
    assert got["hotline_cases"] == 8099
    assert got["digital_cases"] == 46932


def test_legal_affairs_the_legal_section_reviewed_are_legal_reviews() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "局法制科全年审核各类法律事务164件，其中重大行政处罚案件法制审核96件、合同协议合法性审查38份。"
        "法律顾问全年参与疑难案件会商、合同审查等法律事务31件次。\n"
    )
    assert got["legal_reviews"] == 164


def test_a_part_listed_with_a_total_and_restated_later_is_not_added() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "法制科全年审查各类涉法事项147件，涵盖行政规范性文件2件、合同协议41份、重大执法决定58件"
        "和其他涉法事务46件。\n全面落实行政执法三项制度，对58件重大执法决定全部经法制审核后作出。\n"
    )
    assert got["legal_reviews"] == 147


def test_a_sentence_after_a_closed_breakdown_is_no_part_of_it() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "2023年全局共查处行政处罚案件1,386件，其中适用一般程序472件、简易程序914件，"
        "罚没款216.57万元，同比下降6.2%。\n"
    )
    assert got["fines_yuan"] == 2165700


def test_power_lists_and_the_enforcement_system_reform_themes() -> None:
    from snippets import theme

    assert theme("推行权力清单和责任清单制度") == "business_environment"
    assert theme("深化城管执法体制改革,依法全面履行职能") == "enforcement"
    assert theme("依法全面履行政府职能") == "business_environment"


def test_an_appendix_after_a_signature_and_its_public_notice_leaves_the_signature() -> None:
    text = "\n".join(
        [
            "某市城市管理局关于2023年度法治政府建设情况的报告",
            "一、主要工作",
            "全年共立案办理城市管理行政处罚案件2314件，收缴罚没款1428.63万元，执法规范化水平提升。",
            "二、存在的问题",
            "执法人员专业能力有待提升，基层执法力量相对薄弱，信息化水平不高。",
            "附件：1.2023年度行政执法数据统计表",
            "",
            "某市城市管理局",
            "2024年1月23日",
            "",
            "（此件主动公开）",
            "- 12 -",
            "附件1",
            "2023年度行政执法典型案例",
            "案例一：某建设工程有限公司擅自委托无资质车辆运输建筑垃圾案。2023年3月28日，执法人员"
            "通过视频监控发现该项目渣土运输车辆带泥上路，依法处罚款2万元。",
        ]
    )
    r = clean_text(text + "\n")
    assert r.metadata["signature_date"] == "2024-01-23"
    assert "依法处罚款2万元。" in r.text


def test_a_finished_heading_s_next_line_with_its_own_run_in_title_is_no_part_of_it() -> None:
    from snippets import outline

    text = (
        "某市城市管理局2023年法治政府建设年度报告\n"
        "一、主要工作\n"
        "（五）深化“放管服”改革，以法治方式优化城市管理领域营商环境\n"
        "审批服务提速增效。城市管理领域11项行政许可全部集中到市政务服务中心城管窗口办理。\n"
        "（六）强化执法监督，推进严格规范公正文明执法\n"
        "全年开展案卷评查2次。\n"
    )
    got = [h for _, _, h, _ in outline(text)]
    assert "深化“放管服”改革，以法治方式优化城市管理领域营商环境" in got


def test_a_heading_wrapped_before_its_full_stop_still_ends_there() -> None:
    from snippets import outline

    text = (
        "某市城市管理局2023年法治政府建设年度报告\n"
        "一、主要工作\n"
        "（一）全面推行行政执法公示制度，确保执法全过程公开透明、留痕\n"
        "可追溯。通过政务网站公示执法主体和执法人员。\n"
        "（二）强化执法监督\n"
        "全年开展案卷评查2次。\n"
    )
    got = [h for _, _, h, _ in outline(text)]
    assert "全面推行行政执法公示制度，确保执法全过程公开透明、留痕可追溯" in [
        h.replace("\n", "") for h in got
    ]


def test_a_table_s_two_line_header_names_its_columns_units() -> None:
    from analysis.build import process_text

    text = (
        "某市城市管理局2023年法治政府建设年度报告\n一、主要工作\n全年执法数据见下表。\n"
        "2023年度行政执法数据统计表\n"
        "2023年                               2022年\n"
        "项  目                                        同比增减（%）\n"
        "件数        金额（万元）             件数        金额（万元）\n"
        "行政处罚案件                    2314            1428.63             2087            1263.84"
        "               10.9\n"
        "行政强制                          41                 —               47                 —"
        "              -12.8\n"
    )
    m = process_text("r", text)["metrics"]
    got = {
        (raw, unit, value) for raw, unit, value in zip(m["raw"], m["unit"], m["value"], strict=True)
    }
    assert ("2314", "件", 2314) in got
    assert ("1428.63", "元", 14286300) in got
    assert ("1263.84", "元", 12638400) in got
    assert ("10.9", "%", 10.9) in got
    assert ("47", "件", 47) in got


def test_a_header_line_that_does_not_name_every_column_names_none() -> None:
    from analysis.build import process_text

    text = (
        "某市城市管理局2023年法治政府建设年度报告\n一、主要工作\n全年执法数据见下表。\n"
        "2023年                               2022年\n"
        "件数        金额（万元）\n"
        "行政处罚案件                    2314            1428.63             2087            1263.84\n"
    )
    m = process_text("r", text)["metrics"]
    assert "2087" not in set(m["raw"])


# --- review rv32 of the session's rules (tests fail on the code before the mends)


def test_review_session17_a_report_under_its_covering_letter_is_no_next_document() -> None:
    text = "\n".join(
        [
            "关于报送2023年度法治政府建设工作总结暨2024年工作计划的函",
            "",
            "县委全面依法治县委员会办公室：",
            "根据《关于做好2023年度法治政府建设年度报告工作的通知》要求，现将我局2023年度法治政府建设"
            "工作总结暨2024年工作计划报送你办，请审阅。我局将以此为契机，进一步压实法治建设责任，"
            "推动法治政府建设各项任务落地见效，为全县经济社会高质量发展提供坚实法治保障。",
            "",
            "某某县市场监督管理局",
            "2024年1月10日",
            "",
            "某某县市场监督管理局2023年度法治政府建设工作总结暨2024年工作计划",
            "",
            "2023年，县市场监督管理局坚持以习近平法治思想为指导，各项工作取得积极成效。现将有关情况报告如下：",
            "一、2023年法治政府建设主要工作",
            "全年共查办各类行政处罚案件236件，罚没款128.6万元，办理行政复议案件2件。",
            "二、存在的不足",
            "执法力量相对薄弱，执法人员专业能力有待提升。",
        ]
    )
    r = clean_text(text + "\n")
    assert "全年共查办各类行政处罚案件236件" in r.text
    assert "next_document" not in set(r.removed["rule"])


def test_review_session17_a_platform_named_before_a_semicolon_keeps_other_subjects_figures() -> (
    None
):
    from snippets import report_indicators

    got = report_indicators(
        "依托数字城管平台全年受理各类城市管理问题48,615件，处置率98.5%；全年立案查处各类违法案件"
        "1,236件，罚没款186.4万元；受理群众投诉举报问题2,100件。\n"
    )
    assert got["admin_penalty_cases"] == 1236
    assert got["digital_cases"] == 48615


def test_review_session17_a_cumulative_column_or_a_sum_of_years_is_no_year_s_total() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "主要执法数据如下：\n"
        "项目\t单位\t本年新增\t上年结转\t累计\n"
        "非现场执法案件\t件\t131\t289\t420\n"
    )
    assert "digital_cases" not in got
    got = report_indicators(
        "主要执法数据如下：\n"
        "项目\t单位\t2021年\t2022年\t2023年\t合计\n"
        "行政处罚案件\t件\t702\t824\t812\t2338\n"
    )
    assert got.get("admin_penalty_cases") != 2338


def test_review_session17_a_vip_service_in_the_body_is_no_site_offer() -> None:
    text = (
        "某县行政审批服务局2023年法治政府建设年度报告\n一、优化营商环境\n"
        "（二）开通重点项目VIP服务专区，提升企业办事体验\n"
        "深化“放管服”改革，在政务服务中心为重点企业开通VIP绿色通道，实行专人对接、全程\n"
        "代办，全年办理审批事项1,260件，按时办结率100%。\n"
    )
    r = clean_text(text)
    assert "开通VIP绿色通道" in r.text
    assert "（二）开通重点项目VIP服务专区，提升企业办事体验" in r.text


def test_review_session17_a_portal_s_title_over_its_view_counter_stays() -> None:
    text = "\n".join(
        [
            "某某县自然资源局2023年度法治政府建设情况报告",
            "浏览次数：1203",
            "根据《法治政府建设与责任落实督察工作规定》要求，现将我局2023年度法治政府建设情况报告如下：",
            "一、主要工作",
            "全年将行政处罚信息上传至国家企业信用信息公示系统，办理行政处罚案件86件。",
        ]
    )
    r = clean_text(text + "\n")
    assert r.text.startswith("某某县自然资源局2023年度法治政府建设情况报告\n")


def test_review_session17_training_the_bureau_s_own_offices_in_towns_is_staff_training() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "为全县12个乡镇司法所工作人员举办业务培训班4期，培训司法所干部和局机关干部186人次。"
    )
    assert got["training_sessions"] == 4
    got = report_indicators("为助力乡村振兴开展城管执法骨干培训2期，培训执法人员96人次。")
    assert got["training_sessions"] == 2


def test_review_session17_a_table_s_review_time_row_is_no_sign_off() -> None:
    text = "\n".join(
        [
            "某县行政审批服务局2023年法治政府建设年度报告",
            "一、主要工作",
            "全年办理审批事项1,260件，按时办结率100%，压缩审批时限如下：",
            "项目\t法定时限\t承诺时限",
            "审核时间\t20个工作日\t5个工作日",
            "",
            "某县行政审批服务局",
            "2024年1月10日",
        ]
    )
    r = clean_text(text + "\n")
    assert "审核时间\t20个工作日\t5个工作日" in r.text


def test_review_session17_the_report_s_own_action_plan_heading_is_plans() -> None:
    from snippets import theme

    assert theme("下阶段行动计划") == "plans"
    assert theme("明年行动计划") == "plans"
    assert theme("深入实施法治政府建设三年行动计划") != "plans"


def test_review_session17_a_heading_wrapped_before_its_conjunction_keeps_its_end() -> None:
    from snippets import outline

    text = (
        "某市城市管理局2023年法治政府建设年度报告\n一、主要工作\n"
        "（一）全面推行行政执法三项制度，持续提升城市管理执法规范化水平\n"
        "和群众满意度。全年开展案卷评查2次，评查案卷120卷。\n"
        "（二）深化普法宣传\n全年开展普法活动44场次。\n"
    )
    got = [h for _, _, h, _ in outline(text)]
    assert "全面推行行政执法三项制度，持续提升城市管理执法规范化水平和群众满意度" in got


def test_review_session17_a_chinese_sentence_beside_a_translation_keeps_its_figures() -> None:
    from snippets import indicators

    got = indicators(
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n"
        "全年办理行政处罚案件812件。연간 행정처벌 사건 812건을 처리하였으며 만족도가 높아졌다.\n"
    )
    assert got["admin_penalty_cases"] == 812


# --- round 90


def test_an_infographic_figure_under_a_panel_title_with_a_hotline_label_is_kept() -> None:
    body = (
        "某区应急管理局2024年法治政府建设年度报告\n一、主要工作\n"
        + "全年共受理安全生产举报投诉612件，按期办结率99.7%，群众满意度明显提升，工作成效显著。\n"
        * 3
    )
    board = (
        "一图读懂\n▍执法检查\n1,286\n家次\n检查企业\n▍化解纠纷　应急有备\n612\n件\n"
        "受理12350、12345举报投诉\n99.7%\n举报投诉按期办结率\n"
    )
    r = clean_text(body + board)
    assert "\n612\n件\n" in r.text
    assert "page_number" not in set(r.removed["rule"])


def test_firms_managers_trained_at_length_are_no_staff_training() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "举办执法业务专题培训班6期，参训248人次。组织企业主要负责人和安全管理人员开展安全生产法律法规"
        "培训32期、培训4,860人次。\n"
    )
    assert got["training_sessions"] == 6
    assert got["training_participants"] == 248


def test_a_draft_s_margin_line_numbers_are_dropped() -> None:
    lines = ["某市交通运输综合行政执法支队2022年法治政府建设工作报告", "（征求意见稿）"]
    body = ["一、主要工作", "（一）严格规范执法"]
    body += [
        f"全年第{k}批次执法检查依法查处各类交通运输违法案件{100 + k}件，" for k in range(1, 10)
    ]
    body += ["（二）严把法制审核关口，提升执法决策质量"]
    body += [
        f"严格落实重大执法决定法制审核制度，第{k}季度审核重大执法决定{10 + k}件，"
        for k in range(1, 12)
    ]
    body += ["二、存在的问题", "执法力量相对薄弱，执法人员专业能力有待提升。"]
    for k, line in enumerate(body, start=1):
        lines.append(f"{k}    {line}" if k % 5 == 0 else line)
    r = clean_text("\n".join(lines) + "\n")
    assert "\n（二）严把法制审核关口，提升执法决策质量" in r.text
    assert not any(line[:2].isdigit() for line in r.text.split("\n"))
    # (a numbered line that a wrap joins is recorded as joined; the others as line_number)
    numbered = {k + 2 for k in range(5, len(body) + 1, 5)}
    assert numbered <= set(r.removed["line_no"])
    assert set(r.removed.loc[r.removed["rule"] == "line_number", "line_no"]) <= numbered


def test_a_table_s_serial_numbers_are_no_line_numbers() -> None:
    text = "\n".join(
        ["某局2023年法治政府建设年度报告", "一、主要工作", "序号  项目  数量"]
        + [f"{k}  行政处罚案件  {100 + k}件" for k in range(1, 12)]
    )
    assert "line_number" not in set(clean_text(text + "\n").removed["rule"])


def test_the_bodies_a_detachment_guides_are_not_its_own_level() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年支队本级共立案查处各类交通运输违法案件2,718件，同比上升13.0%。\n"
        "对4个区县（市）交通运输综合行政执法大队加强业务指导，上述大队全年共查处案件1,042件。\n"
    )
    assert got["admin_penalty_cases"] == 2718


def test_a_cascaded_training_is_no_count() -> None:
    from analysis.build import process_text

    m = process_text(
        "r",
        in_report_text(
            "选派十二名业务骨干参加省、州城市管理部门举办的执法业务培训，回来后在本中队开展二次培训。"
        ),
    )["metrics"]
    assert "二次" not in set(m["raw"])


def in_report_text(body: str) -> str:
    from snippets import in_report

    return in_report(body + "\n")


def test_an_opening_figure_in_chinese_numerals_restates_the_exact_one() -> None:
    from snippets import indicators

    got = indicators(
        "某县城市管理局2019年法治政府建设工作情况报告\n"
        "一年来，全局共查处各类违法案件一千一百余件，收缴罚没款七十余万元。\n"
        "一、严格规范执法\n"
        "全年共查处各类城市管理违法案件一千一百五十七件，收缴罚没款七十四点三万元。\n"
    )
    assert got["admin_penalty_cases"] == 1157
    assert got["fines_yuan"] == 743000


def test_a_campaign_named_as_the_occasion_of_the_year_s_training_is_no_subset() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "结合城管执法队伍“强基础、转作风、树形象”专项行动，全年举办法治专题培训班八期，"
        "培训执法人员和协管人员三百二十人次。另有两期是为新招录的二十六名协管人员开设的岗前培训。\n"
    )
    assert got["training_participants"] == 320


def test_a_publicity_week_s_events_after_a_comma_are_a_part() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年开展城市管理法律法规宣传活动四十六场次，在国家宪法日前后的宪法宣传周，各中队到城区广场"
        "集中开展宣传十二场次。\n"
    )
    assert got["publicity_events"] == 46


def test_the_cases_own_closing_rate_in_chinese_numerals_is_the_completion_rate() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年受理各类许可申请四百一十八件，办结四百一十八件，按时办结率百分之百。"
        "全年共查处城市管理违法案件一千一百五十七件。已结案一千一百四十件，结案率百分之九十八点五。\n"
    )
    assert got["completion_rate"] == 98.5


def test_a_campaign_clause_after_the_year_s_total_is_not_the_later_figure_s() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年累计开展普法宣传活动47场次，宪法宣传周期间集中开展8场次，发放宣传资料1.2万余份。\n"
        "▲12月4日，队员们在社区普法摊位前为居民答疑，当天发放宣传资料600余份\n"
    )
    assert got["publicity_materials"] == 12000


def test_a_changed_penalty_decision_is_no_new_case() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年共立案查处各类行政处罚案件612件。全年采纳当事人陈述申辩意见7件，依法变更处罚决定2件。\n"
    )
    assert got["admin_penalty_cases"] == 612


def test_a_street_team_s_district_figures_are_its_superior_s() -> None:
    from snippets import indicators

    got = indicators(
        "某街道综合行政执法队2025年法治政府建设年度报告\n一、加强队伍建设\n"
        "全年组织执法业务培训14期，参训538人次。此外，区综合行政执法局全年举办全区执法人员分批轮训9期、"
        "1,460人次，执法队按要求派员参加。全区涉企行政检查总量同比下降38.6%。区司法局对全区各镇（街道）"
        "开展监督检查34次。\n"
    )
    assert got["training_sessions"] == 14
    assert got["training_participants"] == 538


# --- round 91


def test_a_dos_end_of_file_mark_after_gb2312_text_is_dropped() -> None:
    from analysis.reading import decode_report_bytes

    body = "某县城市管理局2017年法治政府建设工作情况报告\r\r\n\t全年共查处各类违法案件1136宗，收缴罚没款132.46万元。\r\r\n"
    text, encoding = decode_report_bytes(body.encode("gb2312") + b"\x1a", "p.txt")
    assert encoding == "gb18030"
    assert "全年共查处各类违法案件1136宗" in text and "\x1a" not in text


def test_a_converter_s_file_properties_and_tab_table_of_contents_are_chrome() -> None:
    text = "\n".join(
        [
            "Author: Administrator",
            "Content-Type: application/msword",
            "Page-Count: 10",
            "",
            "某县市场监督管理局2024年法治政府建设工作报告",
            "",
            "目  录",
            ' TOC \\o "1-3" \\h \\z \\u 一、2024年度法治政府建设主要成效\t2',
            "（一）聚焦党建统领，健全法治建设责任体系\t2",
            "二、存在的问题和不足\t9",
            "",
            "一、2024年度法治政府建设主要成效",
            "（一）聚焦党建统领，健全法治建设责任体系",
            "全年共查办各类案件612件，罚没款486.37万元，各项工作取得积极成效。",
            "二、存在的问题和不足",
            "执法人员专业能力有待提升，基层执法力量相对薄弱。",
        ]
    )
    r = clean_text(text + "\n")
    rules = dict(zip(r.removed["line_no"], r.removed["rule"], strict=True))
    assert rules[1] == rules[2] == "json_field"
    assert rules[8] == rules[9] == rules[10] == "toc"
    assert r.text.count("（一）聚焦党建统领，健全法治建设责任体系") == 1


def test_a_platform_named_earlier_in_its_paragraph_gives_its_cases_opened() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "投入资金680万元建设数字化城市管理监督指挥中心，于6月1日正式上线运行。平台采用万米单元网格管理法。"
        "平台运行以来，共采集上报各类城市管理问题9368件。其中经核实后立案8214件，结案7905件。\n"
    )
    assert got["digital_cases"] == 8214


def test_firms_food_managers_trained_are_no_staff_training() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年共举办执法人员业务培训班10期，累计培训执法人员868人次。"
        "为食品生产经营单位负责人和食品安全管理员举办法律法规培训班6期，培训1500余人次。\n"
    )
    assert got["training_sessions"] == 10
    assert got["training_participants"] == 868


def test_items_counted_by_visits_are_a_unit() -> None:
    from analysis.build import process_text

    m = process_text("r", "全年检查在建项目1,126项次，发现问题隐患3,482处。\n")["metrics"]
    assert ("1,126项次", "项次") in set(zip(m["raw"], m["unit"], strict=True))


def test_files_the_head_read_are_no_petitions() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "受理群众信访事项436件，其中来信58件、来访173件、网上信访205件。"
        "主要负责人亲自审阅行政复议、行政诉讼案件和重大信访件23件。\n"
    )
    assert got["petitions"] == 436


def test_a_government_s_table_of_bodies_gives_its_totals_by_columns() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年全区各行政执法部门共办理行政处罚案件4318件，罚没款2186.4万元。\n"
        "部门\t行政处罚案件（件）\t罚没款（万元）\n"
        "区市场监管局\t1462\t826.14\n"
        "区综合行政执法局\t2856\t1360.23\n"
        "合计\t4318\t2186.37\n"
        "其中，区市场监管局和区综合行政执法局办理案件3482件，占全区总数的80.6%。"
        "此外，区公安分局全年办理治安管理处罚案件1.27万件，未纳入上表统计。\n"
    )
    assert got["admin_penalty_cases"] == 4318
    assert got["fines_yuan"] == 21863700


def test_a_share_of_another_kind_s_total_is_still_counted() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年共查处行政处罚案件2,316件。实施非现场执法，全年办理非现场执法案件438件，占行政处罚案件总数的18.9%。\n"
    )
    assert got["digital_cases"] == 438


def test_online_applications_are_a_part_of_the_reconsiderations() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年区政府共收到行政复议申请318件，依法受理291件。推动行政复议网上申请，全年网上申请行政复议57件。\n"
    )
    assert got["admin_reconsideration_cases"] in (291, 318)


# --- round 92


def test_the_lines_between_a_serial_s_instalments_are_chrome() -> None:
    text = "\n".join(
        [
            "某市城市管理局2024年法治政府建设年度报告（上）",
            "一、主要工作",
            "（一）加强组织领导",
            "全年召开党组会议专题研究法治建设工作6次，各项工作取得积极成效。",
            "（未完待续）",
            "往期推荐",
            "某城管：2024年中心城区新增停车泊位1.2万个",
            "阅读 2861",
            "某市城市管理局2024年法治政府建设年度报告（中）",
            "【接上期】",
            "（二）严格规范执法",
            "全年共查处各类违法案件1,326件，罚没款386.5万元。",
        ]
    )
    r = clean_text(text + "\n")
    assert "1.2万个" not in r.text and "接上期" not in r.text and "（中）" not in r.text
    assert "（二）严格规范执法\n全年共查处各类违法案件1,326件" in r.text


def test_a_template_s_bracketed_instructions_are_chrome() -> None:
    text = "\n".join(
        [
            "某县自然资源局2023年法治政府建设年度报告",
            "一、2023年度推进法治政府建设的主要举措和成效",
            "（围绕严格规范公正文明执法、依法化解矛盾纠纷等方面填写，不少于1500字）",
            "全年共立案查处各类自然资源违法案件63件，罚没款286.37万元。",
            "四、2024年度推进法治政府建设的主要安排",
            "（提出3至5项具体举措，不少于500字）",
            "持续深化法治政府建设。",
            "填表说明：1.表中数据统计时段为2023年1月1日至2023年12月31日。",
        ]
    )
    r = clean_text(text + "\n")
    assert set(r.removed["rule"]) >= {"template_note"}
    assert "1500字" not in r.text and "3至5项" not in r.text and "填表说明" not in r.text


def test_a_table_pasted_as_csv_is_read_by_its_columns() -> None:
    from analysis.build import process_text

    text = (
        "某市综合行政执法局2022年法治政府建设年度报告\n一、主要工作\n全年共立案查处各类违法案件3,190件。\n"
        "附表：2022年度行政执法情况统计表,,,,,\n"
        "序号,执法领域,立案数（件）,结案数（件）,罚没款（万元）,同比增减（%）\n"
        '1,市容环境,"1,236","1,219",86.52,12.6\n'
        "2,环境卫生,968,957,41.37,-4.2\n"
        ',合计,"3,190","3,120","1,086.73",11.4\n'
    )
    cleaned = clean_text(text).text
    assert "1\t市容环境\t1,236\t1,219\t86.52\t12.6" in cleaned
    m = process_text("r", cleaned)["metrics"]
    got = {(raw, unit) for raw, unit in zip(m["raw"], m["unit"], strict=True)}
    assert {("1,236", "件"), ("86.52", "元"), ("12.6", "%"), ("1,086.73", "元")} <= got


def test_a_prose_line_with_commas_is_no_csv_table() -> None:
    text = (
        "某局2023年法治政府建设年度报告\n一、主要工作\n"
        "全年办理案件120件,罚款5万元,培训3期,普法4场.\n"
        "全年受理投诉86件,办结85件,回访60件,满意率98%.\n"
        "全年审查合同31份,文件12件,意见8条,采纳7条.\n"
    )
    assert "csv_table" not in set(clean_text(text).removed["rule"])


def test_another_body_s_training_the_bureau_sent_people_to_is_not_its_own() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "全年举办执法业务培训班12期，培训执法人员1,074人次。"
        "市司法局全年举办全市行政执法人员轮训3期、2,400余人次，我局按要求分批选派执法骨干参训。\n"
    )
    assert got["training_sessions"] == 12
    assert got["training_participants"] == 1074


def test_the_bureau_s_own_unit_training_rangers_is_no_staff_training() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "举办全局干部职工法治专题培训5期，参训412人次。"
        "局属林业工作站对全县生态护林员开展政策法规培训23场次、1,860人次。\n"
    )
    assert got["training_participants"] == 412
