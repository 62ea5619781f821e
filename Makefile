# Two commands on a fresh machine (Python 3.11 + the package registries):
#   make crawl   install into .venv and crawl the bundled sample site → data/articles.jsonl
#   make test    install into .venv (with the test extra), lint (ruff, mypy) and run the test suite
# Both first install the Debian packages they need when missing (.ci/debian-packages): the CJK font
# for the report's charts, and (make test) chromium for the report's browser test and redis-server,
# which .ci/with-redis starts on 127.0.0.1 for the test run and stops afterwards.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: crawl test eval bench install clean font test-services

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

font:
	bash .ci/debian-packages fonts-noto-cjk

# chromium for the report's browser test, redis-server for the distributed-crawl tests.
test-services:
	bash .ci/debian-packages chromium fonts-noto-cjk redis-server

# The crawl, then the report on it (its last line is the report's path).
crawl: $(STAMP) font
	$(BIN)/scrapy crawl articles -s STATS_FILE=data/stats.json
	$(BIN)/healthscrape report data -o data/report.html

test: $(STAMP) test-services
	$(BIN)/ruff check scraper pipelines tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	bash .ci/with-redis $(BIN)/python -m pytest

# Score extraction against the labeled corpus, with trafilatura and GNE, → benchmarks/RESULTS.md
eval: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,eval]'
	$(BIN)/python -m benchmarks.eval

# Speed and scale tables (extraction, crawl, dedup, distributed, memory; nginx and redis-server) → their sections of benchmarks/RESULTS.md
bench: $(STAMP)
	bash .ci/debian-packages nginx redis-server
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,eval]'
	$(BIN)/python -m benchmarks.scale

clean:
	rm -rf $(VENV) data/articles.jsonl data/duplicates.jsonl data/stats.json data/report.html
