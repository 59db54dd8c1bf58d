"""Storage errors: every backend translates its own exceptions into these at the boundary."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every storage error."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (server down, file locked, bad credentials)."""


class NotFound(StoreError):
    """No node or link with that id."""


class Conflict(StoreError):
    """Someone else changed the record since it was read (optimistic concurrency)."""

    @classmethod
    def stale(cls, node_id: str, current: int, edited: int) -> Conflict:
        return cls(
            f"node {node_id} was changed by someone else (version {current}, you edited "
            f"version {edited}); reload and apply your change again"
        )


class IntegrityError(StoreError):
    """A write would break the graph (unknown link end, a node id reused with another label)."""


class ConfigurationError(StoreError):
    """The store setting cannot be understood."""
