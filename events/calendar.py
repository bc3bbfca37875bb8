"""The events as an iCalendar (RFC 5545) feed, written by the icalendar library."""

import datetime

import icalendar
from django.utils import timezone

from organizations.models import SiteIdentity

from .models import Event

PAST_DAYS = 90
MAX_EVENTS = 1000


def events_ical(*, host, base_url):
    """The bytes of a calendar of published events from PAST_DAYS ago on."""
    name = SiteIdentity.load().site_name
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{name}//{host}//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    events = Event.objects.published().upcoming(since).select_related("organization")
    for event in events[:MAX_EVENTS]:
        item = icalendar.Event()
        item.add("uid", f"event-{event.pk}@{host}")
        item.add("dtstamp", event.updated_at)
        item.add("last-modified", event.updated_at)
        item.add("dtstart", event.start_at)
        item.add("dtend", event.end_at)
        item.add("summary", event.title)
        item.add("location", event.place)
        item.add("organizer", event.organization.name)
        if event.description:
            item.add("description", event.description)
        item.add("url", base_url.rstrip("/") + event.get_absolute_url())
        calendar.add_component(item)
    return calendar.to_ical()
