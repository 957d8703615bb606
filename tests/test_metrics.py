"""Tests for analysis.metrics: extraction rules, indicators, corrections, and the seeds.

Every expected value in the hand-made tests is written by hand beside its input. The seed
test compares the extractor with the gold fixtures the annotators wrote by reading the raw
reports (tests/fixtures/gold_metrics_<NNN>.csv, gold_indicators_<NNN>.csv).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from gold import gold_spans, match_quantities
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.build import process_text
from analysis.metrics import (
    INDICATORS_FILE,
    PATTERNS_FILE,
    UNITS_FILE,
    apply_corrections,
    assign_indicator,
    derive_indicators,
    extract_metrics,
    read_corrections,
    read_indicator_rules,
    read_units,
    sections_from_texts,
)
from analysis.schema import INDICATORS, METRICS

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
KEY_INDICATORS = (
    "admin_penalty_cases",
    "fines_yuan",
    "admin_reconsideration_cases",
    "admin_litigation_cases",
    "petitions",
)


def run(text: str, report_id: str = "r") -> pd.DataFrame:
    """Extract from one text taken as one section starting at 0."""
    return extract_metrics(sections_from_texts({report_id: text}))


def rows(text: str) -> list[tuple[str, float, str]]:
    """(raw, value, unit) of every quantity found in ``text``."""
    m = run(text)
    return list(zip(m["raw"], m["value"].round(6), m["unit"], strict=True))


def one(text: str) -> pd.Series:
    m = run(text)
    assert len(m) == 1, m[["raw", "value", "unit"]]
    return m.iloc[0]


# ----------------------------------------------------------------------------- table shape


def test_columns_ids_offsets_and_types() -> None:
    # two sections of one report, given out of order; the second starts at offset 10
    sections = pd.DataFrame(
        [
            {"report_id": "a", "section_id": "1", "start": 10, "text": "罚款3万元,处罚5起。"},
            {"report_id": "a", "section_id": "0", "start": 0, "text": "办理案件12件。\n"},
        ]
    )
    m = extract_metrics(sections)
    assert list(m.columns) == list(METRICS.columns)
    assert m["metric_id"].tolist() == ["m0001", "m0002", "m0003"]  # text order
    assert m["raw"].tolist() == ["12件", "3万元", "5起"]
    assert m["section_id"].tolist() == ["0", "1", "1"]
    assert m["start"].tolist() == [4, 12, 18]  # 10 + local offset 2, 10 + 8
    assert m["end"].tolist() == [7, 15, 20]
    assert m["value"].tolist() == [12.0, 30000.0, 5.0]
    assert m["corrected"].tolist() == [False, False, False]
    assert m["value"].dtype == "float64" and m["approx"].dtype == bool


def test_raw_keeps_original_characters() -> None:
    r = one("全年办理案件１２件，完成。")  # full-width digits and comma
    assert r["raw"] == "１２件"
    assert r["value"] == 12
    assert r["unit"] == "件"


def test_ids_restart_per_report() -> None:
    m = extract_metrics(sections_from_texts({"a": "3件,4件。", "b": "5件。"}))
    assert m["metric_id"].tolist() == ["m0001", "m0002", "m0001"]
    assert m["report_id"].tolist() == ["a", "a", "b"]


def test_empty_input() -> None:
    m = extract_metrics(sections_from_texts({"a": ""}))
    assert list(m.columns) == list(METRICS.columns)
    assert m.empty


def test_sentence_is_the_sentence_holding_the_number() -> None:
    m = run("第一句话。受理行政复议案件5起;维持4起!下一句")
    assert m["sentence"].tolist() == ["受理行政复议案件5起", "维持4起"]


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("办结行政审批3767件。", [("3767件", 3767, "件")]),
        ("清理“牛皮癣”1.9万余处。", [("1.9万余处", 19000, "处")]),  # multiplier, then 余
        ("减免补偿费1262余万元。", [("1262余万元", 12620000, "元")]),  # 余 before 万
        ("出资3.2亿元。", [("3.2亿元", 320000000, "元")]),
        ("缺口近16.35万个。", [("近16.35万个", 163500, "个")]),
        ("罚款720183.79元。", [("720183.79元", 720183.79, "元")]),
        ("共1,262件。", [("1,262件", 1262, "件")]),
        ("做好两部地方性法规的评估。", [("两部", 2, "部")]),
        ("完成十八项任务。", [("十八项", 18, "项")]),
        ("比例达到百分之四十。", [("百分之四十", 40, "%")]),
        ("配比在万分之五左右。", [("万分之五左右", 0.05, "%")]),
        ("按时处置率92.16%。", [("92.16%", 92.16, "%")]),
        ("提高3.5个百分点。", [("3.5个百分点", 3.5, "百分点")]),  # never %
        ("压缩至3个工作日。", [("3个工作日", 3, "个工作日")]),
        ("出动920人次。", [("920人次", 920, "人次")]),  # 人次 before 人
        ("违停车辆4万余台次。", [("4万余台次", 40000, "台次")]),
        ("按照车辆与泊位1: 1.2的配比。", [("1: 1.2", 1.2, "ratio")]),
        ("比例为1:3。", [("1:3", 3, "ratio")]),
        ("涉及47宗(次)工程项目。", [("47宗", 47, "宗")]),  # compound unit: first part
        ("治理约68万平方米。", [("约68万平方米", 680000, "平方米")]),
        ("清理垃圾50余吨、线缆270余公里。", [("50余吨", 50, "吨"), ("270余公里", 270, "公里")]),
        ("涉及三个街镇。", [("三个", 3, "个")]),  # Chinese numeral >= 2 with measure word
        ("整合五支队伍。", [("五支", 5, "支")]),
        ("开展3大专项行动。", [("3大", 3, "大")]),  # Arabic + 大 counts
        ("维持4起,撤销1起。", [("4起", 4, "起"), ("1起", 1, "起")]),  # lists: one row each
        ("开展检查3至5次。", [("3", 3, "次"), ("5次", 5, "次")]),  # ranges: two rows
        ("开展检查3-5次。", [("3", 3, "次"), ("5次", 5, "次")]),
        ("参训人员38人。", [("38人", 38, "人")]),
        ("检查经营场所640家次。", [("640家次", 640, "家次")]),  # 家次 before 家
        ("培训不少于40学时,平均92.6分。", [("40学时", 40, "学时"), ("92.6分", 92.6, "分")]),
        ("整改时限15分钟。", [("15分钟", 15, "分钟")]),  # 分钟 before 分
        ("接入视频监控1.6万余路。", [("1.6万余路", 16000, "路")]),
        ("检查船舶1,680艘次。", [("1,680艘次", 1680, "艘次")]),
        ("购置三台执法车。", [("三台", 3, "台")]),  # not the county 三台县
        (
            "无人机巡查150余架次,PM2.5平均浓度28微克/立方米。",
            [("150余架次", 150, "架次"), ("28微克/立方米", 28, "微克/立方米")],
        ),
        ("参训近千人次,发放资料逾万份。", [("近千人次", 1000, "人次"), ("逾万份", 10000, "份")]),
        ("全年罚没款近百万元。", [("近百万元", 1e6, "元")]),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert rows(text) == [(r, pytest.approx(v), u) for r, v, u in expected]


@pytest.mark.parametrize(
    ("text", "qualifier", "approx", "raw"),
    [
        ("370余名执法队员", "余", True, "370余名"),
        ("10多块宣传栏", "多", True, "10多块"),
        ("普法对象超1万人次", "超", True, "超1万人次"),
        ("压缩50%以上", "以上", True, "50%以上"),
        ("总需求约为29.52万个", "约为", True, "约为29.52万个"),
        ("逾200件", "逾", True, "逾200件"),
        # bounds: approx (decided with the annotators) but the word stays out of raw
        ("平均耗时小于3天", "小于", True, "3天"),
        ("均不超过2个工作日", "不超过", True, "2个工作日"),
        # 以上 before the number qualifies the noun, not the number
        ("省部级以上22项", "", False, "22项"),
        ("共办理264件", "", False, "264件"),  # 共 and 达 are not qualifiers
        ("出庭率达100%", "", False, "100%"),
    ],
)
def test_qualifiers(text: str, qualifier: str, approx: bool, raw: str) -> None:
    r = one(text)
    assert (r["qualifier"], bool(r["approx"]), r["raw"]) == (qualifier, approx, raw)


@pytest.mark.parametrize(
    "text",
    [
        # years, dates, periods, times of day
        "2023年,市城市管理局召开会议。",
        "2016—2020年规划。",
        "《法治中国建设规划(20202025年)》",
        "于2024年3月26日发布。",
        "日期:2024-03-06",
        "发布时间:2021-03-10 10:39:41",
        "每半年听取汇报,全年推进,近一年来成效明显。",
        "将每年1月确定为宣传月。",
        # document and record numbers
        "(渝城管局〔202383号)",
        "(九龙坡府办发〔2023〕65号)",
        "豫ICP备20010382号",
        "豫公网安备41150002001385号",
        # titles
        "印发《关于5件大事的通知》《二十条措施》。",
        # hotlines and phone numbers
        "办理12345便民服务热线事项。",
        "城管热线 12319、市长热线。",
        "建立完善“12319”热线信息反馈制度。",
        # ordinals, ranks, enumerations, outline markers
        "履行第一责任人职责,排名第二,在第三届评选中获优胜奖。",
        "获评优胜奖(前10名,现场排名第一)。",
        "一是加强领导。二是制定规划。其一,其二。",
        "1、健全制度\n(1)加强领导\n1. 规范执法",
        # names, slogans and fixed phrases with numerals
        "落实行政执法三项制度。",
        "“八五”普法规划与七五”普法情况。",
        "“十四五”立法情况。",
        "全面推行“721”工作法,运用721工作法。",
        "在执法中做到“六先一后”。",
        "协助轨道交通十八号线、5G铁塔建设。",
        "贯彻党的二十大和二十届二中全会精神,党的二十次全国代表大会。",
        "积极探索一网统管,落实“双随机、一公开”,一窗受理,一站式服务,一把手。",
        "围绕“一规划、两纲要”,坚定拥护两个确立。",
        "开展五大监管执法体系专项行动。",  # Chinese numeral + 大 is a name
        "市、县两级联动,三级贯通。",
        "结合“五一”“六一”“12·4宪法宣传日”开展活动,“法律六进”。",
        "探索“五早”机制,加大“两超期”案件扣分力度。",
        "全面实施“四大工程”与“五统一”工作。",
        "贯彻市城市管理局法治政府建设五年规划。",
        # the Chinese numeral 一 with a measure word is idiomatic
        "每两月检查一次,开展一项制度,一人被评为先进,人手一台。",
        # discourse counts and vague quantifiers
        "主要集中在以下两个方面,从三个方面推进。",
        "办理数十件,参加几十人,多次检查,若干问题。",
        # numbers with no unit
        "“3.19”主题服务宣传周,715公众开放日,7.15城管公众开放日。",
        # 伍 (the capital numeral 5) inside words, and 两条线
        "执法队伍人员结构调整,退伍军人入伍。",
        "严格执行罚缴分离和收支两条线制度。",
        "一路走来,两路并进。",  # 路 counts only after Arabic digits
        "实行7×24小时值班值守,7x24小时在线。",  # round the clock, not a duration
        "千方百计,上千人参加,数千人参加。",  # a bare 千 without 近/逾/约 is vague
        "对不满意的诉求实行二次交办,防止二次污染。",  # ordinal compounds
        "于2023年5月10日9时30分召开常务会议。",  # a time of day
        "七台河市城市管理局、伍家岗区、五家渠市、七台河城管局。",  # numerals in place names
        "优化5路公交线路。",  # a bus route
    ],
)
def test_not_quantities(text: str) -> None:
    assert rows(text) == []


def test_arabic_one_is_a_quantity() -> None:
    # The Chinese 一 with a measure word is idiomatic, Arabic 1 is labelled (guide).
    assert rows("开展劳动争议讲座1次,一次检查。") == [("1次", 1, "次")]


def test_names_next_to_quantities() -> None:
    # 十八号线 and 5G are names; 14家 is a count
    assert rows("协助轨道交通十八号线、5G铁塔建设等14家企业减免费用。") == [("14家", 14, "家")]
    # 两级 is a level of government, 370余名 a count
    assert rows("对市、县两级370余名一线执法队员进行培训。") == [("370余名", 370, "名")]


# ----------------------------------------------------------------------------- kind


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("办结行政审批3767件。", ["level"]),
        ("办结率100%。", ["rate"]),
        ("处置流程时间压缩50%以上。", ["change"]),
        ("同比增长8.5%。", ["change"]),
        ("提升3个百分点。", ["change"]),
        # from A to B: two levels (both rates); no derived change row without a span
        # the earlier figure of 从A提升至B is part of the change; B is the rate reached
        ("有效事件处置率从20%提升至70%。", ["change", "rate"]),
        ("全年办理案件由上年的2,908件增加到3,268件。", ["change", "level"]),
        ("压缩至法定时限的95%。", ["rate"]),  # 压缩至: the level reached, not the change
        ("2023年计划治理违法建设70万平方米,已治理约68万平方米。", ["target", "level"]),
        ("力争完成培训10场。", ["target"]),
        ("一、工作成效\n办理案件5件。\n二、下一步工作计划\n开展培训3次。\n", ["level", "target"]),
    ],
)
def test_kind(text: str, kinds: list[str]) -> None:
    assert run(text)["kind"].tolist() == kinds


def test_plan_heading_from_sections_table() -> None:
    # the plan heading is on the parent section; the quantity is in a child section
    sections = pd.DataFrame(
        [
            {
                "report_id": "a",
                "section_id": "4",
                "start": 0,
                "heading": "2024年主要计划",
                "text": "四、2024年主要计划\n",
            },
            {
                "report_id": "a",
                "section_id": "4.1",
                "start": 11,
                "heading": "加强队伍",
                "text": "(一)加强队伍\n整合五支队伍。",
            },
        ]
    )
    assert extract_metrics(sections)["kind"].tolist() == ["target"]


# ----------------------------------------------------------------------------- subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("共办理简易程序案件2637件。", "简易程序案件"),
        ("罚款408640元。", "罚款"),
        ("共发放宣传资料9万余份。", "宣传资料"),
        ("受理行政复议案件5起。", "行政复议案件"),
        ("协助14家企业减免费用。", "企业"),  # after the unit
        ("组织召开28次党组会议。", "党组会议"),
        ("全年共受理各类信访2691件。", "信访"),  # 各类 stripped
        ("审查修订合同、执法文书等共计505件次。", "合同、执法文书"),
        # 13 characters: cut to the whole words that fit in 12
        ("办理12345便民服务热线事项9000余件。", "便民服务热线事项"),
        ("及时办理率和办结率均为100%。", "及时办理率和办结率"),  # 办理率: not a verb
        ("对我局代起草的市政府规范性文件22件进行清理。", "市政府规范性文件"),
        ("有效事件处置率从20%提升至70%。", "有效事件处置率"),  # 70% inherits
    ],
)
def test_subject(text: str, subject: str) -> None:
    assert run(text)["subject"].iloc[-1] == subject


def test_subject_is_short() -> None:
    m = run("全年召开城市管理领域优化营商环境工作推进专题会议和联席会议6次。")
    assert 0 < len(m["subject"].iloc[0]) <= 12


# ----------------------------------------------------------------------------- indicators


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("共办理简易程序案件2637件。", "admin_penalty_cases"),
        ("2023年全局作出行政处罚40项。", "admin_penalty_cases"),
        ("全年共计办理免予行政处罚相关案件426件。", ""),  # penalty waived: not a case
        ("公示行政许可9项、行政处罚83项。", ""),  # a published list of powers
        ("罚没金额12.6万元。", "fines_yuan"),
        ("全年处理行政复议案8件。", "admin_reconsideration_cases"),
        ("被申请行政复议案件5宗、民事案件5宗。", "admin_reconsideration_cases"),
        ("行政应诉案件11起。", "admin_litigation_cases"),
        ("民事诉讼案件2件。", ""),
        ("全年共受理各类信访2691件。", "petitions"),
        ("办理12345便民服务热线事项9000余件。", "hotline_cases"),
        ("开展专题培训2次。", "training_sessions"),
        ("对370余名执法队员进行培训。", "training_participants"),
        ("累计开展宣传活动2271次。", "publicity_events"),
        ("开展临时外展促销、广告宣传等活动101次。", ""),  # advertising, not legal publicity
        ("共发放宣传资料9万余份、制作展板50余块。", "publicity_materials"),
        ("审核局内部协议书和合同823份。", "legal_reviews"),
        ("清理废止两个部门规范性文件。", "normative_documents_reviewed"),
        ("数字城管系统立案12万余件。", "digital_cases"),
        ("信访办结率100%。", "completion_rate"),
        ("出庭率100%。", ""),
        ("受理群众对行政执法行为的投诉举报29件。", ""),  # enforcement supervision
        ("审议重大疑难复议案件23件。", ""),  # a subset deliberated by a committee
        ("召开守法普法协调小组会议4次。", ""),  # a meeting, not an event for the public
        ("开展“送法下乡”活动60余场。", "publicity_events"),
        ("开展普法讲座十二场。", "publicity_events"),  # lectures for the public
        ("受理12369环保举报4,215件。", "hotline_cases"),  # any 123xx service line
        ("全年对68件重大行政处罚决定开展法制审核。", "legal_reviews"),  # reviews, not cases
        ("全年立案查处环境违法案件436件。", "admin_penalty_cases"),  # the year's total
        # one field's cases: penalty cases, but a last resort that never adds to a year's total
        # (tests/test_session7.py, tests/test_review_s6.py)
        ("依法立案查处垃圾分类违法案件67件。", "admin_penalty_cases"),
        ("按日连续处罚3件。", ""),  # a measure within cases already counted
        ("全年数字化城管平台受理案件1.8万件。", "digital_cases"),
        ("督办超时未处置案件86件。", ""),  # overdue cases chased: a subset
        ("全系统共查处交通运输违法行为2,186起。", "admin_penalty_cases"),
        ("开展普法宣传进企业、进车站活动36场次。", "publicity_events"),
        ("开展“法律进乡村”活动260余场。", "publicity_events"),
        ("全年开展三次普法宣传活动。", "publicity_events"),  # 三次 + a word can be a count
        ("将4类重大执法决定纳入法制审核范围。", ""),  # a scope, not reviews done
        ("举办法治专题讲座4期。", ""),  # lectures for officials are neither publicity nor training
        ("审查县政府常务会议议题及其他涉法文件58件。", "legal_reviews"),
    ],
)
def test_indicator_assignment(text: str, indicator: str) -> None:
    assert run(text)["indicator"].iloc[0] == indicator


def test_unit_that_does_not_fit_is_rejected() -> None:
    # a penalty-case count in 元, a fine in 件, a completion rate in 件
    assert assign_indicator("行政处罚案件", "行政处罚案件100元", "", "money") == ""
    assert assign_indicator("罚款", "罚款5件", "", "cases") == ""
    assert assign_indicator("办结率", "办结率5件", "", "cases") == ""
    assert assign_indicator("行政处罚案件", "行政处罚案件100件", "", "cases") == (
        "admin_penalty_cases"
    )


def _derive(text: str, with_text: bool = True) -> pd.DataFrame:
    m = run(text)
    return derive_indicators(m, {"r": text} if with_text else None)


def test_derive_sum_and_stated_zero() -> None:
    text = (
        "共办理简易程序案件2637件,罚款408640元;一般程序案件264件,罚款720183.79元,"
        "所办案件当事人均未提起行政复议、行政诉讼。"
    )
    table = _derive(text)
    assert list(table.columns) == list(INDICATORS.columns)
    ind = table.set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 2901  # 2637 + 264
    assert ind.loc["admin_penalty_cases", "method"] == "sum"
    assert ind.loc["admin_penalty_cases", "evidence"] == "m0001;m0003"
    assert ind.loc["fines_yuan", "value"] == pytest.approx(1128823.79)  # 408640 + 720183.79
    assert ind.loc["fines_yuan", "unit"] == "元"
    for name in ("admin_reconsideration_cases", "admin_litigation_cases"):
        assert ind.loc[name, "value"] == 0
        assert ind.loc[name, "method"] == "stated_zero"
        # no quantity states the none: the sentence does, cited with its offsets (not the
        # sentence's unrelated figures 264件 and 720183.79元)
        assert ind.loc[name, "evidence"] == ""
        zero = "一般程序案件264件,罚款720183.79元,所办案件当事人均未提起行政复议、行政诉讼"
        assert ind.loc[name, "sentence"] == zero
        assert text[ind.loc[name, "start"] : ind.loc[name, "end"]] == zero
    assert "petitions" not in ind.index  # not stated: no row, never a guess


def test_derive_subset_is_not_added() -> None:
    ind = _derive("办理行政处罚案件100件,其中简易程序案件80件。").set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 100
    assert ind.loc["admin_penalty_cases", "method"] == "stated"


def test_derive_restated_figure_counts_once() -> None:
    ind = _derive("受理信访25件。全年信访25件,办结率100%。").set_index("indicator")
    assert ind.loc["petitions", "value"] == 25
    assert ind.loc["petitions", "method"] == "stated"


def test_derive_mixed_units_use_the_indicator_unit() -> None:
    ind = _derive("审核合同823份。全年审核行政处罚信息40条。").set_index("indicator")
    assert ind.loc["legal_reviews", "value"] == 863
    assert ind.loc["legal_reviews", "unit"] == "件"
    assert ind.loc["legal_reviews", "method"] == "sum"


def test_derive_documents_in_items_and_cases_add_up() -> None:
    # legal reviews count documents whatever their measure word (cases+items)
    text = "全年审查县政府重大合同96份,审查常务会议议题及其他涉法文件58件。"
    assert _figure(text, "legal_reviews") == (154, "件", "sum")


def test_derive_special_cleanup_of_documents_is_the_whole_count() -> None:
    text = "审查规范性文件7件。开展专项清理,共清理规范性文件45件。"
    assert _figure(text, "normative_documents_reviewed") == (52, "件", "sum")


def test_a_bare_funnel_step_counts_the_noun_before_it() -> None:
    m = run("收到行政复议申请87件,受理79件,审结75件,其中维持52件。")
    assert m["subject"].tolist() == ["行政复议申请", "受理行政复议申请", "审结行政复议申请", "维持"]
    assert m["indicator"].tolist()[:3] == ["admin_reconsideration_cases"] * 3


def test_derive_cases_accepted_not_applications_received() -> None:
    text = "收到行政复议申请87件,受理79件,审结75件。"
    assert _figure(text, "admin_reconsideration_cases") == (79, "件", "stated")
    # across a sentence end within the paragraph, and with a rate in between
    text = "共收到行政复议申请236件,较去年增长15.2%;依法受理218件,审结201件。"
    assert _figure(text, "admin_reconsideration_cases") == (218, "件", "stated")
    # an application count alone stays the figure
    assert _figure("被申请行政复议案件5件。", "admin_reconsideration_cases") == (5, "件", "stated")


def test_review_regressions_of_the_new_indicator_rules() -> None:
    # a bare step does not inherit a subject across a sentence end
    text = (
        "全年共办理行政处罚案件120件,罚没款36万元。在信访工作中,全年依法受理98件,按期办结率100%。"
    )
    assert _figure(text, "admin_penalty_cases") == (120, "件", "stated")
    # fields' totals of a government report do not add to its stated total (fallback row)
    text = (
        "全年全县共办理行政处罚案件1200件,罚没款500万元。\n"
        "在生态环境保护领域,全年共立案查处环境违法案件136件。\n"
        "在市场监管领域,全年共查处食品安全违法案件320件。"
    )
    assert _figure(text, "admin_penalty_cases") == (1200, "件", "stated")
    # ... but a department's own total counts when it is all there is
    text = "全年立案查处环境违法案件436件,罚没款4,127.6万元。"
    assert _figure(text, "admin_penalty_cases") == (436, "件", "stated")
    # what follows the noun does not exclude a count (only after 对/将 … the whole clause)
    text = "全年共办理268件行政处罚案件并全部在门户网站公示。"
    assert _figure(text, "admin_penalty_cases") == (268, "件", "stated")
    # publication reviews of 政务信息 are not legal reviews
    text = "全年共对96件合同协议进行合法性审查。严格落实信息发布三审制度,全年审核政务信息3200条。"
    assert _figure(text, "legal_reviews") == (96, "件", "stated")


def test_derive_ignores_targets_and_changes() -> None:
    text = "培训人员600人次。二、下一步工作打算\n计划培训执法人员500人次。罚款同比下降12%。"
    ind = _derive(text).set_index("indicator")
    assert ind.loc["training_participants", "value"] == 600  # the plan's 500 is not added
    assert ind.loc["training_participants", "method"] == "stated"


def test_derive_rate_takes_the_first() -> None:
    ind = _derive("信访办结率100%。按时处置率92.16%。").set_index("indicator")
    assert ind.loc["completion_rate", "value"] == 100
    assert ind.loc["completion_rate", "method"] == "stated"


def test_derive_zero_count_and_text_only_zero() -> None:
    ind = _derive("行政诉讼案件0件。").set_index("indicator")
    assert ind.loc["admin_litigation_cases", "method"] == "stated_zero"
    assert ind.loc["admin_litigation_cases", "evidence"] == "m0001"
    # an explicit none in a sentence with no quantity: evidence ''
    m = run("办理案件5件。全年未发生行政诉讼案件。")
    ind = derive_indicators(m, {"r": "办理案件5件。全年未发生行政诉讼案件。"}).set_index(
        "indicator"
    )
    assert ind.loc["admin_litigation_cases", "value"] == 0
    assert ind.loc["admin_litigation_cases", "evidence"] == ""


def test_derive_accepts_sections_table() -> None:
    sections = sections_from_texts({"r": "全年未发生行政诉讼案件。"})
    ind = derive_indicators(run("全年未发生行政诉讼案件。"), sections)
    assert ind["indicator"].tolist() == ["admin_litigation_cases"]


# How mentions of one indicator combine (derive_indicators steps 1-8). Every input is made up
# and every expected figure is written by hand from reading the input.


def _figure(text: str, indicator: str, with_text: bool = True) -> tuple[float, str, str]:
    """(value, unit, method) derived for one indicator, or a KeyError when there is none."""
    row = _derive(text, with_text).set_index("indicator").loc[indicator]
    return float(row["value"]), row["unit"], row["method"]


def test_soft_line_break_does_not_end_a_sentence() -> None:
    # a PDF hard wrap left inside a paragraph: the count on the next line keeps its subject
    text = "2.做好信访工作。全年受理群众来信来访\n45批次97人次,均已办结答复。"
    m = run(text).set_index("raw")
    assert m.loc["45批次", "subject"] == "群众来信来访"
    assert m.loc["45批次", "sentence"] == "全年受理群众来信来访\n45批次97人次,均已办结答复"
    # a heading line (outline marker, no full stop) still ends its sentence
    m = run("(一)严格规范执法,提升执法质效\n全年办理行政处罚案件100件。")
    assert m["sentence"].tolist() == ["全年办理行政处罚案件100件"]


def test_subject_read_after_the_unit_stops_at_a_number() -> None:
    # 八个领域共312项处罚事项: 八个 counts 领域, not penalty cases
    m = run("涵盖市容、园林等八个领域共312项处罚事项。").set_index("raw")
    assert m.loc["八个", "subject"] == "领域"
    assert m.loc["八个", "indicator"] == ""
    assert m.loc["312项", "indicator"] == ""  # a list of powers (事项), not cases


def test_ni_before_a_modifier_is_not_a_plan() -> None:
    # 拟出台的规范性文件: documents about to be issued; the reviews were done
    m = run("全年对拟出台的规范性文件开展合法性审查156件。").iloc[0]
    assert (m["kind"], m["indicator"]) == ("level", "legal_reviews")
    assert run("拟废止5件。")["kind"].tolist() == ["target"]  # 拟 + verb: still a plan


def test_derive_unit_family_preference() -> None:
    # petitions: 件/宗 first, then 批次/次, then 人次; never added across units
    assert _figure("全年受理群众来信来访45批次97人次。", "petitions") == (45, "批次", "stated")
    text = "受理信访30宗。接待群众来访91批次130余人次。"
    assert _figure(text, "petitions") == (30, "宗", "stated")
    assert _figure("接待来访群众130人次。", "petitions") == (130, "人次", "stated")
    # case files reviewed (案卷) are not cases
    text = "立案查处违法案件1356宗。评查一般程序案卷300卷。"
    assert _figure(text, "admin_penalty_cases") == (1356, "宗", "stated")


def test_derive_subset_clause_continues_to_the_end_of_its_list() -> None:
    # 来访30件 stands after 其中 in the same sentence as the total: a part, not added
    assert _figure("受理信访100件,其中来信60件,来访30件。", "petitions") == (100, "件", "stated")
    # 其中 with no figure of the indicator before it opens no subset for that indicator
    text = "全年立案1356宗,其中简易程序836宗,罚款金额合计112.45万元。"
    assert _figure(text, "fines_yuan") == (1124500, "元", "stated")


def test_derive_subset_position_without_text() -> None:
    # the second 5件 is the standalone one after 其中, not the 5件 inside 15件
    for with_text in (True, False):
        assert _figure("受理信访15件,其中来信5件。", "petitions", with_text)[0] == 15


def test_derive_special_campaign_is_not_added() -> None:
    text = "全年罚没款2000万元。\n开展渣土运输专项整治,罚款金额80万元。"
    assert _figure(text, "fines_yuan") == (20000000, "元", "stated")
    # a campaign figure alone is what the report states
    assert _figure("开展安全生产专项整治,罚款12万元。", "fines_yuan") == (120000, "元", "stated")
    # 专项培训 is not a campaign: two trainings add up
    text = "开展法治专项培训3期。\n举办岗前培训班2期。"
    assert _figure(text, "training_sessions") == (5, "期", "sum")


def test_derive_outcome_is_not_an_intake() -> None:
    text = "数字城管系统立案39.6万件,结案38.9万件,结案率98.23%。"
    assert _figure(text, "digital_cases") == (396000, "件", "stated")
    assert _figure(text, "completion_rate") == (98.23, "%", "stated")
    # an outcome count alone is kept
    assert _figure("数字城管系统结案38.9万件。", "digital_cases")[0] == 389000


def test_derive_negations_are_not_penalties() -> None:
    text = "全年办理行政处罚案件1468件。对首次轻微违法的189起违法行为依法不予处罚。"
    assert _figure(text, "admin_penalty_cases") == (1468, "件", "stated")
    for none in ("对189起违法行为依法不予处罚。", "免于处罚案件5件。", "首违不罚案件30件。"):
        assert "admin_penalty_cases" not in _derive(none)["indicator"].tolist(), none


def test_derive_total_equal_to_the_sum_of_its_parts() -> None:
    # the parts stand in another paragraph, with no 其中: the total equals their sum
    text = "办理行政处罚案件1468件。\n简易程序案件1107件,一般程序案件361件。"
    assert _figure(text, "admin_penalty_cases") == (1468, "件", "stated")


def test_derive_stated_total_rules_its_paragraph() -> None:
    # 全年 … 1300余人次 is the paragraph's total: two people sent on a course are among them
    text = "全年开展培训12场次,参训人员达1300余人次。选派两名执法骨干参加省厅培训。"
    assert _figure(text, "training_participants") == (1300, "人次", "stated")
    # in another paragraph the 20 people are another part
    text = "全年开展培训12场次,参训人员1300人次。\n组织新录用执法人员20人参加岗前培训。"
    assert _figure(text, "training_participants") == (1320, "人", "sum")
    # but staff sent to another body's course are not the bureau's trainees (held-out h17, h69)
    text = "全年开展培训12场次,参训人员1300人次。\n选派执法骨干20人参加省厅培训。"
    assert _figure(text, "training_participants") == (1300, "人次", "stated")
    # complementary types are parts even after a total cue: 300 + 100
    text = "全年办理简易程序案件300件,罚款1万元。一般程序案件100件。"
    assert _figure(text, "admin_penalty_cases") == (400, "件", "sum")


def test_derive_typed_parts_after_a_larger_figure() -> None:
    # 17 继续保留 is one outcome of the review of the 22 documents
    text = "对规范性文件22件进行清理,拟废止5件,继续保留17件。"
    assert _figure(text, "normative_documents_reviewed") == (22, "件", "stated")
    # with no total, the outcomes of the review add up
    text = "组织开展规范性文件集中清理,废止3件、修改5件、继续有效7件。"
    assert _figure(text, "normative_documents_reviewed") == (15, "件", "sum")


def test_derive_bare_review_counts() -> None:
    # the object of the review is named in the clause before: 审查37件 is a legal review
    text = "对规范性文件、经济合同进行合法性审查,全年共审查37件。"
    assert _figure(text, "legal_reviews") == (37, "件", "stated")
    text = "开展规范性文件专项清理,共清理12件,其中宣布失效三件、修改两件、继续保留七件。"
    assert _figure(text, "normative_documents_reviewed") == (12, "件", "stated")


# ----------------------------------------------------------------------------- corrections


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "corrections.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_corrections(tmp_path: Path) -> None:
    m = run("维持4起,撤销1起,又1起;罚款5万元。")
    path = _write(
        tmp_path,
        "# reviewed corrections\n"
        "report_id,raw,occurrence,start,action,value,unit,indicator,note\n"
        "r,1起,2,,set,2,件,admin_penalty_cases,second 1起\n"
        "r,4起,,,not_a_quantity,,,,\n"
        "r,5万元,,,set,60000,,,typo\n"
        "r,9起,1,,set,9,,,matches nothing\n",
    )
    out, warnings = apply_corrections(m, read_corrections(path))
    assert out["raw"].tolist() == ["1起", "1起", "5万元"]  # 4起 dropped
    assert out["metric_id"].tolist() == ["m0002", "m0003", "m0004"]  # ids kept
    second = out[out["metric_id"] == "m0003"].iloc[0]
    assert (second["value"], second["unit"], second["unit_family"]) == (2.0, "件", "cases")
    assert second["indicator"] == "admin_penalty_cases"
    assert bool(second["corrected"])
    assert not bool(out[out["metric_id"] == "m0002"].iloc[0]["corrected"])
    assert out[out["metric_id"] == "m0004"].iloc[0]["value"] == 60000
    assert len(warnings) == 1 and "9起" in warnings[0]


def test_corrections_by_start(tmp_path: Path) -> None:
    m = run("维持1起,撤销1起。")  # 1起 at offsets 2 and 7
    path = _write(tmp_path, "report_id,raw,start,action,value\nr,1起,7,set,3\n")
    out, warnings = apply_corrections(m, read_corrections(path))
    assert out["value"].tolist() == [1.0, 3.0] and warnings == []


def test_read_corrections_bad_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "report,raw,what\nr,1起,set\n")
    with pytest.raises(ValueError, match="corrections.csv"):
        read_corrections(path)
    path = _write(tmp_path, "report_id,raw,occurrence,action\nr,1起,1,delete\n")
    with pytest.raises(ValueError, match="delete"):
        read_corrections(path)


def test_project_corrections_file_is_valid() -> None:
    corrections = read_corrections(paths.CORRECTIONS_FILE)
    assert paths.CORRECTIONS_FILE.read_text(encoding="utf-8").startswith("#")
    assert set(corrections.columns) >= {"report_id", "raw", "occurrence", "start", "action"}


# ----------------------------------------------------------------------------- lexicons


@pytest.mark.parametrize("path", [UNITS_FILE, PATTERNS_FILE, INDICATORS_FILE])
def test_lexicons_have_a_comment_header(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("#")


def test_lexicons_are_consistent() -> None:
    units = read_units()
    families = {
        "cases",
        "money",
        "people",
        "times",
        "items",
        "area",
        "length",
        "weight",
        "percent",
        "other",
    }
    assert set(units["family"]) <= families
    assert units["unit"].is_unique
    rules = read_indicator_rules()
    # an indicator may have several rows (other conditions); they must agree on how its
    # mentions combine and on its unit, which the first row gives
    for _name, same in rules.groupby("indicator", sort=False):
        assert same["aggregate"].nunique() == 1 and same["unit"].nunique() == 1
    for fam in rules["families"]:
        assert set(re.split(r"[,+]", fam)) <= families
    for col in ("subject", "clause", "sentence", "exclude", "zero"):
        for pattern in rules[col]:
            re.compile(pattern)
    assert set(rules["aggregate"]) <= {"sum", "first"}


# ----------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789.,%:-~ 万亿千百十一二两三五九〇余多近约超以上左右件元人次个项年月日"
                "第号《》〔〕“”()。;\n罚款案件培训率从至"
            )
        ),
        max_size=60,
    )
)
def test_arbitrary_text_never_raises_and_raw_slices(text: str) -> None:
    m = run(text)
    for r in m.itertuples():
        assert text[r.start : r.end] == r.raw
        assert r.value == r.value  # not NaN


# ----------------------------------------------------------------------------- seeds


def _cleaned(path: Path) -> tuple[str, pd.DataFrame]:
    """Cleaned text and sections of a seed: the project's cleaner when present."""
    raw = path.read_text(encoding="utf-8")
    rid = path.name[:3]
    try:
        from analysis.cleaning import clean_text
        from analysis.sections import split_sections
    except ImportError:  # fall back: drop obvious chrome lines, one section at 0
        text = "\n".join(
            ln
            for ln in raw.split("\n")
            if not re.search(r"当前的?位置|扫一扫|ICP备|公网安备|Copyright|【打印】", ln)
        )
        return text, sections_from_texts({rid: text})
    text = clean_text(raw, rid).text
    return text, split_sections(text, rid)


def _gold_ids() -> list[str]:
    return sorted(p.stem.rsplit("_", 1)[1] for p in FIXTURES.glob("gold_metrics_*.csv"))


def test_every_seed_has_gold_fixtures() -> None:
    # The accuracy tests below run on whatever gold exists: make sure none went missing.
    seeds = sorted(p.name.split("_", 1)[0] for p in RAW.glob("*.txt"))
    assert _gold_ids() == seeds
    assert all((FIXTURES / f"gold_indicators_{rid}.csv").exists() for rid in seeds)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, pd.DataFrame, pd.DataFrame]]:
    out = {}
    for rid in _gold_ids():
        (path,) = RAW.glob(f"{rid}_*.txt")
        text, sections = _cleaned(path)
        out[rid] = (text, sections, extract_metrics(sections))
    return out


def test_seed_precision_recall(seeds) -> None:
    total_tp = total_pred = total_gold = 0
    lines = []
    for rid, (text, _sections, metrics) in seeds.items():
        gold = pd.read_csv(FIXTURES / f"gold_metrics_{rid}.csv", dtype={"raw": str})
        spans = gold_spans(text, gold)
        tp, misses = match_quantities(text, metrics, spans)
        precision = tp / max(1, len(metrics))
        recall = tp / max(1, len(spans))
        lines.append(
            f"{rid}: precision {precision:.3f} recall {recall:.3f} "
            f"({tp}/{len(metrics)} predicted, {tp}/{len(spans)} gold) {misses}"
        )
        total_tp += tp
        total_pred += len(metrics)
        total_gold += len(spans)
    precision = total_tp / max(1, total_pred)
    recall = total_tp / max(1, total_gold)
    print("\n".join(lines))
    print(f"overall: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.95, "\n".join(lines)
    assert recall >= 0.95, "\n".join(lines)


def test_seed_key_indicators(seeds) -> None:
    problems = []
    for rid, (_text, sections, metrics) in seeds.items():
        path = FIXTURES / f"gold_indicators_{rid}.csv"
        if not path.exists():
            continue
        gold = pd.read_csv(path)
        pred = derive_indicators(metrics, sections).set_index("indicator")
        for g in gold.itertuples():
            if g.indicator not in KEY_INDICATORS:
                continue
            if g.indicator not in pred.index:
                problems.append(f"{rid} {g.indicator}: gold {g.value}, none predicted")
            elif abs(pred.loc[g.indicator, "value"] - float(g.value)) > 1e-6:
                problems.append(
                    f"{rid} {g.indicator}: gold {g.value}, predicted "
                    f"{pred.loc[g.indicator, 'value']}"
                )
        # a key indicator the gold does not state must not be invented
        for name in KEY_INDICATORS:
            if name in pred.index and name not in set(gold["indicator"]):
                problems.append(f"{rid} {name}: predicted but not stated in gold")
    assert problems == []


def test_seed_all_indicators(seeds) -> None:
    """Every gold indicator (not only the key ones): value and method."""
    problems = []
    for rid, (_text, sections, metrics) in seeds.items():
        path = FIXTURES / f"gold_indicators_{rid}.csv"
        if not path.exists():
            continue
        gold = pd.read_csv(path).set_index("indicator")
        pred = derive_indicators(metrics, sections).set_index("indicator")
        for name in sorted(set(gold.index) | set(pred.index)):
            g = gold.loc[name] if name in gold.index else None
            p = pred.loc[name] if name in pred.index else None
            if (
                g is None
                or p is None
                or abs(p["value"] - g["value"]) > 1e-6
                or (p["method"] != g["method"])
            ):
                problems.append(
                    f"{rid} {name}: gold {None if g is None else g['value']}, "
                    f"predicted {None if p is None else p['value']}"
                )
    assert problems == []


def test_seed_raw_slices_cleaned_text(seeds) -> None:
    for _rid, (text, _sections, metrics) in seeds.items():
        for r in metrics.itertuples():
            assert text[r.start : r.end] == r.raw


def test_seed_fullwidth_shape_gives_same_quantities() -> None:
    from shapes import to_fullwidth_punctuation  # tests/ is on sys.path (rootdir conftest-less)

    for path in sorted(RAW.glob("*.txt"))[:2]:
        text = path.read_text(encoding="utf-8")
        half = run(text)
        full = run(to_fullwidth_punctuation(text))
        assert full["value"].tolist() == half["value"].tolist()
        assert full["unit"].tolist() == half["unit"].tolist()
        assert full["indicator"].tolist() == half["indicator"].tolist()


# ----------------------------------------------------------------------------- fast paths


def test_metric_columns_are_the_metrics_table() -> None:
    from analysis.metrics import metric_columns, metrics_frame

    sections = sections_from_texts({"b": "罚款5万元。", "a": "办理案件3件,4件。"})
    cols = metric_columns(
        sections["report_id"].tolist(),
        sections["section_id"].tolist(),
        sections["start"].tolist(),
        sections["text"].tolist(),
    )
    # written by hand: sorted by report then offset, ids numbered per report
    assert cols["report_id"] == ["a", "a", "b"]
    assert cols["metric_id"] == ["m0001", "m0002", "m0001"]
    assert cols["raw"] == ["3件", "4件", "5万元"]
    assert cols["value"] == [3.0, 4.0, 50000.0]
    pd.testing.assert_frame_equal(metrics_frame(cols), extract_metrics(sections))


def test_derive_groups_reports_in_one_pass() -> None:
    texts = {
        "r2": "受理信访25件。全年未发生行政诉讼案件。",
        "r1": "共办理简易程序案件2637件;一般程序案件264件。",
        "r3": "没有数字。",
    }
    both = extract_metrics(sections_from_texts(texts))
    ind = derive_indicators(both, texts)
    # by hand: reports sorted, indicators in lexicon order (petitions before litigation);
    # r3 states nothing; r2's explicit none has no metric in its sentence
    got = list(zip(ind["report_id"], ind["indicator"], ind["value"], ind["evidence"], strict=True))
    assert got == [
        ("r1", "admin_penalty_cases", 2901.0, "m0001;m0002"),
        ("r2", "petitions", 25.0, "m0001"),
        ("r2", "admin_litigation_cases", 0.0, ""),
    ]
    # the same, one report at a time (r3's table is empty)
    parts = [
        derive_indicators(extract_metrics(sections_from_texts({r: t})), {r: t})
        for r, t in sorted(texts.items())
    ]
    assert parts[2].empty
    alone = pd.concat(parts[:2], ignore_index=True)
    pd.testing.assert_frame_equal(ind, alone)


def test_derive_texts_from_sections_or_dict_agree(seeds) -> None:
    for text, sections, metrics in seeds.values():
        rid = sections["report_id"].iloc[0]
        pd.testing.assert_frame_equal(
            derive_indicators(metrics, sections), derive_indicators(metrics, {rid: text})
        )


def test_indicator_columns_are_derive_indicators_without_pandas(seeds) -> None:
    from analysis.metrics import INDICATOR_COLUMNS, indicator_columns, metric_columns

    all_cols: dict[str, list] = {}
    texts = {}
    for text, sections, metrics in seeds.values():
        rid = sections["report_id"].iloc[0]
        cols = metric_columns(
            sections["report_id"].tolist(),
            sections["section_id"].tolist(),
            sections["start"].tolist(),
            sections["text"].tolist(),
            sections["heading"].tolist() if "heading" in sections.columns else None,
        )
        for given_texts in ({rid: text}, None):
            frame = derive_indicators(metrics, given_texts)
            expected = {c: frame[c].tolist() for c in INDICATOR_COLUMNS}
            assert indicator_columns(cols, given_texts) == expected
        for c, v in cols.items():
            all_cols.setdefault(c, []).extend(v)
        texts[rid] = text
    frame = derive_indicators(pd.concat([m for _, _, m in seeds.values()]), texts)
    assert indicator_columns(all_cols, texts) == {c: frame[c].tolist() for c in INDICATOR_COLUMNS}
    assert len(frame)


def test_derive_round_six_totals_parts_and_look_alikes() -> None:
    # the year's total of all kinds of cases wins over its typed parts, over a squad's
    # typed count inside one of them and over one field's count in another paragraph
    text = (
        "全年查处建筑垃圾运输违法案件96件,罚款18.6万元。\n"
        "全年共立案查处各类城市管理违法案件1,426件,其中适用简易程序案件814件、"
        "适用一般程序案件612件,共计罚款186.42万元。\n"
        "三个专业中队共办理一般程序案件112件。\n"
    )
    assert _figure(text, "admin_penalty_cases") == (1426, "件", "stated")
    # a grand total of money rules a field's fines in another paragraph
    assert _figure(text, "fines_yuan") == (1864200, "元", "stated")
    # fines stated in parts, none of them cued as a total, still add up
    text = "简易程序罚款4.2万元。\n一般程序罚款36万元。\n"
    assert _figure(text, "fines_yuan") == (402000, "元", "sum")


def test_derive_arbitration_and_counsel_are_not_cases_of_the_bureau() -> None:
    text = (
        "全市劳动人事争议仲裁机构全年受理案件2,874件。\n"
        "全年立案查处劳动保障违法案件186件,结案181件,其中作出行政处罚决定41件。\n"
    )
    # arbitration is not penalty work; a field's yearly total stays with the penalties
    # stated inside it (其中 … 41件)
    assert _figure(text, "admin_penalty_cases") == (186, "件", "stated")
    text = "法律顾问代理行政诉讼案件7宗。\n作为被告的行政诉讼案件9宗,其中一审8宗。\n"
    assert _figure(text, "admin_litigation_cases") == (9, "宗", "stated")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("罚款186.42万元。", 1864200.0),
        ("罚没款1,526.3万元。", 15263000.0),
        ("投入0.07亿元。", 7000000.0),
    ],
)
def test_amounts_in_wan_are_exact_whole_yuan(text, value) -> None:
    # 186.42 * 10000 is 1864199.9999999998 in binary floating point
    assert run(text)["value"].tolist() == [value]


@pytest.mark.parametrize(
    "text",
    [
        "智慧城管二期项目全年投入使用。",  # a project's phase
        "重点抓了三个环节:一是学习。",  # a count about the report itself
        "12333人社服务热线实行7×24小时服务。",  # a service line's number
    ],
)
def test_round_six_look_alikes_are_not_quantities(text) -> None:
    assert run(text).empty


def test_data_lines_label_then_value() -> None:
    # a block of key figures, one per line, label then value (or value then label)
    text = (
        "一、主要数据\n"
        "行政处罚案件:3,268件(同比增长12.4%)\n"
        "2,148件 一般程序案件\n"
        "罚没款:1,842.6万元\n"
        "非现场执法案件——486件\n"
        "二、主要工作\n"
        "全年办理行政处罚案件由上年的2,908件增加到3,268件,其中一般程序案件2,148件、"
        "简易程序案件1,120件;共计罚没款1,842.57万元。依法减轻处罚64件。"
        "全年1件处罚决定被复议机关撤销。\n"
    )
    m = run(text)
    subjects = dict(zip(m["raw"], m["subject"], strict=False))
    assert subjects["1,842.6万元"] == "罚没款" and subjects["486件"] == "非现场执法案件"
    assert m.loc[m["raw"] == "3,268件", "subject"].iloc[0] == "行政处罚案件"
    # each line is its own sentence
    assert m.loc[m["raw"] == "3,268件", "sentence"].iloc[0] == "行政处罚案件:3,268件(同比增长12.4%)"
    # restated figures count once, the more precise statement kept; the earlier year's
    # figure, the reduced-penalty and the revoked decision are not added
    assert _figure(text, "admin_penalty_cases") == (3268, "件", "stated")
    assert _figure(text, "fines_yuan") == (18425700, "元", "stated")


def test_round_seven_units_names_and_tax_figures() -> None:
    assert rows("12366热线接听来电26.8万通,办理退税约1,268万笔。") == [
        ("26.8万通", 268000, "通"),
        ("约1,268万笔", 12680000, "笔"),
    ]
    assert run("依托金税四期上线应用,布设24小时自助办税服务区。").empty
    text = (
        "全年共作出税务行政处罚决定2,846户次,其中适用简易程序2,517户次,罚款金额合计1,092.37万元。\n"
        "配合稽查局查补税款、滞纳金和罚款合计2.18亿元。\n"
        "以我局为被申请人的行政复议案件全年共6件。作为复议机关,受理行政复议申请3件。\n"
    )
    # a tax bureau counts its penalty decisions in 户次; a combined amount of tax, late fees
    # and fines is not a fine; the bureau as respondent (被申请人) is not an application that
    # the 3 accepted would replace (the year's stated total rules its paragraph)
    assert _figure(text, "admin_penalty_cases") == (2846, "户次", "stated")
    assert _figure(text, "fines_yuan") == (10923700, "元", "stated")
    assert _figure(text, "admin_reconsideration_cases") == (6, "件", "stated")


def test_archive_units_pages_and_file_consultations() -> None:
    assert rows("全年数字化档案138万页,提供查阅利用5,870卷次。") == [
        ("138万页", 1380000, "页"),
        ("5,870卷次", 5870, "卷次"),
    ]


def test_round_eight_totals_and_subsets() -> None:
    # a year's total of cases described by what they violate (…的案件) stays with the parts
    # stated inside it
    text = "全年共立案查处违反城市管理法律法规的案件4,127件,其中适用一般程序办理1,368件、适用简易程序办理2,759件。"
    assert _figure(text, "admin_penalty_cases") == (4127, "件", "stated")
    # the cases a leader took charge of (包案) are inside the petitions received
    text = (
        "受理群众来信来访67件(来信21件、来访46件)。\n局长接待来访群众36人次,包案化解信访矛盾4件。"
    )
    assert _figure(text, "petitions") == (67, "件", "stated")


def test_a_field_fine_of_the_same_type_is_inside_the_years_total() -> None:
    # 罚款 after 共计罚款 in the same paragraph is one field's share, not a complementary type
    text = (
        "全年共立案查处各类违法行为862件,其中适用简易程序517件、普通程序345件,共计罚款96.38万元。"
        "从执法领域看,查处生活垃圾分类违法行为213件,罚款18.65万元。\n"
    )
    assert _figure(text, "fines_yuan") == (963800, "元", "stated")
    # a complementary type stays: 罚款 and then 没收违法所得
    text = "全年共计罚款96.38万元。没收违法所得12万元。\n"
    assert _figure(text, "fines_yuan") == (1083800, "元", "sum")


def test_police_administrative_cases_are_penalty_work_not_litigation() -> None:
    text = (
        "全年共受理各类行政案件12,486起,查处行政案件10,932起,其中治安案件8,715起、其他行政案件2,217起。\n"
        "分局作为被告的行政诉讼案件17件。\n"
        "一线民警人均年办理各类案件超过120起。\n"
    )
    assert _figure(text, "admin_penalty_cases") == (10932, "起", "stated")
    assert _figure(text, "admin_litigation_cases") == (17, "件", "stated")
    # a court's 行政案件 is litigation
    assert _figure("全年法院受理以我局为被告的行政案件5件。", "admin_litigation_cases")[0] == 5
    assert run("八类严重暴力犯罪案件同比下降12%。")["raw"].tolist() == ["12%"]


def test_plans_in_a_part_above_its_headings_are_targets() -> None:
    # 第二部分 2024年…工作计划 holds 一、 headings without plan words: their figures are plans
    text = (
        "第一部分 2023年法治政府建设工作总结\n一、深化普法宣传\n全年开展普法活动156场次。\n"
        "二、存在的问题\n行政复议中仍有1件案件被确认违法。\n"
        "第二部分 2024年法治政府建设工作计划\n一、创新普法宣传方式方法\n全年开展普法活动160场次。\n"
    )
    m = process_text("r", text)["metrics"]
    kinds = dict(zip(m["raw"], m["kind"], strict=True))
    assert kinds["156场次"] == "level" and kinds["160场次"] == "target"
    got = derive_indicators(m, {"r": text}).set_index("indicator")["value"]
    assert got["publicity_events"] == 156
    assert "admin_penalty_cases" not in got.index  # a reconsideration's outcome, not a case


def test_environmental_units() -> None:
    assert rows("昼间平均等效声级54.6分贝,全年处理污水约86万立方米。") == [
        ("54.6分贝", 54.6, "分贝"),
        ("约86万立方米", 860000, "立方米"),
    ]
    assert run("在线监控设备数据24小时实时传输。").empty


def test_derive_enforcement_total_gives_way_to_its_penalty_part() -> None:
    # a city's summary of all enforcement acts (许可, 强制, 处罚 ...): the penalty count is the
    # part named for penalties, not the total of every act
    text = (
        "2022年,全市行政执法机关共办理各类行政执法案件1616.85万宗,同比上升11.67%。"
        "其中,行政处罚137.07万宗,罚没金额2.92亿元;行政许可80.96万宗。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 1370700
    # the same in one sentence
    one = _derive("共办理行政执法案件1200件,其中行政处罚案件1100件,行政强制100件。")
    assert one.set_index("indicator").loc["admin_penalty_cases", "value"] == 1100
    # a part that is a kind of penalty case (简易程序) leaves the total as the count
    proc = _derive("共办理行政执法案件1200件,其中简易程序案件800件。")
    assert proc.set_index("indicator").loc["admin_penalty_cases", "value"] == 1200
    # with no part named for penalties the enforcement total is the count
    alone = _derive("全年共办理行政执法案件300件。")
    assert alone.set_index("indicator").loc["admin_penalty_cases", "value"] == 300


def test_derive_another_whole_areas_figure_gives_way_to_the_authors() -> None:
    # a district's report (it speaks of 全区) quoting its city's total (全市…)
    district = (
        "一、主要工作\n全区城市管理工作稳步推进,全区环境持续改善,全区上下齐心。\n"
        "2023年,全市城管系统共办理行政处罚案件6.87万件。我局办理行政处罚案件3200件。\n"
    )
    ind = _derive(district).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 3200
    # a city's report: 全市 is its own area, and the total holds the bureau's share
    city = district.replace("全区", "全市")
    assert _derive(city).set_index("indicator").loc["admin_penalty_cases", "value"] == 68700
    # only the superior's figure stated: it is what the report gives
    only = (
        "一、主要工作\n全区上下齐心,全区稳步推进,全区持续改善。全市共办理行政处罚案件6.87万件。\n"
    )
    assert _derive(only).set_index("indicator").loc["admin_penalty_cases", "value"] == 68700


def test_a_list_of_plenums_is_not_a_count() -> None:
    m = run(
        "深入贯彻省委十一届三次、四次、五次、六次全会精神和市委四届三次、四次全会精神。全年培训3次。"
    )
    assert list(m["raw"]) == ["3次"]


def test_derive_a_part_restated_elsewhere_stays_inside_its_total() -> None:
    text = (
        "一、主要工作\n全年完成合法性审查和法制审核93件,其中重大行政执法决定法制审核58件,"
        "合同协议审查26份,其他涉法事项9件。\n"
        "二、执法\n落实三项制度,重大行政执法决定法制审核58件。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["legal_reviews", "value"] == 93
    assert ind.loc["legal_reviews", "method"] == "stated"


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        # a conjunction left from a pair of nouns is not the subject's start
        ("全年开展合法性审查和法制审核共131件。", "131件", "法制审核"),
        ("全年和解案件3件。", "3件", "和解案件"),  # 和解 is a word
        # 行为 keeps its 为
        ("通过非现场执法方式查处违法行为415件。", "415件", "违法行为"),
        ("检查渣土运输车辆2160辆次。", "2160辆次", "渣土运输车辆"),
    ],
)
def test_subjects_hand_checked(text: str, raw: str, subject: str) -> None:
    m = run(text).set_index("raw")
    assert m.loc[raw, "subject"] == subject


def test_derive_an_aside_in_parentheses_does_not_open_a_subset() -> None:
    # (含原12320卫生热线) is an aside inside the clause: 18,623 is the total, 2,316 its part
    text = (
        "承办12345政务服务便民热线(含原12320卫生热线)转办工单18,623件,按时办结率99.1%,"
        "其中投诉举报类工单2,316件。"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["hotline_cases", "value"] == 18623
    assert ind.loc["hotline_cases", "method"] == "stated"


def test_derive_a_block_of_key_figures_is_one_sentence_per_line() -> None:
    # a data line that mentions 非现场 does not make the lines below it digital cases
    text = (
        "一、主要数据\n非现场执法案件——486件,占比14.9%\n不予处罚(首违不罚)案件:157件\n"
        "行政复议案件:6件(维持5件、撤销1件)\n"
        "规范性文件清理——23件(废止4件、修改2件)\n"
        "二、主要举措\n对规范性文件逐件评估23件,决定废止4件、修改2件,其余17件继续有效。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["digital_cases", "value"] == 486
    assert ind.loc["admin_reconsideration_cases", "value"] == 6
    # the restated 23 still holds its typed parts (17 继续有效)
    assert ind.loc["normative_documents_reviewed", "value"] == 23


def test_derive_digital_cases_prefer_the_cases_to_the_platforms_problems() -> None:
    # the platform's problems count only when no case figure of 非现场执法 / 数字城管 is stated
    both = (
        "一、主要工作\n全年数字化城市管理平台共采集派遣城市管理问题2.36万件,处置2.31万件。\n"
        "推进非现场执法,通过非现场执法方式查处违法行为415件。\n"
    )
    assert _derive(both).set_index("indicator").loc["digital_cases", "value"] == 415
    alone = "一、主要工作\n全年数字化城市管理平台共采集派遣城市管理问题2.36万件,处置2.31万件。\n"
    assert _derive(alone).set_index("indicator").loc["digital_cases", "value"] == 23600
    # cases opened on the platform are cases; its closed problems are an outcome
    violations = "一、主要工作\n运用非现场执法方式立案查处违法违规行为318件。\n"
    assert _derive(violations).set_index("indicator").loc["digital_cases", "value"] == 318
    opened = (
        "一、主要工作\n全年数字城管系统立案各类城市管理问题8.52万件,结案城市管理问题8.31万件。\n"
    )
    assert _derive(opened).set_index("indicator").loc["digital_cases", "value"] == 85200


def test_derive_complaints_about_enforcement_are_not_hotline_work() -> None:
    text = (
        "一、主要工作\n全年承办12345政务服务便民热线工单2.1万件,按期办结率99.2%。\n"
        "畅通执法投诉渠道,全年受理针对执法人员执法行为的投诉27件,经调查核实3件。\n"
    )
    assert _derive(text).set_index("indicator").loc["hotline_cases", "value"] == 21000


def test_a_paragraph_of_what_the_author_will_do_is_a_plan() -> None:
    text = (
        "一、主要工作\n2021年,我馆将档案普法纳入年度工作要点,全年开展档案普法宣传活动11场次,"
        "发放宣传资料3,600余份。\n"
        "2022年,我馆将继续深入学习贯彻习近平法治思想。计划接收进馆档案不少于1万卷;"
        "开展档案普法宣传活动12场次以上,组织法治专题培训不少于4期。\n"
        "平凉市档案馆\n"
    )
    m = run(text).set_index("raw")
    # the report's own year with 将 as 把 (将…纳入) is no plan
    assert m.loc["11场次", "kind"] == "level" and m.loc["3,600余份", "kind"] == "level"
    assert (m.loc[["1万卷", "12场次以上", "4期"], "kind"] == "target").all()
    # 不少于 is a bound: outside raw, approximate, and not part of the subject
    assert m.loc["4期", "subject"] == "法治专题培训" and bool(m.loc["4期", "approx"])
    assert _derive(text).set_index("indicator").loc["publicity_events", "value"] == 11


def test_derive_a_summed_count_rules_other_paragraphs_but_one_kind_does_not() -> None:
    # 共131件 adds up both kinds of review: a figure elsewhere is inside it
    summed = (
        "一、决策\n两项决策均严格履行合法性审查程序。\n"
        "二、审查\n全年开展合法性审查和法制审核共131件,提出修改意见96条。\n"
    )
    assert _derive(summed).set_index("indicator").loc["legal_reviews", "value"] == 131
    # 全年 alone states one kind (decisions): the contracts elsewhere add to it
    kinds = (
        "一、审查\n对局机关签订的各类合同协议38份逐一进行合法性审查。\n"
        "二、执法\n全年法制审核重大执法决定156件。\n"
    )
    assert _derive(kinds).set_index("indicator").loc["legal_reviews", "value"] == 194


def test_round_12_quantities_and_subjects_hand_checked() -> None:
    m = run(
        "执法队员在陆家嘴开展夜间巡查,打造15分钟社区生活圈。"
        "全年办理县长热线交办件214件。印发法律宣传资料近8000份。"
    ).set_index("raw")
    # 陆 alone is a place name's character; 15分钟社区生活圈 is a concept's name
    assert list(m.index) == ["214件", "近8000份"]
    assert m.loc["214件", "subject"] == "县长热线交办件"
    assert m.loc["214件", "indicator"] == "hotline_cases"
    assert m.loc["近8000份", "indicator"] == "publicity_materials"


def test_round_12_indicators_hand_checked() -> None:
    text = (
        "一、主要工作\n全年全区城管执法系统共办理行政处罚案件38,652件,罚没款6843.27万元。\n"
        "全年对属于首次违法、情节轻微并已主动改正的2,164件案件作出不予行政处罚决定。\n"
        "二、群租整治\n立案查处群租违法案件612件,罚款318.5万元。\n"
        "三、复议诉讼\n行政复议方面,全年涉及我局的案件27件,其中维持19件;新收行政诉讼案件16件。\n"
        "四、存在的问题\n全年行政复议纠错案件3件。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 38652  # 不予处罚 cases are not added
    assert ind.loc["fines_yuan", "value"] == 68432700  # the year's total rules a campaign's
    assert ind.loc["admin_reconsideration_cases", "value"] == 27  # the topic names the cases
    assert ind.loc["admin_litigation_cases", "value"] == 16


def test_a_decimal_outline_marker_is_no_quantity() -> None:
    m = run("3 存在的问题\n　　3.3 部分企业主体法治意识仍有短板。\n2.5万人次参加网上学法考试。\n")
    assert list(m["raw"]) == ["2.5万人次"]


def test_round_14_zone_report_hand_checked() -> None:
    # 零部件 is a word; a lost case is an outcome, not another case filed
    m = run("全区汽车零部件企业120家。").set_index("raw")
    assert list(m.index) == ["120家"]
    text = (
        "一、复议诉讼\n全区新收一审行政诉讼案件72件,其中以区管委会为被告的21件。\n"
        "二、存在的问题\n个别部门程序意识不强,行政诉讼败诉3件。\n"
    )
    assert _derive(text).set_index("indicator").loc["admin_litigation_cases", "value"] == 72


def test_round_14_justice_bureau_hand_checked() -> None:
    # cases heard for another body, a multi-year total, complaints passed on, a number that
    # points back, and the documents taken into a clean-up
    text = (
        "一、主要工作\n选派律师参与市政府法制办组织的行政复议案件审理,全年参与审理行政复议案件46件,"
        "参与化解涉法涉诉信访38件。\n本年度我局被申请行政复议的案件2件。\n"
        "全年受理信访事项87件,其中来信52件、来访35件。\n"
        "“六五”期间,全市累计开展法治宣传活动1.2万余场次。"
        "全年全市共开展各类普法宣传活动1,860余场次。\n"
        "全年办理“12345”市长热线转办件64件。另将4件投诉移送市律师协会作出行业处分。\n"
        "对2010年以来制发的规范性文件进行清理,纳入清理范围的共23件,其中继续有效15件、宣布废止8件。\n"
        "抓住领导干部和青少年这两个重点。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_reconsideration_cases", "value"] == 2
    assert ind.loc["petitions", "value"] == 87
    assert ind.loc["publicity_events", "value"] == 1860
    assert ind.loc["hotline_cases", "value"] == 64
    assert ind.loc["normative_documents_reviewed", "value"] == 23
    assert "两个" not in set(run(text)["raw"])


def test_a_publicity_week_and_a_lecture_given_are_parts_not_more() -> None:
    text = (
        "一、普法\n全年全市开展各类普法宣传活动8,600余场次,发放宣传资料46万余份。\n"
        "围绕国家宪法日,在宪法宣传周期间组织开展主题活动1,260余场,发放宪法单行本和宣传折页1.5万份。\n"
        "二、培训\n全年共举办各类法治培训班7期,培训1,840人次。\n"
        "县长在全县领导干部法治专题培训班上授课1次。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["publicity_materials", "value"] == 460000
    assert ind.loc["training_sessions", "value"] == 7


def test_round_15_news_article_hand_checked() -> None:
    m = run(
        "群众满意度超9成,八成以上的诉求当场办结,工作方法一成不变。开通24小时人工接听服务。"
    ).set_index("raw")
    assert list(m.index) == ["超9成", "八成以上"]
    assert m.loc["超9成", "value"] == 90 and m.loc["超9成", "unit"] == "%"
    # a plan paragraph opened by 下一步 with any 将
    text = (
        "一、主要工作\n2023年,面向全系统执法人员举办法治培训42期,培训1.3万余人次。\n"
        "下一步,市市政园林局将对照纲要要求,力争年内非现场执法覆盖全市,举办法治培训不少于45期。\n"
    )
    assert _derive(text).set_index("indicator").loc["training_sessions", "value"] == 42


def test_round_15_zone_authority_hand_checked() -> None:
    m = run("汇聚数据约520GB,存储86.4TB;引进港资约1.6亿港元;建成5G基站12个。").set_index("raw")
    assert list(m.index) == ["约520GB", "86.4TB", "约1.6亿港元", "12个"]
    assert m.loc["约1.6亿港元", "value"] == 160000000 and m.loc["约1.6亿港元", "unit"] == "港元"
    text = (
        "一、执法\n全年我局共立案办理行政处罚案件1,126件。\n"
        "对初次违法、后果轻微并已主动纠正的132件案件,依法作出不予行政处罚决定。\n"
        "行政诉讼方面,我局作为被告新收案件9件,审结8件。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 1126
    assert ind.loc["admin_litigation_cases", "value"] == 9


def test_round_16_hand_checked() -> None:
    text = (
        "一、执法\n全年全市文化市场综合执法机构共出动执法人员2.9万余人次,"
        "办理文化市场和旅游行政处罚案件326件,其中一般程序271件、简易程序55件。\n"
        "（一）娱乐场所\n检查歌舞娱乐、游艺娱乐场所2,186家次,查处案件39件。\n"
        "二、决策\n全年法律顾问审核各类事项305件,其中合同协议58件、重大行政执法决定214件。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 326  # a field's bare 查处案件 is inside
    assert ind.loc["legal_reviews", "value"] == 305


def test_round_16_agriculture_hand_checked() -> None:
    m = run("全县生猪存栏38.6万头,家禽260余万羽,增殖放流鱼苗80万尾,免疫犬3.5万只。").set_index(
        "raw"
    )
    assert list(m.index) == ["38.6万头", "260余万羽", "80万尾", "3.5万只"]
    text = (
        "一、执法\n全年共立案查处农业违法案件87件,其中一般程序案件61件、简易程序案件26件。\n"
        "重大执法决定作出前一律由法制审核人员审核把关,全年共审核重大行政处罚决定18件。\n"
    )
    ind = _derive(text).set_index("indicator")
    assert ind.loc["admin_penalty_cases", "value"] == 87
    assert ind.loc["legal_reviews", "value"] == 18
