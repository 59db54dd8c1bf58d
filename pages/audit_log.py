"""Audit trail (administrators): search who did what to which records; download the results."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import streamlit as st

from mapping.services.audit_view import audit_trail
from pages import _deps, _forms
from schemas.audit import AuditEntry

FORM = "audit"
RESULTS = f"{FORM}__results"
SHOWN_ROWS = 1000
OUTCOMES = {"": "Any outcome", "ok": "OK", "denied": "Refused (role)", "failed": "Failed"}
COLUMNS = ["When (UK time)", "Who", "Role", "Action", "Records", "Purpose", "Outcome", "Detail"]


def _row(entry: AuditEntry) -> dict[str, str]:
    return dict(
        zip(
            COLUMNS,
            [
                _forms.local_time(entry.at),
                entry.actor,
                (entry.role or "").replace("_", " "),
                entry.action.replace("_", " "),
                " ".join(entry.entity_ids),
                (entry.purpose or "").replace("_", " "),
                entry.outcome,
                entry.detail or "",
            ],
            strict=True,
        )
    )


def _csv(entries: list[AuditEntry]) -> str:
    """The results as CSV; cells that a spreadsheet would run as a formula are made text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["at", "actor", "role", "action", "entity_ids", "purpose", "outcome", "detail"])
    for e in entries:
        cells = [e.at, e.actor, e.role, e.action, " ".join(e.entity_ids), e.purpose, e.outcome]
        cells.append(e.detail)
        writer.writerow([f"'{c}" if c and str(c)[0] in "=+-@\t\r" else (c or "") for c in cells])
    return out.getvalue()


user = _deps.require_user()
st.title("Audit trail")
st.caption(
    "Every sign-in, search, view, export and change, kept append-only: nothing in ContextMap "
    "can edit or delete it. Searching here is recorded in the trail too."
)
with st.form(f"{FORM}_search"):
    cols = st.columns([1, 1, 1, 1, 1, 1])
    since = cols[0].date_input(
        "From", value=date.today() - timedelta(days=7), format="DD/MM/YYYY", key=f"{FORM}_since"
    )
    until = cols[1].date_input("To", value=date.today(), format="DD/MM/YYYY", key=f"{FORM}_until")
    actor = cols[2].text_input("Who (username)", key=f"{FORM}_actor")
    action = cols[3].text_input(
        "Action", key=f"{FORM}_action", help="Part of the action, e.g. sign_in, merge, export."
    )
    entity = cols[4].text_input(
        "Record id", key=f"{FORM}_entity", help="Part of an id, e.g. C-00001 or REF-."
    )
    outcome = cols[5].selectbox(
        "Outcome", list(OUTCOMES), format_func=OUTCOMES.__getitem__, key=f"{FORM}_outcome"
    )
    searched = st.form_submit_button("Search", type="primary", icon=":material/search:")

if searched or RESULTS not in st.session_state:
    found = _deps.call(
        lambda: audit_trail(
            _deps.store(),
            user,
            since=since if isinstance(since, date) else None,
            until=until if isinstance(until, date) else None,
            actor=actor.strip() or None,
            action=action.strip().replace(" ", "_") or None,
            entity=entity.strip() or None,
            outcome=outcome or None,
            newest_first=True,
        )
    )
    if found is not None:
        st.session_state[RESULTS] = found

entries: list[AuditEntry] = list(st.session_state.get(RESULTS) or [])
if RESULTS in st.session_state and not entries:
    st.info(
        "No audit entries match these filters. Widen the dates or clear a filter.",
        icon=":material/search_off:",
    )
elif entries:
    more = len(entries) > SHOWN_ROWS
    st.caption(
        f"{len(entries):,} entries, newest first"
        + (f"; the first {SHOWN_ROWS:,} are shown — download for all." if more else ".")
    )
    st.dataframe(
        [_row(e) for e in entries[:SHOWN_ROWS]], hide_index=True, width="stretch", height=480
    )
    st.download_button(
        "Download these entries (CSV)",
        data=_csv(entries),
        file_name=f"contextmap-audit-{date.today():%Y%m%d}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"{FORM}__download",
    )
