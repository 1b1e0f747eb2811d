"""The episode diary: owners' dogs, who a dog is shared with, medications, episodes (with
an optional photo or video and the stored assessment), report links and API tokens.

Times are stored in UTC (USE_TZ) and shown in the owner's time zone (OwnerProfile).
Secrets handed out (API tokens, report links, invitations) are stored only as SHA-256
hashes; whoever holds the secret proves it by its hash.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class OwnerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_profile"
    )
    time_zone = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.user} ({self.time_zone})"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Not sure"


class Vaccinations(models.TextChoices):
    UP_TO_DATE = "up_to_date", "Up to date"
    NOT_UP_TO_DATE = "not_up_to_date", "Not up to date or never given"
    UNKNOWN = "unknown", "Not sure"


class DogQuerySet(models.QuerySet):
    def visible_to(self, user) -> DogQuerySet:
        """The dogs this user owns or that are shared with them (nothing for a visitor)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(memberships__user=user)


class Dog(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dogs_owned"
    )
    name = models.CharField(max_length=80)
    breed = models.CharField(max_length=80, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    birth_date_is_estimate = models.BooleanField(
        default=False, help_text="worked out from an age the owner gave"
    )
    sex = models.CharField(max_length=8, choices=Sex.choices, blank=True)
    neutered = models.BooleanField(null=True, blank=True)
    pregnant_or_nursing = models.BooleanField(null=True, blank=True)
    vaccinations = models.CharField(max_length=16, choices=Vaccinations.choices, blank=True)
    weight_kg = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    notes = models.TextField(blank=True, help_text="for the vet; printed on the report")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DogQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Who may see and log for a dog: its owner, and the household members it is shared
    with."""

    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        HOUSEHOLD = "household", "Household member"

    dog = models.ForeignKey(Dog, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dog_memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dog", "user"], name="diary_one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.dog} ({self.role})"


class Invitation(models.Model):
    dog = models.ForeignKey(Dog, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} → {self.dog}"


class Medication(models.Model):
    dog = models.ForeignKey(Dog, on_delete=models.CASCADE, related_name="medications")
    name = models.CharField(max_length=120)
    dose = models.CharField(max_length=120, blank=True)
    since = models.DateField()
    until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["since", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="diary_medication_until_after_since",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Episode(models.Model):
    """One episode as the owner logged it. Fields shared with the case contract take the
    contract's names and values; blank means not known."""

    dog = models.ForeignKey(Dog, on_delete=models.CASCADE, related_name="episodes")
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    started_at = models.DateTimeField()
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    duration = models.CharField(max_length=16, blank=True)
    looks_like = models.CharField(max_length=24, blank=True)
    context = models.CharField(max_length=32, blank=True)
    body_area = models.JSONField(default=list, blank=True)
    aware = models.CharField(max_length=8, blank=True)
    afterwards = models.CharField(max_length=24, blank=True)
    stops_when_distracted = models.CharField(max_length=8, blank=True)
    trigger = models.CharField(max_length=32, blank=True)
    signs = models.JSONField(default=list, blank=True)
    behaviour_before = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    fit_like = models.BooleanField(
        default=False, help_text="looks like a fit, or the dog did not respond (kept in step)"
    )
    media = models.FileField(upload_to="diary/", blank=True)
    media_type = models.CharField(max_length=32, blank=True)
    assessment = models.JSONField(null=True, blank=True)
    assessed_case = models.JSONField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["dog", "started_at"], name="diary_episode_dog_time"),
            models.Index(
                fields=["dog", "started_at"],
                condition=Q(fit_like=True),
                name="diary_episode_fit_like",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dog} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def urgency(self) -> str:
        return (self.assessment or {}).get("urgency", "")

    @property
    def is_photo(self) -> bool:
        return self.media_type.startswith("image/")


class ReportLink(models.Model):
    """A link to the dog's vet report that works without an account until it expires or
    is revoked."""

    dog = models.ForeignKey(Dog, on_delete=models.CASCADE, related_name="report_links")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"report link for {self.dog}"


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"API token of {self.user}"
