#!/usr/bin/env python
"""Benchmark of the old-site importer: articles per second for 10,000 generated articles.

    .venv/bin/python scripts/bench_import.py [--articles 10000]
        [--database-url postgres://postgres@127.0.0.1:5432/scratch_db]

It writes a JSON Lines file of made-up Vietnamese articles (entity-encoded titles, <font> and
empty paragraphs in bodies, 20 categories, 200 tags, read counts), imports it into a throw-away
SQLite file (or the scratch database named, which it empties first), and prints the rate of the
first run (every article created) and of a second run (every article updated). It then times
the sitemap pages over what it imported. No pictures: their cost is Pillow's, not the
importer's.
"""

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORDS = (
    "đoàn viên thanh niên tình nguyện hè tuổi trẻ kiên giang ra quân hội trại đại hội chi đoàn "
    "thiếu nhi hiến máu trồng cây xanh khởi nghiệp an sinh biển đảo quê hương"
).split()


def entities(text):
    """Old sites stored Vietnamese as numeric entities."""
    return "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in text)


def generate(path, count, rng):
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(1, count + 1):
            title = " ".join(rng.choice(WORDS) for _ in range(9)).capitalize()
            paragraphs = "".join(
                f'<p><font face="Arial" style="font-size:13pt">{entities(title)} {n}.</font></p>'
                "<p>&nbsp;</p>"
                for n in range(6)
            )
            record = {
                "legacy_id": number,
                "title": entities(f"{title} {number}"),
                "lead": f"(KGO) - {title}.",
                "body_html": paragraphs,
                "published_at": f"20{10 + number % 15:02d}-{1 + number % 12:02d}-"
                f"{1 + number % 28:02d}T08:{number % 60:02d}:00",
                "category": f"Chuyên mục {number % 20}",
                "organization": f"Huyện đoàn {number % 15}",
                "source_name": f"Báo số {number % 5}",
                "author": "Phóng viên",
                "read_count": rng.randrange(0, 5000),
                "tags": [f"Thẻ {rng.randrange(200)}" for _ in range(3)],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database-url", help="a scratch database: it is flushed first")
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")  # a throw-away local site: no secret key
    sys.path.insert(0, str(BASE_DIR))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        if options.database_url:
            call_command("flush", interactive=False, verbosity=0)
        export = workdir / "bai-viet.jsonl"
        generate(export, options.articles, random.Random(2026))
        for label in ("first run (created)", "second run (updated)"):
            started = time.perf_counter()
            call_command("import_articles", str(export), stdout=io.StringIO(), stderr=io.StringIO())
            seconds = time.perf_counter() - started
            print(
                f"{label}: {options.articles} articles in {seconds:.1f} s = "
                f"{options.articles / seconds:.0f} articles/s"
            )
        client = Client(HTTP_HOST="localhost")
        for path in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-tags.xml"):
            started = time.perf_counter()
            response = client.get(path)
            cold = time.perf_counter() - started
            started = time.perf_counter()
            client.get(path)
            warm = time.perf_counter() - started
            print(
                f"{path}: {response.status_code}, {len(response.content) // 1024} KiB, "
                f"{cold * 1000:.0f} ms made, {warm * 1000:.1f} ms from the cache"
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
