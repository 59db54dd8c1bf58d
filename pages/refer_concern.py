"""Person / Location of Concern referral (journey 1): the reference form plus links and grading."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

import streamlit as st

from mapping.services.referrals import lookup_children, submit_concern_referral
from pages import _deps, _forms
from schemas.enums import Agency, Basis, LocationType, ReferralKind
from schemas.forms import ConcernReferralForm
from schemas.reference import FAMILIAL_ABUSE_REFUSAL, POC_DEFINITION

FORM = "concern"
DONE = f"{FORM}__done"
CHILD_LABELS = f"{FORM}__child_labels"
CHILD_RESULTS = f"{FORM}__child_results"
OLDEST = date(1900, 1, 1)

KIND_LABELS = {
    ReferralKind.POC.value: "A person",
    ReferralKind.LOCATION.value: "A place (location)",
}
LOCATION_TYPE_LABELS = {
    LocationType.FAST_FOOD.value: "Fast-food outlet",
    LocationType.SHOP.value: "Shop",
    LocationType.PARK.value: "Park / open space",
    LocationType.TRANSPORT_HUB.value: "Transport hub",
    LocationType.SCHOOL.value: "School / college",
    LocationType.RESIDENTIAL.value: "Residential address",
    LocationType.TRAP_HOUSE.value: "Trap house / cuckooed address",
    LocationType.HOTEL.value: "Hotel / B&B",
    LocationType.LICENSED_PREMISES.value: "Licensed premises",
    LocationType.ONLINE.value: "Online space",
    LocationType.OTHER.value: "Other",
}
BASIS_LABELS = {
    Basis.FACT.value: "Fact — I saw or heard it myself, or it is recorded",
    Basis.OPINION.value: "Opinion — my professional view, or what someone else told me",
}

user = _deps.require_user()
st.title("Refer a person or place of concern")
st.caption(
    "For any professional worried that an adult, an older young person or a place is putting "
    "children at risk of exploitation. The panel's triage team checks every referral against "
    "existing records before anything is added; you get a reference number and can follow it "
    "in My submissions."
)

shown: list[str] = []


def _err(field: str) -> None:
    shown.append(field)
    _forms.show_error(FORM, field)


def _edit(field: str) -> dict[str, Any]:
    """Widget keyword arguments: a stable key and clearing the field's error on change."""
    return {
        "key": f"{FORM}_{field}",
        "on_change": _forms.clear_field_error,
        "args": (FORM, field),
    }


def _child_options(results: list[tuple[str, str]]) -> list[str]:
    """Chosen children stay listed while the search changes; labels stay unique."""
    labels: dict[str, str] = dict(st.session_state.get(CHILD_LABELS, {}))
    for child_id, label in results:
        if child_id not in labels:
            taken = set(labels.values())
            unique, n = label, 2
            while unique in taken:
                unique, n = f"{label} ({n})", n + 1
            labels[child_id] = unique
    st.session_state[CHILD_LABELS] = labels
    chosen = [c for c in st.session_state.get(f"{FORM}_linked_children", []) if c in labels]
    return list(dict.fromkeys([*chosen, *(child_id for child_id, _ in results)]))


done = st.session_state.get(DONE)
if isinstance(done, dict):
    st.success(
        f"Referral received. Your reference number is **{done['reference']}**. "
        "It has been saved and is waiting for triage.",
        icon=":material/check_circle:",
    )
    st.write(
        "Keep the reference for your records. If a child is in immediate danger, call 999; "
        "for a child-protection concern contact the children's services front door now."
    )
    st.page_link(
        "pages/my_submissions.py",
        label="Follow its progress in My submissions",
        icon=":material/inbox:",
    )
    st.button(
        "Make another referral",
        key=f"{FORM}__again",
        on_click=_forms.reset,
        args=(FORM,),
        icon=":material/add:",
    )
    st.stop()

kind = st.radio(
    "Who or what is the referral about?",
    list(KIND_LABELS),
    format_func=KIND_LABELS.__getitem__,
    horizontal=True,
    help=POC_DEFINITION,
    **_edit("referral_kind"),
)
is_person = kind == ReferralKind.POC.value
familial = False
if is_person:
    st.caption(POC_DEFINITION)
    familial = st.checkbox(
        "Is this person a family member of the child?",
        help="Familial abuse is not referred here: it goes through the child-protection route.",
        **_edit("familial"),
    )
    if familial:
        st.error(
            "**This referral cannot be made here — please use the child-protection route.**\n\n"
            + FAMILIAL_ABUSE_REFUSAL,
            icon=":material/front_hand:",
        )
    _err("familial")

st.subheader("The referral")
left, right = st.columns(2)
with left:
    referral_date = st.date_input(
        "Date of referral",
        value=date.today(),
        max_value=date.today(),
        format="DD/MM/YYYY",
        **_edit("referral_date"),
    )
    _err("referral_date")
    referrer = st.text_input("Referrer (your name)", value=user.display_name, **_edit("referrer"))
    _err("referrer")
with right:
    organisation = st.text_input("Organisation", value=user.agency, **_edit("organisation"))
    _err("organisation")
    agencies = st.multiselect(
        "Agencies involved",
        [a.value for a in Agency],
        accept_new_options=True,
        placeholder="Choose or type agencies already involved",
        **_edit("agencies_involved"),
    )
    _err("agencies_involved")

st.subheader("About the person" if is_person else "About the place")
left, right = st.columns(2)
data: dict[str, Any] = {}
with left:
    subject_name = st.text_input(
        "Name of person" if is_person else "Name of location",
        help=(
            "If you do not know their name, describe them (e.g. 'unknown male, about 25') "
            "and give any name they use below."
            if is_person
            else "The name people use for the place, e.g. the shop's name or 'the underpass'."
        ),
        **_edit("subject_name"),
    )
    _err("subject_name")
    if is_person:
        aliases = st.text_input(
            "Also known as (aliases, nicknames)",
            placeholder="Separate several with commas",
            **_edit("aliases"),
        )
        _err("aliases")
        dob = st.date_input(
            "Date of birth (if known)",
            value=None,
            min_value=OLDEST,
            max_value=date.today(),
            format="DD/MM/YYYY",
            **_edit("date_of_birth"),
        )
        _err("date_of_birth")
        ethnicity = st.text_input("Ethnicity", **_edit("ethnicity"))
        _err("ethnicity")
        data.update(aliases=_forms.split_list(aliases), date_of_birth=dob)
        data.update(ethnicity=_forms.optional(ethnicity))
    else:
        location_type = st.selectbox(
            "Type of place",
            list(LOCATION_TYPE_LABELS),
            format_func=LOCATION_TYPE_LABELS.__getitem__,
            **_edit("location_type"),
        )
        _err("location_type")
        data.update(location_type=location_type)
with right:
    address = st.text_input("Home address" if is_person else "Location address", **_edit("address"))
    _err("address")
    if is_person:
        language = st.text_input("Language", **_edit("language"))
        _err("language")
        vehicle = st.text_input(
            "Vehicle registration", placeholder="e.g. AB12 CDE", **_edit("vehicle")
        )
        _err("vehicle")
        phone = st.text_input("Phone number", **_edit("phone"))
        _err("phone")
        data.update(
            language=_forms.optional(language),
            vehicle=_forms.optional(vehicle),
            phone=_forms.optional(phone),
        )
    else:
        postcode = st.text_input("Postcode", **_edit("postcode"))
        _err("postcode")
        data.update(postcode=_forms.optional(postcode))

st.subheader("Children linked to this concern")
st.caption(
    "Search by name and choose each child this concerns. You see full names only of children "
    "at your own organisation; others show as initials and year of birth — enough to link "
    "them, nothing more."
)
search = st.text_input(
    "Search for a child by name",
    placeholder="Type at least two letters, then press Enter",
    key=f"{FORM}__child_search",
)
results: list[tuple[str, str]] = []
if len(search.strip()) >= 2:
    # Search (and audit the search) once per text typed, not on every rerun of the page.
    cached = st.session_state.get(CHILD_RESULTS)
    if isinstance(cached, tuple) and cached[0] == search.strip():
        found: list[tuple[str, str]] | None = cached[1]
    else:
        hits = _deps.call(lambda: lookup_children(_deps.store(), user, search))
        found = None if hits is None else [(c.id, c.label) for c in hits]
        if found is not None:
            st.session_state[CHILD_RESULTS] = (search.strip(), found)
    results = found or []
    if found is not None and not results:
        st.caption(
            "No child found with a name starting like that. You can describe the child in "
            "the summary instead."
        )
    elif results:
        st.caption(
            f"Found {len(results)}: "
            + ", ".join(_forms.md_escape(label) for _, label in results)
            + ". Choose them in the box below."
        )
options = _child_options(results)
linked = st.multiselect(
    "Linked children",
    options,
    format_func=lambda child_id: st.session_state[CHILD_LABELS].get(child_id, child_id),
    placeholder="Search above, then choose" if not options else "Choose the children",
    **_edit("linked_children"),
)
_err("linked_children")

st.subheader("What you know")
summary = st.text_area(
    "Summary of concerns, including dates and how you know this information",
    height=160,
    placeholder="What you have seen or been told, when (dates), and who was involved.",
    **_edit("summary"),
)
_err("summary")
how_known = st.text_input(
    "How do you know this?",
    placeholder="e.g. my own observation at the school gate on 3 and 17 November",
    **_edit("how_known"),
)
_err("how_known")
basis = st.radio(
    "Is this fact or opinion?",
    list(BASIS_LABELS),
    format_func=BASIS_LABELS.__getitem__,
    index=None,
    help="The panel's information-sharing agreement needs fact and opinion kept apart.",
    **_edit("basis"),
)
_err("basis")
grading = _forms.grading_inputs(FORM)
_err("grading")

st.divider()
submit = st.button(
    "Submit referral",
    type="primary",
    key=f"{FORM}__submit",
    disabled=familial,
    icon=":material/send:",
)
if familial:
    st.caption(
        "Submitting is switched off: familial abuse goes through the child-protection route."
    )
_forms.show_summary(FORM, shown)

if submit:
    data.update(
        referral_kind=kind,
        referral_date=referral_date,
        subject_name=subject_name,
        referrer=referrer,
        organisation=organisation,
        agencies_involved=agencies,
        address=_forms.optional(address),
        summary=summary,
        how_known=how_known,
        linked_children=linked,
        basis=basis,
        grading=grading,
        familial=familial,
    )
    form, found_errors = _forms.validate(ConcernReferralForm, data)
    if form is None:
        _forms.keep_errors(FORM, found_errors)
        st.rerun()
    else:
        reference = _deps.call(partial(submit_concern_referral, _deps.store(), user, form))
        if reference is not None:
            _forms.clear_errors(FORM)
            st.session_state[DONE] = {"reference": reference, "subject": form.subject_name}
            st.rerun()
