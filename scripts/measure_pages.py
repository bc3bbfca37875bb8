"""In-process median render time and query count of each public page, on the current database.

    DATABASE_URL=... python scripts/measure_pages.py [--runs 30] [--explain]

Pages are rendered by Django's test client (no server, no network), the database warm (a few
renders first) and whole-page caches bypassed: every request carries a query parameter of its
own, which a page cache keys on. The targets of issue 9 are printed beside each figure, with
the median CPU time of this process (on SQLite that is the whole work, database included, and
it does not count the time spent waiting for a busy machine's cores; on PostgreSQL the
server's own work is not in it). Meant
for a dataset made by `manage.py bench_data`. `--explain` prints each page's queries with the
database's plan (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def targets():
    from django.db.models import Count

    from news.models import Article, Category, Tag
    from organizations.models import Organization
    from portal.pagination import PAGE_SIZE

    published = Article.objects.published()
    biggest = max(
        Category.objects.top_level(),
        key=lambda c: published.filter(
            category_id__in=[c.pk, *c.children.values_list("pk", flat=True)]
        ).count(),
    )
    count = published.filter(
        category_id__in=[biggest.pk, *biggest.children.values_list("pk", flat=True)]
    ).count()
    last_page = (count + PAGE_SIZE - 1) // PAGE_SIZE
    article = published.annotate(n=Count("tags")).filter(n__gte=2).order_by("-published_at")[0]
    organization = Organization.objects.annotate(n=Count("articles")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n").first()
    pages = [
        ("home", "/", {}, 10),
        ("category", biggest.get_absolute_url(), {}, 10),
        ("category last page", biggest.get_absolute_url(), {"page": last_page}, 10),
        ("article", article.get_absolute_url(), {}, 5),
        ("organisation", organization.get_absolute_url(), {}, 10),
        ("search: thanh niên", "/tim-kiem/", {"q": "thanh niên"}, 50),
        ("search: hà tiên", "/tim-kiem/", {"q": "hà tiên"}, 50),
        ("search: no match", "/tim-kiem/", {"q": "xylophone"}, 50),
        ("rss", "/rss/", {}, 10),
        ("category rss", f"{biggest.get_absolute_url()}rss/", {}, 10),
        ("sitemap", "/sitemap.xml", {}, 10),
    ]
    from django.urls import NoReverseMatch, reverse

    try:
        pages.insert(5, ("tag", reverse("news:tag_detail", kwargs={"slug": tag.slug}), {}, 10))
    except NoReverseMatch:
        pass  # the tag page is not built on this branch
    return pages


def explain(queries):
    from django.db import connection

    for query in queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        print(f"  -- {query['time']}s  {sql[:300]}")
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            for row in cursor.fetchall():
                print("     ", " ".join(str(c) for c in row))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", help="measure only pages whose name contains this")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print(f"database: {connection.vendor}, {args.runs} runs per page, median in ms")
    failed = 0
    for name, url, params, target in targets():
        if args.only and args.only not in name:
            continue
        for i in range(3):
            client.get(url, {**params, "_m": f"w{i}"})
        times, cpu_times = [], []
        for i in range(args.runs):
            start, cpu_start = time.perf_counter(), time.process_time()
            response = client.get(url, {**params, "_m": i})
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url, {**params, "_m": "q"})
        median = statistics.median(times)
        db_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        met = median <= target
        failed += not met
        print(
            f"{name:22} {median:7.1f} ms  (target {target:>2} ms: {'met' if met else 'NOT met'})"
            f"  cpu {statistics.median(cpu_times):6.1f} ms"
            f"  {len(queries)} queries, {db_ms:.1f} ms in the database (one render)"
            f"  {url}?{'&'.join(f'{k}={v}' for k, v in params.items())}"
        )
        if args.explain:
            explain(queries.captured_queries)
        reset_queries()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
