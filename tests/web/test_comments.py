"""Moderated comments: the model, the service, the form's defences, the page, the admin."""

import time
from unittest import mock

import pytest
from django.test import Client

from twitchcheck.web.comments.forms import CommentForm, form_stamp
from twitchcheck.web.comments.models import Comment
from twitchcheck.web.comments.services import comment_create

pytestmark = pytest.mark.django_db
URL = "/guides/dog-muscle-spasms/comments/"
PAGE = "/guides/dog-muscle-spasms/"


def comment_post_data(**changes) -> dict:
    data = {
        "name": "Sam",
        "email": "sam@example.org",
        "body": "Our collie twitches every night; good to know it is dreaming.",
        "website": "",
        "stamp": form_stamp(),
    }
    data.update(changes)
    return data


def test_new_comments_are_pending_and_approved_ones_are_selected():
    first = Comment.objects.create(name="A", email="a@example.org", body="hello")
    second = Comment.objects.create(
        name="B", email="b@example.org", body="hi", status=Comment.Status.APPROVED
    )
    assert first.status == Comment.Status.PENDING
    assert list(Comment.objects.approved()) == [second]
    assert list(Comment.objects.pending()) == [first]


def test_comment_create_saves_and_sends_no_email_in_the_request(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        comment = comment_create(
            page="dog-muscle-spasms", name=" Sam ", email="sam@example.org", body="Thanks!"
        )
    assert comment.name == "Sam"
    assert comment.status == Comment.Status.PENDING
    assert comment.notified_at is None  # the next digest lists it (test_comment_spam.py)
    assert mailoutbox == []


def test_posting_shows_the_author_it_awaits_approval_and_never_the_email(client):
    response = client.post(URL, comment_post_data(), follow=True)
    assert response.redirect_chain[-1][0].endswith("#comments")
    html = response.content.decode()
    assert "will appear here once a moderator has approved it" in html
    assert "sam@example.org" not in html
    assert "Our collie" not in html  # not until approved
    comment = Comment.objects.get()
    comment.status = Comment.Status.APPROVED
    comment.save()
    html = client.get(PAGE).content.decode()
    assert "Our collie twitches every night" in html
    assert "sam@example.org" not in html


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("name", "Please enter your name."),
        ("email", "Please enter your email address."),
        ("body", "Please write a comment."),
    ],
)
def test_every_field_is_required_with_a_clear_error(client, field, message):
    response = client.post(URL, comment_post_data(**{field: ""}))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_invalid_email_and_overlong_comment_are_rejected(client):
    html = client.post(URL, comment_post_data(email="not-an-address")).content.decode()
    assert "valid email address" in html
    html = client.post(URL, comment_post_data(body="x" * 2001)).content.decode()
    assert "under 2000 characters" in html
    assert not Comment.objects.exists()


def test_html_is_refused_and_text_is_escaped(client):
    html = client.post(URL, comment_post_data(body="<script>alert(1)</script>")).content.decode()
    assert "HTML is not allowed" in html
    assert "<script>alert(1)" not in html
    Comment.objects.create(
        name="Pat & <Co>", email="p@example.org", body="a < b & c", status="approved"
    )
    html = client.get(PAGE).content.decode()
    assert "Pat &amp; &lt;Co&gt;" in html
    assert "a &lt; b &amp; c" in html


def test_the_honeypot_keeps_nothing_but_says_thanks(client):
    response = client.post(URL, comment_post_data(website="http://spam.example"), follow=True)
    assert "once a moderator has approved it" in response.content.decode()
    assert not Comment.objects.exists()


def test_too_fast_is_refused(client, settings):
    settings.COMMENT_MIN_SECONDS = 5
    html = client.post(URL, comment_post_data()).content.decode()
    assert "quicker than a person types" in html
    assert not Comment.objects.exists()


def test_too_old_or_forged_stamps_are_refused(client, settings):
    settings.COMMENT_MAX_AGE_SECONDS = 60
    with mock.patch("time.time", return_value=time.time() - 3600):
        old = form_stamp()
    html = client.post(URL, comment_post_data(stamp=old)).content.decode()
    assert "open too long" in html
    html = client.post(URL, comment_post_data(stamp="forged")).content.decode()
    assert "could not be checked" in html
    assert not Comment.objects.exists()


def test_one_address_is_rate_limited(client, settings):
    settings.COMMENT_RATE = "2/m"
    address = {"REMOTE_ADDR": f"127.{time.time_ns() % 250}.{time.time_ns() % 199}.7"}
    for _ in range(2):
        assert client.post(URL, comment_post_data(), **address).status_code == 302
    response = client.post(URL, comment_post_data(), **address)
    assert response.status_code == 429
    assert "Too many comments" in response.content.decode()
    assert Comment.objects.count() == 2


def test_csrf_is_required():
    response = Client(enforce_csrf_checks=True).post(URL, comment_post_data())
    assert response.status_code == 403


def test_the_guide_links_to_the_comment_form_on_a_page_of_its_own(client):
    guide = client.get(PAGE).content.decode()
    assert f'href="{URL}">Leave a comment</a>' in guide
    assert "<form" not in guide and "csrfmiddlewaretoken" not in guide
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        '<form class="comment-form" method="post" action="/guides/dog-muscle-spasms/comments/"'
        in html
    )
    assert 'href="/guides/dog-muscle-spasms/#comments"' in html  # and back
    assert "no-store" in page["Cache-Control"]  # one visitor's token and stamp
    assert client.get("/guides/no-such-guide/comments/").status_code == 404


def test_the_form_renders_labels_help_and_a_hidden_honeypot(client):
    html = client.get(URL).content.decode()
    for label in ('for="id_name"', 'for="id_email"', 'for="id_body"'):
        assert label in html
    assert 'aria-describedby="id_email_helptext"' in html
    assert '<div class="trap" aria-hidden="true">' in html
    assert 'name="stamp"' in html
    assert CommentForm().initial["stamp"]


def test_admin_queue_shows_pending_count_and_bulk_actions_moderate(staff_client):
    comments = [
        Comment.objects.create(name=f"N{i}", email="n@example.org", body=f"body {i}")
        for i in range(3)
    ]
    page = staff_client.get("/admin/comments/comment/")
    html = page.content.decode()
    assert "Comments: 3 pending" in html
    for action in ("mark_approved", "mark_spam", "mark_removed"):
        assert action in html
    response = staff_client.post(
        "/admin/comments/comment/",
        {"action": "mark_approved", "_selected_action": [comments[0].pk, comments[1].pk]},
        follow=True,
    )
    assert "2 comment(s) approved." in response.content.decode()
    staff_client.post(
        "/admin/comments/comment/",
        {"action": "mark_spam", "_selected_action": [comments[2].pk]},
    )
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {
        comments[0].pk: "approved",
        comments[1].pk: "approved",
        comments[2].pk: "spam",
    }
    assert Comment.objects.get(pk=comments[0].pk).moderated_at is not None
    assert "Comments: 0 pending" in staff_client.get("/admin/comments/comment/").content.decode()


def test_admin_can_remove_one_comment_from_its_page(staff_client):
    comment = Comment.objects.create(name="N", email="n@example.org", body="b", status="approved")
    response = staff_client.post(
        f"/admin/comments/comment/{comment.pk}/change/",
        {
            "status": "removed",
            "name": "N",
            "email": "n@example.org",
            "body": "b",
            "page": "dog-muscle-spasms",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED
    assert comment.moderated_at is not None
