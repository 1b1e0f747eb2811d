"""The cache of what every visitor sees alike: the guide's article and comment pages and
the announcement bar. Never anything of one visitor's: fragments are rendered without
the request (no user, no CSRF token, no messages), and the page fills those in live.

Every key carries the build (the code, templates, knowledge and static files of this
release, so an upgrade never serves an old page) and a version number kept in the
shared cache; `content_changed()` raises the version, which drops every fragment at once.
It runs when staff edit the store's content and when a comment is approved, removed or
edited (signals below, and comments_moderate for bulk actions).
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as django_cache

log = logging.getLogger(__name__)
VERSION_KEY = "pagecache:version"
MISSING = object()


@cache
def build_id() -> str:
    """What this release's pages are made of: the package's templates, code, knowledge
    and (after collectstatic) the static files' manifest, by size and modification time."""
    import twitchcheck

    stamp = hashlib.sha256()
    root = Path(twitchcheck.__file__).parent
    for pattern in ("web/**/*.html", "web/**/*.py", "knowledge/data/**/*.yaml"):
        for file in sorted(root.glob(pattern)):
            info = file.stat()
            stamp.update(f"{file.relative_to(root)}:{info.st_size}:{info.st_mtime_ns};".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        stamp.update(manifest.read_bytes())
    return stamp.hexdigest()[:16]


def _version() -> int:
    version = django_cache.get(VERSION_KEY)
    if version is None:
        django_cache.add(VERSION_KEY, 1, timeout=None)
        version = django_cache.get(VERSION_KEY, 1)
    return version


def key(name: str) -> str:
    return f"pagecache:{build_id()}:{_version()}:{name}"


def get_many(names: list[str]) -> tuple[dict[str, str], dict]:
    """The keys for these names (at the current version), and what the cache holds."""
    keys = {name: key(name) for name in names}
    return keys, django_cache.get_many(list(keys.values()))


def put(full_key: str, value) -> None:
    django_cache.set(full_key, value, timeout=settings.GUIDE_CACHE_SECONDS)


# this process's copies of what it fetched, by full key (which carries the version, so a
# copy is never used after content_changed): a visit then costs one small read of the
# version from the shared cache, not the transfer of a whole page
_local: dict[str, object] = {}
LOCAL_MAX = 16


def remember(name: str, compute):
    """The cached value for name, computed and kept on a miss."""
    full_key = key(name)
    value = _local.get(full_key, MISSING)
    if value is not MISSING:
        return value
    value = django_cache.get(full_key, MISSING)
    if value is MISSING:
        value = compute()
        put(full_key, value)
    if len(_local) >= LOCAL_MAX:
        _local.pop(next(iter(_local)))
    _local[full_key] = value
    return value


def content_changed(**_ignored) -> None:
    """Drops every cached fragment: the next visitor gets a fresh page. From inside a
    transaction it drops them again once it commits (a page rendered in between from
    the data before the commit would otherwise be kept)."""
    from django.db import transaction

    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump() -> None:
    try:
        django_cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: nothing is cached under one
        django_cache.add(VERSION_KEY, 1, timeout=None)


def _comment_saved(sender, instance, created, **kwargs) -> None:
    # a new pending comment shows nowhere yet; any other save may change a page
    if not created or instance.status == instance.Status.APPROVED:
        content_changed()


def connect_signals() -> None:
    """Called once from the guide app's ready()."""
    from django.db.models.signals import post_delete, post_save

    from twitchcheck.web.comments.models import Comment
    from twitchcheck.web.store import models as store

    for model in (
        store.Announcement,
        store.PromoSection,
        store.FeatureImage,
        store.Product,
        store.StoreSettings,
        store.PoisonLine,
    ):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="pagecache-comment")
    post_delete.connect(content_changed, sender=Comment, dispatch_uid="pagecache-d-comment")
