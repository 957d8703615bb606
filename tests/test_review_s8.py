"""A review of session 8's first changes (a6e6253 → a308e72): one test per confirmed finding,
built from the reviewer's reproduction. The lexicon-cache findings (a lexicon edited while a
build runs, worker processes that read it afresh, the cost of a look at the folder on every
call) are tested in tests/test_lexicons.py."""

from __future__ import annotations

import pytest
from snippets import headings, theme
from snippets import report_indicators as _indicators

from analysis.cleaning import clean_text

P1 = "　　全年召开专题会议6次,研究部署法治政府建设工作,形成了主要领导亲自抓、分管领导具体抓的工作格局。"
P2 = (
    "　　全年开展普法宣传活动36场次,发放宣传资料1.2万份,受教育群众5000余人次,群众法治意识明显增强。"
)
P3 = (
    "　　全年排查化解矛盾纠纷126件,化解率98%,受理群众来信来访45件,全部按期办结,群众满意度明显提升。"
)
INTRO = "　　2023年,我镇深入学习贯彻习近平法治思想,扎实推进法治政府建设,现将有关情况总结如下。"


def _outline(text: str) -> list[tuple[str, int, str, str]]:
    top = headings(text)
    return list(zip(top["section_id"], top["level"], top["marker"], top["heading"], strict=True))


# 4. a 第一,/第二, list inside a 1. item is that item's enumeration
def test_an_ordinal_list_inside_a_numbered_item_leaves_the_items_siblings() -> None:
    text = (
        "导语。\n一、主要工作\n1.强化组织领导。主要负责人提出要求：\n第一，要提高政治站位；\n"
        "第二，要压实工作责任。\n2.严格规范执法。全年查处违法案件326件。\n"
    )
    assert _outline(text) == [
        ("1", 1, "一、", "主要工作"),
        ("1.1", 2, "1.", "强化组织领导"),
        ("1.2", 2, "2.", "严格规范执法"),
    ]


# 5. a two-item ordinal list does not switch off a report's unmarked headings
def test_an_ordinal_list_in_a_report_without_numbers_keeps_its_unmarked_headings() -> None:
    text = "\n".join(
        [INTRO, "强化组织领导", P1, "深化普法宣传", P2, "化解矛盾纠纷", P3, "存在的问题"]
        + ["　　第一，干部法治意识有待增强。", "　　第二，普法宣传形式较为单一。"]
    )
    headings = [h for _, _, _, h in _outline(text + "\n")]
    assert headings[:3] == ["强化组织领导", "深化普法宣传", "化解矛盾纠纷"]
    assert not any(h.startswith("干部") for h in headings)


# 6. an ordinal's first sentence must end in 。 to be a run-in heading
def test_an_ordinal_sentence_ending_in_a_semicolon_is_no_heading() -> None:
    text = (
        "导语。\n一、存在的问题\n第一，法治宣传形式较为单一；群众参与度不高，覆盖面不广，"
        "需要在今后工作中进一步改进。\n第二，执法人员业务能力有待提高；部分人员学习不深入。\n"
    )
    assert _outline(text) == [("1", 1, "一、", "存在的问题")]


# 7. a caption's ▲ is no heading's decoration: glyphs are read like spaces only before a marker
def test_a_caption_after_a_triangle_is_no_heading() -> None:
    text = "\n".join(
        [INTRO, "◆ 强化组织领导", P1, "▲ 镇党委召开专题会议研究法治工作", "◆ 深化普法宣传", P2]
        + ["▲ 工作人员在集市开展普法宣传", "◆ 化解矛盾纠纷", P3]
    )
    assert not any("镇党委" in h or "集市" in h for _, _, _, h in _outline(text + "\n"))


# 8. figures a PDF's spacing set apart are no table row
def test_a_lost_marker_heading_with_spaced_figures_is_still_rebuilt() -> None:
    text = (
        "导语。\n一、主要工作\n（一）严格规范执法。全年共办理行政处罚案件120件。\n"
        "2023 年 12345 热线办理情况\n1.受理情况。全年受理热线工单856件。\n"
    )
    assert ("1.2", 2, "(二)", "2023 年 12345 热线办理情况") in _outline(text)


# 9. an attached table after a dated signature and a divider stays text
def test_an_attached_table_after_the_signature_and_a_divider_is_kept() -> None:
    p = "全年共办理行政处罚案件120件,罚没款36.5万元,各项工作取得明显成效,群众满意度持续提升。"
    text = (
        f"某市城市管理局2023年度法治政府建设工作报告\n一、主要举措\n{p}\n二、存在问题\n{p}\n"
        "某市城市管理局\n2024年1月20日\n————————————\n附件\n2023年度行政执法数据统计\n"
        "行政复议案件 3件\n行政诉讼案件 2件\n12345热线工单 856件\n"
    )
    r = clean_text(text)
    for line in ("行政复议案件 3件", "行政诉讼案件 2件", "12345热线工单 856件"):
        assert line in r.text
    assert r.metadata["signature_date"] == "2024-01-20"


# 10. a link-list header is a line alone, not a paragraph's opening words
@pytest.mark.parametrize(
    "line",
    [
        "　　部门网站和政务新媒体全年发布政务信息326条，办理网民留言45件，回复率100%。",
        "部门网站全年发布政务信息326条，受理网民咨询投诉45件。",
    ],
)
def test_a_paragraph_opening_with_a_link_header_word_is_kept(line) -> None:
    assert line.strip() in clean_text(f"导语。\n一、主要举措\n{line}\n二、存在问题\n不足。\n").text


# 11-13. indicators
@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 11. hotline orders whose topic is procurement are hotline work
        ("全年办理12345热线转办的政府采购、会计管理等领域诉求工单126件。\n", "hotline_cases", 126),
        ("全年受理涉及政府采购的12345热线工单58件。\n", "hotline_cases", 58),
        # 12. reading and 点赞 in an event's name do not make it a view count
        ("开展全民阅读暨普法宣传活动8场。\n", "publicity_events", 8),
        ("开展法治图书阅读分享等普法宣传活动15次。\n", "publicity_events", 15),
        ("开展“点赞法治”主题普法宣传活动6场次。\n", "publicity_events", 6),
        # 13. decisions put to a risk assessment and a legality review are reviews
        ("全年对12件重大行政决策事项开展风险评估、合法性审查。\n", "legal_reviews", 12),
        ("共有5项重大行政决策经风险评估、合法性审查后提交集体讨论。\n", "legal_reviews", 5),
    ],
)
def test_review_s8_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_the_five_steps_written_with_shenhe_are_no_review_count_either() -> None:
    body = (
        "3项重大行政决策均经过公众参与、专家论证、风险评估、合法性审核、集体讨论决定等程序。"
        "全年开展合法性审查40件。\n"
    )
    assert _indicators(body)["legal_reviews"] == 40


# A second review (2028af8 → 3189627): one test per confirmed finding. The lexicon findings
# (a stale stamp outside a build, edits during a build in forked workers or first loaded
# after the edit) are tested in tests/test_lexicons.py.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 1. glyphs before a heading with no marker, a two-digit number, a bracket heading
        (
            "\n".join([INTRO, "◆ 强化组织领导", P1, "◆ 深化普法宣传", P2, "◆ 化解矛盾纠纷", P3])
            + "\n",
            ["强化组织领导", "深化普法宣传", "化解矛盾纠纷"],
        ),
        (
            "\n".join([INTRO, "▎强化组织领导", P1, "▎深化普法宣传", P2, "▎化解矛盾纠纷", P3])
            + "\n",
            ["强化组织领导", "深化普法宣传", "化解矛盾纠纷"],
        ),
        (f"导语。\n▎01 坚持党建引领\n{P1}\n▎02 规范执法\n{P2}\n", ["坚持党建引领", "规范执法"]),
        (f"◆ 一、主要工作 ◆\n{P1}\n二、存在问题\n{P2}\n", ["主要工作", "存在问题"]),
        # 2. ordinal headings closed by a colon
        (
            "导语。\n一、主要工作\n第一，强化组织领导：局党组召开会议3次。\n"
            "第二，严格规范执法：全年办理案件120件。\n",
            ["主要工作", "强化组织领导", "严格规范执法"],
        ),
        # 3. ordinals under 第一部分 parts
        (
            "导语。\n第一部分 主要工作\n第一，强化组织领导。局党组召开会议3次。\n"
            "第二，严格规范执法。全年办理案件120件。\n第二部分 存在的问题\n不足。\n",
            ["主要工作", "强化组织领导", "严格规范执法", "存在的问题"],
        ),
        # 4. a table row of label and figure pairs is no heading that lost its marker
        (
            "导语。\n一、主要工作\n（一）严格执法\n全年办理案件情况如下。\n简易程序 1107 一般程序 361\n"
            "1.行政处罚\n办理120件。\n",
            ["主要工作", "严格执法", "行政处罚"],
        ),
        # 16. 01 02 items under a (一) heading are no level-1 headings
        (
            "导语。\n（一）强化组织领导\n内容。\n（二）严格执法\n重点整治以下问题：\n01 占道经营\n"
            "02 违法建设\n（三）存在的问题\n不足。\n",
            ["强化组织领导", "严格执法", "存在的问题"],
        ),
    ],
)
def test_review2_headings(text, want) -> None:
    assert [h for _, _, _, h in _outline(text)] == want


P0 = "全年共办理行政处罚案件120件,罚没款36.5万元,各项工作取得明显成效,群众满意度持续提升。"
SIGNED = f"2023年度法治政府建设工作报告\n一、主要举措\n{P0}\n二、存在问题\n{P0}\n济宁市城市管理局\n2024年1月15日\n"


@pytest.mark.parametrize(
    "tail",
    [
        # 5. link titles after the signature and a divider
        "--------------------\n济南市人民政府\n中国政府网\n山东政务服务网\n版权所有：济宁市城市管理局\n",
        # 6. a link list's header with its links on one line
        "友情链接：中国政府网 山东省人民政府 济南市人民政府\n",
    ],
)
def test_review2_link_lists_leave_the_text(tail) -> None:
    r = clean_text(SIGNED + tail)
    assert r.text.endswith(P0)
    assert "中国政府网" not in r.text


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 7. the year's total in a sentence naming 非现场 or a platform is no digital count
        ("深化非现场执法改革，全年共立案处罚1364件，罚款56万元。\n", "admin_penalty_cases", 1364),
        ("依托智慧城管平台，全年处罚1364件，其中非现场处罚223件。\n", "admin_penalty_cases", 1364),
        ("依托智慧城管平台，全年处罚1364件，其中非现场处罚223件。\n", "digital_cases", 223),
        # 8. readings, likes and views without 量 are no events
        ("开展普法宣传活动36场次，普法推文累计阅读12万次。\n", "publicity_events", 36),
        ("开展普法宣传活动36场次，普法推文获点赞1.2万次。\n", "publicity_events", 36),
        ("开展普法宣传活动36场次，普法短视频浏览5.6万次。\n", "publicity_events", 36),
    ],
)
def test_review2_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("body", "indicator"),
    [
        # 9. a qualified none is no none of the indicator
        ("全年未发生因政府信息公开引发的行政复议和行政诉讼。\n", "admin_litigation_cases"),
        ("没有出现行政机关负责人无正当理由不出庭应诉的行政诉讼案件。\n", "admin_litigation_cases"),
        ("全年未发生因执法不当被法院判决败诉的行政诉讼案件。\n", "admin_litigation_cases"),
        ("全年未发生因政府信息公开引发的行政复议和行政诉讼。\n", "admin_reconsideration_cases"),
        # 10. a discipline body's or the police's cases are no penalty cases
        ("县纪委监委全年查办案件45件，给予党纪政务处分52人。\n", "admin_penalty_cases"),
        ("全县公安机关共查办案件1200件。\n", "admin_penalty_cases"),
        # 11. a procurement complaint with a longer qualifier is no hotline work
        ("依法处理政府采购活动当事人投诉15件。\n", "hotline_cases"),
    ],
)
def test_review2_no_indicator(body, indicator) -> None:
    assert indicator not in _indicators(body)


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        # 12. 合法性审查 of normative documents or enforcement decisions keeps its theme
        ("加强规范性文件的合法性审查", "rules_legislation"),
        ("规范性文件备案审查和合法性审核", "rules_legislation"),
        ("落实行政执法三项制度,严格重大执法决定合法性审核", "enforcement"),
        # 13. an enforcement responsibility system is enforcement
        ("健全行政执法责任体系", "enforcement"),
    ],
)
def test_review2_themes(heading, category) -> None:
    assert theme(heading) == category


def test_review2_a_page_break_as_a_blank_line_inside_a_number_is_joined() -> None:
    para = (
        "　　严格落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年共办理行政处罚"
        "案件1468件，罚没款合计86.75万元，同比增长12.5%，执法规范化水平持续提升。"
    )
    intro = (
        "　　2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实习近平法治思想，"
        "紧紧围绕市委市政府中心工作，扎实推进法治政府建设，各项工作取得明显成效。现将有关情况报告如下。"
    )
    lines = [intro[i : i + 30] for i in range(0, len(intro), 30)] + ["一、主要工作"]
    wrapped = [para[i : i + 30] for i in range(0, len(para), 30)]
    lines += wrapped[:2] + [""] + wrapped[2:] + ["二、存在的问题", "执法力量不足。"]
    text = clean_text("某县城市管理局2023年法治政府建设年度报告\n\n" + "\n".join(lines) + "\n").text
    assert "罚没款合计86.75万元" in text
