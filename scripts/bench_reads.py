#!/usr/bin/env python
"""Benchmark of read counting: counted reads per second with 2 gunicorn workers, and the
article page's throughput with counting on and off, measured in the same run.

    .venv/bin/python scripts/bench_reads.py [--requests 2000] [--concurrency 8]
        [--database-url postgres://.../scratch_db] [--redis-url redis://127.0.0.1:6379/9]

It uses a throw-away SQLite file unless --database-url names a (scratch) database; with
--redis-url reads are buffered in Redis (READS_BUFFERED) under a key prefix of its own.
gunicorn listens on a free 127.0.0.1 port and is stopped at the end; every loop is bounded.
"""

import argparse
import datetime
import http.client
import os
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

from benchlib.site import (
    BROWSER,
    free_port,
    migrate_and_collect,
    remove_redis_keys,
    setup_django,
    site_env,
    start_gunicorn,
    stop_gunicorn,
)


def request(port, method, path, reader):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        # Every reader has an address of its own, as the proxy in front would say.
        headers = {
            "User-Agent": BROWSER,
            "X-Forwarded-For": f"10.{reader >> 16 & 255}.{reader >> 8 & 255}.{reader & 255}",
        }
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def run_loop(port, total, concurrency, steps, first_reader):
    """``total`` page views split over ``concurrency`` threads; returns (seconds, errors)."""
    errors = []
    counter = iter(range(total))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            for method, path, expected in steps:
                status = request(port, method, path, first_reader + n)
                if status != expected:
                    errors.append((path, status))

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-reads-"))
    env = site_env(
        tmp,
        database_url=args.database_url,
        redis_url=args.redis_url,
        prefix=f"bench-{uuid.uuid4().hex[:8]}",
        secret_key=os.environ.get("DJANGO_SECRET_KEY") or uuid.uuid4().hex * 2,
    )
    setup_django(env)
    migrate_and_collect()
    from django.core.management import call_command
    from django.utils import timezone

    from news.models import Article, Category

    category = Category.objects.create(name=f"Đo tốc độ {uuid.uuid4().hex[:6]}")
    article = Article.objects.create(
        title="Bài viết đo tốc độ đếm lượt đọc",
        lead="(KGO) - Một bài viết mẫu để đo tốc độ.",
        body="<p>" + "Nội dung bài viết về hoạt động của Đoàn thanh niên. " * 60 + "</p>",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    page, beacon = article.get_absolute_url(), f"/luot-doc/{article.pk}/"

    load = os.getloadavg()[0]
    port = free_port()
    gunicorn = start_gunicorn(env, port, 2)
    try:

        def flush():
            if args.redis_url:
                call_command("flush_reads", verbosity=0)

        def count():
            flush()
            return Article.objects.values_list("read_count", flat=True).get(pk=article.pk)

        n, c = args.requests, args.concurrency
        run_loop(port, 100, c, [("GET", page, 200), ("POST", beacon, 204)], 1)  # warm-up
        reader = 1_000
        before = count()
        seconds, errors = run_loop(port, n, c, [("POST", beacon, 204)], reader)
        counted = count() - before
        reader += n
        print(
            f"database: {env['DATABASE_URL'].split(':')[0]}, redis buffer: "
            f"{'on' if args.redis_url else 'off'}, 2 gunicorn workers, {c} client threads, "
            f"load average before: {load:.1f} on {os.cpu_count()} cores"
        )
        print(
            f"counted reads: {counted} of {n} sent ({'exact' if counted == n else 'NOT EXACT'})"
            f", {counted / seconds:.0f} counted reads/s sustained over {seconds:.1f} s"
        )

        off = on = 0.0
        rounds = 4
        for _ in range(rounds):  # alternate, so drift on a shared machine hits both alike
            s, e = run_loop(port, n // rounds, c, [("GET", page, 200)], reader)
            off += s
            errors += e
            reader += n
            s, e = run_loop(
                port, n // rounds, c, [("GET", page, 200), ("POST", beacon, 204)], reader
            )
            on += s
            errors += e
            reader += n
        views = (n // rounds) * rounds
        print(f"article page, counting off: {views / off:.0f} pages/s")
        print(f"article page, counting on (page + its counting request): {views / on:.0f} pages/s")
        print(f"ratio on/off: {off / on:.2f}")
        if errors:
            print(f"{len(errors)} unexpected answers, e.g. {errors[:3]}")
    finally:
        stop_gunicorn(gunicorn)
        if args.redis_url:
            remove_redis_keys(args.redis_url, env["CACHE_KEY_PREFIX"])
        if args.database_url:
            article.delete()
            category.delete()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
