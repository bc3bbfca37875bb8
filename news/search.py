"""Article search: whole words, blind to case and diacritics, exact spellings and titles first.

What is indexed. Every article stores a search document for its title (``search_title``) and
for its lead and body (``search_text``), made on save by portal.text.search_document(): the
folded words (portal.text.fold_vi) followed by the words with diacritics as written. The
database indexes the words of those documents, never substrings, so "hà" finds "Hà Tiên" and
not "hành động":
- PostgreSQL: generated tsvector columns ``news_article.search_vector`` (title and text) and
  ``search_title_vector`` (title), in the built-in "simple" configuration, which neither stems
  nor drops words, each with a partial GIN index over published articles out of the trash;
- SQLite: the FTS5 table ``news_article_fts`` (tokenizer unicode61 keeping diacritics), kept in
  step with news_article by triggers, so bulk inserts are indexed too. It holds published
  articles out of the trash only, and its rowid is ``published second * 2**30 + id``: FTS5
  reads it newest first and stops after the LIMIT, whatever the number of matches.
Both are made by migrations 0007 and 0011.

How results are ranked. Every word of the query must be present (folded). Then, in order:
1. every word in the title, with the reader's diacritics;
2. every word in the title, any diacritics;
3. every word anywhere, with the reader's diacritics;
4. every word anywhere, any diacritics;
newest first within each. A query typed without diacritics has only tiers 2 and 4.

What it costs. Each tier is one index query that stops after SEARCH_MAX_RESULTS + 1 rows, all
in one statement; the ranking of at most four such lists happens here. So a word found in
every article costs what a rare one does, and the count shown is capped ("more than 1,000").
"""

import importlib
import logging
import re

from django.db import connection, connections
from django.utils import timezone

from portal.text import fold_vi, search_words

from .models import Article

SEARCH_MAX_CHARS = 100
SEARCH_MAX_WORDS = 10
SEARCH_MAX_RESULTS = 1000
_WORD_START = re.compile(r"[^\W_]")
_WORD_END = re.compile(r"[^\W_]+$")
logger = logging.getLogger(__name__)
# SQLite's FTS rowid: the publication second above these bits, the article id below.
FTS_ID_BITS = 30


def query_words(query):
    """The reader's words, capped: (folded words, the same words as typed), in lower case.

    A word may fold into several ("x²" -> "x2" is one, but a ligature may split): the folded
    list holds every part, and an article must hold them all.
    """
    cut = query[:SEARCH_MAX_CHARS]
    if (
        len(query) > SEARCH_MAX_CHARS
        and _WORD_END.search(cut)
        and _WORD_START.match(query, SEARCH_MAX_CHARS)
    ):
        cut = _WORD_END.sub("", cut)  # half a word would match no whole word: leave it out
    words = list(dict.fromkeys(search_words(cut)))[:SEARCH_MAX_WORDS]
    folded = list(dict.fromkeys(part for word in words for part in search_words(fold_vi(word))))
    return folded, words


def _postgresql_sql(folded, exact, now):
    """Per kind (title, then anywhere): the newest matches of the folded words, each with a
    flag saying whether the reader's spelling matches too.

    The flag is worked out after the LIMIT, on the rows kept only: a text's vector is stored
    out of the row (TOAST), and reading it for every match would cost more than the search.
    """
    # Words are letters and digits only (portal.text.search_words), so quoting them is safe.
    folded_query = " & ".join(f"'{word}'" for word in folded)
    exact_query = " & ".join(f"'{word}'" for word in exact)
    parts, params = [], []
    for number, vector in enumerate(("search_title_vector", "search_vector")):
        flag = "TRUE" if exact == folded else "t.vector @@ %s::tsquery"
        # The planner walks article_pub_idx newest first when the words are common (the
        # LIMIT stops it early) and reads the GIN index when they are rare.
        parts.append(
            f"SELECT {number}, t.id, t.published_at, {flag} FROM ("
            f"SELECT id, published_at, {vector} AS vector FROM news_article "
            "WHERE status = 'published' AND deleted_at IS NULL AND published_at <= %s "
            f"AND {vector} @@ %s::tsquery "
            "ORDER BY published_at DESC, id DESC LIMIT %s) AS t"
        )
        params += ([] if exact == folded else [exact_query]) + [
            now,
            folded_query,
            SEARCH_MAX_RESULTS + 1,
        ]
    return " UNION ALL ".join(parts), params


def _sqlite_sql(folded, exact, now):
    """Per kind (title, then anywhere): the newest matches of the folded words, and the newest
    matches of the reader's spelling, read from the FTS index newest first."""
    newest_key = (int(now.timestamp()) + 1) << FTS_ID_BITS
    parts, params = [], []
    for number, in_title in enumerate((True, False)):
        for is_exact, words in ((False, folded), (True, exact)):
            if is_exact and exact == folded:
                continue
            match = " AND ".join(f'"{word}"' for word in words)
            if in_title:
                match = f"{{title}} : ({match})"
            parts.append(
                f"SELECT {number}, t.rowid, {int(is_exact)} FROM ("
                "SELECT rowid FROM news_article_fts WHERE news_article_fts MATCH %s "
                "AND rowid < %s ORDER BY rowid DESC LIMIT %s) AS t"
            )
            params += [match, newest_key, SEARCH_MAX_RESULTS + 1]
    return " UNION ALL ".join(parts), params


def _kinds(folded, exact):
    """[title matches, matches anywhere]: each a newest-first list of (pk, reader's spelling)."""
    now = timezone.now()
    is_postgresql = connection.vendor == "postgresql"
    sql, params = (_postgresql_sql if is_postgresql else _sqlite_sql)(folded, exact, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    kinds = [{}, {}]
    if is_postgresql:
        for number, pk, published_at, is_exact in rows:
            kinds[number][pk] = ((published_at, pk), is_exact)
    else:
        mask = (1 << FTS_ID_BITS) - 1
        spelled = set()
        for number, key, is_exact in rows:
            if is_exact:
                spelled.add((number, key))
            else:
                kinds[number][key & mask] = (key, exact == folded)
        # The reader's spelling counts among the newest folded matches, as on PostgreSQL.
        for number, key in spelled:
            if key & mask in kinds[number]:
                kinds[number][key & mask] = (key, True)
    return [
        [(pk, is_exact) for pk, (_key, is_exact) in sorted(kind.items(), key=lambda i: i[1][0],
                                                            reverse=True)]
        for kind in kinds
    ]  # fmt: skip


def _ranked_ids(folded, exact):
    """The ranked ids, at most SEARCH_MAX_RESULTS, and whether there were more."""
    ranked, seen, capped = [], set(), False
    for kind in _kinds(folded, exact):
        kept = kind[:SEARCH_MAX_RESULTS]
        for wanted in (True, False):
            for pk, is_exact in kept:
                if is_exact == wanted and pk not in seen:
                    seen.add(pk)
                    ranked.append(pk)
        if len(kind) > SEARCH_MAX_RESULTS:
            # Title matches alone fill every shown place: matches elsewhere come after them.
            capped = True
            break
    if len(ranked) > SEARCH_MAX_RESULTS:
        ranked, capped = ranked[:SEARCH_MAX_RESULTS], True
    return ranked, capped


class SearchResults:
    """The ranked ids of a search, sliced into pages of articles (for Django's Paginator)."""

    def __init__(self, ids, is_capped):
        self.ids = ids
        self.is_capped = is_capped

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        rows = Article.objects.published().for_listing().in_bulk(ids) if ids else {}
        articles = [rows[pk] for pk in ids if pk in rows]
        return articles if isinstance(index, slice) else articles[0]


def article_search(query):
    """Published articles holding every word of ``query``, ranked (see the module's text).

    At most SEARCH_MAX_RESULTS; ``is_capped`` says there were more.
    """
    folded, exact = query_words(query)
    if not folded:
        return SearchResults([], False)
    return SearchResults(*_ranked_ids(folded, exact))


# --- SQLite's triggers, after every migrate -----------------------------------------------------

# The latest definition of the FTS5 triggers and how to fill the index: migration 0012. A later
# migration that defines them again must be named here instead.
_SQLITE_INDEX_MIGRATION = "news.migrations.0012_indexes_skip_trash"
_SQLITE_TRIGGERS = ("news_article_fts_insert", "news_article_fts_delete", "news_article_fts_update")


def sqlite_search_triggers_repair(sender=None, using="default", **kwargs):
    """post_migrate receiver (NewsConfig.ready()): on SQLite, make the search index whole again
    if a migration lost its triggers.

    SQLite changes some columns by copying news_article into a new table, which drops its
    triggers; from then on the search would silently miss every new or changed article. So
    after every migrate the three triggers are looked for, and if one is missing the index is
    filled again from news_article and the triggers are made as migration 0012 makes them.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' OR name = 'news_article_fts'"
        )
        present = {name for (name,) in cursor.fetchall()}
        if "news_article_fts" not in present or present.issuperset(_SQLITE_TRIGGERS):
            return
        logger.warning("The search index's triggers were missing: the index is made again")
        for statement in importlib.import_module(_SQLITE_INDEX_MIGRATION).SQLITE:
            cursor.execute(statement)
