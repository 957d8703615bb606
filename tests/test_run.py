"""Fast tests of analysis/run.py: parameter parsing and checking, publishing figures."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from synthetic import make_tables

from analysis import paths, run

NOTEBOOKS = ["01_corpus_overview", "02_text_comparison", "03_metrics", "04_yearly_comparison"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("2.5", 2.5),
        ("null", None),
        ("true", True),
        ("[a, b]", ["a", "b"]),
        ("zh", "zh"),
        ("0755", "0755"),  # YAML 1.1 would read octal 493
        ("007", "007"),
        ("0", 0),
        ("0.5", 0.5),
        ("-0755", "-0755"),
    ],
)
def test_parse_value(text, expected):
    assert run.parse_value(text) == expected
    assert type(run.parse_value(text)) is type(expected)


SPEC_INT = {"inferred_type_name": "int", "default": "10"}
SPEC_OPT_INT = {"inferred_type_name": "Optional[int]", "default": "None"}
SPEC_STR = {"inferred_type_name": "str", "default": "'zh'"}
SPEC_LIST = {"inferred_type_name": "Optional[list]", "default": "None"}
SPEC_UNTYPED_FLOAT = {"inferred_type_name": "None", "default": "0.5"}


def test_coerce_parameter_accepts_and_converts():
    assert run.coerce_parameter("top_n", 5, SPEC_INT) == 5
    assert run.coerce_parameter("year", None, SPEC_OPT_INT) is None
    assert run.coerce_parameter("lang", False, SPEC_STR, text="no") == "no"  # YAML's 'no'
    assert run.coerce_parameter("lang", "0755", SPEC_STR, text="0755") == "0755"
    assert run.coerce_parameter("reports", "jining_2024", SPEC_LIST) == ["jining_2024"]
    assert run.coerce_parameter("x", 1, SPEC_UNTYPED_FLOAT) == 1.0  # type from the default


@pytest.mark.parametrize(
    ("value", "spec"),
    [
        ("abc", SPEC_INT),
        ("0755", SPEC_INT),
        (True, SPEC_INT),
        (2.5, SPEC_INT),
        (None, SPEC_INT),
        ("x", SPEC_UNTYPED_FLOAT),
    ],
)
def test_coerce_parameter_rejects(value, spec):
    with pytest.raises(run.RunError, match="top_n|x"):
        run.coerce_parameter("top_n" if spec is not SPEC_UNTYPED_FLOAT else "x", value, spec)


def test_the_run_says_which_tables_it_uses():
    reports = make_tables()["reports"]
    line = run.build_summary({"skipped": True}, reports)
    assert line == "tables: up to date, 3 reports (jiashi-2022, jiashi-2023, yiqu-2023)"
    line = run.build_summary({"tables": {"reports": 3, "metrics": 9}}, reports)
    assert line.startswith("tables: rebuilt, 3 reports (") and line.endswith("reports 3, metrics 9")
    many = pd.DataFrame({"report_id": [f"r{i:03d}" for i in range(250)]})
    line = run.build_summary({"skipped": True}, many)
    assert line == (
        "tables: up to date, 250 reports (r000, r001, r002, r003, r004, r005, r006, r007, "
        "r008, r009, … and 240 more)"
    )


def test_a_parameters_lower_bound_is_read_from_its_comment():
    spec = {"inferred_type_name": "int", "default": "10", "help": "terms shown (1 or more)"}
    assert run.coerce_parameter("top_n", 1, spec) == 1
    with pytest.raises(run.RunError, match="'top_n' must be 1 or more, got -3"):
        run.coerce_parameter("top_n", -3, spec, text="-3")
    unbounded = {"inferred_type_name": "int", "default": "0", "help": "seed of the topic model"}
    assert run.coerce_parameter("random_state", -1, unbounded) == -1


def test_every_notebooks_reports_parameter_reaches_the_yearly_comparison():
    for nb in NOTEBOOKS:
        spec = run.notebook_parameters(paths.NOTEBOOKS_DIR / f"{nb}.ipynb")
        assert "reports" in spec, nb


def test_notebooks_declare_their_parameters():
    for nb in NOTEBOOKS:
        spec = run.notebook_parameters(paths.NOTEBOOKS_DIR / f"{nb}.ipynb")
        assert {"processed_dir", "figures_dir", "lang"} <= set(spec), nb
    assert "year" in run.notebook_parameters(paths.NOTEBOOKS_DIR / "04_yearly_comparison.ipynb")


def test_notebooks_committed_clean():
    for nb in NOTEBOOKS:
        data = json.loads((paths.NOTEBOOKS_DIR / f"{nb}.ipynb").read_text(encoding="utf-8"))
        code = [c for c in data["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), nb
        tagged = [c for c in data["cells"] if "parameters" in c["metadata"].get("tags", [])]
        # the story's title first, then the imports, then the parameters
        assert data["cells"][0]["cell_type"] == "markdown", nb
        assert "".join(data["cells"][0]["source"]).startswith(f"# {nb[:2]} "), nb
        first_code = [c for c in data["cells"] if c["cell_type"] == "code"][:2]
        assert len(tagged) == 1 and tagged[0] is first_code[1], nb
        assert "from analysis import" in "".join(first_code[0]["source"]), nb


def test_resolve_notebooks():
    assert run.resolve_notebooks(None, NOTEBOOKS) == NOTEBOOKS
    assert run.resolve_notebooks(["03", "metrics", "01_corpus_overview.ipynb"], NOTEBOOKS) == [
        "01_corpus_overview",
        "03_metrics",
    ]
    with pytest.raises(run.RunError, match="valid: 01_corpus_overview"):
        run.resolve_notebooks(["07_nope"], NOTEBOOKS)


def test_plan_run_checks_names_and_types():
    plan = run.plan_run(None, [("top_n", "5"), ("lang", "en")], year=2023)
    assert plan.parameters["02_text_comparison"]["top_n"] == 5
    assert plan.parameters["04_yearly_comparison"]["year"] == 2023
    assert "top_n" not in plan.parameters["01_corpus_overview"]  # only where declared
    with pytest.raises(run.RunError, match="unknown parameter 'nope'.*valid: .*lang"):
        run.plan_run(None, [("nope", "1")])
    with pytest.raises(run.RunError, match="top_n.*0755"):
        run.plan_run(None, [("top_n", "0755")])
    with pytest.raises(run.RunError, match="set by `analysis run`"):
        run.plan_run(None, [("figures_dir", "/tmp/x")])
    with pytest.raises(run.RunError, match="unknown lang"):
        run.plan_run(None, [("lang", "fr")])


def test_check_against_reports():
    reports = make_tables()["reports"]
    plan = run.plan_run(["01"], [("reports", "[jiashi-2022]")])
    assert run.check_against_reports(plan, reports, None) == 2023  # latest year
    bad = run.plan_run(["01"], [("reports", "[nope]")])
    with pytest.raises(run.RunError, match="unknown report id.*jiashi-2022, jiashi-2023"):
        run.check_against_reports(bad, reports, None)
    with pytest.raises(run.RunError, match=r"year 1999; years present: \[2022, 2023\]"):
        run.check_against_reports(plan, reports, 1999)


def _fig(folder: Path, name: str, notebook: str, content: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.png").write_bytes(content)
    (folder / f"{name}.html").write_text("<p>x</p>", encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps({"name": name, "notebook": notebook}))


def test_publish_figures_replaces_only_what_the_notebooks_make(tmp_path):
    figures, staging = tmp_path / "figures", tmp_path / "staging"
    _fig(figures, "kept_other_notebook", "01_corpus_overview", b"old1")
    _fig(figures, "dropped", "03_metrics", b"old3")
    _fig(figures, "replaced", "03_metrics", b"old")
    _fig(staging, "replaced", "03_metrics", b"new")
    run.publish_figures(staging, figures, ["03_metrics"])
    assert (figures / "replaced.png").read_bytes() == b"new"
    assert (figures / "kept_other_notebook.png").read_bytes() == b"old1"
    assert not (figures / "dropped.png").exists()


def test_failure_message_names_notebook_cell_and_exception():
    msg = run.failure_message(
        {
            "name": "02_text_comparison",
            "cell": 12,
            "exec_count": 9,
            "ename": "ValueError",
            "evalue": "bad n_topics",
            "message": "ValueError: bad n_topics",
            "source": "topics = textstats.fit_topics(tokens)\nx = 1",
        },
        Path("reports/executed/02_text_comparison.ipynb"),
    )
    assert "02_text_comparison" in msg and "cell 12" in msg and "ValueError: bad n_topics" in msg
    assert "fit_topics" in msg and "reports/executed/02_text_comparison.ipynb" in msg


def test_kernelspec_uses_current_interpreter(tmp_path):
    import sys

    root = run.write_kernelspec(tmp_path)
    spec = json.loads((root / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable


def test_a_failed_build_stops_the_run_with_its_message(monkeypatch, capsys):
    from analysis import build
    from analysis.cli import main

    def broken(**kwargs):
        raise build.BuildError("the raw folder has errors:\n  - error: gone.txt: missing")

    monkeypatch.setattr(build, "ensure_built", broken)
    assert main(["run", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "build failed" in err and "gone.txt" in err


def test_notebook_parameters_are_cached_by_the_notebook_bytes(tmp_path):
    from papermill import inspect_notebook

    nb = paths.NOTEBOOKS_DIR / "02_text_comparison.ipynb"
    expected = {k: dict(v) for k, v in inspect_notebook(str(nb)).items()}
    assert run.notebook_parameters(nb, cache_dir=tmp_path) == expected
    (entry,) = tmp_path.glob("*.json")
    assert run.notebook_parameters(nb, cache_dir=tmp_path) == expected  # from the cache
    entry.write_text("{not json", encoding="utf-8")  # damaged: read again from the notebook
    assert run.notebook_parameters(nb, cache_dir=tmp_path) == expected
    # another notebook (other bytes): another entry
    run.notebook_parameters(paths.NOTEBOOKS_DIR / "03_metrics.ipynb", cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_longest_notebooks_start_first_and_unknown_ones_before_them():
    jobs = [{"name": n} for n in ("a", "b", "c", "d")]
    order = run.longest_first(jobs, {"a": 1.0, "b": 5.0, "c": 3.0})
    assert [j["name"] for j in order] == ["d", "b", "c", "a"]
    assert [j["name"] for j in run.longest_first(jobs, {})] == ["a", "b", "c", "d"]


def test_timings_that_cannot_be_read_are_ignored(tmp_path):
    bad = tmp_path / "t.json"
    assert run.load_timings(bad) == {}
    bad.write_text("[1, 2]")
    assert run.load_timings(bad) == {}
    bad.write_text('{"a": 2.5, "b": "x"}')
    assert run.load_timings(bad) == {"a": 2.5}


def test_warm_up_code_imports_and_leaves_no_name():
    import sys

    namespace: dict = {}
    exec(run.warm_up_code(("json", "no_such_module_here")), namespace)
    assert set(namespace) == {"__builtins__"}
    assert "json" in sys.modules


def _tiny_notebook(path: Path, *sources: str) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(src) for src in sources])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


@pytest.mark.slow
def test_pool_runs_notebooks_in_fresh_kernels_started_ahead(tmp_path):
    probe = (
        "import os, sys\n"
        "print(sorted(k for k in globals() if not k.startswith('_') and k not in "
        "('In', 'Out', 'exit', 'quit', 'get_ipython', 'open', 'os', 'sys', 'value')))\n"
        "print(os.getcwd(), 'pandas' in sys.modules, value, os.environ['PYTHONHASHSEED'])"
    )
    for name in ("a", "b", "c"):
        _tiny_notebook(tmp_path / f"{name}.ipynb", "value = 0", probe)
    _tiny_notebook(tmp_path / "d.ipynb", "value = 0", "raise ValueError('stop here')", "x = 1")
    jobs = [
        {
            "name": name,
            "input": str(tmp_path / f"{name}.ipynb"),
            "output": str(tmp_path / "out" / f"{name}.ipynb"),
            "parameters": {"value": i},
            "cwd": str(tmp_path),
        }
        for i, name in enumerate(("a", "b", "c", "d"))
    ]
    (tmp_path / "out").mkdir()
    with run.NotebookPool(1, cwd=tmp_path, timings=tmp_path / "seconds.json") as pool:
        results = pool.run(jobs, progress=False)
    assert set(run.load_timings(tmp_path / "seconds.json")) == {"a", "b", "c"}  # ok ones
    assert [r["ok"] for r in results] == [True, True, True, False]
    assert results[3]["cell"] == 2 and results[3]["ename"] == "ValueError"
    for i, name in enumerate(("a", "b", "c")):
        nb = json.loads((tmp_path / "out" / f"{name}.ipynb").read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert [c["execution_count"] for c in code] == [1, 2, 3]  # parameters cell injected
        text = "".join(code[2]["outputs"][0]["text"])
        assert text == f"[]\n{tmp_path} True {i} 0\n"  # no name left by the warm-up; cwd kept
    failed = json.loads((tmp_path / "out" / "d.ipynb").read_text(encoding="utf-8"))
    assert any(
        o.get("ename") == "ValueError" for c in failed["cells"] for o in c.get("outputs", [])
    )


@pytest.mark.slow
def test_a_notebook_kernel_exits_by_itself_flushing_what_it_left_open(tmp_path):
    import os

    target = tmp_path / "left_open.txt"
    _tiny_notebook(
        tmp_path / "w.ipynb",
        "value = 0",
        f"import os\nlog = open({str(target)!r}, 'w')\nlog.write(str(os.getpid()))",  # not closed
    )
    (tmp_path / "out").mkdir()
    job = {
        "name": "w",
        "input": str(tmp_path / "w.ipynb"),
        "output": str(tmp_path / "out" / "w.ipynb"),
        "parameters": {},
        "cwd": str(tmp_path),
    }
    with run.NotebookPool(1, cwd=tmp_path, timings=tmp_path / "seconds.json") as pool:
        assert [r["ok"] for r in pool.run([job], progress=False)] == [True]
    pid = int(target.read_text(encoding="utf-8"))  # flushed by the kernel's own exit
    with pytest.raises(ProcessLookupError):  # and the kernel is gone when the pool closes
        os.kill(pid, 0)
