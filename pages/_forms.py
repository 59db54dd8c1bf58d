"""Form helpers for the intake and admin pages: validate, keep errors, show each beside its field.

A page renders its widgets, then its submit button. On a click it validates; errors are kept
in session state and the page reruns, so each error is drawn directly under its widget. Editing
a field clears that field's error. Nothing here calls a service or touches the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from pydantic import BaseModel, ValidationError

from schemas.common import field_errors

M = TypeVar("M", bound=BaseModel)

UNGRADED = "ungraded"
SOURCE_GRADES = {
    "1": "1 — reliable",
    "2": "2 — untested source",
    "3": "3 — not reliable",
}
INTELLIGENCE_GRADES = {
    "A": "A — known directly to the source",
    "B": "B — known indirectly, corroborated",
    "C": "C — known indirectly",
    "D": "D — not known",
    "E": "E — suspected to be false",
}
HANDLING_CODES = {
    "P": "P — lawful sharing permitted",
    "C": "C — lawful sharing permitted with conditions",
}

_FRIENDLY = (
    (re.compile(r"^Field required$"), "This is required."),
    (re.compile(r"^String should have at least 1 character$"), "This is required."),
    (
        re.compile(r"^String should have at least (\d+) characters$"),
        r"Please write at least \1 characters.",
    ),
    (
        re.compile(r"^String should have at most (\d+) characters$"),
        r"Please keep this under \1 characters.",
    ),
    (re.compile(r"^Input should be a valid date.*$"), "Please give a date."),
    (re.compile(r"^Input should be '.*'$"), "Please choose one of the options."),
)


def _friendly(message: str) -> str:
    for pattern, replacement in _FRIENDLY:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message[:1].upper() + message[1:] if message else message


def errors_key(form: str) -> str:
    return f"{form}__errors"


def errors(form: str) -> dict[str, str]:
    """The errors kept for a form from its last submission: field → message."""
    found = st.session_state.get(errors_key(form))
    return dict(found) if isinstance(found, dict) else {}


def keep_errors(form: str, found: Mapping[str, str]) -> None:
    st.session_state[errors_key(form)] = dict(found)


def clear_errors(form: str) -> None:
    st.session_state.pop(errors_key(form), None)


def clear_field_error(form: str, field: str) -> None:
    """on_change callback: the user edited the field, so its old error no longer applies."""
    found = errors(form)
    if found.pop(field, None) is not None:
        keep_errors(form, found)


def show_error(form: str, field: str) -> None:
    """Draw the field's error (if any) directly under the widget just rendered."""
    message = errors(form).get(field)
    if message:
        st.error(message, icon=":material/error:")


def validate(model: type[M], data: Mapping[str, Any]) -> tuple[M | None, dict[str, str]]:
    """The validated model, or None and field → friendly message (list items under their list)."""
    try:
        return model.model_validate(dict(data)), {}
    except ValidationError as exc:
        found: dict[str, str] = {}
        for loc, message in field_errors(exc).items():
            field = loc.split(".", 1)[0]
            blank = (
                field in data
                and data[field] in (None, "", [], {})
                and message.startswith(
                    ("String should have at least", "Input should be", "Field required")
                )
            )
            found.setdefault(field, "This is required." if blank else _friendly(message))
        return None, found


def show_summary(form: str, shown: Iterable[str], *, lead: str = "Nothing was sent.") -> None:
    """Under the submit button: how many fields need attention, and any error with no widget."""
    found = errors(form)
    if not found:
        return
    placed = [f for f in found if f in set(shown)]
    other = [f"{f.replace('_', ' ')}: {m}" for f, m in found.items() if f not in set(shown)]
    if placed:
        count = len(placed)
        st.error(
            f"{lead} {count} field{'s' if count > 1 else ''} "
            f"need{'' if count > 1 else 's'} attention — see the message"
            f"{'s' if count > 1 else ''} above.",
            icon=":material/error:",
        )
    for message in other:
        st.error(message, icon=":material/error:")


def optional(text: str | None) -> str | None:
    """Blank text inputs become None, so optional fields stay absent rather than empty."""
    text = (text or "").strip()
    return text or None


def split_list(text: str | None) -> list[str]:
    """Comma- or line-separated entries, blanks dropped, order kept, duplicates removed."""
    parts = re.split(r"[,\n;]", text or "")
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


def grading_inputs(form: str) -> str | None:
    """Three selects for the UK 3x5x2 grading; None when any is left ungraded."""
    st.markdown("**Intelligence grading (3x5x2)** — optional")
    cols = st.columns(3)
    source = cols[0].selectbox(
        "Source evaluation",
        [UNGRADED, *SOURCE_GRADES],
        format_func=lambda v: SOURCE_GRADES.get(v, "Ungraded"),
        key=f"{form}_grade_source",
        on_change=clear_field_error,
        args=(form, "grading"),
    )
    intelligence = cols[1].selectbox(
        "Intelligence assessment",
        [UNGRADED, *INTELLIGENCE_GRADES],
        format_func=lambda v: INTELLIGENCE_GRADES.get(v, "Ungraded"),
        key=f"{form}_grade_intelligence",
        on_change=clear_field_error,
        args=(form, "grading"),
    )
    handling = cols[2].selectbox(
        "Handling code",
        [UNGRADED, *HANDLING_CODES],
        format_func=lambda v: HANDLING_CODES.get(v, "Ungraded"),
        key=f"{form}_grade_handling",
        on_change=clear_field_error,
        args=(form, "grading"),
    )
    chosen = [source, intelligence, handling]
    if all(c == UNGRADED for c in chosen):
        return None
    # A partly graded item is sent as it is, so validation names the missing part.
    return "-".join("?" if c == UNGRADED else c for c in chosen)


def reset(prefix: str) -> None:
    """Forget every widget value and error of a form (callback of 'start another')."""
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]


def local_time(iso: str | None) -> str:
    """An ISO timestamp as UK local time for tables, e.g. '4 Dec 2026, 20:59'."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(ZoneInfo("Europe/London"))
    except ZoneInfoNotFoundError:
        moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def md_escape(text: object) -> str:
    """Text from users or records, shown literally inside st.markdown.

    Every markdown-significant character is backslash-escaped, so hostile text can make no
    link, image (an outbound request), heading or colour directive.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return escaped.replace("\n", "  \n")
