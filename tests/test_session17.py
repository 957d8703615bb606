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
