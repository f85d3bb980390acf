# bovenwijks: the two commands are `make serve` and `make test`; both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about its end of life on every build; we know (see docs/).
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build check ophalen test test-browser bench nieuw genereer screenshots clean

# A command that fails ends with `$(OR_FAIL)`: its target's FAILED says in Dutch what it means.
# GNU make then prints a line of its own ("make: *** [Makefile:40: check] Error 1"), and exits
# with 2: no Makefile can leave that line out while make still fails (which CI needs), so ours
# comes right before it.
OR_FAIL = || { status=$$?; printf '%s\n' "$(FAILED)" >&2; exit $$status; }
FAILED = make $@ is mislukt; de melding hierboven zegt waarom

$(STAMP): FAILED = De Python-omgeving in $(VENV) kon niet worden klaargezet met '$(PYTHON)'; de melding hierboven zegt waarom (nodig is Python 3.11 of nieuwer, te kiezen met bijvoorbeeld PYTHON=python3.12)
$(STAMP): pyproject.toml
	@echo "De Python-omgeving wordt klaargezet in $(VENV); dat gebeurt eenmalig en duurt even."
	@$(PYTHON) -m venv $(VENV) $(OR_FAIL)
	@$(BIN)/python -m pip install --quiet --upgrade pip $(OR_FAIL)
	@$(BIN)/python -m pip install --quiet -e '.[test]' $(OR_FAIL)
	@touch $(STAMP)

# The browser tests' tools from npm (axe-core, the Nu HTML checker), exactly as locked.
# --ignore-scripts: vnu-jar's install script would download a Java of its own; we use the system's.
# Without npm the tools are missing: the tests that need them skip (and fail in CI).
$(NODE_STAMP): FAILED = npm kon axe-core en de Nu HTML checker niet installeren; de melding hierboven zegt waarom
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then { npm ci --ignore-scripts --no-audit --no-fund && touch $(NODE_STAMP); } $(OR_FAIL); \
	else echo "npm ontbreekt: installeer nodejs en npm voor axe-core en de Nu HTML checker"; fi

## serve: build the demo city and serve it at http://127.0.0.1:8000, rebuilding on changes
serve: $(STAMP)
	@$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(OR_FAIL)

## build: the static site into site/ (a broken item is left out and warned about)
build: FAILED = make build: de site is niet gebouwd; de melding hierboven zegt waarom
build: $(STAMP)
	@$(BIN)/mkdocs build $(OR_FAIL)

## check: validate every wijk's content without building
check: FAILED = make check: verbeter wat hierboven staat, en draai dan opnieuw make check
check: $(STAMP)
	@$(BIN)/bovenwijks check $(OR_FAIL)

## ophalen: fetch each wijk's own news feed and agenda (its `feed` and `kalender`) into
##   wijken/<wijk>/_opgehaald/, and the open data of andere_steden into wijken/_steden/; the only
##   step that goes online; WIJK=vathorst-de-velden for one wijk, STAD=Utrecht for one city
ophalen: FAILED = make ophalen: niet elke bron is opgehaald; wat eerder was opgehaald blijft staan
ophalen: $(STAMP)
	@$(BIN)/bovenwijks ophalen $(if $(WIJK),--wijk "$(WIJK)") $(if $(STAD),--stad "$(STAD)") $(OR_FAIL)

## nieuw: a new wijk, wijkplan or item to fill in, e.g.
##   make nieuw SOORT=initiatief WIJK=soesterkwartier TITEL="Repair Café"
##   and SLUG=repair-cafe-de-kamp for a file name of one's own
nieuw: FAILED = make nieuw: er is niets gemaakt
nieuw: $(STAMP)
	@test -n "$(SOORT)" -a -n "$(WIJK)" || { echo 'Gebruik: make nieuw SOORT=initiatief WIJK=soesterkwartier TITEL="Repair Café" (en eventueel SLUG=een-eigen-bestandsnaam)'; exit 2; }
	@$(BIN)/bovenwijks nieuw --via-make "$(SOORT)" "$(WIJK)" "$(TITEL)" $(if $(SLUG),--slug "$(SLUG)") $(OR_FAIL)

## genereer: regenerate what is derived from the content contract and the wijken:
##   schemas/, content/meedoen/sleutels.md, .github/CODEOWNERS and .remarkrc.json
genereer: FAILED = make genereer: er is niets bijgewerkt; de melding hierboven zegt waarom
genereer: $(STAMP)
	@$(BIN)/bovenwijks genereer $(OR_FAIL)

## bench: build every shape of synthetic city at 1,000 and 10,000 items against plain MkDocs,
##   time the editor's rebuild under mkdocs serve, and update docs/benchmarks.md (takes hours);
##   e.g. make bench BENCH_ARGS="--sizes 200 --runs 1 --vormen gemengd --rebuild 0 --no-docs"
bench: $(STAMP)
	@$(BIN)/python scripts/bench $(BENCH_ARGS) $(OR_FAIL)

## test: every test, including the real-browser ones
test: FAILED = make test: niet elke test slaagt; de samenvatting hierboven zegt welke
test: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m pytest -q $(OR_FAIL)

## test-browser: only the tests of the built demo site, in Chromium and without (see docs/testing.md)
test-browser: FAILED = make test-browser: niet elke test slaagt; de samenvatting hierboven zegt welke
test-browser: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m pytest -q tests/browser $(OR_FAIL)

## screenshots: the pages residents meet first at 375 and 1280 pixels wide, into screenshots/
screenshots: $(STAMP)
	@$(BIN)/python scripts/screenshots $(OR_FAIL)

clean:
	rm -rf site $(VENV)
