"""Session 18: rules from held-out round 93 and the leftovers of session 17, each with a hand-made input."""

from __future__ import annotations

from analysis.build import process_text
from analysis.cleaning import clean_text

_CSV_TABLE = (
    "某市综合行政执法局2022年法治政府建设年度报告\n一、主要工作\n全年共立案查处各类违法案件2,204件。\n"
    "附表：2022年度行政执法情况统计表,,,,,\n"
    "序号,执法领域,立案数（件）,结案数（件）,罚没款（万元）,同比增减（%）\n"
    '1,市容环境,"1,236","1,219",86.52,12.6\n'
    "2,燃气安全,92,90,27.65,\n"
    "3,环境卫生,876,857,41.37,-4.2\n"
    ',合计,"2,204","2,166",155.54,8.4\n'
    ",其中：非现场执法,638,627,,46.3\n"
)


def _cells_read(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", clean_text(text).text)["metrics"]
    rows = m[m["sentence"].str.contains("\t")]
    return {
        raw: (value, unit)
        for raw, value, unit in zip(rows["raw"], rows["value"], rows["unit"], strict=True)
    }


def test_a_csv_row_with_an_empty_last_cell_is_lined_up_from_its_serial_number() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["90"] == (90.0, "件")  # 结案数, not 罚没款
    assert got["27.65"] == (276500.0, "元")  # 罚没款 in 万元, not a percent


def test_a_csv_row_with_an_empty_middle_cell_keeps_its_columns() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["638"] == (638.0, "件")
    assert got["627"] == (627.0, "件")
    assert got["46.3"] == (46.3, "%")


def test_a_total_row_without_a_serial_number_is_still_lined_up_from_the_right() -> None:
    got = _cells_read(_CSV_TABLE)
    assert got["2,166"] == (2166.0, "件")
    assert got["155.54"] == (1555400.0, "元")
    assert got["8.4"] == (8.4, "%")


def test_legal_affairs_of_every_kind_hold_a_kind_stated_in_another_paragraph() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "充分发挥法制科和法律顾问作用，全年审核各类法律事务164件，提出法律意见建议52条。\n"
        "严格落实重大执法决定法制审核制度，全年对重大执法决定开展法制审核100件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 164


def test_one_kind_of_review_with_no_umbrella_is_still_added_to_another() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "严格落实合同审查制度，全年审查合同协议64份，提出修改意见31条。\n"
        "严格落实重大执法决定法制审核制度，全年对重大执法决定开展法制审核100件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 164


def test_a_long_personal_title_with_a_comma_of_enumeration_is_a_title_and_its_date_line_is_read() -> (
    None
):
    text = "\n".join(
        [
            "某县人民政府",
            "某县城市管理局党组书记、局长2024年度履行推进法治建设第一责任人职责情况报告",
            "发布时间：2025-01-21 10:05　　信息来源：县城市管理局　　浏览次数：413",
            "",
            "　　2024年，本人坚持依法行政，带领全局干部职工依法履职，全局共办理行政处罚案件846件，各项工作取得明显成效。",
            "一、履职情况",
            "　　全年办理案件12件，罚款3万元，各项工作取得明显成效，群众满意度持续提升。",
            "",
            "某县城市管理局",
            "2025年1月16日",
        ]
    )
    r = clean_text(text + "\n")
    assert r.metadata["published"] == "2025-01-21"
    assert "浏览次数" not in r.text


def test_a_key_value_line_whose_label_names_its_unit_is_read() -> None:
    text = (
        "某区人民防空办公室2024年法治政府建设年度报告\n一、主要工作\n全年依法征收易地建设费，强化人防工程监管。\n"
        "附：2024年主要指标完成情况\n"
        "防空地下室易地建设费征收（万元）：1286.4\n"
        "人防工程监督检查：46次\n"
    )
    m = process_text("r", clean_text(text).text)["metrics"]
    row = m[m["raw"] == "1286.4"]
    assert row["value"].tolist() == [12864000.0]
    assert row["unit"].tolist() == ["元"]


def test_a_list_of_the_year_s_figures_after_the_plans_is_no_plan() -> None:
    text = (
        "某区人民防空办公室2024年法治政府建设年度报告\n一、主要工作\n全年强化人防工程监管，依法查处违法行为。\n"
        "二、2025年工作计划\n（一）严格执法。人防工程监督检查全年不少于50次。\n"
        "附：2024年主要指标完成情况\n"
        "人防工程监督检查：46次\n"
        "行政处罚案件：3件\n"
    )
    m = process_text("r", clean_text(text).text)["metrics"]
    kinds = dict(zip(m["raw"], m["kind"], strict=True))
    assert kinds["46次"] == "level"
    assert kinds["3件"] == "level"
    assert kinds["50次"] == "target"


def test_last_year_s_figure_in_a_key_value_list_is_not_the_year_s() -> None:
    from snippets import indicators

    text = (
        "某区人民防空办公室2024年法治政府建设年度报告\n一、主要工作\n全年依法查处人防违法案件3件，罚款4.6万元。\n"
        "二、主要指标\n罚款金额：4.6万元\n上年罚款金额：2.8万元\n"
    )
    assert indicators(clean_text(text).text)["fines_yuan"] == 46000


_TWO_REPORTS = [
    "某区综合行政执法局2023年法治政府建设年度报告",
    "一、主要工作",
    "全年开展普法宣传活动44场次，发放宣传资料1.26万份，办理行政处罚案件814件，各项工作取得明显成效。"
    * 3,
    "二、2024年工作打算",
    "持续深化法治政府建设，推动各项工作再上新台阶。",
    "",
    "某区综合行政执法局",
    "2024年1月26日",
    "",
    "某区综合行政执法局2023年政府信息公开工作年度报告",
    "",
    "本报告根据《中华人民共和国政府信息公开条例》编制。",
    "一、总体情况",
    "2023年，我局共收到政府信息公开申请8件，举办培训2次、63人次。",
]


def test_another_kind_of_report_after_the_signature_is_another_document() -> None:
    from snippets import indicators

    r = clean_text("\n".join(_TWO_REPORTS) + "\n")
    assert "政府信息公开申请8件" not in r.text
    assert set(r.removed.loc[r.removed["text"].str.contains("申请8件"), "rule"]) == {
        "next_document"
    }
    assert r.metadata["signature_date"] == "2024-01-26"
    assert "training_sessions" not in indicators(r.text)


def test_a_rule_of_law_report_after_the_signature_is_not_another_kind_of_report() -> None:
    lines = [*_TWO_REPORTS]
    lines[9] = "某区综合行政执法局2023年法治政府建设情况报告"
    r = clean_text("\n".join(lines) + "\n")
    assert "next_document" not in set(r.removed["rule"])


def test_policy_measures_given_a_fair_competition_review_are_no_normative_documents() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "配合区司法局开展行政规范性文件清理，对涉及城市管理领域的区政府行政规范性文件14件逐件提出清理意见。\n"
        "对涉及市场主体经济活动的政策措施，在提交审议前同步开展公平竞争审查，全年审查相关文件6件。\n"
    )
    assert got["normative_documents_reviewed"] == 14


def test_documents_reviewed_in_a_sentence_about_normative_documents_still_count() -> None:
    from snippets import report_indicators

    got = report_indicators("对规范性文件开展合法性审查和公平竞争审查，全年审查文件6件。\n")
    assert got["normative_documents_reviewed"] == 6


_EMAIL = [
    "-------- 转发邮件信息 --------",
    '发件人："周某" <zhou@example.com>',
    "发送时间：2024年2月28日(星期三) 上午10:21",
    '抄送："秘书科" <ms@example.com>',
    "主题：转发：某市水利局2023年法治政府建设年度报告",
    "",
    "陈老师：您好！",
    "    现将市水利局报送的报告转给您，正文共9页，请于3月5日前反馈。",
    "周某（市司法局）",
    "",
    '> 发件人："某市水利局办公室" <bgs@example.com>',
    "> 主题：某市水利局2023年法治政府建设年度报告",
    ">",
    "> 某市水利局2023年法治政府建设年度报告",
    ">",
]


def _email(body: list[str]) -> str:
    tail = [">", "> 某市水利局", "> 2024年1月25日", ">", "> --", "> 吴某", "> 电话：0552-3917206"]
    return "\r\n".join(_EMAIL + [f"> {b}" for b in body] + tail) + "\r\n"


def test_a_forwarded_e_mail_loses_its_quote_marks_and_the_forwarder_s_lines() -> None:
    body = ["　　2023年，我局坚持依法行政，全年办理水事违法案件"] + [
        f"　　（{n}）第{n}项工作。全年开展水法治宣传活动{n}场次，各项工作取得明显成效。"
        for n in "一二三四五六七八九十"
    ]
    body[1:1] = ["一、主要工作"] + [
        "　　全年办理水事违法案件21起，罚没款112.4万元，封填机井12眼。"
    ] * 2
    r = clean_text(_email(body))
    assert "quote_mark" in set(r.removed["rule"])
    assert "> " not in r.text
    assert "正文共9页" not in r.text and "吴某" not in r.text and "抄送" not in r.text
    assert "\n一、主要工作\n" in r.text
    assert r.metadata["signature_date"] == "2024-01-25"
    m = process_text("r", r.text)["metrics"]
    assert {"21起", "112.4万元", "12眼"} <= set(m["raw"])


def test_a_markdown_page_s_few_quoted_lines_keep_their_marks() -> None:
    text = "\n".join(
        ["某局2023年法治政府建设年度报告", "一、主要工作"]
        + [f"全年办理案件{n}件，各项工作取得明显成效，群众满意度持续提升。" for n in range(30)]
        + ["> 💡 提示：本报告数据截至2023年12月31日。"]
    )
    assert "quote_mark" not in set(clean_text(text + "\n").removed["rule"])


def test_a_finished_heading_ending_in_health_keeps_the_next_line_s_run_in_title_out() -> None:
    from snippets import outline

    text = (
        "某市水利局2023年法治政府建设年度报告\n一、主要做法\n"
        "（五）坚持严格规范公正文明执法，以水行政执法效能提升行动为抓手，守护淮河安澜和河湖健康\n"
        "理顺水行政执法体制。按照全市综合行政执法改革要求，明确市水政监察支队承担市本级执法职责。\n"
    )
    got = [h for _, m, h, _ in outline(text) if m == "（五）" or m == "(五)"]
    assert got == [
        "坚持严格规范公正文明执法，以水行政执法效能提升行动为抓手，守护淮河安澜和河湖健康"
    ]


def test_a_clean_up_this_time_counts_the_documents() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "对我局制发的现行有效规范性文件逐件评估，本次共清理28件，决定保留21件、修改4件、废止3件。\n"
    )
    assert got["normative_documents_reviewed"] == 28


def test_themes_of_a_river_chief_system_a_political_duty_and_civil_defence() -> None:
    from snippets import theme

    assert theme("全面强化河湖长制，依法管护河湖水域岸线") == "enforcement"
    assert theme("坚持以上率下，扛牢法治建设政治责任") == "leadership"
    assert theme("坚持平战结合，提升人防工程使用管理和防护能力") == "safety_emergency"


def test_the_head_s_own_event_is_among_the_bureau_s() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "深入社区和沿街商户开展“城管法规进万家”普法活动42场次。\n"
        "本人带头深入沿街商户开展“法律进商户”宣讲1次，与40余户商户面对面交流。\n"
    )
    assert got["publicity_events"] == 42


def test_the_head_s_own_count_stands_when_the_bureau_states_none() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "本人带头深入沿街商户开展“法律进商户”普法宣讲3次，与40余户商户面对面交流。\n"
    )
    assert got["publicity_events"] == 3


def test_documents_a_fair_competition_review_cleaned_up_still_count() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "对涉市场主体的各类文件全部进行公平竞争审查,共审查文件15件,其中继续有效1件,失效8件,废止6件。\n"
    )
    assert got["normative_documents_reviewed"] == 15
