"""Every error under /api/ is JSON: Django's own answers (an unknown address, a method the
address does not take, a refused host) are HTML; API clients get `{"detail": ...}`."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"
MESSAGES = {
    404: "There is no such address in the API; see /api/v1/docs.",
    405: "This address does not take that method.",
}


class ApiErrorsAsJson:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            detail = MESSAGES.get(response.status_code) or response.reason_phrase
            if response.status_code == 405 and response.has_header("Allow"):
                detail = f"{detail} It takes: {response['Allow']}."
            json = JsonResponse({"detail": detail}, status=response.status_code)
            for header in ("Allow", "Retry-After"):
                if response.has_header(header):
                    json[header] = response[header]
            return json
        return response
