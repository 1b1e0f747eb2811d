"""Fixtures for the diary tests: owners, a dog, API clients, uploads kept in a temporary
MEDIA_ROOT, fast password hashing and no rate limits."""

from __future__ import annotations

from datetime import datetime

import pytest
from diary_helpers import Api, api_token_for, client_for, make_owner

from twitchcheck.web.diary import services


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def owner(db):
    return make_owner("owner@example.org")


@pytest.fixture
def other(db):
    return make_owner("other@example.org", "America/New_York")


@pytest.fixture
def owner_client(owner):
    return client_for(owner)


@pytest.fixture
def other_client(other):
    return client_for(other)


@pytest.fixture
def dog(owner):
    return services.dog_create(
        owner=owner,
        name="Bella",
        breed="labrador retriever",
        birth_date=datetime(2020, 5, 1).date(),
        sex="female",
        neutered=True,
        pregnant_or_nursing=False,
        vaccinations="up_to_date",
        weight_kg=28,
        notes="Started on phenobarbital in March.",
    )


@pytest.fixture
def owner_api(owner):
    return Api(api_token_for(owner))


@pytest.fixture
def other_api(other):
    return Api(api_token_for(other))
