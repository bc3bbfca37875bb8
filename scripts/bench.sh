#!/usr/bin/env bash
# The benchmark (README, "Benchmark"): every public page against a bare Django view on the
# same server, in the same run. All of it is in scripts/bench.py; this sets up .venv first.
#   bash scripts/bench.sh [--articles N] [--database-url URL] [--redis-url URL] [--json FILE]
source "$(dirname "$0")/_venv.sh"
exec python scripts/bench.py "$@"
