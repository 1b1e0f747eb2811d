"""Health checks, and what a visitor sees when the database or Redis is unreachable:
a styled 503 page with the advice a worried owner needs (JSON on the API), never a bare 500.
Nothing here keeps state: once the database is back, the next request simply works
(connections are health-checked before reuse)."""

from __future__ import annotations

import logging
import sys

from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (
    "The service is briefly unavailable; please try again in a minute. If your dog is "
    "fitting, has collapsed or may have been poisoned, go to a vet now."
)


def _redis_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # pragma: no cover - redis comes with django-redis
        return ()
    return (RedisConnectionError, RedisTimeoutError)


def is_outage(error: BaseException | None) -> bool:
    """The database or Redis cannot be reached (not a bug in a query)."""
    outages: tuple[type[BaseException], ...] = (OperationalError, InterfaceError, *_redis_errors())
    return isinstance(error, outages) or (
        isinstance(error, DatabaseError) and "connect" in str(error).lower()
    )


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except DatabaseError:
        log.warning("health check: the database is unreachable", exc_info=True)
        return False


def _redis_ok() -> bool | None:
    """None when the cache is not Redis (a per-process cache for a local run)."""
    client = getattr(caches["default"], "client", None)
    if client is None or not hasattr(client, "get_client"):
        return None
    try:
        client.get_client().ping()
        return True
    except Exception:
        log.warning("health check: Redis is unreachable", exc_info=True)
        return False


@never_cache
def healthz(request):
    """Readiness: 200 when the database (and Redis, where configured) answer, else 503
    naming what is down; for load balancers and supervisors."""
    checks = {"database": _database_ok(), "redis": _redis_ok()}
    down = [name for name, ok in checks.items() if ok is False]
    if down:
        return HttpResponse(
            "unavailable: " + ", ".join(down) + " unreachable\n",
            content_type="text/plain",
            status=503,
        )
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def livez(request):
    """Liveness: the process answers; touches neither the database nor Redis."""
    return HttpResponse("ok", content_type="text/plain")


def unavailable_response(request) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": UNAVAILABLE}, status=503)
    else:
        # rendered without the request: the context processors read the database
        html = loader.get_template("503.html").render()
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a 503 when the database or Redis is unreachable, else the 500 page
    (JSON on the API). Called while the error is being handled, so sys.exc_info() has it."""
    if is_outage(sys.exc_info()[1]):
        return unavailable_response(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Internal error"}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
