"""Bad input described field by field (and row by row for CSV)."""

from __future__ import annotations

from pydantic import ValidationError


class DiaryInputError(ValueError):
    """errors: (row or None, field, message) triples; row counts from 1 after the header
    (so row 1 is the file's second line)."""

    def __init__(self, errors: list[tuple[int | None, str, str]]):
        self.errors = errors
        super().__init__("; ".join(self.describe(e) for e in errors))

    @staticmethod
    def describe(error: tuple[int | None, str, str]) -> str:
        row, field, message = error
        where = f"row {row}, {field}" if row is not None else field
        return f"{where}: {message}"

    def by_field(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for _row, field, message in self.errors:
            out.setdefault(field, []).append(message)
        return out


def from_pydantic(error: ValidationError, row: int | None = None) -> DiaryInputError:
    triples = []
    for item in error.errors():
        loc = [str(p) for p in item.get("loc", ())]
        field = loc[0] if loc else "__all__"
        message = item.get("msg", "invalid").removeprefix("Value error, ")
        triples.append((row, field, message))
    return DiaryInputError(triples)
