"""Photo albums: the list, an album's grid, one page a photo, the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from galleries.models import Album, Photo
from organizations.roles import EDITORS, roles_sync
from tests.factories import AlbumFactory, ArticleFactory, PhotoFactory, UserFactory
from tests.support import image_bytes, markup, page_queries

pytestmark = pytest.mark.django_db
LIST = reverse("galleries:album_list")


def test_list_shows_published_albums_with_cover_and_organisation(client):
    album = AlbumFactory(title="Tiếp sức mùa thi 2026")
    hidden = AlbumFactory(unpublished=True)
    response = client.get(LIST)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tiếp sức mùa thi 2026" in content and album.organization.name in content
    assert album.cover.url in content
    assert hidden.title not in content


def test_album_list_queries_stay_flat(client, django_assert_max_num_queries):
    for _n in range(5):
        AlbumFactory()
    client.get(LIST)
    with django_assert_max_num_queries(4):
        assert client.get(LIST).status_code == 200
    for _n in range(45):
        AlbumFactory()
    client.get(LIST)  # saving organisations emptied the cached site blocks
    with django_assert_max_num_queries(4):
        assert len(client.get(LIST, {"page": 2}).context["page"]) == 12


def test_album_page_shows_a_grid_of_captioned_photos_linking_to_their_pages(client):
    album = AlbumFactory()
    photos = [PhotoFactory(album=album, caption=f"Ảnh số {n}") for n in range(3)]
    response = client.get(album.get_absolute_url())
    content = markup(response)
    assert response.status_code == 200
    assert 'class="photo-grid" data-lightbox' in content
    for photo in photos:
        assert photo.get_absolute_url() in content
        assert f'data-full="{photo.image.url}"' in content
    assert "js/lightbox.js" in content


def test_album_page_queries_stay_flat(client):
    album = AlbumFactory()
    for _n in range(5):
        PhotoFactory(album=album)
    few = page_queries(client, album.get_absolute_url())
    for _n in range(45):
        PhotoFactory(album=album)
    assert few == page_queries(client, album.get_absolute_url()) <= 4


def test_album_links_to_its_published_article(client):
    article = ArticleFactory(title="Ra quân Chiến dịch Thanh niên tình nguyện hè")
    album = AlbumFactory(article=article)
    assert article.get_absolute_url() in client.get(album.get_absolute_url()).content.decode()
    draft = AlbumFactory(article=ArticleFactory(draft=True, title="Bản nháp bí mật"))
    assert "Bản nháp bí mật" not in client.get(draft.get_absolute_url()).content.decode()


def test_each_photo_has_a_page_with_previous_and_next_without_javascript(client):
    album = AlbumFactory()
    first, second, third = (PhotoFactory(album=album) for _n in range(3))
    content = markup(client.get(second.get_absolute_url()))
    assert second.caption in content and second.image.url in content
    assert f'href="{first.get_absolute_url()}" rel="prev"' in content
    assert f'href="{third.get_absolute_url()}" rel="next"' in content
    assert "Ảnh 2 / 3" in content
    first_page = client.get(first.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in first_page


def test_a_photo_of_another_album_is_a_404(client):
    album = AlbumFactory()
    stranger = PhotoFactory()
    url = reverse(
        "galleries:photo_detail",
        kwargs={"slug": album.slug, "album_pk": album.pk, "pk": stranger.pk},
    )
    assert client.get(url).status_code == 404


def test_old_album_slug_redirects_for_good(client):
    album = AlbumFactory()
    photo = PhotoFactory(album=album)
    old = reverse("galleries:album_detail", kwargs={"slug": "cu", "pk": album.pk})
    assert client.get(old)["Location"] == album.get_absolute_url()
    old_photo = reverse(
        "galleries:photo_detail", kwargs={"slug": "cu", "album_pk": album.pk, "pk": photo.pk}
    )
    response = client.get(old_photo)
    assert response.status_code == 301 and response["Location"] == photo.get_absolute_url()


def test_unpublished_albums_are_hidden_from_readers(client):
    album = AlbumFactory(unpublished=True)
    photo = PhotoFactory(album=album)
    assert client.get(album.get_absolute_url()).status_code == 404
    assert client.get(photo.get_absolute_url()).status_code == 404


def test_albums_are_in_the_sitemap(client):
    album = AlbumFactory()
    assert album.get_absolute_url() in client.get("/sitemap-albums.xml").content.decode()


def test_an_editor_adds_an_album_with_photos_through_the_one_image_pipeline(client, settings):
    roles_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    organization = AlbumFactory().organization
    data = {
        "title": "Hội trại Thanh niên",
        "description": "",
        "cover": SimpleUploadedFile("bia.jpg", image_bytes("JPEG"), "image/jpeg"),
        "organization": organization.pk,
        "is_published": "on",
        "published_at_0": "01/05/2026",
        "published_at_1": "08:00:00",
        "photos-TOTAL_FORMS": "2",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-image": SimpleUploadedFile("a.png", image_bytes("PNG"), "image/png"),
        "photos-0-caption": "Lễ khai mạc",
        "photos-0-order": "0",
        "photos-1-image": SimpleUploadedFile("virus.jpg", b"MZ not an image", "image/jpeg"),
        "photos-1-order": "1",
    }
    response = client.post(reverse("admin:galleries_album_add"), data)
    assert "không phải là ảnh hợp lệ" in response.content.decode() or "ảnh" in (
        response.content.decode()
    )
    assert not Album.objects.filter(title="Hội trại Thanh niên").exists()
    data["photos-TOTAL_FORMS"] = "1"
    data["cover"] = SimpleUploadedFile("bia.jpg", image_bytes("JPEG"), "image/jpeg")
    data["photos-0-image"] = SimpleUploadedFile("a.png", image_bytes("PNG"), "image/png")
    response = client.post(reverse("admin:galleries_album_add"), data)
    assert response.status_code == 302
    album = Album.objects.get(title="Hội trại Thanh niên")
    photo = Photo.objects.get(album=album)
    # Re-encoded under a random name by portal/images.py, never stored as uploaded.
    assert photo.image.name.startswith("albums/") and photo.image.name.endswith(".png")
    assert not photo.image.name.endswith("/a.png")
    assert album.created_by == user
