"""Django for the web tests: the project's settings, plain static storage (no
collectstatic needed), and helpers shared by the test files."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twitchcheck.web.settings")
# the tests are a local run over plain HTTP (production settings fail closed without it)
os.environ.setdefault("LOCAL_RUN", "1")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# tasks run at once, in the test, even when REDIS_URL names a broker (make test-postgres)
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "1")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402

from twitchcheck.web.check.step import NONE_OF_THESE  # noqa: E402
from twitchcheck.web.check.wizard import option_value  # noqa: E402


def wizard_answer_for(question, target: dict) -> tuple[str, list[str]]:
    """The (action, answers) an owner whose dog is `target` would give."""
    if question.field == "signs":
        seen = [s for s in question.options if s in target.get("signs", [])]
        return "answer", seen or [NONE_OF_THESE]
    section, _, name = question.field.partition(".")
    value = target.get(section, {}).get(name)
    if value is None:
        return "dont_know", []
    values = value if isinstance(value, list) else [value]
    if question.options and question.field == "dog.age_years":
        # the nearest offered age
        values = [min(question.options, key=lambda o: abs(o - values[0]))]
    return "answer", [option_value(v) for v in values]


@pytest.fixture
def wizard_run(client):
    """Drives the wizard with the test client until it redirects to a result; returns
    (the final response, the steps seen)."""

    def run(target: dict, max_steps: int = 40, name: str = "", **headers):
        """From the first step's "Answer questions instead" to the result."""
        response = client.post("/check/", {"action": "skip", "name": name}, **headers)
        steps = []
        for _ in range(max_steps):
            if response.status_code in (301, 302, 303) or "HX-Redirect" in response:
                return response, steps
            assert response.status_code == 200, response.content[:500]
            question = response.context["question"]
            steps.append(question)
            action, answers = wizard_answer_for(question, target)
            response = client.post(
                "/check/",
                {"state": response.context["state"], "action": action, "answer": answers},
                **headers,
            )
        raise AssertionError(f"the wizard did not finish in {max_steps} steps")

    return run


@pytest.fixture(autouse=True)
def _comments_allow_quick_posting(settings):
    """Tests post forms at once, and many from one address."""
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE = "10000/m"
    settings.COMMENT_EMAIL_RATE = "10000/m"
    settings.COMMENT_PAGE_RATE = "10000/m"


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with nothing cached from another (the cache outlives a test's
    database transaction)."""
    from twitchcheck.web.pagecache import content_changed

    content_changed()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "moderator",
        "moderator@example.org",
        "a-long-test-password",
        is_staff=True,
        is_superuser=True,
    )
    client.force_login(user)
    return client
