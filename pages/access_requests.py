"""Admin: requests to see records restricted to other agencies — grant or refuse (audited)."""

from __future__ import annotations

import streamlit as st

from mapping.services.lockdown import decide_access, pending_requests
from pages import _deps

user = _deps.require_user()
st.title("Access requests")
st.caption(
    'Some records are restricted to named agencies; others see only "known to agencies X, Y — '
    'request access". Each request and decision is kept and recorded in the audit trail.'
)
requests = _deps.call(lambda: pending_requests(_deps.store(), user))
if requests is None:
    st.stop()
if not requests:
    st.info("No access requests are waiting.", icon=":material/inbox:")
    st.stop()
for request in requests:
    key = f"{request['node_id']}|{request['username']}"
    with st.container(border=True):
        st.markdown(
            f"**{request['username']}** ({request['agency']}) asks to see record "
            f"`{request['node_id']}` — requested {request['requested_at']}"
        )
        st.text(str(request["reason"]))
        note = st.text_input("Note for the record", key=f"note_{key}")
        grant, refuse = st.columns(2)
        if grant.button("Grant", key=f"grant_{key}", type="primary"):
            _deps.call(
                lambda k=key, n=note: decide_access(_deps.store(), user, k, grant=True, note=n)
            )
            st.rerun()
        if refuse.button("Refuse", key=f"refuse_{key}"):
            _deps.call(
                lambda k=key, n=note: decide_access(_deps.store(), user, k, grant=False, note=n)
            )
            st.rerun()
