"""The addresses of a WordPress site that came over by import_wordpress keep working.

`/?p=<id>`, `/<yyyy>/<mm>/<dd>/<slug>/`, `/<yyyy>/<mm>/<slug>/` and `/<slug>/` answer 301 with
the imported article. The last three are tried only when no page of ours answered (a 404), so
they never shadow one of our addresses, today's or a later one's. (`/news.php?id=` of the old
PHP site is news.views.legacy_article_redirect.)
"""

import re

from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone

from .models import Article

_DATED = re.compile(r"^/(?P<year>\d{4})/(?P<month>\d{2})/(?:(?P<day>\d{2})/)?(?P<slug>[^/]+)/?$")
_PLAIN = re.compile(r"^/(?P<slug>[^/]+)/?$")
_MAX_SLUG = 200


def _published():
    return Article.objects.published().only("id", "slug", "published_at")


def wordpress_post(post_id):
    """The published article imported from WordPress post ``post_id`` (text), or None."""
    if not (post_id.isascii() and post_id.isdigit()) or len(post_id) > 18:
        return None
    return _published().filter(wordpress_id=int(post_id)).first()


def wordpress_permalink(path):
    """The published article a WordPress permalink ``path`` named, or None."""
    match = _DATED.match(path) or _PLAIN.match(path)
    if not match or len(match["slug"]) > _MAX_SLUG:
        return None
    candidates = list(_published().filter(wordpress_slug=match["slug"].lower())[:10])
    if len(candidates) > 1 and "year" in match.groupdict():
        # WordPress keeps a slug unique per post, but two sites merged may share one: the
        # date in the address decides.
        wanted = [match["year"], match["month"], match["day"]]
        for article in candidates:
            local = timezone.localtime(article.published_at)
            have = [f"{local:%Y}", f"{local:%m}", f"{local:%d}"]
            if all(w is None or w == h for w, h in zip(wanted, have, strict=True)):
                return article
    return candidates[0] if candidates else None


class WordPressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and "p" in request.GET and request.method in ("GET", "HEAD"):
            article = wordpress_post(request.GET["p"])
            if article is None:
                raise Http404  # an old link to a post that is not here: not the home page
            return HttpResponsePermanentRedirect(article.get_absolute_url())
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            article = wordpress_permalink(request.path)
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        return response
