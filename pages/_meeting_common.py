"""Shared by the meeting page's parts: the widget-key prefix, the guarded service call, context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from graphdb import GraphStore
from graphdb.errors import Conflict, NotFound
from mapping.meetings.discussion import DiscussedChild
from mapping.services.access import User
from pages import _deps, _forms, _state

T = TypeVar("T")
K = "mt"  # widget-key prefix


@dataclass(frozen=True)
class Ctx:
    """Who is using the page, the store, and whether they may change the map."""

    store: GraphStore
    user: User
    may_map: bool


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
