"""Pydantic models for link properties: the provenance every link carries, plus per-type fields."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import model_validator

from schemas.common import Grading, Model, ShortText, Text
from schemas.enums import (
    AssociationKind,
    Basis,
    ConcernKind,
    InvolvementRole,
    LinkType,
    NodeLabel,
    ProtectiveKind,
)


class Provenance(Model):
    """Who said it, when, how they know, whether it is fact or opinion, and its 3x5x2 grading."""

    reported_at: date | datetime | None = None
    reported_by: ShortText | None = None
    reporting_agency: ShortText | None = None
    basis: Basis | None = None
    grading: Grading | None = None
    source_note: Text | None = None
    observed_from: date | datetime | None = None
    observed_to: date | datetime | None = None
    meeting_id: ShortText | None = None
    status: ShortText | None = None

    @model_validator(mode="after")
    def _observed_in_order(self) -> Provenance:
        if self.observed_from and self.observed_to:
            start = _as_date(self.observed_from)
            if _as_date(self.observed_to) < start:
                raise ValueError("observed_to must not be before observed_from")
        return self


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


class AssociatesWith(Provenance):
    kind: AssociationKind = AssociationKind.OTHER


class ConcernFor(Provenance):
    kind: ConcernKind = ConcernKind.OTHER


class InvolvedIn(Provenance):
    role: InvolvementRole = InvolvementRole.OTHER


class ProtectiveFor(Provenance):
    kind: ProtectiveKind = ProtectiveKind.OTHER


class PlainLink(Provenance):
    """Links with provenance only (SEEN_AT, FREQUENTS, LIVES_AT …)."""


LINK_MODELS: dict[LinkType, type[Provenance]] = {
    LinkType.ASSOCIATES_WITH: AssociatesWith,
    LinkType.CONCERN_FOR: ConcernFor,
    LinkType.INVOLVED_IN: InvolvedIn,
    LinkType.PROTECTIVE_FOR: ProtectiveFor,
}


def link_model(link_type: LinkType) -> type[Provenance]:
    return LINK_MODELS.get(link_type, PlainLink)


_P = frozenset({NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN})
_ANY = frozenset(NodeLabel)

# Which labels may stand at each end of a link type (source, target).
LINK_ENDPOINTS: dict[LinkType, tuple[frozenset[NodeLabel], frozenset[NodeLabel]]] = {
    LinkType.ASSOCIATES_WITH: (_P, _P),
    LinkType.CONCERN_FOR: (_P, frozenset({NodeLabel.CHILD})),
    LinkType.SEEN_AT: (_P, frozenset({NodeLabel.LOCATION})),
    LinkType.FREQUENTS: (_P, frozenset({NodeLabel.LOCATION})),
    LinkType.LIVES_AT: (_P, frozenset({NodeLabel.LOCATION})),
    LinkType.PLACED_AT: (_P, frozenset({NodeLabel.LOCATION})),
    LinkType.ATTENDS: (_P, frozenset({NodeLabel.LOCATION, NodeLabel.ORGANISATION})),
    LinkType.MEMBER_OF: (_P, frozenset({NodeLabel.GROUP})),
    LinkType.INVOLVED_IN: (_P | {NodeLabel.OBJECT}, frozenset({NodeLabel.INCIDENT})),
    LinkType.OCCURRED_AT: (frozenset({NodeLabel.INCIDENT}), frozenset({NodeLabel.LOCATION})),
    LinkType.USES: (_P | {NodeLabel.GROUP}, frozenset({NodeLabel.OBJECT})),
    LinkType.DISCUSSED_AT: (_ANY, frozenset({NodeLabel.MEETING})),
    LinkType.SUBJECT_OF: (_ANY, frozenset({NodeLabel.REFERRAL})),
    LinkType.ASSIGNED_TO: (frozenset({NodeLabel.ACTION}), _ANY),
    LinkType.PROTECTIVE_FOR: (
        _P | {NodeLabel.LOCATION, NodeLabel.ORGANISATION, NodeLabel.GROUP},
        frozenset({NodeLabel.CHILD}),
    ),
}


def link_date(properties: dict[str, object]) -> str | None:
    """The date a link is filed under for date filters: when observed, else when reported."""
    value = properties.get("observed_from") or properties.get("reported_at")
    return str(value)[:10] if value else None


def link_in_window(properties: dict[str, object], since: str | None, until: str | None) -> bool:
    """True when the link's observed period overlaps [since, until]; undated links always pass."""
    start = link_date(properties)
    if start is None:
        return True
    end = str(properties.get("observed_to") or start)[:10]
    if since and end < since:
        return False
    return not (until and start > until)


__all__ = ["Provenance", "LINK_MODELS", "LINK_ENDPOINTS", "link_model", "link_date", "Text"]
