# Warta: `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
export UV_COMPILE_BYTECODE := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING
# uv on PATH, else the uv Python package if python3 has it, else a private copy in
# .venv-uv (scripts/bootstrap-uv.sh), installed without touching the system Python.
UV_BOOT := .venv-uv/bin/uv
UV := $(shell command -v uv 2>/dev/null || (python3 -m uv --version >/dev/null 2>&1 && echo "python3 -m uv") || echo $(UV_BOOT))
VENV := .venv
STAMP := $(VENV)/.synced

.PHONY: setup run test server serve bench bench-crawl train-ner train-parser score score-events clusters org-names score-ner

$(UV_BOOT):
	scripts/bootstrap-uv.sh .venv-uv

$(STAMP): pyproject.toml uv.lock $(if $(filter $(UV_BOOT),$(UV)),$(UV_BOOT))
	$(UV) sync --frozen --all-groups
	@touch $(STAMP)

setup: $(STAMP)  ## install the locked dependencies into .venv

run: setup  ## ETL over seeds/ into warehouse/warta.duckdb
	$(VENV)/bin/warta run seeds/

test: setup  ## the whole test suite
	$(VENV)/bin/pytest -q

server: setup  ## the Prefect UI on 127.0.0.1:4200
	$(VENV)/bin/prefect server start --host 127.0.0.1 --port 4200

serve: setup  ## serve the ETL flow on a cron schedule over inbox/ (needs `make server`)
	$(VENV)/bin/warta serve

bench: setup  ## throughput and memory benchmark
	$(VENV)/bin/python scripts/bench.py

bench-crawl: setup  ## crawl throughput against local sites on loopback, and each failure kind
	$(VENV)/bin/python scripts/bench_crawl.py

clusters: setup  ## word clusters and casing table for the NER, learned from ../shared/corpora
	$(VENV)/bin/python scripts/build_clusters.py

org-names: setup  ## mine organisation names from ../shared/corpora into warta/lexicons/org_names.tsv
	$(VENV)/bin/python scripts/build_org_gazetteer.py

train-ner: setup  ## rebuild the NER model from ../shared/data/ner (byte for byte)
	$(VENV)/bin/python scripts/train_ner.py

score-ner: setup  ## entity P/R/F1 per type of the actor stage on the held-out NER dev splits
	$(VENV)/bin/python scripts/score_ner.py

train-parser: setup  ## rebuild the UD tagger and dependency parser (warta/models/parser-id) from ../shared/data/ud
	$(VENV)/bin/python scripts/train_parser.py

score-events: setup  ## strict event scores on the blind evaluation's dev split (the test split: see docs/events.md)
	$(VENV)/bin/python scripts/score_events_eval.py

score: setup  ## golden-set scores for cleaning (text and HTML pages), actors and events
	$(VENV)/bin/python scripts/score_clean.py
	$(VENV)/bin/python scripts/score_html.py
	$(VENV)/bin/python scripts/score_actors.py
	$(VENV)/bin/python scripts/score_events_eval.py
