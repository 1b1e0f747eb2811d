"""Show causes and assessments to a person in the terminal (rich).

Everything shown is readable without colour: urgency is spelled out in words, bars are
characters, and URLs are printed in full. Rich honours NO_COLOR and plain (non-terminal)
output by itself; text from the knowledge is never read as rich markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from twitchcheck.knowledge import Knowledge
from twitchcheck.knowledge.models import Cause, Reference

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
# causes shown in the table: at least this likely, at most this many (and always the first)
SHOW_AT_LEAST = 0.01
SHOW_AT_MOST = 6
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


def _bullets(console: Console, items, numbered: bool = False) -> None:
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


def _urgency_label(knowledge: Knowledge, level: str) -> tuple[str, str]:
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


# --- an assessment -----------------------------------------------------------------------


def _bar(probability: float, ascii_only: bool) -> Text:
    filled = round(max(0.0, min(1.0, probability)) * BAR_WIDTH)
    if probability > 0 and filled == 0:
        filled = 1
    full, empty = ("#", ".") if ascii_only else ("\u2588", "\u2591")
    bar = Text(full * filled, style="cyan")
    bar.append(empty * (BAR_WIDTH - filled), style="dim")
    return bar


def _shown_causes(causes: list[dict]) -> list[dict]:
    shown = [c for c in causes[:SHOW_AT_MOST] if c["probability"] >= SHOW_AT_LEAST]
    return shown or causes[:1]


def _banner(assessment: dict, knowledge: Knowledge) -> Panel:
    level = assessment["urgency"]
    label, headline = _urgency_label(knowledge, level)
    style = URGENCY_STYLE.get(level, "bold reverse")
    parts = [Text.assemble(label.upper(), f": {headline}" if headline else "")]
    flags = assessment.get("red_flags") or []
    if flags:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for flag in flags:
            grid.add_row("  !", flag)
        parts += [Text(""), Text("Why:"), grid]
    return Panel(
        Group(*parts),
        style=style,
        box=box.HEAVY,
        expand=True,
        title="Urgency",
        title_align="left",
        padding=(1, 2),
    )


def _cause_table(assessment: dict, knowledge: Knowledge, ascii_only: bool) -> Table:
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
    for cause in _shown_causes(assessment["causes"]):
        name = Text(_cause_name(knowledge, cause["id"]), style="bold")
        if cause.get("refines"):
            refined = _cause_name(knowledge, cause["refines"]).lower()
            name.append(f"\n(a form of {refined})", style="dim")
        table.add_row(
            name,
            _bar(cause["probability"], ascii_only),
            f"{cause['probability'] * 100:.0f}%",
            Text("; ".join(cause.get("reasons") or []) or "-"),
        )
    return table


def show_assessment(assessment: dict, knowledge: Knowledge, console: Console | None = None) -> None:
    """An assessment for a person: the urgency first, then causes, what to do, prevention."""
    console = _console(console)
    ascii_only = not (console.encoding or "").lower().startswith("utf")

    console.print(_banner(assessment, knowledge))

    _heading(console, "Most likely causes")
    console.print(_cause_table(assessment, knowledge, ascii_only))
    hidden = len(assessment["causes"]) - len(_shown_causes(assessment["causes"]))
    if hidden > 0:
        console.print(Text(f"  ({hidden} less likely causes not shown)", style="dim"))

    _heading(console, "What to do now")
    _bullets(console, assessment.get("actions") or [], numbered=True)

    prevention = assessment.get("prevention") or []
    if prevention:
        _heading(console, "Prevention plan")
        plan = []
        for item in prevention:
            title = _prevention_title(knowledge, item["id"])
            plan.append(Text.assemble((f"{title}: ", "bold") if title else "", item["text"]))
        _bullets(console, plan)

    console.print()
    console.print(
        Panel(Group(Text(assessment.get("disclaimer", ""), style="italic")), box=box.ROUNDED)
    )
