from django.db.models import Max, Min, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from news.models import Article
from organizations.models import Organization
from portal.caching import cache_for_readers
from portal.pagination import paginate
from portal.publishing import visible_to

from .forms import YEAR_MAX, YEAR_MIN, DocumentFilterForm
from .models import Document, DocumentFile, DocumentType


def _years(documents):
    span = documents.aggregate(first=Min("issued_on"), last=Max("issued_on"))
    if span["first"] is None:
        return []
    first, last = max(span["first"].year, YEAR_MIN), min(span["last"].year, YEAR_MAX)
    return range(last, first - 1, -1)


@require_safe
@cache_for_readers(params=["q", "type", "issuer", "year", "page"])
def document_list(request):
    published = Document.objects.published()
    form = DocumentFilterForm(
        request.GET,
        types=list(DocumentType.objects.all()),
        issuers=list(Organization.objects.active().only("id", "name", "slug")),
        years=_years(published),
    )
    status = 200
    if form.is_valid():
        filters = form.cleaned_data
        context = paginate(request, form.filter(published).for_listing(), query=filters)
        context["is_filtered"] = any(filters.values())
    else:
        status = 400  # a filter value that is not one of the choices: say so, list nothing
        context = {"page": None}
    context["form"] = form
    return render(request, "documents/document_list.html", context, status=status)


@require_safe
@cache_for_readers
def document_detail(request, slug, pk):
    documents = (
        visible_to(request.user, Document.objects.all())
        .for_detail()
        .prefetch_related(
            Prefetch(
                "articles",
                queryset=Article.objects.published().only("id", "title", "slug", "published_at"),
                to_attr="published_articles",
            )
        )
    )
    document = get_object_or_404(documents, pk=pk)
    if slug != document.slug:  # old or mistyped slug: one canonical URL
        return redirect(document, permanent=True)
    return render(request, "documents/document_detail.html", {"document": document})


@require_safe
def file_download(request, pk):
    """The file with the name it was uploaded under; browsers must not guess another type."""
    files = DocumentFile.objects.select_related("document")
    if not request.user.has_perm("documents.change_document"):
        files = files.filter(
            document__is_published=True, document__published_at__lte=timezone.now()
        )
    document_file = get_object_or_404(files, pk=pk)
    try:
        handle = document_file.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("This file is no longer available.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document_file.original_name,
        content_type=document_file.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
