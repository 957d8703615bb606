"""Tests for analysis/lexicons.py and for the shape of the shipped lexicon files."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import paths
from analysis.lexicons import lexicon_hashes, read_lexicon_lines, read_lexicon_table

# sha256 of b"abc" and of b"" (FIPS 180-2 test vectors), written out by hand.
SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_read_lexicon_lines_skips_comments_and_blanks(tmp_path):
    (tmp_path / "list.txt").write_text(
        "# header: what this file is for\n"
        "#   indented comment text\n"
        "\n"
        "甲\n"
        "  乙  \n"  # surrounding spaces are stripped
        "   # an indented comment line is a comment too\n"
        "C#\n"  # a '#' inside an entry is kept
        "\t\n",
        encoding="utf-8",
    )
    assert read_lexicon_lines("list.txt", lexicon_dir=tmp_path) == ["甲", "乙", "C#"]


def test_read_lexicon_lines_drops_a_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeff# header\n的\n".encode())
    assert read_lexicon_lines("bom.txt", lexicon_dir=tmp_path) == ["的"]


def test_read_lexicon_lines_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_lexicon_lines("nope.txt", lexicon_dir=tmp_path)


def test_read_lexicon_table(tmp_path):
    (tmp_path / "t.tsv").write_text(
        "# themes: a comment header\n"
        "# format: category<TAB>pattern<TAB>priority\n"
        "category\tpattern\tpriority\n"
        "enforcement\t执法|处罚\t30\n"
        "\n"
        "# a comment between rows\n"
        "other\tNA\n",  # short row: the missing cell is '' ; 'NA' stays text
        encoding="utf-8",
    )
    table = read_lexicon_table("t.tsv", lexicon_dir=tmp_path)
    expected = pd.DataFrame(
        {
            "category": ["enforcement", "other"],
            "pattern": ["执法|处罚", "NA"],
            "priority": ["30", ""],
        }
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert all(pd.api.types.is_string_dtype(table[c]) for c in table.columns)


def test_read_lexicon_table_errors(tmp_path):
    (tmp_path / "only_comments.tsv").write_text("# nothing else\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no header"):
        read_lexicon_table("only_comments.tsv", lexicon_dir=tmp_path)
    (tmp_path / "wide.tsv").write_text("a\tb\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="3 tab-separated cells"):
        read_lexicon_table("wide.tsv", lexicon_dir=tmp_path)


def test_read_lexicon_table_header_only(tmp_path):
    (tmp_path / "empty.tsv").write_text("# header\nkey\tvalue\n", encoding="utf-8")
    table = read_lexicon_table("empty.tsv", lexicon_dir=tmp_path)
    assert list(table.columns) == ["key", "value"]
    assert table.empty


def test_lexicon_hashes_on_a_folder(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"abc")
    (tmp_path / "a.tsv").write_bytes(b"")
    (tmp_path / ".hidden").write_bytes(b"x")  # hidden files are left out
    (tmp_path / "sub").mkdir()  # and folders
    hashes = lexicon_hashes(tmp_path)
    assert hashes == {"a.tsv": SHA256_EMPTY, "b.txt": SHA256_ABC}
    assert list(hashes) == ["a.tsv", "b.txt"]  # sorted by name


def test_lexicon_hashes_of_the_project():
    hashes = lexicon_hashes()
    for name in ("userdict.txt", "stopwords_general.txt", "stopwords_formulaic.txt"):
        assert re.fullmatch(r"[0-9a-f]{64}", hashes[name])
    assert list(hashes) == sorted(hashes)
    assert set(hashes) == {
        p.name for p in paths.LEXICON_DIR.iterdir() if p.is_file() and not p.name.startswith(".")
    }


# ------------------------------------------------------------------ shipped files
OWN_FILES = ("userdict.txt", "stopwords_general.txt", "stopwords_formulaic.txt")


@pytest.mark.parametrize("name", OWN_FILES)
def test_shipped_files_have_a_comment_header(name):
    first = (paths.LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


def test_userdict_shape():
    lines = read_lexicon_lines("userdict.txt")
    assert len(lines) >= 300, "a few hundred domain terms"
    words = []
    for line in lines:
        fields = line.split()
        assert len(fields) == 3, line
        word, freq, pos = fields
        assert freq.isdigit() and int(freq) > 0, line
        assert re.fullmatch(r"[a-z]+", pos), line
        words.append(word)
    assert len(words) == len(set(words)), "no term listed twice"


def test_userdict_holds_the_core_vocabulary():
    words = {line.split()[0] for line in read_lexicon_lines("userdict.txt")}
    core = (
        "法治政府建设 习近平法治思想 行政执法三项制度 重大行政决策 合法性审查 公平竞争审查 "
        "双随机 一公开 城管进社区 非现场执法 首违不罚 轻微免罚 谁执法谁普法 721工作法 "
        "数字城管 智慧城管 一网统管 放管服 营商环境 行政复议 行政诉讼 行政处罚 自由裁量权 "
        "行政执法公示制度 执法全过程记录制度 重大执法决定法制审核 法律顾问 普法责任制 八五普法 "
        "综合行政执法 城市管理 违法建设 占道经营 生活垃圾分类 市容环境 户外广告 信访 12345热线"
    ).split()
    assert sorted(set(core) - words) == []


def test_stopword_lists():
    general = read_lexicon_lines("stopwords_general.txt")
    formulaic = read_lexicon_lines("stopwords_formulaic.txt")
    assert len(general) == len(set(general))
    assert len(formulaic) == len(set(formulaic))
    assert set(general).isdisjoint(formulaic), set(general) & set(formulaic)
    assert {"的", "了", "和", "与", "及", "在", "对", "等", "是", "为"} <= set(general)
    assert {
        "进一步",
        "切实",
        "扎实",
        "不断",
        "全面",
        "深入",
        "持续",
        "加强",
        "推进",
        "坚持",
        "积极",
        "认真",
        "大力",
        "着力",
        "有效",
        "扎实推进",
        "落实",
        "工作",
        "开展",
        "提升",
    } <= set(formulaic)
    assert all(" " not in w and "\t" not in w for w in general + formulaic)


# ------------------------------------------------------------------ caches follow the files
def test_lexicon_cache_reads_a_file_again_when_the_folder_changes(tmp_path, monkeypatch):
    from analysis import lexicons

    monkeypatch.setattr(paths, "LEXICON_DIR", tmp_path)
    monkeypatch.setattr(lexicons, "THROTTLE_S", 0.0)  # look at the folder on every call
    (tmp_path / "words.txt").write_text("甲\n", encoding="utf-8")
    reads = []

    @lexicons.lexicon_cache(maxsize=1)
    def words() -> tuple[str, ...]:
        reads.append(1)
        return tuple(read_lexicon_lines("words.txt", lexicon_dir=tmp_path))

    try:
        assert words() == ("甲",)
        assert words() == ("甲",)
        assert len(reads) == 1  # cached while nothing changes
        (tmp_path / "words.txt").write_text("甲\n乙乙\n", encoding="utf-8")
        assert words() == ("甲", "乙乙")  # an edit is seen at the next call
        (tmp_path / "more.txt").write_text("丙\n", encoding="utf-8")
        words()
        assert len(reads) == 3  # a file added to the folder counts as a change too
        with lexicons.one_reading():
            (tmp_path / "words.txt").write_text("丁\n", encoding="utf-8")
            assert words() == ("甲", "乙乙")  # within one reading the lexicons stand still
        assert words() == ("丁",)
    finally:
        lexicons._CACHED.remove(words)


EDIT_AND_REBUILD = r"""
import hashlib, json, sys
from pathlib import Path
from analysis.build import build, read_tables

raw, work = Path(sys.argv[1]), Path(sys.argv[2])
units = Path(__import__("analysis").__file__).parent / "lexicons" / "units.tsv"

def metrics(out, cache):
    build(raw, work / out, cache_dir=cache, jobs=1, progress=False, log=lambda m: None)
    table = read_tables(work / out)["metrics"]
    return [len(table), hashlib.sha256(table.to_csv(index=False).encode()).hexdigest()]

if sys.argv[3] in ("mid", "mid_lazy"):  # 件 is dropped while stage 1 runs
    import analysis.build as b
    from analysis.build import BuildError, process_text
    if sys.argv[3] == "mid":
        process_text("r", "办理案件12件。")  # the lexicons were loaded before the build
    read = b.read_corpus
    def read_then_edit(*args, **kwargs):
        corpus = read(*args, **kwargs)
        text = units.read_text(encoding="utf-8")
        units.write_text(
            "".join(l for l in text.splitlines(True) if not l.startswith("件\t")),
            encoding="utf-8",
        )
        return corpus
    b.read_corpus = read_then_edit
    try:
        metrics("mid", work / "cache")
        print(json.dumps("built"))
    except BuildError as e:
        print(json.dumps(str(e)))
elif sys.argv[3] == "edit":  # build, drop the unit 件 as a researcher would, build again
    before = metrics("a", work / "cache")
    text = units.read_text(encoding="utf-8")
    units.write_text(
        "".join(l for l in text.splitlines(True) if not l.startswith("件\t")), encoding="utf-8"
    )
    print(json.dumps([before, metrics("b", work / "cache")]))
else:  # a fresh process, with or without the cache the first process filled
    print(json.dumps(metrics(sys.argv[3], work / "cache" if sys.argv[3] == "cached" else None)))
"""


def _copy_and_runner(tmp_path):
    """A copy of the package (whose lexicons a test may edit) and a raw folder of one seed:
    ``(units.tsv of the copy, run)``, where ``run(mode)`` runs EDIT_AND_REBUILD in a fresh
    process importing the copy and returns what it printed."""
    import json
    import shutil
    import subprocess
    import sys

    pkg = tmp_path / "pkg"
    shutil.copytree(
        paths.PACKAGE_DIR, pkg / "analysis", ignore=shutil.ignore_patterns("__pycache__")
    )
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = sorted(paths.RAW_DIR.glob("*.txt"))[0]
    shutil.copy(seed, raw / seed.name)
    manifest = (paths.RAW_DIR / "reports.csv").read_text(encoding="utf-8").splitlines()
    row = next(line for line in manifest if f",{seed.name}," in line)
    (raw / "reports.csv").write_text(f"{manifest[0]}\n{row}\n", encoding="utf-8")

    def run(mode: str):
        res = subprocess.run(
            [sys.executable, "-c", EDIT_AND_REBUILD, str(raw), str(tmp_path), mode],
            capture_output=True,
            text=True,
            cwd=pkg,  # imports the copy, whose lexicon is edited
            env={"PYTHONPATH": str(pkg), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )
        assert res.returncode == 0, res.stderr
        return json.loads(res.stdout.strip().splitlines()[-1])

    return pkg / "analysis" / "lexicons" / "units.tsv", run


def test_a_lexicon_edited_in_a_session_is_used_by_the_next_build(tmp_path):
    """A researcher edits units.tsv in a running kernel and builds again: the build uses the
    edited lexicon, as a fresh process does, and its cache holds no stale results."""
    _, run = _copy_and_runner(tmp_path)

    before, after = run("edit")
    fresh = run("fresh")
    cached = run("cached")
    assert after != before  # without 件 as a unit, fewer quantities are read
    assert after[0] < before[0]
    assert after == fresh  # the same as a process that started with the edited lexicon
    assert cached == fresh  # and what the cache kept under the new key is right


def test_outside_a_build_the_folder_is_looked_at_only_every_throttle_seconds(tmp_path, monkeypatch):
    from analysis import lexicons

    monkeypatch.setattr(paths, "LEXICON_DIR", tmp_path)
    monkeypatch.setattr(lexicons, "THROTTLE_S", 3600.0)
    (tmp_path / "words.txt").write_text("甲\n", encoding="utf-8")

    @lexicons.lexicon_cache(maxsize=1)
    def words() -> tuple[str, ...]:
        return tuple(read_lexicon_lines("words.txt", lexicon_dir=tmp_path))

    try:
        lexicons.refresh()
        assert words() == ("甲",)
        (tmp_path / "words.txt").write_text("乙乙\n", encoding="utf-8")
        assert words() == ("甲",)  # within the throttle: not looked at again
        assert lexicons.refresh() is True  # code that edits a lexicon says so
        assert words() == ("乙乙",)
    finally:
        lexicons._CACHED.remove(words)


def test_a_worker_that_finds_the_lexicons_changed_since_the_build_began_stops(tmp_path):
    from analysis import lexicons
    from analysis.build import _cached_process

    stale = (("units.tsv", 0, 0),)  # a stamp the folder does not have
    with pytest.raises(lexicons.LexiconsChanged, match="run the build again"):
        _cached_process(("r", "正文。", "auto", "fingerprint", None, stale))
    with lexicons.one_reading():
        stamp = lexicons.current_stamp()
    got = _cached_process(("r", "办理案件12件。", "auto", "fingerprint", None, stamp))
    assert got["key"]  # the stamp the build began with: processed


@pytest.mark.parametrize("mode", ["mid", "mid_lazy"])
def test_a_lexicon_edited_while_a_build_runs_stops_it_and_leaves_no_stale_cache(tmp_path, mode):
    """A lexicon edited while a build runs (its lexicons loaded before, or first loaded
    after the edit) stops the build with a message; the cache holds nothing a later build,
    with the edited lexicon or the original, could take for its own."""
    units, run = _copy_and_runner(tmp_path)

    original = units.read_bytes()
    message = run(mode)  # the build that saw 件 dropped under it
    assert "changed while the build was running" in message
    assert "run the build again" in message
    assert units.read_bytes() != original
    assert not (tmp_path / "mid").exists()  # nothing written
    assert run("cached") == run("fresh")  # with 件 dropped: the cache holds nothing stale
    units.write_bytes(original)
    assert run("cached") == run("fresh")  # with 件 back: nor for the original lexicon


def test_outside_a_build_the_stamp_is_the_folders_as_it_is_now(tmp_path, monkeypatch):
    """read_corpus outside a build takes the current stamp for its workers: an edit made
    since an earlier call must not make them stop as if a build had seen it change."""
    from analysis import lexicons

    monkeypatch.setattr(paths, "LEXICON_DIR", tmp_path)
    (tmp_path / "words.txt").write_text("甲\n", encoding="utf-8")
    before = lexicons.current_stamp()
    (tmp_path / "words.txt").write_text("乙乙\n", encoding="utf-8")
    now = lexicons.current_stamp()
    assert now != before
    with lexicons.one_reading(expect=now):  # the workers' check passes
        pass
