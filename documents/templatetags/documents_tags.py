from django import template

from documents import caching

register = template.Library()


@register.inclusion_tag("documents/includes/article_documents.html")
def article_documents(article):
    """The published documents an editor linked to ``article``, with their files."""
    return {"documents": caching.article_document_items(article.pk)}
