"""The demo generator's workbench: seeded ids, dates, provenance, validated rows and the places.

Only `mapping.io.demo` uses this module; it holds no scenario, just the means to build one.
Nothing here reads the clock or the global random generator, so a seed fixes the output.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from collections.abc import Sequence
from typing import Any

from mapping.io import names
from schemas.enums import Agency, LinkType, LocationType, NodeLabel
from schemas.interchange import link_row, node_row
from schemas.records import LinkRow, NodeRow

#: Validate this many links of each property shape through pydantic; build the rest directly
#: (they are assembled by the same code from the same vocabularies, and a test re-validates a
#: random sample of every scale). At county scale this halves the generation time.
VALIDATE_PER_SHAPE = 2000
OPINION_RATE = 0.25
UNGRADED_RATE = 0.15
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

A = Agency
# Where a link's information came from: (agency, source note) choices per kind of link.
SOURCES: dict[str, tuple[tuple[Agency, str], ...]] = {
    "association": (
        (A.POLICE, "police intelligence report"),
        (A.EDUCATION, "school DSL report"),
        (A.CSC, "return interview"),
        (A.VOLUNTARY, "youth worker observation"),
        (A.CSC, "mapping meeting"),
        (A.YOS, "YOS case notes"),
    ),
    "family": ((A.CSC, "family composition on CSC record"), (A.EDUCATION, "school admission")),
    "membership": (
        (A.POLICE, "police intelligence report"),
        (A.CSC, "mapping meeting"),
        (A.YOS, "YOS case notes"),
        (A.EDUCATION, "school DSL report"),
    ),
    "concern": (
        (A.POLICE, "police intelligence report"),
        (A.CSC, "strategy meeting"),
        (A.EDUCATION, "disclosure to DSL"),
        (A.HEALTH, "sexual health clinic"),
        (A.YOS, "YOS case notes"),
        (A.VOLUNTARY, "youth worker observation"),
    ),
    "sighting": (
        (A.POLICE, "patrol sighting"),
        (A.POLICE, "CCTV review"),
        (A.VOLUNTARY, "detached youth work"),
        (A.CSC, "return interview"),
        (A.LICENSING, "licensing visit"),
        (A.EDUCATION, "reported by school"),
    ),
    "online": ((A.POLICE, "online monitoring"), (A.EDUCATION, "school DSL report")),
    "police": (
        (A.POLICE, "police intelligence report"),
        (A.POLICE, "debrief after arrest"),
        (A.POLICE, "ANPR and stop check"),
        (A.YOS, "YOS case notes"),
    ),
    "home": ((A.CSC, "CSC record"), (A.HOUSING, "tenancy record"), (A.POLICE, "police record")),
    "school": ((A.EDUCATION, "school roll"),),
    "phone": (
        (A.POLICE, "phone download"),
        (A.POLICE, "cell-site analysis"),
        (A.POLICE, "police intelligence report"),
    ),
    "incident": ((A.POLICE, "incident report"), (A.POLICE, "crime report")),
    "strength": (
        (A.VOLUNTARY, "youth worker observation"),
        (A.EDUCATION, "school DSL report"),
        (A.CSC, "safety plan"),
    ),
}

# 3x5x2 gradings weighted towards the common middle of the scale.
_GRADINGS: tuple[str, ...] = tuple(
    f"{s}-{i}-{h}"
    for s, sw in (("1", 2), ("2", 5), ("3", 2))
    for i, iw in (("A", 1), ("B", 4), ("C", 4), ("D", 2), ("E", 1))
    for h, hw in (("P", 5), ("C", 1))
    for _ in range(sw * iw * hw)
)


class World:
    """Rows under construction, with the seeded generator every choice comes from."""

    def __init__(self, rng: random.Random, today: datetime.date) -> None:
        self.rng = rng
        self.today = today
        self.today_ord = today.toordinal()
        self.nodes: list[NodeRow] = []
        self.links: list[LinkRow] = []
        self.labels: dict[str, NodeLabel] = {}
        self.associated: set[tuple[str, str]] = set()
        self._counters: dict[str, int] = {}
        self._days: dict[int, str] = {}
        self._shapes: dict[tuple[str, ...], int] = {}
        self._link_seq = itertools.count(1)

    # -- ids, dates and nodes -------------------------------------------------------------------
    def new_id(self, prefix: str, width: int) -> str:
        number = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = number
        return f"{prefix}-{number:0{width}d}"

    def day(self, ordinal: int) -> str:
        """ISO date of a day ordinal, cached so equal dates share one string."""
        text = self._days.get(ordinal)
        if text is None:
            text = self._days[ordinal] = datetime.date.fromordinal(ordinal).isoformat()
        return text

    def recent_day(self, days_back: int = 548) -> int:
        """A day ordinal within the last `days_back` days (18 months by default), today excluded."""
        return self.today_ord - self.rng.randint(1, days_back)

    def add_node(self, label: NodeLabel, node_id: str, properties: dict[str, Any]) -> None:
        self.nodes.append(node_row(label, node_id, properties))
        self.labels[node_id] = label

    # -- links ----------------------------------------------------------------------------------
    def link(
        self,
        link_type: LinkType,
        source: str,
        target: str,
        *,
        observed: int,
        via: str,
        agency: Agency | None = None,
        kind: str | None = None,
        role: str | None = None,
    ) -> None:
        """Append one link with full provenance from a `SOURCES` entry; some opinion, some ungraded."""
        rng = self.rng
        source_agency, note = rng.choice(SOURCES[via])
        agency = agency or source_agency
        reported = min(observed + int(rng.expovariate(0.25)), self.today_ord)
        props: dict[str, Any] = {
            "observed_from": self.day(observed),
            "reported_at": self.day(reported),
            "reporting_agency": agency.value,
            "reported_by": rng.choice(names.REPORTERS.get(agency.value, ("Panel member",))),
            "basis": "opinion" if rng.random() < OPINION_RATE else "fact",
            "source_note": note,
        }
        if rng.random() >= UNGRADED_RATE:
            props["grading"] = rng.choice(_GRADINGS)
        if kind is not None:
            props["kind"] = kind
        if role is not None:
            props["role"] = role
        link_id = f"R-{next(self._link_seq):07d}"
        shape = (link_type.value, *props)
        seen = self._shapes.get(shape, 0)
        if seen < VALIDATE_PER_SHAPE:
            self._shapes[shape] = seen + 1
            self.links.append(link_row(link_type, link_id, source, target, props))
        else:
            self.links.append(LinkRow(link_id, link_type, source, target, props))

    def associate(self, a: str, b: str, kind: str, *, observed: int, via: str) -> bool:
        """Record an ASSOCIATES_WITH once per unordered pair; False when already linked."""
        pair = (a, b) if a < b else (b, a)
        if a == b or pair in self.associated:
            return False
        self.associated.add(pair)
        self.link(LinkType.ASSOCIATES_WITH, a, b, observed=observed, via=via, kind=kind)
        return True


class Picker:
    """Weighted choice over a fixed list, with cumulative weights computed once."""

    def __init__(self, items: Sequence[str], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random) -> str:
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]


# Relative weight of each kind of place as somewhere young people are seen.
HANGOUT_WEIGHTS: dict[LocationType, float] = {
    LocationType.FAST_FOOD: 4,
    LocationType.PARK: 3,
    LocationType.TRANSPORT_HUB: 3,
    LocationType.SHOP: 2,
    LocationType.LICENSED_PREMISES: 0.5,
    LocationType.HOTEL: 0.5,
    LocationType.TRAP_HOUSE: 2,
}

# Places per town at place factor 1: (type, how many).
PLACES_PER_TOWN: tuple[tuple[LocationType, int], ...] = (
    (LocationType.SCHOOL, 2),
    (LocationType.FAST_FOOD, 3),
    (LocationType.PARK, 2),
    (LocationType.TRANSPORT_HUB, 2),
    (LocationType.SHOP, 2),
    (LocationType.HOTEL, 1),
    (LocationType.LICENSED_PREMISES, 1),
)


class Places:
    """Every Location and Organisation the demo creates, indexed by town and type."""

    def __init__(self, world: World, towns: Sequence[names.Town]) -> None:
        self.world = world
        self.towns = list(towns)
        self.by_town: list[dict[LocationType, list[str]]] = [{} for _ in towns]
        self.names: dict[str, str] = {}
        self.addresses: dict[str, str] = {}
        self.hangouts: list[Picker] = []
        self.youth_hubs: list[str] = []
        self.clubs: list[str] = []
        self.online: list[str] = []
        self.agencies: dict[Agency, str] = {}

    def coordinates(self, town: int) -> tuple[float, float]:
        south, north, west, east = names.BOUNDS
        centre = self.towns[town]
        lat = min(max(self.world.rng.gauss(centre.latitude, 0.006), south), north)
        lon = min(max(self.world.rng.gauss(centre.longitude, 0.009), west), east)
        return round(lat, 5), round(lon, 5)

    def postcode(self, town: int) -> str:
        rng = self.world.rng
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        return f"{self.towns[town].postcode} {rng.randint(1, 9)}{letters}"

    def add(
        self, town: int, kind: LocationType, name: str, street: str | None, **extra: Any
    ) -> str:
        """Create one Location in `town` (at `street`, or nowhere for online) and index it."""
        props: dict[str, Any] = {"name": name, "location_type": kind.value, **extra}
        if street is not None:
            lat, lon = self.coordinates(town)
            address = f"{street}, {self.towns[town].name}"
            props.update(
                address=address,
                postcode=self.postcode(town),
                borough=self.towns[town].borough,
                latitude=lat,
                longitude=lon,
            )
        location_id = self.world.new_id("LOC", 5)
        self.world.add_node(NodeLabel.LOCATION, location_id, props)
        self.by_town[town].setdefault(kind, []).append(location_id)
        self.names[location_id] = name
        if "address" in props:
            self.addresses[location_id] = props["address"]
        return location_id

    def build(self, factor: int) -> None:
        """The public places of every town (`factor` times the base set), then organisations."""
        rng = self.world.rng
        for town_index, town in enumerate(self.towns):
            for kind, count in PLACES_PER_TOWN:
                for _ in range(count * factor):
                    street = rng.choice(names.STREETS)
                    name = self._name(kind, town, street)
                    self.add(town_index, kind, name, f"{rng.randint(1, 180)} {street}")
            self.youth_hubs.append(
                self.add(town_index, LocationType.OTHER, f"{town.name} Youth Hub", "2 Glebe Parade")
            )
            weights = {
                loc: HANGOUT_WEIGHTS[kind] * rng.uniform(0.3, 3.0)
                for kind, ids in self.by_town[town_index].items()
                if kind in HANGOUT_WEIGHTS
                for loc in ids
            }
            self.hangouts.append(Picker(list(weights), list(weights.values())))
        for space in names.ONLINE_SPACES[: max(2, len(self.towns) // 2)]:
            self.online.append(self.add(0, LocationType.ONLINE, space, None))
        self._organisations()

    def _name(self, kind: LocationType, town: names.Town, street: str) -> str:
        rng = self.world.rng
        if kind is LocationType.SCHOOL:
            prefix, suffix = rng.choice(names.SCHOOL_PREFIXES), rng.choice(names.SCHOOL_KINDS)
            return f"{prefix} {suffix}"
        if kind is LocationType.PARK:
            return f"{rng.choice(names.PARK_PREFIXES)} {rng.choice(names.PARKS)}"
        if kind is LocationType.TRANSPORT_HUB:
            hub = rng.choice(names.TRANSPORT)
            return f"{street} {hub}" if hub == "Bus Stop" else f"{town.name} {hub}"
        pool = {
            LocationType.FAST_FOOD: names.FAST_FOOD,
            LocationType.SHOP: names.SHOPS,
            LocationType.HOTEL: names.HOTELS,
            LocationType.LICENSED_PREMISES: names.LICENSED,
        }[kind]
        return f"{rng.choice(pool)}, {street}"

    def _organisations(self) -> None:
        for agency in Agency:
            if agency is Agency.OTHER:
                continue
            org_id = self.world.new_id("ORG", 4)
            name = f"{agency.value} (Kingston & Richmond)"
            self.world.add_node(NodeLabel.ORGANISATION, org_id, {"name": name, "agency": agency})
            self.agencies[agency] = org_id
        for town in self.towns:
            org_id = self.world.new_id("ORG", 4)
            name = f"{self.world.rng.choice(names.PROTECTIVE_ORGS)}, {town.name}"
            props = {"name": name, "agency": Agency.VOLUNTARY.value}
            self.world.add_node(NodeLabel.ORGANISATION, org_id, props)
            self.clubs.append(org_id)

    def residence(self, town: int, *, flat: bool | None = None) -> str:
        """A new residential address in `town`."""
        rng = self.world.rng
        street = rng.choice(names.STREETS)
        if flat if flat is not None else rng.random() < 0.35:
            building = rng.choice(names.BUILDINGS)
            name = f"Flat {rng.randint(1, 40)}, {building}"
            return self.add(town, LocationType.RESIDENTIAL, name, f"{name}, {street}")
        name = f"{rng.randint(1, 220)} {street}"
        return self.add(town, LocationType.RESIDENTIAL, name, name)
