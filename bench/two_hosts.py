"""Two app hosts, one PostgreSQL, one Redis (docs/deploy.md, "Two hosts"): a session made
on one host is good on the other, and the comment rate limit counts posts to both.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/queue REDIS_URL=redis://127.0.0.1:6379/4 \\
        .venv/bin/python bench/two_hosts.py

Starts two gunicorns (deploy/gunicorn.conf.py) on two free ports with the same settings,
then checks both over HTTP, and stops them.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        handler = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(handler, _NoRedirect)

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict) -> tuple[int, str]:
        csrf = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}).encode()
        return self._open(urllib.request.Request(url, body, {"Referer": url}))

    def cookies_to(self, other: Browser) -> None:
        for cookie in self.jar:
            other.jar.set_cookie(cookie)

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get(
        "REDIS_URL"
    ):
        print("set DATABASE_URL=postgres://... and REDIS_URL=redis://...")
        return 2
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),  # the same on both hosts
        "ALLOWED_HOSTS": "127.0.0.1",
        "COMMENT_RATE": "3/m",
        "COMMENT_MIN_SECONDS": "0",
        "WORKERS": "2",
        "VAR_DIR": str(ROOT / "var" / "two-hosts"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "setup_site", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)
    email, password = f"two-{secrets.token_hex(4)}@example.org", secrets.token_urlsafe(16)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            f"from django.contrib.auth.models import User; "
            f"User.objects.create_user({email!r}, {email!r}, {password!r})",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    ports = [_port(), _port()]
    hosts = [
        subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                str(ROOT / "deploy/gunicorn.conf.py"),
                "twitchcheck.web.wsgi",
            ],
            env={**env, "BIND": f"127.0.0.1:{port}", "ACCESS_LOG": "/dev/null"},
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    failures = 0
    try:
        for base in (a, b):
            for _ in range(100):
                try:
                    if Browser().get(base + "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)

        def check(what: str, ok: bool) -> None:
            nonlocal failures
            failures += not ok
            print(f"  {'ok  ' if ok else 'FAIL'} {what}")

        print(f"two hosts: {a} and {b}")
        on_a = Browser()
        on_a.get(a + "/accounts/login/")
        status, _ = on_a.post(a + "/accounts/login/", {"username": email, "password": password})
        check("log in on host A", status == 302)
        on_b = Browser()
        on_a.cookies_to(on_b)
        status, html = on_b.get(b + "/diary/")
        check("the session made on A is logged in on B (/diary/ is 200)", status == 200)
        statuses = []
        for i in range(4):
            base = (a, b)[i % 2]
            visitor = Browser()
            _, page = visitor.get(base + "/guides/dog-muscle-spasms/")
            stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
            status, _ = visitor.post(
                base + "/guides/dog-muscle-spasms/comments/",
                {
                    "name": "Sam",
                    "email": f"s{i}@example.org",
                    "body": "Hello there",
                    "stamp": stamp,
                },
            )
            statuses.append(status)
        check(
            f"comments from one address, A/B/A/B, limit 3: {statuses}",
            statuses == [302, 302, 302, 429],
        )
    finally:
        for host in hosts:
            host.terminate()
            host.wait(timeout=40)
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
