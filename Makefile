# Two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help run serve test lint format sample-data bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime  ## set up and open the dashboard on 127.0.0.1 (MPP_ADDRESS, MPP_MAX_UPLOAD_MB apply)
	$(PY) scripts/run_dashboard.py

serve: $(VENV)/.runtime  ## production: MPP_WORKERS processes behind HAProxy on MPP_PORT, one MPP_DATABASE_URL
	$(PY) scripts/serve.py

test: $(VENV)/.dev  ## set up and run lint and the whole test suite (PostgreSQL and browser tests included)
	bash scripts/ensure_postgres.sh
	bash scripts/ensure_chromium.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.dev  ## ruff check and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev  ## ruff format and fix
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

sample-data: $(VENV)/.runtime  ## rewrite the sample workbooks in sample_data/
	$(PY) scripts/make_sample_data.py

bench: $(VENV)/.dev  ## run the benchmarks in benchmarks/
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_briefing.py

clean:  ## remove the virtual environment, local database and test output
	rm -rf $(VENV) var test-output
