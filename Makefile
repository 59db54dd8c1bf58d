# ContextMap — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
NEO4J_SERVER := tools/neo4j-test-server
PORT ?= 8501

.PHONY: run test check bench fuzz browser neo4j-server clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(RUN_STAMP)

## run: embedded store under data/, demo data on first run, the app on http://localhost:$(PORT)
run: $(RUN_STAMP)
	$(PY) -m mapping init
	$(PY) -m mapping demo --scale small --if-empty
	$(PY) -m mapping user demo
	$(PY) -m mapping serve --port $(PORT)

## test: everything — both storage backends (a real Neo4j), AppTest and headless Chromium
test: $(TEST_STAMP) browser neo4j-server
	$(PY) -m pytest -p no:cacheprovider

## check: lint, types and the dependency-direction contracts
check: $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

## bench: the benchmark table recorded in docs/PERFORMANCE.md
bench: $(TEST_STAMP) neo4j-server
	$(PY) -m mapping bench --scale borough

## fuzz: the long property-based runs (>= 10,000 examples each)
fuzz: $(TEST_STAMP)
	$(PY) -m pytest -m fuzz -p no:cacheprovider

## browser: Debian's Chromium and chromedriver for the real-browser tests
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	  else echo "please install chromium and chromium-driver (sudo apt-get install chromium chromium-driver)"; exit 1; fi; }

## neo4j-server: compile the in-process Neo4j 5.26 test server (jars cached in ~/.m2)
neo4j-server: $(NEO4J_SERVER)/target/.built

$(NEO4J_SERVER)/target/.built: $(NEO4J_SERVER)/pom.xml $(NEO4J_SERVER)/src/main/java/contextmap/TestServer.java
	cd $(NEO4J_SERVER) && mvn -q -B compile dependency:copy-dependencies
	touch $@

clean:
	rm -rf $(VENV) $(NEO4J_SERVER)/target .pytest_cache .mypy_cache .ruff_cache
