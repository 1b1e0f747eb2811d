"""Bad input, described field by field in words a person can act on."""

from __future__ import annotations

from pydantic import ValidationError

from twitchcheck.case import Case


class InputError(ValueError):
    """Input that cannot become a case; `problems` lists each bad field."""

    def __init__(self, message: str, problems: list[dict] | None = None):
        super().__init__(message)
        self.problems = problems or []

    def to_json(self) -> dict:
        return {"message": str(self), "fields": self.problems}


def problems_of(exc: ValidationError) -> list[dict]:
    out = []
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"]) or "(case)"
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown field (check the spelling)"
        out.append({"field": path, "message": message})
    return out


def parse_case(text: str | bytes) -> Case:
    """A case from JSON text, or an InputError that names each bad field."""
    try:
        return Case.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        if errors and errors[0]["type"] == "json_invalid":
            raise InputError(f"not valid JSON: {errors[0]['msg']}") from None
        if errors and errors[0]["type"] == "model_type" and not errors[0]["loc"]:
            raise InputError(
                "a case must be a JSON object", [{"field": "(case)", "message": "not an object"}]
            ) from None
        raise _invalid(exc) from None


def _invalid(exc: ValidationError) -> InputError:
    problems = problems_of(exc)
    summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return InputError(f"invalid case: {summary}", problems)
