"""Videos: YouTube behind a facade with a thumbnail stored on save, or an uploaded MP4."""

import http.server
import socket
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import VideoFactory
from tests.samples import EXECUTABLE, MP4
from tests.support import image_bytes, page_queries
from videos.models import Video, youtube_id_from_url
from videos.services import video_thumbnail_fetch

pytestmark = pytest.mark.django_db
LIST = reverse("videos:video_list")
YOUTUBE_HOSTS = ("youtube.com", "ytimg.com", "youtube-nocookie.com", "googlevideo.com")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=short", ""),
        ("https://evil.example.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://www.youtube.com/channel/UC123", ""),
        ("javascript:alert(1)", ""),
    ],
)
def test_youtube_ids_are_read_from_the_usual_addresses(url, expected):
    assert youtube_id_from_url(url) == expected


def test_list_shows_published_videos_with_their_thumbnails(client):
    video = VideoFactory(title="Phóng sự Hội trại")
    hidden = VideoFactory(is_published=False)
    content = client.get(LIST).content.decode()
    assert video.title in content and video.thumbnail.url in content
    assert hidden.title not in content


def test_video_list_queries_stay_flat(client):
    for _n in range(5):
        VideoFactory()
    few = page_queries(client, LIST)
    for _n in range(45):
        VideoFactory()
    assert few == page_queries(client, LIST, {"page": 2}) <= 3


def test_youtube_video_page_is_a_facade_that_asks_youtube_for_nothing(client):
    video = VideoFactory(title="Ra quân Chiến dịch", description="Mô tả video.")
    content = client.get(video.get_absolute_url()).content.decode()
    assert "Ra quân Chiến dịch" in content and "Mô tả video." in content
    assert 'class="video-facade"' in content and "Phát video" in content
    assert "<iframe" not in content
    assert video.thumbnail.url in content  # our own copy of the thumbnail
    for attribute in ("src=", "srcset=", "poster="):
        for host in YOUTUBE_HOSTS:
            assert f'{attribute}"https://www.{host}' not in content
            assert f'{attribute}"https://i.{host}' not in content
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in content
    assert "js/video.js" in content


def test_mp4_video_page_plays_with_the_video_element(client):
    video = VideoFactory(mp4=True)
    content = client.get(video.get_absolute_url()).content.decode()
    assert "<video" in content and f'src="{video.file.url}"' in content
    assert 'type="video/mp4"' in content and 'preload="none"' in content
    assert "video.js" not in content


def test_unpublished_video_is_a_404_and_old_slug_redirects(client):
    assert client.get(VideoFactory(is_published=False).get_absolute_url()).status_code == 404
    video = VideoFactory()
    url = reverse("videos:video_detail", kwargs={"slug": "cu", "pk": video.pk})
    assert client.get(url)["Location"] == video.get_absolute_url()


def test_videos_are_in_the_sitemap(client):
    video = VideoFactory()
    assert video.get_absolute_url() in client.get("/sitemap-videos.xml").content.decode()


class ThumbnailServer(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):  # noqa: N802
        ThumbnailServer.requests.append(self.path)
        body = image_bytes("JPEG", size=(480, 360))
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def thumbnail_server(settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), ThumbnailServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    ThumbnailServer.requests = []
    settings.VIDEOS_THUMBNAIL_URL = f"http://127.0.0.1:{server.server_port}/vi/{{id}}/hq.jpg"
    yield ThumbnailServer.requests
    server.shutdown()
    server.server_close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def admin_data(**overrides):
    data = {
        "title": "Tuổi trẻ Kiên Giang",
        "slug": "",
        "description": "",
        "youtube_url": "https://youtu.be/dQw4w9WgXcQ",
        "is_published": "on",
        "published_at_0": "01/06/2026",
        "published_at_1": "08:00:00",
    }
    data.update(overrides)
    return data


def test_saving_a_youtube_video_fetches_and_stores_its_thumbnail(admin_client, thumbnail_server):
    response = admin_client.post(reverse("admin:videos_video_add"), admin_data())
    assert response.status_code == 302
    video = Video.objects.get()
    assert thumbnail_server == ["/vi/dQw4w9WgXcQ/hq.jpg"]
    assert video.thumbnail.name.startswith("videos/") and video.thumbnail_width == 480
    # Saved again with the same video: not fetched again.
    assert video_thumbnail_fetch(video=video) is False
    assert len(thumbnail_server) == 1


def test_an_editors_own_thumbnail_is_never_fetched_over(admin_client, thumbnail_server):
    upload = SimpleUploadedFile("anh.png", image_bytes("PNG"), "image/png")
    admin_client.post(reverse("admin:videos_video_add"), admin_data(thumbnail=upload))
    video = Video.objects.get()
    assert thumbnail_server == [] and video.thumbnail.name.endswith(".png")


def test_a_thumbnail_that_cannot_be_fetched_leaves_a_warning_not_an_error(admin_client, settings):
    settings.VIDEOS_THUMBNAIL_URL = f"http://127.0.0.1:{free_port()}/{{id}}.jpg"
    settings.VIDEOS_FETCH_TIMEOUT = 2
    response = admin_client.post(reverse("admin:videos_video_add"), admin_data(), follow=True)
    assert "Không lấy được ảnh đại diện" in response.content.decode()
    video = Video.objects.get()
    assert not video.thumbnail
    assert "Phát video" in admin_client.get(video.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"youtube_url": "https://vimeo.com/123"}, "không phải là địa chỉ của một video YouTube"),
        ({"youtube_url": ""}, "một trong hai"),
        (
            {"youtube_url": "", "file": SimpleUploadedFile("phim.mp4", EXECUTABLE)},
            "Chỉ nhận video MP4",
        ),
    ],
)
def test_bad_videos_are_refused_in_vietnamese(admin_client, overrides, message):
    response = admin_client.post(reverse("admin:videos_video_add"), admin_data(**overrides))
    assert message in response.content.decode()
    assert not Video.objects.exists()


@pytest.mark.parametrize(
    "values", [{"youtube_url": ""}, {"file": "videos/2026/11/phim.mp4"}], ids=["none", "both"]
)
def test_the_database_refuses_a_video_without_exactly_one_source(values):
    video = VideoFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Video.objects.filter(pk=video.pk).update(**values)
    assert Video.objects.get().youtube_url


def test_an_mp4_is_accepted_by_content_and_stored_under_a_server_name(admin_client, settings):
    data = admin_data(youtube_url="", file=SimpleUploadedFile("Phóng sự.mov", MP4))
    assert admin_client.post(reverse("admin:videos_video_add"), data).status_code == 302
    video = Video.objects.get()
    assert video.file.name.startswith("videos/") and video.file.name.endswith(".mp4")
    assert "Phóng" not in video.file.name


def test_an_oversized_mp4_is_refused(admin_client, settings):
    settings.VIDEO_MAX_UPLOAD_BYTES = 10
    data = admin_data(youtube_url="", file=SimpleUploadedFile("a.mp4", MP4))
    assert "quá lớn" in admin_client.post(reverse("admin:videos_video_add"), data).content.decode()
    assert not Video.objects.exists()
