"""Episodes as CSV, and back, without loss.

One row per episode, a header row first, UTF-8. `started_at` is ISO 8601 with the
offset of the owner's time zone; lists (`body_area`, `signs`) are ids joined with ";";
an empty cell is unknown. Text cells that a spreadsheet would take for a formula (they
start with = + - @, a tab or a carriage return) are written with a leading apostrophe,
and so is any text that already starts with one; reading removes exactly one, so a file
written here reads back to the same episodes. Photos, videos and stored assessments are
not part of the CSV (the JSON export has the assessments).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC
from zoneinfo import ZoneInfo

from twitchcheck.web.diary.errors import DiaryInputError
from twitchcheck.web.diary.fields import (
    ALL_FIELDS,
    CHOICE_FIELDS,
    LIST_FIELDS,
    TEXT_FIELDS,
    EpisodeFields,
    episode_fields_from_model,
)

COLUMNS = ALL_FIELDS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_ERRORS = 50
MAX_ROWS = 100_000


def _escape(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def row_for(fields: dict, tz: ZoneInfo) -> list[str]:
    out = []
    for name in COLUMNS:
        value = fields.get(name)
        if name == "started_at":
            out.append(fields["started_at"].astimezone(UTC).astimezone(tz).isoformat())
        elif name in LIST_FIELDS:
            out.append(";".join(value or []))
        elif name in TEXT_FIELDS:
            out.append(_escape(value or ""))
        else:
            out.append("" if value is None else str(value))
    return out


def write_rows(rows: Iterable[dict], tz: ZoneInfo) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for fields in rows:
        writer.writerow(row_for(fields, tz))
    return buffer.getvalue()


def write_episodes(episodes: Iterable, tz: ZoneInfo) -> str:
    """The CSV text for Episode rows (oldest first is the caller's choice)."""
    return write_rows((episode_fields_from_model(e) for e in episodes), tz)


def _cell_value(name: str, cell: str):
    if name in TEXT_FIELDS:
        return _unescape(cell)
    if cell == "":
        return [] if name in LIST_FIELDS else None
    if name in LIST_FIELDS:
        return [item.strip() for item in cell.split(";") if item.strip()]
    if name == "duration_seconds":
        try:
            return int(cell)
        except ValueError:
            return cell  # pydantic says what is wrong with it
    return cell


def parse_episodes(text: str) -> list[EpisodeFields]:
    """Every row validated, or DiaryInputError listing (row, column, message) for each
    bad cell. Row numbers count data rows from 1 (the header is row 0)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise DiaryInputError([(None, "file", "The file contains NUL characters; it is not CSV.")])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DiaryInputError([(None, "file", "The file is empty.")]) from None
    except csv.Error as error:
        raise DiaryInputError([(0, "file", f"not readable as CSV: {error}")]) from None
    unknown = [c for c in header if c not in COLUMNS]
    errors: list[tuple[int | None, str, str]] = [
        (0, column, "not a column we know") for column in unknown
    ]
    if "started_at" not in header:
        errors.append((0, "started_at", "the started_at column is needed"))
    if errors:
        raise DiaryInputError(errors)
    rows: list[EpisodeFields] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                errors.append((number, "file", f"more than {MAX_ROWS:,} rows"))
                break
            if not cells:
                continue
            if len(cells) != len(header):
                errors.append((number, "row", f"{len(cells)} cells for {len(header)} columns"))
                continue
            data = {name: _cell_value(name, cell) for name, cell in zip(header, cells, strict=True)}
            data = {
                k: v
                for k, v in data.items()
                if not (v is None and k in (*CHOICE_FIELDS, "duration_seconds"))
            }
            from pydantic import ValidationError

            try:
                rows.append(EpisodeFields.model_validate(data))
            except ValidationError as error:
                for item in error.errors():
                    loc = [str(p) for p in item.get("loc", ())]
                    message = item.get("msg", "invalid").removeprefix("Value error, ")
                    errors.append((number, loc[0] if loc else "row", message))
            if len(errors) >= MAX_ERRORS:
                break
    except csv.Error as error:
        errors.append((number + 1, "file", f"not readable as CSV: {error}"))
    if errors:
        raise DiaryInputError(errors)
    return rows
