from django.utils.functional import SimpleLazyObject


def diary_alerts(request):
    """Two or more fit-like episodes within 24 hours, the latest in the last day, for any
    dog shared with the person: shown at the top of every page (one query, only for
    people who are logged in)."""

    def alerts():
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return []
        from twitchcheck.web.diary.selectors import cluster_alerts

        return cluster_alerts(user=user)

    return {"diary_alerts": SimpleLazyObject(alerts)}
