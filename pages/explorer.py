"""Network explorer (analysts; journey 3): purpose first, then search, ego network, paths, export."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from graphdb import SearchField
from graphdb.errors import NotFound
from mapping.services.access import Permission, allowed
from mapping.services.explore import (
    SearchHit,
    TooManyNeighbours,
    ego_view,
    paths_between,
    search_people,
)
from mapping.services.explore_export import export_view
from mapping.services.view_graph import bridges
from mapping.services.views import NetworkView, full_identities
from pages import _deps, _forms, _state
from pages._graphview import render_network_html, show_network
from schemas.enums import MINIMISED_PURPOSES, Purpose

KEY = "explorer"
PURPOSES = {
    Purpose.SAFETY_PLANNING.value: "Safety planning with the young person",
    Purpose.COORDINATING.value: "Coordinating work with linked young people",
    Purpose.PANEL_OVERSIGHT.value: "Panel oversight",
    Purpose.POLICE_DISRUPTION.value: "Police disruption",
}
FIELDS = {
    SearchField.ANY: "Name, alias, phone or vehicle",
    SearchField.NAME: "Name",
    SearchField.ALIAS: "Alias",
    SearchField.PHONE: "Phone",
    SearchField.VEHICLE: "Vehicle",
}
KINDS = {"Child": "young person", "PersonOfConcern": "person of concern"}


def _search(label: str, key: str) -> str | None:
    """A search box and a pick-list of hits; returns the chosen record id."""
    left, mid = st.columns([3, 2])
    text = left.text_input(
        label, key=f"{key}_text", placeholder="e.g. Deano, 07700 900417, SF53 DNR"
    )
    field = mid.selectbox(
        "Search in", list(FIELDS), format_func=FIELDS.__getitem__, key=f"{key}_field"
    )
    if len(text.strip()) < 2:
        return None
    asked = (text.strip(), str(field), purpose.value)
    cached = st.session_state.get(f"{key}_hits")
    if cached and cached[0] == asked:
        hits: list[SearchHit] | None = cached[1]  # a rerun is not a new search
    else:
        hits = _deps.call(
            lambda: search_people(
                _deps.store(), user, text, SearchField(field), include_places=True, purpose=purpose
            )
        )
        st.session_state[f"{key}_hits"] = (asked, hits)
    if not hits:
        st.caption("No match. Try part of a name, an alias, a phone number or a registration.")
        return None
    by_id = {h.id: h for h in hits}
    return st.selectbox(
        "Matches",
        list(by_id),
        format_func=lambda i: " · ".join(
            p
            for p in (
                by_id[i].name,
                KINDS.get(by_id[i].kind, by_id[i].kind.lower()),
                by_id[i].detail,
            )
            if p
        ),
        key=f"{key}_pick",
    )


def _view(
    focus: str, purpose: Purpose, hops: int, window: tuple[date, date], facts: bool
) -> NetworkView | None:
    """The ego view, computed once per set of choices (each computation is audited)."""
    params = (focus, purpose.value, hops, window[0].isoformat(), window[1].isoformat(), facts)
    confirmed = st.session_state.get(f"{KEY}_confirmed") == params
    cached = st.session_state.get(f"{KEY}_view")
    if cached and cached[0] == (params, confirmed):
        return cached[1]  # type: ignore[no-any-return]

    def load() -> NetworkView | None:
        try:
            return ego_view(
                _deps.store(),
                user,
                focus,
                hops=hops,
                purpose=purpose,
                since=params[3],
                until=params[4],
                include_opinion=not facts,
                confirm_large=confirmed,
            )
        except TooManyNeighbours as exc:
            st.warning(
                f"This view would show {exc.count} neighbours within {exc.hops} hop(s) — more "
                "than 100. Large maps are slow to read; try fewer hops, a shorter date window "
                "or facts only. Confirm to show it anyway.",
                icon=":material/warning:",
            )
            if st.button(f"Show all {exc.count}", key=f"{KEY}_confirm"):
                st.session_state[f"{KEY}_confirmed"] = params
                st.rerun()
        except NotFound:
            st.error("That record no longer exists.")
        return None

    view = _deps.call(load)
    if view is not None:
        st.session_state[f"{KEY}_view"] = ((params, confirmed), view)
        st.session_state.pop(f"{KEY}_export", None)  # an export belongs to the view it was made of
    return view


def _paths(purpose: Purpose, focus: str) -> None:
    st.subheader("Paths between two records")
    target = _search("Path to", f"{KEY}_path")
    max_hops = st.slider("At most this many links", 1, 6, 4, key=f"{KEY}_path_hops")
    if not target or target == focus:
        st.caption("Search for a second person, phone or place to see how they connect.")
        return
    found = _deps.call(
        lambda: paths_between(_deps.store(), user, focus, target, max_hops, purpose=purpose)
    )
    if found is None:
        return
    if not found.paths:
        st.info(f"No connection within {max_hops} links.", icon=":material/link_off:")
        return
    names = {n.id: n.label for n in found.view.nodes}
    st.markdown(
        f"**{len(found.paths)} shortest path(s) of {len(found.paths[0]) - 1} link(s):**\n"
        + "\n".join(
            "- " + " → ".join(_forms.md_escape(names.get(n, n)) for n in p) for p in found.paths
        )
    )
    show_network(found.view, height=320)


def _export(view: NetworkView, purpose: Purpose, colour_by: str) -> None:
    st.subheader("Export this view")
    if view.warning:
        st.warning(view.warning, icon=":material/report:")
    left, right = st.columns([3, 1])
    reason = left.text_input(
        "Reason for the export (recorded with the purpose)",
        key=f"{KEY}_reason",
        placeholder="e.g. i2 chart for Op Kestrel",
    )
    fmt = right.selectbox(
        "Format", ["graphml", "csv", "html"], key=f"{KEY}_fmt", format_func=str.upper
    )
    if st.button("Prepare export", icon=":material/download:", key=f"{KEY}_prepare"):
        page = render_network_html(
            view.nodes, view.links, colour_by=colour_by, note=view.warning or ""
        )

        def run() -> object:
            try:
                return export_view(
                    _deps.store(), user, view, fmt, reason=reason, purpose=purpose, html=page
                )
            except ValueError as exc:
                st.error(str(exc).partition(": ")[2].capitalize() or str(exc))
                return None

        st.session_state[f"{KEY}_export"] = _deps.call(run)
    ready = st.session_state.get(f"{KEY}_export")
    if ready is not None:
        st.download_button(
            f"Download {ready.filename}",
            ready.data,
            file_name=ready.filename,
            mime=ready.mime,
            key=f"{KEY}_download",
        )


user = _deps.require_user()
today = date.today()
st.title("Network explorer")
st.caption(
    "Start small and grow on demand: one record and its links, then more hops. Every map has a "
    "declared purpose, recorded in the audit trail with every search, view and export. "
    "Association is not evidence of harm: analytics suggest, people decide."
)
stored = st.session_state.get(_state.PURPOSE)
chosen = st.selectbox(
    "Purpose of this map",
    list(PURPOSES),
    index=list(PURPOSES).index(stored) if stored in PURPOSES else None,
    format_func=PURPOSES.__getitem__,
    placeholder="Choose the purpose first",
    key=f"{KEY}_purpose",
)
if chosen is None:
    st.info("Choose why you are opening a map before searching.", icon=":material/policy:")
    st.stop()
purpose = Purpose(chosen)
st.session_state[_state.PURPOSE] = purpose.value
if not full_identities(user, purpose):
    why = "for this purpose" if purpose in MINIMISED_PURPOSES else "for your role and this purpose"
    st.caption(f"Other young people are shown by initials only {why}.")

focus = _search("Find a person, phone, vehicle or place", f"{KEY}_focus")
if focus is None and st.session_state.get(_state.FOCUS_NODE):
    focus = str(st.session_state[_state.FOCUS_NODE])
if focus is None:
    st.info("Search to open a map around one record.", icon=":material/search:")
    st.stop()
st.session_state[_state.FOCUS_NODE] = focus

a, b, c = st.columns([1.2, 1.2, 1])
hops = a.radio("Hops", [1, 2, 3], horizontal=True, key=f"{KEY}_hops")
colour_by = b.radio(
    "Colour by",
    ["peer_group", "rag"],
    horizontal=True,
    key=f"{KEY}_colour",
    format_func=lambda v: "Peer group" if v == "peer_group" else "RAG",
)
facts = c.toggle("Facts only", key=f"{KEY}_facts", help="Hide opinion links (dashed on the map).")
window = st.slider(
    "Observed between",
    min_value=today - timedelta(days=3 * 365),
    max_value=today,
    value=(today - timedelta(days=548), today),
    format="DD/MM/YYYY",
    key=f"{KEY}_window",
)
view = _view(focus, purpose, int(hops), window, facts)
if view is None:
    st.stop()
people = sum(1 for n in view.nodes if n.kind in KINDS)
st.caption(
    f"{len(view.nodes)} records ({people} people) and {len(view.links)} links within {hops} hop(s)"
    + (
        f"; {len(view.unexpanded)} school or agency record(s) shown but not expanded"
        if view.unexpanded
        else ""
    )
    + "."
)
show_network(view, colour_by=colour_by)

ranked = bridges(view)
if ranked:
    st.subheader("Who bridges this view")
    st.markdown(
        "\n".join(
            f"{n}. **{_forms.md_escape(node.label)}** — {_forms.md_escape(why)}"
            for n, (node, why) in enumerate(ranked, 1)
        )
    )

if allowed(user, Permission.VIEW_CHILD_PROFILE):
    records = {n.id: n for n in view.nodes if n.kind in KINDS}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    picked = left.selectbox(
        "Open a profile from this map",
        list(records),
        format_func=lambda i: f"{records[i].label} ({KINDS[records[i].kind]})",
        key=f"{KEY}_profile",
    )
    if right.button("Open profile", icon=":material/badge:", key=f"{KEY}_open") and picked:
        st.session_state[_state.PROFILE_ID] = picked
        st.switch_page("pages/child_profile.py")

_paths(purpose, focus)
if allowed(user, Permission.EXPORT_VIEW):
    _export(view, purpose, colour_by)
