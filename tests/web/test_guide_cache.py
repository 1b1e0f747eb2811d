"""Finding 8: comments come in pages (plain links, no script needed), and the guide's
shared part is cached, dropped when the store's content or the approved comments change,
and never carries one visitor's own bits (CSRF token, form stamp, who is logged in,
staff placeholders, notices) to another: the comment form, with a token and a stamp, is on
a page of its own, made per visit."""

import re

import pytest
from django.test import Client

from twitchcheck.web.comments.models import Comment
from twitchcheck.web.comments.services import comments_moderate
from twitchcheck.web.store.models import Announcement, PromoSection

pytestmark = pytest.mark.django_db
PAGE = "/guides/dog-muscle-spasms/"


def _approved(n: int) -> list[Comment]:
    comments = [
        Comment(name=f"Reader {i}", email=f"r{i}@example.org", body=f"comment number {i}.")
        for i in range(n)
    ]
    for comment in comments:
        comment.status = Comment.Status.APPROVED
    return Comment.objects.bulk_create(comments)


def test_comments_come_in_pages_newest_first_with_plain_links(client, settings):
    settings.COMMENTS_PER_PAGE = 20
    _approved(45)
    html = client.get(PAGE).content.decode()
    assert "45 comments, newest first; page 1 of 3." in html
    assert "comment number 44." in html and "comment number 25." in html
    assert "comment number 24." not in html
    nav = re.search(r'<nav class="pagination" aria-label="Comment pages">.*?</nav>', html, re.S)
    assert nav
    nav = nav.group(0)
    assert 'aria-current="page"' in nav
    assert f'href="{PAGE}?comments=2#comments" rel="next">Older comments' in nav
    assert "Newer comments" not in nav
    last = client.get(PAGE, {"comments": "3"}).content.decode()
    assert "comment number 0." in last and "comment number 5." not in last
    assert "Newer comments" in last and "Older comments" not in last
    assert f'href="{PAGE}comments/">Leave a comment</a>' in last  # on every page


@pytest.mark.parametrize("number", ["4", "0", "-1", "two", "99999999"])
def test_a_page_of_comments_that_does_not_exist_is_a_404(client, settings, number):
    settings.COMMENTS_PER_PAGE = 20
    _approved(45)
    assert client.get(PAGE, {"comments": number}).status_code == 404


def test_no_comments_is_one_page(client):
    html = client.get(PAGE).content.decode()
    assert "No comments yet." in html
    assert 'class="pagination"' not in html


def test_a_cached_guide_costs_no_query(client, django_assert_num_queries):
    _approved(3)
    client.get(PAGE)
    with django_assert_num_queries(0):
        assert client.get(PAGE).status_code == 200


def test_approving_or_removing_a_comment_shows_at_once(client, staff_client):
    [comment] = Comment.objects.bulk_create(
        [Comment(name="Kim", email="k@example.org", body="Waiting for a moderator.")]
    )
    visitor = Client()
    assert "Waiting for a moderator." not in visitor.get(PAGE).content.decode()
    comments_moderate(comment_ids=[comment.pk], status=Comment.Status.APPROVED)
    assert "Waiting for a moderator." in visitor.get(PAGE).content.decode()
    # one comment removed from its admin page
    response = staff_client.post(
        f"/admin/comments/comment/{comment.pk}/change/",
        {
            "status": "removed",
            "name": "Kim",
            "email": "k@example.org",
            "body": "Waiting for a moderator.",
            "page": "dog-muscle-spasms",
        },
    )
    assert response.status_code == 302
    assert "Waiting for a moderator." not in visitor.get(PAGE).content.decode()


def test_a_new_pending_comment_keeps_the_cache(client, django_assert_num_queries):
    client.get(PAGE)
    Comment.objects.create(name="Pat", email="p@example.org", body="pending one")
    with django_assert_num_queries(0):
        client.get(PAGE)


def test_store_edits_show_at_once(client, staff_client):
    visitor = Client()
    visitor.get(PAGE)
    promo = PromoSection.objects.create(title="Winter sale on joint care", body="All week.")
    assert "Winter sale on joint care" in visitor.get(PAGE).content.decode()
    promo.title = "Spring sale"
    promo.save()
    html = visitor.get(PAGE).content.decode()
    assert "Spring sale" in html and "Winter sale" not in html
    Announcement.objects.all().delete()
    Announcement.objects.create(text="Free shipping this week")
    assert "Free shipping this week" in visitor.get(PAGE).content.decode()
    Announcement.objects.update(is_shown=False)
    assert "Free shipping this week" not in visitor.get(PAGE).content.decode()


def _csrf_and_stamp(html: str) -> tuple[str, str]:
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    stamp = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
    return csrf, stamp


def test_no_visitor_gets_another_ones_token_stamp_or_login(client, django_user_model):
    owner = django_user_model.objects.create_user("o", "owner@example.org", "a-long-password-1")
    logged_in = Client()
    logged_in.force_login(owner)
    first = logged_in.get(PAGE).content.decode()
    assert "My diary" in first
    second_response = Client().get(PAGE)
    second = second_response.content.decode()
    assert "My diary" not in second and "Diary: log in" in second
    assert "owner@example.org" not in second
    # the cached guide holds no token and no stamp, and sets no cookie: nothing to share
    for html in (first, second):
        assert "csrfmiddlewaretoken" not in html and 'name="stamp"' not in html
    assert not second_response.cookies
    # the comment page is made per visit: each visitor gets a token and a stamp of their own
    first_csrf, first_stamp = _csrf_and_stamp(logged_in.get(f"{PAGE}comments/").content.decode())
    second_csrf, second_stamp = _csrf_and_stamp(Client().get(f"{PAGE}comments/").content.decode())
    assert first_stamp != second_stamp
    assert first_csrf != second_csrf
    # and the token is the visitor's own: it posts, with the CSRF check on
    poster = Client(enforce_csrf_checks=True)
    poster.get(PAGE)
    csrf, stamp = _csrf_and_stamp(poster.get(f"{PAGE}comments/").content.decode())
    data = {"name": "A", "email": "a@example.org", "body": "hello there", "stamp": stamp}
    response = poster.post(f"{PAGE}comments/", {**data, "csrfmiddlewaretoken": csrf})
    assert response.status_code == 302
    # another visitor's token does not
    stranger = Client(enforce_csrf_checks=True)
    data["stamp"] = _csrf_and_stamp(stranger.get(f"{PAGE}comments/").content.decode())[1]
    response = stranger.post(f"{PAGE}comments/", {**data, "csrfmiddlewaretoken": first_csrf})
    assert response.status_code == 403


def test_staff_placeholders_and_notices_stay_with_their_reader(staff_client):
    from twitchcheck.web.store.models import FeatureImage

    FeatureImage.objects.all().delete()
    staff_html = staff_client.get(PAGE).content.decode()
    assert "only staff see this" in staff_html
    visitor = Client()
    assert "only staff see this" not in visitor.get(PAGE).content.decode()
    # the thanks after posting is the poster's alone
    from twitchcheck.web.comments.forms import form_stamp

    poster = Client()
    data = {"name": "A", "email": "a@example.org", "body": "hello there", "stamp": form_stamp()}
    html = poster.post(f"{PAGE}comments/", data, follow=True).content.decode()
    assert "once a moderator has approved it" in html
    assert "once a moderator has approved it" not in visitor.get(PAGE).content.decode()


def test_an_upgrade_never_serves_the_old_release_pages(client, monkeypatch):
    from twitchcheck.web import pagecache

    client.get(PAGE)
    before = pagecache.key("guide:dog-muscle-spasms:1")
    monkeypatch.setattr(pagecache, "build_id", lambda: "next-release")
    assert pagecache.key("guide:dog-muscle-spasms:1") != before


def test_the_gzip_page_is_whole_and_the_same_for_every_visitor(client):
    import gzip

    _approved(3)
    plain = Client().get(PAGE).content
    response = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content)  # checks the CRC and the length
    assert html.startswith(b"<!doctype html>") and html.rstrip().endswith(b"</html>")
    assert html == plain
    assert Client().get(PAGE, HTTP_ACCEPT_ENCODING="gzip").content == response.content
    assert not response.cookies  # no CSRF cookie: the page has no form
    # a comment written after reading it posts through the comment page
    form = client.get(f"{PAGE}comments/").content.decode()
    _csrf, stamp = _csrf_and_stamp(form)
    data = {"name": "A", "email": "a@example.org", "body": "hello there", "stamp": stamp}
    assert client.post(f"{PAGE}comments/", data).status_code == 302


def test_a_shell_that_asks_for_a_token_is_never_shared(client, monkeypatch, caplog):
    from django.middleware.csrf import get_token

    from twitchcheck.web.guide import views

    real = views._page

    def page_using_a_token(request, page, html, status=200):
        token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
        return real(request, page, html + token, status)

    monkeypatch.setattr(views, "_page", page_using_a_token)

    def token(html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    first = token(Client().get(PAGE).content.decode())
    second = token(Client().get(PAGE).content.decode())
    assert first != second
    assert "uses a CSRF token" in caplog.text
