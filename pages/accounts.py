"""Accounts (administrators): who may sign in, with which role and agency; add an account."""

from __future__ import annotations

import streamlit as st

from mapping.services.accounts import AccountError, add_account_as, list_accounts_as
from pages import _deps, _forms
from schemas.enums import Agency, Role

FORM = "accounts"
FLASH = f"{FORM}__flash"
CLEAR = f"{FORM}__clear"
FIELDS = ("username", "role", "agency", "password", "confirm")
ROLES = {
    Role.REFERRER.value: "Referrer — submits referrals, sees only their own",
    Role.PANEL_MEMBER.value: "Panel member — Places / People of Concern, panel papers",
    Role.FACILITATOR.value: "Mapping-meeting facilitator — runs mapping meetings",
    Role.ANALYST.value: "Police / intelligence analyst — explores the network, triage",
    Role.ADMIN.value: "Administrator — accounts, audit, calendar, imports",
}

user = _deps.require_user()
st.title("Accounts")
st.caption(
    "Who can sign in, with which role and agency. The role decides what each person may see "
    "and do; passwords are stored only as argon2id hashes and never shown again."
)
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")
if st.session_state.pop(CLEAR, False):
    _forms.reset(f"{FORM}_")

accounts = _deps.call(lambda: list_accounts_as(_deps.store(), user))
if accounts is not None and not accounts:
    st.info("There are no accounts yet: add the first one below.", icon=":material/group_add:")
elif accounts:
    st.dataframe(
        [
            {
                "Username": a.username,
                "Name": a.display_name,
                "Role": a.role.value.replace("_", " "),
                "Agency": a.agency,
            }
            for a in accounts
        ],
        hide_index=True,
        width="stretch",
    )

st.subheader("Add an account")
st.caption(
    "For a school's safeguarding lead, choose or type the school's name as the agency: "
    "referrers see the full names of their own organisation's pupils when linking children "
    "to a referral, and initials only for everyone else."
)
with st.form(f"{FORM}_add"):
    left, right = st.columns(2)
    with left:
        username = st.text_input(
            "Username", key=f"{FORM}_username", help="Letters, digits, '.', '_' or '-'."
        )
        _forms.show_error(FORM, "username")
        role = st.selectbox("Role", list(ROLES), format_func=ROLES.__getitem__, key=f"{FORM}_role")
        _forms.show_error(FORM, "role")
        agency = st.selectbox(
            "Agency or organisation",
            [a.value for a in Agency],
            accept_new_options=True,
            key=f"{FORM}_agency",
        )
        _forms.show_error(FORM, "agency")
    with right:
        password = st.text_input(
            "Initial password",
            type="password",
            key=f"{FORM}_password",
            help="At least 10 characters. Give it to the person through a separate channel.",
        )
        _forms.show_error(FORM, "password")
        confirm = st.text_input("Repeat the password", type="password", key=f"{FORM}_confirm")
        _forms.show_error(FORM, "confirm")
    submitted = st.form_submit_button("Add account", type="primary", icon=":material/person_add:")
_forms.show_summary(FORM, FIELDS, lead="The account was not added.")

if submitted:
    if password != confirm:
        _forms.keep_errors(FORM, {"confirm": "The two passwords are not the same."})
        st.rerun()

    def add() -> str:
        try:
            added = add_account_as(
                _deps.store(), user, username.strip(), password, Role(role), (agency or "").strip()
            )
        except AccountError as exc:
            field, _, message = str(exc).partition(": ")
            field = field if field in FIELDS else "username"
            _forms.keep_errors(FORM, {field: message[:1].upper() + message[1:] + "."})
            return ""
        return added.username

    added = _deps.call(add)
    if added:
        _forms.clear_errors(FORM)
        st.session_state[FLASH] = f"Account {added} added."
        st.session_state[CLEAR] = True
        st.rerun()
    elif added == "":
        st.rerun()
