"""Decisions and actions: each action attached to a young person, place, person or link."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from mapping.meetings import actions as acts
from mapping.meetings import lookup, sessions
from pages import _forms
from pages._meeting_common import Ctx, K, run
from schemas.enums import ActionStatus, Agency


def decisions_tab(ctx: Ctx, m: sessions.MeetingView) -> None:
    st.markdown("**Decisions**")
    for d in m.decisions:
        st.markdown(f"- {_forms.md_escape(d)}")
    if not m.decisions:
        st.caption("No decisions recorded yet.")
    if m.is_open:
        with st.form(f"{K}_dec", clear_on_submit=True):
            text = st.text_area("Decision", height=70)
            if st.form_submit_button("Record the decision"):
                run(
                    lambda: sessions.record_decision(ctx.store, ctx.user, m.id, text),
                    "Decision recorded.",
                )
    st.markdown("**Actions** — each attached to a young person, place, person or link")
    mine = run(lambda: acts.list_actions(ctx.store, ctx.user, meeting_id=m.id)) or []
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
                    lambda: acts.set_action_status(ctx.store, ctx.user, done, ActionStatus.DONE),
                    "Action done.",
                )
    else:
        st.caption("No actions yet. A map that is a list of names with no actions helps nobody.")
    around = run(lambda: lookup.records_named(ctx.store, ctx.user, m.id)) or []
    links = run(lambda: lookup.cohort_links(ctx.store, ctx.user, m.id)) if ctx.may_map else []
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
                ctx.store,
                ctx.user,
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
