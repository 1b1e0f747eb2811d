"""Forms parse what the owner typed; services validate and write. Field errors from a
service (DiaryInputError) are put back on the form's fields with `add_service_errors`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils import timezone

from twitchcheck.web.diary import labels
from twitchcheck.web.diary.fields import BEHAVIOUR_MAX, MAX_DURATION_SECONDS, NOTES_MAX
from twitchcheck.web.diary.media import ACCEPT
from twitchcheck.web.diary.models import Sex, Vaccinations

UNKNOWN = ("", "Not sure / not noted")
YES_NO = [("", "Not sure"), ("true", "Yes"), ("false", "No")]


def add_service_errors(form: forms.Form, error) -> None:
    for field, messages in error.by_field().items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message if target else f"{field}: {message}")


def _nullable_bool(value: str):
    return {"true": True, "false": False}.get(value)


# an account's email is its username (150 characters at most); an invitation's is an
# EmailField (254): the forms refuse longer addresses instead of failing on saving
ACCOUNT_EMAIL_MAX = 150
INVITATION_EMAIL_MAX = 254


def _email_too_long(limit: int) -> dict:
    return {"max_length": f"Please use an email address of at most {limit} characters."}


class SignUpForm(forms.Form):
    email = forms.EmailField(
        max_length=ACCOUNT_EMAIL_MAX,
        error_messages=_email_too_long(ACCOUNT_EMAIL_MAX),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        help_text="You log in with it; we send password resets and invitations to it.",
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    time_zone = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"]
        return value if value in available_timezones() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("email") and data.get("password"):
            probe = User(username=data["email"], email=data["email"])
            try:
                password_validation.validate_password(data["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.CharField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class ProfileForm(forms.Form):
    time_zone = forms.ChoiceField(
        choices=[(z, z) for z in sorted(available_timezones())],
        help_text="Times in your diary and reports are shown in this zone.",
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Type your password to confirm.",
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError("That is not your password.")
        return self.cleaned_data["password"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DogForm(forms.Form):
    name = forms.CharField(
        max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True})
    )
    breed = forms.CharField(max_length=80, required=False)
    birth_date = forms.DateField(required=False, widget=DateInput(), label="Birth date")
    age_years = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=30,
        decimal_places=1,
        label="Or age in years",
        help_text="If you do not know the birth date.",
    )
    sex = forms.ChoiceField(choices=[("", "Not given"), *Sex.choices], required=False)
    neutered = forms.ChoiceField(choices=YES_NO, required=False, label="Neutered or spayed")
    pregnant_or_nursing = forms.ChoiceField(
        choices=YES_NO, required=False, label="Pregnant or nursing puppies"
    )
    vaccinations = forms.ChoiceField(
        choices=[("", "Not given"), *Vaccinations.choices],
        required=False,
        label="Core vaccinations (distemper included)",
    )
    weight_kg = forms.DecimalField(
        required=False, min_value=0, max_value=200, decimal_places=1, label="Weight (kg)"
    )
    notes = forms.CharField(
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Notes for the vet",
        help_text="Printed on the vet report.",
    )

    @classmethod
    def for_dog(cls, dog) -> DogForm:
        def flag(value):
            return "" if value is None else ("true" if value else "false")

        return cls(
            initial={
                "name": dog.name,
                "breed": dog.breed,
                "birth_date": None if dog.birth_date_is_estimate else dog.birth_date,
                "age_years": _age(dog) if dog.birth_date_is_estimate else None,
                "sex": dog.sex,
                "neutered": flag(dog.neutered),
                "pregnant_or_nursing": flag(dog.pregnant_or_nursing),
                "vaccinations": dog.vaccinations,
                "weight_kg": dog.weight_kg,
                "notes": dog.notes,
            }
        )

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        age = data.pop("age_years")
        data["birth_date_is_estimate"] = False
        if data["birth_date"] is None and age is not None:
            data["birth_date"] = timezone.localdate() - timedelta(days=round(float(age) * 365.25))
            data["birth_date_is_estimate"] = True
        data["neutered"] = _nullable_bool(data["neutered"])
        data["pregnant_or_nursing"] = _nullable_bool(data["pregnant_or_nursing"])
        return data


def _age(dog):
    if dog.birth_date is None:
        return None
    return round((timezone.localdate() - dog.birth_date).days / 365.25, 1)


class MedicationForm(forms.Form):
    name = forms.CharField(max_length=120)
    dose = forms.CharField(max_length=120, required=False, help_text="e.g. 30 mg twice a day")
    since = forms.DateField(widget=DateInput(), label="Since", initial=timezone.localdate)
    until = forms.DateField(
        widget=DateInput(), required=False, label="Until", help_text="Leave empty if ongoing."
    )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _radio_choices(name: str):
    return [UNKNOWN, *labels.choices(name)]


class EpisodeForm(forms.Form):
    """Every field but the time is optional; the time defaults to now."""

    started_at = forms.DateTimeField(
        label="When it started",
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
    )
    looks_like = forms.ChoiceField(
        choices=_radio_choices("looks_like"), required=False, widget=forms.RadioSelect
    )
    duration = forms.ChoiceField(
        choices=_radio_choices("duration"), required=False, widget=forms.RadioSelect
    )
    duration_seconds = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_DURATION_SECONDS,
        label="Length in seconds, if you timed it",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    context = forms.ChoiceField(
        choices=_radio_choices("context"), required=False, widget=forms.RadioSelect
    )
    body_area = forms.MultipleChoiceField(
        choices=labels.choices("body_area"), required=False, widget=forms.CheckboxSelectMultiple
    )
    aware = forms.ChoiceField(
        choices=_radio_choices("aware")[:-1], required=False, widget=forms.RadioSelect
    )
    afterwards = forms.ChoiceField(
        choices=_radio_choices("afterwards")[:-1], required=False, widget=forms.RadioSelect
    )
    stops_when_distracted = forms.ChoiceField(
        choices=_radio_choices("stops_when_distracted")[:-1],
        required=False,
        widget=forms.RadioSelect,
    )
    trigger = forms.ChoiceField(
        choices=_radio_choices("trigger"),
        required=False,
        widget=forms.RadioSelect,
        label="Possible trigger",
    )
    signs = forms.MultipleChoiceField(
        choices=labels.sign_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Anything else you saw",
    )
    behaviour_before = forms.CharField(
        required=False,
        max_length=BEHAVIOUR_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Behaviour before",
    )
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # the metaclass moves a declared field into base_fields, so Form.media (the form's
    # CSS and JavaScript) stays as it is; the stubs see a class attribute replaced
    media = forms.FileField(  # type: ignore[assignment]
        required=False,
        label="Photo or short video",
        help_text="JPEG, PNG, WebP, MP4, MOV or WebM. Only people you share the dog with see it.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    remove_media = forms.BooleanField(required=False, label="Remove the attached file")

    QUICK = ("started_at", "looks_like", "duration")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("looks_like", "duration", "context", "aware", "afterwards"):
            self.fields[name].label = labels.question(name)
        self.fields["stops_when_distracted"].label = labels.question("stops_when_distracted")
        self.fields["body_area"].label = labels.question("body_area")
        if not self.is_bound and "started_at" not in self.initial:
            self.initial["started_at"] = timezone.localtime().replace(second=0, microsecond=0)

    @classmethod
    def for_episode(cls, episode) -> EpisodeForm:
        from twitchcheck.web.diary.fields import episode_fields_from_model

        initial = episode_fields_from_model(episode)
        initial["started_at"] = timezone.localtime(episode.started_at)
        return cls(initial=initial)

    def service_fields(self) -> dict:
        data = {}
        for name, value in self.cleaned_data.items():
            if name in ("media", "remove_media"):
                continue
            if value in ("", None) and name not in ("behaviour_before", "notes"):
                continue
            data[name] = value
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(
        max_length=INVITATION_EMAIL_MAX,
        error_messages=_email_too_long(INVITATION_EMAIL_MAX),
        label="Their email",
        help_text="They get a link; once they accept, both of you can log episodes.",
    )


class ReportLinkForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=90, initial=7, label="Link works for (days)")


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="The columns of a twitchcheck CSV export. All rows are added, or none.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class SaveResultForm(forms.Form):
    dog = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Which dog")
    new_dog_name = forms.CharField(required=False, max_length=80, label="Or a new dog's name")
    started_at = forms.DateTimeField(
        label="When it happened",
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
    )

    def __init__(self, *args, dogs, **kwargs):
        super().__init__(*args, **kwargs)
        dog_field = self.fields["dog"]
        assert isinstance(dog_field, forms.ChoiceField)
        dog_field.choices = [("", "A new dog")] + [(d.pk, d.name) for d in dogs]
        if not self.is_bound:
            self.initial["started_at"] = timezone.localtime().replace(second=0, microsecond=0)


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password-reset form; the email goes out through the task queue, which
    tries again when the mail server fails (twitchcheck.web.tasks.mail_send)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from twitchcheck.web.tasks import mail_enqueue

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html = (
            render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        mail_enqueue(subject=subject, body=body, to=[to_email], html=html)
