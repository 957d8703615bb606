"""Session 22: rules from review rv38's leftovers and held-out rounds 115 and later, each with
a hand-made input."""

from __future__ import annotations

import pytest
from snippets import in_report, outline, report_indicators, theme

from analysis.build import process_text
from analysis.cleaning import clean_text
from analysis.metadata import infer_metadata


def _raws(text: str) -> dict[str, tuple[float, str]]:
    m = process_text("r", text)["metrics"]
    return dict(zip(m["raw"], zip(m["value"], m["unit"], strict=True), strict=True))


# ------------------------------------------------------------------ whose year, which rate
def test_a_clause_of_an_earlier_years_work_is_not_the_years() -> None:
    got = report_indicators(
        "2022年举办行政执法人员培训班5期，2023年举办行政执法人员培训班8期，两年共计13期。\n"
    )
    assert got["training_sessions"] == 8


def test_a_clause_of_the_reports_own_year_counts() -> None:
    # the guard: the report's year (2023) opening a clause is the year's work
    got = report_indicators("2023年举办行政执法人员培训班8期，培训执法人员420人次。\n")
    assert (got["training_sessions"], got["training_participants"]) == (8, 420)


def test_an_earlier_year_as_a_point_in_time_is_no_earlier_years_work() -> None:
    # 2022年12月至2023年11月 spans the report's year: its figures are the year's
    got = report_indicators("2022年12月至2023年11月，共举办行政执法人员培训班6期。\n")
    assert got["training_sessions"] == 6


def test_a_bound_gives_way_to_the_rate_stated() -> None:
    got = report_indicators("案件结案率≥95%，群众满意率≥90%，全年案件结案率96.8%。\n")
    assert got["completion_rate"] == 96.8
    got = report_indicators("要求案件结案率不低于95%，全年案件结案率达到97.2%。\n")
    assert got["completion_rate"] == 97.2


def test_a_bound_alone_is_still_the_rate_stated() -> None:
    got = report_indicators("全年办结案件312件，案件结案率≥95%。\n")
    assert got["completion_rate"] == 95


# ------------------------------------------------------------------ pages: dates and lists
def _meta(text: str) -> dict[str, str]:
    cleaned = clean_text(text)
    got = infer_metadata(cleaned.text, cleaned.metadata)
    return {"year": got.year, "published": got.published}


_BODY = (
    "　　2024年，我局坚持以习近平法治思想为指导，全面推进城市管理领域法治建设，各项工作取得新成效。\n"
    "　　一、主要成效\n"
    "　　全年立案查处各类违法案件2,146件，罚没款286.37万元，结案率97.7%。\n"
    "　　二、存在问题\n　　执法队伍专业化水平仍需提升。\n"
)


def test_a_news_sites_post_line_with_its_source_gives_the_published_date() -> None:
    text = (
        "澎湃号 > 政务\n某县医疗保障局2024年度法治政府建设工作情况报告\n某县医保\n原创\n"
        "2025-01-26 10:18 来源：澎湃新闻·澎湃号·政务\n字号\n\n"
        "某县医疗保障局2024年度法治政府建设工作情况报告\n\n" + _BODY
    )
    assert _meta(text)["published"] == "2025-01-26"
    rules = dict(
        zip(clean_text(text).removed["text"], clean_text(text).removed["rule"], strict=False)
    )
    assert rules["2025-01-26 10:18 来源：澎湃新闻·澎湃号·政务"] == "metadata_date"


def test_a_toutiao_post_line_naming_its_account_gives_the_published_date() -> None:
    text = (
        "某区城管\n1.3万粉丝\n某区城市管理局2023年法治政府建设年度报告\n"
        "原创 · 2024-02-06 09:47 · 某区城管 · 发布于辽宁\n\n" + _BODY.replace("2024年", "2023年")
    )
    assert _meta(text)["published"] == "2024-02-06"


def test_a_list_of_other_posts_above_the_report_gives_neither_year_nor_date() -> None:
    text = (
        "某区人民政府\n首页 | 政务公开 | 办事服务 | 互动交流\n当前位置：首页 > 政务公开 > 部门信息\n\n"
        "热点推荐\n某区城市管理局2023年法治政府建设年度报告\n2024-01-25\n"
        "某区城市管理局2022年法治政府建设年度...\n2023-02-08\n"
        "某区生态环境局2024年法治政府建设年度报告\n2025-01-20\n更多>>\n\n"
        "发文机关：某区城市管理局\n成文日期：2025-01-21　　发布日期：2025-01-24\n"
        "某区城市管理局2024年法治政府建设年度报告\n来源：某区城市管理局　　浏览次数：917\n\n"
        + _BODY
    )
    assert _meta(text) == {"year": "2024", "published": "2025-01-24"}
    cleaned = clean_text(text)
    assert "热点推荐" not in cleaned.text and "2023年法治政府建设年度报告" not in cleaned.text


def test_a_typed_table_of_contents_without_pages_is_no_second_outline() -> None:
    heads = [
        "一、主要工作及成效",
        "（一）坚持党建引领，压实法治建设责任",
        "（二）抓实学法用法，提升干部职工法治素养",
        "二、存在的问题和不足",
        "三、2025年工作计划",
    ]
    para = "　　全年围绕中心工作扎实推进各项任务落实，建立健全工作台账，确保各项措施落地见效。\n"
    body = "".join(f"{h}\n{para}" for h in heads)
    toc = (
        "目　录\n"
        + "".join(f"{h}\n" for h in heads[:2])
        + "（二）抓实学法用法\n"
        + "".join(f"{h}\n" for h in heads[3:])
    )
    text = "某县机关事务管理局2024年度法治政府建设工作情况报告\n\n" + toc + "\n\n" + body
    got = outline(clean_text(text).text)
    assert [(lv, mk) for lv, mk, _, _ in got] == [
        (1, "一、"),
        (2, "(一)"),
        (2, "(二)"),
        (1, "二、"),
        (1, "三、"),
    ]


def test_a_list_of_headings_under_a_contents_label_that_do_not_recur_stays() -> None:
    # the guard: headings right after 目录 that stand nowhere further down are the outline
    text = (
        "某局2024年度法治政府建设工作情况报告\n目录\n一、主要工作\n二、存在问题\n三、工作计划\n"
        "　　全年围绕中心工作扎实推进各项任务落实，建立健全工作台账，确保各项措施落地见效。\n"
    )
    assert [mk for _, mk, _, _ in outline(clean_text(text).text)][:3] == ["一、", "二、", "三、"]


# ------------------------------------------------------------------ units and slips
def test_machine_shifts_and_test_questions_are_units() -> None:
    got = _raws("累计出动清雪机械1.36万台班，编写应知应会题库420道，整治背街小巷3条道路。\n")
    assert got["1.36万台班"] == (13600, "台班")
    assert got["420道"] == (420, "道")
    assert "3条" in got and "3条道" not in got


def test_a_road_is_no_count_of_questions() -> None:
    got = _raws("新建人行步道2道路口，设置3道防线。\n")
    assert "2道" not in got
    assert got["3道"] == (3, "道")


def test_an_input_methods_slips_are_read_as_the_words_meant() -> None:
    got = report_indicators(
        "全年共查处行政处法案件3862件，结案律98.6%。办理行政复义案件5件、行政诉送案件3件。"
        "举办法治陪训14期，合法性审察143件。\n"
    )
    assert got["admin_penalty_cases"] == 3862
    assert got["completion_rate"] == 98.6
    assert got["admin_reconsideration_cases"] == 5
    assert got["admin_litigation_cases"] == 3
    assert got["training_sessions"] == 14


def test_a_slip_keeps_what_the_report_wrote_in_the_tables() -> None:
    m = process_text("r", in_report("办理行政复义案件5件。\n"))["metrics"]
    row = m[m["raw"] == "5件"].iloc[0]
    assert "复义" in row["sentence"] and row["indicator"] == "admin_reconsideration_cases"


def test_a_slip_and_its_word_must_be_of_one_length(tmp_path) -> None:
    bad = tmp_path / "input_slips.tsv"
    bad.write_text("# slips\nslip\tword\tnote\n复义\t行政复议\t\n", encoding="utf-8")
    from analysis.metrics import _slips

    with pytest.raises(ValueError, match="same length"):
        _slips(str(bad))


# ------------------------------------------------------------------ money and zeros
def test_recovered_funds_lumped_with_fines_are_no_fines() -> None:
    got = report_indicators(
        "全年追回医保基金、收取违约金及罚款合计406.52万元，其中追回医保基金357.46万元、"
        "收取违约金42.78万元、罚款6.28万元。\n"
    )
    assert got["fines_yuan"] == 62800


def test_a_years_none_of_penalties_and_coercion_is_a_stated_zero() -> None:
    got = report_indicators(
        "我局执法事项主要为节能监督检查，2024年未作出行政处罚和行政强制决定，问题均责令改正。\n"
    )
    assert got["admin_penalty_cases"] == 0


# ------------------------------------------------------------------ whose trainees
def test_the_towns_own_teams_trained_are_not_the_bureaus_staff() -> None:
    got = report_indicators(
        "全年举办干部职工法治专题培训9期、培训726人次。为全区各镇街综合行政执法大队举办业务专题培训6期，"
        "培训镇街执法人员430人次。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (9, 726)


def test_the_counties_staff_trained_or_sent_to_a_course_are_not_the_bureaus() -> None:
    got = report_indicators(
        "全年举办局机关干部法治专题培训5期，参训干部职工312人次。举办全市信访系统专题培训班3期，"
        "对各县（市、区）信访局业务骨干、乡镇（街道）信访干部进行全员轮训，培训640余人次；"
        "组织各县（市、区）信访局分管负责同志和业务骨干47人参加省信访局举办的专题培训。\n"
    )
    assert got["training_participants"] == 312
    got = report_indicators(
        "全年举办执法业务培训共5期，参训干部职工216人次。举办业务培训班2期，"
        "培训各县（区）金融工作部门、管委会相关人员160余人次。\n"
    )
    assert got["training_participants"] == 216


def test_the_units_energy_managers_trained_are_not_the_bureaus_staff() -> None:
    got = report_indicators(
        "举办干部职工法治专题培训5期，参训231人次。为全县公共机构节能管理员举办能耗统计业务培训班2期，"
        "培训各单位节能管理员196人次。\n"
    )
    assert (got["training_sessions"], got["training_participants"]) == (5, 231)


# ------------------------------------------------------------------ themes
def test_themes_of_a_financial_bureaus_and_a_petitions_bureaus_headings() -> None:
    assert theme("纵深推进防范和处置非法集资") == "enforcement"
    assert theme("带头接访化解疑难问题") == "supervision_disputes"
    assert theme("抓实学法用法，增强信访干部法治素养") == "study_training"


def test_a_text_browsers_search_box_is_no_body_and_its_sidebars_date_line_is_read() -> None:
    text = (
        "[logo] [title]                           无障碍浏览 | 长者模式\n"
        "站内搜索：[                              ][搜索]\n"
        "当前位置：首页 > 政务公开 > 部门报告\n\n"
        "法治政府建设               某市信访局2022年法治政府建设年度报告\n"
        "工作动态\n"
        "政策法规         发布时间：2023-02-21 09:48　来源：市信访局　浏览次数：1637\n\n"
        + _BODY.replace("2024年", "2022年")
        + "\n　　某市信访局\n　　2023年2月17日\n"
    )
    assert _meta(text)["published"] == "2023-02-21"
