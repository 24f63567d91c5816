# The two commands of the README. Each installs what it needs first (.venv, Debian packages, npm art sets).
.PHONY: run test lint

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/lint-imports --no-cache --no-logo
