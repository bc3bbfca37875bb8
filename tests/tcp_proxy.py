"""A TCP proxy a test controls, to take a real server away without touching it (and the free
ports and the stopping of the servers tests start).

``TcpProxy(host, port)`` listens on a free local port and, by mode:

- ``forward``: passes bytes both ways, like a healthy network;
- ``refuse``: stops listening (new connections are refused) and resets open ones, like a
  server that has stopped;
- ``blackhole``: accepts connections and swallows every byte, open connections included,
  never answering, like a hung server or a network path that drops packets.
"""

import select
import socket
import subprocess
import threading

FORWARD, REFUSE, BLACKHOLE = "forward", "refuse", "blackhole"


class TcpProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.mode = FORWARD
        self.port = None
        self._listener = None
        self._pairs = set()
        self._lock = threading.Lock()
        self._closed = False
        self._listen()

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def _listen(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:  # the listener was closed: refuse mode or the end
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        upstream = None
        if self.mode == FORWARD:
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                return
        pair = (client, upstream)
        with self._lock:
            self._pairs.add(pair)
        try:
            self._pump(client, upstream)
        finally:
            with self._lock:
                self._pairs.discard(pair)
            for sock in pair:
                if sock is not None:
                    sock.close()

    def _pump(self, client, upstream):
        peers = {client: upstream, upstream: client} if upstream else {client: None}
        while not self._closed and self.mode != REFUSE:
            ready = select.select(list(peers), [], [], 0.05)[0]
            for sock in ready:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                if self.mode == FORWARD and peers[sock] is not None:
                    try:
                        peers[sock].sendall(data)
                    except OSError:
                        return
                # BLACKHOLE: the bytes are read and dropped; nobody ever answers.

    def set_mode(self, mode):
        assert mode in (FORWARD, REFUSE, BLACKHOLE)
        previous, self.mode = self.mode, mode
        if mode == REFUSE and self._listener is not None:
            self._listener.close()
            self._listener = None
            with self._lock:
                pairs = list(self._pairs)
            for pair in pairs:  # open connections are reset, as when a server dies
                for sock in pair:
                    if sock is not None:
                        _reset(sock)
        elif previous == REFUSE and mode != REFUSE:
            self._listen()

    def forward(self):
        self.set_mode(FORWARD)

    def refuse(self):
        self.set_mode(REFUSE)

    def blackhole(self):
        self.set_mode(BLACKHOLE)

    def close(self):
        self._closed = True
        self.set_mode(REFUSE)


def _reset(sock):
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process):
    """Stop a server the tests started: politely, then for good after ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
