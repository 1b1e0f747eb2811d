"""Run inside the site's Django (settings from the environment, by stack.Site.django):
the people and objects every check needs, printed as JSON.

- staff: a superuser for the admin;
- owner A ("alice") with a dog that holds a secret in every field that can hold text, an
  episode with a photo, a medication, a report link, a household member, an invitation,
  a wizard result and a pending comment with the secret;
- owner B ("bob") with a dog of his own; user C ("carol"), signed up with no dog;
- LOAD_OWNERS owners with a dog each and an API token, for the load.
Passwords are hashed by the site's own hasher, so each account costs a hash: few of them.
"""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, date, datetime, timedelta

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from twitchcheck.case import Case  # noqa: E402
from twitchcheck.web.check.services import shared_result_create  # noqa: E402
from twitchcheck.web.comments.models import Comment  # noqa: E402
from twitchcheck.web.diary import services  # noqa: E402
from twitchcheck.web.diary.models import Membership  # noqa: E402

PASSWORD = "reliability-Password-8431"
SECRET = "SECRETalice7731"  # in every private text of owner A; never in a stranger's answer
LOAD_OWNERS = int(os.environ.get("LOAD_OWNERS", "16"))


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def owner(email: str):
    user = services.account_create(email=email, password=PASSWORD, time_zone="Europe/London")
    return user, services.api_token_create(user=user)[1]


def owner_a(suffix: str = "") -> dict:
    """Owner A with the secret in every private text and one of each object, a household
    member, an invitation, a wizard result and a pending comment with the secret. With a
    suffix, another such owner (new addresses): the access walk makes one of its own, so
    what the checks before it did to A's objects (schemathesis, as A, patches and deletes
    them) cannot leave it with nothing of A's to look for."""
    alice, alice_token = owner(f"alice{suffix}@example.org")
    member, _ = owner(f"member{suffix}@example.org")
    dog = services.dog_create(
        owner=alice,
        name=f"Bella{SECRET}",
        breed=f"collie {SECRET}",
        notes=f"notes {SECRET}",
        medications=[{"name": f"med{SECRET}", "dose": f"dose{SECRET}", "since": date(2025, 1, 1)}],
    )
    started = datetime.now(UTC) - timedelta(hours=3)
    episode = services.episode_create(
        dog=dog,
        user=alice,
        fields={
            "started_at": started,
            "notes": f"episode {SECRET}",
            "behaviour_before": f"before {SECRET}",
            "looks_like": "twitching_or_jerking",
            "context": "asleep",
        },
        media=SimpleUploadedFile("a.png", png(), content_type="image/png"),
    )
    services.episode_check(episode=episode)
    medication = dog.medications.get()
    link, report_token = services.report_link_create(dog=dog, user=alice)
    Membership.objects.create(dog=dog, user=member, role="household")
    invitation, invitation_token = services.invitation_create(
        dog=dog, invited_by=alice, email=f"later{suffix}@example.org", accept_url=lambda t: t
    )
    result = shared_result_create(
        case=Case.model_validate({"episode": {"context": "asleep", "aware": "yes"}}),
        dog_name="Bella",
    )
    comment = Comment.objects.create(
        name=f"pending{SECRET}", email=f"{SECRET.lower()}@example.org", body=f"pending {SECRET}"
    )
    return {
        "alice": {
            "email": alice.email,
            "id": alice.pk,
            "token": alice_token,
            # a second token, for schemathesis to revoke (DELETE /api/v1/token) last
            "spare_token": services.api_token_create(user=alice)[1],
        },
        # the URL parameters of owner A's objects, by the URL configuration's names
        "objects": {
            "dog_id": dog.pk,
            "episode_id": episode.pk,
            "medication_id": medication.pk,
            "link_id": link.pk,
            "user_id": member.pk,
            "invitation_id": invitation.pk,
            "result_id": result.pk,
            "comment_id": comment.pk,
            "report_token": report_token,
            "invitation_token": invitation_token,
        },
    }


def main() -> dict:
    User = get_user_model()
    staff = User.objects.create_superuser(
        username="staff@example.org", email="staff@example.org", password=PASSWORD
    )
    a = owner_a()
    bob, bob_token = owner("bob@example.org")
    carol, carol_token = owner("carol@example.org")
    bob_dog = services.dog_create(owner=bob, name="Rex", notes="bob's own notes")

    load = []
    for n in range(LOAD_OWNERS):
        user, token = owner(f"load{n}@example.org")
        load_dog = services.dog_create(owner=user, name=f"Load dog {n}")
        load.append({"email": user.email, "token": token, "dog_id": load_dog.pk})

    return {
        "password": PASSWORD,
        "secret": SECRET,
        "staff": {"email": staff.email, "id": staff.pk},
        **a,
        "bob": {"email": bob.email, "id": bob.pk, "token": bob_token, "dog_id": bob_dog.pk},
        "carol": {"email": carol.email, "id": carol.pk, "token": carol_token},
        "load": load,
    }


if __name__ == "__main__":
    # `seed.py --owner-a SUFFIX`: one more owner A only (the access walk's own)
    if sys.argv[1:2] == ["--owner-a"]:
        json.dump(owner_a(sys.argv[2]), sys.stdout)
    else:
        json.dump(main(), sys.stdout)
