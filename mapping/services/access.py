"""Who may do what: the role matrix of DOMAIN.md as data, checked in the service layer.

The UI only hides what these checks would refuse anyway; every refusal is audited.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from graphdb.base import GraphStore
from mapping import audit
from schemas.common import Model, ShortText
from schemas.enums import Purpose, Role


class Permission(StrEnum):
    SUBMIT_REFERRAL = "submit_referral"
    VIEW_OWN_REFERRALS = "view_own_referrals"
    LOOKUP_CHILD_FOR_REFERRAL = "lookup_child_for_referral"
    TRIAGE_REFERRALS = "triage_referrals"
    VIEW_AGENDA = "view_places_people_of_concern"
    VIEW_CHILD_PROFILE = "view_child_profile"
    VIEW_POC_PROFILE = "view_person_of_concern_profile"
    VIEW_SPECIAL_CATEGORY = "view_special_category"
    EXPLORE_NETWORK = "explore_network"
    SEARCH_RECORDS = "search_records"
    EXPORT_VIEW = "export_view"
    BULK_EXPORT = "bulk_export"
    IMPORT_DATA = "import_data"
    RECORD_INTELLIGENCE = "record_intelligence"
    EDIT_RECORD = "edit_record"
    RUN_MEETING = "run_meeting"
    MANAGE_ACTIONS = "manage_actions"
    RUN_ANALYTICS = "run_analytics"
    GOVERNANCE_REPORT = "governance_report"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    REQUEST_ACCESS = "request_access"
    DECIDE_ACCESS = "decide_access"


R, P, F, A, ADM = Role.REFERRER, Role.PANEL_MEMBER, Role.FACILITATOR, Role.ANALYST, Role.ADMIN
EVERYONE = frozenset(Role)

# The matrix: each permission → the roles that hold it. Everything else is refused.
ROLE_MATRIX: dict[Permission, frozenset[Role]] = {
    Permission.SUBMIT_REFERRAL: EVERYONE,
    Permission.VIEW_OWN_REFERRALS: EVERYONE,
    Permission.LOOKUP_CHILD_FOR_REFERRAL: EVERYONE,
    Permission.TRIAGE_REFERRALS: frozenset({A, ADM}),
    Permission.VIEW_AGENDA: frozenset({P, F, A, ADM}),
    Permission.VIEW_CHILD_PROFILE: frozenset({P, F, A}),
    Permission.VIEW_POC_PROFILE: frozenset({P, F, A}),
    Permission.VIEW_SPECIAL_CATEGORY: frozenset({F, A}),
    Permission.EXPLORE_NETWORK: frozenset({F, A}),
    Permission.SEARCH_RECORDS: frozenset({P, F, A, ADM}),
    Permission.EXPORT_VIEW: frozenset({F, A}),
    Permission.BULK_EXPORT: frozenset({A, ADM}),
    Permission.IMPORT_DATA: frozenset({A, ADM}),
    Permission.RECORD_INTELLIGENCE: frozenset({F, A}),
    Permission.EDIT_RECORD: frozenset({F, A}),
    Permission.RUN_MEETING: frozenset({F, ADM}),
    Permission.MANAGE_ACTIONS: frozenset({P, F, A, ADM}),
    Permission.RUN_ANALYTICS: frozenset({P, F, A}),
    Permission.GOVERNANCE_REPORT: frozenset({ADM, P}),
    Permission.MANAGE_USERS: frozenset({ADM}),
    Permission.VIEW_AUDIT: frozenset({ADM}),
    Permission.REQUEST_ACCESS: frozenset({P, F, A}),
    Permission.DECIDE_ACCESS: frozenset({ADM}),
}

# Which purposes each role may declare when opening a map with full identities.
FULL_IDENTITY_PURPOSES: dict[Role, frozenset[Purpose]] = {
    F: frozenset({Purpose.PANEL_OVERSIGHT}),
    A: frozenset({Purpose.PANEL_OVERSIGHT, Purpose.POLICE_DISRUPTION}),
    P: frozenset({Purpose.PANEL_OVERSIGHT}),
}


class User(Model):
    """The acting user, as every service function receives it."""

    username: ShortText
    role: Role
    agency: ShortText = "Other"
    display_name: ShortText = ""
    agencies_cleared: list[ShortText] = Field(default_factory=list)


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this action (already audited)."""


def allowed(user: User, permission: Permission) -> bool:
    return user.role in ROLE_MATRIX[permission]


def authorise(
    store: GraphStore, user: User, permission: Permission, entity_ids: tuple[str, ...] = ()
) -> None:
    """Raise PermissionDenied (and audit the refusal) unless the user's role allows it."""
    if allowed(user, permission):
        return
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action=str(permission),
        entity_ids=entity_ids,
        outcome="denied",
    )
    raise PermissionDenied(
        f"a {user.role.value.replace('_', ' ')} cannot {permission.value.replace('_', ' ')}"
    )


def shows_full_identities(user: User, purpose: Purpose) -> bool:
    """Minimisation: full names of other young people only for purposes that need them."""
    return purpose in FULL_IDENTITY_PURPOSES.get(user.role, frozenset())
