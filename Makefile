# Two commands set up a fresh machine: `make site` builds everything, `make test` runs the whole suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve unit node-test integration browser clean system-deps system-deps-test search-speed budgets new-session new-handout new-module translations translations-stamp bench weight

$(VENV)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(PY) -m pip install -q -r requirements-test.txt
	touch $@

system-deps:
	bash scripts/system-deps.sh site

system-deps-test:
	bash scripts/system-deps.sh test

## site: build site/ (both languages, PDFs) and dist/ (offline zip); a failed build keeps the previous output
site: system-deps $(VENV)/.site-deps
	$(PY) scripts/build.py

## test: unit, Node (the JavaScript's pure logic), integration (real strict builds) and browser tests
test: system-deps-test $(VENV)/.test-deps node-test
	$(PY) -m pytest

unit: $(VENV)/.test-deps
	$(PY) -m pytest tests/unit

## node-test: the JavaScript's pure logic under `node --test`, on the golden cases pytest also reads (tests/golden)
node-test: system-deps-test
	node --test tests/js

integration: $(VENV)/.test-deps
	$(PY) -m pytest tests/integration

browser: system-deps-test $(VENV)/.test-deps
	$(PY) -m pytest tests/browser

## serve: live preview for authors; edits in docs/ and modules/ reload
serve: system-deps $(VENV)/.site-deps
	MANUAL_PDF=$${MANUAL_PDF:-preview} $(VENV)/bin/mkdocs serve

clean:
	rm -rf site dist .build .cache

## new-session MODULE=<folder> NAME=<slug>, new-handout …, new-module NAME=<NN-slug>: both language files, ready to fill
new-session new-handout new-module: $(VENV)/.site-deps
	$(PY) scripts/scaffold.py $(subst new-,,$@) --name "$(NAME)" $(if $(MODULE),--module "$(MODULE)")

## translations: which pages are missing or out of date in each language (exit 1 when one is missing)
translations: $(VENV)/.site-deps
	$(PY) scripts/translations.py

## translations-stamp: record in each translation the Spanish source it now matches (after updating it)
translations-stamp: $(VENV)/.site-deps
	$(PY) scripts/translations.py --stamp $(FILES)

## bench: build time, PDF time, edit-rebuild time and memory for synthetic manuals of 7, 35 and 70 modules
bench: system-deps $(VENV)/.site-deps
	$(PY) scripts/bench.py

## weight: what a phone downloads (first load of pages, search, indexes, offline zip), measured in chromium on site/
weight: system-deps-test $(VENV)/.test-deps
	$(PY) scripts/page_weight.py site

## search-speed: first search result after the index arrives, CPU slowed 4×, both languages, http and file://
search-speed: system-deps-test $(VENV)/.test-deps
	$(PY) scripts/search_speed.py site

## budgets: Lighthouse (pinned in tools/lighthouse) on six pages beside a stock Material page, site served gzip
budgets: system-deps-test $(VENV)/.test-deps
	npm ci --prefix tools/lighthouse --no-audit --no-fund --ignore-scripts
	$(PY) scripts/budgets.py site --runs 3
