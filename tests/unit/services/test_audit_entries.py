"""Each service call writes exactly its own audit entry (who, action, ids, purpose, outcome)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from graphdb.sqlite import SqliteStore
from mapping.io.demo import generate
from mapping.services import agenda, explore, flags, lockdown, profiles, referrals
from mapping.services.access import User
from schemas.enums import Basis, Purpose, Role
from schemas.forms import ConcernReferralForm

ANALYST = User(username="hale", role=Role.ANALYST, agency="Police")
PANEL = User(username="shah", role=Role.PANEL_MEMBER, agency="Police")
REFERRER = User(username="okafor", role=Role.REFERRER, agency="Larkmead High School")
FORM = ConcernReferralForm(
    referral_date=date(2026, 11, 20),
    subject_name="Unknown male",
    referrer="Ms Okafor",
    organisation="Larkmead High School",
    summary="Collected two girls at the gate twice.",
    how_known="own observation",
    basis=Basis.FACT,
    aliases=["Deano"],
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("audit") / "demo.db"
    store = SqliteStore(path)
    store.init()
    store.write(*generate("small", seed=7), actor="demo")
    store.close()
    return str(path)


@pytest.fixture
def store(demo_db: str, tmp_path: Any) -> SqliteStore:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    fresh = SqliteStore(copy)
    return fresh


CALLS: list[tuple[str, Callable[[SqliteStore], object], User, str, str | None, list[str]]] = [
    (
        "submit",
        lambda s: referrals.submit_concern_referral(s, REFERRER, FORM),
        REFERRER,
        "submit_referral",
        None,
        [],
    ),
    (
        "lookup",
        lambda s: referrals.lookup_children(s, REFERRER, "Jayden"),
        REFERRER,
        "lookup_child",
        None,
        ["C-00001"],
    ),
    (
        "queue",
        lambda s: referrals.referral_queue(s, ANALYST),
        ANALYST,
        "view_referral_queue",
        None,
        [],
    ),
    (
        "search",
        lambda s: explore.search_people(s, ANALYST, "Deano", purpose=Purpose.POLICE_DISRUPTION),
        ANALYST,
        "search",
        "police_disruption",
        ["P-00001"],
    ),
    (
        "ego",
        lambda s: explore.ego_view(
            s, ANALYST, "P-00001", hops=1, purpose=Purpose.POLICE_DISRUPTION, confirm_large=True
        ),
        ANALYST,
        "view_network",
        "police_disruption",
        ["P-00001"],
    ),
    (
        "paths",
        lambda s: explore.paths_between(
            s, ANALYST, "P-00001", "C-00001", purpose=Purpose.POLICE_DISRUPTION
        ),
        ANALYST,
        "view_paths",
        "police_disruption",
        ["P-00001", "C-00001"],
    ),
    (
        "profile",
        lambda s: profiles.child_profile(s, PANEL, "C-00009", Purpose.PANEL_OVERSIGHT),
        PANEL,
        "view_profile",
        "panel_oversight",
        ["C-00009"],
    ),
    (
        "agenda",
        lambda s: agenda.places_people_of_concern(s, PANEL, today=date(2026, 11, 30)),
        PANEL,
        "view_places_people_of_concern",
        "panel_oversight",
        ["P-00001"],
    ),
    (
        "reviews",
        lambda s: flags.review_due(s, PANEL, today=date(2026, 11, 30)),
        PANEL,
        "view_reviews_due",
        None,
        [],
    ),
    (
        "request",
        lambda s: lockdown.request_access(s, PANEL, "P-00001", "shared young person at panel"),
        PANEL,
        "request_access",
        None,
        ["P-00001"],
    ),
]


@pytest.mark.parametrize(
    ("name", "call", "user", "action", "purpose", "ids"), CALLS, ids=[c[0] for c in CALLS]
)
def test_each_service_call_writes_exactly_its_entry(
    store: SqliteStore,
    name: str,
    call: Callable[[SqliteStore], object],
    user: User,
    action: str,
    purpose: str | None,
    ids: list[str],
) -> None:
    before = len(store.audit_entries())
    call(store)
    entries = store.audit_entries()[before:]
    assert [(e.actor, e.action, e.outcome) for e in entries] == [(user.username, action, "ok")]
    [entry] = entries
    assert entry.role == user.role.value
    if purpose is not None:
        assert entry.purpose == purpose
    assert set(ids) <= set(entry.entity_ids), f"{name}: {entry.entity_ids[:10]}"


def test_a_refused_call_writes_exactly_one_denied_entry(store: SqliteStore) -> None:
    from mapping.services.access import PermissionDenied

    with pytest.raises(PermissionDenied):
        profiles.child_profile(store, REFERRER, "C-00009", Purpose.PANEL_OVERSIGHT)
    [entry] = store.audit_entries()
    assert (entry.actor, entry.outcome, entry.entity_ids) == ("okafor", "denied", ["C-00009"])
