from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """``page`` and ``page_range`` for the requested page of ``queryset``.

    A page that is not a positive whole number or lies past the end is a 404 (one address per
    page for crawlers, never a 500); a missing ``page`` is the first page.
    """
    paginator = Paginator(queryset, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(_("This page does not exist.")) from error
    return {"page": page, "page_range": paginator.get_elided_page_range(page.number)}
