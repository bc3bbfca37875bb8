import pytest

from portal.html import html_for_readers, sanitize_html


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>hi</p><script>alert(1)</script>", "script"),
        ("<p>hi<script src='https://evil.example/x.js'></script></p>", "evil"),
        ('<img src="/media/a.jpg" onerror="alert(1)">', "onerror"),
        ('<p onclick="steal()">x</p>', "onclick"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "alert"),
        ('<img src="data:image/png;base64,AAAA">', "data:"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<form action="https://evil.example"><input name="p"></form>', "form"),
        ('<form action="/x"><input name="password"></form>', "input"),
        ('<p style="background:url(javascript:alert(1))">x</p>', "style"),
        ("<style>body{display:none}</style><p>x</p>", "display"),
        ("<object data='x.swf'></object><embed src='x.swf'>", "swf"),
        ("<marquee>old</marquee><blink>x</blink>", "marquee"),
        ('<svg onload="alert(1)"><circle/></svg>', "svg"),
        ("<p>ok</p><!-- <script>alert(1)</script> -->", "<!--"),
        ('<div class="evil" id="x"><p>t</p></div>', "div"),
        ('<figure class="image evil-class"><img src="/a.jpg"></figure>', "evil-class"),
    ],
)
def test_sanitizer_removes_every_class_of_attack(dirty, forbidden):
    assert forbidden.lower() not in sanitize_html(dirty).lower()


def test_sanitizer_keeps_allowed_formatting():
    html = (
        "<h2>Tiêu đề</h2><h3>Mục nhỏ</h3>"
        "<p><strong>Đậm</strong> <em>nghiêng</em> "
        '<a href="https://baokiengiang.vn/bai-viet">liên kết</a></p>'
        "<ul><li>một</li></ul><ol><li>hai</li></ol>"
        "<blockquote><p>Trích dẫn</p></blockquote>"
        '<figure class="image"><img src="/media/news/body/2026/11/a.jpg" alt="Ảnh" '
        'width="800" height="600"><figcaption>Chú thích ảnh</figcaption></figure>'
        '<figure class="table"><table><thead><tr><th>A</th></tr></thead>'
        '<tbody><tr><td colspan="2">B</td></tr></tbody></table></figure>'
    )
    clean = sanitize_html(html)
    for kept in [
        "<h2>Tiêu đề</h2>",
        "<h3>Mục nhỏ</h3>",
        "<strong>Đậm</strong>",
        "<em>nghiêng</em>",
        'href="https://baokiengiang.vn/bai-viet"',
        "<ul><li>một</li></ul>",
        "<ol><li>hai</li></ol>",
        "<blockquote><p>Trích dẫn</p></blockquote>",
        '<figure class="image">',
        'src="/media/news/body/2026/11/a.jpg"',
        'alt="Ảnh"',
        'width="800"',
        "<figcaption>Chú thích ảnh</figcaption>",
        '<figure class="table">',
        '<td colspan="2">B</td>',
    ]:
        assert kept in clean


def test_sanitizer_gives_links_a_safe_rel():
    assert 'rel="noopener noreferrer"' in sanitize_html('<a href="https://x.vn">x</a>')


def test_sanitizer_keeps_text_of_removed_tags():
    assert sanitize_html("<div><span>Nội dung</span></div>") == "Nội dung"


def test_saving_adds_nothing_to_what_the_editor_wrote():
    html = '<figure class="image"><img src="/a.jpg" alt="Ảnh"></figure>'
    assert sanitize_html(html) == html


def test_pages_show_body_images_lazily():
    shown = html_for_readers('<figure class="image"><img src="/a.jpg" loading="eager"></figure>')
    assert 'loading="lazy"' in shown and 'loading="eager"' not in shown
