# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install install-dev demo test lint typecheck model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The CPU build of torch must come first: anything else would pull a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

install: $(STAMP)

install-dev: $(DEVSTAMP)

# The write-up files of an earlier demo are removed first: the report line makes them again, and
# `roqa code` would warn on every re-run that they are "from before this run" (docs tester s76 #5).
demo: $(STAMP)
	rm -f out/demo/table2.docx out/demo/matrix.xlsx out/demo/saturation.xlsx
	$(BIN)/roqa code examples/interviews --out out/demo
	$(BIN)/roqa report out/demo --table out/demo/table2.docx --matrix out/demo/matrix.xlsx --saturation out/demo/saturation.xlsx
	@echo "Demo written to out/demo/ (open out/demo/report.html; Table 2 for a write-up: out/demo/table2.docx)"

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

# The tests write bytecode (gitignored __pycache__) even where PYTHONDONTWRITEBYTECODE is set:
# pytest keeps its assertion-rewritten test modules (collection on the next run: 6.7 s of CPU
# instead of 25.5 s, in each worker) and every roqa or Python command a test starts reads roqa's
# compiled sources instead of compiling its 80,000 lines again (test_cli_exit and
# test_console_encodings, first run of a clean clone: 22.2 s of CPU instead of 26.6 s). s76.
test: $(DEVSTAMP) lint typecheck
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadgroup --durations=40

DEV_SET := ../shared/eval/cfir_dev.jsonl

# Rebuild the packaged model deterministically (records dev-set metrics in the card when present).
model: $(STAMP)
	$(BIN)/roqa train training_data --out models/default $(if $(wildcard $(DEV_SET)),--evaluate $(DEV_SET))

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
