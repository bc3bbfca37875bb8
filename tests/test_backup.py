"""scripts/backup.py: a backup restores into an empty database and media folder, nothing lost.

Runs on the suite's database (SQLite, or PostgreSQL with DATABASE_URL): the backup is taken
by the script as an operator runs it, in its own process, and restored into a database and a
folder that are new and empty; then every row of every table, the sequences, the read counts
and every file's bytes are compared.
"""

import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import F

from news.models import Article, ArticleDailyRead
from tests.factories import ArticleFactory, SponsorFactory, TagFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parent.parent


def _database_url(name):
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _script(action, folder, database_url, media_root):
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "scripts/backup.py"), action, str(folder)],
        env={
            **__import__("os").environ,
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(media_root),
        },
        capture_output=True,
        text=True,
    )


def _tables_and_rows(query, tables):
    return {table: query(f'SELECT * FROM "{table}" ORDER BY 1') for table in tables}


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the suite's kind, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    import psycopg2

    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    s = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres", user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _open(name):
    """Rows of a table in the restored database, through the driver alone."""
    if connection.vendor == "sqlite":
        db = sqlite3.connect(name)
        return db, lambda sql: db.execute(sql).fetchall()
    import psycopg2

    s = connection.settings_dict
    db = psycopg2.connect(
        dbname=name, user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432
    )
    db.autocommit = True

    def query(sql):
        with db.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    return db, query


def _files(folder):
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_backup_restores_into_an_empty_database_and_folder_with_nothing_lost(
    settings, tmp_path, empty_database
):
    # Content with files and counts: articles read many times, a cover, a sponsor's logo
    # and its renditions, an inline upload, tags, daily reads.
    tag = TagFactory(name="Tình nguyện")
    articles = [ArticleFactory(tags=[tag]) for _ in range(3)]
    articles[0].cover_image = ContentFile(image_bytes(size=(1200, 800)), name="bia.jpg")
    articles[0].save()
    for article, reads in zip(articles, (1234, 56, 0), strict=True):
        for _ in range(reads and 2):
            article.count_read()
        Article.objects.filter(pk=article.pk).update(read_count=F("read_count") + reads)
    SponsorFactory()
    inline = settings.MEDIA_ROOT / "news/body/2026/11/noi-dung.png"
    inline.parent.mkdir(parents=True, exist_ok=True)
    inline.write_bytes(image_bytes("PNG"))
    counts = dict(Article.objects.values_list("pk", "read_count"))
    assert counts[articles[0].pk] == 1236 and ArticleDailyRead.objects.exists()

    original_db = connection.settings_dict["NAME"]
    backup = tmp_path / "sao-luu"
    made = _script("create", backup, _database_url(original_db), settings.MEDIA_ROOT)
    assert made.returncode == 0, made.stderr
    assert "Đã sao lưu" in made.stdout
    assert sorted(p.name for p in backup.iterdir()) == [
        "database.pgdump" if connection.vendor == "postgresql" else "database.sqlite3",
        "manifest.json",
        "media.tar.gz",
    ]

    restored_media = tmp_path / "media-moi"
    done = _script("restore", backup, _database_url(empty_database), restored_media)
    assert done.returncode == 0, done.stderr
    assert "Đã khôi phục" in done.stdout

    # Every row of every table, the same (both read through the driver alone).
    tables = connection.introspection.table_names()
    original_db_connection, query_original = _open(original_db)
    restored_db, query_restored = _open(empty_database)
    original = _tables_and_rows(query_original, tables)
    restored = _tables_and_rows(query_restored, tables)
    assert restored == original
    assert sum(len(rows) for rows in restored.values()) > 50  # migrations, users, content...
    read_counts = dict(query_restored("SELECT id, read_count FROM news_article"))
    assert read_counts == counts
    if connection.vendor == "postgresql":  # new rows after a restore get new ids
        sequences = "SELECT sequencename, last_value FROM pg_sequences ORDER BY 1"
        assert query_restored(sequences) == query_original(sequences)
    original_db_connection.close()
    restored_db.close()

    # Every file, byte for byte.
    files = _files(settings.MEDIA_ROOT)
    assert len(files) >= 4  # cover, logo and its renditions, inline upload
    assert _files(restored_media) == files

    # A restore never mixes a backup with what is there.
    again = _script("restore", backup, _database_url(empty_database), tmp_path / "other")
    assert again.returncode != 0 and "không trống" in again.stderr
    into_used_folder = _script("restore", backup, _database_url(original_db), restored_media)
    assert into_used_folder.returncode != 0 and "không trống" in into_used_folder.stderr
