from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.images import DatedUploadTo, image_clean

from .models import Article, Category
from .reads import read_register

PAGE_SIZE = 20
inline_upload_to = DatedUploadTo("news/body")


@require_safe
def home(request):
    articles = Article.objects.published().for_listing()[:PAGE_SIZE]
    return render(request, "news/home.html", {"articles": articles})


@require_safe
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    articles = Article.objects.published().in_category(category).for_listing()
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "news/category_detail.html", {"category": category, "page": page})


@require_safe
def article_detail(request, slug, pk):
    articles = Article.objects.for_detail()
    if not request.user.has_perm("news.change_article"):
        articles = articles.published()  # editors may preview drafts
    article = get_object_or_404(articles, pk=pk)
    if slug != article.slug:  # old or mistyped slug: one canonical URL
        return redirect(article, permanent=True)
    context = {"article": article, "is_preview": not article.is_published}
    return render(request, "news/article_detail.html", context)


# The smallest transparent GIF: the answer to the counter image of readers without JavaScript.
PIXEL_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
    b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@csrf_exempt  # sent by cached pages that carry no token; forging a read gains nothing
@never_cache  # a CDN or browser that cached this answer would stop counting
@require_http_methods(["GET", "HEAD", "POST"])
def article_read(request, pk):
    """Counts a read: POSTed by the article page's script, or GET as its <noscript> image."""
    article = get_object_or_404(Article.objects.only("id", "status", "published_at"), pk=pk)
    read_register(request=request, article=article)
    if request.method == "POST":
        response = HttpResponse(status=204)
    else:
        response = HttpResponse(PIXEL_GIF, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


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
    name = default_storage.save(inline_upload_to(None, content.name), content)
    return JsonResponse({"url": default_storage.url(name)})
