"""Pages are shown in the owner's time zone: read once from the profile, then kept in
the session (so it costs no query per page)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

SESSION_KEY = "diary_time_zone"


def remember_time_zone(request, name: str) -> None:
    request.session[SESSION_KEY] = name


class OwnerTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            name = request.session.get(SESSION_KEY)
            if name is None:
                from twitchcheck.web.diary.selectors import profile_time_zone

                name = profile_time_zone(user=user)
                remember_time_zone(request, name)
        zone = None
        if name:
            try:
                zone = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                zone = None
        if zone is not None:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
