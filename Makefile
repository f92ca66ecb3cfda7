# asn-kinerja: developer commands. The logic lives in scripts/services.sh.
#
#   make run     set everything up, load demo data if empty, serve http://127.0.0.1:8000
#   make test    set up services, then ruff, manage.py check, makemigrations --check, pytest
#
# Private PostgreSQL/Redis per checkout (ports and /tmp state derived from the checkout path);
# DATABASE_URL / REDIS_URL in the environment replace them.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Each recipe sources the functions, then calls them as separate statements (set -e applies).
SVC := source scripts/services.sh;

# make test PYTEST_ARGS="tests/organisasi -x"
PYTEST_ARGS ?=
export PYTEST_ARGS

.PHONY: help run test up down destroy env demo lint fmt

help: ## show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: ## set up everything, then serve web + Celery worker + beat (Ctrl-C stops them)
	@$(SVC) ensure_system_packages; ensure_venv; check_web_port_free; services_up; \
		use_settings dev; migrate; seed_if_empty; collectstatic; serve

test: ## set up services, then ruff, check, makemigrations --check and pytest
	@$(SVC) ensure_system_packages; ensure_venv; services_up; use_settings test; run_suite

up: ## start only PostgreSQL and Redis
	@$(SVC) ensure_system_packages; services_up

down: ## stop PostgreSQL, Redis and any leftover web/worker/beat (data kept)
	@$(SVC) services_down

destroy: ## stop everything and delete this checkout's private database
	@$(SVC) services_destroy

env: ## print export lines: eval $(make -s env)
	@$(SVC) print_env

demo: ## (re)load the demo data (seed_demo is idempotent)
	@$(SVC) ensure_venv; services_up; use_settings dev; migrate; seed_demo

lint: ## ruff check + ruff format --check
	@$(SVC) ensure_venv; .venv/bin/ruff check .; .venv/bin/ruff format --check .

fmt: ## ruff format + ruff check --fix (then lists what cannot be fixed automatically)
	@$(SVC) ensure_venv; .venv/bin/ruff format .; .venv/bin/ruff check --fix --silent --exit-zero .; \
		.venv/bin/ruff format -q .; .venv/bin/ruff check .
