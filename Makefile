# Keuzehulp task runner. `make run` and `make test` work on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
# Debian packages: WeasyPrint's Pango and fonts; Chromium for the browser tests.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils
APT := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: help install system-deps browser-deps run test test-fast lint format typecheck fixtures superuser bench messages clean

help:
	@echo "make run        serve on http://$(HOST) (SQLite, catalogue loaded)"
	@echo "make test       install what tests need and run the whole suite"
	@echo "make lint       ruff check + format check + mypy"
	@echo "make fixtures   (re)load the brochure catalogue, resetting edits of those rows"
	@echo "make superuser  create an admin user"
	@echo "make bench      print benchmark figures (median and p95)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(APT) update -qq && $(APT) install -y -qq $$missing; fi

browser-deps: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium"; $(APT) update -qq && $(APT) install -y -qq chromium; }
	@$(BIN)/python -c "import playwright, axe_playwright_python" 2>/dev/null || { echo "installing Playwright's Python package"; $(BIN)/python -m pip install -q -e '.[test]'; }

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_catalog
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

test: install system-deps browser-deps
	$(BIN)/python manage.py check
	$(BIN)/pytest -n 2 --dist loadgroup

test-fast: install
	$(BIN)/pytest -n 2 -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install
	$(BIN)/mypy .

fixtures: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_catalog --force

superuser: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createsuperuser

bench: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py seed_catalog
	$(BIN)/python manage.py bench

messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
