# twitchcheck: `make run` starts the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# `make run PORT=8001 BIND=0.0.0.0` serves on another port or address
PORT ?= 8000
BIND ?= 127.0.0.1

.PHONY: run test test-fast test-postgres bench bench-guide lint format serve clean docs screenshots screenshots-diary check-reliability

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (looked for $(PYTHON))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,web]'
	touch $(STAMP)

## The web app on http://$(BIND):$(PORT) (SQLite in var/, development settings)
run: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py setup_site --starter-content
	@echo "twitchcheck is at http://$(BIND):$(PORT)/  (staff account: $(BIN)/python manage.py createsuperuser, then /admin/)"
	DEBUG=1 $(BIN)/python manage.py runserver $(BIND):$(PORT)

## The whole suite on SQLite (browser tests skip without Chromium, unless CI=true)
test: $(STAMP)
	$(BIN)/python -m pytest

## Engine and CLI only
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" tests --ignore=tests/web --ignore=tests/browser

## The Django tests again against PostgreSQL (DATABASE_URL must point at it)
test-postgres: $(STAMP)
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "set DATABASE_URL=postgres://..."; exit 1;; esac
	$(BIN)/python -m pytest tests/web tests/browser

bench: $(STAMP)
	$(BIN)/python bench/run.py

## The cached guide against /healthz under the same load (gunicorn; wrk when installed)
bench-guide: $(STAMP)
	$(BIN)/python bench/bench_guide.py

## Reliability under hostile input, load and faults (docs/reliability.md): schemathesis,
## XSS in Chromium, the access walk, locust, faults; PostgreSQL and Redis on 127.0.0.1.
## About 30 minutes; `make check-reliability QUICK=1` runs small counts (a few minutes).
RELIABILITY_STAMP := $(VENV)/.reliability-installed
$(RELIABILITY_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,web,reliability]'
	touch $(RELIABILITY_STAMP)

check-reliability: $(RELIABILITY_STAMP)
	@test -x /usr/bin/chromium || { echo "the XSS check needs Debian's chromium: apt-get install chromium"; exit 1; }
	$(BIN)/python -m bench.reliability $(if $(QUICK),--quick) $(if $(ONLY),--only $(ONLY))

## Screenshots for the README (docs/screenshots/), taken in Chromium from a test server
screenshots: $(STAMP)
	SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/browser/test_screenshots.py

## Screenshots of the diary (dog page, chart, report page 1) into docs/screenshots/ (Chromium; pdftoppm for the report)
screenshots-diary: $(STAMP)
	DIARY_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_diary_screenshots.py

## ruff, and mypy over src (the settings in pyproject.toml: [tool.mypy])
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	DEBUG=1 $(BIN)/mypy src  # the settings module loads as for development

format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

## Production-style server: gunicorn (deploy/gunicorn.conf.py) with whitenoise-compressed static
## files, as a local run (LOCAL_RUN=1: plain HTTP, the secret in var/, uploads served by Django).
## For production set LOCAL_RUN=0 with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL
## (docs/web.md, docs/deploy.md)
serve: export LOCAL_RUN := $(or $(LOCAL_RUN),1)
serve: $(STAMP)
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "twitchcheck (gunicorn) is at http://$${BIND:-127.0.0.1:8000}/"
	BIND=$${BIND:-127.0.0.1:8000} WORKERS=$${WORKERS:-3} $(BIN)/gunicorn -c deploy/gunicorn.conf.py twitchcheck.web.wsgi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

## docs/knowledge.md, written from the knowledge files (a test checks it is current)
docs: $(STAMP)
	$(BIN)/python -m twitchcheck.knowledge.document > docs/knowledge.md
