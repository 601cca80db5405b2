# The project's commands: `make run` builds the release, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.PHONY: install run test dev bench lint clean fuzz-long

$(STAMP): requirements.lock pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install  ## materialize every asset and publish warehouse/ (non-zero if a check fails)
	$(BIN)/python -m pipeline build

test: install  ## run the test suite
	$(BIN)/python -m pytest

dev: install  ## open the Dagster UI on http://127.0.0.1:3000
	$(BIN)/python -m pipeline dev

bench: install  ## run the benchmarks and print their figures
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/scale.py --sizes 100,1000

fuzz-long: install  ## fuzz the input readers and the extractor, 100 000 examples per test
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -p no:cacheprovider -q --hypothesis-show-statistics \
		tests/reliability/test_fuzz.py tests/extract/test_extract_properties.py

lint: install
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench

clean:
	rm -rf $(VENV) .dagster_home
