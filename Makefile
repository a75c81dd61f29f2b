# chithi_gen — two commands: `make demo` (render the examples to out/) and `make test`.
# Each installs what it needs: a virtualenv with the pip packages, and for the tests
# the Debian packages of LibreOffice, the Liberation fonts and poppler.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

TEST_DEBS := libreoffice-writer-nogui fonts-liberation2 poppler-utils

.PHONY: demo test lint typecheck layout bench clean system-deps

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { bash scripts/system-deps.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/chithi render examples/chi-thi-ha-quang-2020.yaml -o out/chi-thi-ha-quang-2020.docx --force
	$(BIN)/chithi render examples/chi-thi-ha-quang-2021.yaml -o out/chi-thi-ha-quang-2021.docx --force

system-deps:
	@bash scripts/system-deps.sh $(TEST_DEBS)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks examples templates
	$(BIN)/ruff format --check src tests scripts benchmarks examples templates

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck
	$(BIN)/python -m pytest -q

# Every benchmark (benchmarks/README.md), its figures written into benchmarks/README.md.
# About 15 minutes on 2 cores; BENCH_FLAGS=--quick for a short run.
bench: $(STAMP) system-deps
	$(BIN)/python benchmarks/run_all.py --readme $(BENCH_FLAGS)

# Rebuild the bundled layout from its build script (reproducible).
layout: $(STAMP)
	$(BIN)/python templates/layouts/nd30/build.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
