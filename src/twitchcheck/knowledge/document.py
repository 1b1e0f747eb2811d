"""docs/knowledge.md, written from the knowledge files so that it can never drift from them.

    python -m twitchcheck.knowledge.document > docs/knowledge.md      (or: make docs)

A test checks that the committed page is what this writes.
"""

from __future__ import annotations

import sys

from twitchcheck.knowledge import CONTRACT_CAUSES, Knowledge, load_knowledge
from twitchcheck.knowledge.models import Cause, Condition, Reference

GROUP_TITLES = {
    "article": "The source article's causes",
    "everyday_twitches": "Everyday twitches",
    "shivering_and_trembling": "Shivering and trembling",
    "fits_and_collapse": "Fits and collapse",
    "stiffness_and_cramps": "Stiffness and cramps",
    "head_and_face": "Head and face",
    "pain": "Pain",
    "illness_and_poisoning": "Illness and poisoning",
}
STRONG = ("primary", "authoritative")
POINTERS = 5  # facts listed for and against each cause


def condition_words(k: Knowledge, cond: Condition) -> str:
    """A condition in plain words, for the page."""
    if cond.all is not None:
        return " and ".join(_wrap(k, c) for c in cond.all)
    if cond.any is not None:
        return " or ".join(_wrap(k, c) for c in cond.any)
    if cond.not_ is not None:
        return f"not ({condition_words(k, cond.not_)})"
    if cond.sign is not None:
        return k.signs[cond.sign].present
    if cond.signs_any is not None:
        return "any of: " + ", ".join(k.signs[s].present for s in cond.signs_any)
    if cond.signs_two_of is not None:
        return "two or more of: " + ", ".join(k.signs[s].present for s in cond.signs_two_of)
    if cond.breed is not None:
        return "a breed among " + ", ".join(k.breed_groups[g].label.lower() for g in cond.breed)
    spec = k.fields[str(cond.field)]
    if cond.answered_unknown is not None:
        return f"{spec.label.lower()} {'not known' if cond.answered_unknown else 'known'}"
    if cond.is_ is not None:
        words = spec.values["true" if cond.is_ else "false"].fact
    else:
        words = " or ".join(spec.values[str(v)].fact for v in cond.in_ or [])
    return f"{words} (or not known)" if cond.or_unsure else words


def _wrap(k: Knowledge, cond: Condition) -> str:
    words = condition_words(k, cond)
    return f"({words})" if cond.all is not None or cond.any is not None else words


def _pointers(k: Knowledge, cause: Cause) -> tuple[list[str], list[str]]:
    """The facts that make the cause most and least likely compared with twitching dogs in
    general, with their likelihood ratio."""
    ratios: list[tuple[float, str]] = []
    for path in cause.likelihoods:
        table = cause.table(path)
        if path == "signs":
            for sid, p in table.items():
                ratios.append((p / k.signs[sid].background, k.signs[sid].present))
        elif path == "dog.breed":
            for group, ratio in table.items():
                ratios.append((ratio, f"a breed among {k.breed_groups[group].label.lower()}"))
        else:
            field = k.fields[path]
            for value, p in table.items():
                ratios.append((p / field.background[value], field.values[value].fact))
    ratios.sort(reverse=True)
    towards = [f"{text} (×{r:.1f})" for r, text in ratios[:POINTERS] if r >= 2]
    away = [f"{text} (×{r:.2f})" for r, text in sorted(ratios)[:POINTERS] if r <= 0.5]
    return towards, away


def _reference(ref: Reference) -> str:
    link = ref.url or (f"https://doi.org/{ref.doi}" if ref.doi else None)
    if link is None and ref.pmid:
        link = f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
    title = f"[{ref.title}]({link})" if link else ref.title
    extra = f" {ref.citation}." if ref.citation and ref.citation not in ref.title else ""
    return f"{title}.{extra} *{ref.strength}*"


def _cause(k: Knowledge, cause: Cause) -> list[str]:
    kind = "contract cause" if cause.id in CONTRACT_CAUSES else f"refines `{cause.refines}`"
    lines = [f"### `{cause.id}`: {cause.name}", "", f"*{kind}; prior {cause.prior:g}*", ""]
    lines += [cause.summary, ""]
    lines += [f"- **How it shows:** {' '.join(cause.how_it_shows)}"]
    towards, away = _pointers(k, cause)
    if towards:
        lines.append(f"- **Points to it:** {'; '.join(towards)}.")
    if away:
        lines.append(f"- **Points away from it:** {'; '.join(away)}.")
    if cause.requires is not None:
        lines.append(
            f"- **Hardly seen without:** {condition_words(k, cause.requires.when)} "
            f"(otherwise ×{cause.requires.otherwise:g})."
        )
    urgency = [f"base `{cause.urgency.base}`"]
    urgency += [f"`{e.to}` when {condition_words(k, e.when)}" for e in cause.urgency.escalate]
    lines.append(f"- **Urgency:** {'; '.join(urgency)}.")
    if cause.prevention:
        titles = [p.title for p in k.prevention if p.id in cause.prevention]
        lines.append(f"- **Prevention:** {'; '.join(titles)}.")
    lines.append("- **References:**")
    lines += [f"  - {_reference(ref)}" for ref in cause.references]
    return [*lines, ""]


def render(k: Knowledge) -> str:
    lines = [
        "# The knowledge: causes, look-alikes and urgency",
        "",
        "<!-- Written by `python -m twitchcheck.knowledge.document` (make docs) from the files",
        "in src/twitchcheck/knowledge/data/; edit those, not this page. -->",
        "",
        f"twitchcheck knows {len(k.causes)} causes: the contract's {len(CONTRACT_CAUSES)} and "
        f"{len(k.causes) - len(CONTRACT_CAUSES)} more, each of which `refines` a contract cause "
        "or none. For each cause: what it is, the facts that point to it and away from it (how "
        "much more or less likely each makes it than in twitching dogs in general), the facts it "
        "is hardly seen without, its urgency and escalations, and its references (strength: "
        "*primary* for peer-reviewed studies, *authoritative* for consensus statements, "
        "textbooks, veterinary manuals, vet schools and poison services, *extra* for further "
        "reading).",
        "",
        "## Red flags",
        "",
        "Criteria that set the urgency whatever the likely cause:",
        "",
        "| urgency | when | what the owner is told |",
        "|---|---|---|",
    ]
    lines += [f"| `{f.urgency}` | {condition_words(k, f.when)} | {f.text} |" for f in k.red_flags]
    t = k.meta.thresholds
    lines += [
        "",
        "Otherwise the causes decide: each has a level for the case (its base, raised by its own "
        "escalations), and a level is reached once the causes at or above it hold "
        f"{t['emergency']:g} (emergency), {t['see_vet']:g} (see a vet) or {t['home_care']:g} "
        "(home care) of the probability.",
        "",
    ]
    for group, title in GROUP_TITLES.items():
        members = [c for c in k.causes if c.group == group]
        if not members:
            continue
        lines += [f"## {title}", ""]
        for cause in sorted(members, key=lambda c: (-c.prior, c.id)):
            lines += _cause(k, cause)
    return "\n".join(lines).rstrip() + "\n"


def strong_references(cause: Cause) -> int:
    return sum(ref.strength in STRONG for ref in cause.references)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render(load_knowledge()))
