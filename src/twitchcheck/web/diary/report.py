"""The vet report: one or two A4 pages a vet reads in a minute (fpdf2).

Page one: the dog's profile and medications, the chart of the last 26 weeks, the trend
summary (the rise test and any cluster of fits), the latest assessment with its reasons,
and the owner's notes. Then the episode table for the report's period (the last 90 days
unless asked otherwise), newest first, as many rows as fit on two pages; any beyond are
counted, not silently dropped. Every query is a fixed number of aggregates and slices,
so the report costs the same for 10 episodes or 10,000."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone

from twitchcheck.web.diary import charts, labels, selectors, trends
from twitchcheck.web.diary.models import Episode

# fontTools logs every glyph of the font subset at INFO
logging.getLogger("fontTools").setLevel(logging.WARNING)

RANGE_DAYS = 90
TABLE_FETCH = 150  # more rows than two pages can hold
MEDICATIONS_SHOWN = 8
NOTES_SHOWN = 700


def range_from(params) -> dict:
    """since/until (YYYY-MM-DD, inclusive) from a query string; bad values are ignored."""
    out = {}
    for name in ("since", "until"):
        try:
            out[name] = date.fromisoformat(params.get(name, ""))
        except ValueError:
            continue
    return out


def recent_clusters(*, dog, weeks: int = charts.WEEKS) -> list[dict]:
    since = timezone.now() - timedelta(weeks=weeks)
    runs = trends.clusters(selectors.fit_like_times(dog=dog, since=since))
    return [{"first": r[0], "last": r[-1], "count": len(r)} for r in runs]


def assessment_view(episode: Episode | None) -> dict | None:
    """The stored assessment in owner's words: urgency, red flags, top causes with their
    reasons, and what would change it."""
    if episode is None or not episode.assessment:
        return None
    from twitchcheck import load_knowledge

    data = episode.assessment
    urgency = load_knowledge().meta.urgency[data["urgency"]]
    causes = [
        {
            "name": labels.cause_name(c["id"]),
            "percent": round(c["probability"] * 100),
            "reasons": c.get("reasons", []),
        }
        for c in data.get("causes", [])[:3]
    ]
    case_episode = (episode.assessed_case or {}).get("episode", {})
    return {
        "urgency": data["urgency"],
        "label": urgency.label,
        "headline": urgency.headline,
        "advice": urgency.advice,
        "red_flags": data.get("red_flags", []),
        "causes": causes,
        "actions": data.get("actions", []),
        "what_would_change": [c["text"] for c in data.get("what_would_change", [])],
        "assessed_at": episode.assessed_at,
        "pattern": case_episode.get("pattern", ""),
        "count_24h": case_episode.get("count_24h"),
        "disclaimer": data.get("disclaimer", ""),
    }


# the scripts an owner's words are likely in; the full DejaVu Sans takes ~0.4 s to load
# per document, a font cut down to these once per machine takes a few milliseconds
FONT_RANGES = (
    "U+0000-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,"
    "U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF"
)


@cache
def _font_files() -> tuple[str, str]:
    """DejaVu Sans and its bold (shipped with matplotlib), cut down to FONT_RANGES and
    kept in the temporary folder, made once (atomically) per version of matplotlib."""
    import hashlib
    import os
    import tempfile

    import matplotlib
    from fontTools import subset

    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    key = hashlib.sha256(f"{matplotlib.__version__}{FONT_RANGES}".encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"twitchcheck-fonts-{key}"
    folder.mkdir(exist_ok=True)
    made = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        target = folder / name
        if not target.is_file():
            options = subset.Options()
            options.layout_features = ["kern", "liga"]
            options.name_IDs = ["*"]
            options.notdef_outline = True
            font = subset.load_font(str(source / name), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(FONT_RANGES))
            subsetter.subset(font)
            draft = folder / f".{name}.{os.getpid()}"
            subset.save_font(font, str(draft), options)
            os.replace(draft, target)
        made.append(str(target))
    return made[0], made[1]


EARLIEST, LATEST = date(2, 1, 1), date(9998, 12, 31)


def _period(tz: ZoneInfo, since: date | None, until: date | None) -> tuple[datetime, datetime]:
    today = timezone.now().astimezone(tz).date()
    # within what dates and time zones can hold on either side (year 1 and 9999 overflow)
    until = min(max(until or today, EARLIEST + timedelta(days=RANGE_DAYS)), LATEST)
    since = min(max(since or until - timedelta(days=RANGE_DAYS - 1), EARLIEST), LATEST)
    if since > until:
        since, until = until, since
    start = datetime.combine(since, time.min, tzinfo=tz)
    end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def _dog_facts(dog, today: date) -> list[tuple[str, str]]:
    def yes_no(value):
        return "not given" if value is None else ("yes" if value else "no")

    age = "not given"
    if dog.birth_date:
        years = (today - dog.birth_date).days / 365.25
        age = f"{years:.1f} years" + (
            " (estimated)" if dog.birth_date_is_estimate else f" (born {dog.birth_date:%d %b %Y})"
        )
    return [
        ("Breed", dog.breed or "not given"),
        ("Age", age),
        ("Sex", dog.get_sex_display() or "not given"),
        ("Neutered", yes_no(dog.neutered)),
        ("Pregnant or nursing", yes_no(dog.pregnant_or_nursing)),
        ("Vaccinations", dog.get_vaccinations_display() or "not given"),
        ("Weight", f"{dog.weight_kg} kg" if dog.weight_kg is not None else "not given"),
    ]


def build_pdf(*, dog, tz: ZoneInfo, since: date | None = None, until: date | None = None) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    start, end = _period(tz, since, until)
    now = timezone.now()
    today = now.astimezone(tz).date()
    medications = selectors.medications_for_dog(dog=dog)
    weeks = selectors.weekly_series(
        dog=dog, tz=tz, since=now - timedelta(weeks=charts.WEEKS), until=now
    )
    rise = selectors.dog_rise_test(dog=dog, now=now)
    clusters = recent_clusters(dog=dog)
    latest = assessment_view(selectors.latest_assessed_episode(dog=dog))
    in_range = Episode.objects.filter(dog=dog, started_at__gte=start, started_at__lt=end)
    total = in_range.aggregate(n=Count("id"))["n"]
    rows = list(in_range.order_by("-started_at", "-id")[:TABLE_FETCH])

    regular, bold = _font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(f"{dog.name}: twitching diary for the vet")
    pdf.set_author("twitchcheck")
    pdf.set_creator("twitchcheck")
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_font("DejaVu", "", regular)
    pdf.add_font("DejaVu", "B", bold)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: float = 11) -> None:
        pdf.set_font("DejaVu", "B", size)
        pdf.cell(width, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 8.5)

    def line(text: str, height: float = 4.2) -> None:
        pdf.multi_cell(width, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def fit(text: str, w: float) -> str:
        room = w - 2 * pdf.c_margin
        text = " ".join(str(text).split())[:400]
        width = pdf.get_string_width(text)
        if width <= room:
            return text
        # cut in proportion, then trim the last few characters
        text = text[: max(0, int(len(text) * room / width))]
        while text and pdf.get_string_width(text + "…") > room:
            text = text[:-1]
        return text + "…"

    # header
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(width, 8, f"{dog.name}: twitching diary", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 8.5)
    last_day = (end - timedelta(days=1)).date()
    line(
        f"Episodes from {start:%d %b %Y} to {last_day:%d %b %Y} · "
        f"made {now.astimezone(tz):%d %b %Y %H:%M} ({tz.key}) by twitchcheck from the "
        "owner's diary. Times are the owner's local times."
    )
    pdf.ln(1)

    # profile and medications side by side
    heading("The dog")
    facts = _dog_facts(dog, today)
    top = pdf.get_y()
    for label_text, value in facts:
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.cell(36, 4.2, label_text)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.cell(
            width / 2 - 36, 4.2, fit(value, width / 2 - 36), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + width / 2, top - 6)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width / 2, 6, "Medications", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 8.5)
    shown = medications[-MEDICATIONS_SHOWN:]
    if not shown:
        pdf.cell(width / 2, 4.2, "none recorded", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if len(medications) > len(shown):
        pdf.cell(
            width / 2,
            4.2,
            f"({len(medications) - len(shown)} older not shown)",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )
    for m in shown:
        until_text = f"{m.until:%d %b %Y}" if m.until else "ongoing"
        text = f"{m.name} {m.dose}".strip() + f": {m.since:%d %b %Y} to {until_text}"
        pdf.cell(width / 2, 4.2, fit(text, width / 2), new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(pdf.l_margin, max(left_bottom, pdf.get_y()) + 1)

    # chart
    heading(f"Episodes per week and their length, last {charts.WEEKS} weeks")
    import io

    png = charts.render_png(weeks, medications, tz)
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width * 0.82)
    pdf.ln(1)

    # trends
    heading("Trend")
    line(
        rise.summary() + " (Exact conditional binomial test of the last 14 days against the "
        "28 before; a rise needs p < 0.05 and at least 3 recent episodes.)"
    )
    if clusters:
        for c in clusters[-3:]:
            line(
                f"Cluster: {c['count']} fit-like episodes within 24 hours, "
                f"{c['first'].astimezone(tz):%d %b %Y %H:%M} "
                f"to {c['last'].astimezone(tz):%d %b %H:%M}."
            )
    else:
        line(f"No clusters of fit-like episodes in the last {charts.WEEKS} weeks.")
    pdf.ln(1)

    # latest assessment
    heading("Latest check")
    if latest:
        when = latest["assessed_at"].astimezone(tz) if latest["assessed_at"] else None
        pdf.set_font("DejaVu", "B", 9)
        line(
            f"{latest['label']}: {latest['headline']}"
            + (f" (checked {when:%d %b %Y %H:%M})" if when else "")
        )
        pdf.set_font("DejaVu", "", 8.5)
        if latest["red_flags"]:
            line("Because: " + "; ".join(latest["red_flags"]))
        for cause in latest["causes"]:
            reasons = ", ".join(cause["reasons"]) or "no specific facts"
            line(fit(f"{cause['name']} ({cause['percent']}%): {reasons}", width * 3))
    else:
        line("No episode has been checked yet.")
    pdf.ln(1)

    if dog.notes:
        heading("Owner's notes")
        notes = dog.notes if len(dog.notes) <= NOTES_SHOWN else dog.notes[:NOTES_SHOWN] + "…"
        line(notes)
        pdf.ln(1)

    # the episode table
    heading(f"Episodes ({total} from {start:%d %b} to {last_day:%d %b %Y}, newest first)")
    columns = [
        ("When", 28),
        ("Length", 16),
        ("Looks like", 27),
        ("Context", 24),
        ("Aware", 10),
        ("After", 20),
        ("Signs", 24),
        ("Notes", width - 149),
    ]

    def table_header() -> None:
        pdf.set_font("DejaVu", "B", 7.5)
        pdf.set_fill_color(230, 238, 234)
        for title, w in columns:
            pdf.cell(w, 5, title, border="B", fill=True)
        pdf.ln(5)
        pdf.set_font("DejaVu", "", 7.5)

    table_header()
    row_height = 4.4
    printed = 0
    for episode in rows:
        # stop before a third page, leaving room for the "more" line
        if pdf.page == 2 and pdf.get_y() + 3 * row_height > pdf.page_break_trigger:
            break
        if pdf.get_y() + row_height > pdf.page_break_trigger:
            pdf.add_page()
            table_header()
        seconds = labels.seconds_text(episode.duration_seconds) or labels.label(
            "duration", episode.duration
        )
        cells = [
            f"{episode.started_at.astimezone(tz):%d %b %Y %H:%M}",
            seconds,
            labels.label("looks_like", episode.looks_like),
            labels.label("context", episode.context),
            {"yes": "yes", "no": "NO", "unknown": "?"}.get(episode.aware, ""),
            labels.label("afterwards", episode.afterwards),
            labels.labels("signs", episode.signs),
            episode.notes,
        ]
        for (_title, w), text in zip(columns, cells, strict=True):
            pdf.cell(w, row_height, fit(text, w), border="B")
        pdf.ln(row_height)
        printed += 1
    if total > printed:
        pdf.set_font("DejaVu", "B", 8)
        line(
            f"{total - printed} earlier episodes in this period are not shown here; "
            "they are in the chart and in the diary's CSV export."
        )
    elif total == 0:
        line("No episodes in this period.")
    pdf.set_font("DejaVu", "", 7)
    disclaimer = (latest or {}).get("disclaimer") or (
        "twitchcheck gives general information, not a diagnosis."
    )
    if pdf.get_y() + 8 < pdf.page_break_trigger:
        line(disclaimer, height=3.5)
    return bytes(pdf.output())
