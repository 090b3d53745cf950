# Partnerships Transparency Portal — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# An answer from here means PyPI's JSON API, where pip-audit reads each pinned release's advisories,
# is reachable (a mirror that answers only package pages does not count).
AUDIT_PROBE := https://pypi.org/pypi/Django/$(shell grep -i '^Django==' requirements.txt | cut -d= -f3)/json
# What `make run` needs (requirements.txt), then the test and lint tools on top (requirements-dev.txt).
RUN_STAMP := $(VENV)/.installed-run-$(shell cat requirements.txt | sha1sum | cut -c1-12)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
COMPILEMESSAGES := cd portal && ../$(BIN)/django-admin compilemessages -v0
HOST ?= 127.0.0.1
PORT ?= 8000
APT_GET := $(shell command -v apt-get 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run test test-fast lint audit format messages compilemessages install system-deps browser screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# The pip that comes with the venv installs the pinned wheels as well as a newer one would.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): $(BIN)/python requirements.txt
	$(PIP_INSTALL) -r requirements.txt
	rm -f $(VENV)/.installed-run-* && touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	rm -f $(VENV)/.installed-dev-* && touch $@

install: system-deps $(DEV_STAMP) ## Create .venv and install the pinned dependencies, test and lint tools included

system-deps: ## Install gettext from Debian when msgfmt is missing
	@command -v msgfmt >/dev/null || { [ -n "$(APT_GET)" ] && $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

browser: ## Install Debian's chromium for the browser tests when it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ -n "$(APT_GET)" ]; then \
			echo "Installing chromium from Debian for the browser tests…"; \
			$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "!!! No apt-get: browser tests will be skipped (they never skip when CI is set)."; \
		fi; \
	fi

compilemessages: system-deps $(RUN_STAMP) ## Compile the interface translations (.po → .mo)
	$(COMPILEMESSAGES)

messages: system-deps $(RUN_STAMP) ## Extract interface strings into the .po files for fr, es, ar
	$(MANAGE) makemessages -l fr -l es -l ar --ignore=.venv --ignore=staticfiles --no-obsolete --add-location=file -v0

# The interface translations and the static files are made while the database is built (migrated,
# then loaded with the demo, in one process). gunicorn --preload: the workers start from a process that
# has loaded the site once, so the first page answers two seconds sooner than when each loads it.
# Beside it, the worker that sends the apply form's e-mails (they wait in the database, not in a request).
# The address served, for what the demo prints and stores (its Site, the admin link in reviewers'
# e-mails): `make run PORT=8400` must not send people to port 8000.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: system-deps $(RUN_STAMP) ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000
	set -e; \
	($(COMPILEMESSAGES)) & messages=$$!; \
	$(MANAGE) collectstatic --noinput -v0 & static=$$!; \
	$(MANAGE) load_demo --migrate; \
	wait $$messages; wait $$static
	@echo "Serving on http://$(HOST):$(PORT)/  ·  admin: http://$(HOST):$(PORT)/admin/"
	$(MANAGE) db_worker --backend mail -v1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; \
	GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py --preload

test: install compilemessages browser ## Run the whole test suite (browser tests included)
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: install compilemessages ## Run the suite without the browser tests
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: install audit ## Check code style (ruff), template indentation (djhtml) and known vulnerabilities
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	find . -path ./.venv -prune -o -name '*.html' -path '*templates*' -print0 | xargs -0 $(BIN)/djhtml --check

# Every package the pinned requirements install (their own dependencies included) against PyPI's
# vulnerability data; --strict fails when one of them could not be checked. Without that data (no
# network) it says so plainly instead of passing.
audit: install ## Check the installed dependencies for known vulnerabilities (pip-audit)
	@if $(BIN)/python -c "import urllib.request; urllib.request.urlopen('$(AUDIT_PROBE)', timeout=10)" 2>/dev/null; then \
		$(BIN)/pip-audit --strict --progress-spinner off; \
	else \
		echo "pip-audit: NOT CHECKED. PyPI's vulnerability data ($(AUDIT_PROBE)) is not reachable from here, so the dependencies were not audited." >&2; \
	fi

format: install ## Fix code style and template indentation
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	find . -path ./.venv -prune -o -name '*.html' -path '*templates*' -print0 | xargs -0 $(BIN)/djhtml

screenshots: install browser ## Retake docs/screenshots/*.png from the demo served by `make run` (BASE_URL to change)
	$(BIN)/python docs/screenshots/take.py $(or $(BASE_URL),http://$(HOST):$(PORT))

clean: ## Remove the virtualenv, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
