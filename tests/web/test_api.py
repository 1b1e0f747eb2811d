"""The JSON API at /api/v1/: the contract's endpoints, the knowledge, free text."""

import json
import sys
from pathlib import Path

import jsonschema
import pytest

from twitchcheck import assess, load_knowledge, next_question

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contract"

CASE = {
    "dog": {"age_years": 3.5, "breed": "labrador retriever", "sex": "female"},
    "episode": {"context": "asleep", "body_area": ["hind_leg"], "aware": "yes"},
    "signs": ["paddling_or_chomping"],
}


def post(client, path, payload):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(f"/api/v1/{path}", body, content_type="application/json")


def test_assess_returns_the_engines_assessment(client):
    response = post(client, "assess", CASE)
    assert response.status_code == 200
    data = response.json()
    assert data == assess(CASE).model_dump(mode="json")
    assert data["urgency"] in {"emergency", "see_vet", "home_care", "normal"}
    assert abs(sum(c["probability"] for c in data["causes"]) - 1) < 0.01
    assert set(data) == {
        "urgency",
        "causes",
        "red_flags",
        "actions",
        "prevention",
        "disclaimer",
        "what_would_change",
    }


@pytest.mark.skipif(not CONTRACT.is_dir(), reason="the shared contract is not beside the repo")
def test_answers_match_the_contract_schemas(client):
    assessment = json.loads((CONTRACT / "assessment.schema.json").read_text())
    jsonschema.validate(post(client, "assess", CASE).json(), assessment)
    jsonschema.validate(CASE, json.loads((CONTRACT / "case.schema.json").read_text()))


def test_assess_accepts_an_empty_case(client):
    assert post(client, "assess", {}).status_code == 200


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({"dog": {"age_years": 31}}, ["dog", "age_years"]),
        ({"dog": {"age_years": "three"}}, ["dog", "age_years"]),
        ({"episode": {"context": "dreaming"}}, ["episode", "context"]),
        ({"signs": ["sneezing"]}, ["signs", 0]),
        ({"dgo": {}}, ["dgo"]),
        ({"history": {"low_water_intake": "yes"}}, ["history", "low_water_intake"]),
    ],
)
def test_invalid_cases_get_422_with_the_field_path(client, payload, loc):
    response = post(client, "assess", payload)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == loc
    assert detail[0]["msg"]
    assert "Traceback" not in response.content.decode()


def test_a_body_that_is_not_a_json_object_is_rejected_cleanly(client):
    for body in ("not json", "[]", "3"):
        response = post(client, "assess", body)
        assert response.status_code in (400, 422)
        assert "detail" in response.json()


def test_next_question_asks_then_says_done(client):
    response = post(client, "next-question", {})
    assert response.status_code == 200
    data = response.json()
    assert data["done"] is False
    expected = next_question({}).question
    assert data["question"]["field"] == expected.field
    assert data["question"]["options"] == expected.options
    case = {}
    for _ in range(60):
        step = next_question(case)
        if step.done:
            break
        field = step.question.field
        if field == "signs":
            case.setdefault("signs_absent", []).extend(step.question.options)
        else:
            case.setdefault("unknown", []).append(field)
    assert post(client, "next-question", case).json() == {"done": True}


def test_next_question_validates_like_assess(client):
    response = post(client, "next-question", {"unknown": ["dog.colour"]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "unknown"


def test_causes_list_and_detail_with_references(client):
    response = client.get("/api/v1/causes")
    assert response.status_code == 200
    causes = response.json()
    assert [c["id"] for c in causes] == [c.id for c in load_knowledge().causes]
    for cause in causes:
        assert cause["references"]
        assert all(r["url"] or r["citation"] or r["doi"] for r in cause["references"])
        assert cause["urgency"] in {"emergency", "see_vet", "home_care", "normal"}
    detail = client.get("/api/v1/causes/rem_sleep").json()
    assert detail["id"] == "rem_sleep"
    assert detail["how_it_shows"]
    assert all({"id", "title", "text"} <= set(p) for p in detail["prevention"])


def test_unknown_cause_is_404(client):
    response = client.get("/api/v1/causes/unicorn_fever")
    assert response.status_code == 404
    assert "unicorn_fever" in response.json()["detail"]


def test_openapi_and_docs(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/assess", "/api/v1/next-question", "/api/v1/causes", "/api/v1/understand"):
        assert path in spec["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "'unsafe-inline'" in docs["Content-Security-Policy"]
    assert "script-src 'self';" in docs["Content-Security-Policy"]


def _understand_missing() -> bool:
    try:
        from twitchcheck.understand import understand  # noqa: F401
    except ImportError:
        return True
    return False


@pytest.mark.skipif(_understand_missing(), reason="twitchcheck.understand is not importable yet")
def test_understand_reads_free_text(client):
    response = post(client, "understand", {"text": "My lab twitches her back leg in her sleep"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"case", "evidence"}
    assert data["case"].get("episode", {}).get("context") == "asleep"


def test_understand_needs_text(client):
    response = post(client, "understand", {"text": ""})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["text"]


def test_understand_answers_503_while_it_cannot_be_imported(client, monkeypatch):
    monkeypatch.setitem(sys.modules, "twitchcheck.understand", None)
    response = post(client, "understand", {"text": "twitching in his sleep"})
    assert response.status_code == 503
    assert response.json() == {"detail": "Free-text reading is not available"}


def test_an_engine_failure_is_a_plain_500(client, monkeypatch):
    def broken(case):
        raise RuntimeError("boom")

    monkeypatch.setattr("twitchcheck.web.api.api.assess", broken)
    response = post(client, "assess", {})
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal error"}


def test_understand_refuses_text_over_the_limit_never_cuts_it(client, monkeypatch):
    from twitchcheck.understand.text import MAX_CHARS

    response = post(client, "understand", {"text": "x" * (MAX_CHARS + 1)})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["text"]
    # and when the reader itself refuses the text, the same 422 with its message
    import twitchcheck.understand as reader
    from twitchcheck.errors import InputError

    def refuse(text):
        raise InputError("too long", [{"field": "text", "message": "at most 5,000 characters"}])

    monkeypatch.setattr(reader, "understand", refuse)
    response = post(client, "understand", {"text": "a dog"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["text"], "msg": "at most 5,000 characters", "type": "value_error"}
    ]


def test_a_body_over_the_size_limit_is_a_413_with_a_message(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    text = "my dog shakes " * 2_000
    response = client.post("/api/v1/understand", {"text": text}, content_type="application/json")
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/v1/no-such-thing", 404),
        ("get", "/api/v1/assess", 405),
        ("delete", "/api/v1/causes", 405),
    ],
)
@pytest.mark.django_db
def test_every_error_under_the_api_is_json(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
