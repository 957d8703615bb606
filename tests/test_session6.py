"""Hand-made tests for session 6's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest

from analysis.build import process_text


def _quantities(text: str) -> list[tuple[str, float]]:
    m = process_text("r", text)["metrics"]
    return list(zip(m["raw"], m["value"], strict=True))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # OCR put a space inside the number: one figure, as written
        ("全年立案查处安全生产违法案件1 26件,其中一般程序97件。", [("1 26件", 126), ("97件", 97)]),
        ("组织执法培训1 86人次。", [("1 86人次", 186)]),
        # a space after a table's or an ordinal's number, or between columns, splits figures
        ("见表1 26件。", [("26件", 26)]),
        ("第1 26件。", [("26件", 26)]),
        ("共计 1 26件。", [("26件", 26)]),
        ("2023 26件。", [("26件", 26)]),
        ("共3.5 26件。", [("26件", 26)]),
    ],
)
def test_a_number_split_by_one_stray_space_is_one_number(text, want) -> None:
    assert _quantities(text) == want


def test_a_portals_date_widget_link_row_and_date_source_line_are_chrome() -> None:
    from analysis.cleaning import clean_text

    text = (
        "今天是:\n"
        "中国政府网|湖北政府网|繁体|无障碍\n"
        "2026-01-20 17:01  |  某市水务局\n"
        "市水务局2025年度法治政府建设情况报告\n"
        "2025年,我局扎实推动法治政府建设,全年办理行政处罚案件12件。现将工作情况报告如下。\n"
        "一、主要举措和成效\n"
    )
    r = clean_text(text)
    assert r.text.startswith("市水务局2025年度法治政府建设情况报告\n")
    assert list(r.removed["rule"]) == ["date_widget", "footer_links", "metadata_date"]
    assert r.metadata["published"] == "2026-01-20"


def test_a_headers_date_with_its_weekday_is_today_not_the_publication() -> None:
    from analysis.cleaning import clean_text

    text = (
        "今天是:2019年10月31日 星期三 农历十月初七\n"
        "工作报告\n"
        "您所在的位置:政务公开 > 工作报告\n"
        "2020年某区法治政府建设情况报告\n"
        "2020年,某区坚持依法行政,全面建设法治政府,取得明显成效。\n"
    )
    r = clean_text(text)
    assert r.text.startswith("2020年某区法治政府建设情况报告\n")
    assert list(r.removed["rule"]) == ["date_widget", "site_menu", "breadcrumb"]
    assert r.metadata["published"] == ""


@pytest.mark.parametrize(
    ("title", "bureau", "jurisdiction", "level"),
    [
        # kinds of body the bureau lexicon does not list, named by the title after their place
        (
            "禄劝彝族苗族自治县云龙水库水源保护区管理局2024年度法治政府建设工作报告",
            "昆明市禄劝彝族苗族自治县云龙水库水源保护区管理局",
            "禄劝彝族苗族自治县",
            "county",
        ),
        ("九江市气象局关于2023年度法治政府建设情况的报告", "九江市气象局", "九江市", "city"),
        ("广州市消防救援支队2023年法治政府建设年度报告", "广州市消防救援支队", "广州市", "city"),
        # a listed kind still wins, and a zone's authority is still the zone's
        ("九江市水利局2024年度法治政府建设情况报告", "九江市水利局", "九江市", "city"),
        (
            "深圳市前海深港现代服务业合作区管理局2024年法治政府建设年度报告",
            "深圳市前海深港现代服务业合作区管理局",
            "前海深港现代服务业合作区",
            "district",
        ),
    ],
)
def test_an_unlisted_kind_of_bureau_in_the_title_is_named_as_written(
    title, bureau, jurisdiction, level
) -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(title + "\n一、主要工作\n县人民政府部署,我局依法履职。\n")
    assert (got.bureau, got.jurisdiction, got.level) == (bureau, jurisdiction, level)


def _chunk(n: int, body: str) -> str:
    return f"{n}、{body}"


_SENTENCE = "全镇坚持依法行政,严格落实重大行政决策程序,深入开展法治宣传教育,"


def test_a_document_sites_page_chunks_are_joined_where_they_cut_a_sentence() -> None:
    from analysis.cleaning import clean_text

    a = "2023年度某镇法治政府建设情况报告。" + _SENTENCE * 5 + "切实提高依"
    b = "法行政能力。" + _SENTENCE * 5 + "全年发布信息128条。"
    c = _SENTENCE * 5 + "受理申请12件,均依"
    d = "法按时答复。" + _SENTENCE * 3 + "取得明显成效。"
    raw = "\n".join([_chunk(1, a), _chunk(2, b), _chunk(3, c), _chunk(4, d)]) + "\n"
    r = clean_text(raw)
    assert r.text == a + b + "\n" + c + d
    assert list(r.removed["line_no"]) == [1, 2, 3, 4]
    assert set(r.removed["rule"]) == {"page_chunk"}
    assert list(r.removed["text"]) == raw.split("\n")[:4]  # as written


@pytest.mark.parametrize(
    "items",
    [
        # an outline's long 1、 items end their sentences
        [_SENTENCE * 5 + "取得成效。"] * 4,
        # short items are an outline, whatever their ends
        ["加强组织领导", "完善制度体系", "严格规范执法"],
        # numbers out of sequence
        None,
    ],
)
def test_numbered_paragraphs_are_not_page_chunks(items) -> None:
    from analysis.cleaning import clean_text

    if items is None:
        lines = [_chunk(n, _SENTENCE * 5 + "依") for n in (1, 3, 4)]
    else:
        lines = [_chunk(n, s) for n, s in enumerate(items, 1)]
    raw = "\n".join(lines) + "\n"
    r = clean_text(raw)
    assert r.text == raw.rstrip("\n")
    assert "page_chunk" not in set(r.removed["rule"])


def _headings(text: str) -> list[tuple[int, str, str]]:
    s = process_text("r", text)["sections"]
    s = s[s["level"] > 0]
    return list(zip(s["level"], s["marker"], s["heading"], strict=True))


def test_words_enclosed_list_numbers_are_markers() -> None:
    text = (
        "一、组织领导\n㈠\t党组统筹谋划\n党组会专题研究法治工作。\n"
        "⒈\t专题学法\n全年学法12次。\n⒉\t述法\n领导班子述法。\n"
        "㈡\t落实第一责任人职责\n主要负责人带头。\n⑴\t细项\n内容。\n二、存在问题\n不足。\n"
    )
    assert _headings(text) == [
        (1, "一、", "组织领导"),
        (2, "(一)", "党组统筹谋划"),
        (3, "1.", "专题学法"),
        (3, "2.", "述法"),
        (2, "(二)", "落实第一责任人职责"),
        (3, "(1)", "细项"),
        (1, "二、", "存在问题"),
    ]


def test_bracketed_subheadings_alone_on_their_lines_are_headings() -> None:
    text = (
        "某局2023年法治政府建设报告\n一、主要举措\n【强化组织领导】\n党组专题研究。\n"
        "【规范基金监管执法】\n1.开展检查。全年检查120家次。\n二、存在问题\n【医保政策】2024年起调整。\n"
    )
    assert _headings(text) == [
        (1, "一、", "主要举措"),
        (2, "【】", "强化组织领导"),
        (2, "【】", "规范基金监管执法"),
        (3, "1.", "开展检查"),
        (1, "二、", "存在问题"),
    ]


def test_one_bracketed_line_is_no_heading() -> None:
    text = "一、主要举措\n【典型案例】\n某企业违法排污被查处。\n二、存在问题\n不足。\n"
    assert _headings(text) == [(1, "一、", "主要举措"), (1, "二、", "存在问题")]


def test_a_run_in_heading_ends_at_its_colon() -> None:
    text = (
        "一、主要工作\n(一)健全领导机构:年初调整领导小组,明确2名工作人员。\n"
        "(二)依法办理复议案件:2018年,申请行政复议2起。\n"
        "(三)值班安排从8:30开始执行到岗制度。\n"
    )
    assert [h for _, _, h in _headings(text)] == [
        "主要工作",
        "健全领导机构",
        "依法办理复议案件",
        "值班安排从8:30开始执行到岗制度",
    ]


def test_an_editors_note_above_the_report_is_not_the_reports() -> None:
    from analysis.cleaning import clean_text

    text = (
        "某市医保\n2024-02-06 17:30 发表于云南\n"
        "编者按:依法行政是守护群众看病钱的重要保障。2023年全市追回医保基金863.72万元。\n"
        "某市医疗保障局2023年度法治政府建设工作报告\n"
        "2023年,我局追回医保基金863.72万元。\n一、主要举措\n"
        "编者按:这一句在正文里,不是编者按。\n"
    )
    r = clean_text(text)
    assert list(r.removed["rule"]) == ["metadata_date", "editor_note"]
    assert r.metadata["published"] == "2024-02-06"
    assert r.text.count("863.72万元") == 1
    assert r.text.endswith("编者按:这一句在正文里,不是编者按。")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("干部职工百余人参加听讲。", [("百余人", 100)]),
        ("发放各类宣传资料1.6万余份。", [("1.6万余份", 16000)]),
        ("出动巡山人员近千人次。", [("近千人次", 1000)]),
        # vague: no number
        ("千方百计,上千人参加,数千人参加。", []),
        # a duty round the clock and a slogan are names
        ("实行领导带班和24小时值班制度。", []),
        ("守好发展和生态两条底线。", []),
        # aircraft
        ("配发执法记录仪60台、无人机12架。", [("60台", 60), ("12架", 12)]),
    ],
)
def test_bare_powers_names_and_units(text, want) -> None:
    assert _quantities(text) == want


def _indicators(text: str) -> dict[str, float]:
    from analysis.metrics import derive_indicators

    tables = process_text("r", text)
    got = derive_indicators(tables["metrics"], {"r": text})
    return dict(zip(got["indicator"], got["value"], strict=True))


def test_the_years_count_of_all_kinds_holds_a_fields_figure() -> None:
    got = _indicators(
        "某县林业局2018年法治政府建设工作总结\n一、主要工作\n"
        "(一)森林防火:发放森林防火宣传资料8000份,出动巡山人员300人次。\n"
        "(二)普法宣传:全年共开展普法宣传活动46场次,发放各类宣传资料1.6万余份。\n"
    )
    assert got["publicity_materials"] == 16000


def test_a_legality_review_done_by_verb_counts() -> None:
    got = _indicators(
        "某局2018年法治政府建设工作总结\n一、主要工作\n"
        "律师对合同协议及文件进行合法性审查47件,其中审查合同协议21份。\n"
        "全年对11件重大行政处罚决定进行了法制审核。\n"
    )
    assert got["legal_reviews"] == 58


def test_a_fields_cases_filed_in_a_sentence_about_the_year_are_the_penalty_cases() -> None:
    got = _indicators(
        "某市水利局2024年法治政府建设情况报告\n一、严格执法\n"
        "以打击非法采砂为重点,全年全市水利系统共出动执法人员4,320人次,"
        "立案查处水事违法案件126宗,罚没款共计99.1万元。\n"
    )
    assert got["admin_penalty_cases"] == 126


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("伊犁州", "伊犁哈萨克自治州"),
        ("黔东南州", "黔东南苗族侗族自治州"),
        ("融水县", "融水苗族自治县"),
        ("双江县", "双江拉祜族佤族布朗族傣族自治县"),
        ("莫力达瓦旗", "莫力达瓦达斡尔族自治旗"),
    ],
)
def test_an_autonomous_division_is_found_by_its_short_name(short, full) -> None:
    from analysis import gazetteer

    assert [d.name for d in gazetteer.lookup(short)] == [full]


def test_a_short_name_never_hides_another_divisions_name() -> None:
    from analysis import gazetteer

    # 大理市 is a city of 大理白族自治州 (short name 大理州): each keeps its own
    assert [d.name for d in gazetteer.lookup("大理市")] == ["大理市"]
    assert gazetteer.short_name("大理市") == ""


def test_a_bureau_of_a_prefecture_named_by_its_short_name() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "2023年,伊犁州水利局在州党委、政府的坚强领导下,加强法治建设。"
        "现将我局2023年度法治政府建设情况报告如下:\n一、工作开展情况\n"
    )
    assert (got.bureau, got.jurisdiction, got.level) == (
        "伊犁哈萨克自治州水利局",
        "伊犁哈萨克自治州",
        "city",
    )


def test_tiers_of_a_programme_are_no_quantity() -> None:
    assert _quantities("按照新入职、一线队员、中队骨干三个层次设置课程。") == []


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("加强行政执法监督,推进严格规范公正文明执法", "supervision_disputes"),
        ("严格规范公正文明执法,提升安全监管效能", "enforcement"),
        ("加大执法力度,守护森林资源安全", "enforcement"),
        ("强化社保基金安全监管", "enforcement"),
        ("抓好安全生产和应急管理", "safety_emergency"),
    ],
)
def test_themes_of_enforcement_beside_safety_and_supervision(heading, category) -> None:
    s = process_text("r", f"一、{heading}\n正文。\n")["sections"]
    assert s.loc[s["level"] == 1, "category"].tolist() == [category]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Word's Latin font spaces its digits: a space before the multiplier, 余 or the unit
        ("受理登记业务 3.26 万件,办结 1.35 万件。", [("3.26 万件", 32600), ("1.35 万件", 13500)]),
        ("发放宣传资料 1.6 万余份。", [("1.6 万余份", 16000)]),
        ("清理文件 20 余部。", [("20 余部", 20)]),
        ("访问量超过 5 万次。", [("超过 5 万次", 50000)]),
        ("整治面积 2.36 万平方米。", [("2.36 万平方米", 23600)]),
    ],
)
def test_numbers_spaced_from_their_units(text, want) -> None:
    assert _quantities(text) == want


def test_a_per_session_range_is_no_count_of_trainees() -> None:
    got = _indicators(
        "某区自然资源局2024年法治政府建设年度报告\n一、主要工作\n"
        "举办法治业务培训班 6 期,每期参训 60-80 人,累计培训干部职工 420 人次。\n"
    )
    assert got["training_participants"] == 420
    assert got["training_sessions"] == 6


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # divisions created or renamed after 2016 (the older gazetteer lacked them)
        ("宁乡市", "430182000000"),
        ("临安区", "330112000000"),
        ("龙港市", "330383000000"),
        ("信都区", "130503000000"),
        # names that have gone since, with their old codes (a report written before)
        ("宁乡县", "430124000000"),
        ("临安市", "330185000000"),
    ],
)
def test_the_gazetteer_has_divisions_in_force_and_former_names(name, code) -> None:
    from analysis import gazetteer

    assert [d.adcode for d in gazetteer.lookup(name)] == [code]


@pytest.mark.parametrize("name", ["新社区", "中区", "海域", "苏鲁交界"])
def test_words_that_are_only_taiwan_or_hong_kong_districts_are_no_places(name) -> None:
    from analysis import gazetteer

    assert gazetteer.lookup(name) == ()


def test_a_municipality_is_one_division() -> None:
    from analysis import gazetteer

    assert [d.adcode for d in gazetteer.lookup("重庆市")] == ["500000000000"]
    assert [d.adcode for d in gazetteer.lookup("北京市")] == ["110000000000"]


def test_a_county_level_city_renamed_after_2016_reports_as_its_government() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "中共宁乡市委 宁乡市人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年,全市坚持依法行政。\n一、主要举措\n"
    )
    assert (got.bureau, got.jurisdiction, got.city, got.level) == (
        "长沙市宁乡市人民政府",
        "宁乡市",
        "长沙市",
        "county",
    )


def test_a_document_sites_blurb_and_page_chunks_are_the_sites_not_the_reports() -> None:
    from analysis.cleaning import clean_text

    body = "县交通运输局坚持固定站点治超与流动治超相结合,在货运车辆比较集中的路段开展流动治超工作,"
    text = (
        "某县交通运输局2023年治超工作情况汇报.docx\n"
        "《某县交通运输局2023年治超工作情况汇报.docx》由会员分享,可在线阅读,更多相关"
        "《某县交通运输局2023年治超工作情况汇报.docx(4页珍藏版)》请在某文库上搜索。\n"
        f"1、{body * 4}共查处超限超载车\n2、辆226台,卸转载货物1366吨。{body * 4}开展联合执\n"
        f"3、法行动12次。{body * 4}\n"
    )
    r = clean_text(text)
    assert list(r.removed["rule"]) == ["doc_site", "page_chunk", "page_chunk", "page_chunk"]
    assert "查处超限超载车辆226台" in r.text and "联合执法行动12次" in r.text


def test_round_20_classes_in_jie() -> None:
    assert _quantities("到中小学开展消防安全课68节。") == [("68节", 68)]
    assert _quantities("两节期间开展检查。") == []


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a credit-repair application is no penalty case
        (
            "全年立案查处卫生健康违法案件286件。\n全年受理行政处罚信用修复申请34件,准予修复31件。\n",
            "admin_penalty_cases",
            286,
        ),
        # a complaint about the bureau itself is no hotline work
        (
            "承办12345热线转办工单8,416件。\n个别诊所材料补正时未一次性告知,被群众投诉1件,此项扣0.5分。\n",
            "hotline_cases",
            8416,
        ),
        # cases closed, listed after the cases opened with 、, are an outcome
        (
            "市数字化城市管理平台全年立案城市管理问题38.7万件、结案37.9万件。\n",
            "digital_cases",
            387000,
        ),
        # a paragraph about five years: its totals are not the year's
        (
            "五年来,市政府持续推进依法行政。累计清理规范性文件3,860余件,废止386件。\n"
            "2022年,对报送备案的83件规范性文件逐件审查。\n",
            "normative_documents_reviewed",
            83,
        ),
    ],
)
def test_round_20_indicators(body, indicator, value) -> None:
    got = _indicators("某市卫生健康局2022年法治政府建设年度报告\n一、主要工作\n" + body)
    assert got[indicator] == value


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("扎实开展消防监督检查", "enforcement"),
        ("依法全面履行政府职能", "business_environment"),
        ("坚持高位推动,层层传导法治政府建设责任", "leadership"),
    ],
)
def test_round_20_themes(heading, category) -> None:
    s = process_text("r", f"一、{heading}\n正文。\n")["sections"]
    assert s.loc[s["level"] == 1, "category"].tolist() == [category]


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # market regulation's 查办, a stated total beside its parts
        (
            "全年共查办各类违法案件1,058件,同比增长7.4%。从办案程序看,一般程序案件812件、简易程序案件246件。\n"
            "对案情复杂的42件案件组织集体讨论。\n",
            "admin_penalty_cases",
            1058,
        ),
        # a total with 共计 before the procedures that add up to it
        (
            "全年我局立案查处城市管理违法案件共计1,573件,按简易程序办结1,128件、按一般程序办理445件。\n",
            "admin_penalty_cases",
            1573,
        ),
        # documents combed in a clean-up of normative documents
        (
            "开展规范性文件和政策措施专项清理,共梳理各类文件37件,其中拟废止4件、拟修改2件、继续保留31件。\n",
            "normative_documents_reviewed",
            37,
        ),
        # documents and legal matters reviewed together are legal reviews
        (
            "全年共审查各类文件和涉法事项213件,其中重大行政决策9件、行政协议和合同128件。\n"
            "全年共审查行政规范性文件59件。\n",
            "normative_documents_reviewed",
            59,
        ),
    ],
)
def test_round_21_indicators(body, indicator, value) -> None:
    got = _indicators("某区市场监管局2022年法治政府建设年度报告\n一、主要工作\n" + body)
    assert got[indicator] == value


def test_a_county_level_city_under_no_prefecture_is_its_own_city() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "石河子市司法局2023年法治政府建设年度报告\n2023年,我局坚持依法行政。\n一、主要工作\n"
    )
    assert (got.bureau, got.jurisdiction, got.city, got.province) == (
        "石河子市司法局",
        "石河子市",
        "石河子市",
        "新疆维吾尔自治区",
    )


def test_a_wechat_link_title_that_exclaims_is_a_link_below_the_article() -> None:
    from analysis.cleaning import clean_text

    text = (
        "某区市场监管局法治政府建设年度报告\n2022年,区市场监管局坚持依法行政,全年查办案件1,058件。\n"
        "往期推荐\n“3·15”来了!这8类消费陷阱请注意\n"
    )
    r = clean_text(text)
    assert "8类" not in r.text


def test_round_21_theme() -> None:
    s = process_text("r", "一、坚持和发展新时代“枫桥经验”,打造多元解纷格局\n正文。\n")["sections"]
    assert s.loc[s["level"] == 1, "category"].tolist() == ["supervision_disputes"]


def test_a_heads_own_court_appearances_are_no_new_lawsuits() -> None:
    got = _indicators(
        "某市综合行政执法局局长2023年度述法报告\n一、履职情况\n"
        "本人以行政机关负责人身份出庭应诉3件行政诉讼案件并当庭发言。\n"
        "二、工作成效\n新收行政诉讼案件9件,其中一审7件、二审2件。\n"
    )
    assert got["admin_litigation_cases"] == 9


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a court's cases are no penalty cases
        (
            "全年,全市各级执法部门共办理行政处罚案件5.38万件。\n全市两级法院全年受理各类案件21.7万件,审结20.9万件。\n",
            "admin_penalty_cases",
            53800,
        ),
        # decisions that went through every procedure are no extra legal reviews
        (
            "目录内的10项决策事项全部履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定等程序。\n"
            "全市各级合法性审查机构共审查各类文件和合同协议2,374件。\n",
            "legal_reviews",
            2374,
        ),
        (
            "全年共完成合法性审查和法制审核事项163件,其中重大执法决定的法制审核129件。\n",
            "legal_reviews",
            163,
        ),
        # accepted cases added to those carried over are inside the total handled
        (
            "全年共收到行政复议申请251件,经审查受理224件,连同上年结转案件,共办理行政复议案件236件。\n",
            "admin_reconsideration_cases",
            236,
        ),
        # a total of all bodies in the district holds the author's own figure; its 其中 subset
        # by non-site enforcement is the digital count, not the total
        (
            "全年全区各行政执法机关共办理行政处罚案件8,946件,其中通过非现场执法方式办理2,315件。\n"
            "对违法违规的律师事务所作出行政处罚3件。\n",
            "admin_penalty_cases",
            8946,
        ),
        (
            "全年全区各行政执法机关共办理行政处罚案件8,946件,其中通过非现场执法方式办理2,315件。\n",
            "digital_cases",
            2315,
        ),
        # a shortfall in the problems is no figure of the year's work
        (
            "全年开展普法宣传活动56场次。\n二、存在问题\n全年针对施工企业开展的专题普法仅4场次。\n",
            "publicity_events",
            56,
        ),
        # staff sent to another body's course are not the bureau's trainees
        (
            "举办执法业务培训班11期,培训执法人员740人次。\n选派23名业务骨干参加自治区组织的专题培训。\n",
            "training_participants",
            740,
        ),
    ],
)
def test_round_23_indicators(body, indicator, value) -> None:
    got = _indicators("某区司法局2023年法治政府建设年度报告\n一、主要工作\n" + body)
    assert got[indicator] == value


def test_a_party_committees_office_is_named_with_zhonggong() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "绍兴市2023年度法治建设工作报告\n2023年,全市法治建设取得新成效。\n一、主要工作\n",
        {"signature_name": "中共绍兴市委全面依法治市委员会办公室"},
    )
    assert got.bureau == "中共绍兴市委全面依法治市委员会办公室"


def test_round_23_names_and_themes() -> None:
    assert _quantities("打造“15分钟公共法律服务圈”。") == []
    s = process_text("r", "一、坚持统筹推进,党领导法治建设的制度机制更加完善\n正文。\n")["sections"]
    assert s["category"].tolist()[-1] == "leadership"


def test_a_bureau_named_by_its_district_in_the_title_and_with_its_city_in_the_signature() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "天河区政务服务数据管理局2024年法治政府建设年度报告\n"
        "2024年,广州市天河区政务服务数据管理局在区委、区政府的坚强领导下推进法治建设。\n一、主要工作\n",
        {"signature_name": "广州市天河区政务服务数据管理局"},
    )
    assert (got.bureau, got.jurisdiction) == ("广州市天河区政务服务数据管理局", "天河区")


def test_round_24_names_and_themes() -> None:
    assert _quantities("全力做好四件大事。") == []
    s = process_text("r", "一、强化数据安全和数据共享法治保障\n正文。\n")["sections"]
    assert s["category"].tolist()[-1] == "digital"
