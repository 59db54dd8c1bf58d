"""A young person's profile (journey 6): details, RAG with history, chronology, links, actions."""

from __future__ import annotations

import streamlit as st

from graphdb.errors import NotFound
from mapping.services.access import Permission, allowed
from mapping.services.explore import SearchHit, search_people
from mapping.services.lockdown import request_access
from mapping.services.profile_model import ChildProfile, LinkedRecord
from mapping.services.profiles import child_profile
from pages import _deps, _forms, _state
from schemas.enums import PERSON_LABELS, Purpose
from schemas.reference import RAG_GUIDANCE

KEY = "profile"
PURPOSES = {
    Purpose.PANEL_OVERSIGHT.value: "Panel oversight",
    Purpose.SAFETY_PLANNING.value: "Safety planning with the young person",
    Purpose.COORDINATING.value: "Coordinating work with linked young people",
    Purpose.POLICE_DISRUPTION.value: "Police disruption",
}
KINDS = {"Child": "Young person", "PersonOfConcern": "Person of concern"}


def _choose() -> str | None:
    text = st.text_input(
        "Find a young person or person of concern", key=f"{KEY}_search", placeholder="name or alias"
    )
    current = st.session_state.get(_state.PROFILE_ID)
    if len(text.strip()) >= 2:
        asked = (text.strip(), purpose.value)
        cached = st.session_state.get(f"{KEY}_hits")
        hits: list[SearchHit]
        if cached and cached[0] == asked:
            hits = cached[1]  # a rerun is not a new search
        else:
            hits = (
                _deps.call(lambda: search_people(_deps.store(), user, text, purpose=purpose)) or []
            )
            st.session_state[f"{KEY}_hits"] = (asked, hits)
        people: dict[str, SearchHit] = {h.id: h for h in hits if h.kind in PERSON_LABELS}
        if not people:
            st.caption("No match. Try part of a name or an alias.")
            return None
        return st.selectbox(
            "Matches",
            list(people),
            format_func=lambda i: " · ".join(
                p for p in (people[i].name, KINDS[people[i].kind], people[i].detail) if p
            ),
            key=f"{KEY}_pick",
        )
    return str(current) if current else None


def _table(rows: list[dict[str, object]], empty: str) -> None:
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption(empty)


INCOMING = {"CONCERN_FOR": "a concern for them", "PROTECTIVE_FOR": "protective for them"}


def _link_name(record: LinkedRecord) -> str:
    """What the link says, from the profile's side ("a concern for them" when it points in)."""
    kind = f" ({record.link.kind.replace('_', ' ')})" if record.link.kind else ""
    if record.link.target != record.other_id and record.link.type in INCOMING:
        return INCOMING[record.link.type] + kind
    return record.link.type.replace("_", " ").lower() + kind


def _link_rows(records: list[LinkedRecord]) -> list[dict[str, object]]:
    return [
        {
            "Link": _link_name(r),
            "With": r.other_name,
            "Fact / opinion": r.link.evidence,
            "Grading": r.link.grading or "ungraded",
            "Agency": r.link.reporting_agency or "",
            "Reported by": r.reported_by,
            "Reported": r.link.reported_at or "",
            "Observed": " to ".join(d for d in (r.link.observed_from, r.link.observed_to) if d),
            "How known": r.source_note,
        }
        for r in records
    ]


def _restricted(profile: ChildProfile) -> None:
    assert profile.restricted is not None
    st.warning(profile.restricted.message, icon=":material/lock:")
    if allowed(user, Permission.REQUEST_ACCESS):
        reason = st.text_input("Why you need access", key=f"{KEY}_access_reason")
        if st.button("Request access", key=f"{KEY}_access"):
            try:
                done = _deps.call(lambda: request_access(_deps.store(), user, profile.id, reason))
            except ValueError as exc:
                st.error(str(exc).partition(": ")[2].capitalize())
            else:
                if done:
                    st.success(
                        "Access requested; an administrator will pass it to the named agencies."
                    )


def _render(profile: ChildProfile) -> None:
    st.header(_forms.md_escape(profile.name), anchor=False)
    st.caption(
        f"{KINDS.get(profile.kind, profile.kind)} · `{profile.id}` · purpose: {PURPOSES[profile.purpose.value].lower()}"
    )
    if profile.restricted:
        _restricted(profile)
        return
    if profile.harmful_to_others:
        st.info(
            "Also posing a risk to others: discuss as a victim first.",
            icon=":material/diversity_1:",
        )
    for dup in profile.duplicates:
        st.warning(
            f"Possible duplicate: {_forms.md_escape(dup.other_name)} (`{dup.other_id}`, {dup.similarity:.0%} similar). "
            f"{_forms.md_escape(dup.why)} Nothing is merged automatically; raise it with the analyst.",
            icon=":material/content_copy:",
        )
    details, rag = st.columns([1, 1])
    with details:
        st.subheader("Details", anchor=False)
        st.markdown(
            "  \n".join(f"**{k}:** {_forms.md_escape(v)}" for k, v in profile.details.items())
            or "—"
        )
        if profile.special_category_hidden:
            st.caption(
                "Special-category details (ethnicity, religion, sexual orientation, health, SEN) are hidden for your role."
            )
    with rag:
        st.subheader("RAG per category", anchor=False)
        _table(
            [
                {
                    "Category": r.name,
                    "Now": r.current or "—",
                    "History": " → ".join(f"{lvl or 'none'} ({when})" for when, lvl in r.history),
                }
                for r in profile.rag
            ],
            "No RAG rating recorded.",
        )
        st.caption(
            "Professional judgement sets the RAG; the reference examples below are guidance only."
        )
        for r in profile.rag:
            if r.current and r.category in RAG_GUIDANCE:
                with st.expander(f"Guidance: {r.name}, {r.current}"):
                    st.markdown(
                        "\n".join(
                            f"- {_forms.md_escape(t)}"
                            for t in RAG_GUIDANCE[r.category].get(r.current, ())
                        )
                    )
    if profile.signs_of_safety:
        st.subheader("Signs of Safety (0–10, 10 = safe)", anchor=False)
        for col, (label, value) in zip(
            st.columns(len(profile.signs_of_safety)), profile.signs_of_safety, strict=True
        ):
            col.metric(label, "—" if value is None else f"{value}/10")
    st.subheader("Indicators", anchor=False)
    st.markdown(
        "\n".join(f"- {_forms.md_escape(i)}" for i in profile.indicators)
        or "No indicators recorded."
    )
    st.subheader("Chronology", anchor=False)
    _table(
        [
            {
                "When": c.date,
                "What": c.incident_type,
                "Role": c.role,
                "Where": c.location,
                "Where found": c.where_found,
                "Agency": c.reporting_agency,
                "Notes": c.description,
            }
            for c in profile.chronology
        ],
        "No incidents or missing episodes recorded.",
    )
    st.subheader("Links, with who said so and how they know", anchor=False)
    _table(_link_rows(profile.links), "No links recorded.")
    st.subheader("Protective factors", anchor=False)
    _table(
        _link_rows(profile.protective),
        "No trusted adult, safe place or positive peer recorded yet.",
    )
    st.subheader("Open actions", anchor=False)
    _table(
        [
            {
                "Action": a.text,
                "Owner": a.owner,
                "Agency": a.agency,
                "Due": a.due_date + (" (overdue)" if a.overdue else ""),
                "Review": a.review_date,
            }
            for a in profile.actions
        ],
        "No open actions. A map with no actions is only a list of names: agree one at panel.",
    )
    if allowed(user, Permission.EXPLORE_NETWORK) and st.button(
        "Open in the network explorer", icon=":material/hub:"
    ):
        st.session_state[_state.FOCUS_NODE] = profile.id
        st.switch_page("pages/explorer.py")


user = _deps.require_user()
st.title("Young person's profile")
st.caption(
    "Everything the panel knows about one young person, with where each piece came from. "
    "Opening a profile is recorded in the audit trail with its purpose."
)
stored = st.session_state.get(_state.PURPOSE)
chosen = st.selectbox(
    "Purpose",
    list(PURPOSES),
    index=list(PURPOSES).index(stored) if stored in PURPOSES else 0,
    format_func=PURPOSES.__getitem__,
    key=f"{KEY}_purpose",
)
purpose = Purpose(chosen)
st.session_state[_state.PURPOSE] = purpose.value
picked = _choose()
if picked is None:
    st.info(
        "Search for a young person, or open one from Places / People of Concern.",
        icon=":material/search:",
    )
    st.stop()
record_id: str = picked
st.session_state[_state.PROFILE_ID] = record_id
cached = st.session_state.get(f"{KEY}_shown")
if cached and cached[0] == (record_id, purpose.value):
    profile = cached[1]  # a rerun of the same profile is not a second read
else:

    def load() -> ChildProfile | None:
        try:
            return child_profile(_deps.store(), user, record_id, purpose)
        except NotFound:
            st.error("That record no longer exists or is not a person.")
            return None

    profile = _deps.call(load)
    if profile is None:
        st.stop()
    st.session_state[f"{KEY}_shown"] = ((record_id, purpose.value), profile)
_render(profile)
