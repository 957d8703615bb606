"""Hand-made tests for session 7's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import P, theme
from snippets import outline as _outline
from snippets import report_indicators as _indicators

from analysis.build import process_text


def _quantities(text: str) -> list[tuple[str, float]]:
    m = process_text("r", text)["metrics"]
    return list(zip(m["raw"], m["value"], strict=True))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # OCR read 0 as O/o and 1 as l/I inside a number that stands after Chinese text
        ("办理行政处罚案件1O8件。", [("1O8件", 108)]),
        ("镇政府常务会议会前学法l2次。", [("l2次", 12)]),
        ("罚没款lO5万元。", [("lO5万元", 1_050_000)]),
        ("罚没款1O8.5万元。", [("1O8.5万元", 1_085_000)]),
        ("共办结2o3件。", [("2o3件", 203)]),
        # codes and names stay what they are: a run opening with O, S/B/Z, a longer code
        ("推广O2O模式3个。", [("3个", 3)]),
        ("培训S2场次,建成B1层2个。", [("2个", 2)]),
        ("升级iOS12系统2台。", [("2台", 2)]),
        ("第l2次会议。", []),
    ],
)
def test_ocr_letters_for_digits_are_read_as_the_digits(text, want) -> None:
    assert _quantities(text) == want


def test_a_report_with_no_outline_numbers_has_its_lines_alone_as_level_1_headings() -> None:
    text = (
        "某镇2023年法治政府建设工作总结\n"
        f"今年以来,我镇认真贯彻落实上级部署。{P}\n"
        f"强化组织保障\n{P}\n推进依法行政\n{P}\n{P}\n存在不足\n{P}\n下步打算\n{P}\n"
        "某镇人民政府\n2024年1月5日\n"
    )
    assert _outline(text) == [
        (1, "", "强化组织保障", False),
        (1, "", "推进依法行政", False),
        (1, "", "存在不足", False),
        (1, "", "下步打算", False),
    ]


def test_two_levels_without_numbers_take_the_genres_parts_and_parents_as_level_1() -> None:
    text = (
        f"现将有关情况报告如下。{P}\n"
        "主要工作成效\n加强党的领导\n"
        f"{P}\n健全制度机制\n1.严格规范性文件管理。{P}\n2.强化合法性审查。{P}\n"
        f"存在的问题\n{P}\n2024年工作打算\n着力提升执法规范化水平\n{P}\n"
    )
    got = [(lv, mk, h) for lv, mk, h, _ in _outline(text)]
    assert got == [
        (1, "", "主要工作成效"),
        (2, "", "加强党的领导"),
        (2, "", "健全制度机制"),
        (3, "1.", "严格规范性文件管理"),
        (3, "2.", "强化合法性审查"),
        (1, "", "存在的问题"),
        (1, "", "2024年工作打算"),
        (2, "", "着力提升执法规范化水平"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered outline anywhere: short lines alone are not headings of their own
        f"导语。{P}\n一、主要工作\n{P}\n强化组织保障\n{P}\n推进依法行政\n{P}\n深化普法宣传\n{P}\n",
        # only two such lines: too few to be an outline
        f"导语。{P}\n强化组织保障\n{P}\n推进依法行政\n{P}\n",
        # a headline and subtitle before the first paragraph, captions and a signature after
        f"某局晒出法治成绩单\n全年办案120件\n{P}\n图为执法现场\n{P}\n附件清单如下所示\n某市城市管理局\n",
    ],
)
def test_short_lines_are_no_headings_outside_a_report_without_numbers(text) -> None:
    assert [h for _, mk, h, _ in _outline(text) if mk == ""] == []


def test_the_genres_parts_are_an_editable_lexicon_of_valid_patterns() -> None:
    from analysis.sections import _report_parts

    parts = _report_parts()
    for heading in ("主要工作成效", "存在的问题", "存在不足", "2024年工作打算", "下一步工作计划"):
        assert parts.search(heading), heading
    for heading in ("加强党的领导", "推进数字城管建设", "深化普法宣传"):
        assert not parts.search(heading), heading


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # the leader's own appearance in court is one of the year's suits, not another
        (
            "发生行政诉讼案件3件,其中判决驳回2件、撤诉1件。\n二、第一责任人履职情况\n"
            "(一)带头依法办事。带头履行出庭应诉职责,亲自出庭应诉行政诉讼案件1件。\n",
            "admin_litigation_cases",
            3,
        ),
        # the fines a decision not to punish waived are no fines collected
        (
            "办理案件1,246件,罚款386.52万元,同比下降6.3%。\n"
            "对96件首次轻微违法行为作出不予处罚决定,涉及罚款约28.4万元。\n",
            "fines_yuan",
            3_865_200,
        ),
        # ... but an amount involved in the cases punished is
        ("全年办理行政处罚案件120件,涉及罚款金额50万元。\n", "fines_yuan", 500_000),
        # a 进企业、进站场 campaign of the rule of law is legal publicity
        (
            "开展“法治交通进企业、进站场、进车船”活动72场次,发放宣传资料2.8万余份。\n",
            "publicity_events",
            72,
        ),
    ],
)
def test_round_25_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_a_governments_legal_affairs_office_is_the_bureau_not_the_government() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "砀山县人民政府法制办公室2017年度依法行政工作情况报告\n一、主要工作\n县政府法制办履职。\n"
    )
    assert got.bureau.endswith("砀山县人民政府法制办公室")
    assert got.jurisdiction == "砀山县"


def test_a_copy_sites_name_and_address_inside_lines_is_a_watermark() -> None:
    from analysis.cleaning import clean_text

    mark = "秘书之家—全网资源每日更新www.mishuzj.com"
    text = (
        f"{mark}某市人民政府关于2023年度法治政府建设情况的报告\n"
        f"一、坚持党的领导\n二是扛牢法治建设第一{mark}责任人职责。全年研究法治建设30余次。\n"
    )
    r = clean_text(text)
    assert "mishuzj" not in r.text and "秘书之家" not in r.text
    assert "扛牢法治建设第一责任人职责。" in r.text
    assert set(r.removed["rule"]) == {"watermark"}


@pytest.mark.parametrize(
    "text",
    [
        # an address introduced as content, however often
        "登录www.example.com查询。\n再次登录www.example.com查询。\n",
        # the same address twice with nothing in common before it
        "市民可通过“城管通”www.cgt.com反映问题。\n投诉平台由www.cgt.com承载。\n",
    ],
)
def test_an_address_in_the_text_is_no_watermark(text) -> None:
    from analysis.cleaning import clean_text

    r = clean_text(text)
    assert r.removed.empty and r.text.strip() == text.strip()


def test_a_title_naming_a_place_alone_is_its_governments_report() -> None:
    from analysis.metadata import infer_metadata

    body = "2023年,静海区坚持以习近平法治思想为指导。\n一、区政府主要负责同志履职情况\n全年召开常务会议12次。\n"
    got = infer_metadata("静海区2023年度法治政府建设情况报告\n" + body)
    assert (got.bureau, got.jurisdiction, got.city, got.level) == (
        "天津市静海区人民政府",
        "静海区",
        "天津市",
        "district",
    )
    # ... but not where a bureau speaks as the author
    speaks = "2023年,我局坚持依法行政。\n一、主要工作\n我局全年办案12件。\n"
    assert infer_metadata("静海区2023年度法治政府建设情况报告\n" + speaks).bureau == ""


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a level-1 heading run into its paragraph after an indent: the year's cue opens the
        # paragraph's sentence, and a field's fines elsewhere are inside the year's
        (
            "三、坚持严格规范公正文明执法　　全年,区城管委开展执法检查,立案查处各类违法案件1,082件,"
            "罚款326.48万元。\n条例施行后,立案查处生活垃圾分类违法案件12件,罚款1.6万元。\n",
            "fines_yuan",
            3_264_800,
        ),
        # legal advisers who took part in handling petitions received none
        (
            "全年受理群众来信来访152件。\n法律顾问全年列席党组会议9次,出具法律意见书24份,"
            "参与处理疑难复杂案件和信访事项11件。\n",
            "petitions",
            152,
        ),
        # a sentence about a five-year plan's period inside a paragraph: no year's figure
        (
            "全年累计开展各类普法宣传活动121场次,发放宣传资料3.5万份。"
            "“七五”普法期间,全委累计开展城管普法宣传活动近500场次。\n",
            "publicity_events",
            121,
        ),
        # the year's count of all kinds of an activity holds one kind of it elsewhere
        (
            "开展民法典“进社区、进商户、进工地”宣传活动36场次。\n"
            "全年累计开展各类普法宣传活动121场次,发放宣传资料3.5万份。\n",
            "publicity_events",
            121,
        ),
        # a case revoked or a suit lost, in the problems, is an outcome of the year's cases
        (
            "全年被申请行政复议案件21件,其中维持15件。发生行政应诉案件34件。\n"
            "二、存在的问题\n全年有1件行政复议案件被撤销、1件行政诉讼案件败诉。\n",
            "admin_reconsideration_cases",
            21,
        ),
        (
            "全年被申请行政复议案件21件,其中维持15件。发生行政应诉案件34件。\n"
            "二、存在的问题\n全年有1件行政复议案件被撤销、1件行政诉讼案件败诉。\n",
            "admin_litigation_cases",
            34,
        ),
        # the hotline's dispatched orders (派单), Beijing's 接诉即办
        (
            "全年受理12345市民服务热线涉及城管执法的派单38,215件,响应率100%。\n",
            "hotline_cases",
            38215,
        ),
        # a page that sets each sentence on its own line: 其中 two lines on breaks down the total
        (
            "全年组织法治专题培训共36期,培训执法人员4,200余人次。\n"
            "培训覆盖全体执法人员。\n其中,面向新入职人员开展岗前培训3期、186人。\n",
            "training_participants",
            4200,
        ),
        # a year's 立案查处 total, its procedures adding up to it in the next sentence
        (
            "2025年,全局立案查处城市管理类违法案件3,218件,同比增长6.9%。"
            "从程序看,按简易程序办结2,003件,按普通程序查办1,215件。\n",
            "admin_penalty_cases",
            3218,
        ),
    ],
)
def test_round_26_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_beijings_jie_su_ji_ban_headings_are_about_disputes() -> None:
    s = process_text("r", "导语。\n一、深化接诉即办,推动“每月一题”落地见效\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "supervision_disputes"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # couples, orders and bottles are counted
        ("办理结婚登记5,214对,网上派单近4.2万单。", [("5,214对", 5214), ("近4.2万单", 42000)]),
        ("查扣过期燃气瓶1,265瓶。", [("1,265瓶", 1265)]),
        # ... but a one-to-one pairing and a building's unit are names
        ("开展1对1帮扶30户,一对一指导,3单元2号楼。", [("30户", 30)]),
        # steps in order are ordinals, not counts
        ("推行“首次劝导、二次警告、三次处罚”工作法,全年劝导2,360次。", [("2,360次", 2360)]),
    ],
)
def test_round_27_quantities(text, want) -> None:
    assert _quantities(text) == want


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a decision of no fine at all is a stated zero
        ("全年立案查处社会组织违法案件9件,全年未作出罚款类行政处罚。\n", "fines_yuan", 0),
        # a paragraph opened by the year's total: its fines rule a field's fines elsewhere
        (
            "全年共办理行政处罚案件1162件,其中适用简易程序874件。收缴罚没款186.42万元,同比增长12.6%。\n"
            "开展生活垃圾分类执法检查1,560家次,立案查处垃圾分类违法案件142件,罚款9.38万元。\n",
            "fines_yuan",
            1_864_200,
        ),
        # penalty results notified to departments are no cases
        (
            "全年共办理行政处罚案件1162件。\n建立协同机制,全年接收部门移送线索132条,向部门抄告处罚结果97件。\n",
            "admin_penalty_cases",
            1162,
        ),
        # decisions submitted for legal review (提请法制审核) are legal reviews
        ("普通程序案件全部报送区局法制审核,全年提请法制审核296件。\n", "legal_reviews", 296),
        # the year's total ends a subject without taking 全年 into it (…的事项全年共271件)
        (
            "经合法性审查和法制审核的事项全年共271件,其中合同协议138份、重大行政执法决定57件。\n",
            "legal_reviews",
            271,
        ),
    ],
)
def test_round_27_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("提升社会救助法治化水平", "community_service"),
        ("深入学习宣传贯彻习近平法治思想", "study_training"),
    ],
)
def test_round_27_themes(heading, category) -> None:
    assert theme(heading) == category


def test_a_streets_enforcement_team_is_a_town_level_author() -> None:
    from analysis.metadata import infer_metadata

    got = infer_metadata(
        "杭州市余杭区仓前街道综合行政执法队2022年度法治政府建设工作报告\n"
        "一、主要工作\n2022年,我队承接赋权事项,提请区综合行政执法局法制审核296件。\n"
    )
    assert (got.jurisdiction, got.city, got.level, got.bureau) == (
        "仓前街道",
        "杭州市",
        "town",
        "杭州市余杭区仓前街道综合行政执法队",
    )


def test_letter_spaced_lines_wechat_post_lines_link_titles_and_dividers() -> None:
    from analysis.cleaning import clean_text

    text = (
        "龙岗城管\n2024-01-30 18:02 广东\n"
        "关 于 2 0 1 9 年 度 法 治 政 府 建 设 情 况 的 报 告\n"
        "一、加 强 组 织 领 导\n全年召开专题会议6次,研究解决问题12个,各项工作有序推进。\n"
        "◆ ◆ ◆\n二、存在的问题\n执法力量不足,执法规范化水平有待提升。\n"
        "某区城市管理局\n2024年1月26日\n往期推荐\n龙岗城管“清源”行动:查扣不合规燃气瓶520瓶\n"
    )
    r = clean_text(text)
    assert "关于2019年度法治政府建设情况的报告" in r.text
    assert "一、加强组织领导" in r.text
    assert "◆" not in r.text and "520瓶" not in r.text
    assert r.metadata["published"] == "2024-01-30"
    rules = dict(zip(r.removed["text"], r.removed["rule"], strict=True))
    assert rules["一、加 强 组 织 领 导"] == "letter_spacing"
    assert rules["◆ ◆ ◆"] == "divider"


@pytest.mark.parametrize(
    "line",
    [
        "地址:深圳市龙岗区龙城街道",  # a label after the footer, kept as the footer's text
        "共 3 项",  # one Chinese character between spaces is no letter-spaced line
    ],
)
def test_what_is_no_link_title_or_letter_spacing(line) -> None:
    from analysis.cleaning import _is_link_like, _join_letter_spacing

    if line.startswith("地址"):
        assert not _is_link_like(line.replace("：", ":"))
    else:
        assert _join_letter_spacing([line]) == {}


@pytest.mark.parametrize(
    "line",
    [
        "[ 索引号 ] 11500000MB1315207D/2023-00050 [ 发文字号 ]",
        "[ 主题分类 ] 行政事务 [ 体裁分类 ] 其他公文",
        "[ 发布机构 ] 市城市管理局",
        "[ 成文日期 ] 2023-03-03 [ 发布日期 ] 2023-03-09",
        "索 引 号 | 11620300013909010R/2025-48086 | 主题分类 | 金政发 |",
    ],
)
def test_an_information_table_in_brackets_or_pipes_is_chrome(line) -> None:
    from analysis.cleaning import clean_text

    text = (
        line
        + "\n某市城市管理局关于2024年度法治政府建设情况的报告\n一、主要工作\n全年办理案件12件。\n"
    )
    r = clean_text(text)
    assert list(r.removed["rule"]) == ["info_table"]


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # the district head who leads by appearing in court adds no lawsuit
        (
            "全区行政机关共办理行政应诉案件297件。\n区长带头讲授法治课2次,带头出庭应诉行政案件3件。\n",
            "admin_litigation_cases",
            297,
        ),
        # a platform's cases received give way to the cases opened off the site
        (
            "数字化城市管理平台全年受理各类城市管理案件46,315件,结案45,862件。\n"
            "全年通过非现场执法方式立案查处各类违法行为265件。\n",
            "digital_cases",
            265,
        ),
        # a half-year's total after the time it opens with rules a field's fines
        (
            "2023年1—6月,全局共办理行政处罚案件318件,罚没款86.37万元。\n"
            "查处燃气违法案件9件,罚款4.5万元。\n",
            "fines_yuan",
            863_700,
        ),
    ],
)
def test_round_28_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_an_appendix_after_the_plans_holds_no_plan_figures() -> None:
    text = (
        "某区城市管理局2022年法治政府建设年度报告\n一、主要工作\n全年办理行政处罚案件1,286件。\n"
        "二、2023年工作打算\n力争办理案件不少于1,300件。\n某区城市管理局\n2023.01.16\n"
        "附件:某区城市管理局2022年行政执法数据统计表\n行政处罚案件    1,286件\n"
    )
    m = process_text("r", text)["metrics"]
    assert list(zip(m["raw"], m["kind"], strict=True)) == [
        ("1,286件", "level"),
        ("1,300件", "target"),
        ("1,286件", "level"),
    ]


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("畅通群众诉求表达渠道", "supervision_disputes"),
        ("进一步压紧法治建设责任链条", "leadership"),
    ],
)
def test_round_28_themes(heading, category) -> None:
    s = process_text("r", f"导语。\n一、主要工作\n(一){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == category


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # the parts of a review total are things reviewed, not cases
        (
            "全年出具审计报告38份,下达审计处理处罚决定书7份,其中作出审计处罚决定2件。\n"
            "坚持“应审必审、未审不发”,全年共开展合法性审查34件,其中合同协议18件、"
            "以局名义印发的文件9件、审计处理处罚决定书7件。\n",
            "admin_penalty_cases",
            2,
        ),
        # 违法违规案件 are the year's cases
        (
            "全年共立案查处建筑市场违法违规案件38件,罚款246.7万元,其中违法分包转包9件。\n",
            "admin_penalty_cases",
            38,
        ),
        # a field's cases filed, where the report states no other penalty count (a last resort)
        (
            "全年检查校外培训机构1,186家次;立案查处违规培训案件19件,罚款28.6万元。\n",
            "admin_penalty_cases",
            19,
        ),
        # ... but a field's cases beside the year's total of that field are inside it
        (
            "全年共立案查处环境违法案件186件。\n根据举报线索立案查处环境违法案件23件。\n",
            "admin_penalty_cases",
            186,
        ),
        # documents a clean-up involved (涉及文件27件) are the documents reviewed
        (
            "对现行规范性文件开展专项清理,涉及文件27件,其中继续有效21件、宣布失效4件、修改后重新发布2件。\n",
            "normative_documents_reviewed",
            27,
        ),
    ],
)
def test_round_29_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_a_notes_block_after_the_signature_leaves_the_signature_its_date() -> None:
    from analysis.cleaning import clean_text

    text = (
        "某区教育局2023年法治政府建设年度报告\n一、主要工作\n全年办理行政复议案件3件,均维持原决定。\n"
        "某区教育局\n2024年1月26日\n注:①依据《某区中小学校法律顾问工作办法》执行。\n"
        "②配备率以全区中小学128所为基数计算。\n"
    )
    r = clean_text(text)
    assert r.metadata["signature_date"] == "2024-01-26"
    assert "②配备率以全区中小学128所为基数计算。" in r.text


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("坚持学用结合,提升依法治教能力", "study_training"),
        ("深化青少年法治教育,营造尊法学法守法氛围", "publicity"),
    ],
)
def test_round_29_themes(heading, category) -> None:
    s = process_text("r", f"导语。\n一、主要工作\n(一){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == category


def test_an_aside_after_the_unit_is_no_subject_and_institutions_are_no_trainings() -> None:
    text = (
        "1.做好行政复议和应诉。全年以我局为被申请人的行政复议案件共3件,其中复议机关决定维持2件,"
        "因申请人主动撤回而终止1件;涉及我局的行政诉讼案件2件（均为被告）,法院均判决驳回诉讼请求。\n"
        "全年检查校外培训机构1,186家次,发现并督促整改问题143个。\n"
    )
    m = process_text("r", text)["metrics"]
    suit = m[m["raw"].eq("2件") & m["sentence"].str.contains("诉讼")].iloc[-1]
    assert suit["subject"].endswith("行政诉讼案件")
    assert suit["indicator"] == "admin_litigation_cases"
    assert m.set_index("raw").loc["1,186家次", "indicator"] == ""


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # a year with no penalty decision is a stated none
        ("全年未作出行政处罚决定,以教育引导为主。\n", "admin_penalty_cases", 0),
        # the year's total holds violations found by remote monitoring elsewhere
        (
            "全年立案查处粮食流通违法违规案件17件,同比增长41.7%,其中未按规定建立台账6件。\n"
            "依托监管平台实施远程实时监测,全年开展远程在线巡查2,150余次,据此立案查处违法违规案件4件。\n",
            "admin_penalty_cases",
            17,
        ),
        # a part of a review total, restated elsewhere, is inside the total
        (
            "全年共开展合法性审查43件,其中规范性文件2件、合同协议28份、重大行政执法决定13件。\n"
            "对13件重大行政执法决定全部进行法制审核,法制审核率100%。\n",
            "legal_reviews",
            43,
        ),
    ],
)
def test_round_30_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    "heading", ["落实优抚褒扬政策", "促进退役军人就业创业", "夯实基层服务体系"]
)
def test_round_30_services_to_veterans_are_community_service(heading) -> None:
    s = process_text("r", f"导语。\n一、主要工作\n(一){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "community_service"


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        (
            "行政复议方面,全年收到以我局为被申请人的复议申请７件,维持５件。\n",
            "admin_reconsideration_cases",
            7,
        ),
        ("行政诉讼方面,全年被诉４件,法院判决驳回诉讼请求３件。\n", "admin_litigation_cases", 4),
        (
            "开展“法治城管·进街入户”主题活动４６场次,发放宣传折页约１．５万份。\n",
            "publicity_events",
            46,
        ),
    ],
)
def test_round_30_full_width_report_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


@pytest.mark.parametrize(
    ("body", "indicator", "value"),
    [
        # penalty cases put to legal review are legal reviews, beside the contracts reviewed
        (
            "全年对合同协议、拟出台的文件开展合法性审查46件。\n全年对19件重大行政处罚案件进行法制审核。\n",
            "legal_reviews",
            65,
        ),
        # a bare review count equal to a part of the review total is that part restated
        (
            "对提交办务会审议的事项一律先行合法性审查,全年共审查86件,其中规范性文件3件、合同协议52份、"
            "重大行政执法决定19件、其他涉法事务12件。\n"
            "重大执法决定均经法制审核后作出,全年审核19件,审核率100%。\n",
            "legal_reviews",
            86,
        ),
    ],
)
def test_round_31_indicators(body, indicator, value) -> None:
    assert _indicators(body)[indicator] == value


def test_round_31_site_visits_are_counted() -> None:
    assert _quantities("巡查探测环境保护点412点次。") == [("412点次", 412)]


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("需要改进的方面", "problems"),
        ("普法宣传的精准度需要增强", "problems"),
        ("抓牢法治建设责任链条", "leadership"),
    ],
)
def test_round_31_themes(heading, category) -> None:
    s = process_text("r", f"导语。\n一、主要工作\n(一){heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == category


def test_a_precise_figure_said_of_a_subset_cue_restates_a_boxed_one() -> None:
    # the box's 3.82万件 and the text's 38,215件 (said of 涉及城管执法的 orders) are one figure
    got = _indicators(
        "接诉即办受理 3.82万件\n"
        "坚持接诉即办,全年受理12345市民服务热线涉及城管执法的派单38,215件,响应率100%。\n"
    )
    assert got["hotline_cases"] == 38215
