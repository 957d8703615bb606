"""Tests from the review of session 7's changes: each input is a reviewer's reproduction (or a
short form of it), with the value a reader would give it."""

from __future__ import annotations

import pytest
from snippets import indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metrics import derive_indicators

HEAD = "某某区城市管理局2023年法治政府建设年度报告\n一、主要工作\n"


def _indicators(body: str) -> dict[str, float]:
    return indicators(HEAD + body)


def _outline(text: str) -> list[tuple[int, str]]:
    s = process_text("r", text)["sections"]
    top = s[s["level"] > 0]
    return list(zip(top["level"], top["heading"], strict=True))


P = "全年共办理各类事项若干,各项工作有序推进,群众满意度持续提升,法治建设取得明显成效。"


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 1. a sentence opened by an earlier year states that year's figure
        (
            "2023年,我局依法履职。全年立案查处城市管理违法案件3,218件。\n2023年,执法检查常态开展。\n"
            "2022年,全局立案查处城市管理违法案件3,500件,今年同比下降8%。\n",
            "admin_penalty_cases",
            3218,
        ),
        # 2. satellite-image enforcement named beside other work is no off-site count
        (
            "统筹推进卫片执法、专项整治和日常巡查,全年共立案查处林业行政案件138起。\n",
            "admin_penalty_cases",
            138,
        ),
        # 4. two spaces inside a marked line before a figure do not end a heading
        ("1.全年共立案查处违法案件  326件,罚款  158.6万元。\n", "admin_penalty_cases", 326),
        ("1.全年共受理群众来信来访  152件,办结率100%。\n", "petitions", 152),
        (
            "(三)深化普法宣传,全年开展各类普法宣传活动  120场次,发放资料3000份。\n",
            "publicity_events",
            120,
        ),
        (
            "1. 行政处罚案件    326件\n2. 罚没款    158.6万元\n3. 行政复议案件    8件\n",
            "fines_yuan",
            1_586_000,
        ),
        # 5. 其中 a line after a multi-year total is no part of it
        (
            "“十四五”以来,累计立案查处违法案件1.42万件。\n全年开展执法检查商户1.2万户次。其中,立案查处违法案件3,218件。\n",
            "admin_penalty_cases",
            3218,
        ),
        (
            "五年来,全局累计受理群众来信来访860件。\n全年畅通信访渠道,开展接访活动24次。其中,受理群众来信来访152件。\n",
            "petitions",
            152,
        ),
        # 6. a sentence opened by a period keeps its year's own 全年 figure
    ],
)
def test_review_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    "body",
    [
        # 2. (the other half) no off-site count from a sentence that names 卫片执法 in a list
        "深入开展卫片执法和“护林”专项行动,全年立案查处违法案件138起。\n",
        # 3. internal dispatches are no hotline work
        "全年向执法中队派单巡查任务1,200件。\n",
        "向各街道综合执法队派单督办重点案件56件。\n",
    ],
)
def test_review_no_digital_or_hotline_count(body) -> None:
    got = _indicators(body)
    assert "digital_cases" not in got and "hotline_cases" not in got


@pytest.mark.parametrize(
    "text",
    [
        # 7a. the words before a mark set mid-line are no mark's unless they open a line
        "全年共立案查处违法案件326件,第一秘书之家—全网资源每日更新www.mishuzj.com罚款158.6万元。\n"
        "全年受理群众来信来访152件,第一秘书之家—全网资源每日更新www.mishuzj.com均按期办结。\n",
        # 7b. a real address in brackets, twice
        "通过微信公众号和门户网站(www.xxcg.com)发布执法信息1,200条。\n"
        "在门户网站(www.xxcg.com)公开行政处罚决定326件。\n",
        # 7c. a real address three times
        "在人民网(www.people.com.cn)刊发稿件12篇。\n在人民网(www.people.com.cn)刊发稿件3篇。\n"
        "在人民网(www.people.com.cn)刊发稿件5篇。\n",
    ],
)
def test_review_content_with_addresses_is_kept(text) -> None:
    r = clean_text(text)
    assert r.removed.empty and r.text.strip() == text.strip()


@pytest.mark.parametrize(
    "body",
    [
        # 8. a box of key figures, photo captions, a slogan and a table are no headings
        f"导语。{P}\n全年主要数据\n行政处罚案件 326件\n罚没款 158.6万元\n行政复议案件 8件\n行政诉讼案件 3件\n{P}\n",
        f"导语。{P}\n执法人员开展普法宣传活动\n{P}\n全区城管系统开展业务培训\n{P}\n组织开展法治专题讲座\n{P}\n",
        f"导语。{P}\n法治护航 城管为民\n{P}\n指标 2022年 2023年\n{P}\n执法检查 120次\n{P}\n",
    ],
)
def test_review_short_lines_that_are_no_headings(body) -> None:
    assert _outline(body) == []


def test_review_two_levels_without_numbers() -> None:
    # 9. a field's 工作情况 right under a parent is its child; siblings before the first
    # parent stay level 1; 下一步 inside a heading names no plans part
    text = (
        f"导语。{P}\n一年来的主要工作\n规范性文件管理工作情况\n{P}\n行政执法工作情况\n{P}\n普法宣传\n{P}\n"
        f"存在的问题\n执法力量不足\n{P}\n推进下一步改革的基础工作\n{P}\n下一步工作打算\n{P}\n"
    )
    assert _outline(text) == [
        (1, "一年来的主要工作"),
        (2, "规范性文件管理工作情况"),
        (2, "行政执法工作情况"),
        (2, "普法宣传"),
        (1, "存在的问题"),
        (2, "执法力量不足"),
        (2, "推进下一步改革的基础工作"),
        (1, "下一步工作打算"),
    ]
    text = f"导语。{P}\n强化组织领导\n{P}\n规范执法行为\n{P}\n存在的问题\n执法力量不足\n{P}\n"
    assert _outline(text) == [
        (1, "强化组织领导"),
        (1, "规范执法行为"),
        (1, "存在的问题"),
        (2, "执法力量不足"),
    ]


@pytest.mark.parametrize("heading", ["消除监管盲区,提升执法效能", "织密监管网络,不留执法盲区"])
def test_review_closing_blind_spots_is_work_not_a_problem(heading) -> None:
    # 10. 盲区 names a problem only where one remains (仍有盲区)
    s = process_text("r", f"导语。\n一、主要工作\n(一){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "enforcement"


def test_review_an_ordinal_with_ocr_letters_after_a_space() -> None:
    # 11. 第 l2次 is the twelfth meeting
    m = process_text("r", HEAD + "召开第 l2次局务会议,审议文件3件。\n")["metrics"]
    assert list(m["raw"]) == ["3件"]


def test_review_a_period_sentences_own_year_figure_is_counted() -> None:
    # 6. 近三年来…,全年共受理…152件: the 全年 figure is the year's, not the period's (whether
    # the leaders' 12 received visits are inside it is another question, left open)
    text = (
        HEAD
        + "近三年来信访总量持续下降,全年共受理群众来信来访152件。\n局领导带头接访,接待来访群众12件。\n"
    )
    tables = process_text("r", text)
    got = derive_indicators(tables["metrics"], {"r": text}).set_index("indicator")
    m = tables["metrics"].set_index("metric_id")
    assert "152件" in [m.loc[e, "raw"] for e in got.loc["petitions", "evidence"].split(";")]


# ---- the second review of session 7 (rounds 27-28 and the first review's fixes)

T2 = "济南市历下区综合行政执法局2023年法治政府建设工作情况报告\n一、主要工作成效\n"


def _indicators2(body: str) -> dict[str, float]:
    return indicators(T2 + body)


def test_review2_a_divider_before_the_signature_keeps_the_signature() -> None:
    text = (
        "法治政府建设工作情况报告\n2023年,我局全面推进法治政府建设。\n一、主要工作成效\n"
        "全年共办理行政处罚案件326件。\n---\n济南市历下区综合行政执法局\n2024年1月20日\n"
    )
    r = clean_text(text)
    assert r.metadata["signature_date"] == "2024-01-20"
    assert r.metadata["signature_name"] == "济南市历下区综合行政执法局"


def test_review2_a_schedule_line_is_no_post_line() -> None:
    text = (
        T2
        + "全年开展普法活动45场次,安排如下:\n2023-12-04 09:30 宪法宣传周启动\n2023-12-04 14:00 送法进社区\n"
    )
    r = clean_text(text)
    assert "宪法宣传周启动" in r.text and "送法进社区" in r.text


def test_review2_a_title_row_is_kept_as_the_title() -> None:
    from analysis.metadata import infer_metadata

    text = "标题:济南市历下区综合行政执法局2023年法治政府建设工作情况报告\n一、主要工作成效\n全年共办理行政处罚案件326件。\n"
    r = clean_text(text)
    assert infer_metadata(r.text, r.metadata).jurisdiction == "历下区"


def test_review2_an_inline_mark_after_words_on_its_first_line() -> None:
    w = "秘书之家—全网资源每日更新www.mishuzj.com"
    text = (
        T2
        + f"全年共办理{w}行政处罚案件326件。\n{w}全年开展普法活动45场次。\n{w}全年办理行政复议案件3件。\n"
    )
    r = clean_text(text)
    assert "mishuzj" not in r.text and "秘书之家" not in r.text
    assert "全年共办理行政处罚案件326件。" in r.text


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 6. accepted reconsideration cases and a penalty total are no platform's intake
        (
            "全年共受理行政复议案件86件,审结79件。推行当场立案,当场立案行政复议案件32件。\n",
            "admin_reconsideration_cases",
            86,
        ),
        (
            "(一)执法\n全年共受理各类违法案件326件,办结310件。\n(二)违建\n对新增违法建设立案查处案件35件。\n",
            "admin_penalty_cases",
            326,
        ),
        # 7. the report's own year, written less often than the plans' year, is no earlier year
        (
            "2023年,全局共办理行政处罚案件326件,罚没款85.6万元。\n二、2024年工作打算\n"
            "2024年,我局将落实《2024年普法工作要点》,力争2024年底前完成规范化建设,确保2024年任务落地。\n",
            "admin_penalty_cases",
            326,
        ),
        # 8. a field's paragraph opened by 全年 makes no grand total of its fine
        (
            "全年开展市容整治56次。查处占道经营案件120件,罚款45.6万元。\n查处违法建设案件35件,罚款12.3万元。\n",
            "fines_yuan",
            579_000,
        ),
        # 10. orders received (接收派单) under a hotline heading are hotline work
        ("(三)12345热线办理\n全年共接收派单3,200件,按期办结率98%。\n", "hotline_cases", 3200),
    ],
)
def test_review2_indicators(body, indicator, value) -> None:
    assert _indicators2(body)[indicator] == value


def test_review2_no_false_zero_and_no_unit_inside_a_word() -> None:
    got = _indicators2(
        "全年共办理行政处罚案件326件,其中简易程序案件120件均未作出罚款,仅予以警告。\n"
    )
    assert "fines_yuan" not in got
    m = process_text("r", T2 + "对违规施工的12单位实施行政处罚,共制定执法规范12单项。\n")["metrics"]
    assert list(m["raw"]) == []


def test_review2_unmarked_headings_keep_parts_and_plain_lines() -> None:
    text = (
        f"导语。{P}\n主要工作成效\n加强组织领导\n{P}\n加强执法人员管理\n{P}\n做好12345热线办理\n{P}\n"
        f"全区法治建设统筹推进\n{P}\n工作中存在的问题\n执法力量不足\n{P}\n关于下一步工作的打算\n{P}\n"
    )
    assert _outline(text) == [
        (1, "主要工作成效"),
        (2, "加强组织领导"),
        (2, "加强执法人员管理"),
        (2, "做好12345热线办理"),
        (2, "全区法治建设统筹推进"),
        (1, "工作中存在的问题"),
        (2, "执法力量不足"),
        (1, "关于下一步工作的打算"),
    ]


def test_review2_a_team_named_in_a_districts_report_is_not_its_author() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "余杭区2022年法治政府建设工作情况报告\n2022年,我局指导余杭区仓前街道综合行政执法队规范执法。\n"
        "一、主要工作成效\n全年全区共办理行政处罚案件3,260件。\n"
    )
    assert (got.jurisdiction, got.level) == ("余杭区", "district")


@pytest.mark.parametrize(
    "heading", ["学习宣传贯彻民法典普法活动", "深入学习宣传贯彻宪法,营造浓厚法治氛围"]
)
def test_review2_studying_and_publicising_a_law_is_publicity(heading) -> None:
    s = process_text("r", f"导语。\n一、主要工作\n(三){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "publicity"


# ---- the third review of session 7 (rounds 29-31 and the second review's fixes)

T3 = "2023年某区城市管理局法治政府建设年度报告\n一、主要工作\n"


def _indicators3(body: str) -> dict[str, float]:
    return indicators(T3 + body)


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # 1. the year's 罚没款 after a 全年 opening holds a field's 罚款
        (
            "全年全局办理行政处罚案件1162件。收缴罚没款186.42万元。\n二、专项整治\n"
            "开展渣土运输整治,查处违规车辆30辆,罚款18.6万元。\n",
            "fines_yuan",
            1_864_200,
        ),
        # 5. a 智慧城管 system's intake gives way to the cases opened off the site
        (
            "全年智慧城管系统受理各类城市管理案件46315件,办结率98%。\n(二)非现场执法\n"
            "通过非现场执法方式立案查处违法行为265件。\n",
            "digital_cases",
            265,
        ),
        # 6. with the title's year known, an earlier year's sentence is that year's, however
        # often the report names it
        (
            "2023年,全局严格执法,立案查处违法案件80件,较2022年减少20件。\n"
            "2022年,全局立案查处违法案件100件。\n对照2022年目标,各项任务完成。\n",
            "admin_penalty_cases",
            80,
        ),
    ],
)
def test_review3_indicators(body, indicator, value) -> None:
    assert _indicators3(body)[indicator] == value


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # 2. discipline and criminal cases are no administrative penalties
        ("驻局纪检监察组立案查处违纪违法案件2件,给予党纪政务处分3人。\n", "admin_penalty_cases"),
        ("配合公安机关立案查处涉黑涉恶违法犯罪案件3件。\n", "admin_penalty_cases"),
        # 3. a none about something else is no stated none of penalty cases
        ("全年未发生行政处罚案件被复议纠错或诉讼败诉的情况。\n", "admin_penalty_cases"),
        ("全年未作出重大行政处罚决定。\n", "admin_penalty_cases"),
        # 4. a grid's dispatches are no hotline work
        ("全年接收网格派单1200件,办结率100%。\n", "hotline_cases"),
    ],
)
def test_review3_no_indicator(body, absent) -> None:
    assert absent not in _indicators3(body)


def test_review3_a_title_rows_label_and_a_publishers_post_line() -> None:
    from analysis.metadata import infer_metadata

    text = "标题:某市司法局2023年法治政府建设年度报告\n一、主要工作\n全年办理行政复议案件3件。\n"
    r = clean_text(text)
    assert infer_metadata(r.text, r.metadata).title == "某市司法局2023年法治政府建设年度报告"
    r = clean_text(
        "某市司法局2023年法治政府建设年度报告\n2024-01-20 17:01 澎湃新闻\n一、主要工作\n全年办理案件3件。\n"
    )
    assert r.metadata["published"] == "2024-01-20"


def test_review3_a_street_team_opening_the_report_is_its_author() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "2023年度法治政府建设工作报告\n2023年,杭州市上城区湖滨街道综合行政执法队在区综合行政执法局的"
        "指导下,依法履职。现将有关情况报告如下。\n一、主要工作\n全年办理案件12件。\n"
    )
    assert (got.jurisdiction, got.level) == ("湖滨街道", "town")


def test_a_street_team_of_a_city_whose_name_holds_a_word_of_help_is_its_author() -> None:
    # 合肥 holds 合 (as in 配合): only whole words before the team make another body its author
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "2023年度法治政府建设工作报告\n2023年,合肥市蜀山区三里庵街道综合行政执法队依法履职。"
        "现将有关情况报告如下。\n一、主要工作\n全年办理案件12件。\n"
    )
    assert (got.jurisdiction, got.level) == ("三里庵街道", "town")
