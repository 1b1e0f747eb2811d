"""The guide article as the page shows it, built from the knowledge base.

The page follows the shape of the article it replaces, in the project's own words: a
title that promises everything an owner needs, what a spasm is, the nine causes that
article named (in its order), then every further cause the knowledge holds, grouped by
what the owner sees, the seven prevention tips, when to see a vet, and a final word.
Every cause's sentences come from the knowledge files; this module orders them. A cause
added to the knowledge shows up by itself among the further causes, in the group its
own data places it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from twitchcheck import load_knowledge
from twitchcheck.knowledge import CONTRACT_PREVENTION
from twitchcheck.knowledge.models import GuideSection

TITLE = "Dog muscle spasms and twitching: all an owner needs to know"

# The nine causes of the source article, in its order (one of them covers two of ours).
ARTICLE_CAUSES: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, ("rem_sleep",)),
    ("Overexertion and injury", ("overexertion", "injury")),
    (None, ("allergic_reaction",)),
    (None, ("dehydration",)),
    (None, ("mineral_deficiency",)),
    (None, ("toxin",)),
    (None, ("distemper",)),
    (None, ("dystonia",)),
    (None, ("canine_stress_syndrome",)),
)

# The further causes, grouped by what the owner sees (a cause's `group` in the knowledge),
# in the order the page shows them. A group the page does not know yet is shown last,
# under its id in words, so that knowledge added later still shows.
GROUPS = {
    "fits_and_collapse": "Fits and collapse",
    "shivering_and_trembling": "Shivering and trembling",
    "everyday_twitches": "Everyday twitches",
    "head_and_face": "In the head or face",
    "stiffness_and_cramps": "Stiffness and cramps",
    "pain": "Trembling with pain",
    "illness_and_poisoning": "With illness, heat or poisoning",
}
ARTICLE_GROUP = "article"

# Guide sections from meta.yaml that close the article instead of opening it.
CLOSING_SECTIONS = ("when-to-see-a-vet", "final-word")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: list[str]


FINAL_WORD = Section(
    id="final-word",
    title="A final word",
    paragraphs=[
        "Most twitching is part of an ordinary dog's life: a dream, a long walk, a muscle "
        "that needs a rest or a drink. Problems that build up slowly, like too little water, "
        "usually ease just as simply once the habits above are in place.",
        "When something does not fit the harmless patterns, or home care has not helped "
        "within a few days, let a vet examine your dog; a short video of an episode makes "
        "that visit far more useful. And whenever you are unsure, the check below weighs "
        "what you have seen in a couple of minutes.",
    ],
)


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
class ArticleCause:
    """One of the article's nine causes: a heading over one cause or more."""

    number: int
    title: str
    anchor: str
    sections: list[CauseSection]


@dataclass(frozen=True)
class CauseGroup:
    id: str
    title: str
    anchor: str
    sections: list[CauseSection]


@dataclass(frozen=True)
class Article:
    title: str
    opening: list
    article_causes: list[ArticleCause]
    groups: list[CauseGroup]
    prevention: list  # the article's seven tips
    more_prevention: list  # what prevents the serious causes
    closing: list
    toc: list[TocEntry]

    @property
    def causes(self) -> list[CauseSection]:
        main = [s for a in self.article_causes for s in a.sections]
        return main + [s for g in self.groups for s in g.sections]


def cause_anchor(cause_id: str) -> str:
    return "cause-" + cause_id.replace("_", "-")


def group_of(cause) -> str:
    """What an owner sees with this cause: the cause's own `group` when the knowledge names
    one; otherwise its likelihoods decide (whether the dog stops responding or paddles,
    where on the body it shows, whether pain or stiffness come with it)."""
    named = getattr(cause, "group", None)
    if named:
        return named
    likely = cause.likelihoods
    aware = likely.get("episode.aware", {})
    area = likely.get("episode.body_area", {})
    signs = likely.get("signs", {})
    if aware.get("no", 0) >= 0.35 or signs.get("paddling_or_chomping", 0) >= 0.4:
        return "fits_and_collapse"
    if area.get("face_head", 0) >= 0.6:
        return "head_and_face"
    if area.get("whole_body", 0) >= 0.5:
        return "shivering_and_trembling"
    if signs.get("limping_or_pain", 0) >= 0.5:
        return "pain"
    if signs.get("muscle_stiffness", 0) >= 0.5:
        return "stiffness_and_cramps"
    return "everyday_twitches"


def group_title(group: str) -> str:
    return GROUPS.get(group) or group.replace("_", " ").capitalize()


@cache
def article_build() -> Article:
    """The article; built once per process (the knowledge does not change while running)."""
    knowledge = load_knowledge()
    prevention = {p.id: p for p in knowledge.prevention}
    by_id = {c.id: c for c in knowledge.causes}
    guide = list(knowledge.meta.guide)
    opening = [s for s in guide if s.id not in CLOSING_SECTIONS]
    closing: list[GuideSection | Section] = [s for s in guide if s.id in CLOSING_SECTIONS]
    if not any(s.id == "final-word" for s in closing):
        closing.append(FINAL_WORD)

    def section(cause) -> CauseSection:
        return CauseSection(
            cause=cause,
            anchor=cause_anchor(cause.id),
            urgency=knowledge.meta.urgency[cause.urgency.base],
            prevention=[prevention[p] for p in cause.prevention if p in prevention],
        )

    article_causes: list[ArticleCause] = []
    placed: set[str] = set()
    for title, ids in ARTICLE_CAUSES:
        found = [by_id[i] for i in ids if i in by_id]
        if not found:
            continue
        placed.update(c.id for c in found)
        article_causes.append(
            ArticleCause(
                number=len(article_causes) + 1,
                title=title or found[0].name,
                anchor=cause_anchor(found[0].id) + ("-and-more" if len(found) > 1 else ""),
                sections=[section(c) for c in found],
            )
        )
    # a cause the knowledge files with the article's but this page does not know: after them
    for cause in knowledge.causes:
        if cause.id not in placed and group_of(cause) == ARTICLE_GROUP:
            placed.add(cause.id)
            article_causes.append(
                ArticleCause(
                    number=len(article_causes) + 1,
                    title=cause.name,
                    anchor=cause_anchor(cause.id),
                    sections=[section(cause)],
                )
            )
    grouped: dict[str, list[CauseSection]] = {g: [] for g in GROUPS}
    for cause in knowledge.causes:
        if cause.id not in placed:
            grouped.setdefault(group_of(cause), []).append(section(cause))
    groups = [
        CauseGroup(id=g, title=group_title(g), anchor="more-" + g.replace("_", "-"), sections=s)
        for g, s in grouped.items()
        if s
    ]

    seven = [p for p in knowledge.prevention if p.id in CONTRACT_PREVENTION]
    more_prevention = [p for p in knowledge.prevention if p.id not in CONTRACT_PREVENTION]

    toc = [TocEntry(s.id, s.title) for s in opening]
    toc.append(
        TocEntry(
            "causes",
            "Nine common causes",
            [TocEntry(a.anchor, a.title) for a in article_causes],
        )
    )
    if groups:
        toc.append(
            TocEntry(
                "more-causes",
                "More causes, by what you see",
                [TocEntry(g.anchor, g.title) for g in groups],
            )
        )
    toc.append(TocEntry("prevention", "Seven ways to prevent spasms"))
    if more_prevention:
        toc.append(TocEntry("prevention-serious", "Preventing the serious causes"))
    toc.extend(TocEntry(s.id, s.title) for s in closing)
    toc.append(TocEntry("comments", "Comments"))
    return Article(
        title=TITLE,
        opening=opening,
        article_causes=article_causes,
        groups=groups,
        prevention=seven,
        more_prevention=more_prevention,
        closing=closing,
        toc=toc,
    )


@cache
def causes_html() -> SafeString:
    """The causes sections, the bulk of the page; they depend on the knowledge alone."""
    return render_to_string("guide/causes.html", {"article": article_build()})
