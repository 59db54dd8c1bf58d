"""Mapping-meeting mode: the cohort and its map, and adding links, sightings, places and people
live, each attributed to the agency that said it (fact / opinion, grading)."""

from __future__ import annotations

import streamlit as st

from mapping.meetings import live, lookup, sessions
from pages import _forms
from pages._meeting_common import Ctx, K, child_line, run
from pages._meeting_review import restate_block, suggestions_block
from schemas.enums import (
    Agency,
    AssociationKind,
    Basis,
    ConcernKind,
    LinkType,
    LocationType,
    NodeLabel,
    ProtectiveKind,
)

KINDS = {
    LinkType.ASSOCIATES_WITH: [k.value for k in AssociationKind],
    LinkType.CONCERN_FOR: [k.value for k in ConcernKind],
    LinkType.PROTECTIVE_FOR: [k.value for k in ProtectiveKind],
}


def contribution(ctx: Ctx, m: sessions.MeetingView) -> live.Contribution:
    st.markdown("**Who is saying this?** Each addition is attributed to this agency.")
    cols = st.columns([2, 1, 2])
    present = list(dict.fromkeys([a["agency"] for a in m.attendees] + [a.value for a in Agency]))
    agency = cols[0].selectbox("Contributing agency", present, key=f"{K}_agency")
    basis = cols[1].radio(
        "Fact or opinion",
        [Basis.FACT.value, Basis.OPINION.value],
        index=1,
        key=f"{K}_basis",
        horizontal=True,
    )
    note = cols[2].text_input(
        "How is this known?", key=f"{K}_note", placeholder="e.g. return interview"
    )
    grading = _forms.grading_inputs(K)
    return live.Contribution(agency, basis, grading, _forms.optional(note))


def picker(ctx: Ctx, label: str, options: list[lookup.Found], key: str) -> str | None:
    """A select over the records around the cohort, widened by a search box."""
    cols = st.columns([1, 2])
    query = cols[0].text_input(
        f"Search ({label.lower()})", key=f"{key}_q", placeholder="2+ letters"
    )
    extra = run(lambda: lookup.find_records(ctx.store, ctx.user, query)) or [] if query else []
    merged = {f.id: f for f in [*extra, *options]}
    return cols[1].selectbox(
        label,
        list(merged),
        format_func=lambda i: merged[i].text,
        key=key,
        index=None,
        placeholder="Choose…",
    )


def mapping_tab(ctx: Ctx, m: sessions.MeetingView) -> None:
    cohort = run(lambda: lookup.cohort_in_order(ctx.store, ctx.user, m.id)) or []
    st.markdown("**Young people discussed** — in discussion order: victim first")
    for n, c in enumerate(cohort, 1):
        st.markdown(child_line(n, c))
    if not cohort:
        st.info("No young people on this meeting yet. Find them below to add them.")
    if m.is_open:
        cols = st.columns([1, 2, 1], vertical_alignment="bottom")
        q = cols[0].text_input("Find a young person", key=f"{K}_cq", placeholder="name or alias")
        hits = (
            run(lambda: lookup.find_records(ctx.store, ctx.user, q, labels=[NodeLabel.CHILD])) or []
            if q
            else []
        )
        pick = cols[1].multiselect(
            "Add to this meeting",
            [h.id for h in hits],
            format_func=lambda i: next(h.text for h in hits if h.id == i),
            key=f"{K}_cpick",
        )
        if cols[2].button("Add", key=f"{K}_cadd", disabled=not pick):
            run(
                lambda: sessions.add_to_cohort(ctx.store, ctx.user, m.id, pick),
                "Added to the meeting.",
            )
    png = run(lambda: lookup.map_png(ctx.store, ctx.user, m.id))
    if png and cohort:
        st.image(
            png,
            caption="The cohort (ringed) and their direct links. Dashed: opinion or "
            "ungraded. Orange: added in this meeting.",
        )
    if not m.is_open:
        return
    if not ctx.may_map:
        st.info(
            "Adding to the map needs a facilitator or analyst account; you can record "
            "attendees, decisions, actions and minutes."
        )
        return
    st.subheader("Add to the map")
    said = contribution(ctx, m)
    around = run(lambda: lookup.records_named(ctx.store, ctx.user, m.id)) or []
    what = st.radio(
        "What to add", ["Link", "Sighting", "Place", "Person"], horizontal=True, key=f"{K}_what"
    )
    if what == "Link":
        source = picker(ctx, "From", around, f"{K}_lsrc")
        kinds = {t: str(t).replace("_", " ").lower() for t in live.MEETING_LINK_TYPES}
        cols = st.columns(2)
        ltype = cols[0].selectbox(
            "Link", list(kinds), format_func=kinds.__getitem__, key=f"{K}_ltype"
        )
        kind = cols[1].selectbox("Kind", KINDS.get(ltype, ["—"]), key=f"{K}_lkind")
        target = picker(ctx, "To", around, f"{K}_ltgt")
        if st.button(
            "Add the link", type="primary", key=f"{K}_ladd", disabled=not (source and target)
        ):
            run(
                lambda: live.add_link(
                    ctx.store,
                    ctx.user,
                    m.id,
                    link_type=ltype,
                    source=source or "",
                    target=target or "",
                    contribution=said,
                    kind=None if kind == "—" else kind,
                ),
                "Link added.",
            )
    elif what == "Sighting":
        person = picker(ctx, "Who was seen", around, f"{K}_sp")
        place = picker(
            ctx, "Where", [f for f in around if f.label == NodeLabel.LOCATION], f"{K}_spl"
        )
        seen = st.date_input("When", value=m.held_on, format="DD/MM/YYYY", key=f"{K}_sd")
        if st.button(
            "Add the sighting", type="primary", key=f"{K}_sadd", disabled=not (person and place)
        ):
            run(
                lambda: live.add_sighting(
                    ctx.store,
                    ctx.user,
                    m.id,
                    person_id=person or "",
                    place_id=place or "",
                    seen_on=seen,
                    contribution=said,
                ),
                "Sighting added.",
            )
    elif what == "Place":
        with st.form(f"{K}_place", clear_on_submit=True):
            name = st.text_input("Name of the place", placeholder="e.g. the station underpass")
            cols = st.columns(3)
            ltype = cols[0].selectbox(
                "Type",
                [t.value for t in LocationType],
                index=list(LocationType).index(LocationType.OTHER),
                format_func=lambda v: v.replace("_", " "),
            )
            postcode, borough = cols[1].text_input("Postcode"), cols[2].text_input("Borough")
            add = st.form_submit_button("Add the place", type="primary")
        if add:
            run(
                lambda: live.add_place(
                    ctx.store,
                    ctx.user,
                    m.id,
                    name=name,
                    location_type=ltype,
                    postcode=postcode,
                    borough=borough,
                    contribution=said,
                ),
                "Place added.",
            )
    else:
        with st.form(f"{K}_person", clear_on_submit=True):
            cols = st.columns(3)
            fore, family = cols[0].text_input("First name"), cols[1].text_input("Family name")
            role = cols[2].selectbox(
                "Who",
                [NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN],
                format_func=lookup.LABEL_WORDS.__getitem__,
            )
            add = st.form_submit_button("Add the person", type="primary")
        if add:
            run(
                lambda: live.add_person(
                    ctx.store,
                    ctx.user,
                    m.id,
                    label=role,
                    forename=fore,
                    family_name=family,
                    contribution=said,
                ),
                "Person added.",
            )
    suggestions_block(ctx, m, said)
    restate_block(ctx, m, said)
