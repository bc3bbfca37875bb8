"""Staff sessions end after a working day (9 hours) without a request."""

import datetime
import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from portal.sessions import REFRESHED_KEY

pytestmark = pytest.mark.django_db

WORKING_DAY = 9 * 60 * 60


def stored_session(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_sessions_last_nine_hours_not_fourteen_days(settings):
    assert settings.SESSION_COOKIE_AGE == WORKING_DAY


def test_an_active_session_is_extended_by_its_requests(admin_client):
    session = admin_client.session
    session[REFRESHED_KEY] = int(time.time()) - 6 * 60  # last saved 6 minutes ago
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(hours=1)
    )

    assert admin_client.get(reverse("admin:index")).status_code == 200

    left = stored_session(admin_client).expire_date - timezone.now()
    assert datetime.timedelta(hours=8, minutes=59) < left <= datetime.timedelta(hours=9)


def test_requests_within_five_minutes_do_not_write_the_session(admin_client):
    admin_client.get(reverse("admin:index"))
    before = stored_session(admin_client).expire_date
    admin_client.get(reverse("admin:index"))
    assert stored_session(admin_client).expire_date == before


def test_after_a_working_day_idle_the_admin_asks_for_the_password_again(admin_client):
    Session.objects.filter(session_key=admin_client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_readers_get_no_session(client):
    response = client.get(reverse("news:home"))
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
