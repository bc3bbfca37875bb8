"""A YouTube video page makes no request to any YouTube host until the reader presses play."""

import pytest
from playwright.sync_api import expect

from tests.factories import VideoFactory

pytestmark = pytest.mark.django_db(transaction=True)
YOUTUBE_HOSTS = ("youtube.com", "ytimg.com", "youtube-nocookie.com", "googlevideo.com", "ggpht.com")


def is_youtube(url):
    host = url.split("/")[2] if "://" in url else ""
    return any(host == name or host.endswith("." + name) for name in YOUTUBE_HOSTS)


def test_no_request_to_youtube_until_play_is_clicked(page, live_server):
    video = VideoFactory(title="Tuổi trẻ Kiên Giang ra quân")
    requested = []

    def intercept(route):
        requested.append(route.request.url)
        if is_youtube(route.request.url):
            route.fulfill(status=200, content_type="text/html", body="<title>player</title>")
        else:
            route.continue_()

    page.route("**/*", intercept)
    page.goto(live_server.url + video.get_absolute_url())
    page.wait_for_load_state("networkidle")
    facade = page.locator(".video-facade")
    expect(facade).to_be_visible()
    page.mouse.wheel(0, 2000)  # lazy images and anything else the page may still load
    page.wait_for_timeout(300)
    assert requested, "the interception saw the page's own requests"
    assert not [url for url in requested if is_youtube(url)]

    facade.click()
    frame = page.locator("iframe.video-frame")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    page.wait_for_load_state("networkidle")
    youtube = [url for url in requested if is_youtube(url)]
    assert youtube and youtube[0].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
