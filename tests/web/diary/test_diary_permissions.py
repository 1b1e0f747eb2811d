"""Nobody sees or changes what is not shared with them: every diary address (pages and
API, every method) tried by a second owner and by a visitor gives 404 and no data, and
changes nothing. The page addresses are read from the URL configuration, so a new one
cannot be left out."""

from __future__ import annotations

import json

import pytest
from diary_helpers import Api, add_episodes, client_for, hours_ago, make_owner, png_bytes
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver

from twitchcheck.web.diary import services
from twitchcheck.web.diary.models import (
    Dog,
    Episode,
    Invitation,
    Medication,
    Membership,
    ReportLink,
)

pytestmark = pytest.mark.django_db

SECRET = "Bella-secret-notes-7f3"

# addresses that are not about one dog: the caller's own pages, or reached only with a
# secret that was sent to them (report link, invitation)
NOT_OBJECT_SCOPED = {
    "home",
    "dog_new",
    "account",
    "account_delete",
    "account_export",
    "result_save",
    "report_shared",
    "invitation",
}


@pytest.fixture
def world(owner, dog, django_capture_on_commit_callbacks):
    """The owner's dog with an episode (with a photo), a medication, a report link, a
    household member and an open invitation."""
    dog.notes = SECRET
    dog.save()
    owner_client = client_for(owner)
    owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {
            "started_at": "2026-03-14T21:40",
            "notes": SECRET,
            "media": SimpleUploadedFile("a.png", png_bytes()),
        },
    )
    add_episodes(dog, hours_ago(1, 2), notes=SECRET)
    medication = services.medication_create(dog=dog, name=SECRET, since=dog.birth_date)
    link, _token = services.report_link_create(dog=dog, user=owner)
    member = make_owner("member@example.org")
    Membership.objects.create(dog=dog, user=member, role="household")
    invitation, _ = services.invitation_create(
        dog=dog, invited_by=owner, email="later@example.org", accept_url=lambda t: t
    )
    episode = Episode.objects.exclude(media="").get()
    return {
        "dog_id": dog.pk,
        "episode_id": episode.pk,
        "medication_id": medication.pk,
        "link_id": link.pk,
        "user_id": member.pk,
        "invitation_id": invitation.pk,
    }


def _snapshot() -> str:
    rows = {
        "dogs": list(Dog.objects.values()),
        "episodes": list(Episode.objects.values()),
        "medications": list(Medication.objects.values()),
        "members": list(Membership.objects.values()),
        "links": list(ReportLink.objects.values()),
        "invitations": list(Invitation.objects.values()),
    }
    return json.dumps(rows, default=str, sort_keys=True)


def diary_pages(world) -> list[tuple[str, str]]:
    resolver = get_resolver()
    pages = []
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) != "diary":
            continue
        for entry in pattern.url_patterns:
            name = entry.name
            if name in NOT_OBJECT_SCOPED:
                continue
            keys = entry.pattern.converters.keys()
            missing = [k for k in keys if k not in world]
            assert not missing, f"add {missing} to the world fixture for diary:{name}"
            from django.urls import reverse

            pages.append((name, reverse(f"diary:{name}", kwargs={k: world[k] for k in keys})))
    assert len(pages) >= 20
    return pages


@pytest.fixture(params=["second owner", "visitor"])
def stranger(request, other):
    return client_for(other) if request.param == "second owner" else Client()


def test_every_diary_page_is_404_for_strangers(world, stranger):
    before = _snapshot()
    for name, url in diary_pages(world):
        for method in ("get", "post"):
            response = getattr(stranger, method)(url)
            if response.status_code == 405:  # a method the address never takes, whatever the id
                continue
            assert response.status_code == 404, (name, method, response.status_code)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert SECRET.encode() not in body and b"Bella" not in body, (name, method)
    assert _snapshot() == before


def test_the_not_object_scoped_pages_leak_nothing(world, other):
    """The second owner's own pages show none of the first owner's dog."""
    stranger = client_for(other)
    for url in ("/diary/", "/diary/account/", "/diary/account/export.json"):
        response = stranger.get(url)
        assert response.status_code == 200
        assert SECRET.encode() not in response.content and b"Bella" not in response.content
    # a visitor is sent to log in, with nothing else
    for url in ("/diary/", "/diary/dogs/new/", "/diary/account/", "/diary/account/export.json"):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_wrong_report_token_or_invitation_token_is_404(world):
    assert Client().get("/report/not-a-token/").status_code == 404
    assert Client().get("/diary/invitations/not-a-token/").status_code == 404


def test_removed_member_loses_access_at_once(world, dog):
    member = Membership.objects.get(role="household").user
    member_client = client_for(member)
    assert member_client.get(f"/diary/dogs/{dog.pk}/").status_code == 200
    Membership.objects.filter(user=member).delete()
    assert member_client.get(f"/diary/dogs/{dog.pk}/").status_code == 404
    assert member_client.get(f"/diary/episodes/{world['episode_id']}/media/").status_code == 404


API_CALLS = [
    ("get", "dogs/{dog_id}"),
    ("patch", "dogs/{dog_id}"),
    ("delete", "dogs/{dog_id}"),
    ("get", "dogs/{dog_id}/episodes"),
    ("post", "dogs/{dog_id}/episodes"),
    ("get", "episodes/{episode_id}"),
    ("patch", "episodes/{episode_id}"),
    ("delete", "episodes/{episode_id}"),
    ("get", "dogs/{dog_id}/trend"),
    ("post", "dogs/{dog_id}/assess"),
    ("get", "dogs/{dog_id}/report.pdf"),
    ("get", "dogs/{dog_id}/episodes.csv"),
    ("post", "dogs/{dog_id}/episodes.csv"),
]
BODIES = {
    "patch dogs/{dog_id}": {"name": "Stolen"},
    "post dogs/{dog_id}/episodes": {"started_at": "2026-03-14T21:40:00+00:00"},
    "patch episodes/{episode_id}": {"notes": "stolen"},
}


def test_api_calls_cover_every_object_path_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    documented = {
        (method, path.removeprefix("/api/v1/"))
        for path, methods in paths.items()
        if "{dog_id}" in path or "{episode_id}" in path
        for method in methods
    }
    assert documented == set(API_CALLS)


@pytest.mark.parametrize("who", ["second owner", "visitor", "bad token"])
def test_no_api_object_call_serves_strangers(world, other, who):
    """A second owner gets 404; a call without a valid token gets the documented 401, for
    every id alike (so it tells nothing either)."""
    from diary_helpers import api_token_for

    api = {
        "second owner": lambda: Api(api_token_for(other)),
        "visitor": Api,
        "bad token": lambda: Api("x" * 43),
    }[who]()
    before = _snapshot()
    for method, template in API_CALLS:
        path = template.format(**world)
        body = BODIES.get(f"{method} {template}")
        if method == "post" and template.endswith("episodes.csv"):
            response = api.post(
                path, "started_at\r\n2026-03-14T21:40:00+00:00\r\n", content_type="text/csv"
            )
        elif method in ("post", "patch"):
            response = getattr(api, method)(path, body or {})
        else:
            response = getattr(api, method)(path)
        expected = 404 if who == "second owner" else 401
        assert response.status_code == expected, (who, method, path, response.status_code)
        assert SECRET.encode() not in response.content and b"Bella" not in response.content
    assert _snapshot() == before


def test_without_a_token_an_object_call_is_401_whether_the_dog_exists_or_not(world):
    """make check-reliability (schemathesis ST401): the document says 401 without a token,
    so a visitor is not answered 404 (which would also tell a missing id from a real one
    no better than 401 does)."""
    visitor = Api()
    for dog_id in (world["dog_id"], 987654):
        response = visitor.patch(f"dogs/{dog_id}", {"name": "x"})
        assert response.status_code == 401
        assert response.json() == {"detail": "Unauthorized"}
        body = {"started_at": "2026-03-14T21:40:00+00:00"}
        assert visitor.post(f"dogs/{dog_id}/episodes", body).status_code == 401


def test_api_collections_show_only_your_own_dogs(world, other):
    from diary_helpers import api_token_for

    response = Api(api_token_for(other)).get("dogs")
    assert response.status_code == 200 and response.json() == []
