"""Photos and short videos attached to an episode: the type is read from the file's own
first bytes (never its name or the browser's word), the size is capped, and the file is
stored under a random name. Files are served only through a view that checks the dog is
shared with the person asking."""

from __future__ import annotations

import secrets
from typing import NoReturn

from django.conf import settings

from twitchcheck.web.diary.errors import DiaryInputError

# content type -> extension
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
VIDEO_TYPES = {"video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm"}
ACCEPT = ",".join([*PHOTO_TYPES, *VIDEO_TYPES])


def sniff(head: bytes) -> str | None:
    """The content type the first bytes show, among the ones we take."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return "video/quicktime" if head[8:10] == b"qt" else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return None


def _fail(message: str) -> NoReturn:
    raise DiaryInputError([(None, "media", message)])


def check_upload(upload) -> tuple[str, str]:
    """(content type, stored name) for an upload; DiaryInputError naming "media" if it is
    not a photo or video we take, or too large."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        _fail("Please attach a photo (JPEG, PNG or WebP) or a video (MP4, MOV or WebM).")
    if content_type in PHOTO_TYPES:
        limit, ext = settings.DIARY_MAX_PHOTO_BYTES, PHOTO_TYPES[content_type]
        _check_image(upload)
    else:
        limit, ext = settings.DIARY_MAX_VIDEO_BYTES, VIDEO_TYPES[content_type]
    if upload.size > limit:
        _fail(f"The file is larger than {limit // (1024 * 1024)} MB.")
    return content_type, f"{secrets.token_urlsafe(24)}.{ext}"


def _check_image(upload) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        _fail("The photo could not be read; it may be damaged.")
    finally:
        upload.seek(0)
