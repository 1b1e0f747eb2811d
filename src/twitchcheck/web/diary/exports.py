"""Everything an owner has stored, as one JSON document (the account, the dogs they own
or share with their medications, members, episodes with stored assessments, report links
and API tokens; never a password, token or hash)."""

from __future__ import annotations

from django.db.models import Prefetch

from twitchcheck.web.diary.models import Dog, Episode, Membership
from twitchcheck.web.diary.selectors import profile_time_zone

FORMAT = "twitchcheck-diary-export/1"


def _when(value):
    return value.isoformat() if value else None


def episode_json(episode: Episode) -> dict:
    return {
        "id": episode.pk,
        "started_at": _when(episode.started_at),
        "duration_seconds": episode.duration_seconds,
        "duration": episode.duration or None,
        "looks_like": episode.looks_like or None,
        "context": episode.context or None,
        "body_area": list(episode.body_area or []),
        "aware": episode.aware or None,
        "afterwards": episode.afterwards or None,
        "stops_when_distracted": episode.stops_when_distracted or None,
        "trigger": episode.trigger or None,
        "signs": list(episode.signs or []),
        "behaviour_before": episode.behaviour_before,
        "notes": episode.notes,
        "media": {"type": episode.media_type} if episode.media else None,
        "assessment": episode.assessment,
        "assessed_case": episode.assessed_case,
        "assessed_at": _when(episode.assessed_at),
        "logged_by": episode.logged_by.email if episode.logged_by else None,
        "created_at": _when(episode.created_at),
    }


def everything(*, user) -> dict:
    dogs = (
        Dog.objects.visible_to(user)
        .select_related("owner")
        .prefetch_related(
            "medications",
            Prefetch("memberships", queryset=Membership.objects.select_related("user")),
            Prefetch("episodes", queryset=Episode.objects.select_related("logged_by")),
            "report_links",
        )
        .order_by("id")
    )
    return {
        "format": FORMAT,
        "account": {
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "time_zone": profile_time_zone(user=user),
        },
        "api_tokens": [
            {"created_at": _when(t.created_at), "expires_at": _when(t.expires_at)}
            for t in user.api_tokens.all()
        ],
        "dogs": [
            {
                "id": dog.pk,
                "role": "owner" if dog.owner_id == user.pk else "household",
                "name": dog.name,
                "breed": dog.breed,
                "birth_date": _when(dog.birth_date),
                "birth_date_is_estimate": dog.birth_date_is_estimate,
                "sex": dog.sex or None,
                "neutered": dog.neutered,
                "pregnant_or_nursing": dog.pregnant_or_nursing,
                "vaccinations": dog.vaccinations or None,
                "weight_kg": float(dog.weight_kg) if dog.weight_kg is not None else None,
                "notes": dog.notes,
                "members": [
                    {"email": m.user.email, "role": m.role, "since": _when(m.since)}
                    for m in dog.memberships.all()
                ],
                "medications": [
                    {
                        "name": m.name,
                        "dose": m.dose,
                        "since": _when(m.since),
                        "until": _when(m.until),
                    }
                    for m in dog.medications.all()
                ],
                "report_links": [
                    {
                        "created_at": _when(r.created_at),
                        "expires_at": _when(r.expires_at),
                        "revoked_at": _when(r.revoked_at),
                    }
                    for r in dog.report_links.all()
                ],
                "episodes": [episode_json(e) for e in dog.episodes.all()],
            }
            for dog in dogs
        ],
    }
