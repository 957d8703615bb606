"""Session 15: rules from held-out rounds 78 on, each with a hand-made input."""

from __future__ import annotations

import pytest
from snippets import in_report, indicators, theme

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
    assert indicators(in_report(body))["admin_penalty_cases"] == 47


def test_the_documents_in_force_taken_up_in_a_clean_up_without_their_noun() -> None:
    body = "下半年组织开展规范性文件专项清理，对现行有效的21件逐件评估，清理后保留17件、废止4件。"
    assert indicators(in_report(body))["normative_documents_reviewed"] == 21


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("（六）加强矿产资源管理和地质灾害防治", "safety_emergency"),
        ("（三）持续优化不动产登记服务", "business_environment"),
    ],
)
def test_a_natural_resources_bureaus_themes(heading: str, category: str) -> None:
    assert theme(heading) == category
