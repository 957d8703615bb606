"""Hand-made tests for session 10's rules: each input is written here, with the value a reader
would give it."""

from __future__ import annotations

import pytest
from snippets import P, in_report, indicators, outline
from snippets import report_indicators as _indicators

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata

PLATFORM = "数字城管平台全年受理各类城市管理问题18.6万件,结案率98.7%。\n"
PETITIONS = "全年受理群众来信来访126件,按期办结率100%。\n"
PERMITS = "全年办理行政许可8,316件,按时办结率100%。\n"
HOTLINE = "全年承办12345热线转办工单2.47万件,按期办结率99.6%。\n"
CASES = "全年立案查处违法案件1,347件,办结1,299件,结案率96.4%。\n"


# ------------------------------------------------------------------ completion rate
@pytest.mark.parametrize(
    ("body", "rate"),
    [
        # the enforcement cases' own 结案率 first, wherever it stands
        (PLATFORM + HOTLINE + CASES, 96.4),
        (PETITIONS + CASES, 96.4),
        # else a hotline's rate, before a platform's, the petitions' or the permits'
        (PLATFORM + PETITIONS + HOTLINE, 99.6),
        (PERMITS + HOTLINE, 99.6),
        # else the first rate stated
        (PLATFORM + PETITIONS, 98.7),
        (PERMITS + PLATFORM, 100.0),
    ],
)
def test_the_completion_rate_is_the_cases_then_the_hotlines_then_the_first(
    body: str, rate: float
) -> None:
    assert _indicators(body)["completion_rate"] == rate


def test_a_platforms_cases_are_no_enforcement_cases_for_the_completion_rate() -> None:
    body = "数字城管系统全年立案各类城市管理问题案件43.8万件,结案率98.4%。\n" + HOTLINE
    assert _indicators(body)["completion_rate"] == 99.6


# ------------------------------------------------------------------ training
STAFF_TRAINING = "全年举办执法业务培训班12期,培训执法人员860人次。\n"


@pytest.mark.parametrize(
    "trade",
    [
        "对全市旅行社负责人、导游和网吧经营者开展法治培训9场、1,700余人次。\n",
        "全年举办宗教教职人员法律法规培训班14期,培训1,260人次。\n",
        "面向辖区医疗机构负责人举办依法执业培训4期,参训520余人。\n",
        "开展适应性培训和职业技能培训12期,培训退役军人706人次。\n",
    ],
)
def test_the_training_of_the_regulated_or_the_served_is_no_staff_training(trade: str) -> None:
    got = _indicators(STAFF_TRAINING + trade)
    assert (got["training_sessions"], got["training_participants"]) == (12, 860)


def test_a_training_of_staff_and_trade_together_counts() -> None:
    got = _indicators("举办法治专题培训班4期,培训全市干部职工和企业从业人员286人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (4, 286)


def test_a_subset_for_enterprises_leaves_the_staff_trainings_total() -> None:
    body = (
        "全年举办法治和业务培训7期、培训860人次,"
        "其中面向粮食收购企业负责人举办政策法规培训3期、512人次。\n"
    )
    got = _indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == (7, 860)


# ------------------------------------------------------------------ years and tables
def test_a_run_of_years_gives_the_report_years_figure_only() -> None:
    body = (
        "2021年至2023年,全局分别办理行政处罚案件856件、932件、1,047件。\n"
        "2021年、2022年和2023年,承办12345热线工单分别为31,205件、29,273件、26,814件。\n"
    )
    got = _indicators(body)  # the report is on 2023 (in_report's title)
    assert (got["admin_penalty_cases"], got["hotline_cases"]) == (1047, 26814)


def test_a_run_of_earlier_years_gives_none_and_a_total_over_years_stays() -> None:
    body = (
        "2019年至2021年,全局分别办理行政处罚案件856件、932件、990件。\n"
        "2021年至2023年,全局累计办理行政复议案件27件。\n"
    )
    got = _indicators(body)
    assert "admin_penalty_cases" not in got
    assert got["admin_reconsideration_cases"] == 27


def test_a_table_lined_up_by_spaces_restates_the_body() -> None:
    body = (
        "全年共立案查处行政处罚案件2317件,同比增长16.7%。\n"
        "      项目                2023年            2022年\n"
        "      行政处罚案件        2317件            1986件\n"
        "      12345工单           21468件           18375件\n"
        "全年受理12345政务服务便民热线工单21,468件,按时办结率99.7%。\n"
    )
    got = _indicators(body)
    assert (got["admin_penalty_cases"], got["hotline_cases"]) == (2317, 21468)


DRAWN = (
    "┌────┬────┬────┐\n│项目│2022年│2023年│\n├────┼────┼────┤\n"
    "│行政处罚案件│1,102件│1,268件│\n│非现场执法案件│301件│438件│\n└────┴────┴────┘\n"
)


def test_a_tables_column_counts_for_the_year_its_header_names() -> None:
    # the report is on 2023: the 2023 column's cells, wherever it stands
    got = _indicators(DRAWN)
    assert (got["admin_penalty_cases"], got["digital_cases"]) == (1268, 438)
    # a row with last year's figure only gives nothing
    only_last = "│项目│2022年│2023年│\n│行政处罚案件│1,102件│—│\n"
    assert "admin_penalty_cases" not in _indicators(only_last)
    # the off-site cases of the table's year beat the platform's intake of the body
    body = "依托数字城管平台,全年立案数字城管案件64,318件。\n" + DRAWN
    assert _indicators(body)["digital_cases"] == 438


@pytest.mark.parametrize(
    "table",
    [
        "指标\t2023年\t2022年\t增减\n行政处罚案件（件）\t1,326\t1,187\t+11.7%\n"
        "罚没款（万元）\t326.5\t301.2\t+8.4%\n",
        "指标                2023年      2022年\n行政处罚案件（件）    1326        1187\n"
        "罚没款（万元）        326.5       301.2\n",
        "│指标│2023年│2022年│\n│行政处罚案件（件）│1,326│1,187│\n│罚没款（万元）│326.5│301.2│\n",
    ],
)
def test_a_tables_bare_cells_take_the_unit_their_rows_label_names(table: str) -> None:
    m = process_text("r", in_report(table))["metrics"]
    cells = m[m["unit"].isin(["件", "元"])]
    assert list(zip(cells["value"], cells["unit"], cells["subject"], strict=True))[-4:] == [
        (1326, "件", "行政处罚案件"),
        (1187, "件", "行政处罚案件"),
        (3265000, "元", "罚没款"),
        (3012000, "元", "罚没款"),
    ]
    assert _indicators(table) == {"admin_penalty_cases": 1326, "fines_yuan": 3265000}


def test_a_signed_figure_of_a_tables_change_column_is_a_change() -> None:
    table = "指标\t2023年\t2022年\t增减\n行政处罚案件（件）\t1,326\t1,187\t+11.7%\n"
    m = process_text("r", in_report(table))["metrics"]
    assert m.loc[m["raw"] == "11.7%", "kind"].tolist() == ["change"]


def test_a_tabbed_rows_cells_are_read_apart_and_a_label_may_open_with_digits() -> None:
    table = (
        "指标\t2023年\t2022年\t增减\n拆除违法建设（平方米）\t28,640\t31,205\t-8.2%\n"
        "12345工单（件）\t9,854\t10,312\t-4.4%\n"
    )
    m = process_text("r", in_report(table))["metrics"]
    got = list(zip(m["raw"], m["unit"], m["subject"], m["kind"], strict=True))
    assert [g for g in got if g[0] != "120件" and g[0] != "36.5万元"] == [
        ("28,640", "平方米", "违法建设", "level"),  # the subject without its verb, as in prose
        ("31,205", "平方米", "违法建设", "level"),
        ("8.2%", "%", "违法建设", "change"),
        ("9,854", "件", "12345工单", "level"),
        ("10,312", "件", "12345工单", "level"),
        ("4.4%", "%", "12345工单", "change"),
    ]
    assert _indicators(table)["hotline_cases"] == 9854


def test_a_prose_line_with_double_spaces_is_no_table_row() -> None:
    body = "全年共办理行政处罚案件120件，  罚没款36.5万元，  其中简易程序案件45件。\n"
    m = process_text("r", in_report(body))["metrics"]
    assert m["subject"].tolist()[:2] == ["行政处罚案件", "罚没款"]


# ------------------------------------------------------------------ cleaning
def test_a_list_of_attachments_below_the_signature_leaves_the_signature_read() -> None:
    text = (
        "某局2024年法治政府建设年度报告\n一、主要举措\n"
        "全年共办理行政处罚案件120件，罚没款36.5万元，各项工作取得明显成效。\n"
        "某县城市管理综合行政执法局\n2025年1月22日\n"
        "附件：1. 2024年度行政执法统计年报 2. 2024年度行政处罚案件目录\n"
    )
    cleaned = clean_text(text)
    assert cleaned.metadata["signature_date"] == "2025-01-22"
    assert "附件：1. 2024年度行政执法统计年报" in cleaned.text  # the report's own line stays


def test_those_among_the_cases_are_a_part_of_them() -> None:
    body = (
        "全年收到行政复议申请17件,其中维持11件、驳回3件。\n"
        "二、存在的问题\n行政复议案件中仍有1件被确认违法。\n"
    )
    assert _indicators(body)["admin_reconsideration_cases"] == 17


# ------------------------------------------------------------------ themes
def test_the_plain_sub_headings_of_problems_and_plans_are_its_plans() -> None:
    text = (
        "导语。\n一、主要工作\n（一）强化学法培训\n内容。\n"
        "二、存在问题及下一步打算\n一是执法力量不足。\n（一）健全法治建设长效机制\n内容。\n"
        "（二）执法队伍素质有待提升\n内容。\n"
    )
    got = process_text("r", text)["sections"]
    got = dict(zip(got["heading"], got["category"], strict=True))
    assert got["存在问题及下一步打算"] == "problems"
    assert got["健全法治建设长效机制"] == "plans"  # no theme of its own: the part's plans
    assert got["执法队伍素质有待提升"] == "problems"  # names a problem


# ------------------------------------------------------------------ review of session 10
HOTLINE_RATE = "全年承办12345热线转办工单2.47万件,按期办结率99.6%。\n"


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # 1-2: prose whose figures stand after two spaces, a tab or 　　 is no table's row
        ("全年共办理行政处罚案件120件，  罚没款36.5万元，  其中简易程序案件45件。\n", 120),
        ("（一）\t强化执法办案，全年共办理行政处罚案件120件，其中一般程序75件。\n", 120),
        ("全年共办理行政处罚案件  120件，罚没款  36.5万元，行政复议案件  5件。\n", 120),
        ("（一）执法办案情况　　全年办理行政处罚案件　　120件，罚没款　　36.5万元。\n", 120),
        ("全年办理行政处罚案件  120件，上年同期为  98件。\n", 120),
        # 3: a table below a caption with a comma: the cells are the table's, last year's dropped
        (
            "全年共办理行政处罚案件120件，罚没款36.5万元，各项工作取得明显成效。\n"
            "现将2023年与2022年主要执法数据对比如下，供参考\n"
            "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n",
            120,
        ),
        # 6: 有效 / 有的 after 中 is no subset
        (
            "针对执法案件中有的存在程序瑕疵的问题,全面推行说理式执法,全年立案查处违法案件1,256件。\n"
            "在渣土运输专项整治中查处违法案件86件。\n",
            1256,
        ),
    ],
)
def test_review_penalty_cases_in_prose_and_tables(body: str, want: float) -> None:
    assert _indicators(body)["admin_penalty_cases"] == want


def test_review_a_header_without_years_ends_the_table_above() -> None:
    body = (
        "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n单位\t城区中队\t开发区中队\n"
        "罚没款（万元）\t20.5\t16.0\n"
    )
    got = _indicators(body)
    assert got["admin_penalty_cases"] == 120
    assert "fines_yuan" not in got  # two squads' figures, neither of them a year's


def test_review_a_documents_year_span_is_no_run_of_years() -> None:
    body = (
        "根据《2022年至2023年法治宣传教育工作要点》,城区和开发区分别开展普法宣传活动36场、28场。\n"
    )
    assert _indicators(body)["publicity_events"] == 64


@pytest.mark.parametrize(
    ("body", "rate"),
    [
        # 7: the cases' 办结率; 8: words about the cases that name no platform or hotline
        ("全年办理行政处罚案件356件,案件办结率98.9%。\n" + HOTLINE_RATE, 98.9),
        ("针对执法检查中发现的问题,全年立案查处违法案件356件,结案率97.2%。\n" + HOTLINE_RATE, 97.2),
        ("依托综合执法办案平台,全年立案查处违法案件356件,结案率97.2%。\n" + HOTLINE_RATE, 97.2),
        ("全面推行智慧执法,全年立案查处违法案件356件,结案率97.2%。\n" + HOTLINE_RATE, 97.2),
        ("全年查处未经许可经营案件356件,结案率97.2%。\n" + HOTLINE_RATE, 97.2),
        # 9: legal aid and mediation cases are no enforcement cases
        (HOTLINE_RATE + "全年办理法律援助案件1,126件,结案率96.0%。\n", 99.6),
        (HOTLINE_RATE + "全年受理消费者申诉调解案件865件,调解结案率96.2%。\n", 99.6),
    ],
)
def test_review_the_enforcement_cases_rate(body: str, rate: float) -> None:
    assert _indicators(body)["completion_rate"] == rate


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # 10: who is served, after the figure or as a purpose, is no trainee
        ("举办新《行政处罚法》专题培训3期,培训300人次,进一步提升了服务群众的能力。\n", (3, 300)),
        ("举办专题培训3期,培训300人次,为企业和群众提供更优质的法律服务打下基础。\n", (3, 300)),
        (
            "围绕优化营商环境、服务企业发展,组织开展政务服务事项办理培训6期,培训窗口人员320人次。\n",
            (6, 320),
        ),
        # 11: a trade's training on law (法制) or near enforcement stays the trade's
        (
            "全年举办执法业务培训班12期,培训执法人员860人次。\n"
            "面向全区餐饮服务企业负责人开展食品安全法制培训5期,培训600余人次。\n",
            (12, 860),
        ),
        (
            "全年举办执法业务培训班12期,培训执法人员860人次。\n"
            "结合行政执法检查,对辖区企业负责人开展安全生产培训5期,培训600余人次。\n",
            (12, 860),
        ),
    ],
)
def test_review_staff_training(body: str, want: tuple[int, int]) -> None:
    got = _indicators(body)
    assert (got["training_sessions"], got["training_participants"]) == want


@pytest.mark.parametrize(
    "body",
    [
        "对规范性文件和其他涉法文件进行合法性审查,全年审查56件。\n",
        "对以县政府名义制发的规范性文件和政策性文件进行合法性审核,全年审核38件。\n",
        "坚持规范性文件“三统一”制度,全年对县政府及其部门提交的各类文件进行合法性审查,共审查86件。\n",
    ],
)
def test_review_reviews_of_other_documents_too_are_legal_reviews(body: str) -> None:
    assert list(_indicators(body)) == ["legal_reviews"]


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("围绕县委县政府重大决策开展普法宣传", "publicity"),
        ("服务全县重大决策，营造良好营商环境", "business_environment"),
        ("保障重大决策部署落地，强化行政执法监督", "supervision_disputes"),
        ("推进依法科学民主决策，加强规范性文件管理", "decision_making"),
    ],
)
def test_review_a_decision_as_a_frame_is_no_decision_making(heading: str, category: str) -> None:
    s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == category


# ------------------------------------------------------------------ round 50
def test_a_report_without_yi_has_its_highest_rank_as_level_1() -> None:
    text = (
        f"导语。\n1.加强组织领导\n（1）健全工作机制。{P}\n（2）落实第一责任人职责。{P}\n"
        f"2.存在的问题\n{P}\n6.2022年工作打算\n（1）持续深化学法用法。{P}\n"
    )
    assert [(lv, mk, h) for lv, mk, h, _ in outline(text)] == [
        (1, "1.", "加强组织领导"),
        (2, "(1)", "健全工作机制"),
        (2, "(2)", "落实第一责任人职责"),
        (1, "2.", "存在的问题"),
        (1, "6.", "2022年工作打算"),  # 6. before a year is a marker, no decimal
        (2, "(1)", "持续深化学法用法"),
    ]
    # with 一、 anywhere, a heading at the top keeps its rank
    assert outline(f"导语。\n（一）概况\n{P}\n一、主要工作\n{P}\n")[0][0] == 2


def test_ocr_letters_for_a_last_zero_and_a_drafted_document() -> None:
    m = process_text("r", in_report("组织案卷评查2次,评查案卷32O卷,查处违法案件1O8件。\n"))[
        "metrics"
    ]
    assert [(r, v) for r, v in zip(m["raw"], m["value"], strict=True) if "O" in r] == [
        ("32O卷", 320),
        ("1O8件", 108),
    ]
    body = "全年对局机关拟制文件、行政合同和重大事项开展合法性审查92件。\n"  # 拟制: drafted
    assert _indicators(body)["legal_reviews"] == 92


def test_a_letter_spaced_heading_is_written_without_its_spaces() -> None:
    text = f"导语。\n一、主要工作\n（一）深 化 普 法 宣 传，营造良好法治氛围\n{P}\n（二）强化组织领导 压实主体责任\n{P}\n"
    assert [h for _, _, h, _ in outline(text)][1:] == [
        "深化普法宣传，营造良好法治氛围",  # (the heading as written, unfolded)
        "强化组织领导 压实主体责任",  # a gap between two phrases stays
    ]


@pytest.mark.parametrize(
    ("heading", "category"),
    [
        ("着力推动城市管理职能深刻转变", "business_environment"),
        ("聚焦责任落实，夯实法治建设组织基础", "leadership"),
    ],
)
def test_themes_of_round_50(heading: str, category: str) -> None:
    s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == category


# ------------------------------------------------------------------ round 51
def test_a_numeral_and_a_space_before_a_year_is_a_level_1_marker() -> None:
    text = f"导语。\n一 加强组织领导\n{P}\n二 存在的问题\n{P}\n三 2023年工作打算\n{P}\n"
    assert [(lv, mk, h) for lv, mk, h, _ in outline(text)] == [
        (1, "一、", "加强组织领导"),
        (1, "二、", "存在的问题"),
        (1, "三、", "2023年工作打算"),
    ]


def test_the_decisions_review_counted_as_cases_adds_to_the_legality_review() -> None:
    body = (
        "对重大行政执法决定坚持应审必审,全年法制审核案件64件;"
        "对合同协议、涉企文件开展合法性审查19件。\n"
    )
    assert _indicators(body)["legal_reviews"] == 83
    # criminal cases the legal team checks are no legal reviews
    body = "法制大队做好刑事案件审核把关,全年审核移送审查起诉等刑事案件2,315起。\n"
    assert "legal_reviews" not in _indicators(body)


# ------------------------------------------------------------------ round 52
def test_round_52_units_reviews_and_themes() -> None:
    m = process_text("r", in_report("调阅执法全过程记录视频1200余段,用了一段时间。\n"))["metrics"]
    assert [(r, v, u) for r, v, u in zip(m["raw"], m["value"], m["unit"], strict=True)][-1] == (
        "1200余段",
        1200,
        "段",
    )
    body = "协调解决执法事项下沉后案件审核衔接、文书格式统一等难点问题7个。\n"
    assert "legal_reviews" not in _indicators(body)  # problems solved, no documents reviewed
    s = process_text("r", "导语。\n一、主要工作\n（一）集中整治突出市容问题\n内容。\n")["sections"]
    assert s["category"].tolist()[-1] == "enforcement"  # a problem dealt with, not stated


# ------------------------------------------------------------------ second review of session 10
@pytest.mark.parametrize(
    "table",
    [
        # 1: a 其中 row or a remarks column is still the table's; 2: so is a row of dashes
        "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n其中：简易程序（件）\t45\t30\n"
        "罚没款（万元）\t20.5\t16.0\n",
        "类别\t2023年\t2022年\t说明\n行政处罚案件（件）\t120\t98\t含简易程序；一般程序\n"
        "罚没款（万元）\t20.5\t16.0\t主要为：占道经营\n",
        "项目\t2023年\t2022年\n行政处罚案件（件）\t120\t98\n行政强制（件）\t—\t—\n"
        "罚没款（万元）\t20.5\t16.0\n",
        "│项目│2023年│2022年│\n│行政处罚案件（件）│120│98│\n│行政强制（件）│—│—│\n"
        "│罚没款（万元）│20.5│16.0│\n",
    ],
)
def test_review2_rows_that_are_no_header_keep_the_year_columns(table: str) -> None:
    assert _indicators(table) == {"admin_penalty_cases": 120, "fines_yuan": 205000}


@pytest.mark.parametrize(
    ("body", "indicator", "want"),
    [
        # 3: those among them, in the figure's clause, are a subset
        ("全年受理12345热线工单5,000件，工单中有效工单4,200件。\n", "hotline_cases", 5000),
        (
            "全年受理12345热线工单5,000件，工单中有关城市管理的工单3,200件。\n",
            "hotline_cases",
            5000,
        ),
        ("全年受理信访事项45件，信访事项中有效信访30件。\n", "petitions", 45),
        # 4: proposals (提案, 议案) are no enforcement cases
        (
            "全年办理人大代表建议和政协委员提案25件，办结率100%。\n"
            "全年立案查处违法案件300件，结案率97.2%。\n",
            "completion_rate",
            97.2,
        ),
        # 5: 拟制定 / 拟制作 are plans (拟制 alone is drafting)
        (
            "全年发放普法宣传资料2,000份，拟制作并发放普法宣传资料5,000份。\n",
            "publicity_materials",
            2000,
        ),
        (
            "全年开展普法宣传活动20场次，明年拟制定方案开展普法宣传活动30场次。\n",
            "publicity_events",
            20,
        ),
        # 7: brackets holding the run of years alone name no document
        ("近两年（2022年、2023年）分别开展普法宣传活动36场、28场。\n", "publicity_events", 28),
    ],
)
def test_review2_indicators(body: str, indicator: str, want: float) -> None:
    assert _indicators(body)[indicator] == want


@pytest.mark.parametrize(
    "body",
    [
        # 6: a training system, or a regulator's system training the trade, is no staff
        "利用网络培训系统，组织辖区企业开展安全生产培训20期，培训3,000人次。\n",
        "组织全市市场监管系统对辖区食品经营户开展培训20期，培训3,000人次。\n",
    ],
)
def test_review2_the_trades_training_stays_the_trades(body: str) -> None:
    got = _indicators(body)
    assert "training_sessions" not in got and "training_participants" not in got


def test_review2_outlines_and_themes() -> None:
    # 8: a table's row numbered 二 before a year is no heading
    text = f"导语。\n一、执法情况\n{P}\n二  2022年  98件\n二、存在问题\n{P}\n"
    assert [h for _, _, h, _ in outline(text)] == ["执法情况", "存在问题"]
    # 9: problems framed by a year's targets pass problems to their sub-headings
    text = "导语。\n一、主要工作\n内容。\n二、对照2023年目标任务存在的差距和不足\n（一）思想认识方面\n内容。\n"
    assert process_text("r", text)["sections"]["category"].tolist()[-1] == "problems"
    # 10: the enforcement responsibility system, and 履职能力, are no leadership or 职能转变
    for heading, category in (
        ("强化执法责任落实", "enforcement"),
        ("转变作风提升履职能力", "study_training"),
    ):
        s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
        assert s["category"].tolist()[-1] == category, heading
    # mixed ranks at the top keep their own levels
    text = f"导语。\n1.加强领导\n{P}\n2.下一步打算\n（一）加强学习\n{P}\n"
    assert [lv for lv, _, _, _ in outline(text)] == [3, 3, 2]
    # letter spacing with full-width spaces
    text = f"导语。\n一、主要工作\n（一）深　化　普　法　宣　传\n{P}\n"
    assert outline(text)[-1][2] == "深化普法宣传"


def test_sections_under_chapters_are_level_2() -> None:
    text = f"导语。\n{P}\n第一章 主要工作\n第一节 加强领导\n{P}\n第二节 严格执法\n{P}\n第二章 存在问题\n{P}\n"
    assert [(lv, mk) for lv, mk, _, _ in outline(text)] == [
        (1, "第一章"),
        (2, "第一节"),
        (2, "第二节"),
        (1, "第二章"),
    ]


# ------------------------------------------------------------------ round 53
def test_sections_between_chapters_and_their_items() -> None:
    text = (
        f"导语。\n{P}\n第一章 主要成效\n第一节 强化组织领导\n　　一、构建责任体系。{P}\n"
        f"　　二、发挥关键少数作用。{P}\n第二节 规范决策行为\n　　一、重大决策依法作出。{P}\n"
        f"第二章 存在的问题\n{P}\n"
    )
    assert [(lv, mk) for lv, mk, _, _ in outline(text)] == [
        (1, "第一章"),
        (2, "第一节"),
        (3, "一、"),
        (3, "二、"),
        (2, "第二节"),
        (3, "一、"),
        (1, "第二章"),
    ]


def test_a_bilingual_portals_other_script_and_a_news_apps_tail_are_chrome() -> None:
    text = (
        "ئۈرۈمچى شەھەرلىك خەلق ھۆكۈمىتى\nئورنىڭىز: باش بەت > ھۆكۈمەت ئىشلىرى ئاشكارىلىقى\n"
        "当前位置：首页 > 政务公开\n某局2023年度法治政府建设情况报告\n"
        "发布时间：2024-02-06 11:20　　来源：某局\n" + in_report("")
    )
    assert clean_text(text).metadata["published"] == "2024-02-06"
    text = (
        "青秀城管发布\n2025-02-18 10:32·广西\n关注\n"
        + in_report(P + "\n")
        + "阅读 1.2万\n点赞 86\n举报\n"
        "相关推荐\n南宁市城管局：春节期间受理市容投诉下降两成\n评论 23\n民族大道老陈\n"
        "3楼违建拆了吗？\n昨天 21:47 · 桂林\n"
    )
    cleaned = clean_text(text)
    assert cleaned.metadata["published"] == "2025-02-18"
    assert "两成" not in cleaned.text and "3楼" not in cleaned.text and "1.2万" not in cleaned.text


@pytest.mark.parametrize(
    ("body", "indicator", "want"),
    [
        # the cases opened by off-site enforcement are the digital count, not a platform's
        (
            "全年数字城管平台立案2.6万余件。\n通过视频巡查、智能识别等方式开展非现场执法，立案317件。\n",
            "digital_cases",
            317,
        ),
        # a joint inspection's fines are a part of the year's
        (
            "全年办理行政处罚案件1,742件，罚没款206.38万元。\n"
            "联合交警开展夜间联合检查26次，查处渣土车辆违规案件58件，罚款27.5万元。\n",
            "fines_yuan",
            2063800,
        ),
        # 资料 handed out in a sentence about publicity
        (
            "开展普法宣传活动82场次，发放《城市管理法规百问》等资料2.4万余份。\n",
            "publicity_materials",
            24000,
        ),
        # appearing in court in 2 of the cases is no count of cases
        (
            "主要负责人年底述法，并在2起行政诉讼案件中出庭应诉。\n涉诉行政案件4件，均已审结。\n",
            "admin_litigation_cases",
            4,
        ),
        # the legal office reviewing documents, named before them
        (
            "局法制科对局发文件、行政协议和政府采购合同逐件把关，全年审查108件。\n"
            "重大执法决定法制审核173件。\n",
            "legal_reviews",
            281,
        ),
    ],
)
def test_round_53_indicators(body: str, indicator: str, want: float) -> None:
    assert _indicators(body)[indicator] == want


@pytest.mark.parametrize(
    "table",
    [
        "项目\t单位\t2023年\t2022年\n行政处罚案件\t件\t3,286\t2,947\n罚没款\t万元\t512.6\t468.3\n",
        "序号\t项目\t单位\t数量\n1\t行政处罚案件\t件\t3,286\n2\t罚没款\t万元\t512.6\n",
    ],
)
def test_a_column_of_units_names_the_rows_unit(table: str) -> None:
    assert _indicators(table) == {"admin_penalty_cases": 3286, "fines_yuan": 5126000}


# ------------------------------------------------------------------ round 54
def test_a_report_naming_no_year_is_on_the_year_before_its_plans() -> None:
    text = (
        "思明区城市管理行政执法局法治政府建设年度报告\n今年以来，我局坚持依法行政。\n"
        f"一、主要工作\n{P}\n二、2024年工作打算\n{P}\n"
    )
    assert infer_metadata(text).year == "2023"
    text = "某局法治政府建设年度报告\n本年度，我局坚持依法行政。\n一、主要工作\n" + P + "\n"
    assert infer_metadata(text, {"signature_date": "2024-01-19"}).year == "2023"


@pytest.mark.parametrize(
    ("body", "indicator", "want"),
    [
        # last year's figure beside this year's counts for nothing
        (
            "全年举办法治培训班9期（上年6期），累计培训执法人员1,380人次（上年1,125人次）。\n",
            "training_participants",
            1380,
        ),
        ("全年办理行政复议案件5件，较上年的3件增加2件。\n", "admin_reconsideration_cases", 5),
        # reviews sent up for 法制审核 add to the legality reviews
        (
            "普通程序案件在作出决定前均提交区综合行政执法局法制审核，报审277件；"
            "街道法律顾问对执法队签订的协议进行合法性审查9份。\n",
            "legal_reviews",
            286,
        ),
    ],
)
def test_round_54_indicators(body: str, indicator: str, want: float) -> None:
    assert _indicators(body)[indicator] == want


def test_a_statistics_tables_caption_after_the_plans_ends_them() -> None:
    text = (
        f"某局2022年法治政府建设情况报告\n导语。\n一、主要工作\n{P}\n二、2023年工作打算\n"
        "力争办理案件更多。\n2022年度行政执法数据统计表\n项目\t单位\t2022年\t2021年\n"
        "12345工单\t件\t28,736\t31,052\n"
    )
    assert indicators(text)["hotline_cases"] == 28736


# ------------------------------------------------------------------ third review of session 10
@pytest.mark.parametrize(
    ("body", "want"),
    [
        # 1: prose lined up by spaces with ；or ：is no table's row
        ("全年办理行政处罚案件　　120件；罚没款　　36.5万元；\n", {"fines_yuan": 365000}),
        ("全年立案查处违法案件  326件；其中简易程序  120件\n", {"admin_penalty_cases": 326}),
        ("执法办案：  立案查处违法案件  326件  罚没款  158.6万元\n", {"fines_yuan": 1586000}),
        # 2: a 检察建议 in the cases' sentence leaves their rate theirs
        (
            "认真落实检察建议，全年立案查处违法案件356件，结案率97.2%。\n" + HOTLINE_RATE,
            {"completion_rate": 97.2},
        ),
        # 4: a year's total made in joint enforcement is no part
        (
            "全年会同公安、市场监管部门联合执法，办理行政处罚案件1,742件，罚没款206.38万元。\n"
            "适用简易程序办理案件200件。\n",
            {"admin_penalty_cases": 1742},
        ),
        # 5: the lawsuits a head appeared in, when nothing else is stated, are the count
        (
            "2023年，我局在6起行政诉讼案件中均由负责人出庭应诉，出庭应诉率100%。\n",
            {"admin_litigation_cases": 6},
        ),
        # 11: materials handed to applicants are no publicity
        ("推进法治化营商环境建设，累计向申请人发放材料1,200份。\n", {"publicity_materials": None}),
    ],
)
def test_review3_indicators(body: str, want: dict) -> None:
    got = _indicators(body)
    for indicator, value in want.items():
        assert got.get(indicator) == value, indicator


def test_review3_outlines_themes_and_cleaning() -> None:
    # 3: problems still to be solved are problems
    for heading in ("需要解决的问题", "存在的困难和需要解决的问题", "亟待解决的问题"):
        s = process_text("r", f"导语。\n一、{heading}\n内容。\n")["sections"]
        assert s["category"].tolist()[-1] == "problems", heading
    # 6: a short list of (1) before the (一) outline leaves (一) at level 1
    text = f"导语。\n主要数据：\n（1）行政处罚案件120件\n（2）罚没款36.5万元\n（一）加强领导\n{P}\n（二）严格执法\n{P}\n"
    assert [lv for lv, mk, _, _ in outline(text) if mk.startswith("(一")] == [1]
    # 7: 三 2024年“八五”… is a level-1 heading
    text = f"导语。\n一 主要成效\n{P}\n二 存在问题\n{P}\n三 2024年“八五”普法工作打算\n{P}\n"
    assert [h for _, _, h, _ in outline(text)][-1] == "2024年“八五”普法工作打算"
    # 8: 第一节 without chapters is the top; under chapters with (一), between them; a class
    text = f"导语。\n{P}\n第一节 主要成效\n一、加强领导。{P}\n第二节 存在问题\n一、力量不足。{P}\n"
    assert [lv for lv, _, _, _ in outline(text)] == [1, 2, 1, 2]
    text = f"导语。\n{P}\n第一章 主要工作\n第一节 加强领导\n（一）健全机制\n{P}\n第二章 存在问题\n{P}\n"
    assert [lv for lv, _, _, _ in outline(text)] == [1, 2, 3, 1]
    text = (
        f"导语。\n{P}\n第一部分 主要工作\n一、加强领导\n第一节 健全机制\n{P}\n二、严格执法\n{P}\n"
    )
    assert [lv for lv, _, _, _ in outline(text)] == [1, 2, 3, 2]
    assert outline(f"导语。\n一、主要工作\n{P}\n第一节课由局长讲授行政处罚法，共120人参加。\n") == [
        (1, "一、", "主要工作", False)
    ]
    # 9: a signature below 写留言 is read; a reader's comment is no body; a table of counters stays
    base = "某县城市管理局2023年法治政府建设年度报告\n一、主要举措\n" + P + "\n"
    cleaned = clean_text(base + "写留言\n某县城市管理局\n2024年1月20日\n")
    assert cleaned.metadata["signature_date"] == "2024-01-20"
    cleaned = clean_text(
        base
        + "某县城市管理局\n2024年1月20日\n评论 23\n民族大道老陈\n城管执法越来越人性化了，为你们点赞。\n"
    )
    assert "点赞" not in cleaned.text and cleaned.metadata["signature_date"] == "2024-01-20"
    cleaned = clean_text(
        base + "新媒体普法数据如下：\n阅读  35.6万\n点赞  1.2万\n二、存在问题\n不足。\n"
    )
    assert "阅读  35.6万" in cleaned.text


def test_review3_indicator_changes_across_units_are_not_computed() -> None:
    import pandas as pd

    from analysis import plots

    reports = pd.DataFrame(
        {
            "report_id": ["a-2021", "a-2022"],
            "bureau": ["甲局", "甲局"],
            "jurisdiction": ["甲市", "甲市"],
            "year": [2021, 2022],
        }
    )
    values = pd.DataFrame(
        {
            "report_id": ["a-2021", "a-2022"],
            "indicator": ["petitions", "petitions"],
            "value": [120.0, 300.0],
            "unit": ["件", "人次"],
        }
    )
    ch = plots.bureau_change_table(values, reports, key="indicator", value="value")
    row = ch.iloc[0]
    assert (row["previous_unit"], row["unit"]) == ("件", "人次")
    assert pd.isna(row["change"]) and pd.isna(row["change_pct"])


# ------------------------------------------------------------------ round 55
@pytest.mark.parametrize(
    ("body", "indicator", "want"),
    [
        # penalty decisions upheld on review are no penalty cases of their own
        (
            "本局全年涉及行政复议案件8件，维持原处罚决定7件、终止1件。\n"
            "全年立案办理各类行政处罚案件2,173件。\n",
            "admin_penalty_cases",
            2173,
        ),
        # complaints about the officers are no hotline work
        (
            "办理12345热线派转的城市管理类诉求工单6,532件。\n开展明察暗访46次，查处投诉执法人员问题9件。\n",
            "hotline_cases",
            6532,
        ),
    ],
)
def test_round_55_indicators(body: str, indicator: str, want: float) -> None:
    assert _indicators(body)[indicator] == want


def test_a_run_in_heading_wrapped_before_its_full_stop_ends_there() -> None:
    text = (
        "导语。\n一、推进严格规范公正文明执法\n"
        "（一）全面推行行政执法“三项制度”，推动执法全过程公开透明、留痕\n"
        "可追溯。通过省行政执法公示平台公示行政检查、行政处罚等执法信息2,864条。\n"
    )
    assert outline(text)[-1][2] == "全面推行行政执法“三项制度”，推动执法全过程公开透明、留痕可追溯"
