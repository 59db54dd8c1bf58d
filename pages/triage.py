"""Triage queue (journey 2): each referral beside its likely matches; accept, merge or decline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from graphdb.errors import Conflict, NotFound
from mapping.services.access import Permission, allowed
from mapping.services.referrals import (
    Candidate,
    accept_referral,
    decline_referral,
    match_candidates,
    merge_referral,
    referral_children,
    referral_queue,
)
from pages import _deps, _forms
from schemas.enums import NodeLabel, ReferralKind
from schemas.nodes import SPECIAL_CATEGORY_FIELDS, display_name
from schemas.records import StoredNode
from schemas.reference import CATEGORY_NAMES, INDICATORS

FORM = "triage"
FLASH = f"{FORM}__flash"
SELECTED = f"{FORM}_selected"
MATCHES = f"{FORM}__matches"
KINDS = {
    ReferralKind.POC.value: "Person of concern",
    ReferralKind.LOCATION.value: "Place of concern",
    ReferralKind.MARVE.value: "MARVE referral",
}
LABELS = {
    NodeLabel.PERSON_OF_CONCERN: "Person of concern",
    NodeLabel.CHILD: "Young person",
    NodeLabel.LOCATION: "Place",
}
# In the order of the reference forms.
FIELD_LABELS = {
    "subject_name": "Name",
    "forename": "First name",
    "family_name": "Family name",
    "aliases": "Also known as",
    "date_of_birth": "Date of birth",
    "gender": "Gender",
    "location_type": "Type of place",
    "address": "Address",
    "addresses": "Addresses",
    "postcode": "Postcode",
    "vehicle": "Vehicle",
    "phone": "Phone",
    "referral_date": "Date of referral",
    "assessment_date": "Date of assessment",
    "referrer": "Referrer",
    "organisation": "Organisation",
    "agency": "Agency",
    "role": "Role",
    "contact": "Contact",
    "agencies_involved": "Agencies involved",
    "summary": "Summary of concerns",
    "how_known": "How known",
    "basis": "Fact or opinion",
    "grading": "Grading (3x5x2)",
    "indicators": "Indicators",
    "rag": "RAG",
    "signs_of_safety": "Signs of Safety",
    "danger_statement": "Danger statement",
    "worried_about": "What are we worried about?",
    "working_well": "What's working well?",
    "needs_to_happen": "What needs to happen?",
}
HIDDEN_FIELDS = {"referral_kind", "familial", "linked_children"}
PRIVATE_FIELDS = SPECIAL_CATEGORY_FIELDS | {"religion_impact"}
INDICATOR_TEXT = {i.key: i.text for i in INDICATORS}


def _value(key: str, value: Any) -> str:
    if key == "indicators":
        return "; ".join(INDICATOR_TEXT.get(str(v), str(v)) for v in value)
    if key == "rag" and isinstance(value, dict):
        return ", ".join(f"{CATEGORY_NAMES.get(k, k)}: {v}" for k, v in value.items())
    if isinstance(value, dict):
        return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _details(referral: StoredNode, show_private: bool) -> None:
    form = dict(referral.properties.get("form") or {})
    rows = []
    order = [*(k for k in FIELD_LABELS if k in form), *(k for k in form if k not in FIELD_LABELS)]
    for key in order:
        value = form[key]
        if key in HIDDEN_FIELDS or value in (None, "", [], {}):
            continue
        label = FIELD_LABELS.get(key, key.replace("_", " ").capitalize())
        text = _value(key, value) if show_private or key not in PRIVATE_FIELDS else "(hidden)"
        rows.append(f"**{label}:** {_forms.md_escape(text)}")
    st.markdown("  \n".join(rows))
    if not show_private and PRIVATE_FIELDS & set(form):
        st.caption("Special-category details are hidden for your role.")


def _candidate(candidate: Candidate) -> None:
    node = candidate.node
    p = node.properties
    with st.container(border=True):
        st.markdown(
            f"**{_forms.md_escape(display_name(node.label, p))}** · "
            f"{LABELS.get(node.label, node.label)} · `{node.id}` · match {candidate.score:.0%}"
        )
        st.markdown("\n".join(f"- {_forms.md_escape(r)}" for r in candidate.reasons))
        facts = [
            f"born {p['date_of_birth']}" if p.get("date_of_birth") else "",
            f"aliases: {', '.join(map(str, p['aliases']))}" if p.get("aliases") else "",
            str(p.get("postcode") or ""),
            f"review due {p['review_date']}" if p.get("review_date") else "",
        ]
        if any(facts):
            st.caption(_forms.md_escape(" · ".join(f for f in facts if f)))


def _decide(action: Callable[[], object], done: str, field: str) -> None:
    """Run one decision; on success flash `done` and refresh the queue, else say why."""

    def run() -> str:
        try:
            action()
        except (Conflict, NotFound):
            return "stale"
        except ValueError as exc:
            text = str(exc).partition(": ")[2] or str(exc)
            _forms.keep_errors(FORM, {field: text[:1].upper() + text[1:].rstrip(".") + "."})
            return "invalid"
        return "ok"

    outcome = _deps.call(run)
    if outcome == "ok":
        st.session_state[FLASH] = done
        st.session_state.pop(SELECTED, None)
        st.session_state.pop(MATCHES, None)
        _forms.clear_errors(FORM)
        st.rerun()
    elif outcome == "invalid":
        st.rerun()
    elif outcome == "stale":
        st.warning("Someone else has just decided this referral; the queue has been refreshed.")
        st.session_state.pop(SELECTED, None)


user = _deps.require_user()
st.title("Triage queue")
st.caption(
    "Every new referral is checked against existing people, aliases, vehicles, phones and "
    "places before anything is created. Accept it as a new record, link it to an existing one, "
    "or decline it with a reason the referrer will see. Each view and decision is audited."
)
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")

queue = _deps.call(lambda: referral_queue(_deps.store(), user))
if queue is None:
    st.stop()
if not queue:
    st.info(
        "No referrals are waiting for triage. New ones appear here as soon as they are submitted.",
        icon=":material/inbox:",
    )
    st.stop()

st.dataframe(
    [
        {
            "Reference": n.id,
            "Submitted": _forms.local_time(str(n.properties.get("submitted_at"))),
            "Type": KINDS.get(str(n.properties.get("referral_kind")), ""),
            "About": str(n.properties.get("subject_name", "")),
            "From": str(n.properties.get("agency") or ""),
            "Fact / opinion": str(n.properties.get("basis") or ""),
            "Grading": str(n.properties.get("grading") or "ungraded"),
        }
        for n in queue
    ],
    hide_index=True,
    width="stretch",
)
by_id = {n.id: n for n in queue}
if st.session_state.get(SELECTED) not in by_id:
    st.session_state.pop(SELECTED, None)
chosen = st.selectbox(
    "Referral to triage (oldest first)",
    list(by_id),
    format_func=lambda ref: (
        f"{ref} · {KINDS.get(str(by_id[ref].properties.get('referral_kind')), '')} · "
        f"{by_id[ref].properties.get('subject_name', '')}"
    ),
    key=SELECTED,
    on_change=_forms.clear_errors,
    args=(FORM,),
)
referral = by_id[chosen]
kind = str(referral.properties.get("referral_kind"))
store = _deps.store()
# Match (and audit the view) once per referral version, not on every rerun of the page.
seen = st.session_state.get(MATCHES)
if isinstance(seen, tuple) and seen[0] == (referral.id, referral.meta.version):
    candidates, children = seen[1], seen[2]
else:
    candidates = _deps.call(lambda: match_candidates(store, user, referral.id)) or []
    children = _deps.call(lambda: referral_children(store, user, referral.id)) or []
    st.session_state[MATCHES] = ((referral.id, referral.meta.version), candidates, children)

left, right = st.columns(2, gap="large")
with left:
    st.subheader("The referral")
    st.caption(
        f"{KINDS.get(kind, kind)} from {referral.properties.get('agency', 'unknown agency')}, "
        f"submitted {_forms.local_time(str(referral.properties.get('submitted_at')))}"
    )
    _details(referral, allowed(user, Permission.VIEW_SPECIAL_CATEGORY))
    if children:
        st.markdown(
            "**Linked young people:** "
            + ", ".join(f"{_forms.md_escape(c.label)} (`{c.id}`)" for c in children)
        )
with right:
    st.subheader("Possible matches")
    if not candidates:
        st.info(
            "No existing record matches this referral's names, aliases, date of birth, "
            "vehicle or phone. Accepting it creates a new record.",
            icon=":material/search_off:",
        )
    else:
        st.caption(
            "Ranked by how closely they match; each says why. You decide — nothing is merged automatically."
        )
    for candidate in candidates:
        _candidate(candidate)

st.subheader("Decision")
accept_col, merge_col, decline_col = st.columns(3, gap="large")
with accept_col:
    st.markdown("**Accept as a new record**")
    if kind == ReferralKind.MARVE.value:
        st.caption(
            "A MARVE referral is about a young person: link it to their existing record, "
            "or decline it. New young people are added through their profile."
        )
    else:
        st.caption(
            "Creates the person or place of concern with links to the children named, "
            "carrying the referral's provenance and a 12-week review date."
        )
    if st.button(
        "Accept as new",
        key=f"{FORM}__accept",
        type="primary",
        disabled=kind == ReferralKind.MARVE.value,
        icon=":material/person_add:",
    ):
        _decide(
            lambda: accept_referral(store, user, referral.id),
            f"{referral.id} accepted: a new record was created and linked.",
            "accept",
        )
    _forms.show_error(FORM, "accept")
with merge_col:
    st.markdown("**Link to an existing record**")
    if candidates:
        names = {c.node.id: display_name(c.node.label, c.node.properties) for c in candidates}
        target = st.radio(
            "Existing record",
            list(names),
            format_func=lambda node_id: f"{names[node_id]} ({node_id})",
            key=f"{FORM}_merge_into_{referral.id}",
        )
        if st.button("Merge into this record", key=f"{FORM}__merge", icon=":material/merge:"):
            _decide(
                lambda: merge_referral(store, user, referral.id, str(target)),
                f"{referral.id} linked to the existing record {names[str(target)]} ({target}).",
                "merge",
            )
    else:
        st.caption("No existing record to link to.")
    _forms.show_error(FORM, "merge")
with decline_col:
    st.markdown("**Decline**")
    reason = st.text_area(
        "Reason (the referrer sees it)",
        key=f"{FORM}_reason_{referral.id}",
        height=90,
        on_change=_forms.clear_field_error,
        args=(FORM, "reason"),
    )
    _forms.show_error(FORM, "reason")
    if st.button("Decline referral", key=f"{FORM}__decline", icon=":material/block:"):
        _decide(
            lambda: decline_referral(store, user, referral.id, reason),
            f"{referral.id} declined. The referrer will see your reason.",
            "reason",
        )
