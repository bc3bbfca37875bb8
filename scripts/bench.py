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
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)
CONNECTIONS = 16
WORKERS = 2

# Limits from issue 9. In-process medians, page cache cold, database warm (milliseconds).
IN_PROCESS_LIMIT_MS = {
    "home": 10,
    "category_first": 10,
    "category_last": 10,
    "article": 5,
    "search_common": 50,
    "search_none": 50,
    "rss": 10,
}
# Share of the ceiling's req/s (pages/s for the article with its beacon).
RATIO_LIMIT = {"home": 0.5, "article": 0.5, "article_beacon": 0.33}

PAGE_LUA = """
wrk.headers["User-Agent"] = "%(ua)s"
wrk.headers["Accept"] = "text/html"
"""

# The article page, then its read beacon, as a reader's browser sends them: each page view is
# a reader of its own (an address of its own, as the proxy in front would tell).
BEACON_LUA = """
local page, beacon = "%(page)s", "%(beacon)s"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
local n, reader = 0, 0
function request()
  n = n + 1
  if n %% 2 == 1 then
    reader = reader + 1
  end
  local headers = {
    -- A reader of its own even behind nginx, which replaces the address with its own view.
    ["User-Agent"] = "%(ua)s reader/" .. tid .. "-" .. reader,
    ["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d", tid, math.floor(reader / 250) %% 250,
                                        reader %% 250),
    ["Sec-Fetch-Site"] = "same-origin",
  }
  if n %% 2 == 1 then
    return wrk.format("GET", page, headers)
  end
  headers["Content-Length"] = "0"
  return wrk.format("POST", beacon, headers, "")
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory": memory,
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def load():
    one, five, fifteen = os.getloadavg()
    return {"1min": round(one, 2), "5min": round(five, 2), "15min": round(fifteen, 2)}


# --- the throw-away database ---------------------------------------------------------------


def postgres_prepare(url):
    """Create the scratch database named in ``url`` (dropped first if it exists)."""
    import psycopg2

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"--database-url must name a scratch database with 'bench' in its name: {name}")
    admin = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password or ""),
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    return admin, name


def postgres_drop(admin, name):
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


# --- wrk ---------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * _UNITS[unit]


def wrk(base, path, script, seconds, *, must_answer=True):
    """Run wrk once; returns req/s, p50 and p99 (ms) and the count of bad answers."""
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"{base}{path}",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    if not rps and must_answer:
        sys.exit(f"no answer from {base}{path} in {seconds} s:\n{out}")
    p50 = _ms(re.search(r"\s50%\s+([\d.]+\w+)", out)[1])
    p99 = _ms(re.search(r"\s99%\s+([\d.]+\w+)", out)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failures = int(bad[1]) if bad else 0
    if errors:
        failures += sum(int(n) for n in errors.groups())
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "failures": failures}


# --- the run -------------------------------------------------------------------------------


def build_dataset(call_command, articles):
    from django.core.management import get_commands

    started = time.perf_counter()
    if "bench_data" in get_commands():
        call_command("bench_data", articles=articles, verbosity=0)
        how = f"manage.py bench_data --articles {articles}"
    else:  # before the dataset builder is on this branch: the demo content
        print("manage.py bench_data is missing here: using `manage.py demo` instead")
        call_command("demo", verbosity=0)
        how = "manage.py demo (bench_data missing)"
    return how, time.perf_counter() - started


def choose_targets():
    """The pages to load: the biggest category (sub-categories included) and its last page,
    the newest article, the searches and the feed."""
    from django.db.models import Count

    from news.models import Article, Category
    from portal.pagination import PAGE_SIZE

    published = Article.objects.published()
    per_category = dict(
        published.order_by()
        .values_list("category_id")
        .annotate(n=Count("id"))
        .values_list("category_id", "n")
    )
    sizes = {}
    for category in Category.objects.all():
        section = category.parent_id or category.pk
        sizes[section] = sizes.get(section, 0) + per_category.get(category.pk, 0)
    biggest = Category.objects.get(pk=max(sizes, key=sizes.get))
    last_page = max(1, -(-sizes[biggest.pk] // PAGE_SIZE))
    article = published.order_by("-published_at", "-id").first()
    category_url = biggest.get_absolute_url()
    return {
        "home": "/",
        "category_first": category_url,
        "category_last": f"{category_url}?page={last_page}",
        "article": article.get_absolute_url(),
        "article_beacon": article.get_absolute_url(),
        "search_common": "/tim-kiem/?" + urllib.parse.urlencode({"q": "thanh niên"}),
        "search_none": "/tim-kiem/?" + urllib.parse.urlencode({"q": "qxzvwk"}),
        "rss": "/rss/",
    }, {
        "biggest_category": biggest.name,
        "biggest_category_articles": sizes[biggest.pk],
        "article_id": article.pk,
        "published_articles": published.count(),
    }


def in_process(urls, renders):
    """Median render time (ms) with the page cache off, and the query count, of each page."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_USER_AGENT=BROWSER)
    results = {}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for name, url in urls.items():
            if name == "article_beacon":
                continue
            for _ in range(5):  # database, blocks and templates warm
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            count = len(queries)  # now: the log is emptied when the next request starts
            times, cpu = [], []
            for _ in range(renders):
                started, started_cpu = time.perf_counter(), time.thread_time()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - started_cpu) * 1000)
            results[name] = {
                "median_ms": round(statistics.median(times), 2),
                # This process's own CPU time: what a busy machine's waiting for a core does not
                # inflate (the database server's time, with PostgreSQL, is not in it).
                "median_cpu_ms": round(statistics.median(cpu), 2),
                "queries": count,
            }
    return results


def start_gunicorn(env, port):
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return gunicorn
        except OSError:
            time.sleep(0.1)
    gunicorn.terminate()
    sys.exit("gunicorn did not start")


def load_rounds(base, urls, beacon, tmp, rounds, seconds):
    page_lua = tmp / "page.lua"
    page_lua.write_text(PAGE_LUA % {"ua": BROWSER})
    beacon_lua = tmp / "article_beacon.lua"
    beacon_lua.write_text(BEACON_LUA % {"page": urls["article"], "beacon": beacon, "ua": BROWSER})
    plan = [("ceiling", "/bench/ceiling/", page_lua)] + [
        (name, "/" if name == "article_beacon" else url,
         beacon_lua if name == "article_beacon" else page_lua)
        for name, url in urls.items()
    ]  # fmt: skip
    for _name, path, script in plan:  # warm: page caches of both workers, connections
        # One page first, alone: made cold under 16 connections at once, a slow page on a
        # busy machine may not finish within the warm-up's second.
        request = urllib.request.Request(base + path, headers={"User-Agent": BROWSER})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()
        wrk(base, path, script, 1, must_answer=False)
    runs = {name: [] for name, _path, _script in plan}
    loads = []
    for round_number in range(rounds):
        loads.append(load())
        print(f"round {round_number + 1}/{rounds}, load {loads[-1]['1min']}", flush=True)
        # Alternate the order too, so that no target always runs right after the ceiling.
        order = plan if round_number % 2 == 0 else [plan[0], *reversed(plan[1:])]
        for name, path, script in order:
            result = wrk(base, path, script, seconds)
            if name == "article_beacon":  # two requests make one page view
                result["pages_per_s"] = result["rps"] / 2
            runs[name].append(result)
        ceiling = runs["ceiling"][-1]["rps"]
        for name in urls:
            result = runs[name][-1]
            result["ratio"] = result.get("pages_per_s", result["rps"]) / ceiling
    loads.append(load())
    return runs, loads


def summarise(runs):
    def median(name, key):
        values = [run[key] for run in runs[name] if key in run]
        return round(statistics.median(values), 3) if values else None

    return {
        name: {
            "rps": median(name, "rps"),
            "pages_per_s": median(name, "pages_per_s"),
            "p50_ms": median(name, "p50_ms"),
            "p99_ms": median(name, "p99_ms"),
            "ratio_to_ceiling": median(name, "ratio"),
            "failures": sum(run["failures"] for run in runs[name]),
            "rounds": runs[name],
        }
        for name in runs
    }


def judge(name, measured, rendered):
    checks = []
    if name in IN_PROCESS_LIMIT_MS and name in rendered:
        value = rendered[name]["median_ms"]
        limit = IN_PROCESS_LIMIT_MS[name]
        checks.append(
            {
                "what": "in-process median (ms)",
                "limit": limit,
                "value": value,
                "met": value <= limit,
            }
        )
    if name in RATIO_LIMIT:
        value = measured[name]["ratio_to_ceiling"]
        limit = RATIO_LIMIT[name]
        checks.append(
            {"what": "ratio to the ceiling", "limit": limit, "value": value, "met": value >= limit}
        )
    if measured[name]["failures"]:
        checks.append({"what": "bad answers", "limit": 0, "value": measured[name]["failures"],
                       "met": False})  # fmt: skip
    return checks


def print_table(report):
    ceiling = report["ceiling"]
    print()
    print(
        f"{report['dataset']['articles']} articles, {report['config']['database']}, "
        f"cache {report['config']['cache']}, {report['config']['servers']}; "
        f"{report['machine']['cores']} cores "
        f"({report['machine']['cpu']}); load {report['load']['before']['1min']} before, "
        f"{report['load']['after']['1min']} after"
    )
    print(
        f"ceiling: {ceiling['rps']:.0f} req/s, p50 {ceiling['p50_ms']:.1f} ms, "
        f"p99 {ceiling['p99_ms']:.1f} ms"
    )
    print()
    print(
        "| target | req/s | p50 ms | p99 ms | ratio to ceiling | in-process median ms "
        "(CPU ms) | queries | met |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, target in report["targets"].items():
        rps = f"{target['rps']:.0f}"
        if target.get("pages_per_s"):
            rps += f" ({target['pages_per_s']:.0f} pages/s)"
        rendered = target.get("in_process") or {}
        cpu = f" ({rendered['median_cpu_ms']})" if rendered else ""
        checks = target["checks"]
        verdict = (
            ", ".join(
                f"{'met' if c['met'] else 'NOT met'} ({c['what']} {c['value']} vs {c['limit']})"
                for c in checks
            )
            or "no target"
        )
        print(
            f"| {name} | {rps} | {target['p50_ms']:.1f} | {target['p99_ms']:.1f} | "
            f"{target['ratio_to_ceiling']:.3f} | {rendered.get('median_ms', '')}"
            f"{cpu} | "
            f"{rendered.get('queries', '')} | {verdict} |"
        )


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
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,  # a throw-away site's own key
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": args.database_url or f"sqlite:///{sqlite_file}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "SITE_VERSION_FILE": str(tmp / "site-version"),
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "READS_BUFFERED": "true" if args.redis_url else "false",
        "READS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        "BENCH_CEILING": "true",
    }
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    gunicorn = None
    try:
        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        if args.sqlite_file:
            how, build_seconds = f"an existing file ({args.sqlite_file}) built by bench_data", 0.0
            from news.models import Article

            args.articles = Article.objects.count()
        else:
            how, build_seconds = build_dataset(call_command, args.articles)
        from news.models import Article

        missing = Article.objects.filter(body_html="").exclude(body="").count()
        if missing:
            print(f"warning: {missing} articles have no body_html (not filled as save() would)")
        print(f"dataset: {how}, {build_seconds:.0f} s", flush=True)
        urls, facts = choose_targets()
        urls_with_ceiling = {"ceiling": "/bench/ceiling/", **urls}
        print(f"in-process renders ({args.renders} each)...", flush=True)
        rendered = in_process(urls_with_ceiling, args.renders)
        from django.db import connections

        connections.close_all()  # gunicorn's workers open their own
        before = load()
        if args.url:
            base = args.url.rstrip("/")
        else:
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            gunicorn = start_gunicorn(env, port)
        beacon = f"/luot-doc/{facts['article_id']}/"
        print(f"wrk: {args.rounds} rounds of {args.seconds} s per target...", flush=True)
        runs, loads = load_rounds(base, urls, beacon, tmp, args.rounds, args.seconds)
        measured = summarise(runs)
        report = {
            "machine": machine(),
            "config": {
                "database": "PostgreSQL" if args.database_url else "SQLite",
                "cache": "Redis" if args.redis_url else "local memory",
                "read_buffer": "Redis" if args.redis_url else "none (SQL increments)",
                "servers": args.url or f"one gunicorn, {WORKERS} sync workers",
                "gunicorn_workers": WORKERS if not args.url else None,
                "wrk_connections": CONNECTIONS,
                "rounds": args.rounds,
                "seconds_per_run": args.seconds,
                "renders": args.renders,
            },
            "dataset": {
                "articles": args.articles,
                "built_by": how,
                "build_seconds": round(build_seconds, 1),
                **facts,
            },  # fmt: skip
            "load": {"before": before, "rounds": loads, "after": loads[-1]},
            "ceiling": {**measured["ceiling"], "in_process": rendered["ceiling"]},
            "targets": {},
        }
        for name, url in urls.items():
            report["targets"][name] = {
                "url": url if name != "article_beacon" else f"{url} + POST {beacon}",
                **measured[name],
                "in_process": rendered.get(name),
                "checks": judge(name, measured, rendered),
            }
            report["targets"][name]["met"] = all(
                c["met"] for c in report["targets"][name]["checks"]
            )
        report["total_seconds"] = round(time.perf_counter() - started, 1)
        print_table(report)
        print(f"\ntotal time: {report['total_seconds']:.0f} s")
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))
            print(f"written to {args.json}")
    finally:
        if gunicorn is not None:
            os.killpg(gunicorn.pid, 15)
            gunicorn.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        if args.redis_url and not args.url:
            import redis

            client = redis.Redis.from_url(args.redis_url)
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)
        if admin is not None:
            postgres_drop(admin, database)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
