"""The events calendar: list, week view, an event's page, the sidebar box, the .ics feed."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db
LIST = reverse("events:event_list")


def local(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


def test_list_shows_upcoming_and_current_events_soonest_first(client):
    now = timezone.now()
    later = EventFactory(title="Đại hội Hội LHTN", start_at=now + datetime.timedelta(days=5))
    soon = EventFactory(title="Ngày hội hiến máu", start_at=now + datetime.timedelta(days=1))
    running = EventFactory(
        title="Trại hè đang diễn ra",
        start_at=now - datetime.timedelta(days=1),
        end_at=now + datetime.timedelta(days=1),
    )
    EventFactory(
        title="Đã kết thúc",
        start_at=now - datetime.timedelta(days=3),
        end_at=now - datetime.timedelta(days=2),
    )
    EventFactory(title="Chưa công bố", is_published=False)
    response = client.get(LIST)
    assert [e.title for e in response.context["page"]] == [running.title, soon.title, later.title]


def test_event_list_queries_stay_flat(client, django_assert_max_num_queries):
    organization = OrganizationFactory()
    for _n in range(5):
        EventFactory(organization=organization)
    client.get(LIST)
    with django_assert_max_num_queries(4):
        assert client.get(LIST).status_code == 200
    for _n in range(45):
        EventFactory(organization=organization)
    client.get(LIST)
    with django_assert_max_num_queries(4):
        assert len(client.get(LIST, {"page": 2}).context["page"]) == 20


def test_event_page_shows_start_end_place_organisation_and_description(client):
    event = EventFactory(
        start_at=local(2026, 12, 4, 8, 0),
        end_at=local(2026, 12, 4, 11, 30),
        place="Nhà Văn hóa Thanh niên",
    )
    content = client.get(event.get_absolute_url()).content.decode()
    for text in [
        event.title,
        "Thứ Sáu, 04/12/2026 - 08:00",
        "04/12/2026 - 11:30",
        "Nhà Văn hóa Thanh niên",
        event.organization.name,
        "sơ kết công tác Đoàn",
    ]:
        assert text in content


def test_unpublished_event_is_hidden_from_readers_not_from_editors(client):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(event.get_absolute_url()).status_code == 200


def test_an_event_cannot_end_before_it_starts():
    event = EventFactory.build(
        start_at=local(2026, 5, 2, 9), end_at=local(2026, 5, 2, 8), organization=None
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "kết thúc trước khi bắt đầu" in str(error.value)
    with pytest.raises(IntegrityError):
        EventFactory(start_at=local(2026, 5, 2, 9), end_at=local(2026, 5, 2, 8))


def test_week_view_shows_each_day_with_its_events_and_links_to_other_weeks(client):
    meeting = EventFactory(
        title="Giao ban", start_at=local(2026, 11, 24, 8), end_at=local(2026, 11, 24, 10)
    )
    camp = EventFactory(
        title="Hội trại", start_at=local(2026, 11, 28, 7), end_at=local(2026, 11, 30, 17)
    )
    EventFactory(title="Tuần sau", start_at=local(2026, 12, 1, 8), end_at=local(2026, 12, 1, 9))
    response = client.get(reverse("events:event_week", kwargs={"year": 2026, "week": 48}))
    assert response.status_code == 200
    days = dict(response.context["days"])
    assert [e.title for e in days[datetime.date(2026, 11, 24)]] == [meeting.title]
    assert [e.title for e in days[datetime.date(2026, 11, 28)]] == [camp.title]
    assert [e.title for e in days[datetime.date(2026, 11, 29)]] == [camp.title]
    assert all("Tuần sau" != e.title for events in days.values() for e in events)
    content = response.content.decode()
    assert "Lịch công tác tuần" in content and "Thứ Hai" in content and "23/11/2026" in content
    assert reverse("events:event_week", kwargs={"year": 2026, "week": 47}) in content
    assert reverse("events:event_week", kwargs={"year": 2026, "week": 49}) in content


def test_week_after_the_last_of_the_year_is_the_first_of_the_next(client):
    content = client.get(reverse("events:event_week", kwargs={"year": 2026, "week": 53}))
    assert (
        reverse("events:event_week", kwargs={"year": 2027, "week": 1}) in content.content.decode()
    )


@pytest.mark.parametrize(
    "path",
    [
        "/su-kien/tuan/2025/53/",
        "/su-kien/tuan/2026/0/",
        "/su-kien/tuan/99999999999/1/",
        "/su-kien/tuan/1800/1/",
    ],
)
def test_a_week_that_does_not_exist_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_current_week_address_redirects_to_this_week(client):
    year, week, _day = timezone.localdate().isocalendar()
    response = client.get(reverse("events:event_week_current"))
    assert response["Location"] == reverse("events:event_week", kwargs={"year": year, "week": week})


def test_week_view_queries_stay_flat(client, django_assert_max_num_queries):
    organization = OrganizationFactory()
    url = reverse("events:event_week_current")
    for _n in range(5):
        EventFactory(organization=organization)
    client.get(url, follow=True)
    with django_assert_max_num_queries(3):
        client.get(client.get(url)["Location"])
    for _n in range(45):
        EventFactory(organization=organization)
    client.get(url, follow=True)  # saving events made every cached block old: warm them again
    with django_assert_max_num_queries(4):
        client.get(client.get(url)["Location"])


def test_upcoming_box_is_in_the_sidebar_and_refreshed_when_an_event_is_saved(client):
    event = EventFactory(title="Liên hoan tuyên truyền ca khúc cách mạng")
    content = client.get("/").content.decode()
    assert "Sự kiện sắp diễn ra" in content and event.title in content
    event.title = "Liên hoan đã đổi tên"
    event.save()
    assert "Liên hoan đã đổi tên" in client.get("/").content.decode()
    event.delete()
    assert "Liên hoan đã đổi tên" not in client.get("/").content.decode()


def test_ical_feed_parses_with_the_icalendar_library(client):
    event = EventFactory(
        title="Hội nghị tổng kết",
        start_at=local(2027, 1, 10, 8),
        end_at=local(2027, 1, 10, 11),
        place="Hội trường A",
    )
    EventFactory(is_published=False, title="Bí mật")
    response = client.get(reverse("events:event_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    items = calendar.walk("VEVENT")
    assert [str(item["summary"]) for item in items] == ["Hội nghị tổng kết"]
    item = items[0]
    assert item.decoded("dtstart") == local(2027, 1, 10, 8)
    assert item.decoded("dtend") == local(2027, 1, 10, 11)
    assert str(item["location"]) == "Hội trường A"
    assert str(item["uid"]).startswith(f"event-{event.pk}@")
    assert str(item["url"]).endswith(event.get_absolute_url())


def test_events_are_in_the_sitemap(client):
    event = EventFactory()
    assert event.get_absolute_url() in client.get("/sitemap-events.xml").content.decode()


def test_editors_manage_events_in_the_admin(client):
    from django.contrib.auth.models import Group

    from organizations.roles import EDITORS, roles_sync

    roles_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    organization = OrganizationFactory()
    data = {
        "title": "Ra quân Tháng Thanh niên",
        "start_at_0": "01/03/2027",
        "start_at_1": "07:00:00",
        "end_at_0": "01/03/2027",
        "end_at_1": "06:00:00",
        "place": "Quảng trường",
        "organization": organization.pk,
        "is_published": "on",
    }
    response = client.post(reverse("admin:events_event_add"), data)
    assert "kết thúc trước khi bắt đầu" in response.content.decode()
    data["end_at_1"] = "09:00:00"
    assert client.post(reverse("admin:events_event_add"), data).status_code == 302
    assert Event.objects.get().created_by == user
    assert client.get(reverse("admin:events_event_changelist")).status_code == 200


def test_an_event_change_makes_every_cached_page_old():
    from portal.caching import site_version

    before = site_version()
    event = EventFactory()
    after_save = site_version()
    event.delete()
    assert before != after_save != site_version()
