"""The vet report by email: made on the task queue, sent to the person who asked, only
for a dog they can see."""

from unittest import mock

from django.core import mail

from twitchcheck.web import celery
from twitchcheck.web.diary import tasks as diary_tasks


def test_the_report_is_made_on_the_queue_and_emailed(owner_client, dog):
    with mock.patch("twitchcheck.web.diary.views.enqueue", wraps=celery.enqueue) as spy:
        response = owner_client.post(
            f"/diary/dogs/{dog.pk}/report/email/",
            {"since": "2024-01-01", "until": "2024-12-31"},
            follow=True,
        )
    assert response.status_code == 200
    assert "will email it to owner@example.org" in response.content.decode()
    spy.assert_called_once()
    assert spy.call_args.args[0] is diary_tasks.report_email
    assert spy.call_args.kwargs["since"] == "2024-01-01"
    [message] = mail.outbox
    assert message.to == ["owner@example.org"]
    assert "Bella" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".pdf") and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")


def test_only_someone_who_sees_the_dog_can_ask(other_client, dog):
    response = other_client.post(f"/diary/dogs/{dog.pk}/report/email/")
    assert response.status_code == 404
    assert mail.outbox == []


def test_access_lost_before_the_worker_runs_sends_nothing(other, dog):
    result = diary_tasks.report_email.apply(
        kwargs={"dog_id": dog.pk, "user_id": other.pk, "since": None, "until": None}
    )
    assert result.get() == "no access"
    assert mail.outbox == []


def test_the_report_page_offers_it(owner_client, dog):
    html = owner_client.get(f"/diary/dogs/{dog.pk}/report/").content.decode()
    assert f'action="/diary/dogs/{dog.pk}/report/email/"' in html
    assert "Email me the report" in html
