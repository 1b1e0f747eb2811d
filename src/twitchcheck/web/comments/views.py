from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from twitchcheck.web.comments.forms import CommentForm
from twitchcheck.web.comments.services import StampUsed, comment_create
from twitchcheck.web.guide.article import article_build
from twitchcheck.web.guide.views import guide_exists
from twitchcheck.web.limits import RETRY_AFTER, refusal

THANKS = "Thank you! Your comment will appear here once a moderator has approved it."

# (group, key, the setting with the rate, what the visitor is told), checked in this order
LIMITS = (
    (
        "comments:address",
        "ip",
        "COMMENT_RATE",
        "Too many comments from your address; please try again later.",
    ),
    (
        "comments:email",
        lambda group, request: request.POST.get("email", "").strip().lower(),
        "COMMENT_EMAIL_RATE",
        "Too many comments with this email address; please try again later.",
    ),
    (
        "comments:page",
        lambda group, request: request.resolver_match.kwargs.get("page", ""),
        "COMMENT_PAGE_RATE",
        "Many comments are arriving just now; please try again in a few minutes.",
    ),
)


def _limited(request) -> tuple[str, int] | None:
    """The message and status for the first limit this post goes over (503 when the limits
    cannot be counted), or None."""
    for group, key, setting, message in LIMITS:
        rate = getattr(settings, setting)
        if is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True):
            return refusal(message)
    return None


def comment_page(request, page: str, form: CommentForm | None = None, status: int = 200):
    """The comment form on a page of its own, made for each visit: the visitor's CSRF
    token and a fresh form stamp. The guide (cached alike for every visitor) links here,
    so it carries neither; a form sent back with errors is shown here again."""
    context = {"page": page, "article": article_build(), "form": form or CommentForm()}
    response = render(request, "comments/page.html", context, status=status)
    add_never_cache_headers(response)  # a token and a stamp are one visitor's
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def comment_post(request, page: str):
    if not guide_exists(page):  # nothing is stored for a page that does not exist
        raise Http404("No such guide")
    if request.method != "POST":
        return comment_page(request, page)
    form = CommentForm(request.POST)
    limited = _limited(request)
    if limited:
        message, status = limited
        form.is_valid()
        form.add_error(None, message)
        response = comment_page(request, page, form, status=status)
        if status == 503:
            response["Retry-After"] = RETRY_AFTER
        return response
    if form.is_from_bot:  # say thanks and keep nothing
        messages.success(request, THANKS)
        return redirect(_comments_anchor(page))
    if not form.is_valid():
        return comment_page(request, page, form, status=400)
    fields = {k: form.cleaned_data[k] for k in ("name", "email", "body")}
    try:
        comment_create(page=page, stamp=form.cleaned_data["stamp"], **fields)
    except StampUsed:
        form.stamp_used()
        return comment_page(request, page, form, status=409)
    except ValidationError as error:  # the model's own checks, shown on the form's fields
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
        return comment_page(request, page, form, status=400)
    messages.success(request, THANKS)
    return redirect(_comments_anchor(page))


def _comments_anchor(page: str) -> str:
    return reverse("guide:article", args=[page]) + "#comments"
