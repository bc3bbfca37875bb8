"""Pictures that other sites host: listed, imported through the upload checks, or refused."""

import http.server
import threading
import time

import pytest
from django.urls import reverse

from news import services
from portal.fetch import FetchRefused, fetch_image
from tests.factories import ArticleFactory
from tests.support import image_bytes

pytestmark = pytest.mark.django_db
PICTURE = image_bytes("JPEG", size=(120, 80))


class PictureHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        if self.path == "/anh.jpg":
            self._send(PICTURE, "image/jpeg")
        elif self.path == "/van-ban.jpg":
            self._send(b"<html>not a picture</html>", "image/jpeg")
        elif self.path == "/lon.jpg":
            self._send(b"x" * 5000, "image/jpeg")
        elif self.path == "/cham.jpg":
            time.sleep(1.5)
            self._send(PICTURE, "image/jpeg")
        elif self.path == "/chuyen-noi-bo":
            self.send_response(302)
            self.send_header("Location", "http://10.1.2.3/anh.jpg")
            self.end_headers()
        elif self.path == "/chuyen":
            self.send_response(302)
            self.send_header("Location", "/anh.jpg")
            self.end_headers()
        else:
            self.send_error(404)

    def _send(self, data, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def picture_site(settings):
    """Another site serving pictures, on this machine; 127.0.0.1 is allowed for the test only."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PictureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.REMOTE_IMAGES_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.REMOTE_IMAGES_TIMEOUT = 0.5
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_pictures_are_listed_once_and_ours_are_not(settings):
    body = (
        '<p><img src="https://baokiengiang.vn/a.jpg"><img src="/media/news/body/x.jpg">'
        '<img src="https://baokiengiang.vn/a.jpg"><img src="http://localhost/media/y.jpg"></p>'
    )
    assert services.remote_image_urls(body) == ["https://baokiengiang.vn/a.jpg"]


def test_change_form_warns_about_pictures_hosted_elsewhere(admin_client):
    article = ArticleFactory(body='<p><img src="https://baokiengiang.vn/anh.jpg"></p>')
    html = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    html = html.content.decode()
    assert "Bài viết này đang dùng 1 ảnh lưu ở trang khác" in html
    assert "https://baokiengiang.vn/anh.jpg" in html and "Lấy ảnh về" in html


def test_one_click_imports_through_the_upload_checks(admin_client, picture_site):
    good, bad = f"{picture_site}/anh.jpg", f"{picture_site}/van-ban.jpg"
    article = ArticleFactory(body=f'<p><img src="{good}"></p><p><img src="{bad}"></p>')
    url = reverse("admin:news_article_import_images", args=[article.pk])
    response = admin_client.post(url, follow=True)
    html = response.content.decode()
    assert "Đã lưu 1 ảnh từ trang khác" in html
    assert f"Không lấy được ảnh {bad}: Tệp không phải là ảnh hợp lệ" in html
    article.refresh_from_db()
    assert good not in article.body and bad in article.body
    assert '<img src="/media/news/body/' in article.body


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/lon.jpg", "ảnh lớn hơn giới hạn tải lên"),
        ("/cham.jpg", "trang kia trả lời quá chậm"),
        ("/chuyen-noi-bo", "địa chỉ thuộc mạng nội bộ"),
        ("/khong-co.jpg", "trang kia trả về lỗi 404"),
    ],
)
def test_refusals_say_why(picture_site, settings, path, reason):
    settings.IMAGE_MAX_UPLOAD_BYTES = 4000
    with pytest.raises(FetchRefused, match=reason):
        fetch_image(picture_site + path)


def test_a_redirect_on_the_same_site_is_followed(picture_site):
    assert fetch_image(f"{picture_site}/chuyen").read() == PICTURE


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:9/anh.jpg", "mạng nội bộ"),
        ("http://10.0.0.8/anh.jpg", "mạng nội bộ"),
        ("http://169.254.169.254/latest/meta-data", "mạng nội bộ"),
        ("http://[::1]/anh.jpg", "mạng nội bộ"),
        ("http://localhost/anh.jpg", "mạng nội bộ"),
        ("ftp://baokiengiang.vn/anh.jpg", "chỉ lấy được ảnh từ địa chỉ http và https"),
        ("file:///etc/passwd", "chỉ lấy được ảnh từ địa chỉ http và https"),
        ("http://ten-mien-khong-ton-tai.invalid/anh.jpg", "không tìm thấy tên miền"),
    ],
)
def test_private_and_non_web_addresses_are_refused(url, reason):
    with pytest.raises(FetchRefused, match=reason):
        fetch_image(url)
