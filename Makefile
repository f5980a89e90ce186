# The two commands: `make demo` and `make test`. Each sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench regen clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/gradproof demo --out out/demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_derive.py
	$(BIN)/python benchmarks/bench_step.py
	$(BIN)/python benchmarks/bench_verify.py

regen: $(BIN)/.installed
	for spec in examples/*.toml; do $(BIN)/gradproof codegen $$spec --out generated || exit 1; done

clean:
	rm -rf out .pytest_cache build *.egg-info
