"""Who is discussed where, and in what order: victim first, each young person once.

The reference's rule: a young person is discussed once; where they are both harmed and
harmful they are discussed **as a victim first**. So a child is placed under the first agenda
item for a category in which they are at risk of harm (sexual exploitation, then criminal
exploitation, then missing / CME, then gangs and serious youth violence); a child who only
poses risk to others is placed under the item for that. Wherever else they have a rating, the
agenda shows a cross-reference rather than a second discussion. Pure functions, no store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas.enums import RAG_ORDER, CareStatus, Category, Rag
from schemas.nodes import display_name
from schemas.records import StoredNode

# Agenda item for each category (MARVE_AGENDA numbers). 4 = themes (Prevent, other).
SECTION_OF: dict[Category, int] = {
    Category.CSE: 5,
    Category.HSB: 5,
    Category.CCE: 6,
    Category.MSHT: 6,
    Category.MISSING: 7,
    Category.CME: 7,
    Category.SYV: 8,
    Category.IOM: 8,
    Category.PREVENT: 4,
    Category.SUBSTANCE: 4,
}
# Ratings that describe risk *to others*; every other category is a risk *to the child*.
HARMFUL_CATEGORIES = frozenset({Category.HSB, Category.IOM})
HARMFUL_SECTION = 8
CATEGORIES = frozenset(c.value for c in Category)
RAGS = frozenset(r.value for r in Rag)
SECTION_PRIORITY = (5, 6, 7, 8, 4)

CARE_NOTES: dict[str, str] = {
    CareStatus.PLACED_OUT_OF_BOROUGH.value: "placed out of the area by us",
    CareStatus.PLACED_IN_AREA.value: "placed in our area by another authority",
    CareStatus.LOOKED_AFTER.value: "looked after",
    CareStatus.CARE_LEAVER.value: "care leaver",
}


class Role:
    VICTIM = "at risk of harm"
    VICTIM_FIRST = "at risk of harm, and posing risk to others: discussed as a victim first"
    HARMFUL = "posing risk to others"
    UNRATED = "no category rated yet"


@dataclass(frozen=True, slots=True)
class DiscussedChild:
    """A young person as the agenda lists them."""

    id: str
    name: str
    role: str
    ratings: dict[str, str]
    care_note: str | None = None
    section: int = 4
    cross_refs: tuple[int, ...] = field(default_factory=tuple)

    @property
    def harmed(self) -> bool:
        return self.role != Role.HARMFUL

    def top_rag(self, categories: Iterable[str] | None = None) -> int:
        wanted = set(categories) if categories is not None else set(self.ratings)
        return max(
            (RAG_ORDER[Rag(v)] for k, v in self.ratings.items() if k in wanted and v in RAGS),
            default=0,
        )

    @property
    def summary(self) -> str:
        rated = ", ".join(f"{k} {v}" for k, v in sorted(self.ratings.items()))
        care = f"; {self.care_note}" if self.care_note else ""
        return f"{self.name} — {rated or 'no RAG'}{care} ({self.role})"


def _ratings(child: StoredNode) -> dict[Category, str]:
    raw = child.properties.get("rag") or {}
    return {Category(k): str(v) for k, v in raw.items() if k in CATEGORIES}


def classify(child: StoredNode) -> DiscussedChild:
    """Role and agenda item for one child (victim first)."""
    ratings = _ratings(child)
    harmed_in = {c for c in ratings if c not in HARMFUL_CATEGORIES}
    harmful = bool(child.properties.get("harmful_to_others")) or bool(
        set(ratings) & HARMFUL_CATEGORIES
    )
    if harmed_in:
        role = Role.VICTIM_FIRST if harmful else Role.VICTIM
        sections = {SECTION_OF[c] for c in harmed_in}
    elif harmful:
        role = Role.HARMFUL
        sections = {SECTION_OF[c] for c in ratings} or {HARMFUL_SECTION}
    else:
        role, sections = Role.UNRATED, {4}
    section = next(s for s in SECTION_PRIORITY if s in sections)
    elsewhere = {SECTION_OF[c] for c in ratings} | ({HARMFUL_SECTION} if harmful else set())
    return DiscussedChild(
        id=child.id,
        name=display_name(child.label, child.properties),
        role=role,
        ratings={str(k): v for k, v in ratings.items()},
        care_note=CARE_NOTES.get(str(child.properties.get("care_status"))),
        section=section,
        cross_refs=tuple(sorted(elsewhere - {section})),
    )


def discussion_order(children: Iterable[StoredNode]) -> list[DiscussedChild]:
    """A cohort in the order to discuss it: children at risk of harm (including those who also
    pose risk to others) first, then those only posing risk to others; within each, highest
    RAG first, then name.

    >>> from schemas.records import Meta
    >>> m = Meta(1, "", "", "", "")
    >>> a = StoredNode("C1", "Child", {"forename": "Ash", "rag": {"HSB": "high"}}, m)
    >>> b = StoredNode("C2", "Child", {"forename": "Bo", "harmful_to_others": True,
    ...                                "rag": {"CCE": "low"}}, m)
    >>> [(c.id, c.harmed) for c in discussion_order([a, b])]
    [('C2', True), ('C1', False)]
    """
    found = [classify(c) for c in children]
    return sorted(found, key=lambda c: (not c.harmed, -c.top_rag(), c.name.casefold(), c.id))


def section_order(children: Iterable[DiscussedChild], section: int) -> list[DiscussedChild]:
    """Children discussed under one agenda item, victim first, highest RAG in it first."""
    in_section = {str(c) for c, s in SECTION_OF.items() if s == section}
    chosen = [c for c in children if c.section == section]
    return sorted(
        chosen,
        key=lambda c: (not c.harmed, -c.top_rag(in_section), c.name.casefold(), c.id),
    )
