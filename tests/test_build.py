"""The build: tables on the seeds, byte-identical rebuilds, caching, atomic replacement."""

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fast_paths import place_alternation

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


def test_changed_pipeline_code_is_not_up_to_date(built, tmp_path, monkeypatch):
    raw, out0, _, _ = built
    out = tmp_path / "processed"
    shutil.copytree(out0, out)
    monkeypatch.setattr(build_mod, "_code_hash", lambda: "a parser changed since")
    info = build(raw, out, cache_dir=None, progress=False, log=lambda m: None)
    assert info["skipped"] is False and info["code"] == "a parser changed since"


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


def _with_added_report(raw0: Path, tmp_path: Path, seed: str, year: str, report_id: str) -> Path:
    """A copy of the raw folder plus one report: ``seed`` with ``year`` replaced by the year
    at the end of ``report_id``, listed in the manifest as ``report_id``."""
    raw = tmp_path / "raw"
    shutil.copytree(raw0, raw)
    new_year = report_id.rsplit("_", 1)[1]
    data = (raw / seed).read_bytes().replace(year.encode(), new_year.encode())
    (raw / f"{report_id}.txt").write_bytes(data)
    with open(raw / "reports.csv", "a", encoding="utf-8") as f:
        f.write(f"{report_id},{report_id}.txt,,,,,,,,\n")
    return raw


def test_adding_a_report_processes_only_that_report(built, tmp_path, monkeypatch):
    raw0, _, _, root = built
    raw = _with_added_report(raw0, tmp_path, "000_d0c4ebadf4ace4c2.txt", "2024", "jining_2025")
    calls = []
    real = build_mod._process_columns
    monkeypatch.setattr(
        build_mod,
        "_process_columns",
        lambda rid, text, backend, **kw: calls.append(rid) or real(rid, text, backend, **kw),
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

    real = lexicons.reading_hashes
    monkeypatch.setattr(lexicons, "reading_hashes", lambda: {**real(), "userdict.txt": "edited"})
    assert build_mod._inputs_fingerprint("jieba") != before


def test_parallel_build_equals_serial(built, tmp_path):
    raw, out, _, _ = built
    par = tmp_path / "par"
    build(raw, par, cache_dir=None, jobs=2, progress=False, log=lambda m: None)
    assert digest(par) == digest(out)


# ------------------------------------------------------------------ performance paths
def test_adding_a_report_reads_and_cleans_only_that_report(built, tmp_path, monkeypatch):
    raw0, _, _, root = built
    raw = _with_added_report(raw0, tmp_path, "001_10b5eb9a355d9b92.txt", "2023", "jiulongpo_2022")
    calls = []
    real = build_mod.read_report_entry
    monkeypatch.setattr(
        build_mod,
        "read_report_entry",
        lambda row, raw_dir: calls.append(row["file"]) or real(row, raw_dir),
    )
    build(raw, tmp_path / "out", cache_dir=root / "cache", progress=False, log=lambda m: None)
    assert calls == ["jiulongpo_2022.txt"]
    # the cached stage 1 gives the same tables as an uncached build
    build(raw, tmp_path / "fresh", cache_dir=None, progress=False, log=lambda m: None)
    assert digest(tmp_path / "out") == digest(tmp_path / "fresh")


def test_automatic_jobs_equal_serial(built, tmp_path):
    raw, out, _, _ = built
    auto = tmp_path / "auto"
    build(raw, auto, cache_dir=None, jobs=None, progress=False, log=lambda m: None)
    assert digest(auto) == digest(out)


def _pandas_csv(df: pd.DataFrame, path: Path) -> bytes:
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path.read_bytes()


def test_fast_csv_is_byte_identical_to_pandas_by_hand(tmp_path):
    df = pd.DataFrame(
        {
            "s": pd.Series(["a", "", 'say "hi"', "a,b", "two\nlines", "cr\rx", None], dtype=str),
            "o": pd.Series(["x", "y", "z", "  lead", "tab\tx", "é", "“全角”"], dtype=object),
            "i": pd.Series([0, -1, 2**40, 3, 4, 5, 6], dtype="int64"),
            "f": [19000.0, 0.1, 1e-05, float("nan"), -0.0, 1e16, 720183.79],
            "b": [True, False, True, False, True, False, True],
            "y": pd.Series([2024, None, 2023, 2020, None, 1999, 2000], dtype="Int64"),
        }
    )
    build_mod.write_csv(df, tmp_path / "fast.csv", chunk_rows=3)
    got = (tmp_path / "fast.csv").read_bytes()
    assert got == _pandas_csv(df, tmp_path / "pandas.csv")
    # spot checks written by hand
    assert got.startswith(b"\xef\xbb\xbfs,o,i,f,b,y\na,x,0,19000.0,True,2024\n")
    assert b'"say ""hi""",z,' in got and b'"two\nlines"' in got


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t中。')))),
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(min_value=-(2**62), max_value=2**62),
            st.booleans(),
        ),
        min_size=0,
        max_size=12,
    )
)
def test_fast_csv_matches_pandas_on_any_table(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("csv")
    df = pd.DataFrame(
        {
            "s": pd.Series([r[0] for r in rows], dtype=str),
            "f": pd.Series([r[1] for r in rows], dtype="float64"),
            "i": pd.Series([r[2] for r in rows], dtype="int64"),
            "b": pd.Series([r[3] for r in rows], dtype=bool),
        }
    )
    build_mod.write_csv(df, folder / "fast.csv", chunk_rows=5)
    assert (folder / "fast.csv").read_bytes() == _pandas_csv(df, folder / "pandas.csv")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t中。')))),
            st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
            st.integers(min_value=-(2**62), max_value=2**62),
            st.booleans(),
        ),
        min_size=0,
        max_size=12,
    )
)
def test_small_parts_csv_rows_match_pandas(tmp_path_factory, rows):
    import pyarrow as pa

    cols = {c: [r[k] for r in rows] for k, c in enumerate("sfib")}
    arrow_schema = pa.schema(
        [("s", pa.large_string()), ("f", pa.float64()), ("i", pa.int64()), ("b", pa.bool_())]
    )
    df = pa.RecordBatch.from_pydict(cols, schema=arrow_schema).to_pandas()
    whole = _pandas_csv(df, tmp_path_factory.mktemp("csv") / "pandas.csv")
    assert build_mod._csv_header(df) + build_mod._columns_csv_rows(cols, arrow_schema) == whole


def test_small_parts_csv_rows_by_hand():
    import pyarrow as pa

    arrow_schema = pa.schema([("s", pa.large_string()), ("f", pa.float64()), ("b", pa.bool_())])
    cols = {"s": ['say "hi"', None, "a,b"], "f": [1e16, None, 0.5], "b": [True, False, True]}
    rows = build_mod._columns_csv_rows(cols, arrow_schema)
    assert rows == b'"say ""hi""",1e+16,True\n,,False\n"a,b",0.5,True\n'
    # a null in an int column would change the pandas dtype: left to the whole-table writer
    ints = pa.schema([("s", pa.large_string()), ("i", pa.int64())])
    assert build_mod._columns_csv_rows({"s": ["a"], "i": [None]}, ints) is None


def test_place_scan_equals_the_alternation_regex():
    from analysis import metadata

    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.RAW_DIR.glob("*.txt"))]
    texts += ["重庆市九龙坡区城市管理局", "上海市嘉定区嘉定区", "鼓楼区鼓楼", "", "市"]
    for text in texts:
        expected = [m.group(0) for m in place_alternation().finditer(text)]
        assert metadata._find_places(text) == expected


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "济宁市",
                "济宁",
                "九龙坡区",
                "重庆市",
                "市",
                "区",
                "县",
                "嘉定区",
                "，",
                "a",
                "城管局",
                "鼓楼区",
                "山东省",
            ]
        ),
        max_size=12,
    )
)
def test_place_scan_equals_the_regex_on_any_mix(parts):
    from analysis import metadata

    text = "".join(parts)
    scanned = [name for _, name in metadata._scan_places(text)]
    assert scanned == [m.group(0) for m in place_alternation().finditer(text)]


def test_duplicate_keys_by_hand():
    df = pd.DataFrame(
        {
            "a": pd.Series(["x", "x", "y"], dtype=str),
            "b": pd.Series([1, 2, 1], dtype="int64"),
            "c": pd.Series(["p", "p", "p"], dtype=str),
        }
    )
    assert not build_mod._has_duplicate_keys(df, ["a", "b"])
    assert build_mod._has_duplicate_keys(df, ["c"])
    assert build_mod._has_duplicate_keys(df, ["b", "c"])  # (1, p) twice
    assert not build_mod._has_duplicate_keys(df.iloc[:1], ["c"])
    # several Arrow chunks, as after concatenating reports: codes must agree across chunks
    two = pd.concat([df.iloc[:2], df.iloc[:1]], ignore_index=True)
    assert build_mod._has_duplicate_keys(two, ["a", "b"])  # (x, 1) in both chunks
    na = pd.DataFrame({"a": pd.Series(["x", None, None], dtype=str), "b": [1, 1, 1]})
    assert build_mod._has_duplicate_keys(na, ["a", "b"])  # missing equals missing, as pandas


# ------------------------------------------------------------------ streamed writing (perf)
def _tokens_batch(rid: str, rows: list[tuple[str, int]]):
    import pyarrow as pa

    cols = {
        "report_id": [rid] * len(rows),
        "section_id": [s for s, _ in rows],
        "position": [p for _, p in rows],
        "start": [3 * k for k in range(len(rows))],
        "token": ["法治"] * len(rows),
        "pos": ["n"] * len(rows),
        "stopword": [False] * len(rows),
        "formulaic": [k % 2 == 0 for k in range(len(rows))],
    }
    return pa.RecordBatch.from_pydict(cols, schema=build_mod._arrow_schema("tokens"))


def test_token_key_check_per_report_finds_repeats_only():
    ok = _tokens_batch("r1", [("0", 0), ("0", 1), ("1", 0), ("1", 1), ("1.1", 0)])
    dup = _tokens_batch("r1", [("0", 0), ("1", 0), ("0", 0)])
    assert build_mod._tokens_key_problem(ok, "r1") is False
    assert build_mod._tokens_key_problem(dup, "r1") is True
    # another report's id inside the batch: unsure, the whole table is checked instead
    assert build_mod._tokens_key_problem(ok, "r2") is None


def test_csv_rows_of_parts_concatenate_to_the_whole_csv(tmp_path):
    df = pd.DataFrame(
        {
            "s": pd.Series(["a", 'say "hi"', "a,b", "two\nlines", None, "中文"], dtype=str),
            "i": pd.Series([0, -1, 2**40, 3, 4, 5], dtype="int64"),
            "f": [19000.0, 0.1, float("nan"), -0.0, 1e16, 720183.79],
            "b": [True, False, True, False, True, False],
        }
    )
    build_mod.write_csv(df, tmp_path / "whole.csv")
    parts = [df.iloc[0:2], df.iloc[2:2], df.iloc[2:5], df.iloc[5:]]
    joined = build_mod._csv_header(df) + b"".join(build_mod._csv_rows(p) for p in parts)
    assert joined == (tmp_path / "whole.csv").read_bytes()
    assert build_mod._csv_rows(df.iloc[0:1]) == b"a,0,19000.0,True\n"  # written by hand


def test_streamed_tokens_are_the_files_of_the_whole_table(tmp_path, monkeypatch):
    # tiny row groups: the stream has to cut reports across row groups like write_table
    monkeypatch.setattr(build_mod, "PARQUET_ROW_GROUP", 4)
    batches = {
        "a": _tokens_batch("a", [("0", 0), ("1", 0), ("1", 1)]),
        "b": _tokens_batch("b", []),
        "c": _tokens_batch("c", [("0", k) for k in range(6)]),
        "d": _tokens_batch("d", [("2", 0), ("2", 1)]),
    }
    results = {
        rid: {
            "key": rid,
            "tokens": {"ipc": build_mod._ipc_bytes(b), "csv": build_mod._csv_rows(b.to_pandas())},
        }
        for rid, b in batches.items()
    }
    stream = tmp_path / "stream"
    stream.mkdir()
    n, problems = build_mod._write_tokens(stream, list(batches), results, {}, "auto", None)
    assert (n, problems) == (11, [])
    whole = tmp_path / "whole"
    whole.mkdir()
    import pyarrow.parquet as pq

    frame = build_mod._frame("tokens", list(batches.values()))
    frame.to_parquet(whole / "tokens.parquet", index=False, row_group_size=4)
    build_mod.write_csv(frame, whole / "tokens.csv")
    assert (stream / "tokens.csv").read_bytes() == (whole / "tokens.csv").read_bytes()
    assert (stream / "tokens.parquet").read_bytes() == (whole / "tokens.parquet").read_bytes()
    assert pq.ParquetFile(stream / "tokens.parquet").metadata.num_row_groups == 3


def test_streamed_tokens_report_duplicate_keys(tmp_path):
    b = _tokens_batch("a", [("0", 0), ("0", 0)])
    results = {"a": {"key": "a", "tokens": {"ipc": build_mod._ipc_bytes(b), "csv": b""}}}
    _, problems = build_mod._write_tokens(tmp_path, ["a"], results, {}, "auto", None)
    assert problems == ["tokens: duplicate keys ('report_id', 'section_id', 'position')"]


def test_lost_token_cache_files_are_recomputed(built, tmp_path):
    raw0, out0, _, _ = built
    cache = tmp_path / "cache"
    build(raw0, tmp_path / "first", cache_dir=cache, progress=False, log=lambda m: None)
    lost = sorted(cache.rglob("*.tokens.pkl"))
    assert len(lost) == 5
    lost[0].unlink()
    lost[1].write_bytes(b"damaged")
    build(raw0, tmp_path / "again", cache_dir=cache, force=True, progress=False, log=lambda m: None)
    assert digest(tmp_path / "again") == digest(out0)


def _texts(tables: dict) -> dict[str, str]:
    sec = tables["sections"].sort_values(["report_id", "start"])
    return {rid: "".join(s["text"]) for rid, s in sec.groupby("report_id", sort=True)}


def test_cached_indicators_equal_the_corpus_derivation(built):
    from analysis.metrics import derive_indicators

    _, out, _, _ = built
    t = read_tables(out)
    expected = derive_indicators(t["metrics"], _texts(t))
    pd.testing.assert_frame_equal(t["indicators"], expected)
    assert len(expected) > 20  # the seeds state many indicators


def test_a_correction_changes_its_reports_indicators_only(built, tmp_path):
    from analysis.metrics import apply_corrections, derive_indicators, read_corrections

    raw0, out0, _, root = built
    before = read_tables(out0)
    stated = before["indicators"][before["indicators"]["method"] == "stated"].iloc[0]
    metric = (
        before["metrics"]
        .set_index(["report_id", "metric_id"])
        .loc[(stated["report_id"], stated["evidence"])]
    )
    folder = tmp_path / "project"
    raw = folder / "raw"
    shutil.copytree(raw0, raw)
    corrections = folder / "corrections.csv"
    corrections.write_text(
        "report_id,raw,start,action,value\n"
        f"{stated['report_id']},{metric['raw']},{metric['start']},set,{stated['value'] + 1000}\n",
        encoding="utf-8",
    )
    build(raw, folder / "out", cache_dir=root / "cache", progress=False, log=lambda m: None)
    after = read_tables(folder / "out")
    fixed = after["metrics"]
    assert fixed["corrected"].sum() == 1
    expected = derive_indicators(
        apply_corrections(before["metrics"], read_corrections(corrections))[0], _texts(before)
    )
    pd.testing.assert_frame_equal(after["indicators"], expected)
    key = ["report_id", "indicator"]
    new = after["indicators"].set_index(key)
    assert new.loc[(stated["report_id"], stated["indicator"]), "value"] == stated["value"] + 1000
    others = before["indicators"]["report_id"] != stated["report_id"]
    pd.testing.assert_frame_equal(
        after["indicators"][after["indicators"]["report_id"] != stated["report_id"]].reset_index(
            drop=True
        ),
        before["indicators"][others].reset_index(drop=True),
    )


def test_damaged_cache_entries_are_recomputed(built, tmp_path):
    raw0, out0, _, _ = built
    cache = tmp_path / "cache"
    build(raw0, tmp_path / "first", cache_dir=cache, progress=False, log=lambda m: None)
    entries = [p for p in sorted(cache.rglob("*.pkl")) if not p.name.endswith(".tokens.pkl")]
    assert len(entries) == 10  # two stages for each of the five seeds
    for p in entries[::2]:
        p.write_bytes(b"damaged")
    for p in entries[1::2]:
        p.unlink()
    build(raw0, tmp_path / "again", cache_dir=cache, force=True, progress=False, log=lambda m: None)
    assert digest(tmp_path / "again") == digest(out0)


def test_workers_are_not_forked_while_other_threads_run():
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pool = build_mod._start_pool(2, 10)
        try:
            assert pool._mp_context.get_start_method() == "forkserver"
            assert pool.submit(sum, [1, 2]).result(timeout=60) == 3
        finally:
            pool.shutdown()
    finally:
        stop.set()
        other.join()


def test_cache_entries_are_compressed_and_a_truncated_one_is_not_trusted(tmp_path):
    value = {"csv": "第一行,1\n".encode() * 2000, "n": 3}
    path = str(tmp_path / "ab" / "entry.pkl")
    build_mod._write_entry(path, value)
    data = Path(path).read_bytes()
    assert data[:4] == build_mod._LZ4_MAGIC
    assert len(data) < len(value["csv"]) / 10  # a repetitive value compresses well
    assert build_mod._read_entry(path) == value
    Path(path).write_bytes(data[:-10])
    assert build_mod._read_entry(path) is None
    # a flipped bit that still decompresses is caught by the checksum
    damaged = 0
    for k in range(16, len(data)):
        flipped = bytearray(data)
        flipped[k] ^= 0x01
        Path(path).write_bytes(bytes(flipped))
        damaged += build_mod._read_entry(path) not in (None, value)
    assert damaged == 0


def test_a_failed_prune_does_not_fail_a_build_whose_outputs_are_in(built, tmp_path, monkeypatch):
    raw0, out0, _, _ = built

    def fail(*a, **k):
        raise FileNotFoundError("gone meanwhile")

    monkeypatch.setattr(build_mod, "prune_cache", fail)
    said = []
    build(raw0, tmp_path / "out", cache_dir=tmp_path / "cache", progress=False, log=said.append)
    assert digest(tmp_path / "out") == digest(out0)
    assert any("could not be pruned" in m for m in said)


def _quiet_build(raw, out, cache, **kw):
    return build(raw, out, cache_dir=cache, progress=False, log=lambda m: None, **kw)


def test_each_code_version_has_its_generation_and_old_ones_are_pruned(built, tmp_path, monkeypatch):
    import os

    raw0, out0, _, _ = built
    cache = tmp_path / "cache"
    unrelated = [cache / "notes.txt", cache / "ab" / "readme.txt", cache / "read-x" / "keep.pkl"]
    legacy = cache / "ab" / (("0" * 64) + ".tokens.pkl")
    for p in [*unrelated, legacy]:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")

    def generations():
        return sorted(p.name for p in cache.iterdir() if build_mod._GENERATION_RE.fullmatch(p.name))

    tables = {k: v for k, v in digest(out0).items() if k != "build_info.json"}
    made, seen = [], set()
    for i, version in enumerate(["1.0", "2.0", "3.0"]):
        monkeypatch.setattr(build_mod, "__version__", version)
        _quiet_build(raw0, tmp_path / f"out{i}", cache)
        assert {k: v for k, v in digest(tmp_path / f"out{i}").items() if k in tables} == tables
        now = set(generations())
        made.append(now - seen)
        seen |= now
        assert len(made[-1]) == 2  # a read and a process generation
        assert now == made[-1] | (made[-2] if i else set())  # and the one used before
        for g in made[-1]:
            os.utime(cache / g, (1e9 + i, 1e9 + i))  # ordered use times, whatever the clock
    assert all(p.exists() for p in unrelated) and not legacy.exists()

    # the generation used last before the current one is served from the cache
    monkeypatch.setattr(build_mod, "__version__", "2.0")
    calls = []
    real = build_mod._process_entry
    monkeypatch.setattr(build_mod, "_process_entry", lambda *a: calls.append(a) or real(*a))
    _quiet_build(raw0, tmp_path / "undo", cache, jobs=1)
    assert calls == []


def test_a_second_ctrl_c_stops_the_tokens_writer(monkeypatch, tmp_path):
    """Ctrl-C during stage 2, then again while the tokens writer is being waited for: the
    writer stops at its next report and is gone when the interrupt reaches the caller."""
    import threading
    import time

    written = []

    def slow_writer(folder, order, by_id, texts, backend, generation):
        for rid in order:
            time.sleep(0.02)
            written.append(rid)
        return 0, []

    def interrupted_work(func, work, *, jobs, progress, pool, on_result):
        for i in range(len(work)):
            on_result(i, {})
        raise KeyboardInterrupt  # the first Ctrl-C, with 200 reports queued for the writer

    real_join = threading.Thread.join
    calls = []

    def join(self, timeout=None):
        calls.append(self.name)
        if len(calls) == 1:
            raise KeyboardInterrupt  # the second Ctrl-C, while waiting for the writer
        return real_join(self, timeout)

    monkeypatch.setattr(build_mod, "_write_tokens", slow_writer)
    monkeypatch.setattr(build_mod, "_run_work", interrupted_work)
    monkeypatch.setattr(threading.Thread, "join", join)
    ids = [f"r{i}" for i in range(200)]
    with pytest.raises(KeyboardInterrupt):
        build_mod._process_and_write_tokens(
            tmp_path, ids, ids, {}, "jieba", None, jobs=1, progress=False
        )
    assert not any(t.name == "tokens-writer" for t in threading.enumerate())
    assert len(written) < 200  # it stopped early, not after writing everything queued


def _raw_with(tmp_path: Path, rows: list[str], files: dict[str, bytes]) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    header = "report_id,file,jurisdiction,city,province,level,bureau,year,published,source_url"
    (raw / "reports.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    for name, data in files.items():
        (raw / name).write_bytes(data)
    return raw


ZHANJIANG = paths.RAW_DIR / "003_fa7df345025cccf3.txt"  # infers jurisdiction 湛江市, year 2023


def test_a_new_report_with_a_taken_id_never_renames_the_earlier_one(tmp_path):
    from analysis.build import read_corpus
    from analysis.manifest import validate_raw

    text = ZHANJIANG.read_bytes().decode("utf-8")
    # the earlier row's report, then the same report saved as UTF-16 without a BOM, then a
    # third whose file stem's id is pinned by a row above it
    files = {
        "old.txt": text.encode(),
        "new.txt": text.encode("utf-16-le"),
        "more.txt": text.encode(),
        "x.txt": text.replace("湛江市", "茂名市").encode(),
    }
    rows = [",old.txt" + "," * 8, ",new.txt" + "," * 8, "zhanjiang_2023_more,x.txt" + "," * 8]
    rows.append(",more.txt" + "," * 8)
    corpus = read_corpus(validate_raw(_raw_with(tmp_path, rows, files)))
    ids = dict(zip(corpus.reports["file"], corpus.reports["report_id"], strict=True))
    # Before: old.txt became zhanjiang_2023_old as soon as new.txt was added.
    assert ids == {
        "old.txt": "zhanjiang_2023",
        "new.txt": "zhanjiang_2023_new",
        "x.txt": "zhanjiang_2023_more",
        "more.txt": "zhanjiang_2023_more_2",
    }
    taken = [w for w in corpus.warnings if "is taken" in w]
    assert taken[0] == (
        "new.txt: report_id 'zhanjiang_2023' is taken by old.txt; using 'zhanjiang_2023_new' "
        "(pin the id in the report_id column of reports.csv)"
    )
    assert len(taken) == 2


def test_the_same_report_under_two_names_gives_a_warning(tmp_path):
    from analysis.build import read_corpus
    from analysis.manifest import validate_raw

    data = ZHANJIANG.read_bytes()
    files = {"a.txt": data, "copy.txt": data, "b.txt": data.decode().encode("gb18030")}
    rows = ["a,a.txt" + "," * 8, "copy,copy.txt" + "," * 8, "b,b.txt" + "," * 8]
    corpus = read_corpus(validate_raw(_raw_with(tmp_path, rows, files)))
    same = [w for w in corpus.warnings if "the same report as" in w]
    assert same == [
        "copy.txt: the same report as a.txt (a; identical bytes): it would be counted twice; "
        "remove one of the two files and its manifest row",
        "b.txt: the same report as a.txt (a; the same text once read): it would be counted "
        "twice; remove one of the two files and its manifest row",
    ]


def test_a_report_with_no_text_after_cleaning_fails_the_build_naming_it(tmp_path):
    # only the title is left of the page: 测试区 (3) + 年 (1) + 法治政府建设年度报告 (10) = 14
    page = "首页 > 政务公开\n测试区2023年法治政府建设年度报告\n【打印本页】【关闭窗口】\n"
    files = {"ok.txt": ZHANJIANG.read_bytes(), "title.txt": page.encode()}
    rows = ["ok,ok.txt" + "," * 8, "title,title.txt,,,,,,2023,,", "gone,gone.txt" + "," * 8]
    raw = _raw_with(tmp_path, rows, files)
    with pytest.raises(BuildError) as info:
        build(raw, tmp_path / "out", cache_dir=None, progress=False, log=lambda m: None)
    # every problem at once: the manifest's missing file and the empty report
    assert [p.split(":")[1].strip() for p in info.value.problems] == ["gone.txt", "title.txt"]
    assert "only 14 Chinese characters are left after cleaning" in info.value.problems[1]
    assert not (tmp_path / "out").exists()
