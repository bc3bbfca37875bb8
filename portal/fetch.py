"""Fetching a picture from another site, for the server, safely.

The server downloads what an editor's article points at, so the address is hostile input: only
http and https, only public addresses (never loopback, private, link-local or reserved ones,
which would let an article reach services inside our network), checked for every address the
name resolves to and for every redirect, and the connection goes to the address that was
checked (a second DNS answer cannot swap in an inside address). Every step has a timeout and
the body a size limit. What comes back is then checked like any upload (portal.images).
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

MAX_REDIRECTS = 3


class FetchRefused(Exception):
    """Why an address was not fetched, in words for the editor."""


def _allowed_ip(ip):
    address = ipaddress.ip_address(ip)
    for network in settings.REMOTE_IMAGES_ALLOWED_NETWORKS:
        if address in ipaddress.ip_network(network):
            return True
    return address.is_global and not address.is_multicast


def _public_address(host, port):
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchRefused(_("the site's name cannot be found")) from error
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(_allowed_ip(ip) for ip in addresses):
        raise FetchRefused(_("the address is inside a private network, which is not allowed"))
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout)
        self.ip = ip

    def connect(self):
        self.sock = socket.create_connection((self.ip, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.ip = ip

    def connect(self):
        sock = socket.create_connection((self.ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _get(url, deadline):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(_("only http and https addresses can be fetched"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchRefused(_("the address is not valid")) from error
    ip = _public_address(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    timeout = max(0.1, min(settings.REMOTE_IMAGES_TIMEOUT, deadline - time.monotonic()))
    connection = connection_class(parts.hostname, port, ip, timeout)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    connection.request("GET", path, headers={"User-Agent": "portal-image-import/1.0"})
    return connection, connection.getresponse()


def fetch_image(url):
    """The bytes at ``url`` as a ContentFile, or FetchRefused saying why."""
    deadline = time.monotonic() + settings.REMOTE_IMAGES_TIMEOUT * 2
    limit = settings.IMAGE_MAX_UPLOAD_BYTES
    try:
        for _redirect in range(MAX_REDIRECTS + 1):
            connection, response = _get(url, deadline)
            try:
                if response.status in (301, 302, 303, 307, 308):
                    url = urljoin(url, response.getheader("Location", ""))
                    continue
                if response.status != 200:
                    raise FetchRefused(
                        _("the site answered with error %(status)s") % {"status": response.status}
                    )
                length = response.getheader("Content-Length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchRefused(_("the picture is larger than the upload limit"))
                chunks, size = [], 0
                while chunk := response.read(64 * 1024):
                    size += len(chunk)
                    if size > limit:
                        raise FetchRefused(_("the picture is larger than the upload limit"))
                    if time.monotonic() > deadline:
                        raise FetchRefused(_("the site is too slow to answer"))
                    chunks.append(chunk)
                name = urlsplit(url).path.rsplit("/", 1)[-1] or "image"
                return ContentFile(b"".join(chunks), name=name[:100])
            finally:
                connection.close()
        raise FetchRefused(_("too many redirects"))
    except TimeoutError as error:
        raise FetchRefused(_("the site is too slow to answer")) from error
    except (OSError, http.client.HTTPException) as error:
        raise FetchRefused(_("the site cannot be reached")) from error
