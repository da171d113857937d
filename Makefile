# Two commands on a fresh machine (Python 3.11+ with pip):
#   make run   - create .venv, install the app, start it at http://localhost:8501
#   make test  - install what the tests need (Debian's chromium and postgresql too), lint, run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint bench demo screenshot system-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/streamlit run app.py --server.port $(PORT)

# What the tests need from Debian, installed in one apt-get run when missing: chromium for the
# browser tests, postgresql for the server-database tests (they start their own server).
system-packages:
	@missing=""; \
	[ -n "$$CHROMIUM_PATH" ] || command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -n "$$POSTGRES_BIN" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
		|| missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	else echo "Missing$$missing and no apt-get: set CHROMIUM_PATH / POSTGRES_BIN to run those tests."; fi

# Browser tests run in their own pytest process: Playwright's sync API refuses to start in a
# worker where an earlier test left an asyncio loop running.
test: $(VENV)/.installed-test system-packages lint
	$(BIN)/python -m pytest -n 2 --dist loadfile --ignore=tests/browser
	$(BIN)/python -m pytest -n 2 --dist loadfile tests/browser

# Style is never a review comment: the formatter and the linter run before the tests.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-test
	$(BIN)/workbook bench --contacts 30000 --output docs/performance.md

demo: $(VENV)/.installed
	$(BIN)/workbook demo --db demo.duckdb --contacts 300 --force

screenshot: $(VENV)/.installed-test system-packages
	$(BIN)/python scripts/screenshot.py docs/screenshot.png
