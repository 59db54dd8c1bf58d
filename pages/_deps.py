"""Wires the store and the signed-in user into pages (the only place pages get them from)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from graphdb import GraphStore, StoreError, open_store
from mapping.services.access import PermissionDenied, User
from mapping.settings import AppSettings
from pages import _state

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _store() -> GraphStore:
    store = open_store()
    store.init()
    return store


def store() -> GraphStore:
    return _store()


@st.cache_resource(show_spinner=False)
def settings() -> AppSettings:
    return AppSettings()


def current_user() -> User | None:
    """The signed-in user, or None once the session has been idle too long."""
    user = st.session_state.get(_state.USER)
    if user is None:
        return None
    last = float(st.session_state.get(_state.LAST_SEEN, 0.0))
    if time.time() - last > settings().session_minutes * 60:
        sign_out()
        st.session_state[_state.FLASH] = "Your session expired; please sign in again."
        return None
    st.session_state[_state.LAST_SEEN] = time.time()
    return user if isinstance(user, User) else None


def require_user() -> User:
    user = current_user()
    if user is None:
        st.warning("Please sign in.")
        st.stop()
    return user


def sign_in(user: User) -> None:
    st.session_state[_state.USER] = user
    st.session_state[_state.LAST_SEEN] = time.time()


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def call(fn: Callable[[], T]) -> T | None:
    """Run one service call; show refusals and store trouble as messages, never tracebacks."""
    try:
        return fn()
    except PermissionDenied as exc:
        st.error(f"Not available for your role: {exc}.")
    except StoreError as exc:
        st.error(
            f"The data store is not available right now ({type(exc).__name__}). "
            "Nothing was changed; please try again shortly."
        )
    return None
