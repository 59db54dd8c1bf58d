"""The demo's standing network: homes, schools, peer groups, gangs, county lines and concerns.

Only `mapping.io.demo` uses this module; the people come from `demo_people.Cast`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from mapping.io import names
from mapping.io.demo_people import Cast, Person
from schemas.enums import GroupType, LinkType, LocationType

L = LinkType
HOUSEHOLD_SIZES = (1, 2, 3, 4)
HOUSEHOLD_WEIGHTS = (45, 32, 17, 6)
PEER_DENSITY = 0.6


def _pick(cast: Cast, pool: list[Person], test: Callable[[Person], bool], k: int) -> list[Person]:
    """Up to `k` people of `pool` passing `test`, chosen at random."""
    fit = [p for p in pool if test(p)]
    return cast.rng.sample(fit, min(k, len(fit)))


def _long_ago(cast: Cast) -> int:
    return cast.w.today_ord - cast.rng.randint(60, 1500)


def add_homes_and_schools(cast: Cast) -> None:
    """Households (siblings share a home and a family name), placements, and school rolls."""
    rng, places, w = cast.rng, cast.places, cast.w
    for town, kids in enumerate(cast.kids_by_town):
        order = list(kids)
        rng.shuffle(order)
        for kid in order:
            _enrol(cast, kid)
        order.sort(key=lambda k: k.school or "~")  # siblings mostly share a school
        household: list[Person] = []
        capacity = 0
        for kid in order:
            care = kid.props["care_status"]
            if care == "placed_out_of_borough":
                kid.props["address"] = "Out-of-borough placement (address held by CSC)"
            elif care in ("looked_after", "placed_in_area_by_other_authority"):
                hotels = places.by_town[town].get(LocationType.HOTEL, [])
                use_hotel = hotels and kid.age >= 16 and rng.random() < 0.3
                kid.home = rng.choice(hotels) if use_hotel else places.residence(town)
                w.link(L.PLACED_AT, kid.id, kid.home, observed=_long_ago(cast), via="home")
            elif kid.planted or care != "none" or len(household) >= capacity:
                kid.home = places.residence(town, flat=care == "care_leaver" or None)
                w.link(L.LIVES_AT, kid.id, kid.home, observed=_long_ago(cast), via="home")
                household, capacity = [kid], 1 if kid.planted or care != "none" else _size(cast)
            else:
                head = household[0]
                for key in ("family_name", "ethnicity", "language", "religion"):
                    if key in head.props:
                        kid.props[key] = head.props[key]
                    else:
                        kid.props.pop(key, None)
                kid.home = head.home or places.residence(town)
                w.link(L.LIVES_AT, kid.id, kid.home, observed=_long_ago(cast), via="home")
                for sibling in household:
                    w.associate(
                        kid.id, sibling.id, "sibling", observed=_long_ago(cast), via="family"
                    )
                household.append(kid)
            if kid.home is not None:
                kid.props["address"] = places.addresses[kid.home]
    for adult in cast.adults:
        adult.home = places.residence(adult.town)
        adult.props["address"] = places.addresses[adult.home]
        w.link(L.LIVES_AT, adult.id, adult.home, observed=_long_ago(cast), via="home")


def _size(cast: Cast) -> int:
    return cast.rng.choices(HOUSEHOLD_SIZES, weights=HOUSEHOLD_WEIGHTS)[0]


def _enrol(cast: Cast, kid: Person) -> None:
    rng, places = cast.rng, cast.places
    schools = places.by_town[kid.town].get(LocationType.SCHOOL, [])
    colleges = [s for s in schools if places.names[s].endswith("College")] or schools
    school: str | None = None
    if kid.age <= 16 and (kid.planted or rng.random() >= 0.04):
        school = rng.choice(schools)
        status = rng.choices(
            ("full-time", "part-time timetable", "alternative provision", "excluded"),
            weights=(86, 6, 5, 3),
        )[0]
    elif kid.age <= 16:
        status = "not on a school roll"
        kid.flags.add("cme")
    elif kid.age == 17 and rng.random() < 0.6:
        school, status = rng.choice(colleges), "college"
    else:
        status = rng.choice(("not in education, employment or training", "employment", "college"))
    kid.props["education_status"] = status
    if status == "excluded":
        kid.flags.add("excluded")
    if school is not None:
        kid.school = school
        kid.props["school"] = places.names[school]
        cast.schoolmates.setdefault(school, []).append(kid)
        today = cast.w.today
        year = today.year - rng.randint(0, 4) - (1 if today.month < 9 else 0)
        start = datetime.date(year, 9, 1).toordinal()
        cast.w.link(L.ATTENDS, kid.id, school, observed=start, via="school")


def add_peer_groups(cast: Cast) -> None:
    """Peer groups by school and age, dense inside, with a few bridges (brokers) between them."""
    rng, w = cast.rng, cast.w
    for town, kids in enumerate(cast.kids_by_town):
        pool = [k for k in kids if "dup" not in k.flags and k.age <= 19]
        pool.sort(key=lambda k: (k.school or "~", k.age + rng.random() * 2))
        start = 0
        while start < len(pool):
            size = rng.randint(5, 10)
            members = pool[start : start + size]
            start += size
            if len(members) < 3 or rng.random() < 0.2:
                continue
            group_id = cast.group(_peer_group_name(cast, members), GroupType.PEER_GROUP, town)
            for index, member in enumerate(members):
                cast.link(L.MEMBER_OF, member.id, group_id, "membership")
                member.peers = members
                member.group_index = len(cast.peer_groups[town])
                for other in members[index + 1 :]:
                    if rng.random() < PEER_DENSITY:
                        kind = rng.choices(("friend", "peer", "online"), weights=(6, 3, 1))[0]
                        w.associate(
                            member.id, other.id, kind, observed=w.recent_day(900), via="association"
                        )
            cast.peer_groups[town].append((group_id, members))
        groups = cast.peer_groups[town]
        for group_id, members in groups:
            if len(groups) < 2 or rng.random() >= 0.35:
                continue
            other_id, others = rng.choice(groups)
            if other_id == group_id:
                continue
            bridge = rng.choice(members)
            cast.associate(bridge, rng.choice(others), "friend")
            if rng.random() < 0.3:
                cast.link(L.MEMBER_OF, bridge.id, other_id, "membership")


def _peer_group_name(cast: Cast, members: list[Person]) -> str:
    first = members[0]
    if first.school:
        year = min(13, max(6, first.age - 4))
        return f"{cast.places.names[first.school]} Year {year} group"
    return f"{cast.rng.choice(names.STREETS)} group ({cast.places.towns[first.town].name})"


def add_exploitation(cast: Cast) -> None:
    """Gangs and their elders, county lines, and persons of concern with the children they target."""
    rng = cast.rng
    for town, gang in enumerate(cast.gangs):
        groups = sorted(cast.peer_groups[town], key=lambda g: -sum(m.age for m in g[1]) / len(g[1]))
        recruits: list[Person] = []
        for _, members in groups[: rng.randint(1, 2)]:
            recruits += [m for m in members if rng.random() < 0.45 and not m.planted]
        elders = [a for a in cast.adults_by_town[town] if "elder" in a.flags]
        for kid in recruits:
            kid.flags.add("gang")
            cast.link(L.MEMBER_OF, kid.id, gang, "membership")
            for elder in elders:
                if rng.random() < 0.5:
                    cast.associate(elder, kid, "gang_associate")
                if rng.random() < 0.4:
                    cast.link(L.CONCERN_FOR, elder.id, kid.id, "concern", kind="criminal")
        for elder in elders:
            cast.link(L.MEMBER_OF, elder.id, gang, "police")
    _county_lines(cast)
    first_prevent = next(a for a in cast.adults if "prevent" in a.flags)
    for adult in cast.adults:
        kids = _patch(cast, adult.town)
        if "cse" in adult.flags:
            targets = _pick(cast, kids, lambda k: k.female and 13 <= k.age <= 17, rng.randint(1, 3))
            _concern(cast, adult, targets, "sexual", "cse")
            if targets:
                cast.associate(adult, targets[0], "partner")
            cast.link(L.USES, adult.id, cast.social(), "online")
        elif "prevent" in adult.flags:
            targets = _pick(cast, cast.kids, lambda k: 13 <= k.age <= 17, rng.randint(1, 2))
            if adult is first_prevent:
                targets.insert(0, cast.by_id["C-00010"])
            _concern(cast, adult, targets, "radicalisation", "radicalisation")
            for person in [adult, *targets]:
                cast.link(L.SEEN_AT, person.id, rng.choice(cast.places.online), "online")
        elif "cce" in adult.flags or "dup" in adult.flags:
            targets = _pick(cast, kids, lambda k: 12 <= k.age <= 17, rng.randint(1, 3))
            _concern(cast, adult, targets, "criminal", "cce")
            if rng.random() < 0.6:
                cast.link(L.USES, adult.id, cast.phone(), "phone")
            if rng.random() < 0.2:
                cast.link(L.USES, adult.id, cast.vehicle(), "police")
    for index, ocg in enumerate(cast.ocgs):
        region = [a for a in cast.adults if a.town // 6 == index and a.flags & {"cce", "line"}]
        for adult in rng.sample(region, min(len(region), rng.randint(4, 8))):
            cast.link(L.MEMBER_OF, adult.id, ocg, "police")
    harmful = [k for k in cast.kids if "harmful" in k.flags]
    harmful += _pick(cast, cast.kids, lambda k: 14 <= k.age <= 17, max(1, len(cast.kids) // 120))
    for child in harmful:
        child.flags.add("harmful")
        younger = [k for k in cast.kids_by_town[child.town] if k.age < child.age]
        younger = rng.sample(younger, min(2, len(younger)))
        _concern(cast, child, younger, "criminal", "cce")


def _patch(cast: Cast, town: int) -> list[Person]:
    """The children of one peer group and its neighbours: people of concern work a friendship
    group, not a whole town (all the town's children when it has no peer groups)."""
    groups = cast.peer_groups[town]
    if not groups:
        return cast.kids_by_town[town]
    index = cast.rng.randrange(len(groups))
    return [k for _, members in groups[max(index - 1, 0) : index + 2] for k in members]


def _concern(cast: Cast, adult: Person, kids: list[Person], kind: str, flag: str) -> None:
    for kid in kids:
        kid.flags.add(flag)
        cast.link(L.CONCERN_FOR, adult.id, kid.id, "concern", kind=kind)


def _county_lines(cast: Cast) -> None:
    rng = cast.rng
    runners_by_town = [[a for a in adults if "runner" in a.flags] for adults in cast.adults_by_town]
    for index, (line, town, phones, trap) in enumerate(cast.lines):
        holder = next(a for a in cast.adults_by_town[town] if "line" in a.flags)
        crew = [holder, *runners_by_town[town][:2]]
        runners_by_town[town] = runners_by_town[town][2:]
        if index == 0:
            kids = [k for k in cast.kids if "line" in k.flags]
            cast.link(L.USES, holder.id, cast.dean_car, "police")
        else:
            kids = _pick(cast, cast.kids_by_town[town], lambda k: k.age >= 14 and not k.flags, 3)
        for member in crew:
            cast.link(L.MEMBER_OF, member.id, line, "police")
            cast.link(L.USES, member.id, phones[0], "phone")
            cast.link(L.FREQUENTS, member.id, trap, "sighting")
            for other in crew:
                if other is not member:
                    cast.associate(member, other, "co_offender")
        for elder in (a for a in cast.adults_by_town[town] if "elder" in a.flags):
            cast.associate(holder, elder, "co_offender")
        for kid in kids:
            kid.flags.add("line")
            kid.line = index
            for _ in range(rng.randint(1, 3)):
                cast.link(L.SEEN_AT, kid.id, trap, "sighting")
            cast.link(L.MEMBER_OF, kid.id, line, "membership")
            cast.link(L.USES, kid.id, phones[1], "phone")
            cast.link(L.CONCERN_FOR, holder.id, kid.id, "concern", kind="county_lines")
            runner = rng.choice(crew)
            if runner is not holder:
                cast.link(L.CONCERN_FOR, runner.id, kid.id, "concern", kind="criminal")
        if index == 0:  # Dean Miles: Jayden Smith, the harmed-and-harmful child; a runner and JJ
            for kid_id in ("C-00001", "C-00009"):
                cast.link(L.CONCERN_FOR, holder.id, kid_id, "concern", kind="criminal")
            cast.associate(crew[1], cast.by_id["C-00002"], "other")


def add_friendships(cast: Cast, per_child: float) -> None:
    """Friendships beyond peer groups: mostly with neighbouring groups (same school, similar
    age), some across the school and the town, so peer groups stay recognisable communities."""
    rng, w = cast.rng, cast.w
    whole, fraction = int(per_child), per_child - int(per_child)
    for kid in cast.kids:
        if "dup" in kid.flags:
            continue
        town_kids = cast.kids_by_town[kid.town]
        groups = cast.peer_groups[kid.town]
        mates = cast.schoolmates.get(kid.school or "", town_kids)
        for _ in range(whole + (rng.random() < fraction)):
            roll = rng.random()
            if kid.group_index >= 0 and roll < 0.8:
                near = kid.group_index + rng.choice((-1, 1)) if roll > 0.35 else kid.group_index
                pool = groups[min(max(near, 0), len(groups) - 1)][1]
                if pool[0].school != kid.school:
                    pool = kid.peers
            else:
                pool = mates if roll < 0.95 else town_kids
            other = rng.choice(pool)
            if "dup" in other.flags:
                continue
            kind = rng.choices(("friend", "peer", "online", "partner"), weights=(55, 25, 14, 6))[0]
            if kind == "partner" and min(kid.age, other.age) < 14:
                kind = "friend"
            w.associate(kid.id, other.id, kind, observed=w.recent_day(900), via="association")


def add_strengths(cast: Cast) -> None:
    """Protective factors: clubs and trusted adults, safe places, positive peers."""
    rng = cast.rng
    for kid in cast.kids:
        roll = rng.random()
        if roll < 0.10:
            kind = rng.choice(("activity", "activity", "trusted_adult"))
            cast.link(L.PROTECTIVE_FOR, cast.places.clubs[kid.town], kid.id, "strength", kind=kind)
        elif roll < 0.16:
            hub = cast.places.youth_hubs[kid.town]
            cast.link(L.PROTECTIVE_FOR, hub, kid.id, "strength", kind="safe_place")
        elif roll < 0.19 and kid.peers:
            peer = rng.choice(kid.peers)
            if peer is not kid and not peer.props.get("rag"):
                cast.link(L.PROTECTIVE_FOR, peer.id, kid.id, "strength", kind="positive_peer")
