"""The query planner's statistics.

SQLite keeps no statistics until ANALYZE is run, and without them it guesses: at 100,000
articles it counted a category's articles through the (status, published_at) index, reading
every published row of the table (957 ms), instead of the partial index on (category,
published_at) that answers from the index alone (a few ms). PostgreSQL's autovacuum analyses
tables by itself; ANALYZE after a bulk load only makes its plans right sooner.

So ``manage.py migrate`` (every deploy) and the commands that load many articles at once
(bench_data, the importers) refresh them. On SQLite it reads only the indexes: about a second
at 100,000 articles.
"""

from django.db import connections


def planner_statistics_refresh(using="default"):
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")


def refresh_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (NewsConfig.ready())."""
    planner_statistics_refresh(using)
