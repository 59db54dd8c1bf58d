"""Triage, accounts and the audit trail in AppTest, and their services' refusals for other roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from graphdb.sqlite import SqliteStore
from mapping import audit
from mapping.services.access import PermissionDenied, User
from mapping.services.accounts import add_account_as, list_accounts, list_accounts_as
from mapping.services.audit_view import audit_trail
from mapping.services.referrals import submit_concern_referral, submit_marve_referral
from schemas.enums import LinkType, Role
from schemas.forms import ConcernReferralForm, MarveReferralForm
from tests.ui.conftest import RunAs, error_beside, texts
from tests.unit.services import SCHOOL, USERS

ADMIN_PAGES = {
    ("pages/triage.py", "analyst"): "Triage queue",
    ("pages/triage.py", "admin"): "Triage queue",
    ("pages/accounts.py", "admin"): "Accounts",
    ("pages/audit_log.py", "admin"): "Audit trail",
}


def deano_referral(store: SqliteStore, **changes: object) -> str:
    """Journey 1's referral, as Ms Okafor submits it (the girls, the car, 'Deano')."""
    data: dict[str, object] = {
        "referral_date": date.today(),
        "subject_name": "Deano",
        "aliases": ["D-Man"],
        "referrer": "Ms Okafor",
        "organisation": SCHOOL,
        "summary": "Adult male collected two Year 10 girls at the gate on 3 and 17 November.",
        "how_known": "my own observation",
        "vehicle": "AB12CDE",
        "linked_children": ["C-AMIRA", "C-BELLA"],
        "basis": "fact",
        "grading": "2-B-P",
    }
    form = ConcernReferralForm.model_validate({**data, **changes})
    return submit_concern_referral(store, USERS["referrer"], form)


@pytest.mark.parametrize(("page", "role"), sorted(ADMIN_PAGES))
def test_admin_pages_render_for_the_roles_that_may_see_them(
    run_as: RunAs, store: SqliteStore, page: str, role: str
) -> None:
    deano_referral(store)
    at = run_as(role, page)
    assert [t.value for t in at.title] == [ADMIN_PAGES[(page, role)]]
    assert at.caption
    assert at.dataframe, "each admin page shows its table"


def test_triage_of_a_marve_referral_renders_and_hides_special_category_from_admin(
    run_as: RunAs, store: SqliteStore
) -> None:
    form = MarveReferralForm.model_validate(
        {
            "referrer": "Ms Okafor",
            "agency": SCHOOL,
            "role": "DSL",
            "contact": "dsl@riverside.invalid",
            "assessment_date": date.today(),
            "referral_date": date.today(),
            "forename": "Amira",
            "family_name": "Khan",
            "date_of_birth": date(2011, 2, 3),
            "ethnicity": "Synthetic ethnicity",
            "rag": {"CSE": "high"},
            "worried_about": "Amira is at risk of sexual exploitation.",
        }
    )
    submit_marve_referral(store, USERS["referrer"], form)
    admin = run_as("admin", "pages/triage.py")
    assert "Synthetic ethnicity" not in texts(admin)
    assert "hidden for your role" in texts(admin)
    assert admin.button(key="triage__accept").disabled
    analyst = run_as("analyst", "pages/triage.py")
    assert "Synthetic ethnicity" in texts(analyst)
    assert "Amira Khan" in texts(analyst)


REFUSALS: list[tuple[str, str, Callable[[SqliteStore, User], object]]] = [
    *[
        ("view_audit", role, lambda s, u: audit_trail(s, u))
        for role in ("referrer", "panel_member", "facilitator", "analyst")
    ],
    *[
        (
            "manage_users",
            role,
            lambda s, u: add_account_as(s, u, "newbie", "long enough password", Role.ADMIN, "X"),
        )
        for role in ("referrer", "panel_member", "facilitator", "analyst")
    ],
    *[
        ("manage_users", role, lambda s, u: list_accounts_as(s, u))
        for role in ("referrer", "analyst")
    ],
]


@pytest.mark.parametrize(("permission", "role", "call"), REFUSALS)
def test_roles_without_the_right_are_refused_by_the_service_and_audited(
    store: SqliteStore,
    permission: str,
    role: str,
    call: Callable[[SqliteStore, User], object],
) -> None:
    user = USERS[role]
    with pytest.raises(PermissionDenied):
        call(store, user)
    last = store.audit_entries()[-1]
    assert (last.actor, last.action, last.outcome) == (user.username, permission, "denied")
    assert "newbie" not in {a.username for a in list_accounts(store)}


def test_triage_accept_creates_a_person_of_concern_with_the_referrals_provenance(
    run_as: RunAs, store: SqliteStore
) -> None:
    ref = deano_referral(store, subject_name="Lee Stone", aliases=[], vehicle=None)
    at = run_as("analyst", "pages/triage.py")
    assert at.selectbox(key="triage_selected").value == ref
    assert "Amira Khan" in texts(at) and "Bella Hart" in texts(at)
    at.button(key="triage__accept").click().run()
    assert not at.exception
    assert f"{ref} accepted" in at.success[0].value
    assert "No referrals are waiting" in at.info[0].value, "the queue refreshed"
    referral = store.get_node(ref)
    assert referral is not None and referral.properties["status"] == "accepted"
    poc = store.get_node(referral.properties["linked_record"])
    assert poc is not None and poc.label == "PersonOfConcern"
    links = store.links_of([poc.id], types=[LinkType.CONCERN_FOR])
    assert sorted(x.target for x in links) == ["C-AMIRA", "C-BELLA"]
    for link in links:
        props = link.properties
        assert (props["reporting_agency"], props["basis"], props["grading"]) == (
            SCHOOL,
            "fact",
            "2-B-P",
        )


def test_triage_merge_links_the_referral_to_dean_miles(run_as: RunAs, store: SqliteStore) -> None:
    """Journey 2: the registration is exact and 'Deano' an alias, so DC Hale merges."""
    ref = deano_referral(store)
    at = run_as("analyst", "pages/triage.py")
    shown = texts(at)
    assert "vehicle AB12 CDE exact" in shown
    assert "alias similar (100%): Deano" in shown
    assert at.radio(key=f"triage_merge_into_{ref}").value == "P-DEAN"
    at.button(key="triage__merge").click().run()
    assert not at.exception
    assert "Dean Miles (P-DEAN)" in at.success[0].value
    dean = store.get_node("P-DEAN")
    assert dean is not None and dean.properties["aliases"] == ["Deano", "D-Man"]
    girls = {
        x.target: x.properties
        for x in store.links_of(["P-DEAN"], types=[LinkType.CONCERN_FOR])
        if x.target in ("C-AMIRA", "C-BELLA")
    }
    assert set(girls) == {"C-AMIRA", "C-BELLA"}
    assert {p["grading"] for p in girls.values()} == {"2-B-P"}
    referral = store.get_node(ref)
    assert referral is not None and referral.properties["status"] == "merged"
    hale = [e for e in store.audit_entries() if e.actor == "hale"]
    matches = [e for e in hale if e.action == "match_referral"]
    assert len(matches) == 1 and "P-DEAN" in matches[0].entity_ids
    [merge] = [e for e in hale if e.action == "merge_referral"]
    assert merge.entity_ids[:2] == [ref, "P-DEAN"]


def test_triage_decline_needs_a_reason(run_as: RunAs, store: SqliteStore) -> None:
    ref = deano_referral(store)
    at = run_as("analyst", "pages/triage.py")
    at.button(key="triage__decline").click().run()
    assert "at least 5 characters" in str(error_beside(at, f"triage_reason_{ref}"))
    referral = store.get_node(ref)
    assert referral is not None and referral.properties["status"] == "submitted"
    at.text_area(key=f"triage_reason_{ref}").input("Familial concern: passed to the MASH")
    at.button(key="triage__decline").click().run()
    referral = store.get_node(ref)
    assert referral is not None and referral.properties["status"] == "declined"
    assert referral.properties["decision_reason"] == "Familial concern: passed to the MASH"
    assert f"{ref} declined" in at.success[0].value


def test_triage_shows_an_empty_state_when_nothing_waits(run_as: RunAs) -> None:
    at = run_as("admin", "pages/triage.py")
    assert at.info[0].value.startswith("No referrals are waiting for triage")


def test_the_accounts_page_adds_an_account_and_refuses_a_short_password(
    run_as: RunAs, store: SqliteStore
) -> None:
    at = run_as("admin", "pages/accounts.py")
    at.text_input(key="accounts_username").input("j.bloggs")
    at.selectbox(key="accounts_role").set_value("panel_member")
    at.text_input(key="accounts_password").input("short")
    at.text_input(key="accounts_confirm").input("short")
    at.button[-1].click().run()
    assert error_beside(at, "accounts_password") == "At least 10 characters."
    assert "j.bloggs" not in {a.username for a in list_accounts(store)}
    at.text_input(key="accounts_password").input("a long enough password")
    at.text_input(key="accounts_confirm").input("a long enough password")
    at.button[-1].click().run()
    assert not at.exception
    added = {a.username: a for a in list_accounts(store)}
    assert added["j.bloggs"].role == Role.PANEL_MEMBER
    assert "Account j.bloggs added." in at.success[0].value
    assert "j.bloggs" in list(at.dataframe[0].value["Username"])
    assert at.text_input(key="accounts_username").value == "", "the form is cleared"
    entry = [e for e in store.audit_entries() if e.action == "user_add"][-1]
    assert (entry.actor, entry.entity_ids) == ("support", ["user:j.bloggs"])


def test_the_audit_page_searches_by_actor_and_records_the_search(
    run_as: RunAs, store: SqliteStore
) -> None:
    audit.record(store, actor="hale", action="export_view", entity_ids=["C-AMIRA"])
    audit.record(store, actor="shah", action="view_child_profile", entity_ids=["C-BELLA"])
    at = run_as("admin", "pages/audit_log.py")
    at.text_input(key="audit_actor").input("hale")
    at.button[-1].click().run()
    table = at.dataframe[0].value
    assert set(table["Who"]) == {"hale"}
    assert "C-AMIRA" in list(table["Records"])
    searches = [e for e in store.audit_entries() if e.action == "view_audit"]
    assert searches[-1].actor == "support" and "actor=hale" in str(searches[-1].detail)
    assert at.get("download_button")[0].proto.label.startswith("Download")


def test_the_audit_page_says_when_nothing_matches(run_as: RunAs) -> None:
    at = run_as("admin", "pages/audit_log.py")
    at.text_input(key="audit_entity").input("NO-SUCH-ID")
    at.button[-1].click().run()
    assert at.info[0].value.startswith("No audit entries match")


def test_audit_trail_filters_and_audits_its_own_use(store: SqliteStore) -> None:
    admin = USERS["admin"]
    audit.record(store, actor="hale", action="merge_referral", entity_ids=["REF-1", "P-DEAN"])
    audit.record(store, actor="shah", action="sign_in", outcome="failed")
    assert [e.actor for e in audit_trail(store, admin, entity="p-dean")] == ["hale"]
    assert [e.action for e in audit_trail(store, admin, actor="shah")] == ["sign_in"]
    assert [e.actor for e in audit_trail(store, admin, outcome="failed")] == ["shah"]
    today = date.today()
    assert audit_trail(store, admin, since=today + timedelta(days=1)) == []
    assert audit_trail(store, admin, until=today - timedelta(days=1)) == []
    newest = audit_trail(store, admin, newest_first=True)
    assert newest[0].action == "view_audit", "earlier searches are in the trail"
    assert newest[0].at >= newest[-1].at
    last = store.audit_entries()[-1]
    assert (last.actor, last.action, last.outcome) == ("support", "view_audit", "ok")
