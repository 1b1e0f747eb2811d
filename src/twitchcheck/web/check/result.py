"""What the result page shows, in the order of `twitchcheck.present`: what to do now (in
the urgency's colour, with tap-to-call poison lines for the owner's country when the
engine names one), why, what would change it, the likely causes, prevention; then the
dog, the date and time and the answers given, so that it can be shown or sent to a vet."""

from __future__ import annotations

from twitchcheck import assess, load_knowledge
from twitchcheck.case import Case
from twitchcheck.present import present
from twitchcheck.session import answers_of
from twitchcheck.web.guide.article import cause_anchor
from twitchcheck.web.store.selectors import (
    country_choices,
    poison_lines_for,
    products_by_prevention,
    store_country,
)


def owner_country(request) -> str:
    """The country whose poison lines are shown: the owner's choice (?country=), else
    the store's."""
    chosen = request.GET.get("country", "")
    known = {code for code, _ in country_choices()}
    return chosen if chosen in known else store_country()


def result_page_context(result, request) -> dict:
    knowledge = load_knowledge()
    case = Case.model_validate(result.case)
    assessment = assess(case)
    shown = present(assessment, knowledge)
    country = owner_country(request)
    # products only beside prevention that fits a likely cause (nothing is sold to the
    # owner of a dreaming dog), and never with an emergency
    fitting = {p for c in shown.likely for p in _cause_prevention(knowledge, c.id)}
    products = products_by_prevention() if shown.urgency != "emergency" else {}
    names = dict(country_choices())
    return {
        "result": result,
        "assessment": assessment,
        "shown": shown,
        "urgency": knowledge.meta.urgency[assessment.urgency],
        "anchors": {c.id: cause_anchor(c.id) for c in shown.likely + shown.less_likely},
        "poison_lines": poison_lines_for(country) if shown.poison_line_fits else [],
        "country": country,
        "country_name": names.get(country, country),
        "countries": country_choices(),
        "prevention": [
            (pid, title, text, products.get(pid, []) if pid in fitting else [])
            for pid, title, text in shown.prevention
        ],
        "answers": answers_of(case, result.skipped_signs),
        "dog_name": result.dog_name,
        "checked_at": result.created_at,
        "share_url": request.build_absolute_uri(request.path),
    }


def _cause_prevention(knowledge, cause_id: str) -> list[str]:
    try:
        return list(knowledge.cause(cause_id).prevention)
    except KeyError:
        return []
