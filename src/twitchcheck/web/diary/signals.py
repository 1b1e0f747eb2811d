"""The owner's time zone goes into the session at log-in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from twitchcheck.web.diary.middleware import remember_time_zone


@receiver(user_logged_in)
def _time_zone_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        from twitchcheck.web.diary.selectors import profile_time_zone

        remember_time_zone(request, profile_time_zone(user=user))
