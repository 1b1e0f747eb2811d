"""The guide article as the page shows it, built from the knowledge base.

Every sentence comes from the knowledge files; this module only orders them: opening
sections, then each cause, then prevention (with the store's products), then closing
sections such as when to see a vet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from twitchcheck import load_knowledge

# guide sections from meta.yaml that close the article instead of opening it
CLOSING_SECTIONS = frozenset({"when-to-see-a-vet"})


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass(frozen=True)
class CauseSection:
    cause: object  # knowledge Cause
    anchor: str
    urgency: object  # knowledge UrgencyText of the cause's usual urgency
    prevention: list  # knowledge PreventionSpec


@dataclass(frozen=True)
class Article:
    title: str
    opening: list
    causes: list[CauseSection]
    prevention: list
    closing: list
    toc: list[TocEntry]


def cause_anchor(cause_id: str) -> str:
    return "cause-" + cause_id.replace("_", "-")


@cache
def article_build() -> Article:
    """The article; built once per process (the knowledge does not change while running)."""
    knowledge = load_knowledge()
    prevention = {p.id: p for p in knowledge.prevention}
    guide = knowledge.meta.guide
    opening = [s for s in guide if s.id not in CLOSING_SECTIONS]
    closing = [s for s in guide if s.id in CLOSING_SECTIONS]
    causes = [
        CauseSection(
            cause=c,
            anchor=cause_anchor(c.id),
            urgency=knowledge.meta.urgency[c.urgency.base],
            prevention=[prevention[p] for p in c.prevention if p in prevention],
        )
        for c in knowledge.causes
    ]
    toc = [TocEntry(s.id, s.title) for s in opening]
    toc.append(
        TocEntry(
            "causes",
            "What makes a dog twitch",
            [TocEntry(c.anchor, c.cause.name) for c in causes],
        )
    )
    toc.append(TocEntry("prevention", "Keeping spasms away"))
    toc.extend(TocEntry(s.id, s.title) for s in closing)
    toc.append(TocEntry("comments", "Comments"))
    return Article(
        title="Dog muscle spasms: what is normal, and what to do",
        opening=opening,
        causes=causes,
        prevention=list(knowledge.prevention),
        closing=closing,
        toc=toc,
    )


@cache
def causes_html() -> SafeString:
    """The causes section, the bulk of the page; it depends on the knowledge alone."""
    return render_to_string("guide/causes.html", {"article": article_build()})
