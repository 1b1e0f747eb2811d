"""A TCP proxy on 127.0.0.1 that can be cut: the app reaches PostgreSQL or Redis through
it, and `cut()` makes that service unreachable (open connections are closed, new ones are
accepted and closed at once) until `restore()`."""

from __future__ import annotations

import contextlib
import socket
import threading

from .net import HOST, free_port


class Proxy:
    def __init__(self, target_port: int, name: str = ""):
        self.target_port = target_port
        self.name = name
        self.port = free_port()
        self.is_cut = False
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._closed = threading.Event()

    def __enter__(self) -> Proxy:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((HOST, self.port))
        self._listener.listen(256)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._closed.set()
        if self._listener:
            self._listener.close()
        self._drop_all()

    def cut(self) -> None:
        self.is_cut = True
        self._drop_all()

    def restore(self) -> None:
        self.is_cut = False

    def _drop_all(self) -> None:
        with self._lock:
            sockets, self._open = list(self._open), set()
        for s in sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.is_cut:
                client.close()
                continue
            try:
                upstream = socket.create_connection((HOST, self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._open.discard(source)
            source.close()
