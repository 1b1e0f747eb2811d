"""The guide for a visitor with no cookies at all (no session, no notices), who is shown
exactly what every such visitor is shown but for two values: their CSRF token and their
form stamp. The page is made once, from a bare request that carries nothing of anyone,
and kept in the cache as the part before the comment form, the form with two
placeholders, and the part after, each also gzip-compressed ahead (deflate blocks ended
by a full flush, so independently compressed parts join into one valid stream). A visit
costs two replacements, compressing the ~2 KB form and a checksum: no template, no query.
"""

from __future__ import annotations

import secrets
import struct
import zlib
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from twitchcheck.web.comments.forms import CommentForm, form_stamp

CSRF_SLOT = "csrf-slot-0b7e5c1d"
STAMP_SLOT = "stamp-slot-4f2a9e83"
COOKIES_THAT_PERSONALISE = ("sessionid", "messages")


def applies(request) -> bool:
    """A GET from a visitor without a session or pending notices: they see what everyone
    without cookies sees."""
    return request.method in ("GET", "HEAD") and not any(
        name in request.COOKIES for name in COOKIES_THAT_PERSONALISE
    )


def bare_request(path: str) -> HttpRequest:
    """A request with nothing of any visitor: anonymous, no cookies, no notices."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    request.user = AnonymousUser()
    return request


def _deflate(data: bytes, final: bool) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


@dataclass(frozen=True)
class Spliced:
    before: bytes
    form: str
    after: bytes
    before_gz: bytes
    after_gz: bytes
    before_crc: int

    @classmethod
    def make(cls, page_html: str, marker: str, page: str) -> Spliced:
        before, found, after = page_html.partition(marker)
        assert found, "the page has no place for the comment form"
        form = CommentForm()
        form.initial["stamp"] = STAMP_SLOT
        form_html = render_to_string(
            "comments/form.html", {"form": form, "page": page, "csrf_token": CSRF_SLOT}
        )
        before_b, after_b = before.encode(), after.encode()
        return cls(
            before=before_b,
            form=form_html,
            after=after_b,
            before_gz=_deflate(before_b, final=False),
            after_gz=_deflate(after_b, final=True),
            before_crc=zlib.crc32(before_b),
        )

    def response(self, request, status: int = 200) -> HttpResponse:
        form = (
            self.form.replace(CSRF_SLOT, get_token(request), 1)
            .replace(STAMP_SLOT, form_stamp(), 1)
            .encode()
        )
        wants_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        body = self._gzip(form) if wants_gzip else b"".join((self.before, form, self.after))
        response = HttpResponse(body, content_type="text/html; charset=utf-8", status=status)
        response["Vary"] = "Accept-Encoding"
        if wants_gzip:
            response["Content-Encoding"] = "gzip"
        return response

    def _gzip(self, form: bytes) -> bytes:
        middle = _deflate(form, final=False)
        crc = zlib.crc32(self.after, zlib.crc32(form, self.before_crc))
        size = len(self.before) + len(form) + len(self.after)
        # a random file name of random length in the header, as Django's GZipMiddleware
        # does, against BREACH
        name = secrets.token_hex(secrets.randbelow(50) + 1).encode() + b"\0"
        header = b"\x1f\x8b\x08\x08\0\0\0\0\0\xff" + name
        trailer = struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF)
        return b"".join((header, self.before_gz, middle, self.after_gz, trailer))
