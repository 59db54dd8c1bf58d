"""Every role × permission cell: allowed ones pass, others raise PermissionDenied and are audited."""

from __future__ import annotations

import pytest

from graphdb.sqlite import SqliteStore
from mapping.services.access import (
    ROLE_MATRIX,
    Permission,
    PermissionDenied,
    User,
    authorise,
    shows_full_identities,
)
from schemas.enums import Purpose, Role

CELLS = [(p, r) for p in Permission for r in Role]


def test_every_permission_is_in_the_matrix() -> None:
    assert set(ROLE_MATRIX) == set(Permission)


def test_domain_rules_hold_in_the_matrix() -> None:
    assert Role.REFERRER not in ROLE_MATRIX[Permission.EXPLORE_NETWORK]
    assert Role.REFERRER not in ROLE_MATRIX[Permission.VIEW_CHILD_PROFILE]
    assert Role.REFERRER not in ROLE_MATRIX[Permission.VIEW_SPECIAL_CATEGORY]
    assert Role.PANEL_MEMBER not in ROLE_MATRIX[Permission.BULK_EXPORT]
    assert Role.PANEL_MEMBER not in ROLE_MATRIX[Permission.VIEW_SPECIAL_CATEGORY]
    assert ROLE_MATRIX[Permission.VIEW_AUDIT] == {Role.ADMIN}


@pytest.mark.parametrize(
    ("permission", "role"), CELLS, ids=[f"{p.value}-{r.value}" for p, r in CELLS]
)
def test_role_permission_cell(
    sqlite_store: SqliteStore, permission: Permission, role: Role
) -> None:
    user = User(username=f"u-{role.value}", role=role)
    if role in ROLE_MATRIX[permission]:
        authorise(sqlite_store, user, permission)
        assert sqlite_store.audit_entries() == []
    else:
        with pytest.raises(PermissionDenied):
            authorise(sqlite_store, user, permission, ("X-1",))
        [entry] = sqlite_store.audit_entries()
        assert (entry.actor, entry.action, entry.outcome) == (
            user.username,
            permission.value,
            "denied",
        )
        assert entry.entity_ids == ["X-1"]


@pytest.mark.parametrize("role", list(Role))
def test_minimised_purposes_never_show_full_identities(role: Role) -> None:
    user = User(username="u", role=role)
    assert not shows_full_identities(user, Purpose.SAFETY_PLANNING)
    assert not shows_full_identities(user, Purpose.COORDINATING)
    assert shows_full_identities(user, Purpose.POLICE_DISRUPTION) == (role == Role.ANALYST)
