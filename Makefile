# Two commands on a fresh machine: `make serve` and `make test`. Every target sets up what it needs.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

CHECKER_SOURCES := $(shell find checker -type f \( -name '*.py' -o -name '*.json' -o -name 'py.typed' \)) pyproject.toml

.PHONY: help setup serve test build wheel lint typecheck pytest bench browser clean lock

help:
	@echo "make serve   set up, then serve the site at http://127.0.0.1:8000/"
	@echo "make test    set up, then run every check (lint, types, tests, Pyodide parity)"
	@echo "make setup   set up only: .venv from the hashed lock, npm ci, Debian chromium"
	@echo "make wheel   build the checker wheel into dist/"
	@echo "make build   build the deployable site into site/ (for the address in SITE_URL)"
	@echo "make bench   run the benchmarks"
	@echo "make lint, make typecheck, make pytest: the three parts of make test; make clean"
	@echo "make lock    rewrite requirements-dev.txt (pins and hashes) from requirements-dev.in"

# --- set-up ----------------------------------------------------------------------------------------

setup: $(STAMPS)/venv $(STAMPS)/npm browser

# Every package, dependencies included, is pinned with its hashes in requirements-dev.txt (compiled
# from requirements-dev.in): pip refuses anything else, and installs wheels only (no build runs).
$(STAMPS)/venv: requirements-dev.txt
	@mkdir -p $(STAMPS)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r requirements-dev.txt
	@touch $@

$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's chromium, for the browser tests; installed once, only where no Chromium-family browser is.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
	    && ! command -v google-chrome >/dev/null 2>&1; then \
	  echo "installing Debian chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# Rewrite the lock after changing requirements-dev.in. pip-tools runs from a throwaway venv, so it
# is not itself a dependency; versions already in the lock are kept unless the .in asks otherwise.
lock:
	rm -rf $(STAMPS)/lock-venv
	python3 -m venv $(STAMPS)/lock-venv
	$(STAMPS)/lock-venv/bin/pip install --quiet --disable-pip-version-check pip-tools
	$(STAMPS)/lock-venv/bin/pip-compile --quiet --generate-hashes --no-emit-index-url --no-emit-find-links \
	  --strip-extras --output-file requirements-dev.txt requirements-dev.in
	rm -rf $(STAMPS)/lock-venv

# --- build -----------------------------------------------------------------------------------------

wheel: $(STAMPS)/wheel

# Built with the hatchling pinned (and hashed) in the lock, not one fetched unpinned into an isolated env.
$(STAMPS)/wheel: $(STAMPS)/venv $(CHECKER_SOURCES)
	rm -rf dist
	$(PY) -m build --wheel --no-isolation --outdir dist . >/dev/null
	@ls dist/*.whl
	@touch $@

build: setup wheel
	$(PY) -m mkdocs build --strict --site-dir site
	$(PY) -m tools.pdfs site
	$(PY) -m tools.precompress site

serve: $(STAMPS)/venv $(STAMPS)/npm wheel
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

# --- checks ----------------------------------------------------------------------------------------

lint: $(STAMPS)/venv
	$(PY) -m ruff check checker tests overrides tools
	$(PY) -m ruff format --check checker tests overrides tools

typecheck: $(STAMPS)/venv
	$(PY) -m mypy

pytest: setup wheel
	$(PY) -m pytest

test: lint typecheck pytest

bench: setup wheel
	$(PY) tests/bench/engine.py
	$(PY) tests/bench/browser.py

clean:
	rm -rf $(STAMPS) dist site build .pytest_cache .mypy_cache .ruff_cache .hypothesis
