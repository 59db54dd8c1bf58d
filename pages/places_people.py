"""Places / People of Concern (journey 5): the panel's agenda item, ranked with why, and a hotspot map."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from mapping.services.access import Permission, allowed
from mapping.services.agenda import places_people_of_concern
from mapping.services.agenda_model import Agenda, ConcernItem
from mapping.services.agenda_news import last_panel_before
from pages import _deps, _forms, _state
from pages._hotspotmap import show_hotspot_map
from schemas.enums import Purpose
from schemas.reference import CATEGORY_NAMES

KEY = "ppc"
HOW_RANKED = (
    "**People:** 2 points per young person linked by a concern link and 1 per young person "
    "associated; 1 more for each rated high (½ if medium at most); each incident they are "
    "involved in adds up to 1 by severity, halving every 90 days; betweenness (how much they "
    "join otherwise separate parts of the network) adds up to 5.  \n"
    "**Places:** 1 point per young person linked, 1 more if rated high (½ if medium), up to 1 "
    "per incident there by severity and recency, and 2 per person of concern seen or linked "
    "there.  \nScores only order the list; professional judgement sets every rating."
)
DETAIL_ITEMS = 10
REVIEW_WORDS = {
    "overdue": "Review overdue since",
    "due": "Review due",
    "expired": "Flag expired; review date",
    "ok": "Next review",
    "none": "No review date",
}


def _window(today: date) -> tuple[str | None, str | None]:
    picked = st.date_input(
        "Date window",
        value=(today - timedelta(days=180), today),
        format="DD/MM/YYYY",
        key=f"{KEY}_window",
        help="Links and incidents observed in this window count towards the ranking.",
    )
    if isinstance(picked, tuple | list):
        days = [d.isoformat() for d in picked if d]
        return (days[0] if days else None, days[1] if len(days) > 1 else None)
    return (picked.isoformat() if picked else None, None)


def _review(item: ConcernItem) -> str:
    words = REVIEW_WORDS.get(item.review_status, item.review_status)
    return f"{words} {item.review_date}" if item.review_date else words


def _children_table(item: ConcernItem) -> None:
    st.dataframe(
        [
            {
                "Young person": c.name,
                "Highest RAG": c.rag_max or "not rated",
                "Ratings": ", ".join(f"{k} {v}" for k, v in sorted(c.rag.items())),
                "Linked as": c.via,
            }
            for c in item.children
        ],
        hide_index=True,
        width="stretch",
    )


def _item(item: ConcernItem, rank: int) -> None:
    with st.container(border=True):
        what = item.detail or ("person of concern" if item.kind == "PersonOfConcern" else "place")
        st.markdown(
            f"**{rank}. {_forms.md_escape(item.name)}** · {_forms.md_escape(what)} · "
            f"score {item.score:.1f}"
        )
        st.markdown(_forms.md_escape(item.why))
        facts = [
            "Disruption: " + "; ".join(item.disruption)
            if item.disruption
            else "No disruption recorded",
            _review(item),
        ]
        if item.new_since_panel:
            facts.append("New since last panel: " + ", ".join(item.new_since_panel))
        st.caption(_forms.md_escape(" · ".join(facts)))
        if item.children:
            _children_table(item)


def _ranked(items: list[ConcernItem], empty: str) -> None:
    if not items:
        st.info(empty, icon=":material/info:")
        return
    for rank, item in enumerate(items[:DETAIL_ITEMS], 1):
        _item(item, rank)
    if len(items) > DETAIL_ITEMS:
        with st.expander(f"All {len(items)} ranked"):
            st.dataframe(
                [
                    {
                        "Rank": n,
                        "Name": i.name,
                        "Score": round(i.score, 1),
                        "Children linked": len(i.children),
                        "Disruption": "; ".join(i.disruption),
                        "Review": _review(i),
                        "Why": i.why,
                    }
                    for n, i in enumerate(items, 1)
                ],
                hide_index=True,
                width="stretch",
            )


def _profiles(agenda: Agenda) -> None:
    choices: dict[str, str] = {}
    for item in agenda.persons[:DETAIL_ITEMS]:
        choices.setdefault(item.id, f"{item.name} (person of concern)")
    for item in agenda.persons[:DETAIL_ITEMS] + agenda.places[:DETAIL_ITEMS]:
        for child in item.children:
            choices.setdefault(child.id, f"{child.name} (young person)")
    if not choices:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    picked = left.selectbox(
        "Open a profile", list(choices), format_func=choices.__getitem__, key=f"{KEY}_profile"
    )
    if right.button("Open profile", icon=":material/badge:", key=f"{KEY}_open") and picked:
        st.session_state[_state.PROFILE_ID] = picked
        st.session_state[_state.PURPOSE] = Purpose.PANEL_OVERSIGHT.value
        st.switch_page("pages/child_profile.py")


user = _deps.require_user()
today = date.today()
st.title("Places / People of Concern")
st.caption(
    "MARVE panel agenda item 3. Persons and places of concern ranked with the reasons behind "
    "each ranking, the young people linked to them, disruption in force, reviews falling due and "
    "what is new since the last panel. Purpose: panel oversight. Rankings suggest; the panel "
    "decides. Opening this page is recorded in the audit trail."
)
with st.container(border=True):
    first, second, third = st.columns([2, 2, 1.4])
    with first:
        since, until = _window(today)
    category = second.selectbox(
        "Category of concern",
        [None, *CATEGORY_NAMES],
        format_func=lambda c: "All categories" if c is None else f"{c} — {CATEGORY_NAMES[c]}",
        key=f"{KEY}_category",
    )
    last_panel = third.date_input(
        "Last panel", value=last_panel_before(today), format="DD/MM/YYYY", key=f"{KEY}_last"
    )

filters = (since, until, category, last_panel.isoformat() if last_panel else None, str(today))
cached = st.session_state.get(f"{KEY}_agenda")
if cached and cached[0] == filters:
    agenda = cached[1]  # same filters: widgets below rerun the page, the panel item is unchanged
else:
    agenda = _deps.call(
        lambda: places_people_of_concern(
            _deps.store(),
            user,
            since=since,
            until=until,
            category=category,
            last_panel_date=filters[3],
            today=today,
        )
    )
    if agenda is None:
        st.stop()
    st.session_state[f"{KEY}_agenda"] = (filters, agenda)

fresh = sum(1 for i in agenda.persons + agenda.places if i.new_since_panel)
cols = st.columns(4)
cols[0].metric("Persons of concern", len(agenda.persons))
cols[1].metric("Places", len(agenda.places))
cols[2].metric("Reviews due or overdue", len(agenda.reviews))
cols[3].metric("With news since last panel", fresh + len(agenda.new_flags))
if agenda.minimised:
    st.info(
        "Young people are shown by initials only for your role.", icon=":material/visibility_off:"
    )

with st.expander("How the ranking works"):
    st.markdown(HOW_RANKED)
people_tab, places_tab, map_tab, review_tab, new_tab = st.tabs(
    ["People of concern", "Places of concern", "Hotspot map", "Reviews", "New since last panel"]
)
with people_tab:
    _ranked(agenda.persons, "No person of concern has anything linked in this window.")
with places_tab:
    _ranked(agenda.places, "No place has children, incidents or persons of concern linked here.")
with map_tab:
    show_hotspot_map(agenda.points, _deps.settings().map_tile_url)
with review_tab:
    if agenda.reviews:
        st.caption("Flags are reviewed, never left to persist: overdue first, then due soon.")
        st.dataframe(
            [
                {"Name": i.name, "Kind": i.detail, "Review": _review(i), "Why listed": i.why}
                for i in agenda.reviews
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.info("No reviews are overdue or due in the next 28 days.", icon=":material/event:")
with new_tab:
    newer = [i for i in agenda.persons + agenda.places if i.new_since_panel]
    if agenda.new_flags:
        st.markdown(
            "**Flagged since the last panel:** " + _forms.md_escape(", ".join(agenda.new_flags))
        )
    if newer:
        st.dataframe(
            [{"Name": i.name, "New intelligence": ", ".join(i.new_since_panel)} for i in newer],
            hide_index=True,
            width="stretch",
        )
    elif not agenda.new_flags:
        st.info("Nothing new has been reported since the last panel.", icon=":material/done_all:")

if allowed(user, Permission.VIEW_CHILD_PROFILE):
    _profiles(agenda)
