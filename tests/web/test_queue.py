"""The task queue: mail with retries (never silently lost), running in-process without a
broker or when the broker is unreachable, and the work that goes through it: the
password-reset mail, invitations and the vet report by email."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from twitchcheck.web import tasks
from twitchcheck.web.celery import app, enqueue
from twitchcheck.web.tasks import MailLost, mail_enqueue, mail_send

ROOT = Path(__file__).resolve().parents[2]


def test_tasks_run_eagerly_in_the_tests():
    assert app.conf.task_always_eager


def _settings_in_a_fresh_process(**env) -> dict:
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CELERY_") and k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    code = (
        "import json, django; django.setup(); from twitchcheck.web.celery import app; "
        "print(json.dumps({'eager': app.conf.task_always_eager, "
        "'broker': app.conf.broker_url, 'acks_late': app.conf.task_acks_late, "
        "'beat': sorted(app.conf.beat_schedule)}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**keep, "DJANGO_SETTINGS_MODULE": "twitchcheck.web.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_without_redis_tasks_run_in_process_and_with_it_on_the_worker():
    plain = _settings_in_a_fresh_process()
    assert plain["eager"] is True
    queued = _settings_in_a_fresh_process(REDIS_URL="redis://127.0.0.1:6379/4")
    assert queued["eager"] is False
    assert queued["broker"] == "redis://127.0.0.1:6379/4"
    assert queued["acks_late"] is True
    assert queued["beat"] == ["comments-moderators-digest", "comments-stamps-forget"]


def test_mail_task_sends_with_attachments_and_html():
    mail_enqueue(
        subject="Hello",
        body="plain",
        to=["a@example.org"],
        html="<p>rich</p>",
        attachments=[("r.pdf", b"%PDF-1.4 bytes", "application/pdf")],
    )
    [message] = mail.outbox
    assert message.subject == "Hello"
    assert message.alternatives[0][0] == "<p>rich</p>"
    assert message.attachments[0][0] == "r.pdf"
    assert message.attachments[0][1] == b"%PDF-1.4 bytes"


def test_a_failing_mail_is_retried_and_each_failure_logged(caplog):
    real_send = EmailMultiAlternatives.send
    calls = []

    def flaky(self, fail_silently=False):
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, fail_silently=fail_silently)

    with (
        mock.patch.object(EmailMultiAlternatives, "send", flaky),
        caplog.at_level(logging.WARNING, logger="twitchcheck.web.tasks"),
    ):
        mail_enqueue(subject="Reset", body="b", to=["a@example.org"])
    assert len(calls) == 3
    assert len(mail.outbox) == 1
    failures = [r for r in caplog.records if "failed (attempt" in r.getMessage()]
    assert [r.levelname for r in failures] == ["WARNING", "WARNING"]
    assert "trying again in 30 s" in failures[0].getMessage()
    assert "trying again in 60 s" in failures[1].getMessage()


def test_a_mail_that_never_goes_is_logged_as_lost_not_dropped(settings, caplog):
    settings.MAIL_RETRIES = 2
    with (
        mock.patch.object(EmailMultiAlternatives, "send", side_effect=OSError("down")),
        caplog.at_level(logging.WARNING),
    ):
        result = mail_send.apply(kwargs={"subject": "S", "body": "b", "to": ["a@example.org"]})
        assert result.failed()
        assert isinstance(result.result, MailLost)
    lost = [r for r in caplog.records if "lost after 3 attempts" in r.getMessage()]
    assert lost and lost[0].levelname == "ERROR"
    assert "a@example.org" in lost[0].getMessage()


def test_an_unreachable_broker_runs_the_task_here_instead_of_losing_it(caplog):
    conf = app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    app.pool.force_close_all()
    try:
        with caplog.at_level(logging.WARNING, logger="twitchcheck.web.celery"):
            enqueue(mail_send, subject="S", body="b", to=["a@example.org"])
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        app.pool.force_close_all()
    assert len(mail.outbox) == 1
    assert any("task queue unreachable" in r.getMessage() for r in caplog.records)


def test_with_a_broker_the_task_is_queued_not_run():
    app.conf.task_always_eager = False
    try:
        with mock.patch.object(mail_send, "apply_async") as queued:
            enqueue(mail_send, subject="S", body="b", to=["a@example.org"])
    finally:
        app.conf.task_always_eager = True
    queued.assert_called_once()
    assert queued.call_args.kwargs["kwargs"]["subject"] == "S"
    assert mail.outbox == []


@pytest.mark.django_db
def test_password_reset_mail_goes_through_the_queue(client, django_user_model):
    django_user_model.objects.create_user("o", "o@example.org", "a-long-test-password")
    with mock.patch.object(tasks, "enqueue", wraps=tasks.enqueue) as spy:
        response = client.post("/accounts/password_reset/", {"email": "o@example.org"})
    assert response.status_code == 302
    spy.assert_called_once()
    assert spy.call_args.args[0] is mail_send
    [message] = mail.outbox
    assert message.to == ["o@example.org"]
    assert "/accounts/reset/" in message.body
