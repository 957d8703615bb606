"""Metadata inferred from the text alone, and merged with the manifest."""

import csv
import shutil

import pytest

from analysis import paths
from analysis.build import read_corpus
from analysis.manifest import MANIFEST_COLUMNS, validate_raw
from analysis.metadata import Inferred, find_title, infer_metadata, merge_with_manifest, slug

FIELDS = ("jurisdiction", "city", "province", "level", "bureau", "year", "published")


def shipped_manifest() -> dict[str, dict[str, str]]:
    with open(paths.RAW_DIR / "reports.csv", encoding="utf-8-sig") as f:
        return {r["file"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def inferred_corpus(tmp_path_factory):
    """The seeds with a manifest that gives only `file`: everything else from the text."""
    raw = tmp_path_factory.mktemp("blank") / "raw"
    raw.mkdir()
    for f in shipped_manifest():
        shutil.copy(paths.RAW_DIR / f, raw / f)
    with open(raw / "reports.csv", "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(MANIFEST_COLUMNS)
        for f in shipped_manifest():
            w.writerow(["" if c != "file" else f for c in MANIFEST_COLUMNS])
    folder = validate_raw(raw)
    assert folder.errors == []
    return read_corpus(folder)


@pytest.mark.parametrize("field", FIELDS)
def test_seed_metadata_is_inferred_from_text_alone(inferred_corpus, field):
    # Expected values: the shipped manifest, typed from the seeds' README by a person.
    manifest = shipped_manifest()
    reports = inferred_corpus.reports.set_index("file")
    for f, row in manifest.items():
        got = reports.loc[f, field]
        got = "" if got is None or str(got) == "<NA>" else str(got)
        if field == "published" and not row[field]:
            continue  # no date on the page: anything the text says is a bonus, not checked
        assert got == row[field], f"{f}: {field} inferred {got!r}, expected {row[field]!r}"
        assert reports.loc[f, f"{field}_source"] == "text"


def test_inferred_report_ids_are_readable_slugs(inferred_corpus):
    manifest = shipped_manifest()
    reports = inferred_corpus.reports.set_index("file")
    assert {f: reports.loc[f, "report_id"] for f in manifest} == {
        f: r["report_id"] for f, r in manifest.items()
    }


def test_titles_come_from_the_text(inferred_corpus):
    reports = inferred_corpus.reports.set_index("report_id")
    assert (
        reports.loc["jiulongpo_2023", "title"] == "区城市管理局关于2023年度法治政府建设情况的报告"
    )
    assert reports.loc["xinyang_2020", "title"] == "信阳市城市管理局2020年度法治政府建设工作报告"
    assert reports.loc["jining_2024", "title"] == ""  # the report has no title line


def test_slug():
    assert slug("九龙坡区", "2023") == "jiulongpo_2023"
    assert slug("济宁市", "2024") == "jining_2024"
    assert slug("潢川县", "") == "huangchuan"


def test_district_resolved_through_the_city_in_the_signature():
    # 鼓楼区 exists in several cities; the signature's 南京市 settles it.
    text = "鼓楼区城市管理局2022年度法治政府建设情况报告\n2022年,区城市管理局坚持依法行政。"
    got = infer_metadata(text, {"signature_name": "南京市鼓楼区城市管理局"})
    assert (got.jurisdiction, got.city, got.province, got.level) == (
        "鼓楼区",
        "南京市",
        "江苏省",
        "district",
    )
    assert got.bureau == "南京市鼓楼区城市管理局"
    assert got.year == "2022"


def test_ambiguous_district_without_evidence_is_left_blank_with_a_warning():
    text = "鼓楼区城市管理局2022年度法治政府建设情况报告\n2022年,我区坚持依法行政。"
    got = infer_metadata(text, {})
    assert got.jurisdiction == "" and got.city == ""
    assert got.warnings


def test_superior_bureau_is_not_taken_for_the_author():
    # A district report that cites its city's bureau twice, and names itself once.
    text = (
        "2021年,区城市管理局认真落实市城市管理局部署。\n"
        "按照杭州市城市管理局要求,杭州市城市管理局组织检查,西湖区城市管理局全面完成。"
    )
    got = infer_metadata(text, {})
    assert got.jurisdiction == "西湖区" and got.city == "杭州市" and got.level == "district"


@pytest.mark.parametrize(
    ("title", "superior", "expected"),
    [
        # a government's own report, addressed to the government above it
        (
            "于都县人民政府关于2022年法治政府建设工作情况的报告",
            "赣州市人民政府:",
            ("于都县", "赣州市", "赣州市于都县人民政府"),
        ),
        # departments other than city management
        (
            "广州市海珠区司法局2021年法治政府建设年度报告",
            "",
            ("海珠区", "广州市", "广州市海珠区司法局"),
        ),
        (
            "嘉兴市市场监督管理局2023年法治政府建设工作报告",
            "",
            ("嘉兴市", "嘉兴市", "嘉兴市市场监督管理局"),
        ),
    ],
)
def test_governments_and_other_departments_are_recognised(title, superior, expected):
    text = f"{title}\n{superior}\n2022年,我们坚持依法行政,全面推进法治政府建设。\n"
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.bureau) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a banner (旗, county level) that speaks of itself as 全旗
        (
            "阿荣旗城市管理综合执法局2022年工作报告\n2022年,全旗城市管理执法工作稳步推进,"
            "全旗共办理案件,全旗市容明显改善。",
            ("阿荣旗", "呼伦贝尔市", "county", "呼伦贝尔市阿荣旗城市管理综合执法局"),
        ),
        # the title names the author; the one 全市 in the text is its city
        (
            "准格尔旗综合行政执法局2022年度法治政府建设工作报告\n2022年,准格尔旗综合行政执法局"
            "在鄂尔多斯市城市管理综合行政执法局指导下,参加全市执法业务培训。",
            ("准格尔旗", "鄂尔多斯市", "county", "鄂尔多斯市准格尔旗综合行政执法局"),
        ),
        # a league (盟, prefecture level) speaks of itself as 全盟
        (
            "锡林郭勒盟城市管理综合执法局2022年法治政府建设报告\n全盟城市管理执法系统"
            "坚持依法行政,全盟各旗县市同步推进。",
            ("锡林郭勒盟", "锡林郭勒盟", "city", "锡林郭勒盟城市管理综合执法局"),
        ),
    ],
    ids=["banner", "title_names_the_author", "league"],
)
def test_banners_and_leagues_and_the_title_naming_the_author(text, expected):
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.level, got.bureau) == expected


def test_a_town_government_is_placed_under_its_county():
    text = "贺村镇2023年法治政府建设工作总结\n2023年,我镇坚持依法行政,全面推进法治政府建设。\n"
    got = infer_metadata(text, {"signature_name": "江山市贺村镇人民政府"})
    assert (got.jurisdiction, got.city, got.province, got.level, got.bureau) == (
        "贺村镇",
        "衢州市",
        "浙江省",
        "town",
        "衢州市江山市贺村镇人民政府",
    )
    # a county report that names one of its towns' governments stays the county's
    text = "江山市人民政府2023年法治政府建设情况报告\n指导江山市贺村镇人民政府开展工作。\n"
    got = infer_metadata(text, {"signature_name": "江山市人民政府"})
    assert (got.jurisdiction, got.level) == ("江山市", "county")


def test_a_markdown_title_loses_its_hashes():
    assert find_title("# 青岛市生态环境局2022年法治政府建设情况报告\n正文。") == (
        "青岛市生态环境局2022年法治政府建设情况报告"
    )


def test_a_year_written_in_chinese_digits_in_the_title():
    text = "株洲市交通运输局二〇二三年度法治政府建设情况报告\n一年来,我局坚持依法行政。\n"
    assert infer_metadata(text, {}).year == "2023"


def test_review_regressions_of_the_new_author_rules():
    # a 司法局 that often names its government is still the author its title names
    text = "江山市司法局2023年法治政府建设工作报告\n2023年,江山市司法局在江山市人民政府领导下,配合江山市人民政府,服务江山市人民政府工作。\n"
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.bureau) == ("江山市", "衢州市江山市司法局")
    # 各乡镇人民政府 names no town
    text = "江山市2023年法治政府建设情况\n2023年,江山市各乡镇人民政府依法行政,江山市各乡镇人民政府全面推进。\n"
    assert infer_metadata(text, {}).level != "town"


def test_no_place_at_all_gives_blanks_and_warnings():
    got = infer_metadata("我局坚持依法行政,全面完成各项任务。", {})
    assert got.jurisdiction == "" and got.year == ""
    assert len(got.warnings) >= 2


def test_manifest_wins_and_disagreement_warns():
    inferred = Inferred(jurisdiction="济宁市", year="2024")
    values, warnings = merge_with_manifest({"jurisdiction": "", "year": "2023"}, inferred)
    assert values["year"] == "2023" and values["year_source"] == "manifest"
    assert values["jurisdiction"] == "济宁市" and values["jurisdiction_source"] == "text"
    assert any("year" in w and "2024" in w for w in warnings)


def test_a_province_department_is_at_province_level_with_no_city():
    text = (
        "湖北省住房和城乡建设厅2023年度法治政府建设情况报告\n省人民政府:\n"
        "2023年,全省住建系统坚持依法行政,全省共办理行政处罚案件。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.province, got.level, got.bureau) == (
        "湖北省",
        "",
        "湖北省",
        "province",
        "湖北省住房和城乡建设厅",
    )
    # a municipality stays a city
    got = infer_metadata("重庆市城市管理局2023年法治政府建设报告\n全市城管系统依法行政。\n", {})
    assert (got.jurisdiction, got.city, got.level) == ("重庆市", "重庆市", "city")


def test_a_vertically_managed_office_keeps_its_agency_in_its_name():
    text = (
        "国家税务总局深圳市南山区税务局2023年法治税务建设工作情况报告\n"
        "2023年,国家税务总局深圳市南山区税务局坚持依法治税。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.bureau) == (
        "南山区",
        "深圳市",
        "国家税务总局深圳市南山区税务局",
    )


def test_a_public_institution_reports_under_its_own_name():
    text = (
        "平凉市档案馆2021年法治建设工作总结\n2021年,我馆在市委办公室(市档案局)指导下依法履职。\n"
        "平凉市档案馆\n"
    )
    got = infer_metadata(text, {"signature_name": "平凉市档案馆"})
    assert (got.jurisdiction, got.bureau) == ("平凉市", "平凉市档案馆")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "苏州工业园区综合行政执法局2022年度法治政府建设情况报告",
            ("苏州工业园区", "苏州市", "江苏省", "district", "苏州工业园区综合行政执法局"),
        ),
        (
            "合肥高新技术产业开发区城市管理局2022年法治政府建设工作报告",
            (
                "合肥高新技术产业开发区",
                "合肥市",
                "安徽省",
                "district",
                "合肥高新技术产业开发区城市管理局",
            ),
        ),
    ],
)
def test_a_development_zone_bureau_is_placed_under_its_city(title, expected):
    # zones are not in the gazetteer: the zone is the jurisdiction, its city from its name
    text = f"{title}\n2022年,园区坚持依法行政,我区全面推进法治政府建设。\n"
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.province, got.level, got.bureau) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("成都市公安局武侯区分局", ("武侯区", "成都市", "district", "成都市公安局武侯区分局")),
        # the district named without its 区
        ("南京市生态环境局江宁分局", ("江宁区", "南京市", "district", "南京市生态环境局江宁分局")),
    ],
)
def test_a_city_agencys_district_branch_is_the_districts(title, expected):
    text = f"{title}2023年度法治政府建设工作报告\n2023年,分局坚持依法履职,全市统一部署。\n"
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.level, got.bureau) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "2020年静海区法治政府建设情况报告",
            ("静海区", "天津市", "district", "天津市静海区人民政府"),
        ),
        (
            "静海区2023年度法治政府建设情况报告",
            ("静海区", "天津市", "district", "天津市静海区人民政府"),
        ),
        ("芜湖市2022年法治政府建设情况报告", ("芜湖市", "芜湖市", "city", "芜湖市人民政府")),
    ],
)
def test_a_report_titled_by_its_place_alone_is_the_governments(title, expected):
    # no agency anywhere: the place that reports on itself is its government (a district's
    # report published by its 司法局 is still the district's)
    place, self_word = expected[0], "全" + expected[0][-1]
    text = (
        f"{title}\n文章来源:司法局\n2020年,{place}坚持依法行政,{self_word}法治政府建设稳步推进,"
        "政府每年向党委报告法治政府建设情况。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.level, got.bureau) == expected


def test_a_bureau_named_in_the_text_is_not_replaced_by_the_government():
    text = "静海区2023年度法治政府建设情况报告\n2023年,区城市管理委员会坚持依法行政。\n"
    assert infer_metadata(text, {}).bureau != "天津市静海区人民政府"


def test_an_annual_enforcement_report_has_a_title():
    text = "衢州市综合行政执法局2023年度行政执法工作年报\n2023年,我局坚持依法行政。\n一、基本情况\n"
    assert find_title(text) == "衢州市综合行政执法局2023年度行政执法工作年报"


def test_departments_a_governments_report_names_do_not_make_it_theirs():
    text = (
        "汉源县2019年度法治政府建设情况报告\n"
        "2019年,汉源县法治政府建设工作稳步推进,全县依法行政水平持续提升。\n"
        "一、主要举措\n县行政审批局和县综合行政执法局相对集中行使行政权力事项1525项。\n"
    )
    assert infer_metadata(text, {}).bureau == "雅安市汉源县人民政府"
    # a bureau that speaks as the author under the same kind of title is the author
    own = text.replace("县行政审批局和县综合行政执法局", "我局") + "我局全年办理案件30件。\n"
    own = own.replace("一、主要举措\n", "一、主要举措\n县综合行政执法局坚持依法行政。\n")
    assert infer_metadata(own, {}).bureau == "雅安市汉源县综合行政执法局"


def test_a_title_broken_before_its_last_words_is_whole() -> None:
    text = "汕头市龙湖区教育局2022年法治政府建设\n年度报告\n2022年,我局坚持依法行政。\n"
    assert find_title(text) == "汕头市龙湖区教育局2022年法治政府建设年度报告"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "武汉经济技术开发区管理委员会\n关于2023年度法治政府建设情况的报告\n"
            "2023年,开发区(汉南区)坚持依法行政,区司法局、区城管执法局依法履职。"
            "全区法治政府建设稳步推进。\n",
            ("武汉经济技术开发区", "武汉市", "district", "武汉经济技术开发区管理委员会"),
        ),
        # a zone written after its city, and named with it
        (
            "深圳市前海深港现代服务业合作区管理局2025年法治政府建设年度报告\n"
            "2025年,前海管理局坚持依法行政,推进合作区法治建设。全市法治建设稳步推进。\n",
            (
                "前海深港现代服务业合作区",
                "深圳市",
                "district",
                "深圳市前海深港现代服务业合作区管理局",
            ),
        ),
    ],
)
def test_a_zones_committee_or_authority_reports_as_its_government(text, expected):
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.city, got.level, got.bureau) == expected


def test_a_news_article_on_a_municipal_gardens_bureau():
    text = (
        "厦门市政园林局晒出2023年法治政府建设“成绩单”\n"
        "本报讯（记者 林某）记者从厦门市市政园林局获悉,2023年全市城市管理执法系统依法履职。"
        "厦门市市政园林局相关负责人表示,全市法治政府建设稳步推进。\n"
    )
    got = infer_metadata(text, {})
    assert (got.jurisdiction, got.bureau) == ("厦门市", "厦门市市政园林局")
