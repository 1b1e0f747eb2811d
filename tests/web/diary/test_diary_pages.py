"""Every diary page and form, as its owner: accounts, dogs, medications, episodes (with a
photo or video), the check, trends and chart, the report page and links, sharing, CSV,
saving a wizard result, the account page, export and deletion."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from diary_helpers import (
    MP4_HEAD,
    PASSWORD,
    add_episodes,
    client_for,
    hours_ago,
    make_owner,
    png_bytes,
)
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from twitchcheck.web.check.models import SharedResult
from twitchcheck.web.diary import services
from twitchcheck.web.diary.models import (
    Dog,
    Episode,
    Invitation,
    Medication,
    Membership,
    ReportLink,
)

pytestmark = pytest.mark.django_db


def test_signup_logs_in_and_asks_for_the_first_dog(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "New@Example.org", "password": PASSWORD, "time_zone": "Europe/Paris"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("diary:dog_new")
    user = User.objects.get(username="new@example.org")
    assert user.diary_profile.time_zone == "Europe/Paris"
    assert client.get("/diary/").status_code == 200


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-email", "password": PASSWORD}, "email"),
        ({"email": "a@example.org", "password": "123"}, "password"),
        ({"email": "", "password": PASSWORD}, "email"),
    ],
)
def test_signup_errors_name_the_field(client, data, field):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not User.objects.exists()


def test_signup_refuses_a_taken_email(client, owner):
    response = client.post(
        "/accounts/signup/", {"email": "OWNER@example.org", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "email" in response.context["form"].errors


def test_login_with_email_and_logout(client, owner):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "Owner@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/diary/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/diary/")["Location"].startswith("/accounts/login/")


def test_password_reset_mails_a_working_link(client, owner):
    assert client.get("/accounts/password_reset/").status_code == 200
    response = client.post("/accounts/password_reset/", {"email": "owner@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(w for w in mail.outbox[0].body.split() if "/accounts/reset/" in w)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0]
    response = client.post(
        form_path,
        {"new_password1": "another-long-pass-99", "new_password2": "another-long-pass-99"},
    )
    assert response.status_code == 302
    assert client.login(username="owner@example.org", password="another-long-pass-99")


def test_password_change_page(owner_client):
    assert owner_client.get("/accounts/password_change/").status_code == 200


def test_home_lists_dogs_with_counts(owner_client, dog):
    add_episodes(dog, hours_ago(1, 2))
    response = owner_client.get("/diary/")
    assert response.status_code == 200
    assert b"Bella" in response.content
    assert b"2 episodes" in response.content


def test_add_a_dog_with_only_a_name(owner_client, owner):
    assert owner_client.get("/diary/dogs/new/").status_code == 200
    response = owner_client.post("/diary/dogs/new/", {"name": "Rex"})
    dog = Dog.objects.get(name="Rex")
    assert response["Location"] == f"/diary/dogs/{dog.pk}/"
    assert dog.owner == owner
    assert Membership.objects.get(dog=dog).role == "owner"


def test_add_a_dog_with_an_age_estimates_the_birth_date(owner_client):
    owner_client.post(
        "/diary/dogs/new/",
        {
            "name": "Old Tom",
            "age_years": "9",
            "sex": "male",
            "neutered": "true",
            "weight_kg": "31.5",
        },
    )
    dog = Dog.objects.get(name="Old Tom")
    assert dog.birth_date_is_estimate
    assert 8.9 < (datetime.now().date() - dog.birth_date).days / 365.25 < 9.1
    assert dog.neutered is True and dog.pregnant_or_nursing is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "X", "weight_kg": "-3"}, "weight_kg"),
        ({"name": "X", "birth_date": "2999-01-01"}, "birth_date"),
        ({"name": "X", "sex": "cat"}, "sex"),
    ],
)
def test_dog_form_errors_name_the_field_and_change_nothing(owner_client, data, field):
    response = owner_client.post("/diary/dogs/new/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Dog.objects.exists()


def test_dog_page_shows_timeline_trend_and_quick_log(owner_client, dog):
    add_episodes(dog, hours_ago(3), notes="after the walk")
    response = owner_client.get(f"/diary/dogs/{dog.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Log an episode now" in body
    assert "after the walk" in body
    assert "Twitching or jerking" in body
    assert "Too few recent episodes" in body


def test_timeline_is_paginated(owner_client, dog):
    add_episodes(dog, hours_ago(*range(1, 46)))
    first = owner_client.get(f"/diary/dogs/{dog.pk}/")
    assert len(first.context["page"].object_list) == 20
    last = owner_client.get(f"/diary/dogs/{dog.pk}/?page=3")
    assert len(last.context["page"].object_list) == 5


def test_times_are_shown_in_the_owners_time_zone(owner, dog):
    services.profile_update(user=owner, time_zone="Asia/Tokyo")
    add_episodes(dog, [datetime(2026, 1, 10, 12, 0, tzinfo=UTC)])
    body = client_for(owner).get(f"/diary/dogs/{dog.pk}/").content.decode()
    assert "10 Jan 2026, 21:00" in body  # noon UTC is 21:00 in Tokyo


def test_edit_the_dog(owner_client, dog):
    assert owner_client.get(f"/diary/dogs/{dog.pk}/edit/").status_code == 200
    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/edit/",
        {"name": "Bella Rose", "breed": "labrador", "pregnant_or_nursing": "true"},
    )
    assert response.status_code == 302
    dog.refresh_from_db()
    assert dog.name == "Bella Rose" and dog.pregnant_or_nursing is True


def test_delete_the_dog_removes_everything(owner_client, dog):
    add_episodes(dog, hours_ago(1))
    assert owner_client.get(f"/diary/dogs/{dog.pk}/delete/").status_code == 200
    assert owner_client.post(f"/diary/dogs/{dog.pk}/delete/").status_code == 302
    assert not Dog.objects.exists() and not Episode.objects.exists()


def test_medications_add_edit_remove(owner_client, dog):
    url = f"/diary/dogs/{dog.pk}/medications/new/"
    assert owner_client.get(url).status_code == 200
    response = owner_client.post(
        url, {"name": "Phenobarbital", "dose": "30 mg twice a day", "since": "2026-03-01"}
    )
    assert response.status_code == 302
    med = Medication.objects.get()
    edit = f"/diary/medications/{med.pk}/edit/"
    assert owner_client.get(edit).status_code == 200
    bad = owner_client.post(
        edit, {"name": "Phenobarbital", "since": "2026-03-01", "until": "2026-02-01"}
    )
    assert bad.status_code == 400 and "until" in bad.context["form"].errors
    owner_client.post(edit, {"name": "Phenobarbital", "since": "2026-03-01", "until": "2026-04-01"})
    med.refresh_from_db()
    assert str(med.until) == "2026-04-01"
    owner_client.post(f"/diary/medications/{med.pk}/delete/")
    assert not Medication.objects.exists()


def test_log_an_episode_with_every_field_and_a_photo(owner_client, dog, owner):
    assert owner_client.get(f"/diary/dogs/{dog.pk}/episodes/new/").status_code == 200
    photo = SimpleUploadedFile("x.exe", png_bytes(), content_type="application/octet-stream")
    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {
            "started_at": "2026-03-14T21:40",
            "looks_like": "twitching_or_jerking",
            "duration": "seconds",
            "duration_seconds": "40",
            "context": "asleep",
            "body_area": ["hind_leg", "face_head"],
            "aware": "yes",
            "afterwards": "normal",
            "stops_when_distracted": "yes",
            "trigger": "none_noticed",
            "signs": ["paddling_or_chomping"],
            "behaviour_before": "played fetch",
            "notes": "woke up fine",
            "media": photo,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    episode = Episode.objects.get()
    # 21:40 in London in March (GMT) is 21:40 UTC
    assert episode.started_at == datetime(2026, 3, 14, 21, 40, tzinfo=UTC)
    assert episode.body_area == ["hind_leg", "face_head"]
    assert episode.logged_by == owner
    assert episode.media_type == "image/png"
    assert episode.media.name.startswith("diary/") and "x.exe" not in episode.media.name
    assert len(episode.media.name) > 30
    media = owner_client.get(f"/diary/episodes/{episode.pk}/media/")
    assert media.status_code == 200 and media["Content-Type"] == "image/png"
    assert b"".join(media.streaming_content) == png_bytes()


def test_quick_log_takes_the_defaults(owner_client, dog):
    form_value = (
        owner_client.get(f"/diary/dogs/{dog.pk}/").context["quick_form"]["started_at"].value()
    )
    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {
            "quick": "1",
            "started_at": form_value.strftime("%Y-%m-%dT%H:%M"),
            "looks_like": "seizure_or_fit",
        },
    )
    assert response.status_code == 302
    episode = Episode.objects.get()
    assert episode.fit_like and episode.duration == ""
    assert abs((datetime.now(UTC) - episode.started_at).total_seconds()) < 600


def test_a_video_is_taken(owner_client, dog):
    video = SimpleUploadedFile("clip.mp4", MP4_HEAD, content_type="video/mp4")
    owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/", {"started_at": "2026-03-14T21:40", "media": video}
    )
    assert Episode.objects.get().media_type == "video/mp4"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"started_at": ""}, "started_at"),
        ({"started_at": "yesterday"}, "started_at"),
        ({"started_at": "2026-03-14T21:40", "looks_like": "sneezing"}, "looks_like"),
        ({"started_at": "2026-03-14T21:40", "duration_seconds": "-1"}, "duration_seconds"),
        ({"started_at": "2026-03-14T21:40", "signs": ["barking"]}, "signs"),
        (
            {"started_at": "2026-03-14T21:40", "duration": "seconds", "duration_seconds": "900"},
            "duration",
        ),
    ],
)
def test_episode_form_errors_change_nothing(owner_client, dog, data, field):
    response = owner_client.post(f"/diary/dogs/{dog.pk}/episodes/new/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert (field in errors) if field else errors
    assert not Episode.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("a.png", b"MZ\x90\x00 this is an exe", content_type="image/png"),
        SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n broken", content_type="image/png"),
        SimpleUploadedFile("a.html", b"<script>alert(1)</script>", content_type="text/html"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_kept(owner_client, dog, upload, settings):
    from pathlib import Path

    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/", {"started_at": "2026-03-14T21:40", "media": upload}
    )
    assert response.status_code == 400
    assert "media" in response.context["form"].errors
    assert not Episode.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_a_too_large_photo_is_refused(owner_client, dog, settings):
    settings.DIARY_MAX_PHOTO_BYTES = 10
    photo = SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")
    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/", {"started_at": "2026-03-14T21:40", "media": photo}
    )
    assert response.status_code == 400 and "media" in response.context["form"].errors


def test_episode_detail_edit_and_delete(owner_client, dog):
    (episode,) = add_episodes(dog, hours_ago(2), notes="first")
    assert owner_client.get(f"/diary/episodes/{episode.pk}/").status_code == 200
    assert owner_client.get(f"/diary/episodes/{episode.pk}/edit/").status_code == 200
    response = owner_client.post(
        f"/diary/episodes/{episode.pk}/edit/",
        {"started_at": "2026-02-01T08:15", "looks_like": "cramp_or_stiffening", "notes": "changed"},
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.notes == "changed" and episode.looks_like == "cramp_or_stiffening"
    assert episode.context == "" and episode.body_area == []
    assert owner_client.get(f"/diary/episodes/{episode.pk}/delete/").status_code == 200
    owner_client.post(f"/diary/episodes/{episode.pk}/delete/")
    assert not Episode.objects.exists()


def test_replacing_and_removing_a_file(
    owner_client, dog, settings, django_capture_on_commit_callbacks
):
    from pathlib import Path

    owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {"started_at": "2026-03-14T21:40", "media": SimpleUploadedFile("a.png", png_bytes())},
    )
    episode = Episode.objects.get()
    first = Path(settings.MEDIA_ROOT) / episode.media.name
    assert first.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(
            f"/diary/episodes/{episode.pk}/edit/",
            {"started_at": "2026-03-14T21:40", "media": SimpleUploadedFile("b.mp4", MP4_HEAD)},
        )
    episode.refresh_from_db()
    assert episode.media_type == "video/mp4" and not first.exists()
    owner_client.post(
        f"/diary/episodes/{episode.pk}/edit/",
        {"started_at": "2026-03-14T21:40", "remove_media": "on"},
    )
    episode.refresh_from_db()
    assert not episode.media
    assert owner_client.get(f"/diary/episodes/{episode.pk}/media/").status_code == 404


def test_check_an_episode_uses_the_diary(owner_client, dog):
    add_episodes(dog, hours_ago(30, 20), looks_like="seizure_or_fit", aware="no")
    (latest,) = add_episodes(dog, hours_ago(1), looks_like="seizure_or_fit", aware="no")
    response = owner_client.post(f"/diary/episodes/{latest.pk}/check/")
    assert response.status_code == 302
    latest.refresh_from_db()
    assert latest.assessed_case["episode"]["count_24h"] == 2
    assert latest.assessed_case["episode"]["pattern"] in {"occasional", "more_often_lately"}
    assert latest.assessed_case["dog"]["sex"] == "female"
    assert latest.assessment["urgency"] == "emergency"
    page = owner_client.get(f"/diary/episodes/{latest.pk}/").content.decode()
    assert "Emergency" in page and "Check again" in page


def test_save_and_check_from_the_form(owner_client, dog):
    response = owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {"started_at": "2026-03-14T21:40", "context": "asleep", "aware": "yes", "check": "1"},
    )
    episode = Episode.objects.get()
    assert response["Location"] == f"/diary/episodes/{episode.pk}/"
    assert episode.assessed_case["episode"]["pattern"] == "first_time"
    assert episode.assessment["urgency"] in {"normal", "home_care", "see_vet", "emergency"}


def test_a_cluster_shows_an_emergency_banner_on_every_page(owner_client, dog):
    add_episodes(dog, hours_ago(5, 2), looks_like="seizure_or_fit")
    for path in ("/", "/check/", "/diary/", f"/diary/dogs/{dog.pk}/trends/"):
        body = owner_client.get(path).content.decode()
        assert "Go to a vet now: Bella has had 2 fits within 24 hours" in body, path


def test_no_banner_for_an_old_cluster_or_single_fit(owner_client, dog):
    add_episodes(dog, hours_ago(100, 90), looks_like="seizure_or_fit")
    add_episodes(dog, hours_ago(1), looks_like="seizure_or_fit")
    assert "fits within 24 hours" not in owner_client.get("/diary/").content.decode()


def test_trends_page_and_chart(owner_client, dog):
    services.medication_create(
        dog=dog, name="Phenobarbital", since=datetime.now().date() - timedelta(days=20)
    )
    add_episodes(dog, hours_ago(*range(5, 24 * 60, 30)))
    page = owner_client.get(f"/diary/dogs/{dog.pk}/trends/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "started Phenobarbital" in page.context["chart_alt"]
    assert 'alt="Chart of Bella' in body and "<table" in body
    chart = owner_client.get(f"/diary/dogs/{dog.pk}/chart.svg")
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    assert chart.content.lstrip().startswith(b"<?xml") and b"<svg" in chart.content
    assert b"<script" not in chart.content


def test_report_page_pdf_and_links(owner_client, dog):
    add_episodes(dog, hours_ago(1))
    assert owner_client.get(f"/diary/dogs/{dog.pk}/report/").status_code == 200
    pdf = owner_client.get(f"/diary/dogs/{dog.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    made = owner_client.post(f"/diary/dogs/{dog.pk}/report/", {"days": "7"})
    assert made.status_code == 201
    link = made.context["new_link"]
    path = link.split("testserver", 1)[1]
    shared = Client().get(path)
    assert shared.status_code == 200 and shared.content.startswith(b"%PDF")
    stored = ReportLink.objects.get()
    assert path.rstrip("/").rsplit("/", 1)[1] not in stored.token_hash
    owner_client.post(f"/diary/report-links/{stored.pk}/revoke/")
    assert Client().get(path).status_code == 404


def test_a_report_link_expires(owner_client, dog):
    _link, token = services.report_link_create(dog=dog, user=dog.owner, days=7)
    ReportLink.objects.update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert Client().get(f"/report/{token}/").status_code == 404


def test_report_link_days_are_checked(owner_client, dog):
    response = owner_client.post(f"/diary/dogs/{dog.pk}/report/", {"days": "365"})
    assert response.status_code == 400 and "days" in response.context["form"].errors
    assert not ReportLink.objects.exists()


def test_sharing_by_invitation_and_stopping(owner_client, dog, django_capture_on_commit_callbacks):
    assert owner_client.get(f"/diary/dogs/{dog.pk}/sharing/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            f"/diary/dogs/{dog.pk}/sharing/", {"email": "partner@example.org"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "partner@example.org" in mail.outbox[0].to
    link = next(w for w in mail.outbox[0].body.split() if "/diary/invitations/" in w)
    path = link.split("testserver", 1)[1]
    # a visitor sees the invitation and is asked to sign up
    assert Client().get(path).status_code == 200
    # someone else logged in cannot take it
    intruder = client_for(make_owner("intruder@example.org"))
    assert intruder.post(path).status_code == 400
    assert not Membership.objects.filter(user__email="intruder@example.org").exists()
    partner = make_owner("partner@example.org")
    partner_client = client_for(partner)
    assert partner_client.post(path).status_code == 302
    assert partner_client.get(f"/diary/dogs/{dog.pk}/").status_code == 200
    # both can log
    partner_client.post(f"/diary/dogs/{dog.pk}/episodes/new/", {"started_at": "2026-03-14T21:40"})
    assert Episode.objects.get().logged_by == partner
    # the member cannot delete the dog
    assert partner_client.post(f"/diary/dogs/{dog.pk}/delete/").status_code == 403
    # the link works once
    assert partner_client.get(path).status_code == 404
    # the owner stops sharing
    owner_client.post(f"/diary/dogs/{dog.pk}/members/{partner.pk}/remove/")
    assert partner_client.get(f"/diary/dogs/{dog.pk}/").status_code == 404


def test_a_member_can_leave(dog):
    partner = make_owner("partner@example.org")
    Membership.objects.create(dog=dog, user=partner, role="household")
    response = client_for(partner).post(f"/diary/dogs/{dog.pk}/members/{partner.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(user=partner).exists()


def test_a_member_cannot_remove_another_member(dog):
    one, two = make_owner("one@example.org"), make_owner("two@example.org")
    for user in (one, two):
        Membership.objects.create(dog=dog, user=user, role="household")
    response = client_for(one).post(f"/diary/dogs/{dog.pk}/members/{two.pk}/remove/")
    assert response.status_code == 403
    assert Membership.objects.filter(user=two).exists()


def test_invitations_can_be_withdrawn_and_checked(owner_client, dog):
    bad = owner_client.post(f"/diary/dogs/{dog.pk}/sharing/", {"email": "nope"})
    assert bad.status_code == 400 and "email" in bad.context["form"].errors
    already = owner_client.post(f"/diary/dogs/{dog.pk}/sharing/", {"email": "owner@example.org"})
    assert already.status_code == 400
    owner_client.post(f"/diary/dogs/{dog.pk}/sharing/", {"email": "p@example.org"})
    invitation = Invitation.objects.get()
    owner_client.post(f"/diary/dogs/{dog.pk}/invitations/{invitation.pk}/cancel/")
    assert not Invitation.objects.exists()


def test_csv_export_and_import_pages(owner_client, dog):
    add_episodes(dog, hours_ago(1, 2), notes="=SUM(A1)")
    exported = owner_client.get(f"/diary/dogs/{dog.pk}/episodes.csv")
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/csv")
    text = exported.content.decode()
    assert "'=SUM(A1)" in text
    Episode.objects.all().delete()
    assert owner_client.get(f"/diary/dogs/{dog.pk}/import/").status_code == 200
    upload = SimpleUploadedFile("e.csv", text.encode(), content_type="text/csv")
    response = owner_client.post(f"/diary/dogs/{dog.pk}/import/", {"file": upload})
    assert response.status_code == 302
    assert list(Episode.objects.values_list("notes", flat=True)) == ["=SUM(A1)"] * 2


def test_a_bad_csv_names_row_and_field_and_imports_nothing(owner_client, dog):
    text = (
        "started_at,looks_like,aware\r\n"
        "2026-03-01T10:00:00+00:00,seizure_or_fit,no\r\n"
        "2026-03-02T10:00:00+00:00,sneezing,yes\r\n"
        "2026-03-03T10:00:00,twitching_or_jerking,maybe\r\n"
    )
    upload = SimpleUploadedFile("e.csv", text.encode(), content_type="text/csv")
    response = owner_client.post(f"/diary/dogs/{dog.pk}/import/", {"file": upload})
    assert response.status_code == 400
    problems = response.context["problems"]
    assert any(p.startswith("row 2, looks_like") for p in problems)
    assert any(p.startswith("row 3, started_at") for p in problems)
    assert any(p.startswith("row 3, aware") for p in problems)
    assert not Episode.objects.exists()


def test_a_non_utf8_csv_is_refused(owner_client, dog):
    upload = SimpleUploadedFile("e.csv", "started_at\r\n\xe9".encode("latin-1"))
    response = owner_client.post(f"/diary/dogs/{dog.pk}/import/", {"file": upload})
    assert response.status_code == 400 and "UTF-8" in response.context["problems"][0]


def test_save_a_wizard_result_after_signing_up(client):
    result = SharedResult.objects.create(
        case={
            "dog": {"age_years": 4, "breed": "beagle", "sex": "male"},
            "episode": {"context": "asleep", "aware": "yes", "body_area": ["hind_leg"]},
            "signs": ["paddling_or_chomping"],
        }
    )
    page = client.get(f"/check/result/{result.pk}/").content.decode()
    save_url = f"/diary/save-result/{result.pk}/"
    assert f"/accounts/signup/?next={save_url}" in page
    response = client.post(
        f"/accounts/signup/?next={save_url}",
        {"email": "new@example.org", "password": PASSWORD, "next": save_url},
    )
    assert response["Location"] == save_url
    assert client.get(save_url).status_code == 200
    missing = client.post(save_url, {"started_at": "2026-03-14T21:40"})
    assert missing.status_code == 400 and "new_dog_name" in missing.context["form"].errors
    response = client.post(save_url, {"started_at": "2026-03-14T21:40", "new_dog_name": "Max"})
    episode = Episode.objects.get()
    assert response["Location"] == f"/diary/episodes/{episode.pk}/"
    assert episode.dog.name == "Max" and episode.dog.breed == "beagle" and episode.dog.sex == "male"
    assert episode.context == "asleep" and episode.signs == ["paddling_or_chomping"]
    assert episode.assessment["urgency"]


def test_save_a_result_into_an_existing_dog(owner_client, dog):
    result = SharedResult.objects.create(case={"episode": {"looks_like": "trembling_or_shivering"}})
    response = owner_client.post(
        f"/diary/save-result/{result.pk}/", {"dog": str(dog.pk), "started_at": "2026-03-14T21:40"}
    )
    assert response.status_code == 302
    assert Episode.objects.get().dog == dog


def test_account_page_time_zone(owner_client, owner):
    assert owner_client.get("/diary/account/").status_code == 200
    bad = owner_client.post("/diary/account/", {"time_zone": "Mars/Olympus"})
    assert bad.status_code == 400
    owner_client.post("/diary/account/", {"time_zone": "Australia/Sydney"})
    owner.diary_profile.refresh_from_db()
    assert owner.diary_profile.time_zone == "Australia/Sydney"


def test_json_export_has_everything(owner_client, dog):
    services.medication_create(dog=dog, name="Pheno", since=datetime(2026, 3, 1).date())
    add_episodes(dog, hours_ago(1), notes="hello")
    response = owner_client.get("/diary/account/export.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["account"]["email"] == "owner@example.org"
    (exported,) = data["dogs"]
    assert exported["name"] == "Bella" and exported["medications"][0]["name"] == "Pheno"
    assert exported["episodes"][0]["notes"] == "hello"
    assert "password" not in response.content.decode()


def test_delete_account_and_everything_in_it(
    owner_client, owner, dog, settings, django_capture_on_commit_callbacks
):
    from pathlib import Path

    owner_client.post(
        f"/diary/dogs/{dog.pk}/episodes/new/",
        {"started_at": "2026-03-14T21:40", "media": SimpleUploadedFile("a.png", png_bytes())},
    )
    stored = Path(settings.MEDIA_ROOT) / Episode.objects.get().media.name
    assert stored.is_file()
    assert owner_client.get("/diary/account/delete/").status_code == 200
    wrong = owner_client.post("/diary/account/delete/", {"password": "nope"})
    assert wrong.status_code == 400 and User.objects.filter(pk=owner.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post("/diary/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    assert not Dog.objects.exists() and not Episode.objects.exists()
    assert not stored.exists()
