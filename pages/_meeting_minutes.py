"""Closing the meeting, recording when papers went out, and the minutes to download."""

from __future__ import annotations

import streamlit as st

from mapping.meetings import minutes, sessions
from mapping.meetings.changelog import Paper
from pages._meeting_common import Ctx, K, run
from schemas.enums import MeetingType


def minutes_tab(ctx: Ctx, m: sessions.MeetingView) -> None:
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
                lambda p=paper: sessions.record_sent(ctx.store, ctx.user, m.id, p) or True,
                f"Recorded: {paper.value} sent.",
            )
    if m.is_open:
        sure = st.checkbox("Everything said in this meeting is recorded", key=f"{K}_sure")
        if st.button("Close meeting", type="primary", disabled=not sure, key=f"{K}_close"):
            run(
                lambda: sessions.close_meeting(ctx.store, ctx.user, m.id),
                "Meeting closed: the 48-hour clock has started.",
            )
    if st.button(
        "Prepare the minutes" if not m.is_open else "Prepare draft minutes", key=f"{K}_prep"
    ):
        built = run(lambda: minutes.build_minutes(ctx.store, ctx.user, m.id))
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
