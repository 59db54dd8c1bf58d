"""The analyst's network explorer: search, ego networks, paths (role-checked, audited, minimised).

Maps open small and grow on demand: an ego view above `MAX_NEIGHBOURS` neighbours is refused
with `TooManyNeighbours` until the caller confirms. Schools and agencies appear in a view but
are not expanded (a school roll is not an association). Exports live in `explore_export`.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from graphdb.terms import SearchField
from mapping import audit
from mapping.services.access import Permission, User, authorise
from mapping.services.explore_export import ViewExport, export_view
from mapping.services.view_graph import build_view
from mapping.services.views import NETWORK_LABELS, NETWORK_TYPES, Namer, NetworkView, may_see_names
from schemas.enums import PERSON_LABELS, LinkType, LocationType, NodeLabel, Purpose
from schemas.links import link_in_window
from schemas.records import StoredLink, StoredNode

__all__ = [
    "PathsResult",
    "SearchHit",
    "TooManyNeighbours",
    "ViewExport",
    "ego_view",
    "export_view",
    "paths_between",
    "search_people",
]

MAX_NEIGHBOURS = 100
MAX_PATHS = 20


class TooManyNeighbours(Exception):
    """The view would show more than the cap; ask the user before showing it."""

    def __init__(self, count: int, hops: int) -> None:
        super().__init__(f"too many neighbours ({count}) — confirm to show")
        self.count, self.hops = count, hops


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    kind: str
    name: str
    detail: str


@dataclass(frozen=True, slots=True)
class PathsResult:
    paths: list[list[str]]
    view: NetworkView


def _is_hub(node: StoredNode) -> bool:
    if node.label == NodeLabel.ORGANISATION:
        return True
    return (
        node.label == NodeLabel.LOCATION
        and node.properties.get("location_type") == LocationType.SCHOOL
    )


def search_people(
    store: GraphStore,
    user: User,
    text: str,
    field: SearchField = SearchField.ANY,
    *,
    include_places: bool = False,
    limit: int = 20,
    purpose: Purpose | None = None,
) -> list[SearchHit]:
    """People (and the phones / vehicles they use) matching a name, alias, phone or vehicle.

    Roles that see full identities for some purpose see names; others see initials. The
    search is audited with the ids found and the declared purpose (never the text typed).
    """
    authorise(store, user, Permission.SEARCH_RECORDS)
    if len(text.strip()) < 2:
        return []
    labels = [*PERSON_LABELS, NodeLabel.OBJECT]
    if include_places:
        labels += [NodeLabel.LOCATION, NodeLabel.GROUP]
    found = store.find(text.strip(), field=field, labels=labels, limit=limit)
    namer = Namer(store, user, Purpose.PANEL_OVERSIGHT if may_see_names(user) else None)
    hits: dict[str, SearchHit] = {}
    for node in found:
        if node.properties.get("merged_into"):
            continue
        name, _ = namer.name(node)
        if node.label == NodeLabel.OBJECT:
            what = f"{node.properties.get('object_type', 'object')} {name}"
            hits[node.id] = SearchHit(node.id, str(node.label), name, what)
            users = [x.source for x in store.links_of([node.id], types=[LinkType.USES])]
            for owner in store.get_nodes(users).values():
                if owner.label in PERSON_LABELS and owner.id not in hits:
                    owner_name, _ = namer.name(owner)
                    hits[owner.id] = SearchHit(
                        owner.id, str(owner.label), owner_name, f"uses {what}"
                    )
            continue
        born = str(node.properties.get("date_of_birth") or "")[:4]
        aliases = ", ".join(str(a) for a in node.properties.get("aliases") or [])
        bits = [f"born {born}" if born else "", f"alias {aliases}" if aliases else ""]
        detail = "; ".join(b for b in bits if b) if namer.full else ""
        hits[node.id] = SearchHit(node.id, str(node.label), name, detail)
    result = list(hits.values())[:limit]
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="search",
        entity_ids=[h.id for h in result],
        purpose=purpose.value if purpose else None,
        detail=f"field={field.value}; {len(result)} result(s)",
    )
    return result


def _admits(link: StoredLink, since: str | None, until: str | None, facts_only: bool) -> bool:
    if facts_only and link.properties.get("basis") != "fact":
        return False
    return link_in_window(link.properties, since, until)


def _expand(
    store: GraphStore,
    start: StoredNode,
    hops: int,
    *,
    since: str | None,
    until: str | None,
    facts_only: bool,
    cap: int | None,
) -> tuple[dict[str, StoredNode], dict[str, StoredLink], list[str]]:
    """Breadth-first from `start`, stopping with TooManyNeighbours once past `cap`."""
    nodes = {start.id: start}
    kept: dict[str, StoredLink] = {}
    hubs: list[str] = []
    frontier = {start.id}
    for hop in range(hops):
        if not frontier:
            break
        links = [
            x
            for x in store.links_of(frontier, types=NETWORK_TYPES)
            if _admits(x, since, until, facts_only)
        ]
        ends = {e for x in links for e in (x.source, x.target)} - nodes.keys()
        fresh = {
            n.id: n
            for n in store.get_nodes(ends).values()
            if n.label in NETWORK_LABELS and not n.properties.get("merged_into")
        }
        nodes.update(fresh)
        kept.update({x.id: x for x in links if x.source in nodes and x.target in nodes})
        if cap is not None and len(nodes) - 1 > cap:
            raise TooManyNeighbours(len(nodes) - 1, hop + 1)
        hubs += sorted(n for n, node in fresh.items() if _is_hub(node))
        frontier = {n for n, node in fresh.items() if not _is_hub(node)}
    for x in store.links_of(frontier, types=NETWORK_TYPES) if frontier else []:
        if x.source in nodes and x.target in nodes and _admits(x, since, until, facts_only):
            kept[x.id] = x
    return nodes, kept, hubs


def _focus(store: GraphStore, node_id: str) -> StoredNode:
    node = store.get_node(node_id)
    if node is None or node.label not in NETWORK_LABELS:
        raise NotFound(f"no person, place or object {node_id}")
    return node


def ego_view(
    store: GraphStore,
    user: User,
    node_id: str,
    *,
    hops: int = 1,
    purpose: Purpose,
    since: str | None = None,
    until: str | None = None,
    include_opinion: bool = True,
    max_neighbours: int = MAX_NEIGHBOURS,
    confirm_large: bool = False,
) -> NetworkView:
    """A record and everything within 1–3 links of it, under a declared purpose (audited).

    Raises:
        PermissionDenied: the role may not explore the network (refusal audited).
        NotFound: no such record.
        TooManyNeighbours: more than `max_neighbours` neighbours and not `confirm_large`.
        ValueError: `hops` outside 1–3.
    """
    authorise(store, user, Permission.EXPLORE_NETWORK, (node_id,))
    if not 1 <= hops <= 3:
        raise ValueError("hops: choose 1, 2 or 3")
    start = _focus(store, node_id)
    nodes, links, hubs = _expand(
        store,
        start,
        hops,
        since=since,
        until=until,
        facts_only=not include_opinion,
        cap=None if confirm_large else max_neighbours,
    )
    view = build_view(
        store,
        user,
        purpose,
        nodes,
        links.values(),
        focus_id=node_id,
        hops=hops,
        since=since,
        until=until,
        facts_only=not include_opinion,
        unexpanded=hubs,
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_network",
        entity_ids=[node_id, *(n.id for n in view.nodes if n.kind in PERSON_LABELS)],
        purpose=purpose.value,
        detail=f"{hops} hop(s); {len(view.nodes)} nodes; minimised={view.minimised}",
    )
    return view


def paths_between(
    store: GraphStore,
    user: User,
    a: str,
    b: str,
    max_hops: int = 4,
    *,
    purpose: Purpose | None = None,
) -> PathsResult:
    """Every shortest path (up to `max_hops` links, at most 20) between two records (audited).

    Without a `purpose` other young people are shown by initials only.
    """
    authorise(store, user, Permission.EXPLORE_NETWORK, (a, b))
    if not 1 <= max_hops <= 6:
        raise ValueError("max_hops: choose between 1 and 6")
    for node_id in (a, b):
        _focus(store, node_id)
    paths = store.shortest_paths(a, b, max_hops=max_hops, types=NETWORK_TYPES)[:MAX_PATHS]
    on_path = {n for path in paths for n in path}
    steps = {frozenset(pair) for path in paths for pair in zip(path, path[1:], strict=False)}
    around = store.links_of(on_path, types=NETWORK_TYPES) if on_path else []
    links = [x for x in around if frozenset((x.source, x.target)) in steps]
    nodes = store.get_nodes(on_path) if on_path else {}
    view = build_view(store, user, purpose, nodes, links, focus_id=a)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_paths",
        entity_ids=[a, b, *sorted(n for n, x in nodes.items() if x.label in PERSON_LABELS)],
        purpose=purpose.value if purpose else None,
        detail=f"{len(paths)} shortest path(s) within {max_hops} hops",
    )
    return PathsResult(paths, view)
