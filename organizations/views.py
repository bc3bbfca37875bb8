from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from news.caching import published_count_key
from news.models import Article
from portal.caching import cache_for_readers
from portal.pagination import paginate

from .models import Organization, Sponsor


@require_safe
@cache_for_readers(params=["page"])
def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.active().select_related("parent"), slug=slug
    )
    articles = Article.objects.published().filter(organization=organization).for_card()
    context = {
        "organization": organization,
        "children": organization.children.active(),
        **paginate(
            request, articles, count_key=published_count_key(f"organization:{organization.pk}")
        ),
    }
    return render(request, "organizations/organization_detail.html", context)


@never_cache
@require_safe
def sponsor_click(request, pk):
    """Count a click on a sponsor's logo and send the reader to its stored website.

    The target is only ever the website saved in the admin, never a URL from the request, so
    this address cannot be used as an open redirect.
    """
    sponsor = get_object_or_404(Sponsor.objects.clickable(), pk=pk)
    if request.method == "GET":  # a HEAD (link checkers, previews) is not a click
        sponsor.count_click()
    return HttpResponseRedirect(sponsor.website)
