"""The wizard's state in the page: a `twitchcheck.session.Interview`, signed and
compressed into a hidden field, so that the wizard needs no session, works without
JavaScript, and the browser's own back button does no harm. All the answer logic is in
`twitchcheck.session`, shared with the terminal interview."""

from __future__ import annotations

from django.core import signing

from twitchcheck.session import AnswerError, Interview, field_kind, option_value

__all__ = ["AnswerError", "Interview", "dumps", "field_kind", "loads", "option_value"]

_SALT = "twitchcheck.check.wizard.v2"


def dumps(interview: Interview) -> str:
    return signing.dumps(interview.to_dict(), salt=_SALT, compress=True)


def loads(token: str) -> Interview:
    """The interview from a token; a fresh one when the token is missing or tampered
    with (or from an older version of the wizard)."""
    try:
        return Interview.from_dict(signing.loads(token or "", salt=_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return Interview()
