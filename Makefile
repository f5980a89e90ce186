# The two commands: `make demo` and `make test`. Each sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench regen clean
# gradproof's own bytecode, written at install and brought up to date by `make test` (modules unchanged are skipped): an
# editable install compiles none, and where PYTHONDONTWRITEBYTECODE is set every run would compile its ~60 modules from
# source again (0.4 of a run's ~1.4 CPU s of imports; Python still reads bytecode written here, and ignores it for a
# module edited since)
BYTECODE = $(BIN)/python -m compileall -q gradproof derive verify codegen proof > /dev/null

# Two stamps: the demo needs only gradproof and its dependencies (SymPy, NumPy, Jinja2); the tests add the test
# extra (PyTorch, hypothesis, ruff: about 1 GB), installed only by the targets that need it.
$(BIN)/.installed-demo: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	$(BYTECODE)
	touch $@

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BYTECODE)
	touch $@

demo: $(BIN)/.installed-demo
	$(BIN)/gradproof demo --out out/demo

test: $(BIN)/.installed
	$(BYTECODE)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_derive.py
	$(BIN)/python benchmarks/bench_step.py
	$(BIN)/python benchmarks/bench_verify.py
	$(BIN)/python benchmarks/bench_grading.py

regen: $(BIN)/.installed-demo
	for spec in examples/*.toml; do $(BIN)/gradproof codegen $$spec --out generated || exit 1; done

clean:
	rm -rf out .pytest_cache build *.egg-info
