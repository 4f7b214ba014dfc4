# callbot: `make run` sets up what is missing and runs the callbot on the sandbox Asterisk;
# `make test` sets up what is missing and runs every test (`make test T=PATH` runs only PATH,
# any pytest path or node id). Both need root (the sandbox is a chroot) and a Debian machine
# with the package registries reachable.
#
# Setup comes in two parts: `make venv` (the Python environment in .venv: no root) and
# `make system` (the Debian packages: root). `make lint`, `make check` and `make test-unit`
# need only the first; `make setup` does both.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEBS := mmdebstrap sip-tester espeak-ng sox ffmpeg iproute2 chromium chromium-driver postgresql
# The environment is reinstalled when pyproject.toml (packaging and every tool's settings) changes.
PACKAGING := $(wildcard pyproject.toml)
STAMP := $(VENV)/.installed-$(shell cat $(PACKAGING) /dev/null | sha1sum | cut -c1-12)
# `make test T=tests/unit/dialog/test_engine.py`: what pytest runs (default: the whole suite).
T ?=

.PHONY: setup venv system run test test-unit lint check bench bench-asr clean

setup: system venv

venv: $(STAMP)

system:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "need root to apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; \
	fi

$(STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) \
	  || { echo "$(PYTHON) -m venv failed: Debian needs python3-venv (apt-get install python3-venv)" >&2; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	$(BIN)/callbot run

test: setup
	$(BIN)/pytest $(or $(T),-n 4 --dist worksteal)

# Without Debian packages: the few unit tests that render speech with espeak-ng and ffmpeg
# (marked tools) and the runs on a throwaway PostgreSQL (marked postgresql) are left to
# `make test`.
test-unit: venv
	$(BIN)/pytest tests/unit -m 'not tools and not postgresql'

lint: venv
	$(BIN)/ruff format callbot tests
	$(BIN)/ruff check --fix callbot tests

check: venv
	$(BIN)/ruff format --check callbot tests
	$(BIN)/ruff check callbot tests
	$(BIN)/mypy

bench: setup
	$(BIN)/callbot bench calls --concurrency 1,10,50

bench-asr: setup
	$(BIN)/callbot bench asr --concurrency 1,4,16

clean:
	-$(BIN)/callbot sandbox down
	rm -rf $(VENV) storage/test prompts/rendered
