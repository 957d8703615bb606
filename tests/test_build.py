"""The build: tables on the seeds, byte-identical rebuilds, caching, atomic replacement."""

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import build as build_mod
from analysis import paths, schema
from analysis.build import BuildError, build, read_tables


def copy_raw(dst: Path) -> Path:
    raw = dst / "raw"
    shutil.copytree(paths.RAW_DIR, raw)
    return raw


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("built")
    raw = copy_raw(root)
    out = root / "processed"
    info = build(raw, out, cache_dir=root / "cache", progress=False, log=lambda m: None)
    return raw, out, info, root


def test_every_table_is_written_as_parquet_and_csv_with_bom(built):
    _, out, info, _ = built
    assert info["skipped"] is False
    for name, table in schema.TABLES.items():
        df = pd.read_parquet(out / f"{name}.parquet")
        assert list(df.columns) == list(table.columns), name
        raw_csv = (out / f"{name}.csv").read_bytes()
        assert raw_csv.startswith(b"\xef\xbb\xbf"), f"{name}.csv has no BOM"
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == list(table.columns)
        assert len(rows) - 1 == len(df)


def test_sections_are_lossless_and_metrics_cite_their_text(built):
    _, out, _, _ = built
    t = read_tables(out)
    reports = t["reports"].set_index("report_id")
    assert len(reports) == 5
    for rid, sec in t["sections"].groupby("report_id"):
        text = "".join(sec.sort_values("start")["text"])
        assert len(text) == reports.loc[rid, "n_chars"]
        assert len(sec) == reports.loc[rid, "n_sections"]
        assert list(sec["start"])[1:] == list(sec["end"])[:-1]  # contiguous, in order
        m = t["metrics"][t["metrics"]["report_id"] == rid]
        for s, e, raw, sentence in zip(m["start"], m["end"], m["raw"], m["sentence"], strict=True):
            assert text[s:e] == raw
            assert raw in sentence


def test_web_chrome_is_recorded_not_left_in_the_text(built):
    _, out, _, _ = built
    t = read_tables(out)
    all_text = "".join(t["sections"]["text"])
    for chrome in ("扫一扫在手机打开当前页", "ICP备", "Copyright", "【打印】", "您当前的位置"):
        assert chrome not in all_text
        assert t["cleaning"]["text"].str.contains(chrome, regex=False).any(), chrome


def test_two_builds_are_byte_identical(built, tmp_path):
    raw, out, _, _ = built
    out2 = tmp_path / "again"
    build(raw, out2, cache_dir=None, progress=False, log=lambda m: None)
    assert digest(out) == digest(out2)


def test_unchanged_inputs_skip_the_build(built):
    raw, out, _, root = built
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    info = build(raw, out, cache_dir=root / "cache", progress=False, log=lambda m: None)
    assert info["skipped"] is True
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_failed_build_leaves_previous_outputs_untouched(built, tmp_path):
    raw0, out0, _, _ = built
    raw = tmp_path / "raw"
    shutil.copytree(raw0, raw)
    out = tmp_path / "processed"
    shutil.copytree(out0, out)
    before = digest(out)
    (raw / "broken.txt").write_bytes(b"")
    with open(raw / "reports.csv", "a", encoding="utf-8") as f:
        f.write("broken,broken.txt,,,,,,,,\n")
    with pytest.raises(BuildError, match="broken.txt"):
        build(raw, out, cache_dir=None, progress=False, log=lambda m: None)
    assert digest(out) == before


def test_adding_a_report_processes_only_that_report(built, tmp_path, monkeypatch):
    raw0, _, _, root = built
    raw = tmp_path / "raw"
    shutil.copytree(raw0, raw)
    seed = raw / "000_d0c4ebadf4ace4c2.txt"
    (raw / "new.txt").write_bytes(seed.read_bytes().replace(b"2024", b"2025"))
    with open(raw / "reports.csv", "a", encoding="utf-8") as f:
        f.write("jining_2025,new.txt,,,,,,,,\n")
    calls = []
    real = build_mod.process_text
    monkeypatch.setattr(
        build_mod,
        "process_text",
        lambda rid, text, **kw: calls.append(rid) or real(rid, text, **kw),
    )
    info = build(
        raw, tmp_path / "out", cache_dir=root / "cache", progress=False, log=lambda m: None
    )
    assert calls == ["jining_2025"]
    assert info["tables"]["reports"] == 6


def test_changed_text_is_never_served_from_the_cache(built, tmp_path):
    raw0, _, _, root = built
    raw = tmp_path / "raw"
    shutil.copytree(raw0, raw)
    f = raw / "003_fa7df345025cccf3.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n全年发放宣传资料7777份。\n", encoding="utf-8")
    build(raw, tmp_path / "out", cache_dir=root / "cache", progress=False, log=lambda m: None)
    m = read_tables(tmp_path / "out")["metrics"]
    assert (m["value"] == 7777).any()


def test_a_lexicon_change_changes_the_cache_key(monkeypatch):
    before = build_mod._inputs_fingerprint("jieba")
    from analysis import lexicons

    real = lexicons.lexicon_hashes
    monkeypatch.setattr(lexicons, "lexicon_hashes", lambda: {**real(), "userdict.txt": "edited"})
    assert build_mod._inputs_fingerprint("jieba") != before


def test_parallel_build_equals_serial(built, tmp_path):
    raw, out, _, _ = built
    par = tmp_path / "par"
    build(raw, par, cache_dir=None, jobs=2, progress=False, log=lambda m: None)
    assert digest(par) == digest(out)
