"""The cache of the documents register: the documents under an article (on the article page).

Its entries are kept under the site version (portal/caching.py). Any change to a document,
its files, its type or its links to articles bumps the version through the receivers
connected in apps.py, so neither this list nor a cached page showing it is ever stale after an
editor's save. A cache that is down costs a query, never the page.
"""

from portal.caching import cached, next_scheduled, site_version_bump

TIMEOUT = 60 * 60


def forget_documents(**kwargs):
    """A document, a file of it, a type or its articles changed: cached pages are old."""
    site_version_bump()


def article_document_items(article_id):
    """The published documents linked to an article, with their files, as plain dicts."""

    def build():
        from .models import Document

        documents = Document.objects.published().filter(articles=article_id).for_listing()
        return [
            {
                "url": document.get_absolute_url(),
                "title": f"{document.document_type.name} {document.number}",
                "summary": document.summary,
                "files": [(f.get_absolute_url(), f.kind) for f in document.files.all()],
            }
            for document in documents
        ]

    return cached(f"documents:article:{article_id}", build, TIMEOUT)


def next_scheduled_document():
    """When the next scheduled document goes live on article and search pages."""
    from .models import Document

    return next_scheduled("documents:next-scheduled", Document.objects.filter(is_published=True))
