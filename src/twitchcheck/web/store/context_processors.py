from django.utils.functional import SimpleLazyObject

from twitchcheck.web.store.selectors import announcement_current


def announcement(request):
    """The announcement bar, read only by pages that show it."""
    return {"announcement": SimpleLazyObject(lambda: announcement_current() or "")}
