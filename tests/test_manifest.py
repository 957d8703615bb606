"""analysis check / validate_raw: every problem named, with its file, all at once."""

import shutil
from pathlib import Path

import pytest

from analysis import paths
from analysis.cli import main
from analysis.manifest import MANIFEST_COLUMNS, validate_raw

HEADER = ",".join(MANIFEST_COLUMNS)
SEED = sorted(paths.RAW_DIR.glob("*.txt"))[0]


def make_raw(tmp_path: Path, rows: list[str], files: dict[str, bytes] | None = None) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "reports.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    for name, data in (files or {}).items():
        (raw / name).write_bytes(data)
    return raw


def blank_row(file: str, **fields: str) -> str:
    return ",".join(fields.get(c, file if c == "file" else "") for c in MANIFEST_COLUMNS)


def test_shipped_raw_folder_is_valid():
    folder = validate_raw(paths.RAW_DIR)
    assert folder.errors == []
    assert len(folder.rows) == len(list(paths.RAW_DIR.glob("*.txt"))) == 5


def test_missing_file_is_an_error_naming_it(tmp_path, capsys):
    raw = make_raw(tmp_path, [blank_row("nowhere.txt")])
    folder = validate_raw(raw)
    assert [p.file for p in folder.errors] == ["nowhere.txt"]
    assert main(["check", "--raw", str(raw)]) != 0
    assert "nowhere.txt" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["../outside.txt", "/etc/hostname", "sub/../../x.txt"])
def test_path_leaving_the_raw_folder_is_refused(tmp_path, bad):
    raw = make_raw(tmp_path, [blank_row(bad)])
    (tmp_path / "outside.txt").write_bytes(SEED.read_bytes())
    folder = validate_raw(raw)
    assert len(folder.errors) == 1
    assert "refused" in folder.errors[0].message
    assert folder.rows == []


def test_every_problem_is_reported_at_once(tmp_path):
    seed = SEED.read_bytes()
    raw = make_raw(
        tmp_path,
        [
            blank_row("a.txt", report_id="same"),
            blank_row("b.txt", report_id="same"),
            blank_row("c.txt", year="20x3"),
            blank_row("empty.txt"),
            blank_row("binary.txt"),
            blank_row("gone.txt"),
        ],
        {
            "a.txt": seed,
            "b.txt": seed,
            "c.txt": seed,
            "empty.txt": b"  \n\n",
            "binary.txt": bytes(range(256)) * 4,
            "extra.txt": seed,
        },
    )
    folder = validate_raw(raw)
    messages = "\n".join(map(str, folder.problems))
    assert "duplicate report_id 'same'" in messages
    assert "c.txt" in messages and "not a year" in messages
    assert "empty.txt" in messages
    assert "binary.txt" in messages
    assert "gone.txt" in messages and "missing" in messages
    # A .txt not in the manifest is included, with a warning.
    assert [p.file for p in folder.warnings] == ["extra.txt"]
    assert "extra.txt" in [r["file"] for r in folder.rows]


def test_manifest_without_file_column_is_an_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "reports.csv").write_text("report_id,year\nx,2023\n", encoding="utf-8")
    folder = validate_raw(raw)
    assert folder.errors and "'file' column" in folder.errors[0].message


def test_folder_without_manifest_includes_every_txt_with_a_warning(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    folder = validate_raw(raw)
    assert folder.errors == []
    assert [r["file"] for r in folder.rows] == [SEED.name]
    assert any("no manifest" in p.message for p in folder.warnings)


def test_check_prints_a_summary_of_the_shipped_folder(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "5 reports" in out
    for year in ("2020", "2023", "2024"):
        assert year in out
    for city in ("济宁市", "重庆市", "上海市", "湛江市", "信阳市"):
        assert city in out


def test_symlink_leaving_the_raw_folder_is_refused_and_one_inside_is_kept(tmp_path):
    raw = make_raw(tmp_path, [blank_row("out.txt"), blank_row("in.txt")], {"a.txt": b""})
    (tmp_path / "outside.txt").write_bytes(SEED.read_bytes())
    (raw / "out.txt").symlink_to(tmp_path / "outside.txt")
    (raw / "a.txt").write_bytes(SEED.read_bytes())
    (raw / "in.txt").symlink_to(raw / "a.txt")
    folder = validate_raw(raw, read_files=False)
    assert [(p.file, "refused" in p.message) for p in folder.errors] == [("out.txt", True)]
    assert [r["file"] for r in folder.rows] == ["in.txt", "a.txt"]


def test_duplicate_ids_are_listed_once_with_every_file(tmp_path):
    seed = SEED.read_bytes()
    rows = [blank_row(f"{c}.txt", report_id="x" if c in "abd" else c) for c in "abcd"]
    raw = make_raw(tmp_path, rows, {f"{c}.txt": seed for c in "abcd"})
    folder = validate_raw(raw, read_files=False)
    assert [(p.file, p.message) for p in folder.errors] == [
        ("a.txt, b.txt, d.txt", "duplicate report_id 'x': give each report its own id")
    ]


def test_level_must_be_one_of_the_known_levels_town_included(tmp_path):
    seed = SEED.read_bytes()
    raw = make_raw(
        tmp_path,
        [
            blank_row("a.txt", level="town"),
            blank_row("b.txt", level="village"),
            blank_row("c.txt", level="province"),
        ],
        {"a.txt": seed, "b.txt": seed, "c.txt": seed},
    )
    problems = [p for p in validate_raw(raw).problems if p.severity == "error"]
    assert [p.file for p in problems] == ["b.txt"]
    assert "'village' is not one of province, city, district, county, town" in str(problems[0])


def test_reports_in_other_formats_are_named_in_a_warning(tmp_path):
    # a PDF or Word file dropped into the folder is not silently ignored
    text = "一、总体情况\n全年办理案件8件。\n".encode()
    files = {"a.txt": text, "b.pdf": b"%PDF-1.4\n", "c.docx": b"PK\x03\x04", "notes.csv": b"x\n"}
    raw = make_raw(tmp_path, [blank_row("a.txt")], files)
    folder = validate_raw(raw)
    assert not folder.errors
    warned = {p.file for p in folder.problems if p.severity == "warning"}
    assert warned == {"b.pdf", "c.docx"}
    assert [r["file"] for r in folder.rows] == ["a.txt"]


def test_a_gbk_manifest_is_one_error_that_names_excels_utf8_option(tmp_path):
    # Excel's 「CSV(逗号分隔)」 on Chinese Windows writes GBK; the files it lists are not
    # "not in reports.csv" (the manifest just could not be read), so no warning per file.
    seed = SEED.read_bytes()
    raw = make_raw(tmp_path, [], {"a.txt": seed, "b.txt": seed})
    rows = [HEADER, blank_row("a.txt", jurisdiction="湛江市"), blank_row("b.txt")]
    (raw / "reports.csv").write_bytes("\n".join(rows).encode("gbk"))
    folder = validate_raw(raw)
    assert [(p.severity, p.file) for p in folder.problems] == [("error", "reports.csv")]
    message = folder.problems[0].message
    assert "not UTF-8 but GBK" in message and "line 2" in message
    assert "「CSV UTF-8(逗号分隔)(*.csv)」" in message


def _chrome_only_raw(tmp_path: Path, extra_rows: list[str] = ()) -> Path:
    # a page saved before its body loaded: breadcrumbs and a print link, nothing else
    files = {
        "seed.txt": SEED.read_bytes(),
        "chrome.txt": "首页 > 政务公开\n【打印本页】\n".encode(),
    }
    rows = [blank_row("seed.txt", report_id="seed"), blank_row("chrome.txt", year="2023")]
    return make_raw(tmp_path, [*rows, *extra_rows], files)


def test_check_refuses_a_report_with_no_text_left_after_cleaning(tmp_path, capsys):
    # Before: exit 0 with a warning, then `analysis run` failed far away, naming no file.
    raw = _chrome_only_raw(tmp_path)
    assert main(["check", "--raw", str(raw)]) == 1
    err = capsys.readouterr().err
    assert "error: chrome.txt: no report text: only 0 Chinese characters are left" in err
    assert "breadcrumb" in err and "remove the file and its manifest row" in err
    assert "1 error(s)" in err


def test_check_lists_manifest_errors_and_empty_reports_in_one_run(tmp_path, capsys):
    raw = _chrome_only_raw(tmp_path, [blank_row("gone.txt")])
    assert main(["check", "--raw", str(raw)]) == 1
    err = capsys.readouterr().err
    assert "gone.txt" in err and "chrome.txt" in err and "2 error(s)" in err


def test_check_marks_inferred_report_ids_and_asks_to_pin_them(tmp_path, capsys):
    seed = SEED.read_bytes()
    raw = make_raw(
        tmp_path, [blank_row("a.txt", report_id="pinned"), blank_row("b.txt")], {"a.txt": seed}
    )
    (raw / "b.txt").write_bytes(seed.replace(b"2024", b"2025"))
    assert main(["check", "--raw", str(raw)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in lines if ln.endswith(".txt)")] == ["jining_2025*", "pinned"]
    assert lines[-1].startswith("* inferred report_id (1 of 2): pin it in the report_id column")
