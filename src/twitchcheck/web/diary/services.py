"""Writes. Each service is one transaction, keyword-only; bad input raises
DiaryInputError naming the field (and the CSV row) and changes nothing."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NoReturn
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from pydantic import ValidationError

from twitchcheck import assess
from twitchcheck.case import Case
from twitchcheck.web.diary import media as media_files
from twitchcheck.web.diary.errors import DiaryInputError, from_pydantic
from twitchcheck.web.diary.fields import EpisodeFields
from twitchcheck.web.diary.models import (
    ApiToken,
    Dog,
    Episode,
    Invitation,
    Medication,
    Membership,
    OwnerProfile,
    ReportLink,
    new_token,
    token_hash,
)
from twitchcheck.web.diary.selectors import counts_at, medications_for_dog
from twitchcheck.web.diary.triage import case_for_episode
from twitchcheck.web.tasks import mail_enqueue

log = logging.getLogger(__name__)
User = get_user_model()
if TYPE_CHECKING:  # the AUTH_USER_MODEL of the settings, for annotations
    from django.contrib.auth.models import User as UserModel

DOG_FIELDS = (
    "name",
    "breed",
    "birth_date",
    "birth_date_is_estimate",
    "sex",
    "neutered",
    "pregnant_or_nursing",
    "vaccinations",
    "weight_kg",
    "notes",
)


def _bad(field: str, message: str) -> NoReturn:
    raise DiaryInputError([(None, field, message)])


# ---- accounts


def check_time_zone(name: str) -> str:
    if name not in available_timezones():
        _bad("time_zone", f"{name!r} is not a time zone we know (e.g. Europe/London).")
    return name


@transaction.atomic
def account_create(*, email: str, password: str, time_zone: str = "") -> UserModel:
    """An owner account; the username is the email address, lower-cased."""
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(username=email).exists():
        _bad("email", "There is already an account with this email: log in or reset the password.")
    user = User.objects.create_user(username=email, email=email, password=password)
    OwnerProfile.objects.create(
        user=user, time_zone=check_time_zone(time_zone or settings.DIARY_TIME_ZONE)
    )
    return user


@transaction.atomic
def profile_update(*, user, time_zone: str) -> OwnerProfile:
    profile, _ = OwnerProfile.objects.update_or_create(
        user=user, defaults={"time_zone": check_time_zone(time_zone)}
    )
    return profile


@transaction.atomic
def account_delete(*, user) -> None:
    """The account and everything in it: the dogs it owns (their episodes, files,
    medications, report links), its memberships, invitations and API tokens. Episodes it
    logged for a dog someone else owns stay in that dog's diary, no longer linked to it."""
    files = list(
        Episode.objects.filter(dog__owner=user).exclude(media="").values_list("media", flat=True)
    )
    Dog.objects.filter(owner=user).delete()
    user.delete()
    _delete_files_after_commit(files)


def _delete_files_after_commit(names: list[str]) -> None:
    def delete():
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                log.warning("could not delete %s", name)

    transaction.on_commit(delete)


# ---- dogs


def _dog_values(fields: dict) -> dict:
    unknown = set(fields) - set(DOG_FIELDS)
    if unknown:
        _bad(sorted(unknown)[0], "not a field of a dog")
    if "name" in fields and not (fields["name"] or "").strip():
        _bad("name", "Please give the dog's name.")
    birth = fields.get("birth_date")
    if birth is not None and birth > timezone.localdate():
        _bad("birth_date", "The birth date is in the future.")
    return fields


@transaction.atomic
def dog_create(*, owner, medications: list[dict] | None = None, **fields) -> Dog:
    dog = Dog(owner=owner, **_dog_values(fields))
    dog.full_clean(exclude=["owner"])
    dog.save()
    Membership.objects.create(dog=dog, user=owner, role=Membership.Role.OWNER)
    for medication in medications or []:
        medication_create(dog=dog, **medication)
    return dog


@transaction.atomic
def dog_update(*, dog: Dog, medications: list[dict] | None = None, **fields) -> Dog:
    for name, value in _dog_values(fields).items():
        setattr(dog, name, value)
    dog.full_clean(exclude=["owner"])
    dog.save()
    if medications is not None:  # the list replaces the dog's medications
        dog.medications.all().delete()
        for medication in medications:
            medication_create(dog=dog, **medication)
    return dog


@transaction.atomic
def dog_delete(*, dog: Dog) -> None:
    files = list(dog.episodes.exclude(media="").values_list("media", flat=True))
    dog.delete()
    _delete_files_after_commit(files)


# ---- medications


def _check_medication(name, since, until) -> None:
    if not (name or "").strip():
        _bad("name", "Please give the medication's name.")
    if since is None:
        _bad("since", "Please give the day it was started.")
    if until is not None and until < since:
        _bad("until", "The last day is before the first.")


@transaction.atomic
def medication_create(*, dog: Dog, name: str, since, dose: str = "", until=None) -> Medication:
    _check_medication(name, since, until)
    return Medication.objects.create(
        dog=dog, name=name.strip(), dose=dose, since=since, until=until
    )


@transaction.atomic
def medication_update(*, medication: Medication, name: str, since, dose: str = "", until=None):
    _check_medication(name, since, until)
    medication.name, medication.dose = name.strip(), dose
    medication.since, medication.until = since, until
    medication.save()
    return medication


@transaction.atomic
def medication_delete(*, medication: Medication) -> None:
    medication.delete()


# ---- episodes


def episode_fields(data: dict, *, row: int | None = None) -> EpisodeFields:
    """Validated episode fields, or DiaryInputError naming each bad field."""
    try:
        return EpisodeFields.model_validate(data)
    except ValidationError as error:
        raise from_pydantic(error, row=row) from None


def _attach(episode: Episode, upload) -> str | None:
    """Stores the upload under a random name; the old file's name, to delete later."""
    content_type, name = media_files.check_upload(upload)
    old = episode.media.name or None
    episode.media.save(name, File(upload), save=False)
    episode.media_type = content_type
    return old


@transaction.atomic
def episode_create(*, dog: Dog, user, fields: EpisodeFields | dict, media=None) -> Episode:
    if isinstance(fields, dict):
        fields = episode_fields(fields)
    episode = Episode(dog=dog, logged_by=user, **fields.model_fields_for_db())
    if media is not None:
        _attach(episode, media)
    try:
        episode.save()
    except Exception:
        if episode.media:  # the row was not written: neither is the file kept
            default_storage.delete(episode.media.name)
        raise
    return episode


@transaction.atomic
def episode_update(
    *, episode: Episode, fields: EpisodeFields | dict, media=None, remove_media: bool = False
) -> Episode:
    if isinstance(fields, dict):
        fields = episode_fields(fields)
    for name, value in fields.model_fields_for_db().items():
        setattr(episode, name, value)
    stale = []
    if media is not None:
        old = _attach(episode, media)
        stale = [old] if old else []
    elif remove_media and episode.media:
        stale = [episode.media.name]
        episode.media = ""
        episode.media_type = ""
    # what the engine said no longer fits the episode
    episode.assessment = episode.assessed_case = episode.assessed_at = None
    episode.save()
    _delete_files_after_commit(stale)
    return episode


@transaction.atomic
def episode_delete(*, episode: Episode) -> None:
    files = [episode.media.name] if episode.media else []
    episode.delete()
    _delete_files_after_commit(files)


CLUSTER_FLAG = "{n} fit-like episodes within 24 hours (a cluster of fits)"


def episode_case(*, episode: Episode) -> tuple[Case, int]:
    """The case for the episode, and how many fit-like episodes the 24 hours up to it
    held (it included)."""
    counts = counts_at(dog=episode.dog, at=episode.started_at)
    medications = medications_for_dog(dog=episode.dog)
    return case_for_episode(episode, counts=counts, medications=medications), counts.fit_like_24h


def diary_assessment(case: Case, fits_24h: int) -> dict:
    """The engine's assessment; a cluster of fits in the diary (two or more within 24
    hours) makes it an emergency whatever else the case says, with that as a red flag."""
    assessment = assess(case).model_dump(mode="json")
    if fits_24h >= 2:
        assessment["urgency"] = "emergency"
        flag = CLUSTER_FLAG.format(n=fits_24h)
        assessment["red_flags"] = [flag, *assessment["red_flags"]]
    return assessment


@transaction.atomic
def episode_check(*, episode: Episode) -> Episode:
    """The engine's assessment of the episode in the light of the diary, stored with it."""
    case, fits_24h = episode_case(episode=episode)
    episode.assessment = diary_assessment(case, fits_24h if episode.fit_like else 0)
    episode.assessed_case = case.to_json_dict()
    episode.assessed_at = timezone.now()
    episode.save(update_fields=["assessment", "assessed_case", "assessed_at", "updated_at"])
    return episode


@transaction.atomic
def episodes_import(*, dog: Dog, user, text: str) -> list[Episode]:
    """Every row of a CSV export added to the dog's diary, or none: the first bad row
    raises DiaryInputError naming each bad row and field."""
    from twitchcheck.web.diary.csvio import parse_episodes

    rows = parse_episodes(text)  # raises before anything is written
    episodes = [Episode(dog=dog, logged_by=user, **r.model_fields_for_db()) for r in rows]
    return Episode.objects.bulk_create(episodes, batch_size=500)


# ---- sharing


@transaction.atomic
def invitation_create(*, dog: Dog, invited_by, email: str, accept_url) -> tuple[Invitation, str]:
    """An invitation by email; accept_url(token) is the address put in the mail."""
    email = User.objects.normalize_email(email).strip().lower()
    if dog.memberships.filter(user__email__iexact=email).exists():
        _bad("email", "This dog is already shared with that address.")
    token = new_token()
    invitation = Invitation.objects.create(
        dog=dog,
        email=email,
        invited_by=invited_by,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.DIARY_INVITATION_DAYS),
    )
    link = accept_url(token)
    inviter = invited_by.email or invited_by.get_username()
    subject = f"{inviter} shares {dog.name}'s twitching diary with you"
    body = (
        f"{inviter} invites you to keep {dog.name}'s episode diary together on twitchcheck.\n\n"
        f"Open this link to accept (sign up or log in with {email}):\n{link}\n\n"
        f"The link works for {settings.DIARY_INVITATION_DAYS} days. "
        "If you did not expect it, ignore this email."
    )
    # through the task queue, once the invitation is saved (retried if the mail fails)
    transaction.on_commit(lambda: mail_enqueue(subject=subject, body=body, to=[email]))
    return invitation, token


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    if (user.email or "").lower() != invitation.email.lower():
        _bad("email", f"This invitation is for {invitation.email}; log in with that address.")
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    membership, _ = Membership.objects.get_or_create(
        dog=invitation.dog, user=user, defaults={"role": Membership.Role.HOUSEHOLD}
    )
    return membership


@transaction.atomic
def invitation_cancel(*, invitation: Invitation) -> None:
    invitation.delete()


@transaction.atomic
def membership_end(*, dog: Dog, member, by) -> None:
    """Stop sharing: the owner removes a household member, or a member leaves."""
    membership = dog.memberships.filter(user=member, role=Membership.Role.HOUSEHOLD).first()
    if membership is None or (by != member and by != dog.owner):
        _bad("member", "Only the owner, or the member themselves, can stop sharing.")
    membership.delete()


# ---- report links and API tokens


@transaction.atomic
def report_link_create(*, dog: Dog, user, days: int | None = None) -> tuple[ReportLink, str]:
    days = settings.DIARY_REPORT_LINK_DAYS if days is None else days
    if not 1 <= days <= 90:
        _bad("days", "A link can last from 1 to 90 days.")
    token = new_token()
    link = ReportLink.objects.create(
        dog=dog,
        created_by=user,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(days=days),
    )
    return link, token


@transaction.atomic
def report_link_revoke(*, link: ReportLink) -> ReportLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


@transaction.atomic
def api_token_create(*, user) -> tuple[ApiToken, str]:
    token = new_token()
    for _ in range(3):
        try:
            with transaction.atomic():
                stored = ApiToken.objects.create(
                    user=user,
                    token_hash=token_hash(token),
                    expires_at=timezone.now() + timedelta(days=settings.DIARY_API_TOKEN_DAYS),
                )
            return stored, token
        except IntegrityError:  # pragma: no cover - a 256-bit collision
            token = new_token()
    raise RuntimeError("could not make a unique token")


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    token.delete()


# ---- a result from the public wizard


@transaction.atomic
def result_save(
    *, user, case: Case, started_at: datetime, dog: Dog | None = None, new_dog_name: str = ""
) -> Episode:
    """The wizard's case as an episode in a dog's diary (a new dog takes the case's dog
    profile), with the engine's assessment of that case stored."""
    if dog is None:
        if not new_dog_name.strip():
            _bad("new_dog_name", "Choose one of your dogs, or give the new dog's name.")
        profile = case.dog
        birth = None
        if profile.age_years is not None:
            birth = (started_at - timedelta(days=round(profile.age_years * 365.25))).date()
        dog = dog_create(
            owner=user,
            name=new_dog_name.strip(),
            breed=profile.breed or "",
            birth_date=birth,
            birth_date_is_estimate=birth is not None,
            sex=profile.sex or "",
            pregnant_or_nursing=profile.pregnant_or_nursing,
            vaccinations=profile.vaccinations or "",
        )
    seen = case.episode
    data = {
        name: getattr(seen, name)
        for name in (
            "looks_like",
            "context",
            "duration",
            "aware",
            "afterwards",
            "stops_when_distracted",
            "trigger",
        )
        if getattr(seen, name) is not None
    }
    data["body_area"] = list(seen.body_area or [])
    data["signs"] = list(case.signs)
    data["started_at"] = started_at
    data["notes"] = "Saved from a check on twitchcheck."
    episode = episode_create(dog=dog, user=user, fields=data)
    episode.assessment = assess(case).model_dump(mode="json")
    episode.assessed_case = case.to_json_dict()
    episode.assessed_at = timezone.now()
    episode.save(update_fields=["assessment", "assessed_case", "assessed_at"])
    return episode
