"""Meetings (journey 4): run a panel or mapping meeting live, then send the minutes.

Thin page: widgets → one service call in mapping.meetings → render. Every change to the map
is attributed to the agency that said it (fact / opinion, grading) and lands in the minutes.
The parts live in pages/_meeting_*.py: the list and people (_meeting_list), mapping mode
(_meeting_mapping, _meeting_review), decisions and actions (_meeting_actions) and minutes
(_meeting_minutes).
"""

from __future__ import annotations

import streamlit as st

from mapping.meetings import sessions
from mapping.services.access import Permission, allowed
from pages import _deps, _state
from pages._meeting_actions import decisions_tab
from pages._meeting_common import Ctx, run
from pages._meeting_list import agenda_tab, attendees_tab, header, meeting_list
from pages._meeting_mapping import mapping_tab
from pages._meeting_minutes import minutes_tab
from schemas.enums import MeetingType

user = _deps.require_user()
store = _deps.store()
ctx = Ctx(store, user, allowed(user, Permission.RECORD_INTELLIGENCE))

st.title("Meetings")
meeting_id = st.session_state.get(_state.MEETING_ID)
meeting = run(lambda: sessions.get_meeting(store, user, meeting_id)) if meeting_id else None
if meeting is None:
    st.session_state.pop(_state.MEETING_ID, None)
    meeting_list(ctx)
else:
    st.subheader(meeting.title)
    header(ctx, meeting)
    names = ["People present", "Mapping", "Decisions and actions", "Minutes"]
    if meeting.meeting_type == MeetingType.MARVE_PANEL:
        names.insert(1, "Agenda")
    tabs = dict(zip(names, st.tabs(names), strict=True))
    with tabs["People present"]:
        attendees_tab(ctx, meeting)
    if "Agenda" in tabs:
        with tabs["Agenda"]:
            agenda_tab(ctx, meeting)
    with tabs["Mapping"]:
        mapping_tab(ctx, meeting)
    with tabs["Decisions and actions"]:
        decisions_tab(ctx, meeting)
    with tabs["Minutes"]:
        minutes_tab(ctx, meeting)
