"""``analysis run``: rebuild if needed, execute the notebooks, write figures and the briefing.

Steps: check the options and every ``-p`` parameter against the notebooks' ``parameters``
cells (papermill's ``inspect_notebook``), rebuild the tables if their inputs changed
(``build.ensure_built``), check the year and report ids against the reports table, execute
the notebooks with papermill (two at a time, longest first, each in a fresh kernel of the
current interpreter) into ``reports/executed/``, write figures to a staging folder and move
them into ``figures/`` only when every notebook succeeded, then write
``reports/briefing_<year>.html`` and ``reports/run.json`` (parameters, input and lexicon
hashes, package versions, figure hashes). Exit status: 0 success, 1 a notebook failed, 2
invalid options or parameters.

Speed (none of it changes a result): kernels are started ahead of their notebooks, while
the build is checked or the previous notebook runs, and import the libraries every notebook
imports first (:class:`Kernels`); the briefing's findings are computed while the notebooks
run; ``.cache/run/`` keeps the notebooks' parameters (keyed by the notebook's bytes and
papermill's version) and the last run's seconds per notebook (only used to start the longest
first).
"""

from __future__ import annotations

import argparse
import ast
import functools
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import paths

KERNEL_NAME = "python3"
ENGINE_NAME = "analysis"
# What every notebook imports first (as the benchmark's floor notebook does): a kernel
# started ahead of its notebook imports these while it waits (see `start_kernel_ahead`).
WARM_MODULES = (
    "pandas",
    "matplotlib.pyplot",
    "seaborn",
    "analysis.build",
    "analysis.labels",
    "analysis.paths",
    "analysis.plots",
    "analysis.textstats",
)
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


def notebook_parameters(
    path: Path | str, cache_dir: Path | str | None = None
) -> dict[str, dict[str, str]]:
    """The parameters a notebook declares: name -> {inferred_type_name, default, help}.

    Read with papermill's ``inspect_notebook``; the answer is kept in ``cache_dir`` (default
    ``.cache/run/parameters/``) under the sha256 of the notebook's bytes and papermill's
    version, so a warm ``analysis run`` does not import papermill just to check options.
    """
    from importlib import metadata

    data = Path(path).read_bytes()
    version = metadata.version("papermill")
    key = hashlib.sha256(data + b"\0papermill " + version.encode()).hexdigest()
    folder = Path(cache_dir) if cache_dir is not None else paths.CACHE_DIR / "run" / "parameters"
    entry = folder / f"{key}.json"
    try:
        cached = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and all(isinstance(v, dict) for v in cached.values()):
            return cached
    except (OSError, ValueError):
        pass
    from papermill import inspect_notebook

    found = {k: dict(v) for k, v in inspect_notebook(str(path)).items()}
    _write_atomic(entry, json.dumps(found, ensure_ascii=False, sort_keys=False))
    return found


def _write_atomic(path: Path, text: str) -> None:
    """Write a cache file in one step (a temporary file renamed); skip if not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


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
    low = _MIN_BOUND.search(spec.get("help", "") or "")
    if low is not None and base in ("int", "float") and value < float(low.group(1)):
        shown = text if text is not None else repr(value)
        raise RunError(f"parameter {name!r} must be {low.group(1)} or more, got {shown}")
    return float(value) if base == "float" else value


# a lower bound written in a parameter's comment: top_n: int = 10  # terms shown (1 or more)
_MIN_BOUND = re.compile(r"\((-?\d+(?:\.\d+)?) or more\)")


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
    return plots.default_year(reports)


# ---------------------------------------------------------------------------------------
# Executing notebooks
# ---------------------------------------------------------------------------------------


def write_kernelspec(folder: Path) -> Path:
    """Write a ``python3`` kernelspec that starts the current interpreter; return its root.

    ``analysis run`` starts its kernels from this spec (``<root>/kernels/python3``), so they
    run this Python whatever user or system ``python3`` kernel exists (it works in a fresh
    venv with no kernelspec installed at all). The spec's environment fixes
    ``PYTHONHASHSEED`` (deterministic set order) and the inline matplotlib backend (unless
    ``MPLBACKEND`` is set).
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
        "env": {
            "PYTHONHASHSEED": "0",
            "MPLBACKEND": os.environ.get("MPLBACKEND", "module://matplotlib_inline.backend_inline"),
        },
    }
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def skip_slow_optional_imports() -> None:
    """Keep nbformat's schema validator from compiling 38 grammars on import (~2.5 s).

    papermill -> nbformat -> jsonschema imports the optional package ``rfc3987_syntax``
    (pulled in by jupyter-events' ``jsonschema[format-nongpl]``) when it is installed, and
    that package compiles its IRI grammars at import time. Notebook validation never checks
    IRI formats, so this process marks the module as absent: jsonschema then skips that
    optional format checker. Only ``analysis run`` does this; kernels and JupyterLab are
    untouched.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def warm_up_code(modules: tuple[str, ...] = WARM_MODULES) -> str:
    """Code a kernel runs at start-up: import ``modules`` and leave no name behind.

    It runs as the kernel's ``exec_lines``, before the notebook's first cell and outside
    its history (execution counts still start at 1); a module that fails to import is
    skipped here, so the notebook's own import reports the error in its cell.
    """
    names = ", ".join(repr(m) for m in modules)
    return (
        "import importlib as _w\n"
        f"for _m in ({names},):\n"
        "    try:\n"
        "        _w.import_module(_m)\n"
        "    except Exception:\n"
        "        pass\n"
        "del _w, _m"
    )


class Kernels:
    """The kernels of one ``analysis run``, started before their notebooks need them.

    A kernel is started from the kernelspec in ``root`` (:func:`write_kernelspec`) with the
    arguments papermill's client would give it (in-memory history, the notebook's working
    folder) and imports :data:`WARM_MODULES` while it waits (:func:`warm_up_code`). Each
    worker thread keeps the kernels it started for its own next notebook; a kernel is used
    by one notebook only and stopped at its end.

    Args:
        root: the folder :func:`write_kernelspec` wrote.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._started: list[Any] = []
        self._local = threading.local()

    def _waiting(self) -> list[tuple[str, Any]]:
        if not hasattr(self._local, "waiting"):
            self._local.waiting = []
        return self._local.waiting

    def manager(self) -> Any:
        """A kernel manager for a new kernel from the kernelspec in ``root`` (not started)."""
        from jupyter_client.kernelspec import KernelSpecManager

        ksm = KernelSpecManager(kernel_dirs=[str(self.root / "kernels")])
        km = _kernel_manager_class()(kernel_name=KERNEL_NAME, kernel_spec_manager=ksm)
        with self._lock:
            self._started.append(km)
        return km

    async def start(self, cwd: str) -> Any:
        """Start a warming kernel in ``cwd`` (in this thread's event loop); None if it failed."""
        km = self.manager()
        args = [
            "--HistoryManager.hist_file=:memory:",
            f"--IPKernelApp.exec_lines={[warm_up_code()]!r}",
        ]
        try:
            await km.start_kernel(extra_arguments=args, cwd=cwd)
        except Exception:  # noqa: BLE001 - the notebook's client then starts one itself
            return None
        return km

    async def start_ahead(self, cwd: str) -> None:
        """Start a kernel for this thread's next notebook."""
        km = await self.start(cwd)
        if km is not None:
            self._waiting().append((cwd, km))

    def take(self, cwd: str) -> Any:
        """This thread's kernel started ahead in ``cwd``, else a manager whose kernel the
        notebook's client starts (as papermill would, without the warm-up)."""
        from jupyter_core.utils import run_sync

        waiting = self._waiting()
        while waiting:
            where, km = waiting.pop(0)
            try:
                if where == cwd and run_sync(km.is_alive)():
                    return km
            except Exception:  # noqa: BLE001 - not usable; stopped by stop_all
                pass
        return self.manager()

    def kill_all(self) -> None:
        """Kill every kernel process at once (to abort a run); their notebooks then fail."""
        with self._lock:
            started = list(self._started)
        for km in started:
            process = getattr(km.provisioner, "process", None)
            try:
                if process is not None and process.poll() is None:
                    process.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass

    def stop_all(self) -> None:
        """Wait for the kernels asked to exit at their notebook's end; kill those started
        ahead and never used."""
        from jupyter_core.utils import run_sync

        with self._lock:
            started, self._started = self._started, []
        for km in started:
            try:
                if km.shutting_down:  # its notebook ended: it is exiting by itself
                    run_sync(km.finish)()
                elif km.has_kernel:  # never used: it holds nothing of a notebook's
                    run_sync(km._async_kill_kernel)()
                    run_sync(km._async_cleanup_resources)()
            except Exception:  # noqa: BLE001 - already gone
                pass


@functools.lru_cache(maxsize=1)
def _kernel_manager_class() -> type:
    """jupyter_client's AsyncKernelManager whose ``shutdown_kernel`` asks the kernel to exit
    and returns (:meth:`finish` waits for it), minus the interrupt before a kernel is killed.

    ``shutdown_kernel(now=True)`` sends SIGINT and then SIGKILL; the SIGINT only makes a
    kernel that is between two messages (or still importing) print "KeyboardInterrupt
    caught in kernel" on the terminal before it is killed anyway.
    """
    from jupyter_client.manager import AsyncKernelManager

    class KernelManager(AsyncKernelManager):
        async def _async_interrupt_kernel(self) -> None:
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

        async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
            """Ask the kernel to exit and return at once; :meth:`finish` waits for it.

            The kernel exits by itself, as after a graceful shutdown: the files a notebook
            left open are flushed and its ``atexit`` handlers run. Only the wait (~0.8 s)
            moves out of the notebook's thread, to the end of the run.
            """
            if restart or not self.owns_kernel or not self.has_kernel:
                await AsyncKernelManager.shutdown_kernel(self, now=now, restart=restart)
                return
            self.shutting_down = True
            self.stop_restarter()
            await self._async_request_shutdown()

        async def finish(self) -> None:
            """Wait for a kernel asked to exit (killed after ``shutdown_wait_time``)."""
            if self.has_kernel:
                await self._async_finish_shutdown()
            await self._async_cleanup_resources()

    return KernelManager


_ENGINE_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _engine_class() -> type:
    """papermill's nbclient engine, with differences that only change how fast it runs:

    * the executed notebook is written when execution starts and once when it ends, or
      when it fails (papermill writes it again itself), instead of before and after every
      cell: each write re-encodes every output so far, figures included, while the kernel
      waits for the next cell;
    * the kernel given as ``km`` (started ahead by :class:`Kernels`) is asked to shut
      down when the notebook ends, and the notebook's thread goes on at once; the kernel
      exits by itself (open files flushed, ``atexit`` handlers run) and the run waits for
      it at its end (:meth:`Kernels.stop_all`) instead of after every notebook (~0.8 s).
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, NotebookExecutionManager
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class Manager(NotebookExecutionManager):
        writes = False

        def save(self, **kwargs: Any) -> None:
            if self.writes:
                super().save(**kwargs)

        def notebook_start(self, **kwargs: Any) -> None:
            self.writes = True  # the notebook with outputs cleared replaces any older one
            try:
                super().notebook_start(**kwargs)
            finally:
                self.writes = False

        def autosave_cell(self) -> None:  # every 30 s or more during a long cell
            self.writes = True
            try:
                super().autosave_cell()
            finally:
                self.writes = False

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(
            cls,
            nb: Any,
            kernel_name: str,
            output_path: str | None = None,
            progress_bar: bool = True,
            log_output: bool = False,
            autosave_cell_every: int = 30,
            **kwargs: Any,
        ) -> Any:
            nb_man = Manager(
                nb,
                output_path=output_path,
                progress_bar=progress_bar,
                log_output=log_output,
                autosave_cell_every=autosave_cell_every,
            )
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            except BaseException:
                nb_man.writes = True  # kernel died, timeout, interrupt: keep what ran
                raise
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()  # papermill itself writes the finished notebook
            return nb_man.nb

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man: Any,
            kernel_name: str,
            log_output: bool = False,
            stdout_file: Any = None,
            stderr_file: Any = None,
            start_timeout: int = 60,
            execution_timeout: int | None = None,
            **kwargs: Any,
        ) -> Any:
            # NBClientEngine.execute_managed_notebook, but the kernel is stopped at the end
            # even though it was given (`km`) rather than started by the client
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs,
                timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            return PapermillNotebookClient(nb_man, **final_kwargs).execute(cleanup_kc=True)

    return Engine


def _register_engine() -> str:
    """Register :func:`_engine_class` with papermill (once per process); return its name."""
    with _ENGINE_LOCK:
        from papermill.engines import papermill_engines

        papermill_engines.register(ENGINE_NAME, _engine_class())
    return ENGINE_NAME


def execute_notebook(job: dict[str, Any], kernels: Kernels) -> dict[str, Any]:
    """Execute one notebook with papermill (in a worker thread of :class:`NotebookPool`).

    The notebook runs in the kernel this thread started ahead for it, or in one started
    now; when that kernel first answers, the thread starts the kernel of its next notebook
    (if ``start_next``), which boots while this notebook runs.

    Args:
        job: ``name``, ``input``, ``output``, ``parameters``, ``cwd`` and optionally
            ``start_next``.
        kernels: where the kernels come from.

    Returns:
        ``name``, ``ok``, ``seconds`` (from the call, waiting for the kernel included),
        ``run_seconds`` (from the kernel's first answer) and, on failure, ``cell``
        (index), ``ename``, ``evalue``, ``source`` (the failing cell's code) and
        ``message``.
    """
    import logging

    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    start = time.perf_counter()
    result: dict[str, Any] = {"name": job["name"], "ok": True}
    ready: list[float] = []

    async def on_notebook_start(**kwargs: Any) -> None:
        ready.append(time.perf_counter())
        if job.get("start_next"):
            await kernels.start_ahead(job["cwd"])

    try:
        km = kernels.take(job["cwd"])
        pm.execute_notebook(
            job["input"],
            job["output"],
            parameters=job["parameters"],
            engine_name=_register_engine(),
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            log_output=False,
            on_notebook_start=on_notebook_start,
            km=km,
            # where the client starts a kernel (papermill's `cwd` would chdir the process)
            resources={"metadata": {"path": job["cwd"]}},
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
    end = time.perf_counter()
    result["seconds"] = round(end - start, 2)
    result["run_seconds"] = round(end - (ready[0] if ready else start), 2)
    return result


def timings_file() -> Path:
    """Where the last run's seconds per notebook are kept (only to order the next run)."""
    return paths.CACHE_DIR / "run" / "notebook_seconds.json"


def load_timings(path: Path | None = None) -> dict[str, float]:
    """Seconds per notebook of earlier runs ({} when unknown or unreadable)."""
    try:
        data = json.loads((path or timings_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)}


def longest_first(jobs: list[dict[str, Any]], seconds: dict[str, float]) -> list[dict[str, Any]]:
    """The order to start the jobs in: longest first (by earlier runs), unknown ones first.

    With two workers and four notebooks, starting the longest ones first keeps the two
    workers busy until the end instead of leaving one idle while the other runs the
    longest notebook last. The order changes only how soon the run ends, never its results.
    """
    return sorted(jobs, key=lambda j: (j["name"] in seconds, -seconds.get(j["name"], 0.0)))


class NotebookPool:
    """Threads that execute notebooks with papermill, each in its own fresh kernel.

    The kernels are separate processes; a thread only drives one through papermill, so
    threads are enough (and cheaper than processes, which would each import papermill).
    On creation each thread starts the kernel of its first notebook, which boots while the
    caller checks the build and reads the tables; :meth:`run` then hands the threads the
    notebooks, longest first. Use as a context manager (kernels never used and the
    temporary kernelspec are removed on exit).

    Args:
        workers: notebooks executed at the same time.
        cwd: the notebooks' working folder, where kernels are started ahead (None: each
            kernel is started when its notebook begins).
        timings: the file of seconds per notebook that orders the jobs (default
            :func:`timings_file`).
    """

    def __init__(
        self, workers: int = 2, cwd: Path | str | None = None, timings: Path | None = None
    ) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.workers = max(1, workers)
        self.cwd = None if cwd is None else str(cwd)
        self.timings = timings if timings is not None else timings_file()
        self._tmp = tempfile.TemporaryDirectory(prefix="analysis-kernel-")
        self.kernels = Kernels(write_kernelspec(Path(self._tmp.name)))
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="analysis-notebook")
        # one task per thread now, so that every thread starts (and its kernel) at once
        self._warm = [self._pool.submit(self._warm_up) for _ in range(self.workers)]

    def _warm_up(self) -> None:
        from jupyter_core.utils import run_sync

        if self.cwd is not None:
            run_sync(self.kernels.start_ahead)(self.cwd)
        _register_engine()  # imports papermill while the kernel boots

    def __enter__(self) -> NotebookPool:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None:  # e.g. Ctrl-C
            self.abort()
        self.close()

    def abort(self) -> None:
        """Kill the kernels and wait for the threads: running notebooks end (failed) now."""
        self.kernels.kill_all()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Wait for the threads (pending jobs are cancelled), stop unused kernels, clean up."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.kernels.stop_all()
        self._tmp.cleanup()

    def run(
        self,
        jobs: list[dict[str, Any]],
        *,
        progress: bool | None = None,
        while_waiting: Callable[[], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Execute the notebooks; return the results in the order of ``jobs``.

        Args:
            jobs: see :func:`execute_notebook`.
            progress: True/False to force the tqdm bar on/off; None: only on a terminal.
            while_waiting: work for the calling thread while the notebooks run.
        """
        from tqdm import tqdm

        seconds = load_timings(self.timings)
        results: dict[str, dict[str, Any]] = {}
        disable = None if progress is None else not progress
        bar = tqdm(total=len(jobs), desc="notebooks", unit="nb", disable=disable, file=sys.stderr)
        ordered = longest_first(jobs, seconds)
        futures = {
            # the i-th job's thread takes, at the earliest, the (i + workers)-th job next
            self._pool.submit(
                execute_notebook,
                {**job, "start_next": self.cwd is not None and i + self.workers < len(ordered)},
                self.kernels,
            ): job["name"]
            for i, job in enumerate(ordered)
        }
        if while_waiting is not None:
            while_waiting()
        for fut in as_completed(futures):
            res = fut.result()
            results[res["name"]] = res
            bar.set_postfix_str(f"{res['name']} {'ok' if res['ok'] else 'FAILED'}")
            bar.update(1)
        bar.close()
        seconds.update({r["name"]: r["run_seconds"] for r in results.values() if r["ok"]})
        _write_atomic(self.timings, json.dumps(dict(sorted(seconds.items())), indent=1))
        return [results[j["name"]] for j in jobs]


def run_notebooks(
    jobs: list[dict[str, Any]], *, workers: int = 2, progress: bool | None = None
) -> list[dict[str, Any]]:
    """Execute notebooks concurrently (``workers`` at a time) with a tqdm progress bar.

    Args:
        jobs: see :func:`execute_notebook`.
        workers: notebooks executed at the same time.
        progress: True/False to force the bar on/off; None shows it only on a terminal.

    Returns:
        The results, in the order of ``jobs``.
    """
    cwds = {job["cwd"] for job in jobs}
    cwd = cwds.pop() if len(cwds) == 1 else None
    with NotebookPool(min(workers, len(jobs)), cwd=cwd) as pool:
        return pool.run(jobs, progress=progress)


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
        help="year of the briefing and of notebook 04 (default: the latest year two or more "
        "reports cover, else the latest year)",
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
    plan = plan_run(
        args.notebook, [tuple(p) for p in args.parameter], year=args.year, lang=args.lang
    )
    # the workers start now, while the build is checked and the tables are read
    with NotebookPool(min(args.workers, len(plan.notebooks)), cwd=paths.NOTEBOOKS_DIR) as pool:
        return _run(args, plan, pool)


SUMMARY_IDS = 10  # report ids named in the run's summary line


def build_summary(info: dict[str, Any], reports: Any) -> str:
    """One line on the tables a run uses: rebuilt or up to date, and how many reports (the
    first ten ids named, and how many more: a corpus of thousands is one line still)."""
    names = sorted(reports["report_id"].astype(str))
    ids = ", ".join(names[:SUMMARY_IDS])
    if len(names) > SUMMARY_IDS:
        ids += f", … and {len(names) - SUMMARY_IDS} more"
    if info.get("skipped"):
        return f"tables: up to date, {len(reports)} reports ({ids})"
    counts = ", ".join(f"{k} {v}" for k, v in info.get("tables", {}).items())
    return f"tables: rebuilt, {len(reports)} reports ({ids}); {counts}"


def _run(args: argparse.Namespace, plan: Plan, pool: NotebookPool) -> int:
    from analysis import briefing, build

    progress = False if args.no_progress else None
    try:
        build_info = build.ensure_built(progress=progress)
    except build.BuildError as exc:
        print(f"analysis run: the build failed, nothing was run: {exc}", file=sys.stderr)
        return 1
    tables = build.read_tables(paths.PROCESSED_DIR)
    print(build_summary(build_info, tables["reports"]), file=sys.stderr)
    year = check_against_reports(plan, tables["reports"], args.year)
    # the reports chosen with -p reports: every notebook and the briefing show only them
    chosen = next((p["reports"] for p in plan.parameters.values() if p.get("reports")), None)
    if chosen is not None:
        from analysis import plots

        tables = plots.filter_tables(tables, chosen)
        covered = sorted({int(y) for y in tables["reports"]["year"].dropna()})
        if args.year is None:
            year = plots.default_year(tables["reports"])
        elif int(args.year) not in covered:
            raise RunError(
                f"no chosen report covers year {args.year}; their years: {covered} "
                f"(reports {', '.join(map(str, chosen))})"
            )
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
        prepared: dict[str, Any] = {}

        def prepare() -> None:  # runs here while the workers execute the notebooks
            try:
                prepared["findings"] = briefing.key_findings(tables, year, lang)
            except Exception:  # noqa: BLE001 - computed again (and raised) with the briefing
                pass

        try:
            results = pool.run(jobs, progress=progress, while_waiting=prepare)
        except BaseException:  # e.g. Ctrl-C: no kernel may write into staging after this
            pool.abort()
            raise
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
    briefing.write_briefing(
        tables,
        briefing_path,
        year=year,
        figures_dir=figures_dir,
        lang=lang,
        findings=prepared.get("findings"),
    )

    from analysis.lexicons import lexicon_hashes

    figures = {p.name: paths.sha256_file(p) for p in sorted(figures_dir.glob("*.png"))}
    figures.update({p.name: paths.sha256_file(p) for p in sorted(figures_dir.glob("*.html"))})
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
        "briefing": {
            "file": _relative(briefing_path, out),
            "sha256": paths.sha256_file(briefing_path),
        },
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
