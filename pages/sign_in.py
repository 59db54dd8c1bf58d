"""Sign-in page: local accounts (argon2id), lockout after repeated failures."""

from __future__ import annotations

import streamlit as st

from mapping.services.accounts import SignInFailed, sign_in
from pages import _deps, _state

st.title("ContextMap")
st.caption(
    "Contextual safeguarding mapping for multi-agency child-exploitation panels. "
    "Synthetic demonstration data only."
)
flash = st.session_state.pop(_state.FLASH, None)
if flash:
    st.info(flash)
with st.form("sign_in"):
    username = st.text_input("Username", key="sign_in_username")
    password = st.text_input("Password", type="password", key="sign_in_password")
    submitted = st.form_submit_button("Sign in", type="primary")
if submitted:
    try:
        user = sign_in(_deps.store(), username.strip(), password, _deps.settings())
    except SignInFailed as exc:
        st.error(str(exc).capitalize() + ".")
    else:
        _deps.sign_in(user)
        st.rerun()
st.caption(
    "Every view of a young person's record is recorded in the audit trail. "
    "Information is shared on a need-to-know basis under the panel's agreement."
)
