# bovenwijks: the two commands are `make serve` and `make test`; both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about its end of life on every build; we know (see docs/).
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build check test test-browser bench nieuw genereer screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The browser tests' tools from npm (axe-core, the Nu HTML checker), exactly as locked.
# --ignore-scripts: vnu-jar's install script would download a Java of its own; we use the system's.
# Without npm the tools are missing: the tests that need them skip (and fail in CI).
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $(NODE_STAMP); \
	else echo "npm ontbreekt: installeer nodejs en npm voor axe-core en de Nu HTML checker"; fi

## serve: build the demo city and serve it at http://127.0.0.1:8000, rebuilding on changes
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the static site into site/ (a broken item is left out and warned about)
build: $(STAMP)
	$(BIN)/mkdocs build

## check: validate every wijk's content without building
check: $(STAMP)
	$(BIN)/bovenwijks check

## nieuw: a new wijk, wijkplan or item to fill in, e.g.
##   make nieuw SOORT=initiatief WIJK=soesterkwartier TITEL="Repair Café"
nieuw: $(STAMP)
	@test -n "$(SOORT)" -a -n "$(WIJK)" || { echo 'Gebruik: make nieuw SOORT=initiatief WIJK=soesterkwartier TITEL="Repair Café"'; exit 2; }
	$(BIN)/bovenwijks nieuw "$(SOORT)" "$(WIJK)" "$(TITEL)"

## genereer: regenerate what is derived from the content contract and the wijken:
##   schemas/, content/meedoen/sleutels.md, .github/CODEOWNERS and .remarkrc.json
genereer: $(STAMP)
	$(BIN)/bovenwijks genereer

## bench: build synthetic cities of 1,000 and 10,000 items against plain MkDocs and update
##   docs/benchmarks.md (takes a while); e.g. make bench BENCH_ARGS="--sizes 200 --runs 1 --no-docs"
bench: $(STAMP)
	$(BIN)/python scripts/bench $(BENCH_ARGS)

## test: every test, including the real-browser ones
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -q

## test-browser: only the tests of the built demo site, in Chromium and without (see docs/testing.md)
test-browser: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -q tests/browser

## screenshots: the pages residents meet first at 375 and 1280 pixels wide, into screenshots/
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots

clean:
	rm -rf site $(VENV)
