# carepages: `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
PORT ?= 8000
export PORT
# make serve: one granian worker per core; behind nginx on the same machine keep 127.0.0.1.
SERVE_HOST ?= 127.0.0.1
SERVE_WORKERS ?= 2
# Threads per worker: each keeps one database connection (workers x threads <= max_connections).
SERVE_THREADS ?= 16

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("carepages needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-base: requirements/base.txt | $(PY)
	$(PIP) install --quiet --disable-pip-version-check -r requirements/base.txt
	@touch $@

$(VENV)/.installed-dev: requirements/dev.txt $(VENV)/.installed-base
	$(PIP) install --quiet --disable-pip-version-check -r requirements/dev.txt
	@touch $@

.PHONY: install
install: $(VENV)/.installed-base ## Create .venv and install the locked dependencies (idempotent)

.PHONY: install-dev
install-dev: $(VENV)/.installed-dev ## Install the test and development tools as well

.PHONY: run
run: install port-free ## Migrate, load the demo content once and serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# runserver's own message for a busy port does not say how to choose another one.
.PHONY: port-free
port-free:
	@$(PY) -c 'import socket, sys; port = int(sys.argv[1]); \
		busy = socket.socket().connect_ex(("127.0.0.1", port)) == 0; \
		sys.exit(f"port {port} is in use: PORT={port + 1} make run" if busy else 0)' $(PORT)

.PHONY: test
test: install-dev ## Run the whole test suite (DATABASE_URL picks the database)
	$(PY) -m pytest

.PHONY: lint
lint: install-dev ## Check lint and formatting with ruff, and the apps' layers with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

.PHONY: format
format: install-dev ## Fix lint and formatting with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: serve
serve: install ## The production server on $(PORT) (needs SECRET_KEY; see docs/operations.md)
	@test -n "$$SECRET_KEY" || { echo "make serve: SECRET_KEY is not set; the production settings refuse to start without one." >&2; \
		echo "  export SECRET_KEY=\"\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\"  (see docs/operations.md)" >&2; exit 1; }
	DATABASE_STATEMENT_TIMEOUT=0 DJANGO_SETTINGS_MODULE=carepages.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=carepages.settings.production $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=carepages.settings.production $(PY) manage.py warm_publish_cache
	DJANGO_SETTINGS_MODULE=carepages.settings.production $(VENV)/bin/granian --interface wsgi \
		--host $(SERVE_HOST) --port $(PORT) --workers $(SERVE_WORKERS) --blocking-threads $(SERVE_THREADS) \
		--respawn-failed-workers \
		carepages.serve:application

.PHONY: screenshots
screenshots: install-dev ## Renew the README's screenshots in docs/img/ (real Chromium, the demo content)
	SCREENSHOTS_DIR=$(CURDIR)/docs/img $(PY) -m pytest -q -p no:cacheprovider \
		carepages/core/tests/test_browser.py -k test_screenshots_of_the_seed_page

.PHONY: bench
bench: install-dev ## Run the benchmarks in bench/ (figures and ratios measured in one run)
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# No index URL or --find-links in the locks: they hold this machine's paths, not the project's.
LOCK_OPTIONS := --quiet --strip-extras --allow-unsafe --generate-hashes --no-emit-index-url --no-emit-find-links

.PHONY: lock
lock: install-dev ## Re-pin requirements/*.txt (with hashes) from requirements/*.in
	cd requirements && ../$(VENV)/bin/pip-compile $(LOCK_OPTIONS) -o base.txt base.in
	cd requirements && ../$(VENV)/bin/pip-compile $(LOCK_OPTIONS) -o dev.txt dev.in
