"""What the Places / People of Concern item returns: plain dataclasses for the page and map."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.enums import Purpose


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 child", "3 children"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


@dataclass(frozen=True, slots=True)
class LinkedChild:
    id: str
    name: str
    minimised: bool
    rag: dict[str, str]
    rag_max: str | None
    via: str


@dataclass(frozen=True, slots=True)
class ConcernItem:
    """A person or place of concern, ranked, with why and what the panel needs beside it."""

    id: str
    kind: str
    name: str
    score: float
    why: str
    children: list[LinkedChild] = field(default_factory=list)
    disruption: list[str] = field(default_factory=list)
    review_date: str | None = None
    review_status: str = "none"
    new_since_panel: list[str] = field(default_factory=list)
    detail: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class MapPoint:
    id: str
    name: str
    latitude: float
    longitude: float
    score: float
    kind: str
    why: str


@dataclass(frozen=True, slots=True)
class Agenda:
    persons: list[ConcernItem]
    places: list[ConcernItem]
    points: list[MapPoint]
    new_flags: list[str]
    since: str | None
    until: str | None
    category: str | None
    last_panel_date: str | None
    as_of: str | None
    purpose: Purpose
    minimised: bool

    @property
    def reviews(self) -> list[ConcernItem]:
        """Flags whose review is overdue, due within 28 days, or expired; soonest first."""
        due = [
            i
            for i in self.persons + self.places
            if i.review_status in ("overdue", "due", "expired")
        ]
        return sorted(due, key=lambda i: (i.review_date or "", i.id))
