"""Cached lists of the register shown on other apps' pages: the documents under an article.

Every key carries a generation number that any change to a document, its files or its
links to articles moves on (receivers connected in apps.py), so a cached list is never stale
after an editor's save. A cache that is down costs a query, never the page.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "documents:generation"
TIMEOUT = 60 * 60


def _generation():
    try:
        return cache.get(GENERATION_KEY, 0)
    except Exception:
        logger.warning("Cache unavailable for the documents register", exc_info=True)
        return None


def forget_documents(**kwargs):
    try:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        logger.warning("Cache unavailable: lists of documents may be stale", exc_info=True)


def article_document_items(article_id):
    """The published documents linked to an article, with their files, as plain dicts."""
    generation = _generation()
    key = f"documents:article:{generation}:{article_id}"
    items = None
    if generation is not None:
        try:
            items = cache.get(key)
        except Exception:
            items = None
    if items is None:
        from .models import Document

        documents = Document.objects.published().filter(articles=article_id).for_listing()
        items = [
            {
                "url": document.get_absolute_url(),
                "title": f"{document.document_type.name} {document.number}",
                "summary": document.summary,
                "files": [(f.get_absolute_url(), f.kind) for f in document.files.all()],
            }
            for document in documents
        ]
        if generation is not None:
            try:
                cache.set(key, items, TIMEOUT)
            except Exception:
                pass
    return items
