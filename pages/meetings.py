"""Meetings (journey 4): run a panel or mapping meeting live, then send the minutes.

Thin page: widgets → one service call in mapping.meetings → render. Every change to the map
is attributed to the agency that said it (fact / opinion, grading) and lands in the minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import streamlit as st

from graphdb.errors import Conflict, NotFound
from mapping.meetings import actions as acts
from mapping.meetings import (
    agenda,
    calendar,
    live,
    lookup,
    minutes,
    restate,
    sessions,
    suggestions,
)
from mapping.meetings.changelog import Paper
from mapping.meetings.discussion import DiscussedChild
from mapping.services.access import Permission, allowed
from pages import _deps, _forms, _state
from schemas.enums import (
    ActionStatus,
    Agency,
    AssociationKind,
    Basis,
    ConcernKind,
    LinkType,
    LocationType,
    MeetingType,
    NodeLabel,
    ProtectiveKind,
)

T = TypeVar("T")
K = "mt"  # widget-key prefix
KINDS = {
    LinkType.ASSOCIATES_WITH: [k.value for k in AssociationKind],
    LinkType.CONCERN_FOR: [k.value for k in ConcernKind],
    LinkType.PROTECTIVE_FOR: [k.value for k in ProtectiveKind],
}
ICON = {
    "met": ":material/check_circle:",
    "missed": ":material/error:",
    "due": ":material/schedule:",
}

user = _deps.require_user()
store = _deps.store()
may_map = allowed(user, Permission.RECORD_INTELLIGENCE)


def run(fn: Callable[[], T], done: str | None = None) -> T | None:
    """One service call; user errors shown beside the widget; on success flash and rerun."""

    def guarded() -> T | None:
        try:
            return fn()
        except Conflict:
            st.error("Someone else changed this at the same moment; nothing was saved. Try again.")
        except (ValueError, NotFound) as exc:
            field, _, reason = str(exc).partition(": ")
            st.error(f"{field.replace('_', ' ').capitalize()}: {reason}" if reason else str(exc))
        return None

    result = _deps.call(guarded)
    if result is not None and done:
        st.session_state[_state.FLASH] = done
        st.rerun()
    return result


def child_line(n: int, c: DiscussedChild) -> str:
    rated = ", ".join(f"{k} {v}" for k, v in sorted(c.ratings.items()))
    care = f" · {c.care_note}" if c.care_note else ""
    return f"{n}. **{_forms.md_escape(c.name)}** — {rated + ' · ' if rated else ''}_{c.role}_{care}"


def meeting_list() -> None:
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
                store, user, meeting_type=kind, title=title, held_on=held, venue=venue
            )
        )
        if made:
            st.session_state[_state.MEETING_ID] = made
            st.rerun()
    found = run(lambda: sessions.list_meetings(store, user)) or []
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


def header(m: sessions.MeetingView) -> None:
    if st.button("All meetings", icon=":material/arrow_back:", key=f"{K}_back"):
        st.session_state.pop(_state.MEETING_ID, None)
        st.rerun()
    st.caption(
        f"{m.type_name} · {m.held_on:%A %d %B %Y}"
        + (f" · {m.venue}" if m.venue else "")
        + (" · **closed**" if not m.is_open else " · in progress")
    )
    (st.success if m.quorum.quorate else st.error)(m.quorum.line)
    due = run(lambda: agenda.meeting_deadlines(store, m)) or []
    st.markdown("  \n".join(f"{ICON[d.state.value]} {d.text}" for d in due))


def attendees_tab(m: sessions.MeetingView) -> None:
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
            lambda: sessions.add_attendee(store, user, m.id, name=name, agency=agency),
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
                    store, user, m.id, name=a["name"], agency=a["agency"]
                ),
                "Removed.",
            )


def agenda_tab(m: sessions.MeetingView) -> None:
    built = run(lambda: agenda.build_agenda(store, user, m.id))
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


def contribution(m: sessions.MeetingView) -> live.Contribution:
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


def picker(label: str, options: list[lookup.Found], key: str) -> str | None:
    """A select over the records around the cohort, widened by a search box."""
    cols = st.columns([1, 2])
    query = cols[0].text_input(
        f"Search ({label.lower()})", key=f"{key}_q", placeholder="2+ letters"
    )
    extra = run(lambda: lookup.find_records(store, user, query)) or [] if query else []
    merged = {f.id: f for f in [*extra, *options]}
    return cols[1].selectbox(
        label,
        list(merged),
        format_func=lambda i: merged[i].text,
        key=key,
        index=None,
        placeholder="Choose…",
    )


def mapping_tab(m: sessions.MeetingView) -> None:
    cohort = run(lambda: lookup.cohort_in_order(store, user, m.id)) or []
    st.markdown("**Young people discussed** — in discussion order: victim first")
    for n, c in enumerate(cohort, 1):
        st.markdown(child_line(n, c))
    if not cohort:
        st.info("No young people on this meeting yet. Find them below to add them.")
    if m.is_open:
        cols = st.columns([1, 2, 1], vertical_alignment="bottom")
        q = cols[0].text_input("Find a young person", key=f"{K}_cq", placeholder="name or alias")
        hits = (
            run(lambda: lookup.find_records(store, user, q, labels=[NodeLabel.CHILD])) or []
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
            run(lambda: sessions.add_to_cohort(store, user, m.id, pick), "Added to the meeting.")
    png = run(lambda: lookup.map_png(store, user, m.id))
    if png and cohort:
        st.image(
            png,
            caption="The cohort (ringed) and their direct links. Dashed: opinion or "
            "ungraded. Orange: added in this meeting.",
        )
    if not m.is_open:
        return
    if not may_map:
        st.info(
            "Adding to the map needs a facilitator or analyst account; you can record "
            "attendees, decisions, actions and minutes."
        )
        return
    st.subheader("Add to the map")
    said = contribution(m)
    around = run(lambda: lookup.records_named(store, user, m.id)) or []
    what = st.radio(
        "What to add", ["Link", "Sighting", "Place", "Person"], horizontal=True, key=f"{K}_what"
    )
    if what == "Link":
        source = picker("From", around, f"{K}_lsrc")
        kinds = {t: str(t).replace("_", " ").lower() for t in live.MEETING_LINK_TYPES}
        cols = st.columns(2)
        ltype = cols[0].selectbox(
            "Link", list(kinds), format_func=kinds.__getitem__, key=f"{K}_ltype"
        )
        kind = cols[1].selectbox("Kind", KINDS.get(ltype, ["—"]), key=f"{K}_lkind")
        target = picker("To", around, f"{K}_ltgt")
        if st.button(
            "Add the link", type="primary", key=f"{K}_ladd", disabled=not (source and target)
        ):
            run(
                lambda: live.add_link(
                    store,
                    user,
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
        person = picker("Who was seen", around, f"{K}_sp")
        place = picker("Where", [f for f in around if f.label == NodeLabel.LOCATION], f"{K}_spl")
        seen = st.date_input("When", value=m.held_on, format="DD/MM/YYYY", key=f"{K}_sd")
        if st.button(
            "Add the sighting", type="primary", key=f"{K}_sadd", disabled=not (person and place)
        ):
            run(
                lambda: live.add_sighting(
                    store,
                    user,
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
                    store,
                    user,
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
                    store,
                    user,
                    m.id,
                    label=role,
                    forename=fore,
                    family_name=family,
                    contribution=said,
                ),
                "Person added.",
            )
    suggestions_block(m, said)
    restate_block(m, said)


def suggestions_block(m: sessions.MeetingView, said: live.Contribution) -> None:
    st.subheader("Seen together, no recorded link")
    st.caption(
        "Suggestions only: the meeting decides. Confirming records a link attributed to "
        "the agency above; dismissing records the decision so it is not suggested again."
    )
    cache = f"{K}_sugg_{m.id}"
    if cache not in st.session_state or st.button("Look again", key=f"{K}_sugg_refresh"):
        st.session_state[cache] = (
            run(lambda: suggestions.suggestions(store, user, m.id, top=5)) or []
        )
    items: list[suggestions.Suggestion] = st.session_state[cache]
    if not items:
        st.info(
            "No suggestions for this cohort: nobody was seen with someone unlinked within 7 days."
        )
    for item in items:
        suggestion_card(m, item, said, cache)


def suggestion_card(
    m: sessions.MeetingView, s: suggestions.Suggestion, said: live.Contribution, cache: str
) -> None:
    with st.container(border=True):
        st.markdown(
            f"**{_forms.md_escape(s.a_name)}** and **{_forms.md_escape(s.b_name)}** at "
            f"{_forms.md_escape(s.location_name)}"
        )
        st.caption(s.why)
        cols = st.columns([1, 1, 3], vertical_alignment="bottom")
        reason = cols[2].text_input("Reason (if dismissing)", key=f"{K}_why_{s.key}")
        where = {"a": s.a, "b": s.b, "location": s.location}
        done = None
        if cols[0].button("Confirm", key=f"{K}_yes_{s.key}", type="primary"):
            done = (
                run(
                    lambda: suggestions.confirm_suggestion(
                        store, user, m.id, **where, first=s.first, contribution=said
                    )
                )
                and "Link confirmed."
            )
        if cols[1].button("Dismiss", key=f"{K}_no_{s.key}"):
            done = (
                run(
                    lambda: suggestions.dismiss_suggestion(
                        store, user, m.id, **where, reason=reason, agency=str(said.agency)
                    )
                )
                and "Suggestion dismissed."
            )
        if done:
            st.session_state[cache] = [x for x in st.session_state[cache] if x.key != s.key]
            st.session_state[_state.FLASH] = done
            st.rerun()


def restate_block(m: sessions.MeetingView, said: live.Contribution) -> None:
    st.subheader("Change or dismiss a recorded link")
    choices = run(lambda: lookup.cohort_links(store, user, m.id)) or []
    if not choices:
        st.info("The young people in this meeting have no recorded links yet.")
        return
    texts = {c.id: c.text for c in choices}
    chosen = st.selectbox("Link", list(texts), format_func=texts.__getitem__, key=f"{K}_rl")
    cols = st.columns([1, 2, 1], vertical_alignment="bottom")
    if cols[0].button(
        "Re-state as above",
        key=f"{K}_rs",
        help="Sets fact / opinion and grading from 'Who is saying this?'",
    ):
        run(
            lambda: restate.change_link(store, user, m.id, chosen, contribution=said),
            "Link updated.",
        )
    reason = cols[1].text_input("Why dismiss it?", key=f"{K}_rr")
    if cols[2].button("Dismiss the link", key=f"{K}_rd"):
        run(
            lambda: restate.dismiss_link(
                store, user, m.id, chosen, reason=reason, contribution=said
            ),
            "Link dismissed.",
        )


def decisions_tab(m: sessions.MeetingView) -> None:
    st.markdown("**Decisions**")
    for d in m.decisions:
        st.markdown(f"- {_forms.md_escape(d)}")
    if not m.decisions:
        st.caption("No decisions recorded yet.")
    if m.is_open:
        with st.form(f"{K}_dec", clear_on_submit=True):
            text = st.text_area("Decision", height=70)
            if st.form_submit_button("Record the decision"):
                run(lambda: sessions.record_decision(store, user, m.id, text), "Decision recorded.")
    st.markdown("**Actions** — each attached to a young person, place, person or link")
    mine = run(lambda: acts.list_actions(store, user, meeting_id=m.id)) or []
    if mine:
        st.dataframe(
            [
                {
                    "Action": a.text,
                    "About": a.about,
                    "Owner": a.owner,
                    "Agency": a.agency,
                    "Due": f"{a.due_date:%d %b %Y}" if a.due_date else "",
                    "Review": f"{a.review_date:%d %b %Y}" if a.review_date else "",
                    "Status": a.status.value,
                    "Overdue": "yes" if a.overdue(date.today()) else "",
                }
                for a in mine
            ],
            hide_index=True,
        )
        open_ids = [a.id for a in mine if a.status is ActionStatus.OPEN]
        if open_ids:
            cols = st.columns([3, 1], vertical_alignment="bottom")
            done = cols[0].selectbox(
                "Completed",
                open_ids,
                key=f"{K}_done",
                format_func=lambda i: next(a.text for a in mine if a.id == i),
            )
            if cols[1].button("Mark done", key=f"{K}_markdone"):
                run(
                    lambda: acts.set_action_status(store, user, done, ActionStatus.DONE),
                    "Action done.",
                )
    else:
        st.caption("No actions yet. A map that is a list of names with no actions helps nobody.")
    around = run(lambda: lookup.records_named(store, user, m.id)) or []
    links = run(lambda: lookup.cohort_links(store, user, m.id)) if may_map else []
    about = {f.id: f.text for f in around} | {c.id: f"link: {c.text}" for c in links or []}
    with st.form(f"{K}_act", clear_on_submit=True):
        st.markdown("**Add an action**")
        text = st.text_input("Action", placeholder="e.g. Safety plan review with the young person")
        what = st.multiselect("About", list(about), format_func=about.__getitem__)
        cols = st.columns(4)
        owner = cols[0].text_input(
            "Owner", placeholder=", ".join(a["name"] for a in m.attendees[:2])
        )
        agency = cols[1].selectbox("Agency", [a.value for a in Agency])
        due = cols[2].date_input("Due", value=m.held_on + timedelta(days=14), format="DD/MM/YYYY")
        review = cols[3].date_input(
            "Review", value=m.held_on + timedelta(weeks=12), format="DD/MM/YYYY"
        )
        add = st.form_submit_button("Add the action", type="primary")
    if add:
        run(
            lambda: acts.create_action(
                store,
                user,
                text=text,
                owner=owner,
                about=what,
                agency=agency,
                due_date=due,
                review_date=review,
                meeting_id=m.id,
            ),
            "Action added.",
        )


def minutes_tab(m: sessions.MeetingView) -> None:
    st.caption(
        "Close the meeting when everything said is recorded: the 48-hour clock for sending "
        "actions starts then. The minutes list attendees, quorum, every change to the map, "
        "decisions and actions, with a picture of the map. Record when each paper went out so "
        "the deadlines above show met or missed."
    )
    papers = [Paper.AGENDA] if m.meeting_type == MeetingType.MARVE_PANEL else []
    cols = st.columns(3)
    for col, paper in zip(cols, [*papers, Paper.ACTIONS, Paper.MINUTES], strict=False):
        if col.button(f"Record: {paper.value} sent", key=f"{K}_sent_{paper.value}"):
            run(
                lambda p=paper: sessions.record_sent(store, user, m.id, p) or True,
                f"Recorded: {paper.value} sent.",
            )
    if m.is_open:
        sure = st.checkbox("Everything said in this meeting is recorded", key=f"{K}_sure")
        if st.button("Close meeting", type="primary", disabled=not sure, key=f"{K}_close"):
            run(
                lambda: sessions.close_meeting(store, user, m.id),
                "Meeting closed: the 48-hour clock has started.",
            )
    if st.button(
        "Prepare the minutes" if not m.is_open else "Prepare draft minutes", key=f"{K}_prep"
    ):
        built = run(lambda: minutes.build_minutes(store, user, m.id))
        if built:
            st.session_state[f"{K}_min"] = (
                m.id,
                minutes.minutes_docx(built),
                minutes.minutes_markdown(built),
                len(built.added),
                len(built.changed),
                len(built.dismissed),
            )
    ready = st.session_state.get(f"{K}_min")
    if ready and ready[0] == m.id:
        _, docx, md, added, changed, dismissed = ready
        st.success(
            f"Minutes ready: {added} addition(s), {changed} change(s), {dismissed} dismissal(s), "
            f"{len(m.decisions)} decision(s)."
        )
        name = f"minutes-{m.held_on:%Y-%m-%d}-{m.id}"
        cols = st.columns(2)
        cols[0].download_button(
            "Download minutes (DOCX)",
            docx,
            f"{name}.docx",
            key=f"{K}_dl_docx",
            on_click="ignore",
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        cols[1].download_button(
            "Download minutes (Markdown)",
            md,
            f"{name}.md",
            mime="text/markdown",
            key=f"{K}_dl_md",
            on_click="ignore",
        )


st.title("Meetings")
meeting_id = st.session_state.get(_state.MEETING_ID)
meeting = run(lambda: sessions.get_meeting(store, user, meeting_id)) if meeting_id else None
if meeting is None:
    st.session_state.pop(_state.MEETING_ID, None)
    meeting_list()
else:
    st.subheader(meeting.title)
    header(meeting)
    names = ["People present", "Mapping", "Decisions and actions", "Minutes"]
    if meeting.meeting_type == MeetingType.MARVE_PANEL:
        names.insert(1, "Agenda")
    tabs = dict(zip(names, st.tabs(names), strict=True))
    with tabs["People present"]:
        attendees_tab(meeting)
    if "Agenda" in tabs:
        with tabs["Agenda"]:
            agenda_tab(meeting)
    with tabs["Mapping"]:
        mapping_tab(meeting)
    with tabs["Decisions and actions"]:
        decisions_tab(meeting)
    with tabs["Minutes"]:
        minutes_tab(meeting)
