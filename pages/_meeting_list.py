"""The meetings list (start or open a meeting) and an open meeting's header, people and agenda."""

from __future__ import annotations

from datetime import date

import streamlit as st

from mapping.meetings import agenda, calendar, sessions
from pages import _forms, _state
from pages._meeting_common import Ctx, K, child_line, run
from schemas.enums import Agency, MeetingType

ICON = {
    "met": ":material/check_circle:",
    "missed": ":material/error:",
    "due": ":material/schedule:",
}


def meeting_list(ctx: Ctx) -> None:
    st.caption(
        "Panels and mapping meetings: who is present and whether the panel is quorate, the "
        "agenda, the map built live with each agency's contribution, decisions, actions and "
        "minutes generated from what changed."
    )
    try:
        nxt = calendar.next_panel_date(date.today())
        hint = (
            f"MARVE panels normally sit on the last Thursday of the month: the next is "
            f"{nxt:%A %d %B %Y} (referral cut-off {calendar.referral_cutoff(nxt):%a %d %b, %H:%M}; "
            f"agenda out by {calendar.agenda_due(nxt):%a %d %b})."
        )
    except calendar.OutsideCalendar as exc:
        nxt, hint = date.today(), str(exc).removeprefix("date: ")
    with st.expander("Start a meeting", expanded=False, icon=":material/add:"):
        kind = st.selectbox(
            "Type of meeting",
            list(MeetingType),
            format_func=lambda t: sessions.MEETING_TYPE_NAMES[t],
            key=f"{K}_new_type",
        )
        panel = kind == MeetingType.MARVE_PANEL
        with st.form(f"{K}_new", clear_on_submit=True):
            title = st.text_input(
                "Title", placeholder="e.g. Mapping meeting: station area", key=f"{K}_new_title"
            )
            held = st.date_input(
                "Date",
                value=nxt if panel else date.today(),
                format="DD/MM/YYYY",
                key=f"{K}_new_date_{kind.value}",
            )
            venue = st.text_input("Venue", placeholder="e.g. Guildhall 2")
            create = st.form_submit_button("Start the meeting", type="primary")
        if panel:
            st.caption(hint)
    if create:
        made = run(
            lambda: sessions.create_meeting(
                ctx.store, ctx.user, meeting_type=kind, title=title, held_on=held, venue=venue
            )
        )
        if made:
            st.session_state[_state.MEETING_ID] = made
            st.rerun()
    found = run(lambda: sessions.list_meetings(ctx.store, ctx.user)) or []
    if not found:
        st.info("No meetings yet. Start one above; you can add the young people once it is open.")
        return
    st.dataframe(
        [
            {
                "Date": f"{m.held_on:%d %b %Y}",
                "Meeting": m.type_name,
                "Title": m.title,
                "Status": m.status,
                "Quorate": "yes" if m.quorum.quorate else "no",
                "Young people": len(m.cohort),
            }
            for m in found
        ],
        hide_index=True,
    )
    chosen = st.selectbox(
        "Open a meeting",
        [m.id for m in found],
        format_func=lambda i: next(f"{m.held_on:%d %b %Y} · {m.title}" for m in found if m.id == i),
        key=f"{K}_pick",
    )
    if st.button("Open", type="primary", key=f"{K}_open"):
        st.session_state[_state.MEETING_ID] = chosen
        st.rerun()


def header(ctx: Ctx, m: sessions.MeetingView) -> None:
    if st.button("All meetings", icon=":material/arrow_back:", key=f"{K}_back"):
        st.session_state.pop(_state.MEETING_ID, None)
        st.rerun()
    st.caption(
        f"{m.type_name} · {m.held_on:%A %d %B %Y}"
        + (f" · {m.venue}" if m.venue else "")
        + (" · **closed**" if not m.is_open else " · in progress")
    )
    (st.success if m.quorum.quorate else st.error)(m.quorum.line)
    due = run(lambda: agenda.meeting_deadlines(ctx.store, m)) or []
    st.markdown("  \n".join(f"{ICON[d.state.value]} {d.text}" for d in due))


def attendees_tab(ctx: Ctx, m: sessions.MeetingView) -> None:
    if m.attendees:
        people = [{"Name": a["name"], "Agency": a["agency"]} for a in m.attendees]
        st.dataframe(people, hide_index=True)
    else:
        st.info("Nobody recorded yet. Add each person present and the agency they represent.")
    if not m.is_open:
        return
    with st.form(f"{K}_att", clear_on_submit=True):
        cols = st.columns([2, 2, 1], vertical_alignment="bottom")
        name = cols[0].text_input("Name", key=f"{K}_att_name")
        agency = cols[1].selectbox("Agency", [a.value for a in Agency], key=f"{K}_att_agency")
        add = cols[2].form_submit_button("Add", type="primary")
    if add:
        run(
            lambda: sessions.add_attendee(ctx.store, ctx.user, m.id, name=name, agency=agency),
            f"{name} added.",
        )
    if m.attendees:
        cols = st.columns([4, 1], vertical_alignment="bottom")
        gone = cols[0].selectbox(
            "Remove someone recorded by mistake",
            range(len(m.attendees)),
            format_func=lambda i: f"{m.attendees[i]['name']} — {m.attendees[i]['agency']}",
            key=f"{K}_gone",
        )
        if cols[1].button("Remove", key=f"{K}_remove"):
            a = m.attendees[gone]
            run(
                lambda: sessions.remove_attendee(
                    ctx.store, ctx.user, m.id, name=a["name"], agency=a["agency"]
                ),
                "Removed.",
            )


def agenda_tab(ctx: Ctx, m: sessions.MeetingView) -> None:
    built = run(lambda: agenda.build_agenda(ctx.store, ctx.user, m.id))
    if built is None:
        return
    st.caption(built.cutoff_line)
    for section in built.sections:
        st.markdown(f"**{_forms.md_escape(section.heading)}**")
        for line in section.lines:
            st.markdown(f"- {_forms.md_escape(line)}")
        for n, child in enumerate(section.children, 1):
            st.markdown(child_line(n, child))
        refs = [f"{c.name} (item {c.section})" for c in section.cross_refs]
        if refs:
            st.caption("Also relevant here, discussed under another item: " + "; ".join(refs))
