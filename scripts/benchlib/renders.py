"""The dataset, the pages to load, and their in-process renders (Django's test client, the page
cache cold and the database warm)."""

import statistics
import time
import urllib.parse

from benchlib.site import BROWSER


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
