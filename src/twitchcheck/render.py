"""Show causes and assessments to a person in the terminal (rich).

Everything shown is readable without colour: urgency is spelled out in words, bars are
characters, and URLs are printed in full. Rich honours NO_COLOR and plain (non-terminal)
output by itself; text from the knowledge is never read as rich markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from twitchcheck.knowledge import Knowledge
from twitchcheck.knowledge.models import Cause, Reference, Urgency
from twitchcheck.present import Presented, present

URGENCY_STYLE = {
    "emergency": "bold white on red",
    "see_vet": "bold black on dark_orange",
    "home_care": "bold white on blue",
    "normal": "bold black on green",
}
URGENCY_COLOUR = {
    "emergency": "red",
    "see_vet": "dark_orange",
    "home_care": "blue",
    "normal": "green",
}
BAR_WIDTH = 20


def reference_links(ref: Reference) -> list[str]:
    """Where to find a reference: its page, its DOI, its PubMed entry."""
    links = [ref.url] if ref.url else []
    if ref.doi:
        links.append(f"https://doi.org/{ref.doi}")
    if ref.pmid:
        links.append(f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/")
    return list(dict.fromkeys(links))


def _console(console: Console | None) -> Console:
    return console if console is not None else Console()


def _heading(console: Console, title: str) -> None:
    console.print()
    console.print(Text(title, style="bold underline"))


def _bullets(console: Console, items: Iterable[object], numbered: bool = False) -> None:
    """A list with a hanging indent, so wrapped lines stay under their own item."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for i, item in enumerate(items, start=1):
        grid.add_row(
            f" {i}." if numbered else "  -", item if isinstance(item, Text) else Text(str(item))
        )
    console.print(grid)


def _cause_name(knowledge: Knowledge, cause_id: str) -> str:
    try:
        return knowledge.cause(cause_id).name
    except KeyError:
        return cause_id.replace("_", " ")


def _prevention_title(knowledge: Knowledge, item_id: str) -> str | None:
    try:
        return knowledge.prevention_item(item_id).title
    except StopIteration:
        return None


def _urgency_label(knowledge: Knowledge, level: Urgency) -> tuple[str, str]:
    text = knowledge.meta.urgency.get(level)
    if text is None:
        return level.replace("_", " "), ""
    return text.label, text.headline


# --- one cause ---------------------------------------------------------------------------


def show_cause(knowledge: Knowledge, cause: Cause, console: Console | None = None) -> None:
    """One cause's knowledge: what it is, how it shows, urgency, what to do, and sources."""
    console = _console(console)
    title = Text(cause.name, style="bold")
    title.append(f"  ({cause.id})", style="dim")
    console.print(title)
    if cause.refines:
        console.print(Text(f"A form of: {_cause_name(knowledge, cause.refines)} ({cause.refines})"))
    console.print()
    console.print(Text(cause.summary))

    _heading(console, "How it shows")
    _bullets(console, cause.how_it_shows)

    _heading(console, "Urgency")
    label, _ = _urgency_label(knowledge, cause.urgency.base)
    colour = f"bold {URGENCY_COLOUR.get(cause.urgency.base, '')}".strip()
    console.print(Text.assemble("Usually: ", (label, colour)))
    escalations = []
    for esc in cause.urgency.escalate:
        to_label, _ = _urgency_label(knowledge, esc.to)
        colour = f"bold {URGENCY_COLOUR.get(esc.to, '')}".strip()
        escalations.append(Text.assemble((f"{to_label} if: ", colour), esc.flag))
    _bullets(console, escalations)

    _heading(console, "What to do")
    _bullets(console, cause.actions, numbered=True)

    _heading(console, "When to see a vet")
    _bullets(console, cause.see_vet_when)

    if cause.contacts:
        _heading(console, "Who to call")
        _bullets(
            console,
            [
                Text.assemble(
                    (c.name, "bold"), f": {c.phone}", (f" ({c.note})" if c.note else "", "dim")
                )
                for c in cause.contacts
            ],
        )

    if cause.prevention:
        _heading(console, "Prevention")
        _bullets(console, [_prevention_title(knowledge, p) or p for p in cause.prevention])

    _heading(console, "References")
    for ref in cause.references:
        _bullets(console, [ref.title])
        if ref.citation and ref.citation not in ref.title:
            console.print(Text(f"    {ref.citation}", style="dim"), soft_wrap=True)
        # printed whole and unwrapped, so it can be copied even from a narrow terminal
        for link in reference_links(ref):
            console.print(Text(f"    {link}", style="cyan"), soft_wrap=True)


# --- an assessment ---------------------------------------------------------------------


def _bar(probability: float, ascii_only: bool) -> Text:
    filled = round(max(0.0, min(1.0, probability)) * BAR_WIDTH)
    if probability > 0 and filled == 0:
        filled = 1
    full, empty = ("#", ".") if ascii_only else ("\u2588", "\u2591")
    bar = Text(full * filled, style="cyan")
    bar.append(empty * (BAR_WIDTH - filled), style="dim")
    return bar


def _banner(shown: Presented) -> Panel:
    """What to do now, in the urgency's colour: the headline and the first actions."""
    style = URGENCY_STYLE.get(shown.urgency, "bold reverse")
    parts: list[RenderableType] = [Text.assemble(shown.label.upper(), ": ", shown.headline)]
    lines = [*shown.actions]
    lines += [f"{c.name}: {c.phone}" + (f" ({c.note})" if c.note else "") for c in shown.contacts]
    if lines:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        for i, line in enumerate(lines, start=1):
            grid.add_row(f"{i}.", Text(line))
        parts += [grid]
    return Panel(
        Group(*parts),
        style=style,
        box=box.HEAVY,
        expand=True,
        title="What to do now",
        title_align="left",
        padding=(0, 1),
    )


def _footer(shown: Presented) -> Text:
    """The urgency again as the last line, so that it is on screen when the rest has
    scrolled away (an 80 x 40 terminal shows the end of the output)."""
    style = URGENCY_STYLE.get(shown.urgency, "bold reverse")
    return Text(f" {shown.label.upper()}: {shown.headline} ", style=style)


def _cause_table(shown: Presented, ascii_only: bool) -> Table:
    table = Table(
        box=box.ASCII if ascii_only else box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("Possible cause", ratio=3, overflow="fold")
    table.add_column("Likelihood", no_wrap=True)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("Why", ratio=4, overflow="fold")
    for cause in shown.likely:
        table.add_row(
            Text(cause.name, style="bold"),
            _bar(cause.probability, ascii_only),
            f"{cause.percent}%",
            Text("; ".join(cause.reasons) or "-"),
        )
    return table


def show_assessment(
    assessment: dict,
    knowledge: Knowledge,
    console: Console | None = None,
    *,
    case: dict | None = None,
    dog_name: str = "",
    when: str = "",
    skipped_signs: Iterable[str] = (),
) -> None:
    """An assessment for a person, in the order of `twitchcheck.present`: what to do now,
    why, what would change it, the likely causes, prevention; then the answers given
    (with `case`) and the urgency once more as the last line."""
    console = _console(console)
    ascii_only = not (console.encoding or "").lower().startswith("utf")
    shown = present(assessment, knowledge)

    console.print(_banner(shown))

    why = [*shown.red_flags]
    if shown.leading_reasons:
        why.append(f"Points to {shown.leading.name.lower()}: " + "; ".join(shown.leading_reasons))
    if why:
        _heading(console, "Why")
        _bullets(console, why)

    if shown.changes:
        _heading(console, "What would change this")
        _bullets(
            console,
            [
                Text(c.text, style=f"bold {URGENCY_COLOUR.get(c.urgency, '')}".strip())
                for c in shown.changes
            ],
        )

    _heading(console, "Most likely causes")
    console.print(_cause_table(shown, ascii_only))
    if shown.cause_note:
        console.print(Text(shown.cause_note, style="italic"))
    if shown.less_likely:
        console.print(
            Text(f"  ({len(shown.less_likely)} less likely causes not shown)", style="dim")
        )

    if shown.more_actions:
        _heading(console, "More that helps")
        _bullets(console, shown.more_actions)

    if shown.prevention:
        _heading(console, "Prevention plan")
        _bullets(
            console,
            [Text.assemble((f"{title}: ", "bold"), text) for _, title, text in shown.prevention],
        )

    if case is not None:
        from twitchcheck.session import answers_of

        _heading(console, "What you told us")
        about = [f"Dog: {dog_name}" if dog_name else "", f"Checked: {when}" if when else ""]
        about = [line for line in about if line]
        if about:
            console.print(Text("  " + "   ".join(about)))
        answers = answers_of(case, skipped_signs)
        if answers:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="bold", overflow="fold", ratio=2)
            grid.add_column(overflow="fold", ratio=3)
            for label, value in answers:
                grid.add_row(f"  {label}", value)
            console.print(grid)
        else:
            console.print(Text("  Nothing yet.", style="dim"))

    console.print()
    console.print(Text(shown.disclaimer, style="italic"))
    console.print()
    console.print(_footer(shown))


# --- a report in Markdown ---------------------------------------------------------------


def markdown_report(
    assessment: dict,
    knowledge: Knowledge,
    *,
    case: dict | None = None,
    dog_name: str = "",
    when: str = "",
) -> str:
    """The same result as Markdown, in the same order (for a message to a vet, a note)."""
    shown = present(assessment, knowledge)
    out = [f"# {shown.label}: {shown.headline}", ""]
    if dog_name or when:
        out += [" · ".join(x for x in (dog_name and f"Dog: {dog_name}", when) if x), ""]
    out += ["## What to do now", ""]
    out += [f"{i}. {line}" for i, line in enumerate(shown.actions, start=1)]
    out += [
        f"- {c.name}: [{c.phone}]({c.href})" + (f" ({c.note})" if c.note else "")
        for c in shown.contacts
    ]
    why = [*shown.red_flags]
    if shown.leading_reasons:
        why.append(f"Points to {shown.leading.name.lower()}: " + "; ".join(shown.leading_reasons))
    if why:
        out += ["", "## Why", ""] + [f"- {line}" for line in why]
    if shown.changes:
        out += ["", "## What would change this", ""] + [f"- {c.text}" for c in shown.changes]
    out += ["", "## Most likely causes", "", "| cause | likelihood | why |", "|---|---:|---|"]
    for cause in shown.likely:
        reasons = "; ".join(cause.reasons) or "-"
        out.append(f"| {cause.name} | {cause.percent}% | {reasons} |")
    if shown.cause_note:
        out += ["", f"_{shown.cause_note}_"]
    if shown.more_actions:
        out += ["", "## More that helps", ""] + [f"- {line}" for line in shown.more_actions]
    if shown.prevention:
        out += ["", "## Prevention plan", ""]
        out += [f"- **{title}**: {text}" for _, title, text in shown.prevention]
    if case is not None:
        from twitchcheck.session import answers_of

        out += ["", "## What you told us", ""]
        out += [f"- {label}: {value}" for label, value in answers_of(case)] or ["- Nothing yet."]
    out += ["", f"_{shown.disclaimer}_", ""]
    return "\n".join(out)
