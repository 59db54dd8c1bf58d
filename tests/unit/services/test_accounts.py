"""Accounts: argon2id hashes, audited sign-ins, lockout after repeated failures."""

from __future__ import annotations

import pytest

from graphdb.sqlite import SqliteStore
from mapping.services.accounts import (
    AccountError,
    SignInFailed,
    add_account,
    ensure_demo_accounts,
    list_accounts,
    sign_in,
)
from mapping.settings import AppSettings
from schemas.enums import Role

PASSWORD = "correct horse battery"


def test_password_is_stored_as_an_argon2id_hash(sqlite_store: SqliteStore) -> None:
    add_account(sqlite_store, "ann", PASSWORD, Role.ANALYST, actor="setup")
    found = sqlite_store.get_document("account", "ann")
    assert found is not None
    doc, _ = found
    assert str(doc["hash"]).startswith("$argon2id$") and PASSWORD not in str(doc)


def test_sign_in_succeeds_and_is_audited(sqlite_store: SqliteStore) -> None:
    add_account(sqlite_store, "ann", PASSWORD, Role.ANALYST, agency="Police", actor="setup")
    user = sign_in(sqlite_store, "ann", PASSWORD)
    assert (user.username, user.role, user.agency) == ("ann", Role.ANALYST, "Police")
    assert sqlite_store.audit_entries()[-1].action == "sign_in"


def test_wrong_password_and_unknown_user_fail_alike_and_are_audited(
    sqlite_store: SqliteStore,
) -> None:
    add_account(sqlite_store, "ann", PASSWORD, Role.ANALYST, actor="setup")
    with pytest.raises(SignInFailed, match="wrong username or password"):
        sign_in(sqlite_store, "ann", "nope nope nope")
    with pytest.raises(SignInFailed, match="wrong username or password"):
        sign_in(sqlite_store, "ghost", "whatever123")
    failures = [e for e in sqlite_store.audit_entries() if e.outcome == "failed"]
    assert [e.actor for e in failures] == ["ann", "ghost"]


def test_lockout_after_repeated_failures(sqlite_store: SqliteStore) -> None:
    settings = AppSettings(CONTEXTMAP_LOCKOUT_ATTEMPTS=3, CONTEXTMAP_LOCKOUT_MINUTES=10)
    add_account(sqlite_store, "ann", PASSWORD, Role.ANALYST, actor="setup")
    for _ in range(3):
        with pytest.raises(SignInFailed):
            sign_in(sqlite_store, "ann", "bad password!", settings)
    with pytest.raises(SignInFailed, match="locked"):
        sign_in(sqlite_store, "ann", PASSWORD, settings)


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [("", PASSWORD, "username"), ("bad name!", PASSWORD, "username"), ("ok", "short", "password")],
)
def test_bad_accounts_are_refused_naming_the_field(
    sqlite_store: SqliteStore, username: str, password: str, field: str
) -> None:
    with pytest.raises(AccountError, match=f"^{field}:"):
        add_account(sqlite_store, username, password, Role.REFERRER, actor="setup")
    assert list_accounts(sqlite_store) == []


def test_duplicate_username_is_refused(sqlite_store: SqliteStore) -> None:
    add_account(sqlite_store, "ann", PASSWORD, Role.ANALYST, actor="setup")
    with pytest.raises(AccountError, match="already exists"):
        add_account(sqlite_store, "ann", PASSWORD, Role.ADMIN, actor="setup")
    assert [u.role for u in list_accounts(sqlite_store)] == [Role.ANALYST]


def test_demo_accounts_one_per_role_created_once(sqlite_store: SqliteStore) -> None:
    created = ensure_demo_accounts(sqlite_store)
    assert len(created) == len(Role)
    assert ensure_demo_accounts(sqlite_store) == {}
    username, password = next(iter(created.items()))
    assert sign_in(sqlite_store, username, password).username == username
