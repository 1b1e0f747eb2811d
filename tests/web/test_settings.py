"""Settings from the environment, the production checks, and first-run setup."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from twitchcheck.web.env import development_secret, env_bool, env_list
from twitchcheck.web.store.models import Announcement, Product, PromoSection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "twitchcheck.example.org",
    "SECURE_SSL_REDIRECT": "1",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


# set by the test setup (conftest files), never in a deployment
TEST_ONLY = {
    "STATICFILES_BACKEND",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "LOCAL_RUN",
}


def environment(**env) -> dict:
    """This process's environment without the test-only variables, plus env."""
    clean = {k: v for k, v in os.environ.items() if k not in TEST_ONLY and k not in env}
    return {**clean, **env}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "VAR_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_debug_is_on(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "DEBUG": "1", "VAR_DIR": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_a_development_secret_is_made_once_and_kept_private(tmp_path):
    first = development_secret(tmp_path)
    assert len(first) >= 50
    assert development_secret(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.iterdir()) == [tmp_path / "secret_key"]


def test_env_helpers(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ValueError):
        env_bool("FLAG")
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
    assert env_list("NOT_SET_ANYWHERE", ["x"]) == ["x"]


def test_settings_read_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CACHES['default']['BACKEND'], s.SESSION_ENGINE,"
        " s.DATABASES['default']['ENGINE'], s.SECURE_HSTS_SECONDS,"
        " s.STORAGES['staticfiles']['BACKEND'])"
    )
    env = environment(
        **PRODUCTION,
        DJANGO_SETTINGS_MODULE="twitchcheck.web.settings",
        PYTHONPATH=str(ROOT / "src"),
    )
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "False",
        "['twitchcheck.example.org']",
        "django_redis.cache.RedisCache",
        "django.contrib.sessions.backends.db",
        "django.db.backends.sqlite3",
        "31536000",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


@pytest.mark.django_db
def test_setup_site_loads_starter_content_once_and_keeps_edits(capsys):
    call_command("setup_site")  # without the flag: migrations only
    assert "no starter content" in capsys.readouterr().out
    assert not Product.objects.exists()
    call_command("setup_site", "--starter-content")
    assert "Starter content added" in capsys.readouterr().out
    assert Product.objects.filter(name="Dog bed ramp", prevention_ids="ramp_no_jumping").exists()
    Announcement.objects.update(text="Half price ramps this week")
    PromoSection.objects.all().delete()
    call_command("setup_site", "--starter-content")
    assert Announcement.objects.get().text == "Half price ramps this week"
    assert not PromoSection.objects.exists()  # what staff deleted stays deleted
    assert "nothing added" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.django_db
def test_product_prevention_ids_must_exist():
    product = Product(name="Ramp", description="A ramp", prevention_ids="ramp_no_jumping, nope")
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "Unknown: nope" in str(error.value)
    product.prevention_ids = "ramp_no_jumping,water_intake"
    product.full_clean()
    assert product.prevention_list == ["ramp_no_jumping", "water_intake"]
