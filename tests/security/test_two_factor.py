"""Two-factor sign-in (TOTP) for the "Quản trị viên" role, when ADMIN_TWO_FACTOR is on."""

import time
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_INDEX = "/admin/"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.ADMIN_TWO_FACTOR = True


@pytest.fixture
def administrator(db):
    roles_sync()
    user = UserFactory(username="quantri", is_staff=True)
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    return user


def code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return totp.token()


def enrol(client):
    """Enrol with the current code; returns the device and the code it used."""
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(confirmed=False)
    used = f"{code(device):06d}"
    response = client.post(reverse("two_factor_enrol"), {"code": used})
    assert response.status_code == 302
    return device, used


def test_an_administrator_is_sent_to_enrol_before_any_admin_page(client, administrator):
    client.force_login(administrator)

    response = client.get(ADMIN_INDEX)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('two_factor_verify')}?next={quote(ADMIN_INDEX, '')}"
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_enrol"))

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Thiết lập xác thực hai bước" in html and "Dùng ứng dụng quét mã QR này" in html
    assert "<svg" in html  # the QR code, drawn in the page
    device = TOTPDevice.objects.get(user=administrator)
    assert not device.confirmed
    assert page.context["secret"] in html
    assert 'name="csrfmiddlewaretoken"' in html  # the form posts with its token


def test_enrolment_confirms_with_a_code_and_opens_the_admin(client, administrator):
    client.force_login(administrator)
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=administrator)

    wrong = client.post(reverse("two_factor_enrol"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in wrong.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302

    # django-otp makes the next try wait after a wrong code: this test does not wait.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post(
        reverse("two_factor_enrol") + "?next=/admin/news/",
        {"code": f"{code(device):06d}", "next": "/admin/news/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/news/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(ADMIN_INDEX).status_code == 200


def test_next_sign_in_asks_for_the_current_code(client, administrator):
    client.force_login(administrator)
    device, used = enrol(client)
    client.logout()
    client.force_login(administrator)

    response = client.get(ADMIN_INDEX, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("two_factor_verify"))
    assert "Mở ứng dụng xác thực trên điện thoại" in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    # A device exists: the enrolment page (which would show a new key) is closed.
    assert client.get(reverse("two_factor_enrol"))["Location"] == reverse("two_factor_verify")

    # The code already used at enrolment is refused (no replay); the next one opens.
    assert (
        client.post(reverse("two_factor_verify"), {"code": f"{code(device):06d}"}).status_code
        == 200
    )
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post(reverse("two_factor_verify"), {"code": f"{code(device, 1):06d}"})
    assert response.status_code == 302 and response["Location"] == ADMIN_INDEX
    assert client.get(ADMIN_INDEX).status_code == 200


def test_after_a_wrong_code_even_the_right_one_must_wait(client, administrator):
    client.force_login(administrator)
    device, _used = enrol(client)
    client.logout()
    client.force_login(administrator)
    client.post(reverse("two_factor_verify"), {"code": "123456"})
    response = client.post(reverse("two_factor_verify"), {"code": f"{code(device, 1):06d}"})
    assert response.status_code == 200
    assert client.get(ADMIN_INDEX).status_code == 302


def test_a_foreign_next_address_is_not_followed(client, administrator):
    client.force_login(administrator)
    device, _used = enrol(client)
    client.logout()
    client.force_login(administrator)
    response = client.post(
        reverse("two_factor_verify") + "?next=https://lua-dao.example/",
        {"code": f"{code(device, 1):06d}", "next": "https://lua-dao.example/"},
    )
    assert response["Location"] == ADMIN_INDEX


def test_until_verified_an_administrator_is_a_reader_on_public_pages(client, administrator):
    draft = ArticleFactory(draft=True)
    client.force_login(administrator)
    assert client.get(draft.get_absolute_url()).status_code == 404
    upload = client.post(reverse("news:image_upload"))
    assert upload.status_code == 403


def test_superusers_need_it_too_editors_do_not(client):
    roles_sync()
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.get(ADMIN_INDEX).status_code == 302

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert client.get(ADMIN_INDEX).status_code == 200


def test_off_by_default_and_then_the_password_is_enough(client, administrator, settings):
    settings.ADMIN_TWO_FACTOR = False
    client.force_login(administrator)
    assert client.get(ADMIN_INDEX).status_code == 200


def test_an_administrator_resets_a_lost_phone_from_the_user_list(client, administrator):
    client.force_login(administrator)
    enrol(client)
    other = UserFactory(is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=other, name="điện thoại cũ", confirmed=True)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [other.pk]},
        follow=True,
    )

    assert "Đã đặt lại xác thực hai bước cho 1 tài khoản" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=other).exists()
    assert TOTPDevice.objects.filter(user=administrator).exists()
