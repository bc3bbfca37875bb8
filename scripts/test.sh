#!/usr/bin/env bash
# Runs the whole test suite. Extra arguments go to pytest (e.g. -k upload).
# DATABASE_URL=postgres://... runs it on PostgreSQL; TEST_REDIS_URL picks the Redis for the
# shared-cache tests (default redis://127.0.0.1:6379/15). Parts that are missing on this
# machine (PostgreSQL, Redis, Chromium) make their tests skip with the reason printed.
source "$(dirname "$0")/_venv.sh"
workers=${PYTEST_WORKERS:-$(python -c 'import os; print(min(4, os.cpu_count() or 1))')}
exec python -m pytest -n "$workers" --create-db -rs "$@"
