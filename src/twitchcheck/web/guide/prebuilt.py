"""The guide for a visitor with no cookies at all (no session, no notices), who is shown
exactly what every such visitor is shown. The page holds nothing of any one visitor's
(no CSRF token, no form stamp: the comment form is on a page of its own), so it is made
once, from a bare request that carries nothing of anyone, and kept in the cache as bytes,
plain and gzip-compressed ahead. A visit costs no template, no query, no compression.

With no secret in it, the compressed page gives nothing away to a BREACH-style attack
(which needs a secret and the attacker's text in the same compressed answer).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

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


@dataclass(frozen=True)
class Prebuilt:
    plain: bytes
    gzipped: bytes

    @classmethod
    def make(cls, page: bytes) -> Prebuilt:
        # mtime 0: the same page compresses to the same bytes in every worker
        return cls(plain=page, gzipped=gzip.compress(page, compresslevel=9, mtime=0))

    def response(self, request, status: int = 200) -> HttpResponse:
        # as Django's GZipMiddleware, which compresses every other page, decides
        wants_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        response = HttpResponse(
            self.gzipped if wants_gzip else self.plain,
            content_type="text/html; charset=utf-8",
            status=status,
        )
        response["Vary"] = "Accept-Encoding"
        if wants_gzip:
            response["Content-Encoding"] = "gzip"
        return response
