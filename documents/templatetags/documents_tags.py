from django import template

from documents import caching
from documents.models import Document

SEARCH_DOCUMENTS_LIMIT = 5

register = template.Library()


@register.inclusion_tag("documents/includes/article_documents.html")
def article_documents(article):
    """The published documents an editor linked to ``article``, with their files."""
    return {"documents": caching.article_document_items(article.pk)}


@register.inclusion_tag("documents/includes/search_results.html")
def document_search_results(query):
    """Documents of the register that match a reader's site search: a few, with a link to
    the register's own search for the rest."""
    documents = (
        Document.objects.published()
        .search(query)
        .select_related("document_type")
        .only("id", "slug", "number", "summary", "document_type__name")[:SEARCH_DOCUMENTS_LIMIT]
    )
    return {"documents": documents, "query": query}
