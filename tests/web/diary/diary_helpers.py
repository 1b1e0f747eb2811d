"""Helpers for the diary tests (imported by name: `from diary_helpers import ...`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from django.test import Client

from twitchcheck.web.diary import services
from twitchcheck.web.diary.models import Episode

PASSWORD = "a-long-test-password-42"


def make_owner(email: str, time_zone: str = "Europe/London"):
    return services.account_create(email=email, password=PASSWORD, time_zone=time_zone)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add_episodes(dog, times, user=None, **fields) -> list[Episode]:
    """Episodes at the given times, written in one bulk insert."""
    defaults = {
        "looks_like": "twitching_or_jerking",
        "context": "asleep",
        "duration_seconds": 30,
        "duration": "seconds",
        "aware": "yes",
        "afterwards": "normal",
        "body_area": ["hind_leg"],
        "signs": [],
    }
    defaults.update(fields)
    fit_like = defaults.get("looks_like") == "seizure_or_fit" or defaults.get("aware") == "no"
    return Episode.objects.bulk_create(
        [
            Episode(
                dog=dog, logged_by=user or dog.owner, started_at=t, fit_like=fit_like, **defaults
            )
            for t in times
        ],
        batch_size=1000,
    )


def hours_ago(*hours, now=None) -> list[datetime]:
    now = now or datetime.now(UTC)
    return [now - timedelta(hours=h) for h in hours]


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return buffer.getvalue()


MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def api_token_for(user) -> str:
    return services.api_token_create(user=user)[1]


class Api:
    """The test client speaking JSON with a bearer token (or none)."""

    def __init__(self, token: str | None = None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _send(self, method, path, payload=None, content_type="application/json", **extra):
        import json as _json

        body = (
            payload
            if isinstance(payload, (str, bytes)) or payload is None
            else _json.dumps(payload)
        )
        call = getattr(self.client, method)
        kwargs = {"headers": self.headers, **extra}
        if payload is not None:
            kwargs.update(data=body, content_type=content_type)
        return call(f"/api/v1/{path.lstrip('/')}", **kwargs)

    def get(self, path, **extra):
        return self._send("get", path, **extra)

    def post(self, path, payload=None, **extra):
        return self._send("post", path, payload if payload is not None else {}, **extra)

    def patch(self, path, payload, **extra):
        return self._send("patch", path, payload, **extra)

    def delete(self, path, **extra):
        return self._send("delete", path, **extra)
