"""The OpenAPI document says what the server does (issue 12, finding 13):

- every operation that reads a body documents 400 (a body that cannot be parsed: not JSON,
  not UTF-8), 413 (a body over DATA_UPLOAD_MAX_MEMORY_SIZE) and 422 (JSON that is not a
  valid request, with the fields named);
- every operation with path or query parameters documents 422 (a parameter of the wrong type),
  and with query parameters 414 (an address longer than the server takes);
- every operation behind a token documents 401;
- the request models of the case contract reject an explicit null ("leave the field out
  when it is unknown"), so their fields are not documented as nullable (the diary's take
  null and keep it documented); lists of signs, unknowns and body areas must not repeat
  an item (uniqueItems); that a sign is either seen or absent, never both, is said in
  words.
"""

from __future__ import annotations

from typing import Any

from twitchcheck.case import Case, History
from twitchcheck.case import Dog as CaseDog
from twitchcheck.case import Episode as CaseEpisode
from twitchcheck.web.api.schemas import ErrorOut

_ERROR = {"$ref": "#/components/schemas/ErrorOut"}
_REF = "#/components/schemas/"


def _add(responses: dict, code: int, description: str) -> None:
    if code in responses or str(code) in responses:
        return
    responses[code] = {
        "description": description,
        "content": {"application/json": {"schema": _ERROR}},
    }


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            found.add(ref.removeprefix(_REF))
        for value in node.values():
            found |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs(value)
    return found


def _closure(names: set[str], components: dict) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen or name not in components:
            continue
        seen.add(name)
        todo.extend(_refs(components[name]) - seen)
    return seen


def _without_null(prop: dict) -> dict:
    options = prop.get("anyOf")
    if not options:
        return prop
    kept = [o for o in options if o != {"type": "null"}]
    if len(kept) == len(options):
        return prop
    rest = {k: v for k, v in prop.items() if k != "anyOf"}
    if rest.get("default", ...) is None:
        del rest["default"]
    return {**kept[0], **rest} if len(kept) == 1 else {**rest, "anyOf": kept}


# list fields whose items the contract's models require to be distinct (twitchcheck/case.py)
UNIQUE_ITEMS = {"signs", "signs_absent", "unknown", "body_area"}


def _decimal_as_number(prop: dict) -> dict:
    """A decimal is documented as a JSON number (pydantic also offers any string)."""
    options = prop.get("anyOf")
    if not options:
        return prop
    kept = [o for o in options if o.get("type") != "string" or "format" in o or "enum" in o]
    numbers = [o for o in kept if o.get("type") == "number"]
    if len(kept) == len(options) or not numbers:
        return prop
    return {**prop, "anyOf": kept} if len(kept) > 1 else {**prop, **kept[0], "anyOf": None}


# an episode's duration_seconds and duration must agree (diary/fields.py)
DURATION_SECONDS = {
    "seconds": {"maximum": 59},
    "under_5_minutes": {"minimum": 60, "maximum": 300},
    "over_5_minutes": {"minimum": 301},
}


def _duration_agrees(component: dict) -> None:
    props = component.get("properties", {})
    if "duration" not in props or "duration_seconds" not in props:
        return
    component["allOf"] = [
        {
            "if": {"properties": {"duration": {"const": value}}, "required": ["duration"]},
            "then": {"properties": {"duration_seconds": {"anyOf": [{"type": "null"}, rule]}}},
        }
        for value, rule in DURATION_SECONDS.items()
    ]


def _signs_apart(component: dict) -> None:
    """A sign is seen or absent, never both (the server answers 422 otherwise). JSON Schema
    can only say so with `not`/`contains` combinations that generators cannot use, so the
    rule is stated in words."""
    props = component.get("properties", {})
    if "signs" in props and "signs_absent" in props:
        props["signs_absent"]["description"] = (
            "Signs the owner was asked about and did not see; never a sign that is also in "
            "`signs` (422)."
        )


# the case contract's models (twitchcheck/case.py) refuse an explicit null everywhere; the
# diary's input models, which also forbid extra fields, take null (unknown, or on PATCH
# "make it unknown again") and answer it (a medication's `until`), so they keep it
NULL_REFUSED = frozenset(model.__name__ for model in (Case, CaseDog, CaseEpisode, History))


def _rejects_null(name: str, component: dict) -> bool:
    return name in NULL_REFUSED and component.get("additionalProperties") is False


def _input_lists(component: dict) -> None:
    """Lists whose items must be distinct are uniqueItems, nullable or not."""
    for key, prop in component.get("properties", {}).items():
        if key not in UNIQUE_ITEMS:
            continue
        for option in [prop, *prop.get("anyOf", [])]:
            if option.get("type") == "array":
                option["uniqueItems"] = True


def document_errors(schema: dict) -> dict:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorOut", ErrorOut.model_json_schema())
    inputs: set[str] = set()
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if "requestBody" in operation:
                inputs |= _refs(operation["requestBody"])
                _add(responses, 400, "The body could not be read: not JSON, or not UTF-8.")
                _add(responses, 422, "The request is not valid; `detail` names each field.")
                _add(responses, 413, "The body is larger than the server accepts.")
            if operation.get("parameters"):
                _add(responses, 422, "A parameter is not valid; `detail` names it.")
            if any(p.get("in") == "query" for p in operation.get("parameters", [])):
                # answered by the server (gunicorn) before the app, as its own small page
                responses.setdefault(
                    414, {"description": "The address is longer than the server takes."}
                )
            if operation.get("security"):
                _add(responses, 401, "No valid token was given.")
    for name in _closure(inputs, components):
        component = components[name]
        props = component.get("properties", {})
        for key, prop in props.items():
            props[key] = {k: v for k, v in _decimal_as_number(prop).items() if v is not None}
        _duration_agrees(component)
        _signs_apart(component)
        if _rejects_null(name, component):
            component["properties"] = {
                key: _without_null(prop) for key, prop in component.get("properties", {}).items()
            }
        if component.get("additionalProperties") is False:
            _input_lists(component)
    return schema
