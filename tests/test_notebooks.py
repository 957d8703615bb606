"""Slow tests: the four notebooks and `analysis run` on the real processed tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis import paths

pytestmark = pytest.mark.slow

NOTEBOOKS = ["01_corpus_overview", "02_text_comparison", "03_metrics", "04_yearly_comparison"]
EXPECTED = {  # figures every run on the seeds must make (name -> notebook)
    "reports_overview": "01_corpus_overview",
    "theme_share_heatmap": "01_corpus_overview",
    "cleaning_summary": "01_corpus_overview",
    "keyness_by_report": "02_text_comparison",
    "report_similarity": "02_text_comparison",
    "topic_shares_by_report": "02_text_comparison",
    "indicators_by_report": "03_metrics",
    "quantities_per_1000_chars": "03_metrics",
    "unit_families_by_theme": "03_metrics",
    "theme_shares_by_year": "04_yearly_comparison",
}


def analysis_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--no-progress", *args],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=paths.PROJECT_ROOT,
    )


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run1")
    proc = analysis_run("--out", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def test_run_writes_figures_briefing_and_record(first_run):
    figures = first_run / "figures"
    for name, notebook in EXPECTED.items():
        for ext in ("png", "html", "json"):
            assert (figures / f"{name}.{ext}").stat().st_size > 0, name
        assert json.loads((figures / f"{name}.json").read_text())["notebook"] == notebook
    record = json.loads((first_run / "reports" / "run.json").read_text(encoding="utf-8"))
    year = record["parameters"]["year"]
    briefing = first_run / "reports" / f"briefing_{year}.html"
    assert briefing.stat().st_size > 10000
    assert record["figures"]["indicators_by_report.png"]
    assert record["lexicons"] and record["packages"]["pandas"]
    for nb in NOTEBOOKS:
        assert (first_run / "reports" / "executed" / f"{nb}.ipynb").exists()
    assert not list(first_run.glob(".figures-staging-*"))


def test_two_runs_give_identical_pngs(first_run, tmp_path):
    proc = analysis_run("--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    pngs = sorted(p.name for p in (first_run / "figures").glob("*.png"))
    assert pngs == sorted(p.name for p in (tmp_path / "figures").glob("*.png"))
    for name in pngs:
        assert (first_run / "figures" / name).read_bytes() == (
            tmp_path / "figures" / name
        ).read_bytes(), name


def test_english_labels_and_a_chosen_year(tmp_path):
    proc = analysis_run("--out", str(tmp_path), "--lang", "en", "--year", "2023")
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = (tmp_path / "reports" / "briefing_2023.html").read_text(encoding="utf-8")
    assert "Key findings" in page and "https://" not in page
    assert (tmp_path / "figures" / "year_indicators.png").stat().st_size > 0
    executed = json.loads(
        (tmp_path / "reports" / "executed" / "04_yearly_comparison.ipynb").read_text()
    )
    assert executed["metadata"]["papermill"]["parameters"]["lang"] == "en"


def test_papermill_executes_each_notebook_directly(tmp_path):
    import papermill as pm

    for nb in NOTEBOOKS:
        pm.execute_notebook(
            str(paths.NOTEBOOKS_DIR / f"{nb}.ipynb"),
            str(tmp_path / f"{nb}.ipynb"),
            parameters={"figures_dir": str(tmp_path / "figures"), "lang": "en"},
            kernel_name="python3",
            progress_bar=False,
            cwd=str(paths.NOTEBOOKS_DIR),
        )
    assert len(list((tmp_path / "figures").glob("*.png"))) >= len(EXPECTED)


def test_a_chosen_set_of_reports_scopes_every_notebook_and_the_briefing(tmp_path):
    from analysis import build

    reports = build.read_tables(paths.PROCESSED_DIR)["reports"]
    counts = reports["year"].value_counts()
    year = int(counts[counts >= 2].index.max())
    two = sorted(reports.loc[reports["year"] == year, "report_id"])[:2]
    proc = analysis_run("--out", str(tmp_path), "-p", "reports", "[" + ", ".join(two) + "]")
    assert proc.returncode == 0, proc.stderr[-3000:]
    record = json.loads((tmp_path / "reports" / "run.json").read_text(encoding="utf-8"))
    assert record["parameters"]["per_notebook"]["04_yearly_comparison"]["reports"] == two
    page = (tmp_path / "reports" / f"briefing_{year}.html").read_text(encoding="utf-8")
    assert f"{year} 年共有 2 份报告" in page or "2 份报告中" in page
    assert "全部 2 份报告" in page  # the figures' scope
    from analysis.labels import label_reports

    names = label_reports(reports)
    page = (tmp_path / "figures" / "year_theme_share_heatmap.html").read_text(encoding="utf-8")

    def shown(r: str) -> bool:  # by its id or its label
        return r in page or names[r] in page

    assert all(shown(r) for r in two)
    assert not any(shown(r) for r in set(reports["report_id"]) - set(two))


def test_failing_cell_keeps_last_good_figures(first_run):
    before = {p.name: p.read_bytes() for p in (first_run / "figures").glob("*")}
    # a value only the topic model rejects (its seed must not be negative)
    proc = analysis_run("--out", str(first_run), "--notebook", "02", "-p", "random_state", "-1")
    assert proc.returncode == 1
    assert "02_text_comparison" in proc.stderr and "cell" in proc.stderr
    assert "Error" in proc.stderr  # the exception's name
    assert (first_run / "reports" / "executed" / "02_text_comparison.ipynb").exists()
    after = {p.name: p.read_bytes() for p in (first_run / "figures").glob("*")}
    assert before == after
    assert not list(first_run.glob(".figures-staging-*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "nope", "1"], "unknown parameter 'nope'"),
        (["-p", "top_n", "0755"], "top_n"),
        (["-p", "top_n", "-3"], "'top_n' must be 1 or more, got -3"),
        (["-p", "n_topics", "0"], "'n_topics' must be 1 or more, got 0"),
        (["--year", "1999"], "years present"),
        (["-p", "reports", "[no_such_report]"], "unknown report id"),
        (
            ["--year", "2020", "-p", "reports", "[jiading_2023]"],
            "no chosen report covers year 2020",
        ),
        (["--notebook", "99_missing"], "valid: 01_corpus_overview"),
    ],
)
def test_invalid_parameters_exit_2_before_any_notebook(tmp_path, args, message):
    proc = analysis_run("--out", str(tmp_path), *args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert not (tmp_path / "reports" / "executed").exists() or not list(
        (tmp_path / "reports" / "executed").glob("*.ipynb")
    )
