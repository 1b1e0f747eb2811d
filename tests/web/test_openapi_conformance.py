"""The OpenAPI document matches the server (issue 12, finding 13): schemathesis generates
requests from /api/v1/openapi.json, sends them to the app in-process (WSGI) and runs all
its checks, the positive-data ones included. A short run here; `make check-reliability`
runs thousands of cases."""

import pytest
import schemathesis

# registers the hook that leaves out bodies with a sign both seen and absent (a rule the
# document states in words), shared with `make check-reliability`
from bench.reliability import st_hooks  # noqa: F401
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from twitchcheck.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def test_a_sign_both_seen_and_absent_is_a_field_error(client):
    response = client.post(
        "/api/v1/assess",
        {"signs": ["collapse"], "signs_absent": ["collapse"]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["signs_absent"]
    document = client.get("/api/v1/openapi.json").json()
    described = document["components"]["schemas"]["Case"]["properties"]["signs_absent"]
    assert "never a sign that is also in `signs`" in described["description"]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The raw WSGI handler closes database connections after each request; the test's
    transaction needs its own open (as Django's test client arranges)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,  # about 200 cases over the 22 operations, in ~10 s
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_matches_its_openapi_document(case):
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


def test_the_document_names_400_and_no_null_for_case_fields(client):
    document = client.get("/api/v1/openapi.json").json()
    assess = document["paths"]["/api/v1/assess"]["post"]["responses"]
    assert {"200", "400", "422"} <= set(assess)
    dog = document["components"]["schemas"]["Dog"]["properties"]
    assert all({"type": "null"} not in prop.get("anyOf", []) for prop in dog.values())
    assert document["components"]["schemas"]["Case"]["properties"]["signs"]["uniqueItems"]
    dogs = document["paths"]["/api/v1/dogs"]["get"]["responses"]
    assert "401" in dogs


def test_a_body_that_cannot_be_parsed_is_a_documented_400(client):
    for content_type, body in [
        ("application/json", b"\x00{"),
        ("multipart/form-data", b'{"username": "a"}'),
    ]:
        response = client.post("/api/v1/token", body, content_type=content_type)
        assert response.status_code in (400, 422), response.content
        assert response.status_code != 500
