# Two commands on a fresh machine (Python 3.11 + the package registries):
#   make crawl   install into .venv and crawl the bundled sample site → data/articles.jsonl
#   make test    install into .venv (with the test extra), lint (ruff, mypy) and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: crawl test eval bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

crawl: $(STAMP)
	$(BIN)/scrapy crawl articles

test: $(STAMP)
	$(BIN)/ruff check scraper pipelines tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Score extraction against the labeled corpus, with trafilatura and GNE, → benchmarks/RESULTS.md
eval: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,eval]'
	$(BIN)/python -m benchmarks.eval

# Speed and scale tables (extraction, crawl, memory; needs nginx) → their sections of benchmarks/RESULTS.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,eval]'
	$(BIN)/python -m benchmarks.scale

clean:
	rm -rf $(VENV) data/articles.jsonl data/duplicates.jsonl
