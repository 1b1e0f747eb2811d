"""The JSON API at /api/v1/ (django-ninja): the contract's assess and next-question, the
knowledge's causes, and free text to a case. OpenAPI at /api/v1/openapi.json, docs at
/api/v1/docs."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Status
from ninja.errors import HttpError, ValidationError

from twitchcheck import assess, load_knowledge, next_question
from twitchcheck.case import Assessment, Case, NextStep
from twitchcheck.web.api.openapi import document_errors
from twitchcheck.web.api.schemas import (
    CauseOut,
    ErrorOut,
    PreventionOut,
    UnderstandIn,
    UnderstandOut,
)
from twitchcheck.web.health import RETRY_AFTER_SECONDS, UNAVAILABLE, is_outage

log = logging.getLogger(__name__)
UNREADABLE_BODY = "The request body could not be read; send JSON (Content-Type: application/json)."


class DocumentedAPI(NinjaAPI):
    """Its OpenAPI document also names the errors every operation can answer."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)


api = DocumentedAPI(
    title="twitchcheck API",
    version="1",
    description="Is my dog's twitching normal, and what do I do? The case contract, version 1.",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_failed(request, exc: ValidationError):
    """422 with field-level errors whose loc is the path inside the case, e.g.
    ["dog", "age_years"] (ninja's own "body" and parameter name are dropped)."""
    detail = []
    for error in exc.errors:
        loc = list(error.get("loc", ()))
        if loc[:1] == ["body"]:
            loc = loc[2:]
        detail.append({"loc": loc, "msg": error.get("msg", "invalid"), "type": error.get("type")})
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Exception)
def unexpected(request, exc: Exception):
    """Never a stack trace: log it, answer 500 with a plain message (503 while the database
    or Redis is unreachable)."""
    if isinstance(exc, MultiPartParserError | UnreadablePostError):
        return api.create_response(request, {"detail": UNREADABLE_BODY}, status=400)
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        detail = f"The request body is too large: at most {limit:,} bytes."
        return api.create_response(request, {"detail": detail}, status=413)
    log.exception("API error on %s", request.path)
    if is_outage(exc):
        response = api.create_response(request, {"detail": UNAVAILABLE}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return api.create_response(request, {"detail": "Internal error"}, status=500)


@api.post("/assess", response={200: Assessment, 422: ErrorOut}, tags=["contract"])
def assess_endpoint(request, case: Case):
    """A case in, an assessment out: urgency, ranked causes with reasons, actions,
    prevention and the disclaimer."""
    return assess(case)


@api.post(
    "/next-question",
    response={200: NextStep, 422: ErrorOut},
    exclude_none=True,
    tags=["contract"],
)
def next_question_endpoint(request, case: Case):
    """A partial case in; {"done": true} or the most useful next question out."""
    return next_question(case)


def _cause_out(cause) -> CauseOut:
    knowledge = load_knowledge()
    prevention = {p.id: p for p in knowledge.prevention}
    return CauseOut(
        id=cause.id,
        name=cause.name,
        refines=cause.refines,
        summary=cause.summary,
        how_it_shows=list(cause.how_it_shows),
        urgency=cause.urgency.base,
        actions=list(cause.actions),
        see_vet_when=list(cause.see_vet_when),
        prevention=[
            PreventionOut(id=p, title=prevention[p].title, text=prevention[p].text)
            for p in cause.prevention
            if p in prevention
        ],
        contacts=[c.model_dump() for c in cause.contacts],
        references=[r.model_dump() for r in cause.references],
    )


@api.get("/causes", response=list[CauseOut], tags=["knowledge"])
def causes_list(request):
    """Every cause the engine knows, with how it shows, what to do and references."""
    return [_cause_out(c) for c in load_knowledge().causes]


@api.get("/causes/{cause_id}", response={200: CauseOut, 404: ErrorOut}, tags=["knowledge"])
def cause_detail(request, cause_id: str):
    known = {c.id: c for c in load_knowledge().causes}
    if cause_id not in known:
        return Status(404, {"detail": f"No cause with id {cause_id!r}"})
    return _cause_out(known[cause_id])


@api.post(
    "/understand",
    response={200: UnderstandOut, 422: ErrorOut, 503: ErrorOut},
    tags=["free text"],
)
def understand_endpoint(request, body: UnderstandIn):
    """An owner's own words in; the case read from them and the words behind each field."""
    try:
        from twitchcheck.understand import understand
    except ImportError as error:
        raise HttpError(503, "Free-text reading is not available") from error
    from twitchcheck.errors import InputError

    try:
        case, evidence = understand(body.text)
    except InputError as error:  # text the reader refuses (over its limit): never cut
        detail = [
            {"loc": [p["field"]], "msg": p["message"], "type": "value_error"}
            for p in error.problems
        ] or [{"loc": ["text"], "msg": str(error), "type": "value_error"}]
        return Status(422, {"detail": detail})
    return {"case": case.to_json_dict(), "evidence": evidence}


# the episode diary: /api/v1/token, /api/v1/dogs/..., /api/v1/episodes/...
from twitchcheck.web.diary.api import mount as _mount_diary  # noqa: E402

_mount_diary(api)
