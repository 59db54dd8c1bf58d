"""Lock-down of restricted records, access requests, and review timers on flags."""

from __future__ import annotations

from datetime import date

import pytest

from graphdb.sqlite import SqliteStore
from mapping.services.access import PermissionDenied, User
from mapping.services.flags import expire_overdue, review_due
from mapping.services.lockdown import (
    decide_access,
    pending_requests,
    request_access,
    restriction,
)
from schemas.enums import NodeLabel, Role
from schemas.interchange import node_row

ANALYST = User(username="hale", role=Role.ANALYST, agency="Police")
HEALTH = User(username="nia", role=Role.PANEL_MEMBER, agency="Health")
ADMIN = User(username="root", role=Role.ADMIN)


@pytest.fixture
def world(sqlite_store: SqliteStore) -> SqliteStore:
    sqlite_store.write(
        [
            node_row(
                NodeLabel.PERSON_OF_CONCERN,
                "P-1",
                {
                    "forename": "Dean",
                    "restricted_to": ["Police", "Children's Social Care"],
                    "review_date": "2026-10-01",
                    "flag_status": "active",
                },
            ),
            node_row(NodeLabel.LOCATION, "LOC-1", {"name": "Flat 3", "review_date": "2026-12-10"}),
            node_row(NodeLabel.LOCATION, "LOC-2", {"name": "Park", "review_date": "2027-06-01"}),
        ],
        [],
        actor="t",
    )
    return sqlite_store


def test_restricted_record_shows_who_knows_it_to_others(world: SqliteStore) -> None:
    node = world.get_node("P-1")
    assert node is not None
    assert restriction(world, ANALYST, node) is None
    notice = restriction(world, HEALTH, node)
    assert notice is not None
    assert notice.message == "Known to agencies Police, Children's Social Care — request access"


def test_access_request_and_decision_are_audited_and_grant_access(world: SqliteStore) -> None:
    with pytest.raises(ValueError, match="^reason:"):
        request_access(world, HEALTH, "P-1", "pls")
    key = request_access(world, HEALTH, "P-1", "Discussing a shared young person at panel")
    assert [r["username"] for r in pending_requests(world, ADMIN)] == ["nia"]
    with pytest.raises(PermissionDenied):
        decide_access(world, HEALTH, key, grant=True)
    decide_access(world, ADMIN, key, grant=True, note="panel oversight")
    node = world.get_node("P-1")
    assert node is not None and restriction(world, HEALTH, node) is None
    actions = [(e.action, e.outcome) for e in world.audit_entries()]
    assert ("request_access", "ok") in actions and ("decide_access", "granted") in actions


def test_reviews_due_and_expiry_never_delete(world: SqliteStore) -> None:
    due = review_due(world, ANALYST, today=date(2026, 12, 1))
    assert [(f.node_id, f.overdue) for f in due] == [("P-1", True), ("LOC-1", False)]
    assert expire_overdue(world, ANALYST, today=date(2026, 12, 1)) == ["P-1"]
    node = world.get_node("P-1")
    assert node is not None and node.properties["flag_status"] == "expired"
    assert world.history("P-1")[0].properties["flag_status"] == "active"
    assert expire_overdue(world, ANALYST, today=date(2026, 12, 1)) == []
    with pytest.raises(PermissionDenied):
        expire_overdue(world, User(username="r", role=Role.REFERRER), today=date(2026, 12, 1))


def test_access_requests_page_lets_an_admin_grant(
    world: SqliteStore, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from streamlit.testing.v1 import AppTest

    from pages import _deps

    request_access(world, HEALTH, "P-1", "Discussing a shared young person at panel")
    monkeypatch.setenv("CONTEXTMAP_STORE", f"embedded://{world.path}")
    _deps._store.clear()
    at = AppTest.from_file("../../../app.py", default_timeout=30)
    at.session_state["cm_user"] = ADMIN
    at.session_state["cm_last_seen"] = time.time()
    at.run()
    at.switch_page("pages/access_requests.py")
    at.run()
    assert not at.exception
    at.button(key="grant_P-1|nia").click()
    at.run()
    node = world.get_node("P-1")
    assert node is not None and restriction(world, HEALTH, node) is None
    _deps._store.clear()
