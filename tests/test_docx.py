"""Reports saved as Word .docx: read from the zip's XML with Word's automatic numbering,
tables, text boxes and notes, as Word shows them. Every document here is written by hand
below, element by element, in the shapes Word writes (split runs, proofing marks,
bookmarks, tracked changes, field codes, a text box given twice)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from analysis import docx_text as dx
from analysis.build import process_text, read_corpus
from analysis.manifest import MANIFEST_COLUMNS, validate_raw
from analysis.reading import ReportReadError, decode_report_bytes, read_report

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def run(text: str) -> str:
    return f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, num: tuple[str, int] | None = None, style: str | None = None) -> str:
    ppr = ""
    if num or style:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{ppr}{body}</w:p>"


def level(
    ilvl: int, fmt: str, text: str, start: int = 1, style: str = "", suff: str | None = "nothing"
) -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""  # (none: Word's default, a tab)
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{pstyle}<w:lvlText w:val="{text}"/>{suffix}</w:lvl>'
    )


OUTLINE = (  # 一、 / （一） / 1.
    '<w:abstractNum w:abstractNumId="0">'
    + level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%3.")
    + "</w:abstractNum>"
)


def docx(
    body: list[str],
    numbering: str = OUTLINE,
    nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    styles: str = "",
    extra: dict[str, str] | None = None,
) -> bytes:
    doc = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", doc)
        if numbering or nums:
            z.writestr("word/numbering.xml", f"<w:numbering {NS}>{numbering}{nums}</w:numbering>")
        if styles:
            z.writestr("word/styles.xml", f"<w:styles {NS}>{styles}</w:styles>")
        for name, xml in (extra or {}).items():
            z.writestr(name, xml)
    return buf.getvalue()


def lines_of(data: bytes) -> list[str]:
    text, encoding = decode_report_bytes(data, "r.docx")
    assert encoding == "docx"
    return text.split("\n")


def test_word_s_automatic_outline_numbers_are_written_as_word_shows_them() -> None:
    data = docx(
        [
            para("某区城市管理局2023年度法治政府建设工作报告"),
            para("加强组织领导", num=("1", 0)),
            para("健全工作机制", num=("1", 1)),
            para("召开会议", num=("1", 2)),
            para("开展督查", num=("1", 2)),
            para("强化学习培训", num=("1", 1)),
            para("严格规范执法", num=("1", 0)),
            para("规范执法程序", num=("1", 1)),
        ]
    )
    assert lines_of(data)[:8] == [
        "某区城市管理局2023年度法治政府建设工作报告",
        "一、加强组织领导",
        "（一）健全工作机制",
        "1.召开会议",
        "2.开展督查",
        "（二）强化学习培训",
        "二、严格规范执法",
        "（一）规范执法程序",  # a lower level starts again under a new upper one
    ]


def test_numbering_given_by_a_heading_style_and_its_level_s_style() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="5">'
        + level(0, "chineseCounting", "%1、", style="Heading1")
        + level(1, "chineseCounting", "（%2）", style="Heading2")
        + "</w:abstractNum>"
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="MyH2"><w:basedOn w:val="Heading2"/></w:style>'
    )
    data = docx(
        [
            para("坚持党的领导", style="Heading1"),
            para("压实责任", style="Heading2"),
            para("带头学法", style="MyH2"),
            para("正文一段。"),
            para("规范执法", style="Heading1"),
        ],
        numbering=numbering,
        nums='<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>',
        styles=styles,
    )
    assert lines_of(data)[:5] == [
        "一、坚持党的领导",
        "（一）压实责任",
        "（二）带头学法",
        "正文一段。",
        "二、规范执法",
    ]


def test_a_list_continues_across_instances_unless_one_restarts_it() -> None:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    data = docx(
        [
            para("甲", num=("1", 2)),
            para("乙", num=("1", 2)),
            para("丙", num=("2", 2)),  # Continue Numbering
            para("丁", num=("4", 2)),  # Restart Numbering
            para("戊", num=("4", 2)),
        ],
        nums=nums,
    )
    assert lines_of(data)[:5] == ["1.甲", "2.乙", "3.丙", "1.丁", "2.戊"]


@pytest.mark.parametrize(
    ("n", "fmt", "want"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (23, "chineseCounting", "二十三"),
        (3, "ideographTraditional", "丙"),
        (4, "decimalEnclosedCircle", "④"),
        (2, "decimalEnclosedParen", "⑵"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalZero", "07"),
    ],
)
def test_word_s_number_formats(n: int, fmt: str, want: str) -> None:
    assert dx.format_number(n, fmt) == want


def test_split_runs_marks_tracked_changes_and_fields_read_as_the_page_shows() -> None:
    data = docx(
        [
            para(
                '<w:proofErr w:type="spellStart"/>',
                "全年查处",
                '<w:bookmarkStart w:id="0" w:name="_Toc1"/>',
                "违法案件",
                '<w:bookmarkEnd w:id="0"/>',
                '<w:del w:id="1" w:author="a"><w:r><w:delText>1,200件，</w:delText></w:r></w:del>',
                '<w:ins w:id="2" w:author="a">' + run("1,236件，") + "</w:ins>",
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                "罚没款86.5万元",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                "。",
            ),
            para("项目", "<w:r><w:tab/></w:r>", "数量"),
        ]
    )
    got = lines_of(data)
    assert got[0] == "全年查处违法案件1,236件，罚没款86.5万元。"
    assert got[1] == "项目\t数量"


def test_a_table_is_one_row_a_line_its_cells_apart_by_a_tab() -> None:
    def cell(*paras: str) -> str:
        return "<w:tc>" + "".join(para(p) for p in paras) + "</w:tc>"

    table = (
        "<w:tbl>"
        + "<w:tr>"
        + cell("项目")
        + cell("2022年")
        + cell("2023年")
        + "</w:tr>"
        + "<w:tr>"
        + cell("行政处罚案件", "（件）")
        + cell("1,173")
        + cell("1,286")
        + "</w:tr>"
        + "</w:tbl>"
    )
    data = docx([para("主要数据如下："), table, para("以上数据截至12月31日。")])
    assert lines_of(data)[:4] == [
        "主要数据如下：",
        "项目\t2022年\t2023年",
        "行政处罚案件 （件）\t1,173\t1,286",
        "以上数据截至12月31日。",
    ]


def test_a_text_box_given_twice_for_old_readers_is_read_once() -> None:
    box = para("全年办理复议案件3件。")
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    text = "\n".join(lines_of(docx([para("正文。", drawing), para("下一段。")])))
    assert text.count("全年办理复议案件3件。") == 1
    assert text.index("正文。") < text.index("全年办理复议案件3件。") < text.index("下一段。")


def test_notes_headers_and_properties_are_recorded_after_the_body_not_read() -> None:
    footnotes = (
        f"<w:footnotes {NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1">{para("含渔政执法案件12件。")}</w:footnote></w:footnotes>'
    )
    header = f"<w:hdr {NS}>{para('某区城市管理局')}</w:hdr>"
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>新建文档</dc:title>'
        "<dcterms:modified>2024-03-01T08:00:00Z</dcterms:modified></cp:coreProperties>"
    )
    data = docx(
        [para("全年查处案件96件", '<w:r><w:footnoteReference w:id="1"/></w:r>', "。")],
        extra={
            "word/footnotes.xml": footnotes,
            "word/header1.xml": header,
            "docProps/core.xml": core,
        },
    )
    got = lines_of(data)
    assert got[0] == "全年查处案件96件[1]。"
    assert '"footnote.1": 含渔政执法案件12件。' in got
    assert '"header.1": 某区城市管理局' in got
    assert '"docx.title": 新建文档' in got
    assert '"docx.modified": 2024-03-01T08:00:00Z' in got


def _raw_folder(tmp_path: Path, files: dict[str, bytes], listed: list[str]) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in files.items():
        (raw / name).write_bytes(data)
    with open(raw / "reports.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(MANIFEST_COLUMNS)
        for name in listed:
            w.writerow(
                [{"report_id": Path(name).stem, "file": name}.get(c, "") for c in MANIFEST_COLUMNS]
            )
    return raw


REPORT = [
    para("九江市濂溪区城市管理局2023年度法治政府建设工作报告"),
    para("2023年，我局坚持以习近平法治思想为指导，全面推进依法行政。"),
    para("加强组织领导", num=("1", 0)),
    para("健全工作机制", num=("1", 1)),
    para("全年召开专题会议4次，研究解决问题12个。"),
    para("严格规范执法", num=("1", 0)),
    para("规范执法程序", num=("1", 1)),
    para("全年查处违法案件1,236件，罚没款86.5万元。"),
    para("九江市濂溪区城市管理局"),
    para("2024年1月18日"),
]


def test_a_listed_docx_is_built_into_sections_quantities_and_metadata(tmp_path: Path) -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Administrator</dc:creator>'
        "<dcterms:created>2020-05-05T08:00:00Z</dcterms:created></cp:coreProperties>"
    )
    raw = _raw_folder(
        tmp_path, {"lx.docx": docx(REPORT, extra={"docProps/core.xml": core})}, ["lx.docx"]
    )
    folder = validate_raw(raw)
    assert folder.errors == []
    corpus = read_corpus(folder)
    rep = corpus.reports.iloc[0]
    assert (rep["encoding"], rep["year"], rep["published"]) == ("docx", 2023, "2024-01-18")
    assert rep["bureau"] == "九江市濂溪区城市管理局"
    sections = process_text("lx", corpus.texts["lx"])["sections"]
    top = sections[sections["level"] > 0]
    assert list(zip(top["marker"], top["heading"], strict=True)) == [
        ("一、", "加强组织领导"),
        ("(一)", "健全工作机制"),
        ("二、", "严格规范执法"),
        ("(一)", "规范执法程序"),
    ]
    metrics = process_text("lx", corpus.texts["lx"])["metrics"]
    assert set(metrics["raw"]) == {"4次", "12个", "1,236件", "86.5万元"}
    removed = corpus.cleaning.query("report_id == 'lx'")
    assert {"json_field"} <= set(removed["rule"])
    assert '"docx.created": 2020-05-05T08:00:00Z' in set(removed["text"])


def test_an_unlisted_docx_is_named_in_a_warning_and_not_read(tmp_path: Path) -> None:
    raw = _raw_folder(tmp_path, {"lx.docx": docx(REPORT)}, [])
    folder = validate_raw(raw)
    assert [r["file"] for r in folder.rows] == []
    warning = next(p for p in folder.problems if p.file == "lx.docx")
    assert warning.severity == "warning" and "once a row names it" in warning.message


def test_a_zip_that_is_no_word_document_is_refused_with_what_to_do(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("content.xml", "<office:document-content/>")
    path = tmp_path / "r.txt"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReportReadError, match=r"r\.txt: this is a Word \(\.docx\) or other zipped"):
        read_report(path)


def test_a_docx_whose_xml_declares_entities_is_refused(tmp_path: Path) -> None:
    data = docx([para("正文。")])
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            xml = src.read(name)
            if name == "word/document.xml":
                xml = (
                    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
                    + xml.split(b"?>", 1)[1]
                )
            dst.writestr(name, xml)
    path = tmp_path / "r.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(
        ReportReadError, match=r"r\.docx: this Word \(\.docx\) file cannot be read.*document type"
    ):
        read_report(path)


def test_a_docx_part_larger_than_the_limit_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dx, "_PARTS_LIMIT", 200)
    path = tmp_path / "r.docx"
    path.write_bytes(docx([para("正文。" * 100)]))
    with pytest.raises(ReportReadError, match=r"r\.docx: .*unzips to"):
        read_report(path)


def test_the_build_cache_is_invalidated_by_a_change_to_the_word_reader() -> None:
    from analysis import build

    assert "docx_text" in build.PIPELINE_MODULES


# --- review of session 16 (rv30) ---


def test_review_session16_a_list_number_is_set_apart_from_a_figure_after_it() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + level(0, "chineseCounting", "%1、", suff=None)
        + level(1, "decimal", "%2.", suff=None)
        + "</w:abstractNum>"
    )
    data = docx(
        [
            para("加强组织领导", num=("1", 0)),
            para("3名局领导带头讲法治课，全年组织集中学法6次。", num=("1", 1)),
            para("12345热线工单办理3,456件。", num=("1", 1)),
        ],
        numbering=numbering,
    )
    got = lines_of(data)
    assert got[:3] == [
        "一、加强组织领导",
        "1. 3名局领导带头讲法治课，全年组织集中学法6次。",
        "2. 12345热线工单办理3,456件。",
    ]
    m = process_text("r", "\n".join(got))["metrics"]
    assert ("3名", 3) in set(zip(m["raw"], m["value"], strict=True))


def test_review_session16_a_damaged_docx_is_the_files_error_not_the_builds(tmp_path: Path) -> None:
    data = bytearray(docx([para("全年查处违法案件1,236件。")]))
    # a flipped byte inside the stored document part: its checksum fails
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr(
            "word/document.xml", zipfile.ZipFile(io.BytesIO(bytes(data))).read("word/document.xml")
        )
    broken = bytearray(buf.getvalue())
    broken[broken.find("全年".encode())] ^= 1
    raw = _raw_folder(
        tmp_path,
        {"bad.docx": bytes(broken), "ok.txt": "某局2023年度报告\n全年查处案件12件。\n".encode()},
        ["bad.docx"],
    )
    folder = validate_raw(raw)  # does not raise
    bad = [p for p in folder.problems if p.file == "bad.docx"]
    assert bad and bad[0].severity == "error" and "damaged" in bad[0].message
    assert "save it again" in bad[0].message


def test_review_session16_a_number_that_is_none_is_read_as_no_number() -> None:
    p = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val=""/><w:numId w:val="1"/></w:numPr></w:pPr>'
        + run("正文。")
        + "</w:p>"
    )
    assert lines_of(docx([p]))[0] == "一、正文。"


def test_review_session16_a_heading_deleted_with_its_mark_takes_no_number() -> None:
    deleted = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr></w:pPr>'
        '<w:del w:id="10" w:author="a"><w:r><w:delText>推进政务公开</w:delText></w:r></w:del></w:p>'
    )
    got = lines_of(
        docx(
            [
                para("加强组织领导", num=("1", 0)),
                para("正文。"),
                deleted,
                para("严格规范执法", num=("1", 0)),
            ]
        )
    )
    assert got[:3] == ["一、加强组织领导", "正文。", "二、严格规范执法"]


def test_review_session16_a_report_written_in_a_forms_cell_keeps_its_outline() -> None:
    def cell(*ps: str) -> str:
        return "<w:tc>" + "".join(para(p) for p in ps) + "</w:tc>"

    table = (
        "<w:tbl><w:tr>"
        + cell("年度情况")
        + cell(
            "一、加强组织领导",
            "全年召开专题会议4次。",
            "二、存在的问题",
            "执法人员专业能力有待提升。",
        )
        + "</w:tr></w:tbl>"
    )
    got = lines_of(docx([para("某区城市管理局2023年度法治政府建设情况报告表"), table]))
    assert got[1:6] == [
        "年度情况",
        "一、加强组织领导",
        "全年召开专题会议4次。",
        "二、存在的问题",
        "执法人员专业能力有待提升。",
    ]


def test_review_session16_a_table_of_contents_is_removed_as_one() -> None:
    from analysis.cleaning import clean_text

    def entry(text: str, page: str) -> str:
        return (
            f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:hyperlink w:anchor="_Toc1">{run(text)}'
            '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            "<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>"
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(page)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>'
        )

    data = docx(
        [
            para("某区城市管理局2023年度法治政府建设工作报告"),
            para("目  录"),
            entry("一、加强组织领导", "1"),
            entry("二、存在的问题", "3"),
            para("一、加强组织领导"),
            para(
                "全年召开专题会议4次，研究解决问题12个，各项工作取得明显成效，群众满意度持续提升。"
            ),
            para("二、存在的问题"),
            para("执法人员专业能力有待提升，基层执法力量相对薄弱，信息化水平仍需提高。"),
        ]
    )
    r = clean_text(decode_report_bytes(data, "r.docx")[0])
    assert "加强组织领导……" not in r.text
    assert set(r.removed.loc[r.removed["text"].str.contains("……"), "rule"]) == {"toc"}
    top = process_text("r", r.text)["sections"]
    assert list(top.loc[top["level"] == 1, "heading"]) == ["加强组织领导", "存在的问题"]


def test_review_session16_rows_and_cells_inside_content_controls_keep_their_place() -> None:
    def cell(text: str) -> str:
        return f"<w:tc>{para(text)}</w:tc>"

    table = (
        "<w:tbl><w:tr><w:sdt><w:sdtContent>"
        + cell("行政处罚案件")
        + "</w:sdtContent></w:sdt>"
        + cell("1,173")
        + cell("1,286")
        + "</w:tr><w:sdt><w:sdtContent><w:tr>"
        + cell("罚没款(万元)")
        + cell("86.5")
        + cell("92.1")
        + "</w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    got = lines_of(docx([para("表："), table, para("完。")]))
    assert got[:4] == ["表：", "行政处罚案件\t1,173\t1,286", "罚没款(万元)\t86.5\t92.1", "完。"]


def test_review_session16_a_list_through_a_list_style_and_an_instances_own_level() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="MyList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="MyList"/>'
        + level(0, "chineseCounting", "%1、")
        + "</w:abstractNum>"
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        + level(0, "decimal", "第%1部分", suff="space")
        + "</w:lvlOverride></w:num>"
    )
    styles = '<w:style w:type="numbering" w:styleId="MyList"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    got = lines_of(
        docx(
            [
                para("加强组织领导", num=("1", 0)),
                para("严格执法", num=("1", 0)),
                para("总体情况", num=("3", 0)),
            ],
            numbering=numbering,
            nums=nums,
            styles=styles,
        )
    )
    assert got[:3] == ["一、加强组织领导", "二、严格执法", "第1部分 总体情况"]


def test_review_session16_body_level_alternate_content_hidden_text_and_symbol_bullets() -> None:
    alt = (
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        + para("全年查处违法案件1,236件。")
        + "</mc:Choice><mc:Fallback>"
        + para("全年查处违法案件1,236件。")
        + "</mc:Fallback></mc:AlternateContent>"
    )
    hidden = (
        "<w:p><w:r><w:t>全年罚没款</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部稿）</w:t></w:r>"
        "<w:r><w:t>86.5万元。</w:t></w:r></w:p>"
    )
    numbering = '<w:abstractNum w:abstractNumId="7">' + level(0, "bullet", "Ø") + "</w:abstractNum>"
    got = lines_of(
        docx(
            [para("前。"), alt, hidden, para("检查商户", num=("9", 0)), para("后。")],
            numbering=numbering,
            nums='<w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>',
        )
    )
    assert got[:5] == [
        "前。",
        "全年查处违法案件1,236件。",
        "全年罚没款86.5万元。",
        "• 检查商户",
        "后。",
    ]


def test_review_session16_an_embedded_chunk_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(
        docx(
            [
                '<w:altChunk r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            ]
        )
    )
    with pytest.raises(ReportReadError, match=r"embedded document \(altChunk\).*save it again"):
        read_report(path)


def test_review_session16_strict_open_xml_is_read() -> None:
    strict = docx([para("全年查处违法案件1,236件。")]).replace(b"", b"")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            dst.writestr(
                name,
                src.read(name).replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                ),
            )
    assert lines_of(buf.getvalue())[0] == "全年查处违法案件1,236件。"


def test_review_session16_a_doctype_anywhere_in_a_part_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    doc = f'<?xml version="1.0"?><!--{"x" * 5000}--><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document {NS}><w:body>{para("正文。")}</w:body></w:document>'
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", doc)
    path = tmp_path / "r.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReportReadError, match="document type"):
        read_report(path)


def test_review_session16_a_huge_list_start_is_capped_as_words_is() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + level(0, "upperRoman", "%1.", start=10**12)
        + "</w:abstractNum>"
    )
    line = lines_of(docx([para("总体情况", num=("1", 0))], numbering=numbering))[0]
    assert line.endswith(".总体情况") and len(line) < 60  # (32767: 32 M's, not 10**9)


def test_review_session16_words_lock_file_is_not_named_in_a_warning(tmp_path: Path) -> None:
    raw = _raw_folder(tmp_path, {"~$报告.docx": b"\x00" * 162}, [])
    assert not [p for p in validate_raw(raw).problems if p.file.startswith("~$")]


# --- review of session 16, second part (rv31) ---


def test_review2_session16_a_data_tables_remarks_cell_keeps_its_row_whole() -> None:
    def cell(*ps: str) -> str:
        return "<w:tc>" + "".join(para(p) for p in ps) + "</w:tc>"

    table = (
        "<w:tbl><w:tr>"
        + cell("指标")
        + cell("数量")
        + cell("备注")
        + "</w:tr><w:tr>"
        + cell("行政处罚案件")
        + cell("126件")
        + cell("其中简易程序案件86件，一般程序案件40件。", "较上年增长12%。")
        + "</w:tr></w:tbl>"
    )
    got = lines_of(docx([para("主要数据："), table]))
    assert got[2].startswith("行政处罚案件\t126件\t")


def test_review2_session16_a_hidden_numbered_paragraph_takes_no_number() -> None:
    hidden = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        "<w:rPr><w:vanish/></w:rPr></w:pPr>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>内部事项</w:t></w:r></w:p>"
    )
    got = lines_of(
        docx([para("加强组织领导", num=("1", 0)), hidden, para("严格规范执法", num=("1", 0))])
    )
    assert got[:2] == ["一、加强组织领导", "二、严格规范执法"]


def test_review2_session16_a_zip_with_a_version_python_cannot_read_is_refused(
    tmp_path: Path,
) -> None:
    data = bytearray(docx([para("全年查处违法案件1,236件。")]))
    # the local header's "version needed to extract" of the first entry: far beyond any reader's
    data[4:6] = (999).to_bytes(2, "little")
    cd = data.rfind(b"PK\x01\x02")
    first_cd = data.find(b"PK\x01\x02")
    data[first_cd + 6 : first_cd + 8] = (999).to_bytes(2, "little")
    path = tmp_path / "r.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ReportReadError, match=r"r\.docx"):
        read_report(path)
    assert cd >= first_cd
