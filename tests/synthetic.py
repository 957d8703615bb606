"""Small hand-made tables that follow analysis/schema.py exactly, for chart and briefing tests.

Three reports: 甲市 (city) for 2022 and 2023 from the same bureau, and 乙区 (district) 2023.
Every value is written out here by hand; nothing is computed by the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.manifest import MANIFEST_COLUMNS

TEXTS = {
    "jiashi-2022": "一、加强领导\n全年办理行政处罚案件120件,罚款3万元。\n二、存在问题\n执法队伍不足。\n",
    "jiashi-2023": "一、加强领导\n全年办理行政处罚案件150余件,罚款4.5万元。\n二、普法宣传\n发放资料2000份。\n",
    "yiqu-2023": "一、执法监督\n办理行政复议案件3件。<script>alert(1)</script>\n二、存在问题\n无。\n",
}


def make_tables() -> dict[str, pd.DataFrame]:
    """Return the six tables (reports, cleaning, sections, metrics, indicators, tokens)."""
    reports = pd.DataFrame(
        [
            ["jiashi-2022", "a.txt", "甲市", "甲市", "某省", "city", "甲市城市管理局", 2022, ""],
            [
                "jiashi-2023",
                "b.txt",
                "甲市",
                "甲市",
                "某省",
                "city",
                "甲市城市管理局",
                2023,
                "2024-03-01",
            ],
            ["yiqu-2023", "c.txt", "乙区", "丙市", "某省", "district", "乙区城市管理局", 2023, ""],
        ],
        columns=[c for c in MANIFEST_COLUMNS if c != "source_url"],
    )
    reports["n_chars"] = [len(TEXTS[r]) for r in reports["report_id"]]
    reports["n_sections"] = [3, 3, 3]
    reports["title"] = [
        "甲市2022年法治政府建设年度报告",
        "甲市2023年法治政府建设年度报告",
        "乙区2023年法治政府建设年度报告",
    ]
    for col in ("jurisdiction", "city", "province", "level", "bureau", "year", "published"):
        reports[f"{col}_source"] = "manifest"
    reports["encoding"] = "utf-8"
    reports["sha256"] = ["0" * 64, "1" * 64, "2" * 64]
    reports["source_url"] = ["", "https://example.gov.cn/r2", ""]

    cleaning = pd.DataFrame(
        [
            ["jiashi-2022", 1, "您当前的位置:首页", "breadcrumb"],
            ["yiqu-2023", 1, "【打印】", "print_button"],
            ["yiqu-2023", 40, "ICP备000号", "copyright"],
        ],
        columns=list(schema.CLEANING.columns),
    )

    sec_rows = []
    for rid, text in TEXTS.items():
        lines = text.split("\n")
        # hand-computed chunks: heading line + body line, two chunks per report
        first = lines[0] + "\n" + lines[1] + "\n"
        second = lines[2] + "\n" + lines[3] + "\n"
        cat1 = {
            "jiashi-2022": "leadership",
            "jiashi-2023": "leadership",
            "yiqu-2023": "supervision",
        }[rid]
        cat2 = {"jiashi-2022": "problems", "jiashi-2023": "publicity", "yiqu-2023": "problems"}[rid]
        sec_rows.append([rid, "0", "", 0, "", "", "", 0, 0, "preamble", False])
        sec_rows.append([rid, "1", "", 1, "一、", lines[0][2:], first, 0, len(first), cat1, False])
        sec_rows.append(
            [
                rid,
                "2",
                "",
                1,
                "二、",
                lines[2][2:],
                second,
                len(first),
                len(first) + len(second),
                cat2,
                rid == "yiqu-2023",
            ]
        )
    sections = pd.DataFrame(sec_rows, columns=list(schema.SECTIONS.columns))

    m = [
        # report, section, id, raw, value, unit, family, approx, qualifier, kind, subject,
        # indicator, sentence
        [
            "jiashi-2022",
            "1",
            "m0001",
            "120件",
            120.0,
            "件",
            "cases",
            False,
            "",
            "行政处罚案件",
            "admin_penalty_cases",
            "全年办理行政处罚案件120件,罚款3万元。",
        ],
        [
            "jiashi-2022",
            "1",
            "m0002",
            "3万元",
            30000.0,
            "元",
            "money",
            False,
            "",
            "罚款",
            "fines_yuan",
            "全年办理行政处罚案件120件,罚款3万元。",
        ],
        [
            "jiashi-2023",
            "1",
            "m0001",
            "150余件",
            150.0,
            "件",
            "cases",
            True,
            "余",
            "行政处罚案件",
            "admin_penalty_cases",
            "全年办理行政处罚案件150余件,罚款4.5万元。",
        ],
        [
            "jiashi-2023",
            "1",
            "m0002",
            "4.5万元",
            45000.0,
            "元",
            "money",
            False,
            "",
            "罚款",
            "fines_yuan",
            "全年办理行政处罚案件150余件,罚款4.5万元。",
        ],
        [
            "jiashi-2023",
            "2",
            "m0003",
            "2000份",
            2000.0,
            "份",
            "items",
            False,
            "",
            "资料",
            "publicity_materials",
            "发放资料2000份。",
        ],
        [
            "yiqu-2023",
            "1",
            "m0001",
            "3件",
            3.0,
            "件",
            "cases",
            False,
            "",
            "行政复议案件",
            "admin_reconsideration_cases",
            "办理行政复议案件3件。<script>alert(1)</script>",
        ],
    ]
    met_rows = []
    for r in m:
        rid, sid, mid, raw, value, unit, fam, approx, qual, subject, ind, sentence = r
        start = TEXTS[rid].index(raw)
        met_rows.append(
            [
                rid,
                sid,
                mid,
                start,
                start + len(raw),
                raw,
                value,
                unit,
                fam,
                approx,
                qual,
                "level",
                subject,
                ind,
                sentence,
                False,
            ]
        )
    metrics = pd.DataFrame(met_rows, columns=list(schema.METRICS.columns))

    indicators = pd.DataFrame(
        [
            ["jiashi-2022", "admin_penalty_cases", 120.0, "件", "stated", "m0001", "", -1, -1],
            ["jiashi-2022", "fines_yuan", 30000.0, "元", "stated", "m0002", "", -1, -1],
            ["jiashi-2023", "admin_penalty_cases", 150.0, "件", "stated", "m0001", "", -1, -1],
            ["jiashi-2023", "fines_yuan", 45000.0, "元", "stated", "m0002", "", -1, -1],
            ["jiashi-2023", "publicity_materials", 2000.0, "份", "stated", "m0003", "", -1, -1],
            ["yiqu-2023", "admin_reconsideration_cases", 3.0, "件", "stated", "m0001", "", -1, -1],
            ["yiqu-2023", "admin_litigation_cases", 0.0, "件", "stated_zero", "", "", -1, -1],
        ],
        columns=list(schema.INDICATORS.columns),
    )

    words = {
        "jiashi-2022": ["加强", "领导", "行政处罚", "案件", "罚款", "执法", "队伍", "不足"],
        "jiashi-2023": ["加强", "领导", "行政处罚", "案件", "罚款", "普法", "宣传", "资料"],
        "yiqu-2023": ["执法", "监督", "行政复议", "案件", "存在", "问题", "无", "监督"],
    }
    tok_rows = []
    for rid, ws in words.items():
        for i, w in enumerate(ws):
            sid = "1" if i < 5 else "2"
            pos = i if i < 5 else i - 5
            tok_rows.append([rid, sid, pos, i * 2, w, "n", False, w in ("加强", "领导")])
    tokens = pd.DataFrame(tok_rows, columns=list(schema.TOKENS.columns))

    tables = {
        "reports": reports,
        "cleaning": cleaning,
        "sections": sections,
        "metrics": metrics,
        "indicators": indicators,
        "tokens": tokens,
    }
    for name, table in tables.items():
        assert list(table.columns) == list(schema.TABLES[name].columns), name
    return tables


def write_tables(out_dir: Path) -> Path:
    """Write the synthetic tables as parquet files into ``out_dir``; return it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in make_tables().items():
        table.to_parquet(out_dir / f"{name}.parquet", index=False)
    return out_dir
