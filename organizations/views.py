from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from news.models import Article

from .models import Organization


@require_safe
def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.active(), slug=slug)
    articles = Article.objects.published().filter(organization=organization).for_listing()[:20]
    return render(
        request,
        "organizations/organization_detail.html",
        {"organization": organization, "articles": articles},
    )
