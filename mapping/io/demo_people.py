"""The demo's cast: children, persons of concern, groups and objects, and the links among them.

Only `mapping.io.demo` uses this module. Sightings and incidents are in `demo_events`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from mapping.io import names
from mapping.io.demo_world import Picker, Places, World
from schemas.enums import Agency, GroupType, LinkType, LocationType, NodeLabel, ObjectType

A = Agency
L = LinkType
PLANTED_PHONES = ("07700 900417", "07700 900418")

# (forename, family name, aliases, gender, age, ethnicity, tag); a "dup" copies the one before.
PLANTED_CHILDREN: tuple[tuple[str, str, tuple[str, ...], str, int, str, str], ...] = (
    ("Jayden", "Smith", (), "male", 15, "Mixed", ""),
    ("Jaydon", "Smyth", ("JJ",), "male", 15, "Mixed", "dup"),
    ("Aaliyah", "Brown", (), "female", 14, "Black Caribbean", ""),
    ("Aliyah", "Browne", ("Liyah",), "female", 14, "Black Caribbean", "dup"),
    ("Mohammed", "Khan", (), "male", 16, "Asian Pakistani", ""),
    ("Mohamed", "Khan", ("Mo",), "male", 16, "Asian Pakistani", "dup"),
    ("Kacper", "Nowak", (), "male", 13, "White Other", ""),
    ("Kasper", "Novak", ("Kas",), "male", 13, "White Other", "dup"),
    ("Tyreke", "Lawson", ("T-Rex",), "male", 16, "Black Caribbean", "harmful"),
    ("Amira", "Hassan", (), "female", 15, "Any other", "prevent"),
    ("Reece", "Donovan", ("Lil R",), "male", 15, "White British", "line"),
    ("Kayla", "Morris", (), "female", 16, "Mixed", "line"),
    ("Shay", "Okonjo", (), "male", 14, "Black African", "line"),
)
# (forename, family name, aliases, age, ethnicity, role); role "dup" copies the one before.
PLANTED_ADULTS: tuple[tuple[str, str, tuple[str, ...], int, str, str], ...] = (
    ("Dean", "Miles", ("Deano",), 27, "White British", "line"),
    ("Marcus", "Fenwick", ("Fenny",), 22, "Black Caribbean", "runner"),
    ("Lee", "Okoro", (), 19, "Black African", "runner"),
    ("Connor", "Faulkner", (), 31, "White British", "cce"),
    ("Conor", "Falkner", ("Con",), 31, "White British", "dup"),
)
PLANTED_NAMES = frozenset(f"{p[0]} {p[1]}" for p in PLANTED_CHILDREN + PLANTED_ADULTS)
AGE_WEIGHTS = {10: 2, 11: 3, 12: 5, 13: 9, 14: 13, 15: 16, 16: 16, 17: 14}


@dataclass(slots=True, eq=False)
class Person:
    """A child or person of concern under construction; `flags` are scenario roles."""

    id: str
    label: NodeLabel
    town: int
    age: int
    female: bool
    props: dict[str, Any]
    flags: set[str] = field(default_factory=set)
    planted: bool = False
    line: int = -1
    group_index: int = -1
    peers: list[Person] = field(default_factory=list)
    school: str | None = None
    home: str | None = None


class Cast:
    """Everyone in the demo, who they are linked to, and the groups and objects they use."""

    def __init__(self, world: World, places: Places) -> None:
        self.w = world
        self.rng = world.rng
        self.places = places
        towns = len(places.towns)
        self.kids: list[Person] = []
        self.adults: list[Person] = []
        self.by_id: dict[str, Person] = {}
        self.kids_by_town: list[list[Person]] = [[] for _ in range(towns)]
        self.adults_by_town: list[list[Person]] = [[] for _ in range(towns)]
        self.peer_groups: list[list[tuple[str, list[Person]]]] = [[] for _ in range(towns)]
        self.schoolmates: dict[str, list[Person]] = {}
        self.gangs: list[str] = []
        self.lines: list[tuple[str, int, list[str], str]] = []
        self.ocgs: list[str] = []
        self.trap_house = self.chicken = self.dean_car = ""
        self.values: dict[str, str] = {}
        spare = [n for n in range(900000, 901000) if f"07700 {n}" not in PLANTED_PHONES]
        self.rng.shuffle(spare)
        self._numbers = iter(spare)
        self._ethnicity = Picker(
            [e[0] for e in names.ETHNICITIES], [e[1] for e in names.ETHNICITIES]
        )
        self._pools = {e[0]: e[2] for e in names.ETHNICITIES}

    # -- small helpers ----------------------------------------------------------------------
    def day_before(self, ordinal: int, days: int) -> int:
        return ordinal - self.rng.randint(0, days)

    def link(self, t: LinkType, a: str, b: str, via: str, kind: str | None = None) -> None:
        """A link observed some time in the last 18 months."""
        self.w.link(t, a, b, observed=self.w.recent_day(), via=via, kind=kind)

    def associate(self, a: Person, b: Person, kind: str, via: str = "association") -> bool:
        return self.w.associate(a.id, b.id, kind, observed=self.w.recent_day(), via=via)

    def new_object(self, kind: ObjectType, value: str, notes: str | None = None) -> str:
        object_id = self.w.new_id("OBJ", 5)
        props = {"object_type": kind.value, "value": value, **({"notes": notes} if notes else {})}
        self.w.add_node(NodeLabel.OBJECT, object_id, props)
        self.values[object_id] = value
        return object_id

    def phone(self, notes: str | None = None) -> str:
        """A new phone from Ofcom's drama range, or a social-media account once that runs out."""
        number = next(self._numbers, None)
        if number is None:
            return self.social()
        return self.new_object(ObjectType.PHONE, f"07700 {number}", notes)

    def social(self) -> str:
        alias = self.rng.choice(names.STREET_ALIASES).lower().replace(" ", "_")
        return self.new_object(ObjectType.SOCIAL_MEDIA, f"@{alias}{self.rng.randint(10, 9999)}")

    def vehicle(self, notes: str | None = None) -> str:
        rng = self.rng
        letters = "ABCDEFGHJKLMNOPRSTUVWXY"
        tag = rng.choice(letters) + rng.choice(letters)
        plate = f"{tag}{rng.randint(51, 74)} {''.join(rng.choice(letters) for _ in range(3))}"
        return self.new_object(ObjectType.VEHICLE, plate, notes)

    def group(self, name: str, kind: GroupType, town: int, **extra: Any) -> str:
        group_id = self.w.new_id("G", 4)
        props = {"name": name, "group_type": kind.value, "territory": self.places.towns[town].name}
        self.w.add_node(NodeLabel.GROUP, group_id, {**props, **extra})
        return group_id

    def flag_dates(self) -> dict[str, Any]:
        """When a person or place was flagged, and its review date (some already overdue)."""
        flagged = self.w.recent_day(700)
        review = flagged + self.rng.choice((84, 84, 180, 365))
        return {"flagged_at": self.w.day(flagged), "review_date": self.w.day(review)}

    # -- planted places, groups and objects ------------------------------------------------------
    def plant_places(self) -> None:
        self.trap_house = self.places.add(
            0,
            LocationType.TRAP_HOUSE,
            "Flat 12, Kestrel House",
            "Flat 12, Kestrel House, Wharfside Street",
            of_concern=True,
            flag_status="active",
            disruption_measures=["CLOSURE_NOTICE", "CLOSURE_ORDER"],
            assessment_rag="high",
            assessment_summary="Cuckooed flat of a vulnerable adult used as a base for a county "
            "line; closure notice served, closure order granted for three months.",
            **self.flag_dates(),
        )
        self.chicken = self.places.add(
            0,
            LocationType.FAST_FOOD,
            "Golden Wing Chicken, Saffron Street",
            "41 Saffron Street",
            of_concern=True,
            licensing="Late-night refreshment licence; licensing visit requested by the panel",
            disruption_measures=["LICENSING_VISIT", "INCREASED_PATROLS"],
            assessment_rag="medium",
            **self.flag_dates(),
        )

    def add_groups(self) -> None:
        """County lines (with deal-line phones and trap houses), street gangs and OCGs."""
        towns = self.places.towns
        for i in range(max(1, len(towns) // 3)):
            town = (i * 3) % len(towns)
            destination = names.LINE_DESTINATIONS[i % len(names.LINE_DESTINATIONS)]
            numbers = PLANTED_PHONES if i == 0 else (None, None)
            phones = [
                self.new_object(ObjectType.PHONE, n, "deal line") if n else self.phone("deal line")
                for n in numbers
            ]
            trap = self.trap_house
            if i == 0:
                self.dean_car = self.vehicle("seen collecting children from school and the station")
            else:
                flat = f"Flat {self.rng.randint(1, 30)}, {self.rng.choice(names.BUILDINGS)}"
                trap = self.places.add(
                    town,
                    LocationType.TRAP_HOUSE,
                    flat,
                    f"{flat}, {self.rng.choice(names.STREETS)}",
                    of_concern=True,
                    disruption_measures=["CLOSURE_NOTICE"],
                    assessment_rag="high",
                    **self.flag_dates(),
                )
            line = self.group(
                names.COUNTY_LINES[i % len(names.COUNTY_LINES)],
                GroupType.COUNTY_LINE,
                town,
                identifiers=[f"deal line {self.values[phones[0]]}"],
                territory=f"{towns[town].name} to {destination}",
                assessment_rag="high",
            )
            for phone in phones:
                self.link(L.USES, line, phone, "phone")
            self.lines.append((line, town, phones, trap))
        for town in range(len(towns)):
            name = names.STREET_GANGS[town % len(names.STREET_GANGS)]
            tag = "".join(word[0] for word in name.split()).upper()
            ids = [f"tag '{tag}'", f"drill channel '{name.lower().replace(' ', '')}'"]
            self.gangs.append(self.group(name, GroupType.STREET_GANG, town, identifiers=ids))
        for i in range(max(1, len(towns) // 6)):
            self.ocgs.append(self.group(names.OCGS[i % len(names.OCGS)], GroupType.OCG, i * 6))

    # -- people -----------------------------------------------------------------------------
    def identity(self, female: bool, ethnicity: str | None = None) -> dict[str, Any]:
        rng = self.rng
        ethnicity = ethnicity or self._ethnicity.pick(rng)
        pools = self._pools[ethnicity]
        pool = names.POOLS[rng.choice(pools)]
        while True:
            forename = rng.choice(pool.female if female else pool.male)
            family = rng.choice(names.POOLS[rng.choice(pools)].family)
            if f"{forename} {family}" not in PLANTED_NAMES:
                break
        props: dict[str, Any] = {
            "forename": forename,
            "family_name": family,
            "ethnicity": ethnicity,
            "language": "English" if rng.random() < 0.7 else rng.choice(pool.languages),
        }
        if rng.random() < 0.4:
            props["religion"] = rng.choice(pool.religions)
        return props

    def birth_date(self, age: int) -> str:
        today = self.w.today
        day = 28 if (today.month, today.day) == (2, 29) else today.day
        birthday = today.replace(year=today.year - age, day=day)
        return (birthday - datetime.timedelta(days=self.rng.randint(0, 364))).isoformat()

    def person(
        self, label: NodeLabel, town: int, age: int, female: bool, props: dict[str, Any]
    ) -> Person:
        prefix = "C" if label is NodeLabel.CHILD else "P"
        person = Person(self.w.new_id(prefix, 5), label, town, age, female, props)
        self.by_id[person.id] = person
        if label is NodeLabel.CHILD:
            self.kids.append(person)
            self.kids_by_town[town].append(person)
        else:
            self.adults.append(person)
            self.adults_by_town[town].append(person)
        return person

    def add_people(self, *, children: int, pocs: int) -> None:
        rng = self.rng
        towns = len(self.places.towns)
        roles: list[tuple[str, int]] = [(p[5], 0) for p in PLANTED_ADULTS]
        for _, town, _, _ in self.lines[1:]:
            roles += [("line", town), ("runner", town), ("runner", town)]
        roles += [("elder", t) for t in range(towns) for _ in range(2)]
        roles += [("prevent", rng.randrange(towns)) for _ in range(max(1, towns // 6))]
        while len(roles) < pocs:
            roles.append(("cse" if rng.random() < 0.3 else "cce", rng.randrange(towns)))
        previous: Person | None = None
        for index, (role, town) in enumerate(roles):
            planted = PLANTED_ADULTS[index] if index < len(PLANTED_ADULTS) else None
            female = role == "cse" and rng.random() < 0.15 or role == "cce" and rng.random() < 0.1
            age = planted[3] if planted else min(18 + int(rng.expovariate(1 / 8)), 55)
            props = self.identity(female, planted[4] if planted else None)
            if planted:
                props.update(forename=planted[0], family_name=planted[1], aliases=list(planted[2]))
            elif rng.random() < 0.3:
                props["aliases"] = [rng.choice(names.STREET_ALIASES)]
            props["gender"] = "female" if female else "male"
            props["date_of_birth"] = self.birth_date(age)
            if role == "dup" and previous is not None:
                props["date_of_birth"] = previous.props["date_of_birth"]
            person = self.person(NodeLabel.PERSON_OF_CONCERN, town, age, female, props)
            person.flags.add(role)
            person.planted = planted is not None
            previous = person
        for index in range(children):
            planted_kid = PLANTED_CHILDREN[index] if index < len(PLANTED_CHILDREN) else None
            town = 0 if planted_kid else rng.randrange(towns)
            if planted_kid:
                female, age = planted_kid[3] == "female", planted_kid[4]
                props = self.identity(female, planted_kid[5])
                props.update(forename=planted_kid[0], family_name=planted_kid[1])
                props["aliases"] = list(planted_kid[2])
            else:
                female = rng.random() < 0.42
                age = rng.randint(18, 24) if rng.random() < 0.04 else self._age()
                props = self.identity(female)
                if rng.random() < 0.08:
                    props["aliases"] = [rng.choice(names.STREET_ALIASES)]
            props["gender"] = "female" if female else "male"
            if not planted_kid and rng.random() < 0.015:
                props["gender"] = "non-binary"
            props["date_of_birth"] = self.birth_date(age)
            kid = self.person(NodeLabel.CHILD, town, age, female, props)
            kid.planted = planted_kid is not None
            if planted_kid and planted_kid[6]:
                kid.flags.add(planted_kid[6])
                if planted_kid[6] == "dup":
                    props["date_of_birth"] = self.kids[-2].props["date_of_birth"]
            props["care_status"] = self._care_status(age)
            authority = self.places.towns[town].borough
            if props["care_status"] == "placed_in_area_by_other_authority":
                authority = rng.choice(names.OTHER_AUTHORITIES)
            props["home_authority"] = authority

    def _age(self) -> int:
        ages = list(AGE_WEIGHTS)
        return self.rng.choices(ages, weights=list(AGE_WEIGHTS.values()))[0]

    def _care_status(self, age: int) -> str:
        if age >= 18:
            return "care_leaver"
        statuses = (
            "none",
            "looked_after",
            "placed_in_area_by_other_authority",
            "placed_out_of_borough",
        )
        return self.rng.choices(statuses, weights=(82, 8, 6, 4))[0]

    def emit(self) -> None:
        """Validate and append every person's node row (after the scenario has filled them in)."""
        for person in self.adults + self.kids:
            self.w.add_node(person.label, person.id, person.props)
