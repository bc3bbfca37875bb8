"""Old text and HTML made fit for the portal before it reaches the admin's sanitiser.

Old sites stored Vietnamese as HTML entities ("Tr&#7847;n", "&acirc;"), decorated text with
<font> and inline styles, and left empty paragraphs behind; WordPress stores paragraphs as
blank lines and pictures with captions as [caption] shortcodes. What comes out of here is
what an editor could have typed in the admin; portal.html.sanitize_html() has the last word.
"""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags

from portal.html import sanitize_html

# Characters a database refuses (PostgreSQL: NUL) or that only ever come from broken encodings.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\u00a0|<br>)*</p>")


def clean_text(value):
    """A plain-text field (title, lead, caption): entities decoded, tags and controls removed."""
    if value is None:
        return ""
    text = html.unescape(strip_tags(html.unescape(str(value))))
    text = _CONTROL.sub("", text).replace("\u00a0", " ")
    return unicodedata.normalize("NFC", " ".join(text.split()))


def clean_html(value):
    """A body: sanitised (entities decoded, <font>, styles and scripts gone), empty paragraphs
    dropped, Vietnamese in its composed Unicode form."""
    if not value:
        return ""
    body = _CONTROL.sub("", unicodedata.normalize("NFC", str(value)))
    body = sanitize_html(body)
    return _EMPTY_PARAGRAPH.sub("", body).strip()


# WordPress: blank lines are paragraphs (wpautop), shortcodes are [name attr="…"]…[/name].

_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|table|thead|tbody|tr|figure|pre|hr|address"
    r"|section|article|aside|!--)[\s>/]",
    re.I,
)


def wordpress_paragraphs(value):
    """A simple wpautop: text between blank lines becomes a paragraph, a single line break a
    <br>; chunks that already start with a block element are left as they are."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    out = []
    for chunk in chunks:
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


# A shortcode name is lower-case ASCII, as WordPress registers them. Bracketed words in
# Vietnamese prose ("[Ảnh minh họa]", "[Video]") are left alone.
_SHORTCODE = re.compile(
    r"\[(\[?)([a-z][a-z0-9_-]*)(?![\w-])([^\]]*?)(?:/\]|\](?:(.*?)\[/\2\])?)(\]?)", re.S
)
_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s"\']+))')
# Core WordPress shortcodes, recognised even without attributes.
_KNOWN = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
_CAPTIONED = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
_ALIGN = {
    "alignleft": "image-style-align-left",
    "aligncenter": "image-style-align-center",
    "alignright": "image-style-align-right",
}


def _attributes(text):
    return {
        match[0].lower(): html.unescape(match[1] or match[2] or match[3])
        for match in _ATTRIBUTE.findall(text)
    }


def _caption_figure(attributes, content):
    match = _CAPTIONED.match(content or "")
    if not match:
        return content or ""
    image, caption = match.group(1), match.group(2).strip() or escape(attributes.get("caption", ""))
    classes = " ".join(filter(None, ["image", _ALIGN.get(attributes.get("align", ""))]))
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure class="{classes}">{image}{figcaption}</figure>'


def wordpress_shortcodes(value):
    """``(html, removed)``: [caption] becomes a figure with its figcaption; every other
    shortcode is removed (the text it encloses stays) and its name listed in ``removed``."""
    removed = []

    def replace(match):
        escaped_open, name, attribute_text, content, escaped_close = match.groups()
        if escaped_open and escaped_close:  # [[name]] is WordPress's way to write [name]
            return match.group(0)[1:-1]
        if name not in _KNOWN and attribute_text.strip() and "=" not in attribute_text:
            return match.group(0)  # "[anh minh hoa]": words in brackets, not a shortcode
        if name in ("caption", "wp_caption"):
            inner, _ = wordpress_shortcodes(content or "")
            return (
                escaped_open + _caption_figure(_attributes(attribute_text), inner) + escaped_close
            )
        removed.append(name)
        inner, more = wordpress_shortcodes(content or "")
        removed.extend(more)
        return escaped_open + inner + escaped_close

    return _SHORTCODE.sub(replace, str(value or "")), removed
