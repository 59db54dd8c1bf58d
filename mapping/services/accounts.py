"""Local accounts: argon2id hashes, lockout after repeated failures, audited sign-ins."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graphdb.base import GraphStore
from mapping import audit
from mapping.services.access import Permission, User, authorise
from mapping.settings import AppSettings
from schemas.enums import Agency, Role

KIND = "account"
_hasher = PasswordHasher()  # argon2id with the library's maintained defaults
# The demo referrer is a designated safeguarding lead at one of the synthetic schools.
DEMO_AGENCIES = {
    Role.REFERRER: "Larkmead High School",
    Role.PANEL_MEMBER: Agency.POLICE.value,
    Role.FACILITATOR: Agency.CSC.value,
    Role.ANALYST: Agency.POLICE.value,
    Role.ADMIN: Agency.OTHER.value,
}


class AccountError(ValueError):
    """Bad username, password or role; the message says which and why."""


class SignInFailed(Exception):
    """Wrong username or password, or the account is locked (deliberately vague)."""


def _now() -> datetime:
    return datetime.now(UTC)


def add_account(
    store: GraphStore,
    username: str,
    password: str,
    role: Role,
    *,
    agency: str = Agency.OTHER.value,
    display_name: str = "",
    actor: str,
) -> User:
    """Create an account (refuses an existing username). CLI and admin page use this."""
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise AccountError("username: letters, digits, '.', '_' or '-' only")
    if len(password) < 10:
        raise AccountError("password: at least 10 characters")
    shown_name = display_name or username
    doc: dict[str, object] = {
        "role": role.value,
        "agency": agency,
        "display_name": shown_name,
        "hash": _hasher.hash(password),
        "failures": 0,
        "locked_until": None,
        "created_at": _now().isoformat(),
    }
    from graphdb.errors import Conflict

    try:
        store.put_document(KIND, username, doc, expected_version=0)
    except Conflict:
        raise AccountError(f"username: {username} already exists") from None
    audit.record(
        store,
        actor=actor,
        action="user_add",
        entity_ids=[f"user:{username}"],
        detail=f"role {role.value}",
    )
    return User(username=username, role=role, agency=agency, display_name=shown_name)


def add_account_as(
    store: GraphStore, admin: User, username: str, password: str, role: Role, agency: str
) -> User:
    authorise(store, admin, Permission.MANAGE_USERS)
    return add_account(store, username, password, role, agency=agency, actor=admin.username)


def list_accounts(store: GraphStore) -> list[User]:
    return [
        User(
            username=key,
            role=Role(str(doc["role"])),
            agency=str(doc["agency"]),
            display_name=str(doc.get("display_name") or key),
        )
        for key, doc in store.list_documents(KIND)
    ]


def list_accounts_as(store: GraphStore, admin: User) -> list[User]:
    """Every account, for the administrator's page (authorised and audited)."""
    authorise(store, admin, Permission.MANAGE_USERS)
    accounts = list_accounts(store)
    audit.record(
        store,
        actor=admin.username,
        role=admin.role,
        action="user_list",
        detail=f"{len(accounts)} account(s)",
    )
    return accounts


def sign_in(
    store: GraphStore, username: str, password: str, settings: AppSettings | None = None
) -> User:
    """Verify a password; count failures and lock the account after too many."""
    settings = settings or AppSettings()
    found = store.get_document(KIND, username)
    if found is None:
        _hasher.hash(password)  # same work either way: no user enumeration by timing
        audit.record(
            store, actor=username, action="sign_in", outcome="failed", detail="unknown user"
        )
        raise SignInFailed("wrong username or password")
    doc, version = found
    locked_until = doc.get("locked_until")
    if locked_until and datetime.fromisoformat(str(locked_until)) > _now():
        audit.record(store, actor=username, action="sign_in", outcome="failed", detail="locked")
        raise SignInFailed("this account is locked after repeated failed sign-ins; try later")
    try:
        _hasher.verify(str(doc["hash"]), password)
    except (VerificationError, InvalidHashError):
        failures = int(str(doc.get("failures", 0))) + 1
        doc["failures"] = failures
        if failures >= settings.lockout_attempts:
            doc["locked_until"] = (_now() + timedelta(minutes=settings.lockout_minutes)).isoformat()
            doc["failures"] = 0
        store.put_document(KIND, username, doc)
        audit.record(
            store,
            actor=username,
            action="sign_in",
            outcome="failed",
            detail=f"wrong password ({failures})",
        )
        raise SignInFailed("wrong username or password") from None
    if doc.get("failures") or doc.get("locked_until"):
        doc.update(failures=0, locked_until=None)
        store.put_document(KIND, username, doc, expected_version=version)
    user = User(
        username=username,
        role=Role(str(doc["role"])),
        agency=str(doc["agency"]),
        display_name=str(doc.get("display_name") or username),
    )
    audit.record(store, actor=username, role=user.role, action="sign_in")
    return user


def ensure_demo_accounts(store: GraphStore) -> dict[str, str]:
    """One demo account per role with a fresh random password; returns username → password.

    Existing demo accounts are left as they are (their password is not shown again).
    """
    created: dict[str, str] = {}
    existing = {u.username for u in list_accounts(store)}
    for role in Role:
        username = f"demo.{role.value.replace('_', '')}"
        if username in existing:
            continue
        password = secrets.token_urlsafe(9)
        add_account(
            store,
            username,
            password,
            role,
            agency=DEMO_AGENCIES[role],
            display_name=f"Demo {role.value.replace('_', ' ')}",
            actor="setup",
        )
        created[username] = password
    return created
