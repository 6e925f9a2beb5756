# Everything runs from a local virtual environment made on first use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup serve test lint-rules eval perturb bench bench-api bench-audit goldens clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/claims serve --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(PY) -m pytest -q

lint-rules: $(STAMP)
	$(VENV)/bin/claims rules lint

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# Accuracy against the gold annotations in ../shared/corpus (or $$CLAIMS_CORPUS).
eval: $(STAMP)
	$(VENV)/bin/claims eval

# The consistency checks against reporters' slips injected into the same articles
# (recall per check type, false alarms on the unmodified articles).
perturb: $(STAMP)
	$(VENV)/bin/claims eval --task perturb

# Speed on the same articles: median per article, per 4 KB, throughput, start-up, memory,
# a 1 MB article and adversarial megabytes against 250 x 4 KB, and quantulum3 (a peer,
# installed here as an optional extra) on the same articles.
bench: $(STAMP)
	$(PY) -m pip install -q -e '.[peers]'
	$(VENV)/bin/claims bench --linearity --peers --per-rule

# Batch audit throughput on the shared corpus repeated to 20,000 articles (input generated
# into .bench/audit, git-ignored): engine alone on one core, the audit on 1, 2, all cores and
# on a Dask LocalCluster. ARTICLES=N to change the size.
ARTICLES ?= 20000
bench-audit: $(STAMP)
	$(PY) -m claims.audit.bench --articles $(ARTICLES)

goldens: $(STAMP)
	$(PY) tests/update_goldens.py

# The HTTP API under load: wrk (installed on demand), 32 connections, the seed article.
bench-api: $(STAMP)
	$(PY) tests/bench_api.py --workers 2 --connections 32
