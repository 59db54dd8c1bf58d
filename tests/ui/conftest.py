"""AppTest fixtures: a fresh embedded store per test with the journey world and an account per role.

The world and accounts are written once per session into a template file (argon2 hashing is
slow on purpose) and copied for each test, so every test starts from the same store.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Error

from graphdb.sqlite import SqliteStore
from pages import _deps, _state
from tests.unit.services import USERS, add_accounts, build_world

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 30

RunAs = Callable[[str, str], AppTest]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "world.db"
    store = SqliteStore(path)
    store.init()
    build_world(store)
    add_accounts(store)
    store.close()
    return path


@pytest.fixture
def store(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SqliteStore]:
    """The store the app under test opens (CONTEXTMAP_STORE points at a fresh copy)."""
    path = tmp_path / "ui.db"
    shutil.copyfile(template_db, path)
    monkeypatch.setenv("CONTEXTMAP_STORE", f"embedded://{path}")
    _deps._store.clear()
    _deps.settings.clear()
    opened = SqliteStore(path)
    yield opened
    opened.close()
    _deps._store.clear()
    _deps.settings.clear()


def app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


def signed_in(role: str) -> AppTest:
    """The app with a user of `role` (a key of USERS) already signed in, not yet run."""
    at = app()
    at.session_state[_state.USER] = USERS[role]
    at.session_state[_state.LAST_SEEN] = time.time()
    return at


@pytest.fixture
def run_as(store: SqliteStore) -> RunAs:
    """Open `page` (e.g. "pages/triage.py") as a signed-in user of `role`; returns the AppTest."""

    def open_page(role: str, page: str) -> AppTest:
        at = signed_in(role)
        at.run()
        at.switch_page(page)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


def elements(at: AppTest) -> list[Any]:
    """Every element of the main area in the order a reader sees it (columns left to right)."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        for index in sorted(node.children):
            child = node.children[index]
            if isinstance(child, Block):
                walk(child)
            else:
                found.append(child)

    walk(at.main)
    return found


def error_beside(at: AppTest, key: str) -> str | None:
    """The error drawn directly under the widget with `key`, or None."""
    items = elements(at)
    for n, item in enumerate(items):
        if getattr(item, "key", None) == key:
            after = items[n + 1] if n + 1 < len(items) else None
            return str(after.value) if isinstance(after, Error) else None
    raise AssertionError(f"no widget with key {key}")


def texts(at: AppTest) -> str:
    """All visible text of the main area (markdown escapes removed), for 'is it shown' checks."""
    parts = [str(getattr(e, "value", "")) for e in elements(at)]
    parts += [str(getattr(e, "label", "")) for e in elements(at)]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))
