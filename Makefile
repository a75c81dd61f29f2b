# chithi_gen — two commands: `make demo` (render the examples to out/) and `make test`.
# Each installs what it needs: a virtualenv with the pip packages, and for the tests
# the Debian packages of LibreOffice, the Liberation fonts and poppler.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

TEST_DEBS := libreoffice-writer-nogui fonts-liberation2 poppler-utils

.PHONY: demo test lint typecheck layout bench clean system-deps docs test-lowest test-sdist

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { bash scripts/system-deps.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev,audit]'
	@touch $(STAMP)

# Every bundled example to out/NAME.docx (the Party examples to out/dang/, the template
# folder's own kind to out/mau-don-vi/).
demo: $(STAMP)
	@mkdir -p out/dang out/mau-don-vi
	@for f in examples/*.yaml; do \
	  $(BIN)/chithi render "$$f" -o "out/$$(basename "$$f" .yaml).docx" --force || exit 1; done
	@for f in examples/mau-dang/*.yaml; do \
	  $(BIN)/chithi render "$$f" -o "out/dang/$$(basename "$$f" .yaml).docx" --force || exit 1; done
	@for f in $$(ls examples/mau-don-vi/*.yaml | grep -v /kinds.yaml); do \
	  $(BIN)/chithi render "$$f" --templates examples/mau-don-vi \
	    -o "out/mau-don-vi/$$(basename "$$f" .yaml).docx" --force || exit 1; done
	@ls out/*.docx out/dang/*.docx out/mau-don-vi/*.docx | wc -l | xargs echo "Đã tạo / written:"

system-deps:
	@bash scripts/system-deps.sh $(TEST_DEBS)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks examples templates docs/api
	$(BIN)/ruff format --check src tests scripts benchmarks examples templates docs/api

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck docs
	$(BIN)/python -m pytest -q
	$(MAKE) test-lowest
	$(MAKE) test-sdist

# The API reference from the docstrings, warnings as errors (out/api/index.html).
docs: $(STAMP)
	$(BIN)/python -m sphinx -W --keep-going -q -b html docs/api out/api

# The suite again with the lowest dependency versions pyproject.toml allows (ci/lowest.txt),
# in a virtualenv of its own; slow tests (wheel builds) and the layout's byte-for-byte
# rebuild (it is built with the development versions) are left to `test`.
LOW     := .venv-lowest
LOWSTAMP := $(LOW)/.installed
$(LOWSTAMP): pyproject.toml ci/lowest.txt
	@$(PYTHON) -m venv $(LOW)
	$(LOW)/bin/python -m pip install -q --upgrade pip setuptools wheel
	$(LOW)/bin/python -m pip install -q -c ci/lowest.txt -e '.[dev]'
	@touch $(LOWSTAMP)

test-lowest: $(LOWSTAMP) system-deps
	$(LOW)/bin/python -m pytest -q -m "not slow" \
	  --deselect tests/test_layout_build.py::test_build_is_reproducible_and_matches_committed_layout

# The source distribution's own test suite, run against the sdist installed in a
# virtualenv of its own (dependencies from .venv), from the unpacked sdist.
SDIST := out/sdist
test-sdist: $(STAMP) system-deps
	rm -rf $(SDIST) && mkdir -p $(SDIST)/wheel
	$(BIN)/python -c "import setuptools.build_meta as b; b.build_sdist('$(SDIST)')" >/dev/null
	$(BIN)/python -m pip wheel -q --no-deps --no-build-isolation -w $(SDIST)/wheel $(SDIST)/chithi_gen-*.tar.gz
	tar -xzf $(SDIST)/chithi_gen-*.tar.gz -C $(SDIST)
	$(PYTHON) -m venv $(SDIST)/venv
	$(BIN)/python -c "import sysconfig; print(sysconfig.get_path('purelib'))" \
	  > "$$($(SDIST)/venv/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))")/deps.pth"
	$(SDIST)/venv/bin/python -m pip install -q --no-deps --no-index $(SDIST)/wheel/chithi_gen-*.whl
	cd $(SDIST)/chithi_gen-*/ && ../venv/bin/python -m pytest -q -p no:cacheprovider -m "not slow"

# Every benchmark (benchmarks/README.md), its figures written into benchmarks/README.md.
# About 15 minutes on 2 cores; BENCH_FLAGS=--quick for a short run.
bench: $(STAMP) system-deps
	$(BIN)/python benchmarks/run_all.py --readme $(BENCH_FLAGS)

# Rebuild the bundled layouts from their build scripts (reproducible); the Party layout
# is built from the nd30 one, so it comes second.
layout: $(STAMP)
	$(BIN)/python templates/layouts/nd30/build.py
	$(BIN)/python templates/layouts/dang/build.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache .venv-lowest
