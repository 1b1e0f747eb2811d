"""The first step: the owner tells us what they saw, in their own words.

The words are read once by `understand` and then dropped: only the facts understood go
into the interview, as its starting point, and nothing typed is stored or shown to anyone
else. The facts are shown as chips the owner can remove, correct or add to.
"""

from __future__ import annotations

from django import forms

from twitchcheck.errors import InputError
from twitchcheck.session import MAX_NAME, Interview, clean_name


def max_chars() -> int:
    from twitchcheck.understand.text import MAX_CHARS

    return MAX_CHARS


NOT_UNDERSTOOD = (
    "I could not understand this. Tell me a little more (what it looks like, when it "
    "happens, how long it lasts), or answer questions instead."
)


class DescribeForm(forms.Form):
    text = forms.CharField(
        label="What did you see?",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label="Your dog’s name (optional)",
        required=False,
        max_length=MAX_NAME,
        help_text="Only shown on the result, so that you can send it to your vet.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": f"Please keep the name to {MAX_NAME} characters."},
    )

    def __init__(self, *args, require_text: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.require_text = require_text

    @property
    def limit(self) -> int:
        return max_chars()

    def clean_text(self) -> str:
        # line endings as a browser may send them, then the limit, counted the same way
        text = self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > self.limit:
            raise forms.ValidationError(
                f"Please keep it to {self.limit:,} characters or fewer (this has "
                f"{len(text):,}); nothing is cut, so shorten it and try again."
            )
        if self.require_text and not text.strip():
            raise forms.ValidationError(
                "Please tell us what you saw, or choose “Answer questions instead”."
            )
        return text

    def clean_name(self) -> str:
        return clean_name(self.cleaned_data["name"])


def interview_from_text(text: str, dog_name: str = "") -> Interview:
    """The interview whose starting point is what `understand` read in text; InputError
    when the text cannot be read (over the limit), ValueError(NOT_UNDERSTOOD) when
    nothing in it was understood."""
    from twitchcheck.understand import understand

    if len(text) > max_chars():
        raise InputError(
            f"the text is over {max_chars():,} characters",
            [{"field": "text", "message": f"at most {max_chars():,} characters"}],
        )
    case, _evidence = understand(text)
    if not case.to_json_dict():
        raise ValueError(NOT_UNDERSTOOD)
    return Interview.start(case, dog_name=dog_name, from_text=True)
