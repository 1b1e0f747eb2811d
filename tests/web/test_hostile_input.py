"""Hostile and careless input (issue 12): admin values a page depends on are checked on
saving and never break a page; form and model limits agree; store links are web links
only; names cannot hide or reorder text; comments go only to pages that exist."""

import json
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.management import call_command

from twitchcheck.web.comments.forms import form_stamp
from twitchcheck.web.comments.models import Comment
from twitchcheck.web.comments.tasks import moderators_digest
from twitchcheck.web.store.models import Announcement, FeatureImage, Product, PromoSection

pytestmark = pytest.mark.django_db
PAGE = "/guides/dog-muscle-spasms/"
COMMENTS = PAGE + "comments/"


@pytest.fixture
def starter_content():
    call_command("setup_site", "--starter-content", verbosity=0)


def comment_data(**changes) -> dict:
    data = {
        "name": "Sam",
        "email": "sam@example.org",
        "body": "Our collie twitches every night.",
        "website": "",
        "stamp": form_stamp(),
    }
    return {**data, **changes}


def long_email(length: int) -> str:
    """A well-formed address of exactly `length` characters (labels of at most 63)."""
    local, tail = "a" * 64, ".org"
    room = length - len(local) - 1 - len(tail)
    labels = []
    while room > 0:
        size = min(60, room) if room - min(60, room) != 1 else 58
        labels.append("b" * size)
        room -= size + 1
    address = f"{local}@{'.'.join(labels)}{tail}"
    assert len(address) == length, (len(address), length)
    return address


@pytest.fixture
def manifest_static(settings, tmp_path):
    """Production's static storage: a manifest (here naming every shipped file) that has
    no entry for a file that does not exist."""
    paths = {}
    for finder in finders.get_finders():
        for path, _storage in finder.list([]):
            paths[path.replace("\\", "/")] = path.replace("\\", "/")
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": paths, "version": "1.1", "hash": "test"})
    )
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }


# 1: admin values the guide depends on


def test_a_static_path_typo_is_refused_when_saved(staff_client, starter_content):
    image = FeatureImage.objects.get()
    response = staff_client.post(
        f"/admin/store/featureimage/{image.pk}/change/",
        {
            "static_path": "twitchcheck/img/resting-dgo.svg",
            "alt_text": image.alt_text,
            "caption": image.caption,
            "width": 640,
            "height": 360,
            "placement": "above",
            "position": 0,
            "is_shown": "on",
        },
    )
    assert response.status_code == 200
    assert "There is no static file" in response.content.decode()
    image.refresh_from_db()
    assert image.static_path == "twitchcheck/img/resting-dog.svg"
    for bad in ("../settings.py", "/etc/passwd", "twitchcheck/css/site.css"):
        with pytest.raises(ValidationError):
            Product(
                name="x", description="x", prevention_ids="water_intake", image_static_path=bad
            ).full_clean()


def test_a_bad_static_path_saved_earlier_never_breaks_the_guide(
    client, starter_content, manifest_static
):
    FeatureImage.objects.update(static_path="twitchcheck/img/resting-dgo.svg")
    Product.objects.update(image_static_path="twitchcheck/img/nope.svg")
    for url in ("/", PAGE):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "resting-dgo" not in html and "nope.svg" not in html
        assert "Dog bed ramp" in html  # the product is still shown, without its picture


# 2: form and model limits agree; no validation error is a 500


@pytest.mark.parametrize("length", [255, 300, 320])
def test_a_long_email_is_a_field_error_on_a_comment(client, length):
    response = client.post(COMMENTS, comment_data(email=long_email(length)))
    assert response.status_code == 400
    form = response.context["form"]
    assert "at most 254 characters" in " ".join(form.errors["email"])
    assert not Comment.objects.exists()


def test_a_model_error_from_the_service_is_shown_on_the_form(client):
    with mock.patch(
        "twitchcheck.web.comments.views.comment_create",
        side_effect=ValidationError({"email": ["That address cannot be used."]}),
    ):
        response = client.post(COMMENTS, comment_data())
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == ["That address cannot be used."]


def test_a_long_email_is_a_field_error_on_sign_up(client, settings):
    settings.RATELIMIT_ENABLE = False
    response = client.post(
        "/accounts/signup/",
        {"email": long_email(200), "password": "a-long-test-password-42"},
    )
    assert response.status_code == 400
    assert "at most 150 characters" in " ".join(response.context["form"].errors["email"])
    assert not User.objects.exists()


# 10: store links


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil",
        "mailto:x@example.org",
    ],
)
def test_store_links_refuse_other_schemes(link):
    for item in (
        Announcement(text="Sale", link_url=link),
        PromoSection(title="t", body="b", link_url=link, link_text="go"),
        Product(name="n", description="d", prevention_ids="water_intake", url=link),
    ):
        with pytest.raises(ValidationError) as error:
            item.full_clean()
        assert "https://" in str(error.value)


@pytest.mark.parametrize(
    "link", ["https://shop.example.com/ramp", "http://shop.example.com/", "/check/", "#prevention"]
)
def test_store_links_allow_web_and_site_links(link):
    Announcement(text="Sale", link_url=link).full_clean()
    Product(name="n", description="d", prevention_ids="water_intake", url=link).full_clean()


def test_a_bad_link_saved_earlier_is_not_shown(client, starter_content):
    Announcement.objects.update(link_url="javascript:alert(1)")
    PromoSection.objects.update(link_url="data:text/html,x")
    Product.objects.update(url="javascript:alert(2)")
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "javascript:" not in html and "data:text" not in html
    assert "Free shipping" in html and "Dog bed ramp" in html


# 11: names


@pytest.mark.parametrize(
    "name",
    [
        "Sam\r\nBcc: victim@example.org",
        "Sam\nX",
        "Sam\u202egnp.exe",
        "Sam\u2066x\u2069",
        "S\u200bam",
        "Sam\ufeff",
        "Sam\x1b[31m",
        "Sam\x07",
    ],
)
def test_names_with_hidden_characters_are_refused(client, name):
    response = client.post(COMMENTS, comment_data(name=name))
    assert response.status_code == 400
    assert "no line breaks" in " ".join(response.context["form"].errors["name"])
    assert not Comment.objects.exists()


def test_names_are_normalised(client):
    response = client.post(COMMENTS, comment_data(name="  Zoe\u0301   van  Dijk "))
    assert response.status_code == 302
    assert Comment.objects.get().name == "Zo\u00e9 van Dijk"


def test_comments_are_shown_with_bidi_isolation(client):
    Comment.objects.create(
        name="\u05e9\u05e8\u05d4",
        email="s@example.org",
        body="\u05e9\u05dc\u05d5\u05dd",
        status=Comment.Status.APPROVED,
    )
    html = client.get(PAGE).content.decode()
    assert "<bdi>\u05e9\u05e8\u05d4</bdi>" in html
    assert '<p dir="auto" class="comment-body">\u05e9\u05dc\u05d5\u05dd</p>' in html


def test_the_moderators_digest_is_sent_for_an_odd_name_saved_earlier(settings, mailoutbox):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    Comment.objects.create(name="Sam\r\nBcc: x@example.org", email="s@example.org", body="hi")
    assert moderators_digest.apply().get() == 1
    [mail] = mailoutbox
    assert "\n" not in mail.subject
    assert "Sam Bcc: x@example.org <s@example.org>" in mail.body
    assert mail.to == ["mods@example.org"]


def test_a_moderators_digest_that_fails_is_logged_and_its_comments_kept_for_the_next(
    settings, caplog
):
    settings.MODERATOR_EMAILS = ["mods@example.org"]
    comment = Comment.objects.create(name="Sam", email="s@example.org", body="hi")
    with mock.patch(
        "twitchcheck.web.comments.services.send_mail", side_effect=OSError("mail server down")
    ):
        moderators_digest.apply()
    assert "moderators' digest failed" in caplog.text
    comment.refresh_from_db()
    assert comment.notified_at is None


# 12: comments to pages that do not exist


@pytest.mark.parametrize("page", ["no-such-guide", "dog-muscle-spasms-2"])
def test_comments_to_pages_that_do_not_exist_are_404_and_not_stored(client, page):
    response = client.post(f"/guides/{page}/comments/", comment_data())
    assert response.status_code == 404
    assert not Comment.objects.exists()
