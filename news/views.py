import logging

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from library.models import Picture
from portal.beacons import beacon_response
from portal.caching import cache_for_readers
from portal.images import DatedUploadTo, image_clean
from portal.middleware import outage_kind
from portal.pagination import paginate
from portal.renditions import delete_with_copies, make_copies

from .caching import article_parts, home_sections, published_count_key
from .forms import LegacyLinkForm, SearchForm
from .models import Article, Category, Tag
from .reads import read_register
from .search import SEARCH_MAX_CHARS, article_search, query_words

FEATURED_COUNT = 5
LATEST_COUNT = 10
SECTION_COUNT = 4
# A tag page lists the newest this many of its articles: counting every article of a common
# tag joins the whole archive (51 ms at 100,000 articles); older ones are found by search.
TAG_MAX_ARTICLES = 1000
inline_upload_to = DatedUploadTo("news/body")
logger = logging.getLogger(__name__)


@require_safe
@cache_for_readers
def home(request):
    sections = home_sections()
    lists = (
        Article.objects.published()
        .for_listing()
        .home_lists(
            featured=FEATURED_COUNT,
            latest=LATEST_COUNT,
            families={section.pk: ids for section, ids in sections},
            per_section=SECTION_COUNT,
        )
    )
    context = {
        "featured": lists["featured"],
        "latest": lists["latest"],
        "sections": [(c, lists[c.pk]) for c, _ids in sections if lists.get(c.pk)],
    }
    return render(request, "news/home.html", context)


@require_safe
@cache_for_readers(params=["page"])
def category_detail(request, slug):
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    articles = Article.objects.published().in_category(category).for_card()
    context = {
        "category": category,
        "children": category.children.filter(is_in_menu=True),
        **paginate(request, articles, count_key=published_count_key(f"category:{category.pk}")),
    }
    return render(request, "news/category_detail.html", context)


@require_safe
@cache_for_readers(params=["page"])
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.published().filter(tags=tag).for_listing()
    context = {"tag": tag, **paginate(request, articles, max_count=TAG_MAX_ARTICLES)}
    context["max_articles"] = TAG_MAX_ARTICLES
    return render(request, "news/tag_detail.html", context)


@require_safe
@cache_for_readers
def article_detail(request, slug, pk):
    articles = Article.objects.live().visible_to(request.user).for_detail()  # staff previews
    article = get_object_or_404(articles, pk=pk)
    if slug != article.slug:  # old or mistyped slug: one canonical URL
        return redirect(article, permanent=True)
    return render_article(request, article, is_preview=not article.is_published)


def render_article(request, article, *, is_preview):
    """The article page; also the admin's "Xem trước" of an unsaved form."""
    tags, images = article.detail_relations()
    # Without the query string: "?fbclid=..." must not become the canonical or shared URL.
    canonical_url = request.build_absolute_uri(article.get_absolute_url())
    context = {
        "article": article,
        "is_preview": is_preview,
        "parts": article_parts(
            request,
            article,
            tags=tags,
            images=images,
            canonical_url=canonical_url,
            keep=not is_preview,
        ),
        "related": article.related_news([tag.pk for tag in tags]),
    }
    response = render(request, "news/article_detail.html", context)
    if is_preview:
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
    return response


@require_safe
@cache_for_readers
def article_print(request, slug, pk):
    """The article alone, as paper gets it: works without JavaScript, never indexed."""
    article = get_object_or_404(Article.objects.for_detail().published(), pk=pk)
    if slug != article.slug:
        return redirect("news:article_print", slug=article.slug, pk=article.pk, permanent=True)
    context = {
        "article": article,
        "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
    }
    response = render(request, "news/article_print.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@cache_for_readers(params=["q", "page"])
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {
        "form": form,
        "search_query": query[:SEARCH_MAX_CHARS],
        "was_cut": len(query) > SEARCH_MAX_CHARS,
        "max_chars": SEARCH_MAX_CHARS,
        "has_words": bool(query_words(query)[0]),
    }
    if context["has_words"]:
        results = article_search(query)
        context.update(
            paginate(request, results, query={"q": context["search_query"]}),
            more_results=results.is_capped,
        )
    return render(request, "news/search.html", context)


# The smallest transparent GIF: the answer to the counter image of readers without JavaScript.


@csrf_exempt  # sent by cached pages that carry no token; forging a read gains nothing
@never_cache  # a CDN or browser that cached this answer would stop counting
@require_http_methods(["GET", "HEAD", "POST"])
def article_read(request, pk):
    """Counts a read: POSTed by the article page's script, or GET as its <noscript> image.

    The answer is the same whether the id is unknown, unpublished, published, counted or not:
    it must not tell which ids hold drafts or scheduled articles.
    """
    # No database on this path while the cache knows whether the article may be read; with
    # the Redis buffer, one round trip to Redis in all.
    read_register(request=request, article_id=pk)
    return beacon_response(request)


def _upload_error(message, status):
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def image_upload(request):
    """CKEditor 5's image upload: only for people who may write articles."""
    user = request.user
    if not (user.has_perm("news.add_article") or user.has_perm("news.change_article")):
        return _upload_error(_("You are not allowed to upload images."), 403)
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _upload_error(_("No file was sent."), 400)
    try:
        content = image_clean(uploaded)
    except ValidationError as error:
        return _upload_error(" ".join(error.messages), 400)
    name = None
    try:
        name = default_storage.save(inline_upload_to(None, content.name), content)
        make_copies(
            name, social=False
        )  # srcset copies now, while storing, never when a reader asks
    except OSError as error:  # the storage removed what it had written (portal/storage.py)
        logger.error("An inline image could not be stored: %s", error)
        if name:  # the picture was stored but its copies could not be: none of it stays
            delete_with_copies(name)
        if outage_kind(error) == "disk_full":
            message = _(
                "The server's disk is full: the image was not stored. Please tell the site's "
                "technical administrator."
            )
            return _upload_error(message, 507)
        return _upload_error(
            _("The image could not be stored right now. Please try again in a few minutes."), 503
        )
    Picture.objects.create(image=name, created_by=user)  # reusable from the media library
    return JsonResponse({"url": default_storage.url(name)})


@require_safe
def legacy_article_redirect(request):
    """Links to the old site (news.php?id=<old id>) lead to the imported article, for good."""
    form = LegacyLinkForm(request.GET)
    if not form.is_valid():
        raise Http404
    article = get_object_or_404(Article.objects.published(), legacy_id=form.cleaned_data["id"])
    return redirect(article, permanent=True)
