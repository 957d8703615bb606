"""Regressions found by a review of session 6's changes (one test per finding, each from the
reviewer's reproduction), and round 19's first-contact misses: bracketed lines, page chunks
ending in ；, the all-kinds total beside the year's count, rows that fired on any 全年 or any
审核, slogans in titles, dated titles, colons in URLs, supervision themes, vague and coded
numbers, a label-only editor's note, 和 as a conjunction, reports delivered for a government."""

from __future__ import annotations

import pytest

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata
from analysis.metrics import derive_indicators

HEAD = "某县城市管理局2023年法治政府建设年度报告\n一、主要举措\n"
TAIL = "二、存在问题\n不足。\n"


def _indicators(body: str) -> dict[str, float]:
    text = HEAD + body + TAIL
    tables = process_text("r", text)
    got = derive_indicators(tables["metrics"], {"r": text})
    return dict(zip(got["indicator"], got["value"], strict=True))


def _headings(text: str) -> list[tuple[int, str]]:
    s = process_text("r", text)["sections"]
    s = s[s["level"] > 0]
    return list(zip(s["level"], s["marker"], strict=True))


def _quantities(text: str) -> list[tuple[str, float]]:
    m = process_text("r", text)["metrics"]
    return list(zip(m["raw"], m["value"], strict=True))


def test_bracketed_source_lines_neither_crash_nor_stay() -> None:
    text = (
        "某市司法局2023年法治政府建设年度报告\n一、主要工作\n全年办理行政处罚案件12件。\n"
        "二、存在问题\n基层力量不足。\n【来源：九江日报】\n【责任编辑：张三】\n"
    )
    assert _headings(text) == [(1, "一、"), (1, "二、")]
    assert list(clean_text(text).removed["rule"]) == ["source", "byline"]


def test_a_bracketed_heading_with_a_wide_gap_is_read_whole() -> None:
    text = "一、主要举措\n【强化组织领导　　压实责任】\n内容。\n【规范执法】\n内容。\n"
    s = process_text("r", text)["sections"]
    assert s["heading"].tolist() == ["主要举措", "强化组织领导　　压实责任", "规范执法"]


@pytest.mark.parametrize(
    "text",
    [
        "一、主要工作\n（一）严格规范执法\n全年办理行政处罚案件126件。\n【典型案例】\n某企业违法排污被查处。\n"
        "（二）加强普法宣传\n开展普法活动30场次。\n【典型案例】\n某村开展法治宣传。\n二、存在问题\n不足。\n",
        "一、主要工作\n1.规范执法\n内容。\n【执法故事】\n某企业。\n2.普法\n内容。\n【执法故事】\n某村。\n",
    ],
)
def test_repeated_bracketed_captions_inside_items_do_not_change_the_outline(text) -> None:
    got = _headings(text)
    assert all(marker != "【】" for _, marker in got)
    assert [lv for lv, _ in got if lv > 1] == [2, 2]


def test_numbered_paragraphs_ending_in_a_full_width_semicolon_are_not_page_chunks() -> None:
    body = "全镇坚持依法行政,严格落实重大行政决策程序,深入开展法治宣传教育," * 5
    text = (
        "某镇2023年报告\n一、主要工作\n"
        + "\n".join(f"{i}、{body}取得成效；" for i in range(1, 5))
        + "\n二、下一步计划\n"
    )
    assert clean_text(text).removed.empty


def test_the_all_kinds_total_keeps_the_years_count_rule() -> None:
    got = _indicators(
        "（一）严格规范执法\n全年共立案查处各类城市管理违法案件1286件,其中简易程序742件,普通程序544件。\n"
        "（二）违建治理\n拆除违法建设1.2万平方米,查处案件46件。\n"
    )
    assert got["admin_penalty_cases"] == 1286


def test_a_fields_cases_with_the_year_named_after_them_are_no_year_total() -> None:
    field = "（一）燃气执法:检查燃气企业14家,立案查处燃气违法案件23件,全县全年未发生较大燃气安全事故。\n"
    # beside the year's total, the field's cases are inside it
    got = _indicators("全年共办理行政处罚案件1,286件。\n" + field)
    assert got["admin_penalty_cases"] == 1286
    # alone, they are the report's only penalty count: a last resort since session 7 (an
    # education bureau's 立案查处违规培训案件19件, h91), counted as stated
    assert _indicators(field)["admin_penalty_cases"] == 23


@pytest.mark.parametrize(
    "body",
    [
        "严格落实合法性审查制度,全年对政务服务申请材料进行审核1200件。\n",
        "严格落实合法性审查制度,对各类执法人员资格进行审查56件。\n",
    ],
)
def test_other_reviews_in_a_sentence_about_legality_review_are_no_legal_reviews(body) -> None:
    assert "legal_reviews" not in _indicators(body)


@pytest.mark.parametrize(
    "title",
    [
        "九江市坚持以人民为中心 2023年法治政府建设年度报告",
        "九江市服务大局2023年法治政府建设年度报告",
    ],
)
def test_a_slogan_in_the_title_is_no_agency(title) -> None:
    assert infer_metadata(title + "\n一、主要工作\n内容。\n").bureau == ""


def test_a_title_with_its_date_and_weekday_is_kept() -> None:
    text = "某县司法局2023年法治政府建设年度报告 2024年3月5日 星期二\n2023年,我局坚持依法行政。\n一、主要工作\n"
    assert clean_text(text).removed.empty


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        (
            "(一)推进政务公开http://www.xx.gov.cn,全年公开信息120条。",
            "推进政务公开http://www.xx.gov.cn,全年公开信息120条",
        ),
        ("(一)习近平总书记指出:法治是最好的营商环境。", "习近平总书记指出:法治是最好的营商环境"),
    ],
)
def test_a_colon_in_a_url_or_before_a_quotation_does_not_end_a_heading(line, heading) -> None:
    s = process_text("r", "一、主要工作\n" + line + "\n")["sections"]
    assert s["heading"].tolist()[-1] == heading


def test_coordinating_supervision_is_supervision() -> None:
    s = process_text("r", "一、加强行政执法协调监督,推动严格规范公正文明执法\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "supervision_disputes"


@pytest.mark.parametrize(
    "text",
    [
        "上千余人参加。",  # vague however qualified
        "构建1+3架构。",  # an architecture, not aircraft
        "落实普法责任清单15 30个部门全部公示。",  # a full stop read as a space
        "开展活动l2次,培训S2场次,办理1O8件。",  # OCR letters for digits: codes, no figure
    ],
)
def test_vague_coded_and_run_together_numbers_give_no_wrong_figure(text) -> None:
    got = _quantities(text)
    assert all(v not in (1000, 3, 1530, 2, 8) for _, v in got), got
    assert ("30个", 30) in got or "清单" not in text


def test_an_editors_note_label_alone_on_its_line_takes_the_note_below() -> None:
    r = clean_text(
        "某市医保\n编者按:\n依法行政是守护群众看病钱的重要保障。全市追回医保基金863.72万元。\n"
        "某市医疗保障局2023年度法治政府建设工作报告\n2023年,我局追回医保基金863.72万元。\n一、主要举措\n"
    )
    assert list(r.removed["rule"]) == ["editor_note", "editor_note"]
    assert r.text.count("863.72万元") == 1


def test_a_report_delivered_for_a_county_government_is_the_governments() -> None:
    text = (
        "关于2021年度法治政府建设情况的报告\n"
        "——2022年4月26日在县第十九届人民代表大会常务委员会\n第三次会议上\n"
        "县人民政府副县长  王建峰\n主任、各位副主任、秘书长、各位委员:\n"
        "我受县人民政府委托,向本次会议报告我县2021年度法治政府建设情况,请予审议。\n"
        "2021年,县政府在县委的坚强领导和县人大的监督下推进依法行政。制定《秭归县2021年法治政府建设工作要点》,"
        "办公室设在县司法局。审查乡镇和县直部门报备的规范性文件15件。"
        "“秭归普法”公众号推送信息,建设具有秭归特色的法治文化阵地。\n一、主要工作\n"
    )
    r = clean_text(text)
    assert r.metadata["published"] == "2022-04-26"
    assert list(r.removed["rule"])[:2] == ["metadata_date", "speech_line"]
    got = infer_metadata(r.text, r.metadata)
    assert (got.bureau, got.jurisdiction, got.city) == ("宜昌市秭归县人民政府", "秭归县", "宜昌市")


# The second review (gazetteer switch, round 18-19 rules): one test per finding


@pytest.mark.parametrize(
    ("text", "bureau", "city"),
    [
        # a district the newer gazetteer lacks, and namesakes of divisions renamed since
        (
            "重庆市江北区司法局2023年法治政府建设年度报告\n2023年,区司法局在区委、区政府的坚强领导下,深入推进法治江北建设。",
            "重庆市江北区司法局",
            "重庆市",
        ),
        (
            "邢台市桥东区人民政府2019年法治政府建设情况报告\n2019年,桥东区在邢台市委、市政府的正确领导下稳步推进。",
            "邢台市桥东区人民政府",
            "邢台市",
        ),
        (
            "大同市矿区人民政府2017年度法治政府建设报告\n2017年,矿区坚持依法行政。",
            "大同市矿区人民政府",
            "大同市",
        ),
        # a county's bare name counts, not its city's or province's (岳阳 of 岳阳市, 河南县域)
        (
            "2023年华容县法治政府建设情况报告\n2023年,我县在岳阳市委、岳阳市政府的坚强领导下,全县法治政府建设取得新成效。"
            "华容县深入推进依法行政,华容县持续优化营商环境,与岳阳县、湘阴县建立联合执法机制,获评岳阳市法治建设先进单位。",
            "岳阳市华容县人民政府",
            "岳阳市",
        ),
        (
            "2023年兰考县法治政府建设情况报告\n2023年,我县在河南省委、河南省政府的坚强领导下取得新成效。"
            "兰考县深入推进依法行政,兰考县持续优化营商环境,助力河南县域经济高质量发展。",
            "开封市兰考县人民政府",
            "开封市",
        ),
        # 和县 named by a government's title (关于和县…) and in its own text
        (
            "关于和县2023年法治政府建设情况的报告\n2023年,我县深入推进法治政府建设,和县持续优化营商环境。",
            "马鞍山市和县人民政府",
            "马鞍山市",
        ),
        # an agency ending in 新局 is no slogan
        (
            "深圳市南山区科技创新局2023年法治政府建设年度报告\n2023年,我局深入推进法治政府建设,取得积极成效。",
            "深圳市南山区科技创新局",
            "深圳市",
        ),
        # a bureau handling cases for its government is still the bureau
        (
            "区司法局2023年法治政府建设年度报告\n2023年,区司法局在九龙坡区委、区政府的坚强领导下,深入推进法治九龙坡建设。"
            "九龙坡区持续优化营商环境。受区人民政府委托,区司法局办理行政复议案件12件。",
            "重庆市九龙坡区司法局",
            "重庆市",
        ),
        # a place-only title with an autonomous county's short name
        (
            "2023年通道县法治政府建设情况报告\n2023年,我县深入推进法治政府建设。通道县持续优化营商环境。",
            "怀化市通道侗族自治县人民政府",
            "怀化市",
        ),
    ],
)
def test_second_review_metadata(text, bureau, city) -> None:
    got = infer_metadata(text)
    assert (got.bureau, got.city) == (bureau, city)


def test_a_standard_run_in_heading_ending_in_yaoqiu_is_cut_at_its_colon() -> None:
    s = process_text(
        "r",
        "二、下一步工作打算\n(一)总体要求:深入学习贯彻党的二十大精神。\n(二)工作要求:严格规范公正文明执法。\n",
    )["sections"]
    assert s["heading"].tolist() == ["下一步工作打算", "总体要求", "工作要求"]
    assert set(s["category"]) == {"plans"}


def test_items_before_the_first_bracketed_heading_keep_the_brackets() -> None:
    text = (
        "某区2023年法治政府建设工作综述\n2023年,全区取得以下成效:\n1.行政复议案件办结率100%;\n"
        "2.行政机关负责人出庭应诉率100%。\n【强化组织领导】\n区委高度重视。\n【推进依法行政】\n落实程序。\n"
    )
    assert [m for _, m in _headings(text)] == ["1.", "2.", "【】", "【】"]


def test_links_and_attachments_in_brackets_are_no_headings() -> None:
    text = "某区2023年综述\n【强化组织领导】\n内容。\n【推进依法行政】\n内容。\n【相关链接】\n《纲要》\n【附件】\n附件。\n"
    s = process_text("r", text)["sections"]
    assert s.loc[s["level"] > 0, "heading"].tolist() == ["强化组织领导", "推进依法行政"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("采取线上线下结合方式,参训人员线上千余人次。", [("千余人次", 1000)]),
        ("开发政务APP2个,上线小程序5个。", [("2个", 2), ("5个", 5)]),
        ("有上千余人参加。", []),
    ],
)
def test_words_ending_in_shang_and_latin_words_before_numbers(text, want) -> None:
    assert _quantities(text) == want


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # a portal's name glued to its date and weekday, and a greeting before today's date
        (
            "南京市鼓楼区人民政府2024年3月15日星期五\n南京市鼓楼区司法局2023年法治政府建设年度报告\n"
            "2023年,我局深入推进法治政府建设,取得积极成效。\n一、主要工作\n",
            ["date_widget"],
        ),
        (
            "您好!今天是2023年3月15日 星期三\n某局2022年报告\n2022年,我局深入推进法治政府建设,取得积极成效。\n",
            ["date_widget"],
        ),
        # 编者按 alone, then the title: only the label goes
        (
            "编者按:\n某区司法局2022年法治政府建设年度报告\n2022年,我局深入推进法治政府建设,取得积极成效。\n一、主要工作\n",
            ["editor_note"],
        ),
        # a meeting named under a title is no delivery line
        (
            "2022年法治政府建设年度报告\n区委常委会会议上\n2022年,我局深入推进法治政府建设,取得积极成效。\n",
            [],
        ),
    ],
)
def test_second_review_cleaning(text, rules) -> None:
    assert list(clean_text(text).removed["rule"]) == rules


# The third review (round 20-22 rules, former gazetteer rows): one test per finding


def test_a_division_renumbered_in_its_own_city_resolves_to_the_one_in_force() -> None:
    got = infer_metadata(
        "南通市崇川区人民政府2023年法治政府建设年度报告\n2023年,崇川区在南通市委领导下推进法治建设。\n一、工作\n"
    )
    assert (got.bureau, got.city) == ("南通市崇川区人民政府", "南通市")


def test_with_nothing_to_tell_them_apart_the_division_in_force_wins() -> None:
    got = infer_metadata(
        "钢城区司法局2023年法治政府建设年度报告\n2023年,我局推进法治建设。\n一、工作\n"
    )
    assert (got.bureau, got.city) == ("济南市钢城区司法局", "济南市")


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a total kept because its parts add up to it is not added to one of them
        (
            "全年共查处城市管理违法行为1573起,作出行政处罚决定445件、简易程序处罚1128件。\n",
            "admin_penalty_cases",
            1573,
        ),
        # this year's figure in a paragraph opened by 五年来
        (
            "五年来,我局持续推进热线规范化。今年共受理12345热线工单1200件。\n承办市长信箱转办工单30件。\n",
            "hotline_cases",
            1230,
        ),
        # 、 listing words, not figures
        ("全年立案查处违法案件60件,办结行政处罚、行政强制案件58件。\n", "admin_penalty_cases", 60),
        (
            "全年共受理、办结行政复议案件15件。上年结转行政复议案件2件。\n",
            "admin_reconsideration_cases",
            15,
        ),
        # 对…的N件 before a verb that is no other count
        (
            "对受理的15件行政复议案件全部提交行政复议委员会审议。\n",
            "admin_reconsideration_cases",
            15,
        ),
        ("对本年度作出的86件行政处罚决定全部在网上公开。\n", "admin_penalty_cases", 86),
        # documents of a clean-up of normative documents, not others combed
        (
            "开展规范性文件和政策措施专项清理,共梳理各类文件37件。\n",
            "normative_documents_reviewed",
            37,
        ),
        ("全年共审查涉法事项的规范性文件23件。\n", "normative_documents_reviewed", 23),
    ],
)
def test_third_review_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_documents_combed_outside_a_clean_up_are_no_normative_reviews() -> None:
    assert "normative_documents_reviewed" not in _indicators("全年共梳理行政执法依据文件320件。\n")


def test_ocr_letters_for_digits_give_no_wrong_figure_even_two_of_them() -> None:
    # session 7 reads them as the digits they stand for (tests/test_session7.py)
    assert _quantities("行政处罚案件lO8件,罚没款lO5万元,开发APP2个。") == [
        ("lO8件", 108),
        ("lO5万元", 1_050_000),
        ("2个", 2),
    ]


def test_reading_online_in_a_report_is_no_document_sites_blurb() -> None:
    text = "群众可在线阅读法律书籍2000余册,全年办理行政复议案件12件。\n"
    assert clean_text(text).removed.empty


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("自觉接受人大监督检查和政协民主监督", "supervision_disputes"),
        ("强化内部监督检查,规范权力运行", "supervision_disputes"),
        ("扎实开展消防监督检查", "enforcement"),
    ],
)
def test_oversight_is_no_inspection(heading, category) -> None:
    s = process_text("r", f"一、{heading}\n正文。\n")["sections"]
    assert s["category"].tolist()[-1] == category


@pytest.mark.parametrize(
    "wrapped",
    ["常务委员会第三次\n会议上", "常务委员会第\n三十二次会议上"],
)
def test_a_delivery_line_wrapped_anywhere_leaves_no_rest(wrapped) -> None:
    text = f"关于2021年度法治政府建设情况的报告\n——2022年4月26日在县第十九届人民代表大会{wrapped}\n县人民政府副县长 王某\n"
    assert list(clean_text(text).removed["rule"]) == ["metadata_date", "speech_line"]


def test_a_two_character_county_written_on_its_own_is_placed() -> None:
    got = infer_metadata(
        "县司法局2023年度法治政府建设工作报告\n2023年,在沛县县委、县政府的坚强领导下,落实沛县委部署,"
        "沛县持续优化营商环境。\n一、工作\n"
    )
    assert got.bureau == "徐州市沛县司法局"


def test_a_word_ending_before_a_county_body_is_no_county() -> None:
    # 完成县委, 提高县级: not 成县, 高县
    got = infer_metadata(
        "县司法局2023年度法治政府建设工作报告\n我局圆满完成县委交办的任务,全面完成县委部署,"
        "提高县级执法水平。\n一、工作\n"
    )
    assert got.jurisdiction == ""


@pytest.mark.parametrize(
    "text",
    [
        # two captions inside an item, and bracketed groups whose (一) numbering runs on
        "一、主要工作\n（一）规范执法\n内容。\n【执法故事】\n某企业。\n【群众点赞】\n某村。\n（二）普法\n内容。\n（三）监督\n内容。\n",
    ],
)
def test_captions_inside_an_item_leave_its_siblings_alone(text) -> None:
    assert [lv for lv, _ in _headings(text)] == [1, 2, 2, 2]


def test_bracketed_groups_over_their_items_are_headings_and_captions_inside_are_not() -> None:
    text = (
        "一、主要工作\n【强化组织领导】\n内容。\n（一）党组\n内容。\n【执法故事】\n某企业。\n"
        "（二）责任\n内容。\n【规范执法行为】\n内容。\n（一）执法\n内容。\n（二）监督\n内容。\n"
    )
    assert _headings(text) == [
        (1, "一、"),
        (2, "【】"),
        (3, "(一)"),
        (3, "(二)"),
        (2, "【】"),
        (3, "(一)"),
        (3, "(二)"),
    ]


# The fourth review (rounds 22-23 rules, the third review's fixes): one test per finding


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 对…的38件…进行法制审核: a legal review, not penalty cases
        (
            "对拟作出的38件重大行政处罚决定进行法制审核。\n全年办理行政处罚案件120件。\n",
            "admin_penalty_cases",
            120,
        ),
        ("对拟作出的38件重大行政处罚决定进行法制审核。\n", "legal_reviews", 38),
        # a multi-year total in a 近三年来 paragraph, 截至…年底 is no year's anchor
        (
            "近三年来,持续推进培训。截至2023年底,累计培训执法人员1.2万人次。\n2023年,培训执法人员800人次。\n",
            "training_participants",
            800,
        ),
        # normative documents combed
        ("全年共梳理规范性文件56件,废止3件、修订5件。\n", "normative_documents_reviewed", 56),
        # documents and legal matters reviewed together, however joined
        ("审查规范性文件、涉法事项56件。\n", "legal_reviews", 56),
        # 仅 for emphasis is the year's figure when nothing larger stands elsewhere
        (
            "全年受理行政复议案件仅15件,同比下降40%。\n全年办结行政复议案件12件。\n",
            "admin_reconsideration_cases",
            15,
        ),
        # 加之 is "moreover", not "added to"
        (
            "全年受理行政复议案件50件,加之案情复杂,共有12件行政复议案件延期审理。\n",
            "admin_reconsideration_cases",
            62,
        ),
        # Chinese numerals list figures too
        ("全年受理行政复议申请十五件、审结十二件。\n", "admin_reconsideration_cases", 15),
        # 选派 naming the trainers, not trainees sent away
        ("选派律师进村开展法治培训300人次。\n", "training_participants", 300),
    ],
)
def test_fourth_review_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_other_review_matters_are_no_legal_reviews() -> None:
    assert "legal_reviews" not in _indicators("全年共办理政务服务审核事项1.2万件。\n")


def test_a_namesake_missing_from_the_newer_gazetteer_is_not_resolved_to_the_other() -> None:
    # 重庆's 江北区 is in force but absent from the newer file: a bare 江北区 stays open
    got = infer_metadata(
        "江北区司法局2023年法治政府建设年度报告\n2023年,我局推进法治建设。\n一、工作\n"
    )
    assert got.jurisdiction == ""


def test_a_wrapped_document_site_blurb_is_removed() -> None:
    text = (
        "XX局2023年报告.docx\n《XX局2023年法治政府\n建设工作报告.docx(8页珍藏版)》请在某文库网上搜索。\n"
        "XX局2023年法治政府建设工作报告\n2023年,我局坚持依法行政,取得成效。\n"
    )
    assert list(clean_text(text).removed["rule"]) == ["doc_site"]


def test_field_inspections_are_enforcement() -> None:
    s = process_text("r", "一、加大生态环境监督检查力度\n正文。\n")["sections"]
    assert s["category"].tolist()[-1] == "enforcement"


# The fifth review (the fourth review's fixes, round 24): one test per finding


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # the year's figure after a comma in a 五年来 sentence
        (
            "五年来,全县累计开展普法宣传活动1200余场次,2023年共开展普法宣传活动260场次。\n",
            "publicity_events",
            260,
        ),
        # an approximate intake listed before its outcome
        ("全年受理行政复议案件120余件、办结115件。\n", "admin_reconsideration_cases", 120),
        # staff sent to a superior's course, counted in 人次
        (
            "全年开展培训12场次,参训人员1300人次。\n选派业务骨干参加省厅举办的培训23人次。\n",
            "training_participants",
            1300,
        ),
        # a shortfall in the same paragraph as the total
        ("全年开展普法宣传活动120场次,但专题普法仅4场次。\n", "publicity_events", 120),
    ],
)
def test_fifth_review_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("title", "bureau"),
    [
        # a city that moved to another prefecture, and a district abolished since
        ("公主岭市司法局2023年法治政府建设年度报告", "长春市公主岭市司法局"),
        ("矿区人民政府2023年法治政府建设年度报告", "阳泉市矿区人民政府"),
        # a district in force that the package lacks (gazetteer_additions.tsv)
        ("重庆市渝北区司法局2023年法治政府建设年度报告", "重庆市渝北区司法局"),
    ],
)
def test_fifth_review_places(title, bureau) -> None:
    assert infer_metadata(title + "\n2023年,我局推进法治建设。\n一、工作\n").bureau == bureau


def test_bracketed_groups_straight_over_a_running_numbering_are_headings() -> None:
    text = "一、主要工作\n【加强党的领导】\n（一）党组\n内容。\n（二）责任\n内容。\n【推进依法行政】\n（三）执法\n内容。\n（四）监督\n内容。\n"
    assert _headings(text) == [
        (1, "一、"),
        (2, "【】"),
        (3, "(一)"),
        (3, "(二)"),
        (2, "【】"),
        (3, "(三)"),
        (3, "(四)"),
    ]


@pytest.mark.parametrize(
    "heading", ["加强行政权力运行监督检查", "强化审计监督检查", "自觉接受人大和政协监督检查"]
)
def test_oversight_inspections_stay_supervision(heading) -> None:
    s = process_text("r", f"一、{heading}\n正文。\n")["sections"]
    assert s["category"].tolist()[-1] == "supervision_disputes"


def test_a_report_pointing_to_its_portal_keeps_the_line() -> None:
    text = (
        "某区2023年法治政府建设年度报告\n"
        "按照《法治政府建设与责任落实督察工作规定》,本报告全文请在区政府门户网站上搜索查阅。现将有关情况报告如下:\n"
        "一、主要工作\n"
    )
    assert clean_text(text).removed.empty
