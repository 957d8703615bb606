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


_LEDGER = [
    "某区综合行政执法局2024年度法治政府建设重点任务推进落实台账,,,,,",
    "序号,工作类别,工作任务,完成情况,责任科室,完成时间",
    "1,党政主要负责人履职,履行第一责任人职责,局主要负责人对法治建设重要工作亲自部署。全年5次在局党组会上专题研究法治建设工作，审议议题13项。,办公室,2024年12月",
    "2,,落实年终述法,局主要负责人在区委全面依法治区委员会述法评议会上现场述法1次，共提交述法报告29份。,办公室,2024年12月",
    '3,严格规范执法,规范执法办案,"全年办理行政处罚案件5,126件，罚没款2,254.3万元，结案率96.9%。",执法科,2024年12月',
    '4,,推进非现场执法,"全年通过非现场方式办理案件1,906件，占全部案件的37.2%，覆盖全部16个镇街。",执法科,2024年12月',
    "5,普法宣传,落实普法责任制,全年开展各类普法宣传活动172场次，发放宣传资料3.2万份，覆盖群众4.1万人次。,宣传科,2024年12月",
    ",,,,,",
    "注：本台账数据统计时间为2024年1月1日至12月31日。,,,,,",
    "填报人：钱某某,,审核人：陈某某,联系电话：0575-84000000,填报日期：2025年1月17日,",
]


def test_a_ledgers_sign_off_row_is_its_signature_and_its_date_the_reports() -> None:
    from analysis.cleaning import clean_text

    text, _ = decode_report_bytes(("\r\n".join(_LEDGER) + "\r\n").encode("utf-8"), "r.csv")
    r = clean_text(text)
    assert r.metadata["signature_date"] == "2025-01-17"
    removed = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert removed["填报人：钱某某"] == removed["填报日期：2025年1月17日"] == "signature"
    assert "钱某某" not in r.text


def test_a_reports_own_sign_off_lines_are_its_signature() -> None:
    from analysis.cleaning import clean_text

    body = "\n".join(
        [
            "某县市场监督管理局2023年度法治政府建设工作报告",
            "一、主要工作",
            "全年查处各类违法案件236件，罚没款128.6万元，办理行政复议案件2件。" * 3,
            "二、存在的问题",
            "执法人员专业能力有待提升，基层执法力量相对薄弱。" * 3,
            "填报人：王某某",
            "审核人：李某",
            "填报日期：2024年1月12日",
        ]
    )
    r = clean_text(body + "\n")
    assert r.metadata["signature_date"] == "2024-01-12"
    assert "王某某" not in r.text and "填报日期" not in r.text


def test_lawsuits_counted_after_their_topic() -> None:
    from snippets import report_indicators

    body = (
        "行政应诉方面，全年我局被诉3件，均已审结，无败诉案件。行政复议方面，全年被申请行政复议5件。"
    )
    got = report_indicators(body)
    assert (got["admin_litigation_cases"], got["admin_reconsideration_cases"]) == (3, 5)


def test_a_heading_that_sets_out_to_solve_an_imbalance_states_no_problem() -> None:
    from snippets import theme

    assert theme("着力破解城乡执法力量不均衡问题") != "problems"
    assert theme("缩小城乡差距") != "problems"
    # guards: the shortcoming itself, and one stated before its remedy
    assert theme("执法力量不均衡") == "problems"
    assert theme("依法行政能力不足,破解难题办法不多") == "problems"


def test_a_decision_number_in_the_subset_after_the_years_fines_leaves_them() -> None:
    from snippets import report_indicators

    body = "全年共查处违法案件326件，罚没款128.6万元，其中对某公司违法建设案（某综执罚决字〔2024〕15号）罚款32万元。"
    assert report_indicators(body)["fines_yuan"] == 1286000
    # guard: a single case told with its decision number is still no year's fine
    assert "fines_yuan" not in report_indicators(
        "对某公司违法建设案（某综执罚决字〔2024〕15号）罚款32万元。"
    )
