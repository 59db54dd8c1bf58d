"""Landing page: what is in the store, and where each role starts."""

from __future__ import annotations

import streamlit as st

from mapping.services.access import Permission, allowed
from mapping.services.overview import store_overview
from pages import _deps

user = _deps.require_user()
st.title("ContextMap")
st.caption("Contextual safeguarding mapping · synthetic demonstration data")
overview = _deps.call(lambda: store_overview(_deps.store(), user))
if overview is not None:
    cols = st.columns(5)
    for col, (label, value) in zip(cols, overview.headline.items(), strict=False):
        col.metric(label, f"{value:,}")
if allowed(user, Permission.MANAGE_ACTIONS):
    from datetime import date

    from mapping.meetings.actions import my_actions

    actions = _deps.call(lambda: my_actions(_deps.store(), user))
    if actions:
        today = date.today()
        late = sum(1 for a in actions if a.overdue(today))
        st.subheader("Your open actions")
        if late:
            st.warning(f"{late} of your actions are overdue.", icon=":material/schedule:")
        st.dataframe(
            [
                {
                    "Action": a.text,
                    "About": a.about,
                    "Due": a.due_date.isoformat() if a.due_date else "",
                    "Overdue": "yes" if a.overdue(today) else "",
                    "Review": a.review_date.isoformat() if a.review_date else "",
                }
                for a in actions
            ],
            hide_index=True,
            width="stretch",
        )
st.subheader("Where to start")
starts = [
    (Permission.SUBMIT_REFERRAL, "pages/refer_concern.py", "Refer a person or place of concern"),
    (Permission.TRIAGE_REFERRALS, "pages/triage.py", "Triage new referrals"),
    (
        Permission.VIEW_AGENDA,
        "pages/places_people.py",
        "Prepare the Places / People of Concern item",
    ),
    (Permission.EXPLORE_NETWORK, "pages/explorer.py", "Explore the association network"),
    (Permission.VIEW_AUDIT, "pages/audit_log.py", "Review the audit trail"),
]
for permission, page, label in starts:
    if allowed(user, permission):
        try:
            st.page_link(page, label=label)
        except Exception:  # the page is not in this build yet; say so instead of failing
            st.caption(f"{label} (coming soon)")
