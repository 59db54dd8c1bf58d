"""Sign-in and the referrer's pages in AppTest: rendering, errors beside fields, persistence."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from graphdb.sqlite import SqliteStore
from mapping.services.referrals import (
    decline_referral,
    merge_referral,
    submit_concern_referral,
)
from pages import _deps, _state
from schemas.enums import Role
from schemas.forms import ConcernReferralForm
from schemas.reference import FAMILIAL_ABUSE_REFUSAL
from tests.ui.conftest import RunAs, app, error_beside, texts
from tests.unit.services import PASSWORD, SCHOOL, USERS

INTAKE_PAGES = {
    "pages/refer_concern.py": "Refer a person or place of concern",
    "pages/refer_marve.py": "MARVE risk assessment and referral",
    "pages/my_submissions.py": "My submissions",
}


def referrals(store: SqliteStore) -> int:
    return store.counts().get("Referral", 0)


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    return at.run()


@pytest.mark.parametrize("role", [r.value for r in Role])
@pytest.mark.parametrize("page", sorted(INTAKE_PAGES))
def test_intake_pages_render_for_every_role(run_as: RunAs, role: str, page: str) -> None:
    at = run_as(role, page)
    assert [t.value for t in at.title] == [INTAKE_PAGES[page]]
    assert at.caption, "every page explains itself under its title"


def test_sign_in_with_the_right_password_opens_the_app(store: SqliteStore) -> None:
    at = app().run()
    assert [t.value for t in at.title] == ["ContextMap"]
    sign_in(at, "okafor", PASSWORD)
    assert not at.exception
    assert at.session_state[_state.USER].username == "okafor"
    last = store.audit_entries()[-1]
    assert (last.actor, last.action, last.outcome) == ("okafor", "sign_in", "ok")


def test_sign_in_refuses_a_wrong_password_and_audits_it(store: SqliteStore) -> None:
    at = sign_in(app().run(), "okafor", "not the password")
    assert [e.value for e in at.error] == ["Wrong username or password."]
    assert _state.USER not in at.session_state
    last = store.audit_entries()[-1]
    assert (last.actor, last.action, last.outcome) == ("okafor", "sign_in", "failed")


def test_sign_in_locks_the_account_after_repeated_failures(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTEXTMAP_LOCKOUT_ATTEMPTS", "2")
    _deps.settings.clear()
    at = app().run()
    for _ in range(2):
        sign_in(at, "okafor", "not the password")
    sign_in(at, "okafor", PASSWORD)
    assert _state.USER not in at.session_state
    assert "locked" in at.error[0].value
    outcomes = [(e.action, e.outcome, e.detail) for e in store.audit_entries()[-3:]]
    assert outcomes[-1] == ("sign_in", "failed", "locked")


def fill_concern(at: AppTest) -> AppTest:
    """Journey 1: 'Deano' in a grey car, two girls from the referrer's own school."""
    at.text_input(key="concern_referrer").input("Ms Okafor")
    at.text_input(key="concern_subject_name").input("Deano")
    at.text_input(key="concern_aliases").input("D, Dean-o")
    at.text_input(key="concern_vehicle").input("AB12 CDE")
    at.text_area(key="concern_summary").input(
        "A man of about 25 in a grey car collected two Year 10 girls at the gate on 3 and "
        "17 November. One has new phones and has been missing twice."
    )
    at.text_input(key="concern_how_known").input("My own observation at the school gate")
    at.radio(key="concern_basis").set_value("fact")
    at.selectbox(key="concern_grade_source").set_value("2")
    at.selectbox(key="concern_grade_intelligence").set_value("B")
    at.selectbox(key="concern_grade_handling").set_value("P")
    return at


def test_a_concern_referral_with_bad_fields_shows_each_error_beside_it_and_writes_nothing(
    run_as: RunAs, store: SqliteStore
) -> None:
    before = referrals(store)
    at = run_as("referrer", "pages/refer_concern.py")
    fill_concern(at)
    at.text_input(key="concern_subject_name").input("")
    at.text_area(key="concern_summary").input("Too short.")
    at.button(key="concern__submit").click().run()
    assert error_beside(at, "concern_summary") == "Please write at least 20 characters."
    assert error_beside(at, "concern_subject_name") == "This is required."
    assert error_beside(at, "concern_vehicle") is None
    assert "Nothing was sent" in at.error[-1].value
    assert not at.success
    assert referrals(store) == before
    assert not [e for e in store.audit_entries() if e.action == "submit_referral"]


def test_a_partial_grading_is_refused_beside_the_grading(run_as: RunAs, store: SqliteStore) -> None:
    at = fill_concern(run_as("referrer", "pages/refer_concern.py"))
    at.selectbox(key="concern_grade_handling").set_value("ungraded")
    at.button(key="concern__submit").click().run()
    assert "3x5x2" in str(error_beside(at, "concern_grade_handling"))
    assert referrals(store) == 0


def test_ticking_family_member_refuses_with_the_child_protection_route(
    run_as: RunAs, store: SqliteStore
) -> None:
    at = fill_concern(run_as("referrer", "pages/refer_concern.py"))
    at.checkbox(key="concern_familial").check().run()
    assert FAMILIAL_ABUSE_REFUSAL in at.error[0].value
    assert "child-protection route" in at.error[0].value
    assert at.button(key="concern__submit").disabled, "a browser user cannot submit it"
    assert not at.success
    assert referrals(store) == 0


def test_the_form_model_refuses_familial_abuse_whatever_the_page_does() -> None:
    with pytest.raises(ValueError, match="Child Protection route"):
        ConcernReferralForm.model_validate(
            {
                "referral_date": date.today(),
                "subject_name": "Uncle",
                "referrer": "Ms Okafor",
                "organisation": SCHOOL,
                "summary": "x" * 30,
                "how_known": "disclosure",
                "basis": "fact",
                "familial": True,
            }
        )


def test_a_good_concern_referral_is_persisted_and_its_reference_shown(
    run_as: RunAs, store: SqliteStore
) -> None:
    at = fill_concern(run_as("referrer", "pages/refer_concern.py"))
    at.text_input(key="concern__child_search").input("Amira").run()
    assert at.multiselect(key="concern_linked_children").options == ["Amira Khan"]
    at.multiselect(key="concern_linked_children").select("C-AMIRA")
    at.text_input(key="concern__child_search").input("Tyler").run()
    box = at.multiselect(key="concern_linked_children")
    assert box.options == ["Amira Khan", "TB (born 2010)"], "other schools' pupils by initials"
    box.select("C-TYLER")
    at.button(key="concern__submit").click().run()
    assert not at.exception
    [node] = list(store.iter_nodes(["Referral"]))  # type: ignore[list-item]
    assert node.properties["status"] == "submitted"
    assert node.properties["submitted_by"] == "okafor"
    assert node.properties["grading"] == "2-B-P"
    assert node.properties["basis"] == "fact"
    form = node.properties["form"]
    assert form["linked_children"] == ["C-AMIRA", "C-TYLER"]
    assert form["aliases"] == ["D", "Dean-o"]
    assert form["organisation"] == SCHOOL
    assert node.id in at.success[0].value
    assert "My submissions" in texts(at)
    lookups = [e for e in store.audit_entries() if e.action == "lookup_child"]
    assert len(lookups) == 2, "each search is run and audited once, not on every rerun"


def test_a_place_of_concern_asks_for_type_and_postcode(run_as: RunAs, store: SqliteStore) -> None:
    at = run_as("panel_member", "pages/refer_concern.py")
    at.radio(key="concern_referral_kind").set_value("location_of_concern").run()
    assert at.text_input(key="concern_subject_name").label == "Name of location"
    assert not [w for w in at.checkbox if w.key == "concern_familial"]
    at.text_input(key="concern_referrer").input("Insp Shah")
    at.text_input(key="concern_subject_name").input("The underpass")
    at.selectbox(key="concern_location_type").set_value("transport_hub")
    at.text_input(key="concern_postcode").input("KT1 2BB")
    at.text_area(key="concern_summary").input("Young people seen gathering with adults late.")
    at.text_input(key="concern_how_known").input("patrol reports")
    at.radio(key="concern_basis").set_value("opinion")
    at.button(key="concern__submit").click().run()
    [node] = list(store.iter_nodes(["Referral"]))  # type: ignore[list-item]
    assert node.properties["referral_kind"] == "location_of_concern"
    assert node.properties["form"]["postcode"] == "KT1 2BB"
    assert node.properties["form"]["location_type"] == "transport_hub"
    assert "grading" not in node.properties


def fill_marve(at: AppTest) -> AppTest:
    at.text_input(key="marve_referrer").input("Ms Okafor")
    at.text_input(key="marve_role").input("Designated safeguarding lead")
    at.text_input(key="marve_contact").input("dsl@riverside.invalid")
    at.text_input(key="marve_forename").input("Amira")
    at.text_input(key="marve_family_name").input("Khan")
    at.date_input(key="marve_date_of_birth").set_value(date(2011, 2, 3))
    at.checkbox(key="marve_ind_running_away_missing").check()
    at.checkbox(key="marve_ind_vehicles_unknown_adults").check()
    at.select_slider(key="marve_sos_safety").set_value(3)
    at.text_area(key="marve_addresses").input("12 High Street, Kingston\n3 Park Road")
    at.text_area(key="marve_worried_about").input("Amira is at risk of sexual exploitation.")
    return at


def test_a_marve_referral_needs_a_rating_and_then_is_persisted(
    run_as: RunAs, store: SqliteStore
) -> None:
    at = fill_marve(run_as("referrer", "pages/refer_marve.py"))
    assert len(at.expander) >= 10, "RAG guidance is offered beside every category"
    at.button(key="marve__submit").click().run()
    assert "Rate at least one category" in at.error[0].value
    assert referrals(store) == 0
    at.selectbox(key="marve_rag_CSE").set_value("high")
    at.selectbox(key="marve_rag_MISSING").set_value("medium")
    at.button(key="marve__submit").click().run()
    assert not at.exception
    [node] = list(store.iter_nodes(["Referral"]))  # type: ignore[list-item]
    form = node.properties["form"]
    assert node.properties["referral_kind"] == "marve"
    assert node.properties["subject_name"] == "Amira Khan"
    assert form["rag"] == {"CSE": "high", "MISSING": "medium"}
    assert form["indicators"] == ["running_away_missing", "vehicles_unknown_adults"]
    assert form["signs_of_safety"] == {"safety": 3}
    assert form["addresses"] == ["12 High Street, Kingston", "3 Park Road"]
    assert node.id in at.success[0].value


def test_a_marve_referral_with_a_short_worry_is_refused_beside_it(
    run_as: RunAs, store: SqliteStore
) -> None:
    at = fill_marve(run_as("referrer", "pages/refer_marve.py"))
    at.selectbox(key="marve_rag_CCE").set_value("low")
    at.text_area(key="marve_worried_about").input("Worried")
    at.button(key="marve__submit").click().run()
    assert error_beside(at, "marve_worried_about") == "Please write at least 10 characters."
    assert referrals(store) == 0


def test_my_submissions_shows_only_the_users_own_with_their_status(
    run_as: RunAs, store: SqliteStore
) -> None:
    form = ConcernReferralForm.model_validate(
        {
            "referral_date": date.today(),
            "subject_name": "Deano",
            "referrer": "Ms Okafor",
            "organisation": SCHOOL,
            "summary": "Adult collecting girls at the gate in a grey car.",
            "how_known": "own observation",
            "basis": "fact",
        }
    )
    merged = submit_concern_referral(store, USERS["referrer"], form)
    declined = submit_concern_referral(store, USERS["referrer"], form)
    waiting = submit_concern_referral(store, USERS["referrer"], form)
    theirs = submit_concern_referral(store, USERS["other_referrer"], form)
    merge_referral(store, USERS["analyst"], merged, "P-DEAN")
    decline_referral(store, USERS["analyst"], declined, "Already known to the panel")
    at = run_as("referrer", "pages/my_submissions.py")
    table = at.dataframe[0].value
    status = dict(zip(table["Reference"], table["Status"], strict=True))
    assert set(status) == {merged, declined, waiting}
    assert theirs not in status
    assert status[merged] == "Accepted — linked to an existing record"
    assert status[declined] == "Declined — Already known to the panel"
    assert status[waiting] == "Submitted — waiting for triage"


def test_my_submissions_has_a_helpful_empty_state(run_as: RunAs) -> None:
    at = run_as("analyst", "pages/my_submissions.py")
    assert at.info[0].value == "You have not made any referrals yet."
    assert not at.dataframe
