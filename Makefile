# The two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
PYTHON ?= python3
# Use the machine's uv when there is one; otherwise bootstrap it with pip into .tools/.
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
RUN := $(UV) run --locked
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
# The suite empties this Redis database before each test: keep it for tests only.
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
PWA_SOURCES := $(shell find pwa/src pwa/public -type f 2>/dev/null) pwa/index.html \
	pwa/vite.config.ts pwa/tsconfig.json pwa/package-lock.json

.PHONY: help run serve setup test test-python test-pwa test-postgres check lint bench audit clean

help:
	@echo "make run           set everything up and serve the app at http://localhost:$(PORT)"
	@echo "make test          run the whole suite (Python on SQLite, and the PWA)"
	@echo "make test-postgres the Python suite on PostgreSQL + Redis ($(TEST_POSTGRES_URL))"
	@echo "make check         ruff, mypy, Biome, tsc, then the tests"
	@echo "make bench         benchmark scripts (ratios side by side)"
	@echo "make audit         Lighthouse on the signed-in home screen (installs pwa/audit)"

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked
	@touch $@

pwa/node_modules/.package-lock.json: pwa/package.json pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund

pwa/dist/index.html: pwa/node_modules/.package-lock.json $(PWA_SOURCES)
	cd pwa && npm run build

setup: .venv/.synced pwa/dist/index.html

run: setup
	$(RUN) resident-portal migrate
	$(RUN) resident-portal demo-data
	$(RUN) resident-portal serve --host $(HOST) --port $(PORT)

serve: .venv/.synced
	$(RUN) resident-portal serve --host $(HOST) --port $(PORT)

test: test-pwa test-python

test-python: setup
	PORTAL_REQUIRE_PWA_BUILD=1 $(RUN) pytest

test-pwa: pwa/node_modules/.package-lock.json
	cd pwa && npm test

test-postgres: setup
	PORTAL_REQUIRE_PWA_BUILD=1 PORTAL_TEST_DATABASE_URL=$(TEST_POSTGRES_URL) \
		PORTAL_TEST_REDIS_URL=$(TEST_REDIS_URL) $(RUN) pytest

lint: .venv/.synced pwa/node_modules/.package-lock.json
	$(RUN) ruff check backend sync tests migrations piccolo_conf.py
	$(RUN) ruff format --check backend sync tests
	$(RUN) mypy
	cd pwa && npm run check

check: lint test

bench: .venv/.synced
	$(RUN) python -m tests.bench

pwa/audit/node_modules/.package-lock.json: pwa/audit/package.json pwa/audit/package-lock.json
	cd pwa/audit && npm ci --no-audit --no-fund

audit: setup pwa/audit/node_modules/.package-lock.json
	$(RUN) python -m tests.bench.audit

clean:
	rm -rf .venv .tools pwa/node_modules pwa/audit/node_modules pwa/dist .pytest_cache .mypy_cache .ruff_cache
