"""Mapping-meeting review: co-location suggestions; re-state or dismiss a recorded link."""

from __future__ import annotations

import streamlit as st

from mapping.meetings import live, lookup, restate, sessions, suggestions
from pages import _forms, _state
from pages._meeting_common import Ctx, K, run


def suggestions_block(ctx: Ctx, m: sessions.MeetingView, said: live.Contribution) -> None:
    st.subheader("Seen together, no recorded link")
    st.caption(
        "Suggestions only: the meeting decides. Confirming records a link attributed to "
        "the agency above; dismissing records the decision so it is not suggested again."
    )
    cache = f"{K}_sugg_{m.id}"
    if cache not in st.session_state or st.button("Look again", key=f"{K}_sugg_refresh"):
        st.session_state[cache] = (
            run(lambda: suggestions.suggestions(ctx.store, ctx.user, m.id, top=5)) or []
        )
    items: list[suggestions.Suggestion] = st.session_state[cache]
    if not items:
        st.info(
            "No suggestions for this cohort: nobody was seen with someone unlinked within 7 days."
        )
    for item in items:
        suggestion_card(ctx, m, item, said, cache)


def suggestion_card(
    ctx: Ctx,
    m: sessions.MeetingView,
    s: suggestions.Suggestion,
    said: live.Contribution,
    cache: str,
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
                        ctx.store, ctx.user, m.id, **where, first=s.first, contribution=said
                    )
                )
                and "Link confirmed."
            )
        if cols[1].button("Dismiss", key=f"{K}_no_{s.key}"):
            done = (
                run(
                    lambda: suggestions.dismiss_suggestion(
                        ctx.store, ctx.user, m.id, **where, reason=reason, agency=str(said.agency)
                    )
                )
                and "Suggestion dismissed."
            )
        if done:
            st.session_state[cache] = [x for x in st.session_state[cache] if x.key != s.key]
            st.session_state[_state.FLASH] = done
            st.rerun()


def restate_block(ctx: Ctx, m: sessions.MeetingView, said: live.Contribution) -> None:
    st.subheader("Change or dismiss a recorded link")
    choices = run(lambda: lookup.cohort_links(ctx.store, ctx.user, m.id)) or []
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
            lambda: restate.change_link(ctx.store, ctx.user, m.id, chosen, contribution=said),
            "Link updated.",
        )
    reason = cols[1].text_input("Why dismiss it?", key=f"{K}_rr")
    if cols[2].button("Dismiss the link", key=f"{K}_rd"):
        run(
            lambda: restate.dismiss_link(
                ctx.store, ctx.user, m.id, chosen, reason=reason, contribution=said
            ),
            "Link dismissed.",
        )
