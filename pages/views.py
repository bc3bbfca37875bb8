from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from portal.caching import cache_for_readers
from portal.publishing import visible_to

from .models import Page


@require_safe
@cache_for_readers
def page_detail(request, slug):
    # Administrators may preview a hidden page.
    page = get_object_or_404(visible_to(request.user, Page.objects.all()), slug=slug)
    context = {"page": page, "canonical_url": request.build_absolute_uri(page.get_absolute_url())}
    response = render(request, "pages/page_detail.html", context)
    if not page.is_published:
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
    return response
