"""The demo's assessments and events: RAG ratings and panels, sightings, and 18 months of incidents.

Only `mapping.io.demo` uses this module. Ratings follow the scenario (who is in a gang, on a
county line, targeted by a person of concern), as a panel's professional judgement would.
"""

from __future__ import annotations

from typing import Any

from mapping.io import names
from mapping.io.demo_people import Cast, Person
from mapping.io.demo_world import Picker
from schemas.enums import Agency, LinkType, NodeLabel
from schemas.reference import SIGNS_OF_SAFETY_SCALES

L = LinkType
A = Agency
RAGS = ("low", "medium", "high")
ALLOCATED_AGENCIES = (A.CSC.value, A.CSC.value, A.YOS.value)

# Indicator check-list keys (schemas.reference.INDICATORS) typical of each category.
CATEGORY_INDICATORS: dict[str, tuple[str, ...]] = {
    "CCE": ("running_away_missing", "gifts_unexplained_money", "excessive_calls_texts",
            "carrying_weapons", "peers_involved_in_exploitation", "youth_justice_offences",
            "debt_bondage", "internally_inserting_drugs", "vehicles_unknown_adults",
            "recovered_from_place_of_exploitation", "tiredness_sleep_deprivation"),
    "CSE": ("relationship_older_person", "online_relationships", "pregnancy_sti_clinic",
            "sexual_violence", "indecent_images_shared", "gifts_unexplained_money",
            "hotel_keys_unknown_premises", "low_self_esteem", "behaviour_change"),
    "MSHT": ("entered_country_illegally", "domestic_servitude", "accompanied_by_non_guardian",
             "debt_bondage", "coached_story", "multiple_addresses"),
    "SYV": ("gang_activity_culture", "carrying_weapons", "youth_justice_offences",
            "anxiety_about_areas", "peers_involved_in_exploitation"),
    "HSB": ("long_term_harm_history", "behaviour_change", "communication_difficulties",
            "abuse_neglect_bullying"),
    "MISSING": ("running_away_missing", "well_cared_for_no_base", "residential_or_foster_care",
                "tiredness_sleep_deprivation"),
    "CME": ("school_non_attendance", "anxiety_about_areas", "learning_disabilities"),
    "PREVENT": ("online_relationships", "low_self_esteem", "behaviour_change",
                "forced_marriage_isolation"),
    "SUBSTANCE": ("drug_alcohol_misuse", "parental_vulnerabilities", "mental_health_self_harm"),
    "IOM": ("youth_justice_offences", "carrying_weapons", "domestic_violence_family_breakdown"),
}  # fmt: skip
# Flag → (category, weights of low / medium / high).
FLAG_RATINGS: dict[str, tuple[tuple[str, tuple[int, int, int]], ...]] = {
    "line": (("CCE", (0, 0, 1)), ("MISSING", (0, 1, 1)), ("SUBSTANCE", (1, 0, 0))),
    "gang": (("SYV", (3, 5, 2)), ("CCE", (5, 4, 1))),
    "cse": (("CSE", (2, 6, 2)), ("MISSING", (6, 4, 0))),
    "radicalisation": (("PREVENT", (3, 6, 1)),),
    "cce": (("CCE", (4, 5, 1)),),
    "harmful": (("SYV", (1, 2, 0)), ("HSB", (2, 1, 0))),
    "cme": (("CME", (3, 5, 2)),),
    "excluded": (("CME", (1, 1, 0)),),
}
BASE_CATEGORIES = ("CCE", "CSE", "SYV", "MISSING", "CME", "SUBSTANCE", "HSB", "MSHT", "IOM")
BASE_WEIGHTS = (25, 18, 14, 14, 9, 9, 5, 3, 3)
# The planted children's ratings (professional judgement already recorded), by id.
PLANTED_RAG: dict[str, dict[str, str]] = {
    "C-00001": {"CCE": "medium", "MISSING": "low"},
    "C-00002": {},
    "C-00003": {"CSE": "medium"},
    "C-00004": {},
    "C-00005": {"SYV": "low"},
    "C-00006": {},
    "C-00007": {"CME": "medium"},
    "C-00008": {},
    "C-00009": {"CCE": "medium", "SYV": "medium", "HSB": "low"},
    "C-00010": {"PREVENT": "medium", "CSE": "low"},
}
POC_MEASURES: dict[str, tuple[tuple[str, ...], ...]] = {
    "line": (("CAWN", "STRO"), ("CBO",), ("CAWN",)),
    "runner": (("INCREASED_POLICE_ATTENTION",), ()),
    "elder": (("CBO",), ("INCREASED_POLICE_ATTENTION",), ()),
    "cse": (("CAWN",), ("CAWN", "SRO"), ("SHPO",), ()),
    "prevent": (("ONLINE_PROVIDER_ACTION",),),
    "cce": (("CAWN",), (), ()),
    "dup": (("CAWN",),),
}
INCIDENTS: dict[str, tuple[int, Agency, str]] = {
    "missing": (26, A.POLICE, "Reported missing from home or placement; whereabouts while missing recorded on return."),
    "intelligence": (16, A.POLICE, "Intelligence report on association and activity; see grading on links."),
    "stop_search": (12, A.POLICE, "Stop and search under s.23 Misuse of Drugs Act."),
    "assault": (10, A.POLICE, "Assault reported; victim and suspect recorded."),
    "sighting": (7, A.VOLUNTARY, "Seen together by outreach workers late in the evening."),
    "crime": (6, A.POLICE, "Robbery of a mobile phone reported."),
    "exclusion": (6, A.EDUCATION, "Fixed-term exclusion following an incident at school."),
    "arrest": (5, A.POLICE, "Arrested on suspicion of possession with intent to supply."),
    "return_interview": (4, A.CSC, "Return home interview completed within 72 hours."),
    "hospital": (3, A.HEALTH, "Attended A&E with an injury consistent with assault."),
    "disclosure": (3, A.EDUCATION, "Disclosure to a trusted member of staff."),
    "sexual_assault": (2, A.POLICE, "Sexual assault reported; referred to the sexual assault referral centre."),
}  # fmt: skip


def assess(cast: Cast) -> None:
    """RAG per category, panels and the MARVE form fields for children; flags for adults."""
    for kid in cast.kids:
        _assess_child(cast, kid)
    for adult in cast.adults:
        _assess_adult(cast, adult)


def _assess_child(cast: Cast, kid: Person) -> None:
    rng, props = cast.rng, kid.props
    rag: dict[str, str] = {}
    for flag, ratings in FLAG_RATINGS.items():
        if flag in kid.flags:
            for category, weights in ratings:
                level = rng.choices(RAGS, weights=weights)[0]
                if RAGS.index(level) >= RAGS.index(rag.get(category, "low")):
                    rag[category] = level
    if not rag and rng.random() < 0.22:
        category = rng.choices(BASE_CATEGORIES, weights=BASE_WEIGHTS)[0]
        rag[category] = rng.choices(RAGS, weights=(55, 38, 7))[0]
    rag = PLANTED_RAG.get(kid.id, rag)
    props["rag"] = rag
    props["harmful_to_others"] = "harmful" in kid.flags
    if rng.random() < 0.16:
        props["disability_sen"] = rng.choice(("SEN support", "SEN support", "EHCP"))
    if not rag:
        return
    worst = max(RAGS.index(level) for level in rag.values())
    primary = max(rag, key=lambda c: (RAGS.index(rag[c]), c))
    panels = ["MARVE"] if worst or rng.random() < 0.5 else []
    panels += [
        panel
        for cat, panel in (("PREVENT", "Prevent"), ("MISSING", "MISPER"), ("CME", "CME"))
        if cat in rag
    ]
    if kid.id == "C-00010":
        panels = ["MARVE", "Prevent"]
    pool = sorted({key for c in rag for key in CATEGORY_INDICATORS[c]})
    low, high = (5, 8) if worst == 0 else (3, 6) if worst == 1 else (0, 4)
    case_statuses = (
        ("Early Help", "No open case"),
        ("Child in Need", "Early Help"),
        ("Child Protection", "Child in Need"),
    )
    props.update(
        panels=panels,
        panel_status=("open_on_file", "open_review_at_panel", "open_review_at_panel")[worst],
        primary_concern=primary,
        indicators=rng.sample(pool, min(len(pool), rng.randint(2, 6))),
        signs_of_safety={key: rng.randint(low, high) for key, _ in SIGNS_OF_SAFETY_SCALES},
        case_status=rng.choice(case_statuses[worst]),
        allocated_agency=rng.choice(ALLOCATED_AGENCIES),
        allocated_worker=rng.choice(names.REPORTERS[Agency.CSC.value]),
        agencies_involved=[Agency.CSC.value, Agency.EDUCATION.value]
        + ([Agency.POLICE.value] if worst else []),
    )
    if kid.props["care_status"] in ("looked_after", "placed_in_area_by_other_authority"):
        props["case_status"] = "Looked After"
    if worst == 2:
        meeting = cast.w.recent_day(200)
        props["strategy_meetings"] = [cast.w.day(meeting)]
        if primary in ("CCE", "MSHT") and rng.random() < 0.5:
            props["nrm_referral"] = cast.w.day(meeting + rng.randint(1, 20))
        props["osman_warning"] = primary == "SYV" and rng.random() < 0.2


def _assess_adult(cast: Cast, adult: Person) -> None:
    rng = cast.rng
    role = next((f for f in POC_MEASURES if f in adult.flags), "cce")
    statuses = ("suspected", "subject_of_investigation", "charged", "convicted")
    adult.props.update(
        status=rng.choices(statuses, weights=(50, 25, 15, 10))[0],
        disruption_measures=list(rng.choice(POC_MEASURES[role])),
        flag_status="active",
        assessment_rag=rng.choices(RAGS, weights=(2, 5, 3))[0],
        agencies_involved=["Police"] if rng.random() < 0.6 else ["Police", "Probation"],
        **cast.flag_dates(),
    )
    if adult.id == "P-00001":
        adult.props.update(
            status="subject_of_investigation",
            disruption_measures=["CAWN", "STRO"],
            assessment_rag="high",
        )


def add_sightings(cast: Cast, per_child: float) -> None:
    """Young people (and sometimes an adult) seen together at the places they hang out."""
    rng, w = cast.rng, cast.w
    target, seen = int(per_child * len(cast.kids)), 0
    towns = len(cast.places.towns)
    while seen < target:
        town = rng.randrange(towns)
        kids = cast.kids_by_town[town]
        if not kids:
            continue
        place = cast.places.hangouts[town].pick(rng)
        day = w.recent_day()
        groups = cast.peer_groups[town]
        if groups and rng.random() < 0.65:
            members = rng.choice(groups)[1]
            people = rng.sample(members, min(len(members), rng.randint(2, 4)))
        else:
            people = list({k.id: k for k in (rng.choice(kids) for _ in range(3))}.values())
        if cast.adults_by_town[town] and rng.random() < 0.12:
            people.append(rng.choice(cast.adults_by_town[town]))
        for person in people:
            observed = min(day + rng.randint(0, 1), w.today_ord - 1)
            w.link(L.SEEN_AT, person.id, place, observed=observed, via="sighting")
        seen += len(people)
    for kid in cast.kids:
        if rng.random() < 0.15:
            place = cast.places.hangouts[kid.town].pick(rng)
            w.link(L.FREQUENTS, kid.id, place, observed=w.recent_day(900), via="sighting")


def add_incidents(cast: Cast, count: int) -> None:
    """Incidents over the last 18 months with who was involved, and where (found)."""
    rng, w = cast.rng, cast.w
    weights = [
        1 + 2 * len(k.flags) + 3 * max([RAGS.index(r) + 1 for r in k.props["rag"].values()] or [0])
        for k in cast.kids
    ]
    kids = Picker([k.id for k in cast.kids], weights)
    types = Picker(list(INCIDENTS), [v[0] for v in INCIDENTS.values()])
    for _ in range(count):
        kind = types.pick(rng)
        kid = cast.by_id[kids.pick(rng)]
        if kind == "sexual_assault" and not kid.female:
            kind = "assault"
        _, agency, description = INCIDENTS[kind]
        day = w.recent_day()
        props: dict[str, Any] = {
            "incident_type": kind,
            "occurred_at": f"{w.day(day)}T{rng.choice((8, 13, 16, 18, 20, 21, 22, 23, 1)):02d}:{rng.randrange(0, 60, 5):02d}:00",
            "description": description,
            "reporting_agency": agency.value,
            "severity": rng.randint(1, 3),
        }  # fmt: skip
        involved, place = _involved(cast, kid, kind, props)
        incident_id = w.new_id("INC", 6)
        w.add_node(NodeLabel.INCIDENT, incident_id, props)
        for person_id, role in involved:
            w.link(
                L.INVOLVED_IN,
                person_id,
                incident_id,
                observed=day,
                via="incident",
                agency=agency,
                role=role,
            )
        if place:
            w.link(L.OCCURRED_AT, incident_id, place, observed=day, via="incident", agency=agency)
            if kind == "missing":
                w.link(L.SEEN_AT, kid.id, place, observed=day, via="sighting")


def _involved(
    cast: Cast, kid: Person, kind: str, props: dict[str, Any]
) -> tuple[list[tuple[str, str]], str | None]:
    """Who was involved in what role, and the place (where found, for a missing episode)."""
    rng, places = cast.rng, cast.places
    adults = cast.adults_by_town[kid.town]
    adult = rng.choice(adults) if adults else None
    place: str | None = places.hangouts[kid.town].pick(rng)
    involved = [(kid.id, "victim")]
    if kind == "missing":
        involved = [(kid.id, "missing_person")]
        if kid.peers and rng.random() < 0.3:
            involved.append((rng.choice(kid.peers).id, "missing_person"))
        roll = rng.random()
        if kid.line >= 0 and roll < 0.4:
            place = cast.lines[kid.line][3]
            props["severity"] = 4
        elif roll > 0.8:
            place = None
            props["where_found"] = f"{rng.choice(names.LINE_DESTINATIONS)} (out of area)"
            props["severity"] = 4
        elif roll > 0.65 and kid.home:
            place, props["where_found"] = kid.home, "Returned home"
        if place:
            props.setdefault("where_found", places.names[place])
    elif kind in ("assault", "sexual_assault", "disclosure", "hospital", "crime"):
        props["severity"] = rng.randint(2, 5)
        if kind == "sexual_assault" or kind == "disclosure":
            suspects = [a for a in adults if "cse" in a.flags] or adults
            if suspects:
                involved.append((rng.choice(suspects).id, "suspect"))
        elif kid.peers and rng.random() < 0.5:
            other = rng.choice(cast.kids_by_town[kid.town])
            involved.append((other.id, "suspect"))
        elif adult is not None and rng.random() < 0.3:
            involved.append((adult.id, "suspect"))
        if kind in ("hospital", "disclosure"):
            place = None
    elif kind in ("stop_search", "arrest"):
        involved = [(kid.id, "suspect")]
        involved += [
            (p.id, "suspect") for p in kid.peers[:2] if p is not kid and rng.random() < 0.4
        ]
    elif kind in ("intelligence", "sighting"):
        involved = [(kid.id, "other")]
        if adult is not None:
            involved.append((adult.id, "other"))
        if kid.line >= 0:
            _, _, phones, trap = cast.lines[kid.line]
            involved.append((phones[0], "other"))
            place = trap if rng.random() < 0.5 else place
    elif kind == "exclusion":
        place = kid.school
        involved = [(kid.id, "other")]
    elif kind == "return_interview":
        place = None
        involved = [(kid.id, "missing_person")]
    return involved, place


def plant_co_location(cast: Cast) -> None:
    """Four children from different peer groups, none linked, seen at LOC-00002 within a week."""
    w, rng = cast.w, cast.rng
    chosen: list[Person] = []
    candidates = [k for k in cast.kids_by_town[0] if k.peers and "dup" not in k.flags]
    rng.shuffle(candidates)
    for kid in candidates:
        if all(_unlinked(cast, kid, other) and kid.peers is not other.peers for other in chosen):
            chosen.append(kid)
        if len(chosen) == 4:
            break
    start = w.today_ord - 20
    for offset, kid in zip((0, 1, 3, 5), chosen, strict=False):
        w.link(L.SEEN_AT, kid.id, cast.chicken, observed=start + offset, via="sighting")
    w.link(L.SEEN_AT, "P-00001", cast.chicken, observed=start + 2, via="sighting")


def _unlinked(cast: Cast, a: Person, b: Person) -> bool:
    pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
    return pair not in cast.w.associated
