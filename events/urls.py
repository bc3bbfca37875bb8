from django.urls import path, re_path

from . import views

app_name = "events"

urlpatterns = [
    path("su-kien/", views.event_list, name="event_list"),
    path("su-kien/lich.ics", views.event_calendar, name="event_calendar"),
    path("su-kien/tuan/", views.event_week_current, name="event_week_current"),
    path("su-kien/tuan/<int:year>/<int:week>/", views.event_week, name="event_week"),
    re_path(
        r"^su-kien/(?P<slug>[-\w]*)-(?P<pk>[0-9]{1,18})/$",
        views.event_detail,
        name="event_detail",
    ),
]
