"""MARVE risk assessment and referral: the young person, indicators, RAG, Signs of Safety, plan."""

from __future__ import annotations

import textwrap
from datetime import date
from functools import partial
from typing import Any

import streamlit as st

from mapping.services.referrals import submit_marve_referral
from pages import _deps, _forms
from schemas.enums import Category
from schemas.forms import MarveReferralForm
from schemas.reference import (
    CATEGORY_NAMES,
    INDICATOR_CHECKLIST_NOTE,
    INDICATORS,
    RAG_FROM_REFERENCE,
    RAG_GUIDANCE,
    RAG_LEVELS,
    RAG_TOOL_NOTES,
    SIGNS_OF_SAFETY_SCALES,
)

FORM = "marve"
DONE = f"{FORM}__done"
NOT_RATED = "not rated"
GUIDANCE_LABEL = "Guidance from the MARVE RAG tool — professional judgement sets the rating"
RAG_LABELS = {NOT_RATED: "Not rated", "low": "Low", "medium": "Medium", "high": "High"}
GENDERS = ["Female", "Male", "Non-binary"]

user = _deps.require_user()
st.title("MARVE risk assessment and referral")
st.caption(
    "Refer a young person at risk of exploitation to the MARVE panel (Multi-Agency Risk, "
    "Vulnerability and Exploitation). Referrals are accepted until 2 pm on the Monday nine "
    "working days before the panel. The RAG examples are guidance only: your professional "
    "judgement sets each rating."
)

shown: list[str] = []


def _err(field: str) -> None:
    shown.append(field)
    _forms.show_error(FORM, field)


def _edit(field: str, key: str | None = None) -> dict[str, Any]:
    return {
        "key": f"{FORM}_{key or field}",
        "on_change": _forms.clear_field_error,
        "args": (FORM, field),
    }


def _optional_date(label: str, field: str, **kwargs: Any) -> date | None:
    value = st.date_input(label, value=None, format="DD/MM/YYYY", **kwargs, **_edit(field))
    _err(field)
    return value if isinstance(value, date) else None


done = st.session_state.get(DONE)
if isinstance(done, dict):
    st.success(
        f"MARVE referral received. Your reference number is **{done['reference']}**. "
        "It has been saved and will be considered for the next panel.",
        icon=":material/check_circle:",
    )
    st.write(
        "If the young person is in immediate danger, call 999; for a child-protection "
        "concern contact the children's services front door now."
    )
    st.page_link(
        "pages/my_submissions.py",
        label="Follow its progress in My submissions",
        icon=":material/inbox:",
    )
    st.button(
        "Start another assessment",
        key=f"{FORM}__again",
        on_click=_forms.reset,
        args=(FORM,),
        icon=":material/add:",
    )
    st.stop()

data: dict[str, Any] = {}

st.subheader("1. About you")
left, right = st.columns(2)
with left:
    data["referrer"] = st.text_input(
        "Referrer (your name)", value=user.display_name, **_edit("referrer")
    )
    _err("referrer")
    data["role"] = st.text_input("Your role", **_edit("role"))
    _err("role")
with right:
    data["agency"] = st.text_input("Agency", value=user.agency, **_edit("agency"))
    _err("agency")
    data["contact"] = st.text_input("Contact (phone or secure email)", **_edit("contact"))
    _err("contact")
left, right = st.columns(2)
with left:
    data["assessment_date"] = st.date_input(
        "Date of assessment",
        value=date.today(),
        max_value=date.today(),
        format="DD/MM/YYYY",
        **_edit("assessment_date"),
    )
    _err("assessment_date")
with right:
    data["referral_date"] = st.date_input(
        "Date of referral",
        value=date.today(),
        max_value=date.today(),
        format="DD/MM/YYYY",
        **_edit("referral_date"),
    )
    _err("referral_date")

st.subheader("2. The young person")
left, right = st.columns(2)
with left:
    data["forename"] = st.text_input("First name", **_edit("forename"))
    _err("forename")
    aliases = st.text_input(
        "Alias / known as", placeholder="Separate several with commas", **_edit("aliases")
    )
    _err("aliases")
    data["date_of_birth"] = st.date_input(
        "Date of birth",
        value=None,
        min_value=date(date.today().year - 26, 1, 1),
        max_value=date.today(),
        format="DD/MM/YYYY",
        help="Under 18, or a care leaver / young person with an EHCP up to 25.",
        **_edit("date_of_birth"),
    )
    _err("date_of_birth")
    data["gender"] = st.selectbox(
        "Gender",
        GENDERS,
        index=None,
        accept_new_options=True,
        placeholder="Choose or type",
        **_edit("gender"),
    )
    _err("gender")
    data["language"] = st.text_input("Language", **_edit("language"))
    _err("language")
    data["religion"] = st.text_input("Religion", **_edit("religion"))
    _err("religion")
    data["disability_sen"] = st.text_input(
        "Disability / special educational needs", **_edit("disability_sen")
    )
    _err("disability_sen")
    data["education"] = st.text_input(
        "Education (school or college, attendance)", **_edit("education")
    )
    _err("education")
with right:
    data["family_name"] = st.text_input("Family name", **_edit("family_name"))
    _err("family_name")
    addresses = st.text_area(
        "Address(es)", height=80, placeholder="One per line", **_edit("addresses")
    )
    _err("addresses")
    data["sexual_orientation"] = st.text_input("Sexual orientation", **_edit("sexual_orientation"))
    _err("sexual_orientation")
    data["ethnicity"] = st.text_input("Ethnicity", **_edit("ethnicity"))
    _err("ethnicity")
    data["religion_impact"] = st.text_input(
        "Impact of religion on the young person", **_edit("religion_impact")
    )
    _err("religion_impact")
    data["case_status"] = st.text_input(
        "Case status (e.g. child in need, child protection, looked after)",
        **_edit("case_status"),
    )
    _err("case_status")
    data["gang_affiliated"] = st.checkbox("Gang affiliated", **_edit("gang_affiliated"))
    _err("gang_affiliated")

st.subheader("3. Indicator check list")
st.caption(f"Tick every indicator that applies. {INDICATOR_CHECKLIST_NOTE}")
columns = st.columns(2)
ticked: list[str] = []
half = (len(INDICATORS) + 1) // 2
for n, indicator in enumerate(INDICATORS):
    with columns[0 if n < half else 1]:
        # Checkbox labels do not wrap (long ones are cut off), so break the lines here.
        label = "  \n".join(_forms.md_escape(line) for line in textwrap.wrap(indicator.text, 56))
        if st.checkbox(label, **_edit("indicators", f"ind_{indicator.key}")):
            ticked.append(indicator.key)
_err("indicators")

st.subheader("4. Risk rating (RAG) per category")
st.caption(
    "Rate each category that applies; leave the others not rated. At least one rating is "
    "needed. The examples are the MARVE RAG tool's — a guide, not a score."
)
with st.expander("About the MARVE RAG tool"):
    for note in RAG_TOOL_NOTES:
        st.markdown(f"- {note}")
_err("rag")
rag: dict[str, str] = {}
for category in Category:
    pick, guide = st.columns([2, 3])
    rating = pick.selectbox(
        CATEGORY_NAMES[category.value],
        list(RAG_LABELS),
        format_func=RAG_LABELS.__getitem__,
        **_edit("rag", f"rag_{category.value}"),
    )
    if rating != NOT_RATED:
        rag[category.value] = rating
    with guide.expander(GUIDANCE_LABEL):
        if category.value not in RAG_FROM_REFERENCE:
            st.caption("The reference gives no examples for this category; these are ContextMap's.")
        for level in RAG_LEVELS:
            st.markdown(f"**{RAG_LABELS[level]}**")
            st.markdown("\n".join(f"- {example}" for example in RAG_GUIDANCE[category][level]))

st.subheader("5. Signs of Safety scales")
young_person = (data.get("forename") or "").strip() or "the young person"
_err("signs_of_safety")
scales: dict[str, int] = {}
for key, text in SIGNS_OF_SAFETY_SCALES:
    heading, _, explanation = text.partition(": ")
    st.markdown(f"**{heading}**")
    st.caption(explanation.replace("(YP)", _forms.md_escape(young_person)))
    value = st.select_slider(
        heading,
        options=[NOT_RATED, *range(11)],
        format_func=lambda v: "Not rated" if v == NOT_RATED else str(v),
        label_visibility="collapsed",
        **_edit("signs_of_safety", f"sos_{key}"),
    )
    if value != NOT_RATED:
        scales[key] = int(value)

st.subheader("6. Assessment and plan")
data["danger_statement"] = st.text_area(
    "Danger statement",
    height=100,
    help="What the professionals are worried will happen to the young person if nothing changes.",
    **_edit("danger_statement"),
)
_err("danger_statement")
data["worried_about"] = st.text_area(
    "What are we worried about?", height=120, **_edit("worried_about")
)
_err("worried_about")
data["working_well"] = st.text_area(
    "What's working well?",
    height=100,
    help="Strengths and protective factors: trusted adults, safe places, positive peers.",
    **_edit("working_well"),
)
_err("working_well")
data["needs_to_happen"] = st.text_area(
    "What needs to happen?", height=100, **_edit("needs_to_happen")
)
_err("needs_to_happen")
left, right = st.columns(2)
with left:
    data["strategy_meeting_date"] = _optional_date(
        "Date of strategy meeting (if held)", "strategy_meeting_date"
    )
with right:
    data["nrm_referral"] = _optional_date(
        "NRM referral made on (leave empty if none)",
        "nrm_referral",
        max_value=date.today(),
    )

st.divider()
submit = st.button(
    "Submit MARVE referral", type="primary", key=f"{FORM}__submit", icon=":material/send:"
)
_forms.show_summary(FORM, shown)

if submit:
    for field in (
        "family_name",
        "sexual_orientation",
        "language",
        "ethnicity",
        "religion",
        "religion_impact",
        "disability_sen",
        "education",
        "case_status",
        "danger_statement",
        "working_well",
        "needs_to_happen",
    ):
        data[field] = _forms.optional(data[field])
    data.update(
        aliases=_forms.split_list(aliases),
        addresses=[line.strip() for line in addresses.splitlines() if line.strip()],
        indicators=ticked,
        rag=rag,
        signs_of_safety=scales,
    )
    form, found_errors = _forms.validate(MarveReferralForm, data)
    if form is None:
        _forms.keep_errors(FORM, found_errors)
        st.rerun()
    else:
        reference = _deps.call(partial(submit_marve_referral, _deps.store(), user, form))
        if reference is not None:
            _forms.clear_errors(FORM)
            st.session_state[DONE] = {"reference": reference}
            st.rerun()
