from django import template

from documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/includes/article_documents.html")
def article_documents(article):
    """The published documents an editor linked to ``article``, with their files."""
    documents = Document.objects.published().filter(articles=article).for_listing()
    return {"documents": documents}
