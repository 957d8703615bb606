# Run `make` alone to list the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help

.PHONY: help all install build check run test test-fast lab lint format lock benchmark clean

help: ## list the targets with one line each
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

all: install ## set everything up (.venv from the lock) and run the main job: tables, notebooks, figures, briefing
	$(BIN)/analysis run

install: $(STAMP) ## create .venv with $(PYTHON) if missing and install the pinned packages

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.lock
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps -e .
	@touch $(STAMP)

check: install ## validate data/raw/ and its manifest, writing nothing
	$(BIN)/analysis check

build: install ## raw reports -> tidy tables in data/processed/ (only what changed)
	$(BIN)/analysis build

run: all ## same as `make all`

test: install ## run the whole test suite (notebook tests included)
	$(BIN)/python -m pytest

test-fast: install ## the test suite without the slow notebook/pipeline tests
	$(BIN)/python -m pytest -m "not slow"

lab: install ## JupyterLab on the project's environment and kernel
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (analysis)" >/dev/null
	$(BIN)/jupyter lab --notebook-dir=notebooks

lint: install ## ruff lint and format check, notebooks must be stripped
	$(BIN)/ruff check analysis tests benchmarks scripts
	$(BIN)/ruff format --check analysis tests benchmarks scripts
	$(BIN)/nbstripout --verify notebooks/*.ipynb

format: install ## ruff format and fix, strip notebook outputs
	$(BIN)/ruff format analysis tests benchmarks scripts
	$(BIN)/ruff check --fix analysis tests benchmarks scripts
	$(BIN)/nbstripout notebooks/*.ipynb

lock: ## regenerate requirements.lock and environment.yml from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --no-header -o requirements.lock
	$(PYTHON) scripts/write_environment_yml.py

benchmark: install ## print build, segmentation and run timings (benchmarks/; takes several minutes)
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_segmentation.py
	$(BIN)/python benchmarks/bench_run.py

clean: ## remove generated outputs (never data/raw/)
	rm -rf data/processed/* reports/executed reports/*.html reports/*.json reports/*.png .cache
	find figures -type f ! -name .gitkeep -delete
	@touch data/processed/.gitkeep
