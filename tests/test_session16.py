"""Session 16: rules from held-out rounds 84 on, each with a hand-made input."""

from __future__ import annotations

import pytest
from snippets import indicators

from analysis.build import process_text
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
    '3,严格规范执法,规范执法办案,"全年办理行政处罚案件5,126件，罚没款2,254.3万元，结案率96.9%，案卷评查优良率进一步提升。",执法科,2024年12月',
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


# --- round 84 ---

_DECK = "\n".join(
    [
        "\ufeff第1页",
        "佛山市南海区文化广电旅游体育局",
        "2023年度法治政府建设工作情况汇报",
        "汇报单位：南海区文化广电旅游体育局",
        "2024年1月19日",
        "",
        "第2页",
        "一、2023年度法治政府建设主要工作举措及成效",
        "各位领导：下面我代表区文化广电旅游体育局，向大家汇报我局2023年推进法治政府建设的情况，请予审议。",
        "",
        "第3页",
        "（一）压紧压实法治建设责任，党组统揽全局",
        "▪ 局党组书记、局长扛起法治建设第一责任人职责，年内5次在党组会上专题研究法治政府建设",
        "▪ 将法治建设成效纳入局机关9个科室、3个直属单位年度绩效考核，分值占比不低于10%",
        "56",
        "名 持证执法人员",
        "11",
        "名 具有法律职业资格",
        "南海区文化广电旅游体育局",
        "备注：",
        "这里重点讲一下责任落实。我们把法治建设和文旅业务工作放在一起部署、一起检查、一起考核。",
        "",
        "第4页",
        "（二）严格规范公正文明执法，",
        "守护清朗文化市场",
        "■ 立案查处各类违法案件128件，其中一般程序115件、简易程序13件；办结123件",
        "■ 罚没款52.43万元（罚款49.87万元、没收违法所得2.56万元）",
        "【图表】2023年各领域立案数（单位：件）",
        "网吧\t34",
        "歌舞娱乐场所\t21",
        "旅游\t27",
        "南海区文化广电旅游体育局",
        "备注：",
        "补充说明一下案件结构：网吧和歌舞娱乐场所案件合计55件，占43%，主要是接纳未成年人和超时经营。",
        "",
        "第5页",
        "（二）严格规范公正文明执法，守护清朗文化市场（续）",
        "■ 演出市场：现场检查营业性演出72场次，大型演唱会实行“一场一方案”驻场监管",
        "■ 出版物：检查出版物经营单位486家次，收缴各类非法出版物3,640件",
        "1,118",
        "件 12345、12301热线工单",
        "南海区文化广电旅游体育局",
        "备注：",
        "这一页讲的是日常检查的情况。网吧、歌舞娱乐场所是我们的检查重点，坚持日常巡查和夜间突击检查相结合。",
        "",
        "第6页",
        "（三）创新普法形式，营造文旅法治氛围",
        "63",
        "场次 普法宣传活动",
        "2.1万余",
        "份 宣传资料",
        "• 宪法宣传周集中宣传8场次",
        "• 推出“文旅法治小课堂”短视频和图文126条",
        "南海区文化广电旅游体育局",
        "备注：",
        "我们把普法融入日常执法，执法检查时同步向经营者讲解法规、发放告知书，全年覆盖经营主体1,400余家。",
        "",
        "第7页",
        "谢谢！",
    ]
)


def _deck_clean():
    from analysis.cleaning import clean_text

    text, _ = decode_report_bytes(_DECK.encode("utf-8"), "deck.txt")
    return clean_text(text)


def test_a_slide_decks_bullets_figures_and_notes_stand_on_their_own_lines() -> None:
    lines = _deck_clean().text.split("\n")
    assert "（一）压紧压实法治建设责任，党组统揽全局" in lines
    assert "▪ 将法治建设成效纳入局机关9个科室、3个直属单位年度绩效考核，分值占比不低于10%" in lines
    assert lines.count("备注：") == 4  # a notes label is no running header
    assert {"56", "名 持证执法人员", "1,118", "2.1万余"} <= set(lines)  # no page numbers
    assert "【图表】2023年各领域立案数（单位：件）" in lines and "网吧\t34" in lines


def test_a_slide_title_broken_after_its_comma_is_one_heading() -> None:
    assert "（二）严格规范公正文明执法，守护清朗文化市场" in _deck_clean().text.split("\n")


def test_a_cover_date_under_the_title_is_the_reports_and_its_bureau_is_read() -> None:
    from analysis.metadata import infer_metadata

    r = _deck_clean()
    got = infer_metadata(r.text, r.metadata)
    assert got.published == "2024-01-19"
    assert got.bureau == "佛山市南海区文化广电旅游体育局"


def test_a_continued_slide_repeats_its_heading_as_no_new_section() -> None:
    from snippets import headings

    got = headings(_deck_clean().text)
    assert list(got["marker"]) == ["一、", "(一)", "(二)", "(三)"]


def test_a_slides_big_figures_over_their_unit_and_words_are_quantities() -> None:
    text = _deck_clean().text
    m = process_text("r", text)["metrics"]
    got = {(r, v, u) for r, v, u in zip(m["raw"], m["value"], m["unit"], strict=True)}
    assert {
        ("56", 56, "名"),
        ("11", 11, "名"),
        ("1,118", 1118, "件"),
        ("2.1万余", 21000, "份"),
    } <= got
    assert bool(m.loc[m["raw"] == "2.1万余", "approx"].iloc[0])
    ind = indicators(text)
    assert (ind["publicity_events"], ind["publicity_materials"]) == (63, 21000)


def test_each_bullet_is_a_sentence_of_its_own() -> None:
    m = process_text("r", _deck_clean().text)["metrics"]
    sentence = m.loc[m["raw"] == "72场次", "sentence"].iloc[0]
    assert "486家次" not in sentence


_FTZ = "\n".join(
    [
        "首页 Home > 政务公开 Government Affairs > 法治政府建设 Law-based Government",
        "中国（四川）自由贸易试验区川南临港片区综合行政执法局2023年度法治政府建设情况报告",
        "Report on the Construction of a Law-based Government in 2023",
        "发布时间 Release Date：2024-01-30 09:42",
        "一、强化法治引领 I. Strengthening the Leading Role of the Rule of Law",
        "2023年，我局全年查处各类违法案件1,347件，罚没款486.72万元。执法人员与市场主体配比约为1:312。"
        "片区位于泸州市龙马潭区，是四川省对外开放的重要平台。",
        "In 2023, the Bureau handled 1,347 cases and collected RMB 4.8672 million; the ratio of officers "
        "to market entities is about 1:312.",
        "二、优化营商环境",
        "全年新增外资到位1.37亿美元，办理涉企案件213件，依法适用首违不罚事项清单。泸州市人民政府指导片区工作。",
        "中国（四川）自由贸易试验区川南临港片区综合行政执法局",
        "2024年1月26日",
    ]
)


def test_a_free_trade_zones_area_is_the_jurisdiction_under_its_city() -> None:
    from analysis.cleaning import clean_text
    from analysis.metadata import infer_metadata, slug

    r = clean_text(_FTZ + "\n")
    got = infer_metadata(r.text, r.metadata)
    assert (got.jurisdiction, got.city, got.province, got.level) == (
        "中国（四川）自由贸易试验区川南临港片区",
        "泸州市",
        "四川省",
        "district",
    )
    assert got.bureau == "中国（四川）自由贸易试验区川南临港片区综合行政执法局"
    assert slug(got.jurisdiction, "2023") == "chuannanlingang_2023"


def test_a_headings_english_translation_on_its_line_is_no_part_of_it() -> None:
    from snippets import headings

    got = headings(_FTZ + "\n")
    assert list(got["heading"]) == ["强化法治引领", "优化营商环境"]


def test_a_translations_ratio_restates_the_chinese_one() -> None:
    m = process_text("r", _FTZ + "\n")["metrics"]
    assert list(m.loc[m["unit"] == "ratio", "raw"]) == ["1:312"]


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("58.6万头份", 586000, "头份"),
        ("1,120万羽份", 11200000, "羽份"),
        ("1.37亿美元", 137000000, "美元"),
    ],
)
def test_vaccine_doses_and_us_dollars_are_units(written: str, value: float, unit: str) -> None:
    from snippets import in_report

    m = process_text("r", in_report(f"全年完成{written}。"))["metrics"]
    assert (written, value, unit) in set(zip(m["raw"], m["value"], m["unit"], strict=True))


def test_a_lecture_series_for_the_staff_counts_its_sessions() -> None:
    from snippets import report_indicators

    body = "举办“自贸执法大讲堂”10期，邀请专家围绕行政处罚裁量等内容授课，培训执法人员742人次。"
    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (10, 742)
    # guard: a lecture series for the public is no training
    assert "training_sessions" not in report_indicators(
        "举办“法治大讲堂”进社区10期，覆盖群众1,200人次。"
    )


def test_issues_of_an_accounts_posts_are_no_publicity_events() -> None:
    from snippets import report_indicators

    body = (
        "全年开展卫生健康法治宣传活动138场次，发放宣传资料5.6万余份，"
        "通过“健康聊城”微信公众号推送法治内容96期。"
    )
    assert report_indicators(body)["publicity_events"] == 138


def test_hospital_managers_training_is_no_staff_training() -> None:
    from snippets import report_indicators

    body = (
        "全年举办全系统卫生计生行政执法人员法治培训班4期，培训672人次。"
        "组织26家二级以上公立医院负责人和医务科长参加医疗纠纷预防处理专题培训3场、860余人次。"
    )
    assert report_indicators(body)["training_participants"] == 672


def test_putting_a_market_in_order_is_enforcement() -> None:
    from snippets import theme

    assert theme("规范旅游市场秩序,护航文旅消费") == "enforcement"


def test_a_ledgers_first_group_under_its_title_and_a_half_width_paragraph_are_read() -> None:
    from snippets import headings

    rows = [
        "某区综合行政执法局2024年度法治政府建设重点任务推进落实台账,,,,,",
        "序号,工作类别,工作任务,完成情况,责任科室,完成时间",
        "1,党政主要负责人履职,履行第一责任人职责,局主要负责人对法治建设重要工作亲自部署。全年5次在局党组会上专题研究法治建设工作，审议议题13项。,办公室,2024年12月",
        "2,,落实年终述法,局主要负责人在区委全面依法治区委员会述法评议会上现场述法1次，共提交述法报告29份。,办公室,2024年12月",
        "3,学法用法和队伍建设,落实学法制度,党组理论学习中心组专题学法6次，局务会议坚持会前学法，全年18次，学习法律法规和政策文件27部。,办公室,2024年12月",
        "4,,开展执法培训,举办法治能力提升培训班11期，参训执法人员及辅助人员共1385人次，开展执法技能比武1次。,办公室,2024年12月",
        '3,严格规范执法,规范执法办案,"全年办理行政处罚案件5,126件，罚没款2,254.3万元，结案率96.9%，案卷评查优良率进一步提升。",执法科,2024年12月',
        "4,监督与纠纷化解,开展案卷评查,开展案卷评查2次.评查行政处罚案卷368卷.评出优秀案卷42卷.案卷优良率95.3%.评查发现问题57个.,法制科,2024年12月",
        "5,普法宣传,落实普法责任制,全年开展各类普法宣传活动172场次，发放宣传资料3.2万份，覆盖群众4.1万人次。,宣传科,2024年12月",
    ]
    text, _ = decode_report_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"), "r.csv")
    from analysis.cleaning import clean_text

    got = headings(clean_text(text).text)
    assert list(got["heading"]) == [
        "党政主要负责人履职",
        "学法用法和队伍建设",
        "严格规范执法",
        "监督与纠纷化解",
        "普法宣传",
    ]


def test_an_author_line_under_the_title_is_no_heading() -> None:
    from snippets import headings

    lines = [
        "2023年度法治政府建设工作报告",
        "某县市场监督管理局",
        "2023年，我局坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得新成效。现将有关情况报告如下。",
        "加强组织领导",
        "局党组书记认真履行推进法治建设第一责任人职责，全年专题研究法治建设工作4次，部署重点任务12项。",
        "严格规范执法",
        "全年查处各类违法案件236件，罚没款128.6万元，办理行政复议案件2件，均维持原行政行为。",
        "深化普法宣传",
        "全年开展普法宣传活动86场次，发放宣传资料1.2万份，覆盖群众3.6万人次，普法成效明显。",
    ]
    got = headings("\n".join(lines) + "\n")
    assert list(got["heading"]) == ["加强组织领导", "严格规范执法", "深化普法宣传"]


# --- round 85 ---


def test_a_reader_views_reading_time_is_chrome() -> None:
    from analysis.cleaning import clean_text

    page = "\n".join(
        [
            "www.example.gov.cn",
            "某区退役军人事务局2023年度法治政府建设情况报告",
            "阅读时间：8 - 10 分钟",
            "一、主要工作",
            "全年共受理来信来访和网上信访441件，按期办结率100%，化解信访积案12件。" * 3,
        ]
    )
    r = clean_text(page + "\n")
    assert "阅读时间" not in r.text
    assert (
        dict(zip(r.removed["text"], r.removed["rule"], strict=True))["阅读时间：8 - 10 分钟"]
        == "counter"
    )


def test_a_later_years_first_half_states_no_figure_of_the_year() -> None:
    text = "\n".join(
        [
            "某区退役军人事务局2023年度法治政府建设情况报告",
            "2024年上半年，全局共受理来信来访和网上信访96件，按期办结率100%，开展普法进军营活动5场次。",
            "一、主要工作",
            "全年共受理信访事项441件，按期办结率98.6%，开展普法进军营活动23场次。",
        ]
    )
    got = indicators(text + "\n")
    assert (got["petitions"], got["completion_rate"], got["publicity_events"]) == (441, 98.6, 23)


def test_legal_aid_cases_are_no_penalty_cases() -> None:
    from snippets import report_indicators

    body = (
        "全年行政处罚、行政强制案件均为0件。与区司法局共建退役军人法律援助工作站，"
        "全年为退役军人提供法律咨询623人次，指导申请法律援助并跟踪办理案件27件。"
    )
    assert report_indicators(body)["admin_penalty_cases"] == 0


def test_the_documents_a_bureau_issued_cleaned_up_are_normative_documents() -> None:
    from snippets import report_indicators

    body = "对机构组建以来制发的文件开展专项清理，共梳理文件14件，其中保留11件、修改2件、废止1件，清理结果在区政府门户网站公布。"
    assert report_indicators(body)["normative_documents_reviewed"] == 14


def test_a_fire_and_rescue_detachment_is_a_bureau() -> None:
    from analysis.metadata import infer_metadata

    text = (
        "会议名称：南充市消防救援支队2023年度述法评议会\n"
        "发言人1 00:02:13\n各位领导，下面我代表南充市消防救援支队党委，汇报2023年度履行推进法治建设"
        "第一责任人职责情况。全年检查单位3,210家，督促整改火灾隐患1,045处。\n"
        "发言人2 00:10:01\n配合南充市司法局开展行政执法案卷评查，配合南充市司法局开展法治督察。\n"
    )
    got = infer_metadata(text)
    assert (got.bureau, got.jurisdiction, got.level) == ("南充市消防救援支队", "南充市", "city")


def test_what_a_hotlines_sentence_says_was_received_is_its_cases() -> None:
    from snippets import report_indicators

    body = "12345和96119热线转办给我们的消防投诉举报，一共受理2318件，办结2296件，办结率99.1%。"
    assert report_indicators(body)["hotline_cases"] == 2318


def test_a_statistics_inspection_is_supervision_and_fighting_fraud_enforcement() -> None:
    from snippets import theme

    assert theme("抓好统计督察反馈问题整改") == "supervision_disputes"
    assert theme("保持打击欺诈骗保高压态势") == "enforcement"
    # guard: the party committee's rule-of-law inspection stays with the leadership
    assert theme("开展法治督察") != "supervision_disputes"


def test_a_pdfs_long_heading_of_two_balanced_halves_takes_no_wrap() -> None:
    from analysis.cleaning import clean_text

    wrap = "全市医保系统坚持以习近平法治思想为指导，全面推进医保领域依法行政，各项工作取得明显成效，群众满意度持续提升，"
    lines = [wrap[k : k + 30] for k in range(0, len(wrap), 30)]
    body = [
        "钦州市医疗保障局2024年法治政府建设情况报告",
        *lines,
        "（五）深化医保经办“放管服”改革，优化医保服务和营商环境",
        "全面推行医保经办政务服务事项清单制度，医保经办窗口落实首",
        "问负责、一次性告知和限时办结等制度，统一公布经办服务事项27项，",
        "全部进驻政务服务中心“一窗受理”，其中22项实现“全程网办”，",
        "网上可办率81.5%。群众办事更加便捷高效，满意度进一步提升，",
        "（六）推进严格规范公正文明执法，全面提高医保基金监管执法规",
        "范化水平和群众满意度",
        "全年共检查定点医药机构2,368家次，查处违法违规行为516家次，追",
        "回医保基金3,418.7万元，行政处罚罚款86.2万元，震慑作用明显。",
    ]
    got = clean_text("\n".join(body) + "\n").text.split("\n")
    assert "（五）深化医保经办“放管服”改革，优化医保服务和营商环境" in got
    # guard: a heading cut inside its last word still takes its rest
    assert "（六）推进严格规范公正文明执法，全面提高医保基金监管执法规范化水平和群众满意度" in got


def test_training_given_to_the_designated_medical_institutions_is_no_staff_training() -> None:
    from snippets import report_indicators

    body = (
        "全年举办全市医保系统法治和业务培训班6期，累计培训干部职工和经办人员624人次。"
        "面向定点医药机构负责人和医保管理人员开展医保政策法规培训12场，参训1,380余人次。"
    )
    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (6, 624)


# --- review of session 16 (rv30) ---


@pytest.mark.parametrize(
    "heading",
    [
        "补齐执法短板的力度还不够",
        "破解基层执法力量不足问题的办法还不多",
        "缩小城乡法治差距的举措有待加强",
    ],
)
def test_review_session16_a_remedy_said_to_fall_short_is_still_a_problem(heading: str) -> None:
    from snippets import theme

    assert theme(heading) == "problems"


@pytest.mark.parametrize(
    ("body", "sessions", "people"),
    [
        ("组织全系统干部职工和医院负责人参加法治专题培训3期，参训1,200人次。", 3, 1200),
        ("全年组织卫生监督员和医务人员开展法治培训5次，培训720人次。", 5, 720),
    ],
)
def test_review_session16_staff_trained_beside_hospital_staff_are_counted(
    body: str, sessions: float, people: float
) -> None:
    from snippets import report_indicators

    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (sessions, people)


@pytest.mark.parametrize(
    "head",
    ["统计截止日期：\n2023年12月31日", "报告期间：\n2023年1月1日\n至\n2023年12月31日"],
)
def test_review_session16_a_labelled_date_or_a_periods_end_is_no_cover_date(head: str) -> None:
    from analysis.cleaning import clean_text
    from analysis.metadata import infer_metadata

    text = (
        f"某县城市管理局2023年度法治政府建设工作报告\n{head}\n"
        "2023年，我局全面推进依法行政，全年共办理行政处罚案件120件，罚没款36.5万元，各项工作取得明显成效。\n"
    )
    r = clean_text(text)
    assert infer_metadata(r.text, r.metadata).published == ""


def test_review_session16_a_repeated_label_ending_in_a_colon_is_still_a_running_header() -> None:
    from analysis.cleaning import clean_text

    p = "全年共办理行政处罚案件120件，罚没款36.5万元，各项工作取得明显成效，群众满意度持续提升。"
    text = "某县城市管理局2023年法治政府建设年度报告\n一、主要举措\n" + "".join(
        f"字号：\n{p}{p}\n" for _ in range(4)
    )
    assert "字号：" not in clean_text(text).text


@pytest.mark.parametrize(
    "rest",
    [
        "【法治护企】专项行动，全年共查处各类违法案件1,236件，罚没款86.5万元，办理行政复议案件5件，全部依法审结。",
        "当事人：某某公司因未取得许可擅自经营被处以罚款3万元，全年共查处各类违法案件1,236件，罚没款86.5万元。",
        "○二三年度重点任务，全年共查处各类违法案件1,236件，罚没款86.5万元，办理行政复议案件5件，全部依法审结。",
    ],
)
def test_review_session16_a_full_pdf_line_still_takes_its_wrap(rest: str) -> None:
    from analysis.cleaning import clean_text

    width = 33
    base = "2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实党中央、国务院关于法治政府建设的决策部署，严格按照纲要要求扎实推进"
    while len(base) % width:
        base += "工作"[len(base) % 2]
    p = base + rest
    lines = [p[i : i + width] for i in range(0, len(p), width)]
    text = (
        "某县市场监督管理局2023年度法治政府建设工作报告\n\n一、主要工作\n"
        + "\n".join(lines)
        + "\n\n二、存在的问题\n执法人员专业能力有待提升，基层执法力量相对薄弱，部分执法人员对新\n"
        "出台的法律法规学习不够深入，执法规范化水平仍需进一步提高。\n"
    )
    assert p in clean_text(text).text.split("\n")


def test_review_session16_a_free_trade_zone_names_its_province_in_brackets() -> None:
    from analysis.cleaning import clean_text
    from analysis.metadata import infer_metadata

    text = (
        "中国（上海）自由贸易试验区临港新片区管理委员会2023年度法治政府建设情况报告\n"
        "2023年，管委会全年查处各类违法案件1,347件，罚没款486.72万元。\n"
    )
    got = infer_metadata(clean_text(text).text)
    assert (got.jurisdiction, got.city, got.province) == (
        "中国（上海）自由贸易试验区临港新片区",
        "上海市",
        "上海市",
    )


# --- round 86 ---


@pytest.mark.parametrize(
    "trade",
    [
        "各乡镇林业工作站对生态护林员开展巡护知识和森林法律法规培训18场次、培训1,150人次。",
        "开展家政服务员技能培训12期、860人次，家政服务员持证上岗率提升。",
        "为工贸、危化等企业主要负责人和安全管理人员举办安全生产法律法规培训班15期，培训1,236人次。",
    ],
)
def test_training_given_to_rangers_domestic_workers_or_firms_is_no_staff_training(
    trade: str,
) -> None:
    from snippets import report_indicators

    body = "全年组织执法人员专题培训8期、参训312人次。" + trade
    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (8, 312)


def test_a_staff_led_by_its_experts_is_still_trained() -> None:
    from snippets import report_indicators

    body = (
        "组建了以法制骨干为主的普法讲师团和普法志愿者队伍，累计开展宣传16场次，参训人员1500余人。"
    )
    assert report_indicators(body)["training_participants"] == 1500


def test_a_journalists_lead_above_the_full_text_restates_it() -> None:
    text = "\n".join(
        [
            "某市审计局发布2024年法治政府建设报告",
            "记者注意到，该局还把普法融入审计全过程，全年开展审计法治宣传活动十余场次，培训审计干部700余人次。",
            "以下为报告全文：",
            "某市审计局2024年法治政府建设年度报告",
            "一、主要举措",
            "全年开展审计法治宣传活动16场次，举办业务培训班11期，培训审计干部760人次。",
        ]
    )
    got = indicators(text + "\n")
    assert (got["publicity_events"], got["training_participants"]) == (16, 760)


def test_an_article_with_no_full_text_keeps_the_journalists_figures() -> None:
    text = "\n".join(
        [
            "某市市政园林局去年规范执法成效明显",
            "记者了解到，重大执法决定一律先审核后决定，全年法制审核326件，法制审核率100%。",
        ]
    )
    assert indicators(text + "\n")["legal_reviews"] == 326


def test_documents_counted_before_their_noun_in_a_clean_up() -> None:
    from snippets import report_indicators

    body = "对市政府及市政府办公室印发的7件规范性文件逐件梳理，经评估，其中4件继续有效、2件需作修订、1件建议宣布失效。"
    assert report_indicators(body)["normative_documents_reviewed"] == 7


def test_what_a_hotlines_sentence_says_was_handled_is_its_cases() -> None:
    from snippets import report_indicators

    body = "对12345政务服务便民热线平台派发的工单逐件核实办理，全年共办理213件，按时办结率100%。"
    assert report_indicators(body)["hotline_cases"] == 213


def test_a_news_pages_source_line_dates_it_and_its_comments_end_the_report() -> None:
    from analysis.cleaning import clean_text

    page = "\n".join(
        [
            "四川在线　乐山频道",
            "乐山市审计局发布2024年法治政府建设报告：全市审计查出问题金额超20亿元",
            "来源：四川在线　作者：记者 罗某　通讯员 何某　发布时间：2025-02-14 10:26",
            "　　四川在线消息（记者 罗某）2月13日，记者从乐山市审计局了解到，该局近期发布了年度报告。",
            "　　以下为报告全文：",
            "乐山市审计局2024年法治政府建设年度报告",
            "一、主要举措",
            "全年开展审计法治宣传活动16场次，举办业务培训班11期，培训审计干部760人次。" * 2,
            "乐山市审计局",
            "2025年1月24日",
            "（责任编辑：周某）",
            "相关新闻",
            "乐山：2024年全市新增经营主体4.2万户　2025-02-11",
            "网友评论",
            "文明上网，理性发言。请遵守新闻跟帖服务协议",
            "已有0条评论　共0人参与",
        ]
    )
    r = clean_text(page + "\n")
    assert r.metadata["published"] == "2025-02-14"
    assert r.metadata["signature_date"] == "2025-01-24"
    assert "4.2万户" not in r.text and "文明上网" not in r.text and "责任编辑" not in r.text


def test_a_share_pages_banner_fold_and_follow_button_are_chrome() -> None:
    from analysis.cleaning import clean_text

    page = "\n".join(
        [
            "齐鲁壹点",
            "打开APP，阅读体验更佳",
            "下载客户端",
            "张店区商务局2022年度法治政府建设情况报告",
            "壹点号张店商务",
            "关注",
            "一、主要举措",
            "（三）严格规范公正文明执法，维护商贸流通秩序",
            "展开剩余81%",
            "全年检查商贸流通企业1,286家次，检查加油站（点）136座次，立案查处商务领域违法案件37件。"
            * 2,
            "打开APP看更多精彩内容",
        ]
    )
    r = clean_text(page + "\n")
    for chrome in (
        "打开APP，阅读体验更佳",
        "下载客户端",
        "关注",
        "展开剩余81%",
        "打开APP看更多精彩内容",
    ):
        assert chrome not in r.text.split("\n")
    m = process_text("r", r.text)["metrics"]
    assert ("136座次", 136, "座次") in set(zip(m["raw"], m["value"], m["unit"], strict=True))
    assert "81%" not in set(m["raw"])


def test_an_audit_rectification_is_supervision() -> None:
    from snippets import theme

    assert theme("压实审计整改责任,做好“下半篇文章”") == "supervision_disputes"


def test_a_totals_second_breakdown_is_its_parts_though_some_were_set_aside() -> None:
    from snippets import report_indicators

    body = (
        "立案查处商务领域违法案件37件；收缴罚没款46.83万元，其中罚款41.2万元、没收违法所得5.63万元。\n"
        "对未按规定备案、超出限额发卡的经营者立案查处12件，罚款13.5万元。\n"
        "开展成品油市场联合整治，检查加油站（点）136座次，立案9件，罚没款18.9万元。\n"
        "查处非法拆解、非法收购报废机动车违法行为5件，罚没款8.2万元。\n"
        "查处二手车经营主体未按规定备案等问题4件，罚款2.1万元。\n"
        "开展酒类流通秩序专项整治，查处销售假冒伪劣酒品等案件7件，罚没款4.13万元。\n"
    )
    assert report_indicators(body)["fines_yuan"] == 468300


def test_a_rows_label_in_brackets_that_name_no_unit_takes_its_columns() -> None:
    text = "\n".join(
        [
            "某县林业局2023年法治政府建设年度报告",
            "一、主要工作",
            "案件类型\t立案（起）\t罚没款（万元）",
            "滥伐林木\t31\t21.36",
            "非法占用林地（毁林）\t18\t24.62",
            "合计\t49\t45.98",
        ]
    )
    m = process_text("r", text + "\n")["metrics"]
    got = set(zip(m["raw"], m["value"], m["unit"], strict=True))
    assert {("18", 18, "起"), ("24.62", 246200, "元")} <= got


# --- round 87 ---


def test_penalty_cases_reviewed_by_the_legal_section_are_legal_reviews() -> None:
    from snippets import report_indicators

    body = (
        "全年共立案查处各类违法案件647件，其中适用简易程序512件、一般程序135件。"
        "全年法制科审核重大行政处罚案件27件，提出修改意见9条，均被采纳。"
    )
    got = report_indicators(body)
    assert (got["admin_penalty_cases"], got["legal_reviews"]) == (647, 27)


def test_the_courts_intake_of_administrative_cases_is_no_litigation_of_the_government() -> None:
    from snippets import report_indicators

    body = (
        "全区行政机关全年办理一审行政应诉案件251件，其中以区政府为被告的43件。"
        "区人民法院全年新收一审行政案件386件，审结352件，向区政府部门发出司法建议6份。"
    )
    assert report_indicators(body)["admin_litigation_cases"] == 251


_CLOUD_DOC = "\n".join(
    [
        "# 桐乡市濮院镇综合行政执法队2024年度法治政府建设工作报告",
        "## 一、主要工作",
        "全年以镇政府名义立案查处案件512件，收缴罚没款127.35万元，结案率由~~98.6%~~**99.3%**提高，每季度联合检查18\\~24次。",
        "- [ ] 执法装备标准化配备（已完成80%）",
        "> 💡 派驻市场监管所全年以市市场监督管理局名义查处案件74件、罚没款41.8万元，不属于镇综合行政执法队办理的案件，未计入本报告数据。",
        "12345政务服务便民热线交由我队办理的事项964件，按期办结率99.3%，部分线索仍需人工二次派单。",
        "桐乡市濮院镇综合行政执法队",
        "2025年1月15日",
        "---",
        "*文档来源：钉钉文档 · 团队空间 / 2024年度法治政府建设工作报告*",
        "*导出时间：2025-01-20 16:42　导出人：沈某*",
    ]
)


def test_a_cloud_documents_markdown_export_is_read() -> None:
    from analysis.cleaning import clean_text

    r = clean_text(_CLOUD_DOC + "\n")
    lines = r.text.split("\n")
    assert any(line.startswith("> 💡 派驻市场监管所") for line in lines)  # a quote on its own line
    assert "98.6%" not in r.text and "18~24次" in r.text  # struck out; escape undone
    assert r.metadata["signature_date"] == "2025-01-15"
    assert "导出时间" not in r.text and "文档来源" not in r.text
    m = process_text("r", r.text)["metrics"]
    assert "二次" not in set(m["raw"])
    got = indicators(r.text)
    assert (got["admin_penalty_cases"], got["fines_yuan"], got["hotline_cases"]) == (
        512,
        1273500,
        964,
    )


# --- review of session 16, second part (rv31) ---


def test_review2_session16_a_purpose_after_the_figure_is_no_audience() -> None:
    from snippets import report_indicators

    got = report_indicators(
        "举办专题培训3期，培训300人次，为企业和群众提供更优质的法律服务打下基础。"
    )
    assert (got["training_sessions"], got["training_participants"]) == (3, 300)


@pytest.mark.parametrize(
    ("lines", "indicator", "value"),
    [
        (
            [
                "在市场监管领域，全年罚没款40万元，其中罚款30万元、没收违法所得10万元。",
                "在食品药品领域，全年罚没款80万元，有力震慑了违法行为。",
            ],
            "fines_yuan",
            1200000,
        ),
        (
            [
                "上半年查处违法案件60件，其中简易程序40件、一般程序20件。",
                "下半年查处违法案件120件，罚没款36.5万元。",
            ],
            "admin_penalty_cases",
            180,
        ),
    ],
)
def test_review2_session16_a_figures_own_breakdown_is_no_part_of_another(
    lines: list[str], indicator: str, value: float
) -> None:
    text = (
        "某县综合行政执法局2023年法治政府建设年度报告\n一、主要工作\n"
        + "\n".join(lines)
        + "\n二、存在问题\n不足。\n"
    )
    assert indicators(text)[indicator] == value


def test_review2_session16_a_report_that_links_to_its_full_text_keeps_its_figures() -> None:
    text = "\n".join(
        [
            "某县城市管理局2023年法治政府建设年度报告",
            "一、主要工作",
            "记者采访中了解到群众满意度较高。全年查处违法案件236件，罚没款86.5万元。",
            "本报告附件在县政府网站全文公开。",
        ]
    )
    got = indicators(text + "\n")
    assert (got["admin_penalty_cases"], got["fines_yuan"]) == (236, 865000)


@pytest.mark.parametrize("author", ["某某街道办事处", "某某经济开发区管委会", "中共某县林业局党组"])
def test_review2_session16_an_author_under_the_title_is_no_heading(author: str) -> None:
    from snippets import headings

    lines = [
        "2023年度法治政府建设工作报告",
        author,
        "2023年，我们坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得新成效。现将有关情况报告如下。",
        "加强组织领导",
        "主要负责人认真履行推进法治建设第一责任人职责，全年专题研究法治建设工作4次，部署重点任务12项。",
        "严格规范执法",
        "全年查处各类违法案件236件，罚没款128.6万元，办理行政复议案件2件，均维持原行政行为。",
        "深化普法宣传",
        "全年开展普法宣传活动86场次，发放宣传资料1.2万份，覆盖群众3.6万人次，普法成效明显。",
    ]
    assert list(headings("\n".join(lines) + "\n")["heading"]) == [
        "加强组织领导",
        "严格规范执法",
        "深化普法宣传",
    ]


def test_review2_session16_a_cover_date_under_its_own_label_is_the_reports() -> None:
    from analysis.cleaning import clean_text
    from analysis.metadata import infer_metadata

    text = (
        "某区文化广电旅游体育局2023年度法治政府建设工作情况汇报\n汇报时间：\n2024年1月19日\n"
        "2023年，我局全面推进依法行政，全年共办理行政处罚案件120件，罚没款36.5万元，各项工作取得明显成效。\n"
    )
    r = clean_text(text)
    assert infer_metadata(r.text, r.metadata).published == "2024-01-19"


# --- round 88 ---


def test_a_customs_house_named_by_its_county_level_citys_short_name() -> None:
    from analysis.metadata import infer_metadata

    text = (
        "凭祥海关2023年法治政府建设工作情况报告\n"
        "2023年，凭祥海关立案查处走私和违规案件692起，办理行政复议3件，检测进口商品1,094种次。\n"
    )
    got = infer_metadata(text)
    assert (got.bureau, got.jurisdiction, got.level) == ("凭祥海关", "凭祥市", "county")
    m = process_text("r", text)["metrics"]
    assert ("1,094种次", 1094, "种次") in set(zip(m["raw"], m["value"], m["unit"], strict=True))


def test_training_for_the_firms_provident_fund_clerks_is_no_staff_training() -> None:
    from snippets import report_indicators, theme

    body = (
        "全年举办干部职工法治专题培训8期、参训563人次。"
        "面向缴存单位专管员举办住房公积金政策法规培训班15场，培训单位经办人员1360余人。"
    )
    got = report_indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (8, 563)
    assert theme("保持打私高压态势,筑牢边境反走私防线") == "enforcement"


def test_a_pdf_converted_by_pdf2htmlex_is_read_as_the_pdfs_text() -> None:
    from analysis.cleaning import clean_text

    def t(text: str, y: str = "y1") -> str:
        return f'<div class="t m0 x4 h3 {y} ff2 fs1 fc0 sc0 ls0 ws0">{text}</div>'

    def cell(text: str, row: str) -> str:
        return f'<div class="c x4 {row} w2 h6">{t(text, "y1b")}</div>'

    lead = "区市场监管局坚持以习近平法治思想为指导，把依法行政的要求贯穿于登记注册、质量安全监管、市场监管执法、知识产权保护和消费维权等各项工作中，"
    para = (
        lead * 3
        + "全年共查办各类案件1,463件，收缴罚没款2,386.47万元，运用非现场执法方式办结96件，监测网络交易信息2.3万条次。"
    )
    wrapped = "".join(t(para[k : k + 28]) for k in range(0, len(para), 28))
    page1 = (
        '<div id="pf1" class="pf w0 h0" data-page-no="1"><div class="pc pc1 w0 h0">'
        + t("关于2023年度法治政府建设情况的报告")
        + t("一、主要工作")
        + wrapped
        + cell("项目", "y1c")
        + cell("2023年", "y1c")
        + cell("查办案件（件）", "y1d")
        + cell("1463", "y1d")
        + t("— 1 —")
        + "</div></div>"
    )
    page = (
        "<!DOCTYPE html>\n<!-- Created by pdf2htmlEX (https://github.com/pdf2htmlEX/pdf2htmlEX) -->"
        '<html><head><meta name="generator" content="pdf2htmlEX"><style>.ff1{font-family:ff1}</style></head>'
        '<body><div id="sidebar"><div id="outline"><ul><li><a class="l" href="#pf1">一、主要工作</a></li></ul>'
        '</div></div><div id="page-container">' + page1 + "</div></body></html>\n"
    )
    text, _ = decode_report_bytes(page.encode("utf-8"), "p.html")
    assert "项目\t2023年" in text and "查办案件（件）\t1463" in text
    r = clean_text(text)
    assert para in r.text.split("\n")  # its wraps joined
    assert ("outline" in set(r.removed["text"].str[:9].str.strip('"'))) or any(
        x.startswith('"outline"') for x in r.removed["text"]
    )
    m = process_text("r", r.text)["metrics"]
    assert ("2.3万条次", 23000, "条次") in set(zip(m["raw"], m["value"], m["unit"], strict=True))
    got = indicators(r.text)
    assert (got["fines_yuan"], got["digital_cases"]) == (23864700, 96)
