"""The album's lightbox works by keyboard and by swipe, and the grid still works without it."""

import pytest
from playwright.sync_api import expect

from tests.factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def album(db):
    album = AlbumFactory(title="Hội trại tòng quân")
    for n in range(3):
        PhotoFactory(album=album, caption=f"Khoảnh khắc số {n + 1}", order=n)
    return album


def test_lightbox_opens_and_moves_by_keyboard(page, live_server, album):
    page.goto(live_server.url + album.get_absolute_url())
    page.locator(".photo-grid a").first.click()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(dialog.locator("figcaption")).to_have_text("Khoảnh khắc số 1")
    page.keyboard.press("ArrowRight")
    expect(dialog.locator("figcaption")).to_have_text("Khoảnh khắc số 2")
    expect(dialog.locator(".lightbox-counter")).to_have_text("2 / 3")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator("figcaption")).to_have_text("Khoảnh khắc số 3")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(".photo-grid a").first).to_be_focused()
    assert page.url.endswith(album.get_absolute_url())


def swipe(page, dx):
    page.evaluate(
        """(dx) => {
          const target = document.querySelector("dialog.lightbox");
          const touch = (x) => new Touch({identifier: 1, target, clientX: x, clientY: 300});
          target.dispatchEvent(new TouchEvent("touchstart", {touches: [touch(200)],
            changedTouches: [touch(200)], bubbles: true}));
          target.dispatchEvent(new TouchEvent("touchend", {touches: [],
            changedTouches: [touch(200 + dx)], bubbles: true}));
        }""",
        dx,
    )


def test_lightbox_moves_by_swipe_on_a_phone(phone_page, live_server, album):
    phone_page.goto(live_server.url + album.get_absolute_url())
    phone_page.locator(".photo-grid a").first.tap()
    caption = phone_page.locator("dialog.lightbox figcaption")
    expect(caption).to_have_text("Khoảnh khắc số 1")
    swipe(phone_page, -120)
    expect(caption).to_have_text("Khoảnh khắc số 2")
    swipe(phone_page, 120)
    expect(caption).to_have_text("Khoảnh khắc số 1")


def test_without_javascript_a_photo_link_opens_the_photo_page(nojs_page, live_server, album):
    nojs_page.goto(live_server.url + album.get_absolute_url())
    nojs_page.locator(".photo-grid a").first.click()
    expect(nojs_page.locator(".photo-page figcaption")).to_have_text("Khoảnh khắc số 1")
    nojs_page.locator("a[rel=next]").click()
    expect(nojs_page.locator(".photo-page figcaption")).to_have_text("Khoảnh khắc số 2")
