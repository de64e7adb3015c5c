# didar: `make run` starts the demo, `make test` checks everything (CI runs it through .ci/run).
# Both work on a fresh clone: they build .venv and fetch the Neo4j jars (Maven Central) on first use.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.didar-installed
JARS_STAMP := var/neo4j-dist/lib/.pom-sha256

.PHONY: help venv jars run test lint format unit neo4j-start neo4j-stop neo4j-status

help:
	@echo "make run           the demo: local Neo4j, migrations, sample articles, worker, API on :8000"
	@echo "make test          ruff, mypy and every test (starts and stops its own test Neo4j)"
	@echo "make unit          the unit tests only (no Neo4j)"
	@echo "make lint          ruff check, ruff format --check, mypy"
	@echo "make format        ruff format and ruff check --fix"
	@echo "make venv          .venv with didar and its dev tools (Python 3.12)"
	@echo "make jars          fetch the Neo4j jars into var/neo4j-dist/lib"
	@echo "make neo4j-start | neo4j-stop | neo4j-status"

venv: $(VENV_STAMP)

$(BIN)/python:
	@python="$$(scripts/find-python)" && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV)

# Reinstalls only when pyproject.toml changes.
$(VENV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

jars: $(JARS_STAMP)

$(JARS_STAMP): pom.xml | $(VENV_STAMP)
	$(BIN)/python -c 'from graph.server import install_jars; install_jars()'
	@touch $@

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint jars
	$(BIN)/pytest

unit: venv
	$(BIN)/pytest -m 'not integration'

# An article the extractor cannot read is reported by `ingest` (exit 1) but does not stop the demo.
run: venv jars
	$(BIN)/didar neo4j start
	$(BIN)/didar migrate
	-$(BIN)/didar ingest samples/
	@$(BIN)/python scripts/banner.py
	@echo "Worker: processing queued articles in the background, restarted if it dies (log: var/worker.log)"
	$(BIN)/didar worker --supervise >var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(BIN)/didar serve

neo4j-start: venv jars
	$(BIN)/didar neo4j start

neo4j-stop: venv
	$(BIN)/didar neo4j stop

neo4j-status: venv
	$(BIN)/didar neo4j status
