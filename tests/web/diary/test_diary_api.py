"""The diary's JSON API: tokens, dogs, episodes, trend, assess, report, CSV, and the
OpenAPI document."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from diary_helpers import PASSWORD, Api, add_episodes, hours_ago

from twitchcheck.web.diary.models import ApiToken, Dog, Episode, token_hash

pytestmark = pytest.mark.django_db


def test_token_create_use_and_revoke(owner, dog):
    api = Api()
    response = api.post("token", {"username": "Owner@example.org", "password": PASSWORD})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"token", "expires"}
    expires = datetime.fromisoformat(data["expires"])
    assert expires > datetime.now(UTC) + timedelta(days=29)
    stored = ApiToken.objects.get()
    assert stored.token_hash == token_hash(data["token"]) and data["token"] not in stored.token_hash
    authed = Api(data["token"])
    assert authed.get("dogs").status_code == 200
    assert authed.delete("token").status_code == 204
    assert not ApiToken.objects.exists()
    assert authed.get("dogs").status_code == 401


def test_wrong_password_and_expired_tokens(owner):
    assert (
        Api().post("token", {"username": "owner@example.org", "password": "x"}).status_code == 401
    )
    assert Api().post("token", {"username": "owner@example.org"}).status_code == 422
    api = Api(
        Api().post("token", {"username": "owner@example.org", "password": PASSWORD}).json()["token"]
    )
    ApiToken.objects.update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert api.get("dogs").status_code == 401


def test_token_requests_are_rate_limited(owner, settings):
    settings.RATELIMIT_ENABLE = True
    settings.DIARY_TOKEN_RATE = "2/m"
    from django.core.cache import cache

    cache.clear()
    statuses = [
        Api().post("token", {"username": "owner@example.org", "password": "x"}).status_code
        for _ in range(3)
    ]
    assert statuses == [401, 401, 429]
    cache.clear()


def test_collections_need_a_token():
    assert Api().get("dogs").status_code == 401
    assert Api().post("dogs", {"name": "X"}).status_code == 401
    assert Api("nonsense").get("dogs").status_code == 401


def test_dogs_crud(owner_api):
    created = owner_api.post(
        "dogs",
        {
            "name": "Bella",
            "breed": "labrador",
            "age_years": 4,
            "sex": "female",
            "weight_kg": 28.5,
            "medications": [{"name": "Pheno", "dose": "30 mg", "since": "2026-03-01"}],
        },
    )
    assert created.status_code == 201, created.content
    dog = created.json()
    assert dog["role"] == "owner" and dog["birth_date_is_estimate"] is True
    assert dog["medications"][0]["name"] == "Pheno"
    assert [d["name"] for d in owner_api.get("dogs").json()] == ["Bella"]
    assert owner_api.get(f"dogs/{dog['id']}").json()["weight_kg"] == 28.5
    patched = owner_api.patch(f"dogs/{dog['id']}", {"neutered": True, "medications": []})
    assert patched.status_code == 200
    assert patched.json()["neutered"] is True and patched.json()["medications"] == []
    assert patched.json()["name"] == "Bella"
    assert owner_api.delete(f"dogs/{dog['id']}").status_code == 204
    assert not Dog.objects.exists()


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({}, ["name"]),
        ({"name": ""}, ["name"]),
        ({"name": "X", "sex": "cat"}, ["sex"]),
        ({"name": "X", "age_years": 31}, ["age_years"]),
        ({"name": "X", "colour": "black"}, ["colour"]),
        (
            {
                "name": "X",
                "medications": [{"name": "A", "since": "2026-03-02", "until": "2026-03-01"}],
            },
            ["until"],
        ),
    ],
)
def test_bad_dogs_get_422_naming_the_field(owner_api, payload, loc):
    response = owner_api.post("dogs", payload)
    assert response.status_code == 422
    assert any(
        d["loc"][-len(loc) :] == loc or d["loc"][: len(loc)] == loc
        for d in response.json()["detail"]
    ), response.json()
    assert not Dog.objects.exists()


EPISODE = {
    "started_at": "2026-03-14T22:40:00+01:00",
    "duration_seconds": 40,
    "looks_like": "twitching_or_jerking",
    "context": "asleep",
    "body_area": ["hind_leg"],
    "aware": "yes",
    "afterwards": "normal",
    "signs": ["paddling_or_chomping"],
    "notes": "woke up fine",
}


def test_episodes_crud(owner_api, dog):
    created = owner_api.post(f"dogs/{dog.pk}/episodes", EPISODE)
    assert created.status_code == 201, created.content
    episode = created.json()
    assert datetime.fromisoformat(episode["started_at"]) == datetime(
        2026, 3, 14, 21, 40, tzinfo=UTC
    )
    assert episode["started_at"].endswith(("Z", "+00:00"))
    assert episode["duration"] == "seconds"  # filled from duration_seconds
    assert episode["logged_by"] == "owner@example.org"
    for name in ("context", "body_area", "aware", "afterwards", "looks_like", "signs", "notes"):
        assert episode[name] == EPISODE[name]
    listed = owner_api.get(f"dogs/{dog.pk}/episodes").json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == episode["id"]
    one = owner_api.get(f"episodes/{episode['id']}").json()
    assert one == episode
    patched = owner_api.patch(f"episodes/{episode['id']}", {"notes": "changed", "aware": None})
    assert patched.status_code == 200
    assert patched.json()["notes"] == "changed" and patched.json()["aware"] is None
    assert patched.json()["context"] == "asleep"
    longer = owner_api.patch(f"episodes/{episode['id']}", {"duration_seconds": 400})
    assert longer.json()["duration"] == "over_5_minutes"
    assert owner_api.delete(f"episodes/{episode['id']}").status_code == 204
    assert not Episode.objects.exists()


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"started_at": "2026-03-14T21:40:00"}, ["started_at"]),
        ({"started_at": "soon"}, ["started_at"]),
        ({"looks_like": "sneezing"}, ["looks_like"]),
        ({"signs": ["barking"]}, ["signs", 0]),
        ({"body_area": ["tail"]}, ["body_area", 0]),
        ({"duration_seconds": -1}, ["duration_seconds"]),
        ({"duration": "seconds", "duration_seconds": 900}, ["duration"]),
        ({"mood": "happy"}, ["mood"]),
        ({"notes": "x" * 5001}, ["notes"]),
    ],
)
def test_bad_episodes_get_422_and_change_nothing(owner_api, dog, change, loc):
    response = owner_api.post(f"dogs/{dog.pk}/episodes", {**EPISODE, **change})
    assert response.status_code == 422
    detail = response.json()["detail"]
    if loc:
        assert any(d["loc"][: len(loc)] == loc for d in detail), detail
    assert not Episode.objects.exists()


def test_a_bad_patch_changes_nothing(owner_api, dog):
    (episode,) = add_episodes(dog, hours_ago(1), notes="kept")
    response = owner_api.patch(f"episodes/{episode.pk}", {"notes": "new", "aware": "perhaps"})
    assert response.status_code == 422
    response = owner_api.patch(
        f"episodes/{episode.pk}", {"duration": "seconds", "duration_seconds": 900}
    )
    assert response.status_code == 422
    episode.refresh_from_db()
    assert episode.notes == "kept" and episode.aware == "yes"


def test_episode_list_pages_and_filters(owner_api, dog):
    now = datetime.now(UTC)
    add_episodes(dog, [now - timedelta(days=d) for d in range(30)])
    page = owner_api.get(f"dogs/{dog.pk}/episodes?limit=10&offset=5").json()
    assert page["count"] == 30 and len(page["items"]) == 10
    since = (now - timedelta(days=9, hours=12)).isoformat()
    recent = owner_api.get(f"dogs/{dog.pk}/episodes", data={"since": since}).json()
    assert recent["count"] == 10
    assert owner_api.get(f"dogs/{dog.pk}/episodes?limit=0").status_code == 422


def test_trend(owner_api, dog):
    add_episodes(dog, hours_ago(*[24 * d + 5 for d in range(0, 14)], *[24 * d for d in (20, 35)]))
    add_episodes(dog, hours_ago(3, 1), looks_like="seizure_or_fit")
    trend = owner_api.get(f"dogs/{dog.pk}/trend").json()
    assert trend["recent"] == 16 and trend["before"] == 2
    assert trend["more_often_lately"] is True and trend["p_value"] < 0.05
    assert trend["cluster_now"] is True and trend["clusters"][0]["count"] == 2
    assert len(trend["weeks"]) >= 26 and sum(w["episodes"] for w in trend["weeks"]) == 18


def test_assess_the_latest_episode(owner_api, dog):
    assert (
        owner_api.post(f"dogs/{dog.pk}/assess").status_code == 409
    )  # no episode yet (the dog exists)
    add_episodes(dog, hours_ago(50))
    (latest,) = add_episodes(dog, hours_ago(1), context="asleep", aware="yes")
    response = owner_api.post(f"dogs/{dog.pk}/assess")
    assert response.status_code == 200
    data = response.json()
    assert data["episode_id"] == latest.pk
    assert data["case"]["episode"]["pattern"] == "occasional"
    assert data["case"]["episode"]["count_24h"] == 1
    assert data["case"]["dog"]["breed"] == "labrador retriever"
    assert data["assessment"]["urgency"] in {"normal", "home_care", "see_vet", "emergency"}
    latest.refresh_from_db()
    assert latest.assessment == data["assessment"]


def test_report_pdf(owner_api, dog):
    add_episodes(dog, hours_ago(1))
    response = owner_api.get(f"dogs/{dog.pk}/report.pdf?since=2026-01-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_csv_export_and_import(owner_api, dog):
    add_episodes(dog, hours_ago(1, 2, 3), notes='a, "quoted"\nline')
    exported = owner_api.get(f"dogs/{dog.pk}/episodes.csv")
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/csv")
    Episode.objects.all().delete()
    imported = owner_api.post(
        f"dogs/{dog.pk}/episodes.csv", exported.content.decode(), content_type="text/csv"
    )
    assert imported.status_code == 201 and imported.json() == {"imported": 3}
    assert owner_api.get(f"dogs/{dog.pk}/episodes.csv").content == exported.content
    # and as a multipart upload
    upload = io.BytesIO(exported.content)
    upload.name = "e.csv"
    multipart = owner_api.client.post(
        f"/api/v1/dogs/{dog.pk}/episodes.csv", {"file": upload}, headers=owner_api.headers
    )
    assert multipart.status_code == 201 and Episode.objects.count() == 6


def test_a_bad_csv_row_is_named_and_nothing_imported(owner_api, dog):
    text = (
        "started_at,aware\r\n2026-03-01T10:00:00+00:00,yes\r\n2026-03-02T10:00:00+00:00,maybe\r\n"
    )
    response = owner_api.post(f"dogs/{dog.pk}/episodes.csv", text, content_type="text/csv")
    assert response.status_code == 422
    assert response.json()["detail"][0]["row"] == 2
    assert response.json()["detail"][0]["loc"] == ["aware"]
    assert not Episode.objects.exists()


def test_a_household_member_uses_the_api_but_cannot_delete_the_dog(dog, other, other_api):
    from twitchcheck.web.diary.models import Membership

    Membership.objects.create(dog=dog, user=other, role="household")
    assert other_api.get(f"dogs/{dog.pk}").json()["role"] == "household"
    assert other_api.post(f"dogs/{dog.pk}/episodes", EPISODE).status_code == 201
    assert other_api.delete(f"dogs/{dog.pk}").status_code == 403
    assert Dog.objects.filter(pk=dog.pk).exists()


def test_openapi_documents_every_diary_path_with_examples(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    expected = {
        "/api/v1/token": {"post", "delete"},
        "/api/v1/dogs": {"get", "post"},
        "/api/v1/dogs/{dog_id}": {"get", "patch", "delete"},
        "/api/v1/dogs/{dog_id}/episodes": {"get", "post"},
        "/api/v1/episodes/{episode_id}": {"get", "patch", "delete"},
        "/api/v1/dogs/{dog_id}/trend": {"get"},
        "/api/v1/dogs/{dog_id}/assess": {"post"},
        "/api/v1/dogs/{dog_id}/report.pdf": {"get"},
        "/api/v1/dogs/{dog_id}/episodes.csv": {"get", "post"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path
    components = schema["components"]["schemas"]
    for name in ("EpisodeIn", "EpisodeOut", "DogIn", "DogOut", "TokenIn", "TokenOut", "TrendOut"):
        assert components[name].get("examples"), name
    assert (
        "application/pdf"
        in paths["/api/v1/dogs/{dog_id}/report.pdf"]["get"]["responses"]["200"]["content"]
    )
    assert (
        "text/csv" in paths["/api/v1/dogs/{dog_id}/episodes.csv"]["post"]["requestBody"]["content"]
    )
    assert schema["components"]["securitySchemes"]
