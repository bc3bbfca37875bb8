"""The admin lists of documents, albums, events, videos and visits: flat queries at 5 and 50
rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AlbumFactory,
    DocumentFactory,
    EventFactory,
    OrganizationFactory,
    PhotoFactory,
    VideoFactory,
)
from visits.models import SiteDailyVisit

pytestmark = pytest.mark.django_db


def make_album(organization):
    album = AlbumFactory(organization=organization)
    PhotoFactory.create_batch(2, album=album)


def make_visits(n):
    SiteDailyVisit.objects.add(timezone.localdate() - datetime.timedelta(days=n), n + 1)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("admin:documents_document_changelist", lambda n, o: DocumentFactory(issuer=o)),
        ("admin:galleries_album_changelist", lambda n, o: make_album(o)),
        ("admin:events_event_changelist", lambda n, o: EventFactory(organization=o)),
        ("admin:videos_video_changelist", lambda n, o: VideoFactory()),
        ("admin:visits_sitedailyvisit_changelist", lambda n, o: make_visits(n)),
    ],
)
def test_admin_lists_stay_flat(admin_client, django_assert_max_num_queries, url, make):
    organizations = [OrganizationFactory(), OrganizationFactory()]
    for n in range(5):
        make(n, organizations[n % 2])
    with django_assert_max_num_queries(12):
        assert admin_client.get(reverse(url)).status_code == 200
    for n in range(5, 50):
        make(n, organizations[n % 2])
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse(url))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 50
