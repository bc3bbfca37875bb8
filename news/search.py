"""Article search: whole words, blind to case and diacritics, exact spellings and titles first.

What is indexed. Every article stores a search document for its title (``search_title``) and
for its lead and body (``search_text``), made on save by portal.text.search_document(): the
folded words (portal.text.fold_vi) followed by the words with diacritics as written. The
database indexes the words of those documents, never substrings, so "hà" finds "Hà Tiên" and
not "hành động":
- PostgreSQL: ``news_article.search_vector``, a generated tsvector column (title words weight
  A, text words weight B, the built-in "simple" configuration, which neither stems nor drops
  words), with a GIN index;
- SQLite: the FTS5 table ``news_article_fts`` (tokenizer unicode61 keeping diacritics), kept in
  step with news_article by triggers, so bulk inserts are indexed too. It holds published
  articles only, and its rowid is ``published second * 2**30 + id``: FTS5 reads it newest first
  and stops after the LIMIT, whatever the number of matches.
Both are made by migration 0007.

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

import re

from django.db import connection
from django.utils import timezone

from portal.text import fold_vi, search_words

from .models import Article

SEARCH_MAX_CHARS = 100
SEARCH_MAX_WORDS = 10
SEARCH_MAX_RESULTS = 1000
_WORD_START = re.compile(r"[^\W_]")
_WORD_END = re.compile(r"[^\W_]+$")
# SQLite's FTS rowid: the publication second above these bits, the article id below.
FTS_ID_BITS = 30


def query_words(query):
    """The reader's words, capped: (folded words, the same words as typed), in lower case."""
    cut = query[:SEARCH_MAX_CHARS]
    if (
        len(query) > SEARCH_MAX_CHARS
        and _WORD_END.search(cut)
        and _WORD_START.match(query, SEARCH_MAX_CHARS)
    ):
        cut = _WORD_END.sub("", cut)  # half a word would match no whole word: leave it out
    words = list(dict.fromkeys(search_words(cut)))[:SEARCH_MAX_WORDS]
    return [fold_vi(word) for word in words], words


def _tiers(folded, exact):
    """(in title only, words) for each tier, best first; a tier equal to a better one is left
    out. A folded word can fold to several words ("x²" -> "x2"), which must all be present."""
    folded = [part for word in folded for part in search_words(word)]
    exact = [part for word in exact for part in search_words(word)]
    tiers = []
    for in_title in (True, False):
        for words in (exact, folded):
            if (in_title, words) not in tiers:
                tiers.append((in_title, words))
    return tiers


def _postgresql_tier_sql(in_title, words, now):
    weight = ":A" if in_title else ""
    # Words are letters and digits only (portal.text.search_words), so quoting them is safe.
    tsquery = " & ".join(f"'{word}'{weight}" for word in words)
    sql = (
        "SELECT id, published_at FROM news_article WHERE status = 'published' "
        "AND published_at <= %s AND search_vector @@ %s::tsquery "
        "ORDER BY published_at DESC, id DESC LIMIT %s"
    )
    return sql, [now, tsquery, SEARCH_MAX_RESULTS + 1]


def _sqlite_tier_sql(in_title, words, now):
    match = " AND ".join(f'"{word}"' for word in words)
    if in_title:
        match = f"{{title}} : ({match})"
    newest_key = (int(now.timestamp()) + 1) << FTS_ID_BITS
    sql = (
        "SELECT rowid, NULL FROM news_article_fts WHERE news_article_fts MATCH %s "
        "AND rowid < %s ORDER BY rowid DESC LIMIT %s"
    )
    return sql, [match, newest_key, SEARCH_MAX_RESULTS + 1]


def _ranked_ids(tiers):
    """One statement reads every tier; the best tier of each article decides its place."""
    now = timezone.now()
    tier_sql = _postgresql_tier_sql if connection.vendor == "postgresql" else _sqlite_tier_sql
    parts, params = [], []
    for number, (in_title, words) in enumerate(tiers):
        sql, part_params = tier_sql(in_title, words, now)
        parts.append(f"SELECT {number}, t.* FROM ({sql}) AS t")
        params += part_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    by_tier = [[] for _ in tiers]
    for number, key, published_at in rows:
        if connection.vendor == "postgresql":
            by_tier[number].append(((published_at, key), key))
        else:
            by_tier[number].append((key, key & ((1 << FTS_ID_BITS) - 1)))
    ranked, seen, capped = [], set(), False
    for members in by_tier:
        members.sort(reverse=True)
        for _sort_key, pk in members[:SEARCH_MAX_RESULTS]:
            if pk not in seen:
                seen.add(pk)
                ranked.append(pk)
        if len(members) > SEARCH_MAX_RESULTS:
            # This tier alone fills every shown place: what lower tiers hold comes after it,
            # and an article of this tier beyond the cap must not surface lower down.
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
    return SearchResults(*_ranked_ids(_tiers(folded, exact)))
