# Two commands on a fresh machine: `make status` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: status test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

status: $(STAMP)
	$(BIN)/papi status

test: $(STAMP)
	$(BIN)/ruff check papi_cli tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Benchmarks measure an installed build in their own venv: `pip install .` compiles bytecode at
# install time, as users get it (an editable install under PYTHONDONTWRITEBYTECODE recompiles
# every module on every start). papi is reinstalled on every run, so the current sources are
# measured. `make bench BENCH_ARGS=--write` also writes benchmarks/results.md.
BENCH_VENV := benchmarks/.venv
BENCH_ARGS ?=

$(BENCH_VENV)/.installed: pyproject.toml
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet '.[bench]'
	touch $@

bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-deps --force-reinstall .
	$(BENCH_VENV)/bin/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache reports build *.egg-info $(BENCH_VENV) benchmarks/.work benchmarks/corpus
	rm -rf "$$($(PYTHON) -c 'import sys; sys.path.insert(0, "."); from papi_cli.cache import folder_for; from pathlib import Path; print(folder_for(Path.cwd()) or "")')"
