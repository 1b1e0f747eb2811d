"""Finding 7: one form stamp serves one comment; limits per address, per email and per
page; moderators get one digest from the task queue, not one email per comment."""

import logging
import re
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from twitchcheck.web.comments import services
from twitchcheck.web.comments.forms import form_stamp
from twitchcheck.web.comments.models import Comment, CommentStamp
from twitchcheck.web.comments.services import StampUsed, comment_create
from twitchcheck.web.comments.tasks import moderators_digest

pytestmark = pytest.mark.django_db
URL = "/guides/dog-muscle-spasms/comments/"
_addresses = iter(range(1, 10_000))


def post(client, stamp=None, address=None, **changes):
    data = {
        "name": "Sam",
        "email": "sam@example.org",
        "body": "Our collie twitches every night.",
        "website": "",
        "stamp": stamp or form_stamp(),
        **changes,
    }
    return client.post(URL, data, REMOTE_ADDR=address or f"10.7.{next(_addresses) % 250}.1")


def test_one_stamp_serves_one_comment(client):
    stamp = form_stamp()
    assert post(client, stamp).status_code == 302
    response = post(client, stamp, body="The same form again")
    assert response.status_code == 409
    html = response.content.decode()
    assert "This form was already sent" in html
    assert "The same form again" in html  # the text is kept to send again
    assert Comment.objects.count() == 1
    # the page gives a fresh stamp, which works
    fresh = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
    assert fresh and fresh != stamp
    assert post(client, fresh).status_code == 302
    assert Comment.objects.count() == 2


def test_a_stamp_is_spent_only_with_its_comment():
    stamp = "abc"
    comment_create(
        page="dog-muscle-spasms", name="A", email="a@example.org", body="hi", stamp=stamp
    )
    with pytest.raises(StampUsed):
        comment_create(
            page="dog-muscle-spasms", name="B", email="b@example.org", body="hey", stamp=stamp
        )
    assert list(Comment.objects.values_list("name", flat=True)) == ["A"]
    # a comment that fails validation spends nothing
    with pytest.raises(Exception):  # noqa: B017 - full_clean's ValidationError
        comment_create(page="dog-muscle-spasms", name="", email="x", body="", stamp="def")
    assert not CommentStamp.objects.filter(nonce="def").exists()


def test_stamps_without_an_id_are_refused(client):
    from django.core import signing

    old_style = signing.dumps({"t": 0}, salt="twitchcheck.comments.form")
    html = post(client, old_style).content.decode()
    assert "could not be checked" in html
    assert not Comment.objects.exists()


def test_spent_stamps_are_forgotten_once_they_have_run_out(settings):
    settings.COMMENT_MAX_AGE_SECONDS = 60
    CommentStamp.objects.create(nonce="old")
    CommentStamp.objects.create(nonce="new")
    CommentStamp.objects.filter(nonce="old").update(used_at=timezone.now() - timedelta(hours=2))
    assert services.stamps_forget() == 1
    assert list(CommentStamp.objects.values_list("nonce", flat=True)) == ["new"]


def test_one_email_address_is_limited_from_many_addresses(client, settings):
    settings.COMMENT_EMAIL_RATE = "2/h"
    email = f"spam{next(_addresses)}@example.org"
    assert post(client, email=email).status_code == 302
    assert post(client, email=email.upper()).status_code == 302
    response = post(client, email=email)
    assert response.status_code == 429
    assert "Too many comments with this email address" in response.content.decode()
    assert post(client, email="someone.else@example.org").status_code == 302
    assert Comment.objects.count() == 3


def test_a_burst_on_one_page_from_many_addresses_is_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.COMMENT_PAGE_RATE = "3/m"
    for i in range(3):
        assert post(client, email=f"p{i}@example.org").status_code == 302
    response = post(client, email="p9@example.org")
    assert response.status_code == 429
    assert "Many comments are arriving just now" in response.content.decode()
    assert Comment.objects.count() == 3


def test_the_address_limit_still_holds(client, settings):
    settings.COMMENT_RATE = "1/m"
    address = f"10.9.{next(_addresses) % 250}.3"
    assert post(client, address=address).status_code == 302
    response = post(client, address=address, email="other@example.org")
    assert response.status_code == 429
    assert "Too many comments from your address" in response.content.decode()


def _pending(n, **fields):
    return [
        Comment.objects.create(name=f"N{i}", email=f"n{i}@example.org", body=f"body {i}", **fields)
        for i in range(n)
    ]


def test_moderators_get_one_digest_for_many_comments(settings, mailoutbox):
    settings.MODERATOR_EMAILS = ["mods@example.org", "second@example.org"]
    comments = _pending(5)
    Comment.objects.create(name="Old", email="o@example.org", body="seen", status="approved")
    assert moderators_digest.apply().get() == 5
    [digest] = mailoutbox
    assert digest.to == ["mods@example.org", "second@example.org"]
    assert digest.subject == "5 new comments to moderate"
    for comment in comments:
        assert f"/admin/comments/comment/{comment.pk}/change/" in digest.body
        assert comment.body in digest.body
    assert "seen" not in digest.body
    assert not Comment.objects.filter(status="pending", notified_at__isnull=True).exists()
    # nothing new: no email
    assert moderators_digest.apply().get() == 0
    assert len(mailoutbox) == 1
    # one more: a digest of one, saying how many wait in all
    _pending(1)
    moderators_digest.apply()
    assert mailoutbox[1].subject == "1 new comment to moderate"
    assert "6 waiting in all" in mailoutbox[1].body


def test_posting_many_comments_sends_no_email_until_the_digest(client, settings, mailoutbox):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    for i in range(4):
        assert post(client, email=f"m{i}@example.org").status_code == 302
    assert mailoutbox == []
    out = StringIO()
    call_command("comments_digest", stdout=out)
    assert "Digest sent: 4 new comment(s)." in out.getvalue()
    assert len(mailoutbox) == 1


def test_a_failed_digest_marks_nothing_is_logged_and_tried_again(settings, mailoutbox, caplog):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    _pending(2)
    calls = []
    real = services.send_mail

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionRefusedError("mail server down")
        return real(**kwargs)

    with (
        mock.patch.object(services, "send_mail", side_effect=flaky),
        caplog.at_level(logging.WARNING),
    ):
        assert moderators_digest.apply().get() == 2
    assert len(calls) == 2
    assert any("digest failed, trying again" in r.getMessage() for r in caplog.records)
    assert len(mailoutbox) == 1


def test_a_digest_that_keeps_failing_leaves_the_comments_for_the_next(settings, caplog):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    _pending(2)
    with (
        mock.patch.object(services, "send_mail", side_effect=OSError("down")),
        caplog.at_level(logging.ERROR),
    ):
        result = moderators_digest.apply()
    assert result.failed()
    assert any("digest failed 4 times" in r.getMessage() for r in caplog.records)
    assert Comment.objects.filter(notified_at__isnull=True).count() == 2
