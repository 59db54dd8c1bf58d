"""The seeded synthetic demo data set (`demo --scale small|borough|county --seed N`): rows only.

Builds a plausible Kingston / Richmond picture — places, children, persons of concern, peer
groups, gangs, a county line, 18 months of incidents and sightings — with every link carrying
provenance, so that every analytic of CONTRACTS §5 has something to find. It never touches a
store, the clock or the global random generator: the same scale and seed give the same rows.

Planted for demos and tests (ids are the same at every scale and seed): the trap house
``LOC-00001`` (closure notice and order), the fast-food outlet ``LOC-00002`` where unlinked
children are seen within days of each other, the county line ``G-0001`` with deal-line phones
``OBJ-00001``/``OBJ-00002``, Dean Miles ``P-00001`` ("Deano") with the vehicle ``OBJ-00003``,
the duplicate pairs ``C-00001``/``C-00002`` (Jayden Smith / Jaydon Smyth "JJ"), ``C-00003``/
``C-00004``, ``C-00005``/``C-00006``, ``C-00007``/``C-00008`` and ``P-00004``/``P-00005``, the
harmed-and-harmful child ``C-00009`` and the MARVE + Prevent child ``C-00010``.

>>> nodes, links = generate("small", seed=7)
>>> 250 <= len(nodes) <= 400
True
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from mapping.io import demo_events, demo_links
from mapping.io.demo_people import Cast
from mapping.io.demo_world import Places, World
from mapping.io.names import TOWNS
from schemas.records import LinkRow, NodeRow

DEFAULT_TODAY = datetime.date(2026, 11, 30)


@dataclass(frozen=True, slots=True)
class Scale:
    """How big a demo is: towns, people and incidents, and how dense the links are."""

    towns: int
    children: int
    pocs: int
    incidents: int
    place_factor: int
    sightings_per_child: float
    friends_per_child: float


SCALES: dict[str, Scale] = {
    "small": Scale(2, 105, 16, 60, 1, 3.0, 0.5),
    "borough": Scale(6, 3400, 380, 3100, 4, 5.0, 2.0),
    "county": Scale(12, 34000, 4200, 34000, 14, 14.0, 10.0),
}


def generate(
    scale: str = "small", *, seed: int = 7, today: datetime.date | None = None
) -> tuple[list[NodeRow], list[LinkRow]]:
    """The demo data set for a scale and seed, as validated node and link rows.

    Args:
        scale: one of `SCALES` (``small`` ≈ 300 nodes, ``borough`` ≈ 10k nodes and 50k links,
            ``county`` ≈ 100k nodes and 1M links).
        seed: the random seed; the same seed always gives the same rows.
        today: the date the data set is "as at" (default 2026-11-30); incidents and sightings
            fall in the 18 months before it.

    Raises:
        ValueError: for an unknown scale.
    """
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(SCALES)}, got {scale!r}")
    size = SCALES[scale]
    world = World(random.Random(seed), today or DEFAULT_TODAY)
    places = Places(world, TOWNS[: size.towns])
    cast = Cast(world, places)
    cast.plant_places()
    places.build(size.place_factor)
    cast.add_groups()
    cast.add_people(children=size.children, pocs=size.pocs)
    demo_links.add_homes_and_schools(cast)
    demo_links.add_peer_groups(cast)
    demo_links.add_exploitation(cast)
    demo_links.add_friendships(cast, size.friends_per_child)
    demo_events.assess(cast)
    demo_events.add_sightings(cast, size.sightings_per_child)
    demo_events.add_incidents(cast, size.incidents)
    demo_links.add_strengths(cast)
    demo_events.plant_co_location(cast)
    cast.emit()
    return world.nodes, world.links
