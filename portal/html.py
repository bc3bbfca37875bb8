"""The server-side allowlist for rich text (article bodies, organisation introductions).

It mirrors the CKEditor 5 toolbar in settings.CKEDITOR_5_CONFIGS: whatever a client posts,
only these tags, attributes, classes and URL schemes reach the database.
"""

import nh3

from .renditions import responsive_images

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "picture",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "hr",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed"},
}

ALLOWED_CLASSES = {
    "figure": {
        "image", "table", "image-style-align-left", "image-style-align-center",
        "image-style-align-right", "image-style-side", "image_resized",
    },
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Dropped together with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
    "form", "textarea", "select", "button",
}  # fmt: skip


def _clean(html, **extra):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags=DROPPED_WITH_CONTENT,
        strip_comments=True,
        **extra,
    ).strip()


def sanitize_html(html):
    """Keep only the allowed formatting of ``html``; scripts, handlers and styles go."""
    if not html:
        return ""
    return _clean(html)


def html_for_readers(html):
    """A stored (already clean) body as pages show it: pictures load lazily, and our own
    uploads come in the sizes a phone needs (``srcset``).

    Done once when the body is saved, into a field of its own (Article.body_html), so the
    stored body stays what the editor saved and no page render repeats the work. Pictures in a
    body sit below the cover, out of the first screen on a phone.
    """
    if not html:
        return ""
    lazy = _clean(html, set_tag_attribute_values={"img": {"loading": "lazy", "decoding": "async"}})
    return responsive_images(lazy)
