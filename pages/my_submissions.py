"""My submissions: the signed-in user's own referrals and what triage decided, newest first."""

from __future__ import annotations

import streamlit as st

from mapping.services.referrals import ReferralSummary, my_referrals
from pages import _deps, _forms
from schemas.enums import ReferralKind, ReferralStatus

KINDS = {
    ReferralKind.POC.value: "Person of concern",
    ReferralKind.LOCATION.value: "Place of concern",
    ReferralKind.MARVE.value: "MARVE referral",
}


def status_text(referral: ReferralSummary) -> str:
    """What the referrer is told: the decision, never the network behind it."""
    if referral.status == ReferralStatus.SUBMITTED.value:
        return "Submitted — waiting for triage"
    if referral.status == ReferralStatus.TRIAGED.value:
        return "Being triaged"
    if referral.status == ReferralStatus.ACCEPTED.value:
        return "Accepted — a new record was created"
    if referral.status == ReferralStatus.MERGED.value:
        return "Accepted — linked to an existing record"
    if referral.status == ReferralStatus.DECLINED.value:
        return f"Declined — {referral.decision_reason or 'no reason recorded'}"
    return referral.status


user = _deps.require_user()
st.title("My submissions")
st.caption(
    "The referrals you have made, newest first, and what the triage team decided. "
    "Only you see this list."
)
mine = _deps.call(lambda: my_referrals(_deps.store(), user))
if mine is not None and not mine:
    st.info("You have not made any referrals yet.", icon=":material/inbox:")
    st.page_link(
        "pages/refer_concern.py",
        label="Refer a person or place of concern",
        icon=":material/person_alert:",
    )
    st.page_link(
        "pages/refer_marve.py",
        label="Make a MARVE risk assessment and referral",
        icon=":material/assignment:",
    )
elif mine:
    waiting = sum(r.status in ("submitted", "triaged") for r in mine)
    st.caption(
        f"{len(mine)} referral{'s' if len(mine) != 1 else ''}; {waiting} waiting for triage."
    )
    st.dataframe(
        [
            {
                "Reference": r.id,
                "Submitted": _forms.local_time(r.submitted_at),
                "Type": KINDS.get(r.kind, r.kind),
                "About": r.subject,
                "Status": status_text(r),
            }
            for r in mine
        ],
        hide_index=True,
        width="stretch",
    )
