"""Rate limits fail closed: when the shared cache (Redis) cannot be reached, django-
ratelimit counts nothing and refuses (RATELIMIT_FAIL_OPEN is off). This tells the person
why, instead of blaming them for sending too much, and answers such a refusal as any other
request that needs a dependency that is away: 503 with Retry-After, not 429."""

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


RETRY_AFTER = "30"  # seconds, as the 503 page for the database away says


def refusal(too_many: str) -> tuple[str, int]:
    """The message and status for a request refused by a limit: `too_many` and 429 when the
    limit was reached; the outage message and 503 (send Retry-After) when it cannot be
    counted."""
    if counting_works():
        return too_many, 429
    return CANNOT_COUNT, 503
