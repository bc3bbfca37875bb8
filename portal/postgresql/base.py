"""Django's PostgreSQL backend with deadlines kept by the client, not by the server.

A database that refuses connections fails at once, but one that accepts them and never
answers (a hung server, a black-holed network path) would hold a request until gunicorn
kills the worker, because libpq waits on its socket forever once connected. psycopg2 lets
a wait callback do that waiting (``set_wait_callback``, meant for green threads): ours
waits with ``select()`` and a deadline, and gives the connection up when it passes. So:

- connecting gives up after CONNECT_TIMEOUT seconds;
- the health check of a kept connection (CONN_HEALTH_CHECKS, one ``SELECT 1`` per request)
  gives up after HEALTH_CHECK_SECONDS (2);
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
import time

import psycopg2
import psycopg2.extensions
from django.db.backends.postgresql import base

HEALTH_CHECK_SECONDS = 2.0
DEADLINE_MARGIN_SECONDS = 2.0

# Process-wide: when new connections may be tried again, and how long a failure stops them.
_outage = {"down_until": 0.0, "retry_seconds": 5.0}


class DeadlineExceeded(psycopg2.OperationalError):
    pass


class DeadlineConnection(psycopg2.extensions.connection):
    """A connection whose every wait is bounded by its ``deadline_seconds`` (None: no bound).

    Only connections made by this backend have one: the wait callback is process-wide, and
    psycopg2 connections made by anything else wait as they always did.
    """

    def __init__(self, dsn, *args, deadline_seconds=None, **kwargs):
        self.deadline_seconds = deadline_seconds  # bounds the connecting itself
        super().__init__(dsn, *args, **kwargs)


def _wait_with_deadline(conn):
    timeout = getattr(conn, "deadline_seconds", None)
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


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, settings_dict, *args, **kwargs):
        super().__init__(settings_dict, *args, **kwargs)
        _outage["retry_seconds"] = float(settings_dict.get("RETRY_SECONDS") or 0)

    def _timeouts(self):
        connect = float(self.settings_dict.get("CONNECT_TIMEOUT") or 0)
        statement = float(self.settings_dict.get("STATEMENT_TIMEOUT") or 0)
        # A query's deadline comes after the server's own statement timeout: a slow query gets
        # the server's error, and only a server that stopped answering meets this one.
        return connect or None, statement + DEADLINE_MARGIN_SECONDS if statement else None

    def get_connection_params(self):
        params = super().get_connection_params()
        statement = float(self.settings_dict.get("STATEMENT_TIMEOUT") or 0)
        if self._timeouts()[0]:
            params["connect_timeout"] = max(2, round(self._timeouts()[0]))  # libpq's, whole s
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
        connect, query = self._timeouts()

        def factory(dsn, *args, **kwargs):
            return DeadlineConnection(dsn, *args, deadline_seconds=connect, **kwargs)

        connection = super().get_new_connection({**conn_params, "connection_factory": factory})
        connection.deadline_seconds = query
        return connection

    def is_usable(self):
        if self.connection is None:
            return False
        query_deadline = self.connection.deadline_seconds
        self.connection.deadline_seconds = HEALTH_CHECK_SECONDS
        try:
            return super().is_usable()
        finally:
            self.connection.deadline_seconds = query_deadline
