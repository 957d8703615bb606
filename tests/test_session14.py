"""Hand-made tests for session 14's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import in_report, indicators, theme
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.metadata import infer_metadata


def _subjects(body: str) -> dict[str, str]:
    m = process_text("r", in_report(body))["metrics"]
    return dict(zip(m["raw"], m["subject"], strict=True))


# ------------------------------------------------------------------ indicators
@pytest.mark.parametrize("mark", ["🔹", "📌 ", "■", "✅ "])
def test_a_heading_an_editor_decorated_opens_its_own_paragraph(mark: str) -> None:
    # the heading line has no full stop; with an emoji before its marker it was read as a
    # wrapped line of the paragraph below, so the paragraph's opening (全年共…) was lost and a
    # field's fines in a later item were added to the year's 罚没款
    body = (
        f"{mark}（五）坚持严格规范公正文明执法，提高案件办理质量\n"
        "全年共办理行政处罚案件412件；收缴罚没款23.74万元，同比增长12.6%。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    got = _indicators(body)
    assert got["fines_yuan"] == 237400
    assert got["admin_penalty_cases"] == 412


def test_a_boards_total_restated_as_the_years_in_the_body_rules_a_fields_fines() -> None:
    # the board states the total first; the body's restatement is the one a paragraph opened
    # by 全年共… makes the year's: the field's 罚款 is inside it
    body = (
        "✅ 办理行政处罚案件412件\n\n✅ 收缴罚没款23.74万元\n\n"
        "一、主要工作\n"
        "全年共办理行政处罚案件412件。收缴罚没款23.74万元，同比增长12.6%。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 237400


def test_the_documents_in_force_taken_up_in_a_clean_up_are_reviewed() -> None:
    body = (
        "配合街道党政办清理行政规范性文件，就城市管理方面的现行有效文件4件逐件提出意见，"
        "建议保留3件、废止1件。"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 4


@pytest.mark.parametrize("adverb", ["逐件", "逐项", "逐条", "逐个"])
def test_one_by_one_after_a_figure_is_no_subject(adverb: str) -> None:
    # 逐件 (one by one) says how the things were handled; the thing counted is before it
    got = _subjects(f"对本局现行有效的规范性文件15件{adverb}进行评估。")
    assert got["15件"].endswith("规范性文件")


# ------------------------------------------------------------------ themes
def test_a_heading_on_decision_procedures_is_decision_making() -> None:
    assert theme("（四）规范决策程序，严格法制审核把关") == "decision_making"
    # review of enforcement decisions alone stays enforcement
    assert theme("（四）严格法制审核，规范执法决定") == "enforcement"


# ------------------------------------------------------------------ round 72: reading
def _cleaned(raw: str):
    from analysis.cleaning import clean_text

    return clean_text(raw)


_BODY = (
    "2023年，市城市管理局坚持以习近平法治思想为指导，统筹推进城市管理领域依法行政，法治城管建设取得新的进展。\n"
    "一、主要举措和成效\n"
    "全年全市城管系统共办理行政处罚案件13,586件，收缴罚没款2,104.6万元，结案率97.3%。"
    "组织全市行政执法案卷评查2次，抽查案卷420卷，发现问题73个，均已督促整改到位。\n"
    "二、存在的不足\n"
    "执法人员中具有法律专业背景的占比不足12%，部分基层执法人员运用法治思维处理复杂问题的能力不强。\n"
)


def test_a_gazettes_previous_article_above_the_report_is_another_document() -> None:
    raw = (
        "某市人民政府公报\n"
        "到2024年底，全市新型智能建筑垃圾运输车辆占比达到95%以上，建筑垃圾资源化利用率不低于85%。\n"
        "（五）推进资源化利用。2024年全市新增资源化利用处理能力120万吨。\n"
        "本通知自2024年3月1日起施行，有效期5年。\n"
        "某市人民政府办公室\n"
        "2024年2月19日\n"
        "（此件公开发布）\n"
        "· 36 ·\n"
        "某市城市管理局\n"
        "2023年度法治政府建设工作报告\n" + _BODY + "某市城市管理局\n2024年1月29日\n"
    )
    r = _cleaned(raw)
    assert r.text.startswith("某市城市管理局\n2023年度法治政府建设工作报告\n")
    assert "120万吨" not in r.text and "36" not in r.text
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["（此件公开发布）"] in ("previous_document", "doc_footer")
    assert rules["本通知自2024年3月1日起施行，有效期5年。"] == "previous_document"
    assert rules["· 36 ·"] == "page_number"


def test_a_cover_above_a_short_text_is_not_taken_for_another_document() -> None:
    # the report's own head (its publisher and date above its title) is no document's end,
    # and a document above a shorter report is not cut (the report is the larger)
    raw = "某市城市管理局\n2024年1月29日\n某市城市管理局2023年度法治政府建设工作报告\n" + _BODY
    assert "13,586件" in _cleaned(raw).text
    long_before = (
        "为深入推进依法行政，现将有关事项通知如下，请各单位认真贯彻执行，确保各项任务落到实处。\n"
        * 8
        + "某市人民政府办公室\n2024年2月19日\n某市城市管理局2023年度法治政府建设工作报告\n"
        + "全年办理行政处罚案件86件。\n"
    )
    assert "为深入推进依法行政" in _cleaned(long_before).text


def test_the_next_documents_title_wrapped_over_two_lines_is_the_next_documents() -> None:
    raw = (
        "某市城市管理局2023年度法治政府建设工作报告\n" + _BODY + "某市城市管理局\n2024年1月29日\n"
        "某市生态环境局关于开展2024年度重点排污单位\n"
        "环境信息依法披露工作的通知\n"
        "某环发〔2024〕15号\n"
        "全市共有574家企业纳入披露名单。\n"
    )
    r = _cleaned(raw)
    assert "重点排污单位" not in r.text and "574家" not in r.text
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["某市生态环境局关于开展2024年度重点排污单位"] == "next_document"


def test_a_document_sharing_sites_preview_page_is_chrome_around_the_report() -> None:
    raw = (
        "首页　　分类　　VIP专区　　上传文档　　登录　　注册\n"
        "请输入关键词，搜索文档、资料、报告　　搜索\n"
        "某县城市管理局2022年度法治政府建设工作报告.docx\n"
        "上传人：某某　　上传时间：2023-03-14　　浏览：1,236 次　　下载：18 次\n"
        "页数：6页　　文档格式：docx　　价格：5.00 积分\n"
        "收藏　　举报　　分享到微信\n"
        "某县城市管理局\n"
        "2022年度法治政府建设工作报告\n"
        "一、主要工作\n"
        "全年办理行政处罚案件326件，收缴罚没款18.6万元，组织执法人员培训班6期，参训执法\n"
        "某文档 知识共享存储平台 版权声明：本文档由用户上传，仅供学习交流，预览与源文档一致\n"
        "人员523人次。\n"
        "二、存在的问题\n"
        "执法力量不足，执法车辆和执法\n"
        "……还剩2页未读，继续阅读\n"
        "免费预览已结束，剩余2页可下载查看\n"
        "下载文档到电脑，查找使用更方便\n"
        "5.00 积分　　立即下载\n"
        "相关文档\n"
        "某县住房和城乡建设局2022年法治政府建设年度报告.doc\n"
    )
    r = _cleaned(raw)
    # the file's name stays (it may be the only title); the site's lines above it go
    assert r.text.startswith(
        "某县城市管理局2022年度法治政府建设工作报告.docx\n某县城市管理局\n2022年度法治政府建设工作报告\n"
    )
    assert r.text.rstrip().endswith("执法车辆和执法")  # the preview's cut is no wrap
    assert "版权声明" not in r.text and "积分" not in r.text and "相关文档" not in r.text
    # the upload date is the page's date only where the report gives none (here: no signature)
    assert r.metadata["published"] == "" and r.metadata["uploaded"] == "2023-03-14"
    assert infer_metadata(r.text, r.metadata).published == "2023-03-14"
    assert infer_metadata(r.text, r.metadata).title == "某县城市管理局2022年度法治政府建设工作报告"
    signed = _cleaned(
        raw.replace(
            "执法力量不足，执法车辆和执法\n", "执法力量不足。\n某县城市管理局\n2023年1月10日\n"
        )
    )
    assert infer_metadata(signed.text, signed.metadata).published == "2023-01-10"


# ------------------------------------------------------------------ round 72: indicators
def test_a_systems_total_holds_its_detachments_figure() -> None:
    body = (
        "全年全市城管系统共办理行政处罚案件13,586件，其中适用一般程序9,874件。\n"
        "市城管执法支队直接查办案件1,248件，结案率97.3%。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 13586


def test_a_paragraph_opened_by_a_run_in_heading_is_opened_by_its_first_sentence() -> None:
    # 2.执法办案质效稳步提升。全年共… : the paragraph's opening is 全年共…, not the heading's
    # words, so its 罚没款 is the year's and a field's fines elsewhere are inside it
    body = (
        "2.执法办案质效稳步提升。全年共办理行政处罚案件412件。收缴罚没款23.74万元。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 237400


def test_a_system_named_without_adding_up_is_no_total_of_its_parts() -> None:
    # 举办全市城管系统执法骨干培训班3期 is one kind of training, beside another
    body = "举办全市城管系统执法骨干培训班3期、新入职执法人员岗前培训2期。"
    assert _indicators(body)["training_sessions"] == 5


@pytest.mark.parametrize("marker", ["㈦", "⒎", "⑺", "⑦"])
def test_a_heading_in_enclosed_characters_opens_its_own_paragraph(marker: str) -> None:
    body = (
        f"{marker}  加强队伍建设，提升执法人员法治素养\n"
        "全年共办理行政处罚案件412件；收缴罚没款23.74万元。\n"
        "3.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 237400


def test_the_share_some_kinds_take_of_a_figure_is_its_part() -> None:
    body = (
        "承办12345市民热线转办工单3.27万件，噪音扰民、占道经营两类诉求占1.41万件，按时办结率99.1%。"
    )
    assert _indicators(body)["hotline_cases"] == 32700


def test_a_heading_on_law_abiding_by_all_is_publicity() -> None:
    assert theme("（五）推动全民守法") == "publicity"


# ------------------------------------------------------------------ round 72: a CMS's JSON
def test_a_cms_json_response_is_read_as_its_article_title_and_date() -> None:
    import json

    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    content = (
        "<p><strong>一、主要工作</strong></p>\n"
        '<p style="text-indent:2em;">全年办理行政处罚案件186件，罚没款1,126.4万元，'
        "同比增长29.1%，“双公示”公开信息2,157条。</p>\n"
        "<p><strong>二、存在的问题</strong></p>\n<p>执法力量不足。</p>"
    )
    doc = {
        "code": 200,
        "data": {
            "id": 48213,
            "title": "某市住房和城乡建设局2024年法治政府建设工作报告",
            "publishDate": "2025-03-06 09:30:00",
            "viewCount": 812,
            "content": content,
            "relatedList": [{"id": 48208, "title": "另一篇文章", "publishDate": "2025-02-27"}],
        },
    }
    # as Java and Go encoders write it: markup and some characters escaped
    raw = json.dumps(doc, ensure_ascii=False).replace("<", "\\u003c").replace("“", "\\u201c")
    text, _ = decode_report_bytes(raw.encode("utf-8"), "r.txt")
    r = clean_text(text)
    assert r.text.startswith("某市住房和城乡建设局2024年法治政府建设工作报告\n")
    assert "全年办理行政处罚案件186件" in r.text and "“双公示”" in r.text
    assert "48213" not in r.text and "812" not in r.text and "另一篇文章" not in r.text
    assert r.metadata["published"] == "2025-03-06"
    assert set(r.removed[r.removed["text"].str.contains("48213")]["rule"]) == {"json_field"}
    assert _indicators_of(text)["fines_yuan"] == 11264000


def _indicators_of(text: str) -> dict[str, float]:
    from snippets import indicators

    from analysis.cleaning import clean_text

    return indicators(clean_text(text).text)


def test_text_that_is_not_a_json_article_is_left_as_it_is() -> None:
    from analysis.reading import unwrap_json

    for text in ("{没有闭合的括号\n", '{"a": 1, "b": "短"}\n', "[1, 2, 3]\n", "一、总体情况\n"):
        assert unwrap_json(text) == text


def test_petition_matters_the_head_resolved_in_person_are_no_intake() -> None:
    body = (
        "局长亲自协调化解物业管理等领域疑难信访事项9件。"
        "全年受理信访事项428件，其中来信57件、来访194件，按期办结率98.6%。"
    )
    assert _indicators(body)["petitions"] == 428


# ------------------------------------------------------------------ round 73
@pytest.mark.parametrize("period", ["五年间", "三年中", "2021—2025年"])
def test_a_total_over_a_period_of_years_is_not_the_years_figure(period: str) -> None:
    body = (
        "组织行政规范性文件专项清理，对现行有效的13件规范性文件逐件评估，保留10件、修订2件、废止1件。\n"
        f"{period}先后4次组织规范性文件集中清理，累计清理文件41件。\n"
    )
    assert _indicators(body)["normative_documents_reviewed"] == 13


def test_a_page_saved_from_the_wayback_machine_is_read_without_its_toolbar() -> None:
    raw = (
        "The Wayback Machine - https://web.archive.org/web/20220415083212/http://www.example.gov.cn/art/1.html\n"
        "56 captures\n"
        "18 Mar 2022 - 02 Sep 2023\n"
        "MAR\tAPR\tMAY\n"
        "2021\t2022\t2023\n"
        "About this capture\n"
        "COLLECTED BY\n"
        "Organization: Internet Archive\n"
        "Collection: Save Page Now Outlinks\n"
        "TIMESTAMPS\n"
        "某区综合行政执法局2021年度法治政府建设工作报告\n"
        "发布日期：2022-03-18\t信息来源：区综合行政执法局\t浏览次数：\n"
        "一、主要工作\n"
        "全年办理行政处罚案件1,126件。\n"
    )
    r = _cleaned(raw)
    assert r.text.startswith("某区综合行政执法局2021年度法治政府建设工作报告\n")
    assert r.metadata["published"] == "2022-03-18"
    assert set(r.removed["rule"][r.removed["line_no"] <= 10]) == {"web_archive"}


def test_a_heading_saying_something_cannot_keep_up_is_a_problem() -> None:
    assert theme("（一）基层执法队伍专业能力还跟不上改革需要") == "problems"


# ------------------------------------------------------------------ review of session 14
_MAIN = (
    "2023年，我局坚持以习近平法治思想为指导，认真贯彻落实党中央、国务院关于法治政府建设的决策部署，现将有关情况报告如下。\n"
    "一、主要举措\n全年办理行政处罚案件86件，罚没款12.5万元，组织执法培训3期，参训人员260人次。\n"
    "二、存在问题\n执法力量不足，执法人员中具有法律专业背景的占比不足12%。\n"
    "三、下一步打算\n持续深化行政执法规范化建设。\n"
)
_DUTY = "某市城市管理局主要负责人履行推进法治建设第一责任人职责情况报告\n" + (
    "局主要负责人认真履行推进法治建设第一责任人职责，全年主持召开局党组会专题研究法治工作4次，"
    "带头讲法治课2次，审定重大行政决策事项3件，推动解决了一批制约法治城管建设的突出问题。\n" * 3
)


@pytest.mark.parametrize("label", ["附件\n", ""])
def test_review_session14_a_report_with_a_longer_appendix_keeps_itself(label: str) -> None:
    raw = (
        "某市城市管理局2023年度法治政府建设工作报告\n"
        + _MAIN
        + "某市城市管理局\n2024年1月29日\n"
        + label
        + _DUTY
    )
    r = _cleaned(raw)
    assert "全年办理行政处罚案件86件" in r.text
    assert "previous_document" not in set(r.removed["rule"])


def test_review_session14_an_org_and_date_inside_the_report_are_no_documents_end() -> None:
    raw = (
        "某市城市管理局2023年度法治政府建设工作报告\n"
        "2023年，我局坚持以习近平法治思想为指导，认真贯彻落实党中央、国务院关于法治政府建设的决策部署，"
        "全面推进依法行政，法治政府建设各项工作取得新的进展，为全市经济社会高质量发展提供了有力法治保障。\n"
        "一、重大行政决策情况\n全年作出重大行政决策2项，均履行法定程序，具体如下：\n"
        "序号\n决策事项\n承办单位\n决策时间\n1\n某市生活垃圾分类管理实施方案\n某市城市管理局\n2023年6月12日\n"
        "二、行政执法工作情况\n"
        + "全年全局共办理行政处罚案件1,286件，收缴罚没款386.2万元，同比增长12.6%，办理行政强制案件52件，无一被复议纠错。\n"
        * 3
        + "三、存在问题\n执法力量不足。\n"
    )
    r = _cleaned(raw)
    assert r.text.startswith("某市城市管理局2023年度法治政府建设工作报告\n")
    assert "previous_document" not in set(r.removed["rule"])


def test_review_session14_a_portal_notice_above_the_title_is_no_document() -> None:
    raw = (
        "您当前的位置：首页 > 政务公开 > 部门信息公开 > 某市城市管理局 > 法治政府建设年度报告\n"
        "温馨提示：本网站已支持IPv6访问，如您在使用过程中遇到问题，请通过网站留言反馈，我们将及时处理并予以回复。\n"
        "某市城市管理局2023年度法治政府建设工作报告\n某市城市管理局\n2024-01-29\n"
        "一、2023年法治政府建设工作情况\n" + _BODY.split("\n", 1)[1]
    )
    r = _cleaned(raw)
    assert "某市城市管理局2023年度法治政府建设工作报告" in r.text
    assert "previous_document" not in set(r.removed["rule"])


def test_review_session14_the_previous_documents_date_is_not_the_reports() -> None:
    raw = (
        "到2024年底，全市新型智能建筑垃圾运输车辆占比达到95%以上，建筑垃圾资源化利用率不低于85%。\n"
        "各县（市、区）人民政府是本地区建筑垃圾治理的责任主体，要建立工作协调机制，及时协调解决突出问题。\n"
        "本通知自2024年3月1日起施行，有效期5年，请各地各部门认真贯彻执行，确保各项任务落到实处。\n"
        "某市人民政府办公室\n2024-02-19\n"
        "某市城市管理局2023年度法治政府建设工作报告\n" + _BODY + "某市城市管理局\n2024年1月29日\n"
    )
    r = _cleaned(raw)
    assert "previous_document" in set(r.removed["rule"])
    assert r.metadata["published"] != "2024-02-19"
    assert infer_metadata(r.text, r.metadata).published == "2024-01-29"


def test_review_session14_a_related_list_above_the_report_is_no_feed() -> None:
    raw = (
        "某县城市管理局2022年度法治政府建设工作报告.docx\n"
        "原创力文档 知识共享存储平台 版权声明：本文档由用户上传，仅供学习交流，预览与源文档一致，如有侵权请联系删除。\n"
        "相关文档\n某县住房和城乡建设局2022年法治政府建设年度报告.doc\n"
        "某县城市管理局\n2022年度法治政府建设工作报告\n一、主要工作\n"
        "全年办理行政处罚案件326件，收缴罚没款18.6万元，组织执法人员培训班6期，参训执法人员523人次。\n"
        "二、存在的问题\n执法力量不足，执法车辆和执法装备配备不足，执法人员年龄结构老化。\n"
    )
    r = _cleaned(raw)
    assert "全年办理行政处罚案件326件" in r.text and "版权声明" not in r.text


def test_review_session14_a_price_line_in_the_body_is_no_sharing_sites() -> None:
    raw = (
        "某市市场监督管理局2023年度法治政府建设工作报告\n一、主要工作\n分领域执法情况如下：\n"
        "价格：立案查处价格违法案件15件，罚没金额8.6万元；\n食品：立案查处食品安全违法案件86件；\n"
    )
    assert "立案查处价格违法案件15件" in _cleaned(raw).text


def _json_text(doc: object, **dump) -> str:
    import json

    from analysis.reading import decode_report_bytes

    return decode_report_bytes(json.dumps(doc, ensure_ascii=False, **dump).encode(), "r.txt")[0]


_ARTICLE = (
    "<p><strong>一、主要工作</strong></p>\n<p>全年办理行政处罚案件186件，罚没款1,126.4万元，"
    "同比增长29.1%，全年受理行政复议案件3件。依法行政工作取得新进展，法治建设扎实推进。</p>\n"
    "<p><strong>二、存在的问题</strong></p>\n<p>执法力量不足。</p>"
)
_TITLE = "某市住房和城乡建设局2024年法治政府建设工作报告"


@pytest.mark.parametrize(
    ("doc", "dump"),
    [
        # TRS WCM's names
        (
            {
                "DOCID": 1,
                "DOCTITLE": _TITLE,
                "DOCRELTIME": "2025-03-06 09:30:00",
                "DOCHTMLCON": _ARTICLE,
            },
            {},
        ),
        ({"articleTitle": _TITLE, "createTime": "2025-03-06", "content": _ARTICLE}, {}),
        # keys sorted: the article before its title
        (
            {"title": _TITLE, "publishDate": "2025-03-06", "content": _ARTICLE, "id": 7},
            {"sort_keys": True},
        ),
        # another object's title first
        (
            {
                "channel": {"title": "法治政府建设"},
                "article": {"title": _TITLE, "pubDate": "2025-03-06", "content": _ARTICLE},
            },
            {},
        ),
    ],
)
def test_review_session14_a_json_articles_title_and_date_are_found_first(doc, dump) -> None:
    from analysis.cleaning import clean_text

    r = clean_text(_json_text(doc, **dump))
    assert r.text.startswith(_TITLE + "\n")
    assert r.metadata["published"] == "2025-03-06"
    assert "发布时间" not in r.text and "法治政府建设\n" not in r.text[len(_TITLE) :]


def test_review_session14_a_json_article_as_a_list_of_paragraphs_is_read() -> None:
    from analysis.cleaning import clean_text

    paragraphs = [
        "一、主要工作",
        "全年办理行政处罚案件186件，罚没款1,126.4万元，同比增长29.1%。",
        "全年受理行政复议案件3件，以我局为被告的行政诉讼案件2件。",
        "法治政府建设各项工作扎实推进，依法行政水平进一步提升，群众满意度持续提高。",
        "二、存在的问题",
        "执法力量不足，执法人员中具有法律专业背景的占比不足12%。",
        "部分基层执法人员运用法治思维处理复杂问题的能力不强。",
    ]
    summary = (
        "本报告总结了我局一年来推进法治政府建设的主要举措和成效，分析了存在的问题，提出了下一步工作打算。"
        * 3
    )
    r = clean_text(_json_text({"title": _TITLE, "summary": summary, "paragraphs": paragraphs}))
    assert "二、存在的问题" in r.text
    assert indicators(r.text)["admin_penalty_cases"] == 186


def test_review_session14_every_other_json_field_is_recorded_not_kept() -> None:
    from analysis.cleaning import clean_text

    summary = (
        "2024年，市住建局坚持以习近平法治思想为指导，全面推进依法行政，全年办理行政处罚案件186件。"
        * 2
    )
    related = "另一局全年办理行政复议案件120件，依法行政工作取得新进展。" * 4  # 100 and more
    article = _ARTICLE.replace(
        "<p>执法力量不足。</p>", "<p>执法力量不足。" + "执法人员法治素养有待提升。" * 10 + "</p>"
    )
    doc = {
        "data": {
            "title": _TITLE,
            "subTitle": "",
            "浏览次数": 812,
            "x-view-count": 812,
            "summary": summary,
            "content": article,
            "related": [{"content": related}],
        }
    }
    r = clean_text(_json_text(doc))
    assert "812" not in r.text and "subTitle" not in r.text and "另一局" not in r.text
    assert r.text.count("全年办理行政处罚案件186件") == 1
    assert set(r.removed["rule"]) == {"json_field", "html_markup"}
    assert indicators(r.text)["admin_reconsideration_cases"] == 3


def test_review_session14_a_run_in_items_first_sentence_with_figures_opens_the_paragraph() -> None:
    body = (
        "1.全年共办理行政处罚案件1162件。收缴罚没款186.42万元，同比增长12.6%。\n"
        "2.垃圾分类执法。开展垃圾分类执法检查320家次，立案查处41件，罚款2.15万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 1864200


def test_review_session14_petitions_received_and_resolved_are_petitions() -> None:
    assert _indicators("全年受理并协调化解信访事项230件，按期办结率100%。")["petitions"] == 230


def test_review_session14_the_documents_in_force_to_date_are_no_review() -> None:
    body = "持续做好规范性文件清理工作，截至目前，我局现行有效规范性文件共58件，全年新制定规范性文件3件，均经合法性审核。"
    assert _indicators(body).get("normative_documents_reviewed") != 58


def test_review_session14_a_next_documents_title_with_a_short_last_line_is_the_next_documents() -> (
    None
):
    raw = (
        "某市城市管理局2023年度法治政府建设工作报告\n" + _BODY + "某市城市管理局\n2024年1月29日\n"
        "某市生态环境局关于开展2024年度重点排污单位环境信息依法披露\n"
        "工作的通知\n"
        "某环发〔2024〕15号\n"
        "全市共有574家企业纳入披露名单。\n"
    )
    assert "574家" not in _cleaned(raw).text


def test_review_session14_a_sharing_sites_end_of_reading_is_its_preview_end() -> None:
    raw = (
        "某县城市管理局2022年度法治政府建设工作报告\n"
        + _BODY
        + "阅读已结束，下载本文需要使用2下载券\n"
    )
    r = _cleaned(raw)
    assert "阅读已结束" not in r.text
    assert set(r.removed["rule"]) == {"preview_end"}


def test_review_session14_a_watermark_ending_in_a_full_stop_is_the_sites() -> None:
    raw = (
        "某县城市管理局2022年度法治政府建设工作报告\n"
        + _BODY
        + "某文档 知识共享存储平台 版权声明：本文档由用户上传，仅供学习交流，预览与源文档一致。\n"
    )
    assert "版权声明" not in _cleaned(raw).text


def test_review_session14_enforcement_decision_procedures_are_enforcement() -> None:
    assert theme("（二）严格执法决策程序，规范行政处罚裁量") != "decision_making"


def test_a_table_saved_on_one_line_of_html_has_its_rows_read() -> None:
    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    raw = (
        "<p>一、主要工作</p><p>主要执法数据对比如下：</p><table><tbody><tr><td>项目</td><td>2023年</td>"
        "<td>2024年</td></tr><tr><td>行政处罚案件（件）</td><td>163</td><td>186</td></tr>"
        "<tr><td>行政复议案件（件）</td><td>17</td><td>11</td></tr></tbody></table>"
        "<p>二、存在的问题</p><p>执法力量不足。</p>\n"
    )
    text, _ = decode_report_bytes(raw.encode("utf-8"), "r.txt")
    got = indicators(clean_text(text).text)
    assert got["admin_penalty_cases"] == 186
    assert got["admin_reconsideration_cases"] == 11


# ------------------------------------------------------------------ round 74
def test_the_cases_completion_rate_in_chinese_numerals_is_the_completion_rate() -> None:
    body = (
        "全年共办理行政处罚案件八百七十三件，已结案八百五十八件，结案率百分之九十八点三。\n"
        "承办一二三四五市长热线转办件二千九百四十八件，按期办结率百分之九十九点二。\n"
    )
    assert _indicators(body)["completion_rate"] == 98.3


@pytest.mark.parametrize("part", ["四季度", "2024年10—12月，", "下半年"])
def test_a_figure_of_part_of_the_year_is_inside_the_years(part: str) -> None:
    body = (
        "1.执法办案总体平稳。2024年，全市城管执法系统办理行政处罚案件5,336件；"
        "收缴罚没款1,826.47万元，同比增长5.2%。分季度看，一季度办理行政处罚案件1,186件；"
        f"{part}结合市容环境秩序整治，办理案件1,423件、收缴罚没款524.41万元。\n"
    )
    got = _indicators(body)
    assert got["fines_yuan"] == 18264700
    assert got["admin_penalty_cases"] == 5336


def test_a_half_years_report_keeps_its_own_figures() -> None:
    body = (
        "2023年1—6月，全局共办理行政处罚案件318件，罚没款86.37万元。\n"
        "查处燃气违法案件9件，罚款4.5万元。\n"
    )
    assert _indicators(body)["fines_yuan"] == 863700


def test_sub_headings_whose_numbers_word_generated_are_rebuilt() -> None:
    from snippets import outline

    para = "全年召开专题会议研究法治政府建设工作，制定年度工作要点，明确责任分工，推动各项任务落实落地。"
    text = (
        "某区综合行政执法局2023年法治政府建设工作报告\n\n"
        f"{para}\n\n"
        "一、主要工作\n\n"
        "加强组织领导，压实法治建设主体责任\n\n"
        f"{para}\n\n"
        "强化学法用法，提升执法队伍法治素养\n\n"
        f"{para}\n\n"
        "二、存在的问题\n\n"
        f"{para}\n\n"
        "三、下一步工作打算\n\n"
        "（一）持续压实责任。" + para + "\n"
    )
    got = [(lvl, marker, heading, repaired) for lvl, marker, heading, repaired in outline(text)]
    assert got[:3] == [
        (1, "一、", "主要工作", False),
        (2, "(一)", "加强组织领导，压实法治建设主体责任", True),
        (2, "(二)", "强化学法用法，提升执法队伍法治素养", True),
    ]
    # a level whose numbers are written is not rebuilt: 三、's （一） is its own
    assert (2, "(一)", "持续压实责任", False) in got


# ------------------------------------------------------------------ two columns
def _two_columns(left: list[str], right: list[str], at: int = 29) -> str:
    rows = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        rows.append((a + " " * (at - len(a)) + b).rstrip() if b else a)
    return "\n".join(rows)


_LEFT = [
    "  2022年，某市城市管理局在市委、市政府",
    "的坚强领导下，坚持以习近平法治思想为指导，",
    "扎实推进城市管理领域法治政府建设，全年未",
    "发生因行政执法不当引发的重大舆情。",
    "  一、主要做法及成效",
    "  （一）压实责任链条，健全法治推进机制",
    "  局党组全年召开7次会议专题研究法治建设",
    "工作，审议城市管理领域涉法议题15项，局主",
    "要负责人年底向市委依法治市办书面述法。",
    "  （二）严格规范执法，提高执法办案水平",
    "  全年全市城管执法系统共立案查处各类违法",
]
_RIGHT = [
    "案件5,216件，收缴罚没款689.35万元，同比下",
    "降4.1%，结案率97.8%。全年以我局为被申请",
    "人的行政复议案件6件，涉及我局的行政诉讼案",
    "件3件，行政机关负责人出庭应诉率100%。",
    "  二、存在的问题和不足",
    "  执法力量与城市管理任务不够匹配，县（区）",
    "执法队伍中法律专业人员所占比例仅为11%。",
    "  三、2023年工作打算",
    "  全年举办执法人员法治培训不少于6期，力争",
    "全市城管系统案卷评查优良率达到95%以上。",
    "                  某市城市管理局",
]


def test_a_page_in_two_columns_is_read_column_after_column() -> None:
    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    raw = (
        "                 某市城市管理局\n         2022年度法治政府建设工作情况报告\n\n"
        + _two_columns(_LEFT, _RIGHT)
        + "\n\n                       — 1 —\n"
    )
    text, _ = decode_report_bytes(raw.encode("utf-8"), "r.txt")
    r = clean_text(text)
    assert "共立案查处各类违法案件5,216件" in r.text
    assert r.text.index("发生因行政执法不当") < r.text.index("二、存在的问题和不足")
    got = indicators(r.text)
    assert got["admin_penalty_cases"] == 5216
    assert got["admin_reconsideration_cases"] == 6


def test_a_table_lined_up_by_spaces_is_no_two_columns() -> None:
    from analysis.reading import read_columns

    table = "\n".join(f"行政处罚案件（件）{' ' * 8}{1000 + k}{' ' * 8}{900 + k}" for k in range(12))
    prose = "\n".join(
        f"全年办理行政处罚案件{k}件，罚没款{k}万元。     同比增长{k}%。" for k in range(12)
    )
    for text in (table, prose):
        assert read_columns(text) == text


def test_hotline_orders_passed_on_are_the_hotlines_and_requests_elsewhere_give_way() -> None:
    body = (
        "办理12345便民服务平台转办件3.42万件，按时办结率99.1%。"
        "在中心城区64个社区设立城管服务站，全年收集办理群众诉求2,870件。"
    )
    assert _indicators(body)["hotline_cases"] == 34200
    # requests alone, no hotline figure: they are the hotline's work the report states
    assert _indicators("全年收集办理群众诉求2,870件，办结率98%。")["hotline_cases"] == 2870


# ------------------------------------------------------------------ round 75
def test_a_statutes_penalty_range_is_no_figure_of_the_years_work() -> None:
    def raws(body: str) -> list[str]:
        return list(process_text("r", in_report(body))["metrics"]["raw"])

    got = raws(
        "依据《城市生活垃圾管理办法》第二十三条“处5000元以上5万元以下罚款”的规定，对该公司作出罚款8000元的处罚。"
        "明确对个人处200元以上、单位处2000元以上罚款的案件一律按普通程序办理。"
        "依照本省较大数额罚款标准（对个人1万元以上、对单位10万元以上）告知听证权利。"
    )
    assert "8000元" in got
    for raw in ("5000元以上", "5万元以下", "200元以上", "2000元以上", "1万元以上", "10万元以上"):
        assert raw not in got
    # a threshold naming a kind of the year's cases, and a rate's target, stay
    assert "10万元以上" in raws("其中罚款10万元以上的案件23件。")
    assert "98%以上" in raws("力争行政处罚案卷合格率达到98%以上。")


def test_a_table_whose_cells_full_width_pipes_part_is_read() -> None:
    body = (
        "表　2023年分区域主要执法数据\n"
        "区域｜行政处罚案件（件）｜罚没款（万元）\n"
        "城中区｜1212｜198.52\n"
        "鱼峰区｜1486｜214.87\n"
    )
    m = process_text("r", in_report(body))["metrics"]
    got = set(zip(m["raw"], m["unit"], strict=True))
    assert ("1212", "件") in got and ("214.87", "元") in got


def test_all_of_them_said_after_a_figure_is_no_subject() -> None:
    assert _subjects("来信来访61件全部按期答复，办结率100%。")["61件"] == "来信来访"
    assert _indicators("来信来访61件全部按期答复，办结率100%。")["petitions"] == 61


def test_letters_the_head_read_and_instructed_on_are_no_intake() -> None:
    body = "全年来信来访61件全部按期答复。局长坚持接访下访，全年阅批群众来信23件。"
    assert _indicators(body)["petitions"] == 61


def test_a_heading_on_forging_the_enforcement_team_is_training() -> None:
    assert theme("（九）抓好学法培训，锻造高素质城管执法队伍") == "study_training"


# ------------------------------------------------------------------ second review of session 14
@pytest.mark.parametrize(
    "period",
    [
        "2019年以来，全局累计办理行政处罚案件4,860件，收缴罚没款1,720万元。",
        "2021年至2023年，全局共办理行政处罚案件4,860件，收缴罚没款1,720万元。",
    ],
)
def test_review2_session14_a_part_of_the_year_is_not_beaten_by_a_total_over_years(
    period: str,
) -> None:
    body = "2023年1—11月，全局共办理行政处罚案件1,012件，收缴罚没款356.2万元。\n" + period + "\n"
    got = _indicators(body)
    assert got["admin_penalty_cases"] == 1012
    assert got["fines_yuan"] == 3562000


def test_review2_session14_two_columns_whose_pages_end_at_dotted_numbers_are_read() -> None:
    from analysis.reading import read_columns

    page = _two_columns(_LEFT, _RIGHT)
    text = page + "\n                       · 37 ·\n" + page + "\n                       · 38 ·\n"
    out = read_columns(text)
    first = out.index("· 37 ·")
    # the first page's right column comes before the second page begins
    assert out.index("件3件，行政机关负责人出庭应诉率100%。") < first


def test_review2_session14_a_gap_inside_the_right_columns_line_is_no_cut() -> None:
    from analysis.reading import read_columns

    right = list(_RIGHT)
    right[4] = "  二、  存在的问题和不足"
    out = read_columns(_two_columns(_LEFT, right) + "\n\n                       — 1 —\n")
    assert "二、  存在的问题和不足" in out
    assert out.count("二、") == 1


def test_review2_session14_a_table_of_two_text_columns_is_no_two_columns() -> None:
    from analysis.reading import read_columns

    rows = [
        "行政处罚案件办理   全年办理5,216件，同比增长12.3%",
        "罚没款收缴情况    全年收缴689.35万元，同比下降4.1%",
        "行政复议案件情况   以本局为被申请人的6件，维持4件",
        "行政诉讼案件情况   涉及本局的3件，已审结2件均胜诉",
        "执法人员法治培训   举办培训班6期，参训860人次",
        "普法宣传活动开展   开展宣传活动128场次，发放资料3.6万份",
        "规范性文件管理    制发规范性文件3件，均经合法性审核",
        "合法性审查工作    完成各类合法性审查187件，无纠错",
        "非现场执法办案    市本级办理非现场执法案件726件",
        "信访事项办理     受理群众来信来访143件，按期办结率100%",
    ]
    text = "附件\n主要指标       2023年完成情况\n" + "\n".join(rows) + "\n"
    assert read_columns(text) == text


@pytest.mark.parametrize(
    "body",
    [
        "全年办理市长办公会议交办件23件，办结率100%。",
        "办理便民服务中心交办件42件。",
        "全年办理12345热线工单2,860件，督查室交办件35件。",
    ],
)
def test_review2_session14_items_a_meeting_or_an_office_assigned_are_no_hotlines(body: str) -> None:
    assert _indicators(body).get("hotline_cases") in (None, 2860)


@pytest.mark.parametrize(
    "lines",
    [
        ["法治宣传进社区活动现场", "燃气安全专项检查现场"],
        ["主要做法如下", "具体情况如下"],
        ["市城管局开展法治宣传进社区活动", "局领导带队检查建筑工地扬尘治理"],
    ],
)
def test_review2_session14_captions_and_lead_ins_are_no_lost_sub_headings(lines: list[str]) -> None:
    from snippets import outline

    para = "全年召开专题会议研究法治政府建设工作，制定年度工作要点，明确责任分工，推动各项任务落实落地。"
    text = (
        "某区综合行政执法局2023年法治政府建设工作报告\n\n"
        f"{para}\n\n一、主要工作\n\n{lines[0]}\n\n{para}\n\n{lines[1]}\n\n{para}\n\n"
        f"二、存在的问题\n\n{para}\n\n三、下一步工作打算\n\n{para}\n"
    )
    assert [level for level, *_ in outline(text)] == [1, 1, 1]


def test_review2_session14_a_report_whose_level_2_is_numbered_1_rebuilds_nothing() -> None:
    from snippets import outline

    para = "全年召开专题会议研究法治政府建设工作，制定年度工作要点，明确责任分工，推动各项任务落实落地。"
    text = (
        "某区综合行政执法局2023年法治政府建设工作报告\n\n"
        f"{para}\n\n一、主要工作\n\n1.加强组织领导\n\n{para}\n\n2.严格规范执法\n\n{para}\n\n"
        f"二、存在的问题\n\n执法力量仍显不足，队伍结构有待优化\n\n{para}\n\n"
        f"执法规范化水平有待提高，案卷质量仍需提升\n\n{para}\n\n三、下一步工作打算\n\n{para}\n"
    )
    assert [marker for _, marker, _, _ in outline(text)] == ["一、", "1.", "2.", "二、", "三、"]


def test_review2_session14_a_list_of_site_columns_inside_the_report_is_no_feed() -> None:
    raw = (
        "某市城市管理局2023年度法治政府建设工作报告\n"
        + _BODY.split("二、")[0]
        + "为便于群众查阅，在门户网站开设法治政府建设专栏，栏目设置如下：\n政策解读\n相关文档\n办事指南\n"
        "二、存在的问题\n执法力量不足，执法车辆和执法装备配备不足，执法人员年龄结构老化。\n"
    )
    assert "二、存在的问题" in _cleaned(raw).text


# ------------------------------------------------------------------ round 76
def test_a_search_engines_cached_copy_is_read_without_its_banner_and_marks() -> None:
    raw = (
        "百度快照\n"
        "这是 http://www.example.gov.cn/fzzfjs/202302/t20230220_1879264.html 的快照，是网页在2023年5月8日的存档。\n"
        "当前页面可能已经更新，请点击此处访问当前页面。\n"
        "快照日期：2023-05-08 14:22:17\n"
        "您查询的关键词：法治政府建设\n"
        "百度和网页的作者无关，不对其内容负责。\n"
        "某区城市管理和综合执法局2022年度【法治政府建设】工作报告\n"
        "发布时间：2023-02-20 10:16\n"
        "一、2022年推进【法治政府建设】的主要举措\n"
        "全年办理行政处罚案件1,942件，【法治政府建设】各项工作扎实推进。\n"
        "【执法亮点】全年开展专项整治12次。\n"
    )
    r = _cleaned(raw)
    assert r.text.startswith("某区城市管理和综合执法局2022年度法治政府建设工作报告\n")
    assert "一、2022年推进法治政府建设的主要举措" in r.text
    assert "【执法亮点】" in r.text  # the report's own brackets stay
    assert r.metadata["published"] == "2023-02-20"
    assert "search_highlight" in set(r.removed["rule"])


def test_a_csv_export_of_one_article_is_read_as_its_title_date_and_content() -> None:
    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    body = (
        '"<p style=""text-indent: 2em;"">2024年，我局坚持以习近平法治思想为指导，推进""一支队伍管执法""改革。</p>\r\n'
        "一、主要工作\r\n全年办理行政处罚案件1,483件，罚没款186.4万元，法治政府建设扎实推进，"
        '依法行政水平持续提升，群众满意度不断提高，为建设宜居宜业城区提供了有力法治保障。"'
    )
    raw = (
        "\ufeffid,title,pub_date,source,content\r\n"
        f"20831,某区综合行政执法局2024年度法治政府建设工作情况报告,2025-01-24 16:08:52,某区综合行政执法局,{body}\r\n"
    )
    text, _ = decode_report_bytes(raw.encode("utf-8"), "r.csv")
    r = clean_text(text)
    assert r.text.startswith("某区综合行政执法局2024年度法治政府建设工作情况报告\n")
    assert r.metadata["published"] == "2025-01-24"
    assert "20831" not in r.text and '"一支队伍管执法"' in r.text
    assert indicators(r.text)["admin_penalty_cases"] == 1483


@pytest.mark.parametrize(
    ("written", "value"),
    [("2,7O3件", 2703), ("3,36l件", 3361), ("9l件", 91), ("4S8件", 458), ("1,62O件", 1620)],
)
def test_ocrs_letters_for_digits_inside_a_figure_are_the_digits(written: str, value: float) -> None:
    m = process_text("r", in_report(f"全年办理行政处罚案件{written}。"))["metrics"]
    got = dict(zip(m["raw"], m["value"], strict=True))
    assert got[written] == value
    # codes and words stay: a 4S shop, 5G, iOS12
    m = process_text("r", in_report("走访4S店12家，建成5G基站30个，iOS12用户。"))["metrics"]
    assert "4S店" not in "".join(m["raw"]) and ("12家", 12.0) in set(
        zip(m["raw"], m["value"], strict=True)
    )


def test_the_bureau_answering_as_defendant_is_litigation() -> None:
    body = "行政诉讼方面，我局作为被告应诉2件，一审均获胜诉。"
    assert _indicators(body)["admin_litigation_cases"] == 2


def test_the_years_tasks_done_are_no_plans() -> None:
    assert theme("一、2023年度法治政府建设工作任务完成情况") != "plans"
    assert theme("四、2024年工作任务") == "plans"


def test_training_given_to_restaurants_heads_is_no_staff_training() -> None:
    body = (
        "全年组织执法人员业务培训14期，累计培训1,126人次。"
        "对全区420余家餐饮服务单位负责人开展油烟污染防治法规培训6场。"
    )
    assert _indicators(body)["training_sessions"] == 14


# ------------------------------------------------------------------ third review of session 14
@pytest.mark.parametrize(
    ("body", "sessions"),
    [
        ("组织全区各部门、各单位负责人参加法治政府建设专题培训2期，培训180人次。", 2),
        ("举办餐饮服务食品安全监管执法培训班4期，培训监管人员260人次。", 4),
    ],
)
def test_review3_session14_officials_and_a_regulators_staff_trained_are_training(
    body: str, sessions: int
) -> None:
    assert _indicators(body)["training_sessions"] == sessions


def test_review3_session14_a_pages_own_keywords_leave_the_reports_brackets() -> None:
    raw = (
        "某区城市管理局2023年度法治政府建设工作报告\n关键词：依法行政,普法宣传\n"
        "一、主要工作\n【依法行政】全年办理行政处罚案件86件。\n【普法宣传】全年开展普法活动12场次。\n"
    )
    text = _cleaned(raw).text
    assert "【依法行政】" in text and "【普法宣传】" in text


@pytest.mark.parametrize(
    "banner",
    [
        "这是 http://www.example.gov.cn/a.html 的快照。是网页在2023年5月8日的存档。\n"
        "您查询的关键词：法治政府建设。如果打开速度慢，可以尝试快速版。\n",
        "这是 Google 对 http://www.example.gov.cn/a.html 的缓存。这是该网页在 2023年5月8日 的快照。\n"
        "您查询的关键词：法治政府建设\n",
    ],
)
def test_review3_session14_cache_banners_of_other_wordings_are_chrome(banner: str) -> None:
    raw = (
        banner
        + "某区城市管理局2022年度【法治政府建设】工作报告\n发布时间：2023-02-20 10:16\n"
        + "一、主要工作\n全年办理行政处罚案件1,942件，【法治政府建设】各项工作扎实推进。\n"
    )
    r = _cleaned(raw)
    assert r.text.startswith("某区城市管理局2022年度法治政府建设工作报告\n")
    assert r.metadata["published"] == "2023-02-20"


def test_review3_session14_headings_on_the_past_years_progress_are_no_plans() -> None:
    assert theme("一、2023年重点工作进展情况") != "plans"
    assert theme("二、2023年法治政府建设推进情况") != "plans"


def test_review3_session14_a_labour_suit_is_no_administrative_litigation() -> None:
    got = _indicators("在劳动争议诉讼中我局作为被告应诉1件。")
    assert got.get("admin_litigation_cases") is None
    assert _indicators("我局作为被告出庭应诉3件。")["admin_litigation_cases"] == 3


def test_review3_session14_a_csv_export_with_a_quoted_header_is_read() -> None:
    from analysis.reading import unwrap_csv

    content = "全年办理行政处罚案件1,483件，罚没款186.4万元。" * 8
    text = f'"id","title","pub_date","content"\n1,某区综合行政执法局2024年度法治政府建设工作报告,2025-01-24,"{content}"\n'
    out = unwrap_csv(text)
    assert out.startswith("某区综合行政执法局2024年度法治政府建设工作报告\n发布时间：2025-01-24\n")


# ------------------------------------------------------------------ round 77
def test_the_years_count_of_cases_of_every_kind_holds_the_fields() -> None:
    body = (
        "全年立案处罚各类违法行为1436起，其中适用简易程序874起、普通程序562起。\n"
        "开展垃圾分类检查3860家次，立案处罚垃圾分类违法行为412起，罚款63200元。\n"
        "针对夜间施工噪声和餐饮油烟扰民，立案处罚73起。\n"
    )
    assert _indicators(body)["admin_penalty_cases"] == 1436
    # a count of kinds of documents reviewed is no such count (各类文件、合同)
    body = (
        "全年对各类文件、合同开展合法性审查64件，其中行政合同21份。\n"
        "开展重大执法决定法制审核47件。\n"
    )
    assert _indicators(body)["legal_reviews"] == 111


def test_materials_sent_out_are_publicity_materials() -> None:
    assert (
        _indicators("全年开展普法宣传活动117场次，发出各类宣传资料1.8万余份。")[
            "publicity_materials"
        ]
        == 18000
    )


def test_a_total_since_the_legal_education_plan_began_is_a_period() -> None:
    body = "全年举办各类普法活动23场次。\n“七五”普法启动以来，我局累计开展普法活动110余场次。\n"
    assert _indicators(body)["publicity_events"] == 23
