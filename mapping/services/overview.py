"""The landing page's counts: how much is in the store (no personal data)."""

from __future__ import annotations

from dataclasses import dataclass

from graphdb.base import GraphStore
from mapping.services.access import User


@dataclass(frozen=True, slots=True)
class Overview:
    headline: dict[str, int]
    counts: dict[str, int]


def store_overview(store: GraphStore, user: User) -> Overview:
    """Counts of young people, persons and places of concern, links and referrals."""
    counts = store.counts()
    links = sum(v for k, v in counts.items() if k.isupper())
    headline = {
        "Young people": counts.get("Child", 0),
        "Persons of concern": counts.get("PersonOfConcern", 0),
        "Places": counts.get("Location", 0),
        "Links": links,
        "Referrals": counts.get("Referral", 0),
    }
    del user  # counts only: every signed-in role may see them
    return Overview(headline, counts)
