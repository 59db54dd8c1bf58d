"""What a profile read returns: plain dataclasses a page renders without reading the store."""

from __future__ import annotations

from dataclasses import dataclass, field

from mapping.services.lockdown import RestrictedNotice
from mapping.services.views import ViewLink
from schemas.enums import Purpose


@dataclass(frozen=True, slots=True)
class RagHistory:
    category: str
    name: str
    current: str | None
    history: list[tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class ChronologyItem:
    date: str
    incident_id: str
    incident_type: str
    role: str
    description: str
    where_found: str
    location: str
    reporting_agency: str
    severity: int


@dataclass(frozen=True, slots=True)
class LinkedRecord:
    """One link of the profile's subject, with the other end and the link's provenance."""

    link: ViewLink
    other_id: str
    other_kind: str
    other_name: str
    minimised: bool
    reported_by: str
    source_note: str


@dataclass(frozen=True, slots=True)
class OpenAction:
    id: str
    text: str
    owner: str
    agency: str
    due_date: str
    review_date: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class DuplicateFlag:
    other_id: str
    other_name: str
    similarity: float
    why: str


@dataclass(frozen=True, slots=True)
class ChildProfile:
    id: str
    kind: str
    name: str
    purpose: Purpose
    restricted: RestrictedNotice | None = None
    details: dict[str, str] = field(default_factory=dict)
    special_category_hidden: bool = True
    harmful_to_others: bool = False
    rag: list[RagHistory] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    signs_of_safety: list[tuple[str, int | None]] = field(default_factory=list)
    chronology: list[ChronologyItem] = field(default_factory=list)
    links: list[LinkedRecord] = field(default_factory=list)
    protective: list[LinkedRecord] = field(default_factory=list)
    actions: list[OpenAction] = field(default_factory=list)
    duplicates: list[DuplicateFlag] = field(default_factory=list)
    minimised: bool = True
