"""Shared helper: the paginator every list page uses (news, documents, albums, ...)."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from portal.caching import cached

PAGE_SIZE = 20
COUNT_TIMEOUT = 60 * 60


class ArchivePaginator(Paginator):
    """A paginator whose pages cost the same anywhere in a large archive.

    A queryset that can fetch a slice cheaply (ArticleQuerySet.page_slice: a deferred join on
    an index, read from the nearer end) is asked for the page's rows; anything else is sliced
    as Django's own Paginator does.

    With ``max_count``, the list is counted no further than that (the rows past it are not
    listed, and ``is_capped`` says there were more): a count that scans every matching row of
    a big archive is what it saves. With ``count_key``, the count is kept in the cache under
    that key and the site version (``portal.caching.cached``), so the thousands of pages of
    one category count it once between two changes; the key must change with whatever else
    changes the count (the next scheduled publication, for articles).
    """

    def __init__(self, *args, max_count=None, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_count = max_count
        self.count_key = count_key
        self.is_capped = False

    @cached_property
    def count(self):
        if self.count_key is not None:
            return cached(self.count_key, lambda: Paginator.count.func(self), COUNT_TIMEOUT)
        if self.max_count is None:
            return super().count
        counted = self.object_list.order_by()[: self.max_count + 1].count()
        self.is_capped = counted > self.max_count
        return min(counted, self.max_count)

    def page(self, number):
        if not hasattr(self.object_list, "page_slice"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # A capped count is not where the list ends: no reading from the oldest end then.
        rows = self.object_list.page_slice(bottom, top, None if self.is_capped else self.count)
        return self._get_page(rows, number, self)


def paginate(request, queryset, per_page=PAGE_SIZE, *, max_count=None, count_key=None,
             query=None):  # fmt: skip
    """``page``, ``page_range``, ``is_capped`` and ``page_query`` for the requested page of
    ``queryset`` (counted up to ``max_count`` rows at most, or kept under ``count_key``: see
    ArchivePaginator).

    A page that is not a positive whole number or lies past the end is a 404 (one address per
    page for crawlers, never a 500); a missing ``page`` is the first page. ``query`` holds the
    page's own parameters (a form's cleaned data): the links keep its non-empty values and
    nothing else from the address, since a cached page is shared by every address that differs
    only in other parameters (includes/pagination.html, ``{% querystring page_query page=N %}``).
    """
    paginator = ArchivePaginator(queryset, per_page, max_count=max_count, count_key=count_key)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(_("This page does not exist.")) from error
    page_query = QueryDict(mutable=True)
    page_query.update({name: value for name, value in (query or {}).items() if value})
    return {
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number),
        "is_capped": paginator.is_capped,
        "page_query": page_query,
    }
