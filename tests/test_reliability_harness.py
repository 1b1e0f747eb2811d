"""The fast parts of `make check-reliability` (bench/reliability/, docs/reliability.md):
the payloads, the cuttable proxy, the form reading the load relies on, the write ledger,
and the documentation of every check. No server, browser or database is started here."""

from __future__ import annotations

import json
import re
import socket
import threading
from pathlib import Path

import pytest
from bench.reliability.browser_http import form_with
from bench.reliability.ledger import read
from bench.reliability.net import HOST
from bench.reliability.payloads import payloads
from bench.reliability.proxy import Proxy

ROOT = Path(__file__).resolve().parent.parent


def test_at_least_200_distinct_payloads_each_naming_itself():
    items = payloads(1000)
    assert len(items) >= 200
    assert len({text for _, text in items}) == len(items)
    assert len({n for n, _ in items}) == len(items)
    for n, text in items:
        assert re.search(rf"\D{n}\D", f" {text} "), (n, text)


def _echo_server() -> tuple[socket.socket, int]:
    server = socket.socket()
    server.bind((HOST, 0))
    server.listen()

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=lambda c=conn: _echo(c), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return server, server.getsockname()[1]


def _echo(conn: socket.socket) -> None:
    with conn:
        while data := conn.recv(1024):
            conn.sendall(data)


def _roundtrip(port: int) -> bytes:
    with socket.create_connection((HOST, port), timeout=2) as s:
        s.sendall(b"ping")
        return s.recv(16)


def test_the_proxy_passes_through_until_cut_and_again_once_restored():
    server, port = _echo_server()
    try:
        with Proxy(port) as proxy:
            assert _roundtrip(proxy.port) == b"ping"
            held = socket.create_connection((HOST, proxy.port), timeout=2)
            held.sendall(b"x")
            assert held.recv(1) == b"x"
            proxy.cut()
            assert held.recv(1) == b""  # an open connection is closed
            with pytest.raises(OSError):
                data = _roundtrip(proxy.port)
                if not data:
                    raise ConnectionResetError  # accepted and closed at once
            proxy.restore()
            assert _roundtrip(proxy.port) == b"ping"
            held.close()
    finally:
        server.close()


COMMENT_FORM = """
<form class="comment-form" method="post" action="/guides/dog-muscle-spasms/comments/">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="text" name="name" maxlength="80" required id="id_name">
  <textarea name="body" rows="5"></textarea>
  <input type="text" name="website" tabindex="-1">
  <input type="hidden" name="stamp" value="signed-stamp" id="id_stamp">
  <select name="placement"><option value="top">Top</option>
    <option value="end" selected>End</option></select>
  <input type="checkbox" name="is_shown">
  <button type="submit">Send comment</button>
</form>"""


def test_the_load_sends_back_every_field_of_the_form_it_was_shown():
    form = form_with("<form action='/search'><input name='q'></form>" + COMMENT_FORM, "stamp")
    assert form["action"] == "/guides/dog-muscle-spasms/comments/"
    assert form["fields"] == {
        "csrfmiddlewaretoken": "tok",
        "name": "",
        "body": "",
        "website": "",
        "stamp": "signed-stamp",
        "placement": "end",
    }
    assert {"name": "is_shown", "type": "checkbox"}.items() <= form["inputs"][-1].items()


def test_a_request_sent_again_to_the_other_host_counts_once(tmp_path):
    log = tmp_path / "requests.jsonl"
    entries = [
        {"t": 1, "name": "GET guide", "kind": "refused", "status": 0, "final": False},
        {"t": 1, "name": "GET guide", "kind": "ok", "status": 200, "final": True},
        {"t": 2, "ack": "comment", "key": "rl0123456789abcdef"},
    ]
    log.write_text("\n".join(json.dumps(e) for e in entries) + "\n")
    outcomes, acks = read(log)
    assert [o["kind"] for o in outcomes] == ["retried after refused", "ok"]
    assert acks == [entries[2]]


def test_every_check_is_documented_and_has_a_make_target():
    doc = (ROOT / "docs/reliability.md").read_text()
    for module in ("api_fuzz", "xss", "access", "load", "faults"):
        assert f"{module}.py" in doc, module
    assert "check-reliability:" in (ROOT / "Makefile").read_text()


def test_the_schemathesis_filter_leaves_out_only_bodies_breaking_a_rule_said_in_words():
    from bench.reliability.st_hooks import filter_body

    assert filter_body(None, {"signs": ["collapse"], "signs_absent": ["collapse"]}) is False
    assert filter_body(None, {"birth_date": "2999-01-01"}) is False
    assert (
        filter_body(None, {"medications": [{"since": "2000-04-01", "until": "2000-01-01"}]})
        is False
    )
    # anything else, negative data of any shape included, goes to the server
    for body in ({"medications": True}, {"medications": [1]}, {"birth_date": 5}, [], "x"):
        assert filter_body(None, body) is True
