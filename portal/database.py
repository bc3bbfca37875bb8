"""The query planner's statistics.

SQLite keeps no statistics until ANALYZE is run, and without them it guesses: at 100,000
articles it counted a category's articles through the (status, published_at) index, reading
every published row of the table (957 ms), instead of the partial index on (category,
published_at) that answers from the index alone (a few ms). PostgreSQL's autovacuum analyses
tables by itself; ANALYZE after a bulk load only makes its plans right sooner.

So ``manage.py migrate`` (every deploy) refreshes them on SQLite, where it reads only the
indexes (about a second at 100,000 articles), and bench_data after its bulk load. On PostgreSQL
migrate leaves it to autovacuum: an ANALYZE of a large database can outlast the statement
timeout (DATABASE_STATEMENT_TIMEOUT) and would fail the deploy.
"""

from django.db import connections


def planner_statistics_refresh(using="default"):
    """ANALYZE; on PostgreSQL VACUUM ANALYZE, which also marks the freshly loaded pages
    all-visible, as autovacuum does a while after a bulk load: until then PostgreSQL cannot
    count a category from its index alone (35 ms instead of 5 at 100,000 articles)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")  # VACUUM cannot run inside a transaction
        else:
            cursor.execute("ANALYZE")


def refresh_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (NewsConfig.ready()): SQLite only (see above)."""
    if connections[using].vendor == "sqlite":
        planner_statistics_refresh(using)
