# The README's interface: `make site`, `make test`, `make serve`, `make bench`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)
BENCH_SIZES ?= 100,1000,5000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site test lint serve bench golden clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

## setup: create .venv with the pinned dependencies (the other targets do this themselves when needed)
setup: $(STAMP)

## site: validate the content (once; the build reuses it) and build the whole site, PDF and exports included, into site/
## (swapped in by renames only when the build succeeds)
site: $(STAMP)
	rm -rf build/site-next
	KATALOG_PDF=1 $(BIN)/python -m katalog.sitebuild build/site-next
	$(BIN)/python -m katalog.publish build/site-next site
	@echo "Sitet er bygget i site/. Se det med: $(BIN)/python -m http.server -d site 8000"

## test: lint, type-check and run the whole test suite (browser tests need Debian's chromium)
test: lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## serve: live preview on http://127.0.0.1:8000 that rebuilds when content/ or schemas/ change
serve: $(STAMP)
	KATALOG_PREVIEW=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## bench: time validation, full build, memory, live rebuild, PDF and page weight on synthetic catalogues, as ratios
## against plain MkDocs, into bench/results.md (BENCH_QUICK=1: the first size only, one build each)
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES) $(if $(BENCH_QUICK),--quick)

## golden: rewrite tests/golden/ (one record of each kind as site and print HTML); read the diff before committing
golden: $(STAMP)
	KATALOG_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_views.py -k golden

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
