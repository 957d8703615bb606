"""Hand-made tests for session 8's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import P, theme
from snippets import outline as _outline
from snippets import report_indicators as _indicators

from analysis.build import process_text


# ------------------------------------------------------------------ headings
def test_the_glyphs_a_wechat_editor_sets_before_headings_are_no_part_of_them() -> None:
    text = (
        "城关城管\n某局2024年度法治政府建设情况报告\n导语。\n"
        f"◆ 一、主要举措及成效\n▎(一)加强党的领导\n{P}\n▎(二)强化学法培训\n{P}\n"
        f"◆ 二、存在的问题\n{P}\n◆ 三、2025年工作打算\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一、", "主要举措及成效", False),
        (2, "(一)", "加强党的领导", False),
        (2, "(二)", "强化学法培训", False),
        (1, "二、", "存在的问题", False),
        (1, "三、", "2025年工作打算", False),
    ]


ORDINALS = (
    "导语。\n一、主要举措\n"
    f"　　第一，压实法治建设责任。{P}\n"
    f"　　第二，抓实学法用法，锻造过硬队伍。{P}\n"
    f"　　第三，严格规范执法。{P}\n"
    "二、存在的不足\n"
    f"　　第一，队伍素养还不匹配。{P}\n"
    f"　　第二，智慧执法不够深入。{P}\n"
    "三、2024年工作打算\n"
    f"　　第一，提升队伍能力。{P}\n"
)


def test_paragraphs_opening_with_di_yi_di_er_are_the_sub_headings_of_a_report_without_yi() -> None:
    assert _outline(ORDINALS) == [
        (1, "一、", "主要举措", False),
        (2, "第一,", "压实法治建设责任", False),
        (2, "第二,", "抓实学法用法，锻造过硬队伍", False),  # the heading as written
        (2, "第三,", "严格规范执法", False),
        (1, "二、", "存在的不足", False),
        (2, "第一,", "队伍素养还不匹配", False),
        (2, "第二,", "智慧执法不够深入", False),
        (1, "三、", "2024年工作打算", False),
        (2, "第一,", "提升队伍能力", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the report has (一) sub-headings: 第一, 第二 are enumerations inside them
        ORDINALS.replace("一、主要举措\n", "一、主要举措\n(一)强化领导\n"),
        # a lone 第一, (no 第二 after it) is no outline
        f"导语。\n一、主要举措\n　　第一，压实法治建设责任。{P}\n二、存在的不足\n{P}\n",
        # a long first sentence is a paragraph's enumeration, not a heading
        "导语。\n一、主要举措\n"
        f"　　第一，我局坚持把学习贯彻习近平法治思想作为首要政治任务并且纳入党组理论学习中心组学习计划全年组织学习十二次。{P}\n"
        f"　　第二，我局把法治建设与业务工作同部署同推进同检查同考核形成齐抓共管工作格局并取得明显成效。{P}\n",
    ],
)
def test_di_yi_is_no_heading_where_the_report_has_other_sub_headings_or_no_sequence(text) -> None:
    assert all(not marker.startswith("第") for _, marker, _, _ in _outline(text))


def test_a_tables_row_before_a_first_item_is_no_heading_that_lost_its_marker() -> None:
    text = (
        f"导语。\n一、主要举措\n(一)专项整治\n{P}\n类别\t立案(件)\t结案(件)\t罚款(万元)\n"
        f"违法建设\t214\t209\t127.36\n合计\t2867\t2836\t356.42\n1.违法建设治理。{P}\n"
        f"(二)数字城管\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一、", "主要举措", False),
        (2, "(一)", "专项整治", False),
        (3, "1.", "违法建设治理", False),
        (2, "(二)", "数字城管", False),
    ]


def test_a_short_line_without_figures_before_a_first_item_still_has_its_marker_rebuilt() -> None:
    text = f"导语。\n一、主要举措\n(一)专项整治\n{P}\n数字城管\n1.平台建设。{P}\n"
    assert _outline(text)[-2:] == [(2, "(二)", "数字城管", True), (3, "1.", "平台建设", False)]


# ------------------------------------------------------------------ indicators
@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # decisions that went through the procedure's five steps are no count of reviews
        (
            "年内作出的2项重大行政决策均经过公众参与、专家论证、风险评估、合法性审查、集体讨论决定等环节。"
            "全年开展合法性审查214件。\n",
            "legal_reviews",
            214,
        ),
        # ... but decisions put to a legality review are
        ("对2项重大行政决策开展合法性审查,审查合同48份。\n", "legal_reviews", 50),
        # a clean-up's stated total (共涉及) over its parts, 宣布废止 among them
        (
            "对规范性文件进行集中清理,共涉及39件,其中保留31件、修改3件、宣布废止5件。\n",
            "normative_documents_reviewed",
            39,
        ),
        # the readings of posts are no publicity events
        (
            "开展法律法规宣传活动23场次。全年普法推文平均阅读量不足300次。\n",
            "publicity_events",
            23,
        ),
        # complaints in government procurement are decided by the bureau: no hotline work
        (
            "依法受理政府采购质疑7件、投诉3件。办理12345热线转来的工单317件。\n",
            "hotline_cases",
            317,
        ),
    ],
)
def test_round_32_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_hotline_complaints_still_count_without_a_procurement_cue() -> None:
    # (since session 12, complaints with no hotline named give way to a hotline's work orders
    # stated beside them: here they are named with the hotline, or alone)
    body = "通过12345热线受理群众投诉3件,办理12345热线工单317件。\n"
    assert _indicators(body)["hotline_cases"] == 320
    assert _indicators("受理群众投诉3件。\n")["hotline_cases"] == 3


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("落实法治建设主体责任", "leadership"),
        ("履行法治建设主体责任", "leadership"),
    ],
)
def test_round_32_themes(heading, category) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ cleaning
FOOTER = (
    "首页 > 政务公开 > 法治政府建设\n2023年度法治政府建设工作报告\n发布时间：2024-01-20\n"
    f"一、主要举措\n{P}\n二、存在问题\n{P}\n济宁市城市管理局\n2024年1月15日\n"
    "--------------------\n{links}济南市人民政府\n山东省住房和城乡建设厅\n青岛市城市管理局\n"
    "版权所有：济宁市城市管理局\n"
)


@pytest.mark.parametrize("links", ["", "友情链接\n"])
def test_a_link_list_after_a_dated_signature_and_a_divider_is_no_part_of_the_signature(links):
    from analysis.cleaning import clean_text

    r = clean_text(FOOTER.replace("{links}", links))
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["济宁市城市管理局"] == rules["2024年1月15日"] == "signature"
    assert {rules["济南市人民政府"], rules["青岛市城市管理局"]} == {"site_menu"}
    assert rules.get("友情链接", "nav") == "nav"
    assert r.text.endswith(P)  # nothing of the footer is left in the text
    assert r.metadata["signature_name"] == "济宁市城市管理局"
    assert r.metadata["signature_date"] == "2024-01-15"
    assert len(r.metadata["signature_lines"]) == 2


# ------------------------------------------------------------------ round 33
def test_an_attachment_link_below_the_signature_is_chrome_and_leaves_the_signature_read():
    from analysis.cleaning import clean_text

    text = (
        "某区城市管理综合执法局2023年度法治政府建设工作报告\n"
        f"一、主要举措\n{P}\n二、存在问题\n{P}\n某区城市管理综合执法局\n2024年2月23日\n\n"
        "附件：某区城市管理综合执法局2023年度行政执法数据统计表.xls\n【打印】【关闭】\n"
    )
    r = clean_text(text)
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["附件：某区城市管理综合执法局2023年度行政执法数据统计表.xls"] == "attachment"
    assert r.metadata["signature_date"] == "2024-02-23"
    assert r.text.endswith(P)
    listed = clean_text(text.replace("附件：", "附件：\n1.")).removed
    assert set(listed[listed["text"].str.startswith(("附件", "1."))]["rule"]) == {"attachment"}


def test_an_attachment_named_in_a_sentence_stays_text():
    from analysis.cleaning import clean_text

    line = "具体数据详见附件《2023年度行政执法数据统计表》。"
    assert line in clean_text(f"导语。\n一、主要举措\n{P}\n{line}\n").text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("回局后开展二次授课,做到一人学习、全员受益。", []),
        ("全年开展三次培训。", [("三次", 3)]),  # a count
    ],
)
def test_a_course_passed_on_at_home_is_no_count(text, want) -> None:
    m = process_text("r", text)["metrics"]
    assert list(zip(m["raw"], m["value"], strict=True)) == want


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("规范行政决策,严格法制审核把关", "decision_making"),
        ("严格法制审核,规范执法行为", "enforcement"),
        ("非现场执法应用有待深化", "problems"),
        ("深化外贸企业合规服务", "business_environment"),
    ],
)
def test_round_33_themes(heading, category) -> None:
    assert theme(heading) == category


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a field's 行政执法案件 is the year's penalty count; 简易程序 cases a subset of it
        (
            "全年全市水务系统共办理水行政执法案件1,286件,罚款1862.35万元。其中,适用简易程序办理312件。\n",
            "admin_penalty_cases",
            1286,
        ),
        # reconsideration without 案件 after the number
        ("本局全年被申请复议2件,复议机关均维持原行政行为。\n", "admin_reconsideration_cases", 2),
    ],
)
def test_round_33_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_major_enforcement_cases_are_no_field_total() -> None:
    got = _indicators("全年办理重大行政执法案件12件,均经集体讨论。\n")
    assert "admin_penalty_cases" not in got


EMAIL = (
    "------------------ 原始邮件 ------------------\n"
    "发件人：某市商务局政策法规科\n发送时间：2022年1月26日 星期三 下午3:12\n"
    "收件人：某市司法局法治督察科\n主题：某市商务局2021年度法治政府建设工作报告(请审阅)\n\n"
    "法治督察科：\n现将我局2021年度法治政府建设工作报告发送给你们，请审阅。\n\n"
    "义乌市商务局2021年度法治政府建设工作报告\n\n"
    "2021年，义乌市商务局在市委、市政府的坚强领导和市委全面依法治市委员会办公\n"
    "室的具体指导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻\n"
    "习近平法治思想，全年未发生重大行政违法事件，现将工作情况报告如下。\n\n"
    "一、2021年法治政府建设主要工作及成效\n\n"
    "(一)优化法治化营商环境，护航外贸企业合规经营\n\n"
    "深化“放管服”改革，对外贸易经营者备案、拍卖企业设立审核等12项政务服务事项全\n"
    "部实现“一网通办”，全年办理对外贸易经营者备案6,215件，办理时限由4个工作日\n"
    "缩短至1个工作日，兑现外贸促进政策资金1.63亿元，惠及企业近800家。\n\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n"
    "局主要负责人认真履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问\n"
    "题亲自过问、重点环节亲自协调，全年主持召开专题会议研究法治工作共计4次。\n"
)


def test_a_report_pasted_into_an_e_mail_keeps_its_headings_apart_from_their_paragraphs():
    from analysis.cleaning import clean_text

    r = clean_text(EMAIL)
    assert set(r.removed["rule"]) == {"email", "joined_line_break"}
    assert r.text.startswith("义乌市商务局2021年度法治政府建设工作报告\n2021年，")
    assert "\n(一)优化法治化营商环境，护航外贸企业合规经营\n深化“放管服”改革" in r.text
    assert "\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人" in r.text
    assert "重大问题亲自过问" in r.text  # the wraps inside a paragraph are joined


# ------------------------------------------------------------------ round 34
LOST = (
    "某局2024年度法治政府建设情况报告\n导语。\n"
    f"加强组织领导,压实法治建设责任\n(一)完善推进机制\n{P}\n(二)落实述法制度\n{P}\n"
    f"规范执法行为,提高执法效能\n(一)严格执法程序\n{P}\n"
    f"存在的问题\n{P}\n"
    f"2025年工作打算\n(一)提升法治素养\n{P}\n"
)


def test_where_level_1_numbers_were_lost_a_part_the_genre_names_is_a_heading_too() -> None:
    assert [(lv, mk, hd, rp) for lv, mk, hd, rp in _outline(LOST) if lv == 1] == [
        (1, "一、", "加强组织领导,压实法治建设责任", True),
        (1, "二、", "规范执法行为,提高执法效能", True),
        (1, "三、", "存在的问题", True),
        (1, "四、", "2025年工作打算", True),
    ]


def test_a_parts_name_alone_in_an_intact_outline_is_no_rebuilt_heading() -> None:
    text = f"导语。\n一、主要举措\n{P}\n存在的问题\n{P}\n二、下一步打算\n{P}\n"
    assert [mk for _, mk, _, _ in _outline(text)] == ["一、", "二、"]


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # people sitting a training exam are examinees, not trainees
        (
            "全年举办法治和执法业务培训14期,参训人员累计1,080人次,其中开展岗前培训2期、56人。\n"
            "组织61名执法人员参加全市行政执法人员网上培训考试,通过率98.4%。\n",
            "training_participants",
            1080,
        ),
        # petitions a legal adviser helped to handle are among the petitions received
        (
            "法律顾问参与处置涉法涉诉信访事项两起。受理信访事项十九件,按期办结率100%。\n",
            "petitions",
            19,
        ),
        # one none for both reconsideration and litigation
        ("全年无行政复议、行政诉讼案件。\n", "admin_litigation_cases", 0),
        ("全年无行政复议、行政诉讼案件。\n", "admin_reconsideration_cases", 0),
        # plays of a broadcast are no events
        (
            "全年开展普法宣传十二场次。利用广播用彝汉双语播放普法音频三百余次。\n",
            "publicity_events",
            12,
        ),
    ],
)
def test_round_34_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("违法用地防控压力依然较大", "problems"),
        ("抓好禁毒防艾,推进平安四开建设", "safety_emergency"),
    ],
)
def test_round_34_themes(heading, category) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 35
PADDED = (
    "金水城管\n某区城市管理局2023年度法治政府建设情况报告\n导语。\n"
    f"01 坚持党建引领，压实法治责任\n(一)健全领导机制\n{P}\n(二)落实述法制度\n{P}\n"
    f"02 规范执法行为\n{P}\n12 个街道全部建立执法站所。\n"
    f"03 存在的问题\n{P}\n04 2024年工作打算\n{P}\n"
)


def test_the_big_two_digit_numbers_of_a_wechat_article_are_its_level_1_markers() -> None:
    assert _outline(PADDED) == [
        (1, "01", "坚持党建引领，压实法治责任", False),
        (2, "(一)", "健全领导机制", False),
        (2, "(二)", "落实述法制度", False),
        (1, "02", "规范执法行为", False),
        (1, "03", "存在的问题", False),
        (1, "04", "2024年工作打算", False),
    ]


def test_two_digit_numbers_beside_yi_markers_are_no_headings() -> None:
    text = f"导语。\n一、主要举措\n{P}\n01 坚持党建引领\n{P}\n02 规范执法行为\n{P}\n二、存在问题\n{P}\n"
    assert [mk for _, mk, _, _ in _outline(text)] == ["一、", "二、"]


def test_complaints_under_the_tendering_law_are_no_hotline_work() -> None:
    body = "全年受理招标投标投诉37件,依法作出处理决定29件。承办12345热线转办工单4,873件。\n"
    assert _indicators(body)["hotline_cases"] == 4873


@pytest.mark.parametrize(
    ("heading", "category"),
    [("领导干部带头学", "study_training"), ("执法人员全员训", "study_training")],
)
def test_round_35_themes(heading, category) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 36
@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a none of lawsuits that names the bureau as defendant at length
        (
            "全年未发生以我委为被申请人的行政复议案件和以我委为被告的行政诉讼案件。\n",
            "admin_litigation_cases",
            0,
        ),
        # policy documents reviewed in a sentence about legality review are legal reviews
        (
            "全年对重要事项开展合法性审查24件,对合同协议审查11件,对拟印发的政策性文件审查5件。\n",
            "legal_reviews",
            40,
        ),
    ],
)
def test_round_36_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_policy_documents_in_a_clean_up_stay_normative_documents() -> None:
    body = (
        "开展规范性文件集中清理,共清理规范性文件和其他政策性文件42件,保留31件、修改6件、废止5件。\n"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 42


# ------------------------------------------------------------------ round 37
@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("加强合法性审查和法制审核", "decision_making"),
        ("强化法制审核和合法性审查", "decision_making"),
        ("严把规范性文件合法性审查关", "rules_legislation"),
        ("严格法制审核,规范执法行为", "enforcement"),
        ("推行包容审慎柔性执法", "business_environment"),
    ],
)
def test_round_37_themes(heading, category) -> None:
    assert theme(heading) == category


def test_cases_investigated_by_a_provinces_system_are_its_penalty_cases() -> None:
    body = (
        "全年全省市场监管系统共查办案件3.2万件,罚没款9.6亿元,向公安机关移送涉嫌犯罪案件612件。"
        "其中,省局本级查办案件126件。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 32_000


@pytest.mark.parametrize(
    ("heading", "category"),
    [("健全责任体系,推动法治建设落地见效", "leadership"), ("执法人员法律功底偏弱", "problems")],
)
def test_round_37_themes_h126(heading, category) -> None:
    assert theme(heading) == category


def test_cases_punished_off_site_are_digital_cases_not_more_penalty_cases() -> None:
    body = (
        "全年共办理各类城市管理行政处罚案件1,364件,其中简易程序985件、一般程序379件。"
        "全年经数字城管平台流转的各类问题3.07万件,立案2.96万件,结案2.91万件。"
        "对视频巡查发现的出店经营等行为,通过非现场执法立案处罚223件。\n"
    )
    got = _indicators(body)
    assert got["admin_penalty_cases"] == 1364
    assert got["digital_cases"] == 223


# ------------------------------------------------------------------ round 38
def test_a_pages_print_view_repeating_the_report_is_removed_as_a_duplicate() -> None:
    from analysis.cleaning import clean_text

    body = "\n".join(
        [
            "某区城市管理局2023年法治政府建设年度报告",
            "发布时间：2024-02-06 09:05",
            "一、主要举措",
            f"（一）加强组织领导。{P}{P}",
            f"（二）严格规范执法。{P}{P}",
            f"（三）深化普法宣传。{P}{P}",
            "二、存在问题",
            f"执法力量不足。{P}{P}",
            "某区城市管理局",
            "2024年2月1日",
        ]
    )
    r = clean_text(f"首页 > 政务公开\n{body}\n打印本页\n{body}\n版权所有：某区人民政府\n")
    assert r.text.count("加强组织领导") == 1
    assert r.text.endswith(f"执法力量不足。{P}{P}")
    assert (r.removed["rule"] == "duplicate").sum() == 10  # the copy, its date line included
    assert r.metadata["published"] == "2024-02-06"


def test_a_repeated_sentence_or_two_is_no_duplicate() -> None:
    from analysis.cleaning import clean_text

    text = f"导语。\n一、主要举措\n{P}\n二、存在问题\n{P}\n三、下一步打算\n{P}\n"
    assert clean_text(text).text.count(P) == 3


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a 六五 period's total is no figure of the year; 法规进社区 activities are publicity
        (
            "“六五”期间，我局累计开展普法宣传活动160余场次。"
            "全年开展城管法规进社区、进市场、进学校活动42场次。\n",
            "publicity_events",
            42,
        ),
        # cases sent to court for enforcement are no digital cases
        (
            "依托非现场执法手段立案查处违法行为412件。非现场执法案件中有23件案件申请法院强制执行。\n",
            "digital_cases",
            412,
        ),
    ],
)
def test_round_38_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("严格依法行政考核", "leadership"),
        ("强化统筹部署,推动法治建设责任落地", "leadership"),
        ("加强法治人才培养", "study_training"),
    ],
)
def test_round_38_themes(heading, category) -> None:
    assert theme(heading) == category


# ------------------------------------------------------------------ round 39
def test_unit_symbols_dotted_dates_and_project_phases() -> None:
    m = process_text(
        "r",
        "拆除3.6万㎡，绿化1.2万m²，清运约286.4万t，巡查1.8万km，收缴8,600kg，"
        "投诉率为1.2‰，接种312.5万剂次。自2024.1.15起试点。推进智慧城管三期建设。5G基站12个。",
    )["metrics"]
    assert list(zip(m["raw"], m["value"], m["unit"], strict=True)) == [
        ("3.6万㎡", 36_000, "平方米"),
        ("1.2万m²", 12_000, "平方米"),
        ("约286.4万t", 2_864_000, "吨"),
        ("1.8万km", 18_000, "公里"),
        ("8,600kg", 8_600, "公斤"),
        ("1.2‰", 0.12, "%"),
        ("312.5万剂次", 3_125_000, "剂次"),
        ("12个", 12, "个"),
    ]


def test_the_cases_a_head_appeared_in_are_among_the_lawsuits() -> None:
    body = "以本局为被告的行政诉讼案件3件，一审均胜诉。三是带头出庭应诉，全年出庭应诉行政诉讼案件1件。\n"
    assert _indicators(body)["admin_litigation_cases"] == 3
