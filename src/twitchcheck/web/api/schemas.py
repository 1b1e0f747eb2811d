"""What the API sends for the knowledge (the case and assessment are the contract's own
models, twitchcheck.case)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ReferenceOut(BaseModel):
    title: str
    url: str | None = Field(default=None, description="a page to read, when there is one")
    citation: str | None = Field(default=None, description="authors, work and year")
    doi: str | None = None
    pmid: str | None = Field(default=None, description="PubMed id")
    strength: str = Field(description="primary, authoritative, or extra (further reading)")


class ContactOut(BaseModel):
    name: str
    phone: str
    note: str = ""


class PreventionOut(BaseModel):
    id: str
    title: str
    text: str


class CauseOut(BaseModel):
    id: str
    name: str
    refines: str | None = Field(description="the contract cause this is a form of, if any")
    summary: str
    how_it_shows: list[str]
    urgency: str = Field(description="how urgent this cause usually is")
    actions: list[str]
    see_vet_when: list[str]
    prevention: list[PreventionOut]
    contacts: list[ContactOut]
    references: list[ReferenceOut]


class UnderstandIn(BaseModel):
    text: str = Field(min_length=1, max_length=5000, description="the owner's own words")


class UnderstandOut(BaseModel):
    case: dict = Field(description="the case read from the text (contract format)")
    evidence: dict = Field(description="the words behind each field")


class ErrorOut(BaseModel):
    detail: str | list
