"""Whole-word search indexes over the articles' search documents (news/search.py).

PostgreSQL: a generated tsvector column and its GIN index. SQLite: an FTS5 table kept in step
by triggers. The stored documents are first made again in the new form
(portal.text.search_document()).
"""

from django.db import migrations

from portal.text import search_document

FTS_ID_BITS = 30  # news.search.FTS_ID_BITS


def _documents(apps, schema_editor):
    """Every article's search documents, in the form save() now makes them."""
    import html

    from django.utils.html import strip_tags

    Article = apps.get_model("news", "Article")
    batch = []
    for article in Article.objects.only("id", "title", "lead", "body").iterator(chunk_size=2000):
        article.search_title = search_document(article.title)
        article.search_text = search_document(
            f"{article.lead} {html.unescape(strip_tags(article.body))}"
        )
        batch.append(article)
        if len(batch) == 2000:
            Article.objects.bulk_update(batch, ["search_title", "search_text"])
            batch = []
    Article.objects.bulk_update(batch, ["search_title", "search_text"])


POSTGRESQL = [
    # Long values (body, lead, search documents and vectors) are kept out of the table's own
    # pages: a row in the heap is then about 500 bytes instead of 2 KB, so the heap pages a
    # search or a list visits are four times fewer and stay in shared buffers (at 100,000
    # articles the heap is 48 MB instead of 190 MB). Set before the columns below are added,
    # as adding them rewrites every row.
    "ALTER TABLE news_article SET (toast_tuple_target = 512)",
    # "simple": no stemming and no stop words, so every word of the documents is kept as is.
    # strip(): positions are never used (no phrase search, no ts_rank), and without them a
    # vector is half the size. The title has a vector of its own, much smaller, so that the
    # title matches are found without reading the text's.
    """ALTER TABLE news_article
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            strip(to_tsvector('simple'::regconfig, search_title || ' ' || search_text))) STORED,
        ADD COLUMN search_title_vector tsvector GENERATED ALWAYS AS (
            strip(to_tsvector('simple'::regconfig, search_title))) STORED""",
    """CREATE INDEX article_search_idx ON news_article USING gin (search_vector)
        WHERE status = 'published'""",
    """CREATE INDEX article_search_title_idx ON news_article USING gin (search_title_vector)
        WHERE status = 'published'""",
]
POSTGRESQL_BACK = [
    "DROP INDEX IF EXISTS article_search_title_idx",
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE news_article DROP COLUMN IF EXISTS search_title_vector",
    "ALTER TABLE news_article DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE news_article RESET (toast_tuple_target)",
]

# The FTS rowid: publication second, then the id (news/search.py explains why).
KEY = "((CAST(strftime('%s', {row}.published_at) AS INTEGER) << {bits}) + {row}.id)"
NEW_KEY = KEY.format(row="NEW", bits=FTS_ID_BITS)
OLD_KEY = KEY.format(row="OLD", bits=FTS_ID_BITS)
SQLITE = [
    # Contentless: the documents are stored once, in news_article; the triggers hand FTS5 the
    # old document when a row leaves the index, as a contentless table needs.
    """CREATE VIRTUAL TABLE news_article_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 0')""",
    f"""INSERT INTO news_article_fts (rowid, title, body)
        SELECT {KEY.format(row="news_article", bits=FTS_ID_BITS)}, search_title, search_text
        FROM news_article WHERE status = 'published'""",
    f"""CREATE TRIGGER news_article_fts_insert AFTER INSERT ON news_article
        WHEN NEW.status = 'published' BEGIN
        INSERT INTO news_article_fts (rowid, title, body)
        VALUES ({NEW_KEY}, NEW.search_title, NEW.search_text);
        END""",
    f"""CREATE TRIGGER news_article_fts_delete AFTER DELETE ON news_article
        WHEN OLD.status = 'published' BEGIN
        INSERT INTO news_article_fts (news_article_fts, rowid, title, body)
        VALUES ('delete', {OLD_KEY}, OLD.search_title, OLD.search_text);
        END""",
    # Only a change to what the index holds touches it: counting a read does not.
    f"""CREATE TRIGGER news_article_fts_update
        AFTER UPDATE OF status, published_at, search_title, search_text ON news_article BEGIN
        INSERT INTO news_article_fts (news_article_fts, rowid, title, body)
        SELECT 'delete', {OLD_KEY}, OLD.search_title, OLD.search_text
        WHERE OLD.status = 'published';
        INSERT INTO news_article_fts (rowid, title, body)
        SELECT {NEW_KEY}, NEW.search_title, NEW.search_text WHERE NEW.status = 'published';
        END""",
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS news_article_fts_update",
    "DROP TRIGGER IF EXISTS news_article_fts_delete",
    "DROP TRIGGER IF EXISTS news_article_fts_insert",
    "DROP TABLE IF EXISTS news_article_fts",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def forwards(apps, schema_editor):
    _documents(apps, schema_editor)
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRESQL)
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
            if not cursor.fetchone()[0]:
                raise RuntimeError(
                    "This SQLite library was built without FTS5, which search needs: use a "
                    "Python whose sqlite3 module has it (python.org and Debian builds do)."
                )
        _run(schema_editor, SQLITE)
    else:
        raise RuntimeError(f"Search supports PostgreSQL and SQLite, not {vendor}.")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, POSTGRESQL_BACK if vendor == "postgresql" else SQLITE_BACK)


class Migration(migrations.Migration):
    dependencies = [("news", "0006_list_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
