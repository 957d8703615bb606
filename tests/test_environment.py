"""The three descriptions of the environment agree: pyproject.toml, requirements.lock and
environment.yml name the same packages, at the lock's versions."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return {norm(re.split(r"[<>=!~;\[ ]", s, maxsplit=1)[0]) for s in specs}


def locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if m:
            pins[norm(m.group(1))] = m.group(2)
    return pins


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    pins = {}
    for spec in pip_list:
        if spec.startswith("-e"):
            continue
        name, _, version = spec.partition("==")
        assert version, f"environment.yml: {spec!r} is not pinned with =="
        pins[norm(name)] = version
    return pins


def test_every_declared_package_is_locked():
    missing = declared() - set(locked())
    assert not missing, f"in pyproject.toml but not in requirements.lock: {sorted(missing)}"


def test_environment_yml_names_the_declared_packages():
    assert set(conda_pins()) == declared()


def test_environment_yml_pins_the_locked_versions():
    lock = locked()
    wrong = {n: (v, lock.get(n)) for n, v in conda_pins().items() if lock.get(n) != v}
    assert not wrong, f"environment.yml version != lock version: {wrong}"


def test_environment_yml_uses_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]
