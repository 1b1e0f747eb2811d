"""The wizard: one question per step, plain forms, swapped in place by htmx when it runs."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from twitchcheck import assess
from twitchcheck.web.check.describe import (
    DescribeForm,
    facts,
    remove_fact,
    wizard_from_text,
)
from twitchcheck.web.check.result import result_page_context
from twitchcheck.web.check.selectors import shared_case_get
from twitchcheck.web.check.services import shared_result_create
from twitchcheck.web.check.step import step_context
from twitchcheck.web.check.wizard import AnswerError, Wizard


@require_http_methods(["GET", "POST"])
def check_step(request):
    """GET starts the check (with ?describe, at "Describe what you saw"); POST takes an
    answer (action: answer, dont_know, back or finish) and shows the next question, or the
    result when there is none. The describe step posts describe, remove (a fact) or
    confirm; skip goes to the first question."""
    wizard, error, prefill = Wizard(), "", None
    if request.method == "GET" and "describe" in request.GET:
        return _describe_page(request, DescribeForm())
    if request.method == "POST" and (
        request.POST.get("action") == "describe" or "fact" in request.POST
    ):
        return _describe_step(request)
    if request.method == "POST" and request.POST.get("action") == "skip":
        pass  # a fresh wizard: straight to the first question
    elif request.method == "POST" and request.POST.get("action") == "confirm":
        wizard = Wizard.loads(request.POST.get("state", ""))  # the facts as understood
    elif request.method == "POST":
        wizard = Wizard.loads(request.POST.get("state", ""))
        action = request.POST.get("action", "answer")
        step = wizard.next_step()
        try:
            if action == "back":
                prefill = wizard.current.case
                wizard = wizard.back()
            elif action == "finish" or step.done:
                return _to_result(request, wizard)
            elif action == "dont_know":
                wizard = wizard.dont_know(step.question)
            else:
                wizard = wizard.answer(step.question, request.POST.getlist("answer"))
        except AnswerError as problem:
            error = str(problem)
    step = wizard.next_step()
    if step.done:
        return _to_result(request, wizard)
    context = step_context(
        wizard, step.question, error=error, emergency=_emergency(wizard), prefill=prefill
    )
    template = "check/step.html" if request.htmx else "check/page.html"
    return render(request, template, context, status=400 if error else 200)


def _describe_step(request):
    """The owner's words read into facts, or one fact removed; shows the facts as chips.
    The words themselves go no further than this request."""
    if request.POST.get("action") == "describe":
        form = DescribeForm(request.POST)
        if not form.is_valid():
            return _describe_page(request, form, status=400)
        wizard = wizard_from_text(form.cleaned_data["text"])
    else:
        wizard = Wizard.loads(request.POST.get("state", ""))
        wizard = remove_fact(wizard, request.POST.get("fact", ""))
    context = {
        "facts": facts(wizard.case),
        "state": wizard.dumps(),
        "emergency": _emergency(wizard),
        "page_title": "Check my dog: what we understood",
        "partial": "check/understood.html",
    }
    return _render(request, context)


def _describe_page(request, form, status=200):
    context = {
        "form": form,
        "page_title": "Check my dog: describe what you saw",
        "partial": "check/describe.html",
    }
    return _render(request, context, status=status)


def _render(request, context, status=200):
    template = context["partial"] if request.htmx else "check/page.html"
    return render(request, template, context, status=status)


def _emergency(wizard: Wizard) -> bool:
    if wizard.number == 1 and not wizard.current.case:
        return False
    return assess(wizard.case).urgency == "emergency"


def _to_result(request, wizard: Wizard):
    result = shared_result_create(case=wizard.case)
    url = reverse("check:result", args=[result.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def check_result(request, result_id: str):
    case = shared_case_get(result_id=result_id)
    return render(request, "check/result.html", result_page_context(case, request))
