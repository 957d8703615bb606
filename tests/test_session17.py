"""Session 17: rules from held-out round 89 and the review leftovers, each with a hand-made input."""

from __future__ import annotations

from analysis.cleaning import clean_text


def test_a_label_ending_in_a_colon_repeated_under_each_heading_is_no_running_header() -> None:
    body = []
    for k, heading in enumerate(["一、加强组织领导", "二、推进严格执法", "三、深化普法宣传"]):
        body += [
            heading,
            "主要做法：",
            f"我局坚持依法行政，全年办理案件{k + 10}件，取得良好效果，得到上级充分肯定。",
            "主要成效：",
            f"群众满意度达到9{k}%，工作成效明显，执法规范化水平进一步提升。",
        ]
    text = "某市城市管理局2023年法治政府建设年度报告\n" + "\n".join(body) + "\n"
    cleaned = clean_text(text).text
    assert cleaned.count("主要做法：\n") == 3
    assert cleaned.count("主要成效：\n") == 3


def test_a_page_header_repeated_on_every_page_is_still_a_running_header() -> None:
    pages = []
    for k in range(3):
        pages += [
            "某市城市管理局文件",
            f"我局坚持依法行政，全年办理案件{k + 10}件，取得良好效果，得到上级充分肯定。",
            f"- {k + 1} -",
        ]
    text = "某市城市管理局2023年法治政府建设年度报告\n一、主要工作\n" + "\n".join(pages) + "\n"
    cleaned = clean_text(text).text
    assert "某市城市管理局文件" not in cleaned
