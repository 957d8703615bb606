"""Session 15: rules from held-out rounds 78 on, each with a hand-made input."""

from __future__ import annotations

import pytest
from snippets import in_report, indicators, report_indicators, theme

from analysis.build import process_text


def _raw_values(body: str) -> set[tuple[str, float]]:
    m = process_text("r", in_report(body))["metrics"]
    return set(zip(m["raw"], m["value"], strict=True))


@pytest.mark.parametrize(
    ("written", "value"), [("lO件", 10), ("IOO%", 100), ("lOO人次", 100), ("IOO％", 100)]
)
def test_a_figure_ocr_read_with_no_digit_left_is_still_a_figure(written: str, value: float) -> None:
    assert (written, value) in _raw_values(f"全年共办理行政复议案件3件、诉讼案件{written}。")


def test_latin_letters_that_are_no_misread_figure_stay_letters() -> None:
    got = _raw_values("建成IoT平台1个，II类区域3个，IOS设备4台，PLO系统。")
    assert {r for r, _ in got} == {"1个", "3个", "4台"}


def _docx2txt(lines: list[str]) -> str:
    """Lines as docx2txt writes a document's paragraphs and cells: a blank line between each."""
    return "\n\n".join(lines)


_TABLE = [
    "全年办理行政处罚案件1,286件，罚没款186.54万元。主要数据见下表。",
    "2023年主要执法数据统计表",
    *("序号", "项目", "单位", "2022年", "2023年", "同比增减"),
    *("1", "行政处罚案件", "件", "1,173", "1,286", "+9.6%"),
    *("2", "罚没款", "万元", "172.25", "186.54", "+8.3%"),
    *("3", "非现场执法案件", "件", "—", "203", "—"),
    *("4", "来信来访", "件", "96", "83", "-13.5%"),
    "坚持处罚与教育相结合，全年依法对148件首次轻微违法行为作出不予处罚决定。",
]


def test_a_table_written_one_cell_per_line_is_read_as_its_rows() -> None:
    from analysis.cleaning import clean_text

    r = clean_text(in_report(_docx2txt(_TABLE)))
    rows = [line for line in r.text.split("\n") if "\t" in line]
    assert rows == [
        "序号\t项目\t单位\t2022年\t2023年\t同比增减",
        "1\t行政处罚案件\t件\t1,173\t1,286\t+9.6%",
        "2\t罚没款\t万元\t172.25\t186.54\t+8.3%",
        "3\t非现场执法案件\t件\t—\t203\t—",
        "4\t来信来访\t件\t96\t83\t-13.5%",
    ]
    # each cell joined to its row is recorded (the serial numbers and 件 are no page numbers
    # or running headers); nothing else is removed
    assert set(r.removed["rule"]) == {"table_cells"}
    assert len(r.removed) == 5 * 5
    m = process_text("r", r.text)["metrics"]
    got = set(zip(m["raw"], m["value"], strict=True))
    assert {("1,173", 1173), ("186.54", 1865400), ("203", 203), ("83", 83)} <= got


@pytest.mark.parametrize(
    "lines",
    [
        # a key-figure board: label over value
        [
            "数据看板",
            "办理行政处罚案件",
            "1,286件",
            "收缴罚没款",
            "186.5万元",
            "办理非现场执法案件",
            "203件",
            "工单按时办结率",
            "99.2%",
            "开展普法宣传活动",
            "58场次",
        ],
        # a site's menu and a list of short headings: no figures
        [
            "首页",
            "机构概况",
            "政务公开",
            "政策文件",
            "办事服务",
            "互动交流",
            "专题专栏",
            "数据发布",
            "法治建设",
            "联系我们",
        ],
        # a table whose empty cell docx2txt dropped: its rows no longer line up
        [
            "项目",
            "2022年",
            "2023年",
            "行政处罚案件（件）",
            "1,173",
            "1,286",
            "非现场执法案件（件）",
            "203",
            "来信来访（件）",
            "96",
            "83",
        ],
    ],
)
def test_short_lines_that_are_no_table_stay_lines(lines: list[str]) -> None:
    from analysis.cleaning import clean_text

    r = clean_text(in_report(_docx2txt(lines)))
    assert "\t" not in r.text
    assert "table_cells" not in set(r.removed["rule"])


def test_a_row_label_of_a_part_is_a_table_cell() -> None:
    from analysis.cleaning import clean_text

    lines = [
        "2021年、2022年主要执法数据对比",
        *("项目", "单位", "2021年", "2022年"),
        *("行政处罚案件", "件", "2,714", "2,986"),
        *("其中：简易程序", "件", "1,702", "1,857"),
        *("罚没款", "万元", "511.72", "463.58"),
    ]
    r = clean_text(in_report("\n".join(lines) + "\n表中数据均为全年统计数。\n"))
    assert "其中：简易程序\t件\t1,702\t1,857" in r.text.split("\n")


def test_a_page_saved_as_mhtml_is_read_as_its_page() -> None:
    import quopri

    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    page = "\n".join(
        [
            '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=UTF-8"><title>某区城市管理局2023年度法治政府建设情况报告</title>',
            "<style>.a{color:red}</style></head><body>",
            '<div class="top">欢迎访问某区人民政府网站！</div>',
            '<form action="/search"><input type="text" name="q"></form>',
            "<h1>某区城市管理局2023年度法治政府建设情况报告</h1>",
            "<div>发布时间：2024-03-19 10:26</div>",
            "<p>一、主要工作</p>",
            "<p>全年办理行政处罚案件<span>1,326</span><span>件</span>，罚没款186.4万元，依法行政"
            "水平持续提升，法治政府建设扎实推进，为建设宜居城区提供了有力保障。</p>",
            "<p>建议使用1920×1080分辨率、IE10以上版本浏览器访问本站</p></body></html>",
        ]
    )
    qp = quopri.encodestring(page.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    mhtml = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: http://www.example.gov.cn/a.html\r\n"
        "Subject: =?utf-8?Q?=E6=9F=90=E5=8C=BA?=\r\n"
        "Date: Mon, 15 Apr 2024 09:47:26 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B----"\r\n\r\n\r\n'
        "------B----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: http://www.example.gov.cn/a.html\r\n\r\n{qp}\r\n"
        "------B----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n"
        "------B------\r\n"
    )
    text, _ = decode_report_bytes(mhtml.encode("ascii"), "r.mhtml")
    r = clean_text(text)
    assert r.text.startswith("某区城市管理局2023年度法治政府建设情况报告\n一、主要工作\n")
    assert "全年办理行政处罚案件1,326件" in r.text
    assert r.metadata["published"] == "2024-03-19"
    # the headers and the image are recorded, not lost; the page's frame is gone
    assert {"json_field", "site_notice"} <= set(r.removed["rule"])
    assert "<" not in r.text and "分辨率" not in r.text and "image/png" not in r.text


def test_a_portals_rss_feed_is_read_as_its_report_item() -> None:
    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    body = (
        "<p>2022年，我局深入推进法治城管建设，依法行政水平持续提升。</p>"
        '<p><strong>一、主要工作</strong></p><p>全年办理行政处罚案件<span lang="EN-US">2,986</span>件，'
        "罚没款463.58万元，结案率97.7%，法治政府建设扎实推进，为建设宜居宜业城市提供了有力法治保障。</p>\n"
        "<p>全年组织执法人员培训12期，开展普法宣传活动46场次，办理行政复议案件3件、行政诉讼案件2件。</p>"
    )
    xml = (
        '<?xml version="1.0" encoding="GB2312"?>\n<rss version="2.0">\n<channel>\n'
        "\t<title>某市城市管理行政执法局－法治政府建设</title>\n"
        "\t<link>http://cgj.example.gov.cn/fzzfjs/</link>\n"
        "\t<item>\n\t\t<title>某市城市管理行政执法局2022年度法治政府建设情况报告</title>\n"
        "\t\t<pubDate>Fri, 24 Feb 2023 16:05:12 +0800</pubDate>\n"
        "\t\t<indexNo>11450200MB0P73468K/2023-00094</indexNo>\n"
        f"\t\t<description><![CDATA[{body}]]></description>\n\t</item>\n"
        "\t<item>\n\t\t<title>关于公布2023年随机抽查计划的通知</title>\n"
        "\t\t<pubDate>Mon, 20 Feb 2023 10:00:00 +0800</pubDate>\n"
        "\t\t<description><![CDATA[<p>现将计划予以公布。</p>]]></description>\n\t</item>\n"
        "</channel>\n</rss>\n"
    )
    text, encoding = decode_report_bytes(xml.encode("gbk"), "r.xml")
    assert encoding == "gb18030"
    r = clean_text(text)
    assert r.text.startswith("某市城市管理行政执法局2022年度法治政府建设情况报告\n")
    assert r.metadata["published"] == "2023-02-24"
    assert "全年办理行政处罚案件2,986件" in r.text and "11450200MB0P73468K" not in r.text


def test_xml_that_declares_entities_is_not_expanded() -> None:
    from analysis.reading import unwrap_xml

    bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><d>&a;&a;</d></rss>'
    assert unwrap_xml(bomb) == bomb


def test_a_bureau_of_planning_and_natural_resources_is_a_bureau() -> None:
    from analysis.metadata import infer_metadata

    text = in_report(
        "全年立案查处自然资源违法案件47宗，涉嫌非法占用农用地罪的3宗案件已移送区公安分局。"
    )
    text = "成都市温江区规划和自然资源局2023年度法治政府建设工作情况报告\n" + text
    assert infer_metadata(text).bureau == "成都市温江区规划和自然资源局"


def test_cases_sent_on_to_the_police_as_crimes_are_no_penalty_cases() -> None:
    body = "全年共立案查处自然资源违法案件47宗。涉嫌非法占用农用地罪的3宗案件已移送区公安分局。"
    assert report_indicators(body)["admin_penalty_cases"] == 47


def test_the_documents_in_force_taken_up_in_a_clean_up_without_their_noun() -> None:
    body = "下半年组织开展规范性文件专项清理，对现行有效的21件逐件评估，清理后保留17件、废止4件。"
    assert report_indicators(body)["normative_documents_reviewed"] == 21


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("（六）加强矿产资源管理和地质灾害防治", "safety_emergency"),
        ("（三）持续优化不动产登记服务", "business_environment"),
    ],
)
def test_a_natural_resources_bureaus_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


def test_a_browsers_printed_header_and_footer_are_running_headers() -> None:
    from analysis.cleaning import clean_text

    url = "http://www.example.gov.cn/xxgk/fzzfjs/202503/t20250314_6734185.html"
    title = "某区综合行政执法局2024年法治政府建设工作报告-某区人民政府"
    para = (
        "坚持严格规范公正文明执法，全面推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，"
        "全年办理行政处罚案件1,863件，罚没款392.46万元，已办结1,805件，结案率96.9%，办案中实施"
        "查封、扣押等行政强制措施23次，向法院申请强制执行4件，执法文书统一使用全省格式，处罚决定书"
        "逐项写明认定的事实、适用的法律和裁量的理由，法治政府建设扎实推进。"
    )
    lines = [para[k : k + 40] for k in range(0, len(para), 40)]
    heading = "（五）坚持严格规范公正文明执法，以“三项制度”为抓手规范办案全过程，推动执法质量和公信力稳步提升"
    pages = [
        ["2025/3/18 10:42", title, *lines, url, "1/3"],
        ["2025/3/18 10:42", title, *lines, heading[:40], url, "2/3"],
        ["2025/3/18 10:42", heading[40:], title, *lines, url, "3/3"],
    ]
    r = clean_text("\n\f".join("\n".join(p) for p in pages) + "\n")
    assert url not in r.text and "2025/3/18" not in r.text
    assert heading in r.text.split("\n")
    printed = r.removed[r.removed.text.str.strip().isin([url, "2025/3/18 10:42"])]
    assert len(printed) == 6 and set(printed.rule) == {"running_header"}


def test_the_years_bare_activities_after_legal_publicity_are_publicity_events() -> None:
    body = (
        "结合宪法宣传周组织集中宣传，把法治宣传送进社区、商户、工地和校园，"
        "全年开展活动118场次，发放宣传资料1.96万份。"
    )
    assert report_indicators(body)["publicity_events"] == 118


def test_a_seminar_class_is_a_training_session() -> None:
    body = "年内共办执法能力提升班和业务骨干研讨班9期，参训执法人员累计1,074人次。"
    assert report_indicators(body)["training_sessions"] == 9


def test_a_charts_caption_above_a_list_is_no_heading() -> None:
    from snippets import headings

    text = (
        "某区综合行政执法局2024年法治政府建设工作报告\n"
        "一、主要工作\n（一）执法办案规范有序，执法质效持续提升\n"
        "全年办理行政处罚案件1,437件，按程序分，简易程序861件、普通程序576件，近三年程序构成见下图。\n"
        "706 781 861\n452 513 576\n"
        "图2  2022—2024年行政处罚案件程序构成（件）\n"
        "1.三项制度执行到位。执法信息统一在行政执法信息公示平台公开，全年公示2,318条。\n"
        "2.重点领域整治有力。全年拆除违法建设117处，拆除面积约1.86万平方米。\n"
        "（二）数字赋能执法，非现场执法扩面增效\n全年办理非现场执法案件203件。\n"
        "二、存在的不足\n执法队伍专业结构不够合理。\n"
    )
    got = headings(text)
    assert not any(got["heading"].str.startswith("图2"))
    assert list(got["marker"]) == ["一、", "(一)", "1.", "2.", "(二)", "二、"]


def test_a_plan_to_raise_the_teams_ability_is_training() -> None:
    assert theme("（一）在提升队伍能力上下功夫") == "study_training"


def test_petitions_the_legal_advisers_helped_weigh_are_no_new_petitions() -> None:
    body = (
        "常年法律顾问全年出具书面法律意见38份，参与研判疑难复杂案件和涉法信访事项14件。"
        "群众来信来访全年受理47件，均按时答复办结。"
    )
    assert report_indicators(body)["petitions"] == 47


def test_words_html_is_read_as_a_browser_shows_it() -> None:
    from analysis.cleaning import clean_text
    from analysis.reading import decode_report_bytes

    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\r\n<head>\r\n'
        '<meta http-equiv=Content-Type content="text/html; charset=gb2312">\r\n'
        '<meta name=Generator content="Microsoft Word 15 (filtered)">\r\n'
        "<style>\r\np.MsoNormal {margin:0cm;}\r\n</style>\r\n</head>\r\n<body lang=ZH-CN>\r\n"
        "<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;\r\n"
        "mso-line-height-rule:exactly'><span style='font-size:22.0pt'>某区城市管理局<span\r\n"
        "lang=EN-US>2023</span>年度法治政府建设工作情况报告</span></p>\r\n"
        "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>一、主要举措和成\r\n"
        "效</span></p>\r\n"
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span\r\n"
        "style='font-family:楷体_GB2312'>（一）<span style='font:7.0pt \"Times New\r\n"
        "Roman\"'>&nbsp;&nbsp; </span></span><![endif]><span style='font-family:楷体_GB2312'>压实领导责任，法治建设统筹有力</span></p>\r\n"
        "<p class=MsoNormal style='text-indent:32.0pt'>全年办理行政处罚案件<span lang=EN-US>1,326</span>件，罚没款<span\r\n"
        "lang=EN-US>186.4</span>万元，依法行政水平持续提升，法治政府建设扎实推进，为建设宜居城区提供了有\r\n"
        "力保障。<o:p></o:p></p>\r\n"
        "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>二、存在的问题</span></p>\r\n"
        "<p class=MsoNormal>执法队伍专业结构不够合理。</p>\r\n</body>\r\n</html>\r\n"
    )
    text, encoding = decode_report_bytes(page.encode("gbk"), "r.htm")
    r = clean_text(text)
    lines = r.text.split("\n")
    assert [line.replace(" ", "") for line in lines[:3]] == [  # (the list number's spacer stays)
        "某区城市管理局2023年度法治政府建设工作情况报告",
        "一、主要举措和成效",
        "（一）压实领导责任，法治建设统筹有力",
    ]
    assert "全年办理行政处罚案件1,326件，罚没款186.4万元" in r.text
    assert "宜居城区提供了有力保障。" in r.text and "<" not in r.text


def test_a_signature_date_with_ocrs_yue_for_ri_is_a_date() -> None:
    from analysis.cleaning import parse_date

    assert parse_date("2023 年 1月 16 曰") == "2023-01-16"
    assert parse_date("二〇二三年一月十六曰") == "2023-01-16"


def test_a_level_1_heading_naming_its_whole_part_takes_no_wrap() -> None:
    from pathlib import Path

    from analysis.cleaning import clean_text
    from analysis.reading import read_report

    # PyMuPDF's text of a PDF (h294): the heading fills its line by chance
    text, _ = read_report(Path(__file__).parent / "fixtures" / "heldout" / "h294_report.txt")
    lines = clean_text(text).text.split("\n")
    assert "三、党政主要负责人履行推进法治建设第一责任人职责情况" in lines


def test_a_run_in_heading_cut_a_word_before_its_end_goes_on() -> None:
    from analysis.cleaning import clean_text

    para = "全局配备执法记录仪248台、移动执法终端60部，执法过程音像记录实现全覆盖，修订完善行政处罚裁量基准，细化裁量情形，防止同案不同罚，全年办理行政处罚案件1,352件。"
    lines = [para[k : k + 28] for k in range(0, len(para), 28)]
    lines += [
        "（四）规范执法行为，城市管理执法质效和群众满意度持续",
        "提升。严格落实行政执法“三项制度”，依托区政府门户网站执",
    ]
    lines += [para[k : k + 28] for k in range(0, len(para), 28)]
    r = clean_text("\n".join(lines) + "\n")
    assert any(
        line.startswith("（四）规范执法行为，城市管理执法质效和群众满意度持续提升。严格")
        for line in r.text.split("\n")
    )


def test_a_table_read_column_by_column_is_read_as_its_rows() -> None:
    from analysis.cleaning import clean_text

    cells = [
        *("项目", "行政处罚案件", "罚没款", "群众来信来访"),
        *("单位", "件", "万元", "件"),
        *("2022年", "1174", "103.89", "64"),
        *("2023年", "1352", "118.64", "51"),
        *("同比增减", "+15.2%", "+14.2%", "-20.3%"),
    ]
    text = "主要执法数据如下表。\n" + "\n".join(cells) + "\n全年未发生重大执法过错。\n"
    r = clean_text(in_report(text))
    rows = [line for line in r.text.split("\n") if "\t" in line]
    assert rows == [
        "项目\t单位\t2022年\t2023年\t同比增减",
        "行政处罚案件\t件\t1174\t1352\t+15.2%",
        "罚没款\t万元\t103.89\t118.64\t+14.2%",
        "群众来信来访\t件\t64\t51\t-20.3%",
    ]
    assert set(r.removed["rule"]) == {"table_cells"} and len(r.removed) == 4 * 4


def test_ocrs_spaced_lines_are_joined_with_their_figures() -> None:
    from analysis.cleaning import clean_text

    line = "年 依 法作 出不 予行 政 处 罚 决 定 276 件 ； 执 法 队 员 上 门 向 3, 860 户 沿"
    r = clean_text(in_report(line + "\n"))
    assert "年依法作出不予行政处罚决定276件；执法队员上门向3,860户沿" in r.text
    # a table's row, words apart, is no spaced line
    row = "行政处罚案件 件 1,173 1,286 +9.6%"
    assert row in clean_text(in_report(row + "\n")).text


def test_ocrs_space_after_a_thousands_separator_is_inside_the_figure() -> None:
    assert ("1, 863件", 1863) in _raw_values("全年立案1, 863件。")
    assert ("863件", 863) in _raw_values("分为3类, 863件。")


def test_a_part_said_to_be_counted_in_the_total_above_is_not_added() -> None:
    body = (
        "全年举办执法人员法治业务培训班13期，参训执法人员累计达到1,160人次，"
        "新入职人员另行安排岗前培训2期、96人次（已计入上述总数）。"
    )
    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (13, 1160)


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("（一）层层传导法治建设压力", "leadership"),
        ("（二）在执法队伍能力上补短板", "study_training"),
    ],
)
def test_plans_children_naming_their_theme(heading: str, category: str) -> None:
    assert theme(heading) == category


def test_a_saved_page_is_read_once_the_manifest_names_it(tmp_path) -> None:
    from test_manifest import blank_row, make_raw

    from analysis.manifest import validate_raw

    page = (
        "<html><body><h1>某区城市管理局2023年度法治政府建设情况报告</h1>\n"
        "<p>一、主要工作</p>\n<p>全年办理行政处罚案件1,326件，罚没款186.4万元，依法行政水平持续"
        "提升，法治政府建设扎实推进，为建设宜居宜业城区提供了有力法治保障，群众满意度不断提高。</p>\n"
        "</body></html>\n"
    ).encode()
    raw = make_raw(tmp_path, [blank_row("a.html")], {"a.html": page, "b.mhtml": page})
    folder = validate_raw(raw)
    assert not folder.errors and [r["file"] for r in folder.rows] == ["a.html"]
    (warning,) = [p for p in folder.problems if p.severity == "warning"]
    assert warning.file == "b.mhtml" and "once a row names it" in warning.message


# --- review of session 15 (rv27: quantities, indicators, outline, themes) ---


def test_review_session15_documents_left_in_force_after_a_clean_up_are_no_reviews() -> None:
    body = "全年共清理规范性文件58件，废止8件，修改4件，现行有效46件。"
    assert report_indicators(body)["normative_documents_reviewed"] == 58


@pytest.mark.parametrize(
    "body", ["分别办理行政处罚案件876, 963件。", "办理案件876， 963件。", "比例为1, 100%。"]
)
def test_review_session15_listed_figures_are_not_one(body: str) -> None:
    assert not any(v > 10000 for _, v in _raw_values(body))


@pytest.mark.parametrize(
    "body",
    [
        "全年开展普法宣传活动46场次，同时组织志愿服务，全年开展活动32次。",
        "积极开展普法宣传，同时深入开展文明城市创建，全年开展活动32次。",
        "把普法融入党建工作，全年开展活动12次。",
    ],
)
def test_review_session15_other_activities_near_legal_publicity_are_not_publicity(
    body: str,
) -> None:
    assert report_indicators(body).get("publicity_events") in (None, 46)


@pytest.mark.parametrize(
    "body",
    [
        "全年举办执法人员法治业务培训班13期，参训执法人员累计达到1,160人次，另为新入职人员举办岗前"
        "培训2期、为执法骨干举办专题培训3期，均已计入上述总数。",
        "全年举办执法人员培训班13期。另举办岗前培训2期、专题培训3期，均已计入上述总数。",
    ],
)
def test_review_session15_parts_all_counted_in_the_total_above(body: str) -> None:
    assert report_indicators(body)["training_sessions"] == 13


@pytest.mark.parametrize(
    ("body", "raw", "value"),
    [
        ("诉讼案件，lO件。", "lO件", 10),
        ("行政处罚案件：lO件。", "lO件", 10),
        ("检查商户（lOO户）。", "lOO户", 100),
        ("罚款lO.5万元。", "lO.5万元", 105000),
    ],
)
def test_review_session15_figures_ocr_read_as_letters_after_marks(
    body: str, raw: str, value: float
) -> None:
    assert (raw, value) in _raw_values(body)


@pytest.mark.parametrize(
    "caption",
    [
        "图二  2022—2024年行政处罚案件程序构成（件）",
        "图2行政处罚案件程序构成",
        "（图2）行政处罚案件程序构成",
        "▲图2 行政处罚案件程序构成",
    ],
)
def test_review_session15_captions_in_other_forms_are_no_headings(caption: str) -> None:
    from snippets import headings

    text = (
        "某区综合行政执法局2024年法治政府建设工作报告\n一、主要工作\n（一）执法办案规范有序\n"
        "全年办理行政处罚案件1,437件，近三年程序构成见下图。\n706 781 861\n"
        f"{caption}\n"
        "1.三项制度执行到位。执法信息统一在行政执法信息公示平台公开，全年公示2,318条。\n"
        "2.重点领域整治有力。全年拆除违法建设117处。\n（二）数字赋能执法\n全年办理非现场执法案件203件。\n"
        "二、存在的不足\n执法队伍专业结构不够合理。\n"
    )
    assert list(headings(text)["marker"]) == ["一、", "(一)", "1.", "2.", "(二)", "二、"]


def test_review_session15_a_crime_in_the_totals_own_clause_keeps_it() -> None:
    assert (
        report_indicators("全年办理涉嫌违法犯罪的行政处罚案件120件。")["admin_penalty_cases"] == 120
    )


@pytest.mark.parametrize(
    ("heading", "category"),
    [("（一）弥补执法队伍短板", "study_training"), ("（一）强化压力传导", "leadership")],
)
def test_review_session15_theme_variants(heading: str, category: str) -> None:
    assert theme(heading) == category


# --- review of session 15 (rv26: reading and cleaning) ---


def _clean(text: str):
    from analysis.cleaning import clean_text

    return clean_text(text)


def test_review_session15_an_8bit_mime_part_keeps_its_text() -> None:
    from analysis.reading import decode_report_bytes

    page = "<html><body><p>一、主要工作</p>\n<p>全年办理行政处罚案件1,326件，罚没款186.4万元。</p></body></html>"
    mh = (
        'From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n'
        "--B\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        + page
        + "\n--B--\n"
    )
    text, _ = decode_report_bytes(mh.encode(), "r.mhtml")
    assert "全年办理行政处罚案件1,326件" in _clean(text).text


def test_review_session15_an_emails_plain_text_report_beats_its_html_signature() -> None:
    from analysis.reading import decode_report_bytes

    rep = "一、主要工作\n全年办理行政处罚案件1,326件，罚没款186.4万元。\n二、存在问题\n执法人员专业化水平有待提高。\n"
    eml = (
        'From: a@b.cn\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n'
        "--B\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        + rep
        + "--B\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "<p>=E5=8F=91=E9=80=81</p>\n--B--\n"
    )
    text, _ = decode_report_bytes(eml.encode(), "r.eml")
    r = _clean(text)
    assert "全年办理行政处罚案件1,326件" in r.text and "发送" not in r.text
    assert any("发送" in t for t in r.removed["text"])  # the signature part is recorded


_H = "某县市场监督管理局2023年法治政府建设年度报告\n一、主要举措\n"
_P = "全年共办理行政处罚案件120件,罚没款36.5万元,各项工作取得明显成效,群众满意度持续提升。\n"


def test_review_session15_a_table_a_cell_short_is_not_read_shifted() -> None:
    cells = [
        "单位",
        "2022年",
        "2023年",
        "行政处罚案件",
        "件",
        "1173",
        "1286",
        "罚没款",
        "万元",
        "172.25",
        "186.54",
        "来信来访",
        "件",
        "96",
        "83",
    ]
    r = _clean(_H + _P + "\n".join(cells) + "\n" + _P)
    assert not any(line.startswith("件\t") for line in r.text.split("\n"))


def test_review_session15_short_lines_after_a_table_are_not_its_rows() -> None:
    cells = [
        "项目",
        "单位",
        "2022年",
        "2023年",
        "行政处罚案件",
        "件",
        "1173",
        "1286",
        "罚没款",
        "万元",
        "172.25",
        "186.54",
    ]
    after = ["下一步工作打算", "强化执法监督", "完善制度建设", "提升队伍素质"]
    rows = [
        line
        for line in _clean(_H + _P + "\n".join(cells + after) + "\n" + _P).text.split("\n")
        if "\t" in line
    ]
    assert rows == [
        "项目\t单位\t2022年\t2023年",
        "行政处罚案件\t件\t1173\t1286",
        "罚没款\t万元\t172.25\t186.54",
    ]


def test_review_session15_two_tables_in_a_row_are_two() -> None:
    t = [
        "项目",
        "2022年",
        "2023年",
        "处罚案件",
        "1173",
        "1286",
        "复议案件",
        "5",
        "7",
        "类别",
        "数量",
        "占比",
        "简易程序",
        "800",
        "62%",
        "普通程序",
        "486",
        "38%",
    ]
    rows = [
        line for line in _clean(_H + _P + "\n".join(t) + "\n" + _P).text.split("\n") if "\t" in line
    ]
    assert rows == [
        "项目\t2022年\t2023年",
        "处罚案件\t1173\t1286",
        "复议案件\t5\t7",
        "类别\t数量\t占比",
        "简易程序\t800\t62%",
        "普通程序\t486\t38%",
    ]


_PARA = "全局配备执法记录仪248台、移动执法终端60部，执法过程音像记录实现全覆盖，修订完善行政处罚裁量基准，细化裁量情形，防止同案不同罚，全年办理行政处罚案件1,352件。"
_W = [_PARA[k : k + 28] for k in range(0, len(_PARA), 28)]


def test_review_session15_a_complete_heading_keeps_from_a_short_first_sentence() -> None:
    lines = (
        _W
        + [
            "（一）坚持高位推动，切实履行法治建设第一责任人职责",
            "我局高度重视。局党组把法治政府建设纳入重要议事日程，全年",
        ]
        + _W
        + _W
    )
    assert "（一）坚持高位推动，切实履行法治建设第一责任人职责" in _clean(
        "\n".join(lines) + "\n"
    ).text.split("\n")


def test_review_session15_a_level_1_heading_that_wraps_still_joins() -> None:
    lines = (
        _W
        + ["三、上一年度党政主要负责人履行法治建设第一责任人职责存在的问题", "及整改落实情况"]
        + _W
        + _W
    )
    text = _clean("\n".join(lines) + "\n").text
    assert (
        "三、上一年度党政主要负责人履行法治建设第一责任人职责存在的问题及整改落实情况"
        in text.split("\n")
    )


def test_review_session15_a_page_pasted_from_word_keeps_its_pre_lines() -> None:
    from analysis.reading import decode_report_bytes

    pg = (
        "<!DOCTYPE html><html><body>\n<p class=MsoNormal>某区城市管理局2023年度法治政府建设情况报告</p>\n"
        "<pre>\n一、主要工作\n全年办理行政处罚案件1,326件，罚没款186.4万元。\n二、存在问题\n执法人员专业化水平有待提高。\n</pre></body></html>\n"
    )
    lines = _clean(decode_report_bytes(pg.encode(), "r.html")[0]).text.split("\n")
    assert "一、主要工作" in lines and "二、存在问题" in lines


def test_review_session15_an_atom_entrys_title_and_date() -> None:
    import html

    from analysis.reading import decode_report_bytes

    body = (
        "<p>一、主要工作</p><p>"
        + "全年办理行政处罚案件2,986件，罚没款463.58万元，法治政府建设扎实推进。" * 5
        + "</p>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>某市人民政府门户网站</title>\n'
        "<entry><title>某市城管局2022年度法治政府建设情况报告</title><published>2023-02-24T16:05:12+08:00</published>"
        f'<content type="html">{html.escape(body)}</content></entry></feed>\n'
    )
    r = _clean(decode_report_bytes(atom.encode(), "r.xml")[0])
    assert r.text.startswith("某市城管局2022年度法治政府建设情况报告\n")
    assert r.metadata["published"] == "2023-02-24"


def test_review_session15_a_gmt_date_is_beijings_day() -> None:
    from analysis.reading import unwrap_xml

    body = (
        "<p>" + "全年办理行政处罚案件2,986件，罚没款463.58万元，法治政府建设扎实推进。" * 5 + "</p>"
    )
    rss = (
        '<?xml version="1.0"?><rss><channel><item><title>某市城管局2022年度报告</title>'
        f"<pubDate>Thu, 23 Feb 2023 20:05:12 GMT</pubDate><description><![CDATA[{body}]]></description></item></channel></rss>"
    )
    assert "发布时间：2023-02-24 04:05:12" in unwrap_xml(rss)


def test_review_session15_a_spaced_table_row_is_no_ocr_line() -> None:
    row = "其 中 简 易 程 序 800 62%"
    assert row in _clean(_H + _P + row + "\n" + _P).text


# --- round 80 ---


def test_an_ocr_tools_json_lines_are_read_as_their_text() -> None:
    import json

    from analysis.reading import decode_report_bytes

    para = (
        "全年立案查处城市管理领域违法案件1,318件，按简易程序办理906件，按一般程序办理412件，收缴罚没款"
        "286.45万元，同比下降7.3%。分类型看，占道经营516件、建筑垃圾违规运输143件、违法搭建138件、违规"
        "设置户外广告97件，其余为餐饮油烟和噪声扰民等案件。依法不予处罚的首违轻微案件187件，发出责令改正"
        "通知书1,042份，行政强制措施均依法定程序实施，全年未发生因执法不当引发的群体性事件。"
    )
    boxes = [
        "某区城市管理行政执法局",
        "关于2023年度法治政府建设情况的报告",
        "一、2023年度法治城管建设推进情况",
    ]
    boxes += [para[k : k + 28] for k in range(0, len(para), 28)]

    def page(n: int, texts: list[str]) -> str:
        results = [
            {"text": t, "box": [[0.0, 40.0 * k], [900.0, 40.0 * k]], "score": 0.98}
            for k, t in enumerate(texts)
        ]
        return json.dumps({"page": n, "image": f"p{n}.png", "results": results}, ensure_ascii=False)

    raw = (
        page(1, boxes)
        + "\n"
        + page(2, ["二、存在的问题", "执法力量不足，专业化水平有待提高。", "- 2 -"])
        + "\n"
    )
    text, _ = decode_report_bytes(raw.encode(), "r.jsonl")
    r = _clean(text)
    assert "全年立案查处城市管理领域违法案件1,318件，按简易程序办理906件" in r.text
    assert "一、2023年度法治城管建设推进情况" in r.text.split(
        "\n"
    ) and "二、存在的问题" in r.text.split("\n")
    assert "box" not in r.text and (r.removed["rule"] == "json_field").sum() == 2


def test_a_senders_phone_numbers_under_the_signature_are_contact_lines() -> None:
    body = (
        _H
        + _P
        + "某县市场监督管理局\n2025年1月20日\n叶晨曦\n电话：0577-86291735  手机：13968872604\n浙政钉：叶晨曦（政策法规科）\n"
    )
    r = _clean(body)
    assert "13968872604" not in r.text and "浙政钉" not in r.text
    assert r.metadata["signature_date"] == "2025-01-20"


def test_a_line_break_inside_a_markdown_tables_cell() -> None:
    table = (
        "| 序号 | 指标名称 | 单位 | 2022年 | 2023年 |\n|------|----------|------|-------|-------|\n"
        "| 1 | 行政处罚案件 | 件 | 1,873 | 2,147 |\n| 2 | 其中：<br>一般程序 | 件 | 412 | 486 |\n"
        "| 3 | 结案率 | % | 96.8 | 97.9 |\n"
    )
    r = _clean(_H + _P + table + _P)
    assert "| 2 | 其中：一般程序 | 件 | 412 | 486 |" in r.text.split("\n")
    m = process_text("r", r.text)
    assert {"412", "486"} <= set(m["metrics"]["raw"])
    assert not any(m["sections"]["heading"].str.startswith("|"))


def test_a_photo_before_the_signature_does_not_hide_it() -> None:
    body = _H + _P + "![](_page_6_Picture_1.jpeg)\n\n某县市场监督管理局\n\n2024年1月25日\n\n— 7 —\n"
    assert _clean(body).metadata["signature_date"] == "2024-01-25"


def test_figures_a_converter_wrote_as_latex_are_read_as_written() -> None:
    line = "全年办理 $2,147$ 件，罚没款 $\\mathrm{286.45}$ 万元，培训 $1{,}064$ 人次，结案率 $97.9\\%$，设 $x^2$ 项。"
    r = _clean(_H + line + "\n")
    assert (
        "全年办理 2,147 件，罚没款 286.45 万元，培训 1,064 人次，结案率 97.9%，设 $x^2$ 项。"
        in r.text
    )
    assert set(r.removed["rule"]) == {"latex_math"}


def test_documents_reviewed_to_help_the_towns_are_no_legal_reviews() -> None:
    body = "全年开展合法性审查228件。深入全区13个镇（街道）综合行政执法队开展业务指导26次，帮助审核执法文书312份。"
    assert report_indicators(body)["legal_reviews"] == 228


def test_a_figure_restated_from_above_is_not_added() -> None:
    body = (
        "坚持“应审必审”，经法规股合法性审查的事项全年共86件，其中水利工程建设、采购等合同协议52份，"
        "重大行政执法决定9件，涉法文件和会议议题25件。\n"
        "年内在区政府门户网站公开执法信息84条，执法记录仪配发到人共14台，前面提到的9件重大执法决定"
        "均先审核、后决定。"
    )
    assert report_indicators(body)["legal_reviews"] == 86


def test_give_aways_are_no_publicity_materials() -> None:
    body = "全年组织普法宣传活动43场次，向群众发放宣传资料1.2万余份、节水宣传袋等宣传品2,400余个。"
    assert report_indicators(body)["publicity_materials"] == 12000


def test_a_publicity_weeks_events_are_part_of_the_years() -> None:
    body = "全年开展普法宣传活动74场次，“12·4”国家宪法日前后的宪法宣传周集中安排宣传活动15场次。"
    assert report_indicators(body)["publicity_events"] == 74


def test_cases_filed_on_what_video_and_drones_found_are_off_site_cases() -> None:
    body = (
        "全年立案查处水事违法案件29件。在重点河段布设视频监控点位36个，全年开展无人机巡河180架次，"
        "通过视频监控和无人机巡查发现违法线索21条，据此立案查处5件。"
    )
    got = report_indicators(body)
    assert (got["digital_cases"], got["admin_penalty_cases"]) == (5, 29)


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("（一）提高干部依法行政本领", "study_training"),
        ("（一）把牢法治建设方向，一抓到底", "leadership"),
    ],
)
def test_round80_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


# --- review of round 80 (rv28) ---


def test_review2_session15_a_break_between_figures_in_a_cell_keeps_them_apart() -> None:
    r = _clean(_H + _P + "| 1 | 行政复议案件 | 件 | 12<br>3 |\n")
    assert "| 1 | 行政复议案件 | 件 | 12 3 |" in r.text.split("\n")


def test_review2_session15_the_years_total_after_a_publicity_week_stays() -> None:
    body = "开展“八五”普法送法下乡活动20场次。依托宪法宣传周、民法典宣传月集中开展普法宣传，全年共开展法治宣传活动156场次。"
    # (the week's cue no longer drops the year's 156; the 20 of another kind is still added)
    assert report_indicators(body)["publicity_events"] >= 156


def test_review2_session15_reviews_done_with_counsels_help_are_legal_reviews() -> None:
    assert (
        report_indicators("聘请法律顾问协助审核重大执法决定5件、合同23份。")["legal_reviews"] == 28
    )


def test_review2_session15_leaflets_counted_with_give_aways_are_materials() -> None:
    assert report_indicators("全年发放宣传资料、宣传品1.2万余份。")["publicity_materials"] == 12000


def test_review2_session15_ocr_boxes_of_figures_alone_are_kept() -> None:
    import json

    from analysis.reading import unwrap_jsonl

    pages = [
        {
            "input_path": "某局报告第1页.png",
            "rec_texts": ["全年办理行政处罚案件", "1,286", "件，罚没款186.4万元。"],
        },
        {"input_path": "某局报告第2页.png", "rec_texts": ["二、存在的问题", "执法力量不足。"]},
    ]
    text = unwrap_jsonl("\n".join(json.dumps(p, ensure_ascii=False) for p in pages))
    lines = text.split("\n")
    assert lines[:3] == ["全年办理行政处罚案件", "1,286", "件，罚没款186.4万元。"]
    assert not any(line.startswith("某局报告") for line in lines)


def test_review2_session15_records_of_articles_are_not_one_report() -> None:
    import json

    from analysis.reading import unwrap_jsonl

    arts = [
        {
            "title": "某局2023年度法治政府建设情况报告",
            "date": "2024-01-20",
            "content": "一、主要工作\n" + "全年办理行政处罚案件1,286件。" * 14,
        },
        {
            "title": "某局关于开展专项整治的通知",
            "date": "2024-03-01",
            "content": "各中队：" + "现将有关事项通知如下。" * 12,
        },
    ]
    text = unwrap_jsonl("\n".join(json.dumps(a, ensure_ascii=False) for a in arts))
    assert text.startswith("某局2023年度法治政府建设情况报告\n发布时间：2024-01-20\n")
    assert "一、主要工作\n" in text and "专项整治的通知" in text.split("\n")[-2]


def test_review2_session15_a_wechat_bar_heading_is_still_a_heading() -> None:
    from analysis.sections import split_sections

    text = "某区城市管理局2023年法治政府建设工作报告\n｜依法履职\n（一）强化执法\n全年办理案件12件。\n（二）规范审查\n全年审查合同8件。\n｜存在的问题\n执法力量不足。\n"
    s = split_sections(text)
    assert (s["level"] == 2).sum() == 2


def test_review2_session15_a_phone_line_above_the_signature_does_not_hide_it() -> None:
    r = _clean(_H + _P + "电话：0577-86291735\n某县城市管理局\n2024年1月20日\n")
    assert r.metadata["signature_date"] == "2024-01-20"


def test_review2_session15_a_footers_logo_is_still_a_footer() -> None:
    r = _clean(_H + _P + "![](logo.png)\n杭州市人民政府\n")
    assert r.metadata["signature_name"] == ""


def test_review2_session15_latex_ranges_and_prices() -> None:
    from analysis.cleaning import _plain_math

    assert _plain_math("提高$1~3$倍") == "提高1~3倍"
    assert _plain_math("售价$1.5, $2.0不等") == "售价$1.5, $2.0不等"
    assert _plain_math("办理$2 1 4 7$件") == "办理2147件"


def test_review2_session15_a_restatement_in_a_sentence_with_a_new_figure() -> None:
    body = (
        "经法规股合法性审查的事项全年共86件，其中合同协议52份，重大行政执法决定9件。\n"
        "新增执法记录仪14台，上述9件重大执法决定均先审核、后决定。"
    )
    assert report_indicators(body)["legal_reviews"] == 86


# --- round 81 ---


def test_a_typical_cases_fine_is_not_the_years() -> None:
    body = (
        "全年立案查处违法案件2,947件，罚没款1,372.86万元。\n"
        "案例一：某公司违法建设案。我局依据《中华人民共和国城乡规划法》第六十四条，于4月1日作出行政处罚决定"
        "（城阳综执罚字〔2024〕第0317号），责令当事人在15日内自行拆除，并处建设工程造价8%的罚款4.72万元。"
    )
    assert report_indicators(body)["fines_yuan"] == 13728600


def test_cases_filed_beat_the_few_that_ended_in_a_penalty_decision() -> None:
    body = (
        "受理劳动者投诉举报1,094件，立案查处劳动保障违法案件168件，结案165件，结案率98.2%；"
        "对违法情节严重、拒不整改的用人单位作出行政处罚决定23件，罚款31.4万元。"
        "12333热线全年转办我局工单4,372件，按期办结率99.5%。"
    )
    got = report_indicators(body)
    assert (got["admin_penalty_cases"], got["completion_rate"]) == (168, 98.2)


def test_an_emission_concentration_is_a_quantity() -> None:
    assert ("3.6毫克/立方米", 3.6) in _raw_values("经检测，油烟排放浓度为3.6毫克/立方米。")


def test_wage_arrears_are_enforcement() -> None:
    assert theme("（二）深入推进根治欠薪") == "enforcement"


def _docx_dump(tables: str) -> str:
    """A Word file as python-docx gives it: paragraphs, the signature, then the tables."""
    return (
        "某市城市管理和综合执法局2023年法治政府建设工作报告\n一、主要工作\n"
        "全年办理行政处罚案件4,862宗，罚没款1,568.34万元，主要执法数据见表1。\n表1  2023年主要执法数据\n"
        "二、存在问题\n执法力量与任务不相匹配。\n某市城市管理和综合执法局\n2024年2月6日\n\n\n"
        + tables
    )


_DOCX_TABLE = (
    "序号\t类别\t指标\t单位\t2023年\t2022年\t同比\n增减\n"
    "1\t执法办案\t行政处罚案件\t宗\t4,862\t4,315\t+12.7%\n"
    "2\t执法办案\t其中：非现场执法案件\t宗\t1,037\t712\t+45.6%\n"
    "3\t执法办案\t罚没款\t万元\t1,568.34\t1,702.95\t-7.9%\n"
    "4\t复议诉讼\t行政复议案件\t件\t9\t13\t-30.8%\n"
)


def test_tables_written_after_the_signature_leave_the_signature() -> None:
    r = _clean(_docx_dump(_DOCX_TABLE))
    assert r.metadata["signature_date"] == "2024-02-06"


def test_a_tables_cell_of_two_paragraphs_keeps_its_row_on_one_line() -> None:
    r = _clean(_docx_dump(_DOCX_TABLE))
    assert "序号\t类别\t指标\t单位\t2023年\t2022年\t同比增减" in r.text.split("\n")
    # a header's second row of years stays a row
    two_rows = "类别\t指标\t办理数量\t同比增减（%）\n2023年\t2022年\n行政处罚\t立案总数（件）\t3,205\t2,946\t8.8\n简易程序（件）\t1,873\t1,702\t10.0\n"
    assert "2023年\t2022年" in _clean(_H + _P + two_rows + _P).text.split("\n")


def test_a_column_of_groups_repeated_before_the_label() -> None:
    m = process_text("r", _clean(_docx_dump(_DOCX_TABLE)).text)["metrics"]
    got = set(zip(m["raw"], m["value"], strict=True))
    assert {("4,315", 4315), ("1,037", 1037), ("1,702.95", 17029500), ("13", 13)} <= got


def test_a_reconsiderations_outcomes_are_not_added() -> None:
    tables = (
        "执法类别\t执法事项\t单位\t数量\t备注\n"
        "行政复议\t被申请行政复议\t件\t9\t维持7件，终止2件\n"
        "行政诉讼\t一审被诉\t件\t5\t审结3件，均胜诉\n"
    )
    text = _docx_dump(tables).replace(
        "执法力量与任务不相匹配。", "全年被申请行政复议9件，经复议维持7件，申请人撤回申请终止2件。"
    )
    assert indicators(_clean(text).text)["admin_reconsideration_cases"] == 9


# --- round 82 ---


def test_footnotes_and_a_reviewers_comment_after_the_signature() -> None:
    body = (
        _H
        + _P
        + "某县城市管理局\n\n2025年1月22日\n\n[1]结案率为当年立案并在年底前办结的案件数占立案总数的比例。\n\n[a]表中数据已核对一致，定稿前请删除此批注。\n"
    )
    r = _clean(body)
    assert r.metadata["signature_date"] == "2025-01-22"  # (the notes stay, below the signature)


def test_lawsuits_said_as_sued() -> None:
    body = (
        "行政复议方面，本局全年被申请复议7件，维持5件；行政诉讼方面，本局被诉3件，法院已审结2件。"
    )
    assert report_indicators(body)["admin_litigation_cases"] == 3


def test_reviews_of_petition_replies_are_no_petitions() -> None:
    body = "审核涉法文件及信访答复意见29件。全年共接待处理群众来信来访54件，办结率100%。"
    assert report_indicators(body)["petitions"] == 54


def test_school_visits_are_a_quantity() -> None:
    assert ("924所次", 924) in _raw_values("全年开展学校安全检查924所次。")


@pytest.mark.parametrize(
    ("heading", "category"),
    [("（二）非现场执法覆盖还不均衡", "problems"), ("（一）持续深化“两违”治理", "enforcement")],
)
def test_round82_themes(heading: str, category: str) -> None:
    assert theme(heading) == category


def test_a_bureaus_enforcement_cases_filed_said_as_执法立案() -> None:
    body = "全年教育行政执法立案21件，其中查处违规开展学科类培训案件13件、无证办学案件6件。作出行政处罚决定16件。"
    assert report_indicators(body)["admin_penalty_cases"] == 21


def test_a_translation_under_a_chinese_marker_is_no_heading() -> None:
    from analysis.sections import split_sections

    text = (
        "某区城市管理综合行政执法局2023年法治政府建设情况报告\n一、主要工作\n（一）强化执法监督\n全年办理案件12件。\n"
        "（二）提升执法能力\n全年培训3期。\n（二）Doigwnz soqcih hawj naengzlig, cibfap daezsang caetliengh\n"
        "Bi ndeu ciengz guh 3 baez.\n二、存在问题\n执法力量不足。\n"
    )
    s = split_sections(text)
    assert list(s[s["level"] > 0]["marker"]) == ["一、", "(一)", "(二)", "二、"]


def test_documents_looked_back_at_are_documents_reviewed() -> None:
    body = "组织对本局制发的现行规范性文件逐件“回头看”，涉及文件10件，经评估保留7件、修改1件、废止2件，清理结果已向社会公布。"
    assert report_indicators(body)["normative_documents_reviewed"] == 10


def test_a_bulleted_list_under_a_total_is_its_parts() -> None:
    body = (
        "全年开展各类普法活动127场次，发放宣传资料1.56万份。\n"
        "● “法律进商圈”：开展户外广告法规宣讲36场次；\n"
        "● “法律进乡村”：在石山、永兴等镇开展宣传41场次，其中：\n"
        "○ 开展禁塑政策宣传22场次；\n"
        "● “法律进校园”：开展垃圾分类主题宣传22场次。\n"
        "宪法宣传周（含“12·4”国家宪法日）期间集中宣传9场次。"
    )
    assert report_indicators(body)["publicity_events"] == 127


def test_cases_filed_on_what_drone_patrols_found() -> None:
    body = "全年立案查处违法案件120件。运用无人机开展巡查86架次，对发现的问题立案查处15起。"
    assert report_indicators(body)["digital_cases"] == 15


def test_a_publicity_weeks_events_in_brackets_leave_the_years_materials() -> None:
    body = (
        "全年开展普法宣传活动96场次（“12·4”宪法宣传周集中开展12场次），发放宣传资料1.85万份。\n"
        "“八五”普法期间，我局累计开展普法活动350余场次、发放宣传资料8.7万余份，已通过总结验收。"
    )
    assert report_indicators(body)["publicity_materials"] == 18500


def test_petitions_counted_after_their_topic() -> None:
    body = "群众来信来访方面，全年办理46件（次），按期办结率100%；承接12345便民服务平台转办诉求8,412件。"
    assert report_indicators(body)["petitions"] == 46


# --- round 83 ---


def test_a_traditional_mirror_saved_in_big5_is_read() -> None:
    from analysis.reading import decode_report_bytes

    page = (
        "廈門市思明區城市管理局2023年法治政府建設工作報告\n一、主要工作\n"
        "全年辦理行政處罰案件1,286件，罰沒款186.4萬元。我局作為被申請人的行政覆議案件共5件，"
        "其中覆議機關維持3件。依法行政水平持續提升，為建設高素質高顏值現代化國際化城市提供法治保障。\n"
    )
    text, encoding = decode_report_bytes(page.encode("big5"), "r.txt")
    assert encoding == "big5"
    r = _clean(text)
    assert "全年办理行政处罚案件1,286件" in r.text and "行政复议案件共5件" in r.text
    assert indicators(r.text)["admin_reconsideration_cases"] == 5


def test_a_task_ledger_exported_to_csv_is_read_as_a_report() -> None:
    from analysis.reading import decode_report_bytes

    rows = [
        "某区综合行政执法局2024年度法治政府建设重点任务推进落实台账,,,,,",
        "序号,工作类别,工作任务,完成情况,责任科室,完成时间",
        "1,党政主要负责人履职,履行第一责任人职责,局主要负责人对法治建设重要工作亲自部署。全年5次在局党组会上专题研究法治建设工作，审议议题13项。,办公室,2024年12月",
        "2,,落实年终述法,局主要负责人在区委全面依法治区委员会述法评议会上现场述法1次，共提交述法报告29份。,办公室,2024年12月",
        '3,严格规范执法,规范执法办案,"全年办理行政处罚案件5,126件，罚没款2,254.3万元，结案率96.9%。",执法科,2024年12月',
        '4,,推进非现场执法,"全年通过非现场方式办理案件1,906件，占全部案件的37.2%，覆盖全部16个镇街。",执法科,2024年12月',
        "5,普法宣传,落实普法责任制,全年开展各类普法宣传活动172场次，发放宣传资料3.2万份，覆盖群众4.1万人次。,宣传科,2024年12月",
        ",,,,,",
        "注：本台账数据统计时间为2024年1月1日至12月31日。,,,,,",
    ]
    text, _ = decode_report_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"), "r.csv")
    r = _clean(text)
    lines = r.text.split("\n")
    assert lines[0] == "某区综合行政执法局2024年度法治政府建设重点任务推进落实台账"
    assert "严格规范执法" in lines and "普法宣传" in lines
    assert "全年办理行政处罚案件5,126件，罚没款2,254.3万元，结案率96.9%。" in lines
    assert "执法科" not in r.text  # the row's other cells are recorded, not text
    got = indicators(r.text)
    assert (got["admin_penalty_cases"], got["publicity_events"]) == (5126, 172)


def test_a_quoted_publicity_weeks_events_are_part_of_the_years() -> None:
    body = "全年开展各类普法宣传活动172场次，“宪法宣传周”期间举办20场次，“民法典宣传月”期间举办12场次。"
    assert report_indicators(body)["publicity_events"] == 172


# --- review of rounds 81-83 (rv29) ---


def test_review3_session15_a_report_with_a_keyword_line_is_no_ledger() -> None:
    from analysis.reading import unwrap_ledger

    text = (
        "某县城市管理局2023年法治政府建设年度报告\n法治政府,依法行政,城市管理\n"
        "2023年以来,我局全面推进依法行政,各项工作取得明显成效,现将有关情况报告如下。\n一、主要工作\n"
        "全年共办理行政处罚案件120件,罚没款36.5万元,各项工作取得明显成效,群众满意度持续提升。\n"
        "我局落实行政执法责任制,全年组织执法人员培训6期,参训420人次。\n"
        "我局落实普法责任制要求,全年开展各类普法宣传活动36场次,发放宣传资料1.2万份。\n二、存在问题\n执法力量不足。\n"
    )
    assert unwrap_ledger(text) == text


def test_review3_session15_a_caption_between_two_tables_is_no_cells_rest() -> None:
    from analysis.cleaning import _cell_continuations

    raws = [
        "项目\t2022年\t2023年",
        "罚没款\t172\t186",
        "3.复议诉讼情况",
        "项目\t2022年\t2023年",
        "复议\t5\t7",
    ]
    assert _cell_continuations(raws) == set()


def test_review3_session15_a_publicity_week_with_a_bracket_after_it_is_still_part() -> None:
    body = (
        "全年开展普法宣传活动96场次，发放宣传资料1.85万份。"
        "宪法宣传周期间，开展集中宣传活动（含线上）12场次，发放宣传资料3000份。"
    )
    got = report_indicators(body)
    assert (got["publicity_events"], got["publicity_materials"]) == (96, 18500)


def test_review3_session15_bullets_without_a_space() -> None:
    body = (
        "全年开展各类普法活动127场次。\n●“法律进商圈”：开展法规宣讲36场次；\n"
        "●“法律进乡村”：开展宣传41场次；\n●“法律进校园”：开展主题宣传50场次。"
    )
    assert report_indicators(body)["publicity_events"] == 127


def test_review3_session15_a_ledgers_group_column_is_the_named_one() -> None:
    from analysis.reading import unwrap_ledger

    rows = [
        "序号,工作类别,完成情况,备注",
        "1,党政主要负责人履职,局主要负责人全年5次在局党组会上专题研究法治建设工作，审议议题13项。,",
        "2,,局主要负责人现场述法1次，共提交述法报告29份，法治建设考核全覆盖。,已完成",
        "3,严格规范执法,全年办理行政处罚案件5126件，罚没款2254.3万元，结案率96.9%。,",
        "4,,全年通过非现场方式办理案件1906件，占全部案件的37.2%，覆盖全部镇街。,已完成",
    ]
    lines = unwrap_ledger("\n".join(rows) + "\n").split("\n")
    assert "党政主要负责人履职" in lines and "严格规范执法" in lines and "已完成" not in lines


def test_review3_session15_a_few_high_bytes_are_not_big5() -> None:
    from analysis.reading import ReportReadError, decode_report_bytes

    noise = "報告".encode("big5") + bytes(range(0xA1, 0xFE, 3))
    with pytest.raises(ReportReadError):
        decode_report_bytes(noise, "r.txt")
