"""ContextMap entry point: page config, sign-in, role-aware navigation. No work at import time."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from mapping.services.access import Permission, allowed
from pages import _deps, _state

HERE = Path(__file__).resolve().parent

# (section, file, title, icon, permission that makes the page appear)
PAGES: list[tuple[str, str, str, str, Permission | None]] = [
    ("ContextMap", "pages/home.py", "Home", ":material/home:", None),
    (
        "Referrals",
        "pages/refer_concern.py",
        "Refer a person or place of concern",
        ":material/person_alert:",
        Permission.SUBMIT_REFERRAL,
    ),
    (
        "Referrals",
        "pages/refer_marve.py",
        "MARVE risk assessment and referral",
        ":material/assignment:",
        Permission.SUBMIT_REFERRAL,
    ),
    (
        "Referrals",
        "pages/my_submissions.py",
        "My submissions",
        ":material/inbox:",
        Permission.VIEW_OWN_REFERRALS,
    ),
    (
        "Referrals",
        "pages/triage.py",
        "Triage queue",
        ":material/fact_check:",
        Permission.TRIAGE_REFERRALS,
    ),
    (
        "Panel",
        "pages/places_people.py",
        "Places / People of Concern",
        ":material/map:",
        Permission.VIEW_AGENDA,
    ),
    ("Panel", "pages/meetings.py", "Meetings", ":material/groups:", Permission.RUN_MEETING),
    (
        "Panel",
        "pages/governance.py",
        "Governance report",
        ":material/bar_chart:",
        Permission.GOVERNANCE_REPORT,
    ),
    (
        "Analysis",
        "pages/explorer.py",
        "Network explorer",
        ":material/hub:",
        Permission.EXPLORE_NETWORK,
    ),
    (
        "Analysis",
        "pages/child_profile.py",
        "Young person's profile",
        ":material/badge:",
        Permission.VIEW_CHILD_PROFILE,
    ),
    (
        "Admin",
        "pages/accounts.py",
        "Accounts",
        ":material/manage_accounts:",
        Permission.MANAGE_USERS,
    ),
    ("Admin", "pages/audit_log.py", "Audit trail", ":material/policy:", Permission.VIEW_AUDIT),
    (
        "Admin",
        "pages/access_requests.py",
        "Access requests",
        ":material/lock_open:",
        Permission.DECIDE_ACCESS,
    ),
]


def main() -> None:
    st.set_page_config(
        page_title="ContextMap", page_icon=str(HERE / "static" / "contextmap.png"), layout="wide"
    )
    user = _deps.current_user()
    if user is None:
        nav = st.navigation(
            [
                st.Page(
                    str(HERE / "pages" / "sign_in.py"),
                    title="Sign in",
                    icon=":material/login:",
                    default=True,
                )
            ]
        )
        nav.run()
        return
    sections: dict[str, list[st.Page]] = {}
    for section, file, title, icon, permission in PAGES:
        if permission is not None and not allowed(user, permission):
            continue
        if not (HERE / file).exists():
            continue
        sections.setdefault(section, []).append(
            st.Page(str(HERE / file), title=title, icon=icon, default=file.endswith("home.py"))
        )
    with st.sidebar:
        st.caption(
            f"Signed in as **{user.display_name or user.username}** · "
            f"{user.role.value.replace('_', ' ')} · {user.agency}"
        )
        if st.button("Sign out", icon=":material/logout:", key="sign_out"):
            _deps.sign_out()
            st.rerun()
    flash = st.session_state.pop(_state.FLASH, None)
    if flash:
        st.toast(flash)
    st.navigation(sections).run()


main()
