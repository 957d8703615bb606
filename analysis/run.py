"""``analysis run``: rebuild if needed, execute the notebooks, write figures and the briefing.

Steps: check the options and every ``-p`` parameter against the notebooks' ``parameters``
cells (papermill's ``inspect_notebook``), rebuild the tables if their inputs changed
(``build.ensure_built``), check the year and report ids against the reports table, execute
the notebooks with papermill (two at a time, in the current interpreter's kernel) into
``reports/executed/``, write figures to a staging folder and move them into ``figures/``
only when every notebook succeeded, then write ``reports/briefing_<year>.html`` and
``reports/run.json`` (parameters, input and lexicon hashes, package versions, figure
hashes). Exit status: 0 success, 1 a notebook failed, 2 invalid options or parameters.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import paths

KERNEL_NAME = "python3"
RESERVED = ("processed_dir", "figures_dir")
PACKAGES = (
    "analysis",
    "pandas",
    "numpy",
    "pyarrow",
    "matplotlib",
    "seaborn",
    "scikit-learn",
    "scipy",
    "jieba",
    "rjieba",
    "papermill",
    "nbclient",
    "ipykernel",
    "pypinyin",
    "pylopdf-fonts-zh-cn",
    "fonttools",
    "pyyaml",
    "tqdm",
)
LEADING_ZERO = re.compile(r"^[+-]?0[0-9_]+(\.[0-9]*)?$")


class RunError(Exception):
    """Invalid options or parameters (exit status 2)."""


# ---------------------------------------------------------------------------------------
# Notebooks and their parameters
# ---------------------------------------------------------------------------------------


def list_notebooks(notebooks_dir: Path | str = paths.NOTEBOOKS_DIR) -> list[str]:
    """Names (file stems) of the notebooks in ``notebooks_dir``, sorted."""
    return sorted(p.stem for p in Path(notebooks_dir).glob("*.ipynb"))


def resolve_notebooks(names: list[str] | None, available: list[str]) -> list[str]:
    """Map user-given notebook names to notebook stems (all of them when ``names`` is empty).

    A name matches a stem exactly, with ``.ipynb``, by its number (``03``) or by the rest
    (``metrics``).

    Raises:
        RunError: for a name that matches no notebook, listing the valid names.
    """
    if not names:
        return list(available)
    out: list[str] = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb")
        hits = [
            a
            for a in available
            if a == stem or a.split("_", 1)[0] == stem or a.split("_", 1)[-1] == stem
        ]
        if len(hits) != 1:
            raise RunError(f"unknown notebook {name!r}; valid: {', '.join(available)}")
        if hits[0] not in out:
            out.append(hits[0])
    return sorted(out)


def notebook_parameters(path: Path | str) -> dict[str, dict[str, str]]:
    """The parameters a notebook declares: name -> {inferred_type_name, default, help}."""
    from papermill import inspect_notebook

    return {k: dict(v) for k, v in inspect_notebook(str(path)).items()}


def parse_value(text: str) -> Any:
    """Parse a ``-p`` value as YAML, but keep numbers written with leading zeros as strings.

    ``3`` → 3, ``2.5`` → 2.5, ``[a, b]`` → ['a', 'b'], ``null`` → None, ``true`` → True,
    ``0755`` → '0755' (YAML 1.1 would read an octal 493), ``007`` → '007'.
    """
    import yaml

    if LEADING_ZERO.match(text.strip()):
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (float, int),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _split_type(type_name: str, default: str) -> tuple[str | None, bool]:
    """(base type name or None for any, None allowed) from papermill's inferred type."""
    name = (type_name or "None").strip().strip("\"'")
    optional = False
    m = re.fullmatch(r"Optional\[(.+)\]", name)
    if m:
        name, optional = m.group(1).strip(), True
    name = re.sub(r"^(List|list)(\[.*\])?$", "list", name)
    name = re.sub(r"^(Dict|dict)(\[.*\])?$", "dict", name)
    if name in _TYPES:
        return name, optional
    try:
        value = ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return None, True
    if value is None:
        return None, True
    for tname, types in _TYPES.items():
        if type(value) in types[:1]:
            return tname, optional
    return None, True


def coerce_parameter(name: str, value: Any, spec: dict[str, str], text: str | None = None) -> Any:
    """Check one value against a notebook parameter's type; return the value to pass.

    Args:
        name: the parameter.
        value: the parsed value.
        spec: papermill's record (``inferred_type_name``, ``default``).
        text: the value as typed, used when a string is expected but YAML read something else
            (``-p lang no`` stays ``'no'``).

    Raises:
        RunError: when the value does not fit the type.
    """
    base, optional = _split_type(spec.get("inferred_type_name", "None"), spec.get("default", ""))
    if value is None:
        if optional or base is None:
            return None
        raise RunError(f"parameter {name!r} cannot be null (expects {base})")
    if base is None:
        return value
    if base == "str" and not isinstance(value, str) and text is not None:
        return text
    if base == "list" and isinstance(value, str | int):
        return [str(value)] if isinstance(value, str) else [value]
    if base == "list" and isinstance(value, list):
        return [str(v) if not isinstance(v, str) else v for v in value]
    types = _TYPES[base]
    if isinstance(value, bool) and base != "bool":
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        shown = text if text is not None else repr(value)
        raise RunError(
            f"parameter {name!r} expects {spec.get('inferred_type_name')}, got {shown!r} "
            f"({type(value).__name__})"
        )
    return float(value) if base == "float" else value


@dataclass
class Plan:
    """What ``analysis run`` will execute: notebooks and the parameters of each."""

    notebooks: list[str]
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    specs: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)


def plan_run(
    notebooks: list[str] | None,
    overrides: list[tuple[str, str]],
    *,
    year: int | None = None,
    lang: str | None = None,
    notebooks_dir: Path | str = paths.NOTEBOOKS_DIR,
) -> Plan:
    """Check names and types of every parameter before anything runs.

    Args:
        notebooks: names given with ``--notebook`` (None: all).
        overrides: ``-p KEY VALUE`` pairs as typed.
        year: ``--year``.
        lang: ``--lang``.
        notebooks_dir: where the notebooks are.

    Returns:
        The plan, each notebook with only the parameters it declares.

    Raises:
        RunError: unknown notebook, unknown parameter, reserved parameter or wrong type.
    """
    available = list_notebooks(notebooks_dir)
    if not available:
        raise RunError(f"no notebook in {notebooks_dir}")
    chosen = resolve_notebooks(notebooks, available)
    specs = {nb: notebook_parameters(Path(notebooks_dir) / f"{nb}.ipynb") for nb in chosen}
    given: dict[str, tuple[Any, str | None]] = {}
    for key, text in overrides:
        given[key] = (parse_value(text), text)
    if year is not None:
        given["year"] = (year, None)
    if lang is not None:
        given["lang"] = (lang, None)
    known = sorted({p for s in specs.values() for p in s} - set(RESERVED))
    plan = Plan(notebooks=chosen, specs=specs)
    for key in given:
        if key in RESERVED:
            raise RunError(f"parameter {key!r} is set by `analysis run` (use --out)")
        if key not in known and key != "year":
            raise RunError(
                f"unknown parameter {key!r} for notebook(s) {', '.join(chosen)}; "
                f"valid: {', '.join(known)}"
            )
    for nb in chosen:
        params: dict[str, Any] = {}
        for key, (value, text) in given.items():
            if key in specs[nb]:
                params[key] = coerce_parameter(key, value, specs[nb][key], text)
        plan.parameters[nb] = params
    if "lang" in given:
        from analysis import labels

        try:
            labels.check_lang(str(given["lang"][0]))
        except ValueError as exc:
            raise RunError(str(exc)) from exc
    return plan


def check_against_reports(plan: Plan, reports: Any, year: int | None) -> int:
    """Check years and report ids against the reports table; return the briefing's year.

    Raises:
        RunError: for a year with no report or an unknown report id (lists the valid ones).
    """
    from analysis import plots

    years = sorted({int(y) for y in reports["year"].dropna()})
    ids = sorted(reports["report_id"].astype(str))
    for nb, params in plan.parameters.items():
        y = params.get("year")
        if y is not None and int(y) not in years:
            raise RunError(f"no report covers year {y}; years present: {years}")
        chosen = params.get("reports")
        if chosen is not None:
            unknown = [r for r in chosen if str(r) not in ids]
            if unknown:
                raise RunError(f"unknown report id(s) {unknown} ({nb}); valid: {', '.join(ids)}")
    if year is not None:
        if int(year) not in years:
            raise RunError(f"no report covers year {year}; years present: {years}")
        return int(year)
    return plots.latest_year(reports)


# ---------------------------------------------------------------------------------------
# Executing notebooks
# ---------------------------------------------------------------------------------------


def write_kernelspec(folder: Path) -> Path:
    """Write a ``python3`` kernelspec that starts the current interpreter; return its root.

    Put the returned folder first in ``JUPYTER_PATH`` so this kernel wins over any user or
    system ``python3`` kernel that points at another Python (works in a fresh venv with no
    kernelspec installed at all).
    """
    kdir = folder / "kernels" / KERNEL_NAME
    kdir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--IPKernelApp.log_level=ERROR",
        ],
        "display_name": "Python 3 (analysis)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def skip_slow_optional_imports() -> None:
    """Keep nbformat's schema validator from compiling 38 grammars on import (~2.5 s).

    papermill -> nbformat -> jsonschema imports the optional package ``rfc3987_syntax``
    (pulled in by jupyter-events' ``jsonschema[format-nongpl]``) when it is installed, and
    that package compiles its IRI grammars at import time. Notebook validation never checks
    IRI formats, so this process marks the module as absent: jsonschema then skips that
    optional format checker. Only ``analysis run`` and its workers do this; kernels and
    JupyterLab are untouched.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _init_worker(jupyter_path: str) -> None:
    skip_slow_optional_imports()
    old = os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_PATH"] = jupyter_path + (os.pathsep + old if old else "")
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")


def execute_notebook(job: dict[str, Any]) -> dict[str, Any]:
    """Execute one notebook with papermill (runs in a worker process).

    Args:
        job: ``name``, ``input``, ``output``, ``parameters``, ``cwd``.

    Returns:
        ``name``, ``ok``, ``seconds`` and, on failure, ``cell`` (index), ``ename``,
        ``evalue``, ``source`` (the failing cell's code) and ``message``.
    """
    import logging

    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    start = time.perf_counter()
    result: dict[str, Any] = {"name": job["name"], "ok": True}
    try:
        pm.execute_notebook(
            job["input"],
            job["output"],
            parameters=job["parameters"],
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            log_output=False,
            cwd=job["cwd"],
        )
    except PapermillExecutionError as exc:
        result.update(
            ok=False,
            cell=exc.cell_index,
            exec_count=exc.exec_count,
            ename=exc.ename,
            evalue=exc.evalue,
            source=exc.source,
            message=f"{exc.ename}: {exc.evalue}",
        )
    except Exception as exc:  # noqa: BLE001 - reported to the user with the notebook's name
        result.update(
            ok=False,
            cell=None,
            ename=type(exc).__name__,
            evalue=str(exc),
            source="",
            message=f"{type(exc).__name__}: {exc}",
        )
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


def run_notebooks(
    jobs: list[dict[str, Any]], *, workers: int = 2, progress: bool | None = None
) -> list[dict[str, Any]]:
    """Execute notebooks concurrently (``workers`` processes) with a tqdm progress bar.

    Args:
        jobs: see :func:`execute_notebook`.
        workers: processes (each runs one kernel at a time).
        progress: True/False to force the bar on/off; None shows it only on a terminal.

    Returns:
        The results, in the order of ``jobs``.
    """
    import multiprocessing

    from tqdm import tqdm

    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as tmp:
        jpath = str(write_kernelspec(Path(tmp)))
        results: dict[str, dict[str, Any]] = {}
        disable = None if progress is None else not progress
        bar = tqdm(total=len(jobs), desc="notebooks", unit="nb", disable=disable, file=sys.stderr)
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=max(1, min(workers, len(jobs))),
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(jpath,),
        ) as pool:
            futures = {pool.submit(execute_notebook, job): job["name"] for job in jobs}
            for fut in as_completed(futures):
                res = fut.result()
                results[res["name"]] = res
                bar.set_postfix_str(f"{res['name']} {'ok' if res['ok'] else 'FAILED'}")
                bar.update(1)
        bar.close()
    return [results[j["name"]] for j in jobs]


def failure_message(result: dict[str, Any], executed: Path) -> str:
    """One readable paragraph saying which notebook, which cell and which exception failed."""
    where = "before any cell ran" if result.get("cell") is None else f"in cell {result['cell']}"
    if result.get("exec_count"):
        where += f" (In [{result['exec_count']}])"
    src = (result.get("source") or "").strip().splitlines()
    first = f"\n    {src[0]}" + (" ..." if len(src) > 1 else "") if src else ""
    return (
        f"notebook {result['name']} failed {where}: {result['message']}{first}\n"
        f"  the partly executed notebook is kept in {executed}"
    )


# ---------------------------------------------------------------------------------------
# Publishing figures and the record of the run
# ---------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def publish_figures(staging: Path, figures_dir: Path, notebooks: list[str]) -> list[str]:
    """Move staged figures into ``figures_dir``; drop figures the same notebooks no longer make.

    Returns:
        The file names moved in, sorted.
    """
    figures_dir.mkdir(parents=True, exist_ok=True)
    new_names = {p.stem for p in staging.glob("*.json")}
    for sidecar in figures_dir.glob("*.json"):
        try:
            record = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if record.get("notebook") in notebooks and sidecar.stem not in new_names:
            for ext in (".png", ".html", ".json"):
                (figures_dir / f"{sidecar.stem}{ext}").unlink(missing_ok=True)
    moved = []
    for path in sorted(staging.iterdir()):
        if path.is_file():
            os.replace(path, figures_dir / path.name)
            moved.append(path.name)
    return moved


def package_versions() -> dict[str, str]:
    """Installed versions of the packages the results depend on, and Python's."""
    from importlib import metadata

    out = {"python": sys.version.split()[0]}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = ""
    return out


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``analysis run``."""
    parser.add_argument(
        "--year",
        type=int,
        default=None,
        help="year of the briefing and of notebook 04 (default: latest year)",
    )
    parser.add_argument(
        "--notebook",
        action="append",
        default=None,
        metavar="NAME",
        help="notebook to run, e.g. 03_metrics or 03 (repeatable; default all)",
    )
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("KEY", "VALUE"),
        help="notebook parameter (repeatable); VALUE is read as YAML",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="label language of charts and briefing (default zh)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=paths.PROJECT_ROOT,
        help="root of figures/ and reports/ (default: the project)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="notebooks executed at the same time (default 2)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def command(args: argparse.Namespace) -> int:
    """Run ``analysis run``; see the module docstring. Returns the exit status."""
    try:
        return _command(args)
    except RunError as exc:
        print(f"analysis run: error: {exc}", file=sys.stderr)
        return 2


def _command(args: argparse.Namespace) -> int:
    skip_slow_optional_imports()
    from analysis import briefing, build

    plan = plan_run(
        args.notebook, [tuple(p) for p in args.parameter], year=args.year, lang=args.lang
    )
    progress = False if args.no_progress else None
    try:
        build_info = build.ensure_built(progress=progress)
    except build.BuildError as exc:
        print(f"analysis run: the build failed, nothing was run: {exc}", file=sys.stderr)
        return 1
    tables = build.read_tables(paths.PROCESSED_DIR)
    year = check_against_reports(plan, tables["reports"], args.year)
    lang = args.lang or next((p["lang"] for p in plan.parameters.values() if "lang" in p), "zh")
    for nb in plan.notebooks:
        if "year" in plan.specs[nb] and "year" not in plan.parameters[nb]:
            plan.parameters[nb]["year"] = year

    out = Path(args.out).resolve()
    figures_dir = out / "figures"
    reports_dir = out / "reports"
    executed = reports_dir / "executed"
    executed.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".figures-staging-", dir=out))
    try:
        jobs = []
        for nb in plan.notebooks:
            params = {
                "processed_dir": str(paths.PROCESSED_DIR),
                "figures_dir": str(staging),
                **plan.parameters[nb],
            }
            params = {k: v for k, v in params.items() if k in plan.specs[nb]}
            plan.parameters[nb] = params
            jobs.append(
                {
                    "name": nb,
                    "input": str(paths.NOTEBOOKS_DIR / f"{nb}.ipynb"),
                    "output": str(executed / f"{nb}.ipynb"),
                    "parameters": params,
                    "cwd": str(paths.NOTEBOOKS_DIR),
                }
            )
        results = run_notebooks(jobs, workers=args.workers, progress=progress)
        failed = [r for r in results if not r["ok"]]
        if failed:
            for r in failed:
                print(
                    "analysis run: " + failure_message(r, executed / f"{r['name']}.ipynb"),
                    file=sys.stderr,
                )
            print(f"analysis run: figures in {figures_dir} were left as they were", file=sys.stderr)
            return 1
        publish_figures(staging, figures_dir, plan.notebooks)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    briefing_path = reports_dir / f"briefing_{year}.html"
    briefing.write_briefing(tables, briefing_path, year=year, figures_dir=figures_dir, lang=lang)

    from analysis.lexicons import lexicon_hashes

    figures = {p.name: sha256_file(p) for p in sorted(figures_dir.glob("*.png"))}
    figures.update({p.name: sha256_file(p) for p in sorted(figures_dir.glob("*.html"))})
    record = {
        "parameters": {
            "year": year,
            "lang": lang,
            "notebooks": plan.notebooks,
            "given": {k: v for k, v in (tuple(p) for p in args.parameter)},
            "per_notebook": {
                nb: {
                    k: (v if k not in RESERVED else _relative(Path(v), out))
                    for k, v in params.items()
                }
                | ({"figures_dir": _relative(figures_dir, out)} if "figures_dir" in params else {})
                for nb, params in plan.parameters.items()
            },
        },
        "build": build_info,
        "lexicons": lexicon_hashes(),
        "packages": package_versions(),
        "figures": dict(sorted(figures.items())),
        "briefing": {"file": _relative(briefing_path, out), "sha256": sha256_file(briefing_path)},
        "executed": [_relative(executed / f"{nb}.ipynb", out) for nb in plan.notebooks],
    }  # no timings here: the record is deterministic (timings are printed instead)
    (reports_dir / "run.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n",
        encoding="utf-8",
    )
    timings = ", ".join(f"{r['name']} {r['seconds']:.1f} s" for r in results)
    print(f"notebooks: {timings}", file=sys.stderr)
    print(f"figures: {figures_dir}\nbriefing: {briefing_path}\nrecord: {reports_dir / 'run.json'}")
    return 0
