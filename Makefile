# callbot: `make run` sets up what is missing and runs the callbot on the sandbox Asterisk;
# `make test` sets up what is missing and runs every test. Both need root (the sandbox is a
# chroot) and a Debian machine with the package registries reachable.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEBS := mmdebstrap sip-tester espeak-ng sox ffmpeg iproute2 chromium chromium-driver
STAMP := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | sha1sum | cut -c1-12)

.PHONY: setup system run test test-unit lint check bench bench-asr clean

setup: system $(STAMP)

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
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: setup
	$(BIN)/callbot run

test: setup
	$(BIN)/pytest -n 3 --dist worksteal

test-unit: setup
	$(BIN)/pytest tests/unit

lint: setup
	$(BIN)/ruff format callbot tests
	$(BIN)/ruff check --fix callbot tests

check: setup
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
