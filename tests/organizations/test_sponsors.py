import datetime
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from organizations.models import LOGO_BOX, Sponsor, SponsorClick
from tests.factories import SponsorFactory
from tests.support import image_bytes, markup

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def render_block(placement="sidebar"):
    template = Template('{% load organizations_tags %}{% sponsors_block "' + placement + '" %}')
    return markup(template.render(Context({})))


def click(client, sponsor, **extra):
    return client.get(reverse("organizations:sponsor_click", args=[sponsor.pk]), **extra)


# --- the sponsorship window --------------------------------------------------------------


def test_only_sponsors_inside_their_window_are_current():
    running = SponsorFactory(name="Đang tài trợ", starts_on=days(-10), ends_on=days(10))
    open_ended = SponsorFactory(name="Không thời hạn")
    last_day = SponsorFactory(name="Hôm nay là ngày cuối", ends_on=days(0))
    first_day = SponsorFactory(name="Bắt đầu hôm nay", starts_on=days(0))
    SponsorFactory(name="Đã hết hạn", starts_on=days(-30), ends_on=days(-1))
    SponsorFactory(name="Chưa bắt đầu", starts_on=days(1), ends_on=days(30))
    SponsorFactory(name="Tạm ẩn", is_active=False)
    assert set(Sponsor.objects.current()) == {running, open_ended, last_day, first_day}


def test_block_hides_expired_and_not_yet_started_sponsors():
    SponsorFactory(name="Ngân hàng Đang Tài Trợ", starts_on=days(-10), ends_on=days(10))
    SponsorFactory(name="Công ty Đã Hết Hạn", starts_on=days(-30), ends_on=days(-1))
    SponsorFactory(name="Công ty Chưa Bắt Đầu", starts_on=days(1))
    html = render_block()
    assert "Ngân hàng Đang Tài Trợ" in html
    assert "Công ty Đã Hết Hạn" not in html
    assert "Công ty Chưa Bắt Đầu" not in html


def test_each_placement_shows_its_own_sponsors():
    SponsorFactory(name="Nhà tài trợ cột bên", placement=Sponsor.Placement.SIDEBAR)
    SponsorFactory(name="Nhà tài trợ chân trang", placement=Sponsor.Placement.FOOTER)
    sidebar, footer = render_block("sidebar"), render_block("footer")
    assert "Nhà tài trợ cột bên" in sidebar and "Nhà tài trợ chân trang" not in sidebar
    assert "Nhà tài trợ chân trang" in footer and "Nhà tài trợ cột bên" not in footer


def test_block_is_absent_without_sponsors():
    assert render_block().strip() == ""


def test_end_before_start_is_refused_in_the_admin(site_admin_client):
    response = site_admin_client.post(
        reverse("admin:organizations_sponsor_add"),
        {
            "name": "Sai ngày",
            "logo": SimpleUploadedFile("logo.png", image_bytes("PNG"), "image/png"),
            "placement": "sidebar",
            "order": 0,
            "starts_on": "10/05/2026",
            "ends_on": "01/05/2026",
            "is_active": "on",
            "clicks-TOTAL_FORMS": 0,
            "clicks-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    assert not Sponsor.objects.exists()


def test_the_database_refuses_a_sponsor_ending_before_it_starts():
    # Rows that never pass through a form (imports, the shell) meet the same rule.
    sponsor = SponsorFactory(starts_on=datetime.date(2026, 5, 10), ends_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sponsor.objects.filter(pk=sponsor.pk).update(ends_on=datetime.date(2026, 5, 1))
    Sponsor.objects.filter(pk=sponsor.pk).update(ends_on=datetime.date(2026, 5, 10))  # same day
    assert Sponsor.objects.get().ends_on == datetime.date(2026, 5, 10)


# --- clicks --------------------------------------------------------------------------------


def test_click_is_counted_and_redirects_to_the_stored_website(client):
    sponsor = SponsorFactory(website="https://vietcombank.example.vn/khuyen-mai")
    response = click(client, sponsor)
    assert response.status_code == 302
    assert response["Location"] == "https://vietcombank.example.vn/khuyen-mai"
    assert "no-cache" in response["Cache-Control"]
    click(client, sponsor)
    month = timezone.localdate().replace(day=1)
    assert SponsorClick.objects.get(sponsor=sponsor, month=month).count == 2


def test_click_ignores_any_target_in_the_request(client):
    sponsor = SponsorFactory(website="https://tai-tro.example.vn/")
    url = reverse("organizations:sponsor_click", args=[sponsor.pk])
    for query in ["?next=https://evil.example", "?url=https://evil.example&to=//evil.example"]:
        response = client.get(url + query, HTTP_REFERER="https://evil.example")
        assert response["Location"] == "https://tai-tro.example.vn/"


def test_clicks_are_kept_per_month():
    sponsor = SponsorFactory()
    sponsor.count_click(today=datetime.date(2026, 1, 31))
    sponsor.count_click(today=datetime.date(2026, 2, 1))
    sponsor.count_click(today=datetime.date(2026, 2, 28))
    counts = dict(sponsor.clicks.values_list("month", "count"))
    assert counts == {datetime.date(2026, 1, 1): 1, datetime.date(2026, 2, 1): 2}


def test_count_click_never_overwrites_clicks_counted_meanwhile():
    sponsor = SponsorFactory()
    sponsor.count_click()
    # Another process counted 40 clicks meanwhile; this one must add to them, not reset.
    SponsorClick.objects.filter(sponsor=sponsor).update(count=41)
    sponsor.count_click()
    assert SponsorClick.objects.get(sponsor=sponsor).count == 42


def test_head_request_is_not_a_click(client):
    sponsor = SponsorFactory()
    response = client.head(reverse("organizations:sponsor_click", args=[sponsor.pk]))
    assert response.status_code == 302
    assert not SponsorClick.objects.exists()


def test_post_is_not_allowed(client):
    sponsor = SponsorFactory()
    response = client.post(reverse("organizations:sponsor_click", args=[sponsor.pk]))
    assert response.status_code == 405
    assert not SponsorClick.objects.exists()


@pytest.mark.parametrize(
    "attrs",
    [
        {"is_active": False},
        {"ends_on": datetime.date(2020, 1, 1)},
        {"starts_on": datetime.date(2099, 1, 1)},
        {"website": ""},
    ],
    ids=["inactive", "expired", "not-started", "no-website"],
)
def test_click_on_a_sponsor_not_shown_is_404_and_not_counted(client, attrs):
    sponsor = SponsorFactory(**attrs)
    assert click(client, sponsor).status_code == 404
    assert not SponsorClick.objects.exists()


def test_click_on_an_unknown_sponsor_is_404(client):
    assert client.get("/tai-tro/999999/").status_code == 404


def test_admin_shows_clicks_per_sponsor_per_month(site_admin_client):
    sponsor = SponsorFactory(name="Viettel Kiên Giang")
    for _ in range(3):
        sponsor.count_click()
    sponsor.count_click(today=datetime.date(2025, 12, 15))
    response = site_admin_client.get(reverse("admin:organizations_sponsor_changelist"))
    rows = response.context["cl"].result_list
    assert [(s.clicks_month_sum, s.clicks_total_sum) for s in rows] == [(3, 4)]
    change = site_admin_client.get(reverse("admin:organizations_sponsor_change", args=[sponsor.pk]))
    content = change.content.decode()
    assert timezone.localdate().strftime("%m/%Y") in content
    assert "12/2025" in content
    clicks = site_admin_client.get(reverse("admin:organizations_sponsorclick_changelist"))
    assert [(c.sponsor.name, c.count) for c in clicks.context["cl"].result_list] == [
        ("Viettel Kiên Giang", 3),
        ("Viettel Kiên Giang", 1),
    ]


# --- logos ---------------------------------------------------------------------------------


def stored(name, settings):
    return (settings.MEDIA_ROOT / name).read_bytes()


def test_saving_a_sponsor_makes_1x_and_2x_renditions_of_its_logo(settings):
    sponsor = SponsorFactory(logo=ContentFile(image_bytes("JPEG", size=(640, 480)), "a.jpg"))
    assert sponsor.logo_rendered_from == sponsor.logo.name
    assert (sponsor.logo_1x_width, sponsor.logo_1x_height) == (107, 80)
    with Image.open(io.BytesIO(stored(sponsor.logo_2x.name, settings))) as large:
        assert large.size == (213, 160)
        assert large.format == "JPEG"
    fresh = Sponsor.objects.get(pk=sponsor.pk)
    assert (fresh.logo_1x.name, fresh.logo_2x.name) == (sponsor.logo_1x.name, sponsor.logo_2x.name)


def test_transparent_logo_keeps_its_transparency(settings):
    sponsor = SponsorFactory(logo=ContentFile(image_bytes("PNG", size=(300, 100)), "a.png"))
    with Image.open(io.BytesIO(stored(sponsor.logo_1x.name, settings))) as small:
        assert small.format == "PNG"
        assert small.mode == "RGBA"
        assert small.size == (160, 53)


def test_new_logo_replaces_the_old_renditions(settings):
    sponsor = SponsorFactory()
    old = [sponsor.logo_1x.name, sponsor.logo_2x.name]
    sponsor.logo = ContentFile(image_bytes("PNG", size=(200, 200)), "moi.png")
    sponsor.save()
    assert sponsor.logo_1x.name not in old
    assert (sponsor.logo_1x_width, sponsor.logo_1x_height) == (80, 80)
    assert not any((settings.MEDIA_ROOT / name).exists() for name in old)


def test_saving_other_fields_keeps_the_renditions():
    sponsor = SponsorFactory()
    names = (sponsor.logo_1x.name, sponsor.logo_2x.name)
    sponsor.name = "Tên mới"
    sponsor.save()
    assert (sponsor.logo_1x.name, sponsor.logo_2x.name) == names


def test_block_shows_the_logo_at_a_fixed_size_with_a_2x_rendition():
    sponsor = SponsorFactory(logo=ContentFile(image_bytes("JPEG", size=(640, 480)), "a.jpg"))
    html = render_block()
    assert f'src="{sponsor.logo_1x.url}"' in html
    assert f'srcset="{sponsor.logo_1x.url} 1x, {sponsor.logo_2x.url} 2x"' in html
    assert 'width="107" height="80"' in html
    assert f'href="/tai-tro/{sponsor.pk}/"' in html
    assert 'rel="sponsored noopener"' in html
    assert LOGO_BOX == (160, 80)


def test_logo_stored_without_save_is_shown_in_its_box_and_nothing_is_written(settings):
    sponsor = SponsorFactory()
    Sponsor.objects.filter(pk=sponsor.pk).update(logo_1x="", logo_2x="", logo_rendered_from="")
    before = sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*"))
    html = render_block()
    assert f'src="{sponsor.logo.url}"' in html
    assert 'width="107" height="80"' in html  # the 64×48 upload, fitted to the 160×80 box
    sponsor.refresh_from_db()
    assert not sponsor.logo_1x  # a reader's GET made no rendition: saving the sponsor does
    assert sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*")) == before
    sponsor.save()
    assert sponsor.logo_1x and f'src="{sponsor.logo_1x.url}"' in render_block()


def test_sponsor_whose_logo_file_is_missing_is_not_a_500(client):
    sponsor = SponsorFactory(name="Mất tệp logo", placement="sidebar")
    Sponsor.objects.filter(pk=sponsor.pk).update(
        logo="sponsors/khong-con.jpg", logo_1x="", logo_2x="", logo_rendered_from=""
    )
    assert client.get("/").status_code == 200


def admin_form(logo, **fields):
    return {
        "name": "Công ty Điện lực Kiên Giang",
        "logo": logo,
        "website": "https://pc.example.vn",
        "placement": "sidebar",
        "order": 0,
        "is_active": "on",
        "clicks-TOTAL_FORMS": 0,
        "clicks-INITIAL_FORMS": 0,
        **fields,
    }


def test_admin_upload_is_reencoded_without_metadata(site_admin_client, settings):
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    original = image_bytes("JPEG", size=(400, 200), exif=exif.tobytes())
    response = site_admin_client.post(
        reverse("admin:organizations_sponsor_add"),
        admin_form(SimpleUploadedFile("logo.jpg", original, "image/jpeg")),
    )
    assert response.status_code == 302
    sponsor = Sponsor.objects.get()
    data = stored(sponsor.logo.name, settings)
    assert data != original
    assert b"SecretCameraMaker" not in data
    assert (sponsor.logo_1x_width, sponsor.logo_1x_height) == (160, 80)


NOT_AN_IMAGE = "Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, GIF và WebP."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"<?php echo 'not an image'; ?>", NOT_AN_IMAGE),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            NOT_AN_IMAGE,
        ),
        ("logo.jpg", b"", "Tệp trống, không có nội dung."),
    ],
    ids=["php", "svg", "empty"],
)
def test_admin_refuses_a_logo_that_is_not_an_image(
    site_admin_client, settings, name, content, message
):
    response = site_admin_client.post(
        reverse("admin:organizations_sponsor_add"),
        admin_form(SimpleUploadedFile(name, content, "image/png")),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["logo"]
    assert errors == [message]
    assert not Sponsor.objects.exists()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))
