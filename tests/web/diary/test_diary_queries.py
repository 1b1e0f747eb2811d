"""The dog page, the API list and the report cost the same number of database queries for
10 episodes as for 10,000: everything is paginated, sliced or aggregated in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from diary_helpers import Api, add_episodes, api_token_for, client_for
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


def test_query_counts_do_not_grow_with_the_diary(owner, dog):
    from twitchcheck.web.diary import services

    services.medication_create(dog=dog, name="Pheno", since=datetime(2026, 1, 1).date())
    now = datetime.now(UTC)
    web = client_for(owner)
    api = Api(api_token_for(owner))
    calls = {
        "dog page": lambda: web.get(f"/diary/dogs/{dog.pk}/"),
        "dog page, last page": lambda: web.get(f"/diary/dogs/{dog.pk}/?page=last"),
        "API list": lambda: api.get(f"dogs/{dog.pk}/episodes"),
        "report": lambda: web.get(f"/diary/dogs/{dog.pk}/report.pdf"),
        "trends": lambda: web.get(f"/diary/dogs/{dog.pk}/trends/"),
    }
    # 10 episodes, some fit-like and one checked
    first = add_episodes(dog, [now - timedelta(hours=5 * i + 1) for i in range(8)])
    add_episodes(
        dog, [now - timedelta(hours=30), now - timedelta(hours=40)], looks_like="seizure_or_fit"
    )
    services.episode_check(episode=first[0])
    for call in calls.values():
        call()  # warm: the session's time zone, caches
    small = {name: count_queries(call) for name, call in calls.items()}
    # 9,990 more over a year and a half
    add_episodes(dog, [now - timedelta(minutes=80 * i + 7) for i in range(9_990)])
    big = {name: count_queries(call) for name, call in calls.items()}
    assert small == big
    assert min(small.values()) >= 3, small  # really counted
    assert big["dog page"] <= 12 and big["API list"] <= 5 and big["report"] <= 12, big
