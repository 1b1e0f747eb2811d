"""Reads. Every lookup of a dog, an episode or a file goes through a `*_get` here that
filters by the people the dog is shared with, so whoever it is not shared with gets a 404
(never the data, never a 403 that would tell it exists)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Max, Min, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twitchcheck.web.diary import trends
from twitchcheck.web.diary.models import (
    ApiToken,
    Dog,
    Episode,
    Invitation,
    Medication,
    Membership,
    OwnerProfile,
    ReportLink,
    token_hash,
)


def dogs_for_user(*, user) -> QuerySet[Dog]:
    return (
        Dog.objects.visible_to(user)
        .annotate(episode_count=Count("episodes"), last_episode_at=Max("episodes__started_at"))
        .order_by("name", "id")
    )


def dog_get(*, user, dog_id) -> Dog:
    return get_object_or_404(Dog.objects.visible_to(user).select_related("owner"), pk=dog_id)


def episodes_visible_to(user) -> QuerySet[Episode]:
    if not getattr(user, "is_authenticated", False):
        return Episode.objects.none()
    return Episode.objects.filter(dog__memberships__user=user)


def episode_get(*, user, episode_id) -> Episode:
    return get_object_or_404(
        episodes_visible_to(user).select_related("dog", "logged_by"), pk=episode_id
    )


def medication_get(*, user, medication_id) -> Medication:
    return get_object_or_404(
        Medication.objects.filter(dog__memberships__user=user).select_related("dog")
        if user.is_authenticated
        else Medication.objects.none(),
        pk=medication_id,
    )


def episodes_for_dog(*, dog, since=None, until=None) -> QuerySet[Episode]:
    episodes = Episode.objects.filter(dog=dog)
    if since is not None:
        episodes = episodes.filter(started_at__gte=since)
    if until is not None:
        episodes = episodes.filter(started_at__lt=until)
    return episodes.select_related("logged_by").order_by("-started_at", "-id")


def medications_for_dog(*, dog) -> list[Medication]:
    return list(Medication.objects.filter(dog=dog).order_by("since", "id"))


def members_of(*, dog) -> list[Membership]:
    return list(dog.memberships.select_related("user").order_by("role", "since"))


def invitations_open(*, dog) -> list[Invitation]:
    return list(
        dog.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now()).order_by(
            "-created_at"
        )
    )


def invitation_get(*, token: str) -> Invitation:
    return get_object_or_404(
        Invitation.objects.select_related("dog"),
        token_hash=token_hash(token),
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


def latest_episode(*, dog) -> Episode | None:
    return Episode.objects.filter(dog=dog).order_by("-started_at", "-id").first()


def latest_assessed_episode(*, dog) -> Episode | None:
    return (
        Episode.objects.filter(dog=dog, assessment__isnull=False)
        .order_by("-started_at", "-id")
        .first()
    )


@dataclass(frozen=True)
class DiaryCounts:
    """What the log knows at the time of one episode (that episode included)."""

    count_24h: int
    fit_like_24h: int
    earlier: int
    recent: int
    before: int


def counts_at(*, dog, at: datetime) -> DiaryCounts:
    """One aggregate query: episodes in the 24 h up to `at`, any before it, and the two
    windows of the rise test ending at `at`."""
    recent_from = at - timedelta(days=trends.RECENT_DAYS)
    before_from = recent_from - timedelta(days=trends.BEFORE_DAYS)
    row = Episode.objects.filter(dog=dog, started_at__lte=at).aggregate(
        count_24h=Count("id", filter=Q(started_at__gt=at - timedelta(hours=24))),
        fit_like_24h=Count(
            "id", filter=Q(started_at__gt=at - trends.CLUSTER_WINDOW, fit_like=True)
        ),
        earlier=Count("id", filter=Q(started_at__lt=at)),
        recent=Count("id", filter=Q(started_at__gt=recent_from)),
        before=Count("id", filter=Q(started_at__gt=before_from, started_at__lte=recent_from)),
    )
    return DiaryCounts(**row)


def dog_rise_test(*, dog, now: datetime | None = None) -> trends.RiseTest:
    counts = counts_at(dog=dog, at=now or timezone.now())
    return trends.rise_test(counts.recent, counts.before)


def fit_like_times(*, dog, since: datetime | None = None) -> list[datetime]:
    episodes = Episode.objects.filter(dog=dog, fit_like=True)
    if since is not None:
        episodes = episodes.filter(started_at__gte=since)
    return list(episodes.order_by("started_at").values_list("started_at", flat=True))


@dataclass(frozen=True)
class ClusterAlert:
    dog_id: int
    dog_name: str
    count: int
    first: datetime
    last: datetime


def cluster_alerts(*, user, now: datetime | None = None) -> list[ClusterAlert]:
    """Dogs shared with the user that had two or more fit-like episodes within 24 hours,
    the latest in the last 24 hours: one query."""
    now = now or timezone.now()
    rows = (
        episodes_visible_to(user)
        .filter(fit_like=True, started_at__gte=now - 2 * trends.CLUSTER_WINDOW, started_at__lte=now)
        .order_by("dog_id", "started_at")
        .values_list("dog_id", "dog__name", "started_at")
    )
    by_dog: dict[int, tuple[str, list[datetime]]] = {}
    for dog_id, name, started_at in rows:
        by_dog.setdefault(dog_id, (name, []))[1].append(started_at)
    alerts = []
    for dog_id, (name, times) in by_dog.items():
        run = trends.active_cluster(times, now)
        if run:
            alerts.append(ClusterAlert(dog_id, name, len(run), run[0], run[-1]))
    return alerts


@dataclass(frozen=True)
class Week:
    start: datetime
    episodes: int
    mean_seconds: float | None
    longest_seconds: int | None


def weekly_series(*, dog, tz: ZoneInfo, since: datetime, until: datetime) -> list[Week]:
    """Episodes per week (weeks start on Monday, in the owner's time zone) with the mean
    and longest length, aggregated in the database; weeks without episodes are filled in."""
    rows = (
        Episode.objects.filter(dog=dog, started_at__gte=since, started_at__lt=until)
        .annotate(week=TruncWeek("started_at", tzinfo=tz))
        .values("week")
        .annotate(n=Count("id"), mean=Avg("duration_seconds"), longest=Max("duration_seconds"))
        .order_by("week")
    )
    found = {r["week"].date(): r for r in rows}
    start = since.astimezone(tz)
    week_start = (start - timedelta(days=start.weekday())).date()
    weeks = []
    while True:
        moment = datetime(week_start.year, week_start.month, week_start.day, tzinfo=tz)
        if moment >= until:
            break
        row = found.get(week_start)
        weeks.append(
            Week(
                start=moment,
                episodes=row["n"] if row else 0,
                mean_seconds=float(row["mean"]) if row and row["mean"] is not None else None,
                longest_seconds=row["longest"] if row else None,
            )
        )
        week_start += timedelta(days=7)
    return weeks


def episode_span(*, dog) -> tuple[datetime | None, datetime | None]:
    row = Episode.objects.filter(dog=dog).aggregate(first=Min("started_at"), last=Max("started_at"))
    return row["first"], row["last"]


def profile_time_zone(*, user) -> str:
    from django.conf import settings

    profile = OwnerProfile.objects.filter(user=user).only("time_zone").first()
    return profile.time_zone if profile else settings.DIARY_TIME_ZONE


def report_links_for_dog(*, dog) -> list[ReportLink]:
    return list(dog.report_links.select_related("created_by"))


def report_link_get(*, user, link_id) -> ReportLink:
    return get_object_or_404(
        ReportLink.objects.filter(dog__memberships__user=user)
        if user.is_authenticated
        else ReportLink.objects.none(),
        pk=link_id,
    )


def report_link_open(*, token: str) -> ReportLink:
    """The link for a token while it is neither expired nor revoked (else 404)."""
    return get_object_or_404(
        ReportLink.objects.select_related("dog", "created_by"),
        token_hash=token_hash(token),
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


def api_token_user(*, token: str):
    found = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(token), expires_at__gt=timezone.now())
        .first()
    )
    if found is None or not found.user.is_active:
        return None
    return found
