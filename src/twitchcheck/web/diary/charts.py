"""The trend chart, drawn on the server with matplotlib's object API (no pyplot, no
global state): episodes per week as bars, their mean length as a line, and medication
changes as marked vertical lines. SVG for the pages, PNG for the PDF; the same numbers
go in a table beside it and into a sentence for screen readers."""

from __future__ import annotations

import io
from datetime import date, datetime

from twitchcheck.web.diary.labels import seconds_text

WEEKS = 26
BRAND = "#2a6350"
ACCENT = "#7a4b00"
MED = "#1a56db"


def _week_label(week) -> str:
    return f"{week.start:%d %b %Y}"


def table_rows(weeks) -> list[tuple[str, int, str, str]]:
    return [
        (
            _week_label(w),
            w.episodes,
            seconds_text(w.mean_seconds),
            seconds_text(w.longest_seconds),
        )
        for w in weeks
    ]


def medication_marks(medications, first: date, last: date) -> list[tuple[date, str]]:
    """(day, text) for each start and end of a medication inside the chart's range."""
    marks = []
    for m in medications:
        label = f"{m.name} {m.dose}".strip()
        if first <= m.since <= last:
            marks.append((m.since, f"started {label}"))
        if m.until and first <= m.until <= last:
            marks.append((m.until, f"stopped {label}"))
    return sorted(marks)


def text_alternative(name: str, weeks, medications) -> str:
    if not weeks:
        return f"No weeks to chart for {name}."
    total = sum(w.episodes for w in weeks)
    first = weeks[0].start.date()
    parts = [
        f"Chart of {name}'s episodes per week, {len(weeks)} weeks from {first:%d %b %Y}: "
        f"{total} episodes in all."
    ]
    if total:
        busiest = max(weeks, key=lambda w: w.episodes)
        parts.append(
            f"The most in one week was {busiest.episodes}, the week of {_week_label(busiest)}."
        )
        lengths = [w.mean_seconds for w in weeks if w.mean_seconds is not None]
        if lengths:
            parts.append(
                f"Mean length per week ranged from {seconds_text(min(lengths))} "
                f"to {seconds_text(max(lengths))}."
            )
    marks = medication_marks(medications, first, date.today())
    if marks:
        parts.append(
            "Medication changes: " + "; ".join(f"{d:%d %b %Y} {t}" for d, t in marks) + "."
        )
    parts.append("The numbers are in the table below the chart.")
    return " ".join(parts)


def _figure(weeks, medications, tz, width=7.5, height=4.2):
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=0.09, right=0.985, top=0.97, bottom=0.16, hspace=0.12)
    counts_axes, length_axes = figure.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    days = [datetime(w.start.year, w.start.month, w.start.day) for w in weeks]
    counts_axes.bar(days, [w.episodes for w in weeks], width=5, color=BRAND, align="edge")
    counts_axes.set_ylabel("episodes / week")
    counts_axes.yaxis.get_major_locator().set_params(integer=True)
    with_length = [
        (d, w.mean_seconds) for d, w in zip(days, weeks, strict=True) if w.mean_seconds is not None
    ]
    if with_length:
        length_axes.plot(
            [d for d, _ in with_length],
            [s for _, s in with_length],
            marker="o",
            markersize=3,
            color=ACCENT,
            linewidth=1.5,
        )
    length_axes.set_ylabel("mean length (s)")
    length_axes.set_ylim(bottom=0)
    if days:
        first, last = days[0].date(), date.today()
        for day, text in medication_marks(medications, first, last):
            x = datetime(day.year, day.month, day.day)
            for axes in (counts_axes, length_axes):
                axes.axvline(x, color=MED, linestyle="--", linewidth=1)
            counts_axes.annotate(
                text,
                (x, 1),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="top",
                ha="right",
                fontsize=7,
                color=MED,
            )
        length_axes.set_xlim(days[0], datetime.combine(last, datetime.min.time()))
    length_axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    for axes in (counts_axes, length_axes):
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
    figure.autofmt_xdate()
    return figure


def render_svg(weeks, medications, tz) -> str:
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "twitchcheck"}):
        figure = _figure(weeks, medications, tz)
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        buffer = io.StringIO()
        FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None})
    return buffer.getvalue()


def render_png(weeks, medications, tz, dpi: int = 120) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = _figure(weeks, medications, tz, width=7.5, height=3.4)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_figure(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
