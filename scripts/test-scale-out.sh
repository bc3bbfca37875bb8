#!/usr/bin/env bash
# The scale-out test (docs/deploy.md): on this one machine, two gunicorn instances of the portal
# behind Debian's nginx running deploy/nginx.conf, sharing PostgreSQL, Redis and an S3 bucket
# (moto's S3 server on loopback). It proves that an article published through one server shows
# at once through the other, that a picture uploaded through one is served through the other
# from the bucket, that 1,000 concurrent counted reads over both add exactly 1,000, that an
# editor's login works on both and that the site keeps answering when one server stops.
#
#   bash scripts/test-scale-out.sh [pytest arguments]
#
# Starts PostgreSQL and Redis when they are not running (and leaves them running). Uses a
# database and a Redis database of its own, made anew (SCALEOUT_DATABASE_URL, whose name must
# contain "scaleout", and SCALEOUT_REDIS_URL). A part that is missing is a skip that says why.
source "$(dirname "$0")/_venv.sh"
SAY_PREFIX=scale-out
source scripts/_services.sh
ensure_postgres
ensure_redis
ensure_nginx
export SCALEOUT_DATABASE_URL=${SCALEOUT_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_scaleout_run}
export SCALEOUT_REDIS_URL=${SCALEOUT_REDIS_URL:-redis://127.0.0.1:6379/7}
say "database $SCALEOUT_DATABASE_URL, Redis $SCALEOUT_REDIS_URL"
exec python -m pytest -n 0 -p no:randomly -rs tests/scaleout "$@"
