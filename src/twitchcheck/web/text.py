"""Text a person typed that other people will see (names): normalised, and refused when
it holds characters that hide or reorder what is shown or break an email header."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError

# bidirectional embeddings, overrides and isolates, and the invisible direction marks
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# zero-width spaces and joiners, the word joiner and the byte-order mark
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _hidden(char: str) -> bool:
    """Control characters (CR, LF, escape, ...), bidi controls and zero-width characters."""
    return (
        unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        or char in BIDI_CONTROLS
        or char in ZERO_WIDTH
    )


def name_normalise(value: str) -> str:
    """NFC, spaces collapsed and trimmed; ValidationError for hidden characters."""
    value = unicodedata.normalize("NFC", value)
    if any(_hidden(ch) for ch in value):
        raise ValidationError(
            "Please use only letters, numbers, spaces and punctuation in your name "
            "(no line breaks, invisible or text-direction characters).",
            code="hidden_characters",
        )
    return " ".join(value.split())


def validate_name(value: str) -> None:
    """The model's check: the same rule as the forms, for values saved any other way."""
    name_normalise(value)


def one_line(value: str) -> str:
    """A value safe for an email subject: hidden characters become spaces."""
    return " ".join("".join(" " if _hidden(ch) else ch for ch in value).split())
