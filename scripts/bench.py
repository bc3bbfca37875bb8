#!/usr/bin/env python
"""The site's benchmark (issue 9; README, "Benchmark"): every public page against a bare Django
view on the same server, in the same run.

    bash scripts/bench.sh [--articles N] [--database-url URL] [--redis-url URL] [--json FILE]
                          [--rounds 3] [--seconds 5] [--renders 200] [--url BASE]

1. Builds a throw-away dataset of N articles with `manage.py bench_data --articles N`: in a
   SQLite file of its own under a temporary folder, or in the PostgreSQL database named by
   --database-url, which it creates and drops (its name must contain "bench", so that a real
   database can never be the one dropped). With --redis-url, the cache and the read buffer
   use that Redis under a key prefix of their own, removed at the end.
2. Renders each page in-process (Django's test client) with the page cache cold and the
   database warm: the median of --renders renders, and the page's query count.
3. Starts gunicorn (2 sync workers, DEBUG off, a free 127.0.0.1 port) with BENCH_CEILING on,
   which routes /bench/ceiling/: 1 KB from a bare view with the site's settings and middleware.
   Then loads the ceiling and each page with wrk (16 connections) in alternating rounds, so
   that what other programs do to the machine hits every target alike, and prints req/s, p50,
   p99 and the ratio to the ceiling measured in the same round.
4. Prints the machine's load before and after, and writes everything to --json, each target
   marked met or not met.

With --url BASE (e.g. the nginx in front of several app servers, scripts/bench_scale_out.py)
it starts no gunicorn and loads BASE instead. The servers there must use the --database-url
and --redis-url given (and the same media storage and CACHE_KEY_PREFIX), have BENCH_CEILING
on, and their database must be migrated and hold no articles: the dataset is built into it,
and neither the database nor the Redis keys are removed at the end (they are the servers').

This is the command line and the run's order; its pieces are in scripts/benchlib/.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchlib.renders import build_dataset, choose_targets, in_process
from benchlib.report import build_report, print_table, summarise
from benchlib.site import (
    free_port,
    load,
    migrate_and_collect,
    postgres_drop,
    postgres_prepare,
    remove_redis_keys,
    setup_django,
    site_env,
    start_gunicorn,
    stop_gunicorn,
)
from benchlib.wrk import load_rounds

WORKERS = 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--json", default="")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument(
        "--url",
        default="",
        help="load the site already running at this address (e.g. nginx before several app "
        "servers) instead of starting gunicorn; see the module's docstring",
    )
    parser.add_argument(
        "--sqlite-file",
        default="",
        help="measure this SQLite file, already filled by `manage.py bench_data` (and migrated "
        "on), instead of building a dataset: a 100,000-article file takes a long time to build",
    )
    args = parser.parse_args()
    if args.url and not args.database_url:
        sys.exit("--url needs --database-url: the database the servers at that address use")
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    # With --url, the servers' own prefix: what the dataset changes, their pages must see.
    prefix = (
        os.environ.get("CACHE_KEY_PREFIX", "portal")
        if args.url
        else f"bench-{uuid.uuid4().hex[:8]}"
    )
    sqlite_file = Path(args.sqlite_file).resolve() if args.sqlite_file else tmp / "bench.sqlite3"
    admin = database = None
    if args.database_url and not args.url:
        admin, database = postgres_prepare(args.database_url)
    env = {
        **site_env(
            tmp,
            database_url=args.database_url or f"sqlite:///{sqlite_file}",
            redis_url=args.redis_url,
            prefix=prefix,
            secret_key=uuid.uuid4().hex * 2,  # a throw-away site's own key
        ),
        "BENCH_CEILING": "true",
    }
    setup_django(env)

    gunicorn = None
    try:
        migrate_and_collect()
        from django.core.management import call_command
        from django.db import connections

        from news.models import Article

        if args.sqlite_file:
            how, build_seconds = f"an existing file ({args.sqlite_file}) built by bench_data", 0.0
            args.articles = Article.objects.count()
        else:
            how, build_seconds = build_dataset(call_command, args.articles)
        missing = Article.objects.filter(body_html="").exclude(body="").count()
        if missing:
            print(f"warning: {missing} articles have no body_html (not filled as save() would)")
        print(f"dataset: {how}, {build_seconds:.0f} s", flush=True)
        urls, facts = choose_targets()
        urls_with_ceiling = {"ceiling": "/bench/ceiling/", **urls}
        print(f"in-process renders ({args.renders} each)...", flush=True)
        rendered = in_process(urls_with_ceiling, args.renders)
        connections.close_all()  # gunicorn's workers open their own
        before = load()
        if args.url:
            base = args.url.rstrip("/")
        else:
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            gunicorn = start_gunicorn(env, port, WORKERS)
        beacon = f"/luot-doc/{facts['article_id']}/"
        print(f"wrk: {args.rounds} rounds of {args.seconds} s per target...", flush=True)
        runs, loads = load_rounds(base, urls, beacon, tmp, args.rounds, args.seconds)
        report = build_report(
            args,
            workers=WORKERS,
            dataset={"built_by": how, "build_seconds": round(build_seconds, 1), **facts},
            before=before,
            loads=loads,
            measured=summarise(runs),
            rendered=rendered,
            urls=urls,
            beacon=beacon,
        )
        report["total_seconds"] = round(time.perf_counter() - started, 1)
        print_table(report)
        print(f"\ntotal time: {report['total_seconds']:.0f} s")
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
            print(f"written to {args.json}")
    finally:
        if gunicorn is not None:
            stop_gunicorn(gunicorn)
        from django.db import connections

        connections.close_all()
        if args.redis_url and not args.url:
            remove_redis_keys(args.redis_url, prefix)
        if admin is not None:
            postgres_drop(admin, database)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
