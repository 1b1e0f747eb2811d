"""Throttled log-in and password reset (issue 12, finding 3).

Logging in (the owners' /accounts/login/, the staff /admin/login/ and POST /api/v1/token)
is watched by django-axes, whose counts live in the database, so they hold across workers
and hosts and keep working while Redis is down: after LOGIN_FAILURE_LIMIT failures for one
account (from any address) or from one address (for any account), logging in is refused
for LOGIN_LOCKOUT_MINUTES, even with the right password, and the page says so. Password
reset requests are rate-limited per address and per account in the shared cache; a limit
that cannot be counted (Redis down) refuses, with a message that says why."""

from __future__ import annotations

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from twitchcheck.web.limits import RETRY_AFTER, refusal


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out account or address before any password is checked.

    Every log-in over HTTP passes its request; code that calls authenticate() without one
    (Django's test client `login`, a shell) is not a visitor and is not counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_username(request, credentials) -> str:
    """The account a log-in names, as the log-in form reads it (trimmed, lower case), so
    Owner@Example.org and owner@example.org count as one account."""
    value = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(value).strip().lower()


UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - requests with no address share one count


def client_ip(request) -> str:
    """The client's address for rate limits and lock-outs: REMOTE_ADDR, or behind a proxy
    the header RATELIMIT_IP_META_KEY names (its last, proxy-added entry). A missing or
    malformed one counts as one shared unknown address, never an error."""
    value = request.META.get(settings.CLIENT_IP_META_KEY) or request.META.get("REMOTE_ADDR")
    candidate = (value or "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return UNKNOWN_ADDRESS


def _lockout_text() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return (
        f"Too many failed log-in attempts for this account or from your address, so logging "
        f"in is paused for {minutes} minutes, even with the right password. Please wait and "
        f"try again, or reset your password."
    )


def locked_out(request, response=None, credentials=None):
    """What a locked-out log-in sees: the API gets JSON, a browser a page (both 429)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _lockout_text()}, status=429)
    context = {"page_title": "Logging in is paused", "message": _lockout_text()}
    return render(request, "registration/locked_out.html", context, status=429)


def _reset_rate(group, request) -> str:
    return settings.PASSWORD_RESET_RATE


def _reset_account(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


@method_decorator(
    ratelimit(key="ip", rate=_reset_rate, method="POST", block=False), name="dispatch"
)
@method_decorator(
    ratelimit(key=_reset_account, rate=_reset_rate, method="POST", block=False), name="dispatch"
)
class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, refused (and no email sent) past PASSWORD_RESET_RATE
    requests per address or per account."""

    def post(self, request, *args, **kwargs):
        if getattr(request, "limited", False):
            form = self.get_form()
            form.is_valid()
            message, status = refusal(
                "Too many password reset requests for this account or from your address; "
                "please wait an hour and try again."
            )
            form.add_error(None, message)
            response = self.render_to_response(self.get_context_data(form=form), status=status)
            if status == 503:  # the limit cannot be counted (Redis away)
                response["Retry-After"] = RETRY_AFTER
            return response
        return super().post(request, *args, **kwargs)
