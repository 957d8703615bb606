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
