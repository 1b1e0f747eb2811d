"""The comment form: required fields with clear errors, plain text only, a honeypot and a
signed timestamp that rejects forms posted too quickly or too long after they were shown."""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing

from twitchcheck.web.comments.models import BODY_MAX, BODY_MIN, EMAIL_MAX, NAME_MAX
from twitchcheck.web.text import name_normalise

_SALT = "twitchcheck.comments.form"
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def form_stamp() -> str:
    """The signed time the form was shown, and a random id: a stamp is good for one
    comment (the service records the id; services.StampUsed)."""
    return signing.dumps({"t": time.time(), "n": secrets.token_urlsafe(12)}, salt=_SALT)


def _plain_text(value: str) -> str:
    if _HTML_TAG.search(value):
        raise forms.ValidationError("Please write plain text; HTML is not allowed.")
    return value


class CommentForm(forms.Form):
    name = forms.CharField(
        max_length=NAME_MAX,
        error_messages={
            "required": "Please enter your name.",
            "max_length": f"Please keep your name under {NAME_MAX} characters.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        max_length=EMAIL_MAX,
        help_text="Never shown; only the moderators see it.",
        error_messages={
            "required": "Please enter your email address.",
            "invalid": "Please enter a valid email address, like name@example.com.",
            "max_length": f"Please use an email address of at most {EMAIL_MAX} characters.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label="Comment",
        min_length=BODY_MIN,
        max_length=BODY_MAX,
        error_messages={
            "required": "Please write a comment.",
            "min_length": "Your comment is too short.",
            "max_length": f"Please keep your comment under {BODY_MAX} characters.",
        },
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # honeypot: hidden from people; anything in it marks the sender as a bot
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    stamp = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["stamp"] = form_stamp()

    def clean_name(self) -> str:
        return _plain_text(name_normalise(self.cleaned_data["name"]))

    def clean_body(self) -> str:
        return _plain_text(self.cleaned_data["body"])

    def clean_stamp(self) -> str:
        try:
            stamp = signing.loads(
                self.cleaned_data["stamp"], salt=_SALT, max_age=settings.COMMENT_MAX_AGE_SECONDS
            )
        except signing.SignatureExpired:
            self._fresh_stamp()
            raise forms.ValidationError(
                "This form was open too long; please check your comment and send it again."
            ) from None
        except signing.BadSignature:
            stamp = None
        if not isinstance(stamp, dict) or not isinstance(stamp.get("n"), str):
            self._fresh_stamp()
            raise forms.ValidationError("This form could not be checked; please send it again.")
        if time.time() - stamp["t"] < settings.COMMENT_MIN_SECONDS:
            raise forms.ValidationError(
                "That was quicker than a person types; please wait a moment and send again."
            )
        return stamp["n"]

    def stamp_used(self) -> None:
        """The stamp already served a comment: a fresh one, and an error for the page."""
        self._fresh_stamp()
        self.add_error(
            "stamp",
            "This form was already sent. If you meant to write another comment, "
            "please check it and send it again.",
        )

    def _fresh_stamp(self) -> None:
        bound: Any = self.data  # request.POST (a QueryDict) or a dict: both copy()
        data = bound.copy()
        data["stamp"] = form_stamp()
        self.data = data

    @property
    def is_from_bot(self) -> bool:
        return bool(self.data.get("website"))
