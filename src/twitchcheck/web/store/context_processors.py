from django.utils.functional import SimpleLazyObject

from twitchcheck.web import pagecache
from twitchcheck.web.store.selectors import announcement_current


def _announcement_shown() -> dict | str:
    item = announcement_current()
    return {"text": item.text, "link_url": item.link_url} if item else ""


def announcement(request):
    """The announcement bar, read only by pages that show it, from the shared cache
    (dropped when staff edit the store's content)."""
    return {
        "announcement": SimpleLazyObject(
            lambda: pagecache.remember("announcement", _announcement_shown)
        )
    }
