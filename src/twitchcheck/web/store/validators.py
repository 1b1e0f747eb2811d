"""Checks for what staff type in the store's admin, run when a row is saved, and the
safe readings the pages use, so that a value saved before a check existed (or a file
removed since) never breaks a page: it is left out and logged instead."""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.templatetags.static import static

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".svg", ".webp", ".png", ".jpg", ".jpeg")
_ABSOLUTE = re.compile(r"^https?://[^/?#\s\\]+", re.IGNORECASE)


def link_is_safe(value: str) -> bool:
    """https: and http: addresses with a host, and links within the site (/path, #anchor,
    ?query); nothing else (javascript:, data:, //other-site, backslashes, spaces)."""
    if not value or value != value.strip() or any(ch.isspace() or ch == "\\" for ch in value):
        return False
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return False
    if value.startswith("//"):
        return False
    if value[0] in "/#?":
        return True
    return bool(_ABSOLUTE.match(value))


def validate_link(value: str) -> None:
    if value and not link_is_safe(value):
        raise ValidationError(
            "Give a web address starting with https:// or http://, or a link within the "
            "site starting with / or # (other kinds of address are not allowed).",
            code="unsafe_link",
        )


def safe_link(value: str) -> str:
    """The link as saved when it is allowed, else "" (and a warning in the log)."""
    if not value:
        return ""
    if link_is_safe(value):
        return value
    log.warning("store link %r is not allowed; it is not shown", value)
    return ""


def validate_static_image(value: str) -> None:
    """A file that exists among the site's static files and is an image."""
    if not value:
        return
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or value != value.strip():
        raise ValidationError(
            "Give a path inside the static folder, such as twitchcheck/img/x.svg."
        )
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ValidationError("The static file must be an SVG, WebP, PNG or JPEG image.")
    if not finders.find(value):
        raise ValidationError(
            f"There is no static file {value!r}. Check the spelling; the shipped images "
            "are under twitchcheck/img/ (for example twitchcheck/img/resting-dog.svg).",
            code="missing_static",
        )


def image_src(upload, static_path: str) -> str:
    """The address of an uploaded file, else of a static file; "" when neither can be
    given (a static file missing from the collected files, an upload without a name)."""
    try:
        if upload:
            return upload.url
        if static_path:
            return static(static_path)
    except (ValueError, OSError) as error:
        log.warning("store image %r cannot be shown: %s", upload or static_path, error)
    return ""
