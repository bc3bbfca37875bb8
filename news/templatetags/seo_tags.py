"""What search engines and link previews read: schema.org JSON-LD and the social image.

JSON-LD sits in <script type="application/ld+json">. That is a data block, not a script, so
a Content-Security-Policy without 'unsafe-inline' or a nonce does not stop it: the HTML
Standard's "prepare the script element" returns before its CSP check for any type that is
not JavaScript (or "module"/"importmap"), and the browser never executes it. Browsers behave
so (a page with an executable inline script and an ld+json block under such a policy reports
one violation, for the script: ubugeeei-prod/uf#1169); Chrome 86 of 2020 once reported ld+json
blocks too (brotkrueml/schema#113), and even there the data stayed in the page, which is all a
crawler reads. So these blocks need no nonce and no hash.

What an editor typed is data: json.dumps() quotes it, and <, > and & are written as \\u003c,
\\u003e and \\u0026, so a title holding "</script>" cannot close the block.
"""

import json

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.renditions import social_image_url

register = template.Library()

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(*objects):
    """``<script type="application/ld+json">`` blocks of ``objects``, safe in any HTML."""
    blocks = []
    for data in objects:
        text = json.dumps(
            {"@context": "https://schema.org", **data}, ensure_ascii=False, separators=(",", ":")
        ).translate(_ESCAPES)
        blocks.append(
            format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
        )
    return mark_safe("\n".join(blocks))


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def _publisher(request, identity):
    logo = identity.logo.url if identity.logo else static("img/logo.svg")
    return {
        "@type": "Organization",
        "name": identity.site_name,
        "url": request.build_absolute_uri(reverse("news:home")),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(logo)},
    }


def _breadcrumbs(request, trail):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def _category_trail(category):
    trail = [(category.parent.name, category.parent.get_absolute_url())] if category.parent else []
    return [*trail, (category.name, category.get_absolute_url())]


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` as an absolute address: a path gets this site's scheme and host, while an
    address that is absolute already (media in an S3 bucket or on a CDN) stays as it is."""
    return context["request"].build_absolute_uri(url) if url else ""


@register.simple_tag(takes_context=True)
def article_social_image(context, article):
    """Absolute URL of the article's 1200×630 picture, or ""."""
    if not article.cover_image:
        return ""
    url = social_image_url(article.cover_image)
    return context["request"].build_absolute_uri(url) if url else ""


@register.simple_tag(takes_context=True)
def article_structured_data(context, article, tags, canonical_url, image_url=""):
    request, identity = context["request"], context["site_identity"]
    publisher = _publisher(request, identity)
    news_article = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": _iso(article.published_at),
        "dateModified": _iso(article.updated_at),
        "author": ({"@type": "Person", "name": article.byline} if article.byline else publisher),
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in tags],
        "inLanguage": "vi",
    }
    if image_url:
        news_article["image"] = {
            "@type": "ImageObject",
            "url": image_url,
            "width": 1200,
            "height": 630,
        }
    home = [(identity.site_name, reverse("news:home"))]
    trail = [*home, *_category_trail(article.category), (article.title, canonical_url)]
    return json_ld(news_article, _breadcrumbs(request, trail))


@register.simple_tag(takes_context=True)
def category_structured_data(context, category):
    request, identity = context["request"], context["site_identity"]
    trail = [(identity.site_name, reverse("news:home")), *_category_trail(category)]
    return json_ld(_breadcrumbs(request, trail))


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    request, identity = context["request"], context["site_identity"]
    search = request.build_absolute_uri(reverse("news:search"))
    return json_ld(
        {
            "@type": "WebSite",
            "name": identity.site_name,
            "url": request.build_absolute_uri(reverse("news:home")),
            "inLanguage": "vi",
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )
