# Two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

# The suite runs in two tiers: what can share the machine on two workers (pytest-xdist), then what needs
# its own server or timing (marker `serial`: the browser tests, time limits) alone. A tier that selects
# nothing exits 5 (e.g. with PYTEST_ARGS="-k name"): that counts as passed. Hypothesis runs derandomized.
PYTEST := HYPOTHESIS_PROFILE=ci $(PY) -m pytest $(PYTEST_ARGS)
PARALLEL := -n 2 --dist worksteal
FAST := -m "not browser and not serial and not fuzz and not slow"

.PHONY: help run serve test test-fast lint typecheck format sample-data bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

# Packages are installed by uv (from PyPI, into the venv): the whole dev set in about 15 s where pip took 8 min
# on this 2-core machine. Where uv cannot be had, pip does the same work.
INSTALL = $(VENV)/bin/uv pip install -q --python $(PY) -r $(1) || $(PY) -m pip install -q -r $(1)

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q uv || true
	$(call INSTALL,requirements.txt)
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(call INSTALL,requirements-dev.txt)
	touch $@

run: $(VENV)/.runtime  ## set up and open the dashboard on 127.0.0.1 (MPP_ADDRESS, MPP_MAX_UPLOAD_MB apply)
	$(PY) scripts/run_dashboard.py

serve: $(VENV)/.runtime  ## production: MPP_WORKERS processes behind HAProxy on MPP_PORT, one MPP_DATABASE_URL
	$(PY) scripts/serve.py

test: $(VENV)/.dev  ## set up, then lint, type check and the whole suite (PostgreSQL and browser tests included)
	bash scripts/ensure_postgres.sh
	bash scripts/ensure_tools.sh
	bash scripts/ensure_axe.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PYTEST) $(PARALLEL) -m "not serial" || [ $$? -eq 5 ]
	$(PYTEST) -m serial || [ $$? -eq 5 ]

test-fast: $(VENV)/.dev  ## the inner loop: no browser, no fuzz, no slow or serial test
	bash scripts/ensure_postgres.sh
	HYPOTHESIS_PROFILE=dev $(PY) -m pytest $(PYTEST_ARGS) $(PARALLEL) $(FAST) -q || [ $$? -eq 5 ]

typecheck: $(VENV)/.dev  ## mypy over mpp_data/, ui/ and pages/ (settings in pyproject.toml)
	$(PY) -m mypy

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
