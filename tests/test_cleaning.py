"""Tests for analysis.cleaning: chrome removal, metadata, PDF hard wraps, shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapes import to_encoding, to_fullwidth_punctuation, to_mixed, to_pdf_shape

from analysis.cleaning import CleanResult, clean_text, load_chrome_patterns, parse_date
from analysis.normalize import fold
from analysis.reading import normalize_newlines, read_report
from analysis.schema import CLEANING
from analysis.sections import split_sections

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
CHROME_MARKS = ("扫一扫", "ICP", "Copyright", "当前位置", "【打印】")


def rules(result: CleanResult) -> dict[int, str]:
    return dict(zip(result.removed.line_no, result.removed.rule, strict=True))


# --------------------------------------------------------------------------------------
# Hand-made web page

WEB_PAGE = """首页
机构概况
政务公开
您当前的位置:首页 > 政务公开 > 法治政府建设
XX区城市管理局2023年法治政府建设工作报告
发布时间：2024年3月6日 来源：法规科 浏览次数：123
【字体：大 中 小】【打印】【关闭】

2023年,我局坚持以习近平法治思想为指导,深入推进依法行政,各项工作取得积极成效,现报告如下。
一、主要工作
\u3000\u3000(一)加强领导。全年召开会议6次,研究部署法治工作。\u00a0
二、存在问题
一是制度不健全。二是队伍不稳定,执法力量仍显不足。

XX区城市管理局
\u00a0\u00a0二〇二四年三月二十六日
扫一扫在手机打开当前页
网站地图
联系我们
政府网站
Copyright © 2024 XX区人民政府 版权所有
沪ICP备12345678号 沪公网安备31011402001234号
网站标识码:3101140001
技术支持：某某科技
主办单位：XX区人民政府办公室"""

WEB_PAGE_CLEAN = """XX区城市管理局2023年法治政府建设工作报告
2023年,我局坚持以习近平法治思想为指导,深入推进依法行政,各项工作取得积极成效,现报告如下。
一、主要工作
(一)加强领导。全年召开会议6次,研究部署法治工作。
二、存在问题
一是制度不健全。二是队伍不稳定,执法力量仍显不足。"""


def test_web_page_chrome_is_removed_and_recorded() -> None:
    result = clean_text(WEB_PAGE, "r1")
    assert result.text == WEB_PAGE_CLEAN
    assert rules(result) == {
        1: "site_menu",
        2: "site_menu",
        3: "site_menu",
        4: "breadcrumb",
        6: "metadata_date",
        7: "print_close",
        15: "signature",
        16: "signature",
        17: "share",
        18: "footer_links",
        19: "footer_links",
        20: "site_menu",
        21: "copyright",
        22: "icp",
        23: "icp",
        24: "tech_support",
        25: "host",
    }
    assert list(result.removed.columns) == list(CLEANING.columns)
    assert set(result.removed.report_id) == {"r1"}
    assert (
        result.removed.text[result.removed.line_no == 16].iloc[0]
        == "\u00a0\u00a0二〇二四年三月二十六日"
    )


def test_web_page_metadata() -> None:
    meta = clean_text(WEB_PAGE).metadata
    assert meta["published"] == "2024-03-06"
    assert meta["published_line"] == 6
    assert meta["signature_name"] == "XX区城市管理局"
    assert meta["signature_date"] == "2024-03-26"
    assert meta["signature_lines"] == [15, 16]
    assert meta["title_lines"] == ["XX区城市管理局2023年法治政府建设工作报告"]
    assert meta["pdf_shape"] is False


def test_title_above_print_buttons_is_kept_without_breadcrumb() -> None:
    text = "2023年法治政府建设报告\n【打印】\n一、工作情况\n全年办理案件100件,同比增长10%,群众满意度明显提升。"
    result = clean_text(text)
    assert (
        result.text
        == "2023年法治政府建设报告\n一、工作情况\n全年办理案件100件,同比增长10%,群众满意度明显提升。"
    )
    assert rules(result) == {2: "print_close"}


WECHAT_PAGE = """某县执法在线
点击上方蓝字 关注我们
原创 某县综合行政执法局 某县执法在线 2023-01-09 08:15 江西
（本文转载自“某县发布”）
某县综合行政执法局2022年法治政府建设情况报告
2022年,我局坚持依法行政,全面推进法治政府建设,现将有关情况报告如下。
一、主要工作
全年办理行政处罚案件120件,罚没款3.5万元。
某县综合行政执法局
2023年1月6日
- END -
来源:某县综合行政执法局
编辑:王某
往期推荐
我局开展春季市容市貌集中整治行动取得明显成效
冬日暖阳 执法为民——我局开展冬季供热服务执法检查
分享 收藏 点赞 在看
阅读原文
"""


def test_wechat_article_chrome_is_removed_and_its_post_date_is_published() -> None:
    result = clean_text(WECHAT_PAGE, "r1")
    assert result.text == "\n".join(WECHAT_PAGE.splitlines()[4:8])
    assert rules(result) == {
        1: "site_menu",  # the account's name, above its follow prompt
        2: "wechat",
        3: "metadata_date",
        4: "source",
        9: "signature",
        10: "signature",
        11: "wechat",
        12: "source",
        13: "byline",
        14: "wechat",
        15: "site_menu",
        16: "site_menu",
        17: "wechat",
        18: "wechat",
    }
    assert result.metadata["published"] == "2023-01-09"  # the post, not the signature
    assert result.metadata["signature_date"] == "2023-01-06"


def test_official_document_header_and_footer_are_chrome() -> None:
    text = (
        "某县人民政府\n某府字〔2023〕15号\n某县人民政府关于2022年法治政府建设情况的报告\n"
        "市人民政府:\n2022年,我县坚持依法行政,全面推进法治政府建设,取得积极成效。\n"
        "某县人民政府\n2023年3月28日\n(此件主动公开)\n抄送:县委办公室,县人大常委会办公室。\n"
        "某县人民政府办公室 2023年3月28日印发\n"
    )
    result = clean_text(text)
    assert rules(result) == {
        2: "doc_number",
        6: "signature",
        7: "signature",
        8: "doc_footer",
        9: "doc_footer",
        10: "doc_footer",
    }
    assert result.metadata["signature_date"] == "2023-03-28"


def test_markdown_source_and_date_line_gives_the_published_date() -> None:
    text = "> 来源:某市生态环境局  发布时间:2023-02-08 16:20\n\n# 某市生态环境局2022年法治政府建设情况报告\n2022年,我局坚持依法行政,全面推进法治政府建设,取得积极成效。\n"
    result = clean_text(text)
    assert rules(result) == {1: "metadata_date"}
    assert result.metadata["published"] == "2023-02-08"


def test_table_of_contents_lines_are_chrome() -> None:
    text = (
        "某局2019年度法治政府建设工作报告\n目  录\n一、主要举措……………………1\n"
        "(一)加强组织领导........3\n二、存在的问题……………12\n"
        "一、主要举措\n(一)加强组织领导\n全年办理案件1,358件,同比增长12%。\n二、存在的问题\n执法力量不足。\n"
    )
    result = clean_text(text)
    assert rules(result) == {2: "toc", 3: "toc", 4: "toc", 5: "toc"}


def test_review_regressions_of_the_new_chrome_rules() -> None:
    # a WeChat title above the byline and prompt stays the title
    page = (
        "江山市2023年法治政府建设年度报告\n原创 江山司法 江山市司法局 2024-02-06 17:32 浙江\n"
        "点击上方蓝字 关注我们\n2023年,江山市司法局坚持依法行政,全面推进法治政府建设。\n"
    )
    result = clean_text(page)
    assert rules(result) == {2: "metadata_date", 3: "wechat"}
    assert result.metadata["title_lines"] == ["江山市2023年法治政府建设年度报告"]
    # a wrapped body line that starts like a prompt is body text
    para = ("全年开展普法宣传活动,发放资料,覆盖群众,取得良好效果," * 10)[:180]
    para += (
        "扫描二维码在线申请法律援助、公证和调解等服务,全年办理各类事项3200余件,群众满意度达98%。"
    )
    lines = [para[k : k + 30] for k in range(0, len(para), 30)]
    assert lines[6].startswith("扫描二维码")
    text = "某县司法局2023年法治政府建设情况报告\n" + "\n".join(lines) + "\n"
    result = clean_text(text)
    assert "3200余件" in result.text
    assert set(result.removed["rule"]) == {"joined_line_break"}
    # web text whose items end in full-width ; is not joined
    items = [f"{k}是加强工作{'落实' * (k % 3)},推动各项任务落实落细见到实效;" for k in range(10)]
    web = "某局2023年法治政府建设情况报告\n现将有关情况报告如下:\n" + "\n".join(items) + "\n"
    web = web.replace(";", "；").replace(":", "：")
    assert clean_text(web).text.count("\n") == 11


def test_signature_with_name_and_date_on_one_line() -> None:
    text = "一、工作情况\n全年办理案件100件,同比增长10%,群众满意度明显提升。\n某市城市管理局 2024年1月5日"
    result = clean_text(text)
    assert result.metadata["signature_name"] == "某市城市管理局"
    assert result.metadata["signature_date"] == "2024-01-05"
    assert rules(result) == {3: "signature"}


def test_body_text_mentioning_chrome_words_is_kept() -> None:
    text = (
        "一、工作情况\n"
        "群众可通过扫一扫二维码查询办件进度,网站累计点击量突破10万次,来源渠道更加丰富,"
        "版权保护宣传进社区,共发放资料3000份。持续开展执法活动,全年办理案件100件,"
        "同比增长10%,群众满意度明显提升,法治政府建设各项工作取得积极成效。"
    )
    result = clean_text(text)
    assert result.text == text
    assert result.removed.empty


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("- 3 -", "page_number"),
        ("—3—", "page_number"),
        ("－ 12 －", "page_number"),
        ("第3页 共8页", "page_number"),
        ("第 3 页", "page_number"),
        ("3/8", "page_number"),
        ("7", "page_number"),
        ("Page 2 of 9", "page_number"),
        ("分享到：微信 微博", "share"),
        ("【打印】 【关闭】", "print_close"),
        ("打印本页 关闭窗口", "print_close"),
        ("版权所有：某某市人民政府", "copyright"),
        ("来源: 某某局", "source"),
        ("点击：", "counter"),
        ("浏览次数：1024", "counter"),
        ("当前位置：首页 > 新闻", "breadcrumb"),
    ],
)
def test_single_chrome_lines(line: str, rule: str) -> None:
    text = (
        "一、工作情况\n"
        "全年办理案件100件,同比增长10%,群众满意度明显提升,各项工作取得积极成效。\n"
        f"{line}\n"
        "二、存在问题\n"
        "执法力量不足,队伍专业化水平有待提高,信息化建设仍需加强。"
    )
    result = clean_text(text)
    assert rules(result) == {3: rule}
    assert line not in result.text


# --------------------------------------------------------------------------------------
# Hand-made PDF copy (width 20, page numbers, running header)

PDF_TEXT = """关于2023年法治政府建设情况的报告
\u3000\u30002023年,我局坚持以习近平法治思想
为指导,深入推进依法行政,各项工作取得积
极成效。现将有关情况报告如下。
\u3000\u3000一、主要工作情况
\u3000\u3000(一)加强组织领导,压实第一责任人职
责。局党组专题研究法治工作4次,制定年度
- 1 -
法治政府建设报告
工作要点,明确责任分工。
\u3000\u3000(二)强化执法监督。开展案卷评查2次
,评查案卷120件,发现问题全部整改到位
- 2 -
法治政府建设报告
。全年未发生行政诉讼败诉案件。
\u3000\u3000二、存在的问题
\u3000\u3000执法队伍专业化水平有待提高,基层执法
力量不足。
- 3 -
法治政府建设报告
\u3000\u3000三、下一步工作打算
\u3000\u3000持续加强执法队伍建设,深入推进普法工
作,不断提升依法行政水平。
- 4 -"""

PDF_CLEAN = """关于2023年法治政府建设情况的报告
2023年,我局坚持以习近平法治思想为指导,深入推进依法行政,各项工作取得积极成效。现将有关情况报告如下。
一、主要工作情况
(一)加强组织领导,压实第一责任人职责。局党组专题研究法治工作4次,制定年度工作要点,明确责任分工。
(二)强化执法监督。开展案卷评查2次,评查案卷120件,发现问题全部整改到位。全年未发生行政诉讼败诉案件。
二、存在的问题
执法队伍专业化水平有待提高,基层执法力量不足。
三、下一步工作打算
持续加强执法队伍建设,深入推进普法工作,不断提升依法行政水平。"""


def test_pdf_hard_wraps_are_joined_and_page_chrome_removed() -> None:
    result = clean_text(PDF_TEXT)
    assert result.text == PDF_CLEAN
    assert rules(result) == {
        3: "joined_line_break",
        4: "joined_line_break",
        7: "joined_line_break",
        8: "page_number",
        9: "running_header",
        10: "joined_line_break",
        12: "joined_line_break",
        13: "page_number",
        14: "running_header",
        15: "joined_line_break",
        18: "joined_line_break",
        19: "page_number",
        20: "running_header",
        23: "joined_line_break",
        24: "page_number",
    }
    assert result.metadata["pdf_shape"] is True
    joined = result.removed[result.removed.rule == "joined_line_break"]
    assert joined.text.iloc[0] == "为指导,深入推进依法行政,各项工作取得积"


def _ragged(text: str, widths: list[int]) -> str:
    """Hard-wrap each line of text at the given widths in turn (a converter's ragged lines)."""
    out, k = [], 0
    for line in text.split("\n"):
        while len(line) > widths[k % len(widths)]:
            w = widths[k % len(widths)]
            out.append(line[:w])
            line, k = line[w:], k + 1
        out.append(line)
    return "\n".join(out)


def test_ragged_hard_wraps_are_joined_whatever_their_widths() -> None:
    body = "\n".join(PDF_CLEAN.split("\n")[1:]) * 2  # a longer text, title left out
    text = _ragged(body, [21, 27, 24, 29, 22, 26, 25, 28, 23])  # no width dominates
    result = clean_text(text)
    assert result.metadata["pdf_shape"] is True
    assert result.text == body


def test_web_text_with_long_headings_is_not_ragged() -> None:
    heading = "(一)坚持严格规范公正文明执法,全面提升城市管理执法质效和群众满意度"
    para = "局党组专题研究法治工作4次,制定年度工作要点,明确责任分工,各项工作取得积极成效。"
    lines = []
    for k in range(6):  # paragraphs of different lengths, headings long lines without 。
        lines += [heading + "工作" * k, para * (k % 3 + 1), "全年办理案件" + "依法" * k + "120件。"]
    text = "\n".join(lines)
    result = clean_text(text)
    assert result.metadata["pdf_shape"] is False
    assert result.text == text


def test_pdf_without_indentation_is_joined_too() -> None:
    text = to_pdf_shape(PDF_CLEAN, width=20, page_lines=4, header="某局报告", indent=False)
    assert "\u3000" not in text
    assert text.count("某局报告") >= 3
    result = clean_text(text)
    # Without indentation a full line ending in 。 may end its paragraph: it is not joined,
    # so "(一)加强组织领导,压实第一责任人职责。" (exactly 20 characters) keeps its break.
    assert result.text == PDF_CLEAN.replace("职责。局党组", "职责。\n局党组")
    assert set(result.removed.rule) == {"joined_line_break", "page_number", "running_header"}


def test_web_shaped_text_is_never_joined() -> None:
    text = (
        "一、主要工作\n"
        "(一)加强领导\n"
        "全年召开党组会议研究法治工作,部署年度任务,压实工作责任,推动各项工作落实\n"
        "(二)强化培训\n"
        "组织全体执法人员参加法律知识培训和考试,参训人员达到三百余人次,考试合格率百分之百\n"
        "(三)完善制度\n"
        "制定印发行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度等文件\n"
        "二、存在问题\n"
        "执法队伍专业化水平有待提高,基层执法力量不足,信息化建设仍需进一步加强和完善提升"
    )
    result = clean_text(text)
    assert result.text == text
    assert result.removed.empty
    assert result.metadata["pdf_shape"] is False


def test_running_header_repeated_in_web_text() -> None:
    body = "全年办理案件100件,同比增长10%,群众满意度明显提升,各项工作取得积极成效。"
    text = "\n".join(["某市城管局", body, "某市城管局", body, "某市城管局", body])
    result = clean_text(text)
    # The first occurrence stands in the title area: it is the title.
    assert rules(result) == {3: "running_header", 5: "running_header"}
    assert result.metadata["title_lines"] == ["某市城管局"]


def test_blank_lines_are_dropped_and_lines_stripped() -> None:
    text = "\u3000\u3000一、工作\u3000\n\n \u00a0\n\t(一)学习。内容。  \n"
    result = clean_text(text)
    assert result.text == "一、工作\n(一)学习。内容。"
    assert result.removed.empty


def test_crlf_and_bom_are_handled() -> None:
    result = clean_text("\ufeff一、工作\r\n(一)学习。内容。\r\n")
    assert result.text == "一、工作\n(一)学习。内容。"


def test_custom_patterns_replace_the_lexicon() -> None:
    patterns = pd.DataFrame(
        {"rule": ["ad"], "pattern": [r"^广告"], "scope": ["anywhere"], "description": [""]}
    )
    text = "一、工作\n广告:欢迎访问\n扫一扫在手机打开当前页\n(一)学习。内容。"
    result = clean_text(text, patterns=patterns)
    assert rules(result) == {2: "ad"}
    assert "扫一扫在手机打开当前页" in result.text


def test_bad_pattern_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "patterns.tsv"
    bad.write_text("# comment\nrule\tpattern\tscope\tdescription\nx\t^a\tsomewhere\td\n", "utf-8")
    with pytest.raises(ValueError, match="patterns.tsv"):
        load_chrome_patterns(bad)


def test_default_patterns_load_and_compile() -> None:
    patterns = load_chrome_patterns()
    assert list(patterns.columns) == ["rule", "pattern", "scope", "description"]
    assert {"breadcrumb", "share", "print_close", "copyright", "icp", "page_number"} <= set(
        patterns.rule
    )
    assert set(patterns.scope) <= {"anywhere", "head", "tail"}


# --------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("日期:2024-03-06", "2024-03-06"),
        ("2024年3月26日", "2024-03-26"),
        ("2024/3/6", "2024-03-06"),
        ("2024.3.6", "2024-03-06"),
        ("二〇二四年三月二十六日", "2024-03-26"),
        ("二〇二〇年十二月三十一日", "2020-12-31"),
        ("二○二一年二月十日", "2021-02-10"),
        ("２０２４年３月６日", "2024-03-06"),
        ("发布时间:2021-03-10 10:39:41 来源:法规科", "2021-03-10"),
        ("2024 年 1 月 5 日", "2024-01-05"),
        ("没有日期", ""),
        ("2024-13-01", ""),
        ("2023年2月30日", ""),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


# --------------------------------------------------------------------------------------
# Seeds

SEED_METADATA = {
    # file prefix: (published, signature_name, signature_date) - from the seeds' README
    # and the reports' closing lines.
    "000": ("", "", ""),
    "001": ("2024-03-06", "", ""),
    "002": ("2024-03-28", "上海市嘉定区城市管理行政执法局", "2024-03-26"),
    "003": ("", "", ""),
    "004": ("2021-03-10", "信阳市城市管理局", "2021-02-26"),
}


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.name: read_report(p)[0] for p in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_has_no_chrome_left_and_all_is_recorded(seed: Path, seed_texts) -> None:
    raw = seed_texts[seed.name]
    result = clean_text(raw, seed.name[:3])
    for mark in CHROME_MARKS:
        assert mark not in result.text
    removed_lines = set(result.removed.line_no)
    for no, line in enumerate(raw.split("\n"), start=1):
        if any(mark in line for mark in CHROME_MARKS):
            assert no in removed_lines, line
    assert result.removed.line_no.is_unique


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_metadata(seed: Path, seed_texts) -> None:
    meta = clean_text(seed_texts[seed.name]).metadata
    published, name, date = SEED_METADATA[seed.name[:3]]
    assert meta["published"] == published
    assert meta["signature_name"] == name
    assert meta["signature_date"] == date


def test_seed_004_tail_and_head() -> None:
    raw = read_report(next(p for p in SEEDS if p.name.startswith("004")))[0]
    result = clean_text(raw)
    assert rules(result) == {
        1: "breadcrumb",
        5: "metadata_date",
        44: "signature",
        45: "signature",
        47: "print_close",
        49: "copyright",
        50: "icp",
        51: "icp",
        52: "tech_support",
    }
    assert result.text.endswith("逐步提高全员法律素质。")
    assert result.metadata["title_lines"] == [
        "信阳市城市管理局2020年度法治政府建设工作报告",
        "信阳市城市管理局",
        "2020年度法治政府建设工作报告",
    ]


def test_seed_001_site_menu_after_share_prompt() -> None:
    raw = read_report(next(p for p in SEEDS if p.name.startswith("001")))[0]
    result = clean_text(raw)
    r = rules(result)
    assert r[57] == "share"
    assert [r[k] for k in (59, 61, 63, 65, 67, 68, 70, 72, 74, 76, 78)] == ["site_menu"] * 11
    assert result.text.endswith("提高政务公开质量。")


def _outline(text: str) -> list[tuple[str, int, str, str]]:
    s = split_sections(text)
    return [
        (sid, int(level), marker, fold(heading))
        for sid, level, marker, heading in zip(
            s.section_id, s.level, s.marker, s.heading, strict=True
        )
    ]


def _squash(text: str) -> str:
    return re.sub(r"\s", "", fold(text))


SHAPES = {
    "fullwidth": to_fullwidth_punctuation,
    "mixed": to_mixed,
    "pdf": to_pdf_shape,
    "pdf_no_indent": lambda t: to_pdf_shape(t, indent=False),
    "pdf_width_28": lambda t: to_pdf_shape(t, width=28, page_lines=30),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_in_other_shapes_gives_same_sections(seed: Path, shape: str, seed_texts) -> None:
    raw = seed_texts[seed.name]
    base = clean_text(raw)
    other = clean_text(SHAPES[shape](raw))
    assert _outline(other.text) == _outline(base.text)
    assert _squash(other.text) == _squash(base.text)
    assert other.metadata["published"] == base.metadata["published"]
    assert other.metadata["signature_date"] == base.metadata["signature_date"]


@pytest.mark.parametrize(
    "seed", [p for p in SEEDS if p.name[:3] in ("002", "004")], ids=lambda p: p.name[:3]
)
def test_seed_as_pdf_with_title_as_running_header(seed: Path, seed_texts) -> None:
    raw = seed_texts[seed.name]
    title = clean_text(raw).metadata["title_lines"][0]
    base = clean_text(raw)
    other = clean_text(to_pdf_shape(raw, header=title))
    assert _outline(other.text) == _outline(base.text)
    assert _squash(other.text) == _squash(base.text)
    assert title in other.text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_in_other_encodings_gives_same_result(
    tmp_path: Path, seed: Path, encoding: str, seed_texts
) -> None:
    raw = seed_texts[seed.name]
    path = tmp_path / seed.name
    path.write_bytes(to_encoding(raw, encoding))
    text, _ = read_report(path)
    base, other = clean_text(raw), clean_text(text)
    assert other.text == base.text
    assert _outline(other.text) == _outline(base.text)


# --------------------------------------------------------------------------------------
# Properties

_PIECES = [
    "一、", "(一)", "1.", "法治政府建设", "城市管理局", "。", ",", "扫一扫在手机打开当前页",
    "【打印】", "Copyright", "- 3 -", "2024年3月6日", "日期:2024-03-06", "\n", "\n", "\n",
    " ", "\u3000", "\u00a0", "\r\n", "当前位置:", "7", "全年办理案件100件,同比增长10%",
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_PIECES)).map("".join)))
def test_clean_text_never_loses_a_line_unrecorded(text: str) -> None:
    result = clean_text(text)
    # lines as the reading numbers them: CRLF, CR, U+2029 and a manual break that ends a
    # line are line ends (analysis.reading.normalize_newlines)
    normalized = normalize_newlines(text)
    lines = normalized.split("\n")
    removed = set(result.removed.line_no)
    assert result.removed.line_no.is_unique
    assert removed <= set(range(1, len(lines) + 1))
    kept = result.text.split("\n") if result.text else []
    for no, line in enumerate(lines, start=1):
        stripped = re.sub(
            r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$", "", line
        )
        if no == 1:
            stripped = stripped.lstrip("\ufeff")
        if stripped and no not in removed:
            assert any(stripped in k for k in kept), line
    for k in kept:
        assert k and k == k.strip()
    s = split_sections(result.text)
    assert "".join(s.text) == result.text


# ------------------------------------------------------------------ fast paths (perf)
def test_strip_removes_mixed_whitespace_and_zero_width_characters() -> None:
    from analysis.cleaning import _strip

    assert _strip("\u200b \u3000 一、工作 \u200b\u00a0") == "一、工作"
    assert _strip("\ufeff\t\u200b") == ""
    assert _strip("a\u200bb") == "a\u200bb"  # inside the line: kept


def test_display_width_counts_wide_characters_twice() -> None:
    from analysis.cleaning import _display_width

    assert _display_width("") == 0
    assert _display_width("ab 1") == 4
    assert _display_width("法治政府") == 8
    assert _display_width("（一）ＡＢ") == 10  # full-width forms
    assert _display_width("ｱｲ") == 2  # half-width katakana
    assert _display_width("第1条") == 5


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二、(（)）1１.。 \u3000\u200b\n\r\tab报告局-—"))))
def test_clean_text_folds_each_line_like_fold_of_the_line(text: str) -> None:
    """The cleaned text is the kept lines stripped; fold of it is the fold of each line."""
    result = clean_text(text)
    for line in result.text.split("\n"):
        assert line == line.strip(" \t\u3000\u200b")
    assert len(fold(result.text)) == len(result.text)


def test_default_patterns_reload_when_the_file_changes(tmp_path, monkeypatch) -> None:
    import analysis.cleaning as cleaning

    path = tmp_path / "chrome_patterns.tsv"
    path.write_text("rule\tpattern\tscope\tdescription\nshare\t^分享到\tanywhere\tx\n", "utf-8")
    monkeypatch.setattr(cleaning, "PATTERNS_FILE", path)
    assert clean_text("分享到微信\n正文。").text == "正文。"
    path.write_text("rule\tpattern\tscope\tdescription\nprint\t^打印\tanywhere\tx\n", "utf-8")
    import os

    os.utime(path, (1, 1))  # a different mtime, as an edit gives
    assert clean_text("分享到微信\n打印\n正文。").text == "分享到微信\n正文。"


def test_a_wrapped_heading_short_by_its_lost_indent_is_joined() -> None:
    # pdftotext drops a paragraph's indent: a heading's first line is two characters shorter
    # than the full lines, and its wrapped end must still join it
    para = "全年办理行政处罚案件一百二十件,罚没款三十六万元,案件办理质量稳步提升,执法规范化水平明显提高,群众满意度持续上升。"
    body = [para[i : i + 20] for i in range(0, len(para), 20)]
    heading = "(五)坚持严格规范公正文明执法推动执法质量和效能持续提升"
    lines = ["一、主要工作", *body, heading[:18], heading[18:], *body, *body]
    result = clean_text("\n".join(lines))
    assert heading in result.text.split("\n")


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ('<p style="text-indent:2em;">一、总体情况</p>', "\u3000\u3000一、总体情况\u3000\u3000"),
        (
            "局党组<strong>专题</strong>研究<!-- 注释 -->&ldquo;八五&rdquo;普法",
            "局党组专题研究“八五”普法",
        ),
        ("<tr><td>合计</td><td>500件</td></tr>", " 合计 500件"),  # a table: no paragraphs
        ("&nbsp;&nbsp;全年R&amp;D投入&#12288;增长", "  全年R&D投入\u3000增长"),
        ("人数<5人的小组, 某某<某某>, a&b", "人数<5人的小组, 某某<某某>, a&b"),  # not markup
    ],
)
def test_strip_markup_hand_checked(line, plain) -> None:
    from analysis.cleaning import strip_markup

    assert strip_markup(line) == plain


def test_html_left_in_the_text_is_removed_and_recorded() -> None:
    body = "全年办理行政处罚案件120件,罚没款36万元,群众满意度持续提高。" * 3
    text = (
        "<p>首页 > 政务公开 > 法治政府建设</p>\n"
        "某区城市管理局2023年法治政府建设年度报告\n"
        f"<p><strong>一、主要工作</strong></p><p>&nbsp;&nbsp;{body}</p>\n"
        "<p><br/></p>\n"
        f"(一)加强领导。{body}\n"
    )
    result = clean_text(text)
    assert "<" not in result.text and "&" not in result.text
    rows = dict(zip(result.removed["line_no"], result.removed["rule"], strict=True))
    assert rows[1] == "breadcrumb"  # chrome inside <p> is still chrome
    assert rows[3] == "html_markup" and rows[4] == "html_markup"
    raw3 = result.removed.set_index("line_no").loc[3, "text"]
    assert raw3.startswith("<p><strong>一、主要工作")  # the line as it was
    s = split_sections(result.text)
    assert list(s["marker"]) == ["", "一、", "(一)"]
    assert list(s["heading"]) == ["", "主要工作", "加强领导"]  # the block's end ends the heading


def test_a_copy_sites_watermark_is_removed_and_recorded() -> None:
    # text copied from a document-sharing site: its name and address at the end of lines
    body = "全年办理行政处罚案件120件,罚没款36万元,群众满意度持续提高。"
    text = (
        "某区城市管理局2023年法治政府建设年度报告\n"
        "公文汇 www.gongwenhui.com\n"
        "一、主要举措和成效 公文汇 www.gongwenhui.com\n"
        f"{body} 公文汇,办公文档之家\n"  # the name alone, once seen with its address
        "(一)加强领导 稿子汇 https://www.gaozihui.com/p/1.html\n"
        f"{body}可登录国家企业信用信息公示系统 www.gsxt.gov.cn\n"  # a government site: kept
        f"{body}\n"
    )
    result = clean_text(text)
    lines = result.text.split("\n")
    assert lines[1:4] == ["一、主要举措和成效", body, "(一)加强领导"]
    assert lines[4].endswith("www.gsxt.gov.cn")
    rows = result.removed.set_index("line_no")
    assert list(rows["rule"]) == ["watermark"] * 4
    assert rows.loc[3, "text"] == "一、主要举措和成效 公文汇 www.gongwenhui.com"  # as it was
    assert list(split_sections(result.text)["marker"]) == ["", "一、", "(一)"]


def test_a_line_ending_with_an_address_after_a_sentence_is_not_a_watermark() -> None:
    # a sentence that ends in a full stop, then an address with no space: content
    text = "一、主要工作\n群众可在网站查询处罚结果,网址为www.example.com。\n"
    assert clean_text(text).removed.empty


def _wrap_ragged(paragraph: str, widths: list[int], indent: str = "\u3000\u3000") -> list[str]:
    """A paragraph hard-wrapped the way a PDF viewer copies it: ragged widths in turn."""
    text, lines, k = indent + paragraph, [], 0
    while text:
        w = widths[k % len(widths)]
        lines.append(text[:w])
        text, k = text[w:], k + 1
    return lines


def test_ragged_wraps_whose_longest_lines_cluster_are_all_joined() -> None:
    # wraps of 30 to 38 characters, most often 38 (a fixed measure by count), and
    # numbers cut by a wrap (违法用地案件18 / 6宗): every wrapped line is joined, while a
    # two-line title and a heading with a comma stay on their own lines
    sentence = (
        "全年共立案查处各类自然资源违法案件213宗，其中违法用地案件186宗、涉及土地面积"
        "126.4公顷，复垦恢复耕地835亩，通过平台网上办理不动产登记1.2万件，群众满意度持续提升。"
    )
    paragraphs = [sentence * 3, sentence * 2, sentence * 4, sentence * 3]
    widths = [38, 35, 31, 38, 34, 36, 38, 33, 37, 38]
    lines = ["阿克苏地区自然资源局关于2022年度", "法治政府建设工作情况的报告"]
    lines.append("一、主要举措和成效")
    lines += _wrap_ragged(paragraphs[0], widths)
    lines.append("（一）压紧压实法治建设责任，强化组织领导和统筹推进工作")  # a comma, no 。
    for p in paragraphs[1:]:
        lines += _wrap_ragged(p, widths)
    result = clean_text("\r\n".join(lines) + "\r\n")
    out = result.text.split("\n")
    assert out[:3] == [lines[0], lines[1], "一、主要举措和成效"]
    assert out[3] == paragraphs[0]
    assert out[4] == "（一）压紧压实法治建设责任，强化组织领导和统筹推进工作"
    assert out[5:] == paragraphs[1:]
    assert set(result.removed["rule"]) == {"joined_line_break"}


@pytest.mark.parametrize(
    ("text", "published", "removed"),
    [
        # a WeChat byline with its date in 年月日
        (
            "浦东城管\n原创 浦东城管 浦东城管 2025年02月10日 18:06 上海\n"
            "上海市浦东新区城市管理行政执法局2024年法治政府建设情况报告\n"
            "2024年,我局坚持依法行政,全年办理行政处罚案件38,652件,罚没款6843.27万元,依法履职成效明显。\n",
            "2025-02-10",
            "原创",
        ),
        # a news page's date and time, alone on a line below the article
        (
            "厦门市政园林局晒出2023年法治政府建设成绩单\n"
            "本报讯 记者从市市政园林局获悉,全年办理行政处罚案件19846件,罚没款1,286万元,依法履职成效明显。\n"
            "责任编辑：黄某\n来源：厦门日报\n2024-02-06 08:15\n",
            "2024-02-06",
            "2024-02-06",
        ),
    ],
)
def test_a_date_line_gives_the_publication_date(text: str, published: str, removed: str) -> None:
    result = clean_text(text)
    assert result.metadata["published"] == published
    assert removed not in result.text


def test_a_page_in_traditional_characters_is_read_in_simplified_and_recorded() -> None:
    # a page saved from a portal's 繁體 version: converted line by line, originals recorded
    body = (
        "2022年，我局認真貫徹落實法治政府建設要求，全年辦理行政處罰案件1,234件，罰沒款56.7萬元，"
        "行政複議案件3件，行政訴訟案件2件，開展普法宣傳活動86場次，培訓執法人員560人次。"
    )
    text = (
        "首頁 > 政務公開 > 法治政府建設\n泉州市城市管理局2022年度法治政府建設情況報告\n"
        f"發佈時間：2023-02-14　來源：泉州市城市管理局\n一、主要工作\n{body}\n【打印】【關閉】\n"
    )
    result = clean_text(text)
    assert result.text.split("\n") == [
        "泉州市城市管理局2022年度法治政府建设情况报告",
        "一、主要工作",
        "2022年，我局认真贯彻落实法治政府建设要求，全年办理行政处罚案件1,234件，罚没款56.7万元，"
        "行政复议案件3件，行政诉讼案件2件，开展普法宣传活动86场次，培训执法人员560人次。",
    ]
    rows = result.removed.set_index("line_no")
    assert rows.loc[2, "rule"] == "traditional_script"
    assert rows.loc[2, "text"] == "泉州市城市管理局2022年度法治政府建設情況報告"  # as written
    assert rows.loc[5, "rule"] == "traditional_script"
    assert rows.loc[1, "rule"] == "breadcrumb" and rows.loc[3, "rule"] == "metadata_date"
    assert result.metadata["published"] == "2023-02-14"


def test_simplified_text_with_a_few_traditional_characters_is_left_alone() -> None:
    # a name or a quoted title in traditional characters does not convert the report
    text = "一、主要工作\n邀请台湾學者作法治讲座，全年办理行政处罚案件120件，罚没款36万元。\n"
    result = clean_text(text)
    assert result.text == text.strip()
    assert result.removed.empty


def test_pdftotext_layout_margins_are_not_indents() -> None:
    # `pdftotext -layout`: every line keeps its page's left margin (0 or 2 spaces); a
    # paragraph starts 4 spaces further in, its wrapped lines do not
    sentence = (
        "全县各行政执法部门共办理行政处罚案件1,568件，罚没款1,086.5万元，群众满意度持续提升。"
    )
    para = sentence * 3
    width = 39

    def page(margin: int, paragraphs: list[str]) -> list[str]:
        out = []
        for p in paragraphs:
            chunks = [p[k : k + width] for k in range(0, len(p), width)]
            out.append(" " * (margin + 4) + chunks[0])
            out += [" " * margin + c for c in chunks[1:]]
        return out

    lines = page(0, [para, para]) + ["", "— 1 —", "\f" + " " * 2 + "（一）强化统筹推进"]
    lines += page(2, [para, para])
    result = clean_text("\n".join(lines) + "\n")
    assert result.text.split("\n") == [para, para, "（一）强化统筹推进", para, para]


def test_a_mirror_sites_pinyin_glosses_and_bare_date_line() -> None:
    # a mirror of a portal page: traditional characters with pinyin after some of them, and
    # the publication date alone on a line under the title
    body = (
        "2022年,龍湖區(qū)教育局全面貫徹黨的二十大精神,高度重視法治政府建設(shè),"
        "全年組織集中學(xué)法12次,培訓(xùn)教師3,600人次,現(xiàn)將情況報告如下。"
    )
    text = (
        "汕頭市龍湖區(qū)教育局2022年法治政府建設(shè)\n年度報告\n2023-01-03\n"
        f"{body}\n一、主要做法\n(一)提高思想政治站位,強(qiáng)化法治理論學(xué)習(xí)。\n"
    )
    result = clean_text(text)
    lines = result.text.split("\n")
    assert lines[:2] == ["汕头市龙湖区教育局2022年法治政府建设", "年度报告"]
    assert "(" not in lines[2] and "集中学法12次" in lines[2]
    assert lines[-1] == "(一)提高思想政治站位,强化法治理论学习。"
    assert result.metadata["published"] == "2023-01-03"
    rules = dict(zip(result.removed["line_no"], result.removed["rule"], strict=True))
    assert rules[1] == "pinyin_gloss" and rules[2] == "traditional_script"
    assert rules[3] == "metadata_date"


def test_brackets_that_are_not_pinyin_stay() -> None:
    text = "一、主要工作\n全年办理案件(含简易程序)120件,开展(sic)活动3场,使用App(app)办理。\n"
    assert clean_text(text).text == text.strip()
