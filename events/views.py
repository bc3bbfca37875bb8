import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.caching import cache_for_readers
from portal.pagination import paginate
from portal.publishing import visible_to

from .calendar import events_ical
from .models import Event

YEAR_MIN, YEAR_MAX = 2000, 2100


@require_safe
@cache_for_readers(params=["page"])
def event_list(request):
    events = Event.objects.published().upcoming(timezone.now()).for_listing()
    context = paginate(request, events)
    year, week, _day = timezone.localdate().isocalendar()
    context["this_week_url"] = reverse("events:event_week", kwargs={"year": year, "week": week})
    return render(request, "events/event_list.html", context)


@require_safe
@cache_for_readers
def event_detail(request, slug, pk):
    event = get_object_or_404(visible_to(request.user, Event.objects.all()).for_listing(), pk=pk)
    if slug != event.slug:  # old or mistyped slug: one canonical URL
        return redirect(event, permanent=True)
    return render(request, "events/event_detail.html", {"event": event})


@require_safe
def event_week_current(request):
    year, week, _day = timezone.localdate().isocalendar()
    return redirect("events:event_week", year=year, week=week)


@require_safe
@cache_for_readers
def event_week(request, year, week):
    """ "Lịch công tác tuần": Monday to Sunday of ISO week ``week`` of ``year``."""
    try:
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError
        monday = datetime.date.fromisocalendar(year, week, 1)
    except ValueError as error:
        raise Http404(_("There is no such week.")) from error
    days = [monday + datetime.timedelta(days=n) for n in range(7)]
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(monday, datetime.time.min, tzinfo=zone)
    end = start + datetime.timedelta(days=7)
    events = list(Event.objects.published().overlapping(start, end).for_listing())
    by_day = []
    for day in days:
        day_start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
        day_end = day_start + datetime.timedelta(days=1)
        by_day.append((day, [e for e in events if e.start_at < day_end and e.end_at >= day_start]))
    previous, following = monday - datetime.timedelta(days=7), monday + datetime.timedelta(days=7)
    context = {
        "days": by_day,
        "monday": monday,
        "sunday": days[-1],
        "week": week,
        "previous": previous.isocalendar() if previous.year >= YEAR_MIN else None,
        "next": following.isocalendar() if following.year <= YEAR_MAX else None,
        "today": timezone.localdate(),
    }
    return render(request, "events/event_week.html", context)


@require_safe
def event_calendar(request):
    """The iCalendar feed that phones and calendar programs subscribe to."""
    response = HttpResponse(
        events_ical(host=request.get_host(), base_url=request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response
