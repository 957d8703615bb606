"""Regressions found by a review of session 4's changes (one test per finding, each from the
reviewer's reproduction): run-on lines, restatements, self-words, fallbacks, tables, gaps,
wrapped headings, entity widths, the code hash and singular labels."""

from __future__ import annotations

import pytest

from analysis import build as build_mod
from analysis import plots
from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata
from analysis.metrics import derive_indicators
from analysis.sections import split_sections


def _outline(text: str) -> list[tuple[str, int, str]]:
    s = split_sections(text)
    return list(zip(s.section_id, s.level, s.marker, strict=True))


def _indicator(text: str, name: str) -> float | None:
    tables = process_text("r", text)
    got = derive_indicators(tables["metrics"], {"r": text}).set_index("indicator")["value"]
    return got.get(name)


def test_an_inline_list_in_a_long_paragraph_is_no_heading() -> None:
    para = (
        "针对执法中发现的问题,局党组专题研究,"
        * 20
        + "重点做好以下工作:(一)健全执法制度,完善裁量基准;(二)加强队伍建设,开展全员轮训;"
        "(三)强化执法监督,落实案卷评查。" + "全年各项工作有序推进," * 8 + "。"
    )
    text = "一、主要工作\n(一)加强组织领导\n" + para + "\n(二)严格规范执法\n全年办理案件12件。\n"
    assert len(para) >= 500
    assert _outline(text) == [("1", 1, "一、"), ("1.1", 2, "(一)"), ("1.2", 2, "(二)")]


def test_one_two_grade_in_a_long_paragraph_is_no_heading() -> None:
    para = "持续推进安全生产专项整治," * 40 + "治理。一、二级重大危险源企业全部实现在线监测。"
    text = "一、主要工作\n" + para + "\n二、存在的问题\n执法力量不足。\n"
    assert [m for _, _, m in _outline(text)] == ["一、", "二、"]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # close but different figures are not a restatement
        (
            "一、主要工作\n全年办理简易程序案件1,001件,一般程序案件1,000件。\n",
            "admin_penalty_cases",
            2001,
        ),
        ("一、主要工作\n受理来信1,203件。\n受理来访1,202件。\n", "petitions", 2405),
        # a fallback total is not added to a primary figure that is not its part
        (
            "一、主要工作\n全年共查处违法行为2,186起,立案查处行政处罚案件1,500件。\n",
            "admin_penalty_cases",
            1500,
        ),
        # a whole city's total holds the author's own share
        (
            "一、主要工作\n全年全市各级行政执法机关共办理行政处罚案件6.87万件。\n"
            "我局依法对违法违规的律师事务所作出行政处罚4件。\n",
            "admin_penalty_cases",
            68700,
        ),
    ],
)
def test_figures_that_add_up_or_do_not(text, name, value) -> None:
    assert _indicator(text, name) == value


@pytest.mark.parametrize(
    "text",
    [
        "一、主要工作\n全年召开重大行政处罚集体讨论会议8次,开展《行政处罚法》专题学习3次。\n",
        "一、主要工作\n组织新修订的行政处罚法学习4次。\n",
    ],
)
def test_meetings_and_study_are_not_penalty_cases(text) -> None:
    assert _indicator(text, "admin_penalty_cases") is None


def test_a_county_that_speaks_of_its_province_stays_a_county() -> None:
    text = (
        "2022年度法治政府建设工作情况报告\n2022年,华容县城市管理和综合执法局全面推进法治政府建设,"
        "获评全省法治政府建设示范单位,在全省率先推行非现场执法,经验做法在全省推广,全县市容明显改善。\n"
        "一、主要工作\n全年办理案件120件。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.level) == ("华容县", "岳阳市", "county")


def test_html_table_rows_are_no_headings() -> None:
    text = "\n".join(
        [
            "一、主要工作",
            "全年办理案件12件。",
            "二、行政执法情况",
            "<p>全年执法情况见下表。</p><table><tr><td>项目</td><td>数量</td></tr><tr><td>(一)行政许可"
            "</td><td>12件</td></tr><tr><td>(二)行政处罚</td><td>30件</td></tr></table>"
            "<p>执法工作规范有序。</p>",
            "(一)严格规范执法",
            "全年开展执法检查30次。",
        ]
    )
    assert _outline(clean_text(text).text) == [
        ("1", 1, "一、"),
        ("2", 1, "二、"),
        ("2.1", 2, "(一)"),
    ]


def test_a_heading_with_double_spaces_inside_is_whole() -> None:
    text = "一、主要工作\n(一)严格规范  公正文明执法\n全年办理案件12件。\n"
    s = split_sections(text)
    assert s["heading"].tolist()[-1] == "严格规范  公正文明执法"


def test_a_standalone_heading_is_not_joined_to_its_paragraph() -> None:
    body = "全市住建系统坚持依法行政,持续深化改革,推动各项工作取得新成效,"
    lines = ["一、主要工作", *[body] * 3, "群众满意度稳步提升。"]
    lines += ["(一)深化工程建设项目审批制度改革,持续优化全省的营商环境"]
    lines += ["全年办理建设工程企业资质审批5,317件,审批时限由20个工作日压缩", "至5个工作日。"]
    lines += [
        *[body] * 4,
        "各项工作取得明显成效。",
        "(二)加强队伍建设",
        *[body] * 2,
        "执法水平持续提升。",
    ]
    text = clean_text("\n".join(lines)).text
    assert "(一)深化工程建设项目审批制度改革,持续优化全省的营商环境" in text.split("\n")


def test_hard_wraps_after_html_entities_are_joined() -> None:
    w = "城市管理综合执法局全面推进法治政府建设工作开展专项整治行动和"
    lines = ["\u3000\u3000" + w[:28]] + [w[k:] + w[:k] for k in range(1, 7)]
    lines += [
        "是&ldquo;七五&rdquo;普法的收官之年。我局将坚持以习近平新",
        "时代中国特色社会主义思想为指导,深入贯彻党的十九届四中全会精",
        "神,重点抓好以下工作。",
    ]
    lines += [w[k:] + w[:k] for k in range(7, 11)] + ["完成。"]
    assert "习近平新时代" in clean_text("\n".join(lines)).text


def test_the_code_hash_covers_the_manifest_and_the_schema() -> None:
    assert {"manifest", "schema"} <= set(build_mod.PIPELINE_MODULES)


def test_a_value_printed_as_one_is_singular() -> None:
    assert plots.format_number(0.9999999, "件", "en") == "1 case"


# ------------------------------------------------------------ second review (rounds 9-10)
def test_parts_restart_the_numbering_and_a_skipped_number_does_not_stop_the_rest() -> None:
    p = "全年各项工作有序推进,执法规范化水平持续提升。" * 3
    html = "".join(
        [
            "<p>第一部分 2023年工作情况</p><p>一、加强组织领导</p>",
            f"<p>{p}</p><p>二、严格规范执法</p><p>{p}</p>",
            "<p>第二部分 2024年工作计划</p><p>一、深化改革</p>",
            f"<p>{p}</p><p>二、强化监督</p><p>{p}</p>",
        ]
    )
    markers = [m for _, _, m in _outline(clean_text(html).text)]
    assert markers == ["第一部分", "一、", "二、", "第二部分", "一、", "二、"]
    skipped = "".join(f"<p>{n}、标题{n}</p><p>{p}</p>" for n in "一二四五六")
    assert [m for _, _, m in _outline(clean_text(skipped).text)] == [
        "一、",
        "二、",
        "四、",
        "五、",
        "六、",
    ]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("一、主要工作\n全年受理群众来信2万件,来访1.6万件。\n", "petitions", 36000),
        ("一、主要工作\n全年罚款12万元,没收违法所得11.6万元。\n", "fines_yuan", 236000),
        (
            "一、主要工作\n全年办理简易程序案件1万件,一般程序案件0.6万件。\n",
            "admin_penalty_cases",
            16000,
        ),
        # 全市 is only the context of the author's own figures here
        (
            "一、主要工作\n我局围绕全市中心工作,全年办理简易程序案件800件,一般程序案件400件。\n",
            "admin_penalty_cases",
            1200,
        ),
        # the law's title and a training institution do not exclude a case count
        (
            "一、主要工作\n严格依照《中华人民共和国行政处罚法》办理行政处罚案件326件。\n",
            "admin_penalty_cases",
            326,
        ),
        ("一、主要工作\n全年查处违规校外培训机构行政处罚案件12件。\n", "admin_penalty_cases", 12),
        # a police office's cases reviewed (审核) are not a court's
        (
            "一、主要工作\n全年查处行政案件10,932起,全部经过法制审核。\n",
            "admin_penalty_cases",
            10932,
        ),
    ],
)
def test_second_review_figures(text, name, value) -> None:
    assert _indicator(text, name) == value


def test_a_one_cell_table_layout_keeps_its_headings() -> None:
    rows = "".join(
        f"<tr><td>{n}、{h}</td></tr><tr><td>全年各项工作有序推进,执法规范化水平持续提升。</td></tr>"
        for n, h in (("一", "加强组织领导"), ("二", "严格规范执法"), ("三", "存在的问题"))
    )
    assert [m for _, _, m in _outline(clean_text(f"<table>{rows}</table>").text)] == [
        "一、",
        "二、",
        "三、",
    ]


@pytest.mark.parametrize("gap", ["\u00a0\u00a0\u00a0\u00a0", "    "])
def test_paragraphs_joined_by_runs_of_spaces_are_cut(gap) -> None:
    body = "全年各项工作有序推进,执法规范化水平持续提升。"
    text = gap.join(["一、加强组织领导", body, "二、严格规范执法", body, "三、存在的问题", body])
    s = split_sections(text)
    assert s["marker"].tolist()[-3:] == ["一、", "二、", "三、"]
    assert s["heading"].tolist()[-3:] == ["加强组织领导", "严格规范执法", "存在的问题"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2023年度成都市公安局武侯区分局法治政府建设工作报告", ("武侯区", "成都市")),
        ("上海市公安局浦东分局2023年法治政府建设情况报告", ("浦东新区", "上海市")),
    ],
)
def test_a_district_branch_after_other_words_or_in_a_municipality(title, expected) -> None:
    got = infer_metadata(f"{title}\n2023年,分局坚持依法履职。\n", {})
    assert (got.jurisdiction, got.city) == expected
