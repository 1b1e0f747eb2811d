"""One row of the table: what a check tried, how many, and what it found."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    check: str
    tried: str
    count: int = 0  # cases, payloads, URLs x roles, users ... (the unit is in `tried`)
    failures: int = 0  # what must be 0: failed checks, executed payloads, leaks, lost writes
    requests: int = 0  # requests the site served
    errors: int = 0  # 5xx other than a clean 503, timeouts, broken connections
    acknowledged: int | None = None  # writes the site said it made
    found: int | None = None  # of those, found in the database afterwards
    notes: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)  # exact requests or payloads that failed
    statuses: dict[str, int] = field(default_factory=dict)
    available: bool = True  # False: the check could not run here (the reason is in notes)

    @property
    def passed(self) -> bool:
        lost = (self.acknowledged or 0) - (self.found or 0)
        return self.available and self.failures == 0 and self.errors == 0 and lost == 0

    def note(self, text: str) -> None:
        self.notes.append(text)
