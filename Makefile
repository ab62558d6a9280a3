# Tuyên giáo: two commands for a newcomer.
#   make run   set everything up (venv, Python and npm packages, database, demo data) and serve
#   make test  the same set-up, then ruff and pytest on SQLite, and on PostgreSQL when reachable
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TG := $(BIN)/tuyengiao
HOST ?= 127.0.0.1
PORT ?= 8000
# The local PostgreSQL of development and CI machines (trust auth); DATABASE_URL wins when set.
# Tests create and drop their own test_* database next to it.
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=
# Tests run in parallel, one worker per core (pytest-xdist; each worker has its own test database).
PYTEST_WORKERS ?= auto

export TUYENGIAO_HOME := $(CURDIR)

.PHONY: run setup test test-sqlite test-postgres lint e2e-deps bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json $(wildcard package-lock.json)
	npm install --no-audit --no-fund --loglevel=error
	touch $@

# Static files (ours and the npm packages') are collected and pre-compressed for whitenoise.
var/static/.collected: node_modules/.installed $(VENV)/.installed $(shell find src/tuyengiao -path '*/static/*' -type f 2>/dev/null)
	mkdir -p var
	$(TG) collectstatic --noinput -v 0
	touch $@

# Translations: compiled when GNU gettext is present (the .mo files are committed as well).
messages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then cd src/tuyengiao && ../../$(TG) compilemessages -v 0; fi

setup: $(VENV)/.installed node_modules/.installed var/static/.collected

run: setup
	$(TG) migrate --noinput -v 0
	$(TG) demo --if-empty
	@echo "Tuyên giáo: http://$(HOST):$(PORT)/"
	DEBUG=1 $(TG) runserver $(HOST):$(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Debian's chromium for the end-to-end tests, installed when missing and possible (root or sudo).
e2e-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; } ; \
	  elif sudo -n true 2>/dev/null; then sudo apt-get install -y -q chromium >/dev/null; fi ; } || true
	@command -v chromium >/dev/null || echo "e2e: chromium is not installed and could not be installed here; browser tests will skip"

test: setup lint e2e-deps
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
	    || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then \
	  $(MAKE) --no-print-directory test-postgres; \
	else echo "PostgreSQL: not reachable (no DATABASE_URL, nothing on 127.0.0.1:5432): skipped"; fi

test-sqlite: setup
	@echo "== pytest on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: setup
	@echo "== pytest on PostgreSQL ($${DATABASE_URL:-$(PG_URL)}) =="
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Benchmarks print figures (PostgreSQL); BENCH_SCALE=small for a quick run of the consolidation one.
BENCH_SCALE ?= full
bench: setup
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/tree.py
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/consolidate.py --scale $(BENCH_SCALE)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/tasks.py --scale $(BENCH_SCALE)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python bench/submit_load.py --seconds 20
	$(BIN)/python bench/extract_eval.py

clean:
	rm -rf $(VENV) node_modules var
