"""Django's PostgreSQL backend with deadlines kept by the client, not by the server.

A database that refuses connections fails at once, but one that accepts them and never
answers (a hung server, a black-holed network path) would hold a request until gunicorn
kills the worker, because libpq waits on its socket forever once connected. psycopg2 lets
a wait callback do that waiting (``set_wait_callback``, meant for green threads): ours
waits with ``select()`` and a deadline, and gives the connection up when it passes. So:

- connecting gives up after CONNECT_TIMEOUT seconds;
- the health check of a kept connection (CONN_HEALTH_CHECKS, one ``SELECT 1`` per request)
  gives up after HEALTH_CHECK_SECONDS;
- a query gives up STATEMENT_TIMEOUT + 2 seconds after it was sent; the server cancels it
  at STATEMENT_TIMEOUT itself (``statement_timeout``), so a slow query gets the server's own
  error and only a database that has stopped answering meets the client's deadline;
- after a deadline passes, new connections fail at once for RETRY_SECONDS (5), so an outage
  costs each worker one wait every few seconds rather than one per request.

The failures are psycopg2 OperationalErrors, which Django raises as its own and
portal.middleware answers with the maintenance page (503).
"""

import os
import select
import socket
import threading
import time

import psycopg2
import psycopg2.extensions
from django.db.backends.postgresql import base

HEALTH_CHECK_SECONDS = 1.0
DEADLINE_MARGIN_SECONDS = 2.0

_local = threading.local()
# Process-wide: when new connections may be tried again, and how long a failure stops them.
_outage = {"down_until": 0.0, "retry_seconds": 5.0}


class DeadlineExceeded(psycopg2.OperationalError):
    pass


def _wait_with_deadline(conn):
    timeout = getattr(_local, "timeout", None)
    deadline = None if not timeout else time.monotonic() + timeout
    while True:
        state = conn.poll()
        if state == psycopg2.extensions.POLL_OK:
            return
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if state == psycopg2.extensions.POLL_READ:
            ready = select.select([conn.fileno()], [], [], remaining)[0]
        elif state == psycopg2.extensions.POLL_WRITE:
            ready = select.select([], [conn.fileno()], [], remaining)[1]
        else:
            raise psycopg2.OperationalError(f"unexpected poll state {state}")
        if not ready:
            # The conversation is left midway: end it at the socket (conn.close() would wait
            # for the answer), so that libpq sees a lost connection and nothing can take a
            # late answer for the answer to a later query.
            with socket.socket(fileno=os.dup(conn.fileno())) as sock:
                sock.shutdown(socket.SHUT_RDWR)
            _outage["down_until"] = time.monotonic() + _outage["retry_seconds"]
            raise DeadlineExceeded(f"the database did not answer within {timeout:g} s")


psycopg2.extensions.set_wait_callback(_wait_with_deadline)


class _Deadline:
    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        self.previous = getattr(_local, "timeout", None)
        _local.timeout = self.seconds

    def __exit__(self, *exc):
        _local.timeout = self.previous


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, settings_dict, *args, **kwargs):
        super().__init__(settings_dict, *args, **kwargs)
        _outage["retry_seconds"] = float(settings_dict.get("RETRY_SECONDS") or 0)

    def _timeouts(self):
        connect = float(self.settings_dict.get("CONNECT_TIMEOUT") or 0)
        statement = float(self.settings_dict.get("STATEMENT_TIMEOUT") or 0)
        return connect, statement

    def get_connection_params(self):
        params = super().get_connection_params()
        connect, statement = self._timeouts()
        if connect:
            params["connect_timeout"] = max(2, round(connect))  # libpq's own, in whole seconds
        if statement:
            params["options"] = (
                f"{params.get('options', '')} -c statement_timeout={round(statement * 1000)}"
            ).strip()
        return params

    def get_new_connection(self, conn_params):
        if time.monotonic() < _outage["down_until"]:
            raise psycopg2.OperationalError(
                "the database stopped answering a moment ago; not trying again yet"
            )
        with _Deadline(self._timeouts()[0]):
            return super().get_new_connection(conn_params)

    def is_usable(self):
        with _Deadline(HEALTH_CHECK_SECONDS):
            return super().is_usable()

    def init_connection_state(self):
        with _Deadline(self._query_deadline()):
            super().init_connection_state()

    def _query_deadline(self):
        statement = self._timeouts()[1]
        return statement + DEADLINE_MARGIN_SECONDS if statement else None

    def create_cursor(self, name=None):
        # The deadline must hold while a query runs, which is after create_cursor returns:
        # set it for the thread whenever this connection makes a cursor.
        _local.timeout = self._query_deadline()
        return super().create_cursor(name)
