"""Session 16: rules from held-out rounds 84 on, each with a hand-made input."""

from __future__ import annotations

from analysis.reading import decode_report_bytes


def test_a_gbk_page_s_style_sheet_does_not_count_against_its_share_of_chinese() -> None:
    css = "".join(
        f".c{k} {{ margin: 0 {k}px; font-family: SimSun, Arial; color: #333; }}\n"
        for k in range(60)
    )
    script = (
        "var _hmt = _hmt || []; (function() { var hm = document.createElement('script'); })();\n"
        * 10
    )
    body = "我局2023年全面推进依法行政，严格规范公正文明执法，全年查处案件120件。" * 6
    page = (
        '<html><head><meta charset="gb2312"><style type="text/css">\n' + css + "</style>\n"
        "<script>\n" + script + "</script></head>\n<body><p>" + body + "</p></body></html>\n"
    )
    text, encoding = decode_report_bytes(page.encode("gbk"), "p.html")
    assert encoding == "gb18030"
    assert "全年查处案件120件" in text


def _qp_page(body: str) -> bytes:
    import quopri

    html = f'<html><head><meta charset="gb2312"><title>报告</title></head><body><p>{body}</p></body></html>'
    qp = quopri.encodestring(html.encode("gbk")).decode("ascii")
    head = (
        "From: <Saved by a tool>\r\nSubject: =?gb2312?B?sai45w==?=\r\nMIME-Version: 1.0\r\n"
        'Content-Type: text/html;\r\n\tcharset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
        "Content-Location: http://www.example.gov.cn/art/2024/1/20/art_1.html\r\n\r\n"
    )
    return (head + qp.replace("\n", "\r\n")).encode("ascii")


def test_a_single_part_mhtml_page_is_decoded_from_its_transfer_encoding() -> None:
    body = (
        "我局2023年全面推进依法行政，严格规范公正文明执法，全年查处违法案件1,236件，罚没款86.5万元。"
        * 3
    )
    text, _ = decode_report_bytes(_qp_page(body), "p.mhtml")
    assert "全年查处违法案件1,236件，罚没款86.5万元" in text
    assert "=E" not in text and "=\n" not in text  # no quoted-printable left
    assert '"Content-Location": http://www.example.gov.cn/art/2024/1/20/art_1.html' in text


def test_a_plain_e_mail_in_8bit_is_left_as_it_is_written() -> None:
    mail = (
        "From: a@example.cn\nTo: b@example.cn\nSubject: 报告\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        "各位领导：\n现将我局2023年度法治政府建设情况报告如下。全年查处案件96件。\n"
    )
    text, _ = decode_report_bytes(mail.encode("utf-8"), "m.eml")
    assert text == mail
