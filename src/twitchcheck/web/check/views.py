"""The wizard: the owner's words first, the facts understood as chips, then one question
per step; plain forms, swapped in place by htmx when it runs. Every POST carries the
interview in its signed `state` field and an `action`:

  describe, skip             the first step: read the words, or answer questions instead
  remove, flip, edit, add    the chips: take a fact out, turn a sign around, correct one,
  save_fact, cancel            add one (edit and add show that one question)
  confirm                    the facts are right: on to the questions
  answer, dont_know, back    a question
  finish                     straight to the result (the go-now warning's button)
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from twitchcheck.case import FIELD_PATHS
from twitchcheck.errors import InputError
from twitchcheck.session import facts_of, field_label, question_for
from twitchcheck.web.check.describe import DescribeForm, interview_from_text
from twitchcheck.web.check.result import result_page_context
from twitchcheck.web.check.selectors import shared_result_get
from twitchcheck.web.check.services import shared_result_create
from twitchcheck.web.check.step import NONE_OF_THESE, question_context, step_context
from twitchcheck.web.check.wizard import AnswerError, Interview, dumps, loads

CHIP_ACTIONS = {"remove", "flip", "edit", "add", "save_fact", "cancel"}


@require_http_methods(["GET", "POST"])
def check_step(request):
    if request.method == "GET":
        return _describe_page(request, DescribeForm(require_text=False))
    action = request.POST.get("action", "answer")
    chip = request.POST.get("chip", "")
    if chip:
        # a chip's button: "remove|key", "flip|signs:collapse" or "edit|field"
        action, _, target = chip.partition("|")
        if action not in ("remove", "flip", "edit"):
            action = "cancel"
    if action in ("describe", "skip"):
        return _first_step(request, action)
    interview = loads(request.POST.get("state", ""))
    if action in CHIP_ACTIONS:
        return _chips_step(request, interview, action, target if chip else "")
    if action == "confirm":
        return _question_page(request, interview)
    return _question_step(request, interview, action)


# --- the first step: the owner's words ------------------------------------------------------


def _first_step(request, action: str):
    form = DescribeForm(request.POST, require_text=action == "describe")
    if not form.is_valid():
        return _describe_page(request, form, status=400)
    name = form.cleaned_data["name"]
    if action == "skip":
        return _question_page(request, Interview.start(dog_name=name))
    try:
        interview = interview_from_text(form.cleaned_data["text"], name)
    except InputError as problem:
        form.add_error("text", problem.problems[0]["message"] if problem.problems else str(problem))
        return _describe_page(request, form, status=400)
    except ValueError as problem:
        form.add_error("text", str(problem))
        return _describe_page(request, form, status=400)
    return _chips_page(request, interview)


def _describe_page(request, form, status=200):
    context = {
        "form": form,
        "limit": form.limit,
        "limit_text": f"{form.limit:,}",
        "page_title": "Check my dog: tell us what you saw",
        "partial": "check/describe.html",
    }
    return _render(request, context, status=status)


# --- the chips: what was understood ---------------------------------------------------------


def _chips_step(request, interview: Interview, action: str, target: str = ""):
    error = ""
    field = target if action == "edit" else request.POST.get("field", "")
    try:
        if action == "remove":
            interview = interview.remove_fact(target)
        elif action == "flip":
            interview = interview.flip_sign(target.partition(":")[2])
        elif action in ("edit", "add"):
            if field != "signs" and field not in FIELD_PATHS:
                raise AnswerError("Please choose what you would like to add.")
            return _fact_editor(request, interview, question_for(field))
        elif action == "save_fact":
            question = question_for(field)
            raw = [r for r in request.POST.getlist("answer") if r != NONE_OF_THESE]
            try:
                interview = interview.set_fact(question, raw)
            except AnswerError as problem:
                return _fact_editor(request, interview, question, error=str(problem))
    except AnswerError as problem:
        error = str(problem)
    return _chips_page(request, interview, error=error)


def _chips_page(request, interview: Interview, error: str = ""):
    facts = facts_of(interview.steps[0].case)
    known = {f.field for f in facts}
    addable = [(path, field_label(path)) for path in FIELD_PATHS if path not in known]
    context = {
        "facts": facts,
        "addable": addable,
        "state": dumps(interview),
        "emergency": interview.emergency_shown,
        "error": error,
        "page_title": "Check my dog: what we understood",
        "partial": "check/understood.html",
    }
    return _render(request, context, status=400 if error else 200)


def _fact_editor(request, interview: Interview, question, error: str = ""):
    context = {
        **question_context(question, prefill=interview.steps[0].case),
        "state": dumps(interview),
        "emergency": interview.emergency_shown,
        "error": error,
        "editing": True,
        "page_title": f"Check my dog: {field_label(question.field).lower()}",
        "partial": "check/edit.html",
    }
    return _render(request, context, status=400 if error else 200)


# --- the questions --------------------------------------------------------------------------


def _question_step(request, interview: Interview, action: str):
    error, prefill = "", None
    if action == "finish":
        return _to_result(request, interview)
    if action == "back":
        if interview.asked == 0:
            if interview.has_facts:
                return _chips_page(request, interview)
            form = DescribeForm(initial={"name": interview.dog_name}, require_text=False)
            return _describe_page(request, form)
        prefill = interview.current.case
        interview = interview.back()
        return _question_page(request, interview, prefill=prefill)
    step = interview.next_step()
    question = step.question
    if step.done or question is None:
        return _to_result(request, interview)
    try:
        if action == "dont_know":
            interview = interview.dont_know(question)
        else:
            raw = request.POST.getlist("answer")
            interview = _answer(interview, question, raw)
    except AnswerError as problem:
        error = str(problem)
    return _question_page(request, interview, error=error)


def _answer(interview: Interview, question, raw: list[str]) -> Interview:
    if question.field != "signs":
        return interview.answer_raw(question, raw)
    none = NONE_OF_THESE in raw
    seen = [r for r in raw if r != NONE_OF_THESE and r.strip()]
    if none and seen:
        raise AnswerError("You ticked “None of these” and a sign as well; please choose one.")
    if not none and not seen:
        raise AnswerError(
            "Please tick what you have seen, or “None of these”, or choose “Don’t know”."
        )
    return interview.answer_raw(question, seen)


def _question_page(request, interview: Interview, *, error: str = "", prefill=None):
    step = interview.next_step()
    if step.done or step.question is None:
        return _to_result(request, interview)
    context = step_context(
        interview, step.question, state=dumps(interview), error=error, prefill=prefill
    )
    context["page_title"] = f"Check my dog: question {interview.number}"
    context["partial"] = "check/step.html"
    return _render(request, context, status=400 if error else 200)


def _render(request, context, status=200):
    template = context["partial"] if request.htmx else "check/page.html"
    return render(request, template, context, status=status)


def _to_result(request, interview: Interview):
    result = shared_result_create(
        case=interview.case,
        dog_name=interview.dog_name,
        skipped_signs=list(interview.skipped_signs),
    )
    url = reverse("check:result", args=[result.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def check_result(request, result_id: str):
    result = shared_result_get(result_id=result_id)
    return render(request, "check/result.html", result_page_context(result, request))
