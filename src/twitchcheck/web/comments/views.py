from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from twitchcheck.web.comments.forms import CommentForm
from twitchcheck.web.comments.services import comment_create
from twitchcheck.web.guide.views import guide_exists, guide_page
from twitchcheck.web.limits import limit_message

THANKS = "Thank you! Your comment will appear here once a moderator has approved it."


def _comment_rate(group, request) -> str:
    return settings.COMMENT_RATE


@require_POST
@ratelimit(key="ip", rate=_comment_rate, method="POST", block=False)
def comment_post(request, page: str):
    if not guide_exists(page):  # nothing is stored for a page that does not exist
        raise Http404("No such guide")
    form = CommentForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None,
            limit_message("Too many comments from your address; please try again later."),
        )
        return guide_page(request, page=page, comment_form=form, status=429)
    if form.is_from_bot:  # say thanks and keep nothing
        messages.success(request, THANKS)
        return redirect(_comments_anchor(page))
    if not form.is_valid():
        return guide_page(request, page=page, comment_form=form, status=400)
    try:
        comment_create(page=page, **{k: form.cleaned_data[k] for k in ("name", "email", "body")})
    except ValidationError as error:  # the model's own checks, shown on the form's fields
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
        return guide_page(request, page=page, comment_form=form, status=400)
    messages.success(request, THANKS)
    return redirect(_comments_anchor(page))


def _comments_anchor(page: str) -> str:
    return reverse("guide:article", args=[page]) + "#comments"
