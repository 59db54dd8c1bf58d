"""Export the current map view (GraphML for i2 / Gephi, CSV, standalone HTML), audited.

Exports carry exactly what the view shows (names already minimised for its purpose), every
link's basis and grading, and a warning when opinion or ungraded links would travel as fact.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

import networkx as nx

from graphdb.base import GraphStore
from mapping import audit
from mapping.services.access import Permission, User, authorise
from mapping.services.views import NetworkView, ViewLink
from schemas.enums import PERSON_LABELS, Purpose

FORMATS = {
    "graphml": "application/graphml+xml",
    "csv": "text/csv",
    "html": "text/html",
}
CSV_COLUMNS = [
    "link_id",
    "type",
    "kind",
    "source_id",
    "source_name",
    "source_kind",
    "target_id",
    "target_name",
    "target_kind",
    "evidence",
    "basis",
    "grading",
    "reporting_agency",
    "reported_at",
    "observed_from",
    "observed_to",
]


@dataclass(frozen=True, slots=True)
class ViewExport:
    filename: str
    mime: str
    data: bytes
    warning: str | None


def _link_fields(link: ViewLink) -> dict[str, str]:
    return {
        "id": link.id,
        "type": link.type,
        "kind": link.kind or "",
        "evidence": link.evidence,
        "basis": link.basis or "",
        "grading": link.grading or "",
        "reporting_agency": link.reporting_agency or "",
        "reported_at": link.reported_at or "",
        "observed_from": link.observed_from or "",
        "observed_to": link.observed_to or "",
    }


def graphml_bytes(view: NetworkView, *, exported_by: str) -> bytes:
    """The view as GraphML: node and link attributes, purpose and warning on the graph."""
    G = nx.MultiGraph(
        purpose=view.purpose.value if view.purpose else "",
        warning=view.warning or "",
        exported_by=exported_by,
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    for node in view.nodes:
        G.add_node(
            node.id,
            label=node.label,
            kind=node.kind,
            rag=node.rag or "",
            peer_group=node.peer_group or 0,
            betweenness=node.betweenness,
            minimised=node.minimised,
        )
    for link in view.links:
        G.add_edge(link.source, link.target, key=link.id, **_link_fields(link))
    out = io.BytesIO()
    nx.write_graphml(G, out)
    return out.getvalue()


def csv_bytes(view: NetworkView) -> bytes:
    """One row per link with both ends (i2-style); records without links get a row of their own."""
    names = {n.id: n for n in view.nodes}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    linked: set[str] = set()
    for link in view.links:
        fields = _link_fields(link)
        row = {"link_id": fields.pop("id"), **fields}
        for end, node_id in (("source", link.source), ("target", link.target)):
            linked.add(node_id)
            node = names.get(node_id)
            row[f"{end}_id"] = node_id
            row[f"{end}_name"] = _safe_cell(node.label if node else "")
            row[f"{end}_kind"] = node.kind if node else ""
        writer.writerow(row)
    for node in view.nodes:
        if node.id not in linked:
            writer.writerow(
                {
                    "source_id": node.id,
                    "source_name": _safe_cell(node.label),
                    "source_kind": node.kind,
                }
            )
    return out.getvalue().encode("utf-8")


def _safe_cell(text: str) -> str:
    """Stop a spreadsheet treating a name as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_view(
    store: GraphStore,
    user: User,
    view: NetworkView,
    fmt: str,
    *,
    reason: str,
    purpose: Purpose | None = None,
    html: str | None = None,
) -> ViewExport:
    """Export a view in `graphml`, `csv` or `html` (the page renders the HTML), audited.

    Raises:
        PermissionDenied: the role may not export views (refusal audited).
        ValueError: unknown format, no reason given, or `html` missing for the HTML format.
    """
    ids = tuple(n.id for n in view.nodes if n.kind in PERSON_LABELS)
    authorise(store, user, Permission.EXPORT_VIEW, ids)
    if fmt not in FORMATS:
        raise ValueError(f"fmt: choose one of {', '.join(FORMATS)}")
    if len(reason.strip()) < 5:
        raise ValueError("reason: say why the view is exported (at least 5 characters)")
    declared = purpose or view.purpose
    if fmt == "graphml":
        data = graphml_bytes(view, exported_by=user.username)
    elif fmt == "csv":
        data = csv_bytes(view)
    elif html:
        data = html.encode("utf-8")
    else:
        raise ValueError("html: the rendered map is needed for an HTML export")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="export_view",
        entity_ids=ids,
        purpose=declared.value if declared else None,
        detail=f"{fmt}; {len(view.nodes)} nodes; reason: {reason.strip()[:300]}",
    )
    return ViewExport(f"contextmap-view-{stamp}.{fmt}", FORMATS[fmt], data, view.warning)
