from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from news.models import Article
from portal.pagination import paginate

from .models import Organization


@require_safe
def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.active().select_related("parent"), slug=slug
    )
    articles = Article.objects.published().filter(organization=organization).for_listing()
    context = {
        "organization": organization,
        "children": organization.children.active(),
        **paginate(request, articles),
    }
    return render(request, "organizations/organization_detail.html", context)
