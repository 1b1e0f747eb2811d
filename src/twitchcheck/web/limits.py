"""Rate limits fail closed: when the shared cache (Redis) cannot be reached, django-
ratelimit counts nothing and refuses (RATELIMIT_FAIL_OPEN is off). This tells the person
why, instead of blaming them for sending too much."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches

CANNOT_COUNT = (
    "We cannot check for too many attempts right now, so this is paused for safety; "
    "please try again in a few minutes. Nothing was sent."
)


def counting_works() -> bool:
    cache = caches[settings.RATELIMIT_USE_CACHE]
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client"):
        return True  # a cache in this process's memory is always there
    try:
        client.get_client().ping()
        return True
    except Exception:
        return False


def limit_message(too_many: str) -> str:
    """`too_many` when the limit was reached, the outage message when it cannot be counted."""
    return too_many if counting_works() else CANNOT_COUNT
