"""Failed sign-ins are throttled per account and per address; administrators unlock."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"
LIMIT = 10


def sign_in(client, username, password=PASSWORD, ip="203.113.5.5"):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def signed_in(client):
    return SESSION_KEY in client.session


@pytest.fixture
def staff(db):
    return UserFactory(username="bientap", is_staff=True)


def test_the_limit_is_ten_failures_an_hour(settings):
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(hours=1)
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_after_ten_wrong_passwords_the_right_one_is_refused_in_vietnamese(client, staff):
    for _ in range(LIMIT - 1):
        assert sign_in(client, "bientap", "sai").status_code == 200
    locked = sign_in(client, "bientap", "sai")
    assert locked.status_code == 429

    response = sign_in(client, "bientap")

    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in page
    assert "60 phút" in page and "quản trị viên mở khoá" in page


def test_the_account_is_locked_whatever_address_tries_it(client, staff):
    for n in range(LIMIT):
        sign_in(client, "bientap", "sai", ip=f"198.51.100.{n + 1}")
    assert sign_in(client, "bientap", ip="203.113.77.77").status_code == 429
    assert not signed_in(client)


def test_the_address_is_locked_whatever_account_it_tries(client, staff):
    for n in range(LIMIT):
        sign_in(client, f"doan-ten-{n}", "sai", ip="192.0.2.66")
    assert sign_in(client, "bientap", ip="192.0.2.66").status_code == 429
    assert not signed_in(client)
    # The account itself is not locked: from elsewhere it signs in.
    assert sign_in(client, "bientap", ip="203.113.1.2").status_code == 302
    assert signed_in(client)


def test_the_lock_ends_by_itself_after_an_hour(client, staff):
    for _ in range(LIMIT):
        sign_in(client, "bientap", "sai")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=61))
    assert sign_in(client, "bientap").status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_an_account_from_the_user_list(client, staff, settings):
    for _ in range(LIMIT):
        sign_in(client, "bientap", "sai")
    administrator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(administrator)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [staff.pk]},
        follow=True,
    )

    assert "Đã mở khoá đăng nhập cho 1 tài khoản." in response.content.decode()
    client.logout()
    assert sign_in(client, "bientap").status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_an_address_by_deleting_its_attempts(client, staff):
    for n in range(LIMIT):
        sign_in(client, f"doan-ten-{n}", "sai", ip="192.0.2.66")
    administrator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(administrator)
    attempts = list(AccessAttempt.objects.filter(ip_address="192.0.2.66"))
    changelist = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "Chọn lần đăng nhập sai" in changelist and "Đang bị khoá" in changelist

    client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )

    client.logout()
    assert sign_in(client, "bientap", ip="192.0.2.66").status_code == 302


def test_a_command_unlocks_an_account(client, staff):
    for n in range(LIMIT):
        sign_in(client, "bientap", "sai", ip=f"198.51.100.{n + 1}")
    assert sign_in(client, "bientap", ip="203.113.9.1").status_code == 429
    call_command("axes_reset_username", "bientap")
    assert sign_in(client, "bientap", ip="203.113.9.1").status_code == 302


def test_a_command_unlocks_an_address(client, staff):
    for n in range(LIMIT):
        sign_in(client, f"doan-ten-{n}", "sai", ip="192.0.2.70")
    assert sign_in(client, "bientap", ip="192.0.2.70").status_code == 429
    call_command("axes_reset_ip", "192.0.2.70")
    assert sign_in(client, "bientap", ip="192.0.2.70").status_code == 302


@pytest.mark.parametrize("rows", [5, 50])
def test_the_attempts_and_users_lists_keep_a_fixed_query_count(
    admin_client, django_assert_max_num_queries, rows
):
    for n in range(rows):
        AccessAttempt.objects.create(
            username=f"doan-ten-{n}",
            ip_address=f"192.0.2.{n % 3}",
            user_agent="Mozilla/5.0",
            http_accept="*/*",
            path_info="/admin/login/",
            failures_since_start=n % 12,
            get_data="",
            post_data="",
        )
        UserFactory()
    for url in [
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:auth_user_changelist"),
    ]:
        with django_assert_max_num_queries(8):
            response = admin_client.get(url)
        assert response.status_code == 200
