"""Staff sessions end after SESSION_COOKIE_AGE (a working day) without a request.

Django renews a session's expiry only when it saves the session. SESSION_SAVE_EVERY_REQUEST
would write the session row on every admin click; instead an active session is saved again
once it is SESSION_REFRESH_SECONDS old, so it ends between SESSION_COOKIE_AGE minus that and
SESSION_COOKIE_AGE after the last request, at one write per few minutes of work.
"""

import time

from django.conf import settings

REFRESHED_KEY = "_portal_session_refreshed"


def session_mark_refreshed(sender, request, user, **kwargs):
    """user_logged_in receiver: a session saved at sign-in starts its refresh clock then."""
    request.session[REFRESHED_KEY] = int(time.time())


def refresh_active_sessions(get_response):
    def middleware(request):
        response = get_response(request)
        # Only with a session cookie: touching the session of a reader without one would add
        # "Vary: Cookie" to every public page.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and hasattr(request, "session"):
            session = request.session
            if not session.is_empty() and not session.modified:
                now = int(time.time())
                if now - session.get(REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                    session[REFRESHED_KEY] = now
        return response

    return middleware
