"""Counting site visits with the rules of read counting (news/reads.py): no bots, no
prefetches, no HEAD, nothing sent from another site, and one visitor (a keyed hash of address
and user agent, kept only in the cache) counts once per READS_WINDOW_MINUTES, at most
READS_MAX_PER_ADDRESS visitors an address."""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from news.reads import _address_has_room, address_key, client_address, marks_cache
from news.reads import read_is_countable as visit_is_countable

from .models import SiteDailyVisit

logger = logging.getLogger(__name__)


def visitor_key(request):
    value = f"{client_address(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return "visits:seen:" + salted_hmac("visits.visitor", value).hexdigest()[:32]


def visit_register(*, request):
    """Count a visit of the site by this request's visitor; True when it was counted."""
    if not visit_is_countable(request):
        return False
    window = settings.READS_WINDOW_MINUTES * 60
    try:
        marks = marks_cache()
        if not marks.add(visitor_key(request), 1, timeout=window):
            return False
        if not _address_has_room(marks, address_key(request, "site"), window):
            return False
        SiteDailyVisit.objects.add(timezone.localdate())
    except Exception:  # an uncounted visit must never become an error
        logger.exception("Could not count a site visit")
        return False
    return True
