"""The network-view model shared by the explorer, profiles and agenda: nodes, links, minimisation.

Plain dataclasses a page can render without reading the store again. Names pass through a
`Namer`, which applies the declared purpose (other young people by initials only) and lock-down;
special-category fields never enter a view.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphdb.base import GraphStore
from mapping.services.access import FULL_IDENTITY_PURPOSES, User, shows_full_identities
from mapping.services.lockdown import restriction
from schemas.enums import MINIMISED_PURPOSES, RAG_ORDER, LinkType, NodeLabel, Purpose, Rag
from schemas.nodes import display_name
from schemas.records import StoredLink, StoredNode
from schemas.reference import DISRUPTION_MEASURES

NETWORK_TYPES: tuple[LinkType, ...] = (
    LinkType.ASSOCIATES_WITH,
    LinkType.CONCERN_FOR,
    LinkType.SEEN_AT,
    LinkType.FREQUENTS,
    LinkType.LIVES_AT,
    LinkType.PLACED_AT,
    LinkType.ATTENDS,
    LinkType.MEMBER_OF,
    LinkType.INVOLVED_IN,
    LinkType.OCCURRED_AT,
    LinkType.USES,
    LinkType.PROTECTIVE_FOR,
)
"""Link types a map follows (meetings, referrals and actions are workflow, not association)."""
NETWORK_LABELS = frozenset(
    {
        NodeLabel.CHILD,
        NodeLabel.PERSON_OF_CONCERN,
        NodeLabel.LOCATION,
        NodeLabel.GROUP,
        NodeLabel.OBJECT,
        NodeLabel.INCIDENT,
        NodeLabel.ORGANISATION,
    }
)
DISRUPTION_NAMES = dict(DISRUPTION_MEASURES)
_SCHEME = re.compile(r"(?i)\b[a-z][a-z0-9+.\-]*://")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(value: object, limit: int = 200) -> str:
    """Text safe to show anywhere: no control characters, no URL schemes, bounded length."""
    text = _CONTROL.sub(" ", str(value))
    return _SCHEME.sub("", text)[:limit]


def evidence(properties: dict[str, Any]) -> str:
    """`fact` (stated fact with a 3x5x2 grading), `opinion`, or `ungraded` (anything else)."""
    basis = properties.get("basis")
    if basis == "opinion":
        return "opinion"
    if basis == "fact" and properties.get("grading"):
        return "fact"
    return "ungraded"


def rag_max(node: StoredNode) -> str | None:
    """The highest RAG a node carries: a child's categories, or a context assessment."""
    props = node.properties
    levels = [str(v) for v in (props.get("rag") or {}).values()]
    if props.get("assessment_rag"):
        levels.append(str(props["assessment_rag"]))
    ranked = [v for v in levels if v in {r.value for r in Rag}]
    return max(ranked, key=lambda v: RAG_ORDER[Rag(v)]) if ranked else None


def initials(name: str) -> str:
    """Initials only, e.g. "Jayden Smith" → "J.S."."""
    parts = [p for p in re.split(r"[\s\-]+", name) if p and p[0].isalpha()]
    return "".join(f"{p[0].upper()}." for p in parts) or "?"


def is_young_person(node: StoredNode, today: date | None = None) -> bool:
    """A child record, or a person of concern under 18 (peer-on-peer: a victim first)."""
    if node.label == NodeLabel.CHILD:
        return True
    born = str(node.properties.get("date_of_birth") or "")[:10]
    if node.label != NodeLabel.PERSON_OF_CONCERN or len(born) != 10:
        return False
    try:
        birth = date.fromisoformat(born)
    except ValueError:
        return False
    now = today or date.today()
    age = now.year - birth.year - ((now.month, now.day) < (birth.month, birth.day))
    return age < 18


def full_identities(user: User, purpose: Purpose | None) -> bool:
    """Whether this user sees other young people's names under this purpose."""
    if purpose is None or purpose in MINIMISED_PURPOSES:
        return False
    return shows_full_identities(user, purpose)


def may_see_names(user: User) -> bool:
    """Roles that see full identities for some purpose (they pick records by name)."""
    return user.role in FULL_IDENTITY_PURPOSES


class Namer:
    """Display names under a declared purpose; the focal record always keeps its name."""

    def __init__(
        self, store: GraphStore, user: User, purpose: Purpose | None, focus_id: str | None = None
    ) -> None:
        self.store, self.user, self.focus_id = store, user, focus_id
        self.full = full_identities(user, purpose)
        self._given: Counter[str] = Counter()
        self._names: dict[str, tuple[str, bool]] = {}

    def name(self, node: StoredNode) -> tuple[str, bool]:
        """(name to show, whether it was minimised); stable per node id."""
        if node.id in self._names:
            return self._names[node.id]
        notice = restriction(self.store, self.user, node)
        full = plain(display_name(str(node.label), node.properties))
        if node.label == NodeLabel.INCIDENT:
            kind = str(node.properties.get("incident_type") or "incident").replace("_", " ")
            full = f"{kind.capitalize()} {str(node.properties.get('occurred_at') or '')[:10]}"
        if notice is not None:
            shown = (f"Restricted record ({', '.join(notice.agencies)})", True)
        elif node.id == self.focus_id or self.full or not is_young_person(node):
            shown = (full, False)
        else:
            short = initials(full)
            self._given[short] += 1
            count = self._given[short]
            shown = (short if count == 1 else f"{short} ({count})", True)
        self._names[node.id] = shown
        return shown


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str
    kind: str
    label: str
    rag: str | None = None
    peer_group: int | None = None
    betweenness: float = 0.0
    degree: int = 0
    focus: bool = False
    minimised: bool = False
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ViewLink:
    id: str
    source: str
    target: str
    type: str
    evidence: str
    basis: str | None = None
    grading: str | None = None
    reporting_agency: str | None = None
    reported_at: str | None = None
    observed_from: str | None = None
    observed_to: str | None = None
    kind: str | None = None

    @property
    def detail(self) -> str:
        head = self.type.replace("_", " ").lower() + (f" ({self.kind})" if self.kind else "")
        lines = [head, f"{self.evidence}; grading {self.grading or 'none'}"]
        if self.reporting_agency:
            lines.append(f"reported by {self.reporting_agency} {self.reported_at or ''}".strip())
        if self.observed_from:
            lines.append(f"observed {self.observed_from} to {self.observed_to or '…'}")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class NetworkView:
    """What a map shows, under which purpose and filters."""

    nodes: list[ViewNode]
    links: list[ViewLink]
    purpose: Purpose | None
    focus_id: str | None = None
    hops: int = 0
    since: str | None = None
    until: str | None = None
    facts_only: bool = False
    minimised: bool = True
    unexpanded: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for link in self.links if link.evidence == kind)

    @property
    def warning(self) -> str | None:
        """The "shared as if fact" warning, when opinion or ungraded links are in the view."""
        opinion, ungraded = self.count("opinion"), self.count("ungraded")
        if not opinion and not ungraded:
            return None
        return (
            f"This view contains {opinion} opinion and {ungraded} ungraded link(s). "
            "Do not share them as if they were fact: each link's basis and grading is "
            "included and must travel with it."
        )


def view_link(link: StoredLink) -> ViewLink:
    p = link.properties

    def day(key: str) -> str | None:
        return str(p[key])[:10] if p.get(key) else None

    kind = p.get("kind") or p.get("role")
    return ViewLink(
        id=link.id,
        source=link.source,
        target=link.target,
        type=str(link.type),
        evidence=evidence(p),
        basis=str(p["basis"]) if p.get("basis") else None,
        grading=str(p["grading"]) if p.get("grading") else None,
        reporting_agency=plain(p["reporting_agency"]) if p.get("reporting_agency") else None,
        reported_at=day("reported_at"),
        observed_from=day("observed_from"),
        observed_to=day("observed_to"),
        kind=str(kind) if kind else None,
    )


def node_detail(node: StoredNode, name: str, minimised: bool) -> str:
    """Plain-text tooltip lines from whitelisted fields only (never special-category data)."""
    p = node.properties
    kind = str(node.label)
    lines = [
        name,
        {"PersonOfConcern": "Person of concern", "Child": "Young person"}.get(kind, kind),
    ]
    if minimised:
        lines.append("initials only for this purpose")
    if p.get("rag"):
        lines.append("RAG: " + ", ".join(f"{c} {v}" for c, v in sorted(p["rag"].items())))
    for key, title in (
        ("assessment_rag", "context RAG"),
        ("status", "status"),
        ("location_type", "type"),
        ("group_type", "type"),
        ("object_type", "type"),
        ("incident_type", "type"),
        ("occurred_at", "when"),
    ):
        if p.get(key) and not (minimised and key == "status"):
            lines.append(f"{title}: {plain(str(p[key]).replace('_', ' '), 40)}")
    if node.label == NodeLabel.OBJECT and p.get("value"):
        lines.append(plain(p["value"], 60))
    measures = [DISRUPTION_NAMES.get(str(m), str(m)) for m in p.get("disruption_measures") or []]
    if measures:
        lines.append("disruption: " + "; ".join(plain(m, 60) for m in measures))
    return "\n".join(lines)
