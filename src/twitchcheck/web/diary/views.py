"""The diary's pages: thin views that parse, call one service or selector, and render.

Object pages never ask a visitor to log in: a dog, an episode, a file or a report that
is not shared with whoever asks is a 404, whether they are logged in or not."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from twitchcheck.web.celery import enqueue
from twitchcheck.web.check.selectors import shared_case_get
from twitchcheck.web.diary import charts, csvio, exports, labels, report, selectors, services
from twitchcheck.web.diary import tasks as report_tasks
from twitchcheck.web.diary.errors import DiaryInputError
from twitchcheck.web.diary.forms import (
    DeleteAccountForm,
    DogForm,
    EpisodeForm,
    ImportForm,
    InviteForm,
    MedicationForm,
    ProfileForm,
    ReportLinkForm,
    SaveResultForm,
    SignUpForm,
    add_service_errors,
)
from twitchcheck.web.diary.middleware import remember_time_zone
from twitchcheck.web.diary.models import Membership
from twitchcheck.web.limits import limit_message

TIMELINE_PAGE = 20


def _zone() -> ZoneInfo:
    return timezone.get_current_timezone()


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# ---- accounts


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="20/h", method="POST", block=False)
def signup(request):
    if request.user.is_authenticated:
        return redirect("diary:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None, limit_message("Too many sign-ups from your address; please try again later.")
        )
    elif request.method == "POST" and form.is_valid():
        try:
            user = services.account_create(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_safe_next(request, reverse("diary:dog_new")))
    status = 400 if form.errors else 200
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": request.GET.get("next", "")},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    form = ProfileForm(
        request.POST or None,
        initial={"time_zone": selectors.profile_time_zone(user=request.user)},
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, time_zone=form.cleaned_data["time_zone"])
        remember_time_zone(request, form.cleaned_data["time_zone"])
        messages.success(request, "Saved: times are now shown in your new time zone.")
        return redirect("diary:account")
    return render(
        request,
        "diary/account.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, "Your account and everything in it are deleted.")
        return redirect("guide:home")
    return render(
        request, "diary/account_delete.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_GET
def account_export(request):
    data = exports.everything(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="twitchcheck-diary.json"'
    return response


# ---- dogs


@login_required
@require_GET
def home(request):
    dogs = list(selectors.dogs_for_user(user=request.user))
    return render(request, "diary/home.html", {"dogs": dogs})


@login_required
@require_http_methods(["GET", "POST"])
def dog_new(request):
    form = DogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dog = services.dog_create(owner=request.user, **form.service_fields())
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{dog.name} is in your diary. Log an episode any time.")
            return redirect("diary:dog", dog.pk)
    return render(
        request, "diary/dog_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _dog_page_context(request, dog) -> dict:
    now = timezone.now()
    page = Paginator(selectors.episodes_for_dog(dog=dog), TIMELINE_PAGE).get_page(
        request.GET.get("page")
    )
    return {
        "dog": dog,
        "is_owner": dog.owner_id == request.user.id,
        "page": page,
        "medications": selectors.medications_for_dog(dog=dog),
        "rise": selectors.dog_rise_test(dog=dog, now=now),
        "latest_assessed": selectors.latest_assessed_episode(dog=dog),
        "quick_form": EpisodeForm(),
    }


@require_GET
def dog_detail(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    return render(request, "diary/dog.html", _dog_page_context(request, dog))


@require_http_methods(["GET", "POST"])
def dog_edit(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    form = DogForm(request.POST) if request.method == "POST" else DogForm.for_dog(dog)
    if request.method == "POST" and form.is_valid():
        try:
            services.dog_update(dog=dog, **form.service_fields())
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("diary:dog", dog.pk)
    return render(
        request,
        "diary/dog_form.html",
        {"form": form, "dog": dog},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def dog_delete(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    if dog.owner_id != request.user.id:
        return HttpResponseForbidden("Only the dog's owner can delete it; you can stop sharing.")
    if request.method == "POST":
        name = dog.name
        services.dog_delete(dog=dog)
        messages.success(request, f"{name}'s diary is deleted.")
        return redirect("diary:home")
    return render(request, "diary/confirm_delete.html", {"dog": dog, "what": f"{dog.name}'s diary"})


# ---- medications


@require_http_methods(["GET", "POST"])
def medication_new(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    return _medication_form(request, dog, None)


@require_http_methods(["GET", "POST"])
def medication_edit(request, medication_id: int):
    medication = selectors.medication_get(user=request.user, medication_id=medication_id)
    return _medication_form(request, medication.dog, medication)


def _medication_form(request, dog, medication):
    initial = (
        {
            "name": medication.name,
            "dose": medication.dose,
            "since": medication.since,
            "until": medication.until,
        }
        if medication
        else None
    )
    form = MedicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if medication:
                services.medication_update(medication=medication, **form.cleaned_data)
            else:
                services.medication_create(dog=dog, **form.cleaned_data)
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Medication saved.")
            return redirect("diary:dog", dog.pk)
    return render(
        request,
        "diary/medication_form.html",
        {"form": form, "dog": dog, "medication": medication},
        status=400 if form.errors else 200,
    )


@require_POST
def medication_delete(request, medication_id: int):
    medication = selectors.medication_get(user=request.user, medication_id=medication_id)
    dog_id = medication.dog_id
    services.medication_delete(medication=medication)
    messages.success(request, "Medication removed.")
    return redirect("diary:dog", dog_id)


# ---- episodes


@require_http_methods(["GET", "POST"])
def episode_new(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    form = EpisodeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            episode = services.episode_create(
                dog=dog,
                user=request.user,
                fields=form.service_fields(),
                media=form.cleaned_data.get("media"),
            )
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Episode logged.")
            if "check" in request.POST:
                services.episode_check(episode=episode)
                return redirect("diary:episode", episode.pk)
            return redirect(reverse("diary:dog", args=[dog.pk]) + f"#episode-{episode.pk}")
    if request.method == "POST" and request.POST.get("quick") and form.errors:
        context = _dog_page_context(request, dog)
        context["quick_form"] = form
        return render(request, "diary/dog.html", context, status=400)
    return render(
        request,
        "diary/episode_form.html",
        {"form": form, "dog": dog},
        status=400 if form.errors else 200,
    )


@require_GET
def episode_detail(request, episode_id: int):
    episode = selectors.episode_get(user=request.user, episode_id=episode_id)
    return render(
        request,
        "diary/episode.html",
        {"episode": episode, "dog": episode.dog, "assessment": report.assessment_view(episode)},
    )


@require_http_methods(["GET", "POST"])
def episode_edit(request, episode_id: int):
    episode = selectors.episode_get(user=request.user, episode_id=episode_id)
    if request.method == "POST":
        form = EpisodeForm(request.POST, request.FILES)
    else:
        form = EpisodeForm.for_episode(episode)
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_update(
                episode=episode,
                fields=form.service_fields(),
                media=form.cleaned_data.get("media") or None,
                remove_media=form.cleaned_data.get("remove_media", False),
            )
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Episode saved.")
            return redirect("diary:episode", episode.pk)
    return render(
        request,
        "diary/episode_form.html",
        {"form": form, "dog": episode.dog, "episode": episode},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def episode_delete(request, episode_id: int):
    episode = selectors.episode_get(user=request.user, episode_id=episode_id)
    if request.method == "POST":
        dog_id = episode.dog_id
        services.episode_delete(episode=episode)
        messages.success(request, "Episode deleted.")
        return redirect("diary:dog", dog_id)
    return render(
        request,
        "diary/confirm_delete.html",
        {"dog": episode.dog, "episode": episode, "what": "this episode"},
    )


@require_POST
def episode_check(request, episode_id: int):
    episode = selectors.episode_get(user=request.user, episode_id=episode_id)
    services.episode_check(episode=episode)
    return redirect("diary:episode", episode.pk)


@never_cache
@require_GET
def episode_media(request, episode_id: int):
    episode = selectors.episode_get(user=request.user, episode_id=episode_id)
    if not episode.media:
        raise Http404("no file")
    try:
        handle = episode.media.open("rb")
    except FileNotFoundError:
        raise Http404("no file") from None
    response = FileResponse(handle, content_type=episode.media_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# ---- trends, chart, report


def _chart_range():
    until = timezone.now()
    return until - timedelta(weeks=charts.WEEKS), until


@require_GET
def trends(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    since, until = _chart_range()
    weeks = selectors.weekly_series(dog=dog, tz=_zone(), since=since, until=until)
    medications = selectors.medications_for_dog(dog=dog)
    return render(
        request,
        "diary/trends.html",
        {
            "dog": dog,
            "weeks": weeks,
            "rows": charts.table_rows(weeks),
            "chart_alt": charts.text_alternative(dog.name, weeks, medications),
            "rise": selectors.dog_rise_test(dog=dog),
            "clusters": report.recent_clusters(dog=dog),
            "medications": medications,
        },
    )


@require_GET
def chart_svg(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    since, until = _chart_range()
    weeks = selectors.weekly_series(dog=dog, tz=_zone(), since=since, until=until)
    svg = charts.render_svg(weeks, selectors.medications_for_dog(dog=dog), _zone())
    response = HttpResponse(svg, content_type="image/svg+xml")
    # the SVG's own styling is inline; it runs no script and loads nothing
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, max-age=60"
    return response


@require_http_methods(["GET", "POST"])
def report_page(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    form = ReportLinkForm(request.POST or None, initial={"days": settings.DIARY_REPORT_LINK_DAYS})
    new_link = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _link, token = services.report_link_create(
                dog=dog, user=request.user, days=form.cleaned_data["days"]
            )
            new_link = request.build_absolute_uri(reverse("diary:report_shared", args=[token]))
            form = ReportLinkForm(initial={"days": settings.DIARY_REPORT_LINK_DAYS})
            status = 201
        else:
            status = 400
    return render(
        request,
        "diary/report.html",
        {
            "dog": dog,
            "form": form,
            "new_link": new_link,
            "links": selectors.report_links_for_dog(dog=dog),
            "now": timezone.now(),
            "range_days": report.RANGE_DAYS,
        },
        status=status,
    )


@require_POST
def report_link_revoke(request, link_id: int):
    link = selectors.report_link_get(user=request.user, link_id=link_id)
    services.report_link_revoke(link=link)
    messages.success(request, "The link no longer works.")
    return redirect("diary:report", link.dog_id)


def _pdf_response(pdf: bytes, dog) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"twitchcheck-{dog.pk}-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def report_pdf(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    return _pdf_response(
        report.build_pdf(dog=dog, tz=_zone(), **report.range_from(request.GET)), dog
    )


@require_POST
def report_email(request, dog_id: int):
    """Makes the report on the task queue and emails it to the person asking: for long
    periods, so the page does not wait for the PDF."""
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    period = report.range_from(request.POST)
    enqueue(
        report_tasks.report_email,
        dog_id=dog.pk,
        user_id=request.user.pk,
        since=period["since"].isoformat() if "since" in period else None,
        until=period["until"].isoformat() if "until" in period else None,
    )
    messages.success(
        request,
        f"We are making {dog.name}'s report and will email it to {request.user.email} "
        "in a few minutes.",
    )
    return redirect("diary:report", dog.pk)


@never_cache
@require_GET
def report_shared(request, token: str):
    link = selectors.report_link_open(token=token)
    tz = ZoneInfo(selectors.profile_time_zone(user=link.created_by))
    response = _pdf_response(report.build_pdf(dog=link.dog, tz=tz), link.dog)
    response["X-Robots-Tag"] = "noindex"
    return response


# ---- sharing


@require_http_methods(["GET", "POST"])
def sharing(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                dog=dog,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                accept_url=lambda token: request.build_absolute_uri(
                    reverse("diary:invitation", args=[token])
                ),
            )
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
            return redirect("diary:sharing", dog.pk)
    if form.errors:
        status = 400
    return render(
        request,
        "diary/sharing.html",
        {
            "dog": dog,
            "form": form,
            "members": selectors.members_of(dog=dog),
            "invitations": selectors.invitations_open(dog=dog),
            "is_owner": dog.owner_id == request.user.id,
        },
        status=status,
    )


@require_POST
def member_remove(request, dog_id: int, user_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    membership = (
        dog.memberships.filter(user_id=user_id, role=Membership.Role.HOUSEHOLD)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404("no such member")
    try:
        services.membership_end(dog=dog, member=membership.user, by=request.user)
    except DiaryInputError:
        return HttpResponseForbidden("Only the owner, or the member themselves, can do this.")
    if membership.user_id == request.user.id:
        messages.success(request, f"You no longer share {dog.name}'s diary.")
        return redirect("diary:home")
    messages.success(
        request, f"{dog.name}'s diary is no longer shared with {membership.user.email}."
    )
    return redirect("diary:sharing", dog.pk)


@require_POST
def invitation_cancel(request, dog_id: int, invitation_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    invitation = dog.invitations.filter(pk=invitation_id, accepted_at__isnull=True).first()
    if invitation is None:
        raise Http404("no such invitation")
    services.invitation_cancel(invitation=invitation)
    messages.success(request, "Invitation withdrawn.")
    return redirect("diary:sharing", dog.pk)


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    found = selectors.invitation_get(token=token)
    if not request.user.is_authenticated:
        return render(request, "diary/invitation.html", {"invitation": found, "token": token})
    error = ""
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=found, user=request.user)
        except DiaryInputError as problem:
            error = problem.errors[0][2]
        else:
            messages.success(request, f"You now share {found.dog.name}'s diary.")
            return redirect("diary:dog", found.dog_id)
    return render(
        request,
        "diary/invitation.html",
        {"invitation": found, "token": token, "error": error},
        status=400 if error else 200,
    )


# ---- CSV


@require_GET
def episodes_csv(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    episodes = selectors.episodes_for_dog(dog=dog).order_by("started_at", "id")
    response = HttpResponse(
        csvio.write_episodes(episodes.iterator(chunk_size=2000), _zone()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="twitchcheck-{dog.pk}-episodes.csv"'
    return response


@require_http_methods(["GET", "POST"])
def episodes_import(request, dog_id: int):
    dog = selectors.dog_get(user=request.user, dog_id=dog_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems = ["The file is not UTF-8 text; export it from the spreadsheet as CSV UTF-8."]
        else:
            try:
                created = services.episodes_import(dog=dog, user=request.user, text=text)
            except DiaryInputError as error:
                problems = [error.describe(e) for e in error.errors]
            else:
                messages.success(request, f"{len(created)} episodes imported.")
                return redirect("diary:dog", dog.pk)
    return render(
        request,
        "diary/import.html",
        {"form": form, "dog": dog, "problems": problems, "columns": csvio.COLUMNS},
        status=400 if (problems or form.errors) else 200,
    )


# ---- saving a wizard result


@login_required
@require_http_methods(["GET", "POST"])
def result_save(request, result_id: str):
    case = shared_case_get(result_id=result_id)
    dogs = list(selectors.dogs_for_user(user=request.user))
    form = SaveResultForm(request.POST or None, dogs=dogs)
    if request.method == "POST" and form.is_valid():
        dog = None
        if form.cleaned_data["dog"] is not None:
            dog = selectors.dog_get(user=request.user, dog_id=form.cleaned_data["dog"])
        try:
            episode = services.result_save(
                user=request.user,
                case=case,
                started_at=form.cleaned_data["started_at"],
                dog=dog,
                new_dog_name=form.cleaned_data["new_dog_name"],
            )
        except DiaryInputError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The check is saved in the diary.")
            return redirect("diary:episode", episode.pk)
    return render(
        request,
        "diary/result_save.html",
        {"form": form, "result_id": result_id, "labels": labels},
        status=400 if form.errors else 200,
    )
