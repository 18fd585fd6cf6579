# Keuzehulp task runner. `make run` and `make test` work on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
# Debian packages: WeasyPrint's Pango, HarfBuzz's font subsetter (without it WeasyPrint falls back
# to fontTools, slower and deprecated) and fonts.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
# The tests also need poppler (they read PDFs back) and a throwaway Redis (tests/test_cache_outage.py:
# counting, outage, recovery); Chromium for the browser tests comes with browser-deps.
TEST_SYSTEM_PACKAGES := poppler-utils redis-server
# Settings refuse to start without SECRET_KEY unless DEBUG is on; commands that run with DEBUG
# off on this machine (check, fixtures) get a throwaway key unless one is set; pytest (tests,
# bench) gets its own from pyproject.toml.
LOCAL_KEY := SECRET_KEY="$${SECRET_KEY:-django-insecure-local-commands-only}"
APT := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: help install system-deps test-system-deps browser-deps run test test-postgres test-fast loadtest lint format typecheck fixtures superuser bench messages clean

help:
	@echo "make run        serve on http://$(HOST) (SQLite, catalogue loaded)"
	@echo "make test       install what tests need and run the whole suite, on SQLite and PostgreSQL"
	@echo "make test-postgres  the suite (without browser tests) on PostgreSQL only"
	@echo "make lint       ruff check + format check + mypy"
	@echo "make fixtures   (re)load the brochure catalogue, resetting edits of those rows"
	@echo "make superuser  create an admin user"
	@echo "make loadtest   locust users against gunicorn + a document worker on a throwaway"
	@echo "                PostgreSQL, loopback only (LOAD_USERS=50 LOAD_TIME=60s WEB_CONCURRENCY=2"
	@echo "                DOCUMENT_WORKERS=1); prints p50/p95/p99 per endpoint, errors, saved"
	@echo "make bench      time the benchmarks: median, p95, ratio to a baseline, budgets"
	@echo "                (BENCH_ARGS=--check fails when over budget; BENCH_ARGS='-k design')"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

# Installs those of the packages named in $(1) that are missing (Debian's apt).
apt_missing = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing$$missing"; $(APT) update -qq && $(APT) install -y -qq $$missing; fi

system-deps:
	@$(call apt_missing,$(SYSTEM_PACKAGES))

test-system-deps: system-deps
	@$(call apt_missing,$(TEST_SYSTEM_PACKAGES))

browser-deps: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium"; $(APT) update -qq && $(APT) install -y -qq chromium; }
	@$(BIN)/python -c "import playwright, axe_playwright_python" 2>/dev/null || { echo "installing Playwright's Python package"; $(BIN)/python -m pip install -q -e '.[test]'; }

# A development server: DEBUG on, so the public development key is allowed (never in production);
# e-mails (quote requests, quotes) are printed on the console instead of sent.
run: install system-deps
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py createcachetable
	DEBUG=1 $(BIN)/python manage.py seed_catalog
	DEBUG=1 EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend $(BIN)/python manage.py runserver $(HOST)

# Tests run in random order (pytest-randomly; its seed is in the header). Replay an order with
# make test PYTEST_ARGS="-p randomly --randomly-seed=N"; keep the file order with -p no:randomly.
PYTEST_ARGS ?=
# The whole suite on SQLite (the embedded default), then again on PostgreSQL: the server that
# DATABASE_URL names, or else a throwaway cluster on loopback that bin/with-postgres installs
# (Debian's package), starts and removes. The PostgreSQL pass leaves out the browser tests:
# they drive the same views through Chromium and add nothing the database would answer
# differently, while they double the pass's time.
test: install test-system-deps browser-deps
	$(LOCAL_KEY) $(BIN)/python manage.py check
	env -u DATABASE_URL $(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-postgres

test-postgres: install test-system-deps
	bin/with-postgres $(BIN)/pytest -n 2 --dist loadgroup -m "not browser" $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest -n 2 -m "not browser" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(LOCAL_KEY) $(BIN)/mypy .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install
	$(LOCAL_KEY) $(BIN)/mypy .

fixtures: install
	$(LOCAL_KEY) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_KEY) $(BIN)/python manage.py seed_catalog --force

superuser: install
	$(LOCAL_KEY) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_KEY) $(BIN)/python manage.py createsuperuser

# pytest-benchmark times benchmarks/ in a test database holding the catalogue; keuzehulp/bench.py
# adds the p95, the ratio to a baseline workload and the budgets (--check).
BENCH_ARGS ?=
bench: install
	$(BIN)/pytest benchmarks -p no:randomly --benchmark-enable --benchmark-only \
		--benchmark-warmup=on --benchmark-warmup-iterations=20 --benchmark-sort=name \
		--benchmark-columns=min,mean,stddev,max,iqr,outliers $(BENCH_ARGS)

# Not part of make test: it takes a minute and more, and measures rather than checks.
loadtest: install system-deps
	@$(BIN)/python -c "import locust" 2>/dev/null || $(BIN)/python -m pip install -q -e '.[load]'
	env -u DATABASE_URL bin/with-postgres bin/loadtest

messages: install
	$(LOCAL_KEY) $(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	$(LOCAL_KEY) $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
