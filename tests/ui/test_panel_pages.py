"""Places / People of Concern, the network explorer and the profile page in AppTest.

The store is the seeded `small` demo (its planted records: Dean Miles ``P-00001`` alias "Deano",
Jayden Smith ``C-00001`` and his possible duplicate ``C-00002``, Tyreke Lawson ``C-00009``),
written once per session and copied for each test.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from graphdb.sqlite import SqliteStore
from mapping.io.demo import generate
from mapping.services.access import User
from pages import _deps, _state
from schemas.enums import Role

APP = Path(__file__).resolve().parents[2] / "app.py"
USERS = {role: User(username=f"demo.{role.value}", role=role, agency="Police") for role in Role}
PAGES = {
    "pages/places_people.py": (
        "Places / People of Concern",
        [Role.PANEL_MEMBER, Role.FACILITATOR, Role.ANALYST, Role.ADMIN],
    ),
    "pages/explorer.py": ("Network explorer", [Role.FACILITATOR, Role.ANALYST]),
    "pages/child_profile.py": (
        "Young person's profile",
        [Role.PANEL_MEMBER, Role.FACILITATOR, Role.ANALYST],
    ),
}
CASES = [(page, role) for page, (_, roles) in PAGES.items() for role in roles]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "demo.db"
    store = SqliteStore(path)
    store.init()
    store.write(*generate("small", seed=7), actor="demo")
    store.close()
    return path


@pytest.fixture
def demo_store(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SqliteStore]:
    """A fresh copy of the demo store, which the app under test opens."""
    path = tmp_path / "ui.db"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv("CONTEXTMAP_STORE", f"embedded://{path}")
    _deps._store.clear()
    opened = SqliteStore(path)
    yield opened
    opened.close()
    _deps._store.clear()


def open_page(role: Role, page: str, **state: Any) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[_state.USER] = USERS[role]
    at.session_state[_state.LAST_SEEN] = time.time()
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(at: AppTest) -> str:
    parts = [str(getattr(e, "value", "")) for e in at.main] + [
        str(getattr(e, "label", "")) for e in at.main
    ]
    return "\n".join(parts).replace("\\", "")


def actions(store: SqliteStore) -> list[str]:
    return [e.action for e in store.audit_entries()]


@pytest.mark.parametrize(("page", "role"), CASES)
def test_each_page_renders_for_each_role_that_may_see_it(
    demo_store: SqliteStore, page: str, role: Role
) -> None:
    at = open_page(role, page)
    assert [t.value for t in at.title] == [PAGES[page][0]]
    assert at.caption, "every page says what it is for"


@pytest.mark.parametrize(
    ("page", "role"),
    [
        ("pages/explorer.py", Role.PANEL_MEMBER),
        ("pages/child_profile.py", Role.ADMIN),
        ("pages/places_people.py", Role.REFERRER),
    ],
)
def test_pages_are_not_offered_to_roles_that_may_not_use_them(
    demo_store: SqliteStore, page: str, role: Role
) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[_state.USER] = USERS[role]
    at.session_state[_state.LAST_SEEN] = time.time()
    at.run()
    with pytest.raises(ValueError, match="navigation page"):
        at.switch_page(page)


def test_places_people_ranks_with_why_and_draws_a_map_without_tiles(
    demo_store: SqliteStore,
) -> None:
    at = open_page(Role.PANEL_MEMBER, "pages/places_people.py")
    shown = text_of(at)
    assert "Dean Miles" in shown and "children linked" in shown
    assert "Child Abduction Warning Notice (CAWN)" in shown
    decks = at.get("deck_gl_json_chart")
    assert len(decks) == 1
    spec = json.loads(decks[0].proto.json)
    assert spec["mapStyle"] == "__MAP_STYLE__" and "http" not in decks[0].proto.json
    assert "top third of hotspot scores" in shown, "the map has a legend"
    assert actions(demo_store).count("view_places_people_of_concern") == 1
    at.selectbox(key="ppc_profile").set_value("C-00009").run()
    at.button(key="ppc_open").click().run()
    assert not at.exception and at.header[0].value == "Tyreke Lawson"


def test_places_people_minimises_young_people_for_administrators(demo_store: SqliteStore) -> None:
    at = open_page(Role.ADMIN, "pages/places_people.py")
    assert any("initials only" in i.value for i in at.info)
    assert "Tyreke Lawson" not in text_of(at)


def _explore_dean(role: Role = Role.ANALYST) -> AppTest:
    at = open_page(role, "pages/explorer.py")
    assert any("Choose why" in i.value for i in at.info), "the purpose comes first"
    assert not at.text_input, "no search before a purpose"
    at.selectbox(key="explorer_purpose").set_value("police_disruption").run()
    at.text_input(key="explorer_focus_text").set_value("Deano").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_explorer_journey_search_map_bridges_paths_and_export(demo_store: SqliteStore) -> None:
    at = _explore_dean()
    frames = at.get("iframe")
    assert frames, "the map is drawn"
    html = frames[0].proto.srcdoc
    assert "Dean Miles" in html and "https://" not in html and "Legend" in html
    assert "Who bridges this view" in [s.value for s in at.subheader]
    assert "Dean Miles" in at.markdown[-1].value or "Dean Miles" in text_of(at)
    at.text_input(key="explorer_path_text").set_value("Tyreke").run()
    assert "shortest path" in text_of(at)
    at.text_input(key="explorer_reason").set_value("i2 chart for Op Kestrel").run()
    at.selectbox(key="explorer_fmt").set_value("graphml").run()
    at.button(key="explorer_prepare").click().run()
    assert not at.exception, [e.value for e in at.exception]
    entry = [e for e in demo_store.audit_entries() if e.action == "export_view"]
    assert len(entry) == 1 and entry[0].purpose == "police_disruption"
    assert at.get("download_button"), "a download button is offered"
    assert any("opinion" in w.value for w in at.warning), "the shared-as-fact warning is shown"
    searches = [e for e in demo_store.audit_entries() if e.action == "search"]
    assert len(searches) == 2, "one entry per search (focus, path), not one per rerun"
    assert {e.purpose for e in searches} == {"police_disruption"}


def test_explorer_asks_before_showing_more_than_100_neighbours(demo_store: SqliteStore) -> None:
    at = _explore_dean()
    at.radio(key="explorer_hops").set_value(3).run()
    assert any("more than 100" in w.value for w in at.warning)
    assert not at.get("iframe")
    at.button(key="explorer_confirm").click().run()
    assert not at.exception and at.get("iframe")


def test_explorer_minimises_for_a_facilitator_under_police_disruption(
    demo_store: SqliteStore,
) -> None:
    at = _explore_dean(Role.FACILITATOR)
    assert any("initials only" in c.value for c in at.caption)
    html = at.get("iframe")[0].proto.srcdoc
    assert "Dean Miles" in html and "Tyreke Lawson" not in html


def test_profile_hides_special_category_from_panel_members_and_flags_the_duplicate(
    demo_store: SqliteStore,
) -> None:
    at = open_page(Role.PANEL_MEMBER, "pages/child_profile.py", **{_state.PROFILE_ID: "C-00001"})
    assert at.header[0].value == "Jayden Smith"
    assert any("hidden for your role" in c.value for c in at.caption)
    assert any("C-00002" in w.value and "Nothing is merged" in w.value for w in at.warning)
    ethnicity = demo_store.get_node("C-00001").properties.get("ethnicity")  # type: ignore[union-attr]
    assert ethnicity and f"Ethnicity:** {ethnicity}" not in text_of(at)
    reads = [e for e in demo_store.audit_entries() if e.action == "view_profile"]
    assert [(e.entity_ids, e.purpose) for e in reads] == [(["C-00001"], "panel_oversight")]


def test_profile_shows_special_category_to_analysts(demo_store: SqliteStore) -> None:
    at = open_page(Role.ANALYST, "pages/child_profile.py", **{_state.PROFILE_ID: "C-00001"})
    ethnicity = demo_store.get_node("C-00001").properties.get("ethnicity")  # type: ignore[union-attr]
    assert f"Ethnicity:** {ethnicity}" in text_of(at)
    assert not any("hidden for your role" in c.value for c in at.caption)
