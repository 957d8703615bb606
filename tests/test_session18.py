"""Session 18: rules from held-out round 93 and the leftovers of session 17, each with a hand-made input."""

from __future__ import annotations

from snippets import headings, indicators, outline, report_indicators, theme

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
    got = report_indicators(
        "充分发挥法制科和法律顾问作用，全年审核各类法律事务164件，提出法律意见建议52条。\n"
        "严格落实重大执法决定法制审核制度，全年对重大执法决定开展法制审核100件，审核率100%。\n"
    )
    assert got["legal_reviews"] == 164


def test_one_kind_of_review_with_no_umbrella_is_still_added_to_another() -> None:
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
    got = report_indicators(
        "配合区司法局开展行政规范性文件清理，对涉及城市管理领域的区政府行政规范性文件14件逐件提出清理意见。\n"
        "对涉及市场主体经济活动的政策措施，在提交审议前同步开展公平竞争审查，全年审查相关文件6件。\n"
    )
    assert got["normative_documents_reviewed"] == 14


def test_documents_reviewed_in_a_sentence_about_normative_documents_still_count() -> None:
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
    got = report_indicators(
        "对我局制发的现行有效规范性文件逐件评估，本次共清理28件，决定保留21件、修改4件、废止3件。\n"
    )
    assert got["normative_documents_reviewed"] == 28


def test_themes_of_a_river_chief_system_a_political_duty_and_civil_defence() -> None:
    assert theme("全面强化河湖长制，依法管护河湖水域岸线") == "enforcement"
    assert theme("坚持以上率下，扛牢法治建设政治责任") == "leadership"
    assert theme("坚持平战结合，提升人防工程使用管理和防护能力") == "safety_emergency"


def test_the_head_s_own_event_is_among_the_bureau_s() -> None:
    got = report_indicators(
        "深入社区和沿街商户开展“城管法规进万家”普法活动42场次。\n"
        "本人带头深入沿街商户开展“法律进商户”宣讲1次，与40余户商户面对面交流。\n"
    )
    assert got["publicity_events"] == 42


def test_the_head_s_own_count_stands_when_the_bureau_states_none() -> None:
    got = report_indicators(
        "本人带头深入沿街商户开展“法律进商户”普法宣讲3次，与40余户商户面对面交流。\n"
    )
    assert got["publicity_events"] == 3


def test_documents_a_fair_competition_review_cleaned_up_still_count() -> None:
    got = report_indicators(
        "对涉市场主体的各类文件全部进行公平竞争审查,共审查文件15件,其中继续有效1件,失效8件,废止6件。\n"
    )
    assert got["normative_documents_reviewed"] == 15


def test_a_portal_s_summary_box_restates_the_body() -> None:
    text = "\n".join(
        [
            "某市商务局2023年度法治政府建设工作情况报告",
            "内容摘要：2023年，某市商务局坚持依法行政。全年立案查处商务领域违法案件41件，罚没款52万余元，办理12345热线商务类诉求2100余件。",
            "2023年，我局全年立案查处商务领域违法案件41件、罚没款52.74万元，办理12345热线商务类诉求工单2186件。",
            "一、主要工作",
            "（一）严格执法。全年立案查处商务领域违法案件41件，罚没款52.74万元，其中罚款49.6万元。",
            "（二）热线办理。全年共承接12345热线转办的商务类诉求工单2186件，按时办结率99.2%。",
        ]
    )
    got = indicators(clean_text(text + "\n").text)
    assert got["fines_yuan"] == 527400
    assert got["hotline_cases"] == 2186


_THREAD = [
    "某县城市管理局2023年度法治政府建设工作报告（转）_某县吧_百度贴吧",
    "某县吧",
    "关注：26.3万  贴子：418万",
    "签到  已连续签到0天",
    "41回复贴，共3页",
    "老君台下的风",
    "县城管局挂在县政府网站上的年度报告，我原文搬过来了，大伙有啥想法可以在楼下说。",
    "转自县政府网站",
    "发布时间：2024-01-29 10:16  来源：县城市管理局",
    "",
    "某县城市管理局2023年度法治政府建设工作报告",
    "",
    "　　2023年，我局坚持依法行政，全年办理行政处罚案件1,268件，罚没款86.37万元，各项工作取得明显成效。",
    "一、主要工作",
    "　　全年开展普法宣传活动48场次，发放宣传资料1.2万份，拆除违法建设152处，各项工作取得明显成效。"
    * 2,
    "",
    "某县城市管理局",
    "2024年1月26日",
    "IP属地:河南  来自Android客户端  1楼  2024-02-04 21:37",
    "赞(12)  回复(3)",
    "紫气东来2018",
    "我们小区去年投诉了3次都没人管，报告写得倒是挺好",
    "IP属地:河南  2楼  2024-02-04 21:52",
    "涡河边钓鱼",
    "罚了86万？我看不止，一个摊子罚200",
    "IP属地:河南  3楼  2024-02-04 22:06",
]


def test_a_forum_thread_s_replies_and_counters_are_not_the_report() -> None:
    r = clean_text("\n".join(_THREAD) + "\n")
    assert "罚了86万" not in r.text and "投诉了3次" not in r.text
    assert "共3页" not in r.text and "连续签到0天" not in r.text
    assert r.metadata["signature_date"] == "2024-01-26"


def test_a_reposter_s_note_above_the_title_leaves_the_page_s_date_line_in_the_head() -> None:
    r = clean_text("\n".join(_THREAD) + "\n")
    assert r.metadata["published"] == "2024-01-29"


def test_a_report_s_opening_paragraph_above_its_first_heading_is_no_reposter_s_note() -> None:
    text = "\n".join(
        [
            "某县城市管理局2023年度法治政府建设工作报告",
            "　　2023年，我局坚持依法行政，全年办理行政处罚案件1,268件，各项工作取得明显成效。",
            "某县城市管理局2023年度法治政府建设工作情况",
            "发布时间：2024-01-29 10:16",
            "一、主要工作",
            "　　全年开展普法宣传活动48场次，发放宣传资料1.2万份，各项工作取得明显成效。" * 2,
        ]
    )
    assert "发布时间：2024-01-29" in clean_text(text + "\n").text


def test_a_yearbook_s_item_heads_run_in_are_headings() -> None:
    text = "\n".join(
        [
            "城市管理",
            "区城市管理局",
            "【概况】2023年，区城市管理局坚持依法行政，全年共立案查处城市管理各类违法案件2,147起。",
            "【严格规范执法】全面落实行政执法公示制度，全年立案查处各类违法案件2,147起。",
            "【普法宣传】全年开展普法宣传活动56场次，发放宣传资料2.3万份。",
            "【队伍建设】全年举办执法业务培训12期。",
        ]
    )
    got = [(level, marker, heading) for level, marker, heading, _ in outline(text + "\n")]
    assert got == [
        (1, "【】", "概况"),
        (1, "【】", "严格规范执法"),
        (1, "【】", "普法宣传"),
        (1, "【】", "队伍建设"),
    ]


def test_two_bracketed_words_opening_paragraphs_are_no_outline() -> None:
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n"
        "【典型案例】某商户占道经营，执法队员依法处理。\n【编者按】全年办理案件12件。\n"
    )
    assert [m for _, m, _, _ in outline(text)] == ["一、"]


def test_a_short_form_the_text_defines_names_the_full_bureau() -> None:
    from analysis.metadata import infer_metadata

    text = (
        "城市管理\n区城市管理局\n"
        "【概况】2023年，沈阳市皇姑区城市管理局（简称区城管局）坚持依法行政。区城管局全年办理案件2,147起。"
        "区城管局在全市综合考评中位列第二名。区城管局被评为先进单位。\n"
    )
    assert infer_metadata(text).bureau == "沈阳市皇姑区城市管理局"


def test_the_cases_closed_in_qi_give_the_cases_own_completion_rate() -> None:
    got = report_indicators(
        "全年共立案查处城市管理各类违法案件2,147起，罚没款412.38万元；数字城管平台受理案件（问题）8.65万件，结案率98.6%。\n"
        "全年立案查处各类违法案件2,147起，其中适用一般程序683起；审结2,109起，结案率98.2%。\n"
    )
    assert got["completion_rate"] == 98.2


def test_last_year_s_figures_listed_in_brackets_are_not_the_year_s() -> None:
    got = report_indicators(
        "全年分批举办执法业务和法治专题培训12期，参训执法人员1,064人次（上年为9期、812人次）。\n"
    )
    assert got["training_participants"] == 1064
    assert got["training_sessions"] == 12


def test_a_sentence_on_the_cases_received_breaks_down_the_figure_before() -> None:
    got = report_indicators(
        "办理12345市民服务热线转办工单21,637件，按时办结率99.3%。\n"
        "全年平台受理案件86,512件，立案84,930件。受理案件中，信息采集员巡查上报71,264件、12345热线转入6,035件。\n"
    )
    assert got["hotline_cases"] == 21637


def test_a_yearbook_s_running_head_below_its_page_number_is_removed() -> None:
    text = "\n".join(
        [
            "【严格规范执法】全面落实行政执法公示、执法全过程记录制",
            "度，执法全过程记录实现全覆盖。全年立案查处各类违法案件2,147",
            "·213·",
            "皇姑区年鉴·2024",
            "起，其中适用一般程序683起、简易程序1,464起；审结2,109起，",
            "结案率98.2%；罚没款412.38万元，其中罚款398.6万元、没收违",
            "法所得13.78万元，占全市城管系统罚没款总额的11.3%。",
        ]
    )
    r = clean_text("【概况】全年办理案件。\n【普法宣传】全年开展活动。\n" + text + "\n")
    assert "皇姑区年鉴" not in r.text
    assert set(r.removed.loc[r.removed["text"] == "皇姑区年鉴·2024", "rule"]) == {"running_header"}


def test_review_session18_the_report_under_its_covering_letter_is_kept() -> None:
    text = "\n".join(
        [
            "关于报送2023年度法治政府建设工作情况的函",
            "市委全面依法治市委员会办公室：",
            "现将我局2023年度法治政府建设工作情况报送你们，请审阅。",
            "",
            "如皋市交通运输局",
            "2024年1月22日",
            "",
            "如皋市交通运输局2023年度法治政府建设工作报告",
            "市委全面依法治市委员会办公室：",
            "2023年，我局全年办理交通运输行政处罚案件862件，罚没款426.8万元，各项工作取得明显成效。"
            * 3,
            "一、主要工作",
            "全年开展普法宣传活动44场次，审查合同48份。",
        ]
    )
    r = clean_text(text + "\n")
    assert "办理交通运输行政处罚案件862件" in r.text
    assert "next_document" not in set(r.removed["rule"])


def test_review_session18_the_report_s_appendix_of_another_kind_of_report_is_kept() -> None:
    lines = [*_TWO_REPORTS]
    lines[8] = "附件"
    lines[9] = "某区综合行政执法局2023年度行政执法统计年度报告"
    r = clean_text("\n".join(lines) + "\n")
    assert "next_document" not in set(r.removed["rule"])


def test_review_session18_a_reply_above_a_quoted_request_keeps_its_report() -> None:
    report = ["某区市场监督管理局2023年法治政府建设年度报告", "一、主要工作"] + [
        f"全年查处各类违法案件{n}件，罚没款{n}.5万元，开展普法宣传活动{n}场次，各项工作取得明显成效，群众满意度持续提升。"
        for n in range(10, 30)
    ]
    quote = ["> 发件人：市司法局", "> 主题：关于报送2023年度法治政府建设年度报告的通知"] + [
        f"> 请各单位于1月{n}日前报送年度报告，报告内容要求" for n in range(1, 23)
    ]
    r = clean_text("\n".join(report + [""] + quote) + "\n")
    assert "查处各类违法案件10件" in r.text
    assert "quote_mark" not in set(r.removed["rule"])


def test_review_session18_a_markdown_page_quoting_its_report_keeps_its_title_and_date() -> None:
    body = ["> 某市司法局2023年法治政府建设年度报告", ">"] + [
        f"> 全年办理行政复议案件{n}件，开展普法宣传活动{n}场次，各项工作取得明显成效。"
        for n in range(10, 32)
    ]
    text = "\n".join(
        [
            "# 某市司法局2023年法治政府建设年度报告",
            "来源：市司法局  发布时间：2024-02-05",
            "",
            *body,
        ]
    )
    r = clean_text(text + "\n")
    assert r.metadata["published"] == "2024-02-05"
    assert "email" not in set(r.removed["rule"])


def test_review_session18_the_head_speaking_for_the_bureau_gives_its_totals() -> None:
    got = report_indicators(
        "本人带领全局执法人员严格规范执法，全年全局共立案查处各类违法案件312件，罚没款共计186.4万元。\n"
        "查处食品安全违法案件46件，罚没款18.2万元。\n"
    )
    assert got["fines_yuan"] == 1864000


def test_review_session18_padding_tabs_after_a_label_are_no_empty_cell() -> None:
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n全年依法办理案件。\n"
        "项目\t件数（件）\t金额（万元）\t备注\n"
        "行政处罚\t\t426\t168.35\n"
        "行政强制\t\t12\t3.5\n"
    )
    got = _cells_read(text)
    assert got["426"] == (426.0, "件")
    assert got["168.35"] == (1683500.0, "元")


def test_review_session18_a_list_of_next_year_s_targets_is_a_plan() -> None:
    text = (
        "某区人民防空办公室2023年法治政府建设年度报告\n一、主要工作\n全年开展人防宣传教育活动26场次。\n"
        "二、2024年工作计划\n持续深化法治建设。\n"
        "附：2024年主要工作目标\n人防宣传教育活动（场次）：40\n"
    )
    m = process_text("r", clean_text(text).text)["metrics"]
    assert dict(zip(m["raw"], m["kind"], strict=True))["40"] == "target"


def test_review_session18_every_kind_of_affair_as_one_item_of_a_list_holds_no_other() -> None:
    got = report_indicators(
        "全年共审核规范性文件3件、合同协议18件、各类涉法事项41件。\n"
        "严格落实法制审核制度，对27件重大行政执法决定进行法制审核。\n"
    )
    assert got["legal_reviews"] == 86


def test_review_session18_a_fair_competition_clean_up_of_documents_counts() -> None:
    got = report_indicators(
        "开展妨碍统一市场和公平竞争的政策措施清理工作，对我委制定的现行有效文件逐件梳理，共清理文件36件，废止2件、修订3件。\n"
    )
    assert got["normative_documents_reviewed"] == 36


def test_review_session18_a_heading_wrapped_after_development_still_joins() -> None:
    text = (
        "某县人民政府2023年法治政府建设情况报告\n一、主要工作\n"
        "（一）坚持服务全县改革发展大局，为全县经济社会高质量发展\n"
        "营造法治化营商环境。全年办理政务服务事项12万件。\n"
    )
    got = [h for _, m, h, _ in outline(text) if m in ("（一）", "(一)")]
    assert got == ["坚持服务全县改革发展大局，为全县经济社会高质量发展营造法治化营商环境"]


def test_a_case_study_s_run_in_captions_repeated_under_each_case_are_no_headings() -> None:
    cases = []
    for n in range(2):
        cases += [
            f"{n + 1}.典型案例{n + 1}",
            f"【基本案情】某商户占道经营{n + 3}次，经劝导拒不改正。",
            f"【处理结果】执法队员依法作出罚款{n + 2}00元的处罚决定。",
            "【典型意义】本案体现了柔性执法与刚性执法相结合。",
        ]
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n（一）严格执法\n"
        + "\n".join(cases)
        + "\n"
    )
    assert "【】" not in [m for _, m, _, _ in outline(text)]


def test_a_funnel_s_cases_opened_in_a_sentence_opened_by_qizhong_still_count() -> None:
    got = report_indicators(
        "数字化城管平台运行以来，共采集上报各类城市管理问题9368件，包括信息采集员巡查上报8652件。"
        "其中经核实后立案8214件，结案7905件，结案率96.2%。\n"
    )
    assert got["digital_cases"] == 8214


def test_a_hotline_centre_is_an_author() -> None:
    from analysis.metadata import infer_metadata

    text = (
        "衡阳市12345政务服务便民热线管理中心2024年度法治政府建设工作报告\n"
        "2024年，市12345热线管理中心在市委、市政府领导下，在市司法局指导下，全年受理群众诉求126.84万件。"
        "市司法局、市司法局、市司法局。\n"
    )
    assert infer_metadata(text).bureau == "衡阳市12345政务服务便民热线管理中心"


def test_a_hotline_centre_s_other_figures_are_not_its_hotline_or_rate() -> None:
    got = report_indicators(
        "话务员依托知识库直接解答办结78.11万件，直接办结率61.6%。"
        "向各单位转办工单487,316件，按时办结率98.62%。\n"
        "严格执行工单退回审核制度，全年承办单位申请退回工单9,614件。\n"
        "面向全市各县市区、市直部门和供水、供电、燃气等公共服务企业的工单联络员，举办热线业务培训5场，培训430人次。"
        "全年组织干部职工和话务员开展法治及业务培训47期、培训2,386人次。\n"
    )
    assert got["hotline_cases"] == 487316
    assert got["completion_rate"] == 98.62
    assert got["training_sessions"] == 47
    assert got["training_participants"] == 2386


def test_a_paragraph_written_twice_in_a_row_is_read_once() -> None:
    paras = [
        "某区综合行政执法局2023年法治政府建设工作报告",
        "一、主要工作",
        "　　全年共立案查处各类违法案件3126件，收缴罚没款1047.38万元。",
        "（一）严格规范执法",
        "　　全年开展普法活动138场次，发放宣传资料1.2万份。",
    ]
    doubled = []
    for p in paras:
        doubled += [p, p.strip("　").removesuffix("。")]
    r = clean_text("\n".join(doubled) + "\n")
    assert "duplicate" in set(r.removed["rule"])
    assert len(headings(r.text)) == 2
    got = indicators(r.text)
    assert got["admin_penalty_cases"] == 3126
    assert got["publicity_events"] == 138


def test_a_share_of_the_bureau_s_cases_is_no_count_of_its_own() -> None:
    got = report_indicators(
        "全年共立案查处各类违法案件3126件。\n全年乡镇（街道）执法队办理案件1874件，占全局案件总数的59.9%。\n"
    )
    assert got["admin_penalty_cases"] == 3126


def test_episodes_of_a_video_series_are_no_publicity_events() -> None:
    got = report_indicators(
        "全年开展普法活动138场次。\n制作《执法小课堂》系列普法短视频18期，总播放量超过36万次。\n"
    )
    assert got["publicity_events"] == 138


def test_the_rest_of_a_heading_a_page_cut_is_no_running_head() -> None:
    text = "\n".join(
        [
            "（七）落实“谁执法谁普法”普法责任制，营造交通运输法",
            "— 8 —",
            "治氛围",
            "制定年度普法责任清单，将普法融入执法、许可和服务全过程。",
        ]
    )
    r = clean_text("某县交通运输局2024年法治政府建设工作报告\n一、主要工作\n" + text + "\n")
    assert "治氛围" in r.text


def test_an_appendix_table_under_its_label_after_the_contact_line_is_the_report_s() -> None:
    text = "\n".join(
        [
            "某县交通运输局2024年度法治政府建设工作报告",
            "一、主要工作",
            "全年立案查处交通运输违法案件486件，收缴罚没款318.62万元，各项工作取得明显成效。" * 3,
            "特此报告。",
            "附件：1.2024年度交通运输行政执法数据统计表",
            "某县交通运输局",
            "2025年1月17日",
            "（此件公开发布）",
            "（联系人：陈思远，联系电话：0915-4312786）",
            "— 12 —",
            "附件",
            "2024年度交通运输行政执法数据统计表",
            "序号 项目 单位 2024年 2023年",
            "1 行政检查 次 2146 1875",
            "2 行政处罚案件 件 486 421",
            "3 罚没款 万元 318.62 276.40",
            "4 非现场执法案件 件 97 58",
            "抄送：县司法局。",
        ]
    )
    r = clean_text(text + "\n")
    assert "1 行政检查 次 2146 1875" in r.text
    assert "4 非现场执法案件 件 97 58" in r.text
    assert "抄送" not in r.text


def test_a_report_pasted_into_a_spreadsheet_one_paragraph_a_row_is_read_from_its_text_column() -> (
    None
):
    rows = [
        "段落序号\t内容\t备注",
        "1\t泾县市场监督管理局2023年法治政府建设年度报告\t",
        '2\t"\u3000\u30002023年，我局坚持依法行政，全年查处各类案件438件，""双随机、一公开""全覆盖。"\t',
        "3\t一、主要工作\t",
        "4\t\u3000\u3000全年查处一般程序案件386件、简易程序案件52件。\t数据待核实：分项合计315件，与386件不符",
        "5\t二、存在问题\t原文如此",
        "6\t\u3000\u3000执法力量不足。\t",
        '7\t"泾县市场监督管理局',
        '2024年1月22日"\t',
        "99\t来源：泾县人民政府网站，2025-01-20检索\t",
    ]
    r = clean_text("\r\n".join(rows) + "\r\n")
    assert "sheet_column" in set(r.removed["rule"])
    assert '"双随机、一公开"全覆盖' in r.text
    assert "315件" not in r.text and "段落序号" not in r.text
    assert [h for h in headings(r.text)["heading"]] == ["主要工作", "存在问题"]
    assert r.metadata["signature_date"] == "2024-01-22"


def test_a_difference_from_last_year_is_a_change() -> None:
    got = report_indicators(
        "2023年，我局被申请行政复议3件，县人民政府决定维持2件，复议案件比上年少2件。\n"
    )
    assert got["admin_reconsideration_cases"] == 3


def test_a_clean_up_s_bare_total_after_the_documents_combed_counts() -> None:
    got = report_indicators(
        "对我局现行规范性文件逐件梳理，共14件，其中10件继续有效，3件作了修改，1件宣布废止。\n"
    )
    assert got["normative_documents_reviewed"] == 14


def test_seconds_are_a_unit() -> None:
    m = process_text(
        "r", "某中心2024年法治政府建设工作报告\n一、主要工作\n热线平均接通时长26秒，接通率97.2%。\n"
    )["metrics"]
    assert ("26秒", 26.0, "秒") in set(zip(m["raw"], m["value"], m["unit"], strict=True))


def test_a_field_s_bare_count_after_its_field_gives_way_to_the_named_total() -> None:
    got = report_indicators(
        "全年立案查处交通运输违法案件486件，收缴罚没款318.62万元。\n"
        "开展“黑车”非法营运专项整治36次，道路运输领域全年立案查处违法案件238件，罚没款137.5万元。\n"
    )
    assert got["admin_penalty_cases"] == 486


def test_cases_the_bureau_guided_towns_to_handle_in_their_own_name_are_not_its_own() -> None:
    got = report_indicators(
        "全年共立案查处各类违法案件1,386件。\n建立“局队联动、镇街主战”协作机制，全年指导镇（街道）以自身名义办理行政处罚案件235件。\n"
    )
    assert got["admin_penalty_cases"] == 1386


def test_the_page_s_publication_date_wins_over_the_document_s_date_above_it() -> None:
    text = "\n".join(
        [
            "某区人民政府",
            "索 引 号：11510603008512763Q/2024-00031　　　主题分类：教育",
            "发布机构：某区教育局　　　　　　成文日期：2024-01-22",
            "文　　号：　　　　　　　　　有 效 性：有效",
            "",
            "某区教育局2023年法治政府建设工作情况报告",
            "发布日期：2024-01-29 15:36　　信息来源：某区教育局　　访问量：",
            "　　2023年，我局坚持依法行政，全年立案查处违规校外培训案件14件，各项工作取得明显成效。",
            "一、主要工作",
            "　　全年开展法治教育活动28场次，发放宣传资料2.3万份，各项工作取得明显成效。",
        ]
    )
    r = clean_text(text + "\n")
    assert r.metadata["published"] == "2024-01-29"
    assert "有 效 性" not in r.text


_PAGE_HEAD = [
    "寿光市人民政府",
    "首页　|　走进寿光　|　政务公开　|　政务服务",
    "当前位置：首页 > 政务公开 > 法治政府建设",
    "某市综合行政执法局2023年法治政府建设工作报告",
    "发布时间：2024-01-25 16:08　　来源：某市综合行政执法局　　浏览次数：{n}",
    "【字体：大 中 小】",
]
_PAGE_FOOT = [
    "共3页　　上一页　　1　　2　　3　　下一页",
    "主办单位：某市人民政府办公室　　联系电话：0536-5217630",
    "鲁ICP备05012345号　　鲁公网安备37078302000123号",
]


def test_an_article_paginated_on_the_web_is_read_whole() -> None:
    pages = [
        [
            "　　2023年，我局坚持依法行政，全年立案查处各类违法案件1,386件，各项工作取得明显成效。",
            "一、主要工作",
            "　　1.严格规范执法。全年立案查处违法建设类案件296件、城镇燃气类案件46件。全年共收缴罚没款186.",
        ],
        [
            "42万元，同比下降12.6%，执法方式进一步规范。",
            "　　2.深化普法宣传。深入社区、学校、工地开展系列活动，全年开展普法宣传活动63",
        ],
        ["场次，累计发放各类宣传资料2.3万余份。", "二、存在问题", "　　执法力量不足。"],
    ]
    lines = []
    for n, page in enumerate(pages):
        lines += [h.format(n=1437 + n) for h in _PAGE_HEAD] + page + _PAGE_FOOT
    r = clean_text("\n".join(lines) + "\n")
    assert "罚没款186.42万元" in r.text
    assert "普法宣传活动63场次" in r.text
    assert "上一页" not in r.text and "主办单位" not in r.text and "浏览次数" not in r.text
    got = indicators(r.text)
    assert got["fines_yuan"] == 1864200
    assert got["publicity_events"] == 63


def test_a_heading_alone_before_a_page_s_furniture_does_not_take_the_next_paragraph() -> None:
    lines = [h.format(n=1) for h in _PAGE_HEAD] + [
        "　　2023年，我局坚持依法行政，全年立案查处各类违法案件1,386件，各项工作取得明显成效。",
        "一、主要工作",
        *_PAGE_FOOT,
        *[h.format(n=2) for h in _PAGE_HEAD],
        "全年开展普法宣传活动63场次，累计发放各类宣传资料2.3万余份，各项工作取得明显成效。",
        "二、存在问题",
        "　　执法力量不足。",
        *_PAGE_FOOT,
    ]
    r = clean_text("\n".join(lines) + "\n")
    assert list(headings(r.text)["heading"]) == ["主要工作", "存在问题"]
