"""Trigram indexes for the admin's article search (PostgreSQL only).

The admin finds articles by any part of a word (``search_title``/``search_text`` LIKE
'%word%', portal.admin_tools.folded_search), which no b-tree can serve: at 100,000 articles
each search read the whole table. pg_trgm's GIN indexes serve LIKE '%...%' directly. The
public search needs no extension (news/search.py uses the built-in "simple" text search).

pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. When
the migrating role may not, the indexes are left out with a message saying what to run; the
admin's search then still works, only slower.
"""

import sys

from django.db import migrations

INDEXES = [
    "CREATE INDEX IF NOT EXISTS article_search_title_trgm_idx ON news_article "
    "USING gin (search_title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS article_search_text_trgm_idx ON news_article "
    "USING gin (search_text gin_trgm_ops)",
]


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from django.db import ProgrammingError, transaction

    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except ProgrammingError as error:
        database = connection.settings_dict["NAME"]
        sys.stderr.write(
            f"\nThe admin's article search is left without its trigram indexes: this database "
            f"role may not create the pg_trgm extension ({str(error).strip()}).\n"
            f"To add them, a superuser or the owner of {database} runs\n"
            f"    CREATE EXTENSION pg_trgm;\n"
            f"in {database}, then: python manage.py migrate news 0009 && "
            f"python manage.py migrate news\n"
        )
        return
    for statement in INDEXES:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS article_search_text_trgm_idx")
    schema_editor.execute("DROP INDEX IF EXISTS article_search_title_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("news", "0010_article_cover_focal")]

    operations = [migrations.RunPython(forwards, backwards)]
